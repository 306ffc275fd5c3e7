"""Query parameters and documented error responses shared by the resource routers."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

from app.errors import ErrorPublic
from graph.domain import ID_MAX_LENGTH, ID_PATTERN

Limit = Annotated[int, Query(ge=1, le=200, description="page size (1–200)")]
Offset = Annotated[int, Query(ge=0, le=100_000, description="items to skip")]
EntityId = Annotated[
    str,
    Query(
        min_length=1,
        max_length=ID_MAX_LENGTH,
        pattern=ID_PATTERN,
        description="an entity id (slug)",
    ),
]

_ERROR = {"model": ErrorPublic}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {**_ERROR, "description": "an id the graph does not hold; names its kind and id"}
}
ERRORS: dict[int | str, dict[str, Any]] = {
    422: {**_ERROR, "description": "bad parameters"},
    503: {
        **_ERROR,
        "description": "Neo4j is unreachable, warming up or too busy to answer in time; retry "
        "after `Retry-After` seconds",
        "headers": {"Retry-After": {"schema": {"type": "integer"}}},
    },
}
