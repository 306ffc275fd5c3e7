"""`coachgraph run` end to end: Neo4j started, seeds loaded, API served; Ctrl-C stops what it
started and leaves no JVM behind."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from graph.server import LocalServer
from graph.settings import PROJECT_ROOT
from tests.utils import free_port


def _get(url: str) -> tuple[int, dict[str, object]]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, json.loads(exc.read())


@pytest.mark.slow
def test_run_serves_health_and_ctrl_c_stops_neo4j(tmp_path: Path) -> None:
    bolt, http, api = free_port(), free_port(), free_port()
    home = tmp_path / "neo4j"
    env = {
        **os.environ,
        "NEO4J_URI": f"bolt://127.0.0.1:{bolt}",
        "NEO4J_HTTP_PORT": str(http),
        "COACHGRAPH_NEO4J_HOME": str(home),
        "COACHGRAPH_NEO4J_LIB": str(PROJECT_ROOT / ".neo4j" / "lib"),
    }
    # Empty counts as unset (it once ended `make run` in a driver traceback): the password is
    # the one the new local server generates.
    env["NEO4J_PASSWORD"] = ""
    log = (tmp_path / "run.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "run", "--port", str(api)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=PROJECT_ROOT,
    )
    server = LocalServer(home=home, lib=PROJECT_ROOT / ".neo4j" / "lib", bolt_port=bolt)
    try:
        deadline = time.monotonic() + 180
        status, body = 0, {}
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                status, body = _get(f"http://127.0.0.1:{api}/health")
                if status == 200:
                    break
            except OSError:
                pass
            time.sleep(1)
        assert status == 200, (tmp_path / "run.log").read_text()
        assert body["neo4j"] == "up"
        assert (home / "password").is_file()
        pid = server.pid()
        assert pid is not None
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=120) == 0, (tmp_path / "run.log").read_text()
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
        assert not server.bolt_answers()
    finally:
        if proc.poll() is None:
            proc.kill()
        server.stop()
        log.close()
