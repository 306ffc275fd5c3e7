"""A response cache for the read endpoints, valid for one version of the graph.

Every write path (the loader, ingest, Wikidata import) bumps `(:Meta {id: 'graph'})`, so a
read's answer can be reused until that version changes. The version is read from Neo4j at most
once per `ttl` seconds, so a change made by another process shows within `ttl`; a write through
this API (POST) that changed the graph clears the cache at once, one that changed nothing (the
route says so in the request's state, `graph_written`) leaves it as it was. Only 200 answers to
GET requests on the read paths are kept, bounded in entries and bytes, least recently used first
out. When Neo4j cannot be asked for its version quickly the cache steps aside and the request
goes through (and gets its 503).

Identical requests that miss at the same time are one flight: the first goes through, the others
wait for its answer, whatever its status, and are sent a copy. A cold or restarting Neo4j is
otherwise asked the same question by every client at once. This holds uncached too (the version
unknown), and never across a write through this API: a request that arrives after a write does
not join a flight that left before it.

Responses say `X-Cache: hit`, `miss` or `shared` (a copy of an identical request's answer), so a
client (and the benchmark) can tell.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.asgi import StatusWatch
from app.routing import CacheablePaths
from graph.errors import GraphError, GraphUnavailableError

# One answer larger than this is served but not kept.
MAX_ENTRY_BYTES = 512 * 1024


@dataclass(frozen=True)
class Entry:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    bypassed: int = 0
    shared: int = 0  # requests answered with a copy of an identical request's answer


class _Flight:
    """One request on its way; identical ones wait for its answer (None: it got none)."""

    def __init__(self) -> None:
        self.landed = asyncio.Event()
        self.answer: Entry | None = None


class ResponseStore:
    """Entries for one graph version, LRU within an entry count and a byte budget."""

    def __init__(self, max_entries: int, max_bytes: int) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.version: str | None = None
        self.bytes = 0
        self._entries: OrderedDict[str, Entry] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, version: str, key: str) -> Entry | None:
        if version != self.version:
            self.clear(version)
            return None
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
        return entry

    def put(self, version: str, key: str, entry: Entry) -> None:
        if version != self.version:
            return  # the graph changed while this answer was computed
        old = self._entries.pop(key, None)
        if old is not None:
            self.bytes -= len(old.body)
        self._entries[key] = entry
        self.bytes += len(entry.body)
        while self._entries and (
            len(self._entries) > self.max_entries or self.bytes > self.max_bytes
        ):
            _, dropped = self._entries.popitem(last=False)
            self.bytes -= len(dropped.body)

    def clear(self, version: str | None = None) -> None:
        self._entries.clear()
        self.bytes = 0
        self.version = version


class GraphVersion:
    """The graph's version token, asked of Neo4j at most once per `ttl` seconds.

    The cache must never make a request slower than it would be without it, above all while
    Neo4j is down or restarting (it then times queries out instead of refusing them). So one
    question is asked at a time, within `fetch_timeout`, and nobody else waits for it: while it
    is in flight the last answer stands (a hit is then at most ttl + fetch_timeout old); with no
    answer to stand on (none yet, or a write through this API made it stale), or within a
    second of a failed question, a request is told the version is unknown and goes through
    uncached. Under load, sending everyone uncached while the question was in flight made each
    re-check a burst of misses (docs/performance.md).
    """

    def __init__(
        self, fetch: Callable[[], Awaitable[str]], ttl: float, fetch_timeout: float = 1.0
    ) -> None:
        self._fetch = fetch
        self.ttl = ttl
        self.fetch_timeout = fetch_timeout
        self._value: str | None = None
        self._checked = float("-inf")
        self._failed = float("-inf")
        self._lock = asyncio.Lock()

    async def current(self) -> str:
        """The version; raises GraphUnavailableError when it cannot be known right now."""
        now = time.monotonic()
        if self._value is not None and now - self._checked < self.ttl:
            return self._value
        if self._lock.locked() and self._value is not None:
            return self._value
        if self._lock.locked() or now - self._failed < max(self.ttl, 1.0):
            raise GraphUnavailableError("the graph's version is not known right now")
        async with self._lock:
            try:
                async with asyncio.timeout(self.fetch_timeout):
                    value = await self._fetch()
            except (GraphError, TimeoutError) as exc:
                self._failed = time.monotonic()
                raise GraphUnavailableError("the graph's version could not be read") from exc
            self._value, self._checked = value, now
            return value

    def expire(self) -> None:
        """The graph was written: the last answer is out of date; ask again."""
        self._value = None
        self._checked = float("-inf")


class ResponseCacheMiddleware:
    """Serve repeated GETs of the read endpoints from a ResponseStore.

    It sits inside CORS and the access log, so those still see and decorate every request.
    """

    def __init__(
        self,
        app: ASGIApp,
        store: ResponseStore,
        version: GraphVersion,
        stats: CacheStats,
        cacheable: CacheablePaths,
    ) -> None:
        self.app = app
        self.store = store
        self.version = version
        self.stats = stats
        self.cacheable = cacheable
        self._flights: dict[tuple[int, str, str], _Flight] = {}
        self._writes = 0  # writes through this API that changed the graph

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] != "GET":
            await self._write_through(scope, receive, send)
            return
        if scope["path"] not in self.cacheable:
            await self.app(scope, receive, send)
            return
        query = scope.get("query_string", b"").decode("latin-1")
        key = f"{scope['path']}?{query}"
        try:
            version = await self.version.current()
        except GraphError:
            self.stats.bypassed += 1
            await self._fly(scope, receive, send, None, key)
            return
        entry = self.store.get(version, key)
        if entry is not None:
            self.stats.hits += 1
            await _replay(entry, send, b"hit")
            return
        await self._fly(scope, receive, send, version, key)

    async def _write_through(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass a write on; once it changed the graph, what was cached may be out of date."""
        state = scope.setdefault("state", {})
        watch = StatusWatch(send)
        try:
            await self.app(scope, receive, watch)
        finally:
            succeeded = watch.status is not None and 200 <= watch.status < 300
            if succeeded and state.get("graph_written", True):
                self._writes += 1
                self.store.clear()
                self.version.expire()

    async def _fly(
        self, scope: Scope, receive: Receive, send: Send, version: str | None, key: str
    ) -> None:
        """Answer a request that missed: join an identical one in flight, or be that flight."""
        slot = (self._writes, version or "", key)
        flight = self._flights.get(slot)
        if flight is not None:
            self.stats.shared += 1
            await flight.landed.wait()
            if flight.answer is not None:
                await _replay(flight.answer, send, b"shared")
                return
            # the first went without an answer (its client left): go alone
            await self._record(scope, receive, send, version, key)
            return
        if version is not None:
            self.stats.misses += 1
        flight = self._flights[slot] = _Flight()
        try:
            flight.answer = await self._record(scope, receive, send, version, key)
        finally:
            del self._flights[slot]
            flight.landed.set()

    async def _record(
        self, scope: Scope, receive: Receive, send: Send, version: str | None, key: str
    ) -> Entry | None:
        """Pass the request on; its complete answer, kept when it is a 200 of a known version."""
        start: Message | None = None
        chunks: list[bytes] = []
        complete = False

        async def keep(message: Message) -> None:
            nonlocal start, complete
            if message["type"] == "http.response.start":
                start = message
                if version is not None:
                    message = {**message, "headers": [*message["headers"], (b"x-cache", b"miss")]}
            elif message["type"] == "http.response.body" and start is not None:
                chunks.append(message.get("body", b""))
                complete = not message.get("more_body", False)
            await send(message)

        await self.app(scope, receive, keep)
        if start is None or not complete:
            return None
        entry = Entry(start["status"], list(start["headers"]), b"".join(chunks))
        if version is not None and entry.status == 200 and len(entry.body) <= MAX_ENTRY_BYTES:
            self.store.put(version, key, entry)
        return entry


async def _replay(entry: Entry, send: Send, how: bytes) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": entry.status,
            "headers": [*entry.headers, (b"x-cache", how)],
        }
    )
    await send({"type": "http.response.body", "body": entry.body})
