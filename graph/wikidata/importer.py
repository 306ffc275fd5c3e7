"""`coachgraph import wikidata`: read exports, resolve against the graph, load through the loader.

The mapped records are written as seeds-format CSV files into a temporary folder and loaded by
graph.loader.load, so validation, batching and idempotence are the loader's. Entities the graph
already holds are referenced, never rewritten; each statement is one `dataset` source whose claim
lands on its tenure beside the other sources' claims.
"""

from __future__ import annotations

import csv
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from neo4j import Driver

from graph.loader import InputError, LoadSummary, load
from graph.loader.files import Problem as LoaderProblem
from graph.loader.load import DEFAULT_BATCH, Progress
from graph.loader.records import PersonRecord, SourceRecord, TeamRecord, TenureRecord
from graph.wikidata import queries
from graph.wikidata.mapping import (
    Coach,
    NotImportableError,
    RowError,
    Statement,
    Team,
    statement_of,
)
from graph.wikidata.resolve import (
    Assignment,
    Entities,
    EntityResolver,
    TenureMatcher,
)
from graph.wikidata.results import ExportError, Problem, ResultReader

_MAX_PROBLEMS = 200


@dataclass
class ImportSummary:
    """What an import did: statements by outcome, entities by how they matched, skips."""

    files: int = 0
    rows: int = 0
    statements: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)  # created / merged / unchanged
    people: Counter[str] = field(default_factory=Counter)  # qid / name / new
    teams: Counter[str] = field(default_factory=Counter)
    skipped: list[str] = field(default_factory=list)  # "file, row N: reason"
    ambiguous: list[str] = field(default_factory=list)
    disputed: list[str] = field(default_factory=list)  # tenure ids disputed after the import
    warnings: list[str] = field(default_factory=list)
    load: LoadSummary | None = None
    dry_run: bool = False

    @property
    def changed(self) -> int:
        return self.load.changed if self.load else 0

    def lines(self) -> list[str]:
        out = [
            f"{self.statements} head-coach statements in {self.rows} rows of {self.files} file(s)",
            f"  tenures: {self.outcomes['created']} created, {self.outcomes['merged']} merged "
            f"with existing tenures, {self.outcomes['unchanged']} already imported, "
            f"{len(self.disputed)} disputed, {len(self.skipped)} statements skipped",
            f"  coaches: {self.people['new']} new, {self.people['qid']} matched by QID, "
            f"{self.people['name']} by name and birth date",
            f"  teams:   {self.teams['new']} new, {self.teams['qid']} matched by QID, "
            f"{self.teams['name']} by name",
        ]
        if self.load is not None and not self.dry_run:
            out.append(f"  graph: {self.changed} records created or updated")
        return out


ProgressFactory = Callable[[int], Progress]


def read_statements(paths: list[Path], summary: ImportSummary) -> list[Statement]:
    """Every statement of the exports (one per statement id); raise ExportError on bad input."""
    problems: list[Problem] = []
    statements: dict[str, Statement] = {}
    for path in paths:
        summary.files += 1
        if not path.is_file():
            problems.append(Problem(str(path), None, "", "no such file"))
            continue
        reader = ResultReader(path)
        try:
            for row in reader.rows():
                summary.rows += 1
                try:
                    st = statement_of(row)
                except RowError as exc:
                    problems += exc.problems
                    if len(problems) >= _MAX_PROBLEMS:
                        raise ExportError(problems) from None
                    continue
                except NotImportableError as exc:
                    summary.skipped.append(f"{row.file}, row {row.row}: {exc}")
                    continue
                if st is None:
                    summary.skipped.append(
                        f"{row.file}, row {row.row}: the team or coach is an unknown value"
                    )
                    continue
                first = statements.setdefault(st.source_id, st)
                if first is not st:  # one statement on several rows (aliases, countries…)
                    for mine, theirs in ((first.team, st.team), (first.coach, st.coach)):
                        mine.aliases += [a for a in theirs.aliases if a not in mine.aliases]
        except ExportError as exc:
            problems += exc.problems
    if problems:
        raise ExportError(problems)
    return list(statements.values())


class _Files:
    """The seeds CSV files of one import, remembering which export row each line came from."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.rows: dict[str, list[dict[str, str]]] = {}
        self.origin: dict[tuple[str, int], Statement] = {}

    def add(self, kind: str, row: dict[str, str], st: Statement) -> None:
        rows = self.rows.setdefault(kind, [])
        rows.append(row)
        self.origin[(str(self.path(kind)), len(rows) + 1)] = st

    def path(self, kind: str) -> Path:
        return self.folder / f"wikidata.{kind}.csv"

    def write(self) -> list[Path]:
        columns = {
            "sources": SourceRecord.columns,
            "people": PersonRecord.columns,
            "teams": TeamRecord.columns,
            "tenures": TenureRecord.columns,
        }
        paths = []
        for kind, rows in self.rows.items():
            path = self.path(kind)
            with path.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=columns[kind], lineterminator="\n")
                writer.writeheader()
                writer.writerows(rows)
            paths.append(path)
        return paths

    def explain(self, problem: LoaderProblem) -> Problem:
        """The loader's problem, located in the export row the record came from."""
        st = self.origin.get((problem.file, problem.line or 0))
        record = f"{problem.record}: " if problem.record else ""
        if st is None:
            return Problem(problem.file, problem.line, problem.field, record + problem.message)
        return Problem(st.file, st.row, problem.field, record + problem.message)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _aliases(entity: Coach | Team) -> str:
    return "|".join(_one_line(n).replace("|", "/") for n in entity.names[1:])


def _records(
    assignments: list[Assignment], entities: Entities, files: _Files, summary: ImportSummary
) -> list[str]:
    """Write the records of the assigned statements; return the tenure ids they touch."""
    new_people: set[str] = set()
    new_teams: set[str] = set()
    tenures: list[str] = []
    for a in assignments:
        st = a.statement
        coach, team = entities.people[st.coach.qid], entities.teams[st.team.qid]
        files.add(
            "sources",
            {
                "id": st.source_id,
                "kind": "dataset",
                "title": _one_line(f"Wikidata: {st.coach.label}, head coach of {st.team.label}"),
                "url": st.url,
                "publisher": "Wikidata",
            },
            st,
        )
        if coach.how == "new" and coach.id not in new_people:
            new_people.add(coach.id)
            files.add(
                "people",
                {
                    "id": coach.id,
                    "name": _one_line(st.coach.label),
                    "roles": "coach",
                    "aliases": _aliases(st.coach),
                    "birth_date": str(st.coach.birth or ""),
                    "nationality": st.coach.nationality,
                    "wikidata_id": st.coach.qid,
                    "source": st.source_id,
                },
                st,
            )
        if team.how == "new" and team.id not in new_teams:
            new_teams.add(team.id)
            files.add(
                "teams",
                {
                    "id": team.id,
                    "name": _one_line(st.team.label),
                    "kind": st.team.kind,
                    "aliases": _aliases(st.team),
                    "country": st.team.country,
                    "wikidata_id": st.team.qid,
                    "source": st.source_id,
                },
                st,
            )
        files.add(
            "tenures",
            {
                "id": a.tenure,
                "coach": coach.id,
                "team": team.id,
                "role": st.role,
                "start": str(st.start or ""),
                "end": str(st.end or ""),
                "source": st.source_id,
                "evidence": _one_line(
                    f"head coach (P286) of {st.team.label} ({st.team.qid}): "
                    f"{st.coach.label} ({st.coach.qid}), {st.start or '?'} – "
                    f"{st.end or 'ongoing'}{' (caretaker)' if st.role == 'caretaker' else ''}"
                ),
            },
            st,
        )
        summary.outcomes[a.outcome] += 1
        tenures.append(a.tenure)
    return tenures


def import_files(
    paths: list[Path],
    driver: Driver,
    database: str,
    *,
    batch_size: int = DEFAULT_BATCH,
    dry_run: bool = False,
    progress: ProgressFactory | None = None,
) -> ImportSummary:
    """Import Wikidata head-coach exports (SPARQL JSON, CSV or TSV results) into the graph.

    Args:
        paths: the export files.
        driver, database: where the graph is.
        dry_run: map, resolve and validate, but write nothing.
        progress: `progress(total_rows)` returns a callback advanced by rows written.

    Returns:
        What was created, merged, disputed and skipped (with reasons).

    Raises:
        ExportError: the input is not an importable export (file, row and field of each
            problem), or the loader refused the mapped records; nothing was written.
    """
    summary = ImportSummary(dry_run=dry_run)
    statements = read_statements(paths, summary)
    summary.statements = len(statements)
    entities = EntityResolver(driver, database).resolve(statements)
    summary.ambiguous = sorted(set(entities.ambiguous.values()))
    usable: list[Statement] = []
    for st in statements:
        why = entities.ambiguous.get(st.coach.qid) or entities.ambiguous.get(st.team.qid)
        if why:
            summary.skipped.append(f"{st.where}: ambiguous {why}")
        else:
            usable.append(st)
    assignments = TenureMatcher(driver, database, entities).assign(usable)
    counted_people = {st.coach.qid for st in usable}
    counted_teams = {st.team.qid for st in usable}
    summary.people.update(entities.people[q].how for q in counted_people)
    summary.teams.update(entities.teams[q].how for q in counted_teams)
    with tempfile.TemporaryDirectory(prefix="coachgraph-wikidata-") as tmp:
        files = _Files(Path(tmp))
        tenures = _records(assignments, entities, files, summary)
        written = files.write()
        if not written:
            return summary
        try:
            summary.load = load(
                [Path(tmp)],
                driver,
                database,
                batch_size=batch_size,
                dry_run=dry_run,
                progress=progress,
            )
        except InputError as exc:
            raise ExportError([files.explain(p) for p in exc.problems]) from None
        summary.warnings = [str(files.explain(w)) for w in summary.load.warnings]
    if not dry_run:
        records, _, _ = driver.execute_query(
            queries.DISPUTED_AMONG, ids=sorted(set(tenures)), database_=database, routing_="r"
        )
        summary.disputed = [r["id"] for r in records]
    return summary
