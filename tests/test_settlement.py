"""The settlement rule (graph.domain.settlement) against one table of cases: in Python, and as the
loader stores it in Neo4j (agreed values on the Tenure, rank and agreement on each claim)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from neo4j import Driver

from graph.domain import PartialDate, TenureClaim, settle
from graph.loader import load
from tests.utils import wipe


@dataclass(frozen=True)
class Claim:
    source: str  # its kind is the id's first word: reference-…, dataset-…, article-…
    team: str = "team-a"
    role: str = "head"
    start: str = ""
    end: str = ""
    contract_until: str = ""

    @property
    def kind(self) -> str:
        return self.source.split("-")[0]


@dataclass(frozen=True)
class Case:
    name: str
    claims: tuple[Claim, ...]
    team: str
    start: str | None
    end: str | None
    contract_until: str | None
    disputed: bool
    ranked: tuple[str, ...]  # sources, best first
    agrees: tuple[bool, ...]  # in ranked order


CASES = (
    Case(
        "one claim",
        (Claim("reference-a", start="2019-06-11", end="2021-05"),),
        "team-a",
        "2019-06-11",
        "2021-05",
        None,
        False,
        ("reference-a",),
        (True,),
    ),
    Case(
        "a reference outranks a data set, which outranks an article",
        (
            Claim("article-z", start="2019-06-11"),
            Claim("dataset-y", start="2019-06-11"),
            Claim("reference-x", start="2019"),
        ),
        "team-a",
        "2019",
        None,
        None,
        False,
        ("reference-x", "dataset-y", "article-z"),
        (True, True, True),
    ),
    Case(
        "a year agrees with a day inside it",
        (Claim("reference-a", start="2013"), Claim("dataset-b", start="2013-06-25")),
        "team-a",
        "2013",
        None,
        None,
        False,
        ("reference-a", "dataset-b"),
        (True, True),
    ),
    Case(
        "days a month apart disagree",
        (Claim("reference-a", start="2009-06-01"), Claim("dataset-b", start="2009-07-01")),
        "team-a",
        "2009-06-01",
        None,
        None,
        True,
        ("reference-a", "dataset-b"),
        (True, False),
    ),
    Case(
        "another team disagrees",
        (Claim("reference-a"), Claim("article-b", team="team-b")),
        "team-a",
        None,
        None,
        None,
        True,
        ("reference-a", "article-b"),
        (True, False),
    ),
    Case(
        "a dated end from a lower-ranked source closes an open tenure",
        (
            Claim("reference-a", start="2025-05-30"),
            Claim("dataset-b", start="2025-05-30", end="2026-05-24"),
        ),
        "team-a",
        "2025-05-30",
        "2026-05-24",
        None,
        False,
        ("reference-a", "dataset-b"),
        (True, True),
    ),
    Case(
        "the start comes from the best claim that gives one; ties by source id",
        (
            Claim("dataset-b", start="2001-11-05"),
            Claim("dataset-a"),
            Claim("article-c", start="2001-11"),
        ),
        "team-a",
        "2001-11-05",
        None,
        None,
        False,
        ("dataset-a", "dataset-b", "article-c"),
        (True, True, True),
    ),
    Case(
        "contract and end disagreeing at their precision",
        (
            Claim("reference-a", start="2001", end=""),
            Claim("article-b", start="1999-07", end="2003", contract_until="2004"),
            Claim("dataset-c", end="2004-06-30"),
        ),
        "team-a",
        "2001",
        "2004-06-30",
        "2004",
        True,
        ("reference-a", "dataset-c", "article-b"),
        (True, True, False),
    ),
)


def _claims(case: Case) -> list[TenureClaim]:
    return [
        TenureClaim(
            source=c.source,
            source_kind=c.kind,
            coach="coach-a",
            team=c.team,
            role=c.role,
            start=PartialDate.parse(c.start) if c.start else None,
            end=PartialDate.parse(c.end) if c.end else None,
            contract_until=c.contract_until or None,
        )
        for c in case.claims
    ]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_rule(case: Case) -> None:
    settled = settle(_claims(case))
    assert settled.team == case.team
    assert (str(settled.start) if settled.start else None) == case.start
    assert (str(settled.end) if settled.end else None) == case.end
    assert settled.contract_until == case.contract_until
    assert settled.disputed is case.disputed
    assert tuple(c.source for c in settled.claims) == case.ranked
    assert settled.agrees == case.agrees


def _seeds(directory: Path) -> Path:
    """Every case as one tenure `case-N` of coach-a, each claim from its own source."""
    sources = {c.source: c.kind for case in CASES for c in case.claims}
    lines = ["id,kind,title,date,lang,url,outlet,publisher,text_file"]
    for source, kind in sorted(sources.items()):
        date, lang, text = ("2025-01", "it", f"{source}.txt") if kind == "article" else ("", "", "")
        url = "https://example.org/" + source if kind == "reference" else ""
        lines.append(f"{source},{kind},{source},{date},{lang},{url},,,{text}")
        if kind == "article":
            (directory / text).write_text("an article", encoding="utf-8")
    (directory / "sources.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (directory / "people.csv").write_text(
        "id,name,roles,aliases,birth_date,nationality,wikidata_id,source\n"
        "coach-a,Coach A,coach,,,,,\n",
        encoding="utf-8",
    )
    (directory / "teams.csv").write_text(
        "id,name,kind,aliases,country,wikidata_id,source\n"
        "team-a,Team A,club,,,,\nteam-b,Team B,club,,,,\n",
        encoding="utf-8",
    )
    rows = ["id,coach,team,role,start,end,contract_until,source,evidence"]
    for n, case in enumerate(CASES):
        rows += [
            f"case-{n},coach-a,{c.team},{c.role},{c.start},{c.end},{c.contract_until},{c.source},"
            for c in case.claims
        ]
    (directory / "tenures.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return directory


STORED = """
MATCH (t:Tenure {id: $id})
RETURN t.team AS team, t.start AS start, t.end AS end, t.contract_until AS contract_until,
       t.disputed AS disputed,
       COLLECT { MATCH (t)-[c:SOURCED_FROM]->(s:Source)
                 WITH c, s ORDER BY c.rank RETURN [s.id, c.agrees] } AS claims
"""


def test_the_loader_stores_the_rules_outcome(empty_graph: Driver, tmp_path: Path) -> None:
    load([_seeds(tmp_path)], empty_graph, "neo4j")
    for n, case in enumerate(CASES):
        records, _, _ = empty_graph.execute_query(STORED, id=f"case-{n}")
        row = records[0]
        assert (row["team"], row["start"], row["end"], row["contract_until"]) == (
            case.team,
            case.start,
            case.end,
            case.contract_until,
        ), case.name
        assert row["disputed"] is case.disputed, case.name
        assert tuple(s for s, _ in row["claims"]) == case.ranked, case.name
        assert tuple(a for _, a in row["claims"]) == case.agrees, case.name
    wipe(empty_graph)
