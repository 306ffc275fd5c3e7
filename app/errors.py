"""One place that turns errors into JSON responses; never a stack trace to the client."""

from __future__ import annotations

import logging

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


_HTTP_ERRORS = {
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
}


def install_error_handlers(app: FastAPI, retry_after: int) -> None:
    @app.exception_handler(NotFoundError)
    async def not_found(_: Request, exc: NotFoundError) -> JSONResponse:
        return JSONResponse(
            {"error": "not_found", "detail": str(exc), "kind": exc.kind, "id": exc.ident},
            status_code=404,
        )

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse(
            {"error": _HTTP_ERRORS.get(exc.status_code, "http_error"), "detail": exc.detail},
            status_code=exc.status_code,
            headers=exc.headers,
        )

    @app.exception_handler(RequestValidationError)
    async def malformed(_: Request, exc: RequestValidationError) -> JSONResponse:
        # FastAPI's list of problems (loc, msg, type, input) kept whole under `detail`
        return JSONResponse(
            {"error": "invalid_request", "detail": jsonable_encoder(exc.errors())},
            status_code=422,
        )

    @app.exception_handler(InvalidRequestError)
    async def invalid(_: Request, exc: InvalidRequestError) -> JSONResponse:
        return JSONResponse({"error": "invalid_request", "detail": str(exc)}, status_code=422)

    @app.exception_handler(QueryTooExpensiveError)
    async def too_expensive(_: Request, exc: QueryTooExpensiveError) -> JSONResponse:
        return JSONResponse(
            {
                "error": "query_too_expensive",
                "detail": f"{exc}: lower max_hops, depth or k, or pick closer entities",
            },
            status_code=422,
        )

    @app.exception_handler(GraphUnavailableError)
    async def unavailable(_: Request, exc: GraphUnavailableError) -> JSONResponse:
        log.warning("Neo4j unavailable: %s", exc)
        return JSONResponse(
            {
                "error": "neo4j_unavailable",
                "detail": "the graph database is unreachable; retry shortly",
            },
            status_code=503,
            headers={"Retry-After": str(retry_after)},
        )

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse(
            {"error": "internal_error", "detail": "an unexpected error occurred; it was logged"},
            status_code=500,
        )
