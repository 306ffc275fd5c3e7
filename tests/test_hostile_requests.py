"""Requests a hostile client sends with a valid key (issue 27): each gets the status it should
(422, 413, 429, 404), never a 500, and nothing it sent is dropped without a word."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

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
