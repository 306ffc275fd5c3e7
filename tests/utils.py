"""Small helpers for tests: wiping the graph, counting and checksumming it."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from neo4j import Driver, GraphDatabase

from app.settings import ApiSettings
from graph.server import LocalServer
from graph.settings import PROJECT_ROOT

API_FIXTURE = PROJECT_ROOT / "tests" / "fixtures" / "api"

# One extra tenures file in the seeds format whose source disagrees with the curated start of
# Ancelotti's Chelsea spell: a disputed tenure.
DATASET = "dataset-test-chelsea-managers"
DISPUTING = {
    "sources.csv": (
        "id,kind,title,date,lang,url,outlet,publisher,text_file\n"
        f"{DATASET},dataset,Chelsea managers (test export),,,,,Test,\n"
    ),
    # Chelsea from 2009-07-01, not 2009-06-01 as the curated reference says
    "chelsea.tenures.csv": (
        "id,coach,team,role,start,end,contract_until,source,evidence\n"
        f"ancelotti-chelsea,carlo-ancelotti,chelsea,head,2009-07-01,2011-05-22,,{DATASET},\n"
    ),
}


def disputing_seeds(directory: Path) -> Path:
    """DISPUTING written into `directory`, which is returned."""
    for name, text in DISPUTING.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


API_KEY = "test-write-key-for-the-suite-only"
WRITE_HEADERS = {"X-API-Key": API_KEY}

COUNTS = """
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
RETURN nodes, rels
"""

NODE_PROPS = """
MATCH (n) WHERE NOT n:Meta
RETURN labels(n) AS labels, properties(n) AS props
"""

REL_PROPS = """
MATCH (a)-[r]->(b)
RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props
"""


def wipe(driver: Driver) -> None:
    """Delete every node and relationship, in batches (keeps constraints and indexes)."""
    while True:
        records, _, _ = driver.execute_query(
            "MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted"
        )
        if records[0]["deleted"] == 0:
            return


def fresh_plan(driver: Driver, text: str, **params: Any) -> list[str]:
    """The operators of a plan made now for `text` (`replan=force`: not a cached one), depth
    first; a scan with what it scans."""
    with driver.session(database="neo4j") as session:
        plan = session.run(f"CYPHER replan=force EXPLAIN {text}", params).consume().plan
    if plan is None:
        raise AssertionError(f"no plan for {text[:60]!r}")
    return _operators(plan)


def _operators(plan: Any) -> list[str]:
    kind = str(plan["operatorType"]).split("@")[0]
    if "Scan" in kind:
        kind += " " + str(plan.get("args", {}).get("Details", ""))
    return [kind] + [op for child in plan.get("children", []) for op in _operators(child)]


def counts(driver: Driver) -> tuple[int, int]:
    records, _, _ = driver.execute_query(COUNTS)
    return records[0]["nodes"], records[0]["rels"]


def _canon(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def checksum(driver: Driver) -> str:
    """A digest of every node's labels and properties and every relationship (Meta excluded)."""
    nodes, _, _ = driver.execute_query(NODE_PROPS)
    rels, _, _ = driver.execute_query(REL_PROPS)
    items = sorted(_canon([sorted(r["labels"]), r["props"]]) for r in nodes)
    items += sorted(_canon([r["a"], r["type"], r["b"], r["props"]]) for r in rels)
    return hashlib.sha256("\n".join(items).encode("utf-8")).hexdigest()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def live_app(settings: ApiSettings, **extra_env: str) -> Iterator[str]:
    """The app served for real by uvicorn in a subprocess; yields its base URL."""
    port = free_port()
    assert settings.neo4j_password is not None
    env = dict(os.environ)
    env.update(
        NEO4J_URI=settings.neo4j_uri,
        NEO4J_PASSWORD=settings.neo4j_password.get_secret_value(),
        NEO4J_DATABASE=settings.neo4j_database,
        NEO4J_QUERY_TIMEOUT=str(settings.neo4j_query_timeout),
        NEO4J_HTTP_PORT=str(settings.neo4j_http_port),
        COACHGRAPH_NEO4J_HOME=str(settings.coachgraph_neo4j_home),
        **extra_env,
    )
    cmd = [
        *(sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory"),
        *("--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"),
    ]
    proc = subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"uvicorn exited with {proc.returncode}")
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the app did not answer on {url} within 60 s")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextmanager
def private_server(home: Path, heap: str = "512m", pagecache: str = "64m") -> Iterator[LocalServer]:
    """A Neo4j server of a test's own (its folder, free ports), started, and stopped after, so
    that what the test does to it (a bulk import, a reset, a second "remote" database) never
    touches the session's shared server."""
    server = LocalServer(
        home=home,
        lib=PROJECT_ROOT / ".neo4j" / "lib",
        bolt_port=free_port(),
        http_port=free_port(),
        heap=heap,
        pagecache=pagecache,
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()


def connect(server: LocalServer, uri: str = "") -> Driver:
    """A driver to `server` (its Bolt URI unless `uri` says another way to reach it)."""
    return GraphDatabase.driver(uri or server.bolt_uri, auth=("neo4j", server.password()))
