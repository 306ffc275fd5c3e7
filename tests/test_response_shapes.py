"""Careers, team timelines and influencer lists are sent as built (app/responses.py), without
FastAPI validating them against their response models: every such body must be exactly what its
model would send. Each body is validated by the model and dumped again: a missing field, an extra
one, a wrong type or a value the model would change fails."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from pydantic import BaseModel

from graph.loader import load
from graph.models import CareerPublic, InfluencersPublic, TeamCoachesPublic
from tests.conftest import SEEDS
from tests.utils import API_FIXTURE, disputing_seeds, wipe

DAYS = [None, "1990-01-01", "2011-01-01", "2014-06-15", "2024-06-01", "2025-01-15"]
ROLE_FILTERS: list[list[str]] = [[], ["head"], ["assistant", "caretaker"]]
PAGES = [(200, 0), (1, 1)]


@pytest.fixture(scope="module")
def both_graphs(driver: Driver, tmp_path_factory: pytest.TempPathFactory) -> Driver:
    """The API fixture, the seeds and a disputed tenure, in one graph."""
    wipe(driver)
    disputing = disputing_seeds(tmp_path_factory.mktemp("disputing"))
    load([API_FIXTURE, SEEDS, disputing], driver, "neo4j")
    return driver


def _ids(driver: Driver, label: str) -> list[str]:
    records, _, _ = driver.execute_query(
        "MATCH (n) WHERE $label IN labels(n) RETURN n.id AS id ORDER BY id", label=label
    )
    return [r["id"] for r in records]


def _checked(
    api: TestClient, model: type[BaseModel], requests: list[tuple[str, dict[str, Any]]]
) -> list[dict[str, Any]]:
    """The 200 bodies of `requests` (path, query), each held to `model`."""
    bodies = []
    for path, params in requests:
        response = api.get(path, params=params)
        assert response.status_code == 200, (path, params, response.text)
        assert response.headers["content-type"] == "application/json"
        body: dict[str, Any] = response.json()
        assert model.model_validate(body).model_dump(mode="json") == body, (path, params)
        bodies.append(body)
    return bodies


def test_careers_hold_to_their_model(both_graphs: Driver, client: TestClient) -> None:
    coaches = _ids(both_graphs, "Coach")
    assert len(coaches) > 10
    requests = [
        (f"/coaches/{coach}/career", {"role": roles, "limit": limit, "offset": offset})
        for coach in coaches
        for roles in ROLE_FILTERS
        for limit, offset in PAGES
    ]
    bodies = _checked(client, CareerPublic, requests)
    # the claims of a disputed tenure were among the bodies checked
    assert any(t["claims"] for body in bodies for t in body["tenures"])


def test_timelines_hold_to_their_model(both_graphs: Driver, client: TestClient) -> None:
    teams = _ids(both_graphs, "Team")
    assert len(teams) > 10
    requests = [
        (f"/teams/{team}/coaches", {"at": day} if day else {}) for team in teams for day in DAYS
    ]
    bodies = _checked(client, TeamCoachesPublic, requests)
    assert any(body["in_charge"] for body in bodies)
    paged = {"role": ["assistant"], "limit": 1, "offset": 1}
    _checked(client, TeamCoachesPublic, [(f"/teams/{team}/coaches", paged) for team in teams])


def test_influencer_lists_hold_to_their_model(both_graphs: Driver, client: TestClient) -> None:
    moves = _ids(both_graphs, "Move")
    assert len(moves) > 3
    requests = [
        (f"/moves/{move}/influencers", {"polarity": polarity} if polarity else {})
        for move in moves
        for polarity in (None, "for", "against")
    ]
    assert any(body["items"] for body in _checked(client, InfluencersPublic, requests))
