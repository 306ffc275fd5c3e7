"""Response models of rumour resolution, outlet reliability and network analytics.

Entity references follow docs/api-contract.md: `{id, name, kind}`.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from graph.domain import Reason, Resolution
from graph.models.common import EntityRef, Page

# --- rumour resolution -----------------------------------------------------------------------


class TenureEvidence(BaseModel):
    """The tenure that decided (or tells) a rumour's fate."""

    id: str
    coach: str
    team: str
    role: str
    start: str | None


class ResolutionPublic(BaseModel):
    """What became of an appointment move. See docs/analytics.md for the rules."""

    resolution: Resolution
    reason: Reason | None = Field(description="null while open")
    rumour: bool = Field(description="the move was reported as rumoured at some point")
    window_ends: str | None = Field(description="last day a tenure still resolves it")
    decided_by: TenureEvidence | None
    coach_next: TenureEvidence | None = Field(
        description="the coach's first tenure after the first report that bears on it"
    )
    team_next: TenureEvidence | None = Field(
        description="the team's first head coach (another coach) after the first report"
    )
    came_true_late: TenureEvidence | None = Field(
        description="the coach did join the team, but only after the window"
    )


# --- outlets ---------------------------------------------------------------------------------


class OutletScore(BaseModel):
    outlet: EntityRef
    reported: int = Field(description="appointment rumours the outlet reported as rumoured")
    resolved: int = Field(description="of those, resolved (materialised or did_not_happen)")
    materialised: int
    rate: float | None = Field(description="materialised / resolved; null when none resolved")
    ci_low: float | None = Field(description="Wilson 95% lower bound of the rate (rank key)")
    ci_high: float | None
    unscored: int = Field(
        default=0, description="other rumours it reported (departures, …): not scored"
    )


class OutletsPublic(Page):
    confidence: float
    window_months: int
    items: list[OutletScore]


class OutletRumour(BaseModel):
    move: EntityRef
    coach: EntityRef
    to: EntityRef | None
    reported: list[str] = Field(description="dates the outlet reported it as rumoured")
    sources: list[str]
    resolution: ResolutionPublic


class OutletDetailPublic(OutletScore):
    rank: int | None = Field(description="position in GET /outlets (1 = most reliable)")
    rumours: list[OutletRumour]


# --- analytics -------------------------------------------------------------------------------


class Hub(BaseModel):
    entity: EntityRef
    score: float
    degree: int = Field(description="distinct teams (for a coach) or coaches (for a team)")


class HubsPublic(BaseModel):
    kind: str
    metric: str
    graph_version: int | None
    approximate: bool = Field(
        description="betweenness estimated from a seeded sample of 100 sources (large graphs)"
    )
    total: int
    limit: int
    items: list[Hub]


class Community(BaseModel):
    id: int
    size: int
    teams: list[EntityRef]
    shared_coaches: list[EntityRef] = Field(description="coaches who worked at two or more of them")


class CommunitiesPublic(BaseModel):
    method: str
    graph_version: int | None
    modularity: float | None
    total: int
    items: list[Community]


class SuccessionStep(BaseModel):
    tenure_id: str
    coach: EntityRef
    role: str
    start: str | None
    end: str | None
    predecessor: EntityRef | None
    successor: EntityRef | None
    gap: bool = Field(
        description="more than 31 days between the predecessor's end and this start: the graph "
        "may not hold every coach in between"
    )


class TreeEdge(BaseModel):
    predecessor: EntityRef
    successor: EntityRef
    team: EntityRef
    date: str | None
    depth: int


class CoachingTree(BaseModel):
    root: EntityRef
    teams: int = Field(description="distinct teams the tree's successions happened at")
    edges: list[TreeEdge]


class SuccessionPublic(BaseModel):
    team: EntityRef
    total: int
    chain: list[SuccessionStep] = Field(description="head and caretaker tenures, by start")
    depth: int
    trees: list[CoachingTree] = Field(
        description="for each coach of the chain: who succeeded him, and them, at any club"
    )
