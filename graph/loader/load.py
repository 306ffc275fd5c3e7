"""The loader: validate everything, then write in batched managed transactions."""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from neo4j import Driver, ManagedTransaction

from graph.domain import PartialDate, Settlement, TenureClaim, settle
from graph.loader import writes
from graph.loader.files import InputError, Problem, Row, SeedFile, discover, read_rows
from graph.loader.prefetch import prefetched
from graph.loader.records import (
    MoveRecord,
    MoveReportRecord,
    ObservationRecord,
    Record,
    RetractionRecord,
    TenureRecord,
)
from graph.loader.validate import Validation, validate
from graph.schema import apply_schema

log = logging.getLogger(__name__)

# Measured at S on 2 cores (benchmarks/, BENCHMARKS.md): 1000 → 5000 rows per transaction cut
# the load time by about a quarter (fewer commits and round trips); beyond that, little changes.
DEFAULT_BATCH = 5000

Progress = Callable[[int], None]


@dataclass
class LoadSummary:
    """What a load did."""

    files: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    created: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    updated: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    warnings: list[Problem] = field(default_factory=list)
    # A files-only check: what the files alone cannot settle, resolved at load time.
    notes: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    dry_run: bool = False
    files_only: bool = False
    version: int | None = None

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())

    @property
    def changed(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values())

    def lines(self) -> list[str]:
        out = []
        for kind, n in self.rows.items():
            c, u = self.created.get(kind, 0), self.updated.get(kind, 0)
            if self.dry_run:
                out.append(f"{kind:>13}: {n} rows valid")
            else:
                out.append(f"{kind:>13}: {n} rows, {c} created, {u} updated, {n - c - u} unchanged")
        return out


def row_params(record: Record, article_texts: Mapping[str, str]) -> dict[str, Any]:
    """The parameters a record is written with, plus `hash` (a digest of them)."""
    params = record.params()
    if record.kind == "sources":
        text = article_texts.get(params["id"])
        params["text"] = text
        params["chars"] = len(text) if text is not None else None
    digest = hashlib.sha1(  # noqa: S324 - a change detector, not security
        json.dumps(params, sort_keys=True, default=str).encode("utf-8")
    ).hexdigest()
    params["hash"] = digest
    return params


def _batches(rows: Iterator[Row], size: int) -> Iterator[list[Row]]:
    batch: list[Row] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _settle_ids(kind: str, records: list[Record]) -> tuple[Settle | None, list[str]]:
    if kind == "tenures":
        return settle_tenures, sorted({r.id for r in records if isinstance(r, TenureRecord)})
    if kind == "moves":
        return _settle_moves, [r.id for r in records if isinstance(r, MoveRecord)]
    if kind == "move_reports":
        ids = {r.move for r in records if isinstance(r, MoveReportRecord)}
        return _settle_moves, sorted(ids)
    if kind == "observations":
        ids = {r.tenure for r in records if isinstance(r, ObservationRecord)}
        return _settle_observed, sorted(ids)
    if kind == "retractions":
        # The tenures and moves whose claims they withdraw: the first part of those claims.
        ids = {
            r.parts()[0]
            for r in records
            if isinstance(r, RetractionRecord) and r.claim_kind in ("tenures", "move_reports")
        }
        return _settle_retractions, sorted(ids)
    return None, []


#: Derives what a batch's writes imply for the ids it touched, inside the same transaction.
Settle = Callable[[ManagedTransaction, list[str]], None]


def _settle_moves(tx: ManagedTransaction, ids: list[str]) -> None:
    tx.run(writes.SETTLE_MOVES, ids=ids).consume()


def _settle_observed(tx: ManagedTransaction, ids: list[str]) -> None:
    tx.run(writes.SETTLE_OBSERVED, ids=ids).consume()


def _settle_retractions(tx: ManagedTransaction, ids: list[str]) -> None:
    """Settle again what retractions left unsettled: tenures (withdrawn when no claim is left)
    and moves. Each statement acts only on unsettled nodes, so the ids of both go to both."""
    settle_tenures(tx, ids)
    tx.run(writes.WITHDRAW_TENURES, ids=ids).consume()
    _settle_moves(tx, ids)


def _day(value: PartialDate | None, *, last: bool) -> str | None:
    if value is None:
        return None
    return (value.latest if last else value.earliest).isoformat()


def settled_row(tenure: str, settlement: Settlement) -> dict[str, Any]:
    """The agreed values of a tenure as WRITE_SETTLED_TENURES stores them."""
    start, end = settlement.start, settlement.end
    return {
        "id": tenure,
        "coach": settlement.coach,
        "team": settlement.team,
        "role": settlement.role,
        "start": str(start) if start else None,
        "start_precision": start.precision if start else None,
        "start_date": _day(start, last=False),
        "end": str(end) if end else None,
        "end_precision": end.precision if end else None,
        "end_date": _day(end, last=True),
        "contract_until": settlement.contract_until,
        "disputed": settlement.disputed,
        "claims": [
            {"source": claim.source, "rank": rank, "agrees": agrees}
            for rank, (claim, agrees) in enumerate(
                zip(settlement.claims, settlement.agrees, strict=True)
            )
        ],
    }


def settle_tenures(tx: ManagedTransaction, ids: list[str]) -> None:
    """Settle the tenures `ids` (those a batch wrote claims of) by graph.domain.settlement."""
    claims: dict[str, list[TenureClaim]] = defaultdict(list)
    for rec in tx.run(writes.UNSETTLED_TENURE_CLAIMS, ids=ids):
        claims[rec["tenure"]].append(TenureClaim.from_record(rec))
    rows = [settled_row(tenure, settle(found)) for tenure, found in sorted(claims.items())]
    if rows:
        tx.run(writes.WRITE_SETTLED_TENURES, rows=rows).consume()


@dataclass
class Batch:
    """One batch of records of one kind, ready to write: its parameters and what to settle."""

    kind: str
    params: list[dict[str, Any]]
    settle: Settle | None
    settle_ids: list[str]


def _days_as_text(params: dict[str, Any]) -> dict[str, Any]:
    """`params` with its days (writes.DAY_PARAMS) as ISO text, as the statements take them."""
    for name in writes.DAY_PARAMS:
        day = params.get(name)
        if day is not None:
            params[name] = day.isoformat()
    return params


def prepare(kind: str, records: list[Record], article_texts: Mapping[str, str]) -> Batch:
    """The parameters of `records` (hashes included) and the ids their write must settle."""
    settle, ids = _settle_ids(kind, records)
    params = [_days_as_text(row_params(r, article_texts)) for r in records]
    return Batch(kind, params, settle, ids)


def write_batch(tx: ManagedTransaction, batch: Batch) -> tuple[int, int]:
    """Write a prepared batch, and settle what it touches, inside `tx`; (created, updated).

    Transaction functions may be retried by the driver: this one only runs idempotent MERGEs.
    """
    record = tx.run(writes.WRITE_BY_KIND[batch.kind], rows=batch.params).single(strict=True)
    if batch.settle is not None and batch.settle_ids:
        batch.settle(tx, batch.settle_ids)
    return int(record["created"]), int(record["updated"])


def write_kind(
    tx: ManagedTransaction, kind: str, records: list[Record], article_texts: Mapping[str, str]
) -> tuple[int, int]:
    """Write records of one kind, and settle what they touch, inside `tx`; (created, updated)."""
    return write_batch(tx, prepare(kind, records, article_texts))


def bump_version(driver: Driver, database: str) -> int:
    """Mark the graph as changed (analytics caches compare this number)."""
    records, _, _ = driver.execute_query(writes.BUMP_VERSION, database_=database)
    return int(records[0]["version"])


def validated(
    paths: list[Path], driver: Driver | None, database: str, *, files_only: bool = False
) -> tuple[list[SeedFile], Validation]:
    """The seeds files under `paths` and their validation; InputError if any error is found."""
    files = discover(paths)
    if not files:
        raise InputError([Problem(", ".join(map(str, paths)), None, "", "", "no seeds files")])
    checked = validate(files, driver, database, files_only=files_only)
    if checked.errors:
        checked.close()
        raise InputError(checked.errors + checked.warnings)
    return files, checked


def check(paths: list[Path], driver: Driver | None, database: str) -> LoadSummary:
    """Validate the seeds files under `paths` and write nothing.

    With a driver, references and quotes are checked against that graph too, as `load` would;
    without one, the files alone (no database needed): what only the graph can settle comes back
    as `notes`. Raises InputError, carrying every problem, when any error is found.
    """
    started = time.monotonic()
    files, checked = validated(paths, driver, database, files_only=driver is None)
    with checked:
        summary = LoadSummary(
            files=len(files),
            rows=dict(checked.rows),
            warnings=checked.warnings,
            notes=checked.notes,
            dry_run=True,
            files_only=driver is None,
        )
    summary.seconds = time.monotonic() - started
    return summary


def load(
    paths: list[Path],
    driver: Driver,
    database: str,
    *,
    batch_size: int = DEFAULT_BATCH,
    dry_run: bool = False,
    progress: Callable[[int], Progress] | None = None,
) -> LoadSummary:
    """Validate the seeds files under `paths`, then (unless dry_run) write them.

    Raises InputError, carrying every problem, when validation finds any error; nothing is
    written then. `progress(total_rows)` returns a callback advanced by rows written.
    """
    if dry_run:
        return check(paths, driver, database)
    started = time.monotonic()
    files, checked = validated(paths, driver, database)
    with checked:  # the validation's ledger holds the article texts the writes store
        summary = LoadSummary(files=len(files), rows=dict(checked.rows), warnings=checked.warnings)
        apply_schema(driver, database)
        advance = progress(checked.total_rows) if progress else None
        _write_all(files, driver, database, batch_size, checked, summary, advance)
    if summary.changed:
        summary.version = bump_version(driver, database)
    summary.seconds = time.monotonic() - started
    log.info(
        "loaded %d rows from %d files in %.2fs: %d created, %d updated",
        summary.total_rows,
        summary.files,
        summary.seconds,
        sum(summary.created.values()),
        sum(summary.updated.values()),
    )
    return summary


def _write_all(
    files: list[SeedFile],
    driver: Driver,
    database: str,
    batch_size: int,
    checked: Validation,
    summary: LoadSummary,
    advance: Progress | None,
) -> None:
    problems: list[Problem] = []

    def batches() -> Iterator[Batch]:
        for seed in files:
            for rows in _batches(read_rows(seed, problems), batch_size):
                yield prepare(seed.kind, [row.record for row in rows], checked.article_texts)

    with driver.session(database=database) as session:
        for batch in prefetched(batches()):
            created, updated = session.execute_write(write_batch, batch)
            summary.created[batch.kind] += created
            summary.updated[batch.kind] += updated
            if advance:
                advance(len(batch.params))
    if problems:  # the files changed between validation and writing
        raise InputError(problems)
