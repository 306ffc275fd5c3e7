"""GET /stats and `coachgraph stats`: what the graph covers, counted on a small graph of known
make-up that also holds the nodes the imports add (refused rows, observations)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from typer.testing import CliRunner

from app.settings import ApiSettings
from graph.loader import load
from tests.utils import wipe

# Three coaches (Ada 3 tenures, Bea 2, Cy 1), an executive, a player; two clubs and a national
# team; a reference page, an article, and three data sets from two publishers.
FILES = {
    "article.txt": "Ada Coach joins Club Two. Bea Coach takes over at Club Two.",
    "sources.csv": (
        "id,kind,title,date,lang,url,outlet,publisher,text_file\n"
        "ref-1,reference,Reference page,,,https://example.org/r,,Example,\n"
        "wd-club,dataset,Wikidata club side,,,,,Wikidata,\n"
        "wd-person,dataset,Wikidata person side,,,,,Wikidata,\n"
        "wc-managers,dataset,World Cup managers,,,,,Fjelstul,\n"
        "art-1,article,Ada joins Club Two,2024-05,en,,press,,article.txt\n"
    ),
    "outlets.csv": "id,name,aliases,country,url\npress,The Press,,,\n",
    "people.csv": (
        "id,name,roles,aliases,birth_date,nationality,wikidata_id,source\n"
        "ada-coach,Ada Coach,coach,,,,,ref-1\n"
        "bea-coach,Bea Coach,coach|executive,,,,,ref-1\n"
        "cy-coach,Cy Coach,coach,,,,,ref-1\n"
        "dan-exec,Dan Exec,executive,,,,,ref-1\n"
        "eve-player,Eve Player,player,,,,,ref-1\n"
    ),
    "teams.csv": (
        "id,name,kind,aliases,country,wikidata_id,source\n"
        "club-one,Club One,club,,,,ref-1\n"
        "club-two,Club Two,club,,,,ref-1\n"
        "nation-one,Nation One,national,,,,ref-1\n"
    ),
    # best source: ada-one reference (year), ada-two Wikidata (month), ada-nation Wikidata (day),
    # bea-one Fjelstul (day), bea-two article (day), cy-one reference (year), disputed by
    # Wikidata's dates.
    "tenures.csv": (
        "id,coach,team,role,start,end,contract_until,source,evidence\n"
        "ada-one,ada-coach,club-one,head,2001,2003,,ref-1,\n"
        "ada-one,ada-coach,club-one,head,2001-07-01,2003-06-30,,wd-club,\n"
        "ada-two,ada-coach,club-two,head,2004-07,2006,,wd-club,\n"
        "ada-two,ada-coach,club-two,head,2004-07,2006,,art-1,Ada Coach joins Club Two\n"
        "ada-nation,ada-coach,nation-one,head,2010-01-01,2012,,wd-person,\n"
        "bea-one,bea-coach,club-one,head,2004-07-01,2005,,wc-managers,\n"
        "bea-two,bea-coach,club-two,head,2008-03-01,2009,,art-1,Bea Coach takes over at Club Two\n"
        "cy-one,cy-coach,club-one,head,2006,2007,,ref-1,\n"
        "cy-one,cy-coach,club-one,head,2008-01-01,2009-06-30,,wd-person,\n"
    ),
    "moves.csv": (
        "id,coach,from,to,kind,status,first_reported,last_reported,source,evidence\n"
        "bea-nation-2025,bea-coach,,nation-one,appointment,rumoured,,,ref-1,\n"
    ),
    # What the importers write beside those: match-day observations and refused input rows.
    "observations.csv": (
        "id,tenure,coach,team,date,source,evidence\n"
        "ada-nation-2010-06-11,ada-nation,ada-coach,nation-one,2010-06-11,wc-managers,group\n"
        "ada-nation-2010-06-16,ada-nation,ada-coach,nation-one,2010-06-16,wc-managers,group\n"
    ),
}
CLUB_SIDE = "club_side_statements.csv"
PERSON_SIDE = "person_side_statements.csv"
REFUSALS = [
    {"id": "r1", "dataset": "wikidata", "file": CLUB_SIDE, "row": 12, "reason": "ends first"},
    {"id": "r2", "dataset": "wikidata", "file": CLUB_SIDE, "row": 40, "reason": "Q108437605"},
    {"id": "r3", "dataset": "wikidata", "file": PERSON_SIDE, "row": 7, "reason": "no start"},
]
FILES["refusals.csv"] = "id,dataset,file,row,reason\n" + "".join(
    f"{r['id']},{r['dataset']},{r['file']},{r['row']},{r['reason']}\n" for r in REFUSALS
)

# A tenure without a start or any claim: no load writes one, the counts must still place it.
BARE_TENURE = """
CREATE (:Tenure {id: 'tenure-without-claims', coach: 'cy-coach', team: 'club-two', role: 'head'})
"""


@pytest.fixture
def stats_graph(driver: Driver, tmp_path: Path) -> Driver:
    wipe(driver)
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    load([tmp_path], driver, "neo4j")
    driver.execute_query(BARE_TENURE)
    return driver


def _meta(driver: Driver) -> dict[str, Any]:
    records, _, _ = driver.execute_query(
        "MATCH (m:Meta {id: 'graph'}) RETURN m.version AS version, m.updated_at AS updated_at"
    )
    return records[0].data()


def test_stats_count_every_kind_source_precision_and_refusal(
    stats_graph: Driver, client: TestClient
) -> None:
    res = client.get("/stats")
    assert res.status_code == 200, res.text
    body = res.json()
    assert body["nodes"] == {
        "coaches": 3,
        "other_people": 2,
        "clubs": 2,
        "national_teams": 1,
        "tenures": 7,
        "moves": 1,
        "outlets": 1,
        "sources": {"reference": 1, "dataset": 3, "article": 1},
        "observations": 2,
    }
    assert body["tenures"] == {
        "total": 7,
        "disputed": 1,
        "by_source": {"reference": 2, "dataset": 3, "article": 1, "none": 1},
        "by_dataset_publisher": [
            {"publisher": "Wikidata", "tenures": 2},
            {"publisher": "Fjelstul", "tenures": 1},
        ],
        "by_start_precision": {"year": 2, "month": 1, "day": 3, "unknown": 1},
    }
    assert body["refused"] == {
        "total": 3,
        "by_file": [
            {"dataset": "wikidata", "file": CLUB_SIDE, "rows": 2},
            {"dataset": "wikidata", "file": PERSON_SIDE, "rows": 1},
        ],
    }
    assert body["try"] == [
        {"id": "ada-coach", "name": "Ada Coach", "kind": "coach"},
        {"id": "bea-coach", "name": "Bea Coach", "kind": "coach"},
        {"id": "cy-coach", "name": "Cy Coach", "kind": "coach"},
    ]
    meta = _meta(stats_graph)
    assert body["graph"]["version"] == meta["version"] >= 1
    loaded = datetime.fromisoformat(body["graph"]["updated_at"])
    assert loaded == meta["updated_at"].to_native()


def test_stats_of_an_empty_graph_are_zero(empty_graph: Driver, client: TestClient) -> None:
    body = client.get("/stats").json()
    assert body["graph"] == {"version": None, "updated_at": None}
    assert body["try"] == []
    assert body["refused"] == {"total": 0, "by_file": []}
    assert body["tenures"]["total"] == 0
    assert body["tenures"]["by_dataset_publisher"] == []
    sources = body["nodes"].pop("sources")
    assert sources == {"reference": 0, "dataset": 0, "article": 0}
    assert set(body["nodes"].values()) == {0}


def test_stats_are_served_again_from_the_cache(stats_graph: Driver, client: TestClient) -> None:
    first = client.get("/stats")
    again = client.get("/stats")
    assert first.headers["x-cache"] == "miss"
    assert again.headers["x-cache"] == "hit"
    assert again.json() == first.json()


def test_stats_are_documented_in_the_openapi_schema(client: TestClient) -> None:
    operation = client.get("/openapi.json").json()["paths"]["/stats"]["get"]
    ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok["$ref"].endswith("/StatsPublic")
    assert "503" in operation["responses"]


def _cli_env(settings: ApiSettings) -> dict[str, str]:
    assert settings.neo4j_password is not None
    return {
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
        "COLUMNS": "120",
    }


def test_stats_command_prints_what_the_api_answers(
    stats_graph: Driver, client: TestClient, settings: ApiSettings
) -> None:
    from app.cli import app
    from graph.settings import get_neo4j_settings

    get_neo4j_settings.cache_clear()
    try:
        as_json = CliRunner().invoke(app, ["stats", "--json"], env=_cli_env(settings))
        readable = CliRunner().invoke(app, ["stats"], env=_cli_env(settings))
    finally:
        get_neo4j_settings.cache_clear()
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.stdout) == client.get("/stats").json()
    assert readable.exit_code == 0, readable.output
    lines = [" ".join(line.split()) for line in readable.stdout.splitlines()]
    assert "coaches 3" in lines
    assert lines[lines.index("dataset 3") + 1 : lines.index("article 1")] == [
        "Wikidata 2",
        "Fjelstul 1",
    ]
    assert "no start date 1" in lines
    assert "Disputed tenures: 1 (GET /disputes)" in lines
    assert f"wikidata 2 {CLUB_SIDE}" in lines
    assert "Coaches to try: Ada Coach (ada-coach), Bea Coach (bea-coach), Cy Coach (cy-coach)" in (
        lines
    )


def test_stats_command_lists_every_refused_row(stats_graph: Driver, settings: ApiSettings) -> None:
    from app.cli import app
    from graph.settings import get_neo4j_settings

    get_neo4j_settings.cache_clear()
    try:
        as_json = CliRunner().invoke(app, ["stats", "--refused", "--json"], env=_cli_env(settings))
        readable = CliRunner().invoke(app, ["stats", "--refused"], env=_cli_env(settings))
    finally:
        get_neo4j_settings.cache_clear()
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.stdout) == [
        {key: r[key] for key in ("dataset", "file", "row", "reason")}
        for r in sorted(REFUSALS, key=lambda r: (r["file"], r["row"]))
    ]
    assert readable.exit_code == 0, readable.output
    lines = [" ".join(line.split()) for line in readable.stdout.splitlines()]
    assert f"wikidata {CLUB_SIDE} 40 Q108437605" in lines
    assert "3 refused rows." in lines


def test_a_graph_without_refusals_says_so(empty_graph: Driver, settings: ApiSettings) -> None:
    from app.cli import app
    from graph.settings import get_neo4j_settings

    get_neo4j_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["stats", "--refused"], env=_cli_env(settings))
    finally:
        get_neo4j_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "No input row was refused."
