"""Matching Wikidata's coaches, teams and statements with what the graph already holds.

Entities: by `wikidata_id` first; else by normalised name (graph.domain.names.fold, against every
name and alias the graph holds) — for people only when the birth dates agree. Several candidates, or
a name match that no birth date confirms, is reported as ambiguous and never guessed.

Statements: a statement whose claim is already in the graph keeps its tenure; else it is a claim
about the tenure of the same coach at the same team whose span overlaps its own (both widened by
TOLERANCE at each end; most shared days wins, the same role first) — unless that tenure already
holds a statement of the same family (Wikidata keeps one statement per spell, so two of one item
and property are two spells); else a new tenure `<coach>-<team>-<start year>`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal, LiteralString

from neo4j import Driver

from graph.domain import IN_CHARGE, PartialDate, TenureClaim, settle
from graph.domain.names import fold, team_key
from graph.wikidata import queries
from graph.wikidata.mapping import Coach, Entity, Statement, Team, family_of_source

_CHUNK = 1000
#: Sources date the same appointment a few weeks apart (announced, signed, first match); a
#: statement and a tenure whose spans, each widened by this at both ends, overlap are one tenure.
TOLERANCE = timedelta(days=21)

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
    refused: dict[str, str] = field(default_factory=dict)  # qid → why it cannot be imported


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
        self, query: LiteralString, entities: list[Coach] | list[Team], key: Callable[[str], str]
    ) -> dict[str, list[dict[str, Any]]]:
        """Graph entities per Wikidata item: those named like its label, else like an alias
        (names compared by `key`); an entity with another QID is never a candidate."""
        keys = {key(n) for e in entities for n in e.names}
        by_key: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for rec in _read_all(self.driver, self.database, query, "keys", keys):
            by_key[rec["key"]].append(dict(rec))
        found: dict[str, list[dict[str, Any]]] = {}
        for entity in entities:
            for names in ([entity.label], entity.names):
                seen: dict[str, dict[str, Any]] = {}
                for name in names:
                    for cand in by_key.get(key(name), []):
                        if cand["qid"] in (None, entity.qid):
                            seen[cand["id"]] = cand
                if seen:
                    found[entity.qid] = list(seen.values())
                    break
        return found

    def _people_by_name(self, coaches: list[Coach], out: Entities) -> None:
        found = self._candidates(queries.PEOPLE_BY_NAME, coaches, fold)
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
        """By name after graph.domain.names.team_key ("Juventus FC" is "Juventus"), of the same
        kind, and of the same country where both know it."""
        unnamed = [t for t in teams if not t.label]
        for team in unnamed:
            out.refused[team.qid] = (
                f"team {team.qid} has no label in the export, and neither the graph nor a "
                "names file knows it"
            )
        named = [t for t in teams if t.label]
        found = self._candidates(queries.TEAMS_BY_NAME, named, team_key)
        for team in named:
            cands = [
                c["id"]
                for c in found.get(team.qid, [])
                if c["kind"] == team.kind
                and (not c["country"] or not team.country or c["country"] == team.country)
            ]
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
                e
                for e in self._pending[kind]
                if e.qid not in table and e.qid not in out.ambiguous and e.qid not in out.refused
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
    """A tenure a statement may join: its dates and the families of its claims."""

    tenure: str
    role: str
    start: PartialDate | None
    end: PartialDate | None
    families: set[str] = field(default_factory=set)

    def window(self) -> tuple[date, date]:
        lo = self.start.earliest - TOLERANCE if self.start else date.min
        hi = self.end.latest + TOLERANCE if self.end else date.max
        return lo, hi


def _parse(text: str | None) -> PartialDate | None:
    return PartialDate.parse(text) if text else None


@dataclass(frozen=True)
class Claimed:
    """A Wikidata statement to place on a tenure: one of this import, or one a former import
    placed (`held_by`: the tenure that holds it now)."""

    source: str
    coach: str
    team: str
    role: str
    start: PartialDate | None
    end: PartialDate | None
    statement: Statement | None = None
    held_by: str | None = None
    evidence: str | None = None

    @property
    def family(self) -> str:
        return family_of_source(self.source)

    def window(self) -> tuple[date, date]:
        lo = self.start.earliest - TOLERANCE if self.start else date.min
        hi = self.end.latest + TOLERANCE if self.end else date.max
        return lo, hi

    def order(self) -> tuple[str, str, date, str]:
        return (
            self.coach,
            self.team,
            self.start.earliest if self.start else date.min,
            self.source,
        )


def _overlap(item: Claimed, span: _Span) -> int | None:
    """Days the statement and the tenure share, each widened by TOLERANCE at both ends; None
    when they share none."""
    lo, hi = item.window()
    span_lo, span_hi = span.window()
    shared = (min(hi, span_hi) - max(lo, span_lo)).days
    return shared if shared >= 0 else None


Outcome = Literal["created", "merged", "unchanged", "moved"]


@dataclass
class Placement:
    """Where a statement lands, and what that changes."""

    item: Claimed
    tenure: str
    outcome: Outcome


@dataclass
class Placements:
    placed: list[Placement] = field(default_factory=list)
    #: tenures that hold no claim once the statements are placed again: to delete
    emptied: list[str] = field(default_factory=list)

    @property
    def moved(self) -> list[Placement]:
        return [p for p in self.placed if p.outcome == "moved"]


def _is_statement(source: str) -> bool:
    return family_of_source(source) != source


class TenureMatcher:
    """Place every Wikidata statement of the import's coaches on a tenure (module docstring).

    Each import places again every statement the graph holds for these coaches, beside the new
    ones, in one fixed order (coach, team, start, statement): the statements decide the tenures,
    not the order in which files were imported. Curated tenures (those with a claim from any
    other source) stay; a statement that now belongs elsewhere moves, and a tenure left with no
    claim goes.
    """

    def __init__(self, driver: Driver, database: str, entities: Entities) -> None:
        self.driver = driver
        self.database = database
        self.entities = entities

    def assign(self, statements: list[Statement]) -> Placements:
        coaches = {self.entities.people[s.coach.qid].id for s in statements}
        claims: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in _read_all(
            self.driver, self.database, queries.CLAIMS_OF_COACHES, "coaches", coaches
        ):
            claims[r["tenure"]].append(dict(r))
        items: dict[str, Claimed] = {}
        spans: dict[tuple[str, str], list[_Span]] = defaultdict(list)
        held: set[str] = set()
        for tenure, found in claims.items():
            held.add(tenure)
            curated = [c for c in found if not _is_statement(c["source"])]
            for c in found:
                if _is_statement(c["source"]):
                    items[c["source"]] = Claimed(
                        c["source"], c["coach"], c["team"], c["role"], _parse(c["start"]),
                        _parse(c["end"]), held_by=tenure, evidence=c["evidence"],
                    )  # fmt: skip
            if curated and found[0]["tenure_role"] in IN_CHARGE:
                agreed = settle([TenureClaim.from_record(c) for c in curated])
                start, end = agreed.start, agreed.end
                if start is None and end is None and found[0]["observed_from"]:
                    # known only from observations (match days): the days it contains
                    start = PartialDate.parse(found[0]["observed_from"])
                    end = PartialDate.parse(found[0]["observed_to"])
                span = _Span(tenure, agreed.role, start, end)
                span.families = {family_of_source(c["source"]) for c in curated}
                spans[(agreed.coach, agreed.team)].append(span)
        for st in statements:
            before = items.get(st.source_id)
            items[st.source_id] = Claimed(
                st.source_id,
                self.entities.people[st.coach.qid].id,
                self.entities.teams[st.team.qid].id,
                st.role,
                st.start,
                st.end,
                statement=st,
                held_by=before.held_by if before else None,
            )
        taken = {
            r["id"]
            for r in _read_all(
                self.driver,
                self.database,
                queries.TENURE_IDS,
                "ids",
                {self._new_id(i, n) for i in items.values() for n in (1, 2, 3)},
            )
        } - held
        out = Placements()
        for item in sorted(items.values(), key=Claimed.order):
            group = spans[(item.coach, item.team)]
            best = self._best(item, group)
            if best is None:
                n = 1
                while self._new_id(item, n) in taken:
                    n += 1
                best = _Span(self._new_id(item, n), item.role, item.start, item.end)
                taken.add(best.tenure)
                group.append(best)
                outcome: Outcome = "created"
            else:
                outcome = "merged"
            best.families.add(item.family)
            if item.held_by is not None:
                outcome = "unchanged" if item.held_by == best.tenure else "moved"
            out.placed.append(Placement(item, best.tenure, outcome))
        still = {p.tenure for p in out.placed} | {
            t for t, found in claims.items() if any(not _is_statement(c["source"]) for c in found)
        }
        out.emptied = sorted(held - still)
        return out

    @staticmethod
    def _best(item: Claimed, group: list[_Span]) -> _Span | None:
        """The tenure the statement shares most days with, in the same role first; never one
        that already holds a statement of the same family (another spell)."""
        scored = [
            (span.role != item.role, -shared, span.tenure, span)
            for span in group
            if item.family not in span.families and (shared := _overlap(item, span)) is not None
        ]
        return min(scored, key=lambda t: t[:3])[3] if scored else None

    @staticmethod
    def _new_id(item: Claimed, n: int) -> str:
        when = str(item.start.year) if item.start else "undated"
        base = f"{item.coach}-{item.team}-{when}"
        return base if n == 1 else f"{base}-{n}"
