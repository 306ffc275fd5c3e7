"""The graph page, end to end: the real app (uvicorn) on the seeded test graph, driven by Debian's
headless Chromium through playwright-core (tests/e2e/page.spec.mjs)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from app.settings import ApiSettings
from graph.settings import PROJECT_ROOT
from tests.utils import live_app

# `make test-fast` leaves these out: they need Chromium and Node.js (scripts/e2e-deps.sh).
pytestmark = pytest.mark.browser

E2E = PROJECT_ROOT / "tests" / "e2e"
ARTIFACTS = PROJECT_ROOT / "artifacts"
CHROMIUM = Path(os.environ.get("COACHGRAPH_CHROMIUM", "/usr/bin/chromium"))


@pytest.fixture(scope="module")
def app_url(settings: ApiSettings, seeded_module: Driver) -> Iterator[str]:
    """The app served for real by uvicorn, in a subprocess, against the seeded test graph."""
    with live_app(settings) as url:
        yield url


def _run(scenario: str, base_url: str) -> dict[str, Any]:
    node = shutil.which("node")
    assert node, "Node.js is needed to drive Chromium: make e2e-deps"
    assert CHROMIUM.is_file(), f"Chromium not found at {CHROMIUM}: make e2e-deps"
    assert (E2E / "node_modules" / "playwright-core").is_dir(), (
        "playwright-core is missing: make e2e-deps"
    )
    env = dict(os.environ, BASE_URL=base_url, ARTIFACTS=str(ARTIFACTS), CHROMIUM=str(CHROMIUM))
    result = subprocess.run(
        [node, "page.spec.mjs", scenario],
        cwd=E2E,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, f"no result from {scenario}:\n{result.stdout}\n{result.stderr}"
    report: dict[str, Any] = json.loads(lines[-1])
    assert report["ok"], f"{scenario} failed: {report.get('error')}\n{result.stderr[-2000:]}"
    assert result.returncode == 0
    return report["result"]  # type: ignore[no-any-return]


def test_search_ancelotti_then_the_roma_move_shows_ranieri(app_url: str) -> None:
    shot = ARTIFACTS / "page.png"
    shot.unlink(missing_ok=True)
    result = _run("journey", app_url)
    drawn = result["drawn"]
    assert drawn["milan"] == "AC Milan"
    assert drawn["madrid"] == "Real Madrid"
    assert drawn["realMadridStints"] == 2 and drawn["stintMidpointsApart"]
    assert "Claudio Ranieri" in result["panel"]
    assert result["asOf"] == {"label": "2019-03-10", "napoli": 1, "madrid": 0, "romaMove": 0}
    assert shot.is_file() and shot.stat().st_size > 20_000


def test_errors_show_in_the_page(app_url: str) -> None:
    result = _run("errors", app_url)
    assert "Nothing found" in result["nothing"]
    assert "no-such-coach-xyz" in result["notFound"]
    assert "unreachable" in result["down"]


def test_the_empty_state_shows_counts_and_explores_a_suggested_coach(app_url: str) -> None:
    stats = httpx.get(f"{app_url}/stats", timeout=30).json()
    result = _run("empty", app_url)
    assert result["tiles"]["coaches"] == f"{stats['nodes']['coaches']:,}"
    assert result["tiles"]["tenures"] == f"{stats['nodes']['tenures']:,}"
    assert [c["id"] for c in result["tries"]] == [c["id"] for c in stats["try"]]
    assert result["explored"]["center"] == stats["try"][0]["id"]


def test_500_nodes_are_drawn_and_answer_zoom_pan_and_clicks(app_url: str) -> None:
    # What the page does with 500 nodes, not how fast: the scenario's timings (first paint,
    # frames while zooming, a click) are reported by `python -m benchmarks.page`.
    result = _run("perf", app_url)
    # 499 tenures (each node to an earlier one) and 166 moves (every third node)
    assert (result["nodes"], result["edges"], result["visibleNodes"]) == (500, 665, 500), result
    assert result["laidOut"] and result["zoomed"] and result["panned"], result
    assert result["frames"] == 30
    assert result["selected"] == ["n1"]


def test_page_and_vendored_files_are_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    for src in (
        "/static/vendor/cytoscape-3.34.4/cytoscape.min.js",
        "/static/vendor/layout-base-2.0.1/layout-base.js",
        "/static/vendor/cose-base-2.2.0/cose-base.js",
        "/static/vendor/cytoscape-fcose-2.2.0/cytoscape-fcose.js",
        "/static/app.js",
        "/static/app.css",
    ):
        assert f'"{src}"' in page.text
        assert client.get(src).status_code == 200, src
    assert client.get("/static/nope.js").status_code == 404


def test_browser_files_are_open_to_neo4j_browser_only(client: TestClient) -> None:
    browser = "http://127.0.0.1:7474"
    # Browser's guide request carries pragma and cache-control, so it is preflighted.
    pre = client.options(
        "/browser/guide.html",
        headers={
            "Origin": browser,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "cache-control,pragma",
        },
    )
    assert pre.status_code == 204
    assert pre.headers["access-control-allow-origin"] == "*"
    assert "pragma" in pre.headers["access-control-allow-headers"]
    for path, kind in (("/browser/guide.html", "text/html"), ("/browser/style.grass", "text/")):
        res = client.get(path, headers={"Origin": browser})
        assert res.status_code == 200
        assert res.headers["content-type"].startswith(kind)
        assert res.headers["access-control-allow-origin"] == "*"
    # The API itself keeps its own CORS policy.
    api = client.get("/health", headers={"Origin": browser})
    assert "access-control-allow-origin" not in api.headers
