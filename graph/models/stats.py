"""Response model of GET /stats: what the graph covers, where its tenures come from, what the
imports refused, and when it was last loaded."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from graph.models.common import EntityRef


class SourceKindCounts(BaseModel):
    """One count per kind of source (graph.domain.SourceKind)."""

    reference: int = 0
    dataset: int = 0
    article: int = 0


class NodeCounts(BaseModel):
    coaches: int
    other_people: int = Field(description="executives and players who never coached")
    clubs: int
    national_teams: int
    tenures: int
    moves: int
    outlets: int
    sources: SourceKindCounts
    observations: int = Field(
        description="a coach seen in charge of a team on a day (World Cup matches); "
        "they say nothing of a tenure's start or end"
    )


class TenuresBySource(SourceKindCounts):
    """Tenures by the kind of their best-ranked source (the claim that gives the agreed value)."""

    none: int = Field(default=0, description="tenures with no ranked claim")


class PublisherCount(BaseModel):
    publisher: str | None = Field(description="null when the source names none")
    tenures: int


class StartPrecisionCounts(BaseModel):
    year: int = 0
    month: int = 0
    day: int = 0
    unknown: int = Field(default=0, description="no start date")


class TenureCounts(BaseModel):
    total: int
    disputed: int = Field(description="tenures whose sources disagree (GET /disputes)")
    by_source: TenuresBySource
    by_dataset_publisher: list[PublisherCount] = Field(
        description="tenures whose best-ranked source is a data set, by its publisher "
        "(e.g. Wikidata), most first"
    )
    by_start_precision: StartPrecisionCounts


class RefusalCount(BaseModel):
    dataset: str | None
    file: str | None
    rows: int


class RefusalCounts(BaseModel):
    """Input rows an import refused, each kept in the graph with its reason."""

    total: int
    by_file: list[RefusalCount] = Field(description="by data set and file, most first")


class RefusedRow(BaseModel):
    """One input row an import refused, and why."""

    dataset: str | None
    file: str | None
    row: int | None
    reason: str | None


class GraphLoad(BaseModel):
    version: int | None = Field(description="bumped by every write; null: never loaded")
    updated_at: str | None = Field(description="when it was last written (ISO 8601, UTC)")


class StatsPublic(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    nodes: NodeCounts
    tenures: TenureCounts
    refused: RefusalCounts
    graph: GraphLoad
    try_: list[EntityRef] = Field(
        alias="try",
        description="a few coaches to start exploring with: those with the most tenures",
    )
