"""Matching Wikidata's coaches, teams and statements with what the graph already holds.

Entities: by `wikidata_id` first; else by normalised name (graph.domain.names.fold, against every
name and alias the graph holds) — for people only when the birth dates agree. Several candidates, or
a name match that no birth date confirms, is reported as ambiguous and never guessed.

Statements: a statement whose claim is already in the graph keeps its tenure; else the tenure of
the same coach at the same team, in the same role, whose start is within six months (at either
date's precision), or whose span shares more than a month with the statement's; else a new
tenure.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal, LiteralString

from neo4j import Driver

from graph.domain import IN_CHARGE, PartialDate
from graph.domain.names import fold
from graph.wikidata import queries
from graph.wikidata.mapping import Coach, Entity, Statement, Team

_CHUNK = 1000
#: Two starts this close (at their precision) are the same appointment.
CLOSE_START = timedelta(days=183)
#: Two spans sharing more days than this are the same tenure.
MIN_SHARED = timedelta(days=31)

How = Literal["qid", "name", "new"]


@dataclass
class Resolved:
    """How one Wikidata item maps onto the graph."""

    id: str
    how: How
    entity: Entity


@dataclass
class Entities:
    """Every coach and team of an import, resolved or reported as ambiguous."""

    people: dict[str, Resolved] = field(default_factory=dict)
    teams: dict[str, Resolved] = field(default_factory=dict)
    ambiguous: dict[str, str] = field(default_factory=dict)  # qid → why


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _read(driver: Driver, database: str, query: LiteralString, **params: Any) -> list[Any]:
    records, _, _ = driver.execute_query(query, params, database_=database, routing_="r")
    return records


def _read_all(
    driver: Driver, database: str, query: LiteralString, name: str, values: Iterable[str]
) -> list[Any]:
    out: list[Any] = []
    for chunk in _chunks(sorted(set(values))):
        out += _read(driver, database, query, **{name: chunk})
    return out


def slug(text: str) -> str:
    """A seeds id from a name: "Sérgio Conceição" → "sergio-conceicao"."""
    return fold(text).replace(" ", "-")[:120].strip("-")


def _births_agree(a: PartialDate, b: PartialDate) -> bool:
    return a.earliest <= b.latest and b.earliest <= a.latest


class EntityResolver:
    """Resolve the coaches and teams of a list of statements (see module docstring)."""

    def __init__(self, driver: Driver, database: str) -> None:
        self.driver = driver
        self.database = database

    def resolve(self, statements: list[Statement]) -> Entities:
        coaches: dict[str, Coach] = {}
        teams: dict[str, Team] = {}
        for st in statements:
            coaches.setdefault(st.coach.qid, st.coach)
            teams.setdefault(st.team.qid, st.team)
        out = Entities()
        self._pending: dict[str, list[Entity]] = {
            "people": list(coaches.values()),
            "teams": list(teams.values()),
        }
        self._by_qid(coaches, teams, out)
        self._people_by_name([c for q, c in coaches.items() if q not in out.people], out)
        self._teams_by_name([t for q, t in teams.items() if q not in out.teams], out)
        self._new_ids(out)
        return out

    def _by_qid(self, coaches: dict[str, Coach], teams: dict[str, Team], out: Entities) -> None:
        for rec in _read_all(self.driver, self.database, queries.PEOPLE_BY_QID, "qids", coaches):
            out.people[rec["qid"]] = Resolved(rec["id"], "qid", coaches[rec["qid"]])
        for rec in _read_all(self.driver, self.database, queries.TEAMS_BY_QID, "qids", teams):
            out.teams[rec["qid"]] = Resolved(rec["id"], "qid", teams[rec["qid"]])

    def _candidates(
        self, query: LiteralString, entities: list[Coach] | list[Team]
    ) -> dict[str, list[dict[str, Any]]]:
        """Graph entities per Wikidata item: those named like its label, else like an alias."""
        keys = {fold(n) for e in entities for n in e.names}
        by_key: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for rec in _read_all(self.driver, self.database, query, "keys", keys):
            by_key[rec["key"]].append(dict(rec))
        found: dict[str, list[dict[str, Any]]] = {}
        for entity in entities:
            for names in ([entity.label], entity.names):
                seen: dict[str, dict[str, Any]] = {}
                for name in names:
                    for cand in by_key.get(fold(name), []):
                        if cand["qid"] in (None, entity.qid):
                            seen[cand["id"]] = cand
                if seen:
                    found[entity.qid] = list(seen.values())
                    break
        return found

    def _people_by_name(self, coaches: list[Coach], out: Entities) -> None:
        found = self._candidates(queries.PEOPLE_BY_NAME, coaches)
        for coach in coaches:
            cands = found.get(coach.qid, [])
            strong, weak = [], []
            for cand in cands:
                birth = cand["birth_date"]
                if coach.birth is None or not birth:
                    weak.append(cand["id"])
                elif _births_agree(coach.birth, PartialDate.parse(birth)):
                    strong.append(cand["id"])
            if len(strong) == 1:
                out.people[coach.qid] = Resolved(strong[0], "name", coach)
            elif len(strong) > 1:
                out.ambiguous[coach.qid] = (
                    f'coach {coach.qid} "{coach.label}": {len(strong)} people in the graph have '
                    f"this name and birth date ({', '.join(sorted(strong))}); give one its "
                    "wikidata_id"
                )
            elif weak:
                out.ambiguous[coach.qid] = (
                    f'coach {coach.qid} "{coach.label}": the name matches '
                    f"{', '.join(sorted(weak))} but no birth date confirms it; give the right "
                    "one its wikidata_id (or birth_date)"
                )

    def _teams_by_name(self, teams: list[Team], out: Entities) -> None:
        found = self._candidates(queries.TEAMS_BY_NAME, teams)
        for team in teams:
            cands = [c["id"] for c in found.get(team.qid, []) if c["kind"] == team.kind]
            if len(cands) == 1:
                out.teams[team.qid] = Resolved(cands[0], "name", team)
            elif len(cands) > 1:
                out.ambiguous[team.qid] = (
                    f'team {team.qid} "{team.label}": {len(cands)} teams in the graph have '
                    f"this name ({', '.join(sorted(cands))}); give one its wikidata_id"
                )

    def _new_ids(self, out: Entities) -> None:
        """Ids for the entities the graph lacks: the name's slug, else slug + QID."""
        for kind, table, query in (
            ("people", out.people, queries.PEOPLE_IDS),
            ("teams", out.teams, queries.TEAMS_IDS),
        ):
            pending = [
                e for e in self._pending[kind] if e.qid not in table and e.qid not in out.ambiguous
            ]
            wanted = {slug(e.label) or e.qid.lower() for e in pending}
            taken = {r["id"] for r in _read_all(self.driver, self.database, query, "ids", wanted)}
            taken |= {r.id for r in table.values()}
            for entity in pending:
                ident = slug(entity.label) or entity.qid.lower()
                if ident in taken:
                    ident = f"{ident}-{entity.qid.lower()}"
                taken.add(ident)
                table[entity.qid] = Resolved(ident, "new", entity)


@dataclass
class _Span:
    tenure: str
    team: str
    role: str
    start: PartialDate | None
    end: PartialDate | None

    @property
    def lo(self) -> date:
        return self.start.earliest if self.start else date.min

    @property
    def hi(self) -> date:
        return self.end.latest if self.end else date.max


def _parse(text: str | None) -> PartialDate | None:
    return PartialDate.parse(text) if text else None


def _score(st: Statement, span: _Span) -> int | None:
    """How well a statement fits a tenure (lower is better); None when it does not.

    Close starts match in the same role; otherwise the spans must share more than a month, so
    a caretaker spell followed by a head-coach spell (they share a boundary day) stay two.
    """
    if st.start and span.start and st.role == span.role:
        gap = max(
            (st.start.earliest - span.start.latest).days,
            (span.start.earliest - st.start.latest).days,
            0,
        )
        if gap <= CLOSE_START.days:
            return gap
    lo = st.start.earliest if st.start else date.min
    hi = st.end.latest if st.end else date.max
    shared = (min(hi, span.hi) - max(lo, span.lo)).days
    if shared > MIN_SHARED.days and (st.start or st.end):
        return CLOSE_START.days + 1 + (0 if st.role == span.role else 1)
    return None


Outcome = Literal["created", "merged", "unchanged"]


@dataclass
class Assignment:
    statement: Statement
    tenure: str
    outcome: Outcome


class TenureMatcher:
    """Give each statement a tenure id (see module docstring)."""

    def __init__(self, driver: Driver, database: str, entities: Entities) -> None:
        self.driver = driver
        self.database = database
        self.entities = entities

    def assign(self, statements: list[Statement]) -> list[Assignment]:
        existing = {
            r["source"]: r["tenure"]
            for r in _read_all(
                self.driver,
                self.database,
                queries.TENURES_OF_SOURCES,
                "ids",
                [s.source_id for s in statements],
            )
        }
        coaches = {self.entities.people[s.coach.qid].id for s in statements}
        spans: dict[tuple[str, str], list[_Span]] = defaultdict(list)
        for r in _read_all(
            self.driver, self.database, queries.TENURES_OF_COACHES, "coaches", coaches
        ):
            if r["role"] not in IN_CHARGE:
                continue
            spans[(r["coach"], r["team"])].append(
                _Span(r["id"], r["team"], r["role"], _parse(r["start"]), _parse(r["end"]))
            )
        graph_tenures = {s.tenure for group in spans.values() for s in group}
        wanted = {self._new_id(s, 1) for s in statements}
        taken = {
            r["id"]
            for r in _read_all(self.driver, self.database, queries.TENURE_IDS, "ids", wanted)
        } | graph_tenures
        out: list[Assignment] = []
        for st in statements:
            coach = self.entities.people[st.coach.qid].id
            team = self.entities.teams[st.team.qid].id
            if st.source_id in existing:
                out.append(Assignment(st, existing[st.source_id], "unchanged"))
                continue
            group = spans[(coach, team)]
            best = self._best(st, group)
            if best is not None:  # a tenure of the graph, or one this import creates
                out.append(Assignment(st, best.tenure, "merged"))
                continue
            n = 1
            while self._new_id(st, n) in taken:
                n += 1
            ident = self._new_id(st, n)
            taken.add(ident)
            group.append(_Span(ident, team, st.role, st.start, st.end))
            out.append(Assignment(st, ident, "created"))
        return out

    @staticmethod
    def _best(st: Statement, group: list[_Span]) -> _Span | None:
        if st.start is None and st.end is None:
            return group[0] if len(group) == 1 else None
        scored = [(score, span) for span in group if (score := _score(st, span)) is not None]
        if not scored:
            return None
        return min(scored, key=lambda pair: (pair[0], pair[1].tenure))[1]

    def _new_id(self, st: Statement, n: int) -> str:
        coach = self.entities.people[st.coach.qid].id
        team = self.entities.teams[st.team.qid].id
        when = str(st.start.year) if st.start else "undated"
        base = f"{coach}-{team}-{when}"
        return base if n == 1 else f"{base}-{n}"
