"""Small helpers for tests: wiping the graph, counting and checksumming it."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from neo4j import Driver

COUNTS = """
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
RETURN nodes, rels
"""

NODE_PROPS = """
MATCH (n) WHERE NOT n:Meta
RETURN labels(n) AS labels, properties(n) AS props
"""

REL_PROPS = """
MATCH (a)-[r]->(b)
RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props
"""


def wipe(driver: Driver) -> None:
    """Delete every node and relationship, in batches (keeps constraints and indexes)."""
    while True:
        records, _, _ = driver.execute_query(
            "MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted"
        )
        if records[0]["deleted"] == 0:
            return


def counts(driver: Driver) -> tuple[int, int]:
    records, _, _ = driver.execute_query(COUNTS)
    return records[0]["nodes"], records[0]["rels"]


def _canon(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def checksum(driver: Driver) -> str:
    """A digest of every node's labels and properties and every relationship (Meta excluded)."""
    nodes, _, _ = driver.execute_query(NODE_PROPS)
    rels, _, _ = driver.execute_query(REL_PROPS)
    items = sorted(_canon([sorted(r["labels"]), r["props"]]) for r in nodes)
    items += sorted(_canon([r["a"], r["type"], r["b"], r["props"]]) for r in rels)
    return hashlib.sha256("\n".join(items).encode("utf-8")).hexdigest()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
