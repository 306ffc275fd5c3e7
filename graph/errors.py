"""The graph's own errors; the API maps each to one HTTP status in one place."""

from __future__ import annotations


class GraphError(Exception):
    """Base of coachgraph's database-side errors."""


class NotFoundError(GraphError):
    """An id that the graph does not hold."""

    def __init__(self, kind: str, ident: str) -> None:
        self.kind = kind
        self.ident = ident
        super().__init__(f"{kind} {ident!r} not found")


class GraphUnavailableError(GraphError):
    """Neo4j cannot be reached (down, restarting, network)."""


class QueryTooExpensiveError(GraphError):
    """A query hit its time limit; the caller should narrow it."""


class InvalidRequestError(GraphError):
    """A request the graph cannot answer as asked (e.g. a path between an id and itself)."""
