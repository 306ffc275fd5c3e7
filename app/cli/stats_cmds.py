"""`coachgraph stats`: what the graph covers, as GET /stats answers it."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from app.cli.common import fail
from graph.errors import GraphError
from graph.settings import Neo4jSettings, get_neo4j_settings

if TYPE_CHECKING:
    from graph.models import StatsPublic
    from graph.models.stats import RefusedRow
    from graph.repository import Repository

# The reads and their models are imported when the command runs, so that every other command
# does not pay for importing them.

# The answer goes to stdout (it is the command's output); errors go to stderr (common.console).
out = Console()

T = TypeVar("T")


def register(app: typer.Typer) -> None:
    app.command("stats")(stats_command)


def stats_command(
    as_json: Annotated[
        bool, typer.Option("--json", help="print the JSON that GET /stats answers")
    ] = False,
    refused: Annotated[
        bool,
        typer.Option("--refused", help="list every input row the imports refused, and why"),
    ] = False,
) -> None:
    """Counts by kind, tenures by source and start-date precision, disputes, refused input
    rows, and when the graph was last loaded."""
    from graph.reads.stats import refused_rows, stats

    settings = get_neo4j_settings()
    if refused:
        rows = _read(settings, refused_rows)
        if as_json:
            _echo_json([row.model_dump(mode="json") for row in rows])
        else:
            _print_refused(rows)
        return
    answer = _read(settings, stats)
    if as_json:
        _echo_json(answer.model_dump(mode="json", by_alias=True))
    else:
        _print(answer)


def _read(settings: Neo4jSettings, read: Callable[[Repository], Awaitable[T]]) -> T:
    """`read`'s answer from the configured Neo4j, or a readable error and exit 1."""
    from graph.db import open_async_driver
    from graph.repository import Repository

    try:
        settings.password()
    except RuntimeError as exc:
        raise fail(str(exc)) from None

    async def run() -> T:
        driver = open_async_driver(settings)
        try:
            timeout = settings.neo4j_query_timeout
            return await read(Repository(driver, settings.neo4j_database, timeout))
        finally:
            await driver.close()

    try:
        return asyncio.run(run())
    except GraphError as exc:
        raise fail(f"Neo4j at {settings.neo4j_uri} did not answer: {exc}") from None


def _echo_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _print_refused(rows: list[RefusedRow]) -> None:
    if not rows:
        out.print("No input row was refused.")
        return
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("data set", "file", "row", "reason"):
        table.add_column(column, justify="right" if column == "row" else "left")
    for r in rows:
        # Text, not markup: file names and reasons come from the data.
        table.add_row(
            Text(r.dataset or ""),
            Text(r.file or ""),
            "" if r.row is None else str(r.row),
            Text(r.reason or ""),
        )
    out.print(table)
    out.print(f"{len(rows):,} refused rows.")


def _n(value: int) -> str:
    return f"{value:,}"


def _table(rows: list[tuple[str, int, str]]) -> Table:
    """`label  count  note` lines, aligned."""
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(min_width=16)
    table.add_column(justify="right")
    table.add_column(style="dim", no_wrap=True)
    for label, value, note in rows:
        # Text, not markup: names and file paths come from the data.
        table.add_row(Text(label), _n(value), Text(note))
    return table


def _print(s: StatsPublic) -> None:
    if s.graph.version is None:
        out.print("The graph has never been loaded (`coachgraph load`).")
    else:
        out.print(f"Graph version {s.graph.version}, last written {s.graph.updated_at}.")
    nodes, tenures = s.nodes, s.tenures
    counts = [
        ("coaches", nodes.coaches, ""),
        ("other people", nodes.other_people, "executives, players"),
        ("clubs", nodes.clubs, ""),
        ("national teams", nodes.national_teams, ""),
        ("tenures", nodes.tenures, ""),
        ("moves", nodes.moves, ""),
        ("outlets", nodes.outlets, ""),
        ("observations", nodes.observations, "in charge on a match day"),
    ]
    counts += [(f"{kind} sources", value, "") for kind, value in nodes.sources]
    by_source: list[tuple[str, int, str]] = []
    for kind, value in tenures.by_source:
        by_source.append(("no ranked claim" if kind == "none" else kind, value, ""))
        if kind == "dataset":
            by_source += [
                (f"  {p.publisher or 'no publisher'}", p.tenures, "")
                for p in tenures.by_dataset_publisher
            ]
    by_precision = [
        ("no start date" if precision == "unknown" else precision, value, "")
        for precision, value in tenures.by_start_precision
    ]
    for title, rows in (
        ("Nodes", counts),
        ("Tenures by their best-ranked source", by_source),
        ("Tenures by the precision of their start", by_precision),
    ):
        out.print(f"\n[bold]{title}[/]")
        out.print(_table(rows))
    out.print(f"\n[bold]Disputed tenures:[/] {_n(tenures.disputed)} (GET /disputes)")
    out.print(f"[bold]Refused input rows:[/] {_n(s.refused.total)}")
    if s.refused.by_file:
        out.print(
            _table([(r.dataset or "", r.rows, r.file or "unnamed file") for r in s.refused.by_file])
        )
    if s.try_:
        out.print()
        coaches = ", ".join(f"{c.name} ({c.id})" for c in s.try_)
        out.print(f"Coaches to try: {coaches}", markup=False, highlight=False)
