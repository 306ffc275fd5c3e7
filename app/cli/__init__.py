"""The `coachgraph` command. Each command group lives in its own module."""

from __future__ import annotations

import gc
from typing import Annotated

import typer

from app import __version__
from app.cli import (
    check_cmds,
    extract_cmds,
    import_cmds,
    load_cmds,
    run_cmds,
    server_cmds,
    stats_cmds,
    synth_cmds,
)

app = typer.Typer(
    name="coachgraph",
    help="A knowledge graph of football coaching careers in Neo4j.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"coachgraph {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="print the version"),
    ] = None,
) -> None:
    """A knowledge graph of football coaching careers in Neo4j."""


app.add_typer(server_cmds.app, name="neo4j")
app.add_typer(import_cmds.app, name="import")
load_cmds.register(app)
run_cmds.register(app)
extract_cmds.register(app)
synth_cmds.register(app)
check_cmds.register(app)
stats_cmds.register(app)


def main() -> None:
    # What the imports built lives as long as the process: out of the cyclic collector's
    # passes, which then only walk what the command itself allocates, and out of the full
    # collection at exit.
    gc.freeze()
    app()
