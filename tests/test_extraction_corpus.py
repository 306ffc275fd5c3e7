"""Every article of the extraction corpus names its page and keeps its labels honest.

The corpus (corpus/extraction/, GUIDE.md) is what extraction quality is measured on, so a
broken file would silently change the numbers: each article needs its URL, outlet and a date
at the precision its source gave, every evidence span must be the article's own text, and an
influence must be about one of the article's moves. Only the files' form is checked here; no
extraction runs on them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from graph.domain import MoveKind, MoveStatus, Polarity, TenureRole, TenureStatus
from graph.settings import PROJECT_ROOT

CORPUS = PROJECT_ROOT / "corpus" / "extraction"
SPLITS = ("dev", "test", "validation")
LANGS = frozenset({"it", "en", "es"})
PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
DATE_SOURCES = frozenset({"url", "text", "page"})


def _articles() -> list[Path]:
    return sorted(p for split in SPLITS for p in (CORPUS / split).glob("*.json"))


def _name(entity: Any) -> str | None:
    return entity["name"] if isinstance(entity, dict) else None


def _move_key(move: dict[str, Any]) -> tuple[str | None, ...]:
    return (_name(move["coach"]), _name(move.get("to")), move["kind"], _name(move.get("from")))


def _evidence_problems(claim: dict[str, Any], text: str) -> list[str]:
    ev = claim["evidence"]
    if text[ev["start"] : ev["end"]] != ev["text"]:
        return [f"evidence {ev['start']}:{ev['end']} is not the article's text: {ev['text']!r}"]
    return []


def _problems(path: Path) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    text_path = path.with_suffix(".txt")
    if not text_path.exists():
        return [f"no text file {text_path.name}"]
    raw = text_path.read_bytes()
    text = raw.decode("utf-8")
    problems = []
    if b"\r" in raw:
        problems.append("the text has \\r line ends")
    if not str(data.get("url", "")).startswith(("http://", "https://")):
        problems.append(f"url {data.get('url')!r} is not a web address")
    if not str(data.get("outlet", "")).strip():
        problems.append("no outlet")
    if not PARTIAL_DATE.fullmatch(str(data.get("date", ""))):
        problems.append(f"date {data.get('date')!r} is not YYYY[-MM[-DD]]")
    if data.get("date_source") not in DATE_SOURCES:
        problems.append(
            f"date_source {data.get('date_source')!r} is none of {sorted(DATE_SOURCES)}"
        )
    if data.get("lang") not in LANGS or not path.name.startswith(f"{data.get('lang')}_"):
        problems.append(f"lang {data.get('lang')!r} does not match the file name")
    for tenure in data["tenures"]:
        problems += _evidence_problems(tenure, text)
        if tenure["status"] not in set(TenureStatus) or tenure["role"] not in set(TenureRole):
            problems.append(f"tenure {tenure['evidence']['text']!r}: bad status or role")
    moves = {_move_key(m) for m in data["moves"]}
    for move in data["moves"]:
        problems += _evidence_problems(move, text)
        if move["kind"] not in set(MoveKind) or move["status"] not in set(MoveStatus):
            problems.append(f"move {move['evidence']['text']!r}: bad kind or status")
    for influence in data["influences"]:
        problems += _evidence_problems(influence, text)
        if influence["polarity"] not in set(Polarity):
            problems.append(f"influence {influence['evidence']['text']!r}: bad polarity")
        if _move_key(influence["move"]) not in moves:
            problems.append(
                f"influence {influence['evidence']['text']!r} is about no move of the article"
            )
    return problems


def test_the_corpus_has_its_splits_and_languages() -> None:
    articles = _articles()
    assert len(articles) >= 60
    for split in SPLITS:
        langs = {p.name.split("_", 1)[0] for p in (CORPUS / split).glob("*.json")}
        assert langs == LANGS, split


def test_an_article_is_in_one_split_only() -> None:
    urls = [json.loads(p.read_text(encoding="utf-8"))["url"] for p in _articles()]
    assert len(urls) == len(set(urls))


@pytest.mark.parametrize("path", _articles(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_each_article_names_its_page_and_its_evidence_is_its_text(path: Path) -> None:
    assert _problems(path) == []


def test_a_broken_article_is_reported_with_what_is_wrong(tmp_path: Path) -> None:
    (tmp_path / "it_broken.txt").write_text("Il Lecce ha esonerato Gotti.\n", encoding="utf-8")
    evidence = {"start": 10, "end": 27, "text": "ha esonerato Gotti"}
    gotti: dict[str, Any] = {"coach": {"id": None, "name": "Luca Gotti"}, "to": None}
    gotti |= {"from": {"id": None, "name": "Lecce"}, "kind": "sacking", "status": "completed"}
    baroni = dict(gotti, coach={"id": None, "name": "Marco Baroni"})
    influence: dict[str, Any] = {"person": {"id": None, "name": "Corvino"}, "move": baroni}
    influence |= {"polarity": "pro", "how": "", "evidence": evidence}
    data: dict[str, Any] = {"url": "ftp://x", "outlet": "", "date": "24 marzo", "lang": "en"}
    data |= {"date_source": "memory", "title": "", "tenures": []}
    data |= {"moves": [dict(gotti, evidence=evidence)], "influences": [influence]}
    path = tmp_path / "it_broken.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    problems = "\n".join(_problems(path))
    for part in ("url", "no outlet", "date '24 marzo'", "date_source", "lang", "evidence 10:27"):
        assert part in problems
    assert "bad polarity" in problems and "about no move" in problems
