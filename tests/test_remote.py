"""A database coachgraph does not run, reached through the routing scheme `neo4j://` as Aura and
clusters are: a second local Neo4j with its own folder and ports stands in for it. `run` serves it
without seeding it unless asked, and starts or stops nothing; `serve` answers every endpoint."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from neo4j import Driver

from app.main import create_app
from app.settings import ApiSettings
from graph.server import LocalServer
from graph.settings import PROJECT_ROOT
from tests.utils import connect, counts, free_port, private_server, wipe

pytestmark = pytest.mark.slow

KEY = "remote-test-key"
ARTICLE = PROJECT_ROOT / "tests" / "fixtures" / "extract_dev" / "en_02_roma_mourinho_sacked.txt"

# One request per endpoint of the API, with ids of the seeds.
GETS = {
    "/health": {},
    "/search": {"q": "ancelotti"},
    "/coaches/{coach_id}/career": "/coaches/carlo-ancelotti/career",
    "/teams/{team_id}/coaches": "/teams/as-roma/coaches?at=2019-03-10",
    "/teams/{team_id}/succession": "/teams/as-roma/succession",
    "/moves": {"coach": "carlo-ancelotti"},
    "/moves/{move_id}": "/moves/ancelotti-as-roma-2025",
    "/moves/{move_id}/influencers": "/moves/ancelotti-as-roma-2025/influencers",
    "/paths": {"from": "carlo-ancelotti", "to": "sergio-conceicao"},
    "/graph": {"center": "carlo-ancelotti"},
    "/disputes": {},
    "/outlets": {},
    "/outlets/{outlet_id}": "/outlets/tuttosport",
    "/analytics/hubs": {},
    "/analytics/communities": {},
    "/stats": {},
}


@pytest.fixture(scope="module")
def remote(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServer]:
    with private_server(tmp_path_factory.mktemp("remote") / "neo4j") as server:
        yield server


@pytest.fixture
def remote_driver(remote: LocalServer) -> Iterator[Driver]:
    with connect(remote, f"neo4j://127.0.0.1:{remote.bolt_port}") as driver:
        yield driver


def _env(remote: LocalServer, unused_home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "COACHGRAPH_"))}
    env.update(
        NEO4J_URI=f"neo4j://127.0.0.1:{remote.bolt_port}",
        NEO4J_PASSWORD=remote.password(),
        # The local server coachgraph would run: it must stay untouched (never created).
        COACHGRAPH_NEO4J_HOME=str(unused_home),
        COACHGRAPH_NEO4J_LIB=str(PROJECT_ROOT / ".neo4j" / "lib"),
        API_KEYS=f'["{KEY}"]',
        **extra,
    )
    return env


@contextmanager
def _serving(args: list[str], env: dict[str, str], log: Path, port: int) -> Iterator[str]:
    """`coachgraph ARGS` running until it answers /health; Ctrl-C'd afterwards (exit 0)."""
    url = f"http://127.0.0.1:{port}"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "app.cli", *args],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=PROJECT_ROOT,
        )
        try:
            deadline = time.monotonic() + 180
            while True:
                assert proc.poll() is None, log.read_text()
                try:
                    if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.5)
            yield url
            proc.send_signal(signal.SIGINT)
            assert proc.wait(timeout=60) == 0, log.read_text()
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def test_run_serves_a_routing_uri_without_seeding_or_starting_anything(
    remote: LocalServer, remote_driver: Driver, tmp_path: Path
) -> None:
    wipe(remote_driver)
    log = tmp_path / "run.log"
    port = free_port()
    with _serving(["run", "--port", str(port)], _env(remote, tmp_path / "home"), log, port) as url:
        assert httpx.get(f"{url}/health").json()["neo4j"] == "up"
        assert counts(remote_driver) == (0, 0)
    output = log.read_text()
    assert "not started or stopped by coachgraph" in output
    assert "shipped data not loaded" in output
    assert "/browser/" not in output and "password" not in output
    assert not (tmp_path / "home").exists()
    assert remote.is_running() and remote.bolt_answers()


def test_run_loads_when_asked_and_serve_answers_every_endpoint(
    remote: LocalServer, remote_driver: Driver, tmp_path: Path
) -> None:
    wipe(remote_driver)
    env = _env(remote, tmp_path / "home")
    port = free_port()
    with _serving(["run", "--load", "--port", str(port)], env, tmp_path / "run.log", port):
        pass
    assert "shipped data loaded" in (tmp_path / "run.log").read_text()
    seeded = counts(remote_driver)
    assert seeded[0] > 100

    # `serve` takes its address from HOST and PORT.
    port = free_port()
    env.update(HOST="127.0.0.1", PORT=str(port))
    schema = create_app(ApiSettings(neo4j_password="unused")).openapi()  # type: ignore[arg-type]
    with _serving(["serve"], env, tmp_path / "serve.log", port) as url:
        for path, request in GETS.items():
            if isinstance(request, str):
                response = httpx.get(url + request, timeout=60)
            else:
                response = httpx.get(url + path, params=request, timeout=60)
            assert response.status_code == 200, (path, response.text)
        article = {"text": ARTICLE.read_text(encoding="utf-8"), "date": "2024-01"}
        posted = httpx.post(f"{url}/articles", json=article, headers={"X-API-Key": KEY}, timeout=60)
        assert posted.status_code == 200, posted.text
    assert set(schema["paths"]) == set(GETS) | {"/articles"}
    assert counts(remote_driver)[0] > seeded[0]
    assert not (tmp_path / "home").exists()
