"""Loading a small set of seeds files in ONE transaction: all of it lands, or none of it.

`load` (graph/loader/load.py) writes batch by batch, which suits big loads; an article and
its claims (graph/extract/ingest.py) are small and must never land half-written, so this
validates the same way, then runs the same statements (graph/loader/writes.py) in a single
managed write transaction.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from pathlib import Path

from neo4j import Driver, ManagedTransaction

from graph.loader.files import InputError, Problem, read_rows
from graph.loader.load import LoadSummary, bump_version, validated, write_kind
from graph.loader.records import Record
from graph.schema import apply_schema

Batch = tuple[str, list[Record]]


def _write_all(
    tx: ManagedTransaction, batches: list[Batch], article_texts: Mapping[str, str]
) -> dict[str, tuple[int, int]]:
    counts: dict[str, tuple[int, int]] = {}
    for kind, records in batches:
        created, updated = write_kind(tx, kind, records, article_texts)
        before = counts.get(kind, (0, 0))
        counts[kind] = (before[0] + created, before[1] + updated)
    return counts


def load_atomic(paths: list[Path], driver: Driver, database: str) -> LoadSummary:
    """Validate the seeds files under `paths`, then write them all in one transaction.

    Raises InputError (nothing written) when validation finds an error; a database error
    during the write rolls the whole transaction back.
    """
    started = time.monotonic()
    files, checked = validated(paths, driver, database)
    with checked:  # the validation's ledger holds the article texts the write stores
        problems: list[Problem] = []
        batches: list[Batch] = []
        for seed in files:
            records = [row.record for row in read_rows(seed, problems)]
            if records:
                batches.append((seed.kind, records))
        if problems:  # the files changed between validation and reading
            raise InputError(problems)
        summary = LoadSummary(files=len(files), rows=dict(checked.rows), warnings=checked.warnings)
        apply_schema(driver, database)
        with driver.session(database=database) as session:
            counts = session.execute_write(_write_all, batches, checked.article_texts)
    for kind, (created, updated) in counts.items():
        summary.created[kind] += created
        summary.updated[kind] += updated
    if summary.changed:
        summary.version = bump_version(driver, database)
    summary.seconds = time.monotonic() - started
    return summary
