"""The words coachgraph's data is written in: roles, kinds, statuses, polarity, ids.

Every other part of the project (the loader, the importers, extraction, the reads, analytics,
the API) takes these from here. Cypher that needs one of them gets it as a parameter.
"""

from __future__ import annotations

import re
from enum import StrEnum


class TenureRole(StrEnum):
    """What a coach is at a team during a tenure."""

    head = "head"
    caretaker = "caretaker"
    assistant = "assistant"


#: The roles that put a coach in charge of a team (timelines, "who was in charge on day D",
#: succession, rumour resolution, overlap warnings).
IN_CHARGE: frozenset[TenureRole] = frozenset({TenureRole.head, TenureRole.caretaker})

#: IN_CHARGE as a Cypher list parameter, in a stable order.
IN_CHARGE_ROLES: list[str] = sorted(IN_CHARGE)


class MoveKind(StrEnum):
    appointment = "appointment"
    departure = "departure"
    sacking = "sacking"
    retirement = "retirement"


#: Kinds of move that need the team joined, and the team left.
NEEDS_TO: frozenset[MoveKind] = frozenset({MoveKind.appointment})
NEEDS_FROM: frozenset[MoveKind] = frozenset({MoveKind.departure, MoveKind.sacking})


class MoveStatus(StrEnum):
    """The latest known status of a move, or what one report said of it."""

    rumoured = "rumoured"
    confirmed = "confirmed"
    denied = "denied"
    collapsed = "collapsed"
    completed = "completed"


#: Statuses that presuppose a rumour: a denied or collapsed move was one.
RUMOUR_STATUSES: frozenset[MoveStatus] = frozenset(
    {MoveStatus.rumoured, MoveStatus.denied, MoveStatus.collapsed}
)


class Resolution(StrEnum):
    """What became of a rumoured appointment (graph/analytics/resolution.py)."""

    materialised = "materialised"
    did_not_happen = "did_not_happen"
    open = "open"


class Reason(StrEnum):
    """Why a rumour resolved as it did."""

    coach_appointed = "coach_appointed"
    coach_started_elsewhere = "coach_started_elsewhere"
    team_appointed_other = "team_appointed_other"
    window_expired = "window_expired"
    no_report_date = "no_report_date"


class StatusFamily(StrEnum):
    """Statuses grouped by what they say happened (for scoring and comparison)."""

    rumoured = "rumoured"
    positive = "positive"
    negative = "negative"


_FAMILY = {
    MoveStatus.rumoured: StatusFamily.rumoured,
    MoveStatus.confirmed: StatusFamily.positive,
    MoveStatus.completed: StatusFamily.positive,
    MoveStatus.denied: StatusFamily.negative,
    MoveStatus.collapsed: StatusFamily.negative,
}


def status_family(status: str) -> StatusFamily:
    """rumoured | positive (confirmed, completed) | negative (denied, collapsed)."""
    return _FAMILY[MoveStatus(status)]


class Polarity(StrEnum):
    """Whether an influence pushed for a move or against it."""

    for_ = "for"
    against = "against"


class TenureStatus(StrEnum):
    """What an article says of a tenure at the time it was written."""

    current = "current"
    past = "past"
    starting = "starting"
    ended = "ended"


class TeamKind(StrEnum):
    club = "club"
    national = "national"


class PersonRole(StrEnum):
    """What a person is (people.csv `roles`); each is a label beside :Person."""

    coach = "coach"
    executive = "executive"
    player = "player"


class SourceKind(StrEnum):
    """Where a fact comes from. The order is the settlement rank: a curated reference page
    outranks a data set such as Wikidata, which outranks a news article."""

    reference = "reference"
    dataset = "dataset"
    article = "article"


SOURCE_RANK: dict[str, int] = {kind.value: rank for rank, kind in enumerate(SourceKind)}

#: The label each kind adds beside its base label (:Person, :Team, :Source).
PERSON_LABEL: dict[PersonRole, str] = {
    PersonRole.coach: "Coach",
    PersonRole.executive: "Executive",
    PersonRole.player: "Player",
}
TEAM_LABEL: dict[TeamKind, str] = {TeamKind.club: "Club", TeamKind.national: "NationalTeam"}
SOURCE_LABEL: dict[SourceKind, str] = {
    SourceKind.article: "Article",
    SourceKind.reference: "Reference",
    SourceKind.dataset: "Dataset",
}


class MentionKind(StrEnum):
    """What a name in an article stands for."""

    person = "person"
    team = "team"
    outlet = "outlet"


class EntityKind(StrEnum):
    """The kind of a node as clients see it (every `{id, name, kind}` in the API)."""

    coach = "coach"
    person = "person"
    club = "club"
    national = "national"
    outlet = "outlet"
    article = "article"
    reference = "reference"
    dataset = "dataset"
    move = "move"


def kind_of_labels(labels: list[str] | tuple[str, ...], kind: str | None = None) -> EntityKind:
    """The kind of a node from its labels, and its `kind` property (teams and sources)."""
    if "Coach" in labels:
        return EntityKind.coach
    if "Person" in labels:
        return EntityKind.person
    if "Team" in labels:
        national = "NationalTeam" in labels or kind == TeamKind.national
        return EntityKind.national if national else EntityKind.club
    if "Outlet" in labels:
        return EntityKind.outlet
    if "Move" in labels:
        return EntityKind.move
    if "Article" in labels or kind == SourceKind.article:
        return EntityKind.article
    if "Dataset" in labels or kind == SourceKind.dataset:
        return EntityKind.dataset
    return EntityKind.reference


#: Every id is a lowercase slug, unique per label: `carlo-ancelotti`, `as-roma`.
ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
ID_MAX_LENGTH = 200
_ID = re.compile(ID_PATTERN)


def is_id(value: str) -> bool:
    return len(value) <= ID_MAX_LENGTH and bool(_ID.match(value))


#: A Wikidata item id.
QID_PATTERN = r"^Q[1-9]\d*$"
