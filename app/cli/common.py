"""Helpers shared by the command modules: logging, errors, the console."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import typer
from neo4j import Driver
from rich.console import Console
from rich.logging import RichHandler
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

from graph.db import open_driver
from graph.settings import Neo4jSettings

console = Console(stderr=True)


def setup_logging(verbose: bool = False) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(message)s",
        handlers=[RichHandler(console=console, show_path=False, rich_tracebacks=False)],
        force=True,
    )
    logging.getLogger("neo4j").setLevel(logging.WARNING)


def connect(settings: Neo4jSettings) -> Driver:
    """A driver for `settings`, or a readable error and exit 1 when one cannot be made."""
    try:
        return open_driver(settings)
    except RuntimeError as exc:
        raise fail(str(exc)) from None


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print an error for a person (no traceback) and return the exit to raise."""
    # The message is plain text ("[a-z0-9]" in a validation message is not markup), and never
    # wrapped: a problem named by file, line and field stays one greppable line.
    console.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


@contextmanager
def progress_bar(description: str) -> Iterator[Callable[[int], Callable[[int], None]]]:
    """Yields `start(total) -> advance(n)`; shows a bar when stderr is a terminal."""
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=not sys.stderr.isatty(),
    ) as bar:

        def start(total: int) -> Callable[[int], None]:
            task = bar.add_task(description, total=total)
            return lambda n: bar.advance(task, n)

        yield start
