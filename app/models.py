"""The API's response models; defined beside the reads that fill them (graph/reads/models.py)."""

from pydantic import BaseModel

from graph.reads.models import (
    CareerPublic,
    EntityKind,
    EntityRef,
    GraphEdge,
    GraphNode,
    GraphPublic,
    InfluencePublic,
    InfluencersPublic,
    MoveDetailPublic,
    MovePublic,
    MoveReport,
    MoveResolution,
    MovesPublic,
    MoveStatus,
    PathPublic,
    PathRelationship,
    PathsPublic,
    Polarity,
    SearchHit,
    SearchKind,
    SearchPublic,
    SourceRef,
    TeamCoachesPublic,
    TenurePublic,
    TenureRole,
    TimelineItem,
)


class ErrorPublic(BaseModel):
    """Every error body: `error` is a code, `detail` says what and where."""

    error: str
    detail: str | list[object]
    kind: str | None = None
    id: str | None = None


__all__ = [
    "CareerPublic",
    "EntityKind",
    "EntityRef",
    "ErrorPublic",
    "GraphEdge",
    "GraphNode",
    "GraphPublic",
    "InfluencePublic",
    "InfluencersPublic",
    "MoveDetailPublic",
    "MovePublic",
    "MoveReport",
    "MoveResolution",
    "MoveStatus",
    "MovesPublic",
    "PathPublic",
    "PathRelationship",
    "PathsPublic",
    "Polarity",
    "SearchHit",
    "SearchKind",
    "SearchPublic",
    "SourceRef",
    "TeamCoachesPublic",
    "TenurePublic",
    "TenureRole",
    "TimelineItem",
]
