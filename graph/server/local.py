"""A Neo4j Community server run from Maven Central jars, in a project-local, git-ignored folder.

The server is launched through Neo4j's own bootloader (`org.neo4j.server.startup.Neo4jCommand`,
the class the tarball's `bin/neo4j` script runs), so it gets the same JVM flags, pid file and
logs as a tarball install. Its home holds `conf/`, `data/`, `logs/`, `run/` and the generated
password; the jars live in one shared `lib/` folder.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from graph.server.java import find_java
from graph.server.provision import ensure_jars
from graph.settings import Neo4jSettings, get_neo4j_settings

log = logging.getLogger(__name__)

_BOOT = "org.neo4j.server.startup.Neo4jCommand"
_ADMIN = "org.neo4j.server.startup.Neo4jAdminCommand"

# The JVM flags in the neo4j.conf that the 5.26 tarball and Docker image ship. The bootloader puts
# only the heap on the command line itself; everything else the distribution sets (G1, final
# fields trusted, Netty's direct buffers without cleaners, ...) comes from these lines.
JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+AlwaysPreTouch",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-XX:FlightRecorderOptions=stackdepth=256",
    "-XX:+UnlockDiagnosticVMOptions",
    "-XX:+DebugNonSafepoints",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
)


class ServerError(RuntimeError):
    """The local server could not be started, stopped or reached."""


def configured_bolt_port(home: Path) -> int | None:
    """The Bolt port the server in `home` was last started with (None before its first start).

    Read from the neo4j.conf that `LocalServer.start` writes on each start.
    """
    try:
        lines = (home / "conf" / "neo4j.conf").read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    for line in lines:
        name, _, value = line.partition("=")
        if name.strip() == "server.bolt.listen_address":
            port = value.rsplit(":", 1)[-1].strip()
            return int(port) if port.isdigit() else None
    return None


def new_password() -> str:
    """A generated password for the local server: 144 random bits as hex.

    Hex, because it goes to `neo4j-admin` as an argument: a URL-safe token starts with "-" one
    time in 64, and the command then reads it as an option ("Missing required parameter").
    """
    return secrets.token_hex(18)


@dataclass
class LocalServer:
    home: Path
    lib: Path
    bolt_port: int = 7687
    http_port: int = 7474
    heap: str = "512m"
    pagecache: str = "256m"

    def __post_init__(self) -> None:
        self.home = self.home.resolve()
        self.lib = self.lib.resolve()

    # -- paths ---------------------------------------------------------------------------
    @property
    def password_file(self) -> Path:
        return self.home / "password"

    @property
    def pid_file(self) -> Path:
        return self.home / "run" / "neo4j.pid"

    @property
    def log_file(self) -> Path:
        return self.home / "logs" / "neo4j.log"

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def browser_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/browser/"

    # -- state ---------------------------------------------------------------------------
    def pid(self) -> int | None:
        """The server's pid if its process is alive."""
        try:
            pid = int(self.pid_file.read_text(encoding="utf-8").strip())
        except (OSError, ValueError):
            return None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            return pid
        return pid

    def is_running(self) -> bool:
        return self.pid() is not None

    def bolt_answers(self) -> bool:
        return _port_open(self.bolt_port)

    def password(self) -> str:
        return self.password_file.read_text(encoding="utf-8").strip()

    # -- lifecycle -----------------------------------------------------------------------
    def start(self, timeout: float = 180.0) -> bool:
        """Start the server and wait until Bolt answers; return False if it was already up."""
        if self.is_running():
            self._wait_ready(timeout)
            log.info("Neo4j already running (pid %s) on %s", self.pid(), self.bolt_uri)
            return False
        for port, what in ((self.bolt_port, "Bolt"), (self.http_port, "HTTP")):
            if _port_open(port):
                raise ServerError(
                    f"Port {port} ({what}) on 127.0.0.1 is already taken by another program, "
                    f"so Neo4j cannot listen there. Stop that program, or choose other ports "
                    f"(NEO4J_URI for Bolt, NEO4J_HTTP_PORT for HTTP)."
                )
        java = find_java()
        if ensure_jars(self.lib):
            log.info("Neo4j jars ready in %s", self.lib)
        self._write_config()
        if not self.password_file.is_file():
            self._set_initial_password()
        log.info("starting Neo4j (Java %d) in %s", java.major, self.home)
        result = self._run(_BOOT, "start", java=str(java.executable))
        if result.returncode != 0:
            raise ServerError(f"Neo4j did not start:\n{_tail(result)}\n{self._log_tail()}")
        self._wait_ready(timeout)
        log.info("Neo4j up: %s, Browser %s", self.bolt_uri, self.browser_url)
        return True

    def stop(self, timeout: float = 120.0) -> bool:
        """Stop the server cleanly; return False if it was not running."""
        pid = self.pid()
        if pid is None:
            return False
        result = self._run(_BOOT, "stop")
        deadline = time.monotonic() + timeout
        while self.pid() is not None and time.monotonic() < deadline:
            time.sleep(0.2)
        if self.pid() is not None:
            log.warning("Neo4j (pid %s) did not stop in %.0fs; killing it", pid, timeout)
            self.kill()
        elif result.returncode != 0:
            log.warning("neo4j stop said: %s", _tail(result))
        _wait_port_closed(self.bolt_port, 30)
        return True

    def kill(self) -> None:
        """SIGKILL the server (for fault tests: a crash, not a shutdown)."""
        pid = self.pid()
        if pid is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while self.pid() is not None and time.monotonic() < deadline:
            time.sleep(0.1)
        self.pid_file.unlink(missing_ok=True)
        _wait_port_closed(self.bolt_port, 30)

    def admin(self, *args: str, stdin_file: Path | None = None) -> subprocess.CompletedProcess[str]:
        """Run `neo4j-admin ARGS` against this server's home (the server must be stopped for
        most commands), with `stdin_file` on its standard input if given."""
        find_java()
        ensure_jars(self.lib)
        self._write_config()
        if stdin_file is None:
            return self._run(_ADMIN, *args)
        with stdin_file.open("rb") as stdin:
            return self._run(_ADMIN, *args, stdin=stdin)

    # -- internals -----------------------------------------------------------------------
    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["NEO4J_HOME"] = str(self.home)
        env["NEO4J_CONF"] = str(self.home / "conf")
        env.pop("NEO4J_PASSWORD", None)  # the bootloader would not use it, but keep it out
        return env

    def _run(
        self, main: str, *args: str, java: str = "java", stdin: BinaryIO | None = None
    ) -> subprocess.CompletedProcess[str]:
        if java == "java":
            java = str(find_java().executable)
        cmd = [java, "-cp", f"{self.lib}/*", f"-Dbasedir={self.home}", main, *args]
        return subprocess.run(
            cmd,
            cwd=self.home,
            env=self._env(),
            stdin=stdin,
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )

    def _write_config(self) -> None:
        for sub in ("conf", "data", "logs", "run", "plugins", "import"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
        conf = f"""# Written by coachgraph (graph/server/local.py); edits are overwritten on start.
server.directories.lib={self.lib}
server.directories.data={self.home / "data"}
server.directories.logs={self.home / "logs"}
server.directories.run={self.home / "run"}
server.directories.plugins={self.home / "plugins"}
server.directories.import={self.home / "import"}
server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.listen_address=127.0.0.1:{self.bolt_port}
server.bolt.advertised_address=127.0.0.1:{self.bolt_port}
server.http.listen_address=127.0.0.1:{self.http_port}
server.http.advertised_address=127.0.0.1:{self.http_port}
server.https.enabled=false
server.memory.heap.initial_size={self.heap}
server.memory.heap.max_size={self.heap}
server.memory.pagecache.size={self.pagecache}
dbms.security.auth_enabled=true
db.transaction.timeout=60s
client.allow_telemetry=false
browser.remote_content_hostname_whitelist=http://127.0.0.1,http://localhost
browser.post_connect_cmd=style http://127.0.0.1:8000/browser/style.grass; play http://127.0.0.1:8000/browser/guide.html
"""
        conf += "".join(f"server.jvm.additional={flag}\n" for flag in JVM_FLAGS)
        (self.home / "conf" / "neo4j.conf").write_text(conf, encoding="utf-8")

    def _set_initial_password(self) -> None:
        password = new_password()
        result = self._run(_ADMIN, "dbms", "set-initial-password", password)
        if result.returncode != 0:
            raise ServerError(f"Could not set the initial password:\n{_tail(result)}")
        self.password_file.write_text(password + "\n", encoding="utf-8")
        self.password_file.chmod(0o600)
        log.info("generated the Neo4j password, kept in %s", self.password_file)

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.pid() is None:
                raise ServerError(f"Neo4j exited while starting.\n{self._log_tail()}")
            if _port_open(self.bolt_port) and _port_open(self.http_port):
                return
            time.sleep(0.25)
        raise ServerError(
            f"Neo4j did not answer on Bolt port {self.bolt_port} within {timeout:.0f}s.\n"
            f"{self._log_tail()}"
        )

    def _log_tail(self, lines: int = 20) -> str:
        for name in ("neo4j.log", "debug.log"):
            path = self.home / "logs" / name
            if path.is_file():
                text = path.read_text(encoding="utf-8", errors="replace").splitlines()
                return f"last lines of {path}:\n" + "\n".join(text[-lines:])
        return f"(no log in {self.home / 'logs'})"


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _wait_port_closed(port: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while _port_open(port) and time.monotonic() < deadline:
        time.sleep(0.2)


def _tail(result: subprocess.CompletedProcess[str]) -> str:
    return (result.stdout + result.stderr).strip()[-2000:]


def local_server(settings: Neo4jSettings | None = None) -> LocalServer:
    """The local server that the settings describe."""
    s = settings or get_neo4j_settings()
    return LocalServer(
        home=s.coachgraph_neo4j_home,
        lib=s.coachgraph_neo4j_lib,
        bolt_port=s.bolt_port,
        http_port=s.neo4j_http_port,
        heap=s.neo4j_heap,
        pagecache=s.neo4j_pagecache,
    )
