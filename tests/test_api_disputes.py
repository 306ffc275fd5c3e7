"""Disputed tenures in GET /coaches/{id}/career (issue 10): the seeds plus one extra tenures file
in the seeds format whose source disagrees with the curated start of Ancelotti's Chelsea spell."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from tests.utils import DATASET

pytest_plugins = ["tests.conftest_api"]


@pytest.fixture
def api(disputed_graph: Driver, client: TestClient) -> TestClient:
    return client


def test_career_shows_the_agreed_value_and_both_claims(api: TestClient) -> None:
    body = api.get("/coaches/carlo-ancelotti/career").json()
    by_id = {t["id"]: t for t in body["tenures"]}
    chelsea = by_id["ancelotti-chelsea"]
    assert chelsea["disputed"] is True
    assert chelsea["start"] == "2009-06-01"  # the agreed value: the curated reference
    claims = chelsea["claims"]
    assert [c["source"]["id"] for c in claims] == ["ref-ngoisao-chelsea-ancelotti", DATASET]
    agreed, other = claims
    assert (agreed["agreed"], agreed["agrees"], agreed["start"]) == (True, True, "2009-06-01")
    assert (other["agreed"], other["agrees"], other["start"]) == (False, False, "2009-07-01")
    assert other["source"]["kind"] == "dataset"
    assert other["team"] == {"id": "chelsea", "name": "Chelsea", "kind": "club"}
    assert [s["id"] for s in chelsea["sources"]] == [c["source"]["id"] for c in claims]
    # undisputed tenures carry no claims (they were not read)
    assert all(t["claims"] == [] for t in body["tenures"] if not t["disputed"])
    assert by_id["ancelotti-parma"]["claims"] == []


def test_claims_follow_the_page_and_the_current_job(api: TestClient) -> None:
    chelsea_only = api.get(
        "/coaches/carlo-ancelotti/career", params={"role": "head", "limit": 200}
    ).json()
    assert any(t["claims"] for t in chelsea_only["tenures"])
    later = api.get("/coaches/carlo-ancelotti/career", params={"offset": 8}).json()
    assert "ancelotti-chelsea" not in [t["id"] for t in later["tenures"]]
    assert all(t["claims"] == [] for t in later["tenures"])
    assert later["current"]["id"] == "ancelotti-brazil"
    assert later["current"]["disputed"] is False and later["current"]["claims"] == []


def test_disputes_lists_it(api: TestClient) -> None:
    body = api.get("/disputes", params={"coach": "carlo-ancelotti"}).json()
    assert [i["id"] for i in body["items"]] == ["ancelotti-chelsea"]
    career = api.get("/coaches/carlo-ancelotti/career").json()
    chelsea = next(t for t in career["tenures"] if t["id"] == "ancelotti-chelsea")
    assert body["items"][0]["claims"] == chelsea["claims"]
