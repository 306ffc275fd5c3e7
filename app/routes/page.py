"""The graph page at `/`, its static files under `/static`, and the Neo4j Browser guide and
style sheet under `/browser`.

Neo4j Browser (http://127.0.0.1:7474) fetches the guide and the style sheet cross-origin, and
its guide request carries `pragma` and `cache-control` headers, so the browser sends a CORS
preflight first. The API's CORSMiddleware would refuse that preflight for any origin not in
`cors_origins`, so `install` adds a small middleware, outside it, that answers CORS for those
two paths only; every other path keeps the API's CORS policy.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.routing import CacheablePaths, Routes

STATIC = Path(__file__).resolve().parent.parent / "static"
BROWSER_FILES = {
    "/browser/guide.html": ("guide.html", "text/html; charset=utf-8"),
    "/browser/style.grass": ("style.grass", "text/plain; charset=utf-8"),
}
_NO_CACHE = {"Cache-Control": "no-cache"}

routes = Routes(include_in_schema=False)


@routes.get("/", cached=False)
async def index() -> FileResponse:
    """The graph page."""
    return FileResponse(STATIC / "index.html", media_type="text/html", headers=_NO_CACHE)


@routes.get("/browser/guide.html", cached=False)
async def browser_guide() -> FileResponse:
    """The Neo4j Browser guide (`:play http://127.0.0.1:8000/browser/guide.html`)."""
    name, media_type = BROWSER_FILES["/browser/guide.html"]
    return FileResponse(STATIC / "browser" / name, media_type=media_type, headers=_NO_CACHE)


@routes.get("/browser/style.grass", cached=False)
async def browser_style() -> FileResponse:
    """The Neo4j Browser style sheet (`:style http://127.0.0.1:8000/browser/style.grass`)."""
    name, media_type = BROWSER_FILES["/browser/style.grass"]
    return FileResponse(STATIC / "browser" / name, media_type=media_type, headers=_NO_CACHE)


class BrowserAssetsCORS:
    """Open CORS (any origin, GET only, no credentials) on the guide and style sheet paths."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] not in BROWSER_FILES:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if scope["method"] == "OPTIONS" and "access-control-request-method" in headers:
            requested = headers.get("access-control-request-headers", "")
            preflight = Response(
                status_code=204,
                headers={
                    "Access-Control-Allow-Origin": "*",
                    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
                    "Access-Control-Allow-Headers": requested or "*",
                    "Access-Control-Max-Age": "600",
                },
            )
            await preflight(scope, receive, send)
            return

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)["Access-Control-Allow-Origin"] = "*"
            await send(message)

        await self.app(scope, receive, send_with_cors)


def install(app: FastAPI, cacheable: CacheablePaths) -> None:
    """Serve the page, /static and /browser on `app`. Call it after the app's other
    `add_middleware` calls so that the Browser CORS middleware wraps the API's."""
    routes.install(app, cacheable)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(BrowserAssetsCORS)
