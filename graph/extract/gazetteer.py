"""The gazetteer: every person, team and outlet of the graph by its folded names and aliases.

Built from Neo4j (`from_graph`: Person/Team/Outlet id, name, aliases, labels) or, offline,
from seeds CSV files (`from_seeds`: people.csv, teams.csv, outlets.csv and `*.people.csv` …).
Lookups are accent- and case-insensitive (graph.domain.names.fold); an alias written with a capital
letter only matches capitalised text ("Real" the club, not "real" the adjective).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from neo4j import Driver
from rapidfuzz import fuzz, process

from graph.domain import PERSON_LABEL, TEAM_LABEL, MentionKind
from graph.domain.names import fold
from graph.extract.queries import GAZETTEER

FUZZY_CUTOFF = 88.0
_MIN_FUZZY_CHARS = 5


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
    _fuzzy: dict[str, Entry] = field(default_factory=dict)

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
        self.max_tokens = max(self.max_tokens, len(key))
        folded = " ".join(key)
        if len(folded) >= _MIN_FUZZY_CHARS + 1 and folded not in self._fuzzy:
            self._fuzzy[folded] = entry

    def lookup(self, key: tuple[str, ...], capitalised: bool) -> list[Entry]:
        """Entries an exact (folded) name denotes; ambiguous names give several."""
        return [a.entry for a in self.index.get(key, []) if capitalised or not a.needs_capital]

    def fuzzy(self, text: str) -> tuple[Entry, float] | None:
        """The entry whose folded name is closest to `text` (ratio >= FUZZY_CUTOFF)."""
        folded = fold(text)
        if len(folded) < _MIN_FUZZY_CHARS or not self._fuzzy:
            return None
        best = process.extractOne(
            folded, list(self._fuzzy), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
        )
        if best is None or best[0].startswith(folded) or folded.startswith(best[0]):
            return None  # "Italian" is not "Italia": a derived word, not a misspelling
        return self._fuzzy[best[0]], float(best[1])

    def add_surnames(self) -> None:
        """A person's last name is an alias too, unless another entity goes by it; "Brazil
        national team" is also "Brazil"."""
        for entry in list(self.entries.values()):
            if entry.kind == "team" and entry.name.lower().endswith(" national team"):
                self.add_alias(entry, entry.name[: -len(" national team")])
            if entry.kind != "person":
                continue
            parts = entry.name.split()
            if len(parts) < 2 or len(fold(parts[-1])) < 4:
                continue
            key = tuple(fold(parts[-1]).split())
            if not any(a.entry.id != entry.id for a in self.index.get(key, [])):
                self.add_alias(entry, parts[-1])


def _split(value: str) -> list[str]:
    return [p.strip() for p in value.split("|") if p.strip()]


def _kind_of(path: Path) -> str:
    return path.stem.rsplit(".", 1)[-1]


def from_seeds(paths: Iterable[Path]) -> Gazetteer:
    """A gazetteer from seeds CSV files (folders are searched recursively)."""
    gaz = Gazetteer()
    files: list[Path] = []
    for path in paths:
        files += sorted(path.rglob("*.csv")) if path.is_dir() else [path]
    for csv_path in files:
        kind = _kind_of(csv_path)
        if kind not in {"people", "teams", "outlets"}:
            continue
        with csv_path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                names = [row["name"], *_split(row.get("aliases", ""))]
                if kind == "people":
                    entry = Entry(
                        row["id"], row["name"], MentionKind.person, frozenset(_split(row["roles"]))
                    )
                elif kind == "teams":
                    entry = Entry(
                        row["id"], row["name"], MentionKind.team, frozenset({row["kind"]})
                    )
                else:
                    entry = Entry(row["id"], row["name"], MentionKind.outlet)
                gaz.add(entry, names)
    gaz.add_surnames()
    return gaz


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
    gaz.add_surnames()
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
                gaz.max_tokens = max(gaz.max_tokens, len(key))
        for folded, entry in source._fuzzy.items():
            gaz._fuzzy.setdefault(folded, entry)
    return gaz
