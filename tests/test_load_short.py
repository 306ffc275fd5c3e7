"""The load test's short version, for CI: a fixed number of requests from 8 concurrent clients
over every endpoint of the seeded graph, zero 5xx and zero dropped connections. A number of
requests, not a duration: how many a duration allows depends on the machine. The long run (60 s,
32 clients, the M synthetic graph) is `python -m benchmarks.loadtest`, documented in the README."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from neo4j import Driver

from app.settings import ApiSettings
from graph.settings import PROJECT_ROOT
from tests.utils import live_app

# More than the mix holds (50 sampled requests of each endpoint that has them): all of it, at
# least once.
REQUESTS = 400


@pytest.mark.slow
def test_short_load_has_no_5xx_and_no_dropped_connections(
    settings: ApiSettings, seeded_graph: Driver
) -> None:
    assert settings.neo4j_password is not None
    env = {
        **os.environ,
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
    }
    with live_app(settings) as url:
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "benchmarks.loadtest",
                "--url",
                url,
                "--clients",
                "8",
                "--requests",
                str(REQUESTS),
                # longer than the app's query timeout: a slow answer is an answer
                "--timeout",
                str(settings.neo4j_query_timeout + 30),
                "--json",
            ],
            cwd=PROJECT_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=500,
            check=False,
        )
    assert out.returncode == 0, out.stdout + out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["ok"], result
    assert result["sent"] == result["requests"] == REQUESTS
    assert result["dropped"] == 0
    assert sum(result["statuses"].values()) == REQUESTS
    assert not any(status.startswith("5") for status in result["statuses"])
