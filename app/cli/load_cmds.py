"""`coachgraph load`: validate and load seeds files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from neo4j.exceptions import Neo4jError, ServiceUnavailable

from app.cli.common import console, fail, progress_bar, setup_logging
from graph.db import open_driver
from graph.loader import InputError, load
from graph.loader.load import DEFAULT_BATCH
from graph.settings import PROJECT_ROOT, get_neo4j_settings

SEEDS = PROJECT_ROOT / "seeds"


def register(app: typer.Typer) -> None:
    app.command("load")(load_command)


def load_command(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="seeds files or folders (default: seeds/)")
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="only validate")] = False,
    batch_size: Annotated[int, typer.Option(min=1, max=50_000)] = DEFAULT_BATCH,
    bulk: Annotated[
        bool,
        typer.Option(
            "--bulk",
            help="EMPTY database only: neo4j-admin import (stops and restarts the local server)",
        ),
    ] = False,
) -> None:
    """Validate seeds files, then write them to Neo4j in batches (idempotent)."""
    setup_logging()
    settings = get_neo4j_settings()
    if bulk:
        from app.cli.bulk_cmds import bulk_command

        bulk_command(paths or [SEEDS], settings)
        return
    try:
        driver = open_driver(settings)
    except RuntimeError as exc:
        raise fail(str(exc)) from None
    try:
        with progress_bar("loading") as bar:
            summary = load(
                paths or [SEEDS],
                driver,
                settings.neo4j_database,
                batch_size=batch_size,
                dry_run=dry_run,
                progress=bar,
            )
    except InputError as exc:
        raise fail(f"nothing was written.\n{exc}", code=2) from None
    except ServiceUnavailable as exc:
        raise fail(
            f"Neo4j at {settings.neo4j_uri} is unreachable ({exc}). Batches written before "
            "the failure are kept; run the same load again to complete it (it is idempotent)."
        ) from None
    except Neo4jError as exc:
        raise fail(f"Neo4j refused a write: {exc}. Re-run the load once fixed.") from None
    finally:
        driver.close()
    for warning in summary.warnings:
        console.print(f"[yellow]{warning}[/]", highlight=False)
    for line in summary.lines():
        console.print(line, highlight=False)
    verb = "validated" if dry_run else "loaded"
    console.print(
        f"{verb} {summary.total_rows} rows from {summary.files} files in {summary.seconds:.2f}s",
        highlight=False,
    )
