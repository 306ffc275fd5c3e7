"""GET /disputes and claims_of_tenures against the real Neo4j, after a Wikidata import."""

from __future__ import annotations

import asyncio

from fastapi.testclient import TestClient
from neo4j import Driver

from app.settings import ApiSettings
from graph.db import open_async_driver
from graph.reads.disputes import Claim, claims_of_tenures
from graph.repository import Repository
from graph.wikidata import import_files
from tests.conftest import FIXTURES

STATEMENT = "wikidata-q9616-00000001-0000-4000-8000-000000000001"


def test_disputes_lists_each_claim_side_by_side(seeded_graph: Driver, client: TestClient) -> None:
    import_files([FIXTURES / "wikidata" / "head-coaches.json"], seeded_graph, "neo4j")
    body = client.get("/disputes", params={"limit": 200}).json()
    assert body["limit"] == 200 and body["offset"] == 0
    by_id = {item["id"]: item for item in body["items"]}
    assert body["total"] == len(body["items"]) >= 1
    chelsea = by_id["ancelotti-chelsea"]
    assert chelsea["coach"] == {"id": "carlo-ancelotti", "name": "Carlo Ancelotti", "kind": "coach"}
    assert chelsea["start"] == "2009-06-01" and chelsea["start_precision"] == "day"
    claims = {c["source"]["id"]: c for c in chelsea["claims"]}
    agreed = chelsea["claims"][0]
    assert agreed["agreed"] is True and agreed["source"]["kind"] == "reference"
    assert agreed["start"] == "2009-06-01" and agreed["team"]["id"] == "chelsea"
    wikidata = claims[STATEMENT]
    assert wikidata["agreed"] is False and wikidata["agrees"] is False
    assert wikidata["start"] == "2009-07-01" and wikidata["end"] == "2011-05-22"
    assert wikidata["source"]["kind"] == "dataset"
    assert wikidata["source"]["url"].startswith("https://www.wikidata.org/wiki/Q9616#")
    assert wikidata["team"] == {"id": "chelsea", "name": "Chelsea", "kind": "club"}


def test_disputes_filters_and_pages(seeded_graph: Driver, client: TestClient) -> None:
    import_files([FIXTURES / "wikidata" / "head-coaches.json"], seeded_graph, "neo4j")
    everything = client.get("/disputes", params={"limit": 200}).json()
    mine = client.get("/disputes", params={"coach": "carlo-ancelotti"}).json()
    assert "ancelotti-chelsea" in [i["id"] for i in mine["items"]]
    assert all(i["coach"]["id"] == "carlo-ancelotti" for i in mine["items"])
    at_chelsea = client.get("/disputes", params={"team": "chelsea"}).json()
    assert [i["team"]["id"] for i in at_chelsea["items"]] == ["chelsea"] * at_chelsea["total"]
    page = client.get("/disputes", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == everything["total"]
    if everything["total"] > 1:
        assert page["items"][0]["id"] == everything["items"][1]["id"]
    assert client.get("/disputes", params={"coach": "Not An Id"}).status_code == 422
    assert client.get("/disputes", params={"limit": 0}).status_code == 422
    none = client.get("/disputes", params={"coach": "nobody"}).json()
    assert none == {
        "items": [],
        "total": 0,
        "limit": 20,
        "offset": 0,
        "conflicts": [],
        "conflicts_total": 0,
    }


def test_claims_of_tenures(seeded_graph: Driver, settings: ApiSettings) -> None:
    import_files([FIXTURES / "wikidata" / "head-coaches.json"], seeded_graph, "neo4j")

    async def read() -> dict[str, list[Claim]]:
        driver = open_async_driver(settings)
        try:
            repo = Repository(driver, "neo4j", 10)
            return await claims_of_tenures(
                repo, ["ancelotti-chelsea", "ancelotti-parma", "no-such-tenure"]
            )
        finally:
            await driver.close()

    claims = asyncio.run(read())
    assert set(claims) == {"ancelotti-chelsea", "ancelotti-parma"}
    parma = claims["ancelotti-parma"]
    assert len(parma) == 1 and parma[0].agreed and parma[0].agrees
    chelsea = claims["ancelotti-chelsea"]
    assert [c.source.id for c in chelsea] == [
        "ref-ngoisao-chelsea-ancelotti",
        STATEMENT,
    ]
