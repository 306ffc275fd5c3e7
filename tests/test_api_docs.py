"""docs/api.md's endpoint table names every path and method of the app's OpenAPI schema, one line
each, and nothing else. The schema is built from the app alone: no database, no lifespan."""

from __future__ import annotations

import re
from typing import Any

import pytest

from app.main import create_app
from app.settings import ApiSettings
from graph.settings import PROJECT_ROOT

API_MD = PROJECT_ROOT / "docs" / "api.md"
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
ROW = re.compile(r"^\|\s*`(?P<method>[A-Z]+)`\s*\|\s*`(?P<path>/[^`]*)`\s*\|")


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return create_app(ApiSettings(neo4j_password="unused")).openapi()


def documented(markdown: str) -> list[tuple[str, str]]:
    """(method, path) of each row of the table under '## Endpoints', in order."""
    lines = markdown.splitlines()
    start = lines.index("## Endpoints")
    rows: list[tuple[str, str]] = []
    in_table = False
    for line in lines[start + 1 :]:
        if line.startswith("## "):
            break
        if not line.startswith("|"):
            if in_table:
                break  # the table ended
            continue
        in_table = True
        match = ROW.match(line)
        if match:
            rows.append((match["method"], match["path"]))
        else:  # the header and the separator
            assert rows == [], f"a row of docs/api.md's table that names no endpoint: {line}"
    return rows


def served(schema: dict[str, Any]) -> set[tuple[str, str]]:
    return {
        (method.upper(), path)
        for path, item in schema["paths"].items()
        for method in item
        if method in METHODS
    }


def test_the_endpoint_table_agrees_with_the_openapi_schema(schema: dict[str, Any]) -> None:
    rows = documented(API_MD.read_text(encoding="utf-8"))
    assert rows, "docs/api.md has no endpoint table under '## Endpoints'"
    twice = sorted({row for row in rows if rows.count(row) > 1})
    assert not twice, f"listed more than once in docs/api.md: {twice}"
    missing = sorted(served(schema) - set(rows))
    extra = sorted(set(rows) - served(schema))
    assert not (missing or extra), (
        f"served but not in docs/api.md's table: {missing}; in the table but not served: {extra}"
    )


def test_the_table_reader_sees_a_wrong_method_and_a_missing_line(schema: dict[str, Any]) -> None:
    table = "\n".join(
        [
            "## Endpoints",
            "",
            "| method | path | answers |",
            "| --- | --- | --- |",
            *(f"| `{m}` | `{p}` | x |" for m, p in sorted(served(schema))),
            "",
            "## Next",
        ]
    )
    assert set(documented(table)) == served(schema)
    wrong = table.replace("| `POST` | `/articles` |", "| `GET` | `/articles` |")
    assert ("GET", "/articles") in documented(wrong)
    assert ("POST", "/articles") not in documented(wrong)
    fewer = table.replace("| `GET` | `/outlets` | x |\n", "")
    assert served(schema) - set(documented(fewer)) == {("GET", "/outlets")}
