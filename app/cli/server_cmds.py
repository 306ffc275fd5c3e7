"""`coachgraph neo4j start|stop|status|dump|restore|reset`: the local Neo4j server from Maven
Central."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from app.cli.common import console, fail, setup_logging
from graph.server import LocalServer, ServerError, backup, local_server
from graph.server.java import JavaError
from graph.server.provision import ProvisionError, neo4j_version
from graph.settings import get_neo4j_settings

app = typer.Typer(help="Run the local Neo4j server (no Docker needed; Java 17+).")

YesOption = Annotated[bool, typer.Option("--yes", help="do it without asking")]


@app.command()
def start() -> None:
    """Start the server (fetching its jars on first use) and wait until Bolt answers."""
    setup_logging()
    server = local_server()
    try:
        started = server.start()
    except (ServerError, JavaError, ProvisionError) as exc:
        raise fail(str(exc)) from None
    state = "started" if started else "already running"
    console.print(
        f"Neo4j {neo4j_version()} {state}: {server.bolt_uri}  Browser: {server.browser_url}"
    )


@app.command()
def stop() -> None:
    """Stop the server cleanly."""
    setup_logging()
    server = local_server()
    if server.stop():
        console.print("Neo4j stopped.")
    else:
        console.print("Neo4j was not running.")


@app.command()
def status() -> None:
    """Say whether the server runs; exit 3 when it does not."""
    server = local_server()
    pid = server.pid()
    if pid is None:
        console.print(f"Neo4j is not running (home {server.home}).")
        raise typer.Exit(3)
    console.print(f"Neo4j is running (pid {pid}): {server.bolt_uri}  Browser: {server.browser_url}")


def _local_only(what: str) -> tuple[LocalServer, str]:
    """The local server and database, or an error when NEO4J_URI names another database."""
    settings = get_neo4j_settings()
    if not settings.is_local:
        raise fail(
            f"NEO4J_URI is {settings.neo4j_uri}, a database coachgraph does not run; `coachgraph "
            f"neo4j {what}` works on the local server only. For Aura or a server of your own, "
            "see README, Backups and resets."
        )
    return local_server(settings), settings.neo4j_database


def _restarted(was_running: bool) -> str:
    return " Neo4j was stopped for it and runs again." if was_running else ""


@app.command()
def dump(file: Annotated[Path, typer.Argument(help="the dump file to write")]) -> None:
    """Write the local database to FILE (neo4j-admin database dump; stops Neo4j meanwhile)."""
    setup_logging()
    server, database = _local_only("dump")
    try:
        was_running = backup.dump(server, database, file)
    except (ServerError, JavaError, ProvisionError) as exc:
        raise fail(str(exc)) from None
    console.print(f"Dumped {database} to {file}.{_restarted(was_running)}", highlight=False)


@app.command()
def restore(
    file: Annotated[Path, typer.Argument(help="a dump written by `coachgraph neo4j dump`")],
    yes: YesOption = False,
) -> None:
    """Replace the local database with the dump in FILE (neo4j-admin database load)."""
    setup_logging()
    server, database = _local_only("restore")
    if not yes:
        typer.confirm(f"Replace the graph in {server.home} with {file}?", abort=True)
    try:
        was_running = backup.restore(server, database, file)
    except (ServerError, JavaError, ProvisionError) as exc:
        raise fail(str(exc)) from None
    console.print(f"Restored {database} from {file}.{_restarted(was_running)}", highlight=False)


@app.command()
def reset(yes: YesOption = False) -> None:
    """Empty the local database: every node, relationship, index and constraint goes (the
    users and the password stay). `coachgraph load` fills it again."""
    setup_logging()
    server, database = _local_only("reset")
    if not yes:
        typer.confirm(f"Delete the whole graph in {server.home}?", abort=True)
    try:
        was_running = backup.reset(server, database)
    except (ServerError, JavaError, ProvisionError) as exc:
        raise fail(str(exc)) from None
    console.print(f"Emptied {database}.{_restarted(was_running)}", highlight=False)
