"""`coachgraph load --dry-run` checks the files alone, with no database at all (a data
repository's CI); `--against-db` also checks what the files leave to the graph."""

from __future__ import annotations

import shutil
from pathlib import Path

from neo4j import Driver
from typer.testing import CliRunner, Result

from app.cli import app
from app.settings import ApiSettings
from graph.loader import check
from graph.settings import get_neo4j_settings
from tests.conftest import FIXTURES, SEEDS
from tests.utils import counts, free_port

TENURES_HEADER = "id,coach,team,role,start,end,contract_until,source,evidence\n"
# A file that leans on the seeds: every id it names is defined elsewhere.
EXTRA = TENURES_HEADER + "ancelotti-roma-2026,carlo-ancelotti,as-roma,head,2026,,,ref-extra,\n"


def _cli(*args: str, uri: str, password: str = "unused") -> Result:
    get_neo4j_settings.cache_clear()
    try:
        env = {"NEO4J_URI": uri, "NEO4J_PASSWORD": password}
        return CliRunner().invoke(app, ["load", *args], env=env)
    finally:
        get_neo4j_settings.cache_clear()


def _nowhere() -> str:
    """A Bolt address nothing listens on: Neo4j is down."""
    return f"neo4j://127.0.0.1:{free_port()}"


def test_the_seeds_validate_with_neo4j_down() -> None:
    result = _cli("--dry-run", str(SEEDS), uri=_nowhere())
    assert result.exit_code == 0, result.output
    assert "validated" in result.output and "the files alone" in result.output
    assert "written" not in result.output and "unreachable" not in result.output


def test_references_outside_the_files_are_left_to_load_time(tmp_path: Path) -> None:
    (tmp_path / "extra.tenures.csv").write_text(EXTRA, encoding="utf-8")
    summary = check([tmp_path], None, "neo4j")
    assert {(n.field, n.severity) for n in summary.notes} == {
        ("coach", "note"),
        ("team", "note"),
        ("source", "note"),
    }
    assert all("resolved against the database at load time" in n.message for n in summary.notes)
    result = _cli("--dry-run", str(tmp_path), uri=_nowhere())
    assert result.exit_code == 0, result.output
    assert "'carlo-ancelotti' is not in these files" in result.output
    assert "3 reference(s) or quote(s) point outside these files" in result.output


def test_every_problem_of_the_files_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", folder)
    bad = "".join(f"bad id {n},X,coach,,,,,ref-1\n" for n in range(60))
    with (folder / "people.csv").open("a", encoding="utf-8") as handle:
        handle.write(bad)
    result = _cli("--dry-run", str(folder), uri=_nowhere())
    assert result.exit_code == 2
    assert "60 problem(s)" in result.output
    assert result.output.count("String should match pattern") == 60
    assert "written" not in result.output.replace("writes nothing", "")


def test_against_db_checks_references_in_the_graph(
    seeded_graph: Driver, settings: ApiSettings, tmp_path: Path
) -> None:
    (tmp_path / "sources.csv").write_text(
        "id,kind,title,date,lang,url,outlet,publisher,text_file\n"
        "ref-extra,reference,Extra,,,https://example.org/extra,,,\n",
        encoding="utf-8",
    )
    (tmp_path / "extra.tenures.csv").write_text(EXTRA, encoding="utf-8")
    before = counts(seeded_graph)
    args = ("--dry-run", "--against-db", str(tmp_path))
    uri, password = settings.neo4j_uri, settings.password()
    ok = _cli(*args, uri=uri, password=password)
    assert ok.exit_code == 0, ok.output
    assert "against the graph at" in ok.output and "point outside" not in ok.output

    (tmp_path / "more.tenures.csv").write_text(
        TENURES_HEADER + "x-1,no-such-coach,as-roma,head,2026,,,ref-extra,\n", encoding="utf-8"
    )
    bad = _cli(*args, uri=uri, password=password)
    assert bad.exit_code == 2
    assert "unknown people id 'no-such-coach': not in the input nor in the graph" in bad.output
    assert counts(seeded_graph) == before


def test_against_db_with_neo4j_down_says_nothing_was_written() -> None:
    result = _cli("--dry-run", "--against-db", str(SEEDS), uri=_nowhere())
    assert result.exit_code == 1
    assert "unreachable" in result.output and "Nothing was written" in result.output
    assert "Batches written" not in result.output
