"""Neo4j stopped under a running app: 503 with Retry-After, then recovery without a new app."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from app.main import create_app
from app.settings import ApiSettings
from graph.server import LocalServer

pytest_plugins = ["tests.conftest_api"]

CAREER = "/coaches/mario-rossi/career"


@pytest.fixture
def client(settings: ApiSettings) -> Iterator[TestClient]:
    """The app with the graph's version asked of Neo4j on every request (ttl 0).

    With the default ttl a cached answer would still be served for up to a second after the
    version was last read: whether the first request after the stop got it would depend on how
    quickly Neo4j stops.
    """
    strict = settings.model_copy(update={"response_cache_ttl": 0.0})
    with TestClient(create_app(strict), raise_server_exceptions=False) as c:
        yield c


def _eventually_ok(client: TestClient, url: str, within: float = 60.0) -> None:
    deadline = time.monotonic() + within
    while True:
        response = client.get(url)
        if response.status_code == 200 or time.monotonic() > deadline:
            assert response.status_code == 200, response.text
            return
        time.sleep(0.5)


@pytest.mark.slow
def test_neo4j_down_is_503_with_retry_after_then_recovers(
    api_graph: Driver, client: TestClient, neo4j_server: LocalServer
) -> None:
    assert client.get(CAREER).status_code == 200
    neo4j_server.stop()
    try:
        for url in (CAREER, "/search?q=rossi", "/health"):
            response = client.get(url)
            assert response.status_code == 503, (url, response.text)
            assert response.headers["Retry-After"] == "2"  # settings.retry_after_seconds
            assert "Traceback" not in response.text
        assert client.get(CAREER).json()["error"] == "neo4j_unavailable"
        assert client.get("/health").json()["neo4j"] == "down"
    finally:
        neo4j_server.start()
    _eventually_ok(client, "/health")
    _eventually_ok(client, CAREER)
    assert client.get(CAREER).json()["coach"]["id"] == "mario-rossi"
