"""Scoring the extractor against hand-labelled articles, the way the independent sets are scored.

A claim is reduced to the entities a reader checks (docs/extraction.md, "Quality"):
  - tenure: (coach, team);
  - move: (coach, destination) — the team joined, or none for a departure, sacking or
    retirement; its status is scored apart, as accuracy over the matched moves;
  - influence: (person, the move's coach, the move's destination); polarity apart, likewise;
  - report (only when the gold gives outlets): (coach, destination, outlet);
  - entity (only when the gold lists them): (folded surface form, id).
People compare accent- and case-folded, and a surname alone matches the full name ("Conte" is
"Antonio Conte"). Teams compare by canonical team: a name or alias of the gazetteer stands for its
team ("Blancos" is Real Madrid), else the name without its legal form (graph.domain.names.team_key:
"Valencia CF" is "Valencia", "Inter Milan" is never "AC Milan"). A claim an article repeats counts
once, on either side.

Gold files: `<stem>.json` beside `<stem>.txt` (corpus/extraction: entities by name, `"id": null`)
or `<stem>.gold.json` (tests/fixtures/extract_dev: entities by graph id, `~Name` when unknown).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.domain.names import fold, team_key
from graph.extract.club_lists import canonical_club
from graph.extract.gazetteer import Gazetteer
from graph.extract.lexicon import available_languages, load_lexicon
from graph.extract.pipeline import extract

CLAIM_TYPES = ("tenures", "moves", "influences")
TYPES = (*CLAIM_TYPES, "reports", "entities")


@dataclass(frozen=True)
class PersonRef:
    words: tuple[str, ...]  # folded
    surname: tuple[str, ...] = ()  # a gazetteer person's surname ("Hans-Dieter Flick": flick)

    def same(self, other: PersonRef) -> bool:
        """Equal, or one is the other's surname (its last words)."""
        return any(
            _suffix(a, b)
            for a in (self.words, self.surname)
            for b in (other.words, other.surname)
            if a and b and (a == self.words or b == other.words)
        )


def _suffix(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    a, b = sorted((x, y), key=len)
    return bool(a) and b[len(b) - len(a) :] == a


@dataclass(frozen=True)
class TeamRef:
    ident: str | None  # the gazetteer's team, when the name is one of its names
    key: str  # team_key of the name

    def same(self, other: TeamRef) -> bool:
        if self.ident is not None and other.ident is not None:
            return self.ident == other.ident
        return self.key == other.key


def _same_team(a: TeamRef | None, b: TeamRef | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.same(b)


class Names:
    """Turns the ENTs of a claims JSON (by id, by `~Name` or by name) into comparable refs.

    A team name resolves through the gazetteer, else through the nicknames of every lexicon
    ("Nizza" → Nice, "Zenit St Petersburg" → Zenit Saint Petersburg), else through the names of
    the listed clubs (graph/extract/clubs: "Charlton" → Charlton Athletic)."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.nicknames: dict[str, str] = {}
        for lang in available_languages():
            for pattern, (_, teams) in load_lexicon(lang).nicknames.items():
                if len(teams) == 1:
                    self.nicknames.setdefault(" ".join(pattern), teams[0])

    def _name(self, value: Any) -> tuple[str | None, str]:
        """(id, name) of an ENT dict, an id or `~Name`."""
        if isinstance(value, dict):
            ident = value.get("id")
            entry = self.gaz.entries.get(ident) if ident else None
            return ident, entry.name if entry is not None else str(value.get("name") or "")
        text = str(value)
        if text.startswith("~"):
            return None, text[1:]
        entry = self.gaz.entries.get(text)
        return text, entry.name if entry is not None else text.replace("-", " ")

    def person(self, value: Any) -> PersonRef | None:
        if value is None:
            return None
        ident, name = self._name(value)
        entry = self.gaz.entries.get(ident) if ident else None
        surname: tuple[str, ...] = ()
        if entry is not None:
            surname = self.gaz.surname_of.get(entry.id, ())
        return PersonRef(tuple(fold(name).split()), surname)

    def team(self, value: Any) -> TeamRef | None:
        if value is None:
            return None
        ident, name = self._name(value)
        entry = self.gaz.entries.get(ident) if ident else None
        if entry is None:
            entry = self.gaz.team_named(name)
        if entry is None and fold(name) in self.nicknames:
            name = self.nicknames[fold(name)]
            entry = self.gaz.team_named(name)
        if entry is None and (listed := canonical_club(name)) is not None:
            name = listed  # a listed club's short name is its full name ("Charlton")
            entry = self.gaz.team_named(name)
        if entry is not None:
            return TeamRef(entry.id, team_key(entry.name))
        return TeamRef(None, team_key(name) if name else "")

    def outlet(self, value: Any) -> str:
        ident, name = self._name(value)
        if ident and ident in self.gaz.entries:
            return ident
        return "~" + fold(name)


@dataclass(frozen=True)
class Claim:
    """One comparable claim: its refs, the label scored apart (status, polarity) and a text."""

    refs: tuple[Any, ...]
    label: str = ""
    text: str = ""


def _match_refs(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    for x, y in zip(a, b, strict=True):
        if isinstance(x, PersonRef) and isinstance(y, PersonRef):
            if not x.same(y):
                return False
        elif isinstance(x, TeamRef | None) and isinstance(y, TeamRef | None):
            if not _same_team(x, y):
                return False
        elif x != y:
            return False
    return True


def _describe(refs: Iterable[Any]) -> str:
    parts = []
    for r in refs:
        if isinstance(r, PersonRef):
            parts.append(" ".join(r.words))
        elif isinstance(r, TeamRef):
            parts.append(r.ident or f"[{r.key}]")
        elif r is None:
            parts.append("-")
        else:
            parts.append(str(r))
    return " | ".join(parts)


def _target(move: dict[str, Any]) -> Any:
    """The destination of a move: the team joined; none for a departure, sacking, retirement."""
    return move.get("to") if move.get("kind", "appointment") == "appointment" else None


def claims_of(data: dict[str, Any], names: Names) -> dict[str, list[Claim]]:
    """The comparable claims of a claims JSON (predicted or gold: both have the same shape)."""
    out: dict[str, list[Claim]] = {t: [] for t in TYPES}
    for t in data.get("tenures", []):
        out["tenures"].append(Claim((names.person(t["coach"]), names.team(t["team"]))))
    for m in data.get("moves", []):
        coach, dest = names.person(m["coach"]), names.team(_target(m))
        ev = (m.get("evidence") or {}).get("text", "")
        out["moves"].append(Claim((coach, dest), str(m.get("status", "")), ev))
        for outlet in m.get("reported_by", []):
            out["reports"].append(Claim((coach, dest, names.outlet(outlet))))
    for i in data.get("influences", []):
        mv = i["move"]
        refs = (names.person(i["person"]), names.person(mv["coach"]), names.team(_target(mv)))
        ev = (i.get("evidence") or {}).get("text", "")
        out["influences"].append(Claim(refs, str(i.get("polarity", "")), ev))
    for men in data.get("mentions", []):
        ident = men["entity"]["id"] if men["entity"] else ""
        out["entities"].append(Claim((fold(men["text"]), ident)))
    for surface, ident in (data.get("entities") or {}).items():
        out["entities"].append(Claim((fold(surface), ident or "")))
    return {t: _once(claims) for t, claims in out.items()}


def _once(claims: list[Claim]) -> list[Claim]:
    """A claim repeated within one article counts once (the first one stands)."""
    kept: list[Claim] = []
    for c in claims:
        if not any(_match_refs(c.refs, k.refs) for k in kept):
            kept.append(c)
    return kept


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    label_right: int = 0  # matched claims whose status / polarity agrees
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

    @property
    def label_accuracy(self) -> float:
        return self.label_right / self.tp if self.tp else 0.0

    def merge(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.label_right += other.label_right


def score_claims(name: str, predicted: list[Claim], gold: list[Claim]) -> Score:
    """Match predicted claims to gold ones (each used once, gold in order)."""
    score = Score()
    free = list(predicted)
    for g in gold:
        hit = next((p for p in free if _match_refs(p.refs, g.refs)), None)
        if hit is None:
            score.fn += 1
            score.misses.append(f"{name}: missed {_describe(g.refs)}  «{g.text[:90]}»")
            continue
        free.remove(hit)
        score.tp += 1
        if hit.label == g.label:
            score.label_right += 1
        elif g.label:
            score.misses.append(
                f"{name}: {_describe(g.refs)} is {g.label}, said {hit.label}  «{hit.text[:90]}»"
            )
    for p in free:
        score.fp += 1
        score.misses.append(f"{name}: extra {_describe(p.refs)}  «{p.text[:90]}»")
    return score


@dataclass
class Report:
    """Scores per claim type, overall and per language."""

    scores: dict[str, Score] = field(default_factory=dict)
    by_lang: dict[str, dict[str, Score]] = field(default_factory=dict)
    articles: dict[str, int] = field(default_factory=dict)  # per language
    types: set[str] = field(default_factory=set)  # the types the gold files label

    def add(self, lang: str, kind: str, score: Score) -> None:
        self.scores.setdefault(kind, Score()).merge(score)
        self.scores[kind].misses += score.misses
        self.by_lang.setdefault(lang, {}).setdefault(kind, Score()).merge(score)

    @property
    def total_articles(self) -> int:
        return sum(self.articles.values())

    def score(self, kind: str, lang: str | None = None) -> Score:
        table = self.scores if lang is None else self.by_lang.get(lang, {})
        return table.get(kind, Score())

    def table(self) -> list[str]:
        langs = sorted(self.articles)
        head = ", ".join(f"{lang} {self.articles[lang]}" for lang in langs)
        lines = [f"{self.total_articles} articles ({head})"]
        lines.append(f"{'':<4}{'type':<12}{'gold':>6}{'pred':>6}{'tp':>5}{'P':>7}{'R':>7}{'F1':>7}")
        shown = [t for t in TYPES if t in self.types]
        for lang in [None, *langs]:
            for kind in shown:
                s = self.score(kind, lang)
                lines.append(
                    f"{lang or 'all':<4}{kind:<12}{s.tp + s.fn:>6}{s.tp + s.fp:>6}{s.tp:>5}"
                    f"{s.precision:>7.2f}{s.recall:>7.2f}{s.f1:>7.2f}"
                )
        for kind, what in (("moves", "status"), ("influences", "polarity")):
            parts = []
            for lang in [None, *langs]:
                s = self.score(kind, lang)
                parts.append(f"{lang or 'all'} {s.label_right}/{s.tp} {s.label_accuracy:.2f}")
            lines.append(f"{what} accuracy (matched {kind}): " + ", ".join(parts))
        return lines


def compare(
    report: Report,
    name: str,
    predicted: dict[str, Any],
    gold: dict[str, Any],
    names: Names,
    lang: str = "",
) -> None:
    """Score one article's predicted claims against its gold claims."""
    p, g = claims_of(predicted, names), claims_of(gold, names)
    lang = lang or str(gold.get("lang", "")) or "?"
    report.articles[lang] = report.articles.get(lang, 0) + 1
    kinds = [*CLAIM_TYPES]
    if any(m.get("reported_by") for m in gold.get("moves", [])):
        kinds.append("reports")
    if "entities" in gold:
        kinds.append("entities")
    for kind in kinds:
        report.types.add(kind)
        report.add(lang, kind, score_claims(name, p[kind], g[kind]))


def gold_files(directory: Path) -> list[tuple[Path, Path]]:
    """(text, gold) pairs of a folder: `<stem>.json` (the corpus) or `<stem>.gold.json`."""
    out = []
    for path in sorted(directory.glob("*.txt")):
        for gold in (path.with_suffix(".json"), path.with_suffix(".gold.json")):
            if gold.is_file():
                out.append((path, gold))
                break
    return out


def evaluate_dir(
    directory: Path,
    gazetteer: Gazetteer,
    *,
    extractor: Callable[[str, dict[str, Any]], dict[str, Any]] | None = None,
) -> Report:
    """Extract every article of `directory` and score it against its gold file."""
    names = Names(gazetteer)
    report = Report()
    for text_path, gold_path in gold_files(directory):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = text_path.read_text(encoding="utf-8")
        if extractor is not None:
            predicted = extractor(text, gold)
        else:
            result = extract(
                text, gazetteer, lang=gold.get("lang", "auto"), date=gold.get("date") or None
            )
            predicted = result.to_json()
        compare(report, text_path.stem, predicted, gold, names)
    return report


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def seed_gold(seeds: Path, source: str) -> dict[str, Any]:
    """The hand-made claims of one article in the seeds, in the claims JSON shape (by id).

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
