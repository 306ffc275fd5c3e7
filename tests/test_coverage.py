"""Real coverage: the shipped seeds and Wikidata statements, loaded as `coachgraph run` loads
them, merged without one duplicate, with every refused row kept with its reason."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from app.main import create_app
from app.settings import ApiSettings
from graph.domain import fold, team_key
from graph.loader import load
from graph.shipped import SEEDS, WIKIDATA, ShippedSummary, load_shipped
from graph.wikidata import import_files
from tests.utils import checksum, counts, wipe


@pytest.fixture(scope="module")
def shipped(driver: Driver) -> Iterator[ShippedSummary]:
    wipe(driver)
    yield load_shipped(driver, "neo4j")
    wipe(driver)


@pytest.fixture(scope="module")
def api(shipped: ShippedSummary, settings: ApiSettings) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client


def _rows(driver: Driver, query: str, **params: object) -> list[dict[str, object]]:
    records, _, _ = driver.execute_query(query, params)
    return [r.data() for r in records]


def test_coaches_and_teams_are_covered(shipped: ShippedSummary, driver: Driver) -> None:
    coaches = _rows(driver, "MATCH (p:Coach) WHERE p.wikidata_id IS NOT NULL RETURN p.id AS id")
    teams = _rows(driver, "MATCH (t:Team) RETURN t.id AS id")
    assert len(coaches) >= 550
    assert len(teams) >= 150
    assert shipped.wikidata is not None
    assert shipped.wikidata.people["qid"] >= 29  # the seed coaches, matched by QID


def test_no_team_or_coach_twice(shipped: ShippedSummary, driver: Driver) -> None:
    teams = _rows(
        driver,
        "MATCH (t:Team) RETURN t.id AS id, t.name AS name, t.kind AS kind, t.country AS country",
    )
    by_name: dict[tuple[object, str], list[dict[str, object]]] = defaultdict(list)
    for t in teams:
        by_name[(t["kind"], team_key(str(t["name"])))].append(t)
    twice = []
    for group in by_name.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if not a["country"] or not b["country"] or a["country"] == b["country"]:
                    twice.append((a["id"], b["id"]))
    assert twice == []
    people = _rows(
        driver, "MATCH (p:Person) RETURN p.id AS id, p.name AS name, p.birth_date AS birth"
    )
    by_person: dict[tuple[str, object], list[object]] = defaultdict(list)
    for p in people:
        by_person[(fold(str(p["name"])), p["birth"])].append(p["id"])
    assert [ids for ids in by_person.values() if len(ids) > 1] == []
    qids = _rows(
        driver,
        "MATCH (n) WHERE (n:Person OR n:Team) AND n.wikidata_id IS NOT NULL "
        "WITH n.wikidata_id AS qid, collect(n.id) AS ids WHERE size(ids) > 1 RETURN qid, ids",
    )
    assert qids == []


def _career(api: TestClient, coach: str) -> list[dict[str, object]]:
    response = api.get(f"/coaches/{coach}/career")
    assert response.status_code == 200, response.text
    return list(response.json()["tenures"])


def test_careers_that_were_missing(api: TestClient) -> None:
    alonso = {t["team"]["name"] for t in _career(api, "xabi-alonso")}  # type: ignore[index]
    assert "Bayer 04 Leverkusen" in alonso
    conte = {t["team"]["id"] for t in _career(api, "antonio-conte")}  # type: ignore[index]
    assert {"juventus", "chelsea", "inter-milan", "tottenham-hotspur"} <= conte
    for coach in ("josep-guardiola", "diego-simeone", "jurgen-klopp", "mikel-arteta"):
        assert _career(api, coach), coach


def test_distinct_spells_stay_distinct(api: TestClient) -> None:
    juventus = [t for t in _career(api, "antonio-conte") if t["team"]["id"] == "juventus"]  # type: ignore[index]
    assert [(t["start"], t["end"]) for t in juventus] == [
        ("2011-05-31", "2012-06-30"),
        ("2012-12-09", "2014-07-15"),
    ]
    madrid = [t for t in _career(api, "carlo-ancelotti") if t["team"]["id"] == "real-madrid"]  # type: ignore[index]
    assert [t["id"] for t in madrid] == ["ancelotti-real-madrid-1", "ancelotti-real-madrid-2"]


def test_curated_careers_keep_their_tenures(api: TestClient) -> None:
    """Every curated tenure is still one tenure, holding its curated claim; where Wikidata's
    dates differ (Ancelotti's AC Milan start, his PSG end) it is disputed, both claims kept."""
    curated: dict[str, set[str]] = defaultdict(set)
    for line in (SEEDS / "tenures.csv").read_text(encoding="utf-8").splitlines()[1:]:
        ident, coach = line.split(",")[:2]
        curated[coach].add(ident)
    for coach in ("carlo-ancelotti", "claudio-ranieri", "sergio-conceicao"):
        ids = [t["id"] for t in _career(api, coach)]
        assert curated[coach] <= set(ids), coach
        assert len(ids) == len(set(ids))
    ancelotti = {t["id"]: t for t in _career(api, "carlo-ancelotti")}
    for tenure in ("ancelotti-ac-milan", "ancelotti-psg"):
        assert ancelotti[tenure]["disputed"] is True
        claims = ancelotti[tenure]["claims"]
        kinds = {c["source"]["kind"] for c in claims}  # type: ignore[index]
        assert {"reference", "dataset"} <= kinds


def test_who_was_in_charge_and_how_coaches_connect(api: TestClient) -> None:
    roma = api.get("/teams/as-roma/coaches", params={"at": "2019-03-10"}).json()
    assert [t["coach"]["id"] for t in roma["in_charge"]] == ["claudio-ranieri"]
    paths = api.get("/paths", params={"from": "jose-mourinho", "to": "antonio-conte"}).json()
    assert paths["paths"]
    shared = {"chelsea", "inter-milan", "tottenham-hotspur", "as-roma", "real-madrid"}
    assert any(
        {n["id"] for n in path["nodes"]} & shared and path["length"] == 2 for path in paths["paths"]
    )


def test_a_newer_dated_source_ends_an_open_tenure(api: TestClient) -> None:
    allegri = {t["id"]: t for t in _career(api, "massimiliano-allegri")}
    assert allegri["allegri-ac-milan"]["end"] is not None  # the seeds left it open


def test_every_refused_row_is_kept_with_its_reason(shipped: ShippedSummary, driver: Driver) -> None:
    assert shipped.wikidata is not None
    refused = _rows(
        driver, "MATCH (r:Refusal) RETURN r.file AS file, r.row AS row, r.reason AS reason"
    )
    assert len(refused) == len(shipped.wikidata.skipped) > 0
    reasons = " | ".join(str(r["reason"]) for r in refused)
    for why in ("before start", "position not filled", "deprecated", "no start date", "no label"):
        assert why in reasons, why
    assert all(r["file"] and r["row"] for r in refused)


def test_every_world_cup_manager_is_observed_or_refused(
    shipped: ShippedSummary, driver: Driver
) -> None:
    assert shipped.worldcup is not None
    observed = _rows(driver, "MATCH (o:Observation) RETURN count(DISTINCT o.coach) AS n")[0]["n"]
    refused = _rows(driver, "MATCH (r:Refusal {dataset: 'worldcup'}) RETURN count(r) AS n")[0]["n"]
    assert shipped.worldcup.managers == 475
    assert observed + refused == 475
    pozzo = _rows(
        driver,
        "MATCH (t:Tenure {coach: 'vittorio-pozzo'}) "
        "RETURN t.team AS team, t.start AS start, toString(t.observed_to) AS last",
    )
    assert pozzo == [{"team": "italy-national-team", "start": None, "last": "1938-06-19"}]


def test_importing_again_changes_nothing(shipped: ShippedSummary, driver: Driver) -> None:
    before = (checksum(driver), counts(driver))
    again = import_files([WIKIDATA], driver, "neo4j")
    assert again.load is not None and again.load.changed == 0
    assert (checksum(driver), counts(driver)) == before


def _import_in_order(driver: Driver, batches: list[list[Path]]) -> str:
    wipe(driver)
    load([SEEDS], driver, "neo4j")
    names = [WIKIDATA / "clubs.csv", WIKIDATA / "team_labels.csv"]
    for batch in batches:
        import_files([*batch, *names], driver, "neo4j")
    return checksum(driver)


def test_club_side_and_person_side_in_either_order_give_one_graph(
    shipped: ShippedSummary, driver: Driver
) -> None:
    club, person = WIKIDATA / "club_side_statements.csv", WIKIDATA / "person_side_statements.csv"
    together = _import_in_order(driver, [[club, person]])
    assert _import_in_order(driver, [[club], [person]]) == together
    assert _import_in_order(driver, [[person], [club]]) == together
