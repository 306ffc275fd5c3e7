"""`load --bulk` (neo4j-admin import) builds the same graph as the online loader."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver

from graph.loader import InputError, load
from graph.loader.bulk import BulkError, bulk_load
from graph.server import LocalServer
from graph.synth import generate
from tests.conftest import SEEDS
from tests.utils import checksum, connect, counts, private_server, wipe


@pytest.fixture(scope="module")
def bulk_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServer]:
    """A server of its own: an import replaces the database under every open driver (their
    bookmarks point past it), so the session's shared server is never bulk-loaded."""
    with private_server(tmp_path_factory.mktemp("neo4j-bulk"), pagecache="128m") as server:
        yield server


@pytest.fixture
def bulk_empty(bulk_server: LocalServer) -> Iterator[Driver]:
    with connect(bulk_server) as driver:
        wipe(driver)
        yield driver


@pytest.mark.slow
@pytest.mark.parametrize("data", ["synth", "seeds"])
def test_bulk_and_online_build_the_same_graph(
    bulk_empty: Driver, bulk_server: LocalServer, tmp_path: Path, data: str
) -> None:
    if data == "seeds":  # curated: several claims per tenure, disputes, given report dates
        seeds = SEEDS
    else:
        seeds = tmp_path / "synth"
        generate("tiny", 7, seeds)
    load([seeds], bulk_empty, "neo4j")
    online = counts(bulk_empty), checksum(bulk_empty)
    wipe(bulk_empty)
    bulk_empty.close()

    summary = bulk_load([seeds], bulk_server, lambda: connect(bulk_server), "neo4j")

    with connect(bulk_server) as driver:
        bulk = counts(driver), checksum(driver)
        constraints, _, _ = driver.execute_query("SHOW CONSTRAINTS YIELD name RETURN name")
        version, _, _ = driver.execute_query("MATCH (m:Meta {id: 'graph'}) RETURN m.version AS v")
    assert bulk == online
    assert summary.nodes == online[0][0]
    assert {"person_id", "tenure_id", "move_id"} <= {r["name"] for r in constraints}
    assert version[0]["v"] == 1


def test_bulk_refuses_a_graph_that_is_not_empty(
    bulk_empty: Driver, bulk_server: LocalServer, tmp_path: Path
) -> None:
    seeds = tmp_path / "synth"
    generate("tiny", 7, seeds)
    load([seeds / "outlets.csv"], bulk_empty, "neo4j")
    with pytest.raises(BulkError, match="empty"):
        bulk_load([seeds], bulk_server, lambda: connect(bulk_server), "neo4j")
    assert bulk_server.bolt_answers()


def test_bulk_refuses_invalid_seeds_before_stopping_the_server(
    bulk_empty: Driver, bulk_server: LocalServer, tmp_path: Path
) -> None:
    seeds = tmp_path / "synth"
    generate("tiny", 7, seeds)
    with (seeds / "influences.csv").open("a", encoding="utf-8") as handle:
        handle.write("nobody,no-such-move,for,,dataset-synth,\n")
    with pytest.raises(InputError, match="no-such-move"):
        bulk_load([seeds], bulk_server, lambda: connect(bulk_server), "neo4j")
    assert bulk_server.bolt_answers()
