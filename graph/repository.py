"""Read access for the API: one async driver, managed read transactions with a timeout.

Every query text is a named constant in graph/queries.py; request values only ever travel as
parameters.
"""

from __future__ import annotations

from typing import Any, LiteralString

from neo4j import AsyncDriver, Query, RoutingControl
from neo4j.exceptions import (
    ClientError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from graph import queries
from graph.errors import GraphUnavailableError, QueryTooExpensiveError

_TIMEOUT_CODES = (
    "Neo.ClientError.Transaction.TransactionTimedOut",
    "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
    "Neo.TransientError.Transaction.TransactionTimedOut",
    "Neo.TransientError.Transaction.TransactionTimedOutClientConfiguration",
)


class Repository:
    """The API's gateway to Neo4j."""

    def __init__(self, driver: AsyncDriver, database: str, timeout: float) -> None:
        self.driver = driver
        self.database = database
        self.timeout = timeout

    async def read(
        self, text: LiteralString, timeout: float | None = None, **params: Any
    ) -> list[dict[str, Any]]:
        """Run a read query in a managed read transaction; records as dicts."""
        query = Query(text, timeout=timeout or self.timeout)
        try:
            records, _, _ = await self.driver.execute_query(
                query,
                params,
                database_=self.database,
                routing_=RoutingControl.READ,
            )
        except (ServiceUnavailable, SessionExpired) as exc:
            raise GraphUnavailableError(str(exc)) from exc
        except (ClientError, TransientError) as exc:
            if exc.code in _TIMEOUT_CODES:
                raise QueryTooExpensiveError(
                    "the query took longer than its time limit; narrow it"
                ) from exc
            raise
        except Neo4jError as exc:
            if exc.code in _TIMEOUT_CODES:
                raise QueryTooExpensiveError(
                    "the query took longer than its time limit; narrow it"
                ) from exc
            raise
        except (DriverError, OSError) as exc:
            raise GraphUnavailableError(str(exc)) from exc
        return [record.data() for record in records]

    async def ping(self) -> dict[str, Any]:
        """Server facts for /health; raises GraphUnavailableError when Neo4j is down."""
        rows = await self.read(queries.HEALTH, timeout=3)
        return rows[0] if rows else {}
