"""GET /paths: how two entities are connected."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.deps import RepoDep
from app.models import PathsPublic
from app.routes.common import ERRORS, NOT_FOUND, EntityId
from graph.reads.paths import MAX_HOPS, shortest_paths

router = APIRouter(tags=["paths"], responses=ERRORS)


@router.get("/paths", response_model=PathsPublic, responses=NOT_FOUND)
async def paths(
    repo: RepoDep,
    from_id: Annotated[EntityId, Query(alias="from", description="id of one entity")],
    to: Annotated[EntityId, Query(description="id of the other entity")],
    max_hops: Annotated[
        int, Query(ge=1, le=MAX_HOPS, description=f"longest path considered (1–{MAX_HOPS})")
    ] = 4,
    limit: Annotated[int, Query(ge=1, le=50, description="most paths returned")] = 10,
) -> PathsPublic:
    """All shortest paths between two entities (coaches, people, teams, outlets, moves,
    sources), through coaching tenures, roles, moves, influences and reports."""
    return await shortest_paths(repo, from_id, to, max_hops, limit)
