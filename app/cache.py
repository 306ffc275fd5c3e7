"""A response cache for the read endpoints, valid for one version of the graph.

Every write path (the loader, ingest, Wikidata import) bumps `(:Meta {id: 'graph'})`, so a
read's answer can be reused until that version changes. The version is read from Neo4j at most
once per `ttl` seconds, so a change made by another process shows within `ttl`; a write through
this API (POST) clears the cache at once. Only 200 answers to GET requests on the read paths are
kept, bounded in entries and bytes, least recently used first out. When Neo4j cannot be asked
for its version quickly the cache steps aside and the request goes through (and gets its 503).

Responses say `X-Cache: hit` or `miss`, so a client (and the benchmark) can tell.
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
        try:
            version = await self.version.current()
        except GraphError:
            self.stats.bypassed += 1
            await self.app(scope, receive, send)
            return
        query = scope.get("query_string", b"").decode("latin-1")
        key = f"{scope['path']}?{query}"
        entry = self.store.get(version, key)
        if entry is not None:
            self.stats.hits += 1
            await _replay(entry, send)
            return
        self.stats.misses += 1
        await self._record(scope, receive, send, version, key)

    async def _write_through(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass a write on; once it succeeds, what was cached may be out of date."""
        watch = StatusWatch(send)
        try:
            await self.app(scope, receive, watch)
        finally:
            if watch.status is not None and 200 <= watch.status < 300:
                self.store.clear()
                self.version.expire()

    async def _record(
        self, scope: Scope, receive: Receive, send: Send, version: str, key: str
    ) -> None:
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0

        async def keep(message: Message) -> None:
            nonlocal start, size
            if message["type"] == "http.response.start":
                start = message
                message = {**message, "headers": [*message["headers"], (b"x-cache", b"miss")]}
            elif message["type"] == "http.response.body" and start is not None:
                size += len(message.get("body", b""))
                if size <= MAX_ENTRY_BYTES:
                    chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, keep)
        if start is not None and start["status"] == 200 and size <= MAX_ENTRY_BYTES:
            self.store.put(version, key, Entry(200, list(start["headers"]), b"".join(chunks)))


async def _replay(entry: Entry, send: Send) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": entry.status,
            "headers": [*entry.headers, (b"x-cache", b"hit")],
        }
    )
    await send({"type": "http.response.body", "body": entry.body})
