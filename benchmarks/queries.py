"""Query measurements: the API (a `coachgraph serve` process) against the bare driver."""

from __future__ import annotations

import json
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import psutil

from benchmarks import loadgen
from benchmarks.loading import coachgraph
from benchmarks.workload import ENDPOINTS, Workload

# Each measurement is ROUNDS alternating runs (API and floor, in turns first; then the cached
# API) of seconds / ROUNDS each.
ROUNDS = 3


@dataclass
class QueryResult:
    """One endpoint at one client count: the API without its response cache, the bare driver,
    and (when measured) the API with its cache on, with the share of requests it answered."""

    size: str
    endpoint: str
    clients: int
    api: loadgen.Result
    driver: loadgen.Result
    cached: loadgen.Result | None = None
    hit_ratio: float | None = None

    @property
    def ratio(self) -> float:
        return self.api.p50 / self.driver.p50 if self.driver.p50 else float("nan")


@dataclass
class SkewedResult:
    """The response cache under the skewed workload: popular ids often, most of them rarely."""

    size: str
    endpoint: str
    clients: int
    requests: int
    distinct: int
    result: loadgen.Result
    hit_ratio: float


@dataclass(frozen=True)
class CacheCounts:
    """Requests the response cache answered (hits), stored (misses) and let through uncached
    (bypassed: the graph's version was not known)."""

    hits: int
    misses: int
    bypassed: int = 0

    def __sub__(self, before: CacheCounts) -> CacheCounts:
        return CacheCounts(
            self.hits - before.hits, self.misses - before.misses, self.bypassed - before.bypassed
        )

    @property
    def hit_ratio(self) -> float:
        """Hits over the requests the cache looked up (0.0 without any)."""
        looked_up = self.hits + self.misses
        return self.hits / looked_up if looked_up else 0.0


class Api:
    """`coachgraph serve` on 127.0.0.1:`port`, in its own process (logs to a file).

    Without `cache` its response cache is off, so every request reaches Neo4j.
    """

    def __init__(self, port: int, env: dict[str, str], log: Path, cache: bool = False) -> None:
        self.port = port
        self.cache = cache
        self.base = f"http://127.0.0.1:{port}"
        self._log = log.open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            [coachgraph(), "serve", "--port", str(port)],
            env={**env, "RESPONSE_CACHE_ENTRIES": "4096" if cache else "0"},
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.base}/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"the API did not start on port {port}; see {log}")

    def cache_counts(self) -> CacheCounts:
        """Its response cache's counts so far."""
        cache = httpx.get(f"{self.base}/health", timeout=5).json().get("cache") or {}
        return CacheCounts(
            int(cache.get("hits", 0)), int(cache.get("misses", 0)), int(cache.get("bypassed", 0))
        )

    def rss_mb(self) -> float:
        return psutil.Process(self.process.pid).memory_info().rss / 2**20

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()


def measure(
    size: str,
    api: Api,
    work: Workload,
    uri: str,
    password: str,
    folder: Path,
    clients: list[int],
    seconds: float,
    endpoints: tuple[str, ...] = ENDPOINTS,
    cached: Api | None = None,
) -> list[QueryResult]:
    """Every endpoint at every client count: the API first, then the same Cypher bare, then
    (with `cached`) the API with its response cache on."""
    folder.mkdir(parents=True, exist_ok=True)
    results = []
    chosen = [e for e in endpoints if work.paths.get(e)]
    files = {}
    for endpoint in chosen:
        paths_file = folder / f"{size}-{endpoint}.paths"
        paths_file.write_text("\n".join(work.paths[endpoint]) + "\n", encoding="utf-8")
        params_file = folder / f"{size}-{endpoint}.json"
        params_file.write_text(json.dumps(work.params[endpoint]), encoding="utf-8")
        files[endpoint] = paths_file, params_file
    # Warm-up of every endpoint before any is measured: plans, connections, the pages of the
    # sampled ids in Neo4j's page cache, and the server's JIT. Two passes: after the bulk import
    # the server has just been restarted, and through the first pass it is still compiling (the
    # first endpoint measured after one pass ran at twice its later latency).
    for _ in range(2):
        for paths_file, _params in files.values():
            loadgen.http(api.base, paths_file, 4, min(3.0, seconds))
    for endpoint in chosen:
        paths_file, params_file = files[endpoint]
        loadgen.http(api.base, paths_file, 4, min(1.0, seconds))
        for n in clients:
            # API and floor alternate in ROUNDS short runs, so that a disturbance of this
            # shared machine (another tenant, a checkpoint) lands on both sides, not on one.
            part = seconds / ROUNDS
            api_runs, floor_runs, cached_runs, hits = [], [], [], []
            for round_ in range(ROUNDS):
                # Which side goes first swaps every round: Neo4j still warms up during the
                # first rounds (paths at L: API p50 at 1 client 2.0 → 1.3 ms over 24 s of
                # requests), and the side measured first always met the colder server.
                for side in ("api", "floor") if round_ % 2 == 0 else ("floor", "api"):
                    if side == "api":
                        api_runs.append(loadgen.http(api.base, paths_file, n, part))
                    else:
                        floor_runs.append(
                            loadgen.driver(uri, password, endpoint, params_file, n, part)
                        )
                if cached is not None:
                    cached_run, counts = with_cache(cached, paths_file, n, part)
                    cached_runs.append(cached_run)
                    hits.append(counts.hit_ratio)
            api_result, floor = loadgen.combined(api_runs), loadgen.combined(floor_runs)
            result = QueryResult(size, endpoint, n, api_result, floor)
            if cached_runs:
                result.cached, result.hit_ratio = loadgen.combined(cached_runs), min(hits)
            results.append(result)
            print(
                f"  {size} {endpoint:<13} c={n:<2} ({api_result.tool}) "
                f"API p50 {api_result.p50:7.2f} "
                f"p99 {api_result.p99:7.2f} ms {api_result.rps:6.0f}/s err {api_result.errors} | "
                f"driver p50 {floor.p50:7.2f} p99 {floor.p99:7.2f} ms {floor.rps:6.0f}/s "
                f"err {floor.errors}"
                + (
                    f" | cached p50 {result.cached.p50:6.2f} p99 {result.cached.p99:6.2f} ms "
                    f"{result.cached.rps:6.0f}/s hits {result.hit_ratio:.0%}"
                    if result.cached and result.hit_ratio is not None
                    else ""
                ),
                flush=True,
            )
    return results


def with_cache(
    api: Api, paths_file: Path, clients: int, seconds: float, requests: int | None = None
) -> tuple[loadgen.Result, CacheCounts]:
    """The requests of `paths_file` against `api` (its response cache on), for `seconds` or
    exactly `requests` of them (loadgen.http); the result and what the cache did meanwhile."""
    before = api.cache_counts()
    result = loadgen.http(api.base, paths_file, clients, seconds, requests)
    return result, api.cache_counts() - before


def measure_skewed(
    size: str, api: Api, work: Workload, folder: Path, clients: int, seconds: float
) -> list[SkewedResult]:
    """Each skewed request list against `api` (its response cache on, started empty): a warm-up
    on the same distribution, then the measured run and the share of it the cache answered."""
    folder.mkdir(parents=True, exist_ok=True)
    results = []
    for endpoint, paths in work.skewed.items():
        paths_file = folder / f"{size}-{endpoint}.skewed.paths"
        paths_file.write_text("\n".join(paths) + "\n", encoding="utf-8")
        loadgen.http(api.base, paths_file, 4, min(3.0, seconds))
        result, counts = with_cache(api, paths_file, clients, seconds)
        hit_ratio = counts.hit_ratio
        results.append(
            SkewedResult(size, endpoint, clients, len(paths), len(set(paths)), result, hit_ratio)
        )
        print(
            f"  {size} {endpoint:<13} c={clients:<2} ({result.tool}) skewed, cache on: "
            f"p50 {result.p50:6.2f} "
            f"p99 {result.p99:6.2f} ms {result.rps:6.0f}/s hits {hit_ratio:.0%} "
            f"err {result.errors}",
            flush=True,
        )
    return results
