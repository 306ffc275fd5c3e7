"""One place that turns errors into JSON responses; never a stack trace to the client."""

from __future__ import annotations

import json
import logging
import math
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from graph.errors import (
    GraphUnavailableError,
    InvalidRequestError,
    NotFoundError,
    QueryTooExpensiveError,
)

log = logging.getLogger("coachgraph.api")


class ErrorPublic(BaseModel):
    """Every error body: `error` is a code, `detail` says what and where."""

    error: str
    detail: str | list[object]
    kind: str | None = None
    id: str | None = None


class ErrorResponse(JSONResponse):
    """A JSON error body that always renders.

    An error may carry what the client sent (FastAPI's `input`, a name in a message), and JSON
    cannot carry everything Python holds: a lone surrogate from a `\\ud800` escape, or the
    infinity and NaN that Python's parser reads from `1e999999` and `NaN`. Rather than fail
    (a 500 instead of the error meant), such values are shown escaped: `\\ud800`, `inf`, `nan`.
    """

    def render(self, content: Any) -> bytes:
        try:
            return super().render(content)
        except ValueError:  # UnicodeEncodeError is one
            return super().render(_encodable(content))


def _encodable(value: Any) -> Any:
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return {_encodable(str(k)): _encodable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_encodable(v) for v in value]
    return value


def _renders(value: Any) -> bool:
    try:
        json.dumps(value, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except (TypeError, ValueError):
        return False
    return True


def _problems(exc: RequestValidationError) -> list[Any]:
    """FastAPI's problems (loc, msg, type, input), without an `input` JSON cannot carry: the
    client sent it and knows it; echoing it escaped would show something it did not send."""
    problems: list[Any] = jsonable_encoder(exc.errors())
    for problem in problems:
        if isinstance(problem, dict) and "input" in problem and not _renders(problem["input"]):
            del problem["input"]
    return problems


_HTTP_ERRORS = {
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    429: "too_many_requests",
}


def install_error_handlers(app: FastAPI, retry_after: int) -> None:
    @app.exception_handler(NotFoundError)
    async def not_found(_: Request, exc: NotFoundError) -> ErrorResponse:
        return ErrorResponse(
            {"error": "not_found", "detail": str(exc), "kind": exc.kind, "id": exc.ident},
            status_code=404,
        )

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> ErrorResponse:
        return ErrorResponse(
            {"error": _HTTP_ERRORS.get(exc.status_code, "http_error"), "detail": exc.detail},
            status_code=exc.status_code,
            headers=exc.headers,
        )

    @app.exception_handler(RequestValidationError)
    async def malformed(_: Request, exc: RequestValidationError) -> ErrorResponse:
        body = {"error": "invalid_request", "detail": _problems(exc)}
        return ErrorResponse(body, status_code=422)

    @app.exception_handler(InvalidRequestError)
    async def invalid(_: Request, exc: InvalidRequestError) -> ErrorResponse:
        return ErrorResponse({"error": "invalid_request", "detail": str(exc)}, status_code=422)

    @app.exception_handler(QueryTooExpensiveError)
    async def too_expensive(_: Request, exc: QueryTooExpensiveError) -> ErrorResponse:
        return ErrorResponse(
            {
                "error": "query_too_expensive",
                "detail": f"{exc}: lower max_hops, depth or k, or pick closer entities",
            },
            status_code=422,
        )

    @app.exception_handler(GraphUnavailableError)
    async def unavailable(_: Request, exc: GraphUnavailableError) -> ErrorResponse:
        if not exc.known:  # a known outage is logged once, when it begins
            log.warning("Neo4j unavailable: %s", exc)
        return ErrorResponse(
            {"error": exc.code, "detail": exc.public},
            status_code=503,
            headers={"Retry-After": str(retry_after)},
        )

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> ErrorResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return ErrorResponse(
            {"error": "internal_error", "detail": "an unexpected error occurred; it was logged"},
            status_code=500,
        )
