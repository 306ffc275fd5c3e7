"""Test fixtures: the real Neo4j (a dedicated local server), and graphs in known states.

The test server lives in .neo4j/test on ports 17687 (Bolt) and 17474 (HTTP), so tests never
touch the graph `coachgraph run` serves. Set COACHGRAPH_TEST_NEO4J_HOME, COACHGRAPH_TEST_BOLT_PORT
and COACHGRAPH_TEST_HTTP_PORT to run several suites side by side.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver, GraphDatabase

from app.main import create_app
from app.settings import ApiSettings
from graph.extract.gazetteer import Gazetteer, from_seeds
from graph.loader import load
from graph.server import LocalServer
from graph.settings import PROJECT_ROOT
from tests.utils import API_KEY, wipe

SEEDS = PROJECT_ROOT / "seeds"
FIXTURES = Path(__file__).with_name("fixtures")


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[LocalServer]:
    server = LocalServer(
        home=Path(os.environ.get("COACHGRAPH_TEST_NEO4J_HOME", PROJECT_ROOT / ".neo4j" / "test")),
        lib=PROJECT_ROOT / ".neo4j" / "lib",
        bolt_port=int(os.environ.get("COACHGRAPH_TEST_BOLT_PORT", "17687")),
        http_port=int(os.environ.get("COACHGRAPH_TEST_HTTP_PORT", "17474")),
        heap="768m",
        pagecache="256m",
    )
    started = server.start()
    yield server
    if started and os.environ.get("COACHGRAPH_TEST_KEEP_SERVER") != "1":
        server.stop()


@pytest.fixture(scope="session")
def settings(neo4j_server: LocalServer) -> ApiSettings:
    return ApiSettings(
        neo4j_uri=neo4j_server.bolt_uri,
        neo4j_password=neo4j_server.password(),  # type: ignore[arg-type]
        neo4j_database="neo4j",
        coachgraph_neo4j_home=neo4j_server.home,
        neo4j_http_port=neo4j_server.http_port,
        retry_after_seconds=2,
        # The tests assert answers, not how soon they come: on this small graph a query that
        # outlasts the default 10 s means a stalled machine or a server that just restarted,
        # and the API would answer 422 (query too expensive) instead.
        neo4j_query_timeout=60.0,
        api_keys=[API_KEY],  # type: ignore[list-item]
        cors_origins=["http://allowed.example"],
    )


@pytest.fixture(scope="session")
def driver(neo4j_server: LocalServer) -> Iterator[Driver]:
    drv = GraphDatabase.driver(neo4j_server.bolt_uri, auth=("neo4j", neo4j_server.password()))
    yield drv
    drv.close()


@pytest.fixture
def empty_graph(driver: Driver) -> Driver:
    """A graph with no nodes (schema kept)."""
    wipe(driver)
    return driver


@pytest.fixture
def seeded_graph(driver: Driver) -> Driver:
    """The seeds loaded into an otherwise empty graph (fresh for each test)."""
    wipe(driver)
    load([SEEDS], driver, "neo4j")
    return driver


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    """The offline gazetteer (the shipped seeds and Wikidata export): extraction tests need no
    Neo4j, and building it once serves them all."""
    return from_seeds([SEEDS])


@pytest.fixture(scope="module")
def seeded_module(driver: Driver) -> Driver:
    """The seeds, loaded once for a module of read-only tests."""
    wipe(driver)
    load([SEEDS], driver, "neo4j")
    return driver


@pytest.fixture
def client(settings: ApiSettings) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        yield c
