"""The loader against the real Neo4j: seeds load, reloads change nothing, bad input is refused."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from graph.loader import InputError, load
from tests.conftest import FIXTURES, SEEDS
from tests.utils import checksum, counts

MINI = FIXTURES / "mini"


def _copy_mini(tmp_path: Path) -> Path:
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    return target


def _append(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")


def test_seed_graph_loads_with_ancelottis_clubs(empty_graph: Driver) -> None:
    summary = load([SEEDS], empty_graph, "neo4j")
    assert summary.created["tenures"] > 0
    records, _, _ = empty_graph.execute_query(
        "MATCH (c:Coach {id:'carlo-ancelotti'})-[:COACHED]->(t) RETURN DISTINCT t.name AS name"
    )
    names = {r["name"] for r in records}
    for team in [
        "Reggiana",
        "Parma",
        "Juventus",
        "AC Milan",
        "Chelsea",
        "Paris Saint-Germain",
        "Real Madrid",
        "Bayern Munich",
        "SSC Napoli",
        "Everton",
        "Brazil national team",
    ]:
        assert team in names


def test_two_spells_are_two_coached_relationships(seeded_graph: Driver) -> None:
    records, _, _ = seeded_graph.execute_query(
        "MATCH (:Coach {id:'carlo-ancelotti'})-[r:COACHED]->(:Team {id:'real-madrid'}) "
        "RETURN r.start AS start ORDER BY start"
    )
    assert [r["start"][:4] for r in records] == ["2013", "2021"]


def test_roma_rumour_has_tuttosport_and_ranieri_with_evidence(seeded_graph: Driver) -> None:
    records, _, _ = seeded_graph.execute_query(
        """
        MATCH (m:Move {id: 'ancelotti-as-roma-2025'})-[:TO_TEAM]->(:Team {id: 'as-roma'})
        MATCH (o:Outlet {id: 'tuttosport'})-[rep:REPORTED]->(m)
        MATCH (p:Person {id: 'claudio-ranieri'})-[infl:INFLUENCED]->(m)
        MATCH (a:Article {id: rep.source})
        RETURN rep.evidence AS rep_ev, infl.polarity AS polarity, infl.evidence AS inf_ev,
               a.text AS text
        """
    )
    assert len(records) == 1
    row = records[0]
    assert row["polarity"] == "for"
    assert row["inf_ev"] in row["text"]
    assert row["rep_ev"] in row["text"]
    assert "Ranieri" in row["inf_ev"]


def test_every_claim_is_traceable_to_a_source(seeded_graph: Driver) -> None:
    records, _, _ = seeded_graph.execute_query(
        """
        CALL () { MATCH (t:Tenure) WHERE NOT (t)-[:SOURCED_FROM]->(:Source) RETURN count(t) AS a }
        CALL () { MATCH (m:Move) WHERE NOT (m)-[:SOURCED_FROM]->(:Source) RETURN count(m) AS b }
        CALL () { MATCH ()-[i:INFLUENCED]->() WHERE NOT EXISTS { MATCH (s:Source {id: i.source}) }
                  RETURN count(i) AS c }
        RETURN a + b + c AS orphans
        """
    )
    assert records[0]["orphans"] == 0


def test_second_load_changes_nothing(seeded_graph: Driver) -> None:
    before = (counts(seeded_graph), checksum(seeded_graph))
    summary = load([SEEDS], seeded_graph, "neo4j")
    assert summary.changed == 0
    assert summary.version is None
    assert (counts(seeded_graph), checksum(seeded_graph)) == before


def test_a_new_file_adds_to_the_graph(seeded_graph: Driver, tmp_path: Path) -> None:
    extra = tmp_path / "2026.tenures.csv"
    extra.write_text(
        "id,coach,team,role,start,end,contract_until,source,evidence\n"
        "ranieri-test-extra,claudio-ranieri,ssc-napoli,assistant,1980,1981,,"
        "article-fc36557d683ab8d1,Con Claudio Ranieri a convincerlo\n",
        encoding="utf-8",
    )
    nodes, rels = counts(seeded_graph)
    summary = load([extra], seeded_graph, "neo4j")
    assert summary.created["tenures"] == 1
    new_nodes, new_rels = counts(seeded_graph)
    assert new_nodes == nodes + 1
    assert new_rels > rels


def test_a_quote_is_checked_against_an_article_already_in_the_graph(
    seeded_graph: Driver, tmp_path: Path
) -> None:
    extra = tmp_path / "2026.tenures.csv"
    extra.write_text(
        "id,coach,team,role,start,end,contract_until,source,evidence\n"
        "ranieri-test-extra,claudio-ranieri,ssc-napoli,assistant,1980,1981,,"
        "article-fc36557d683ab8d1,Ranieri lo ha sconsigliato\n",
        encoding="utf-8",
    )
    before = (counts(seeded_graph), checksum(seeded_graph))
    with pytest.raises(InputError) as caught:
        load([extra], seeded_graph, "neo4j")
    assert "quote not found in the text of article article-fc36557d683ab8d1" in str(caught.value)
    assert (counts(seeded_graph), checksum(seeded_graph)) == before


def test_dry_run_writes_nothing(empty_graph: Driver) -> None:
    summary = load([SEEDS], empty_graph, "neo4j", dry_run=True)
    assert summary.total_rows > 100
    assert counts(empty_graph) == (0, 0)


@pytest.mark.parametrize(
    ("file", "line", "expected"),
    [
        (
            "tenures.csv",
            "t-unknown,mario-rossi,no-such-team,head,2001,2002,,ref-1,",
            ("tenures.csv", "[t-unknown/ref-1]", "team:", "unknown teams id 'no-such-team'"),
        ),
        (
            "people.csv",
            "mario-rossi,Mario Again,coach,,,,,ref-1",
            (
                "people.csv:5",
                "id:",
                "duplicate people record mario-rossi (first at ",
                "people.csv:2)",
            ),
        ),
        (
            "tenures.csv",
            "t-backwards,mario-rossi,gamma-nt,head,2010-05-01,2009,,ref-1,",
            ("tenures.csv:9", "end:", "before start"),
        ),
        (
            "tenures.csv",
            "t-bad-date,mario-rossi,gamma-nt,head,2010-02-30,,,ref-1,",
            ("tenures.csv:9", "start:", "day 30 does not exist"),
        ),
        (
            "tenures.csv",
            "t-bad-format,mario-rossi,gamma-nt,head,10/02/2010,,,ref-1,",
            ("tenures.csv:9", "start:", "not a date"),
        ),
        (
            "influences.csv",
            "anna-verdi,rossi-beta-2025,against,blocking,art-1,a quote that is not there",
            ("influences.csv:3", "evidence:", "quote not found in the text of article art-1"),
        ),
        (
            "moves.csv",
            "m-bad-status,mario-rossi,alfa-fc,beta-united,appointment,maybe,,,art-1,",
            ("moves.csv:3", "[m-bad-status]", "status:"),
        ),
    ],
)
def test_invalid_input_is_refused_and_nothing_is_written(
    seeded_graph: Driver, tmp_path: Path, file: str, line: str, expected: tuple[str, ...]
) -> None:
    before = (counts(seeded_graph), checksum(seeded_graph))
    folder = _copy_mini(tmp_path)
    _append(folder / file, line)
    with pytest.raises(InputError) as caught:
        load([folder], seeded_graph, "neo4j")
    message = str(caught.value)
    for part in expected:
        assert part in message, message
    assert (counts(seeded_graph), checksum(seeded_graph)) == before


def test_unknown_column_and_not_utf8_are_named(empty_graph: Driver, tmp_path: Path) -> None:
    folder = _copy_mini(tmp_path)
    (folder / "outlets.csv").write_text("id,name,colour\nx,X,red\n", encoding="utf-8")
    (folder / "teams.csv").write_bytes(
        b"id,name,kind,aliases,country,wikidata_id,source\nz,Z\xe9rich,club,,,,ref-1\n"
    )
    with pytest.raises(InputError) as caught:
        load([folder], empty_graph, "neo4j")
    message = str(caught.value)
    assert "outlets.csv:1 colour: unknown column" in message
    assert "teams.csv" in message and "not UTF-8" in message
    assert counts(empty_graph) == (0, 0)


def test_row_shapes_blank_short_and_long_lines(tmp_path: Path) -> None:
    """Blank lines are skipped, missing trailing cells are empty, an extra cell is an error."""
    from graph.loader.files import Problem, SeedFile, read_rows

    path = tmp_path / "outlets.csv"
    path.write_text(
        "id,name,aliases,country,url\n"
        "a,Alpha,,Italy,\n"
        "\n"
        ",,,,\n"
        "b,Beta\n"
        "c,Gamma,,Spain,,extra\n"
        "d,Delta,D|Dee,,\n",
        encoding="utf-8",
    )
    problems: list[Problem] = []
    rows = list(read_rows(SeedFile(path, "outlets"), problems))
    assert [(r.line, r.record.key()) for r in rows] == [(2, ("a",)), (5, ("b",)), (7, ("d",))]
    assert rows[1].record.country == ""
    assert [(p.line, p.message) for p in problems] == [(6, "more cells than header columns")]


def test_overlapping_head_coaches_warn_with_both_records(
    empty_graph: Driver, tmp_path: Path
) -> None:
    folder = _copy_mini(tmp_path)
    _append(
        folder / "tenures.csv", "t-overlap,luigi-bianchi,alfa-fc,head,2021-01-01,2021-12-31,,ref-1,"
    )
    summary = load([folder], empty_graph, "neo4j")
    warnings = [str(w) for w in summary.warnings]
    assert any("t-overlap" in w and "rossi-alfa-2020" in w for w in warnings), warnings


def test_disagreeing_sources_are_kept_side_by_side(empty_graph: Driver, tmp_path: Path) -> None:
    folder = _copy_mini(tmp_path)
    _append(folder / "tenures.csv", "rossi-beta-2018,mario-rossi,beta-united,head,2017,,,art-1,")
    load([folder], empty_graph, "neo4j")
    records, _, _ = empty_graph.execute_query(
        "MATCH (t:Tenure {id:'rossi-beta-2018'})-[c:SOURCED_FROM]->(s) "
        "RETURN t.start AS agreed, t.disputed AS disputed, collect(c.start) AS claims"
    )
    row = records[0]
    assert row["agreed"] == "2018-01-10"  # the reference outranks the article
    assert row["disputed"] is True
    assert sorted(row["claims"]) == ["2017", "2018-01-10"]


def test_load_command_exit_codes(seeded_graph: Driver, tmp_path: Path, settings: object) -> None:
    from app.cli import app
    from graph.settings import get_neo4j_settings

    get_neo4j_settings.cache_clear()
    folder = _copy_mini(tmp_path)
    _append(folder / "people.csv", "bad id,X,coach,,,,,ref-1")
    env = {
        "NEO4J_URI": settings.neo4j_uri,  # type: ignore[attr-defined]
        "NEO4J_PASSWORD": settings.password(),  # type: ignore[attr-defined]
    }
    result = CliRunner().invoke(app, ["load", str(folder)], env=env)
    assert result.exit_code == 2
    assert "nothing was written" in result.output
    assert "people.csv:5" in result.output
    ok = CliRunner().invoke(app, ["load", "--dry-run", str(SEEDS)], env=env)
    assert ok.exit_code == 0, ok.output
    assert "validated" in ok.output
    get_neo4j_settings.cache_clear()


def test_imprecise_dates_do_not_warn_of_overlaps_they_cannot_prove(
    empty_graph: Driver, tmp_path: Path
) -> None:
    folder = _copy_mini(tmp_path)
    # a caretaker known only as "2020" cannot be shown to overlap Rossi (from 2020-07-01)
    _append(folder / "tenures.csv", "t-vague,anna-verdi,alfa-fc,caretaker,2020,2020,,ref-1,")
    summary = load([folder], empty_graph, "neo4j")
    assert not [w for w in summary.warnings if "t-vague" in str(w)]


def test_loaders_close_the_validation_ledger(
    empty_graph: Driver, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Validation keeps what it saw in a SQLite file (graph/loader/ledger.py); each loader
    closes it when done, written or refused, instead of leaving it to garbage collection."""
    from graph.loader.atomic import load_atomic
    from graph.loader.ledger import Ledger

    opened: list[Ledger] = []
    real_init = Ledger.__init__

    def tracking_init(self: Ledger) -> None:
        real_init(self)
        opened.append(self)

    monkeypatch.setattr(Ledger, "__init__", tracking_init)
    load([SEEDS], empty_graph, "neo4j")
    load([SEEDS], empty_graph, "neo4j", dry_run=True)
    load_atomic([SEEDS], empty_graph, "neo4j")
    bad = tmp_path / "bad"
    shutil.copytree(FIXTURES / "api", bad)
    with (bad / "tenures.csv").open("a", encoding="utf-8") as f:
        f.write("broken,nobody,alfa-fc,head,not-a-date,,,ref-1,\n")
    with pytest.raises(InputError):
        load([bad], empty_graph, "neo4j")
    assert len(opened) == 4
    for ledger in opened:
        with pytest.raises(sqlite3.ProgrammingError):
            ledger.one("SELECT 1")
