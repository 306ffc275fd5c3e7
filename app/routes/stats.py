"""GET /stats: what the graph covers, and when it was last loaded."""

from __future__ import annotations

from fastapi import Request

from app.deps import repository
from app.routes.common import ERRORS
from app.routing import Routes
from graph.models import StatsPublic
from graph.reads.stats import stats

routes = Routes(tags=["stats"], responses={503: ERRORS[503]})


@routes.get("/stats", cached=True, response_model=StatsPublic)
async def graph_stats(request: Request) -> StatsPublic:
    """Counts by kind; tenures by the kind of their best-ranked source (data sets by
    publisher), by start-date precision, and disputed; input rows the imports refused, by file;
    the graph's version and when it was last written; a few coaches to try."""
    return await stats(repository(request))
