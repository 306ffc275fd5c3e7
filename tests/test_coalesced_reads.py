"""Coalesced reads against the real Neo4j: concurrent careers, timelines and influencer lists,
sharing statements (graph/coalesce.py), answer exactly what each would answer alone."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from datetime import date
from functools import partial
from typing import Any

import httpx
from fastapi.testclient import TestClient
from neo4j import Driver

from app.main import create_app
from app.settings import ApiSettings
from graph.db import open_async_driver
from graph.domain import Polarity
from graph.errors import NotFoundError
from graph.reads.careers import TenureRole, coach_career, team_coaches
from graph.reads.moves import move_influencers
from graph.repository import Repository

pytest_plugins = ["tests.conftest_api"]

COACHES = ["mario-rossi", "anna-verdi", "joao-conceicao", "no-such-coach", "luigi-bianchi"]
TEAMS = ["alfa-fc", "beta-united", "no-such-team", "gamma-nt"]
DAYS = [None, date(2011, 1, 1), date(2014, 6, 15), date(1990, 1, 1)]
MOVES = ["rossi-beta-2025", "verdi-gamma-2023", "no-such-move"]


def _reads(repo: Repository) -> list[partial[Awaitable[Any]]]:
    """Every combination worth asking, repeated so that batches mix them."""
    made: list[partial[Awaitable[Any]]] = []
    for coach in COACHES:
        for roles in (None, [TenureRole.head], [TenureRole.assistant, TenureRole.caretaker]):
            for limit, offset in ((200, 0), (1, 1)):
                made.append(partial(coach_career, repo, coach, roles, limit, offset))
    for team in TEAMS:
        for day in DAYS:
            made.append(partial(team_coaches, repo, team, day, None, 200, 0))
        made.append(partial(team_coaches, repo, team, None, [TenureRole.assistant], 200, 0))
    for move in MOVES:
        for polarity in (None, Polarity.for_, Polarity.against):
            made.append(partial(move_influencers, repo, move, polarity, 50, 0))
    return made * 3


async def _outcome(read: partial[Awaitable[Any]]) -> Any:
    try:
        return await read()
    except NotFoundError as exc:
        return ("not found", str(exc))


def test_concurrent_reads_answer_as_lone_reads(api_graph: Driver, settings: ApiSettings) -> None:
    async def scenario() -> tuple[list[Any], list[Any], Repository]:
        driver = open_async_driver(settings)
        try:
            alone = Repository(driver, "neo4j", 10, batches=1, batch_size=1)
            lone = [await _outcome(read) for read in _reads(alone)]
            shared = Repository(driver, "neo4j", 10, batches=1, batch_size=5)
            together = await asyncio.gather(*(_outcome(read) for read in _reads(shared)))
            return lone, together, shared
        finally:
            await driver.close()

    lone, together, shared = asyncio.run(scenario())
    assert together == lone
    assert any(o[0] == "not found" for o in lone if isinstance(o, tuple))
    # The reads really went together: each statement ran far fewer times than it was read.
    counts = [(c.batches, c.reads) for c in shared._coalescers.values()]
    assert len(counts) == 3
    for batches, reads in counts:
        assert batches * 3 <= reads


def test_concurrent_requests_over_http(api_graph: Driver, settings: ApiSettings) -> None:
    """Through the whole app: mixed ids, some unknown, sent at once; each status and body is
    the one the same request gets alone."""
    paths = [
        "/coaches/mario-rossi/career",
        "/coaches/nobody/career",
        "/teams/alfa-fc/coaches?at=2014-06-15",
        "/teams/nowhere/coaches?at=2014-06-15",
        "/moves/rossi-beta-2025/influencers?polarity=against",
        "/moves/no-such-move/influencers",
    ] * 4
    app_settings = settings.model_copy(update={"read_batches": 1, "read_batch_size": 4})
    with TestClient(create_app(app_settings)) as client:
        alone = [(r.status_code, r.json()) for r in map(client.get, paths)]

    async def together() -> list[tuple[int, Any]]:
        app = create_app(app_settings)
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
                responses = await asyncio.gather(*(http.get(p) for p in paths))
        return [(r.status_code, r.json()) for r in responses]

    assert asyncio.run(together()) == alone
    assert {status for status, _ in alone} == {200, 404}


def test_health_counts_coalesced_reads(api_graph: Driver, settings: ApiSettings) -> None:
    uncached = settings.model_copy(update={"response_cache_entries": 0})
    with TestClient(create_app(uncached)) as client:
        assert client.get("/health").json()["reads"] == {"requests": 0, "statements": 0}
        for _ in range(3):
            assert client.get("/coaches/mario-rossi/career").status_code == 200
        assert client.get("/moves/rossi-beta-2025/influencers").status_code == 200
        # One at a time: each request is a statement of its own.
        assert client.get("/health").json()["reads"] == {"requests": 4, "statements": 4}
