"""The benchmark machinery keeps working: a tiny graph, a second of each load generator.

Never asserts a performance number, a rate or a time: the benchmark (python -m benchmarks.run)
reports them. What is asserted holds on any machine with either load generator: exact counts of a
fixed number of requests, and that every timed run answered without errors.
"""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest
from neo4j import Driver

from benchmarks import loadgen, loading, queries, report
from benchmarks.run import Run
from benchmarks.workload import Workload, sample
from graph.server import LocalServer
from graph.synth import SIZES, generate
from tests.utils import free_port

# The exact count: this many career ids, asked for once each, then REPEAT times each.
IDS = 4
REPEAT = 5


def test_synth_is_deterministic_and_valid(tmp_path: Path) -> None:
    generate("tiny", 3, tmp_path / "a")
    generate("tiny", 3, tmp_path / "b")
    for name in ("people.csv", "tenures.csv", "moves.csv", "move_reports.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    from graph.loader.files import discover
    from graph.loader.validate import validate

    checked = validate(discover([tmp_path / "a"]), None, "neo4j")
    assert checked.errors == [] and checked.warnings == []
    assert checked.rows["people"] > SIZES["tiny"].coaches
    assert checked.rows["influences"] > 0


def _version_known(api: queries.Api) -> None:
    """Wait until `api` knows the graph's version: its cached answers carry X-Cache from then on.

    The first request asks Neo4j for the version; should that question fail, requests go
    through uncached for a while. Waiting here keeps that out of the counts that follow.
    """
    deadline = time.monotonic() + 60
    while "x-cache" not in httpx.get(f"{api.base}/search?q=version", timeout=10).headers:
        assert time.monotonic() < deadline, "the API never knew the graph's version"
        time.sleep(0.2)


def _exact_cache_counts(
    api: queries.Api, work: Workload, folder: Path
) -> tuple[loadgen.Result, queries.CacheCounts, loadgen.Result, queries.CacheCounts]:
    """A first pass over IDS careers (one client), then REPEAT passes (two clients)."""
    ids = folder / "ids.paths"
    ids.write_text("\n".join(work.paths["career"][:IDS]) + "\n", encoding="utf-8")
    _version_known(api)
    first, first_counts = queries.with_cache(api, ids, clients=1, seconds=0, requests=IDS)
    again, again_counts = queries.with_cache(api, ids, clients=2, seconds=0, requests=IDS * REPEAT)
    return first, first_counts, again, again_counts


@pytest.mark.slow
def test_benchmark_machinery_runs_briefly(
    empty_graph: Driver, neo4j_server: LocalServer, tmp_path: Path
) -> None:
    seeds = tmp_path / "seeds"
    generate("tiny", 1, seeds)
    rows = loading.count_rows(seeds)
    env = loading.bench_env(neo4j_server)
    loaded = loading.online("tiny", seeds, rows, env, empty_graph)
    assert loaded.rows == rows

    work = sample(empty_graph)
    assert len(set(work.paths["career"][:IDS])) == IDS
    api = queries.Api(free_port(), env, tmp_path / "api.log")
    # The version is asked again at most once a minute (the longest ttl): it stands throughout.
    cached = queries.Api(
        free_port(),
        {**env, "RESPONSE_CACHE_TTL": "60"},
        tmp_path / "api-cached.log",
        cache=True,
    )
    try:
        first, first_counts, again, again_counts = _exact_cache_counts(cached, work, tmp_path)
        results = queries.measure(
            "tiny",
            api,
            work,
            neo4j_server.bolt_uri,
            neo4j_server.password(),
            tmp_path,
            clients=[2],
            seconds=1,
            endpoints=("career", "paths-4"),
            cached=cached,
        )
        rss = api.rss_mb()
        work.skewed = {"career": work.skewed["career"][:500]}
        skewed = queries.measure_skewed("tiny", cached, work, tmp_path, clients=2, seconds=1)
    finally:
        api.stop()
        cached.stop()

    # A fixed number of requests over a fixed set of ids: each id misses once, then only hits.
    assert (first.requests, first.errors, first.tool) == (IDS, 0, "httpx")
    assert first_counts == queries.CacheCounts(hits=0, misses=IDS, bypassed=0)
    assert (again.requests, again.errors) == (IDS * REPEAT, 0)
    assert again_counts == queries.CacheCounts(hits=IDS * REPEAT, misses=0, bypassed=0)
    assert again_counts.hit_ratio == 1.0 and first_counts.hit_ratio == 0.0

    # The timed runs: the installed load generator ran, every client got answers, no errors.
    http_tool = loadgen.tool()
    assert [k.endpoint for k in skewed] == ["career"]
    assert skewed[0].result.tool == http_tool
    assert skewed[0].result.requests > 0 and skewed[0].result.errors == 0
    assert 0 < skewed[0].distinct <= len(work.paths["career"])  # the whole (tiny) population
    assert 0.0 <= skewed[0].hit_ratio <= 1.0
    assert [r.endpoint for r in results] == ["career", "paths-4"]
    for r in results:
        assert (r.api.tool, r.driver.tool) == (http_tool, "neo4j async driver")
        assert r.api.requests > 0 and r.driver.requests > 0
        assert r.api.errors == 0 and r.driver.errors == 0
        assert r.cached is not None and r.cached.requests > 0 and r.cached.errors == 0
        assert r.cached.tool == http_tool
        assert r.hit_ratio is not None and 0.0 <= r.hit_ratio <= 1.0

    run = Run("test", {"cpu": "test"}, 1.0, loads=[loaded], queries=results, skewed=skewed)
    run.api_rss_mb["tiny"] = rss
    text = report.render(run)
    assert "## Loading" in text and "## Queries" in text and "paths-4" in text
    assert "cached p99" in text
    assert "skewed workload" in text
    assert ("loaded by `wrk`" if http_tool == "wrk" else "loaded by an async httpx client") in text


def test_a_run_says_which_http_load_generator_it_uses() -> None:
    assert loadgen.tool() in ("wrk", "httpx")
    described = loadgen.describe()
    assert described.startswith(loadgen.tool())
    if loadgen.tool() == "httpx":
        assert "scripts/bench-deps.sh" in described


def test_extraction_benchmark_runs_and_reports() -> None:
    from benchmarks import extract as extract_bench
    from graph.extract.gazetteer import from_seeds
    from graph.settings import PROJECT_ROOT

    gaz = from_seeds([PROJECT_ROOT / "seeds"])
    items = extract_bench.articles([extract_bench.DEV])[:2]
    timing = extract_bench.measure(items, gaz, rounds=1)
    lines = extract_bench.report(timing, gaz, [extract_bench.DEV])
    assert timing.articles == 2 and len(timing.rounds) == 1
    assert any(line.startswith("ms/article") for line in lines)
