"""GET /health: is the API up, and can it reach Neo4j?"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from app.deps import RepoDep, SettingsDep
from graph.errors import GraphError

router = APIRouter(tags=["health"])


class HealthPublic(BaseModel):
    status: str
    neo4j: str
    neo4j_version: str | None = None
    neo4j_edition: str | None = None
    graph_version: int | None = None
    detail: str | None = None


@router.get(
    "/health",
    response_model=HealthPublic,
    responses={503: {"model": HealthPublic, "description": "Neo4j is unreachable"}},
)
async def health(repo: RepoDep, settings: SettingsDep) -> HealthPublic | JSONResponse:
    """`ok` when Neo4j answers; 503 (with Retry-After) while it does not."""
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
    return HealthPublic(
        status="ok",
        neo4j="up",
        neo4j_version=info.get("version"),
        neo4j_edition=info.get("edition"),
        graph_version=info.get("graph_version"),
    )
