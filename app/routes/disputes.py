"""GET /disputes: tenures whose sources disagree, each claim side by side."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from app.deps import repository
from app.routes.common import ERRORS, Limit, Offset
from graph.loader.records import ID_PATTERN
from graph.reads.disputes import DisputesPublic, disputes

router = APIRouter(tags=["disputes"], responses=ERRORS)


@router.get("/disputes", response_model=DisputesPublic)
async def list_disputes(
    request: Request,
    coach: Annotated[
        str | None, Query(max_length=200, pattern=ID_PATTERN, description="only this coach's")
    ] = None,
    team: Annotated[
        str | None, Query(max_length=200, pattern=ID_PATTERN, description="only at this team")
    ] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> DisputesPublic:
    """Disputed tenures, chronological: the agreed value and every source's claim (start, end,
    team), the agreed claim first. What a journalist checks before quoting a date."""
    return await disputes(repository(request), coach, team, limit, offset)
