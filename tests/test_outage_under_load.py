"""Neo4j stopped and restarted while the API is under load: 503 + Retry-After during the
outage, success afterwards, without restarting the API and without dropped connections.

Each phase lasts until something has happened (a number of answers, of 503s, every endpoint
answering again), not for a number of seconds: how much happens in a second depends on the
machine. Each request belongs to the phase in which it was sent. Queries get a minute, not the
default 10 s: right after the restart a cold server under this load may take longer than 10 s,
and the API would then answer 422 (query too expensive); the test is about availability.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from neo4j import Driver

from graph.server import LocalServer
from graph.settings import PROJECT_ROOT
from tests.utils import free_port

PATHS = ["/health", "/search?q=ancelotti", "/coaches/carlo-ancelotti/career"]
WORKERS = 8


def _wait_healthy(base: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise AssertionError("the API did not become healthy")


def _until(condition: Callable[[], bool], what: str, timeout: float = 180) -> None:
    """Wait until `condition()` holds; fail, naming `what`, if it never does."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"never happened: {what}"
        time.sleep(0.05)


@pytest.mark.slow
def test_outage_under_load(seeded_graph: Driver, neo4j_server: LocalServer, tmp_path: Path) -> None:
    port = free_port()
    env = {
        **os.environ,
        "NEO4J_URI": neo4j_server.bolt_uri,
        "NEO4J_PASSWORD": neo4j_server.password(),
        "NEO4J_QUERY_TIMEOUT": "60",
        "RETRY_AFTER_SECONDS": "2",
    }
    log = (tmp_path / "api.log").open("w")
    api = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--port", str(port)],
        env=env,
        cwd=PROJECT_ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    results: list[tuple[str, int, str, int, str | None]] = []  # phase, worker, path, status, RA
    errors: list[str] = []
    phase = ["before"]
    stop = threading.Event()

    def worker(n: int) -> None:
        with httpx.Client(base_url=base, timeout=90) as client:
            i = n
            while not stop.is_set():
                path = PATHS[i % len(PATHS)]
                i += 1
                sent_in = phase[0]
                try:
                    response = client.get(path)
                    retry_after = response.headers.get("retry-after")
                    results.append((sent_in, n, path, response.status_code, retry_after))
                    if response.status_code not in (200, 503):
                        errors.append(f"{path}: {response.status_code} {response.text[:300]}")
                except httpx.HTTPError as exc:
                    errors.append(f"{path}: {exc!r}")
                time.sleep(0.02)

    def answers(in_phase: str, status: int | None = None) -> list[tuple[int, str]]:
        return [
            (n, path)
            for p, n, path, got, _ in list(results)
            if p == in_phase and (status is None or got == status)
        ]

    def each_worker(in_phase: str, at_least: int) -> bool:
        counts = Counter(n for n, _ in answers(in_phase))
        return all(counts[n] >= at_least for n in range(WORKERS))

    try:
        _wait_healthy(base)
        threads = [threading.Thread(target=worker, args=(n,)) for n in range(WORKERS)]
        for thread in threads:
            thread.start()
        _until(lambda: each_worker("before", 3), "every worker answered before the outage")
        phase[0] = "stopping"
        neo4j_server.stop()
        phase[0] = "outage"
        _until(lambda: len(answers("outage", 503)) >= WORKERS, "503s while Neo4j is down")
        phase[0] = "restarting"
        neo4j_server.start()
        phase[0] = "after"
        _until(
            lambda: {path for _, path in answers("after", 200)} == set(PATHS),
            "every endpoint answering again after the restart",
        )
        phase[0] = "recovered"
        _until(lambda: each_worker("recovered", 10), "ten answers per worker once recovered")
        stop.set()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        stop.set()
        api.terminate()
        api.wait(timeout=30)
        log.close()
        if not neo4j_server.is_running():
            neo4j_server.start()

    assert not errors, errors[:5]
    by_phase = Counter((p, status) for p, _, _, status, _ in results)
    assert all(status in (200, 503) for *_, status, _ in results), by_phase
    assert all(ra is not None for *_, status, ra in results if status == 503), by_phase
    assert {status for p, *_, status, _ in results if p == "before"} == {200}, by_phase
    # once every endpoint answered again, every request succeeded
    assert {status for p, *_, status, _ in results if p == "recovered"} == {200}, by_phase
    assert "Traceback" not in (tmp_path / "api.log").read_text()
