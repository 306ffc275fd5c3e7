"""Neo4j stopped and restarted while the API is under load: 503 + Retry-After during the
outage, success afterwards, without restarting the API and without dropped connections."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest
from neo4j import Driver

from graph.server import LocalServer
from graph.settings import PROJECT_ROOT
from tests.utils import free_port

PATHS = ["/health", "/search?q=ancelotti", "/coaches/carlo-ancelotti/career"]


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


@pytest.mark.slow
def test_outage_under_load(seeded_graph: Driver, neo4j_server: LocalServer, tmp_path: Path) -> None:
    port = free_port()
    env = {
        **os.environ,
        "NEO4J_URI": neo4j_server.bolt_uri,
        "NEO4J_PASSWORD": neo4j_server.password(),
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
    results: list[tuple[str, float, int, str | None]] = []  # phase, time, status, retry-after
    errors: list[str] = []
    phase = ["before"]
    stop = threading.Event()

    def worker(n: int) -> None:
        with httpx.Client(base_url=base, timeout=15) as client:
            i = n
            while not stop.is_set():
                path = PATHS[i % len(PATHS)]
                i += 1
                try:
                    response = client.get(path)
                    results.append(
                        (
                            phase[0],
                            time.monotonic(),
                            response.status_code,
                            response.headers.get("retry-after"),
                        )
                    )
                    if response.status_code not in (200, 503):
                        errors.append(f"{path}: {response.status_code} {response.text[:300]}")
                except httpx.HTTPError as exc:
                    errors.append(f"{path}: {exc!r}")
                time.sleep(0.02)

    try:
        _wait_healthy(base)
        threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        time.sleep(2)
        phase[0] = "outage"
        neo4j_server.stop()
        time.sleep(3)
        phase[0] = "restarting"
        neo4j_server.start()
        phase[0] = "after"
        time.sleep(6)
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        stop.set()
        api.terminate()
        api.wait(timeout=30)
        log.close()
        if not neo4j_server.is_running():
            neo4j_server.start()

    assert not errors, errors[:5]
    by_phase = Counter((p, s) for p, _, s, _ in results)
    assert all(status in (200, 503) for _, _, status, _ in results), by_phase
    outage = [r for r in results if r[0] == "outage"]
    assert any(status == 503 for _, _, status, _ in outage), by_phase
    assert all(ra is not None for _, _, status, ra in results if status == 503)
    after = sorted((r for r in results if r[0] == "after"), key=lambda r: r[1])
    assert after, by_phase
    tail = after[len(after) // 2 :]
    assert all(status == 200 for _, _, status, _ in tail), by_phase
    assert "Traceback" not in (tmp_path / "api.log").read_text()
