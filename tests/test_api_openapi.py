"""The OpenAPI schema validates and documents every endpoint with its parameters and models."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from openapi_spec_validator import validate

from app.main import create_app
from app.settings import ApiSettings

ENDPOINTS: dict[str, tuple[set[str], str]] = {
    "/search": ({"q", "kind", "limit", "offset"}, "SearchPublic"),
    "/coaches/{coach_id}/career": ({"coach_id", "role", "limit", "offset"}, "CareerPublic"),
    "/teams/{team_id}/coaches": (
        {"team_id", "at", "role", "limit", "offset"},
        "TeamCoachesPublic",
    ),
    "/moves": (
        {"coach", "from", "to", "status", "outlet", "since", "resolution", "limit", "offset"},
        "MovesPublic",
    ),
    "/moves/{move_id}": ({"move_id"}, "MoveDetailPublic"),
    "/moves/{move_id}/influencers": (
        {"move_id", "polarity", "limit", "offset"},
        "InfluencersPublic",
    ),
    "/paths": ({"from", "to", "max_hops", "limit", "k"}, "PathsPublic"),
    "/graph": ({"center", "depth", "limit"}, "GraphPublic"),
    "/health": (set(), "HealthPublic"),
}


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    # The schema needs no database: the app is never started (no lifespan).
    app = create_app(ApiSettings(neo4j_password="unused"))
    return TestClient(app).app.openapi()  # type: ignore[attr-defined, no-any-return]


def test_schema_validates(schema: dict[str, Any]) -> None:
    validate(schema)


@pytest.mark.parametrize("path", sorted(ENDPOINTS))
def test_every_endpoint_with_parameters_and_response_model(
    schema: dict[str, Any], path: str
) -> None:
    params, model = ENDPOINTS[path]
    operation = schema["paths"][path]["get"]
    assert {p["name"] for p in operation.get("parameters", [])} == params
    ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok["$ref"].endswith(f"/{model}")
    assert "503" in operation["responses"]
    if path != "/health":
        assert "422" in operation["responses"]
    if "{" in path or path in ("/paths", "/graph", "/moves"):
        assert "404" in operation["responses"]
