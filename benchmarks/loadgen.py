"""Load generators, each in its own process: wrk (HTTP), an async httpx client (HTTP, when wrk is
missing) and the bare async Neo4j driver (the floor). All report the same numbers, and the name
of the tool that made them.

`scripts/bench-deps.sh` installs Debian's wrk. The httpx client is several times slower per
request on the same machine, so its numbers measure the client as much as the API: the benchmark
says which one ran (`tool()`, and each Result's `tool`).

Each run is timed (`seconds`) and each of its clients sends at least one request. An HTTP run can
instead send an exact number of requests (`requests`, always the httpx client: wrk has no such
mode): the paths of the file in turn, whatever the clients' speed, for checks that count.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

LUA = Path(__file__).with_name("rotate.lua")


@dataclass
class Result:
    """Latency percentiles in milliseconds, requests per second and errors of one run."""

    requests: int
    seconds: float
    p50: float
    p95: float
    p99: float
    errors: int
    tool: str

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def _percentile(sorted_ms: list[float], q: float) -> float:
    if not sorted_ms:
        return float("nan")
    index = min(len(sorted_ms) - 1, max(0, round(q / 100 * len(sorted_ms) + 0.5) - 1))
    return sorted_ms[index]


def _summary(latencies: list[float], errors: int, seconds: float, tool: str) -> Result:
    ms = sorted(latencies)
    return Result(
        len(ms),
        seconds,
        _percentile(ms, 50),
        _percentile(ms, 95),
        _percentile(ms, 99),
        errors,
        tool,
    )


def combined(runs: list[Result]) -> Result:
    """Several runs of one measurement as one: requests, time and errors summed, each
    percentile the median of the runs' (a run disturbed by the machine moves it the least)."""

    def median(values: list[float]) -> float:
        ordered = sorted(values)
        middle = len(ordered) // 2
        if len(ordered) % 2:
            return ordered[middle]
        return (ordered[middle - 1] + ordered[middle]) / 2

    return Result(
        sum(r.requests for r in runs),
        sum(r.seconds for r in runs),
        median([r.p50 for r in runs]),
        median([r.p95 for r in runs]),
        median([r.p99 for r in runs]),
        sum(r.errors for r in runs),
        runs[0].tool,
    )


# -- HTTP ------------------------------------------------------------------------------------


def tool() -> str:
    """The HTTP load generator a timed run uses: "wrk" when it is installed, else "httpx"."""
    return "wrk" if shutil.which("wrk") else "httpx"


def describe() -> str:
    """The HTTP load generator, for a report: wrk's version line, or the fallback and its fix."""
    if tool() == "httpx":
        return "httpx (async, in Python; wrk is not installed: bash scripts/bench-deps.sh)"
    out = subprocess.run(["wrk", "-v"], capture_output=True, text=True, check=False, timeout=30)
    lines = (out.stdout or out.stderr).splitlines()
    return lines[0].split(" Copyright")[0].strip() if lines else "wrk"


def http(
    base: str, paths_file: Path, clients: int, seconds: float, requests: int | None = None
) -> Result:
    """Hammer `base` + each path of `paths_file` in turn with `clients` connections, for
    `seconds`, or (`requests`) until exactly that many requests are answered."""
    if requests is not None:
        if requests < 1:
            raise ValueError("requests must be at least 1")
        return _subprocess("http", base, str(paths_file), clients, seconds, "--requests", requests)
    if tool() == "wrk":
        threads = min(clients, 2)
        out = subprocess.run(
            [
                "wrk",
                f"-t{threads}",
                f"-c{clients}",
                f"-d{max(1, round(seconds))}s",
                "--timeout",
                "10s",
                "-s",
                str(LUA),
                base,
                "--",
                str(paths_file),
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=seconds + 60,
        )
        line = [ln for ln in out.stdout.splitlines() if ln.startswith("{")][-1]
        data = json.loads(line)
        errors = sum(data[k] for k in ("connect", "read", "write", "status", "timeout"))
        return Result(
            data["requests"],
            data["duration_us"] / 1e6,
            data["p50"] / 1000,
            data["p95"] / 1000,
            data["p99"] / 1000,
            errors,
            "wrk",
        )
    return _subprocess("http", base, str(paths_file), clients, seconds)


async def _http_worker(
    base: str, paths: list[str], clients: int, seconds: float, requests: int | None = None
) -> Result:
    import httpx

    latencies: list[float] = []
    errors = 0
    sent = 0
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=10) as client:

        def next_path(i: int, first: bool) -> str | None:
            """The path to send next, or None when the run is over."""
            nonlocal sent
            if requests is not None:
                if sent >= requests:
                    return None
                path = paths[sent % len(paths)]  # one sequence, shared: exactly the file in turn
            elif first or time.perf_counter() < deadline:
                path = paths[i % len(paths)]
            else:
                return None
            sent += 1
            return path

        async def one(offset: int) -> None:
            nonlocal errors
            i = offset
            while (path := next_path(i, i == offset)) is not None:
                i += 1
                t = time.perf_counter()
                try:
                    response = await client.get(path)
                    ok = response.status_code < 400
                except httpx.HTTPError:
                    ok = False
                latencies.append((time.perf_counter() - t) * 1000)
                errors += not ok

        started = time.perf_counter()
        await asyncio.gather(*(one(k * 7919) for k in range(clients)))
    return _summary(latencies, errors, time.perf_counter() - started, "httpx")


# -- the bare driver -------------------------------------------------------------------------


def driver(
    uri: str, password: str, endpoint: str, params_file: Path, clients: int, seconds: float
) -> Result:
    """The same requests as Cypher through the async driver, in a process of their own."""
    return _subprocess("driver", uri, password, endpoint, str(params_file), clients, seconds)


async def _driver_worker(
    uri: str,
    password: str,
    endpoint: str,
    params: list[dict[str, Any]],
    clients: int,
    seconds: float,
) -> Result:
    from neo4j import AsyncGraphDatabase

    from benchmarks.workload import run_cypher

    latencies: list[float] = []
    errors = 0
    async with AsyncGraphDatabase.driver(
        uri,
        auth=("neo4j", password),
        max_connection_pool_size=64,
        notifications_min_severity="OFF",
    ) as drv:
        # one request per client first: connections opened, plans cached
        await asyncio.gather(
            *(run_cypher(drv, endpoint, params[k % len(params)], "neo4j") for k in range(clients))
        )
        deadline = time.perf_counter() + seconds

        async def one(offset: int) -> None:
            nonlocal errors
            i = offset
            # at least one request each, however late this client got to run
            while i == offset or time.perf_counter() < deadline:
                t = time.perf_counter()
                try:
                    await run_cypher(drv, endpoint, params[i % len(params)], "neo4j")
                except Exception:
                    errors += 1
                latencies.append((time.perf_counter() - t) * 1000)
                i += 1

        started = time.perf_counter()
        await asyncio.gather(*(one(k * 7919) for k in range(clients)))
    return _summary(latencies, errors, time.perf_counter() - started, "neo4j async driver")


def _subprocess(kind: str, *args: Any) -> Result:
    cmd = [sys.executable, "-m", "benchmarks.loadgen", kind, *map(str, args)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, timeout=600)
    return Result(**json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="kind", required=True)
    h = sub.add_parser("http")
    h.add_argument("base")
    h.add_argument("paths_file", type=Path)
    d = sub.add_parser("driver")
    d.add_argument("uri")
    d.add_argument("password")
    d.add_argument("endpoint")
    d.add_argument("params_file", type=Path)
    for p in (h, d):
        p.add_argument("clients", type=int)
        p.add_argument("seconds", type=float)
    h.add_argument("--requests", type=int, default=None, help="exactly this many, not timed")
    a = parser.parse_args()
    if a.kind == "http":
        paths = a.paths_file.read_text(encoding="utf-8").split()
        result = asyncio.run(_http_worker(a.base, paths, a.clients, a.seconds, a.requests))
    else:
        params = json.loads(a.params_file.read_text(encoding="utf-8"))
        # The API runs on uvloop (uvicorn picks it when installed); the floor does too, so
        # the ratio compares like with like (the driver costs ~15% less CPU on uvloop).
        import uvloop

        result = uvloop.run(
            _driver_worker(a.uri, a.password, a.endpoint, params, a.clients, a.seconds)
        )
    print(json.dumps(asdict(result)))


if __name__ == "__main__":
    main()
