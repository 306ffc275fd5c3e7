"""Structured request logs: one JSON line per request (time, method, path, status, duration)."""

from __future__ import annotations

import logging
import sys
import time
from typing import TextIO

import orjson
from starlette.types import ASGIApp, Receive, Scope, Send

from app.asgi import StatusWatch

log = logging.getLogger("coachgraph.access")


def install_access_log(stream: TextIO | None = None) -> None:
    """Write access lines as they are, one JSON object per line, to `stream` (stderr).

    They bypass the console's pretty handler: that one wraps a line at the terminal width and
    costs more than the request itself.
    """
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    log.handlers = [handler]
    log.setLevel(logging.INFO)
    log.propagate = False


class RequestLogMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        watch = StatusWatch(send)
        try:
            await self.app(scope, receive, watch)
        finally:
            log.info(
                orjson.dumps(
                    {
                        "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                        "method": scope["method"],
                        "path": scope["path"],
                        "query": scope.get("query_string", b"").decode("latin-1")[:200],
                        "status": watch.status or 500,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                    }
                ).decode()
            )
