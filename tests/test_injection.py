"""Cypher injection through every path and query parameter and the article body: every answer
is a normal 2xx or a 4xx, and the graph stays byte-for-byte the same."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from tests.utils import WRITE_HEADERS, checksum, counts

PAYLOADS = [
    "' OR 1=1 //",
    '"}) MATCH (n) DETACH DELETE n //',
    "`) DETACH DELETE n //",
    "} RETURN 1 //",
    "MATCH (n) DETACH DELETE n",
    "carlo-ancelotti' }) MATCH (n) SET n.pwned = true //",
    "Conceição ⚽ 🏆 ИЯ 中文",
    "nul\x00byte",
    "x" * 5000,
]

# Values that are valid for a parameter's type, so the payload reaches the query where it can.
SAFE = {"at": "2019-03-10", "since": "2024-01-01", "max_hops": "4", "depth": "1", "k": "2"}


def _get_operations(schema: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    ops = []
    for path, methods in schema["paths"].items():
        if "get" in methods:
            ops.append((path, methods["get"].get("parameters", [])))
    return ops


def _requests(schema: dict[str, Any]) -> list[str]:
    urls = []
    for path, params in _get_operations(schema):
        names = [p["name"] for p in params if p["in"] == "query"]
        path_params = re.findall(r"{(\w+)}", path)
        for payload in PAYLOADS:
            encoded = quote(payload, safe="")
            base = path
            for name in path_params:
                base = base.replace("{" + name + "}", encoded)
            if path_params:
                urls.append(base)
            filled = re.sub(r"{\w+}", "carlo-ancelotti", path)
            for name in names:
                others = "&".join(
                    f"{n}={SAFE.get(n, 'carlo-ancelotti')}"
                    for n in names
                    if n != name and n in ("q", "from", "to", "center")
                )
                query = f"{name}={encoded}" + (f"&{others}" if others else "")
                urls.append(f"{filled}?{query}")
    return urls


@pytest.mark.slow
def test_injection_through_every_parameter_changes_nothing(
    seeded_graph: Driver, client: TestClient
) -> None:
    before = (counts(seeded_graph), checksum(seeded_graph))
    schema = client.get("/openapi.json").json()
    urls = _requests(schema)
    assert len(urls) > 100
    failures = []
    for url in urls:
        response = client.get(url)
        if response.status_code >= 500 or not response.headers["content-type"].startswith(
            ("application/json", "text/html", "text/plain", "text/css", "application/javascript")
        ):
            failures.append(f"{url[:120]} -> {response.status_code} {response.text[:200]}")
        assert "Traceback" not in response.text
    assert not failures, failures[:10]
    assert (counts(seeded_graph), checksum(seeded_graph)) == before
    records, _, _ = seeded_graph.execute_query("MATCH (n) WHERE n.pwned RETURN count(n) AS c")
    assert records[0]["c"] == 0


@pytest.mark.parametrize("payload", PAYLOADS)
def test_injection_in_the_article_body_writes_only_data(
    seeded_graph: Driver, client: TestClient, payload: str
) -> None:
    nodes_before, _ = counts(seeded_graph)
    body = {
        "text": f"Secondo Tuttosport, Carlo Ancelotti potrebbe allenare la Roma. {payload}",
        "lang": "it",
        "date": "2025-02",
        "outlet": payload[:200],
        "title": payload[:200],
    }
    response = client.post("/articles", json=body, headers=WRITE_HEADERS)
    assert response.status_code < 500, response.text
    records, _, _ = seeded_graph.execute_query("MATCH (n) WHERE n.pwned RETURN count(n) AS c")
    assert records[0]["c"] == 0
    nodes_after, _ = counts(seeded_graph)
    assert nodes_after >= nodes_before  # nothing deleted
    if response.status_code == 200:
        article_id = response.json()["article_id"]
        stored, _, _ = seeded_graph.execute_query(
            "MATCH (a:Article {id: $id}) RETURN a.text AS text", id=article_id
        )
        assert (
            stored[0]["text"].endswith(payload.replace("\x00", "")) or payload in stored[0]["text"]
        )
