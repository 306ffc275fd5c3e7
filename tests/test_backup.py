"""`coachgraph neo4j dump | reset | restore` on a local server of its own (its own folder and
ports, so the suite's server keeps running): load, dump, reset, restore gives the same graph."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from app.cli import app
from graph.loader import load
from graph.server import LocalServer
from graph.settings import PROJECT_ROOT, get_neo4j_settings
from tests.conftest import SEEDS
from tests.utils import checksum, connect, counts, private_server


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[LocalServer]:
    with private_server(tmp_path / "neo4j", heap="384m") as server:
        yield server


def _state(server: LocalServer) -> tuple[tuple[int, int], str]:
    with connect(server) as driver:
        return counts(driver), checksum(driver)


def _neo4j(server: LocalServer, *args: str, answer: str = "", uri: str = "") -> Result:
    env = {
        "NEO4J_URI": uri or server.bolt_uri,
        "NEO4J_HTTP_PORT": str(server.http_port),
        "COACHGRAPH_NEO4J_HOME": str(server.home),
        "NEO4J_HEAP": server.heap,
        "NEO4J_PAGECACHE": server.pagecache,
    }
    get_neo4j_settings.cache_clear()
    try:
        return CliRunner().invoke(app, ["neo4j", *args], env=env, input=answer)
    finally:
        get_neo4j_settings.cache_clear()


@pytest.mark.slow
def test_dump_reset_restore_give_back_the_same_graph(
    own_server: LocalServer, tmp_path: Path
) -> None:
    with connect(own_server) as driver:
        load([SEEDS], driver, "neo4j")
    before = _state(own_server)
    assert before[0][0] > 100

    # A stopped server stays stopped (saving its restarts here); a running one is restarted.
    own_server.stop()
    dump = tmp_path / "backups" / "seeds.dump"
    result = _neo4j(own_server, "dump", str(dump))
    assert result.exit_code == 0, result.output
    assert dump.is_file() and not own_server.is_running()
    again = _neo4j(own_server, "dump", str(dump))
    assert again.exit_code == 1 and "already exists" in again.output

    declined = _neo4j(own_server, "reset", answer="n\n")
    assert declined.exit_code != 0
    result = _neo4j(own_server, "reset", "--yes")
    assert result.exit_code == 0, result.output
    own_server.start()
    assert _state(own_server)[0] == (0, 0)

    result = _neo4j(own_server, "restore", str(dump), "--yes")
    assert result.exit_code == 0, result.output
    assert "runs again" in result.output and own_server.is_running()
    assert _state(own_server) == before


def test_operations_refuse_a_database_coachgraph_does_not_run(tmp_path: Path) -> None:
    server = LocalServer(home=tmp_path / "none", lib=PROJECT_ROOT / ".neo4j" / "lib")
    for args in (["dump", str(tmp_path / "x.dump")], ["reset", "--yes"]):
        result = _neo4j(server, *args, uri="neo4j+s://example.databases.neo4j.io")
        assert result.exit_code == 1
        assert "works on the local server only" in result.output
    assert not (tmp_path / "x.dump").exists()
