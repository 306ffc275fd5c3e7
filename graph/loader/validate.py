"""Checking a whole load before its first write.

Checks: row shapes and dates (the record models), duplicate keys, references to ids that
neither the input nor the graph holds, evidence quotes that are not in their article, a tenure
id claimed for two coaches, and (as warnings) overlapping head-coach tenures at one team.
Checking the files alone (`files_only`, no database asked), what only the graph can settle is
reported as notes: references to ids not in the files, quotes from articles not in them.
What the pass has seen is kept in a Ledger on disk (graph/loader/ledger.py), and questions to
the graph go in chunks, so memory does not grow with the input.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any, LiteralString

from neo4j import Driver

from graph.domain import IN_CHARGE, IN_CHARGE_ROLES, PartialDate, SourceKind
from graph.loader import writes
from graph.loader.files import Problem, Row, SeedFile, read_rows
from graph.loader.ledger import ArticleTexts, Ledger
from graph.loader.records import (
    KEY_SEPARATOR,
    LABEL_OF_KIND,
    SourceRecord,
    TenureRecord,
)

_MAX_REF_SITES = 3
# Ids sent to the graph per query by the checks against it.
_CHUNK = 10_000
# References held before they are written to the ledger together (one executemany, not a
# statement each: 38,000 references in an S load).
_WANTED_BATCH = 5_000


@dataclass(slots=True)
class _Site:
    file: str
    line: int
    record: str
    field: str


@dataclass(slots=True)
class _Span:
    tenure: str
    coach: str
    team: str
    lo: date
    hi: date
    site: _Site


@dataclass
class Validation:
    """What a validation pass learnt: problems, row counts and the articles' texts."""

    problems: list[Problem] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    article_texts: Mapping[str, str] = field(default_factory=dict)
    # The on-disk ledger behind article_texts (see graph/loader/ledger.py); close() frees it.
    ledger: Ledger | None = field(default=None, repr=False)

    def close(self) -> None:
        """Free the ledger and its temporary file's space; article_texts is unusable after."""
        if self.ledger is not None:
            self.ledger.close()
            self.ledger = None

    def __enter__(self) -> Validation:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def notes(self) -> list[Problem]:
        """What the files alone cannot settle (a files-only check): resolved at load time."""
        return [p for p in self.problems if p.severity == "note"]

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def read_article_text(path: Path) -> str:
    """An article's text, verbatim (UTF-8)."""
    return path.read_text(encoding="utf-8")


def _chunks(items: Iterator[Any], size: int = _CHUNK) -> Iterator[list[Any]]:
    while chunk := list(islice(items, size)):
        yield chunk


class Validator:
    """One validation pass over a list of seeds files (see module docstring)."""

    def __init__(
        self, files: list[SeedFile], driver: Driver | None, database: str, files_only: bool = False
    ) -> None:
        self.files = files
        self.driver = None if files_only else driver
        self.database = database
        self.files_only = files_only
        self.ledger = Ledger()
        self.result = Validation(article_texts=ArticleTexts(self.ledger), ledger=self.ledger)
        # References are only read once the pass is over: they go to the ledger in batches.
        self._wanted: list[tuple[str, str, str, int, str, str]] = []

    # -- pass ----------------------------------------------------------------------------
    def run(self) -> Validation:
        for row in self.rows():
            self._check_row(row)
        self._check_refs()
        self._check_deferred_evidence()
        self._check_tenure_coaches_against_graph()
        self._check_overlaps()
        return self.result

    def rows(self) -> Iterator[Row]:
        for seed in self.files:
            yield from read_rows(seed, self.result.problems)

    def _error(self, site: _Site, message: str, severity: str = "error") -> None:
        self.result.problems.append(
            Problem(site.file, site.line, site.record, site.field, message, severity)
        )

    def _graph(self, query: LiteralString, **params: Any) -> list[Any]:
        assert self.driver is not None
        records, _, _ = self.driver.execute_query(
            query, params, database_=self.database, routing_="r"
        )
        return records

    def _check_row(self, row: Row) -> None:
        record = row.record
        kind = record.kind
        key = record.key()
        site = _Site(str(row.file.path), row.line, "/".join(key), "")
        self.result.rows[kind] += 1
        ledger = self.ledger
        if not ledger.insert(
            "INSERT OR IGNORE INTO keys VALUES (?, ?, ?, ?)",
            kind,
            "\x1f".join(key),
            site.file,
            row.line,
        ):
            first = ledger.one(
                "SELECT file, line FROM keys WHERE kind = ? AND key = ?", kind, "\x1f".join(key)
            )
            site.field = "id" if len(key) == 1 else "key"
            self._error(
                site,
                f"duplicate {kind} record {'/'.join(key)} (first at {first[0]}:{first[1]})",
            )
            return
        for fld, target, ident in record.refs():
            self._wanted.append((target, ident, site.file, site.line, site.record, fld))
        if len(self._wanted) >= _WANTED_BATCH:
            self._flush_wanted()
        if isinstance(record, SourceRecord) and record.kind_ is SourceKind.article:
            self._read_article(row, record, site)
        evidence = getattr(record, "evidence", "")
        source = getattr(record, "source", "")
        if evidence and source:
            self._check_evidence(source, evidence, _Site(site.file, site.line, site.record, ""))
        if isinstance(record, TenureRecord):
            self._note_tenure(record, site)

    def _read_article(self, row: Row, record: SourceRecord, site: _Site) -> None:
        path = row.file.path.parent / record.text_file
        try:
            text = read_article_text(path)
        except FileNotFoundError:
            site.field = "text_file"
            self._error(site, f"the article's text file {path} does not exist")
        except UnicodeDecodeError as exc:
            site.field = "text_file"
            self._error(site, f"the article's text file {path} is not UTF-8 ({exc.reason})")
        except OSError as exc:
            site.field = "text_file"
            self._error(site, f"cannot read {path}: {exc}")
        else:
            self.ledger.insert("INSERT OR REPLACE INTO texts VALUES (?, ?)", record.id, text)

    def _check_evidence(self, source: str, evidence: str, site: _Site) -> None:
        site.field = "evidence"
        # Searched where the text is kept, so the text is not copied out for each quote.
        found = self.ledger.one("SELECT instr(text, ?) FROM texts WHERE id = ?", evidence, source)
        if found is not None:
            if not found[0]:
                self._error(site, f"quote not found in the text of article {source}: {evidence!r}")
        elif not self.ledger.one("SELECT 1 FROM keys WHERE kind = 'sources' AND key = ?", source):
            self.ledger.insert(
                "INSERT INTO deferred VALUES (?, ?, ?, ?, ?)",
                source,
                evidence,
                site.file,
                site.line,
                site.record,
            )

    def _note_tenure(self, record: TenureRecord, site: _Site) -> None:
        ledger = self.ledger
        if ledger.insert(
            "INSERT OR IGNORE INTO tenures VALUES (?, ?, ?, ?)",
            record.id,
            record.coach,
            site.file,
            site.line,
        ):
            if record.role in IN_CHARGE and record.start:
                start = PartialDate.parse(record.start)
                end = PartialDate.parse(record.end).earliest if record.end else date.max
                # Only the span a tenure certainly covers can overlap another: a caretaker
                # written "1993"–"1993" certainly covers no day, so it warns about nothing.
                if end <= start.latest:
                    return
                ledger.insert(
                    "INSERT INTO spans VALUES (?, ?, ?, ?, ?, ?, ?)",
                    record.team,
                    start.latest.isoformat(),
                    end.isoformat(),
                    record.id,
                    record.coach,
                    site.file,
                    site.line,
                )
            return
        coach, file, line = ledger.one(
            "SELECT coach, file, line FROM tenures WHERE id = ?", record.id
        )
        if coach != record.coach:
            self._error(
                _Site(site.file, site.line, site.record, "coach"),
                f"tenure {record.id} is for {coach} at {file}:{line}, not {record.coach}",
            )

    def _flush_wanted(self) -> None:
        self.ledger.db.executemany("INSERT INTO wanted VALUES (?, ?, ?, ?, ?, ?)", self._wanted)
        self._wanted.clear()

    # -- checks at the end, against the whole input and the graph ---------------------------
    def _check_refs(self) -> None:
        self._flush_wanted()
        missing = self.ledger.rows(
            """SELECT target, id, file, line, record, field FROM (
                 SELECT w.*, row_number() OVER (PARTITION BY target, id ORDER BY w.rowid) AS n,
                        min(w.rowid) OVER (PARTITION BY target, id) AS first
                 FROM wanted w
                 WHERE NOT EXISTS (SELECT 1 FROM keys k WHERE k.kind = w.target AND k.key = w.id)
                   AND NOT (w.target = 'tenures' AND EXISTS (SELECT 1 FROM tenures t
                                                              WHERE t.id = w.id))
               ) WHERE n <= ? ORDER BY first, n""",
            _MAX_REF_SITES,
        )
        for chunk in _chunks(missing):
            in_graph: set[tuple[str, str]] = set()
            if self.driver is not None:
                by_target: dict[str, set[str]] = defaultdict(set)
                for target, ident, *_ in chunk:
                    by_target[target].add(ident)
                for target, ids in by_target.items():
                    query = (
                        writes.EXISTING_CLAIMS.get(target)
                        or (writes.EXISTING_IDS[LABEL_OF_KIND[target]])
                    )
                    for rec in self._graph(query, ids=sorted(ids)):
                        in_graph.add((target, rec["id"]))
            for target, ident, file, line, record, fld in chunk:
                if (target, ident) in in_graph:
                    continue
                site, shown = _Site(file, line, record, fld), ident.replace(KEY_SEPARATOR, "/")
                if self.files_only:
                    self._error(
                        site,
                        f"{target} {shown!r} is not in these files: resolved against the "
                        "database at load time",
                        severity="note",
                    )
                elif self.driver is None:  # no graph to look in: it is empty or absent
                    self._error(site, f"unknown {target} id {shown!r}: not in the input")
                else:
                    self._error(
                        site, f"unknown {target} id {shown!r}: not in the input nor in the graph"
                    )

    def _check_deferred_evidence(self) -> None:
        deferred = self.ledger.rows(
            "SELECT source, evidence, file, line, record FROM deferred ORDER BY rowid"
        )
        for chunk in _chunks(deferred):
            texts: dict[str, str] = {}
            if self.driver is not None:
                ids = sorted({source for source, *_ in chunk})
                texts = {r["id"]: r["text"] for r in self._graph(writes.ARTICLE_TEXTS, ids=ids)}
            for source, evidence, file, line, record in chunk:
                if self.files_only:
                    self._error(
                        _Site(file, line, record, "evidence"),
                        f"the quote is from article {source}, which is not in these files: "
                        "checked against the database at load time",
                        severity="note",
                    )
                    continue
                text = texts.get(source)
                if text is not None and evidence not in text:
                    self._error(
                        _Site(file, line, record, "evidence"),
                        f"quote not found in the text of article {source}: {evidence!r}",
                    )

    def _check_tenure_coaches_against_graph(self) -> None:
        if self.driver is None:
            return
        tenures = self.ledger.rows("SELECT id, coach, file, line FROM tenures")
        for chunk in _chunks(tenures):
            ours = {ident: (coach, file, line) for ident, coach, file, line in chunk}
            for rec in self._graph(writes.TENURE_COACHES, ids=list(ours)):
                coach, file, line = ours[rec["id"]]
                if rec["coach"] != coach:
                    self._error(
                        _Site(file, line, rec["id"], "coach"),
                        f"tenure {rec['id']} is already in the graph for {rec['coach']}, "
                        f"not {coach}",
                    )

    def _add_graph_spans(self) -> None:
        """The graph's head tenures at the teams of the input's spans, beside the input's."""
        if self.driver is None:
            return
        self.ledger.db.execute("CREATE INDEX spans_tenure ON spans (tenure)")
        # Materialised first: the loop below adds rows to the table it would be reading.
        teams = iter([t for (t,) in self.ledger.rows("SELECT DISTINCT team FROM spans")])
        found = []
        for chunk in _chunks(teams):
            for rec in self._graph(writes.HEAD_TENURES_AT, teams=chunk, in_charge=IN_CHARGE_ROLES):
                if not rec["start"]:
                    continue
                end = PartialDate.parse(rec["end"]).earliest if rec["end"] else date.max
                start = PartialDate.parse(rec["start"]).latest
                if end > start:
                    found.append(
                        (rec["team"], start.isoformat(), end.isoformat(), rec["id"], rec["coach"])
                    )
            for team, lo, hi, tenure, coach in found:
                if not self.ledger.one("SELECT 1 FROM spans WHERE tenure = ?", tenure):
                    self.ledger.insert(
                        "INSERT INTO spans VALUES (?, ?, ?, ?, ?, '(graph)', 0)",
                        team,
                        lo,
                        hi,
                        tenure,
                        coach,
                    )
            found.clear()

    def _check_overlaps(self) -> None:
        self._add_graph_spans()
        rows = self.ledger.rows(
            "SELECT team, lo, hi, tenure, coach, file, line FROM spans ORDER BY team, lo, rowid"
        )
        current: str | None = None
        open_spans: list[_Span] = []
        for team, lo, hi, tenure, coach, file, line in rows:
            if team != current:
                current, open_spans = team, []
            span = _Span(
                tenure,
                coach,
                team,
                date.fromisoformat(lo),
                date.fromisoformat(hi),
                _Site(file, line, tenure, ""),
            )
            open_spans = [o for o in open_spans if o.hi > span.lo]
            for other in open_spans:
                if other.coach == span.coach and other.tenure == span.tenure:
                    continue
                where = f"{other.site.file}:{other.site.line}" if other.site.line else "the graph"
                self._error(
                    _Site(span.site.file, span.site.line, span.tenure, "start"),
                    f"head-coach tenures overlap at {team}: {span.tenure} ({span.coach}, "
                    f"from {span.lo}) and {other.tenure} ({other.coach}, until "
                    f"{'ongoing' if other.hi == date.max else other.hi}, at {where})",
                    severity="warning",
                )
            open_spans.append(span)


def validate(
    files: list[SeedFile], driver: Driver | None, database: str, *, files_only: bool = False
) -> Validation:
    """Validate `files`, and their references into the graph when a driver is given.

    With `files_only`, no database is asked and what only it could settle becomes notes; without
    it and without a driver, the graph counts as empty.
    """
    return Validator(files, driver, database, files_only).run()
