"""What the benchmark ran on: CPU, cores, memory, OS, Java, Neo4j, load average."""

from __future__ import annotations

import os
import platform
import subprocess
from pathlib import Path

import psutil
from neo4j import Driver


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def java_version() -> str:
    from graph.server.java import find_java

    java = find_java()
    out = subprocess.run(
        [str(java.executable), "-version"], capture_output=True, text=True, check=False
    )
    return (out.stderr or out.stdout).splitlines()[0].strip()


def neo4j_version(driver: Driver) -> str:
    records, _, _ = driver.execute_query(
        "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS v, edition AS e"
    )
    return f"{records[0]['v']} {records[0]['e']}"


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def describe(driver: Driver) -> dict[str, str]:
    """The machine, for the report header."""
    return {
        "cpu": cpu_model(),
        "cores": f"{psutil.cpu_count(logical=False)} physical / {psutil.cpu_count()} logical",
        "ram": f"{psutil.virtual_memory().total / 2**30:.1f} GiB",
        "os": f"{platform.system()} {platform.release()} ({platform.platform()})",
        "python": platform.python_version(),
        "java": java_version(),
        "neo4j": neo4j_version(driver),
        "load average at start (1/5/15 min)": load_average(),
    }
