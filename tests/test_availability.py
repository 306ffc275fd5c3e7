"""Neo4j down, restarting and slow (issue 27): the API answers 503 with Retry-After, never a 422
that tells the client to change its request, learns at once that Neo4j is down and probes it in
the background, and warms a restarted Neo4j up before the load comes back."""

from __future__ import annotations

import asyncio
import time
from typing import LiteralString

import pytest
from fastapi import FastAPI, Request
from fastapi.testclient import TestClient
from neo4j import Driver

from app.main import create_app
from app.settings import ApiSettings
from graph.availability import Availability, State
from graph.errors import GraphBusyError, GraphUnavailableError
from graph.repository import SETTLED_SECONDS, Repository
from graph.server import LocalServer
from tests.conftest import FIXTURES
from tests.utils import WRITE_HEADERS

pytest_plugins = ["tests.conftest_api"]

CAREER = "/coaches/mario-rossi/career"
READS = [
    CAREER,
    "/search?q=rossi",
    "/moves",
    "/teams/alfa-fc/coaches",
    "/paths?from=mario-rossi&to=luigi-bianchi",
    "/graph?center=mario-rossi",
    "/outlets",
]
ARTICLE = {
    "text": (FIXTURES / "api" / "article.txt").read_text(encoding="utf-8"),
    "date": "2025-01",
}

# A read that keeps Neo4j busy for longer than any test's time limit: Neo4j stops it.
SLOW: LiteralString = "UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n"


def _until_healthy(client: TestClient, within: float = 120.0) -> list[int]:
    """Statuses of the cheap reads sent while waiting for /health to say ok."""
    statuses: list[int] = []
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        for url in READS[:4]:
            response = client.get(url)
            statuses.append(response.status_code)
            if response.status_code == 503:
                assert response.headers["Retry-After"] == "2", url
            assert response.status_code != 422, (url, response.text)
        if client.get("/health").status_code == 200:
            return statuses
        time.sleep(0.2)
    raise AssertionError("the API did not become healthy again")


@pytest.mark.slow
def test_while_neo4j_is_down_every_answer_is_a_503_from_the_known_state(
    api_graph: Driver, client: TestClient, neo4j_server: LocalServer
) -> None:
    repo: Repository = client.app.state.repository  # type: ignore[attr-defined]
    assert client.get(CAREER).status_code == 200
    neo4j_server.stop()
    try:
        # a write finds out by itself, before it spends time on extraction
        first = client.post("/articles", json=ARTICLE, headers=WRITE_HEADERS)
        assert first.status_code == 503 and first.headers["Retry-After"] == "2"
        assert repo.availability.state is State.down
        for _ in range(2):
            for url in READS:
                response = client.get(url)
                assert response.status_code == 503, (url, response.text)
                assert response.headers["Retry-After"] == "2"
                assert response.json()["error"] == "neo4j_unavailable"
            posted = client.post("/articles", json=ARTICLE, headers=WRITE_HEADERS)
            assert posted.status_code == 503 and posted.headers["Retry-After"] == "2"
            health = client.get("/health")
            assert health.status_code == 503 and health.headers["Retry-After"] == "2"
            assert health.json()["neo4j"] == "down"
            assert "background" in health.json()["detail"]
        assert repo.availability.outages == 1  # one outage, found once, probed in the background
    finally:
        neo4j_server.start()
    statuses = _until_healthy(client)
    assert set(statuses) <= {200, 503}
    assert repo.availability.state is State.up
    assert client.get(CAREER).json()["coach"]["id"] == "mario-rossi"
    assert client.post("/articles", json=ARTICLE, headers=WRITE_HEADERS).status_code == 200


@pytest.mark.slow
def test_right_after_a_restart_reads_are_200_or_503_never_422(
    api_graph: Driver, client: TestClient, neo4j_server: LocalServer
) -> None:
    """The API idle while Neo4j restarts: its pooled connections are dead and the server is
    cold. Reads answer or say 503 with Retry-After until it is warm, and nothing is 422."""
    for url in READS:
        assert client.get(url).status_code == 200, url
    neo4j_server.stop()
    neo4j_server.start()
    statuses = _until_healthy(client)
    assert set(statuses) <= {200, 503}
    for url in READS:
        assert client.get(url).status_code == 200, url


def _app_with_slow_route(settings: ApiSettings, narrowable: bool) -> FastAPI:
    app = create_app(settings.model_copy(update={"neo4j_query_timeout": 1.0}))

    async def slow(request: Request) -> dict[str, int]:
        repo: Repository = request.app.state.repository
        rows = await repo.read(SLOW, narrowable=narrowable)
        return {"n": rows[0]["n"]}

    app.add_api_route("/slow", slow)
    return app


@pytest.mark.slow
def test_a_query_that_times_out_is_503_busy_not_422(
    api_graph: Driver, settings: ApiSettings
) -> None:
    with TestClient(_app_with_slow_route(settings, False), raise_server_exceptions=False) as c:
        response = c.get("/slow")
        assert response.status_code == 503, response.text
        assert response.headers["Retry-After"] == "2"
        assert response.json()["error"] == "neo4j_busy"
        repo: Repository = c.app.state.repository  # type: ignore[attr-defined]
        assert repo.availability.state is State.up  # slow is not down
        assert c.get(CAREER).status_code == 200


@pytest.mark.slow
def test_only_a_narrowable_query_on_a_settled_database_is_422(
    api_graph: Driver, settings: ApiSettings
) -> None:
    with TestClient(_app_with_slow_route(settings, True), raise_server_exceptions=False) as c:
        repo: Repository = c.app.state.repository  # type: ignore[attr-defined]
        # just started: Neo4j may be cold, so even a path's timeout is "retry"
        assert repo.availability.up_for() < SETTLED_SECONDS
        early = c.get("/slow")
        assert early.status_code == 503 and early.json()["error"] == "neo4j_busy"
        repo.availability.since -= SETTLED_SECONDS  # as if up for that long
        settled = c.get("/slow")
        assert settled.status_code == 422, settled.text
        assert settled.json()["error"] == "query_too_expensive"


def test_while_neo4j_warms_up_cached_answers_are_served_and_the_rest_is_busy(
    api_graph: Driver, settings: ApiSettings
) -> None:
    strict = settings.model_copy(update={"response_cache_ttl": 0.0})  # the version every time
    with TestClient(create_app(strict), raise_server_exceptions=False) as c:
        repo: Repository = c.app.state.repository  # type: ignore[attr-defined]
        assert c.get(CAREER).headers["x-cache"] == "miss"
        repo.availability.state = State.warming  # as between a probe answered and warmed up
        try:
            cached = c.get(CAREER)
            assert cached.status_code == 200 and cached.headers["x-cache"] == "hit"
            other = c.get("/search?q=rossi")
            assert other.status_code == 503 and other.headers["Retry-After"] == "2"
            assert other.json()["error"] == "neo4j_busy"
            health = c.get("/health")
            assert health.status_code == 503 and health.json()["neo4j"] == "warming"
        finally:
            repo.availability.state = State.up


# -- the state machine on its own ---------------------------------------------------------------


def test_lost_fails_fast_probes_warms_up_and_comes_back() -> None:
    async def scenario() -> list[str]:
        seen: list[str] = []
        probes = {"n": 0}

        async def probe() -> None:
            probes["n"] += 1
            seen.append(f"probe {probes['n']}")
            if probes["n"] < 3:
                raise GraphUnavailableError("refused")

        async def warm() -> None:
            seen.append(f"warm while {availability.state}")

        availability = Availability(probe, warm, interval=0.01)
        availability.check()  # up at first: nothing raised
        availability.lost("refused")
        availability.lost("refused again")  # one outage, one probing task
        with pytest.raises(GraphUnavailableError) as down:
            availability.check()
        assert down.value.known and not isinstance(down.value, GraphBusyError)
        while not availability.up:
            await asyncio.sleep(0.01)
        availability.check()
        seen.append(f"outages {availability.outages}")
        await availability.close()
        return seen

    assert asyncio.run(scenario()) == [
        "probe 1",
        "probe 2",
        "probe 3",
        "warm while warming",
        "outages 1",
    ]


def test_while_warming_up_reads_are_busy_and_a_loss_goes_back_to_probing() -> None:
    async def scenario() -> list[str]:
        seen: list[str] = []
        warmed = {"n": 0}
        release = asyncio.Event()

        async def probe() -> None:
            seen.append("probe")

        async def warm() -> None:
            warmed["n"] += 1
            if warmed["n"] == 1:
                raise GraphUnavailableError("lost again")
            with pytest.raises(GraphBusyError):
                availability.check()
            seen.append("busy while warming")
            await release.wait()

        availability = Availability(probe, warm, interval=0.01)
        availability.lost("refused")
        while warmed["n"] < 2:
            await asyncio.sleep(0.01)
        release.set()
        while not availability.up:
            await asyncio.sleep(0.01)
        await availability.close()
        return seen

    assert asyncio.run(scenario()) == ["probe", "probe", "busy while warming"]
