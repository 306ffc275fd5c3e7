"""Access and bad input: write keys, CORS, body caps, and Cypher injection that changes nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from pydantic import SecretStr

from app.main import create_app
from app.settings import ApiSettings
from tests.utils import WRITE_HEADERS, checksum, counts

ARTICLE = {
    "text": "Secondo Tuttosport, Carlo Ancelotti potrebbe allenare la Roma.",
    "lang": "it",
    "date": "2025-02",
}


def test_writes_need_the_api_key(client: TestClient, seeded_graph: Driver) -> None:
    before = (counts(seeded_graph), checksum(seeded_graph))
    missing = client.post("/articles", json=ARTICLE)
    assert missing.status_code == 401
    assert "X-API-Key" in missing.json()["detail"]
    wrong = client.post("/articles", json=ARTICLE, headers={"X-API-Key": "nope"})
    assert wrong.status_code == 401
    assert (counts(seeded_graph), checksum(seeded_graph)) == before
    ok = client.post("/articles", json=ARTICLE, headers=WRITE_HEADERS)
    assert ok.status_code == 200, ok.text


@pytest.fixture
def keyless_client(settings: ApiSettings) -> Iterator[TestClient]:
    with TestClient(create_app(settings.model_copy(update={"api_keys": []}))) as c:
        yield c


def test_writes_are_closed_when_no_key_is_configured(keyless_client: TestClient) -> None:
    response = keyless_client.post("/articles", json=ARTICLE, headers=WRITE_HEADERS)
    assert response.status_code == 403


def test_reads_stay_open(client: TestClient, seeded_graph: Driver) -> None:
    assert client.get("/coaches/carlo-ancelotti/career").status_code == 200


def test_cors_allows_only_configured_origins(client: TestClient) -> None:
    allowed = client.get("/health", headers={"Origin": "http://allowed.example"})
    assert allowed.headers.get("access-control-allow-origin") == "http://allowed.example"
    other = client.get("/health", headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_without_configured_origins_no_origin_is_granted(settings: ApiSettings) -> None:
    app = create_app(settings.model_copy(update={"cors_origins": []}))
    with TestClient(app) as bare:
        read = bare.get("/health", headers={"Origin": "http://allowed.example"})
        assert read.status_code == 200
        assert "access-control-allow-origin" not in read.headers
        preflight = bare.options(
            "/articles",
            headers={
                "Origin": "http://allowed.example",
                "Access-Control-Request-Method": "POST",
            },
        )
        assert preflight.status_code >= 400
        assert "access-control-allow-origin" not in preflight.headers


def test_request_body_cap(client: TestClient) -> None:
    body = {"text": "x" * 1_100_000, "lang": "it"}
    response = client.post("/articles", json=body, headers=WRITE_HEADERS)
    assert response.status_code == 413
    assert response.json()["error"] == "payload_too_large"


def test_the_api_key_is_not_in_the_openapi_schema(client: TestClient) -> None:
    text = client.get("/openapi.json").text
    assert "test-write-key" not in text
    assert isinstance(ApiSettings().api_keys, list)
    assert all(isinstance(k, SecretStr) for k in ApiSettings(api_keys=["k"]).api_keys)  # type: ignore[list-item]
