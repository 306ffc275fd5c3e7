"""Read access for the API: one async driver, managed read transactions with a timeout.

Every query text is a named constant in graph/queries.py; request values only ever travel as
parameters.

What a failure means, and so what the API answers:
- Neo4j unreachable (connection refused or lost, database unavailable): it is marked down
  (graph/availability.py), this and every read until it is back fail at once, 503.
- a query that ran into its time limit, or no answer at all within that limit and 5 s: the
  database is slow, not the request wrong (503, "busy"), unless the statement's cost is the
  request's to choose (`narrowable`: paths, the neighbourhood) and the database is demonstrably
  warm; only then 422 "narrow it".
"""

from __future__ import annotations

import asyncio
import time
from typing import Any, LiteralString

from neo4j import AsyncDriver, Query, Record, RoutingControl
from neo4j.exceptions import (
    ConnectionAcquisitionTimeoutError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from graph import queries
from graph.availability import Availability, State
from graph.coalesce import Coalescer, Row
from graph.errors import GraphBusyError, GraphUnavailableError, QueryTooExpensiveError

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


# A query that times out is the request's fault only once the database has been answering for
# this long: a restarted Neo4j plans statements and reads its store from disk for a while.
SETTLED_SECONDS = 30.0
# Warm-up after an outage: statements replayed at once (planning them is CPU-bound work).
_WARM_CONCURRENCY = 2


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
        self.availability = Availability(lambda: self.probe(timeout=5.0), self._warm)
        # The parameters each statement last ran with, replayed to warm Neo4j up after an outage
        self._recent: dict[LiteralString, dict[str, Any]] = {}

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
                return await self._read(text, None, False, {"requests": requests, **shared})

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
        self,
        text: LiteralString,
        timeout: float | None = None,
        *,
        narrowable: bool = False,
        **params: Any,
    ) -> list[dict[str, Any]]:
        """Run a read query in a managed read transaction; records as dicts.

        `narrowable`: the statement's cost is the request's to choose (a path's hops, a
        neighbourhood's depth), so running into the time limit may be the request's fault.

        Raises:
            GraphUnavailableError: Neo4j cannot answer (down, restarting, unreachable; at once
                while it is known to be so).
            GraphBusyError: the query ran into its time limit on a database that is busy or
                warming up (a GraphUnavailableError).
            QueryTooExpensiveError: a narrowable query ran into its time limit on a warm
                database that answers a trivial query at once.
        """
        return await self._read(text, timeout, narrowable, params)

    async def _read(
        self,
        text: LiteralString,
        timeout: float | None,
        narrowable: bool,
        params: dict[str, Any],
        *,
        while_warming: bool = False,
    ) -> list[dict[str, Any]]:
        if not (while_warming and self.availability.state is State.warming):
            self.availability.check()
        limit = timeout or self.timeout
        started = time.monotonic()
        try:
            records = await self._run(text, limit, params)
        except GraphBusyError:
            raise
        except GraphUnavailableError as exc:
            self.availability.lost(str(exc))
            raise
        except Neo4jError as exc:
            if exc.code not in _TIMEOUT_CODES:
                raise
            if (
                narrowable
                and time.monotonic() - started >= 0.8 * limit
                and self.availability.up_for() >= SETTLED_SECONDS
                and await self._alive()
            ):
                raise QueryTooExpensiveError(
                    "the query took longer than its time limit; narrow it"
                ) from exc
            raise GraphBusyError(f"{exc.code}: {exc.message}") from exc
        if not narrowable:
            self._recent[text] = params
        # The queries return maps, lists and values, never nodes: `Record.data()`'s recursive
        # conversion walks every nested value for nothing.
        return [dict(zip(record.keys(), record.values(), strict=True)) for record in records]

    async def _run(self, text: LiteralString, limit: float, params: dict[str, Any]) -> list[Record]:
        """The statement's records; GraphUnavailableError when Neo4j cannot answer it.

        The driver retries nothing (graph/db.py): a connection refused or lost is tried once more
        here, at once, on a new connection (a pooled one may have died with a restarted server),
        and then reported, instead of the driver's retries with their second-long pauses.
        """
        query = Query(text, timeout=limit)
        for attempt in (1, 2):
            # A hard ceiling: a request never waits on an unresponsive server for long.
            deadline = asyncio.timeout(limit + 5)
            try:
                async with deadline:
                    records, _, _ = await self.driver.execute_query(
                        query, params, database_=self.database, routing_=RoutingControl.READ
                    )
                return records
            except TimeoutError as exc:
                # Neither an answer nor an error: a server too busy to even time the query out
                # (an unreachable one refuses or drops the connection instead).
                raise GraphBusyError("Neo4j did not answer in time") from exc
            except asyncio.CancelledError:
                # The driver can turn the deadline's cancellation into a CancelledError that
                # asyncio.timeout does not convert back; it is still the deadline.
                if deadline.expired():
                    raise GraphBusyError("Neo4j did not answer in time") from None
                raise
            except ConnectionAcquisitionTimeoutError as exc:
                raise GraphBusyError(str(exc)) from exc  # every connection busy: not down
            except (ServiceUnavailable, SessionExpired) as exc:
                if attempt == 2:
                    raise GraphUnavailableError(str(exc)) from exc
            except Neo4jError as exc:
                if exc.code not in _TIMEOUT_CODES and _is_unavailable(exc):
                    raise GraphUnavailableError(f"{exc.code}: {exc.message}") from exc
                raise
            except (DriverError, OSError) as exc:
                raise GraphUnavailableError(str(exc)) from exc
        raise AssertionError("unreachable")

    async def _alive(self) -> bool:
        try:
            await self.probe()
        except (GraphUnavailableError, TimeoutError, Neo4jError, DriverError, OSError):
            return False
        return True

    async def probe(self, timeout: float = 1.0) -> None:
        """Ask Neo4j a trivial read; GraphUnavailableError unless it answers within `timeout`."""
        try:
            async with asyncio.timeout(timeout):
                await self.driver.execute_query(
                    Query("RETURN 1", timeout=timeout),
                    database_=self.database,
                    routing_=RoutingControl.READ,
                )
        except TimeoutError as exc:
            raise GraphBusyError(f"Neo4j did not answer a trivial read within {timeout} s") from exc
        except (Neo4jError, DriverError, OSError) as exc:
            raise GraphUnavailableError(f"probe: {exc}") from exc

    async def reachable(self) -> None:
        """Raise unless Neo4j answers now (before work that is costly to waste, like an ingest).

        Raises:
            GraphUnavailableError: Neo4j is down (and is then marked so).
            GraphBusyError: it answers too slowly.
        """
        self.availability.check()
        try:
            await self.probe()
        except GraphBusyError:
            raise
        except GraphUnavailableError as exc:
            self.availability.lost(str(exc))
            raise

    async def _warm(self) -> None:
        """Run once more each statement read lately, a few at a time, so that a restarted Neo4j
        has planned them and read their pages before the load comes back. A statement that
        fails is skipped; GraphUnavailableError when Neo4j is lost again."""
        gate = asyncio.Semaphore(_WARM_CONCURRENCY)

        async def one(text: LiteralString, params: dict[str, Any]) -> None:
            async with gate:
                await self._run(text, self.timeout, params)

        statements = list(self._recent.items())
        outcomes = await asyncio.gather(
            *(one(text, params) for text, params in statements), return_exceptions=True
        )
        for outcome in outcomes:
            if isinstance(outcome, GraphUnavailableError) and not isinstance(
                outcome, GraphBusyError
            ):
                raise outcome

    async def close(self) -> None:
        """Stop background work (the availability probe)."""
        await self.availability.close()

    async def graph_version(self) -> str:
        """A token that changes whenever the graph is written; GraphUnavailableError if down.

        Asked while Neo4j warms up too: a trivial read, and with it the response cache goes on
        serving the answers it holds for an unchanged graph (app/cache.py).
        """
        rows = await self._read(queries.GRAPH_VERSION, 3, False, {}, while_warming=True)
        return str(rows[0]["token"])

    async def ping(self) -> dict[str, Any]:
        """Server facts for /health; raises GraphUnavailableError when Neo4j is down."""
        rows = await self.read(queries.HEALTH, timeout=3)
        return rows[0] if rows else {}
