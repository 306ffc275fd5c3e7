"""GET /graph: a bounded subgraph around one entity, for the graph page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from app.deps import repository
from app.models import GraphPublic
from app.routes.common import ERRORS, NOT_FOUND, EntityId
from graph.reads.subgraph import neighbourhood

router = APIRouter(tags=["graph"], responses=ERRORS)


@router.get("/graph", response_model=GraphPublic, responses=NOT_FOUND)
async def graph(
    request: Request,
    center: Annotated[EntityId, Query(description="id of the entity at the centre")],
    depth: Annotated[int, Query(ge=1, le=3, description="hops from the centre (1–3)")] = 1,
    limit: Annotated[int, Query(ge=1, le=500, description="most nodes returned")] = 150,
) -> GraphPublic:
    """Nodes within `depth` hops of `center` and the edges among them; tenures are COACHED
    edges labelled with their years, moves are nodes. `truncated` when `limit` cut it short."""
    return await neighbourhood(repository(request), center, depth, limit)
