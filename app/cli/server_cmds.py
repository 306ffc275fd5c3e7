"""`coachgraph neo4j start|stop|status`: the local Neo4j server from Maven Central."""

from __future__ import annotations

import typer

from app.cli.common import console, fail, setup_logging
from graph.server import ServerError, local_server
from graph.server.java import JavaError
from graph.server.provision import ProvisionError, neo4j_version

app = typer.Typer(help="Run the local Neo4j server (no Docker needed; Java 17+).")


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
