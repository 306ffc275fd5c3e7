"""The gazetteer: every person, team and outlet of the graph by its folded names and aliases.

Built from Neo4j (`from_graph`: Person/Team/Outlet id, name, aliases, labels) or, offline,
from the shipped data (`from_seeds`): the curated seeds (`people.csv`, `teams.csv`,
`outlets.csv` and `*.people.csv` …) and the Wikidata head-coach export in `seeds/wikidata/`
(`club_side_statements.csv`, `person_side_statements.csv`: coach and team labels; `clubs.csv`:
label and Wikipedia title; `team_labels.csv`: names of the other team items). Wikidata entities
merge with the curated ones by QID, else by name, and get the id the Wikidata importer would give
them (the name's slug), so offline ids are the graph's.

Every team is also known by its name without legal form ("Valencia Club de Fútbol" is
"Valencia": graph.domain.names.team_key), a senior national team by its country ("Brazil"), a
person by a surname nobody else has ("Ancelotti", "De Rossi"); a surname two people share is kept
apart (`shared_surnames`) for the mentions to settle from the article. Lookups are accent- and
case-insensitive (graph.domain.names.fold); an alias written with a capital letter only matches
capitalised text ("Real" the club, not "real" the adjective).
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from neo4j import Driver
from rapidfuzz import fuzz, process

from graph.domain import PERSON_LABEL, TEAM_LABEL, MentionKind
from graph.domain.names import fold, team_key
from graph.extract.queries import GAZETTEER

FUZZY_CUTOFF = 88.0
_MIN_FUZZY_CHARS = 5
_MIN_SURNAME_CHARS = 4

# Words that join a surname to what follows ("De Rossi", "ten Hag", "Van Gaal"): the surname
# alias keeps them.
SURNAME_PARTICLES = frozenset(
    {"de", "di", "da", "del", "della", "dos", "das", "van", "von", "ten", "ter", "le", "la", "mac"}
)
_PARENTHESIS = re.compile(r"\s*\(([^)]*)\)\s*")
_NATIONAL = re.compile(r"^(?P<country>.+?) national (?:football |soccer )?team$", re.IGNORECASE)
_WIKIDATA_FILES = {
    "club_side_statements.csv",
    "person_side_statements.csv",
    "clubs.csv",
    "team_labels.csv",
}


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    kind: MentionKind
    roles: frozenset[str] = frozenset()  # coach, executive, player; club, national

    @property
    def is_coach(self) -> bool:
        return self.kind == "person" and "coach" in self.roles


@dataclass(frozen=True)
class _Alias:
    entry: Entry
    needs_capital: bool


@dataclass
class Gazetteer:
    """Folded token tuples → entries; fuzzy candidates for spelling variants."""

    entries: dict[str, Entry] = field(default_factory=dict)
    index: dict[tuple[str, ...], list[_Alias]] = field(default_factory=lambda: defaultdict(list))
    max_tokens: int = 1
    # first names of the people it knows: a capitalised pair starting with one is a name
    first_names: set[str] = field(default_factory=set)
    # a surname several people share → those people (the article tells which)
    shared_surnames: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    surname_of: dict[str, tuple[str, ...]] = field(default_factory=dict)  # person id → surname
    names_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    # the longest name starting with each word: most words start none, and are skipped
    longest: dict[str, int] = field(default_factory=dict)
    _fuzzy: dict[str, Entry] = field(default_factory=dict)
    _choices: list[str] | None = None

    def add(self, entry: Entry, names: Iterable[str]) -> None:
        self.entries[entry.id] = entry
        for name in names:
            self.add_alias(entry, name)

    def add_alias(self, entry: Entry, name: str) -> None:
        key = tuple(fold(name).split())
        if not key:
            return
        alias = _Alias(entry, name[:1].isupper())
        if all(a.entry.id != entry.id for a in self.index[key]):
            self.index[key].append(alias)
            self.names_of[entry.id].append(name)
        self.max_tokens = max(self.max_tokens, len(key))
        self.longest[key[0]] = max(self.longest.get(key[0], 0), len(key))
        folded = " ".join(key)
        if len(folded) >= _MIN_FUZZY_CHARS + 1 and folded not in self._fuzzy:
            self._fuzzy[folded] = entry
            self._choices = None

    def lookup(self, key: tuple[str, ...], capitalised: bool) -> list[Entry]:
        """Entries an exact (folded) name denotes; ambiguous names give several."""
        return [a.entry for a in self.index.get(key, []) if capitalised or not a.needs_capital]

    def team_named(self, name: str) -> Entry | None:
        """The team a name (or its form without legal words) denotes, if exactly one."""
        for key in (tuple(fold(name).split()), tuple(team_key(name).split())):
            teams = {a.entry.id: a.entry for a in self.index.get(key, []) if a.entry.kind == "team"}
            if len(teams) == 1:
                return next(iter(teams.values()))
        return None

    def fuzzy(self, text: str) -> tuple[Entry, float] | None:
        """The entry whose folded name is closest to `text` (ratio >= FUZZY_CUTOFF)."""
        folded = fold(text)
        if len(folded) < _MIN_FUZZY_CHARS or not self._fuzzy:
            return None
        if self._choices is None:
            self._choices = list(self._fuzzy)
        best = process.extractOne(
            folded, self._choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
        )
        if best is None or best[0].startswith(folded) or folded.startswith(best[0]):
            return None  # "Italian" is not "Italia": a derived word, not a misspelling
        return self._fuzzy[best[0]], float(best[1])

    def complete(self) -> None:
        """Derived names: teams without legal form, countries, short names (team_names.json),
        surnames, first names."""
        for entry in list(self.entries.values()):
            if entry.kind == "team":
                self._team_names(entry)
        for name, shorts in short_names().items():
            team = self.team_named(name)
            if team is None:
                continue
            for short in shorts:
                if not self._taken(tuple(fold(short).split()), team):
                    self.add_alias(team, short)
        surnames: dict[tuple[str, ...], dict[str, Entry]] = defaultdict(dict)
        for entry in list(self.entries.values()):
            if entry.kind != "person":
                continue
            words = entry.name.split()
            if len(words) < 2:
                continue
            first = fold(words[0])
            if len(first) >= 3 and first not in SURNAME_PARTICLES:
                self.first_names.add(first)
            for surname in _surnames(words):
                key = tuple(fold(surname).split())
                surnames[key][entry.id] = entry
                self.surname_of.setdefault(entry.id, key)
        for key, people in surnames.items():
            others = [a for a in self.index.get(key, []) if a.entry.id not in people]
            if len(people) == 1 and not others:
                entry = next(iter(people.values()))
                self.add_alias(entry, " ".join(w.capitalize() for w in key))
            elif len(people) > 1 and not others:
                self.shared_surnames[key] = sorted(people.values(), key=lambda e: e.id)

    def _team_names(self, entry: Entry) -> None:
        for name in list(self.names_of.get(entry.id, [])):
            key = tuple(team_key(name).split())
            if key and len("".join(key)) >= 3 and not self._taken(key, entry):
                self.add_alias(entry, " ".join(w.capitalize() for w in key))
        match = _NATIONAL.match(entry.name)
        if match and "club" not in entry.roles and "under" not in entry.name.lower():
            country = match.group("country")
            if not self._taken(tuple(fold(country).split()), entry):
                self.add_alias(entry, country)
            self.add_alias(entry, f"{country} national team")

    def _taken(self, key: tuple[str, ...], entry: Entry) -> bool:
        return any(a.entry.id != entry.id for a in self.index.get(key, []))

    def add_surnames(self) -> None:
        """Kept for callers of the earlier API: `complete` derives every name."""
        self.complete()


SHORT_NAMES = Path(__file__).with_name("team_names.json")


@lru_cache
def short_names() -> dict[str, list[str]]:
    """Short names clubs go by in any language ("Atalanta", "Gladbach", "Spurs"), by a name of
    the team (graph/extract/team_names.json)."""
    data = json.loads(SHORT_NAMES.read_text(encoding="utf-8"))
    return {k: list(v) for k, v in data.items() if not k.startswith("_")}


def _surnames(words: list[str]) -> list[str]:
    """ "Daniele De Rossi" → ["De Rossi"]; "Antonio Conte" → ["Conte"]; "Francisco Javier García
    Pimienta" → ["Pimienta", "García Pimienta"] (the first is the one `surname_of` keeps)."""
    last = words[-1]
    if len(words) >= 3 and fold(words[-2]) in SURNAME_PARTICLES:
        return [" ".join(words[-2:])]
    if len(fold(last)) < _MIN_SURNAME_CHARS:
        return []
    if len(words) >= 3:
        # a Spanish or Portuguese double surname ("García Pimienta", "Sánchez Flores") is how
        # the press writes him, and its first half alone may be somebody else's surname
        return [last, " ".join(words[-2:])]
    return [last]


def _split(value: str) -> list[str]:
    return [p.strip() for p in value.split("|") if p.strip()]


def _kind_of(path: Path) -> str:
    return path.stem.rsplit(".", 1)[-1]


def _clean(name: str) -> str:
    """A label without a parenthesis ("Al-Ittihad (Jeddah)" → "Al-Ittihad")."""
    return " ".join(_PARENTHESIS.sub(" ", name).split())


def slug(text: str) -> str:
    """The id the Wikidata importer gives a new entity (graph/wikidata/resolve.py)."""
    return fold(text).replace(" ", "-")[:120].strip("-")


class _Builder:
    """Curated seeds first, then Wikidata items merged into them by QID, else by name."""

    def __init__(self) -> None:
        self.gaz = Gazetteer()
        self.by_qid: dict[str, Entry] = {}
        self.by_name: dict[tuple[MentionKind, str], Entry] = {}
        self.team_names: dict[str, list[str]] = defaultdict(list)  # QID → names
        self.team_kinds: dict[str, str] = {}
        self.coaches: dict[str, str] = {}  # QID → label

    def curated(self, csv_path: Path, kind: str) -> None:
        with csv_path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                names = [row["name"], *_split(row.get("aliases", ""))]
                if kind == "people":
                    roles = frozenset(_split(row["roles"]))
                    entry = Entry(row["id"], row["name"], MentionKind.person, roles)
                elif kind == "teams":
                    roles = frozenset({row["kind"]})
                    entry = Entry(row["id"], row["name"], MentionKind.team, roles)
                else:
                    entry = Entry(row["id"], row["name"], MentionKind.outlet)
                self.gaz.add(entry, names)
                if row.get("wikidata_id"):
                    self.by_qid[row["wikidata_id"]] = entry
                for name in names:
                    self.by_name.setdefault((entry.kind, fold(name)), entry)

    def wikidata(self, csv_path: Path) -> None:
        with csv_path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        if csv_path.name == "clubs.csv":
            for row in rows:
                self.team_names[row["team_qid"]] += [row["label"], row.get("other_name", "")]
                self.team_kinds[row["team_qid"]] = "club"
        elif csv_path.name == "team_labels.csv":
            for row in rows:
                self.team_names[row["qid"]].append(row["label"])
                self.team_kinds[row["qid"]] = row.get("kind") or "club"
        else:
            for row in rows:
                self.coaches.setdefault(row["coach_qid"], row["coach_label"])
                if row.get("team_label"):
                    self.team_names[row["team_qid"]].append(row["team_label"])

    def _merge(self, qid: str, names: list[str], kind: MentionKind, roles: frozenset[str]) -> None:
        names = [n for n in dict.fromkeys(_clean(n) for n in names) if n]
        if not names:
            return
        entry = self.by_qid.get(qid)
        if entry is None:
            entry = next(
                (self.by_name[(kind, fold(n))] for n in names if (kind, fold(n)) in self.by_name),
                None,
            )
        if entry is None:
            ident = slug(names[0]) or qid.lower()
            if ident in self.gaz.entries:
                ident = f"{ident}-{qid.lower()}"
            entry = Entry(ident, names[0], kind, roles)
            self.gaz.add(entry, names)
            for name in names:
                self.by_name.setdefault((kind, fold(name)), entry)
        else:
            for name in names:
                self.gaz.add_alias(entry, name)
        self.by_qid[qid] = entry

    def finish(self) -> Gazetteer:
        for qid, names in sorted(self.team_names.items()):
            kind = self.team_kinds.get(qid) or (
                "national" if any(_NATIONAL.match(_clean(n)) for n in names) else "club"
            )
            self._merge(qid, names, MentionKind.team, frozenset({kind}))
        for qid, label in sorted(self.coaches.items()):
            self._merge(qid, [label], MentionKind.person, frozenset({"coach"}))
        self.gaz.complete()
        return self.gaz


def from_seeds(paths: Iterable[Path]) -> Gazetteer:
    """A gazetteer from seeds CSV files and the Wikidata export (folders are searched
    recursively)."""
    builder = _Builder()
    files: list[Path] = []
    for path in paths:
        files += sorted(path.rglob("*.csv")) if path.is_dir() else [path]
    for csv_path in files:
        kind = _kind_of(csv_path)
        if kind in {"people", "teams", "outlets"}:
            builder.curated(csv_path, kind)
    for csv_path in files:
        if csv_path.name in _WIKIDATA_FILES and csv_path.parent.name == "wikidata":
            builder.wikidata(csv_path)
    return builder.finish()


_LABEL_ROLES = {label: role.value for role, label in PERSON_LABEL.items()}
_LABEL_TEAM = {label: kind.value for kind, label in TEAM_LABEL.items()}


def from_graph(driver: Driver, database: str) -> Gazetteer:
    """A gazetteer of the graph's Person, Team and Outlet nodes."""
    records, _, _ = driver.execute_query(GAZETTEER, database_=database, routing_="r")
    gaz = Gazetteer()
    for rec in records:
        labels = set(rec["labels"])
        if "Person" in labels:
            roles = frozenset(r for label, r in _LABEL_ROLES.items() if label in labels)
            entry = Entry(rec["id"], rec["name"], MentionKind.person, roles)
        elif "Team" in labels:
            roles = frozenset(r for label, r in _LABEL_TEAM.items() if label in labels)
            entry = Entry(rec["id"], rec["name"], MentionKind.team, roles)
        else:
            entry = Entry(rec["id"], rec["name"], MentionKind.outlet)
        gaz.add(entry, [rec["name"], *rec["aliases"]])
    gaz.complete()
    return gaz


def merged(first: Gazetteer, *others: Gazetteer) -> Gazetteer:
    """One gazetteer holding the entries of all (e.g. the graph's plus a fixture's)."""
    gaz = Gazetteer()
    for source in (first, *others):
        for key, aliases in source.index.items():
            for alias in aliases:
                gaz.entries[alias.entry.id] = alias.entry
                if all(a.entry.id != alias.entry.id for a in gaz.index[key]):
                    gaz.index[key].append(alias)
                    gaz.names_of[alias.entry.id].append(" ".join(key))
                gaz.max_tokens = max(gaz.max_tokens, len(key))
                gaz.longest[key[0]] = max(gaz.longest.get(key[0], 0), len(key))
        for folded, entry in source._fuzzy.items():
            gaz._fuzzy.setdefault(folded, entry)
        gaz.first_names |= source.first_names
        for key, people in source.shared_surnames.items():
            gaz.shared_surnames.setdefault(key, people)
        for ident, surname in source.surname_of.items():
            gaz.surname_of.setdefault(ident, surname)
    return gaz
