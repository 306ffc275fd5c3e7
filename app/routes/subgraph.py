"""GET /graph: a bounded subgraph around one entity, for the graph page."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request

from app.deps import repository
from app.routes.common import ERRORS, NOT_FOUND, EntityId
from app.routing import Routes
from graph.models import GraphPublic
from graph.reads.subgraph import neighbourhood

routes = Routes(tags=["graph"], responses=ERRORS)


@routes.get("/graph", cached=True, response_model=GraphPublic, responses=NOT_FOUND)
async def graph(
    request: Request,
    center: Annotated[EntityId, Query(description="id of the entity at the centre")],
    depth: Annotated[int, Query(ge=1, le=3, description="hops from the centre (1–3)")] = 1,
    limit: Annotated[int, Query(ge=1, le=500, description="most nodes returned")] = 150,
) -> GraphPublic:
    """Nodes within `depth` hops of `center` and the edges among them; tenures are COACHED
    edges labelled with their years, moves are nodes. `truncated` when `limit` cut it short."""
    return await neighbourhood(repository(request), center, depth, limit)
