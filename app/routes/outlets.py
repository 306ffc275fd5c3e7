"""GET /outlets and /outlets/{id}: how often each outlet's rumours came true."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query, Request

from app.deps import repository
from app.routes.common import ERRORS, NOT_FOUND, Limit, Offset
from app.routing import Routes
from graph.analytics.outlets import OutletStats, outlet_score, outlet_scores
from graph.analytics.resolution import DEFAULT_WINDOW_MONTHS, RumourResolution, resolution_public
from graph.models import (
    EntityRef,
    OutletDetailPublic,
    OutletRumour,
    OutletScore,
    OutletsPublic,
)

routes = Routes(tags=["outlets"], responses=ERRORS)

WindowQuery = Annotated[
    int,
    Query(ge=1, le=120, description="months after the first report a tenure still resolves it"),
]


def _score(s: OutletStats) -> OutletScore:
    return OutletScore(
        outlet=EntityRef(id=s.id, name=s.name, kind="outlet"),
        reported=s.reported,
        resolved=s.resolved,
        materialised=s.materialised,
        rate=s.rate,
        ci_low=s.ci_low,
        ci_high=s.ci_high,
        unscored=s.unscored,
    )


def _rumour(
    move_id: str, dates: list[str], sources: list[str], r: RumourResolution
) -> OutletRumour:
    coach = r.names.get("coach") or r.coach
    team = r.names.get("team") or r.team
    return OutletRumour(
        move=EntityRef(id=move_id, name=f"{coach} → {team}", kind="move"),
        coach=EntityRef(id=r.coach, name=coach, kind="coach"),
        to=EntityRef(id=r.team, name=team or r.team, kind=r.names.get("team_kind") or "club")
        if r.team
        else None,
        reported=dates,
        sources=sources,
        resolution=resolution_public(r),
    )


@routes.get("/outlets", cached=True, response_model=OutletsPublic)
async def list_outlets(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    window_months: WindowQuery = DEFAULT_WINDOW_MONTHS,
) -> OutletsPublic:
    """Outlets ranked by the Wilson 95% lower bound of materialised / resolved rumours."""
    ranked, _ = await outlet_scores(repository(request), window_months=window_months)
    return OutletsPublic(
        confidence=0.95,
        window_months=window_months,
        items=[_score(s) for s in ranked[offset : offset + limit]],
        total=len(ranked),
        limit=limit,
        offset=offset,
    )


@routes.get(
    "/outlets/{outlet_id}",
    cached=True,
    response_model=OutletDetailPublic,
    responses=NOT_FOUND,
)
async def get_outlet(
    request: Request,
    outlet_id: Annotated[str, Path(max_length=200, description="the outlet's id")],
    window_months: WindowQuery = DEFAULT_WINDOW_MONTHS,
) -> OutletDetailPublic:
    """One outlet's score and rank, with each rumour it reported and what became of it."""
    rank, s, resolved = await outlet_score(
        repository(request), outlet_id, window_months=window_months
    )
    rumours = [
        _rumour(move_id, dates, sources, resolved[move_id])
        for move_id, (dates, sources) in sorted(s.rumours.items())
    ]
    return OutletDetailPublic(**_score(s).model_dump(), rank=rank, rumours=rumours)
