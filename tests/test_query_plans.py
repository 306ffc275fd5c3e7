"""Statements about one article, coach or team start from an index, not from every node.

Each of these once scanned a whole label (docs/performance.md, "Statements that scanned"): fine
on the seeds, 26-59 ms at L. They are planned afresh on the seeded graph after other tests have
emptied and reloaded it, when the index statistics are stale: without their `USING INDEX` hints
the planner then scanned the whole id index for the coach or team.
"""

from __future__ import annotations

from typing import LiteralString

import pytest
from neo4j import Driver

from graph import queries
from graph.extract import queries as extract_queries
from graph.reads import disputes
from tests.utils import fresh_plan

ANCHORED: dict[str, LiteralString] = {
    "ARTICLE_BY_TEXT": extract_queries.ARTICLE_BY_TEXT,
    "MOVES_OF": extract_queries.MOVES_OF,
    "EXISTING_CLAIMS": extract_queries.EXISTING_CLAIMS,
    "INFLUENCES_OF_PAIRS": extract_queries.INFLUENCES_OF_PAIRS,
    "DISPUTED_TENURES": disputes.DISPUTED_TENURES,
    "DISPUTED_TENURES_TOTAL": disputes.DISPUTED_TENURES_TOTAL,
    **{f"MOVES_BY_ANCHOR[{k}]": v for k, v in queries.MOVES_BY_ANCHOR.items() if k != "none"},
}


@pytest.mark.parametrize("name", sorted(ANCHORED))
def test_the_statement_seeks_and_scans_nothing(seeded_module: Driver, name: str) -> None:
    operators = fresh_plan(seeded_module, ANCHORED[name])
    assert not [op for op in operators if "Scan" in op], (name, operators)
    assert any("IndexSeek" in op for op in operators), (name, operators)
