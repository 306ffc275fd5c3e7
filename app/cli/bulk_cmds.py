"""`coachgraph load --bulk`: an empty database loaded through neo4j-admin import."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from app.cli.common import console, fail
from graph.db import open_driver
from graph.loader import InputError
from graph.loader.bulk import BulkError, bulk_load
from graph.server import ServerError, local_server
from graph.settings import Neo4jSettings


def bulk_command(paths: list[Path], settings: Neo4jSettings) -> None:
    """Run the bulk load against the local server the settings describe, and report it."""
    server = local_server(settings)
    if not server.is_running():
        raise fail(
            f"the local Neo4j in {server.home} is not running; --bulk imports into the local "
            "server only (start it with `coachgraph neo4j start`)"
        )
    try:
        summary = bulk_load(paths, server, partial(open_driver, settings), settings.neo4j_database)
    except InputError as exc:
        raise fail(f"nothing was written.\n{exc}", code=2) from None
    except (BulkError, ServerError) as exc:
        raise fail(str(exc)) from None
    for warning in summary.warnings:
        console.print(f"[yellow]{warning}[/]", highlight=False)
    for kind, n in summary.rows.items():
        console.print(f"{kind:>13}: {n} rows", highlight=False)
    phases = ", ".join(f"{k} {v:.1f}s" for k, v in summary.seconds.items())
    console.print(
        f"bulk-loaded {summary.total_rows} rows from {summary.files} files into "
        f"{summary.nodes} nodes and {summary.relationships} relationships in "
        f"{summary.total_seconds:.1f}s ({phases})",
        highlight=False,
    )
