"""The extractor's output (docs/extraction.md): pydantic models of the claims JSON."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from graph.domain import MentionKind, MoveKind, MoveStatus, Polarity, TenureRole, TenureStatus


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Ent(_Model):
    """An entity in a claim: its graph id, or null with the surface form when unresolved."""

    id: str | None
    name: str


class MentionEntity(_Model):
    id: str
    name: str
    kind: MentionKind


class Evidence(_Model):
    """Character offsets into the article; `text == article[start:end]`."""

    start: int
    end: int
    text: str


class ArticleInfo(_Model):
    lang: str
    date: str | None
    chars: int
    outlet: Ent | None = None


class Mention(_Model):
    text: str
    start: int
    end: int
    entity: MentionEntity | None


class TenureClaim(_Model):
    coach: Ent
    team: Ent
    role: TenureRole = TenureRole.head
    status: TenureStatus
    start: str | None = None
    end: str | None = None
    evidence: Evidence
    confidence: float


class MoveClaim(_Model):
    coach: Ent
    from_: Ent | None = Field(default=None, alias="from")
    to: Ent | None
    kind: MoveKind
    status: MoveStatus
    reported_by: list[Ent]
    evidence: Evidence
    confidence: float


class MoveRef(_Model):
    coach: Ent
    to: Ent | None
    kind: MoveKind
    from_: Ent | None = Field(default=None, alias="from")


class InfluenceClaim(_Model):
    person: Ent
    move: MoveRef
    polarity: Polarity
    how: str
    evidence: Evidence
    confidence: float


class Unresolved(_Model):
    text: str
    start: int
    end: int
    kind_guess: MentionKind


class Extraction(_Model):
    """Everything extracted from one article (the claims JSON)."""

    article: ArticleInfo
    mentions: list[Mention]
    tenures: list[TenureClaim]
    moves: list[MoveClaim]
    influences: list[InfluenceClaim]
    unresolved: list[Unresolved]

    def to_json(self) -> dict[str, object]:
        """The claims JSON (`from_` is written `from`, as in the documented schema)."""
        return self.model_dump(mode="json", by_alias=True)
