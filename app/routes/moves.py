"""GET /moves, /moves/{id}, /moves/{id}/influencers: moves, their reports and influencers."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Path, Query, Request

from app.deps import repository
from app.responses import JSONBody
from app.routes.common import ERRORS, NOT_FOUND, EntityId, Limit, Offset
from app.routing import Routes
from graph.domain import MoveStatus, Polarity
from graph.models import (
    InfluencersPublic,
    MoveDetailPublic,
    MoveResolution,
    MovesPublic,
)
from graph.reads.moves import get_move, list_moves, move_influencers

routes = Routes(prefix="/moves", tags=["moves"], responses=ERRORS)

MoveId = Annotated[str, Path(max_length=200, description="the move's id")]


@routes.get("", cached=True, response_model=MovesPublic, responses=NOT_FOUND)
async def moves(
    request: Request,
    coach: Annotated[EntityId | None, Query(description="the coach's id")] = None,
    from_team: Annotated[
        EntityId | None, Query(alias="from", description="id of the team left")
    ] = None,
    to: Annotated[EntityId | None, Query(description="id of the team joined")] = None,
    status: Annotated[MoveStatus | None, Query(description="latest known status")] = None,
    outlet: Annotated[
        EntityId | None, Query(description="reported by (or citing) this outlet")
    ] = None,
    since: Annotated[
        date | None, Query(description="last reported on or after this day (YYYY-MM-DD)")
    ] = None,
    resolution: Annotated[
        MoveResolution | None,
        Query(description="only appointment rumours resolved so (`did_not_happen`, …)"),
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> MovesPublic:
    """Rumoured and real moves with their reports (source, outlet, date, status, evidence) and,
    for appointments, their resolution; most recently reported first. Filters combine with AND."""
    return await list_moves(
        repository(request),
        coach=coach,
        from_team=from_team,
        to_team=to,
        status=status,
        outlet=outlet,
        since=since,
        resolution=resolution,
        limit=limit,
        offset=offset,
    )


@routes.get("/{move_id}", cached=True, response_model=MoveDetailPublic, responses=NOT_FOUND)
async def move(request: Request, move_id: MoveId) -> MoveDetailPublic:
    """One move with its reports, its resolution (appointments) and the people who pushed for
    or against it."""
    return await get_move(repository(request), move_id)


@routes.get(
    "/{move_id}/influencers", cached=True, response_model=InfluencersPublic, responses=NOT_FOUND
)
async def influencers(
    request: Request,
    move_id: MoveId,
    polarity: Annotated[Polarity | None, Query(description="only `for` or `against`")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> JSONBody:
    """Who influenced this move: each person with polarity, how, the evidence and its source."""
    return JSONBody(await move_influencers(repository(request), move_id, polarity, limit, offset))
