"""GET /teams/{id}/succession: who replaced whom at a team, and the coaching trees."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query, Request

from app.deps import repository
from app.routes.common import ERRORS, NOT_FOUND
from app.routing import Routes
from graph.analytics import service
from graph.models import SuccessionPublic

routes = Routes(tags=["teams"], responses=ERRORS)


@routes.get(
    "/teams/{team_id}/succession",
    cached=True,
    response_model=SuccessionPublic,
    responses=NOT_FOUND,
)
async def team_succession(
    request: Request,
    team_id: Annotated[str, Path(max_length=200, description="the team's id")],
    depth: Annotated[int, Query(ge=1, le=4, description="levels of each coaching tree")] = 2,
) -> SuccessionPublic:
    """The team's head/caretaker tenures in order, and, for each of its coaches, who succeeded
    them (and their successors) at any club, when that spans two or more teams."""
    return await service.succession(repository(request), team_id, depth)
