"""Applying graph/schema.cypher: constraints and indexes, all `IF NOT EXISTS`."""

from __future__ import annotations

from pathlib import Path
from typing import LiteralString

from neo4j import Driver

SCHEMA_FILE = Path(__file__).with_name("schema.cypher")


def schema_statements() -> list[LiteralString]:
    """The statements of schema.cypher, comments removed."""
    lines = [
        line
        for line in SCHEMA_FILE.read_text(encoding="utf-8").splitlines()
        if not line.lstrip().startswith("//")
    ]
    text = "\n".join(lines)
    # The file is part of the package, not user input: it is safe as query text.
    return [s.strip() for s in text.split(";") if s.strip()]


def apply_schema(driver: Driver, database: str) -> None:
    """Create every constraint and index that does not exist yet, and wait for them."""
    for statement in schema_statements():
        driver.execute_query(statement, database_=database)
    driver.execute_query("CALL db.awaitIndexes(300)", database_=database)
