"""The graph's own errors; the API maps each to one HTTP status in one place."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

P = TypeVar("P")

#: How many problems an error's message lists; the rest are counted.
PROBLEMS_SHOWN = 50


class GraphError(Exception):
    """Base of coachgraph's database-side errors."""


class NotFoundError(GraphError):
    """An id that the graph does not hold."""

    def __init__(self, kind: str, ident: str) -> None:
        self.kind = kind
        self.ident = ident
        super().__init__(f"{kind} {ident!r} not found")


class GraphUnavailableError(GraphError):
    """Neo4j cannot be reached (down, restarting, network); the caller should retry."""

    code = "neo4j_unavailable"
    public = "the graph database is unreachable; retry shortly"
    known = False  # raised at once for a state already reported (graph/availability.py)


class GraphBusyError(GraphUnavailableError):
    """Neo4j answers but not in time: just restarted (planning, reading its store) or
    overloaded. Never the request's fault: the caller should retry, not change the request."""

    code = "neo4j_busy"
    public = "the graph database is warming up or too busy to answer in time; retry shortly"


class QueryTooExpensiveError(GraphError):
    """A query hit its time limit; the caller should narrow it."""


class InvalidRequestError(GraphError):
    """A request the graph cannot answer as asked (e.g. a path between an id and itself)."""


class ProblemsError(ValueError, Generic[P]):
    """Input that cannot be taken, with every problem found in it (each prints its place)."""

    def __init__(self, problems: Sequence[P]) -> None:
        self.problems: list[P] = list(problems)
        shown = "\n".join(str(p) for p in problems[:PROBLEMS_SHOWN])
        extra = len(problems) - PROBLEMS_SHOWN
        more = f"\n… and {extra} more" if extra > 0 else ""
        super().__init__(f"{len(problems)} problem(s) in the input:\n{shown}{more}")
