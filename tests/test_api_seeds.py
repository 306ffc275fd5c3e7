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


# --- rumour resolution (issue 7) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("move", "reason"),
    [
        # Ancelotti became Brazil's head coach, Roma appointed Gasperini
        ("ancelotti-as-roma-2025", {"coach_started_elsewhere", "team_appointed_other"}),
        ("ancelotti-ac-milan-2025", {"coach_started_elsewhere", "team_appointed_other"}),
    ],
)
def test_the_seed_rumours_of_2025_did_not_happen(
    api: TestClient, move: str, reason: set[str]
) -> None:
    resolution = api.get(f"/moves/{move}").json()["resolution"]
    assert resolution["resolution"] == "did_not_happen"
    assert resolution["reason"] in reason
    assert resolution["rumour"] is True
    assert resolution["decided_by"]["id"]


def test_the_brazil_rumour_came_true_only_after_its_window(api: TestClient) -> None:
    resolution = api.get("/moves/ancelotti-brazil-2024").json()["resolution"]
    assert resolution["resolution"] == "did_not_happen"
    assert resolution["reason"] == "window_expired"
    late = resolution["came_true_late"]
    assert (late["id"], late["team"]) == ("ancelotti-brazil", "brazil-national-team")


def test_moves_filtered_by_resolution(api: TestClient) -> None:
    body = api.get("/moves", params={"resolution": "did_not_happen", "limit": 200}).json()
    found = {m["id"] for m in body["items"]}
    assert {"ancelotti-as-roma-2025", "ancelotti-ac-milan-2025", "ancelotti-brazil-2024"} <= found
    assert body["total"] == len(body["items"])
    assert {m["resolution"]["resolution"] for m in body["items"]} == {"did_not_happen"}
    # combined with the other filters (AND)
    roma = api.get(
        "/moves",
        params={"resolution": "did_not_happen", "to": "as-roma", "coach": "carlo-ancelotti"},
    ).json()
    assert [m["id"] for m in roma["items"]] == ["ancelotti-as-roma-2025"]
    for other in ("materialised", "open"):
        items = api.get("/moves", params={"resolution": other, "limit": 200}).json()["items"]
        assert found.isdisjoint(m["id"] for m in items)
        assert {m["resolution"]["resolution"] for m in items} <= {other}
    # moves that are not appointments have no resolution and match no resolution filter
    departure = api.get("/moves/ancelotti-real-madrid-departure-2025").json()
    assert departure["resolution"] is None
    everything = api.get("/moves", params={"limit": 200}).json()["items"]
    assert "ancelotti-real-madrid-departure-2025" in [m["id"] for m in everything]


def test_bogus_resolution_is_422(api: TestClient) -> None:
    response = api.get("/moves", params={"resolution": "bogus"})
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "invalid_request"
    assert body["detail"][0]["loc"] == ["query", "resolution"]


# --- k shortest simple paths (issue 7) ---------------------------------------------------------


def test_k_shortest_paths_between_ancelotti_and_conceicao(api: TestClient) -> None:
    params = {"from": "carlo-ancelotti", "to": "sergio-conceicao", "k": 3}
    body = api.get("/paths", params=params).json()
    assert body["k"] == 3
    assert body["from"]["id"] == "carlo-ancelotti" and body["to"]["id"] == "sergio-conceicao"
    paths = body["paths"]
    assert 1 <= len(paths) <= 3
    lengths = [p["length"] for p in paths]
    assert lengths == sorted(lengths) and lengths[0] == 2  # fewest hops first
    sequences = [tuple(n["id"] for n in p["nodes"]) for p in paths]
    assert len(set(sequences)) == len(sequences)  # distinct
    for path in paths:
        assert path["nodes"][0]["id"] == "carlo-ancelotti"
        assert path["nodes"][-1]["id"] == "sergio-conceicao"
        assert len(path["relationships"]) == path["length"] == len(path["nodes"]) - 1
    # without k the Cypher all-shortest-paths answer is unchanged
    default = api.get("/paths", params={"from": "carlo-ancelotti", "to": "sergio-conceicao"})
    assert default.json()["k"] is None
    assert {p["length"] for p in default.json()["paths"]} == {2}


@pytest.mark.parametrize("k", [0, 11, "x"])
def test_k_outside_1_to_10_is_422(api: TestClient, k: object) -> None:
    params = {"from": "carlo-ancelotti", "to": "sergio-conceicao", "k": k}
    response = api.get("/paths", params=params)
    assert response.status_code == 422
    assert response.json()["error"] == "invalid_request"


# --- /graph: move edges and nodes carry what the page's as-of slider needs -------------------


def test_graph_move_edges_carry_status_and_move_nodes_dates(api: TestClient) -> None:
    body = api.get("/graph", params={"center": "ancelotti-as-roma-2025"}).json()
    move = next(n for n in body["nodes"] if n["id"] == "ancelotti-as-roma-2025")
    assert (move["first_reported"], move["last_reported"]) == ("2025-01", "2025-06-06")
    edges = {e["type"]: e for e in body["edges"] if e["source"] == "ancelotti-as-roma-2025"}
    for kind in ("MOVE_OF", "FROM_TEAM", "TO_TEAM"):
        assert edges[kind]["status"] == "collapsed", kind
    coach = next(n for n in body["nodes"] if n["id"] == "carlo-ancelotti")
    assert coach["first_reported"] is None and coach["status"] is None
