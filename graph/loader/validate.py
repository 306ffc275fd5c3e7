"""Checking a whole load before its first write.

Checks: row shapes and dates (the record models), duplicate keys, references to ids that
neither the input nor the graph holds, evidence quotes that are not in their article, a tenure
id claimed for two coaches, and (as warnings) overlapping head-coach tenures at one team.
Memory grows with the number of ids and tenure spans, not with the size of the rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from neo4j import Driver

from graph.dates import PartialDate
from graph.loader import writes
from graph.loader.files import Problem, Row, SeedFile, read_rows
from graph.loader.records import (
    LABEL_OF_KIND,
    SourceRecord,
    TenureRecord,
)

_MAX_REF_SITES = 3


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
    article_texts: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def read_article_text(path: Path) -> str:
    """An article's text, verbatim (UTF-8)."""
    return path.read_text(encoding="utf-8")


class Validator:
    """One validation pass over a list of seeds files (see module docstring)."""

    def __init__(self, files: list[SeedFile], driver: Driver | None, database: str) -> None:
        self.files = files
        self.driver = driver
        self.database = database
        self.result = Validation()
        # Record key → where it was first seen, packed as file number << 32 | line: one small
        # int per row instead of a "path:line" string (the largest item kept per row).
        self._keys: dict[str, dict[str | tuple[str, ...], int]] = defaultdict(dict)
        self._file_numbers: dict[str, int] = {}
        self._defined: dict[str, set[str]] = defaultdict(set)
        self._wanted: dict[str, dict[str, list[_Site]]] = defaultdict(dict)
        self._deferred_evidence: list[tuple[str, str, _Site]] = []
        self._tenure_coach: dict[str, tuple[str, _Site]] = {}
        self._spans: list[_Span] = []

    # -- pass ----------------------------------------------------------------------------
    def run(self) -> Validation:
        for row in self.rows():
            self._check_row(row)
        self._check_refs_against_graph()
        self._check_deferred_evidence()
        self._check_tenure_coaches_against_graph()
        self._check_overlaps()
        return self.result

    def rows(self) -> Iterator[Row]:
        for seed in self.files:
            yield from read_rows(seed, self.result.problems)

    def _path_of(self, number: int) -> str:
        return next(path for path, n in self._file_numbers.items() if n == number)

    def _error(self, site: _Site, message: str, severity: str = "error") -> None:
        self.result.problems.append(
            Problem(site.file, site.line, site.record, site.field, message, severity)
        )

    def _check_row(self, row: Row) -> None:
        record = row.record
        kind = record.kind
        key = record.key()
        site = _Site(str(row.file.path), row.line, "/".join(key), "")
        self.result.rows[kind] += 1
        compact = key[0] if len(key) == 1 else key
        seen = self._keys[kind].get(compact)
        if seen is not None:
            site.field = "id" if len(key) == 1 else "key"
            first = f"{self._path_of(seen >> 32)}:{seen & 0xFFFFFFFF}"
            self._error(site, f"duplicate {kind} record {'/'.join(key)} (first at {first})")
            return
        number = self._file_numbers.setdefault(site.file, len(self._file_numbers))
        self._keys[kind][compact] = number << 32 | row.line
        if kind in LABEL_OF_KIND and len(key) == 1:
            self._defined[kind].add(key[0])
        for fld, target, ident in record.refs():
            if ident not in self._defined[target]:
                sites = self._wanted[target].setdefault(ident, [])
                if len(sites) < _MAX_REF_SITES:
                    sites.append(_Site(site.file, site.line, site.record, fld))
        if isinstance(record, SourceRecord) and record.kind_ == "article":
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
            self.result.article_texts[record.id] = read_article_text(path)
        except FileNotFoundError:
            site.field = "text_file"
            self._error(site, f"the article's text file {path} does not exist")
        except UnicodeDecodeError as exc:
            site.field = "text_file"
            self._error(site, f"the article's text file {path} is not UTF-8 ({exc.reason})")
        except OSError as exc:
            site.field = "text_file"
            self._error(site, f"cannot read {path}: {exc}")

    def _check_evidence(self, source: str, evidence: str, site: _Site) -> None:
        site.field = "evidence"
        text = self.result.article_texts.get(source)
        if text is not None:
            if evidence not in text:
                self._error(site, f"quote not found in the text of article {source}: {evidence!r}")
        elif source not in self._defined["sources"]:
            self._deferred_evidence.append((source, evidence, site))

    def _note_tenure(self, record: TenureRecord, site: _Site) -> None:
        first = self._tenure_coach.get(record.id)
        if first is None:
            self._tenure_coach[record.id] = (record.coach, site)
            if record.role in {"head", "caretaker"} and record.start:
                start = PartialDate.parse(record.start)
                end = PartialDate.parse(record.end).earliest if record.end else date.max
                # Only the span a tenure certainly covers can overlap another: a caretaker
                # written "1993"–"1993" certainly covers no day, so it warns about nothing.
                if end <= start.latest:
                    return
                self._spans.append(
                    _Span(record.id, record.coach, record.team, start.latest, end, site)
                )
        elif first[0] != record.coach:
            self._error(
                _Site(site.file, site.line, site.record, "coach"),
                f"tenure {record.id} is for {first[0]} at {first[1].file}:{first[1].line}, "
                f"not {record.coach}",
            )

    # -- checks against the graph ----------------------------------------------------------
    def _check_refs_against_graph(self) -> None:
        for target, wanted in self._wanted.items():
            missing = {i: s for i, s in wanted.items() if i not in self._defined[target]}
            if missing and self.driver is not None:
                label = LABEL_OF_KIND[target]
                records, _, _ = self.driver.execute_query(
                    writes.EXISTING_IDS[label],
                    ids=list(missing),
                    database_=self.database,
                    routing_="r",
                )
                for rec in records:
                    missing.pop(rec["id"], None)
            for ident, sites in missing.items():
                for site in sites:
                    self._error(
                        site,
                        f"unknown {target} id {ident!r}: not in the input nor in the graph",
                    )

    def _check_deferred_evidence(self) -> None:
        if not self._deferred_evidence:
            return
        texts: dict[str, str] = {}
        if self.driver is not None:
            ids = list({src for src, _, _ in self._deferred_evidence})
            records, _, _ = self.driver.execute_query(
                writes.ARTICLE_TEXTS, ids=ids, database_=self.database, routing_="r"
            )
            texts = {r["id"]: r["text"] for r in records}
        for source, evidence, site in self._deferred_evidence:
            text = texts.get(source)
            if text is not None and evidence not in text:
                self._error(site, f"quote not found in the text of article {source}: {evidence!r}")

    def _check_tenure_coaches_against_graph(self) -> None:
        if self.driver is None or not self._tenure_coach:
            return
        records, _, _ = self.driver.execute_query(
            writes.TENURE_COACHES,
            ids=list(self._tenure_coach),
            database_=self.database,
            routing_="r",
        )
        for rec in records:
            coach, site = self._tenure_coach[rec["id"]]
            if rec["coach"] != coach:
                self._error(
                    _Site(site.file, site.line, site.record, "coach"),
                    f"tenure {rec['id']} is already in the graph for {rec['coach']}, not {coach}",
                )

    def _check_overlaps(self) -> None:
        spans = list(self._spans)
        if self.driver is not None and spans:
            ours = {s.tenure for s in spans}
            records, _, _ = self.driver.execute_query(
                writes.HEAD_TENURES_AT,
                teams=list({s.team for s in spans}),
                database_=self.database,
                routing_="r",
            )
            for rec in records:
                if rec["id"] in ours or not rec["start"]:
                    continue
                end = PartialDate.parse(rec["end"]).earliest if rec["end"] else date.max
                if end <= PartialDate.parse(rec["start"]).latest:
                    continue
                site = _Site("(graph)", 0, rec["id"], "")
                spans.append(
                    _Span(
                        rec["id"],
                        rec["coach"],
                        rec["team"],
                        PartialDate.parse(rec["start"]).latest,
                        end,
                        site,
                    )
                )
        by_team: dict[str, list[_Span]] = defaultdict(list)
        for span in spans:
            by_team[span.team].append(span)
        for team, team_spans in by_team.items():
            team_spans.sort(key=lambda s: s.lo)
            open_spans: list[_Span] = []
            for span in team_spans:
                open_spans = [o for o in open_spans if o.hi > span.lo]
                for other in open_spans:
                    if other.coach == span.coach and other.tenure == span.tenure:
                        continue
                    where = (
                        f"{other.site.file}:{other.site.line}" if other.site.line else "the graph"
                    )
                    self._error(
                        _Site(span.site.file, span.site.line, span.tenure, "start"),
                        f"head-coach tenures overlap at {team}: {span.tenure} ({span.coach}, "
                        f"from {span.lo}) and {other.tenure} ({other.coach}, until "
                        f"{'ongoing' if other.hi == date.max else other.hi}, at {where})",
                        severity="warning",
                    )
                open_spans.append(span)


def validate(files: list[SeedFile], driver: Driver | None, database: str) -> Validation:
    """Validate `files` (and their references into the graph, when a driver is given)."""
    return Validator(files, driver, database).run()
