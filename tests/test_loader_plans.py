"""The loader's statements keep their first plan (`CYPHER replan=skip`): that is only safe while
no plan depends on the graph's statistics. Planned on an empty graph, where the planner knows
nothing, every statement must still find its nodes through index seeks, never a scan."""

from __future__ import annotations

from typing import LiteralString

import pytest
from neo4j import Driver

from graph.loader import writes
from graph.schema import apply_schema
from tests.utils import fresh_plan


def _statements() -> dict[str, LiteralString]:
    found: dict[str, LiteralString] = {}
    for name, value in vars(writes).items():
        if not name.isupper() or name.startswith("_"):
            continue
        if isinstance(value, str):
            found[name] = value
        elif isinstance(value, dict):
            found.update({f"{name}[{key}]": text for key, text in value.items()})
    return found


STATEMENTS = _statements()


def test_every_loader_statement_keeps_its_plan() -> None:
    assert len(STATEMENTS) >= 20
    for name, text in STATEMENTS.items():
        assert text.startswith(writes._KEEP_PLAN), name


@pytest.mark.parametrize("name", sorted(STATEMENTS))
def test_a_plan_made_on_an_empty_graph_scans_nothing(empty_graph: Driver, name: str) -> None:
    apply_schema(empty_graph, "neo4j")
    text = STATEMENTS[name].removeprefix(writes._KEEP_PLAN)
    operators = fresh_plan(empty_graph, text, rows=[], ids=[], teams=[])
    scans = [op for op in operators if "Scan" in op]
    # Kept from an empty graph, such a plan would scan a full one on every row. A new index can
    # cause it too: one on INFLUENCED.source turned WRITE_INFLUENCES' MERGE into an index scan.
    assert not scans, f"{name} scans: {scans}"
    assert any("IndexSeek" in op for op in operators), name
