"""How fast the graph page draws 500 nodes: first paint, frames while zooming, a click.

    python -m benchmarks.page --url http://127.0.0.1:8000 --runs 5

Drives Debian's headless Chromium through playwright-core (`make e2e-deps`) with the "perf"
scenario of tests/e2e/page.spec.mjs, against a running app (`coachgraph run` or `serve`): the same
500 nodes every run, drawn, zoomed and panned 30 times, one node clicked. The test suite checks
what the scenario does (tests/test_page_e2e.py); this prints how long it took, each run and the
median. It reports and never decides anything.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks.machine import cpu_model, load_average
from graph.settings import PROJECT_ROOT

E2E = PROJECT_ROOT / "tests" / "e2e"
TIMINGS = ("renderMs", "medianFrameMs", "p90FrameMs", "applyMs")


def perf_run(url: str, chromium: Path, artifacts: Path) -> dict[str, Any]:
    """One run of the scenario; its result (counts and timings in milliseconds)."""
    node = shutil.which("node")
    if node is None:
        raise SystemExit("Node.js is needed to drive Chromium: make e2e-deps")
    env = dict(os.environ, BASE_URL=url, ARTIFACTS=str(artifacts), CHROMIUM=str(chromium))
    out = subprocess.run(
        [node, "page.spec.mjs", "perf"],
        cwd=E2E,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    report = json.loads(lines[-1]) if lines else {"ok": False, "error": out.stderr[-2000:]}
    if not report["ok"]:
        raise SystemExit(f"the perf scenario failed: {report.get('error')}")
    result: dict[str, Any] = report["result"]
    return result


def version(cmd: list[str]) -> str:
    out = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=60)
    return (out.stdout or out.stderr).strip().splitlines()[0] if out.stdout or out.stderr else "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--chromium",
        type=Path,
        default=Path(os.environ.get("COACHGRAPH_CHROMIUM", "/usr/bin/chromium")),
    )
    parser.add_argument("--artifacts", type=Path, default=PROJECT_ROOT / "artifacts")
    args = parser.parse_args(argv)
    if not 1 <= args.runs <= 50:
        parser.error("runs must be 1–50")
    print(f"cpu: {cpu_model()}, {os.cpu_count()} logical cores")
    print(f"chromium: {version([str(args.chromium), '--version'])}")
    print(f"node: {version(['node', '--version'])}")
    print(f"load average at start: {load_average()}")
    print("command: python -m benchmarks.page " + " ".join(sys.argv[1:]))
    runs = [perf_run(args.url, args.chromium, args.artifacts) for _ in range(args.runs)]
    for i, run in enumerate(runs, 1):
        print(f"run {i}: " + ", ".join(f"{key} {run[key]:.0f}" for key in TIMINGS))
    print(
        "median: " + ", ".join(f"{k} {statistics.median(r[k] for r in runs):.0f}" for k in TIMINGS)
    )
    print(f"load average at end: {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
