"""GET /disputes: tenures whose sources disagree, each claim side by side."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request

from app.deps import repository
from app.routes.common import ERRORS, Limit, Offset
from app.routing import Routes
from graph.domain import ID_MAX_LENGTH, ID_PATTERN
from graph.models import DisputesPublic
from graph.reads.disputes import disputes

routes = Routes(tags=["disputes"], responses=ERRORS)


@routes.get("/disputes", cached=True, response_model=DisputesPublic)
async def list_disputes(
    request: Request,
    coach: Annotated[
        str | None,
        Query(max_length=ID_MAX_LENGTH, pattern=ID_PATTERN, description="only this coach's"),
    ] = None,
    team: Annotated[
        str | None,
        Query(max_length=ID_MAX_LENGTH, pattern=ID_PATTERN, description="only at this team"),
    ] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> DisputesPublic:
    """Disputed tenures, chronological: the agreed value and every source's claim (start, end,
    team), the agreed claim first. What a journalist checks before quoting a date."""
    return await disputes(repository(request), coach, team, limit, offset)
