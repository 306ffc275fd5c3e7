"""The Cypher the World Cup import reads the graph with. Values always travel as $parameters."""

from __future__ import annotations

from typing import LiteralString

# Every national team: the import compares their names by graph.worldcup.importer.national_key.
NATIONAL_TEAMS: LiteralString = """
MATCH (t:NationalTeam)
RETURN t.id AS id, t.name AS name, t.aliases AS aliases
"""

# People named like the managers (folded whole names: search_key is `|name|alias|…|`), with what
# can confirm or refute the match: nationality, birth date, the pages they cite.
PEOPLE_BY_NAME: LiteralString = """
UNWIND $keys AS key
MATCH (p:Person) WHERE p.search_key CONTAINS '|' + key + '|'
RETURN key, p.id AS id, p.nationality AS nationality, p.birth_date AS birth_date,
       [(p)-[:SOURCED_FROM]->(s:Source) WHERE s.url IS NOT NULL | s.url] AS urls
"""

# The coaches of dated tenures that cover a manager's first match at that team: a manager the
# sources name differently ("Hans-Dieter Flick", "Hansi Flick") is the one whose tenure covers
# the day and whose name holds the family name.
COACHES_ON_DAY: LiteralString = """
UNWIND $asks AS ask
MATCH (p:Person)-[:HELD]->(t:Tenure {team: ask.team})
WHERE t.role IN $in_charge AND t.start_date <= date(ask.day)
  AND (t.end_date IS NULL OR t.end_date >= date(ask.day))
RETURN ask.manager AS manager, p.id AS id, p.search_key AS search_key
"""

IDS_TAKEN: LiteralString = """
UNWIND $ids AS id
OPTIONAL MATCH (p:Person {id: id})
OPTIONAL MATCH (t:Team {id: id})
OPTIONAL MATCH (n:Tenure {id: id})
WITH id, p, t, n WHERE p IS NOT NULL OR t IS NOT NULL OR n IS NOT NULL
RETURN id
"""

# The tenures a run of observations may belong to: in charge, of these coaches at these teams,
# with their agreed dates or, for tenures known only from observations, their observed span.
TENURES_OF_PAIRS: LiteralString = """
UNWIND $pairs AS pair
MATCH (:Person {id: pair[0]})-[:HELD]->(t:Tenure {team: pair[1]})
WHERE t.role IN $in_charge
RETURN t.id AS id, t.coach AS coach, t.team AS team, t.start AS start, t.end AS end,
       toString(t.observed_from) AS observed_from, toString(t.observed_to) AS observed_to
"""
