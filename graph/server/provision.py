"""Fetching the Neo4j server and Neo4j Browser jars from Maven Central with the Maven wrapper."""

from __future__ import annotations

import hashlib
import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

SERVER_DIR = Path(__file__).resolve().parent
POM = SERVER_DIR / "pom.xml"
MVNW = SERVER_DIR / "mvnw"
_MARKER = ".coachgraph-pom-sha256"


class ProvisionError(RuntimeError):
    """The server jars could not be fetched."""


def neo4j_version() -> str:
    """The server version the pom pins (one place for it: graph/server/pom.xml)."""
    text = POM.read_text(encoding="utf-8")
    start = text.index("<neo4j.version>") + len("<neo4j.version>")
    return text[start : text.index("</neo4j.version>")]


def _pom_digest() -> str:
    return hashlib.sha256(POM.read_bytes()).hexdigest()


def jars_ready(lib: Path) -> bool:
    marker = lib / _MARKER
    return marker.is_file() and marker.read_text(encoding="utf-8").strip() == _pom_digest()


def ensure_jars(lib: Path) -> bool:
    """Fill `lib` with the jars the pom names; return True if anything was downloaded.

    The copy goes to a temporary folder first, so an interrupted download never leaves a
    half-filled lib folder that looks complete.
    """
    if jars_ready(lib):
        return False
    lib.parent.mkdir(parents=True, exist_ok=True)
    log.info("fetching Neo4j %s jars from Maven Central into %s", neo4j_version(), lib)
    with tempfile.TemporaryDirectory(dir=lib.parent, prefix=".lib-") as tmp:
        cmd = [
            "sh",
            str(MVNW),
            "-q",
            "-B",
            "-f",
            str(POM),
            "dependency:copy-dependencies",
            f"-DoutputDirectory={tmp}",
        ]
        result = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            tail = (result.stdout + result.stderr).strip()[-2000:]
            raise ProvisionError(
                f"Maven could not fetch the Neo4j jars (exit {result.returncode}):\n{tail}"
            )
        if lib.exists():
            shutil.rmtree(lib)
        Path(tmp).rename(lib)
        Path(tmp).mkdir()  # TemporaryDirectory cleans up the (now empty) path
    (lib / _MARKER).write_text(_pom_digest(), encoding="utf-8")
    log.info("%d jars in %s", len(list(lib.glob("*.jar"))), lib)
    return True
