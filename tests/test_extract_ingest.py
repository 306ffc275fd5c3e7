"""Ingest against the real Neo4j: idempotence, unknown entities, atomicity, POST /articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from neo4j.exceptions import Neo4jError

from graph.extract.ingest import ingest_text
from graph.loader import writes
from graph.settings import PROJECT_ROOT
from tests.utils import WRITE_HEADERS, checksum, counts

SEED_ARTICLE = PROJECT_ROOT / "seeds" / "000_fc36557d683ab8d1.txt"
DEV = Path(__file__).parent / "fixtures" / "extract_dev"


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_ingesting_the_seed_article_twice_changes_nothing(seeded_graph: Driver) -> None:
    first = ingest_text(_text(SEED_ARTICLE), seeded_graph, "neo4j")
    assert first.article_id == "article-fc36557d683ab8d1"  # found by its text
    assert not first.new_article
    before = counts(seeded_graph), checksum(seeded_graph)
    second = ingest_text(_text(SEED_ARTICLE), seeded_graph, "neo4j")
    assert second.rows == {}
    assert (counts(seeded_graph), checksum(seeded_graph)) == before


def test_a_new_article_lands_with_its_claims_once(seeded_graph: Driver) -> None:
    text = _text(DEV / "it_02_ancelotti_roma_voci.txt")
    first = ingest_text(text, seeded_graph, "neo4j", date="2025-02")
    assert first.new_article and first.article_id.startswith("article-")
    assert first.rows["sources"] == 1 and first.rows["move_reports"] >= 2
    records, _, _ = seeded_graph.execute_query(
        "MATCH (o:Outlet {id: 'tuttosport'})-[:REPORTED {source: $s}]->(m:Move) "
        "RETURN m.id AS move",
        s=first.article_id,
    )
    assert [r["move"] for r in records] == ["ancelotti-as-roma-2025"]  # the existing move
    records, _, _ = seeded_graph.execute_query(
        "MATCH (:Person {id: 'claudio-ranieri'})-[i:INFLUENCED {source: $s}]->(m:Move) "
        "RETURN m.id AS move, i.polarity AS polarity",
        s=first.article_id,
    )
    assert [(r["move"], r["polarity"]) for r in records] == [("ancelotti-as-roma-2025", "for")]
    before = counts(seeded_graph), checksum(seeded_graph)
    again = ingest_text(text, seeded_graph, "neo4j", date="2025-02")
    assert again.article_id == first.article_id and again.rows == {}
    assert (counts(seeded_graph), checksum(seeded_graph)) == before


def test_unknown_entities_stay_unresolved_unless_create_new(seeded_graph: Driver) -> None:
    text = _text(DEV / "it_06_cagliari_pisacane.txt")
    result = ingest_text(text, seeded_graph, "neo4j", date="2025-06")
    assert "Fabio Pisacane" in {u.text for u in result.extraction.unresolved}
    assert any("Pisacane" in s for s in result.skipped)
    # kept as a candidate to confirm, with the claims that wait for it
    candidate = next(c for c in result.candidates if c.name == "Fabio Pisacane")
    assert candidate.kind == "person" and candidate.coach
    assert {"Fabio Pisacane", "Pisacane"} <= set(candidate.mentions)
    assert any(c.startswith("appointment of Fabio Pisacane") for c in candidate.claims)
    assert any(c.startswith("tenure Fabio Pisacane at Cagliari") for c in candidate.claims)
    assert candidate.name in {c["name"] for c in result.to_json()["candidates"]}
    records, _, _ = seeded_graph.execute_query(
        "MATCH (p:Person) WHERE p.name CONTAINS 'Pisacane' RETURN count(p) AS n"
    )
    assert records[0]["n"] == 0
    created = ingest_text(text, seeded_graph, "neo4j", date="2025-06", create_new=True)
    assert created.rows.get("people") == 1
    assert created.candidates == []
    records, _, _ = seeded_graph.execute_query(
        "MATCH (p:Coach {id: 'fabio-pisacane'})-[:HELD]->(:Tenure)-[:AT]->(t:Team) "
        "RETURN t.id AS team"
    )
    assert [r["team"] for r in records] == ["cagliari"]


def test_an_exit_from_a_team_never_named_is_reported_not_written(seeded_graph: Driver) -> None:
    """The extractor keeps a sacking whose team the article never names; the graph cannot
    place it, so ingest says so instead of dropping it unseen."""
    result = ingest_text(
        "Claudio Ranieri è stato esonerato ieri sera.", seeded_graph, "neo4j", date="2025-06"
    )
    assert ("Claudio Ranieri", None) in {(m.coach.name, m.from_) for m in result.extraction.moves}
    assert "sacking of Claudio Ranieri: no team named" in result.skipped
    assert result.rows.get("moves", 0) == 0


def test_a_failing_ingest_writes_nothing(
    seeded_graph: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = counts(seeded_graph), checksum(seeded_graph)
    # the last statement of the transaction fails: everything before it must roll back
    monkeypatch.setitem(writes.WRITE_BY_KIND, "influences", "UNWIND $rows AS row RETURN 1/0 AS x")
    with pytest.raises(Neo4jError):
        ingest_text(
            _text(DEV / "it_02_ancelotti_roma_voci.txt"), seeded_graph, "neo4j", date="2025-02"
        )
    assert (counts(seeded_graph), checksum(seeded_graph)) == before


def test_post_articles_extracts_and_writes(seeded_graph: Driver, client: TestClient) -> None:
    body = {
        "text": _text(DEV / "en_02_roma_mourinho_sacked.txt"),
        "date": "2024-01",
        "lang": "auto",
        "outlet": "Reuters",
    }
    response = client.post("/articles", json=body, headers=WRITE_HEADERS)
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["new_article"] is True
    assert data["extraction"]["article"]["lang"] == "en"
    assert {m["kind"] for m in data["extraction"]["moves"]} == {"sacking", "appointment"}
    assert data["written"]["rows"]["sources"] == 1
    again = client.post("/articles", json=body, headers=WRITE_HEADERS).json()
    assert again["article_id"] == data["article_id"] and again["written"]["rows"] == {}


@pytest.mark.parametrize(
    "body",
    [
        {"text": "   "},
        {"text": "Un texte en français.", "lang": "fr"},
        {"text": "Ancelotti lascerà il Real Madrid a fine stagione, secondo la stampa."},
    ],
)
def test_post_articles_refuses_bad_input(
    seeded_graph: Driver, client: TestClient, body: dict[str, str]
) -> None:
    before = counts(seeded_graph)
    response = client.post("/articles", json=body, headers=WRITE_HEADERS)
    assert response.status_code == 422, response.text
    assert counts(seeded_graph) == before
