"""`coachgraph serve` (the API alone) and `coachgraph run` (Neo4j, seeds, API: the main job)."""

from __future__ import annotations

import logging
from typing import Annotated

import typer

from app.cli.common import console, fail, setup_logging
from graph.db import open_driver
from graph.loader import InputError
from graph.server import ServerError, local_server
from graph.server.java import JavaError
from graph.server.provision import ProvisionError
from graph.settings import get_neo4j_settings

log = logging.getLogger(__name__)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("run")(run)


def _uvicorn(host: str, port: int) -> None:
    import uvicorn

    from app.logging import install_access_log

    install_access_log()
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=host,
        port=port,
        log_level="info",
        access_log=False,  # the app writes its own, one JSON line per request
        timeout_graceful_shutdown=5,
    )


def serve(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
) -> None:
    """Serve the API and the graph page (Neo4j must be reachable)."""
    setup_logging()
    _uvicorn(host, port)


def _is_local(uri: str) -> bool:
    return uri.startswith("bolt://") and any(h in uri for h in ("127.0.0.1", "localhost"))


def run(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    load_seeds: Annotated[
        bool, typer.Option("--load/--no-load", help="load seeds/ and import seeds/wikidata")
    ] = True,
) -> None:
    """Start Neo4j (unless one already answers), load the seeds, serve the API and page.

    Ctrl-C stops the API and the Neo4j this command started; a Neo4j that was already
    running is left alone.
    """
    setup_logging()
    settings = get_neo4j_settings()
    server = local_server(settings)
    started_here = False
    if _is_local(settings.neo4j_uri) and not server.is_running() and not server.bolt_answers():
        try:
            started_here = server.start()
        except (ServerError, JavaError, ProvisionError) as exc:
            raise fail(str(exc)) from None
    else:
        log.info("using the Neo4j that already answers at %s", settings.neo4j_uri)
    try:
        if load_seeds:
            # Imported here: the Wikidata importer is only needed when `run` loads data.
            from graph.shipped import load_shipped
            from graph.wikidata import ExportError

            driver = open_driver(settings)
            try:
                summary = load_shipped(driver, settings.neo4j_database)
            except (InputError, ExportError) as exc:
                raise fail(f"the shipped data did not load.\n{exc}") from None
            finally:
                driver.close()
            for line in summary.lines():
                console.print(line, highlight=False)
        base = f"http://{host}:{port}"
        console.print(
            f"\n[bold]coachgraph is up[/]\n  graph page:    {base}/\n  API docs:      "
            f"{base}/docs\n  Neo4j Browser: http://127.0.0.1:{settings.neo4j_http_port}/browser/"
            f"  (user {settings.neo4j_user}, password in {server.password_file} or "
            "NEO4J_PASSWORD)\n  Ctrl-C stops everything this command started.\n",
            highlight=False,
        )
        _uvicorn(host, port)
    finally:
        if started_here:
            console.print("stopping the Neo4j this command started…")
            server.stop()
