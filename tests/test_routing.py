"""Routes are declared with their resource (app/routing.py): one flat table, nothing lost on the
way, and the response cache knows which routes declared themselves cached."""

from __future__ import annotations

from fastapi import Depends, FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from app.main import create_app
from app.routes import RESOURCES
from app.routing import CacheablePaths, Routes
from app.settings import ApiSettings


def test_every_route_of_the_app_is_in_its_own_table() -> None:
    app = create_app(ApiSettings(neo4j_password="unused"))
    kinds = {type(route).__name__ for route in app.router.routes}
    # APIRoutes, FastAPI's own docs routes and the /static mount; no nested router.
    assert kinds == {"APIRoute", "Route", "Mount"}, kinds
    paths = {route.path for route in app.router.routes if isinstance(route, APIRoute)}
    assert {"/coaches/{coach_id}/career", "/moves/{move_id}/influencers", "/"} <= paths


def test_prefix_tags_responses_and_schema_flags_come_with_the_routes() -> None:
    routes = Routes(prefix="/things", tags=["things"], responses={418: {"description": "tea"}})

    @routes.get("/{thing_id}", cached=True)
    async def thing(thing_id: str) -> dict[str, str]:
        return {"id": thing_id}

    hidden = Routes(include_in_schema=False)

    @hidden.get("/hidden", cached=False)
    async def secret() -> dict[str, str]:
        return {}

    app = FastAPI()
    cacheable = CacheablePaths()
    routes.install(app, cacheable)
    hidden.install(app, cacheable)
    client = TestClient(app)
    assert client.get("/things/a").json() == {"id": "a"}
    assert client.get("/hidden").status_code == 200
    operation = app.openapi()["paths"]["/things/{thing_id}"]["get"]
    assert operation["tags"] == ["things"] and "418" in operation["responses"]
    assert "/hidden" not in app.openapi()["paths"]
    assert "/things/a" in cacheable
    assert "/hidden" not in cacheable
    assert "/things" not in cacheable and "/things/a/b" not in cacheable


def test_route_dependencies_run() -> None:
    calls: list[str] = []

    async def guard() -> None:
        calls.append("guard")

    routes = Routes(prefix="/guarded")

    @routes.post("", dependencies=[Depends(guard)])
    async def guarded() -> dict[str, str]:
        return {}

    app = FastAPI()
    routes.install(app, CacheablePaths())
    assert TestClient(app).post("/guarded").status_code == 200
    assert calls == ["guard"]


def test_the_app_caches_exactly_the_routes_declared_cached() -> None:
    app = create_app(ApiSettings(neo4j_password="unused"))
    declared = {
        resource.prefix + route.path: route.cached
        for resource in RESOURCES
        for route in resource._routes
    }
    assert declared["/coaches/{coach_id}/career"] and declared["/moves"]
    assert not declared["/health"] and not declared["/articles"]
    cacheable = CacheablePaths()
    for resource in RESOURCES:
        resource.install(FastAPI(), cacheable)
    samples = {
        "/coaches/carlo-ancelotti/career": True,
        "/teams/as-roma/coaches": True,
        "/teams/as-roma/succession": True,
        "/moves": True,
        "/moves/m-1/influencers": True,
        "/search": True,
        "/analytics/hubs": True,
        "/outlets/tuttosport": True,
        "/health": False,
        "/articles": False,
        "/": False,
        "/static/app.js": False,
        "/docs": False,
    }
    assert {path: path in cacheable for path in samples} == samples
    assert app.router.routes
