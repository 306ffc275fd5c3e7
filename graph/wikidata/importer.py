"""`coachgraph import wikidata`: read exports, resolve against the graph, load through the loader.

The mapped records are written as seeds-format CSV files into a temporary folder and loaded by
graph.loader.load, so validation, batching and idempotence are the loader's. Entities the graph
already holds are referenced, never rewritten; each statement is one `dataset` source whose claim
lands on its tenure beside the other sources' claims.
"""

from __future__ import annotations

import csv
import re
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from neo4j import Driver, ManagedTransaction

from graph.imports import ExportError, Problem, Refused, refusal_rows
from graph.loader import InputError, LoadSummary, load
from graph.loader.files import Problem as LoaderProblem
from graph.loader.load import DEFAULT_BATCH, Progress, bump_version, settle_tenures
from graph.loader.records import (
    PersonRecord,
    RefusalRecord,
    SourceRecord,
    TeamRecord,
    TenureRecord,
)
from graph.wikidata import queries
from graph.wikidata.mapping import (
    Coach,
    NotImportableError,
    RowError,
    Statement,
    Team,
    statement_of,
)
from graph.wikidata.names import TeamNames, names_file_kind, read_names
from graph.wikidata.resolve import (
    Entities,
    EntityResolver,
    Placement,
    Placements,
    TenureMatcher,
)
from graph.wikidata.results import ResultReader

_MAX_PROBLEMS = 200
_EXPORT_SUFFIXES = {".json", ".srj", ".csv", ".tsv"}
DATASET = "wikidata"


@dataclass
class ImportSummary:
    """What an import did: statements by outcome, entities by how they matched, skips."""

    files: int = 0
    rows: int = 0
    statements: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)  # created / merged / unchanged
    people: Counter[str] = field(default_factory=Counter)  # qid / name / new
    teams: Counter[str] = field(default_factory=Counter)
    skipped: list[Refused] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)
    team_names: int = 0
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


def input_files(paths: list[Path]) -> list[Path]:
    """The export files under `paths`: folders give their .json, .csv and .tsv files, sorted."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(p for p in path.iterdir() if p.suffix.lower() in _EXPORT_SUFFIXES)
        else:
            out.append(path)
    return out


def _header(path: Path) -> list[str]:
    if path.suffix.lower() != ".csv" or not path.is_file():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return next(csv.reader(handle), [])


def read_statements(
    paths: list[Path], summary: ImportSummary, names: TeamNames | None = None
) -> list[Statement]:
    """Every statement of the exports (one per statement id); raise ExportError on bad input.
    Files of team names (graph/wikidata/names.py) among them go to `names`."""
    problems: list[Problem] = []
    statements: dict[str, Statement] = {}
    for path in input_files(paths):
        if names is not None and names_file_kind(_header(path)):
            read_names(path, names, problems)
            continue
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
                    summary.skipped.append(Refused(row.file, row.row, str(exc)))
                    continue
                if st is None:
                    summary.skipped.append(
                        Refused(row.file, row.row, "the team or coach is an unknown value")
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

    def add(self, kind: str, row: dict[str, str], st: Statement | None) -> None:
        rows = self.rows.setdefault(kind, [])
        rows.append(row)
        if st is not None:
            self.origin[(str(self.path(kind)), len(rows) + 1)] = st

    def path(self, kind: str) -> Path:
        return self.folder / f"wikidata.{kind}.csv"

    def write(self) -> list[Path]:
        columns = {
            "sources": SourceRecord.columns,
            "people": PersonRecord.columns,
            "teams": TeamRecord.columns,
            "tenures": TenureRecord.columns,
            "refusals": RefusalRecord.columns,
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
        """The loader's problem, located in the export row the record came from; every mention
        of this import's own files in the message names the export row and statement too."""
        st = self.origin.get((problem.file, problem.line or 0))
        record = f"{problem.record}: " if problem.record else ""
        message = self._mentions.sub(self._origin_of, problem.message)
        if st is None:
            return Problem(problem.file, problem.line, problem.field, record + message)
        return Problem(
            st.file, st.row, problem.field, f"{record}{message}; statement {st.source_id}"
        )

    @property
    def _mentions(self) -> re.Pattern[str]:
        return re.compile(re.escape(str(self.folder)) + r"/wikidata\.(\w+)\.csv:(\d+)")

    def _origin_of(self, match: re.Match[str]) -> str:
        st = self.origin.get((str(self.path(match.group(1))), int(match.group(2))))
        return f"{st.where}, statement {st.source_id}" if st else match.group(0)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _aliases(entity: Coach | Team) -> str:
    return "|".join(_one_line(n).replace("|", "/") for n in entity.names[1:])


#: What a new coach or team cites: Wikidata's items, as one source, so that an entity cites the
#: same source whichever statement brought it in (and importing files in any order gives one
#: graph).
ITEMS_SOURCE = {
    "id": "dataset-wikidata-items",
    "kind": "dataset",
    "title": "Wikidata items of coaches and teams: labels, QIDs, birth dates (CC0)",
    "url": "https://www.wikidata.org/",
    "publisher": "Wikidata",
}


def _team_source(st: Statement, names: TeamNames, files: _Files) -> str:
    """The source a new team cites: the page that names it, else Wikidata's items."""
    known = names.by_qid.get(st.team.qid)
    if known is None or not known.source_url:
        return ITEMS_SOURCE["id"]
    ident = f"ref-team-name-{st.team.qid.lower()}"
    files.add(
        "sources",
        {
            "id": ident,
            "kind": "reference",
            "title": _one_line(f"{known.name}: the name of Wikidata item {st.team.qid}"),
            "url": known.source_url,
        },
        st,
    )
    return ident


def _evidence(st: Statement) -> str:
    prop = st.family.split(":", 1)[0]
    what = "head coach (P286) of" if prop == "P286" else "coach of sports team (P6087):"
    return _one_line(
        f"{what} {st.team.label} ({st.team.qid}): {st.coach.label} ({st.coach.qid}), "
        f"{st.start or '?'} – {st.end or 'ongoing'}"
        f"{' (caretaker)' if st.role == 'caretaker' else ''}"
    )


def _moved_claim(p: Placement) -> dict[str, str]:
    """A tenures row that puts a claim an earlier import placed on the tenure it now belongs to."""
    item = p.item
    return {
        "id": p.tenure,
        "coach": item.coach,
        "team": item.team,
        "role": item.role,
        "start": str(item.start or ""),
        "end": str(item.end or ""),
        "source": item.source,
        "evidence": item.evidence or "",
    }


def _records(
    placements: Placements,
    entities: Entities,
    files: _Files,
    summary: ImportSummary,
    names: TeamNames,
) -> list[str]:
    """Write the records of the placed statements; return the tenure ids they touch."""
    new_people: set[str] = set()
    new_teams: set[str] = set()
    tenures: list[str] = []
    if placements.placed:
        files.add("sources", dict(ITEMS_SOURCE), None)
    for a in placements.placed:
        st = a.item.statement
        if st is None:  # placed by an earlier import
            if a.outcome == "moved":
                files.add("tenures", _moved_claim(a), None)
                summary.outcomes["moved"] += 1
                tenures.append(a.tenure)
            continue
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
                    "source": ITEMS_SOURCE["id"],
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
                    "source": _team_source(st, names, files),
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
                "evidence": _evidence(st),
            },
            st,
        )
        summary.outcomes[a.outcome] += 1
        tenures.append(a.tenure)
    return tenures


def _remove_moved(driver: Driver, database: str, placements: Placements) -> None:
    """Once the moved claims are written where they belong, take them off the tenures that
    held them; delete tenures left with no claim and settle the others again."""
    moved = [{"tenure": p.item.held_by, "source": p.item.source} for p in placements.moved]
    if not moved and not placements.emptied:
        return

    def work(tx: ManagedTransaction) -> None:
        tx.run(queries.REMOVE_CLAIMS, claims=moved).consume()
        tx.run(queries.REMOVE_TENURES, ids=placements.emptied).consume()
        kept = sorted({str(m["tenure"]) for m in moved} - set(placements.emptied))
        settle_tenures(tx, kept)

    with driver.session(database=database) as session:
        session.execute_write(work)
    bump_version(driver, database)


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
    names = TeamNames()
    statements = read_statements(paths, summary, names)
    summary.statements = len(statements)
    summary.team_names = len(names)
    names.apply(statements)
    entities = EntityResolver(driver, database).resolve(statements)
    summary.ambiguous = sorted(set(entities.ambiguous.values()))
    usable: list[Statement] = []
    for st in statements:
        why = (
            entities.ambiguous.get(st.coach.qid)
            or entities.ambiguous.get(st.team.qid)
            or entities.refused.get(st.team.qid)
        )
        if why:
            summary.skipped.append(Refused(st.file, st.row, why))
        else:
            usable.append(st)
    summary.skipped.sort(key=lambda r: (r.file, r.row))
    placements = TenureMatcher(driver, database, entities).assign(usable)
    counted_people = {st.coach.qid for st in usable}
    counted_teams = {st.team.qid for st in usable}
    summary.people.update(entities.people[q].how for q in counted_people)
    summary.teams.update(entities.teams[q].how for q in counted_teams)
    with tempfile.TemporaryDirectory(prefix="coachgraph-wikidata-") as tmp:
        files = _Files(Path(tmp))
        tenures = _records(placements, entities, files, summary, names)
        files.rows["refusals"] = refusal_rows(DATASET, summary.skipped)
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
        _remove_moved(driver, database, placements)
        records, _, _ = driver.execute_query(
            queries.DISPUTED_AMONG, ids=sorted(set(tenures)), database_=database, routing_="r"
        )
        summary.disputed = [r["id"] for r in records]
    return summary
