"""GET /health: is the API up, and can it reach Neo4j?"""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from app.deps import SettingsDep, repository
from app.routing import Routes
from graph.availability import State
from graph.errors import GraphBusyError, GraphError

routes = Routes(tags=["health"])


class CacheStatus(BaseModel):
    """The read endpoints' response cache (app/cache.py) since the process started."""

    enabled: bool
    entries: int = 0
    bytes: int = 0
    hits: int = 0
    misses: int = 0
    bypassed: int = 0
    shared: int = 0


class ReadsStatus(BaseModel):
    """Careers, timelines and influencer lists since the process started: concurrent requests
    share statements (graph/coalesce.py), so `statements` ≤ `requests`."""

    requests: int
    statements: int


class HealthPublic(BaseModel):
    status: str
    neo4j: str
    neo4j_version: str | None = None
    neo4j_edition: str | None = None
    graph_version: int | None = None
    detail: str | None = None
    cache: CacheStatus | None = None
    reads: ReadsStatus | None = None


def _cache_status(request: Request) -> CacheStatus:
    store, stats = request.app.state.response_store, request.app.state.cache_stats
    if store is None:
        return CacheStatus(enabled=False)
    return CacheStatus(
        enabled=True,
        entries=len(store),
        bytes=store.bytes,
        hits=stats.hits,
        misses=stats.misses,
        bypassed=stats.bypassed,
        shared=stats.shared,
    )


@routes.get(
    "/health",
    cached=False,
    response_model=HealthPublic,
    responses={503: {"model": HealthPublic, "description": "Neo4j is unreachable"}},
)
async def health(request: Request, settings: SettingsDep) -> HealthPublic | JSONResponse:
    """`ok` when Neo4j answers; 503 (with Retry-After) while it does not: `neo4j` is `down`
    (unreachable), `warming` (back, and warming up) or `busy` (answering too slowly)."""
    repo = repository(request)
    try:
        info = await repo.ping()
    except GraphError as exc:
        # While Neo4j is known to be down or warming up this answers at once, from the state a
        # background probe keeps (graph/availability.py).
        state = repo.availability.state
        if state is State.warming:
            neo4j, detail = "warming", "Neo4j is back and warming up"
        elif isinstance(exc, GraphBusyError):
            neo4j, detail = "busy", "Neo4j answers too slowly"
        else:
            neo4j, detail = "down", "Neo4j is unreachable; probing it in the background"
        body = HealthPublic(status="degraded", neo4j=neo4j, detail=detail)
        return JSONResponse(
            body.model_dump(),
            status_code=503,
            headers={"Retry-After": str(settings.retry_after_seconds)},
        )
    answered, statements = repo.coalesced()
    return HealthPublic(
        status="ok",
        neo4j="up",
        neo4j_version=info.get("version"),
        neo4j_edition=info.get("edition"),
        graph_version=info.get("graph_version"),
        cache=_cache_status(request),
        reads=ReadsStatus(requests=answered, statements=statements),
    )
