"""Requests a hostile client sends with a valid key (issue 27): each gets the status it should
(422, 413, 429, 404), never a 500, and nothing it sent is dropped without a word."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from tests.conftest import FIXTURES
from tests.utils import WRITE_HEADERS, checksum, counts

JSON_HEADERS = {**WRITE_HEADERS, "Content-Type": "application/json"}

# JSON that Python's parser accepts but that is not text or not a finite number: a lone
# surrogate, a number too large for a float (inf), NaN and Infinity.
UNENCODABLE = [
    b'{"text": "\\ud800"}',
    b'{"text": "Ancelotti \\udfff alla Roma", "date": "2025-01"}',
    b'{"text": "x", "create_new": 1e999999}',
    b'{"text": "x", "lang": NaN}',
    b'{"text": "x", "lang": "\\ud800"}',
    b'{"text": "x", "date": Infinity}',
    b'{"text": "x", "\\ud800": 1}',
    b'{"text": -1e999999}',
    b"[1e999999]",
    b"NaN",
]


@pytest.mark.parametrize("body", UNENCODABLE)
def test_json_that_cannot_be_echoed_is_422(
    seeded_module: Driver, client: TestClient, body: bytes
) -> None:
    before = (counts(seeded_module), checksum(seeded_module))
    response = client.post("/articles", content=body, headers=JSON_HEADERS)
    assert response.status_code == 422, response.text
    data = json.loads(response.content.decode("utf-8"))  # strict UTF-8, standard JSON
    assert data["error"] == "invalid_request"
    assert isinstance(data["detail"], list) and data["detail"]
    assert (counts(seeded_module), checksum(seeded_module)) == before


ROMA_RUMOUR = {
    "text": (FIXTURES / "extract_dev" / "it_02_ancelotti_roma_voci.txt").read_text("utf-8"),
    "date": "2025-02",
    "lang": "it",
}
URL = "https://www.tuttosport.com/news/calcio/2025/02/01/ancelotti-roma?ref=home#top"


@pytest.mark.parametrize(
    "extra",
    [{"source_url": URL}, {"URL": URL}, {"publisher": "Tuttosport"}, {"": ""}],
)
def test_unknown_fields_are_refused_not_dropped(
    seeded_module: Driver, client: TestClient, extra: dict[str, object]
) -> None:
    before = (counts(seeded_module), checksum(seeded_module))
    response = client.post("/articles", json={**ROMA_RUMOUR, **extra}, headers=WRITE_HEADERS)
    assert response.status_code == 422, response.text
    problems = response.json()["detail"]
    assert [p["type"] for p in problems] == ["extra_forbidden"]
    assert problems[0]["loc"][0] == "body"
    assert (counts(seeded_module), checksum(seeded_module)) == before


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/a",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "http://",
        "www.example.com/no-scheme",
        "https://exa mple.com/",
        "https://example.com/\nx",
        "",
        "https://example.com/" + "a" * 2048,
    ],
)
def test_url_must_be_http_or_https(seeded_module: Driver, client: TestClient, url: str) -> None:
    response = client.post("/articles", json={**ROMA_RUMOUR, "url": url}, headers=WRITE_HEADERS)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["body", "url"]


def test_the_url_is_stored_on_the_source_and_shown_with_it(
    seeded_graph: Driver, client: TestClient
) -> None:
    response = client.post("/articles", json={**ROMA_RUMOUR, "url": URL}, headers=WRITE_HEADERS)
    assert response.status_code == 200, response.text
    article = response.json()["article_id"]
    records, _, _ = seeded_graph.execute_query(
        "MATCH (s:Source:Article {id: $id}) RETURN s.url AS url", id=article
    )
    assert records[0]["url"] == URL  # as sent, not normalised
    move = client.get("/moves/ancelotti-as-roma-2025").json()
    shown = [r["source"] for r in move["reports"] if r["source"]["id"] == article]
    assert shown and all(s["url"] == URL for s in shown)
    # the same article again with another url: the stored one stays, and the answer says so
    other = "http://example.com/elsewhere"
    again = client.post("/articles", json={**ROMA_RUMOUR, "url": other}, headers=WRITE_HEADERS)
    assert again.status_code == 200, again.text
    assert any(other in note and URL in note for note in again.json()["skipped"])
    records, _, _ = seeded_graph.execute_query(
        "MATCH (s:Source {id: $id}) RETURN s.url AS url", id=article
    )
    assert records[0]["url"] == URL
