"""Importing Wikidata exports against the real Neo4j: merge with the seeds, disputes, no-op
re-imports, and bad input refused with file, row and field.

The fixtures use made-up QIDs (Q174614… coaches, Q9616… teams): the seeds hold no
wikidata_id, so seed entities are matched by name (and birth date for people).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from graph.wikidata import ExportError, ImportSummary, import_files
from tests.conftest import FIXTURES
from tests.utils import checksum, counts, wipe

WD = FIXTURES / "wikidata"
JSON = WD / "head-coaches.json"
CSV = WD / "head-coaches.csv"
TSV = WD / "head-coaches.tsv"
CHELSEA_STATEMENT = "wikidata-q9616-00000001-0000-4000-8000-000000000001"


def _import(driver: Driver, *paths: Path) -> ImportSummary:
    return import_files(list(paths), driver, "neo4j")


def _one(driver: Driver, query: str, **params: Any) -> dict[str, Any]:
    records, _, _ = driver.execute_query(query, params)
    assert len(records) == 1, records
    return records[0].data()


def _claims(driver: Driver, tenure: str) -> dict[str, dict[str, Any]]:
    records, _, _ = driver.execute_query(
        "MATCH (:Tenure {id: $id})-[c:SOURCED_FROM]->(s:Source) "
        "RETURN s.id AS source, s.kind AS kind, c.start AS start, c.end AS end, c.role AS role",
        id=tenure,
    )
    return {r["source"]: r.data() for r in records}


def test_a_name_without_qid_or_birth_date_is_ambiguous_not_guessed(seeded_graph: Driver) -> None:
    seeded_graph.execute_query(
        "MATCH (p:Person {id: 'jose-mourinho'}) SET p.wikidata_id = null, p.birth_date = null"
    )
    summary = _import(seeded_graph, JSON)
    assert summary.outcomes == {"created": 5, "merged": 6}
    assert len(summary.skipped) == 1 and "José Mourinho" in summary.skipped[0].reason
    assert "jose-mourinho" in summary.ambiguous[0] and "birth date" in summary.ambiguous[0]


def test_json_export_merges_with_the_seeds(seeded_graph: Driver) -> None:
    summary = _import(seeded_graph, JSON)
    assert summary.statements == 12  # 13 rows: one statement repeated
    assert summary.outcomes == {"created": 5, "merged": 7}
    assert not summary.skipped and not summary.ambiguous
    assert summary.people == {"qid": 3, "new": 3}  # Ancelotti, Conceição, Mourinho by QID
    assert summary.teams == {"qid": 6, "new": 4}
    assert summary.disputed == ["ancelotti-chelsea"]

    # Ancelotti matched by his QID: no second Carlo Ancelotti
    assert (
        _one(seeded_graph, "MATCH (p:Person) WHERE p.name = 'Carlo Ancelotti' RETURN p.id AS id")[
            "id"
        ]
        == "carlo-ancelotti"
    )
    # the Chelsea statement says 1 July 2009, the seeds' reference 1 June: both kept, disputed
    chelsea = _claims(seeded_graph, "ancelotti-chelsea")
    assert chelsea[CHELSEA_STATEMENT]["start"] == "2009-07-01"
    assert chelsea[CHELSEA_STATEMENT]["kind"] == "dataset"
    assert chelsea["ref-ngoisao-chelsea-ancelotti"]["start"] == "2009-06-01"
    tenure = _one(
        seeded_graph,
        "MATCH (t:Tenure {id: 'ancelotti-chelsea'}) RETURN t.start AS start, t.disputed AS d",
    )
    assert tenure == {"start": "2009-06-01", "d": True}  # the reference stays the agreed value

    # two spells at Real Madrid land on the two seed tenures; year-only dates stay years
    first = _claims(seeded_graph, "ancelotti-real-madrid-1")
    wd_first = [c for s, c in first.items() if s.startswith("wikidata-")]
    assert [(c["start"], c["end"]) for c in wd_first] == [("2013", "2015")]
    second = _claims(seeded_graph, "ancelotti-real-madrid-2")
    assert [(c["start"], c["end"]) for s, c in second.items() if s.startswith("wikidata-")] == [
        ("2021-06-01", None)
    ]
    # matched by alias (Reggiana, Brasil, Porto), no dispute at year or month precision
    for tenure_id in ("ancelotti-reggiana", "ancelotti-brazil", "conceicao-porto"):
        row = _one(
            seeded_graph,
            "MATCH (t:Tenure {id: $id})-[:SOURCED_FROM]->(s:Source) "
            "RETURN t.disputed AS d, count(s) AS n, "
            "size([x IN collect(s.id) WHERE x STARTS WITH 'wikidata-']) AS wd",
            id=tenure_id,
        )
        assert row["d"] is False and row["wd"] == 1, tenure_id

    # new coaches keep their accents and QIDs; the caretaker spell and the head-coach spell
    # at Manchester United stay two tenures
    ole = _one(
        seeded_graph,
        "MATCH (p:Coach {wikidata_id: 'Q9000004'}) RETURN p.id AS id, p.name AS name, "
        "p.birth_date AS birth, p.aliases AS aliases",
    )
    assert ole["name"] == "Ole Gunnar Solskjær" and ole["id"] == "ole-gunnar-solskjaer"
    assert ole["birth"] == "1973-02-26" and ole["aliases"] == [
        "Solskjær"
    ]  # folded duplicates dropped
    records, _, _ = seeded_graph.execute_query(
        "MATCH (:Person {id: 'ole-gunnar-solskjaer'})-[r:COACHED]->(t:Team) "
        "RETURN t.name AS team, r.role AS role, r.start AS start, r.end AS end ORDER BY start"
    )
    assert [r.data() for r in records] == [
        {
            "team": "Manchester United F.C.",
            "role": "caretaker",
            "start": "2018-12-19",
            "end": "2019-03-28",
        },
        {
            "team": "Manchester United F.C.",
            "role": "head",
            "start": "2019-03-28",
            "end": "2021-11-21",
        },
    ]
    # an open-ended tenure at a new national team; a year-only birth date
    fuente = _one(
        seeded_graph,
        "MATCH (p:Person {wikidata_id: 'Q9000006'})-[r:COACHED]->(t:NationalTeam) "
        "RETURN p.birth_date AS birth, p.birth_date_precision AS precision, t.name AS team, "
        "r.end AS end, t.wikidata_id AS qid",
    )
    assert fuente == {
        "birth": "1961",
        "precision": "year",
        "team": "Spain national football team",
        "end": None,
        "qid": "Q9100009",
    }
    # the statement repeated on two rows is one claim, with the aliases of both rows
    liverpool = _one(
        seeded_graph, "MATCH (t:Team {wikidata_id: 'Q9100007'}) RETURN t.aliases AS aliases"
    )
    assert {"Liverpool", "The Reds", "LFC"} <= set(liverpool["aliases"])
    # each claim cites its statement
    source = _one(
        seeded_graph,
        "MATCH (s:Source:Dataset {id: $id}) RETURN s.url AS url, s.publisher AS publisher",
        id=CHELSEA_STATEMENT,
    )
    assert source["url"] == (
        "https://www.wikidata.org/wiki/Q9616#Q9616$00000001-0000-4000-8000-000000000001"
    )
    assert source["publisher"] == "Wikidata"


def test_reimport_changes_nothing(seeded_graph: Driver) -> None:
    _import(seeded_graph, JSON)
    before, sizes = checksum(seeded_graph), counts(seeded_graph)
    again = _import(seeded_graph, JSON)
    assert again.outcomes == {"unchanged": 12}
    assert again.load is not None and again.load.changed == 0
    assert again.people["qid"] == 6 and again.people["name"] == 0
    assert checksum(seeded_graph) == before and counts(seeded_graph) == sizes


@pytest.mark.parametrize("export", [CSV, TSV], ids=["csv", "tsv"])
def test_csv_and_tsv_give_the_json_graph(seeded_graph: Driver, export: Path) -> None:
    _import(seeded_graph, JSON)
    from_json = checksum(seeded_graph)
    wipe(seeded_graph)
    from graph.loader import load
    from tests.conftest import SEEDS

    load([SEEDS], seeded_graph, "neo4j")
    summary = _import(seeded_graph, export)
    assert summary.outcomes == {"created": 5, "merged": 7}
    assert checksum(seeded_graph) == from_json
    # and the JSON export is then a no-op
    assert _import(seeded_graph, JSON).outcomes == {"unchanged": 12}
    assert checksum(seeded_graph) == from_json


def test_import_into_an_empty_graph_creates_everything(empty_graph: Driver) -> None:
    summary = _import(empty_graph, JSON)
    assert summary.outcomes == {"created": 12}
    assert summary.people == {"new": 6} and summary.disputed == []
    assert not summary.skipped


def _json_with(tmp_path: Path, name: str, row: int, var: str, term: dict[str, str] | None) -> Path:
    doc = json.loads(JSON.read_text(encoding="utf-8"))
    binding = doc["results"]["bindings"][row - 1]
    if term is None:
        binding.pop(var)
    else:
        binding[var] = term
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def _bad_inputs(tmp_path: Path) -> list[tuple[Path, str]]:
    """(file, the problem text expected) for each kind of bad input."""
    not_sparql = tmp_path / "not-sparql.json"
    not_sparql.write_text('{"people": [1, 2]}', encoding="utf-8")
    ask = tmp_path / "ask.json"
    ask.write_text('{"head": {}, "boolean": true}', encoding="utf-8")
    truncated = tmp_path / "truncated.json"
    truncated.write_text(JSON.read_text(encoding="utf-8")[:3000], encoding="utf-8")
    lines = CSV.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    missing = tmp_path / "missing.csv"
    keep = [i for i, h in enumerate(header) if h != "coachLabel"]
    import csv as csvmod
    import io

    out = io.StringIO()
    writer = csvmod.writer(out)
    for row in csvmod.reader(io.StringIO("\n".join(lines))):
        writer.writerow([row[i] for i in keep])
    missing.write_text(out.getvalue(), encoding="utf-8")
    bad_date = _json_with(
        tmp_path,
        "bad.json",
        3,
        "start",
        {
            "type": "literal",
            "datatype": "http://www.w3.org/2001/XMLSchema#dateTime",
            "value": "2021-13-45T00:00:00Z",
        },
    )
    bad_date_csv = tmp_path / "bad-date.csv"
    bad_date_csv.write_text(
        CSV.read_text(encoding="utf-8").replace("2015-10-08T00:00:00Z", "8 Oct 2015"),
        encoding="utf-8",
    )
    bad_qid = tmp_path / "bad-qid.tsv"
    bad_qid.write_text(
        TSV.read_text(encoding="utf-8").replace(
            "<http://www.wikidata.org/entity/Q9000003>",
            "<https://www.wikidata.org/wiki/Jürgen_Klopp>",
            1,
        ),
        encoding="utf-8",
    )
    bad_precision = _json_with(
        tmp_path, "bad-precision.json", 2, "startPrecision", {"type": "literal", "value": "year"}
    )
    return [
        (not_sparql, "not-sparql.json: not a SPARQL SELECT result"),
        (ask, "ask.json: an ASK result"),
        (truncated, "truncated.json, row 2: malformed JSON"),
        (missing, "missing.csv, row 1, field coachLabel: required variable is missing"),
        (bad_date, "bad.json, row 3, field start: '2021-13-45': month 13 does not exist"),
        (bad_date_csv, "bad-date.csv, row 9, field start: malformed date '8 Oct 2015'"),
        (bad_qid, "bad-qid.tsv, row 8, field coach: not a Wikidata item"),
        (bad_precision, "bad-precision.json, row 2, field startPrecision: precision 'year'"),
    ]


def test_bad_input_is_refused_with_file_row_and_field(seeded_graph: Driver, tmp_path: Path) -> None:
    before = checksum(seeded_graph)
    for path, expected in _bad_inputs(tmp_path):
        with pytest.raises(ExportError) as caught:
            # a good file beside the bad one: still nothing is written
            _import(seeded_graph, JSON, path)
        assert any(expected in str(p) for p in caught.value.problems), (
            expected,
            [str(p) for p in caught.value.problems],
        )
        assert checksum(seeded_graph) == before, path


def test_import_command(seeded_graph: Driver, tmp_path: Path, settings: Any) -> None:
    from app.cli import app
    from graph.settings import get_neo4j_settings

    env = {
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_PASSWORD": settings.password(),
        "COLUMNS": "200",
    }
    get_neo4j_settings.cache_clear()
    try:
        dry = CliRunner().invoke(app, ["import", "wikidata", "--dry-run", str(JSON)], env=env)
        assert dry.exit_code == 0, dry.output
        assert "dry run: nothing was written" in dry.output
        result = CliRunner().invoke(app, ["import", "wikidata", str(JSON)], env=env)
        assert result.exit_code == 0, result.output
        assert "5 created, 7 merged with existing tenures" in result.output
        assert "1 disputed, 0 statements skipped" in result.output
        assert "ancelotti-chelsea" in result.output
        bad = tmp_path / "bad.csv"
        bad.write_text("team,coach\nQ1,Q2\n", encoding="utf-8")
        refused = CliRunner().invoke(app, ["import", "wikidata", str(bad)], env=env)
        assert refused.exit_code == 2
        assert "nothing was written" in refused.output
        assert "bad.csv, row 1, field teamLabel" in refused.output
    finally:
        get_neo4j_settings.cache_clear()
