"""The local Neo4j server from Maven Central: it runs, serves Browser and HTTP, and /health
follows it down and back up."""

from __future__ import annotations

import base64
import json
import socket
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from graph.server import LocalServer, ServerError
from graph.server.java import find_java
from graph.server.local import JVM_FLAGS, new_password
from graph.server.provision import neo4j_version


def test_java_17_or_newer_is_found() -> None:
    assert find_java().major >= 17


def test_the_pinned_version_is_5_26_lts() -> None:
    assert neo4j_version().startswith("5.26.")


def test_generated_passwords_never_read_as_an_option() -> None:
    """neo4j-admin takes the password as an argument: one starting with "-" was an option."""
    passwords = {new_password() for _ in range(500)}
    assert len(passwords) == 500
    assert all(len(p) == 36 and p.isalnum() and p == p.lower() for p in passwords)


def test_start_when_running_is_a_no_op(neo4j_server: LocalServer) -> None:
    pid = neo4j_server.pid()
    assert neo4j_server.start() is False
    assert neo4j_server.pid() == pid


def test_the_server_runs_with_the_distributions_jvm_flags(neo4j_server: LocalServer) -> None:
    cmdline = Path(f"/proc/{neo4j_server.pid()}/cmdline")
    if not cmdline.exists():
        pytest.skip("no /proc on this system")
    args = cmdline.read_bytes().split(b"\0")
    assert [flag for flag in JVM_FLAGS if flag.encode() not in args] == []


def test_browser_and_http_cypher_answer(neo4j_server: LocalServer) -> None:
    base = f"http://127.0.0.1:{neo4j_server.http_port}"
    with urllib.request.urlopen(f"{base}/browser/", timeout=10) as response:
        assert response.status == 200
        assert b"Neo4j Browser" in response.read()
    token = base64.b64encode(f"neo4j:{neo4j_server.password()}".encode()).decode()
    request = urllib.request.Request(
        f"{base}/db/neo4j/tx/commit",
        data=json.dumps({"statements": [{"statement": "RETURN 1 + 1 AS two"}]}).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Basic {token}"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        body = json.loads(response.read())
    assert body["errors"] == []
    assert body["results"][0]["data"][0]["row"] == [2]


def test_authentication_is_on(neo4j_server: LocalServer) -> None:
    request = urllib.request.Request(
        f"http://127.0.0.1:{neo4j_server.http_port}/db/neo4j/tx/commit",
        data=b'{"statements": []}',
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=10)
    assert caught.value.code == 401
    caught.value.close()


@pytest.fixture
def squatter() -> Iterator[int]:
    """A port held by another program."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    yield sock.getsockname()[1]
    sock.close()


def test_a_taken_port_is_a_clear_error(tmp_path: Path, squatter: int) -> None:
    server = LocalServer(
        home=tmp_path / "home", lib=Path(".neo4j/lib"), bolt_port=squatter, http_port=squatter + 1
    )
    with pytest.raises(ServerError) as caught:
        server.start()
    assert f"Port {squatter} (Bolt)" in str(caught.value)
    assert not (tmp_path / "home" / "run").exists()


def test_health_ok(client: TestClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["neo4j"] == "up"
    assert body["neo4j_version"].startswith("5.26")


@pytest.mark.slow
def test_health_is_503_while_neo4j_is_down_and_recovers(
    client: TestClient, neo4j_server: LocalServer
) -> None:
    assert client.get("/health").status_code == 200
    neo4j_server.stop()
    try:
        response = client.get("/health")
        assert response.status_code == 503
        assert response.headers["Retry-After"].isdigit()
        body = response.json()
        assert body["neo4j"] == "down"
        assert "Traceback" not in response.text
    finally:
        neo4j_server.start()
    deadline = time.monotonic() + 120  # a bound on waiting, not a promise of speed
    status = 0
    while time.monotonic() < deadline:
        status = client.get("/health").status_code
        if status == 200:
            break
        time.sleep(0.5)
    assert status == 200
