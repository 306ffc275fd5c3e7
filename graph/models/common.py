"""What every response shares: entity references, pages, and the sources behind a claim."""

from __future__ import annotations

from pydantic import BaseModel

from graph.domain import EntityKind


class EntityRef(BaseModel):
    """Any node a client may link to: enough to render it without a second call."""

    id: str
    name: str
    kind: EntityKind


class Page(BaseModel):
    total: int
    limit: int
    offset: int


class SourcePublic(BaseModel):
    """A source behind a claim: an article, a reference page or a data set."""

    id: str
    kind: str
    title: str
    url: str | None = None


class DatedSource(SourcePublic):
    """A source with its publication date (a move's report)."""

    date: str | None = None


class SourceRef(DatedSource):
    """A source backing a tenure, with the quote that supports it."""

    evidence: str | None = None


class ClaimSource(DatedSource):
    """The source of one claim about a tenure, with its publisher."""

    publisher: str | None = None
