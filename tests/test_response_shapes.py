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
from graph.reads.models import CareerPublic, InfluencersPublic, TeamCoachesPublic
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


def _holds_to(model: type[BaseModel], body: dict[str, Any]) -> None:
    assert model.model_validate(body).model_dump(mode="json") == body


def _get(api: TestClient, path: str, **params: Any) -> dict[str, Any]:
    response = api.get(path, params=params)
    assert response.status_code == 200, (path, params, response.text)
    assert response.headers["content-type"] == "application/json"
    body: dict[str, Any] = response.json()
    return body


def test_careers_hold_to_their_model(both_graphs: Driver, client: TestClient) -> None:
    coaches = _ids(both_graphs, "Coach")
    assert len(coaches) > 10
    disputed = 0
    for coach in coaches:
        for roles in ROLE_FILTERS:
            for limit, offset in PAGES:
                body = _get(
                    client, f"/coaches/{coach}/career", role=roles, limit=limit, offset=offset
                )
                _holds_to(CareerPublic, body)
                disputed += sum(1 for t in body["tenures"] if t["claims"])
    assert disputed  # the claims of a disputed tenure were among the bodies checked


def test_timelines_hold_to_their_model(both_graphs: Driver, client: TestClient) -> None:
    teams = _ids(both_graphs, "Team")
    assert len(teams) > 10
    in_charge = 0
    for team in teams:
        for day in DAYS:
            body = _get(client, f"/teams/{team}/coaches", **({"at": day} if day else {}))
            _holds_to(TeamCoachesPublic, body)
            in_charge += len(body["in_charge"])
        body = _get(client, f"/teams/{team}/coaches", role=["assistant"], limit=1, offset=1)
        _holds_to(TeamCoachesPublic, body)
    assert in_charge


def test_influencer_lists_hold_to_their_model(both_graphs: Driver, client: TestClient) -> None:
    moves = _ids(both_graphs, "Move")
    assert len(moves) > 3
    seen = 0
    for move in moves:
        for polarity in (None, "for", "against"):
            params = {"polarity": polarity} if polarity else {}
            body = _get(client, f"/moves/{move}/influencers", **params)
            _holds_to(InfluencersPublic, body)
            seen += len(body["items"])
    assert seen
