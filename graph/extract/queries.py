"""The extractor's Cypher, by name. Values always travel as $parameters."""

from __future__ import annotations

from typing import LiteralString

GAZETTEER: LiteralString = """
MATCH (n) WHERE n:Person OR n:Team OR n:Outlet
RETURN n.id AS id, n.name AS name, coalesce(n.aliases, []) AS aliases, labels(n) AS labels
ORDER BY n.id
"""

ARTICLE_BY_TEXT: LiteralString = """
MATCH (a:Article) USING INDEX SEEK a:Article(chars) WHERE a.chars = $chars AND a.text = $text
RETURN a.id AS id ORDER BY a.id LIMIT 1
"""

TENURES_OF: LiteralString = """
UNWIND $pairs AS pair
MATCH (t:Tenure {coach: pair.coach, team: pair.team})
RETURN t.coach AS coach, t.team AS team, t.id AS id, t.start AS start, t.end AS end,
       t.start_date AS start_date, t.end_date AS end_date
"""

MOVES_OF: LiteralString = """
UNWIND $coaches AS coach
MATCH (p:Person {id: coach})<-[:MOVE_OF]-(m:Move) USING INDEX SEEK p:Person(id)
WHERE m.coach = coach
RETURN m.id AS id, m.coach AS coach, m.kind AS kind, m.from AS from, m.to AS to,
       m.first_reported AS first_reported, m.last_reported AS last_reported
"""

EXISTING_CLAIMS: LiteralString = """
MATCH (s:Source {id: $source})
CALL (s) {
  OPTIONAL MATCH (t:Tenure)-[:SOURCED_FROM]->(s)
  RETURN collect(DISTINCT t.id) AS tenures
}
CALL (s) {
  OPTIONAL MATCH (m:Move)-[r:REPORTED_IN]->(s)
  RETURN collect(DISTINCT [m.id, r.outlet]) AS reports
}
CALL (s) {
  OPTIONAL MATCH (m:Move)-[:SOURCED_FROM]->(s)
  RETURN collect(DISTINCT m.id) AS moves
}
CALL (s) {
  OPTIONAL MATCH (p:Person)-[i:INFLUENCED {source: s.id}]->(m:Move)
  RETURN collect(DISTINCT [p.id, m.id]) AS influences
}
RETURN tenures, reports, moves, influences
"""

EXISTING_ENTITIES: LiteralString = """
UNWIND $ids AS id
OPTIONAL MATCH (n {id: id}) WHERE n:Person OR n:Team OR n:Outlet
RETURN id, n IS NOT NULL AS exists
"""
