"""Measuring the extractor against hand-made claims: precision, recall and F1 per claim type.

Matching rule (docs/extraction.md): a predicted claim matches a gold one of the same type when
  - tenure: same coach and team ids;
  - move: same coach, kind and target (the team joined for an appointment, the team left
    otherwise) and the same status family — rumoured | positive (confirmed, completed) |
    negative (denied, collapsed);
  - report: a move (as above, without status) reported by the same outlet;
  - influence: same person, polarity and move (coach, kind, target);
  - entity: the same surface form resolved to the same id (or both unresolved).
Unresolved entities are written `~` + their folded surface form.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.domain import status_family
from graph.domain.names import fold
from graph.extract.gazetteer import Gazetteer
from graph.extract.pipeline import extract

TYPES = ("tenures", "moves", "reports", "influences", "entities")
CLAIM_TYPES = ("tenures", "moves", "reports", "influences")

Key = tuple[str, ...]


def family(status: str) -> str:
    return status_family(status).value


def _ref(value: Any) -> str:
    """An ENT, an id, `~Name` or None → the comparable key."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return value["id"] if value.get("id") else "~" + fold(value["name"])
    text = str(value)
    return "~" + fold(text[1:]) if text.startswith("~") else text


def _target(move: dict[str, Any]) -> str:
    return _ref(move.get("to")) if move["kind"] == "appointment" else _ref(move.get("from"))


def claim_keys(claims: dict[str, Any]) -> dict[str, set[Key]]:
    """The comparable keys of a claims JSON (predicted or gold: both use the same shape)."""
    out: dict[str, set[Key]] = {t: set() for t in TYPES}
    for t in claims.get("tenures", []):
        out["tenures"].add((_ref(t["coach"]), _ref(t["team"])))
    for m in claims.get("moves", []):
        base = (_ref(m["coach"]), m["kind"], _target(m))
        out["moves"].add((*base, family(m["status"])))
        for outlet in m.get("reported_by", []):
            out["reports"].add((*base, _ref(outlet)))
    for i in claims.get("influences", []):
        mv = i["move"]
        out["influences"].add(
            (_ref(i["person"]), i["polarity"], _ref(mv["coach"]), mv["kind"], _target(mv))
        )
    if "mentions" in claims:
        for men in claims["mentions"]:
            ident = men["entity"]["id"] if men["entity"] else None
            out["entities"].add((fold(men["text"]), ident or ""))
    for surface, ident in claims.get("entities", {}).items():
        out["entities"].add((fold(surface), ident or ""))
    return out


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, name: str, predicted: set[Key], gold: set[Key]) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)
        self.misses += [f"{name}: extra {k}" for k in sorted(predicted - gold)]
        self.misses += [f"{name}: missed {k}" for k in sorted(gold - predicted)]


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    articles: int = 0

    def total(self, types: Iterable[str] = CLAIM_TYPES) -> Score:
        total = Score()
        for t in types:
            s = self.scores[t]
            total.tp, total.fp, total.fn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn
        return total

    def table(self) -> list[str]:
        lines = [f"{'type':<12}{'gold':>6}{'pred':>6}{'tp':>5}{'P':>8}{'R':>8}{'F1':>8}"]
        rows = [(t, self.scores[t]) for t in TYPES] + [("claims", self.total())]
        for name, s in rows:
            lines.append(
                f"{name:<12}{s.tp + s.fn:>6}{s.tp + s.fp:>6}{s.tp:>5}"
                f"{s.precision:>8.1%}{s.recall:>8.1%}{s.f1:>8.1%}"
            )
        return lines


def compare(
    report: Report,
    name: str,
    predicted: dict[str, Any],
    gold: dict[str, Any],
    types: Iterable[str] = TYPES,
) -> None:
    p, g = claim_keys(predicted), claim_keys(gold)
    for t in types:
        report.scores[t].add(name, p[t], g[t])
    report.articles += 1


def evaluate_dir(directory: Path, gazetteer: Gazetteer) -> Report:
    """Extract every `*.txt` of `directory` and compare it with its `*.gold.json`."""
    report = Report()
    for path in sorted(directory.glob("*.txt")):
        gold_path = path.with_suffix(".gold.json")
        if not gold_path.is_file():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
        result = extract(text, gazetteer, lang=gold.get("lang", "auto"), date=gold.get("date"))
        compare(report, path.stem, result.to_json(), gold)
    return report


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def seed_gold(seeds: Path, source: str) -> dict[str, Any]:
    """The hand-made claims of one article in the seeds, in the claims JSON shape.

    Moves are those the article sources (moves.csv) or reports (move_reports.csv), with the
    status its report gives (else the move's); reports are its move_reports naming an outlet.
    """
    moves = {m["id"]: m for m in _rows(seeds / "moves.csv")}
    reports = [r for r in _rows(seeds / "move_reports.csv") if r["source"] == source]
    ids = {m for m, row in moves.items() if row["source"] == source}
    ids |= {r["move"] for r in reports}
    gold_moves = []
    for ident in sorted(ids):
        row = moves[ident]
        statuses = [r["status"] for r in reports if r["move"] == ident]
        gold_moves.append(
            {
                "coach": row["coach"],
                "kind": row["kind"],
                "from": row["from"] or None,
                "to": row["to"] or None,
                "status": statuses[0] if statuses else row["status"],
                "reported_by": [r["outlet"] for r in reports if r["move"] == ident and r["outlet"]],
            }
        )
    influences = []
    for row in _rows(seeds / "influences.csv"):
        if row["source"] == source:
            mv = moves[row["move"]]
            influences.append(
                {
                    "person": row["person"],
                    "polarity": row["polarity"],
                    "move": {
                        "coach": mv["coach"],
                        "kind": mv["kind"],
                        "from": mv["from"] or None,
                        "to": mv["to"] or None,
                    },
                }
            )
    tenures = [
        {"coach": t["coach"], "team": t["team"]}
        for t in _rows(seeds / "tenures.csv")
        if t["source"] == source
    ]
    return {"tenures": tenures, "moves": gold_moves, "influences": influences}
