"""GET /teams/{id}/coaches: a team's coaching timeline; who was in charge on a day."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Path, Query, Request

from app.deps import repository
from app.responses import JSONBody
from app.routes.common import ERRORS, NOT_FOUND, Limit, Offset
from app.routing import Routes
from graph.domain import TenureRole
from graph.models import TeamCoachesPublic
from graph.reads.careers import team_coaches

routes = Routes(prefix="/teams", tags=["teams"], responses=ERRORS)


@routes.get(
    "/{team_id}/coaches", cached=True, response_model=TeamCoachesPublic, responses=NOT_FOUND
)
async def coaches(
    request: Request,
    team_id: Annotated[str, Path(max_length=200, description="the team's id")],
    at: Annotated[
        date | None, Query(description="a day (YYYY-MM-DD): who was in charge then")
    ] = None,
    role: Annotated[
        list[TenureRole] | None,
        Query(description="roles on the timeline (default: head and caretaker)"),
    ] = None,
    limit: Limit = 200,
    offset: Offset = 0,
) -> JSONBody:
    """The team's head and caretaker tenures in order, each with predecessor and successor.

    With `at`, `in_charge` lists the tenures that may have been running that day: a tenure's
    start is taken at its earliest and its end at its latest possible day (dates are stored at
    the precision known)."""
    return JSONBody(await team_coaches(repository(request), team_id, at, role, limit, offset))
