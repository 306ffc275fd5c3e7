"""The issue's "done when" against the curated seeds (seeds/) in the real Neo4j."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver


@pytest.fixture
def api(seeded_module: Driver, client: TestClient) -> TestClient:
    return client


def test_every_club_ancelotti_has_coached(api: TestClient) -> None:
    body = api.get("/coaches/carlo-ancelotti/career").json()
    tenures = body["tenures"]
    teams = [t["team"]["id"] for t in tenures]
    assert "ac-milan" in teams
    assert teams.count("real-madrid") == 2  # two spells
    starts = [t["start"] for t in tenures]
    assert starts == sorted(starts)  # chronological
    madrid = [t for t in tenures if t["team"]["id"] == "real-madrid"]
    assert [t["id"] for t in madrid] == ["ancelotti-real-madrid-1", "ancelotti-real-madrid-2"]
    assert all(t["sources"] for t in tenures)
    assert body["total"] == len(tenures)


def test_who_influenced_ancelotti_to_roma(api: TestClient) -> None:
    body = api.get("/moves/ancelotti-as-roma-2025/influencers").json()
    assert body["move"]["id"] == "ancelotti-as-roma-2025"
    ranieri = [i for i in body["items"] if i["person"]["id"] == "claudio-ranieri"]
    assert len(ranieri) == 1
    assert ranieri[0]["polarity"] == "for"
    assert ranieri[0]["person"]["name"] == "Claudio Ranieri"
    assert ranieri[0]["source"]["kind"] == "article"
    assert "Ranieri" in ranieri[0]["evidence"]
    move = api.get("/moves/ancelotti-as-roma-2025").json()
    assert move["to"]["id"] == "as-roma"
    assert "tuttosport" in [r["outlet"]["id"] for r in move["reports"] if r["outlet"]]


def test_roma_in_charge_inside_and_between_tenures(api: TestClient) -> None:
    inside = api.get("/teams/as-roma/coaches", params={"at": "2019-04-15"}).json()
    assert [i["coach"]["id"] for i in inside["in_charge"]] == ["claudio-ranieri"]
    current = inside["in_charge"][0]
    assert current["predecessor"]["id"] == "eusebio-di-francesco"
    assert current["successor"]["id"] == "paulo-fonseca"
    # Jurić left on 2024-11-10, Ranieri came back on 2024-11-14
    between = api.get("/teams/as-roma/coaches", params={"at": "2024-11-12"}).json()
    assert between["in_charge"] == []


def test_path_between_ancelotti_and_conceicao_via_milan(api: TestClient) -> None:
    body = api.get("/paths", params={"from": "carlo-ancelotti", "to": "sergio-conceicao"}).json()
    assert body["paths"]
    assert {p["length"] for p in body["paths"]} == {2}
    middles = {p["nodes"][1]["id"] for p in body["paths"]}
    assert "ac-milan" in middles


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("ancelotti", "carlo-ancelotti"),
        ("Conceicao", "sergio-conceicao"),
        ("Blancos", "real-madrid"),
        ("Roma", "as-roma"),
        ("tuttosport", "tuttosport"),
    ],
)
def test_search_the_issue_examples(api: TestClient, q: str, expected: str) -> None:
    body = api.get("/search", params={"q": q}).json()
    assert body["items"][0]["id"] == expected


def test_moves_and_graph_on_the_seeds(api: TestClient) -> None:
    moves = api.get("/moves", params={"coach": "carlo-ancelotti", "outlet": "tuttosport"}).json()
    assert [m["id"] for m in moves["items"]] == ["ancelotti-as-roma-2025"]
    graph = api.get("/graph", params={"center": "carlo-ancelotti", "depth": 2}).json()
    kinds = {n["kind"] for n in graph["nodes"]}
    assert {"coach", "club", "move"} <= kinds
    assert len(graph["nodes"]) <= 150
    labels = {e["label"] for e in graph["edges"] if e["tenure"] == "ancelotti-real-madrid-1"}
    assert labels == {"2013–2015"}
