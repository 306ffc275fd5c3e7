"""retractions.csv: a source withdraws a claim. The claim leaves every answer but stays in the
graph with its own source; loading its file again does not bring it back."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from graph.loader import InputError, check, load
from tests.conftest import SEEDS
from tests.utils import DATASET, checksum, counts, disputing_seeds, wipe

ARTICLE = "article-fc36557d683ab8d1"
ROMA = "ancelotti-as-roma-2025"
RETRACTIONS = (
    "kind,claim,source,evidence,note\n"
    # one of two claims: the dispute it made goes
    f"tenures,ancelotti-chelsea/{DATASET},ref-erratum,,the export gave the first match day\n"
    # the only claim: the tenure leaves the career
    "tenures,ranieri-chelsea/ref-kiddle-claudio-ranieri,ref-erratum,,\n"
    f"influences,claudio-ranieri/{ROMA}/{ARTICLE},ref-erratum,,\n"
    f"move_reports,{ROMA}/{ARTICLE}/tuttosport,ref-erratum,,\n"
)
ERRATUM = (
    "id,kind,title,date,lang,url,outlet,publisher,text_file\n"
    "ref-erratum,reference,Corrections,2026-01-01,,https://example.org/corrections,,Test,\n"
)


def _corrections(folder: Path, retractions: str = RETRACTIONS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "erratum.sources.csv").write_text(ERRATUM, encoding="utf-8")
    (folder / "retractions.csv").write_text(retractions, encoding="utf-8")
    return folder


def _one(driver: Driver, query: str) -> object:
    records, _, _ = driver.execute_query(query)
    return records[0][0]


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    return disputing_seeds(tmp_path), _corrections(tmp_path / "corrections")


def test_retracted_claims_leave_the_answers_and_keep_their_source(
    empty_graph: Driver, folders: tuple[Path, Path], client: TestClient
) -> None:
    disputing, corrections = folders
    summary = load([SEEDS, disputing, corrections], empty_graph, "neo4j")
    assert summary.created["retractions"] == 4

    disputed = "MATCH (t:Tenure {id: 'ancelotti-chelsea'}) RETURN t.disputed"
    assert _one(empty_graph, disputed) is False
    kept = f"""MATCH (:Tenure {{id: 'ancelotti-chelsea'}})-[x:RETRACTED]->
                     (:Source {{id: '{DATASET}'}})
               RETURN x.start + ' ' + x.retraction"""
    assert _one(empty_graph, kept) == f"2009-07-01 tenures/ancelotti-chelsea/{DATASET}"
    by = "MATCH (:Retraction)-[:RETRACTED_BY]->(:Source {id: 'ref-erratum'}) RETURN count(*)"
    assert _one(empty_graph, by) == 4

    withdrawn = """MATCH (t:Tenure {id: 'ranieri-chelsea'})
                   RETURN [t.withdrawn, COUNT { (t)--(:Person) }, COUNT { (t)-[:AT]->() },
                           COUNT { ()-[:COACHED {tenure: t.id}]->() },
                           COUNT { (t)-[:RETRACTED]->(:Source) }]"""
    assert _one(empty_graph, withdrawn) == [True, 0, 0, 0, 1]

    moved = f"""MATCH (m:Move {{id: '{ROMA}'}})
                RETURN [COUNT {{ (:Person {{id: 'claudio-ranieri'}})-[:INFLUENCED]->(m) }},
                        COUNT {{ (:Person {{id: 'claudio-ranieri'}})-[:RETRACTED]->(m) }},
                        COUNT {{ (m)-[:REPORTED_IN {{outlet: 'tuttosport'}}]->() }},
                        COUNT {{ (m)-[:RETRACTED {{outlet: 'tuttosport'}}]->() }},
                        COUNT {{ (:Outlet {{id: 'tuttosport'}})-[:REPORTED]->(m) }}]"""
    assert _one(empty_graph, moved) == [0, 1, 0, 1, 0]

    disputes = client.get("/disputes").json()
    assert "ancelotti-chelsea" not in str(disputes)
    career = client.get("/coaches/claudio-ranieri/career").json()
    assert "ranieri-chelsea" not in str(career) and "ranieri-" in str(career)
    influencers = client.get(f"/moves/{ROMA}/influencers").json()
    assert "claudio-ranieri" not in str(influencers)


def test_loading_again_brings_nothing_back_in_any_order(
    empty_graph: Driver, folders: tuple[Path, Path]
) -> None:
    disputing, corrections = folders
    load([SEEDS, disputing, corrections], empty_graph, "neo4j")
    together = counts(empty_graph), checksum(empty_graph)
    again = load([SEEDS, disputing, corrections], empty_graph, "neo4j")
    assert again.changed == 0
    assert (counts(empty_graph), checksum(empty_graph)) == together

    wipe(empty_graph)
    load([SEEDS, disputing], empty_graph, "neo4j")
    load([corrections], empty_graph, "neo4j")  # onto the graph the claims are in
    claims_again = load([SEEDS, disputing], empty_graph, "neo4j")
    assert claims_again.changed == 0
    assert (counts(empty_graph), checksum(empty_graph)) == together


def test_a_retraction_must_name_a_claim_that_exists(seeded_graph: Driver, tmp_path: Path) -> None:
    unknown = _corrections(
        tmp_path / "unknown",
        "kind,claim,source,evidence,note\n"
        "tenures,ancelotti-chelsea/no-such-source,ref-erratum,,\n"
        "roles,perez-real-madrid/ref-x,ref-erratum,,\n"
        "influences,claudio-ranieri/ancelotti-as-roma-2025,ref-erratum,,\n",
    )
    before = counts(seeded_graph), checksum(seeded_graph)
    with pytest.raises(InputError) as caught:
        load([unknown], seeded_graph, "neo4j")
    found = "\n".join(str(p) for p in caught.value.problems)
    assert "unknown tenures id 'ancelotti-chelsea/no-such-source'" in found
    assert "a retraction names a claim of kind tenures, move_reports, influences" in found
    assert "a influences claim is named person/move/source" in found
    assert (counts(seeded_graph), checksum(seeded_graph)) == before


def test_the_files_alone_leave_the_claim_to_load_time(tmp_path: Path) -> None:
    summary = check([_corrections(tmp_path)], None, "neo4j")
    assert summary.rows == {"sources": 1, "retractions": 4}
    assert {n.field for n in summary.notes} == {"claim"}
    assert len(summary.notes) == 4
