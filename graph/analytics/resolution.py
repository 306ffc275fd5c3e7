"""Rumour resolution: did a rumoured appointment come true?

A rumour is a Move of kind `appointment` that was reported as rumoured (a report or the move's
own status is `rumoured`, or `denied`/`collapsed`, which presuppose a rumour). Resolution looks
only at tenures, never at what the press said later (a `collapsed` rumour can still come true):

- **materialised**: the coach's head or caretaker tenure at the rumoured team starts on or after
  the first report and within the window (`DEFAULT_WINDOW_MONTHS` after the first report);
- **did_not_happen**: first, within the window, the coach starts a head tenure elsewhere
  (`coach_started_elsewhere`) or the team starts another coach's head tenure
  (`team_appointed_other`) — caretakers do not close a rumour; or the window passed with
  nothing decisive (`window_expired`). A rumour that comes true only after its window stays
  `did_not_happen`; the late tenure is kept as `came_true_late` (the later appointment is a move
  of its own);
- **open**: nothing decisive yet and the window is still running (or the first report has no
  date).

Ties (two tenures starting the same day) go to the materialising tenure, then to the coach's
own move elsewhere, then by tenure id. Everything here is a pure function over plain records;
`resolutions(repo)` at the end computes them on read, cached per graph version.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graph.analytics import queries
from graph.analytics.cache import VersionedView, current_view
from graph.domain import (
    IN_CHARGE,
    RUMOUR_STATUSES,
    MoveKind,
    PartialDate,
    Reason,
    Resolution,
    TenureRole,
)
from graph.models import ResolutionPublic, TenureEvidence
from graph.repository import Repository

DEFAULT_WINDOW_MONTHS = 18


@dataclass(frozen=True)
class TenureFact:
    """A tenure as resolution needs it. `start_date` is the earliest day it may have started."""

    id: str
    coach: str
    team: str
    role: str
    start: str | None
    start_date: date | None
    coach_name: str | None = None
    team_name: str | None = None
    end: str | None = None
    end_date: date | None = None
    coach_kind: str = "coach"
    team_kind: str = "club"

    @property
    def start_latest(self) -> date | None:
        """The latest day the tenure may have started (its start at its precision)."""
        if self.start:
            try:
                return PartialDate.parse(self.start).latest
            except ValueError:
                return self.start_date
        return self.start_date


@dataclass(frozen=True)
class MoveFact:
    """An appointment move: coach → team, first reported on `first_reported` (any precision)."""

    id: str
    coach: str
    team: str | None
    first_reported: str | None
    statuses: tuple[str, ...] = ()
    coach_name: str | None = None
    team_name: str | None = None
    from_name: str | None = None
    team_kind: str = "club"

    @property
    def is_rumour(self) -> bool:
        return any(s in RUMOUR_STATUSES for s in self.statuses)


@dataclass(frozen=True)
class RumourResolution:
    """The fate of one appointment move, with the tenures that tell it."""

    move: str
    coach: str
    team: str | None
    rumour: bool
    resolution: Resolution
    reason: Reason | None
    first_reported: str | None
    window_ends: date | None
    decided_by: TenureFact | None = None
    coach_next: TenureFact | None = None
    team_next: TenureFact | None = None
    came_true_late: TenureFact | None = None
    names: dict[str, str | None] = field(default_factory=dict, compare=False)

    @property
    def resolved(self) -> bool:
        return self.resolution is not Resolution.open


def add_months(day: date, months: int) -> date:
    """`day` plus `months` calendar months (clamped to the month's last day)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _report_start(move: MoveFact) -> date | None:
    if not move.first_reported:
        return None
    try:
        return PartialDate.parse(move.first_reported).earliest
    except ValueError:
        return None


# Priority of an event on a tie (same start day): lower wins.
_PRIORITY = {
    Reason.coach_appointed: 0,
    Reason.coach_started_elsewhere: 1,
    Reason.team_appointed_other: 2,
}


def _classify(move: MoveFact, tenure: TenureFact) -> Reason | None:
    if tenure.coach == move.coach:
        if tenure.team == move.team and tenure.role in IN_CHARGE:
            return Reason.coach_appointed
        if tenure.team != move.team and tenure.role == TenureRole.head:
            return Reason.coach_started_elsewhere
        return None
    if tenure.team == move.team and tenure.role == TenureRole.head:
        return Reason.team_appointed_other
    return None


def resolve_move(
    move: MoveFact,
    tenures: Iterable[TenureFact],
    *,
    as_of: date,
    window_months: int = DEFAULT_WINDOW_MONTHS,
) -> RumourResolution:
    """The resolution of one appointment move against the tenures of its coach and team.

    Args:
        move: the move (its `team` is the rumoured destination).
        tenures: tenures of the move's coach and of its team (others are ignored).
        as_of: the day the resolution is computed for (an open window may have expired).
        window_months: how long after the first report a tenure still resolves the rumour.
    """
    start = _report_start(move)
    names = {
        "coach": move.coach_name,
        "team": move.team_name,
        "team_kind": move.team_kind,
        "from": move.from_name,
    }
    base: dict[str, Any] = {
        "move": move.id,
        "coach": move.coach,
        "team": move.team,
        "rumour": move.is_rumour,
        "first_reported": move.first_reported,
        "names": names,
    }
    if start is None or move.team is None:
        return RumourResolution(
            **base, resolution=Resolution.open, reason=Reason.no_report_date, window_ends=None
        )
    window_ends = add_months(start, window_months)
    events: list[tuple[date, int, str, Reason, TenureFact]] = []
    for tenure in tenures:
        reason = _classify(move, tenure)
        latest = tenure.start_latest
        if reason is None or tenure.start_date is None or latest is None or latest < start:
            continue
        events.append((tenure.start_date, _PRIORITY[reason], tenure.id, reason, tenure))
    events.sort(key=lambda e: e[:3])
    coach_next = next((e[4] for e in events if e[3] is not Reason.team_appointed_other), None)
    team_next = next((e[4] for e in events if e[3] is Reason.team_appointed_other), None)
    base.update(window_ends=window_ends, coach_next=coach_next, team_next=team_next)
    decisive = [e for e in events if e[0] <= window_ends]
    if decisive:
        _, _, _, reason, tenure = decisive[0]
        resolution = (
            Resolution.materialised
            if reason is Reason.coach_appointed
            else Resolution.did_not_happen
        )
        return RumourResolution(**base, resolution=resolution, reason=reason, decided_by=tenure)
    late = next((e[4] for e in events if e[3] is Reason.coach_appointed), None)
    if as_of > window_ends:
        return RumourResolution(
            **base,
            resolution=Resolution.did_not_happen,
            reason=Reason.window_expired,
            came_true_late=late,
        )
    return RumourResolution(**base, resolution=Resolution.open, reason=None)


def resolve_moves(
    moves: Sequence[MoveFact],
    tenures: Sequence[TenureFact],
    *,
    as_of: date,
    window_months: int = DEFAULT_WINDOW_MONTHS,
) -> dict[str, RumourResolution]:
    """Resolve every move with a destination team; by move id."""
    by_coach: dict[str, list[TenureFact]] = defaultdict(list)
    by_team: dict[str, list[TenureFact]] = defaultdict(list)
    for tenure in tenures:
        by_coach[tenure.coach].append(tenure)
        by_team[tenure.team].append(tenure)
    out: dict[str, RumourResolution] = {}
    for move in moves:
        relevant = {t.id: t for t in by_coach.get(move.coach, [])}
        if move.team:
            relevant.update({t.id: t for t in by_team.get(move.team, [])})
        out[move.id] = resolve_move(
            move, relevant.values(), as_of=as_of, window_months=window_months
        )
    return out


# ---------------------------------------------------------------------------------------------
# The database side: read moves and tenures once per graph version, resolve on read.


def _native(value: Any) -> Any:
    to_native = getattr(value, "to_native", None)
    return to_native() if callable(to_native) else value


def tenure_fact(row: dict[str, Any]) -> TenureFact:
    """A TenureFact from a queries.TENURES record."""
    return TenureFact(
        id=row["id"],
        coach=row["coach"],
        team=row["team"],
        role=row["role"],
        start=row["start"],
        start_date=_native(row["start_date"]),
        coach_name=row.get("coach_name"),
        team_name=row.get("team_name"),
        end=row.get("end"),
        end_date=_native(row.get("end_date")),
        coach_kind="coach" if "Coach" in (row.get("coach_labels") or ["Coach"]) else "person",
        team_kind="national" if "NationalTeam" in (row.get("team_labels") or []) else "club",
    )


def move_fact(row: dict[str, Any]) -> MoveFact:
    """A MoveFact from a queries.APPOINTMENT_MOVES record."""
    statuses = tuple(s for s in [row.get("status"), *row.get("report_statuses", [])] if s)
    return MoveFact(
        id=row["id"],
        coach=row["coach"],
        team=row.get("team"),
        first_reported=row.get("first_reported"),
        statuses=statuses,
        coach_name=row.get("coach_name"),
        team_name=row.get("team_name"),
        from_name=row.get("from_name"),
        team_kind="national" if "NationalTeam" in (row.get("team_labels") or []) else "club",
    )


async def load_tenures(repo: Repository) -> list[TenureFact]:
    return [tenure_fact(r) for r in await repo.read(queries.TENURES)]


async def load_moves(repo: Repository) -> list[MoveFact]:
    return [
        move_fact(r)
        for r in await repo.read(queries.APPOINTMENT_MOVES, kind=MoveKind.appointment.value)
    ]


async def resolutions(
    repo: Repository,
    *,
    as_of: date | None = None,
    window_months: int = DEFAULT_WINDOW_MONTHS,
    view: VersionedView | None = None,
) -> dict[str, RumourResolution]:
    """Resolution of every appointment move in the graph, by move id.

    Computed on read from the current graph and cached per graph version (and day and window),
    so it is always current: a load that adds a tenure changes the version. `view`: the
    caller's view of the current version, if it already has one.
    """
    day = as_of or date.today()
    view = view or await current_view(repo)
    moves = await view.get("resolution.moves", load_moves)
    tenures = await view.get("tenures", load_tenures)

    async def build(_: Repository) -> dict[str, RumourResolution]:
        return resolve_moves(moves, tenures, as_of=day, window_months=window_months)

    return await view.get(f"resolutions:{day.isoformat()}:{window_months}", build)


async def resolutions_for(
    repo: Repository, ids: Iterable[str], *, as_of: date | None = None
) -> dict[str, RumourResolution]:
    """Resolutions of the given moves (moves that are not appointments are absent)."""
    every = await resolutions(repo, as_of=as_of)
    return {i: every[i] for i in ids if i in every}


async def move_ids_with_resolution(
    repo: Repository, resolution: Resolution | str, *, as_of: date | None = None
) -> list[str]:
    """Ids of the appointment moves whose resolution is `resolution`, sorted."""
    wanted = Resolution(resolution)
    every = await resolutions(repo, as_of=as_of)
    return sorted(i for i, r in every.items() if r.resolution is wanted)


def tenure_evidence(t: TenureFact | None) -> TenureEvidence | None:
    if t is None:
        return None
    return TenureEvidence(id=t.id, coach=t.coach, team=t.team, role=t.role, start=t.start)


def resolution_public(r: RumourResolution) -> ResolutionPublic:
    """The API shape of a RumourResolution."""
    return ResolutionPublic(
        resolution=r.resolution.value,
        reason=r.reason.value if r.reason else None,
        rumour=r.rumour,
        window_ends=r.window_ends.isoformat() if r.window_ends else None,
        decided_by=tenure_evidence(r.decided_by),
        coach_next=tenure_evidence(r.coach_next),
        team_next=tenure_evidence(r.team_next),
        came_true_late=tenure_evidence(r.came_true_late),
    )
