"""The loader's Cypher: one batched `UNWIND $rows … MERGE` statement per record kind.

Every row carries `hash`, a digest of its parameters. A node or claim is only written when its
stored `content_hash` differs, so reloading the same data sets no property at all, and each
statement returns how many rows it created and updated.
"""

from __future__ import annotations

from typing import LiteralString

# Every statement here reaches its nodes through unique-constraint seeks (or from a node found
# so), whatever the graph's statistics: tests/test_loader_plans.py checks that a plan made on an
# empty graph scans nothing. Re-planning them when the statistics drift, as Neo4j does once a
# cached plan is old enough, buys nothing and costs time on every statement of a load into a graph
# just emptied (docs/performance.md, "Why the code is the way it is").
_KEEP_PLAN: LiteralString = "CYPHER replan=skip\n"

_COUNTS: LiteralString = """
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN changed AND NOT created THEN 1 ELSE 0 END) AS updated
"""

# The row parameters that hold a day. They travel as ISO text and the statements rebuild them
# with date(): the driver packs a Python date through neo4j.time in Python, on the thread that
# Neo4j is waiting for; text packs in native code.
DAY_PARAMS = ("start_lo", "start_hi", "end_lo", "end_hi", "start_date", "end_date", "date_date")

WRITE_OUTLETS: LiteralString = (
    _KEEP_PLAN
    + """
UNWIND $rows AS row
MERGE (n:Outlet {id: row.id})
WITH n, row, n.content_hash IS NULL AS created, coalesce(n.content_hash, '') <> row.hash AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  SET n.name = row.name, n.aliases = row.aliases, n.search_key = row.search_key,
      n.country = nullIf(row.country, ''), n.url = nullIf(row.url, ''),
      n.content_hash = row.hash)
"""
    + _COUNTS
)

WRITE_SOURCES: LiteralString = (
    _KEEP_PLAN
    + """
UNWIND $rows AS row
MERGE (n:Source {id: row.id})
WITH n, row, n.content_hash IS NULL AS created, coalesce(n.content_hash, '') <> row.hash AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  SET n.kind = row.kind, n.title = row.title, n.date = row.date,
      n.date_precision = row.date_precision, n.date_value = date(row.date_date),
      n.lang = nullIf(row.lang, ''), n.url = nullIf(row.url, ''),
      n.publisher = nullIf(row.publisher, ''), n.text = row.text, n.chars = row.chars,
      n.content_hash = row.hash)
SET n:$(row.labels)
WITH n, row, created, changed
OPTIONAL MATCH (o:Outlet {id: row.outlet})
FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END | MERGE (n)-[:PUBLISHED_BY]->(o))
"""
    + _COUNTS
)

WRITE_PEOPLE: LiteralString = (
    _KEEP_PLAN
    + """
UNWIND $rows AS row
MERGE (n:Person {id: row.id})
WITH n, row, n.content_hash IS NULL AS created, coalesce(n.content_hash, '') <> row.hash AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  SET n.name = row.name, n.aliases = row.aliases, n.search_key = row.search_key,
      n.birth_date = row.birth_date, n.birth_date_precision = row.birth_date_precision,
      n.nationality = row.nationality, n.wikidata_id = row.wikidata_id,
      n.content_hash = row.hash)
SET n:$(row.labels)
WITH n, row, created, changed
OPTIONAL MATCH (s:Source {id: row.source})
FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END | MERGE (n)-[:SOURCED_FROM]->(s))
"""
    + _COUNTS
)

WRITE_TEAMS: LiteralString = (
    _KEEP_PLAN
    + """
UNWIND $rows AS row
MERGE (n:Team {id: row.id})
WITH n, row, n.content_hash IS NULL AS created, coalesce(n.content_hash, '') <> row.hash AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  SET n.name = row.name, n.kind = row.kind, n.aliases = row.aliases,
      n.search_key = row.search_key, n.team_keys = row.team_keys, n.country = row.country,
      n.wikidata_id = row.wikidata_id, n.content_hash = row.hash)
SET n:$(row.labels)
WITH n, row, created, changed
OPTIONAL MATCH (s:Source {id: row.source})
FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END | MERGE (n)-[:SOURCED_FROM]->(s))
"""
    + _COUNTS
)

# A tenure row is one source's claim: it lands on the SOURCED_FROM relationship; the Tenure
# node's agreed values are derived from all its claims by SETTLE_TENURES.
WRITE_TENURE_CLAIMS: LiteralString = (
    _KEEP_PLAN
    + """
UNWIND $rows AS row
MERGE (t:Tenure {id: row.id})
ON CREATE SET t.coach = row.coach, t.team = row.team, t.role = row.role
WITH t, row
MATCH (s:Source {id: row.source})
WHERE NOT EXISTS { (t)-[:RETRACTED]->(s) }
MERGE (t)-[c:SOURCED_FROM]->(s)
WITH t, c, s, row, c.content_hash IS NULL AS created,
     coalesce(c.content_hash, '') <> row.hash AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  SET c.coach = row.coach, c.team = row.team, c.role = row.role,
      c.start = row.start, c.start_lo = date(row.start_lo), c.start_hi = date(row.start_hi),
      c.end = row.end, c.end_lo = date(row.end_lo), c.end_hi = date(row.end_hi),
      c.contract_until = row.contract_until, c.evidence = row.evidence,
      c.content_hash = row.hash,
      t.settled = false)
"""
    + _COUNTS
)

# The claims of the tenures a batch touched that are not settled yet; graph.domain.settlement
# decides their agreed values, which WRITE_SETTLED_TENURES stores with each claim's rank (0 is
# the best) and whether it agrees. A claim without a rank was written before ranks were stored.
UNSETTLED_TENURE_CLAIMS: LiteralString = (
    _KEEP_PLAN
    + """
UNWIND $ids AS id
MATCH (t:Tenure {id: id})
WHERE t.settled = false OR EXISTS { (t)-[c:SOURCED_FROM]->() WHERE c.rank IS NULL }
MATCH (t)-[c:SOURCED_FROM]->(s:Source)
RETURN t.id AS tenure, s.id AS source, s.kind AS source_kind, c.coach AS coach, c.team AS team,
       c.role AS role, c.start AS start, c.end AS end, c.contract_until AS contract_until
"""
)

# The stale AT/COACHED lookups leave `other` unlabelled on purpose: with `other:Team`, a plan made
# while few teams were counted scanned the Team(id) index and expanded into every team, per
# tenure (docs/performance.md, "Settling tenures").
WRITE_SETTLED_TENURES: LiteralString = (
    _KEEP_PLAN
    + """
UNWIND $rows AS row
MATCH (t:Tenure {id: row.id})
SET t.coach = row.coach, t.team = row.team, t.role = row.role,
    t.start = row.start, t.start_precision = row.start_precision,
    t.start_date = date(row.start_date),
    t.end = row.end, t.end_precision = row.end_precision, t.end_date = date(row.end_date),
    t.contract_until = row.contract_until, t.disputed = row.disputed, t.settled = true,
    t.withdrawn = null
WITH t, row
CALL (t, row) {
  UNWIND row.claims AS claim
  MATCH (t)-[c:SOURCED_FROM]->(:Source {id: claim.source})
  SET c.rank = claim.rank, c.agrees = claim.agrees
}
WITH t
MATCH (p:Person {id: t.coach}), (team:Team {id: t.team})
MERGE (p)-[:HELD]->(t)
WITH t, p, team
OPTIONAL MATCH (t)-[old:AT]->(other) WHERE other.id <> t.team
DELETE old
WITH DISTINCT t, p, team
MERGE (t)-[:AT]->(team)
WITH t, p, team
OPTIONAL MATCH (p)-[oldc:COACHED {tenure: t.id}]->(other) WHERE other.id <> t.team
DELETE oldc
WITH DISTINCT t, p, team
MERGE (p)-[r:COACHED {tenure: t.id}]->(team)
SET r.role = t.role, r.start = t.start, r.end = t.end
RETURN count(t) AS settled
"""
)

WRITE_ROLES: LiteralString = (
    _KEEP_PLAN
    + """
UNWIND $rows AS row
MATCH (p:Person {id: row.person}), (team:Team {id: row.team})
MERGE (p)-[r:HELD_ROLE {id: row.id, source: row.source}]->(team)
WITH p, r, row, r.content_hash IS NULL AS created,
     coalesce(r.content_hash, '') <> row.hash AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  SET r.role = row.role, r.start = row.start, r.start_precision = row.start_precision,
      r.start_date = date(row.start_date), r.end = row.end, r.end_precision = row.end_precision,
      r.end_date = date(row.end_date), r.evidence = row.evidence,
      r.content_hash = row.hash)
"""
    + _COUNTS
)

WRITE_MOVES: LiteralString = (
    _KEEP_PLAN
    + """
UNWIND $rows AS row
MERGE (m:Move {id: row.id})
WITH m, row, m.content_hash IS NULL AS created, coalesce(m.content_hash, '') <> row.hash AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  SET m.kind = row.kind, m.status = row.status, m.coach = row.coach,
      m.from = row.from, m.to = row.to,
      m.first_reported_given = row.first_reported, m.last_reported_given = row.last_reported,
      m.content_hash = row.hash, m.settled = false)
WITH m, row, created, changed
MATCH (p:Person {id: row.coach}), (s:Source {id: row.source})
MERGE (m)-[:MOVE_OF]->(p)
MERGE (m)-[c:SOURCED_FROM]->(s)
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET c.evidence = row.evidence)
WITH m, row, created, changed
OPTIONAL MATCH (f:Team {id: row.from})
FOREACH (_ IN CASE WHEN f IS NULL THEN [] ELSE [1] END | MERGE (m)-[:FROM_TEAM]->(f))
WITH m, row, created, changed
OPTIONAL MATCH (t:Team {id: row.to})
FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (m)-[:TO_TEAM]->(t))
"""
    + _COUNTS
)

WRITE_MOVE_REPORTS: LiteralString = (
    _KEEP_PLAN
    + """
UNWIND $rows AS row
MATCH (m:Move {id: row.move}), (s:Source {id: row.source})
WHERE NOT EXISTS { (m)-[:RETRACTED {outlet: coalesce(row.outlet, '')}]->(s) }
MERGE (m)-[r:REPORTED_IN {outlet: coalesce(row.outlet, '')}]->(s)
WITH m, s, r, row, r.content_hash IS NULL AS created,
     coalesce(r.content_hash, '') <> row.hash AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  SET r.status = row.status, r.date = row.date, r.date_precision = row.date_precision,
      r.date_value = date(row.date_date), r.evidence = row.evidence, r.content_hash = row.hash,
      m.settled = false)
WITH m, s, r, row, created, changed
OPTIONAL MATCH (o:Outlet {id: row.outlet})
FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END |
  MERGE (o)-[rb:REPORTED {source: row.source}]->(m)
  SET rb.status = row.status, rb.date = row.date, rb.evidence = row.evidence
  MERGE (s)-[:CITES]->(o))
"""
    + _COUNTS
)

# first/last reported: the dates given in moves.csv, else the earliest/latest report.
SETTLE_MOVES: LiteralString = (
    _KEEP_PLAN
    + """
UNWIND $ids AS id
MATCH (m:Move {id: id}) WHERE m.settled = false
CALL (m) {
  OPTIONAL MATCH (m)-[r:REPORTED_IN]->(:Source)
  WITH r ORDER BY r.date_value, r.date
  WITH collect(r.date) AS dates
  RETURN head(dates) AS first_text, last(dates) AS last_text
}
SET m.first_reported = coalesce(m.first_reported_given, first_text),
    m.last_reported = coalesce(m.last_reported_given, last_text),
    m.settled = true
RETURN count(m) AS settled
"""
)

WRITE_INFLUENCES: LiteralString = (
    _KEEP_PLAN
    + """
UNWIND $rows AS row
MATCH (p:Person {id: row.person}), (m:Move {id: row.move})
WHERE NOT EXISTS { (p)-[:RETRACTED {source: row.source}]->(m) }
MERGE (p)-[r:INFLUENCED {source: row.source}]->(m)
WITH r, row, r.content_hash IS NULL AS created, coalesce(r.content_hash, '') <> row.hash AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  SET r.polarity = row.polarity, r.how = row.how, r.evidence = row.evidence,
      r.content_hash = row.hash)
"""
    + _COUNTS
)

# An observation, on the tenure it belongs to; the tenure's observed span (first and last day
# seen) is derived by SETTLE_OBSERVED.
WRITE_OBSERVATIONS: LiteralString = (
    _KEEP_PLAN
    + """
UNWIND $rows AS row
MATCH (t:Tenure {id: row.tenure}), (s:Source {id: row.source})
MERGE (o:Observation {id: row.id})
WITH o, t, s, row, o.content_hash IS NULL AS created,
     coalesce(o.content_hash, '') <> row.hash AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  SET o.coach = row.coach, o.team = row.team, o.date = date(row.date), o.tenure = row.tenure,
      o.evidence = row.evidence, o.source = row.source, o.content_hash = row.hash)
MERGE (o)-[:SOURCED_FROM]->(s)
WITH o, t, row, created, changed
OPTIONAL MATCH (other:Tenure)-[old:OBSERVED]->(o) WHERE other.id <> row.tenure
DELETE old
WITH DISTINCT o, t, row, created, changed
MERGE (t)-[:OBSERVED]->(o)
"""
    + _COUNTS
)

SETTLE_OBSERVED: LiteralString = (
    _KEEP_PLAN
    + """
UNWIND $ids AS id
MATCH (t:Tenure {id: id})
CALL (t) {
  OPTIONAL MATCH (t)-[:OBSERVED]->(o:Observation)
  RETURN min(o.date) AS first, max(o.date) AS last, count(o) AS seen
}
SET t.observed_from = first, t.observed_to = last, t.observations = seen
"""
)

WRITE_REFUSALS: LiteralString = (
    _KEEP_PLAN
    + """
UNWIND $rows AS row
MERGE (n:Refusal {id: row.id})
WITH n, row, n.content_hash IS NULL AS created, coalesce(n.content_hash, '') <> row.hash AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  SET n.dataset = row.dataset, n.file = row.file, n.row = row.row, n.reason = row.reason,
      n.content_hash = row.hash)
"""
    + _COUNTS
)

# A retraction (records.RetractionRecord) is a Retraction node linked to the source that
# withdraws the claim; the claim's relationship is replaced by a RETRACTED one between the same
# nodes, with the same properties (its source kept), which no read follows. The claim writes
# above skip a claim retracted so, so that loading its file again does not bring it back.
# `parts` is the claim's key: tenure/source/"", move/source/outlet, person/move/source.
WRITE_RETRACTIONS: LiteralString = (
    _KEEP_PLAN
    + """
UNWIND $rows AS row
MERGE (n:Retraction {id: row.id})
WITH n, row, n.content_hash IS NULL AS created, coalesce(n.content_hash, '') <> row.hash AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  SET n.kind = row.kind, n.claim = row.claim, n.source = row.source, n.evidence = row.evidence,
      n.note = row.note, n.content_hash = row.hash)
WITH n, row, created, changed
CALL (n, row) {
  MATCH (s:Source {id: row.source})
  MERGE (n)-[:RETRACTED_BY]->(s)
  WITH n, row
  OPTIONAL MATCH (n)-[old:RETRACTED_BY]->(other) WHERE other.id <> row.source
  DELETE old
}
CALL (row) {
  MATCH (t:Tenure {id: row.parts[0]})-[c:SOURCED_FROM]->(s:Source {id: row.parts[1]})
  WHERE row.kind = 'tenures'
  CREATE (t)-[x:RETRACTED]->(s)
  SET x = properties(c), x.kind = row.kind, x.retraction = row.id, t.settled = false
  DELETE c
}
CALL (row) {
  MATCH (m:Move {id: row.parts[0]})-[c:REPORTED_IN {outlet: row.parts[2]}]->
        (s:Source {id: row.parts[1]})
  WHERE row.kind = 'move_reports'
  CREATE (m)-[x:RETRACTED]->(s)
  SET x = properties(c), x.kind = row.kind, x.retraction = row.id, m.settled = false
  DELETE c
  WITH m, row
  OPTIONAL MATCH (:Outlet {id: row.parts[2]})-[rb:REPORTED {source: row.parts[1]}]->(m)
  DELETE rb
}
CALL (row) {
  MATCH (p:Person {id: row.parts[0]})-[c:INFLUENCED {source: row.parts[2]}]->
        (m:Move {id: row.parts[1]})
  WHERE row.kind = 'influences'
  CREATE (p)-[x:RETRACTED]->(m)
  SET x = properties(c), x.kind = row.kind, x.retraction = row.id
  DELETE c
}
"""
    + _COUNTS
)

# A tenure whose every claim is retracted leaves the careers and timelines (its HELD, AT and
# COACHED go); the node stays, `withdrawn`, with its retracted claims. A new claim settles it
# again (WRITE_SETTLED_TENURES clears `withdrawn`).
WITHDRAW_TENURES: LiteralString = (
    _KEEP_PLAN
    + """
UNWIND $ids AS id
MATCH (t:Tenure {id: id})
WHERE t.settled = false AND NOT EXISTS { (t)-[:SOURCED_FROM]->() }
CALL (t) {
  OPTIONAL MATCH (:Person {id: t.coach})-[c:COACHED {tenure: t.id}]->()
  DELETE c
}
CALL (t) {
  OPTIONAL MATCH (t)-[at:AT]->()
  DELETE at
}
CALL (t) {
  OPTIONAL MATCH ()-[held:HELD]->(t)
  DELETE held
}
SET t.settled = true, t.withdrawn = true, t.disputed = false
RETURN count(t) AS withdrawn
"""
)

WRITE_BY_KIND: dict[str, LiteralString] = {
    "outlets": WRITE_OUTLETS,
    "sources": WRITE_SOURCES,
    "people": WRITE_PEOPLE,
    "teams": WRITE_TEAMS,
    "tenures": WRITE_TENURE_CLAIMS,
    "roles": WRITE_ROLES,
    "moves": WRITE_MOVES,
    "move_reports": WRITE_MOVE_REPORTS,
    "influences": WRITE_INFLUENCES,
    "observations": WRITE_OBSERVATIONS,
    "refusals": WRITE_REFUSALS,
    "retractions": WRITE_RETRACTIONS,
}

BUMP_VERSION: LiteralString = (
    _KEEP_PLAN
    + """
MERGE (m:Meta {id: 'graph'})
SET m.version = coalesce(m.version, 0) + 1, m.updated_at = datetime()
RETURN m.version AS version
"""
)

EXISTING_IDS: dict[str, LiteralString] = {
    "Outlet": _KEEP_PLAN + "UNWIND $ids AS id MATCH (n:Outlet {id: id}) RETURN n.id AS id",
    "Source": _KEEP_PLAN + "UNWIND $ids AS id MATCH (n:Source {id: id}) RETURN n.id AS id",
    "Person": _KEEP_PLAN + "UNWIND $ids AS id MATCH (n:Person {id: id}) RETURN n.id AS id",
    "Team": _KEEP_PLAN + "UNWIND $ids AS id MATCH (n:Team {id: id}) RETURN n.id AS id",
    "Move": _KEEP_PLAN + "UNWIND $ids AS id MATCH (n:Move {id: id}) RETURN n.id AS id",
    "Tenure": _KEEP_PLAN + "UNWIND $ids AS id MATCH (n:Tenure {id: id}) RETURN n.id AS id",
}

# Whether each claim a retraction names exists, live or already retracted. `ids` are claim keys,
# their parts joined by records.KEY_SEPARATOR (U+001F).
EXISTING_CLAIMS: dict[str, LiteralString] = {
    "tenures": _KEEP_PLAN
    + """
UNWIND $ids AS key
WITH key, split(key, '\\u001f') AS k
OPTIONAL MATCH (t:Tenure {id: k[0]})-[c:SOURCED_FROM]->(:Source {id: k[1]})
OPTIONAL MATCH (r:Retraction {id: 'tenures/' + k[0] + '/' + k[1]})
WITH key, c, r WHERE c IS NOT NULL OR r IS NOT NULL
RETURN key AS id
""",
    "move_reports": _KEEP_PLAN
    + """
UNWIND $ids AS key
WITH key, split(key, '\\u001f') AS k
OPTIONAL MATCH (m:Move {id: k[0]})-[c:REPORTED_IN {outlet: k[2]}]->(:Source {id: k[1]})
OPTIONAL MATCH (r:Retraction {id: 'move_reports/' + k[0] + '/' + k[1] + '/' + k[2]})
WITH key, c, r WHERE c IS NOT NULL OR r IS NOT NULL
RETURN key AS id
""",
    "influences": _KEEP_PLAN
    + """
UNWIND $ids AS key
WITH key, split(key, '\\u001f') AS k
OPTIONAL MATCH (p:Person {id: k[0]})-[c:INFLUENCED {source: k[2]}]->(:Move {id: k[1]})
OPTIONAL MATCH (r:Retraction {id: 'influences/' + k[0] + '/' + k[1] + '/' + k[2]})
WITH key, c, r WHERE c IS NOT NULL OR r IS NOT NULL
RETURN key AS id
""",
}

ARTICLE_TEXTS: LiteralString = (
    _KEEP_PLAN
    + """
UNWIND $ids AS id
MATCH (a:Source:Article {id: id})
RETURN a.id AS id, a.text AS text
"""
)

HEAD_TENURES_AT: LiteralString = (
    _KEEP_PLAN
    + """
UNWIND $teams AS team_id
MATCH (t:Tenure {team: team_id}) WHERE t.role IN $in_charge AND t.withdrawn IS NULL
RETURN t.id AS id, t.coach AS coach, t.team AS team, t.start AS start, t.end AS end
"""
)

TENURE_COACHES: LiteralString = (
    _KEEP_PLAN
    + """
UNWIND $ids AS id
MATCH (t:Tenure {id: id})
RETURN t.id AS id, t.coach AS coach
"""
)
