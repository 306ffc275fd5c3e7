"""The Cypher the Wikidata import reads the graph with. Values always travel as $parameters."""

from __future__ import annotations

from typing import LiteralString

PEOPLE_BY_QID: LiteralString = """
UNWIND $qids AS qid
MATCH (p:Person {wikidata_id: qid})
RETURN qid, p.id AS id
"""

TEAMS_BY_QID: LiteralString = """
UNWIND $qids AS qid
MATCH (t:Team {wikidata_id: qid})
RETURN qid, t.id AS id
"""

# `search_key` is `|name|alias|…|` folded, so `|key|` matches one whole name.
PEOPLE_BY_NAME: LiteralString = """
UNWIND $keys AS key
MATCH (p:Person) WHERE p.search_key CONTAINS '|' + key + '|'
RETURN key, p.id AS id, p.name AS name, p.birth_date AS birth_date, p.wikidata_id AS qid
"""

TEAMS_BY_NAME: LiteralString = """
UNWIND $keys AS key
MATCH (t:Team) WHERE t.search_key CONTAINS '|' + key + '|'
RETURN key, t.id AS id, t.name AS name, t.kind AS kind, t.wikidata_id AS qid
"""

PEOPLE_IDS: LiteralString = "UNWIND $ids AS id MATCH (n:Person {id: id}) RETURN n.id AS id"
TEAMS_IDS: LiteralString = "UNWIND $ids AS id MATCH (n:Team {id: id}) RETURN n.id AS id"
TENURE_IDS: LiteralString = "UNWIND $ids AS id MATCH (n:Tenure {id: id}) RETURN n.id AS id"

# The tenure a statement's claim already sits on (a re-import finds its own claims here).
TENURES_OF_SOURCES: LiteralString = """
UNWIND $ids AS id
MATCH (t:Tenure)-[:SOURCED_FROM]->(:Source {id: id})
RETURN id AS source, t.id AS tenure
"""

# The tenures of the given coaches, each with the span its agreed dates may stand for, to match
# statements against (those in charge: graph.domain.IN_CHARGE).
TENURES_OF_COACHES: LiteralString = """
UNWIND $coaches AS coach_id
MATCH (:Person {id: coach_id})-[:HELD]->(t:Tenure)
RETURN t.id AS id, t.coach AS coach, t.team AS team, t.role AS role,
       t.start AS start, t.end AS end
"""

DISPUTED_AMONG: LiteralString = """
UNWIND $ids AS id
MATCH (t:Tenure {id: id}) WHERE t.disputed
RETURN t.id AS id ORDER BY id
"""
