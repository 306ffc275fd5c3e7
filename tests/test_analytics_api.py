"""Hubs, communities, succession and k shortest paths on the seeds, in the real Neo4j."""

from __future__ import annotations

import csv
from collections import defaultdict

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from app.settings import ApiSettings
from graph.analytics.service import k_shortest_paths
from graph.errors import InvalidRequestError
from tests.conftest import SEEDS
from tests.test_analytics_support import with_repo


def _teams_per_coach() -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    with (SEEDS / "tenures.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            out[row["coach"]].add(row["team"])
    return out


def test_coach_hubs_by_degree_match_the_seeds_distinct_teams(
    seeded_module: Driver, client: TestClient
) -> None:
    body = client.get("/analytics/hubs", params={"kind": "coach", "limit": 3}).json()
    teams = _teams_per_coach()
    expected = sorted(teams, key=lambda c: (-len(teams[c]), c))[:3]
    assert [h["entity"]["id"] for h in body["items"]] == expected
    assert expected[0] == "claudio-ranieri"
    assert [h["degree"] for h in body["items"]] == [len(teams[c]) for c in expected]
    assert body["items"][0]["entity"]["kind"] == "coach"
    assert body["total"] == len(teams) and body["limit"] == 3 and body["metric"] == "degree"
    assert body["approximate"] is False


@pytest.mark.parametrize("metric", ["degree", "betweenness", "pagerank"])
def test_team_hubs_are_sorted_and_of_team_kinds(
    seeded_module: Driver, client: TestClient, metric: str
) -> None:
    body = client.get("/analytics/hubs", params={"kind": "team", "metric": metric}).json()
    scores = [h["score"] for h in body["items"]]
    assert scores == sorted(scores, reverse=True) and len(scores) == 10
    assert {h["entity"]["kind"] for h in body["items"]} <= {"club", "national"}
    # AC Milan links the most careers in the seeds (Ancelotti, Gattuso, Fonseca, Conceição, …)
    assert body["items"][0]["entity"]["id"] == "ac-milan"


def test_hubs_reject_unknown_kinds_and_metrics(seeded_module: Driver, client: TestClient) -> None:
    assert client.get("/analytics/hubs", params={"kind": "outlet"}).status_code == 422
    assert client.get("/analytics/hubs", params={"metric": "closeness"}).status_code == 422
    assert client.get("/analytics/hubs", params={"limit": 101}).status_code == 422


@pytest.mark.parametrize("method", ["greedy", "louvain"])
def test_communities_partition_teams_that_share_coaches(
    seeded_module: Driver, client: TestClient, method: str
) -> None:
    body = client.get("/analytics/communities", params={"method": method}).json()
    assert body["method"] == method and body["total"] >= 2
    seen: set[str] = set()
    teams_of = _teams_per_coach()
    for community in body["items"]:
        ids = {t["id"] for t in community["teams"]}
        assert community["size"] == len(ids) >= 2
        assert not ids & seen
        seen |= ids
        for coach in community["shared_coaches"]:
            assert len(teams_of[coach["id"]] & ids) >= 2
    assert body["modularity"] > 0
    # Ranieri's early clubs and Conceição's Portuguese ones are not in one community
    where = {t["id"]: c["id"] for c in body["items"] for t in c["teams"]}
    assert where["vigor-lamezia"] != where["braga"]


def test_succession_at_roma_lists_who_replaced_whom(
    seeded_module: Driver, client: TestClient
) -> None:
    body = client.get("/teams/as-roma/succession").json()
    assert body["team"] == {"id": "as-roma", "name": "AS Roma", "kind": "club"}
    chain = body["chain"]
    assert chain[-1]["coach"]["id"] == "gian-piero-gasperini"
    assert chain[-1]["predecessor"]["id"] == "claudio-ranieri"
    assert chain[-1]["successor"] is None and chain[-1]["gap"] is False
    assert [s["tenure_id"] for s in chain[-3:]] == [
        "juric-roma",
        "ranieri-roma-3",
        "gasperini-roma",
    ]
    starts = [s["start"] for s in chain]
    assert starts == sorted(starts)
    assert body["total"] == len(chain)
    # Ranieri 2009–2011 then Garcia 2013: the graph does not hold the coaches in between
    garcia = next(s for s in chain if s["tenure_id"] == "garcia-roma")
    assert garcia["predecessor"]["id"] == "claudio-ranieri" and garcia["gap"] is True
    # coaching trees: Ranieri was succeeded at several clubs
    trees = {t["root"]["id"]: t for t in body["trees"]}
    assert "claudio-ranieri" in trees and trees["claudio-ranieri"]["teams"] >= 2
    assert all(e["depth"] <= 2 for t in body["trees"] for e in t["edges"])


def test_succession_of_an_unknown_team_is_404(seeded_module: Driver, client: TestClient) -> None:
    response = client.get("/teams/no-such-team/succession")
    assert response.status_code == 404 and response.json()["kind"] == "team"
    assert client.get("/teams/as-roma/succession", params={"depth": 5}).status_code == 422


def test_k_shortest_paths_between_ancelotti_and_conceicao(
    seeded_module: Driver, settings: ApiSettings
) -> None:
    paths = with_repo(
        settings, lambda repo: k_shortest_paths(repo, "carlo-ancelotti", "sergio-conceicao", 5)
    )
    assert len(paths) == 5
    lengths = [p.length for p in paths]
    assert lengths == sorted(lengths)
    first = paths[0]
    # both coached AC Milan: the Cypher shortest path has the same length
    assert first.length == 2
    assert [n["id"] for n in first.nodes] == ["carlo-ancelotti", "ac-milan", "sergio-conceicao"]
    assert [r["type"] for r in first.relationships] == ["COACHED", "COACHED"]
    assert first.relationships[0]["start"] == "carlo-ancelotti"
    assert first.relationships[1]["start"] == "sergio-conceicao"
    assert first.nodes[1]["labels"] and first.nodes[1]["name"] == "AC Milan"
    ids = [tuple(n["id"] for n in p.nodes) for p in paths]
    assert len(set(ids)) == len(ids)
    for nodes in ids:
        assert len(set(nodes)) == len(nodes)


def test_k_shortest_paths_checks_k_and_unknown_ends(
    seeded_module: Driver, settings: ApiSettings
) -> None:
    with pytest.raises(InvalidRequestError):
        with_repo(settings, lambda repo: k_shortest_paths(repo, "carlo-ancelotti", "as-roma", 11))
    with pytest.raises(InvalidRequestError):
        with_repo(
            settings, lambda repo: k_shortest_paths(repo, "carlo-ancelotti", "carlo-ancelotti", 1)
        )
    assert with_repo(settings, lambda repo: k_shortest_paths(repo, "carlo-ancelotti", "x", 3)) == []
