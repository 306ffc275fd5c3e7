"""Dump, restore and reset the local server's database with neo4j-admin.

Neo4j Community dumps and loads a database only while the whole server is stopped: each
operation stops a running server, does its work and starts it again; a stopped server stays
stopped. The `system` database (users, the generated password) is never touched.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graph.server.local import LocalServer, ServerError

log = logging.getLogger(__name__)


@contextmanager
def _stopped(server: LocalServer) -> Iterator[bool]:
    """The server stopped for the block; started again after it if it was running (yields
    whether it was)."""
    running = server.is_running()
    if running:
        log.info("stopping Neo4j (neo4j-admin needs the database offline)")
        server.stop()
    try:
        yield running
    finally:
        if running:
            log.info("starting Neo4j again")
            server.start()


def _admin(server: LocalServer, *args: str, stdin_file: Path | None = None) -> None:
    result = server.admin(*args, stdin_file=stdin_file)
    if result.returncode != 0:
        out = (result.stdout + result.stderr).strip()[-3000:]
        raise ServerError(f"neo4j-admin {' '.join(args[:2])} failed:\n{out}")


def dump(server: LocalServer, database: str, target: Path) -> bool:
    """Write `database` to the dump file `target` (which must not exist yet); True if the
    server was running (it is again)."""
    target = target.resolve()
    if target.exists():
        raise ServerError(f"{target} already exists: choose another file name, or delete it")
    target.parent.mkdir(parents=True, exist_ok=True)
    # neo4j-admin names the dump after the database in a folder it is given: a temporary folder
    # beside the target, so that the file is renamed into place whole.
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".coachgraph-dump-") as tmp:
        with _stopped(server) as running:
            _admin(server, "database", "dump", database, f"--to-path={tmp}")
        (Path(tmp) / f"{database}.dump").rename(target)
    log.info("dumped %s to %s", database, target)
    return running


def restore(server: LocalServer, database: str, source: Path) -> bool:
    """Replace `database` with the dump in `source`; True if the server was running (it is
    again)."""
    source = source.resolve()
    if not source.is_file():
        raise ServerError(f"{source} is not a file")
    with _stopped(server) as running:
        _admin(
            server,
            "database",
            "load",
            database,
            "--from-stdin",
            "--overwrite-destination=true",
            stdin_file=source,
        )
    log.info("restored %s from %s", database, source)
    return running


def reset(server: LocalServer, database: str) -> bool:
    """Empty `database`: its store and transaction logs are removed while the server is stopped,
    and Neo4j creates it empty on the next start. True if the server was running (it is
    again, with the empty database)."""
    data = server.home / "data"
    with _stopped(server) as running:
        for folder in (data / "databases" / database, data / "transactions" / database):
            if folder.is_dir():
                shutil.rmtree(folder)
    log.info("reset %s in %s", database, server.home)
    return running
