"""Response models of the read API, named for their role (`CareerPublic`, `MovesPublic`, …).

The shapes are the contract in docs/api-contract.md: every entity reference carries its name and
kind, dates are strings at their precision, lists are paginated `{items, total, limit, offset}`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from graph.domain import MoveStatus, Polarity, Resolution, TenureRole
from graph.models.analytics import ResolutionPublic
from graph.models.common import (
    ClaimSource,
    DatedSource,
    EntityRef,
    Page,
    SourcePublic,
    SourceRef,
)


class SearchKind(StrEnum):
    """What /search may be narrowed to; `person` is anyone, coaches included."""

    coach = "coach"
    team = "team"
    person = "person"
    outlet = "outlet"


# A rumour's fate (graph/analytics/resolution.py); `GET /moves?resolution=` takes one.
MoveResolution = Resolution


class SearchHit(EntityRef):
    score: float
    aliases: list[str] = Field(default_factory=list)


class SearchPublic(Page):
    query: str
    items: list[SearchHit]


class Claim(BaseModel):
    """One source's claim about a tenure."""

    source: ClaimSource
    team: EntityRef
    role: str
    start: str | None
    end: str | None = Field(description="null: ongoing, as far as this source says")
    contract_until: str | None = None
    evidence: str | None = None
    agreed: bool = Field(description="this claim gives the tenure's agreed value")
    agrees: bool = Field(description="this claim is compatible with the agreed value")


class ObservedPublic(BaseModel):
    """The days a tenure was seen on: match sheets with this coach on this team's bench."""

    first: str = Field(description="the first day seen")
    last: str = Field(description="the last day seen")
    matches: int


class ObservationPublic(BaseModel):
    """A match with the coach on the team's bench on the day asked about."""

    source: SourcePublic
    evidence: str | None = Field(description="the match and its stage")


class TenureSide(BaseModel):
    """A tenure as one side of a conflict: its coach, dates and sources."""

    id: str
    coach: EntityRef
    role: str
    start: str | None
    end: str | None
    observed: ObservedPublic | None = None
    sources: list[SourcePublic]


class ObservationSide(BaseModel):
    id: str
    source: SourcePublic = Field(description="the match")
    evidence: str | None = Field(description="the match and its stage")


class ConflictPublic(BaseModel):
    """An observation the tenures contradict: the coach was on the bench that day, but the
    day falls inside no tenure of his at the team (`outside_own_tenures`), or inside another
    coach's head-coach tenure there (`another_coach_in_charge`)."""

    kind: Literal["outside_own_tenures", "another_coach_in_charge"]
    date: str
    coach: EntityRef
    team: EntityRef
    observation: ObservationSide
    tenure: TenureSide | None = Field(description="the other coach's tenure, when there is one")
    own_tenures: list[str] = Field(description="the coach's tenures at the team")
    same_match: bool = Field(
        default=False,
        description="the other coach was on the same bench that day (two managers listed)",
    )


class DisputePublic(BaseModel):
    """A disputed tenure: its agreed value and every claim, agreed one first."""

    id: str
    coach: EntityRef
    team: EntityRef
    role: str
    start: str | None
    start_precision: str | None
    end: str | None
    end_precision: str | None
    claims: list[Claim]


class DisputesPublic(Page):
    items: list[DisputePublic] = Field(description="tenures whose sources disagree on dates")
    conflicts: list[ConflictPublic] = Field(
        default_factory=list,
        description="observations the tenures contradict (the same page: limit and offset)",
    )
    conflicts_total: int = 0


class TenurePublic(BaseModel):
    id: str
    team: EntityRef
    role: TenureRole
    start: str | None
    start_precision: str | None
    end: str | None = Field(description="null while the tenure is ongoing")
    end_precision: str | None
    contract_until: str | None = None
    disputed: bool = Field(default=False, description="its sources disagree (see `claims`)")
    observed: ObservedPublic | None = Field(
        default=None,
        description="match days this tenure was seen on; for a tenure whose start and end are "
        "unknown (null), the coach was in charge at least from `first` to `last`",
    )
    sources: list[SourceRef]
    claims: list[Claim] = Field(
        default_factory=list,
        description="when disputed: every source's claim, the agreed one first; else empty",
    )


class CareerPublic(Page):
    coach: EntityRef
    current: TenurePublic | None = Field(
        description="the ongoing head or caretaker tenure with the latest start, if any"
    )
    tenures: list[TenurePublic] = Field(description="chronological, by start")


class TimelineItem(BaseModel):
    tenure_id: str
    coach: EntityRef
    role: TenureRole
    start: str | None
    start_precision: str | None
    end: str | None
    end_precision: str | None
    contract_until: str | None = None
    disputed: bool = False
    observed: ObservedPublic | None = Field(
        default=None, description="match days seen on (see TenurePublic.observed)"
    )
    predecessor: EntityRef | None = Field(
        description="coach of the previous head/caretaker tenure at the team, by start"
    )
    predecessor_tenure: str | None = None
    successor: EntityRef | None = Field(
        description="coach of the next head/caretaker tenure at the team, by start"
    )
    successor_tenure: str | None = None
    sources: list[SourceRef]


class InChargeItem(TimelineItem):
    """A tenure that was running on the day asked about, and what says so."""

    evidence: Literal["dated_tenure", "observation", "both", "observed_span"] = Field(
        description="a dated tenure, a match that day, both, or (a tenure known only from "
        "matches) the days between its first and last match"
    )
    observations: list[ObservationPublic] = Field(description="the matches on `at`")


class TeamCoachesPublic(Page):
    team: EntityRef
    at: str | None = Field(description="the day asked about, when `at` was given")
    in_charge: list[InChargeItem] = Field(
        description="tenures that may have been running on `at` (empty without `at`)"
    )
    items: list[TimelineItem] = Field(description="the timeline, chronological")


class MoveReport(BaseModel):
    source: DatedSource
    outlet: EntityRef | None = Field(description="the outlet the source cites or is")
    date: str | None
    status: MoveStatus | None
    evidence: str | None


class InfluencePublic(BaseModel):
    person: EntityRef
    polarity: Polarity
    how: str | None
    evidence: str | None
    source: SourcePublic


class MovePublic(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    id: str
    name: str = Field(description='e.g. "Carlo Ancelotti → AS Roma"')
    kind: str
    status: MoveStatus
    coach: EntityRef
    from_: EntityRef | None = Field(alias="from")
    to: EntityRef | None
    first_reported: str | None
    last_reported: str | None
    reports: list[MoveReport]
    resolution: ResolutionPublic | None = Field(
        default=None,
        description="what became of an appointment rumour; null for other kinds of move",
    )


class MovesPublic(Page):
    items: list[MovePublic]


class MoveDetailPublic(MovePublic):
    influencers: list[InfluencePublic]


class InfluencersPublic(Page):
    move: EntityRef
    items: list[InfluencePublic]


class PathRelationship(BaseModel):
    type: str
    start: str = Field(description="id of the start node")
    end: str = Field(description="id of the end node")
    properties: dict[str, Any]


class PathPublic(BaseModel):
    length: int
    nodes: list[EntityRef]
    relationships: list[PathRelationship]


class PathsPublic(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    from_: EntityRef = Field(alias="from")
    to: EntityRef
    max_hops: int
    k: int | None = Field(
        default=None, description="with `k`: the k shortest simple paths, fewest hops first"
    )
    paths: list[PathPublic]


class GraphNode(EntityRef):
    labels: list[str]
    status: str | None = Field(default=None, description="a move's status")
    date: str | None = Field(default=None, description="a source's date")
    first_reported: str | None = Field(default=None, description="a move's first report")
    last_reported: str | None = Field(default=None, description="a move's last report")


class GraphEdge(BaseModel):
    id: str
    source: str
    target: str
    type: str
    label: str
    role: str | None = None
    start: str | None = None
    end: str | None = None
    tenure: str | None = None
    status: str | None = None
    polarity: str | None = None
    how: str | None = None


class GraphPublic(BaseModel):
    center: EntityRef
    depth: int
    limit: int
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool = Field(description="true when the node limit cut the neighbourhood short")
