"""GET /search: entities by name or alias."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request

from app.deps import repository
from app.routes.common import ERRORS, Limit, Offset
from app.routing import Routes
from graph.models import SearchKind, SearchPublic
from graph.reads.search import search

routes = Routes(tags=["search"], responses=ERRORS)


@routes.get("/search", cached=True, response_model=SearchPublic)
async def search_entities(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200, description="a name or part of one")],
    kind: Annotated[SearchKind | None, Query(description="narrow to one kind")] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> SearchPublic:
    """Coaches, people, teams and outlets by name or alias, accent- and case-insensitive,
    partial names too ("ancelotti", "Conceicao", "Blancos"), best match first."""
    return await search(repository(request), q, kind, limit, offset)
