"""Requests a hostile client sends with a valid key (issue 27): each gets the status it should
(422, 413, 429, 404), never a 500, and nothing it sent is dropped without a word."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from pydantic import SecretStr

from app.main import create_app
from app.ratelimit import WriteQuota
from app.settings import ApiSettings
from graph.reads.search import fulltext_query
from tests.conftest import FIXTURES
from tests.utils import API_KEY, WRITE_HEADERS, checksum, counts, live_app

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


def test_an_article_longer_than_the_cap_is_413(seeded_module: Driver, client: TestClient) -> None:
    before = (counts(seeded_module), checksum(seeded_module))
    text = ROMA_RUMOUR["text"]
    body = {**ROMA_RUMOUR, "text": (text * (100_000 // len(text) + 1))[:100_001]}
    response = client.post("/articles", json=body, headers=WRITE_HEADERS)
    assert response.status_code == 413, response.text
    assert response.json()["error"] == "payload_too_large"
    assert "100000" in response.json()["detail"]
    assert (counts(seeded_module), checksum(seeded_module)) == before


def test_the_article_cap_is_configurable(seeded_graph: Driver, settings: ApiSettings) -> None:
    text = ROMA_RUMOUR["text"]
    capped = settings.model_copy(update={"article_max_chars": len(text)})
    with TestClient(create_app(capped), raise_server_exceptions=False) as client:
        longer = {**ROMA_RUMOUR, "text": text + "!"}
        assert client.post("/articles", json=longer, headers=WRITE_HEADERS).status_code == 413
        response = client.post("/articles", json=ROMA_RUMOUR, headers=WRITE_HEADERS)
        assert response.status_code == 200, response.text


def test_writes_beyond_a_keys_quota_are_429_with_retry_after(
    seeded_graph: Driver, settings: ApiSettings
) -> None:
    other = "a-second-key-for-the-quota-test"
    limited = settings.model_copy(
        update={
            "writes_per_minute": 1,
            "write_burst": 2,
            "api_keys": [SecretStr(API_KEY), SecretStr(other)],
        }
    )
    with TestClient(create_app(limited), raise_server_exceptions=False) as client:
        for _ in range(2):
            response = client.post("/articles", json=ROMA_RUMOUR, headers=WRITE_HEADERS)
            assert response.status_code == 200, response.text
        refused = client.post("/articles", json=ROMA_RUMOUR, headers=WRITE_HEADERS)
        assert refused.status_code == 429, refused.text
        assert refused.json()["error"] == "too_many_requests"
        assert 1 <= int(refused.headers["Retry-After"]) <= 60
        # the quota is per key: another key still writes
        response = client.post("/articles", json=ROMA_RUMOUR, headers={"X-API-Key": other})
        assert response.status_code == 200, response.text
        # reads are never counted
        assert client.get("/moves/ancelotti-as-roma-2025").status_code == 200


def test_quota_refills_at_its_rate() -> None:
    now = [0.0]
    quota = WriteQuota(per_minute=6, burst=2, clock=lambda: now[0])
    assert [quota.take(0), quota.take(0)] == [0, 0]
    assert quota.take(0) == 10  # one write every 10 s
    assert quota.take(1) == 0  # another key has its own bucket
    now[0] = 9.0
    assert quota.take(0) == 1
    now[0] = 10.0
    assert quota.take(0) == 0
    now[0] = 1000.0  # never more than the burst
    assert [quota.take(0), quota.take(0), quota.take(0)] == [0, 0, 10]
    assert WriteQuota(per_minute=0, burst=1).take(0) == 0  # 0 a minute: no quota


@pytest.mark.parametrize(
    "path",
    [
        "/moves/ancelotti-as-roma-2025%2F",
        "/moves/ancelotti-as-roma-2025%2f",
        "/outlets/tuttosport%2F",
        "/coaches/carlo-ancelotti%2F/career",
        "/teams/as-roma%2F/coaches",
        "/moves/ancelotti-as-roma-2025%2F/influencers",
        "/moves/ancelotti-as-roma-2025/",
    ],
)
def test_an_id_with_an_encoded_slash_is_404_not_a_redirect(
    seeded_module: Driver, client: TestClient, path: str
) -> None:
    response = client.get(path, follow_redirects=False)
    assert response.status_code == 404, (response.status_code, response.headers)
    assert response.json()["error"] == "not_found"


@pytest.mark.parametrize(
    ("syntax", "words"),
    [
        ("a*", "a"),
        ("[a TO z]", "a to z"),
        ("ancelotti~", "ancelotti"),
        ("ancel?tti", "ancel tti"),
        ("name:ancelotti", "name ancelotti"),
        ('"carlo ancelotti"', "carlo ancelotti"),
        ("carlo AND NOT ancelotti", "carlo and not ancelotti"),
        ("+roma -milan", "roma milan"),
        ("(real || madrid)^4", "real madrid 4"),
        ("/ro.*ma/", "ro ma"),
    ],
)
def test_search_reads_lucene_syntax_as_plain_words(
    seeded_module: Driver, client: TestClient, syntax: str, words: str
) -> None:
    literal = client.get("/search", params={"q": syntax, "limit": 200})
    plain = client.get("/search", params={"q": words, "limit": 200})
    assert literal.status_code == plain.status_code == 200, literal.text
    assert {**literal.json(), "query": words} == plain.json()


def test_escaped_terms_reach_the_full_text_index_as_literals(seeded_module: Driver) -> None:
    def hits(words: str) -> int:
        records, _, _ = seeded_module.execute_query(
            "CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node RETURN count(*) AS n",
            q=fulltext_query(words),
        )
        return int(records[0]["n"])

    # Lucene would refuse most of these as query syntax (a ClientError); escaped, they run
    for word in ["[a", "z]", "name:x", '"', "\\", "~", "(x)", "/r/", "a*", "ro?a", "!", "&&"]:
        hits(word)
    # an operator word is a word: the index folds case, so it finds what the word finds
    for word in ("AND", "OR", "NOT", "TO"):
        assert hits(word) == hits(word.lower()), word
    assert hits("roma TO milan") == hits("roma to milan")


@pytest.mark.parametrize(
    "text", ["⚽🏆🔥", "\x00\x00\x00", "\u0301\u0302\u0303", "2025 - 1 - 0", " \u200b\ufeff "]
)
def test_an_article_with_no_letters_is_refused(
    seeded_module: Driver, client: TestClient, text: str
) -> None:
    before = (counts(seeded_module), checksum(seeded_module))
    body = {"text": text, "date": "2025-01", "lang": "it", "create_new": True}
    response = client.post("/articles", json=body, headers=WRITE_HEADERS)
    assert response.status_code == 422, response.text
    assert "no letters" in response.json()["detail"]
    assert (counts(seeded_module), checksum(seeded_module)) == before


def test_of_concurrent_identical_ingests_only_the_writer_says_new(
    seeded_graph: Driver, settings: ApiSettings
) -> None:
    copies = 8
    with live_app(settings, API_KEYS=json.dumps([API_KEY])) as url:
        barrier = threading.Barrier(copies)

        def post(_: int) -> dict[str, object]:
            with httpx.Client(base_url=url, timeout=60) as http:
                barrier.wait()
                response = http.post("/articles", json=ROMA_RUMOUR, headers=WRITE_HEADERS)
                assert response.status_code == 200, response.text
                answer: dict[str, object] = response.json()
                return answer

        with ThreadPoolExecutor(copies) as pool:
            answers = list(pool.map(post, range(copies)))
    assert len({a["article_id"] for a in answers}) == 1
    assert [a["new_article"] for a in answers].count(True) == 1
    assert [a["wrote"] for a in answers].count(True) == 1
    records, _, _ = seeded_graph.execute_query(
        "MATCH (a:Article {id: $id}) RETURN count(a) AS n", id=answers[0]["article_id"]
    )
    assert records[0]["n"] == 1
