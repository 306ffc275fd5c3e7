"""GET /coaches/{id}/career: every team a coach has coached."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query, Request

from app.deps import repository
from app.responses import JSONBody
from app.routes.common import ERRORS, NOT_FOUND, Limit, Offset
from app.routing import Routes
from graph.domain import TenureRole
from graph.models import CareerPublic
from graph.reads.careers import coach_career

routes = Routes(prefix="/coaches", tags=["coaches"], responses=ERRORS)


@routes.get("/{coach_id}/career", cached=True, response_model=CareerPublic, responses=NOT_FOUND)
async def career(
    request: Request,
    coach_id: Annotated[str, Path(max_length=200, description="the coach's id")],
    role: Annotated[
        list[TenureRole] | None, Query(description="only these roles (default: all)")
    ] = None,
    limit: Limit = 200,
    offset: Offset = 0,
) -> JSONBody:
    """A coach's tenures in chronological order, each with its sources, and the current job."""
    return JSONBody(await coach_career(repository(request), coach_id, role, limit, offset))
