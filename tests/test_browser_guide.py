"""The Neo4j Browser guide's queries run on the seed graph, and the style sheet covers the model."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from neo4j import Driver, Query

from app.routes.page import STATIC

GUIDE = STATIC / "browser" / "guide.html"
GRASS = STATIC / "browser" / "style.grass"


class _Runnables(HTMLParser):
    """Collects the text of every `<pre class="... runnable">` (what Browser puts in its editor)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.queries: list[str] = []
        self._depth = 0
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "pre" and "runnable" in classes:
            self._depth = 1
            self._text = []
        elif self._depth:
            self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if not self._depth:
            return
        self._depth -= 1
        if self._depth == 0:
            self.queries.append("".join(self._text).strip())

    def handle_data(self, data: str) -> None:
        if self._depth:
            self._text.append(data)


def _runnables() -> list[str]:
    parser = _Runnables()
    parser.feed(GUIDE.read_text(encoding="utf-8"))
    return parser.queries


CYPHER = [q for q in _runnables() if not q.startswith(":")]


def test_guide_is_a_browser_guide() -> None:
    html = GUIDE.read_text(encoding="utf-8")
    assert html.lstrip().startswith('<article class="guide">')
    assert "<carousel" in html and html.count("<slide") >= 6
    assert "<script" not in html  # Browser strips scripts; the guide must not need any
    commands = [q for q in _runnables() if q.startswith(":")]
    assert commands == [":style http://127.0.0.1:8000/browser/style.grass"]


def test_guide_covers_the_five_questions() -> None:
    text = "\n".join(CYPHER)
    assert "(c:Coach {id: 'carlo-ancelotti'})-[r:COACHED]->(t:Team)" in text
    assert "INFLUENCED]->(m:Move {id: 'ancelotti-as-roma-2025'})" in text
    assert "shortestPath(" in text
    assert "(o:Outlet)-[r:REPORTED]->(m:Move)" in text
    assert "t.start_date <= day AND (t.end_date IS NULL OR t.end_date >= day)" in text


@pytest.mark.parametrize("query", CYPHER, ids=[f"q{i}" for i in range(len(CYPHER))])
def test_guide_query_returns_rows(seeded_module: Driver, query: str) -> None:
    records, _, _ = seeded_module.execute_query(Query(query, timeout=30))
    assert records, f"no rows for:\n{query}"


def test_guide_answers(seeded_module: Driver) -> None:
    by_topic = {q.split("\n")[0]: q for q in CYPHER}
    influence = next(q for k, q in by_topic.items() if "INFLUENCED" in k)
    records, _, _ = seeded_module.execute_query(influence)
    assert [(r["who"], r["polarity"]) for r in records] == [("Claudio Ranieri", "for")]
    on_day = next(q for q in CYPHER if "date('2019-03-10')" in q)
    records, _, _ = seeded_module.execute_query(on_day)
    assert [r["coach"] for r in records] == ["Claudio Ranieri"]
    career = next(q for q in CYPHER if q.startswith("MATCH (c:Coach {id: 'carlo-ancelotti'})-[r"))
    records, _, _ = seeded_module.execute_query(career)
    teams = [r["team"] for r in records]
    assert "AC Milan" in teams and teams.count("Real Madrid") == 2


def test_style_sheet_covers_every_label_and_relationship() -> None:
    grass = GRASS.read_text(encoding="utf-8")
    blocks = r"^(node(?:\.\w+)?|relationship(?:\.\w+)?) \{\n(.*?)^\}"
    rules = dict(re.findall(blocks, grass, re.M | re.S))
    labels = "Person Coach Executive Player Team Club NationalTeam Outlet Source Article Reference"
    for label in [*labels.split(), "Move", "Tenure"]:
        body = rules[f"node.{label}"]
        assert "caption:" in body and "color:" in body, label
    rels = "COACHED HELD AT SOURCED_FROM HELD_ROLE MOVE_OF FROM_TEAM TO_TEAM REPORTED_IN REPORTED"
    for rel in [*rels.split(), "CITES", "INFLUENCED"]:
        assert "caption:" in rules[f"relationship.{rel}"], rel
    # Every block is well formed: `property: value;` lines only.
    for body in rules.values():
        for line in filter(None, (x.strip() for x in body.splitlines())):
            assert re.fullmatch(r"[a-z-]+: .+;", line), line
