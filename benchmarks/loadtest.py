"""A bounded load test: N concurrent clients over a mix of endpoints, on 127.0.0.1 only.

    python -m benchmarks.loadtest --url http://127.0.0.1:8000 --clients 32 --seconds 60

With `--requests N` instead of a duration it sends exactly N requests (the mix in turn, shared by
the clients), however fast the machine answers: what the test suite runs.

Requests come from the graph the API serves (benchmarks.workload.sample): careers, influencers,
team-at-date, search, paths and graph, interleaved. The run passes when no response is a 5xx and
no connection was dropped (refused, reset or timed out); it prints the machine, the command and
the numbers, and exits 1 otherwise. 404s cannot happen (ids come from the graph) but would count
as 4xx, not as failures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from urllib.parse import urlparse

import httpx

from benchmarks.machine import describe
from graph.db import open_driver
from graph.settings import get_neo4j_settings


@dataclass
class LoadResult:
    clients: int
    seconds: float
    sent: int = 0  # requests sent, answered or not
    requests: int = 0  # requests answered
    statuses: dict[str, int] = field(default_factory=dict)
    dropped: int = 0
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    errors: list[str] = field(default_factory=list)

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status.startswith("5"))

    @property
    def ok(self) -> bool:
        return self.requests > 0 and self.server_errors == 0 and self.dropped == 0


def mixed_paths(seed: int = 7) -> tuple[list[str], dict[str, str]]:
    """Every endpoint's sample, interleaved, from the graph the settings point at; and the
    machine it runs on."""
    from benchmarks.workload import sample

    with open_driver(get_neo4j_settings()) as driver:
        work = sample(driver, seed=seed, n=50)
        machine = describe(driver)
    lists = [paths for paths in work.paths.values() if paths]
    mixed: list[str] = []
    for i in range(max(len(p) for p in lists)):
        mixed.extend(p[i % len(p)] for p in lists)
    return mixed, machine


async def run(
    url: str,
    paths: list[str],
    clients: int,
    seconds: float,
    requests: int | None = None,
    timeout: float = 15.0,
) -> LoadResult:
    """`clients` concurrent clients over `paths` for `seconds`, or (`requests`) until exactly
    that many requests were sent."""
    host = urlparse(url).hostname
    if host not in {"127.0.0.1", "localhost", "::1"}:
        raise SystemExit(f"refusing to load-test {host}: only 127.0.0.1 is a target")
    result = LoadResult(clients=clients, seconds=seconds)
    statuses: Counter[str] = Counter()
    latencies: list[float] = []
    begun = time.perf_counter()
    deadline = begun + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=timeout) as client:

        def next_path(i: int) -> str | None:
            if requests is not None:
                if result.sent >= requests:
                    return None
                path = paths[result.sent % len(paths)]
            elif time.perf_counter() < deadline:
                path = paths[i % len(paths)]
            else:
                return None
            result.sent += 1
            return path

        async def worker(offset: int) -> None:
            i = offset
            while (path := next_path(i)) is not None:
                i += 1
                started = time.perf_counter()
                try:
                    response = await client.get(path)
                except httpx.TransportError as exc:
                    result.dropped += 1
                    if len(result.errors) < 10:
                        result.errors.append(f"{path}: {exc!r}")
                    continue
                latencies.append((time.perf_counter() - started) * 1000)
                statuses[str(response.status_code)] += 1
                if response.status_code >= 500 and len(result.errors) < 10:
                    result.errors.append(f"{path}: {response.status_code} {response.text[:200]}")

        await asyncio.gather(*(worker(k * 7919) for k in range(clients)))
    if requests is not None:
        result.seconds = time.perf_counter() - begun
    latencies.sort()
    result.requests = len(latencies)
    result.statuses = dict(statuses)
    if latencies:
        result.p50_ms = round(latencies[len(latencies) // 2], 2)
        result.p99_ms = round(latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))], 2)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument(
        "--requests", type=int, default=None, help="send exactly this many (not timed)"
    )
    parser.add_argument(
        "--timeout", type=float, default=15.0, help="seconds before a request counts as dropped"
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON only")
    args = parser.parse_args(argv)
    if not 1 <= args.clients <= 256 or not 0 < args.seconds <= 600:
        parser.error("clients must be 1–256 and seconds at most 600")
    if args.requests is not None and not 1 <= args.requests <= 1_000_000:
        parser.error("requests must be 1–1,000,000")
    paths, machine = mixed_paths()
    result = asyncio.run(
        run(args.url, paths, args.clients, args.seconds, args.requests, args.timeout)
    )
    if args.json:
        print(json.dumps({**asdict(result), "ok": result.ok}))
    else:
        for key, value in machine.items():
            print(f"{key}: {value}")
        print("command: python -m benchmarks.loadtest " + " ".join(sys.argv[1:]))
        print(
            f"{result.requests} requests in {result.seconds:.0f}s with {result.clients} clients "
            f"({result.requests / result.seconds:.0f} req/s), p50 {result.p50_ms} ms, "
            f"p99 {result.p99_ms} ms; statuses {result.statuses}; 5xx {result.server_errors}; "
            f"dropped connections {result.dropped}"
        )
        for error in result.errors:
            print("  " + error)
        print("PASS" if result.ok else "FAIL")
    return 0 if result.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
