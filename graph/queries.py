"""Every read query of the API, by name. Values always travel as $parameters."""

from __future__ import annotations

from typing import LiteralString

HEALTH: LiteralString = """
CALL dbms.components() YIELD name, versions, edition
OPTIONAL MATCH (m:Meta {id: 'graph'})
RETURN versions[0] AS version, edition, m.version AS graph_version
"""

# The version token of the graph: every write path bumps `version` and sets `updated_at`, so the
# pair changes even when a wiped graph starts counting again.
GRAPH_VERSION: LiteralString = """
OPTIONAL MATCH (m:Meta {id: 'graph'})
RETURN coalesce(toString(m.version), '0') + '@' + coalesce(toString(m.updated_at), '') AS token
"""

# ---------------------------------------------------------------------------------------------
# Fragments. They are composed with `+` only, so every statement stays a LiteralString.

# A node `n` as the API renders it; graph/reads/common.py turns it into an EntityRef. Moves carry
# the names needed to title them ("Carlo Ancelotti → AS Roma").
_NODE: LiteralString = """{
  id: n.id, name: coalesce(n.name, n.title, n.id), labels: labels(n), kind: n.kind,
  status: n.status, date: n.date, aliases: n.aliases,
  first_reported: n.first_reported, last_reported: n.last_reported,
  coach_name: CASE WHEN n:Move THEN [(n)-[:MOVE_OF]->(mcoach) | mcoach.name][0] END,
  from_name: CASE WHEN n:Move THEN [(n)-[:FROM_TEAM]->(mfrom) | mfrom.name][0] END,
  to_name: CASE WHEN n:Move THEN [(n)-[:TO_TEAM]->(mto) | mto.name][0] END
}"""

# A tenure `t` as a list, not a map: the driver decodes every key of every map as a new string,
# and a timeline holds ~30 tenures of ~20 values each (decoding was a fifth of a timeline
# request's CPU in the API). Positions are named in graph/reads/careers.py (TenureRow): id, role,
# start, start_precision, end, end_precision, contract_until, disputed, then its sources, best-
# ranked claim first, each [id, kind, title, url, date, evidence]. Each statement appends who held
# the tenure or where: [id, name, labels, kind].
# It reads the tenure's values from `tp = properties(t)`, which each statement binds: Neo4j looks
# a property up by walking the node's property records from the first, so ten lookups (one of an
# absent key, which walks them all) cost more than one pass (docs/performance.md, "Why the code
# is the way it is").
_TENURE_ROW: LiteralString = """tp.id, tp.role, tp.start, tp.start_precision,
    tp.end, tp.end_precision, tp.contract_until, coalesce(tp.disputed, false),
    COLLECT {
      MATCH (t)-[c:SOURCED_FROM]->(s:Source)
      WITH c, s ORDER BY c.rank, s.id
      RETURN [s.id, s.kind, s.title, s.url, s.date, c.evidence]
    },
    [toString(tp.observed_from), toString(tp.observed_to), tp.observations]"""

# A move `m` with its coach, teams and reports (each report with its source and outlet).
_MOVE: LiteralString = """{
  id: m.id, kind: m.kind, status: m.status,
  first_reported: m.first_reported, last_reported: m.last_reported,
  coach: [(m)-[:MOVE_OF]->(p) | {id: p.id, name: p.name, labels: labels(p)}][0],
  from: [(m)-[:FROM_TEAM]->(f) | {id: f.id, name: f.name, labels: labels(f), kind: f.kind}][0],
  to: [(m)-[:TO_TEAM]->(t) | {id: t.id, name: t.name, labels: labels(t), kind: t.kind}][0],
  reports: COLLECT {
    MATCH (m)-[r:REPORTED_IN]->(s:Source)
    WITH r, s ORDER BY r.date_value, r.date, s.id, r.outlet
    RETURN {
      source: {id: s.id, title: s.title, url: s.url, date: s.date, kind: s.kind},
      outlet: coalesce(
        COLLECT {
          MATCH (o:Outlet {id: r.outlet}) RETURN {id: o.id, name: o.name, labels: labels(o)}
        }[0],
        [(s)-[:PUBLISHED_BY]->(o) | {id: o.id, name: o.name, labels: labels(o)}][0]),
      date: r.date, status: r.status, evidence: r.evidence
    }
  }
}"""

# Influence `r` of person `p` on a move.
_INFLUENCE: LiteralString = """{
  person: {id: p.id, name: p.name, labels: labels(p)},
  polarity: r.polarity, how: r.how, evidence: r.evidence,
  source: COLLECT {
    MATCH (s:Source {id: r.source}) RETURN {id: s.id, title: s.title, url: s.url, kind: s.kind}
  }[0]
}"""

# ---------------------------------------------------------------------------------------------
# Entities by id

# The labels of the linkable entities (people, teams, outlets, moves, sources), each with an id
# constraint.
_ENTITY_LABELS: tuple[LiteralString, ...] = ("Person", "Team", "Outlet", "Move", "Source")


def _entity_union(param: LiteralString) -> LiteralString:
    """A `CALL` returning `n`, every entity whose id is `$param` (one per label at most)."""
    return (
        "CALL () {\n  "
        + "\n  UNION ".join(
            "MATCH (n:" + label + " {id: $" + param + "}) RETURN n" for label in _ENTITY_LABELS
        )
        + "\n}"
    )


# Any linkable entity by id, through the id constraints.
ENTITY_BY_ID: LiteralString = (
    _entity_union("id")
    + """
RETURN elementId(n) AS eid, """
    + _NODE
    + """ AS node
ORDER BY eid
LIMIT 1
"""
)

# Which of $people, $teams and $outlets do not exist (for precise 404s on filters).
MISSING_IDS: LiteralString = """
RETURN
  [id IN $people WHERE NOT EXISTS { MATCH (:Person {id: id}) }] AS people,
  [id IN $teams WHERE NOT EXISTS { MATCH (:Team {id: id}) }] AS teams,
  [id IN $outlets WHERE NOT EXISTS { MATCH (:Outlet {id: id}) }] AS outlets
"""

# ---------------------------------------------------------------------------------------------
# Search: substring tiers on the folded `search_key` (TEXT indexes) plus the fuzzy full-text
# score of `entity_names`. score = tier + relevance / (relevance + 1): the full-text relevance
# orders hits within a tier and never lifts one above a better tier. Tiers: 12 the name itself,
# 10 a whole alias, 8 whole words of the name, 7 whole words of an alias, 6 the start of a name or
# alias, 4 the start of a word, 2 anywhere inside, 0 full-text only. With hundreds of coaches a
# surname's bearers ("Inzaghi": Simone Inzaghi) must outrank names that merely start with it
# ("Inzaghini") or aliases that mention it ("Inzaghi's agent"), and a capped relevance tied
# them, leaving the order to the alphabet (tests/test_search_ranking.py). `search_key` is
# `|name|alias|…|` (graph.domain.names.search_key), so `names[1]` is the folded name.
# Every hit is ranked (total counts them all), but only the page's hits get their node map built.
SEARCH: LiteralString = (
    """
CALL () {
  MATCH (n:Person) WHERE n.search_key CONTAINS $key RETURN n, 0.0 AS ft
  UNION ALL
  MATCH (n:Team) WHERE n.search_key CONTAINS $key RETURN n, 0.0 AS ft
  UNION ALL
  MATCH (n:Outlet) WHERE n.search_key CONTAINS $key RETURN n, 0.0 AS ft
  UNION ALL
  CALL db.index.fulltext.queryNodes('entity_names', $fulltext, {limit: 500}) YIELD node, score
  RETURN node AS n, score AS ft
}
WITH n, max(ft) AS ft
WHERE $labels IS NULL OR any(label IN labels(n) WHERE label IN $labels)
WITH n, ft, split(n.search_key, '|') AS names
WITH n, ft, CASE
    WHEN names[1] = $key THEN 12.0
    WHEN n.search_key CONTAINS '|' + $key + '|' THEN 10.0
    WHEN ' ' + names[1] + ' ' CONTAINS ' ' + $key + ' ' THEN 8.0
    WHEN any(alias IN names[2..] WHERE ' ' + alias + ' ' CONTAINS ' ' + $key + ' ') THEN 7.0
    WHEN n.search_key CONTAINS '|' + $key THEN 6.0
    WHEN n.search_key CONTAINS ' ' + $key THEN 4.0
    WHEN n.search_key CONTAINS $key THEN 2.0
    ELSE 0.0 END AS tier
WITH n, tier + ft / (ft + 1.0) AS score
ORDER BY score DESC, n.name, n.id
WITH collect({score: score, n: n}) AS hits
WITH size(hits) AS total, hits[$offset..$offset + $limit] AS page
UNWIND CASE WHEN size(page) = 0 THEN [null] ELSE page END AS hit
WITH total, hit.score AS score, hit.n AS n
RETURN total, collect(CASE WHEN n IS NULL THEN null ELSE {score: score, node: """
    + _NODE
    + """} END) AS items
"""
)

# ---------------------------------------------------------------------------------------------
# Statements for batches: the API's hottest reads take a list of requests, `$requests`, each a map
# of the request's values plus its `key`, and return one row per request found, with its `key`.
# Concurrent requests share one statement (Repository.read_one, graph/coalesce.py); a lone
# request is a batch of one.

# ---------------------------------------------------------------------------------------------
# Careers and timelines. A tenure's start_date is the earliest day its start may be, end_date the
# latest day its end may be (null = ongoing).

# Per request: id, roles (null for any), offset, limit. Each tenure row ends with its team.
COACH_CAREER: LiteralString = (
    """
UNWIND $requests AS req
MATCH (p:Person {id: req.id}) WHERE p:Coach
CALL (req, p) {
  OPTIONAL MATCH (p)-[:HELD]->(t:Tenure)-[:AT]->(team:Team)
  WHERE req.roles IS NULL OR t.role IN req.roles
  WITH p, t, team, properties(t) AS tp
  ORDER BY coalesce(tp.start_date, tp.observed_from), tp.end_date, tp.id
  RETURN collect(CASE WHEN t IS NULL THEN null ELSE ["""
    + _TENURE_ROW
    + """,
    team.id, team.name, labels(team), team.kind
  ] END) AS tenures
}
RETURN req.key AS key, {id: p.id, name: p.name, labels: labels(p)} AS coach,
       size(tenures) AS total,
       tenures[req.offset..req.offset + req.limit] AS tenures,
       // the ongoing tenures (end, at 4, null); the reads pick the current job among them
       [x IN tenures WHERE x[4] IS NULL] AS ongoing
"""
)

# Every tenure at a team whose role is in the request's roles, chronological (at most $cap). Each
# tenure row ends with its coach and `covers`: whether the tenure may have been running on the
# request's day `at` (a date or null). Per request: id, roles, at.
TEAM_TENURES: LiteralString = (
    """
UNWIND $requests AS req
MATCH (team:Team {id: req.id})
CALL (req, team) {
  OPTIONAL MATCH (team)<-[:AT]-(t:Tenure)<-[:HELD]-(p:Person)
  WHERE t.role IN req.roles
  WITH req, team, t, p, properties(t) AS tp
  ORDER BY coalesce(tp.start_date, tp.observed_from), tp.end_date, tp.id
  LIMIT $cap
  RETURN collect(CASE WHEN t IS NULL THEN null ELSE ["""
    + _TENURE_ROW
    + """,
    p.id, p.name, labels(p), null,
    req.at IS NOT NULL AND CASE WHEN tp.start_date IS NOT NULL
      THEN tp.start_date <= req.at AND (tp.end_date IS NULL OR tp.end_date >= req.at)
      // known only from observations: the days between the first and the last seen
      ELSE coalesce(tp.observed_from <= req.at AND tp.observed_to >= req.at, false) END,
    CASE WHEN req.at IS NULL THEN [] ELSE
      [(t)-[:OBSERVED]->(o:Observation)-[:SOURCED_FROM]->(s:Source) WHERE o.date = req.at
       | [s.id, s.kind, s.title, s.url, o.evidence]] END
  ] END) AS tenures
}
RETURN req.key AS key,
       {id: team.id, name: team.name, labels: labels(team), kind: team.kind} AS team, tenures
"""
)

# ---------------------------------------------------------------------------------------------
# Moves and influencers

# `since`: the move was last reported on or after $since, compared at the stored date's precision.
# `ids`: only these moves (e.g. those with a given resolution); null for any.
# The statement starts from the narrowest filter given (MOVES_BY_ANCHOR): with only `m:Move`
# to start from, a coach's moves were a scan of every move. The
# index hint holds the seek when the index statistics are stale (after emptying and reloading
# the graph the planner scanned the whole id index instead). The filters are all checked again
# on `m` whatever the anchor.
_MOVES_FILTERED: LiteralString = (
    """
WHERE ($ids IS NULL OR m.id IN $ids)
  AND ($coach IS NULL OR m.coach = $coach)
  AND ($from_team IS NULL OR m.from = $from_team)
  AND ($to_team IS NULL OR m.to = $to_team)
  AND ($status IS NULL OR m.status = $status)
  AND ($since IS NULL OR coalesce(m.last_reported, m.first_reported)
       >= left($since, size(coalesce(m.last_reported, m.first_reported))))
  AND ($outlet IS NULL OR EXISTS {
    MATCH (m)-[r:REPORTED_IN]->(s:Source)
    WHERE r.outlet = $outlet OR EXISTS { (s)-[:PUBLISHED_BY]->(:Outlet {id: $outlet}) }
  })
WITH m ORDER BY coalesce(m.last_reported, m.first_reported) DESC, m.id
WITH collect(m) AS moves
WITH size(moves) AS total, moves[$offset..$offset + $limit] AS page
UNWIND CASE WHEN size(page) = 0 THEN [null] ELSE page END AS m
RETURN total, collect(CASE WHEN m IS NULL THEN null ELSE """
    + _MOVE
    + """ END) AS items
"""
)

MOVES_BY_ANCHOR: dict[str, LiteralString] = {
    "coach": "MATCH (a:Person {id: $coach})<-[:MOVE_OF]-(m:Move)\nUSING INDEX SEEK a:Person(id)"
    + _MOVES_FILTERED,
    "from_team": "MATCH (a:Team {id: $from_team})<-[:FROM_TEAM]-(m:Move)\n"
    "USING INDEX SEEK a:Team(id)" + _MOVES_FILTERED,
    "to_team": "MATCH (a:Team {id: $to_team})<-[:TO_TEAM]-(m:Move)\nUSING INDEX SEEK a:Team(id)"
    + _MOVES_FILTERED,
    "none": "MATCH (m:Move)" + _MOVES_FILTERED,
}

MOVE: LiteralString = (
    """
MATCH (m:Move {id: $id})
RETURN """
    + _MOVE
    + """ AS move,
  COLLECT {
    MATCH (p:Person)-[r:INFLUENCED]->(m)
    WITH p, r ORDER BY r.polarity DESC, p.name, r.source
    LIMIT $cap
    RETURN """
    + _INFLUENCE
    + """
  } AS influencers
"""
)

# Per request: id, polarity (null for both), offset, limit.
MOVE_INFLUENCERS: LiteralString = (
    """
UNWIND $requests AS req
MATCH (m:Move {id: req.id})
CALL (req, m) {
  OPTIONAL MATCH (p:Person)-[r:INFLUENCED]->(m)
  WHERE req.polarity IS NULL OR r.polarity = req.polarity
  WITH p, r ORDER BY r.polarity DESC, p.name, r.source
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE """
    + _INFLUENCE
    + """ END) AS items
}
WITH req, m AS n, items
RETURN req.key AS key, """
    + _NODE
    + """ AS move, size(items) AS total, items[req.offset..req.offset + req.limit] AS items
"""
)

# ---------------------------------------------------------------------------------------------
# Paths and the page's subgraph, over entity-level relationships only (no tenure nodes, no
# SOURCED_FROM: every fact has a source, so sources would connect everything to everything).

# The length bound of a variable-length pattern cannot be a parameter, so there is one statement
# per bound (PATHS_1 .. PATHS_8), chosen from PATHS_BY_HOPS by the validated max_hops.
# One round trip: both ends are looked up by id (any entity label; null when unknown) and the
# paths searched between them, rather than three statements and three round trips.


def _entity_lookup(param: LiteralString, var: LiteralString) -> LiteralString:
    """`var`: the entity whose id is `$param` (as ENTITY_BY_ID picks it), or null."""
    return (
        "\nOPTIONAL CALL () {\n"
        + _entity_union(param)
        + "\nRETURN n AS "
        + var
        + " ORDER BY elementId(n) LIMIT 1\n}"
    )


_PATHS_HEAD: LiteralString = (
    _entity_lookup("source", "a")
    + _entity_lookup("target", "b")
    + """
OPTIONAL CALL (a, b) {
  MATCH p = allShortestPaths(
    (a)-[:COACHED|HELD_ROLE|MOVE_OF|FROM_TEAM|TO_TEAM|INFLUENCED|REPORTED|REPORTED_IN|CITES|PUBLISHED_BY"""
)

_PATHS_TAIL: LiteralString = (
    """]-(b))
  WITH p LIMIT $limit
  RETURN collect({
    length: length(p),
    nodes: [n IN nodes(p) | """
    + _NODE
    + """],
    relationships: [r IN relationships(p) | {type: type(r), start: startNode(r).id,
                                             end: endNode(r).id, properties: properties(r)}]
  }) AS paths
}
WITH a AS n, b, paths
WITH CASE WHEN n IS NULL THEN null ELSE """
    + _NODE
    + """ END AS from_node, b AS n, paths
RETURN from_node, CASE WHEN n IS NULL THEN null ELSE """
    + _NODE
    + """ END AS to_node, paths
"""
)

PATHS_1: LiteralString = _PATHS_HEAD + "*..1" + _PATHS_TAIL
PATHS_2: LiteralString = _PATHS_HEAD + "*..2" + _PATHS_TAIL
PATHS_3: LiteralString = _PATHS_HEAD + "*..3" + _PATHS_TAIL
PATHS_4: LiteralString = _PATHS_HEAD + "*..4" + _PATHS_TAIL
PATHS_5: LiteralString = _PATHS_HEAD + "*..5" + _PATHS_TAIL
PATHS_6: LiteralString = _PATHS_HEAD + "*..6" + _PATHS_TAIL
PATHS_7: LiteralString = _PATHS_HEAD + "*..7" + _PATHS_TAIL
PATHS_8: LiteralString = _PATHS_HEAD + "*..8" + _PATHS_TAIL

PATHS_BY_HOPS: dict[int, LiteralString] = {
    1: PATHS_1,
    2: PATHS_2,
    3: PATHS_3,
    4: PATHS_4,
    5: PATHS_5,
    6: PATHS_6,
    7: PATHS_7,
    8: PATHS_8,
}

# Nodes one hop from $frontier not yet $seen, at most $cap of them.
GRAPH_NEIGHBOURS: LiteralString = (
    """
UNWIND $frontier AS eid
MATCH (c) WHERE elementId(c) = eid
MATCH (c)-[:COACHED|MOVE_OF|FROM_TEAM|TO_TEAM|INFLUENCED|HELD_ROLE|REPORTED_IN|REPORTED]-(n)
WHERE NOT elementId(n) IN $seen
WITH DISTINCT n
ORDER BY n.id
LIMIT $cap
RETURN elementId(n) AS eid, """
    + _NODE
    + """ AS node
"""
)

# Relationships among the chosen nodes. MOVE_OF, FROM_TEAM and TO_TEAM carry no properties of
# their own: they are shown with their move's status.
GRAPH_EDGES: LiteralString = """
MATCH (a)-[r:COACHED|MOVE_OF|FROM_TEAM|TO_TEAM|INFLUENCED|HELD_ROLE|REPORTED_IN|REPORTED]->(b)
WHERE elementId(a) IN $eids AND elementId(b) IN $eids
WITH a, r, b ORDER BY type(r), a.id, b.id, elementId(r)
LIMIT $cap
RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props,
       CASE WHEN type(r) IN ['MOVE_OF', 'FROM_TEAM', 'TO_TEAM'] THEN a.status END AS move_status
"""
