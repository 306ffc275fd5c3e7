"""Helpers shared by the analytics, resolution and outlet tests (this module holds no tests).

`with_repo` runs a graph function against the real Neo4j through a Repository of its own, and
`CountingRepository` records every query it runs (to show what the cache spares).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, LiteralString, TypeVar

from app.settings import ApiSettings
from graph.db import open_async_driver
from graph.repository import Repository

T = TypeVar("T")


class CountingRepository(Repository):
    """A Repository that remembers the text of every query it ran."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.queries: list[str] = []

    async def read(
        self, text: LiteralString, timeout: float | None = None, **params: Any
    ) -> list[dict[str, Any]]:
        self.queries.append(text)
        return await super().read(text, timeout, **params)


def with_repo(
    settings: ApiSettings,
    fn: Callable[[CountingRepository], Awaitable[T]],
    repo_out: list[CountingRepository] | None = None,
) -> T:
    """Run `fn(repo)` on a fresh driver and CountingRepository; close the driver after."""

    async def main() -> T:
        driver = open_async_driver(settings)
        repo = CountingRepository(driver, settings.neo4j_database, 10.0)
        if repo_out is not None:
            repo_out.append(repo)
        try:
            return await fn(repo)
        finally:
            await driver.close()

    return asyncio.run(main())
