"""The baseline the batched loader is measured against: one row per transaction.

The same validation, the same statements and the same graph as `graph.loader.load`, but each
row is written (and its tenure or move settled) in its own managed transaction.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from neo4j import Driver

from graph.loader.files import Problem, read_rows
from graph.loader.load import bump_version, validated, write_kind
from graph.schema import apply_schema


def naive_load(paths: list[Path], driver: Driver, database: str) -> tuple[int, float]:
    """Load `paths` one row per transaction; (rows, seconds)."""
    started = time.monotonic()
    files, checked = validated(paths, driver, database)
    apply_schema(driver, database)
    rows = 0
    problems: list[Problem] = []
    with driver.session(database=database) as session:
        for seed in files:
            for row in read_rows(seed, problems):
                session.execute_write(write_kind, seed.kind, [row.record], checked.article_texts)
                rows += 1
    bump_version(driver, database)
    return rows, time.monotonic() - started


if __name__ == "__main__":
    from graph.db import open_driver

    with open_driver() as drv:
        n, seconds = naive_load([Path(p) for p in sys.argv[1:]], drv, "neo4j")
    print(f"{n} rows in {seconds:.2f}s: {n / seconds:.0f} rows/s")
