"""Search at the size of the real data: a surname finds every coach who bears it, ahead of
names that merely contain it, and a full name finds its bearer first."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from graph.loader import load
from tests.utils import wipe

# Both Inzaghi brothers (Filippo with the seeds' aliases, Simone as the Wikidata import names him)
# and decoys that match "Inzaghi" less well: an alias that contains the word, a surname that
# starts with it, one a letter away, a namesake of Simone's first name. Their names sort before
# "Simone Inzaghi", so a ranking that ties them with him puts him last. And a name that is
# another's alias: "Ronaldo" is Ronaldo's name and one of Cristiano Ronaldo's aliases.
FILES = {
    "sources.csv": (
        "id,kind,title,date,lang,url,outlet,publisher,text_file\n"
        "ref-1,reference,Reference page,,,https://example.org/r,,Example,\n"
    ),
    "people.csv": (
        "id,name,roles,aliases,birth_date,nationality,wikidata_id,source\n"
        "filippo-inzaghi,Filippo Inzaghi,coach,Pippo Inzaghi|Inzaghi|Superpippo,1973-08-09,"
        "Italy,Q126503,ref-1\n"
        "simone-inzaghi,Simone Inzaghi,coach,,1976-04-05,Italy,Q314670,ref-1\n"
        "andrea-bianchi,Andrea Bianchi,coach,The new Inzaghi,,,,ref-1\n"
        "marco-inzaghini,Marco Inzaghini,coach,,,,,ref-1\n"
        "luca-inzagi,Luca Inzagi,coach,,,,,ref-1\n"
        "simone-bianchi,Simone Bianchi,coach,Simone,,,,ref-1\n"
        "aldo-agente,Aldo Agente,executive,Inzaghi's agent,,,,ref-1\n"
        "ronaldo,Ronaldo,player,Ronaldo Nazário|O Fenômeno,1976-09-18,Brazil,,ref-1\n"
        "cristiano-ronaldo,Cristiano Ronaldo,player,Ronaldo|CR7,1985-02-05,Portugal,,ref-1\n"
    ),
}
BROTHERS = {"filippo-inzaghi", "simone-inzaghi"}
DECOYS = {"andrea-bianchi", "marco-inzaghini", "luca-inzagi", "aldo-agente"}


@pytest.fixture(scope="module")
def inzaghi_graph(driver: Driver, tmp_path_factory: pytest.TempPathFactory) -> Driver:
    folder = tmp_path_factory.mktemp("inzaghi")
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    wipe(driver)
    load([folder], driver, "neo4j")
    return driver


def _ids(client: TestClient, q: str, **params: str) -> list[str]:
    res = client.get("/search", params={"q": q, **params})
    assert res.status_code == 200, res.text
    return [item["id"] for item in res.json()["items"]]


@pytest.mark.parametrize("q", ["Inzaghi", "inzaghi", "INZAGHI"])
def test_a_surname_finds_both_brothers_before_the_decoys(
    inzaghi_graph: Driver, client: TestClient, q: str
) -> None:
    ids = _ids(client, q)
    assert set(ids[:2]) == BROTHERS, ids
    assert set(ids[2:]) >= DECOYS, ids


def test_narrowed_to_coaches_the_brothers_still_come_first(
    inzaghi_graph: Driver, client: TestClient
) -> None:
    ids = _ids(client, "Inzaghi", kind="coach")
    assert set(ids[:2]) == BROTHERS, ids
    assert "aldo-agente" not in ids


@pytest.mark.parametrize(
    ("q", "first"),
    [
        ("Simone Inzaghi", "simone-inzaghi"),
        ("simone inzaghi", "simone-inzaghi"),
        ("Filippo Inzaghi", "filippo-inzaghi"),
        ("Simone Bianchi", "simone-bianchi"),
        ("Inzaghini", "marco-inzaghini"),
        ("Ronaldo", "ronaldo"),
        ("Cristiano Ronaldo", "cristiano-ronaldo"),
    ],
)
def test_an_exact_full_name_comes_first(
    inzaghi_graph: Driver, client: TestClient, q: str, first: str
) -> None:
    ids = _ids(client, q)
    assert ids[0] == first, ids


def test_a_first_name_ranks_its_bearers_by_how_well_they_match(
    inzaghi_graph: Driver, client: TestClient
) -> None:
    # "Simone" is Simone Bianchi's alias, whole: he comes before Simone Inzaghi.
    ids = _ids(client, "Simone")
    assert ids[:2] == ["simone-bianchi", "simone-inzaghi"], ids


def test_a_misspelt_surname_still_finds_the_brothers(
    inzaghi_graph: Driver, client: TestClient
) -> None:
    assert set(_ids(client, "Inzagghi")) >= BROTHERS


def test_every_hit_is_counted(inzaghi_graph: Driver, client: TestClient) -> None:
    res = client.get("/search", params={"q": "Inzaghi", "limit": 2}).json()
    assert {item["id"] for item in res["items"]} == BROTHERS
    assert res["total"] >= len(BROTHERS | DECOYS)
