"""World Cup managers as observations: tenures that contain the observed days and invent no
date, as-of answers that say what they rest on, and every tenure checked against the bench."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from typer.testing import CliRunner

from app.cli import app
from graph.loader import load
from graph.reads.conflicts import check
from graph.server import LocalServer
from graph.settings import get_neo4j_settings
from graph.worldcup import import_worldcup
from tests.conftest import FIXTURES, SEEDS
from tests.utils import checksum, counts

WORLDCUP = FIXTURES / "worldcup"
ITALY = "italy-national-team"


def _observed_graph(driver: Driver, extra: Path | None = None) -> None:
    load([SEEDS] if extra is None else [SEEDS, extra], driver, "neo4j")
    import_worldcup(WORLDCUP, driver, "neo4j")


def test_pozzos_career_shows_italy_observed_without_invented_dates(
    empty_graph: Driver, client: TestClient
) -> None:
    _observed_graph(empty_graph)
    career = client.get("/coaches/vittorio-pozzo/career").json()
    [italy] = career["tenures"]
    assert italy["team"]["id"] == ITALY
    assert italy["start"] is None and italy["end"] is None
    assert italy["observed"] == {"first": "1934-05-27", "last": "1938-06-19", "matches": 9}
    assert {s["kind"] for s in italy["sources"]} == {"dataset"}


def test_the_as_of_answer_rests_on_the_observation(empty_graph: Driver, client: TestClient) -> None:
    _observed_graph(empty_graph)
    final = client.get(f"/teams/{ITALY}/coaches", params={"at": "1938-06-19"}).json()
    [pozzo] = final["in_charge"]
    assert pozzo["coach"]["id"] == "vittorio-pozzo"
    assert pozzo["evidence"] == "observation"
    [match] = pozzo["observations"]
    assert "Italy" in match["source"]["title"] and "Hungary" in match["source"]["title"]
    between = client.get(f"/teams/{ITALY}/coaches", params={"at": "1936-01-01"}).json()
    [pozzo] = between["in_charge"]
    assert pozzo["evidence"] == "observed_span" and pozzo["observations"] == []
    after = client.get(f"/teams/{ITALY}/coaches", params={"at": "1939-01-01"}).json()
    assert after["in_charge"] == []


def test_a_manager_without_matches_is_refused_with_the_reason(empty_graph: Driver) -> None:
    load([SEEDS], empty_graph, "neo4j")
    summary = import_worldcup(WORLDCUP, empty_graph, "neo4j")
    [refused] = summary.refused
    assert "Juan Hohberg" in refused.reason and refused.row == 2
    observed = {
        r["coach"]
        for r in empty_graph.execute_query(
            "MATCH (o:Observation) RETURN DISTINCT o.coach AS coach"
        )[0]
    }
    assert observed == {"vittorio-pozzo", "ilija-petkovic", "philippe-troussier"}
    assert summary.managers == len(observed) + len(summary.refused)


def test_importing_again_changes_nothing(empty_graph: Driver) -> None:
    _observed_graph(empty_graph)
    before = (checksum(empty_graph), counts(empty_graph))
    again = import_worldcup(WORLDCUP, empty_graph, "neo4j")
    assert again.load is not None and again.load.changed == 0
    assert (checksum(empty_graph), counts(empty_graph)) == before


def test_teams_are_national_men_or_women_never_clubs(empty_graph: Driver) -> None:
    _observed_graph(empty_graph)
    records, _, _ = empty_graph.execute_query(
        "MATCH (:Observation)<-[:OBSERVED]-(:Tenure)-[:AT]->(t:Team) "
        "RETURN DISTINCT t.id AS id, t.kind AS kind"
    )
    assert {r["kind"] for r in records} == {"national"}
    assert ITALY in {r["id"] for r in records}  # the seeds' Italy, not a second one


# A deliberately wrong curated tenure: Pozzo at Italy only in 1935-1937 (the matches of 1934 and
# 1938 fall outside it), and another coach in charge of Italy in 1938.
WRONG = {
    "sources.csv": (
        "id,kind,title,date,lang,url,outlet,publisher,text_file\n"
        "ref-wrong-italy,reference,A wrong list of Italy's managers,,,https://example.org/w,,,\n"
    ),
    "people.csv": (
        "id,name,roles,aliases,birth_date,nationality,wikidata_id,source\n"
        "vittorio-pozzo,Vittorio Pozzo,coach,,,Italy,,ref-wrong-italy\n"
        "someone-else,Someone Else,coach,,,Italy,,ref-wrong-italy\n"
    ),
    "wrong.tenures.csv": (
        "id,coach,team,role,start,end,contract_until,source,evidence\n"
        "pozzo-italy-wrong,vittorio-pozzo,italy-national-team,head,1935,1937,,ref-wrong-italy,\n"
        "else-italy-wrong,someone-else,italy-national-team,head,1938-01,1939,,ref-wrong-italy,\n"
    ),
}


@pytest.fixture
def wrong(tmp_path: Path) -> Path:
    for name, text in WRONG.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_a_wrong_tenure_is_flagged(empty_graph: Driver, client: TestClient, wrong: Path) -> None:
    _observed_graph(empty_graph, wrong)
    found = check(empty_graph, "neo4j")
    pozzo = [c for c in found if c.coach.id == "vittorio-pozzo"]
    outside = {c.date for c in pozzo if c.kind == "outside_own_tenures"}
    assert "1934-06-10" in outside and "1938-06-19" in outside
    assert not any(d.startswith(("1935", "1936", "1937")) for d in outside)
    other = [c for c in pozzo if c.kind == "another_coach_in_charge"]
    assert {c.date[:4] for c in other} == {"1938"}
    assert all(c.tenure is not None and c.tenure.id == "else-italy-wrong" for c in other)
    assert all(c.tenure is not None and c.tenure.sources[0].id == "ref-wrong-italy" for c in other)
    body = client.get("/disputes", params={"coach": "vittorio-pozzo"}).json()
    assert body["conflicts_total"] == len(pozzo) > 0
    assert {c["kind"] for c in body["conflicts"]} == {
        "outside_own_tenures",
        "another_coach_in_charge",
    }


def _check_exit(neo4j_server: LocalServer) -> int:
    env = {
        "NEO4J_URI": neo4j_server.bolt_uri,
        "NEO4J_PASSWORD": neo4j_server.password(),
        "COLUMNS": "200",
    }
    get_neo4j_settings.cache_clear()
    try:
        return CliRunner().invoke(app, ["check"], env=env).exit_code
    finally:
        get_neo4j_settings.cache_clear()


def test_check_exits_non_zero_on_a_conflict(
    empty_graph: Driver, neo4j_server: LocalServer, wrong: Path
) -> None:
    _observed_graph(empty_graph)
    assert check(empty_graph, "neo4j") == []
    assert _check_exit(neo4j_server) == 0
    _observed_graph(empty_graph, wrong)
    assert _check_exit(neo4j_server) == 1
