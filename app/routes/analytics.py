"""GET /analytics/hubs and /analytics/communities: global algorithms, run in networkx."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import Query, Request

from app.deps import repository
from app.routes.common import ERRORS
from app.routing import Routes
from graph.analytics import service
from graph.analytics.algorithms import CommunityMethod, Metric
from graph.models import CommunitiesPublic, HubsPublic

routes = Routes(prefix="/analytics", tags=["analytics"], responses=ERRORS)


class HubKind(StrEnum):
    coach = "coach"
    team = "team"


@routes.get("/hubs", cached=True, response_model=HubsPublic)
async def hubs(
    request: Request,
    kind: HubKind = HubKind.coach,
    metric: Metric = Metric.degree,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> HubsPublic:
    """Coaches or teams by centrality in the coach–team graph (degree, betweenness, PageRank)."""
    return await service.hubs(repository(request), kind.value, metric, limit)


@routes.get("/communities", cached=True, response_model=CommunitiesPublic)
async def communities(
    request: Request,
    method: CommunityMethod = CommunityMethod.greedy,
    min_size: Annotated[int, Query(ge=1, le=100)] = 2,
) -> CommunitiesPublic:
    """Communities of teams that share coaches (greedy modularity, or Louvain with seed 42)."""
    return await service.communities(repository(request), method, min_size)
