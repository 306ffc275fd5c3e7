"""Layers point one way: graph/ never imports app/, and graph/domain/ imports nothing else of
the project."""

from __future__ import annotations

import ast
from pathlib import Path

from graph.settings import PROJECT_ROOT

GRAPH = PROJECT_ROOT / "graph"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _offenders(root: Path, refused: tuple[str, ...]) -> list[str]:
    """Imports under `root` of a refused package or module (or of anything inside one)."""
    return sorted(
        f"{path.relative_to(PROJECT_ROOT)} imports {module}"
        for path in root.rglob("*.py")
        for module in _imports(path)
        if any(module == r or module.startswith(r + ".") for r in refused)
    )


def test_nothing_under_graph_imports_app() -> None:
    assert list(GRAPH.rglob("*.py")), "no modules found"
    assert _offenders(GRAPH, ("app",)) == []


def test_the_domain_imports_nothing_else_of_the_project() -> None:
    domain = GRAPH / "domain"
    outside = sorted(
        f"{path.relative_to(PROJECT_ROOT)} imports {module}"
        for path in domain.rglob("*.py")
        for module in _imports(path)
        if module.split(".")[0] in {"app", "graph", "tests", "benchmarks"}
        and not module.startswith("graph.domain")
    )
    assert outside == []


def test_the_walk_sees_an_import_of_app(tmp_path: Path) -> None:
    module = tmp_path / "bad.py"
    module.write_text("from app.main import create_app\nimport app.cli\n", encoding="utf-8")
    assert _imports(module) == {"app.main", "app.cli"}
