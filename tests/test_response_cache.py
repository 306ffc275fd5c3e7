"""The read endpoints' response cache: hits, misses, and never an answer from an older graph."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from app.cache import (
    MAX_ENTRY_BYTES,
    CacheStats,
    Entry,
    GraphVersion,
    ResponseCacheMiddleware,
    ResponseStore,
)
from app.main import create_app
from app.routing import CacheablePaths
from app.settings import ApiSettings
from graph.errors import GraphUnavailableError
from graph.loader.load import bump_version
from tests.utils import WRITE_HEADERS

DEV = Path(__file__).parent / "fixtures" / "extract_dev"
CAREER = "/coaches/carlo-ancelotti/career"


def _client(settings: ApiSettings, **changes: object) -> TestClient:
    return TestClient(
        create_app(settings.model_copy(update=changes)), raise_server_exceptions=False
    )


@pytest.fixture
def cached(settings: ApiSettings) -> Iterator[TestClient]:
    """The version asked of Neo4j on every request (ttl 0): the strictest setting."""
    with _client(settings, response_cache_ttl=0.0) as c:
        yield c


def test_a_repeated_read_is_a_hit_with_the_same_answer(
    seeded_graph: Driver, cached: TestClient
) -> None:
    first = cached.get(CAREER, params={"limit": 5})
    second = cached.get(CAREER, params={"limit": 5})
    other = cached.get(CAREER, params={"limit": 6})
    assert first.status_code == second.status_code == other.status_code == 200
    assert (first.headers["x-cache"], second.headers["x-cache"]) == ("miss", "hit")
    assert other.headers["x-cache"] == "miss"  # the query string is part of the key
    assert second.content == first.content
    assert second.headers["content-type"] == first.headers["content-type"]
    cache = cached.get("/health").json()["cache"]
    assert cache["enabled"] and cache["hits"] == 1 and cache["misses"] == 2
    assert cache["entries"] == 2 and cache["bytes"] == len(first.content) + len(other.content)


def test_errors_and_non_read_paths_are_not_kept(seeded_graph: Driver, cached: TestClient) -> None:
    for _ in range(2):
        missing = cached.get("/coaches/nobody-at-all/career")
        assert missing.status_code == 404 and missing.headers["x-cache"] == "miss"
        invalid = cached.get(CAREER, params={"limit": -1})
        assert invalid.status_code == 422 and invalid.headers["x-cache"] == "miss"
        assert "x-cache" not in cached.get("/health").headers
    assert cached.get("/health").json()["cache"]["entries"] == 0


def test_a_new_graph_version_is_never_answered_from_the_old_one(
    seeded_graph: Driver, cached: TestClient
) -> None:
    before = cached.get(CAREER).json()
    assert cached.get(CAREER).headers["x-cache"] == "hit"
    seeded_graph.execute_query(
        "MATCH (p:Person {id: 'carlo-ancelotti'}) SET p.name = 'Carletto'", database_="neo4j"
    )
    bump_version(seeded_graph, "neo4j")  # what every write path does at its end
    after = cached.get(CAREER)
    assert after.headers["x-cache"] == "miss"
    assert before["coach"]["name"] == "Carlo Ancelotti"
    assert after.json()["coach"]["name"] == "Carletto"


def test_a_change_by_another_process_shows_within_the_ttl(
    seeded_graph: Driver, settings: ApiSettings
) -> None:
    with _client(settings, response_cache_ttl=60.0) as slow:
        assert slow.get(CAREER).json()["coach"]["name"] == "Carlo Ancelotti"
        seeded_graph.execute_query(
            "MATCH (p:Person {id: 'carlo-ancelotti'}) SET p.name = 'Carletto'", database_="neo4j"
        )
        bump_version(seeded_graph, "neo4j")
        # Within the 60 s the version is not asked again: the documented staleness bound.
        assert slow.get(CAREER).json()["coach"]["name"] == "Carlo Ancelotti"
        assert slow.get(CAREER).headers["x-cache"] == "hit"


def test_a_write_through_the_api_clears_the_cache_at_once(
    seeded_graph: Driver, settings: ApiSettings
) -> None:
    with _client(settings, response_cache_ttl=60.0) as slow:
        before = slow.get("/moves", params={"coach": "jose-mourinho"}).json()["total"]
        assert slow.get("/moves", params={"coach": "jose-mourinho"}).headers["x-cache"] == "hit"
        body = {
            "text": (DEV / "en_02_roma_mourinho_sacked.txt").read_text(encoding="utf-8"),
            "date": "2024-01",
            "lang": "en",
            "outlet": "Reuters",
        }
        assert slow.post("/articles", json=body, headers=WRITE_HEADERS).status_code == 200
        after = slow.get("/moves", params={"coach": "jose-mourinho"})
        assert after.headers["x-cache"] == "miss"
        assert after.json()["total"] > before


def test_a_write_that_changes_nothing_leaves_the_cache_as_it_was(
    seeded_graph: Driver, settings: ApiSettings
) -> None:
    body = {
        "text": (DEV / "en_02_roma_mourinho_sacked.txt").read_text(encoding="utf-8"),
        "date": "2024-01",
        "lang": "en",
        "outlet": "Reuters",
    }
    with _client(settings, response_cache_ttl=60.0) as slow:
        first = slow.post("/articles", json=body, headers=WRITE_HEADERS)
        assert first.status_code == 200 and first.json()["wrote"] is True
        moves = slow.get("/moves", params={"coach": "jose-mourinho"})
        assert moves.headers["x-cache"] == "miss"
        assert slow.get(CAREER).headers["x-cache"] == "miss"
        again = slow.post("/articles", json=body, headers=WRITE_HEADERS)
        assert again.status_code == 200 and again.json()["wrote"] is False
        for url, params in ((CAREER, {}), ("/moves", {"coach": "jose-mourinho"})):
            after = slow.get(url, params=params)
            assert after.headers["x-cache"] == "hit", url
        assert after.content == moves.content
        # a refused write (422) leaves it too
        assert slow.post("/articles", json={"text": "⚽"}, headers=WRITE_HEADERS).status_code == 422
        assert slow.get(CAREER).headers["x-cache"] == "hit"


def test_turned_off_with_zero_entries(seeded_graph: Driver, settings: ApiSettings) -> None:
    with _client(settings, response_cache_entries=0) as off:
        assert "x-cache" not in off.get(CAREER).headers
        assert off.get("/health").json()["cache"] == {
            "enabled": False,
            "entries": 0,
            "bytes": 0,
            "hits": 0,
            "misses": 0,
            "bypassed": 0,
            "shared": 0,
        }


# -- the parts on their own -------------------------------------------------------------------


def _entry(size: int) -> Entry:
    return Entry(200, [], b"x" * size)


def test_store_evicts_least_recently_used_within_entries_and_bytes() -> None:
    store = ResponseStore(max_entries=3, max_bytes=100)
    assert store.get("v1", "a") is None
    for key in "abc":
        store.put("v1", key, _entry(10))
    assert store.get("v1", "a") is not None  # a is now the most recent
    store.put("v1", "d", _entry(10))
    assert store.get("v1", "b") is None and len(store) == 3
    store.put("v1", "e", _entry(90))  # over the byte budget: the oldest go first
    assert store.get("v1", "e") is not None and store.bytes <= 100


def test_store_drops_everything_when_the_version_moves() -> None:
    store = ResponseStore(max_entries=10, max_bytes=1000)
    store.get("v1", "a")
    store.put("v1", "a", _entry(5))
    assert store.get("v2", "a") is None and len(store) == 0 and store.bytes == 0
    store.put("v1", "a", _entry(5))  # computed under the old version: not kept
    assert len(store) == 0


def _app_with(version: GraphVersion, store: ResponseStore, stats: CacheStats) -> Starlette:
    calls = {"n": 0}

    async def search(request: object) -> PlainTextResponse:
        calls["n"] += 1
        return PlainTextResponse(f"answer {calls['n']}")

    async def big(request: object) -> PlainTextResponse:
        return PlainTextResponse("y" * (MAX_ENTRY_BYTES + 1))

    routes = [Route("/search", search), Route("/graph", big)]
    cacheable = CacheablePaths()
    for route in routes:
        cacheable.add(route)
    app = Starlette(routes=routes)
    app.add_middleware(
        ResponseCacheMiddleware, store=store, version=version, stats=stats, cacheable=cacheable
    )
    return app


def test_when_the_version_cannot_be_read_the_cache_steps_aside() -> None:
    async def down() -> str:
        raise GraphUnavailableError("Neo4j is down")

    stats = CacheStats()
    with TestClient(_app_with(GraphVersion(down, 0), ResponseStore(10, 10**6), stats)) as c:
        assert c.get("/search").text == "answer 1"
        assert c.get("/search").text == "answer 2"
        assert "x-cache" not in c.get("/search").headers
    assert stats.bypassed == 3 and stats.hits == 0


def test_version_is_asked_at_most_once_per_ttl_and_large_answers_are_not_kept() -> None:
    asked = {"n": 0}

    async def fetch() -> str:
        asked["n"] += 1
        return "v1"

    store, stats = ResponseStore(10, 10**7), CacheStats()
    with TestClient(_app_with(GraphVersion(fetch, 60), store, stats)) as c:
        assert [c.get("/search").text for _ in range(3)] == ["answer 1"] * 3
        assert len(c.get("/graph").content) == MAX_ENTRY_BYTES + 1
        assert c.get("/graph").headers["x-cache"] == "miss"
    assert asked["n"] == 1 and len(store) == 1


def _answered(client: TestClient, path: str) -> httpx.Response:
    """`client.get(path)`, failing (not hanging) when it is not answered: a request held behind
    a version check the test holds would never be."""
    got: list[httpx.Response] = []
    thread = threading.Thread(target=lambda: got.append(client.get(path)), daemon=True)
    thread.start()
    thread.join(30)
    assert got, f"{path} was held up"
    return got[0]


def test_a_slow_or_failing_version_check_never_holds_requests_up() -> None:
    """Neo4j restarting times queries out: requests must not queue behind the version check.

    The check here hangs until the test lets it go, so "did not wait" is shown by order: the
    other requests are answered while it still hangs.
    """
    asked = {"n": 0}
    hanging, release = threading.Event(), threading.Event()

    async def hangs_then_fails() -> str:
        asked["n"] += 1
        hanging.set()
        while not release.is_set():
            await asyncio.sleep(0.01)
        raise GraphUnavailableError("Neo4j did not answer")

    stats = CacheStats()
    # ttl 60: after a failed check the version is not asked again for max(ttl, 1 s)
    version = GraphVersion(hangs_then_fails, ttl=60, fetch_timeout=60)
    with TestClient(_app_with(version, ResponseStore(10, 10**6), stats)) as c:
        first: list[httpx.Response] = []
        asking = threading.Thread(target=lambda: first.append(c.get("/search")), daemon=True)
        asking.start()
        try:
            assert hanging.wait(30)
            during = [_answered(c, "/search") for _ in range(5)]  # while the check hangs
            assert asking.is_alive() and not first
        finally:
            release.set()
            asking.join(30)
        after = c.get("/search")  # after the failure: not asked again
    answers = [*first, *during, after]
    assert len(answers) == 7
    assert all(r.status_code == 200 and "x-cache" not in r.headers for r in answers)
    assert asked["n"] == 1 and stats.bypassed == 7 and stats.hits == 0


def test_a_version_check_that_never_answers_is_given_up() -> None:
    async def never() -> str:
        await asyncio.Event().wait()
        return "never"

    stats = CacheStats()
    version = GraphVersion(never, ttl=60, fetch_timeout=0.2)
    with TestClient(_app_with(version, ResponseStore(10, 10**6), stats)) as c:
        response = c.get("/search")  # answered once the check is given up, uncached
    assert response.status_code == 200 and "x-cache" not in response.headers
    assert stats.bypassed == 1


def test_while_the_version_is_asked_again_the_last_answer_stands() -> None:
    """A re-check in flight does not send everyone uncached (a burst of misses under load); a
    write through the API drops the last answer, so nothing is then answered from it.

    Each re-check is held until the test lets it answer, so what happens meanwhile does not
    depend on how long anything takes.
    """
    asked = {"n": 0}
    held: list[threading.Event] = []  # one per re-check: set it to let that check answer
    rechecking = threading.Semaphore(0)
    over = threading.Event()  # the test ended (or failed): nothing is held any more

    async def held_after_first() -> str:
        asked["n"] += 1
        if asked["n"] > 1:
            gate = threading.Event()
            held.append(gate)
            rechecking.release()
            while not (gate.is_set() or over.is_set()):
                await asyncio.sleep(0.01)
        return "v1"

    stats = CacheStats()
    version = GraphVersion(held_after_first, ttl=0.2, fetch_timeout=60)
    with TestClient(_app_with(version, ResponseStore(10, 10**6), stats)) as c:
        try:
            assert c.get("/search").headers["x-cache"] == "miss"
            time.sleep(0.3)  # the answer is older than the ttl: the next request asks again
            asking = threading.Thread(target=lambda: c.get("/search"), daemon=True)
            asking.start()
            assert rechecking.acquire(timeout=30)
            during = _answered(c, "/search")  # while the re-check is held: it did not wait
            assert asking.is_alive()
            assert (during.headers["x-cache"], during.text) == ("hit", "answer 1")
            held[-1].set()
            asking.join(30)
            version.expire()  # as after a write through the API
            asking = threading.Thread(target=lambda: c.get("/search"), daemon=True)
            asking.start()
            assert rechecking.acquire(timeout=30)
            after_write = _answered(c, "/search")
            assert asking.is_alive()
            assert "x-cache" not in after_write.headers  # uncached, not from the stale answer
            held[-1].set()
            asking.join(30)
        finally:
            over.set()
    assert asked["n"] == 3 and stats.bypassed == 1


def test_identical_misses_at_once_are_one_request() -> None:
    """Single flight: the first identical miss goes through, the others get a copy of its
    answer, whatever its status; the first holds its answer until the others are waiting."""
    import threading

    stats = CacheStats()
    calls = {"ok": 0, "missing": 0}

    async def fetch() -> str:
        return "v1"

    async def wait_for(followers: int) -> None:
        for _ in range(1000):
            if stats.shared >= followers:
                return
            await asyncio.sleep(0.01)
        raise AssertionError("the identical requests never arrived")

    async def ok(request: object) -> PlainTextResponse:
        calls["ok"] += 1
        await wait_for(4)
        return PlainTextResponse(f"answer {calls['ok']}")

    async def missing(request: object) -> PlainTextResponse:
        calls["missing"] += 1
        await wait_for(4 + 3)
        return PlainTextResponse("no such thing", status_code=404)

    routes = [Route("/search", ok), Route("/graph", missing)]
    cacheable = CacheablePaths()
    for route in routes:
        cacheable.add(route)
    app = Starlette(routes=routes)
    store = ResponseStore(10, 10**6)
    app.add_middleware(
        ResponseCacheMiddleware,
        store=store,
        version=GraphVersion(fetch, 60),
        stats=stats,
        cacheable=cacheable,
    )
    with TestClient(app) as c:
        answers: list[tuple[str, int, str, str]] = []

        def get(path: str) -> None:
            r = c.get(path)
            answers.append((path, r.status_code, r.text, r.headers["x-cache"]))

        threads = [threading.Thread(target=get, args=("/search",)) for _ in range(5)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(15)
        threads = [threading.Thread(target=get, args=("/graph",)) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(15)
        assert c.get("/search").headers["x-cache"] == "hit"
    assert calls == {"ok": 1, "missing": 1}
    searches = [a for a in answers if a[0] == "/search"]
    assert {(status, text) for _, status, text, _ in searches} == {(200, "answer 1")}
    assert sorted(how for *_, how in searches) == ["miss"] + ["shared"] * 4
    graphs = [a for a in answers if a[0] == "/graph"]
    assert {(status, text) for _, status, text, _ in graphs} == {(404, "no such thing")}
    assert stats.misses == 2 and stats.shared == 7 and len(store) == 1  # the 404 is not kept
