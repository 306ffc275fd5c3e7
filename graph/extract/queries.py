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
RETURN a.id AS id, a.url AS url ORDER BY a.id LIMIT 1
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
RETURN tenures, reports, moves
"""

# Which of these (person, move) pairs the article already has an influence for. An influence
# names its source only as a property: listing an article's influences without the pairs read
# every person's INFLUENCED relationships; here each pair is two seeks and the
# relationships between them.
INFLUENCES_OF_PAIRS: LiteralString = """
UNWIND $pairs AS pair
MATCH (p:Person {id: pair[0]})-[:INFLUENCED {source: $source}]->(m:Move {id: pair[1]})
USING INDEX SEEK p:Person(id)
RETURN DISTINCT p.id AS person, m.id AS move
"""

EXISTING_ENTITIES: LiteralString = """
UNWIND $ids AS id
OPTIONAL MATCH (n {id: id}) WHERE n:Person OR n:Team OR n:Outlet
RETURN id, n IS NOT NULL AS exists
"""
