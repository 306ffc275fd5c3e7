"""Faults against the real server: Neo4j killed during a large load loses nothing on re-run."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from neo4j import Driver, GraphDatabase

from graph.server import LocalServer
from graph.settings import PROJECT_ROOT
from tests.utils import counts, wipe

PEOPLE = 40_000


def _write_large_seeds(folder: Path) -> None:
    folder.mkdir()
    with (folder / "sources.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["id", "kind", "title", "date", "lang", "url", "outlet", "publisher", "text_file"]
        )
        writer.writerow(
            ["ref-bulk", "reference", "Bulk", "", "", "https://example.org", "", "", ""]
        )
    with (folder / "people.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["id", "name", "roles", "aliases", "birth_date", "nationality", "wikidata_id", "source"]
        )
        for i in range(PEOPLE):
            writer.writerow(
                [f"person-{i}", f"Person Nùmero {i}", "coach", f"P{i}", "", "", "", "ref-bulk"]
            )


@pytest.mark.slow
def test_killed_during_load_then_rerun_gives_the_uninterrupted_counts(
    driver: Driver, neo4j_server: LocalServer, tmp_path: Path
) -> None:
    wipe(driver)
    seeds = tmp_path / "large"
    _write_large_seeds(seeds)
    env = {
        **os.environ,
        "NEO4J_URI": neo4j_server.bolt_uri,
        "NEO4J_PASSWORD": neo4j_server.password(),
        "COACHGRAPH_NEO4J_HOME": str(neo4j_server.home),
    }
    cmd = [sys.executable, "-m", "app.cli", "load", str(seeds), "--batch-size", "200"]
    proc = subprocess.Popen(
        cmd, env=env, cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        # The loader is held still (SIGSTOP) whenever the graph is counted, and stays held until
        # Neo4j is killed: it is killed mid-load however fast the loader runs.
        deadline = time.monotonic() + 300
        while True:
            assert proc.poll() is None, proc.communicate()[0]
            proc.send_signal(signal.SIGSTOP)
            nodes, _ = counts(driver)
            if nodes > 2_000:
                break
            proc.send_signal(signal.SIGCONT)
            assert time.monotonic() < deadline, "the load never wrote 2,000 nodes"
            time.sleep(0.05)
        assert nodes < PEOPLE + 1, "the load was over before it was held"
        neo4j_server.kill()
        proc.send_signal(signal.SIGCONT)
        output, _ = proc.communicate(timeout=180)
    finally:
        if proc.poll() is None:
            proc.kill()
        neo4j_server.start()
    assert proc.returncode != 0
    assert "unreachable" in output, output
    assert "run the same load again" in output, output
    assert "Traceback" not in output

    fresh = GraphDatabase.driver(neo4j_server.bolt_uri, auth=("neo4j", neo4j_server.password()))
    try:
        partial, _ = counts(fresh)
        assert 0 < partial < PEOPLE + 1
        rerun = subprocess.run(
            cmd, env=env, cwd=PROJECT_ROOT, capture_output=True, text=True, check=False
        )
        assert rerun.returncode == 0, rerun.stdout + rerun.stderr
        nodes, rels = counts(fresh)
        assert nodes == PEOPLE + 1 + 1  # people, the source, the Meta node
        assert rels == PEOPLE  # each person SOURCED_FROM the source
        records, _, _ = fresh.execute_query(
            "MATCH (p:Person) WITH p.id AS id, count(*) AS n WHERE n > 1 RETURN count(*) AS dupes"
        )
        assert records[0]["dupes"] == 0
        wipe(fresh)
    finally:
        fresh.close()
