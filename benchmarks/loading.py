"""Loading measurements: each loader runs as its own process under /usr/bin/time (peak RSS)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from neo4j import Driver

from graph.loader.files import discover
from graph.loader.validate import validate
from graph.server import LocalServer

# A new JVM loads S several times slower than a warm one, and the loads keep getting faster as
# it compiles the server's hot code: after a restart, 4.5, 4.0, 3.9, 2.2, 2.2, 2.1, 2.1 s; on a
# later day 4.1, 2.2, 1.9, 1.8 s and then five measured loads still falling (2.1 ... 1.9 s, wall).
# Loads 6-13 after a restart took 1.63-1.89 s (loader), loads 14-21 1.59-1.73 s.
WARM_TOLERANCE = 0.10
WARM_MIN = 12  # early loads can agree by chance while the JIT is still at work (5.8, 3.4, 3.3)
WARM_MAX = 16


@dataclass
class LoadResult:
    """One load: what, how many rows, wall seconds of the process, peak RSS."""

    size: str
    method: str
    rows: int
    seconds: float
    peak_rss_mb: float | None
    command: str
    detail: str = ""
    loader_seconds: float | None = None  # what the loader itself reports: no interpreter start

    @property
    def rows_per_s(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0

    @property
    def loader_rows_per_s(self) -> float | None:
        return self.rows / self.loader_seconds if self.loader_seconds else None


# Relationships first: DETACH DELETE of a batch holding a hub (an outlet at L has tens of
# thousands of relationships) can exceed the transaction memory pool.
WIPE = (
    "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS",
    "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS",
)


def fresh_store(server: LocalServer) -> None:
    """Stop the server, delete its database and transaction logs, start it on an empty store.

    Loading measurements start from a new store (the benchmark's own server home), not from
    whatever an earlier run left in it.
    """
    server.stop()
    for folder in ("data/databases/neo4j", "data/transactions/neo4j"):
        shutil.rmtree(server.home / folder, ignore_errors=True)
    server.start()


def wipe(driver: Driver) -> None:
    """An empty graph (constraints and indexes stay)."""
    with driver.session(database="neo4j") as session:
        for statement in WIPE:
            session.run(statement).consume()


def count_rows(folder: Path) -> int:
    return validate(discover([folder]), None, "neo4j").total_rows


def _timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float | None, str]:
    """Run `cmd`; wall seconds, peak RSS in MB (None without GNU time) and its output."""
    gnu_time = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        full = [gnu_time, "-f", "%M", "-o", rss.name, *cmd] if gnu_time else cmd
        started = time.monotonic()
        out = subprocess.run(
            full, env=env, capture_output=True, text=True, timeout=3600, check=False
        )
        seconds = time.monotonic() - started
        if out.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed:\n{(out.stdout + out.stderr)[-3000:]}")
        text = Path(rss.name).read_text(encoding="utf-8").strip() if gnu_time else ""
    peak = int(text.splitlines()[-1]) / 1024 if text else None
    return seconds, peak, out.stdout + out.stderr


def coachgraph() -> str:
    return str(Path(sys.executable).with_name("coachgraph"))


def online(size: str, folder: Path, rows: int, env: dict[str, str], driver: Driver) -> LoadResult:
    wipe(driver)
    cmd = [coachgraph(), "load", str(folder)]
    seconds, peak, out = _timed(cmd, env)
    said = re.search(r"loaded (\d+) rows from \d+ files in ([\d.]+)s", out)
    if said is None or int(said.group(1)) != rows:
        raise RuntimeError(f"the load did not report {rows} rows:\n{out[-2000:]}")
    return LoadResult(
        size,
        "batched (coachgraph load)",
        rows,
        seconds,
        peak,
        " ".join(cmd),
        loader_seconds=float(said.group(2)),
    )


def naive(size: str, folder: Path, rows: int, env: dict[str, str], driver: Driver) -> LoadResult:
    wipe(driver)
    cmd = [sys.executable, "-m", "benchmarks.naive_load", str(folder)]
    seconds, peak, out = _timed(cmd, env)
    said = re.search(r"(\d+) rows in ([\d.]+)s", out)
    return LoadResult(
        size,
        "naive (1 row per transaction)",
        rows,
        seconds,
        peak,
        " ".join(cmd),
        loader_seconds=float(said.group(2)) if said else None,
    )


def bulk(size: str, folder: Path, rows: int, env: dict[str, str], driver: Driver) -> LoadResult:
    wipe(driver)
    driver.close()  # the import replaces the database under it
    cmd = [coachgraph(), "load", "--bulk", str(folder)]
    seconds, peak, out = _timed(cmd, env)
    phases = re.search(r"\((validate\+csv.*?)\)\s*$", out.strip(), re.S)
    detail = " ".join(phases.group(1).split()) if phases else ""
    return LoadResult(
        size, "bulk (load --bulk: neo4j-admin import)", rows, seconds, peak, " ".join(cmd), detail
    )


def bench_env(server: LocalServer) -> dict[str, str]:
    """The environment that points coachgraph's commands at the benchmark's server."""
    env = dict(os.environ)
    env.update(
        NEO4J_URI=server.bolt_uri,
        NEO4J_PASSWORD=server.password(),
        NEO4J_DATABASE="neo4j",
        COACHGRAPH_NEO4J_HOME=str(server.home),
        COACHGRAPH_NEO4J_LIB=str(server.lib),
        NEO4J_HTTP_PORT=str(server.http_port),
        NEO4J_HEAP=server.heap,
        NEO4J_PAGECACHE=server.pagecache,
    )
    return env
