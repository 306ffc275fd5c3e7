"""The Cypher the analytics and rumour resolution read, by name. Values only as $parameters."""

from __future__ import annotations

from typing import LiteralString

# The graph's version: the loader bumps `version` (and `updated_at`) whenever a load changes
# the graph. Both are read: a wiped and reloaded graph starts again at version 1.
GRAPH_VERSION: LiteralString = """
OPTIONAL MATCH (m:Meta {id: 'graph'})
RETURN m.version AS version, toString(m.updated_at) AS updated_at
"""

# Every tenure with its coach and team (all roles); start_date is the earliest day the tenure
# may have started, end_date the latest day it may have ended (null = ongoing).
TENURES: LiteralString = """
MATCH (p:Person)-[:HELD]->(t:Tenure)-[:AT]->(team:Team)
RETURN t.id AS id, t.role AS role, t.start AS start, t.start_date AS start_date,
       t.end AS end, t.end_date AS end_date,
       p.id AS coach, p.name AS coach_name, labels(p) AS coach_labels,
       team.id AS team, team.name AS team_name, labels(team) AS team_labels
ORDER BY t.id
"""

# Every appointment move (the only kind a tenure can resolve), with the statuses it was ever
# reported with.
APPOINTMENT_MOVES: LiteralString = """
MATCH (m:Move {kind: $kind})-[:MOVE_OF]->(p:Person)
OPTIONAL MATCH (m)-[:TO_TEAM]->(to:Team)
OPTIONAL MATCH (m)-[:FROM_TEAM]->(f:Team)
RETURN m.id AS id, m.status AS status, m.first_reported AS first_reported,
       m.last_reported AS last_reported,
       p.id AS coach, p.name AS coach_name, to.id AS team, to.name AS team_name,
       labels(to) AS team_labels, f.name AS from_name,
       COLLECT { MATCH (m)-[r:REPORTED_IN]->(:Source) RETURN r.status } AS report_statuses
ORDER BY m.id
"""

# Every report of a move attributed to an outlet: the outlet the report cites, else the outlet
# that published the source (as the move endpoints render it).
OUTLET_REPORTS: LiteralString = """
MATCH (m:Move)-[r:REPORTED_IN]->(s:Source)
OPTIONAL MATCH (cited:Outlet {id: r.outlet})
OPTIONAL MATCH (s)-[:PUBLISHED_BY]->(publisher:Outlet)
WITH m, r, s, coalesce(cited, publisher) AS o
WHERE o IS NOT NULL
RETURN o.id AS outlet, m.id AS move, m.kind AS kind, r.status AS status, r.date AS date,
       s.id AS source
ORDER BY outlet, move, r.date_value, source
"""

OUTLETS: LiteralString = """
MATCH (o:Outlet)
RETURN o.id AS id, o.name AS name
ORDER BY o.id
"""

# The nodes of the entity graph the k-shortest-paths search runs on (no sources: every fact
# has one, so they would connect everything to everything), in queries._NODE's shape.
ENTITY_NODES: LiteralString = """
CALL () {
  MATCH (n:Person) RETURN n
  UNION MATCH (n:Team) RETURN n
  UNION MATCH (n:Outlet) RETURN n
  UNION MATCH (n:Move) RETURN n
}
RETURN n.id AS id, coalesce(n.name, n.title, n.id) AS name, labels(n) AS labels,
       n.kind AS kind, n.status AS status,
       CASE WHEN n:Move THEN [(n)-[:MOVE_OF]->(c) | c.name][0] END AS coach_name,
       CASE WHEN n:Move THEN [(n)-[:FROM_TEAM]->(f) | f.name][0] END AS from_name,
       CASE WHEN n:Move THEN [(n)-[:TO_TEAM]->(t) | t.name][0] END AS to_name
ORDER BY id
"""

# The relationships of the entity graph.
ENTITY_EDGES: LiteralString = """
MATCH (a)-[r:COACHED|HELD_ROLE|MOVE_OF|FROM_TEAM|TO_TEAM|INFLUENCED|REPORTED]->(b)
RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props
ORDER BY type, source, target, coalesce(r.tenure, r.id, r.source, '')
"""

# Who pushed for or against which move: the influence graph.
INFLUENCES: LiteralString = """
MATCH (p:Person)-[r:INFLUENCED]->(m:Move)
RETURN p.id AS person, p.name AS person_name, m.id AS move, m.coach AS coach,
       m.to AS team, r.polarity AS polarity, r.how AS how, r.source AS source
ORDER BY person, move, source
"""

TEAM: LiteralString = """
MATCH (t:Team {id: $id})
RETURN t.id AS id, t.name AS name, labels(t) AS labels, t.kind AS kind
"""
