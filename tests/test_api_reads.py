"""Every read endpoint against a small fixture graph (tests/fixtures/api) in the real Neo4j."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

pytest_plugins = ["tests.conftest_api"]


@pytest.fixture
def api(api_graph: Driver, client: TestClient) -> TestClient:
    return client


def ids(items: list[dict[str, object]], key: str = "id") -> list[object]:
    return [item[key] for item in items]


# --- /search ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("rossi", "mario-rossi"),
        ("ROSSI", "mario-rossi"),
        ("Conceicao", "joao-conceicao"),
        ("conceição", "joao-conceicao"),
        ("João", "joao-conceicao"),
        ("béticos", "beta-united"),
        ("Beticos", "beta-united"),
        ("Alfa", "alfa-fc"),
        ("gazzetta", "gazzetta"),
        ("rosea", "gazzetta"),
        ("marion", "mario-rossi"),  # prefix of an alias
        ("nited", "beta-united"),  # inside a name
        ("Bianchii", "luigi-bianchi"),  # a typo: full-text fuzzy match
    ],
)
def test_search_finds_names_and_aliases_ignoring_case_and_accents(
    api: TestClient, q: str, expected: str
) -> None:
    body = api.get("/search", params={"q": q}).json()
    assert body["query"] == q
    assert body["items"], body
    assert body["items"][0]["id"] == expected


def test_search_ranks_exact_above_prefix_above_fuzzy(api: TestClient) -> None:
    body = api.get("/search", params={"q": "verdi"}).json()
    top = body["items"][0]
    assert top == {
        "id": "anna-verdi",
        "name": "Anna Verdi",
        "kind": "coach",
        "score": top["score"],
        "aliases": ["Verdi"],
    }
    scores = [float(item["score"]) for item in body["items"]]
    assert scores == sorted(scores, reverse=True)
    exact = api.get("/search", params={"q": "rossi"}).json()["items"][0]["score"]
    prefix = api.get("/search", params={"q": "ross"}).json()["items"][0]["score"]
    fuzzy = api.get("/search", params={"q": "rosssi"}).json()["items"][0]["score"]
    assert exact > prefix > fuzzy > 0


def test_search_kind_filter(api: TestClient) -> None:
    everything = api.get("/search", params={"q": "a"}).json()
    teams = api.get("/search", params={"q": "a", "kind": "team"}).json()
    assert {i["kind"] for i in teams["items"]} <= {"club", "national"}
    assert teams["total"] < everything["total"]
    people = api.get("/search", params={"q": "neri", "kind": "person"}).json()
    assert ids(people["items"]) == ["piero-neri"]
    assert people["items"][0]["kind"] == "person"
    coaches = api.get("/search", params={"q": "neri", "kind": "coach"}).json()
    assert coaches["items"] == []
    outlets = api.get("/search", params={"q": "gazzetta", "kind": "outlet"}).json()
    assert ids(outlets["items"]) == ["gazzetta"]


def test_search_paginates(api: TestClient) -> None:
    full = api.get("/search", params={"q": "a", "limit": 200}).json()
    assert full["total"] == len(full["items"]) > 3
    page = api.get("/search", params={"q": "a", "limit": 2, "offset": 1}).json()
    assert (page["total"], page["limit"], page["offset"]) == (full["total"], 2, 1)
    assert page["items"] == full["items"][1:3]


def test_search_pages_are_slices_of_the_full_ranking(api: TestClient) -> None:
    full = api.get("/search", params={"q": "a", "limit": 200}).json()
    n = full["total"]
    for offset, limit in [(0, 1), (2, 3), (n - 1, 5), (n, 5), (n + 10, 5)]:
        page = api.get("/search", params={"q": "a", "limit": limit, "offset": offset}).json()
        assert page["total"] == n
        assert page["items"] == full["items"][offset : offset + limit]
    nothing = api.get("/search", params={"q": "zzzqqq"}).json()
    assert (nothing["items"], nothing["total"]) == ([], 0)


# --- /coaches/{id}/career --------------------------------------------------------------------


def test_career_is_chronological_with_sources_and_current_job(api: TestClient) -> None:
    body = api.get("/coaches/mario-rossi/career").json()
    assert body["coach"] == {"id": "mario-rossi", "name": "Mario Rossi", "kind": "coach"}
    assert ids(body["tenures"]) == ["rossi-alfa-1", "rossi-alfa-2"]
    assert body["total"] == 2
    first, second = body["tenures"]
    assert first["team"] == {"id": "alfa-fc", "name": "Alfa FC", "kind": "club"}
    assert (first["start"], first["start_precision"]) == ("2010-07-01", "day")
    assert (first["end"], first["end_precision"]) == ("2012-06-30", "day")
    assert first["sources"] == [
        {
            "id": "ref-1",
            "kind": "reference",
            "title": "Reference page",
            "url": "https://example.org/coaches",
            "date": None,
            "evidence": None,
        }
    ]
    assert (first["disputed"], first["claims"]) == (False, [])  # claims only when disputed
    assert second["end"] is None
    assert second["contract_until"] == "2027-06-30"
    assert ids(second["sources"]) == ["ref-1", "art-1"]  # the curated reference first
    assert second["sources"][1]["evidence"] == "Mario Rossi potrebbe lasciare l'Alfa FC"
    assert body["current"]["id"] == "rossi-alfa-2"


def test_career_roles_and_pagination(api: TestClient) -> None:
    body = api.get("/coaches/luigi-bianchi/career").json()
    assert [t["role"] for t in body["tenures"]] == ["assistant"]
    assert body["current"] is None
    heads = api.get("/coaches/luigi-bianchi/career", params={"role": "head"}).json()
    assert heads["tenures"] == [] and heads["total"] == 0
    page = api.get("/coaches/mario-rossi/career", params={"limit": 1, "offset": 1}).json()
    assert ids(page["tenures"]) == ["rossi-alfa-2"]
    assert (page["total"], page["limit"], page["offset"]) == (2, 1, 1)
    assert page["current"]["id"] == "rossi-alfa-2"


def test_career_of_a_non_coach_is_404(api: TestClient) -> None:
    response = api.get("/coaches/piero-neri/career")
    assert response.status_code == 404
    assert response.json() == {
        "error": "not_found",
        "detail": "coach 'piero-neri' not found",
        "kind": "coach",
        "id": "piero-neri",
    }


# --- /teams/{id}/coaches ---------------------------------------------------------------------


def test_team_timeline_with_predecessors_and_successors(api: TestClient) -> None:
    body = api.get("/teams/alfa-fc/coaches").json()
    assert body["team"] == {"id": "alfa-fc", "name": "Alfa FC", "kind": "club"}
    assert body["at"] is None and body["in_charge"] == []
    assert ids(body["items"], "tenure_id") == [
        "rossi-alfa-1",
        "verdi-alfa",
        "conceicao-alfa-caretaker",
        "rossi-alfa-2",
    ]
    first, verdi, caretaker, last = body["items"]
    assert first["predecessor"] is None
    assert first["successor"] == {"id": "anna-verdi", "name": "Anna Verdi", "kind": "coach"}
    assert verdi["predecessor"]["id"] == "mario-rossi"
    assert verdi["predecessor_tenure"] == "rossi-alfa-1"
    assert caretaker["role"] == "caretaker"
    assert caretaker["coach"]["name"] == "João Conceição"
    assert caretaker["successor_tenure"] == "rossi-alfa-2"
    assert last["successor"] is None and last["end"] is None


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        ("2011-05-05", ["rossi-alfa-1"]),  # inside a tenure
        ("2012-07-15", []),  # between two tenures
        ("2012-06-30", ["rossi-alfa-1"]),  # last day
        ("2014-05-31", ["verdi-alfa"]),  # "2014-05" may end on the month's last day
        ("2014-06-15", ["conceicao-alfa-caretaker"]),  # a caretaker
        ("2030-01-01", ["rossi-alfa-2"]),  # ongoing
        ("2009-01-01", []),  # before anyone
    ],
)
def test_team_coaches_at_a_date(api: TestClient, at: str, expected: list[str]) -> None:
    body = api.get("/teams/alfa-fc/coaches", params={"at": at}).json()
    assert body["at"] == at
    assert ids(body["in_charge"], "tenure_id") == expected
    assert body["total"] == 4


def test_team_timeline_assistants_only_when_asked(api: TestClient) -> None:
    body = api.get("/teams/alfa-fc/coaches", params={"role": "assistant"}).json()
    assert ids(body["items"], "tenure_id") == ["bianchi-alfa-assistant"]
    assert body["items"][0]["predecessor"] is None
    both = api.get(
        "/teams/alfa-fc/coaches", params=[("role", "head"), ("role", "assistant")]
    ).json()
    assert both["total"] == 4
    assert "bianchi-alfa-assistant" in ids(both["items"], "tenure_id")
    at = api.get(
        "/teams/alfa-fc/coaches", params=[("role", "assistant"), ("at", "2012-01-01")]
    ).json()
    assert ids(at["in_charge"], "tenure_id") == ["bianchi-alfa-assistant"]


def test_team_timeline_paginates(api: TestClient) -> None:
    body = api.get("/teams/alfa-fc/coaches", params={"limit": 2, "offset": 2}).json()
    assert ids(body["items"], "tenure_id") == ["conceicao-alfa-caretaker", "rossi-alfa-2"]
    assert (body["total"], body["limit"], body["offset"]) == (4, 2, 2)
    # predecessors are computed over the whole timeline, not the page
    assert body["items"][0]["predecessor"]["id"] == "anna-verdi"


# --- /moves ----------------------------------------------------------------------------------


def test_moves_list_with_reports(api: TestClient) -> None:
    body = api.get("/moves").json()
    assert ids(body["items"]) == ["rossi-beta-2025", "verdi-gamma-2023"]
    move = body["items"][0]
    assert move["name"] == "Mario Rossi → Beta United"
    assert move["coach"] == {"id": "mario-rossi", "name": "Mario Rossi", "kind": "coach"}
    assert move["from"] == {"id": "alfa-fc", "name": "Alfa FC", "kind": "club"}
    assert move["to"]["id"] == "beta-united"
    assert (move["status"], move["kind"]) == ("rumoured", "appointment")
    assert (move["first_reported"], move["last_reported"]) == ("2025-01", "2025-01")
    assert move["reports"] == [
        {
            "source": {
                "id": "art-1",
                "title": "Rossi verso il Beta",
                "url": None,
                "date": "2025-01",
                "kind": "article",
            },
            "outlet": {"id": "gazzetta", "name": "La Gazzetta dello Sport", "kind": "outlet"},
            "date": "2025-01",
            "status": "rumoured",
            "evidence": "Secondo la Gazzetta",
        }
    ]
    assert body["items"][1]["from"] is None


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"coach": "mario-rossi"}, ["rossi-beta-2025"]),
        ({"coach": "luigi-bianchi"}, []),
        ({"from": "alfa-fc"}, ["rossi-beta-2025"]),
        ({"to": "gamma-nt"}, ["verdi-gamma-2023"]),
        ({"status": "collapsed"}, ["verdi-gamma-2023"]),
        ({"outlet": "gazzetta"}, ["rossi-beta-2025", "verdi-gamma-2023"]),  # cites / publishes
        ({"since": "2024-12-31"}, ["rossi-beta-2025"]),
        ({"since": "2025-01-31"}, ["rossi-beta-2025"]),  # "2025-01" may be the 31st
        ({"since": "2025-02-01"}, []),
        ({"coach": "mario-rossi", "status": "collapsed"}, []),
    ],
)
def test_moves_filters(api: TestClient, params: dict[str, str], expected: list[str]) -> None:
    body = api.get("/moves", params=params).json()
    assert ids(body["items"]) == expected
    assert body["total"] == len(expected)


def test_moves_paginate(api: TestClient) -> None:
    body = api.get("/moves", params={"limit": 1, "offset": 1}).json()
    assert ids(body["items"]) == ["verdi-gamma-2023"]
    assert (body["total"], body["limit"], body["offset"]) == (2, 1, 1)
    empty = api.get("/moves", params={"offset": 5}).json()
    assert empty["items"] == [] and empty["total"] == 2


def test_move_detail_and_influencers(api: TestClient) -> None:
    move = api.get("/moves/rossi-beta-2025").json()
    assert move["id"] == "rossi-beta-2025"
    assert move["reports"][0]["outlet"]["id"] == "gazzetta"
    bianchi = {
        "person": {"id": "luigi-bianchi", "name": "Luigi Bianchi", "kind": "coach"},
        "polarity": "for",
        "how": "convincing him",
        "evidence": "Con Luigi Bianchi a convincerlo",
        "source": {"id": "art-1", "title": "Rossi verso il Beta", "url": None, "kind": "article"},
    }
    assert move["influencers"][0] == bianchi
    assert move["influencers"][1]["person"]["kind"] == "person"

    body = api.get("/moves/rossi-beta-2025/influencers").json()
    assert body["move"] == {
        "id": "rossi-beta-2025",
        "name": "Mario Rossi → Beta United",
        "kind": "move",
    }
    assert body["items"][0] == bianchi
    assert [i["polarity"] for i in body["items"]] == ["for", "against"]
    against = api.get("/moves/rossi-beta-2025/influencers", params={"polarity": "against"}).json()
    assert [i["person"]["id"] for i in against["items"]] == ["piero-neri"]
    page = api.get("/moves/rossi-beta-2025/influencers", params={"limit": 1, "offset": 1}).json()
    assert (page["total"], len(page["items"])) == (2, 1)
    none = api.get("/moves/verdi-gamma-2023/influencers").json()
    assert none["items"] == [] and none["total"] == 0


# --- /paths ----------------------------------------------------------------------------------


def test_paths_between_two_coaches_through_a_team(api: TestClient) -> None:
    body = api.get("/paths", params={"from": "mario-rossi", "to": "joao-conceicao"}).json()
    assert body["from"]["id"] == "mario-rossi" and body["to"]["id"] == "joao-conceicao"
    assert body["max_hops"] == 4
    # Rossi's two spells at Alfa FC are two COACHED relationships: two shortest paths
    assert len(body["paths"]) == 2
    for path in body["paths"]:
        assert path["length"] == 2
        assert ids(path["nodes"]) == ["mario-rossi", "alfa-fc", "joao-conceicao"]
        assert [r["type"] for r in path["relationships"]] == ["COACHED", "COACHED"]
        assert path["relationships"][1]["start"] == "joao-conceicao"
        assert path["relationships"][1]["properties"]["role"] == "caretaker"
        assert "content_hash" not in path["relationships"][0]["properties"]
    tenures = {p["relationships"][0]["properties"]["tenure"] for p in body["paths"]}
    assert tenures == {"rossi-alfa-1", "rossi-alfa-2"}
    one = api.get("/paths", params={"from": "mario-rossi", "to": "joao-conceicao", "limit": 1})
    assert len(one.json()["paths"]) == 1


def test_paths_respect_max_hops_and_cross_kinds(api: TestClient) -> None:
    none = api.get("/paths", params={"from": "mario-rossi", "to": "gazzetta", "max_hops": 1})
    assert none.json()["paths"] == []
    body = api.get("/paths", params={"from": "piero-neri", "to": "gazzetta"}).json()
    assert body["paths"]
    assert {p["length"] for p in body["paths"]} == {2}
    assert body["paths"][0]["nodes"][1]["kind"] == "move"


def test_paths_each_hop_bound_finds_the_shortest_paths_once_they_fit(api: TestClient) -> None:
    pair = {"from": "mario-rossi", "to": "gazzetta"}
    found = [api.get("/paths", params={**pair, "max_hops": h}).json()["paths"] for h in range(1, 9)]
    shortest = next(i for i, paths in enumerate(found, start=1) if paths)
    assert shortest > 1
    assert all(paths == [] for paths in found[: shortest - 1])
    assert all(paths == found[shortest - 1] for paths in found[shortest - 1 :])
    assert {p["length"] for p in found[shortest - 1]} == {shortest}


def test_k_shortest_simple_paths(api: TestClient) -> None:
    params = {"from": "mario-rossi", "to": "joao-conceicao", "k": 3}
    body = api.get("/paths", params=params).json()
    assert (body["k"], body["max_hops"]) == (3, 4)
    paths = body["paths"]
    assert 2 <= len(paths) <= 3
    lengths = [p["length"] for p in paths]
    assert lengths == sorted(lengths)
    # Rossi's two spells at Alfa FC are one hop here, with a parallel count
    first = paths[0]
    assert ids(first["nodes"]) == ["mario-rossi", "alfa-fc", "joao-conceicao"]
    assert first["relationships"][0]["properties"]["parallel"] == 2
    assert len({tuple(ids(p["nodes"])) for p in paths}) == len(paths)
    one = api.get("/paths", params={**params, "k": 1}).json()
    assert one["paths"] == paths[:1]
    short = api.get("/paths", params={**params, "max_hops": 2}).json()
    assert {p["length"] for p in short["paths"]} == {2}
    unknown = api.get("/paths", params={**params, "to": "nobody"})
    assert unknown.status_code == 404


# --- /graph ----------------------------------------------------------------------------------


def test_graph_around_a_coach(api: TestClient) -> None:
    body = api.get("/graph", params={"center": "mario-rossi"}).json()
    assert body["center"] == {"id": "mario-rossi", "name": "Mario Rossi", "kind": "coach"}
    assert body["truncated"] is False
    nodes = {n["id"]: n for n in body["nodes"]}
    assert set(nodes) == {"mario-rossi", "alfa-fc", "rossi-beta-2025"}
    assert nodes["rossi-beta-2025"]["name"] == "Mario Rossi → Beta United"
    assert nodes["rossi-beta-2025"]["status"] == "rumoured"
    coached = sorted((e["label"], e["tenure"]) for e in body["edges"] if e["type"] == "COACHED")
    assert coached == [("2010–2012", "rossi-alfa-1"), ("2014–", "rossi-alfa-2")]
    assert {e["type"] for e in body["edges"]} == {"COACHED", "MOVE_OF", "FROM_TEAM"}
    for edge in body["edges"]:
        if edge["type"] in ("MOVE_OF", "FROM_TEAM"):
            assert edge["status"] == "rumoured"  # the move's status
    move = nodes["rossi-beta-2025"]
    assert (move["first_reported"], move["last_reported"]) == ("2025-01", "2025-01")
    assert nodes["alfa-fc"]["first_reported"] is None
    assert len({e["id"] for e in body["edges"]}) == len(body["edges"])
    for edge in body["edges"]:
        assert edge["source"] in nodes and edge["target"] in nodes


def test_graph_depth_and_limit(api: TestClient) -> None:
    deep = api.get("/graph", params={"center": "mario-rossi", "depth": 2}).json()
    nodes = {n["id"]: n for n in deep["nodes"]}
    assert {"anna-verdi", "joao-conceicao", "luigi-bianchi", "beta-united", "art-1"} <= set(nodes)
    assert nodes["art-1"]["date"] == "2025-01"
    caretaker = next(e for e in deep["edges"] if e["tenure"] == "conceicao-alfa-caretaker")
    assert caretaker["label"] == "2014 (caretaker)"
    influenced = [e for e in deep["edges"] if e["type"] == "INFLUENCED"]
    assert {(e["source"], e["polarity"]) for e in influenced} == {
        ("luigi-bianchi", "for"),
        ("piero-neri", "against"),
    }
    small = api.get("/graph", params={"center": "mario-rossi", "depth": 3, "limit": 4}).json()
    assert len(small["nodes"]) == 4
    assert small["truncated"] is True


# --- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "kind", "ident"),
    [
        ("/coaches/nobody/career", "coach", "nobody"),
        ("/teams/nowhere/coaches", "team", "nowhere"),
        ("/teams/nowhere/coaches?at=2020-01-01", "team", "nowhere"),
        ("/moves/no-move", "move", "no-move"),
        ("/moves/no-move/influencers", "move", "no-move"),
        ("/moves?coach=nobody", "coach", "nobody"),
        ("/moves?from=nowhere", "team", "nowhere"),
        ("/moves?outlet=no-outlet", "outlet", "no-outlet"),
        ("/paths?from=mario-rossi&to=nobody", "entity", "nobody"),
        ("/paths?from=nobody&to=mario-rossi", "entity", "nobody"),
        ("/paths?from=ghost&to=nobody&max_hops=6", "entity", "ghost"),
        ("/paths?from=ghost&to=mario-rossi&k=2", "entity", "ghost"),
        ("/graph?center=nobody", "entity", "nobody"),
    ],
)
def test_unknown_ids_are_404_naming_kind_and_id(
    api: TestClient, url: str, kind: str, ident: str
) -> None:
    response = api.get(url)
    assert response.status_code == 404
    body = response.json()
    assert (body["error"], body["kind"], body["id"]) == ("not_found", kind, ident)
    assert kind in body["detail"] and ident in body["detail"]


@pytest.mark.parametrize(
    "url",
    [
        "/search",
        "/search?q=",
        "/search?q=%21%3F",
        "/search?q=rossi&kind=stadium",
        "/search?q=rossi&limit=0",
        "/search?q=rossi&limit=201",
        "/search?q=rossi&offset=-1",
        "/teams/alfa-fc/coaches?at=2020-13-01",
        "/teams/alfa-fc/coaches?at=yesterday",
        "/teams/alfa-fc/coaches?role=owner",
        "/coaches/mario-rossi/career?limit=abc",
        "/moves?status=maybe",
        "/moves?since=2025-01",
        "/moves/rossi-beta-2025/influencers?polarity=neutral",
        "/paths?from=mario-rossi",
        "/paths?from=mario-rossi&to=anna-verdi&max_hops=0",
        "/paths?from=mario-rossi&to=anna-verdi&max_hops=9",
        "/paths?from=mario-rossi&to=mario-rossi",
        "/paths?from=Mario%20Rossi&to=anna-verdi",
        "/paths?from=mario-rossi&to=anna-verdi&k=0",
        "/paths?from=mario-rossi&to=anna-verdi&k=11",
        "/paths?from=mario-rossi&to=mario-rossi&k=2",
        "/moves?resolution=bogus",
        "/graph",
        "/graph?center=mario-rossi&depth=0",
        "/graph?center=mario-rossi&depth=4",
        "/graph?center=mario-rossi&limit=501",
    ],
)
def test_bad_parameters_are_422(api: TestClient, url: str) -> None:
    response = api.get(url)
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["error"] == "invalid_request"
    assert body["detail"]
    assert "Traceback" not in response.text


def test_search_without_q_is_422_naming_the_parameter(api: TestClient) -> None:
    response = api.get("/search")
    assert response.status_code == 422
    assert response.json() == {
        "error": "invalid_request",
        "detail": [
            {"type": "missing", "loc": ["query", "q"], "msg": "Field required", "input": None}
        ],
    }
