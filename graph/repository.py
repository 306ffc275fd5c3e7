"""Read access for the API: one async driver, managed read transactions with a timeout.

Every query text is a named constant in graph/queries.py; request values only ever travel as
parameters.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any, LiteralString

from neo4j import AsyncDriver, Query, RoutingControl
from neo4j.exceptions import (
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from graph import queries
from graph.coalesce import Coalescer, Row
from graph.errors import GraphUnavailableError, QueryTooExpensiveError

_TIMEOUT_CODES = (
    "Neo.ClientError.Transaction.TransactionTimedOut",
    "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
    "Neo.TransientError.Transaction.TransactionTimedOut",
    "Neo.TransientError.Transaction.TransactionTimedOutClientConfiguration",
)


_UNAVAILABLE_CODES = (
    "Neo.ClientError.Database.DatabaseNotFound",
    "Neo.TransientError.General.DatabaseUnavailable",
    "Neo.ClientError.Security.AuthenticationRateLimit",
)


def _is_unavailable(exc: Neo4jError) -> bool:
    return exc.code in _UNAVAILABLE_CODES or (
        isinstance(exc, TransientError) and exc.code not in _TIMEOUT_CODES
    )


class Repository:
    """The API's gateway to Neo4j."""

    def __init__(
        self,
        driver: AsyncDriver,
        database: str,
        timeout: float,
        *,
        batches: int = 2,
        batch_size: int = 8,
    ) -> None:
        self.driver = driver
        self.database = database
        self.timeout = timeout
        self._batches = batches
        self._batch_size = batch_size
        self._coalescers: dict[tuple[Any, ...], Coalescer] = {}

    async def read_one(
        self, text: LiteralString, fixed: dict[str, int] | None = None, **params: Any
    ) -> Row | None:
        """One request of a statement written for batches, its row or None.

        The statement reads `$requests` (`UNWIND $requests AS req`, each request's values as
        `req.<name>`) and returns `req.key AS key`; `fixed` are parameters of the statement
        itself (Cypher wants a LIMIT's value before the first row), the same for every request
        of a batch. Concurrent calls of the same statement and `fixed` share round trips
        (graph/coalesce.py); the `key` column is removed from the row.
        """
        shared = fixed or {}
        slot = (text, *sorted(shared.items()))
        coalescer = self._coalescers.get(slot)
        if coalescer is None:

            async def fetch(requests: list[dict[str, Any]]) -> list[Row]:
                return await self.read(text, requests=requests, **shared)

            coalescer = Coalescer(fetch, self._batches, self._batch_size)
            self._coalescers[slot] = coalescer
        row = await coalescer.read(params)
        if row is not None:
            del row["key"]
        return row

    def coalesced(self) -> tuple[int, int]:
        """Requests answered through read_one since the start, and the statements they took."""
        coalescers = list(self._coalescers.values())
        return sum(c.reads for c in coalescers), sum(c.batches for c in coalescers)

    async def read(
        self, text: LiteralString, timeout: float | None = None, **params: Any
    ) -> list[dict[str, Any]]:
        """Run a read query in a managed read transaction; records as dicts.

        Raises GraphUnavailableError when Neo4j cannot answer (down, restarting, unreachable)
        and QueryTooExpensiveError when the query itself ran into its time limit.
        """
        limit = timeout or self.timeout
        query = Query(text, timeout=limit)
        started = time.monotonic()
        try:
            # A hard ceiling: a request never waits on an unreachable server for long.
            async with asyncio.timeout(limit + 5):
                records, _, _ = await self.driver.execute_query(
                    query,
                    params,
                    database_=self.database,
                    routing_=RoutingControl.READ,
                )
        except TimeoutError as exc:
            raise GraphUnavailableError("Neo4j did not answer in time") from exc
        except (ServiceUnavailable, SessionExpired) as exc:
            raise GraphUnavailableError(str(exc)) from exc
        except Neo4jError as exc:
            if exc.code in _TIMEOUT_CODES:
                # The query's fault only if the server answers a trivial query right away;
                # a database that is starting or stuck times everything out.
                if time.monotonic() - started >= 0.8 * limit and await self._alive():
                    raise QueryTooExpensiveError(
                        "the query took longer than its time limit; narrow it"
                    ) from exc
                raise GraphUnavailableError(f"{exc.code}: {exc.message}") from exc
            if _is_unavailable(exc):
                raise GraphUnavailableError(f"{exc.code}: {exc.message}") from exc
            raise
        except (DriverError, OSError) as exc:
            raise GraphUnavailableError(str(exc)) from exc
        # The queries return maps, lists and values, never nodes: `Record.data()`'s recursive
        # conversion walks every nested value for nothing.
        return [dict(zip(record.keys(), record.values(), strict=True)) for record in records]

    async def _alive(self) -> bool:
        try:
            async with asyncio.timeout(3):
                await self.driver.execute_query(
                    Query("RETURN 1", timeout=2),
                    database_=self.database,
                    routing_=RoutingControl.READ,
                )
        except (TimeoutError, Neo4jError, DriverError, OSError):
            return False
        return True

    async def graph_version(self) -> str:
        """A token that changes whenever the graph is written; GraphUnavailableError if down."""
        rows = await self.read(queries.GRAPH_VERSION, timeout=3)
        return str(rows[0]["token"])

    async def ping(self) -> dict[str, Any]:
        """Server facts for /health; raises GraphUnavailableError when Neo4j is down."""
        rows = await self.read(queries.HEALTH, timeout=3)
        return rows[0] if rows else {}
