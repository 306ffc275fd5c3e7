"""`coachgraph serve` (the API alone) and `coachgraph run` (Neo4j, data, API: the main job)."""

from __future__ import annotations

from typing import Annotated

import typer
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable

from app.cli.common import connect, console, fail, setup_logging
from app.settings import ApiSettings, get_settings
from graph.loader import InputError
from graph.server import LocalServer, ServerError, local_server
from graph.server.java import JavaError
from graph.server.provision import ProvisionError
from graph.settings import Neo4jSettings

HostOption = Annotated[
    str | None, typer.Option(help="address to listen on (default: HOST, else 127.0.0.1)")
]
PortOption = Annotated[
    int | None, typer.Option(help="port to listen on (default: PORT, else 8000)")
]


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


def serve(host: HostOption = None, port: PortOption = None) -> None:
    """Serve the API and the graph page: the way to deploy coachgraph.

    Uses the Neo4j that NEO4J_URI names and changes nothing in it; while that database cannot
    answer, the API answers 503 and recovers by itself once it can.
    """
    setup_logging()
    settings = get_settings()
    _uvicorn(host or settings.host, port or settings.port)


def load_shipped_data(settings: Neo4jSettings) -> None:
    """Load the shipped data (graph/shipped.py) into the database the settings name: the one
    place `run` fills the graph."""
    # Imported here: the importers are only needed when `run` loads data.
    from graph.shipped import load_shipped
    from graph.wikidata import ExportError

    driver = connect(settings)
    try:
        summary = load_shipped(driver, settings.neo4j_database)
    except (InputError, ExportError) as exc:
        raise fail(f"the shipped data did not load.\n{exc}") from None
    except (ServiceUnavailable, AuthError, Neo4jError) as exc:
        raise fail(f"the shipped data did not load into {settings.neo4j_uri}: {exc}") from None
    finally:
        driver.close()
    for line in summary.lines():
        console.print(line, highlight=False)


def _start_local(server: LocalServer, settings: Neo4jSettings) -> bool:
    """Start the local server unless it runs; True if this call started it."""
    if not server.is_running() and server.bolt_answers():
        raise fail(
            f"a Neo4j that coachgraph does not run answers at {settings.neo4j_uri} (the local "
            f"server in {server.home} is not running). To use that database, set "
            f"NEO4J_URI=neo4j://127.0.0.1:{settings.bolt_port} and its NEO4J_PASSWORD (see "
            "README, Configuration); to run coachgraph's own server, stop that program or give "
            "NEO4J_URI another port."
        )
    try:
        return server.start()
    except (ServerError, JavaError, ProvisionError) as exc:
        raise fail(str(exc)) from None


def _check_login(settings: Neo4jSettings) -> str:
    """Whether the database answers: a line for the banner (fails on a refused login)."""
    driver = connect(settings)
    try:
        driver.verify_connectivity()
    except AuthError as exc:
        raise fail(
            f"{settings.neo4j_uri} refused the login of user {settings.neo4j_user}: {exc.message}"
        ) from None
    except (ServiceUnavailable, Neo4jError, OSError) as exc:
        return f"does not answer yet ({exc}); the API answers 503 until it does"
    finally:
        driver.close()
    return "answers"


def run(
    host: HostOption = None,
    port: PortOption = None,
    load_seeds_flag: Annotated[
        bool | None,
        typer.Option(
            "--load/--no-load",
            help="load the shipped data first (default: only into the local server)",
        ),
    ] = None,
) -> None:
    """Serve the API and page; with a local NEO4J_URI, start Neo4j and load the data first.

    A local URI (`bolt://` on this machine) is coachgraph's own server: it is started unless it
    runs, loaded with the shipped data (seeds/, then seeds/wikidata and seeds/worldcup) unless
    --no-load, and Ctrl-C stops it if this command started it. Any other URI (Aura, a cluster,
    a server of your own) is used as it is: nothing is started or stopped, and nothing is
    loaded unless --load.
    """
    setup_logging()
    settings = get_settings()
    host, port = host or settings.host, port or settings.port
    server = local_server(settings) if settings.is_local else None
    started_here = _start_local(server, settings) if server is not None else False
    try:
        seeding = load_seeds_flag if load_seeds_flag is not None else server is not None
        state = _check_login(settings)
        if seeding:
            load_shipped_data(settings)
        console.print(
            _banner(settings, server, started_here, seeding, state, host, port),
            highlight=False,
            soft_wrap=True,  # addresses and paths stay whole
        )
        _uvicorn(host, port)
    finally:
        if server is not None and started_here:
            console.print("stopping the Neo4j this command started…")
            server.stop()


def _banner(
    settings: ApiSettings,
    server: LocalServer | None,
    started_here: bool,
    seeded: bool,
    state: str,
    host: str,
    port: int,
) -> str:
    base = f"http://{host}:{port}"
    loaded = "shipped data loaded" if seeded else "shipped data not loaded (--load loads it)"
    lines = [
        "",
        "[bold]coachgraph is up[/]",
        f"  graph page:    {base}/",
        f"  API docs:      {base}/docs",
    ]
    if server is not None:
        lines += [
            f"  Neo4j:         {settings.neo4j_uri}, the local server in {server.home} "
            f"({'started by this command' if started_here else 'already running'}; {loaded})",
            f"  Neo4j Browser: {server.browser_url}  (user {settings.neo4j_user}, password in "
            f"{server.password_file})",
            "  Ctrl-C stops the API"
            + (
                " and the Neo4j this command started." if started_here else "; Neo4j keeps running."
            ),
        ]
    else:
        lines += [
            f"  Neo4j:         {settings.neo4j_uri} (database {settings.neo4j_database}, user "
            f"{settings.neo4j_user}) {state}; not started or stopped by coachgraph; {loaded}",
            "  Ctrl-C stops the API.",
        ]
    return "\n".join(lines) + "\n"
