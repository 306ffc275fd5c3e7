"""graph/schema.py against the real Neo4j: what is missing is created, what exists is kept."""

from __future__ import annotations

from neo4j import Driver

from graph.schema import _named, apply_schema, schema_statements


def _schema(driver: Driver) -> dict[str, tuple[str, str | None]]:
    records, _, _ = driver.execute_query("SHOW INDEXES YIELD name, type, owningConstraint")
    return {r["name"]: (r["type"], r["owningConstraint"]) for r in records}


def test_missing_constraints_and_indexes_are_created_again(empty_graph: Driver) -> None:
    apply_schema(empty_graph, "neo4j")
    before = _schema(empty_graph)
    assert {_named(s)[1] for s in schema_statements()} <= set(before)
    empty_graph.execute_query("DROP CONSTRAINT tenure_id")
    empty_graph.execute_query("DROP INDEX entity_names")
    apply_schema(empty_graph, "neo4j")
    after = _schema(empty_graph)
    assert after == before
    assert after["tenure_id"] == ("RANGE", "tenure_id")
    assert after["entity_names"] == ("FULLTEXT", None)
    records, _, _ = empty_graph.execute_query("SHOW INDEXES YIELD name, state")
    assert {r["state"] for r in records} == {"ONLINE"}
