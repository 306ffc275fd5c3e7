"""`coachgraph import worldcup`: managers on World Cup benches as observations, with tenures
that contain them and never an invented start or end.

1. **Teams** are national teams, men's or women's by the tournament, matched with the graph's
   national teams by `national_key` ("Italy", "Italy national team" and "Italy national football
   team" are one team; "Italy women" is another); never with clubs.
2. **Managers** match the graph's people by their whole name, folded; a nationality or a birth
   date that contradicts the match rules a candidate out, a cited page equal to the manager's
   Wikipedia link confirms one. Several candidates left: refused as ambiguous, not guessed.
3. **Runs**: a manager's matches at one team over the tournaments that team played in a row
   with that manager. A run whose days overlap (three weeks' tolerance) a tenure of that coach
   at that team is evidence about that tenure; else it makes a tenure whose start and end are
   unknown — the graph only knows it contains the observed days (`observed_from`,
   `observed_to`). Later sources with dates become claims about the same tenure.
4. Every match is a source; every appearance an observation on its tenure; each tenure one
   claim of the database, without dates. All of it is written through the loader.
"""

from __future__ import annotations

import csv
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from neo4j import Driver

from graph.domain import IN_CHARGE_ROLES, PartialDate, fold, team_key
from graph.imports import ExportError, Problem, Refused, refusal_rows
from graph.loader import InputError, LoadSummary, load
from graph.loader.records import BY_KIND
from graph.wikidata.resolve import slug
from graph.worldcup import queries
from graph.worldcup.data import APPEARANCES, Appearance, Manager, read

DATASET = "worldcup"
SOURCE = {
    "id": "dataset-worldcup-fjelstul",
    "kind": "dataset",
    "title": "The Fjelstul World Cup Database: every manager of every World Cup match, "
    "1930–2022 (CC BY-SA 4.0)",
    "url": "https://github.com/jfjelstul/worldcup",
    "publisher": "Joshua C. Fjelstul, The Fjelstul World Cup Database (CC BY-SA 4.0)",
}
#: Matches of one tournament are days apart; a run and a tenure this close are one tenure.
TOLERANCE = timedelta(days=21)
#: No one manages a national team before this age: a birth date that says otherwise rules a
#: namesake out.
MIN_AGE = 18

_SUFFIXES = ("", "-2", "-3")
_NATIONAL_WORDS = frozenset({"national", "football", "soccer", "team", "men", "mens", "s"})


def national_key(name: str, *, women: bool = False) -> str:
    """A national team's name without "national (football) team": "Italy national team" →
    "italy"; a women's side keeps "women" ("Italy women's national team" → "italy women")."""
    words = [w for w in team_key(name).split() if w not in _NATIONAL_WORDS]
    if women and "women" not in words:
        words.append("women")
    return " ".join(words)


@dataclass
class WorldCupSummary:
    managers: int = 0
    appearances: int = 0
    people: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # matched / new
    teams: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    tenures: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # joined / new
    refused: list[Refused] = field(default_factory=list)
    load: LoadSummary | None = None

    def lines(self) -> list[str]:
        return [
            f"{self.appearances} appearances of {self.managers} managers",
            f"  managers: {self.people['matched']} matched with the graph's people, "
            f"{self.people['new']} new, {len(self.refused)} rows refused",
            f"  teams:    {self.teams['matched']} matched, {self.teams['new']} new",
            f"  tenures:  {self.tenures['joined']} already in the graph (observations added), "
            f"{self.tenures['new']} known only from observations",
        ]


@dataclass(frozen=True)
class _Run:
    coach: str
    team: str
    days: tuple[date, ...]
    tournaments: tuple[str, ...]
    appearances: tuple[Appearance, ...]

    @property
    def first(self) -> date:
        return self.days[0]

    @property
    def last(self) -> date:
        return self.days[-1]


def _read(driver: Driver, database: str, query: Any, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(query, params, database_=database, routing_="r")
    return [dict(r) for r in records]


class _Importer:
    def __init__(self, driver: Driver, database: str) -> None:
        self.driver = driver
        self.database = database
        self.summary = WorldCupSummary()
        self.rows: dict[str, list[dict[str, str]]] = defaultdict(list)
        self.taken: set[str] = set()

    # -- teams --------------------------------------------------------------------------
    def teams(self, appearances: list[Appearance]) -> dict[tuple[str, bool], str]:
        """(team name, women) → graph team id, new teams written."""
        graph: dict[str, set[str]] = defaultdict(set)
        for t in _read(self.driver, self.database, queries.NATIONAL_TEAMS):
            for name in (t["name"], *(t["aliases"] or [])):
                graph[national_key(name)].add(t["id"])
        out: dict[tuple[str, bool], str] = {}
        for name, women in sorted({(a.team_name, a.women) for a in appearances}):
            found = sorted(graph.get(national_key(name, women=women), ()))
            if len(found) > 1:
                for a in appearances:
                    if (a.team_name, a.women) == (name, women):
                        why = f"team {name!r}: {len(found)} national teams have this name"
                        self.refuse(a.file, a.row, f"{why} ({', '.join(found)})")  # fmt: skip
                continue
            if found:
                out[(name, women)] = found[0]
                self.summary.teams["matched"] += 1
                continue
            full = f"{name} women's national team" if women else f"{name} national team"
            ident = self.new_id(slug(full))
            self.rows["teams"].append(
                {
                    "id": ident,
                    "name": full,
                    "kind": "national",
                    "aliases": name,
                    "country": name,
                    "source": SOURCE["id"],
                }
            )
            out[(name, women)] = ident
            self.summary.teams["new"] += 1
        return out

    # -- managers -----------------------------------------------------------------------
    def people(
        self,
        managers: dict[str, Manager],
        first: dict[str, Appearance],
        teams: dict[tuple[str, bool], str],
    ) -> dict[str, str]:
        """Manager id → graph person id; new people written, ambiguous ones refused."""
        keys = {fold(m.name) for m in managers.values()}
        by_key: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for rec in _read(self.driver, self.database, queries.PEOPLE_BY_NAME, keys=sorted(keys)):
            by_key[rec["key"]].append(rec)
        on_day = self._on_day(managers, first, teams)
        first_year = {ident: a.year for ident, a in first.items()}
        out: dict[str, str] = {}
        for m in sorted(managers.values(), key=lambda m: m.id):
            cands = [c for c in by_key.get(fold(m.name), []) if self._may_be(m, c, first_year)]
            if not cands and len(on_day.get(m.id, [])) == 1:
                out[m.id] = on_day[m.id][0]
                self.summary.people["matched"] += 1
                continue
            linked = [c for c in cands if m.wikipedia and m.wikipedia in c["urls"]]
            if linked:
                cands = linked
            if len(cands) > 1:
                ids = ", ".join(sorted(c["id"] for c in cands))
                why = f"manager {m.name!r}: {len(cands)} people in the graph have this name"
                self.refuse(m.file, m.row, f"{why} ({ids}); cite {m.wikipedia} on the one")
                continue
            if cands:
                out[m.id] = cands[0]["id"]
                self.summary.people["matched"] += 1
                continue
            out[m.id] = self.new_person(m)
            self.summary.people["new"] += 1
        return out

    def _on_day(
        self,
        managers: dict[str, Manager],
        first: dict[str, Appearance],
        teams: dict[tuple[str, bool], str],
    ) -> dict[str, list[str]]:
        """Manager id → the graph's coaches in charge of his team on his first match there whose
        name holds his family name."""
        asks = [
            {"manager": ident, "team": teams[(a.team_name, a.women)], "day": str(a.day)}
            for ident, a in sorted(first.items())
            if (a.team_name, a.women) in teams
        ]
        out: dict[str, list[str]] = defaultdict(list)
        rows = _read(self.driver, self.database, queries.COACHES_ON_DAY, asks=asks,
                     in_charge=IN_CHARGE_ROLES)  # fmt: skip
        for rec in rows:
            family = fold(managers[rec["manager"]].family)
            names = rec["search_key"].strip("|").split("|")
            if family and any(f" {family} " in f" {name} " for name in names):
                out[rec["manager"]].append(rec["id"])
        return out

    @staticmethod
    def _may_be(m: Manager, cand: dict[str, Any], first_year: dict[str, int]) -> bool:
        nationality = cand["nationality"]
        if nationality and fold(nationality) != fold(m.country):
            return False
        birth = cand["birth_date"]
        year = first_year.get(m.id)
        return not (birth and year and PartialDate.parse(birth).year > year - MIN_AGE)

    def new_person(self, m: Manager) -> str:
        ident = self.new_id(slug(m.name), m.id)
        page = f"ref-wikipedia-{ident}"
        self.rows["sources"].append(
            {
                "id": page,
                "kind": "reference",
                "title": f"{m.name} (Wikipedia)",
                "url": m.wikipedia,
                "publisher": "Wikipedia",
            }
        )
        self.rows["people"].append(
            {
                "id": ident,
                "name": m.name,
                "roles": "coach",
                "nationality": m.country,
                "source": page,
            }
        )
        return ident

    def new_id(self, base: str, suffix: str = "") -> str:
        ident = base or suffix.lower()
        if ident in self.taken and suffix:
            ident = f"{base}-{suffix.lower()}"
        n = 2
        while ident in self.taken:
            ident, n = f"{base}-{n}", n + 1
        self.taken.add(ident)
        return ident

    def refuse(self, file: str, row: int, reason: str) -> None:
        self.summary.refused.append(Refused(file, row, reason))

    # -- runs and tenures ---------------------------------------------------------------
    def runs(
        self,
        appearances: list[Appearance],
        people: dict[str, str],
        teams: dict[tuple[str, bool], str],
    ) -> list[_Run]:
        """Each manager's matches at a team over the team's tournaments played in a row."""
        played: dict[tuple[str, bool], list[str]] = defaultdict(list)
        by: dict[tuple[str, str, bool], dict[str, list[Appearance]]] = defaultdict(dict)
        for a in sorted(appearances, key=lambda a: (a.day, a.match_id)):
            key = (a.team_name, a.women)
            if a.tournament not in played[key]:
                played[key].append(a.tournament)
            by[(a.manager_id, a.team_name, a.women)].setdefault(a.tournament, []).append(a)
        out: list[_Run] = []
        for (manager, team_name, women), tournaments in sorted(by.items()):
            if manager not in people or (team_name, women) not in teams:
                continue
            order = played[(team_name, women)]
            coach, team = people[manager], teams[(team_name, women)]
            chunk: list[str] = []
            for tournament in order:
                if tournament in tournaments:
                    chunk.append(tournament)
                elif chunk:
                    out.append(self._run(coach, team, chunk, tournaments))
                    chunk = []
            if chunk:
                out.append(self._run(coach, team, chunk, tournaments))
        return out

    @staticmethod
    def _run(coach: str, team: str, chunk: list[str], by: dict[str, list[Appearance]]) -> _Run:
        seen = [a for t in chunk for a in by[t]]
        days = tuple(sorted({a.day.earliest for a in seen}))
        return _Run(coach, team, days, tuple(chunk), tuple(seen))

    def place(self, runs: list[_Run]) -> dict[_Run, str]:
        """Each run's tenure: one of the graph's it overlaps, else a new undated one."""
        pairs = sorted({(r.coach, r.team) for r in runs})
        candidates = {
            f"{r.coach}-{r.team}-{r.first.year}{n}" for r in runs for n in ("", "-2", "-3")
        }
        self.taken |= {
            r["id"]
            for r in _read(self.driver, self.database, queries.IDS_TAKEN, ids=sorted(candidates))
        }
        spans: dict[tuple[str, str], list[tuple[str, date, date]]] = defaultdict(list)
        for t in _read(
            self.driver, self.database, queries.TENURES_OF_PAIRS,
            pairs=[list(p) for p in pairs], in_charge=IN_CHARGE_ROLES,
        ):  # fmt: skip
            lo, hi = _span(t)
            spans[(t["coach"], t["team"])].append((t["id"], lo, hi))
        out: dict[_Run, str] = {}
        for run in sorted(runs, key=lambda r: (r.coach, r.team, r.first)):
            group = spans[(run.coach, run.team)]
            shared = [
                ((min(hi, run.last + TOLERANCE) - max(lo, run.first - TOLERANCE)).days, ident)
                for ident, lo, hi in group
            ]
            fits = [(-days, ident) for days, ident in shared if days >= 0]
            if fits:
                out[run] = min(fits)[1]
                self.summary.tenures["joined"] += 1
                continue
            ident = self.new_id(f"{run.coach}-{run.team}-{run.first.year}")
            group.append((ident, run.first, run.last))
            out[run] = ident
            self.summary.tenures["new"] += 1
        return out

    def records(self, placed: dict[_Run, str]) -> None:
        claims: dict[str, list[_Run]] = defaultdict(list)
        for run, tenure in placed.items():
            claims[tenure].append(run)
        matches: dict[str, Appearance] = {}
        for tenure, runs in sorted(claims.items()):
            run = runs[0]
            names = sorted({a.tournament_name for r in runs for a in r.appearances})
            seen = sum(len(r.appearances) for r in runs)
            self.rows["tenures"].append(
                {
                    "id": tenure,
                    "coach": run.coach,
                    "team": run.team,
                    "role": "head",
                    "source": SOURCE["id"],
                    "evidence": f"manager in {seen} matches of the {', '.join(names)}",
                }
            )
            for r in runs:
                for a in r.appearances:
                    matches.setdefault(a.match_id, a)
                    self.rows["observations"].append(
                        {
                            "id": f"wc-{a.match_id}-{a.team_id}-{r.coach}".lower(),
                            "tenure": tenure,
                            "coach": r.coach,
                            "team": r.team,
                            "date": str(a.day),
                            "source": f"worldcup-{a.match_id}".lower(),
                            "evidence": f"{a.match_name}, {a.stage}",
                        }
                    )
        self.rows["sources"].append(dict(SOURCE))
        for a in sorted(matches.values(), key=lambda a: a.match_id):
            self.rows["sources"].append(
                {
                    "id": f"worldcup-{a.match_id}".lower(),
                    "kind": "dataset",
                    "title": f"{a.tournament_name}: {a.match_name} ({a.stage})",
                    "date": str(a.day),
                    "url": SOURCE["url"],
                    "publisher": SOURCE["publisher"],
                }
            )
        self.rows["refusals"] = refusal_rows(DATASET, self.summary.refused)

    def write(self, folder: Path) -> None:
        for kind, rows in self.rows.items():
            columns = BY_KIND[kind].columns
            with (folder / f"worldcup.{kind}.csv").open("w", encoding="utf-8", newline="") as f:
                writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
                writer.writeheader()
                writer.writerows({c: row.get(c, "") for c in columns} for row in rows)


def _span(t: dict[str, Any]) -> tuple[date, date]:
    """The days a tenure may cover: its agreed dates, else its observed span."""
    start, end = t["start"], t["end"]
    lo = PartialDate.parse(start).earliest if start else None
    hi = PartialDate.parse(end).latest if end else None
    if lo is None and t["observed_from"]:
        lo = date.fromisoformat(t["observed_from"])
    if lo is not None and hi is None and not start and t["observed_to"]:
        hi = date.fromisoformat(t["observed_to"])
    return lo or date.min + TOLERANCE, hi or date.max - TOLERANCE


def _first_matches(appearances: Iterable[Appearance]) -> dict[str, Appearance]:
    """Each manager's first match."""
    out: dict[str, Appearance] = {}
    for a in sorted(appearances, key=lambda a: (a.day, a.match_id)):
        out.setdefault(a.manager_id, a)
    return out


def import_worldcup(folder: Path, driver: Driver, database: str) -> WorldCupSummary:
    """Import the World Cup managers' files of `folder` (seeds/worldcup) into the graph.

    Raises:
        ExportError: a file is missing or malformed (file, row, field); nothing was written.
    """
    managers, appearances = read(folder)
    imp = _Importer(driver, database)
    imp.summary.managers = len(managers)
    imp.summary.appearances = len(appearances)
    seen = {a.manager_id for a in appearances}
    for m in sorted(managers.values(), key=lambda m: m.row):
        if m.id not in seen:
            imp.refuse(m.file, m.row, f"manager {m.name!r} has no match in {APPEARANCES}")
    managers = {ident: m for ident, m in managers.items() if ident in seen}
    wanted = {slug(m.name) for m in managers.values()}
    wanted |= {slug(f"{a.team_name} national team") for a in appearances}
    wanted |= {slug(f"{a.team_name} women's national team") for a in appearances}
    imp.taken = {r["id"] for r in _read(driver, database, queries.IDS_TAKEN, ids=sorted(wanted))}
    teams = imp.teams(appearances)
    people = imp.people(managers, _first_matches(appearances), teams)
    placed = imp.place(imp.runs(appearances, people, teams))
    imp.records(placed)
    with tempfile.TemporaryDirectory(prefix="coachgraph-worldcup-") as tmp:
        imp.write(Path(tmp))
        try:
            imp.summary.load = load([Path(tmp)], driver, database)
        except InputError as exc:
            raise ExportError(
                [Problem(p.file, p.line, p.field, p.message) for p in exc.problems]
            ) from None
    return imp.summary
