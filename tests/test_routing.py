"""The app's routes stand in one flat table (app/routing.py), and nothing is lost on the way."""

from __future__ import annotations

import pytest
from fastapi import APIRouter, Depends, FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from app.main import create_app
from app.routing import add_routes
from app.settings import ApiSettings


def test_every_route_of_the_app_is_in_its_own_table() -> None:
    app = create_app(ApiSettings(neo4j_password="unused"))
    kinds = {type(route).__name__ for route in app.router.routes}
    # APIRoutes, FastAPI's own docs routes and the /static mount; no nested router.
    assert kinds == {"APIRoute", "Route", "Mount"}, kinds
    paths = {route.path for route in app.router.routes if isinstance(route, APIRoute)}
    assert {"/coaches/{coach_id}/career", "/moves/{move_id}/influencers", "/"} <= paths


def test_prefix_tags_responses_and_schema_flags_come_with_the_routes() -> None:
    router = APIRouter(prefix="/things", tags=["things"], responses={418: {"description": "tea"}})

    @router.get("/{thing_id}")
    async def thing(thing_id: str) -> dict[str, str]:
        return {"id": thing_id}

    hidden = APIRouter(include_in_schema=False)

    @hidden.get("/hidden")
    async def secret() -> dict[str, str]:
        return {}

    app = FastAPI()
    add_routes(app, router, hidden)
    client = TestClient(app)
    assert client.get("/things/a").json() == {"id": "a"}
    assert client.get("/hidden").status_code == 200
    operation = app.openapi()["paths"]["/things/{thing_id}"]["get"]
    assert operation["tags"] == ["things"] and "418" in operation["responses"]
    assert "/hidden" not in app.openapi()["paths"]


def test_a_routers_dependencies_still_run() -> None:
    calls: list[str] = []

    async def guard() -> None:
        calls.append("guard")

    router = APIRouter(prefix="/guarded", dependencies=[Depends(guard)])

    @router.get("")
    async def guarded() -> dict[str, str]:
        return {}

    app = FastAPI()
    add_routes(app, router)
    assert TestClient(app).get("/guarded").status_code == 200
    assert calls == ["guard"]


def test_a_router_holding_what_its_routes_do_not_is_refused() -> None:
    router = APIRouter(prefix="/limited", max_body_size=10)

    @router.post("")
    async def limited() -> dict[str, str]:
        return {}

    with pytest.raises(ValueError, match="/limited has body or form limits"):
        add_routes(FastAPI(), router)
