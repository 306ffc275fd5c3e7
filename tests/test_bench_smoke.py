"""The benchmark machinery keeps working: a tiny graph, a second of each load generator.

Never asserts a performance number: the benchmark (python -m benchmarks.run) reports them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver

from benchmarks import loading, queries, report
from benchmarks.run import Run
from benchmarks.workload import sample
from graph.server import LocalServer
from graph.synth import SIZES, generate
from tests.utils import free_port


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
    api = queries.Api(free_port(), env, tmp_path / "api.log")
    cached = queries.Api(free_port(), env, tmp_path / "api-cached.log", cache=True)
    try:
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
    assert [k.endpoint for k in skewed] == ["career"]
    assert skewed[0].result.requests > 0 and skewed[0].result.errors == 0
    assert 0 < skewed[0].distinct <= len(work.paths["career"])  # the whole (tiny) population
    assert 0.0 <= skewed[0].hit_ratio <= 1.0
    assert [r.endpoint for r in results] == ["career", "paths-4"]
    for r in results:
        assert r.api.requests > 0 and r.driver.requests > 0
        assert r.api.errors == 0 and r.driver.errors == 0
        assert r.cached is not None and r.cached.requests > 0 and r.cached.errors == 0
        assert r.hit_ratio is not None and r.hit_ratio > 0.5  # a handful of ids, many requests

    run = Run("test", {"cpu": "test"}, 1.0, loads=[loaded], queries=results, skewed=skewed)
    run.api_rss_mb["tiny"] = rss
    text = report.render(run)
    assert "## Loading" in text and "## Queries" in text and "paths-4" in text
    assert "cached p99" in text
    assert "skewed workload" in text


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
