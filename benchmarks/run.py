"""`python -m benchmarks.run`: loading and query benchmarks in one run, written to BENCHMARKS.md.

Runs its own Neo4j (.neo4j/bench, Bolt 23687, HTTP 23474 by default), generates the synthetic
graphs it needs (.neo4j/synth/<size>, seed 1), and for each size: the batched loader, the naive
baseline (S) or neo4j-admin import (M, L); then the API and the bare driver under 1 and 32
clients. It never decides CI: numbers are reported, not asserted.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from neo4j import Driver, GraphDatabase
from pydantic import SecretStr

from benchmarks import loadgen, loading, machine, plans, queries, report, restart
from benchmarks.workload import ENDPOINTS, Workload, sample
from graph.server import LocalServer
from graph.settings import PROJECT_ROOT
from graph.synth import generate


@dataclass
class Run:
    """Everything one benchmark run measured (report.render turns it into Markdown)."""

    command: str
    machine: dict[str, str]
    seconds: float
    loads: list[loading.LoadResult] = field(default_factory=list)
    # (before `queries`: in the class body that name is the field from there on)
    skewed: list[queries.SkewedResult] = field(default_factory=list)
    queries: list[queries.QueryResult] = field(default_factory=list)
    api_rss_mb: dict[str, float] = field(default_factory=dict)
    load_average_end: str = ""
    profile: str = ""
    profiled: str = ""
    notes: list[str] = field(default_factory=list)
    warmup: list[float] = field(default_factory=list)


def synth(size: str, root: Path, seed: int) -> Path:
    folder = root / size
    if not (folder / "tenures.csv").exists():
        print(f"generating {size} into {folder}", flush=True)
        generate(size, seed, folder)
    return folder


def connect(server: LocalServer) -> Driver:
    return GraphDatabase.driver(
        server.bolt_uri, auth=("neo4j", server.password()), notifications_min_severity="OFF"
    )


def _agree(before: float, after: float) -> bool:
    return abs(after - before) <= loading.WARM_TOLERANCE * before


def warm_up(server: LocalServer, env: dict[str, str], synth_root: Path, seed: int) -> list[float]:
    """Unmeasured loads until the server is warm; the S loads' own times in seconds.

    A tiny load first, then S loads until two in a row agree within WARM_TOLERANCE (at least
    WARM_MIN, at most WARM_MAX; benchmarks/loading.py): the loader's statements are planned and
    cached and the server's JIT has compiled its hot code before anything is measured.
    """
    tiny = synth("tiny", synth_root, seed)
    with connect(server) as driver:
        loading.online("tiny", tiny, loading.count_rows(tiny), env, driver)
    folder = synth("S", synth_root, seed)
    rows = loading.count_rows(folder)
    times: list[float] = []
    while len(times) < loading.WARM_MAX:
        with connect(server) as driver:
            result = loading.online("S", folder, rows, env, driver)
        times.append(result.loader_seconds or result.seconds)
        print(f"warm-up S load: {times[-1]:.2f}s", flush=True)
        if len(times) >= loading.WARM_MIN and _agree(times[-2], times[-1]):
            break
    return times


def bench(
    server: LocalServer,
    sizes: list[str],
    *,
    synth_root: Path,
    seconds: float,
    clients: list[int],
    api_port: int,
    query_sizes: list[str],
    load: bool = True,
    seed: int = 1,
    endpoints: tuple[str, ...] = ENDPOINTS,
    profile: bool = True,
    work_dir: Path | None = None,
    repeat: int = 5,
) -> Run:
    """Run the benchmark against `server` (started if needed)."""
    started = time.monotonic()
    server.start()
    env = loading.bench_env(server)
    with connect(server) as driver:
        run = Run(" ".join(shlex.quote(a) for a in sys.argv), machine.describe(driver), 0.0)
    run.machine["HTTP load generator"] = loadgen.describe()
    print(f"HTTP load generator: {run.machine['HTTP load generator']}", flush=True)
    work_dir = work_dir or Path(tempfile.mkdtemp(prefix="coachgraph-bench-"))
    if load:
        print("starting from a new, empty store", flush=True)
        loading.fresh_store(server)
        run.warmup = warm_up(server, env, synth_root, seed)
    for size in sizes:
        folder = synth(size, synth_root, seed)
        rows = loading.count_rows(folder)
        if load:
            steps = [loading.online, loading.naive if size in ("S", "tiny") else loading.bulk]
            for step in steps:
                tries = []
                small = size in ("S", "tiny")  # seconds each: a median is cheap and steadier
                for _ in range(repeat if step is loading.online and small else 1):
                    driver = connect(server)
                    try:
                        tries.append(step(size, folder, rows, env, driver))
                    finally:
                        driver.close()
                result = sorted(tries, key=lambda r: r.seconds)[len(tries) // 2]
                if len(tries) > 1:
                    times = ", ".join(f"{r.seconds:.1f}" for r in tries)
                    result.detail = f"median of {times} s"
                run.loads.append(result)
                print(
                    f"{size} {result.method}: {rows} rows in {result.seconds:.1f}s "
                    f"({result.rows_per_s:.0f} rows/s), peak RSS {result.peak_rss_mb} MB",
                    flush=True,
                )
            if size in ("S", "tiny"):  # leave the batched graph for the queries
                with connect(server) as driver:
                    loading.online(size, folder, rows, env, driver)
        if size not in query_sizes:
            continue
        with connect(server) as driver:
            work = sample(driver, seed)
        api = queries.Api(api_port, env, work_dir / f"api-{size}.log")
        cached = queries.Api(api_port + 1, env, work_dir / f"api-cached-{size}.log", cache=True)
        try:
            run.queries += queries.measure(
                size,
                api,
                work,
                server.bolt_uri,
                server.password(),
                work_dir,
                clients,
                seconds,
                endpoints,
                cached,
            )
            run.api_rss_mb[size] = api.rss_mb()
            run.api_rss_mb[f"{size}, response cache on"] = cached.rss_mb()
        finally:
            api.stop()
            cached.stop()
        run.skewed += _skewed(size, env, work, work_dir, api_port + 2, max(clients), seconds)
        if profile and size == query_sizes[-1]:
            _profile(run, server, work, size)
    run.load_average_end = machine.load_average()
    run.seconds = time.monotonic() - started
    return run


def _skewed(
    size: str,
    env: dict[str, str],
    work: Workload,
    work_dir: Path,
    port: int,
    clients: int,
    seconds: float,
) -> list[queries.SkewedResult]:
    """The response cache under the skewed workload, in an API process of its own (empty cache)."""
    api = queries.Api(port, env, work_dir / f"api-skewed-{size}.log", cache=True)
    try:
        return queries.measure_skewed(size, api, work, work_dir, clients, seconds)
    finally:
        api.stop()


def _profile(run: Run, server: LocalServer, work: object, size: str) -> None:
    from app.settings import ApiSettings
    from benchmarks.workload import Workload

    assert isinstance(work, Workload)
    mine = [q for q in run.queries if q.size == size and q.clients == 1]
    if not mine:
        return
    slowest = max(mine, key=lambda q: q.api.p50)
    settings = ApiSettings(
        neo4j_uri=server.bolt_uri,
        neo4j_password=SecretStr(server.password()),
        coachgraph_neo4j_home=server.home,
    )
    run.profiled = f"{slowest.endpoint} at {size}"
    try:
        run.profile = plans.profile_endpoint(settings, work.paths[slowest.endpoint], 100)
    except Exception as exc:
        run.profile = f"(profiling failed: {exc})"
    with connect(server) as driver:
        text = plans.profile_plans(driver, work)
    plans.write_section(
        PROJECT_ROOT / "docs" / "performance.md",
        f"## Plans of the hot queries at {size} (generated by `python -m benchmarks.run`)\n\n"
        + text
        + f"\n## pyinstrument: {run.profiled}, 100 sequential requests in process\n\n```\n"
        + run.profile
        + "\n```\n",
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--sizes", default="S,M,L", help="comma-separated: S, M, L")
    parser.add_argument("--query-sizes", default=None, help="default: M,L (or the only size)")
    parser.add_argument("--seconds", type=float, default=10.0, help="per endpoint and client count")
    parser.add_argument("--clients", default="1,32")
    parser.add_argument("--home", type=Path, default=PROJECT_ROOT / ".neo4j" / "bench")
    parser.add_argument("--bolt-port", type=int, default=23687)
    parser.add_argument("--http-port", type=int, default=23474)
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--pagecache", default="2g")
    parser.add_argument("--api-port", type=int, default=8300)
    parser.add_argument("--synth", type=Path, default=PROJECT_ROOT / ".neo4j" / "synth")
    parser.add_argument("--no-load", action="store_true", help="queries on the current graph")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "BENCHMARKS.md")
    parser.add_argument("--stop", action="store_true", help="stop the server at the end")
    parser.add_argument(
        "--repeat", type=int, default=5, help="batched loads at S: the median of N runs"
    )
    args = parser.parse_args(argv)
    sizes = args.sizes.split(",")
    if args.query_sizes is None:
        chosen = [s for s in sizes if s in ("M", "L")] or sizes[-1:]
    else:
        chosen = [s for s in args.query_sizes.split(",") if s]
    query_sizes = chosen
    server = LocalServer(
        home=args.home,
        lib=PROJECT_ROOT / ".neo4j" / "lib",
        bolt_port=args.bolt_port,
        http_port=args.http_port,
        heap=args.heap,
        pagecache=args.pagecache,
    )
    print(f"load average {os.getloadavg()}", flush=True)
    try:
        run = bench(
            server,
            sizes,
            synth_root=args.synth,
            seconds=args.seconds,
            clients=[int(c) for c in args.clients.split(",")],
            api_port=args.api_port,
            query_sizes=query_sizes,
            load=not args.no_load,
            repeat=args.repeat,
        )
    finally:
        if args.stop:
            server.stop()
    text = report.render(run)
    kept = restart.section_of(args.out)  # written by benchmarks.restart, which this does not run
    args.out.write_text(text + ("\n" + kept if kept else ""), encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
