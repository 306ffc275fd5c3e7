"""The FastAPI app: one async driver per process, opened and closed in the lifespan."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from app import __version__
from app.cache import CacheStats, GraphVersion, ResponseCacheMiddleware, ResponseStore
from app.errors import install_error_handlers
from app.limits import BodySizeLimitMiddleware
from app.logging import RequestLogMiddleware
from app.ratelimit import WriteQuota
from app.routes import RESOURCES, page
from app.routing import CacheablePaths
from app.settings import ApiSettings, get_settings
from graph.db import open_async_driver, open_driver
from graph.repository import Repository

STATIC = Path(__file__).with_name("static")


def create_app(settings: ApiSettings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        driver = open_async_driver(settings)
        app.state.repository = Repository(
            driver,
            settings.neo4j_database,
            settings.neo4j_query_timeout,
            batches=settings.read_batches,
            batch_size=settings.read_batch_size,
        )
        # Ingest (POST /articles) is synchronous code run in the threadpool: one sync driver
        # for the process, connecting only when a write arrives.
        app.state.write_driver = open_driver(settings)
        # Everything built so far lives as long as the process: keep it out of the cyclic
        # collector's full passes, which otherwise stall requests under load.
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            await app.state.repository.close()
            await driver.close()
            app.state.write_driver.close()

    app = FastAPI(
        title="coachgraph",
        version=__version__,
        summary="Football coaching careers, rumoured moves, influencers and their sources.",
        lifespan=lifespan,
        # A path that matches no route is 404, never a redirect to its twin with or without a
        # trailing slash: the redirect would drop an encoded slash (`/moves/x%2F` → `/moves/x`),
        # answering for another id than the one asked.
        redirect_slashes=False,
        telemetry={
            "tracing": settings.telemetry,
            "metrics": settings.telemetry,
            "logs": settings.telemetry,
        },
    )
    app.state.settings = settings
    app.state.write_quota = WriteQuota(settings.writes_per_minute, settings.write_burst)
    install_error_handlers(app, settings.retry_after_seconds)
    cacheable = CacheablePaths()
    for resource in RESOURCES:
        resource.install(app, cacheable)
    app.state.cache_stats = CacheStats()
    app.state.response_store = None
    if settings.response_cache_entries:

        async def graph_version() -> str:
            repo: Repository = app.state.repository
            return await repo.graph_version()

        app.state.response_store = ResponseStore(
            settings.response_cache_entries, settings.response_cache_mb * 2**20
        )
        app.add_middleware(  # innermost: CORS and the access log see every request
            ResponseCacheMiddleware,
            store=app.state.response_store,
            version=GraphVersion(graph_version, settings.response_cache_ttl),
            stats=app.state.cache_stats,
            cacheable=cacheable,
        )
    if settings.cors_origins:
        # Without allowed origins there is nothing to grant, and browsers refuse cross-origin
        # reads by themselves; the middleware would only parse headers and add `Vary` on
        # every request.
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "X-API-Key"],
        )
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(RequestLogMiddleware)
    page.install(app, cacheable)  # the page at /, /static, /browser; last: its CORS wraps the API's
    return app
