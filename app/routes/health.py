"""GET /health: is the API up, and can it reach Neo4j?"""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from app.deps import SettingsDep, repository
from app.routing import Routes
from graph.errors import GraphError

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
    """`ok` when Neo4j answers; 503 (with Retry-After) while it does not."""
    repo = repository(request)
    try:
        info = await repo.ping()
    except GraphError:
        body = HealthPublic(
            status="degraded", neo4j="down", detail="Neo4j is unreachable; retrying on each call"
        )
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
