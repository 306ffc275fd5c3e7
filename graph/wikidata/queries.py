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

# `team_keys` holds graph.domain.names.team_key of every name and alias of a team.
TEAMS_BY_NAME: LiteralString = """
UNWIND $keys AS key
MATCH (t:Team) WHERE key IN t.team_keys
RETURN key, t.id AS id, t.name AS name, t.kind AS kind, t.country AS country,
       t.wikidata_id AS qid
"""

PEOPLE_IDS: LiteralString = "UNWIND $ids AS id MATCH (n:Person {id: id}) RETURN n.id AS id"
TEAMS_IDS: LiteralString = "UNWIND $ids AS id MATCH (n:Team {id: id}) RETURN n.id AS id"
TENURE_IDS: LiteralString = "UNWIND $ids AS id MATCH (n:Tenure {id: id}) RETURN n.id AS id"

# Every claim on the tenures of the given coaches: the import places the Wikidata statements
# among them again, beside the curated claims (graph/wikidata/resolve.py, TenureMatcher).
CLAIMS_OF_COACHES: LiteralString = """
UNWIND $coaches AS coach_id
MATCH (:Person {id: coach_id})-[:HELD]->(t:Tenure)-[c:SOURCED_FROM]->(s:Source)
RETURN t.id AS tenure, t.role AS tenure_role, s.id AS source, s.kind AS source_kind,
       c.coach AS coach, c.team AS team, c.role AS role, c.start AS start, c.end AS end,
       c.contract_until AS contract_until, c.evidence AS evidence,
       toString(t.observed_from) AS observed_from, toString(t.observed_to) AS observed_to
ORDER BY tenure, source
"""

# A statement's claim moved to another tenure: remove it from the one that held it.
REMOVE_CLAIMS: LiteralString = """
UNWIND $claims AS claim
MATCH (t:Tenure {id: claim.tenure})-[c:SOURCED_FROM]->(:Source {id: claim.source})
DELETE c
SET t.settled = false
"""

# Tenures left without any claim, and the COACHED relationships that named them.
REMOVE_TENURES: LiteralString = """
UNWIND $ids AS id
MATCH (t:Tenure {id: id}) WHERE NOT EXISTS { (t)-[:SOURCED_FROM]->() }
OPTIONAL MATCH (p:Person)-[:HELD]->(t)
OPTIONAL MATCH (p)-[r:COACHED {tenure: id}]->()
DELETE r
DETACH DELETE t
"""

DISPUTED_AMONG: LiteralString = """
UNWIND $ids AS id
MATCH (t:Tenure {id: id}) WHERE t.disputed
RETURN t.id AS id ORDER BY id
"""
