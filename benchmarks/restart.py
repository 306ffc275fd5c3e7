"""`python -m benchmarks.restart`: the API while Neo4j is down, and right after it restarts.

    python -m benchmarks.restart [--rate 50] [--seconds 20] [--down-seconds 10] [--out FILE]

It starts its own Neo4j (`.neo4j/restart`, Bolt 47688, HTTP 47475 by default), loads seeds/,
and serves the API from a separate process (`coachgraph serve`, port 47801) with a write key.
After a warm-up it runs two phases, each an open-loop load (requests leave on a fixed
schedule, whether or not earlier ones have answered, so a slow server cannot slow the load
down):

1. **down**: Neo4j is stopped; GETs at `--rate`, `/health` four times a second and one
   `POST /articles` a second for `--down-seconds`. Every answer should arrive within 1.5 s.
2. **restart**: Neo4j is started again; from the moment its Bolt port answers, GETs at `--rate`
   and one `POST /articles` a second (the seed article and the extraction fixtures in turn:
   the first of each writes, the rest change nothing), while `/health` is polled four times a
   second, for `--seconds` and on until `--seconds` after `/health` first said ok (at most
   180 s), so that the requests sent once it is ok span `--seconds` whenever that comes. There
   should be no 422 and no 5xx other than 503, and once `/health` says ok, p99 under 2 s.

Latency is counted from when a request was due, so a wait for one of the client's 256
connections counts too. The GETs are cheap reads over the seeds (moves, search, careers, team
timelines, influencers), the workload of issue 27. Prints the machine, the command and a
Markdown section (put into `--out` when given); never decides CI. The server is stopped at the
end unless `--keep`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from benchmarks.machine import describe
from graph.db import open_driver
from graph.loader import load
from graph.server import LocalServer
from graph.settings import PROJECT_ROOT, Neo4jSettings

KEY = "benchmark-restart-key"
CONNECTIONS = 256
WIPE = "MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted"

GETS = [
    "/moves",
    "/moves?status=rumoured",
    "/search?q=ancelotti",
    "/search?q=mourinho",
    "/search?q=conceicao",
    "/coaches/carlo-ancelotti/career",
    "/coaches/jose-mourinho/career",
    "/coaches/sergio-conceicao/career",
    "/teams/as-roma/coaches",
    "/teams/as-roma/coaches?at=2019-03-10",
    "/teams/real-madrid/coaches",
    "/teams/ac-milan/coaches",
    "/moves/ancelotti-as-roma-2025/influencers",
    "/outlets",
]

ARTICLES = [
    PROJECT_ROOT / "seeds" / "000_fc36557d683ab8d1.txt",
    *sorted((PROJECT_ROOT / "tests" / "fixtures" / "extract_dev").glob("it_0*.txt"))[:4],
]


@dataclass
class Answer:
    kind: str  # get, health, post
    path: str
    sent: float  # when it was due, in seconds since the phase began
    seconds: float  # from then until the answer (or the error)
    status: int  # 0: no answer (connection error or client timeout)
    retry_after: str | None = None
    error: str | None = None


@dataclass
class Phase:
    name: str
    answers: list[Answer] = field(default_factory=list)
    health_ok_at: float | None = None  # seconds since the phase began


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


class _Connection:
    """One keep-alive HTTP/1.1 connection to the API: a client light enough (a write and two
    reads a request) that a busy machine slows the API down, not the benchmark's own client;
    httpx spends several times more CPU on each request."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def request(
        self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        reused = self._writer is not None
        try:
            return await self._exchange(method, path, body, headers or {})
        except (ConnectionError, asyncio.IncompleteReadError):
            self.close()
            if not reused:
                raise
            # the server closed the idle connection as the request went out: once more, anew
            return await self._exchange(method, path, body, headers or {})

    async def _exchange(
        self, method: str, path: str, body: bytes, headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        if self._writer is None:
            self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        assert self._reader is not None
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}"]
        lines += [f"{k}: {v}" for k, v in headers.items()]
        if body:
            lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
        self._writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
        await self._writer.drain()
        head = await self._reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split(" ", 2)[1])
        fields = {}
        for line in header_lines:
            if ":" in line:
                name, value = line.split(":", 1)
                fields[name.strip().lower()] = value.strip()
        content = await self._reader.readexactly(int(fields.get("content-length", "0")))
        if fields.get("connection", "").lower() == "close":
            self.close()
        return status, fields, content

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
        self._reader = self._writer = None


async def _worker(
    base: str, queue: asyncio.Queue[tuple[float, str, str, Any] | None], phase: Phase, began: float
) -> None:
    """Send the requests of `queue` one after another on one connection, each timed from when it
    was due (`began + at`), so that a wait in the queue counts."""
    host, port = base.removeprefix("http://").split(":")
    connection = _Connection(host, int(port))
    while (item := await queue.get()) is not None:
        at, kind, path, body = item
        due = began + at
        try:
            async with asyncio.timeout(60):
                if body is None:
                    status, fields, content = await connection.request("GET", path)
                else:
                    data = json.dumps(body).encode("utf-8")
                    status, fields, content = await connection.request(
                        "POST", path, data, {"X-API-Key": KEY}
                    )
        except (OSError, asyncio.IncompleteReadError, TimeoutError, ValueError) as exc:
            connection.close()
            phase.answers.append(
                Answer(kind, path, at, time.monotonic() - due, 0, error=repr(exc)[:200])
            )
            continue
        answer = Answer(kind, path, at, time.monotonic() - due, status, fields.get("retry-after"))
        if status >= 400 and status != 503:
            answer.error = content[:200].decode("utf-8", "replace")
        phase.answers.append(answer)
        if kind == "health" and status == 200 and phase.health_ok_at is None:
            phase.health_ok_at = at
    connection.close()


def _article(n: int) -> dict[str, Any]:
    path = ARTICLES[n % len(ARTICLES)]
    return {"text": path.read_text(encoding="utf-8"), "date": "2025-01", "lang": "auto"}


async def drive(
    base: str,
    phase: Phase,
    seconds: float,
    rate: float,
    *,
    posts: bool,
    health: bool,
    after_ok: bool = False,
    longest: float = 180.0,
) -> None:
    """GETs at `rate` a second, a POST a second and /health four times a second, for `seconds`;
    with `after_ok`, on until `seconds` after /health first said ok (at most `longest`).

    Requests go out on CONNECTIONS keep-alive connections, each taking the next request due."""
    queue: asyncio.Queue[tuple[float, str, str, Any] | None] = asyncio.Queue()
    began = time.monotonic()
    workers = [asyncio.create_task(_worker(base, queue, phase, began)) for _ in range(CONNECTIONS)]
    ticks = {"get": 0, "post": 0, "health": 0}
    every = {"get": 1 / rate, "post": 1.0, "health": 0.25}
    offset = {"get": 0.0, "post": 0.5, "health": 0.1}
    kinds = ["get", *(["post"] if posts else []), *(["health"] if health else [])]

    def done(at: float) -> bool:
        if at >= longest:
            return True
        if not after_ok:
            return at >= seconds
        ok = phase.health_ok_at
        return at >= seconds and ok is not None and at >= ok + seconds

    while True:
        kind = min(kinds, key=lambda k: offset[k] + ticks[k] * every[k])
        at = offset[kind] + ticks[kind] * every[kind]
        if done(at):
            break
        await asyncio.sleep(max(0.0, began + at - time.monotonic()))
        n = ticks[kind]
        ticks[kind] += 1
        path = {"get": GETS[n % len(GETS)], "post": "/articles", "health": "/health"}[kind]
        queue.put_nowait((at, kind, path, _article(n) if kind == "post" else None))
    for _ in workers:
        queue.put_nowait(None)
    await asyncio.gather(*workers)


def _serve(port: int, server: LocalServer, log: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "NEO4J_URI": server.bolt_uri,
        "NEO4J_PASSWORD": server.password(),
        "COACHGRAPH_NEO4J_HOME": str(server.home),
        "API_KEYS": json.dumps([KEY]),
        # no write quota: every ingest of the scenario reaches the API's extraction and Neo4j
        "WRITES_PER_MINUTE": "0",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--port", str(port)],
        env=env,
        cwd=PROJECT_ROOT,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )


def _wait_healthy(base: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/health", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit("the API did not become healthy")


def _row(label: str, answers: list[Answer]) -> str:
    latencies = [a.seconds * 1000 for a in answers]
    statuses = Counter(a.status for a in answers)
    shown = ", ".join(f"{s or 'none'}: {n}" for s, n in sorted(statuses.items()))
    return (
        f"| {label} | {len(answers)} | {shown} | {_percentile(latencies, 50):.0f} | "
        f"{_percentile(latencies, 95):.0f} | {_percentile(latencies, 99):.0f} | "
        f"{max(latencies, default=float('nan')):.0f} |"
    )


BEGIN, END = "<!-- benchmarks.restart -->", "<!-- /benchmarks.restart -->"


def section_of(path: Path) -> str:
    """The section this benchmark wrote into `path` (with its markers), or ""."""
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    start, end = text.find(BEGIN), text.find(END)
    return text[start : end + len(END)] + "\n" if 0 <= start < end else ""


def write_section(path: Path, section: str) -> None:
    """Put `section` into `path` between the markers: in place of the last one, else at the
    end; the rest of the file stays as it is (benchmarks.run keeps the section too)."""
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    block = f"{BEGIN}\n{section.rstrip()}\n{END}\n"
    old = section_of(path)
    text = text.replace(old, block) if old else text.rstrip() + "\n\n" + block
    path.write_text(text, encoding="utf-8")


def report(
    down: Phase,
    restart: Phase,
    args: argparse.Namespace,
    machine: dict[str, str],
    start_s: float,
    cache: dict[str, Any],
) -> tuple[str, bool]:
    """The Markdown section, and whether every target was met."""
    header = (
        "| requests | n | statuses | p50 ms | p95 ms | p99 ms | max ms |\n"
        "| --- | ---: | --- | ---: | ---: | ---: | ---: |"
    )
    lines = ["| | |", "| --- | --- |"]
    lines += [f"| {k} | {v} |" for k, v in machine.items()]
    command = "python -m benchmarks.restart " + " ".join(sys.argv[1:])
    out = ["## Neo4j down and restarted (issue 27)", "", *lines, "", f"Command: `{command}`", ""]

    out += [f"### Neo4j down ({args.down_seconds:.0f} s)", "", header]
    for kind in ("get", "health", "post"):
        out.append(_row(kind, [a for a in down.answers if a.kind == kind]))
    slowest = max((a.seconds for a in down.answers), default=0.0)
    unanswered = [a for a in down.answers if a.status == 0]
    not_503 = Counter(a.status for a in down.answers if a.status != 503)
    down_ok = slowest <= 1.5 and not unanswered and not not_503
    out += [
        "",
        f"Slowest answer {slowest * 1000:.0f} ms (target: every answer within 1.5 s); "
        f"answers other than 503: {dict(not_503) or 'none'}.",
        "",
    ]

    gets = [a for a in restart.answers if a.kind == "get"]
    ok_at = restart.health_ok_at
    after = [a for a in gets if ok_at is not None and a.sent >= ok_at]
    before = [a for a in gets if ok_at is None or a.sent < ok_at]
    out += [
        f"### After the restart ({args.rate:.0f} GET/s, and on for {args.seconds:.0f} s "
        "once /health said ok)",
        "",
        f"`neo4j start` returned after {start_s:.1f} s (Bolt answers); the load began then. "
        + (
            f"`/health` first said ok {ok_at:.2f} s into the load, which went on for "
            f"{args.seconds:.0f} s more."
            if ok_at is not None
            else "`/health` never said ok during the load."
        ),
        "",
        header,
        _row("GET, whole phase", gets),
        _row("GET sent once /health said ok", after),
        _row("GET sent before", before),
        _row("/health", [a for a in restart.answers if a.kind == "health"]),
        _row("POST /articles", [a for a in restart.answers if a.kind == "post"]),
    ]
    bad = Counter(
        a.status
        for a in restart.answers
        if a.status == 422 or a.status == 0 or (a.status >= 500 and a.status != 503)
    )
    p99 = _percentile([a.seconds for a in after], 99)
    restart_ok = not bad and ok_at is not None and p99 < 2.0
    out += [
        "",
        f"422, 5xx other than 503, or no answer: {dict(bad) or 'none'}; p99 once `/health` "
        f"said ok {p99 * 1000:.0f} ms (target: no 422, no 5xx but 503, p99 under 2 s).",
        "",
    ]
    errors = [a for a in down.answers + restart.answers if a.error]
    if errors:
        out += ["Examples of errors:", ""]
        out += [f"- {a.kind} {a.path} {a.status}: `{a.error}`" for a in errors[:5]]
        out.append("")
    if cache:
        kinds = ("hits", "misses", "shared", "bypassed")
        counts = ", ".join(f"{k} {cache.get(k, 0)}" for k in kinds)
        out += [f"Response cache over the whole run (`/health`): {counts}.", ""]
    out.append(f"Targets met: {'yes' if down_ok and restart_ok else 'no'}.")
    return "\n".join(out) + "\n", down_ok and restart_ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.restart", description=__doc__)
    parser.add_argument("--rate", type=float, default=50.0, help="GET requests a second")
    parser.add_argument("--seconds", type=float, default=20.0, help="load after the restart")
    parser.add_argument("--down-seconds", type=float, default=10.0, help="load while down")
    parser.add_argument("--home", type=Path, default=PROJECT_ROOT / ".neo4j" / "restart")
    parser.add_argument("--bolt-port", type=int, default=47688)
    parser.add_argument("--http-port", type=int, default=47475)
    parser.add_argument("--api-port", type=int, default=47801)
    parser.add_argument(
        "--out", type=Path, default=None, help="put the section in this file (BENCHMARKS.md)"
    )
    parser.add_argument("--keep", action="store_true", help="leave the server running")
    args = parser.parse_args(argv)
    logging.getLogger("neo4j").setLevel(logging.ERROR)  # the loader's notices on an empty graph
    if not 0 < args.rate <= 500 or not 0 < args.seconds <= 300 or not 0 < args.down_seconds <= 300:
        parser.error("rate must be 1-500 and seconds at most 300")
    server = LocalServer(
        home=args.home,
        lib=PROJECT_ROOT / ".neo4j" / "lib",
        bolt_port=args.bolt_port,
        http_port=args.http_port,
    )
    server.start()
    settings = Neo4jSettings(
        neo4j_uri=server.bolt_uri,
        neo4j_password=server.password(),
        coachgraph_neo4j_home=server.home,
    )
    with open_driver(settings) as driver:
        while driver.execute_query(WIPE).records[0]["deleted"]:
            pass
        load([PROJECT_ROOT / "seeds"], driver, settings.neo4j_database)
        machine = describe(driver)
    base = f"http://127.0.0.1:{args.api_port}"
    log = server.home / "api.log"
    api = _serve(args.api_port, server, log)
    down, restart = Phase("down"), Phase("restart")
    try:
        _wait_healthy(base)
        # warm: every request a few times, so that the API and Neo4j have planned and compiled
        asyncio.run(drive(base, Phase("warm"), 5, args.rate, posts=True, health=True))
        print("neo4j down", flush=True)
        server.stop()
        asyncio.run(drive(base, down, args.down_seconds, args.rate, posts=True, health=True))
        print("neo4j start", flush=True)
        started = time.monotonic()
        server.start()
        start_s = time.monotonic() - started
        asyncio.run(
            drive(base, restart, args.seconds, args.rate, posts=True, health=True, after_ok=True)
        )
        cache = httpx.get(f"{base}/health", timeout=30).json().get("cache") or {}
    finally:
        api.terminate()
        api.wait(timeout=30)
        if not args.keep:
            server.stop()
    machine["load average at end"] = f"{os.getloadavg()[0]:.2f}"
    text, ok = report(down, restart, args, machine, start_s, cache)
    print(text)
    if args.out is not None:
        write_section(args.out, text)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
