"""GET /paths: how two entities are connected."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request

from app.deps import repository
from app.routes.common import ERRORS, NOT_FOUND, EntityId
from app.routing import Routes
from graph.models import PathsPublic
from graph.reads.paths import MAX_HOPS, k_simple_paths, shortest_paths

routes = Routes(tags=["paths"], responses=ERRORS)


@routes.get("/paths", cached=True, response_model=PathsPublic, responses=NOT_FOUND)
async def paths(
    request: Request,
    from_id: Annotated[EntityId, Query(alias="from", description="id of one entity")],
    to: Annotated[EntityId, Query(description="id of the other entity")],
    max_hops: Annotated[
        int, Query(ge=1, le=MAX_HOPS, description=f"longest path considered (1–{MAX_HOPS})")
    ] = 4,
    limit: Annotated[
        int, Query(ge=1, le=50, description="most shortest paths returned (without `k`)")
    ] = 10,
    k: Annotated[
        int | None,
        Query(ge=1, le=10, description="the k shortest simple paths instead (1–10)"),
    ] = None,
) -> PathsPublic:
    """All shortest paths between two entities (coaches, people, teams, outlets, moves,
    sources), through coaching tenures, roles, moves, influences and reports. With `k`: the k
    shortest simple paths (fewest hops first, not only the shortest) between people, teams,
    outlets and moves."""
    if k is not None:
        return await k_simple_paths(repository(request), from_id, to, k, max_hops)
    return await shortest_paths(repository(request), from_id, to, max_hops, limit)
