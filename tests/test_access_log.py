"""The access log: one JSON object per line and request, whatever the console is."""

from __future__ import annotations

import io
import json
import logging

from fastapi.testclient import TestClient
from neo4j import Driver

from app.logging import install_access_log, log


def test_each_request_writes_one_json_line(seeded_graph: Driver, client: TestClient) -> None:
    stream = io.StringIO()
    handlers, propagate = log.handlers, log.propagate
    install_access_log(stream)
    try:
        client.get("/coaches/carlo-ancelotti/career", params={"limit": 3})
        client.get("/coaches/nobody-at-all/career")
    finally:
        log.handlers, log.propagate = handlers, propagate
        log.setLevel(logging.NOTSET)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert first["path"] == "/coaches/carlo-ancelotti/career"
    assert first["query"] == "limit=3"
    assert (first["status"], second["status"]) == (200, 404)
    assert first["method"] == "GET" and first["time"]
    # how long it took is reported, whatever it was (rounded to 0.01 ms: a fast answer is 0.0)
    assert isinstance(first["duration_ms"], float) and first["duration_ms"] >= 0
