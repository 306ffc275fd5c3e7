"""The baseline the batched loader is measured against: one row per transaction.

The same validation, the same statements and the same graph as `graph.loader.load`, but each
row is written (and its tenure or move settled) in its own managed transaction.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from neo4j import Driver

from graph.loader import writes
from graph.loader.files import InputError, Problem, discover, read_rows
from graph.loader.load import _settle_ids, _write_batch, bump_version, row_params
from graph.loader.validate import validate
from graph.schema import apply_schema


def naive_load(paths: list[Path], driver: Driver, database: str) -> tuple[int, float]:
    """Load `paths` one row per transaction; (rows, seconds)."""
    started = time.monotonic()
    files = discover(paths)
    checked = validate(files, driver, database)
    if checked.errors:
        raise InputError(checked.errors)
    apply_schema(driver, database)
    rows = 0
    problems: list[Problem] = []
    with driver.session(database=database) as session:
        for seed in files:
            query = writes.WRITE_BY_KIND[seed.kind]
            for row in read_rows(seed, problems):
                params = [row_params(row.record, checked.article_texts)]
                settle, ids = _settle_ids(seed.kind, [row.record])
                session.execute_write(_write_batch, query, params, settle, ids)
                rows += 1
    bump_version(driver, database)
    return rows, time.monotonic() - started


if __name__ == "__main__":
    from graph.db import open_driver

    with open_driver() as drv:
        n, seconds = naive_load([Path(p) for p in sys.argv[1:]], drv, "neo4j")
    print(f"{n} rows in {seconds:.1f}s: {n / seconds:.0f} rows/s")
