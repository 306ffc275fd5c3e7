"""POST /articles: extract an article's claims and load them with their provenance."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException, Request
from neo4j.exceptions import ServiceUnavailable, SessionExpired
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    TypeAdapter,
    ValidationError,
    field_validator,
)
from starlette.concurrency import run_in_threadpool

from app.deps import SettingsDep, WriteDriverDep, repository
from app.routes.common import ERRORS
from app.routing import Routes
from app.security import WriteAccess
from graph.errors import GraphUnavailableError, InvalidRequestError
from graph.extract.errors import ExtractError
from graph.extract.ingest import ingest_text
from graph.loader import InputError

routes = Routes(tags=["articles"])


_HTTP_URL = TypeAdapter(HttpUrl)


class ArticleCreate(BaseModel):
    """An article to ingest. A field this model does not know is refused (422), never dropped."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(
        min_length=1,
        description="the article, verbatim; at most ARTICLE_MAX_CHARS characters (413 beyond)",
    )
    lang: str = Field(default="auto", description="it, en, es or auto")
    date: str | None = Field(default=None, description="YYYY, YYYY-MM or YYYY-MM-DD")
    outlet: str | None = Field(default=None, description="the outlet that published it")
    title: str | None = None
    url: str | None = Field(
        default=None,
        max_length=2048,
        description="where it was published (http or https); stored on the article's source",
    )
    create_new: bool = Field(default=False, description="create unknown people and teams")

    @field_validator("text", "lang", "date", "outlet", "title", "url")
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

    @field_validator("url")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        if value is None:
            return value
        try:
            _HTTP_URL.validate_python(value)
        except ValidationError:
            raise ValueError("must be an http or https URL with a host") from None
        if any(ch.isspace() or not ch.isprintable() for ch in value):
            raise ValueError("must not contain spaces or control characters")
        return value  # as sent: the parser would normalise it


class ArticleIngested(BaseModel):
    article_id: str
    new_article: bool = Field(description="this request created the article")
    wrote: bool = Field(description="this request changed the graph")
    written: dict[str, dict[str, int]]
    skipped: list[str]
    candidates: list[dict[str, Any]] = Field(
        default_factory=list, description="unknown people, teams, outlets to confirm"
    )
    extraction: dict[str, Any]


@routes.post(
    "/articles",
    response_model=ArticleIngested,
    status_code=200,
    dependencies=[WriteAccess],
    responses={
        401: {"description": "missing or wrong X-API-Key"},
        403: {"description": "writes disabled"},
        413: {"description": "the article is longer than ARTICLE_MAX_CHARS characters"},
        429: {
            "description": "this key's write quota is spent; retry after `Retry-After` seconds",
            "headers": {"Retry-After": {"schema": {"type": "integer"}}},
        },
        503: ERRORS[503],
    },
)
async def post_article(
    request: Request, body: ArticleCreate, settings: SettingsDep, driver: WriteDriverDep
) -> ArticleIngested:
    """The extraction (docs/extraction.md) plus what was written; idempotent per text."""
    if len(body.text) > settings.article_max_chars:
        raise HTTPException(
            status_code=413,
            detail=f"the article has {len(body.text)} characters; "
            f"at most {settings.article_max_chars} are taken",
        )
    repo = repository(request)
    # Extraction costs CPU: learn first, at once, whether Neo4j can take the write.
    await repo.reachable()
    try:
        result = await run_in_threadpool(
            ingest_text,
            body.text,
            driver,
            settings.neo4j_database,
            lang=body.lang,
            date=body.date,
            outlet=body.outlet,
            title=body.title,
            url=body.url,
            create_new=body.create_new,
        )
    except (ExtractError, InputError) as exc:
        raise InvalidRequestError(str(exc)) from None
    except (ServiceUnavailable, SessionExpired) as exc:
        repo.availability.lost(str(exc))
        raise GraphUnavailableError(str(exc)) from exc
    # a re-post that wrote nothing leaves the response cache as it was (app/cache.py)
    request.state.graph_written = result.wrote
    return ArticleIngested.model_validate(result.to_json())
