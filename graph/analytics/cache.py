"""Per-process cache of whatever is derived from the whole graph, keyed by the graph's version.

One cheap query reads the version (`Meta.version`, bumped by the loader on every load that
changes the graph); while it is unchanged, derived values are served from memory and Neo4j is
not read again. One cache per Repository (so per app and per database).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from graph.analytics import queries
from graph.repository import Repository

T = TypeVar("T")

VersionKey = tuple[Any, Any]


class VersionedView:
    """The values derived from one version of the graph."""

    def __init__(self, repo: Repository, key: VersionKey) -> None:
        self.repo = repo
        self.key = key
        self._values: dict[str, Any] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def get(self, name: str, build: Callable[[Repository], Awaitable[T]]) -> T:
        """The value called `name`, built once per version by `build(repo)`."""
        if name in self._values:
            return self._values[name]  # type: ignore[no-any-return]
        lock = self._locks.setdefault(name, asyncio.Lock())
        async with lock:
            if name not in self._values:
                self._values[name] = await build(self.repo)
        return self._values[name]  # type: ignore[no-any-return]


class GraphCache:
    """Derived values of the latest graph version seen."""

    def __init__(self) -> None:
        self._view: VersionedView | None = None

    async def view(self, repo: Repository) -> VersionedView:
        """The view of the graph's current version (one query to read the version)."""
        rows = await repo.read(queries.GRAPH_VERSION)
        row = rows[0] if rows else {}
        key: VersionKey = (row.get("version"), row.get("updated_at"))
        if self._view is None or self._view.key != key:
            self._view = VersionedView(repo, key)
        return self._view


_CACHES: WeakKeyDictionary[Repository, GraphCache] = WeakKeyDictionary()


def cache_for(repo: Repository) -> GraphCache:
    """The cache belonging to `repo` (created on first use, dropped with the repository)."""
    cache = _CACHES.get(repo)
    if cache is None:
        cache = _CACHES[repo] = GraphCache()
    return cache


async def current_view(repo: Repository) -> VersionedView:
    """Shortcut: the current version's view of `repo`'s graph."""
    return await cache_for(repo).view(repo)
