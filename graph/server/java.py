"""Finding a Java runtime that Neo4j 5.26 accepts (17 or newer)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

MIN_JAVA = 17


class JavaError(RuntimeError):
    """No usable Java runtime."""


@dataclass(frozen=True)
class Java:
    executable: Path
    major: int


def _candidate() -> Path | None:
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").is_file():
        return Path(home) / "bin" / "java"
    found = shutil.which("java")
    return Path(found) if found else None


def find_java() -> Java:
    """Return the Java runtime to launch Neo4j with, or explain what is missing."""
    exe = _candidate()
    if exe is None:
        raise JavaError(
            f"Java {MIN_JAVA}+ is required to run Neo4j without Docker, and none was found "
            "(looked at $JAVA_HOME/bin/java and `java` on PATH). Install a JDK 17 or 21, "
            "e.g. `apt-get install openjdk-17-jre-headless`, or use `docker compose up`."
        )
    out = subprocess.run(
        [str(exe), "-version"], capture_output=True, text=True, check=False, timeout=30
    )
    text = out.stderr + out.stdout
    match = re.search(r'version "(\d+)(?:\.(\d+))?', text)
    if not match:
        raise JavaError(f"Could not read the version of {exe}: {text.strip()[:200]}")
    major = int(match.group(1))
    if major == 1 and match.group(2):  # "1.8.0" style
        major = int(match.group(2))
    if major < MIN_JAVA:
        raise JavaError(
            f"{exe} is Java {major}; Neo4j 5.26 needs Java {MIN_JAVA} or newer. "
            "Point JAVA_HOME at a newer JDK."
        )
    return Java(exe, major)
