"""Loading a small set of seeds files in ONE transaction: all of it lands, or none of it.

`load` (graph/loader/load.py) writes batch by batch, which suits big loads; an article and
its claims (graph/extract/ingest.py) are small and must never land half-written, so this
validates the same way, then runs the same statements (graph/loader/writes.py) in a single
managed write transaction.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, LiteralString

from neo4j import Driver, ManagedTransaction

from graph.loader import writes
from graph.loader.files import InputError, Problem, discover, read_rows
from graph.loader.load import LoadSummary, _settle_ids, bump_version, row_params
from graph.loader.records import Record
from graph.loader.validate import validate
from graph.schema import apply_schema

Batch = tuple[str, LiteralString, list[dict[str, Any]], LiteralString | None, list[str]]


def _write_all(tx: ManagedTransaction, batches: list[Batch]) -> dict[str, tuple[int, int]]:
    counts: dict[str, tuple[int, int]] = {}
    for kind, query, rows, settle, ids in batches:
        record = tx.run(query, rows=rows).single(strict=True)
        if settle is not None and ids:
            tx.run(settle, ids=ids).consume()
        created, updated = counts.get(kind, (0, 0))
        counts[kind] = (created + int(record["created"]), updated + int(record["updated"]))
    return counts


def load_atomic(paths: list[Path], driver: Driver, database: str) -> LoadSummary:
    """Validate the seeds files under `paths`, then write them all in one transaction.

    Raises InputError (nothing written) when validation finds an error; a database error
    during the write rolls the whole transaction back.
    """
    started = time.monotonic()
    files = discover(paths)
    if not files:
        raise InputError([Problem(", ".join(map(str, paths)), None, "", "", "no seeds files")])
    checked = validate(files, driver, database)
    if checked.errors:
        raise InputError(checked.errors + checked.warnings)
    problems: list[Problem] = []
    batches: list[Batch] = []
    for seed in files:
        records: list[Record] = [row.record for row in read_rows(seed, problems)]
        if not records:
            continue
        params = [row_params(r, checked.article_texts) for r in records]
        settle, ids = _settle_ids(seed.kind, records)
        batches.append((seed.kind, writes.WRITE_BY_KIND[seed.kind], params, settle, ids))
    if problems:  # the files changed between validation and reading
        raise InputError(problems)
    summary = LoadSummary(files=len(files), rows=dict(checked.rows), warnings=checked.warnings)
    apply_schema(driver, database)
    with driver.session(database=database) as session:
        counts = session.execute_write(_write_all, batches)
    for kind, (created, updated) in counts.items():
        summary.created[kind] += created
        summary.updated[kind] += updated
    if summary.changed:
        summary.version = bump_version(driver, database)
    summary.seconds = time.monotonic() - started
    return summary
