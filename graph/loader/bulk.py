"""The bulk path for an empty database: seeds files → neo4j-admin import CSV → a stopped server.

`bulk_load` validates like the online loader, writes nodes and relationships in neo4j-admin's
import format (one id space per label), stops the local server, runs
`neo4j-admin database import full --overwrite-destination`, starts the server, applies the schema
and bumps the graph version. The graph it builds is the one `load()` would build: the same labels,
properties (including `content_hash`, computed by the same `row_params`) and relationships; what
the online loader derives in Cypher (a tenure's agreed values and its COACHED/HELD/AT
relationships, a move's first and last report) is derived here in Python, by the same rules.

Memory: validation's id sets and article texts, plus one small tuple per tenure claim and two
dates per move (the derived values need all claims of a tenure and all reports of a move).
"""

from __future__ import annotations

import logging
import shutil
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from neo4j import Driver
from neo4j.exceptions import DatabaseUnavailable

from graph.domain import PartialDate, TenureClaim, settle
from graph.loader import writes
from graph.loader.files import InputError, Problem, SeedFile, read_rows
from graph.loader.load import row_params, settled_row, validated
from graph.loader.validate import Validation
from graph.schema import apply_schema
from graph.server.local import LocalServer

log = logging.getLogger(__name__)

ARRAY_DELIMITER = "|"  # list items (aliases) are `|`-separated in the seeds, so never contain it


class BulkError(RuntimeError):
    """The bulk import could not run (a non-empty database, a failed neo4j-admin)."""


@dataclass
class BulkSummary:
    """What a bulk load did, and how long each phase took."""

    files: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    nodes: int = 0
    relationships: int = 0
    warnings: list[Problem] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())


# -- CSV in neo4j-admin's format ---------------------------------------------------------------


def _cell(value: Any) -> str:
    """One field: strings always quoted (so "" stays an empty string), None left empty (no
    property), lists joined with ARRAY_DELIMITER."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        value = ARRAY_DELIMITER.join(value)
    text = str(value)
    return '"' + text.replace('"', '""') + '"'


class _CsvOut:
    """One import file: a header line of typed columns, then rows."""

    def __init__(self, path: Path, header: Iterable[str]) -> None:
        self.path = path
        self.count = 0
        self._handle: TextIO = path.open("w", encoding="utf-8", newline="")
        self._handle.write(",".join(header) + "\n")

    def row(self, *values: Any) -> None:
        self._handle.write(",".join(_cell(v) for v in values) + "\n")
        self.count += 1

    def close(self) -> None:
        self._handle.close()


_NODE_FILES: dict[str, tuple[str, ...]] = {
    "refusals": (
        "id:ID(Refusal)",
        ":LABEL",
        "dataset",
        "file",
        "row:long",
        "reason",
        "content_hash",
    ),
    "outlets": (
        "id:ID(Outlet)",
        ":LABEL",
        "name",
        "aliases:string[]",
        "search_key",
        "country",
        "url",
        "content_hash",
    ),
    "sources": (
        "id:ID(Source)",
        ":LABEL",
        "kind",
        "title",
        "date",
        "date_precision",
        "date_value:date",
        "lang",
        "url",
        "publisher",
        "text",
        "chars:long",
        "content_hash",
    ),
    "people": (
        "id:ID(Person)",
        ":LABEL",
        "name",
        "aliases:string[]",
        "search_key",
        "birth_date",
        "birth_date_precision",
        "nationality",
        "wikidata_id",
        "content_hash",
    ),
    "teams": (
        "id:ID(Team)",
        ":LABEL",
        "name",
        "kind",
        "aliases:string[]",
        "search_key",
        "team_keys:string[]",
        "country",
        "wikidata_id",
        "content_hash",
    ),
    "tenures": (
        "id:ID(Tenure)",
        ":LABEL",
        "coach",
        "team",
        "role",
        "start",
        "start_date:date",
        "start_precision",
        "end",
        "end_date:date",
        "end_precision",
        "contract_until",
        "disputed:boolean",
        "settled:boolean",
        "observed_from:date",
        "observed_to:date",
        "observations:long",
    ),
    "observations": (
        "id:ID(Observation)",
        ":LABEL",
        "coach",
        "team",
        "date:date",
        "tenure",
        "evidence",
        "source",
        "content_hash",
    ),
    "moves": (
        "id:ID(Move)",
        ":LABEL",
        "kind",
        "status",
        "coach",
        "from",
        "to",
        "first_reported_given",
        "last_reported_given",
        "first_reported",
        "last_reported",
        "content_hash",
        "settled:boolean",
    ),
}

_END = (":TYPE",)
_REL_FILES: dict[str, tuple[str, ...]] = {
    "published_by": (":START_ID(Source)", ":END_ID(Outlet)", *_END),
    "person_sourced": (":START_ID(Person)", ":END_ID(Source)", *_END),
    "team_sourced": (":START_ID(Team)", ":END_ID(Source)", *_END),
    "tenure_claims": (
        ":START_ID(Tenure)",
        ":END_ID(Source)",
        *_END,
        "coach",
        "team",
        "role",
        "start",
        "start_lo:date",
        "start_hi:date",
        "end",
        "end_lo:date",
        "end_hi:date",
        "contract_until",
        "evidence",
        "rank:long",
        "agrees:boolean",
        "content_hash",
    ),
    "held": (":START_ID(Person)", ":END_ID(Tenure)", *_END),
    "observed": (":START_ID(Tenure)", ":END_ID(Observation)", *_END),
    "observation_sourced": (":START_ID(Observation)", ":END_ID(Source)", *_END),
    "at": (":START_ID(Tenure)", ":END_ID(Team)", *_END),
    "coached": (":START_ID(Person)", ":END_ID(Team)", *_END, "tenure", "role", "start", "end"),
    "held_role": (
        ":START_ID(Person)",
        ":END_ID(Team)",
        *_END,
        "id",
        "source",
        "role",
        "start",
        "start_precision",
        "start_date:date",
        "end",
        "end_precision",
        "end_date:date",
        "evidence",
        "content_hash",
    ),
    "move_of": (":START_ID(Move)", ":END_ID(Person)", *_END),
    "move_sourced": (":START_ID(Move)", ":END_ID(Source)", *_END, "evidence"),
    "from_team": (":START_ID(Move)", ":END_ID(Team)", *_END),
    "to_team": (":START_ID(Move)", ":END_ID(Team)", *_END),
    "reported_in": (
        ":START_ID(Move)",
        ":END_ID(Source)",
        *_END,
        "outlet",
        "status",
        "date",
        "date_precision",
        "date_value:date",
        "evidence",
        "content_hash",
    ),
    "reported": (
        ":START_ID(Outlet)",
        ":END_ID(Move)",
        *_END,
        "source",
        "status",
        "date",
        "evidence",
    ),
    "cites": (":START_ID(Source)", ":END_ID(Outlet)", *_END),
    "influenced": (
        ":START_ID(Person)",
        ":END_ID(Move)",
        *_END,
        "source",
        "polarity",
        "how",
        "evidence",
        "content_hash",
    ),
}


class _ClaimRow(NamedTuple):
    """A tenure claim as read from the seeds, waiting for its tenure to be settled."""

    claim: TenureClaim
    params: dict[str, Any]


@dataclass
class _Reported:
    """The earliest and latest report of a move, ordered as SETTLE_MOVES orders them."""

    first: tuple[date, str] | None = None
    last: tuple[date, str] | None = None

    def add(self, key: tuple[date, str]) -> None:
        if self.first is None or key < self.first:
            self.first = key
        if self.last is None or key >= self.last:
            self.last = key


class _Writer:
    """Turns validated seeds files into import files under `folder`."""

    def __init__(self, folder: Path, checked: Validation) -> None:
        self.folder = folder
        self.checked = checked
        self.out: dict[str, _CsvOut] = {}
        self.source_kind: dict[str, str] = {}
        self.claims: dict[str, list[_ClaimRow]] = defaultdict(list)
        self.reported: dict[str, _Reported] = defaultdict(_Reported)
        self.cites: set[tuple[str, str]] = set()
        self.problems: list[Problem] = []

    def file(self, name: str) -> _CsvOut:
        out = self.out.get(name)
        if out is None:
            header = _NODE_FILES.get(name) or _REL_FILES[name]
            out = self.out[name] = _CsvOut(self.folder / f"{name}.csv", header)
        return out

    def params(self, seeds: list[SeedFile], kind: str) -> Iterator[dict[str, Any]]:
        for seed in seeds:
            if seed.kind == kind:
                for row in read_rows(seed, self.problems):
                    yield row_params(row.record, self.checked.article_texts)

    def write(self, files: list[SeedFile]) -> None:
        for p in self.params(files, "outlets"):
            self.file("outlets").row(
                p["id"],
                "Outlet",
                p["name"],
                p["aliases"],
                p["search_key"],
                p["country"] or None,
                p["url"] or None,
                p["hash"],
            )
        self._sources(files)
        self._people_and_teams(files)
        self._tenures(files)
        for p in self.params(files, "roles"):
            self.file("held_role").row(
                p["person"],
                p["team"],
                "HELD_ROLE",
                p["id"],
                p["source"],
                p["role"],
                p["start"],
                p["start_precision"],
                p["start_date"],
                p["end"],
                p["end_precision"],
                p["end_date"],
                p["evidence"],
                p["hash"],
            )
        self._move_reports(files)
        self._moves(files)
        for p in self.params(files, "influences"):
            self.file("influenced").row(
                p["person"],
                p["move"],
                "INFLUENCED",
                p["source"],
                p["polarity"],
                p["how"],
                p["evidence"],
                p["hash"],
            )
        for p in self.params(files, "refusals"):
            self.file("refusals").row(
                p["id"], "Refusal", p["dataset"], p["file"], p["row"], p["reason"], p["hash"]
            )
        for out in self.out.values():
            out.close()
        if self.problems:  # the files changed since validation
            raise InputError(self.problems)

    def _sources(self, files: list[SeedFile]) -> None:
        for p in self.params(files, "sources"):
            self.source_kind[p["id"]] = p["kind"]
            self.file("sources").row(
                p["id"],
                ARRAY_DELIMITER.join(p["labels"]),
                p["kind"],
                p["title"],
                p["date"],
                p["date_precision"],
                p["date_date"],
                p["lang"] or None,
                p["url"] or None,
                p["publisher"] or None,
                p["text"],
                p["chars"],
                p["hash"],
            )
            if p["outlet"]:
                self.file("published_by").row(p["id"], p["outlet"], "PUBLISHED_BY")

    def _people_and_teams(self, files: list[SeedFile]) -> None:
        for p in self.params(files, "people"):
            self.file("people").row(
                p["id"],
                ARRAY_DELIMITER.join(p["labels"]),
                p["name"],
                p["aliases"],
                p["search_key"],
                p["birth_date"],
                p["birth_date_precision"],
                p["nationality"],
                p["wikidata_id"],
                p["hash"],
            )
            if p["source"]:
                self.file("person_sourced").row(p["id"], p["source"], "SOURCED_FROM")
        for p in self.params(files, "teams"):
            self.file("teams").row(
                p["id"],
                ARRAY_DELIMITER.join(p["labels"]),
                p["name"],
                p["kind"],
                p["aliases"],
                p["search_key"],
                p["team_keys"],
                p["country"],
                p["wikidata_id"],
                p["hash"],
            )
            if p["source"]:
                self.file("team_sourced").row(p["id"], p["source"], "SOURCED_FROM")

    def _tenures(self, files: list[SeedFile]) -> None:
        for p in self.params(files, "tenures"):
            claim = TenureClaim(
                source=p["source"],
                source_kind=self.source_kind[p["source"]],
                coach=p["coach"],
                team=p["team"],
                role=p["role"],
                start=PartialDate.parse(p["start"]) if p["start"] else None,
                end=PartialDate.parse(p["end"]) if p["end"] else None,
                contract_until=p["contract_until"],
            )
            self.claims[p["id"]].append(_ClaimRow(claim, p))
        claims_out, nodes, held, at, coached = (
            self.file("tenure_claims"),
            self.file("tenures"),
            self.file("held"),
            self.file("at"),
            self.file("coached"),
        )
        observed = self._observations(files)
        for ident, rows in self.claims.items():
            t = settled_row(ident, settle([row.claim for row in rows]))
            days = observed.get(ident, [])
            by_source = {row.claim.source: row.params for row in rows}
            for claim in t["claims"]:
                p = by_source[claim["source"]]
                claims_out.row(
                    ident,
                    claim["source"],
                    "SOURCED_FROM",
                    p["coach"],
                    p["team"],
                    p["role"],
                    p["start"],
                    p["start_lo"],
                    p["start_hi"],
                    p["end"],
                    p["end_lo"],
                    p["end_hi"],
                    p["contract_until"],
                    p["evidence"],
                    claim["rank"],
                    claim["agrees"],
                    p["hash"],
                )
            nodes.row(
                ident,
                "Tenure",
                t["coach"],
                t["team"],
                t["role"],
                t["start"],
                t["start_date"],
                t["start_precision"],
                t["end"],
                t["end_date"],
                t["end_precision"],
                t["contract_until"],
                t["disputed"],
                True,
                min(days) if days else None,
                max(days) if days else None,
                len(days) if days else None,
            )
            held.row(t["coach"], ident, "HELD")
            at.row(ident, t["team"], "AT")
            coached.row(t["coach"], t["team"], "COACHED", ident, t["role"], t["start"], t["end"])
        self.claims.clear()

    def _observations(self, files: list[SeedFile]) -> dict[str, list[str]]:
        """Write the observations; return each tenure's observed days (for its span)."""
        days: dict[str, list[str]] = defaultdict(list)
        for p in self.params(files, "observations"):
            self.file("observations").row(
                p["id"],
                "Observation",
                p["coach"],
                p["team"],
                p["date"],
                p["tenure"],
                p["evidence"],
                p["source"],
                p["hash"],
            )
            self.file("observed").row(p["tenure"], p["id"], "OBSERVED")
            self.file("observation_sourced").row(p["id"], p["source"], "SOURCED_FROM")
            days[p["tenure"]].append(p["date"])
        return days

    def _move_reports(self, files: list[SeedFile]) -> None:
        for p in self.params(files, "move_reports"):
            self.file("reported_in").row(
                p["move"],
                p["source"],
                "REPORTED_IN",
                p["outlet"] or "",
                p["status"],
                p["date"],
                p["date_precision"],
                p["date_date"],
                p["evidence"],
                p["hash"],
            )
            if p["date"] is not None:
                self.reported[p["move"]].add((p["date_date"], p["date"]))
            if p["outlet"]:
                self.file("reported").row(
                    p["outlet"],
                    p["move"],
                    "REPORTED",
                    p["source"],
                    p["status"],
                    p["date"],
                    p["evidence"],
                )
                if (p["source"], p["outlet"]) not in self.cites:
                    self.cites.add((p["source"], p["outlet"]))
                    self.file("cites").row(p["source"], p["outlet"], "CITES")

    def _moves(self, files: list[SeedFile]) -> None:
        for p in self.params(files, "moves"):
            seen = self.reported.get(p["id"])
            first = seen.first[1] if seen and seen.first else None
            last = seen.last[1] if seen and seen.last else None
            self.file("moves").row(
                p["id"],
                "Move",
                p["kind"],
                p["status"],
                p["coach"],
                p["from"],
                p["to"],
                p["first_reported"],
                p["last_reported"],
                p["first_reported"] or first,
                p["last_reported"] or last,
                p["hash"],
                True,
            )
            self.file("move_of").row(p["id"], p["coach"], "MOVE_OF")
            self.file("move_sourced").row(p["id"], p["source"], "SOURCED_FROM", p["evidence"])
            if p["from"]:
                self.file("from_team").row(p["id"], p["from"], "FROM_TEAM")
            if p["to"]:
                self.file("to_team").row(p["id"], p["to"], "TO_TEAM")


# -- the whole bulk load -------------------------------------------------------------------------


# neo4j-admin cannot write an empty array (an empty field is no property); the online loader
# stores `aliases: []`, so the few entities without aliases get theirs after the import.
EMPTY_ALIASES = """
MATCH (n) WHERE (n:Person OR n:Team OR n:Outlet) AND n.aliases IS NULL
CALL (n) { SET n.aliases = [] } IN TRANSACTIONS OF 10000 ROWS
"""

_COUNTS = """
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
RETURN nodes, rels
"""

_NON_META_NODES = "MATCH (n) WHERE NOT n:Meta RETURN count(n) AS n"


def _graph_size(driver: Driver, database: str) -> int:
    records, _, _ = driver.execute_query(_NON_META_NODES, database_=database, routing_="r")
    return int(records[0]["n"])


def write_import_files(
    paths: list[Path], folder: Path, driver: Driver | None, database: str
) -> tuple[Validation, int, dict[str, Path]]:
    """Validate the seeds under `paths` and write the import files into `folder`.

    Returns the validation, the number of seeds files and the written files by name.
    Raises InputError when validation finds errors (nothing is written then).
    """
    files, checked = validated(paths, driver, database)
    if checked.rows.get("retractions"):
        checked.close()
        retractions = [str(f.path) for f in files if f.kind == "retractions"]
        raise InputError(
            [
                Problem(
                    ", ".join(retractions),
                    None,
                    "",
                    "",
                    "--bulk imports claims, not retractions: bulk-load without this file, then "
                    "load it online (`coachgraph load FILE`)",
                )
            ]
        )
    with checked:  # the article texts are read from the validation's ledger while writing
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        writer = _Writer(folder, checked)
        writer.write(files)
    return checked, len(files), {name: out.path for name, out in writer.out.items()}


def _import_args(database: str, written: dict[str, Path]) -> list[str]:
    args = [
        "database",
        "import",
        "full",
        database,  # first: the file-list options take every argument that follows them
        "--overwrite-destination=true",
        f"--array-delimiter={ARRAY_DELIMITER}",
        "--id-type=string",
        "--bad-tolerance=0",
        "--strict=true",
    ]
    # Article texts span lines. (Naming only sources.csv, `--multiline-fields=<file>` with
    # `--multiline-fields-format=v2`, fails at 4 MiB buffer boundaries in 5.26: "found CR outside
    # a text cell"; the v1 parser for every file is slower but reads it right.)
    args.append("--multiline-fields=true")
    for name, path in written.items():
        option = "--nodes" if name in _NODE_FILES else "--relationships"
        args.append(f"{option}={path}")
    return args


def bulk_load(
    paths: list[Path],
    server: LocalServer,
    connect: Callable[[], Driver],
    database: str,
    *,
    keep_files: bool = False,
) -> BulkSummary:
    """Load seeds into an EMPTY database through neo4j-admin import (see module docstring).

    `connect()` opens a driver to `server`; one is used before the import (emptiness check,
    validation) and a new one after the restart (schema, graph version).

    Raises:
        InputError: the seeds do not validate (the database is untouched).
        BulkError: the database is not empty, or neo4j-admin failed (the server is restarted;
            the database, empty before, is then unusable until a bulk load succeeds).
    """
    summary = BulkSummary()
    clock = time.monotonic()
    folder = server.home / "import" / "coachgraph-bulk"
    with connect() as driver:
        try:
            existing = _graph_size(driver, database)
        except DatabaseUnavailable:
            # A store that does not start (e.g. left by a failed import) holds nothing to keep.
            log.warning("database %r is unavailable; importing over it", database)
            existing, usable = 0, False
        else:
            usable = True
        if existing:
            raise BulkError(
                f"the database {database!r} holds {existing} nodes; --bulk only loads an empty "
                "database (use the online loader, without --bulk, to add to a graph)"
            )
        checked, summary.files, written = write_import_files(
            paths, folder, driver if usable else None, database
        )
    summary.rows = dict(checked.rows)
    summary.warnings = checked.warnings
    summary.seconds["validate+csv"] = time.monotonic() - clock

    clock = time.monotonic()
    server.stop()
    result = server.admin(*_import_args(database, written))
    summary.seconds["import"] = time.monotonic() - clock
    clock = time.monotonic()
    server.start()
    summary.seconds["restart"] = time.monotonic() - clock
    if result.returncode != 0:
        raise BulkError(
            f"neo4j-admin import failed; the store of {database!r} is left unusable (it was "
            "empty): fix the cause and run the bulk load again, it imports over it.\n"
            + (result.stdout + result.stderr)[-3000:]
        )
    if not keep_files:
        shutil.rmtree(folder, ignore_errors=True)

    clock = time.monotonic()
    with connect() as driver:
        with driver.session(database=database) as session:  # IN TRANSACTIONS: auto-commit
            session.run(EMPTY_ALIASES).consume()
        apply_schema(driver, database)
        driver.execute_query(writes.BUMP_VERSION, database_=database)
        records, _, _ = driver.execute_query(_COUNTS, database_=database, routing_="r")
        summary.nodes, summary.relationships = records[0]["nodes"], records[0]["rels"]
    summary.seconds["schema"] = time.monotonic() - clock
    log.info(
        "bulk-loaded %d rows (%d nodes, %d relationships) in %.1fs",
        summary.total_rows,
        summary.nodes,
        summary.relationships,
        summary.total_seconds,
    )
    return summary
