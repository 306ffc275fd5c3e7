"""POST /articles: extract an article's claims and load them with their provenance."""

from __future__ import annotations

from typing import Any

from neo4j.exceptions import ServiceUnavailable, SessionExpired
from pydantic import BaseModel, Field, field_validator

from app.deps import SettingsDep, WriteDriverDep
from app.routing import Routes
from app.security import WriteAccess
from graph.errors import GraphUnavailableError, InvalidRequestError
from graph.extract.errors import ExtractError
from graph.extract.ingest import ingest_text
from graph.loader import InputError

routes = Routes(tags=["articles"])


class ArticleCreate(BaseModel):
    text: str = Field(min_length=1, max_length=200_000, description="the article, verbatim")
    lang: str = Field(default="auto", description="it, en, es or auto")
    date: str | None = Field(default=None, description="YYYY, YYYY-MM or YYYY-MM-DD")
    outlet: str | None = Field(default=None, description="the outlet that published it")
    title: str | None = None
    create_new: bool = Field(default=False, description="create unknown people and teams")

    @field_validator("text", "lang", "date", "outlet", "title")
    @classmethod
    def _unicode_text(cls, value: str | None) -> str | None:
        # JSON's `\ud800` escape decodes to a lone surrogate: a Python string that is not text,
        # and that neither Neo4j nor a JSON answer can hold.
        if value is not None:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise ValueError(f"not Unicode text: a lone surrogate at {exc.start}") from None
        return value


class ArticleIngested(BaseModel):
    article_id: str
    new_article: bool
    written: dict[str, dict[str, int]]
    skipped: list[str]
    extraction: dict[str, Any]


@routes.post(
    "/articles",
    response_model=ArticleIngested,
    status_code=200,
    dependencies=[WriteAccess],
    responses={
        401: {"description": "missing or wrong X-API-Key"},
        403: {"description": "writes disabled"},
    },
)
def post_article(
    body: ArticleCreate, settings: SettingsDep, driver: WriteDriverDep
) -> ArticleIngested:
    """The extraction (docs/extraction.md) plus what was written; idempotent per text."""
    try:
        result = ingest_text(
            body.text,
            driver,
            settings.neo4j_database,
            lang=body.lang,
            date=body.date,
            outlet=body.outlet,
            title=body.title,
            create_new=body.create_new,
        )
    except (ExtractError, InputError) as exc:
        raise InvalidRequestError(str(exc)) from None
    except (ServiceUnavailable, SessionExpired) as exc:
        raise GraphUnavailableError(str(exc)) from exc
    return ArticleIngested.model_validate(result.to_json())
