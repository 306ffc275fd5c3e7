"""`coachgraph load`: validate and load seeds files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from neo4j.exceptions import Neo4jError, ServiceUnavailable

from app.cli.common import connect, console, fail, progress_bar, setup_logging
from graph.loader import InputError, LoadSummary, check, load
from graph.loader.load import DEFAULT_BATCH
from graph.settings import PROJECT_ROOT, get_neo4j_settings

SEEDS = PROJECT_ROOT / "seeds"
# Notes shown at most (the count is always given); problems are listed in full by InputError.
_SHOWN = 50


def register(app: typer.Typer) -> None:
    app.command("load")(load_command)


def load_command(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="seeds files or folders (default: seeds/)")
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run",
            help="validate and write nothing; the files alone, no database needed",
        ),
    ] = False,
    against_db: Annotated[
        bool,
        typer.Option(
            "--against-db",
            help="with --dry-run: also check references and quotes against the database",
        ),
    ] = False,
    batch_size: Annotated[int, typer.Option(min=1, max=50_000)] = DEFAULT_BATCH,
    bulk: Annotated[
        bool,
        typer.Option(
            "--bulk",
            help="EMPTY database only: neo4j-admin import (stops and restarts the local server)",
        ),
    ] = False,
    shipped: Annotated[
        bool,
        typer.Option(
            "--shipped",
            help="everything the project ships, as `run` loads it: seeds/, then the Wikidata "
            "and World Cup data",
        ),
    ] = False,
) -> None:
    """Validate seeds files, then write them to Neo4j in batches (idempotent)."""
    setup_logging()
    if shipped:
        if paths or dry_run or bulk:
            raise fail("--shipped loads the shipped data as it is: no paths, --dry-run or --bulk")
        from app.cli.run_cmds import load_shipped_data

        load_shipped_data(get_neo4j_settings())
        return
    if against_db and not dry_run:
        raise fail("--against-db goes with --dry-run (a load always checks against the database)")
    if dry_run and not against_db:
        _check_files(paths or [SEEDS])
        return
    settings = get_neo4j_settings()
    if bulk:
        from app.cli.bulk_cmds import bulk_command

        bulk_command(paths or [SEEDS], settings)
        return
    driver = connect(settings)
    writing = False

    def start(total: int) -> Callable[[int], None]:
        nonlocal writing
        writing = True
        return bar(total)

    try:
        with progress_bar("loading") as bar:
            summary = load(
                paths or [SEEDS],
                driver,
                settings.neo4j_database,
                batch_size=batch_size,
                dry_run=dry_run,
                progress=start,
            )
    except InputError as exc:
        raise fail(_refused(exc, dry_run), code=2) from None
    except ServiceUnavailable as exc:
        if writing:
            after = (
                "Batches written before the failure are kept; run the same load again to "
                "complete it (it is idempotent)."
            )
        else:
            after = "Nothing was written; run it again once Neo4j answers."
        raise fail(f"Neo4j at {settings.neo4j_uri} is unreachable ({exc}). {after}") from None
    except Neo4jError as exc:
        if dry_run:
            raise fail(f"Neo4j refused a query of the check: {exc}") from None
        raise fail(f"Neo4j refused a write: {exc}. Re-run the load once fixed.") from None
    finally:
        driver.close()
    where = f"against the graph at {settings.neo4j_uri}" if dry_run else ""
    _report(summary, where)


def _refused(exc: InputError, dry_run: bool) -> str:
    """Every problem found, one a line (InputError's own text stops at 50)."""
    head = (
        "the files do not validate (a dry run writes nothing)"
        if dry_run
        else ("nothing was written")
    )
    lines = "\n".join(str(p) for p in exc.problems)
    return f"{head}; {len(exc.problems)} problem(s) in the input:\n{lines}"


def _check_files(paths: list[Path]) -> None:
    """`load --dry-run`: the files alone, without opening a database."""
    try:
        summary = check(paths, None, "")
    except InputError as exc:
        raise fail(_refused(exc, dry_run=True), code=2) from None
    _report(summary, "the files alone (no database asked)")


def _report(summary: LoadSummary, where: str) -> None:
    # Unwrapped lines (soft_wrap): one problem, one line, for CI logs and grep.
    for warning in summary.warnings:
        console.print(str(warning), highlight=False, soft_wrap=True, markup=False, style="yellow")
    for note in summary.notes[:_SHOWN]:
        console.print(str(note), highlight=False, soft_wrap=True, markup=False, style="dim")
    if len(summary.notes) > _SHOWN:
        console.print(
            f"… and {len(summary.notes) - _SHOWN} more notes", highlight=False, soft_wrap=True
        )
    for line in summary.lines():
        console.print(line, highlight=False, soft_wrap=True)
    verb = "validated" if summary.dry_run else "loaded"
    console.print(
        f"{verb} {summary.total_rows} rows from {summary.files} files in {summary.seconds:.2f}s"
        + (f", {where}" if where else ""),
        highlight=False,
        soft_wrap=True,
    )
    if summary.files_only:
        console.print(
            f"{len(summary.notes)} reference(s) or quote(s) point outside these files: the load "
            "resolves them against the database (--dry-run --against-db checks them now).",
            highlight=False,
            soft_wrap=True,
        )
