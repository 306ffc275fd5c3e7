"""The app's routes in one flat table.

FastAPI 0.137 and later keep an included router as one nested route: a request is matched
against each included router it passes, and then again inside the one that holds its route. In
process that cost ~2 µs per route passed and ~8 µs more per request than the same routes in the
app's own table (~0.7 µs per route passed); with this app's twelve routers, a team timeline paid
~15 µs per request for it (docs/performance.md).

A router's routes already carry its prefix, tags, responses and `include_in_schema`, so they
can stand in the app's table as they are. Router-level dependencies are not copied onto its
routes, so a router with any is refused rather than silently losing them.
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute


def add_routes(app: FastAPI, *routers: APIRouter) -> None:
    """Add each router's routes, in order, to `app`'s own route table."""
    for router in routers:
        if router.dependencies:
            raise ValueError(f"router {router.prefix or '/'} has dependencies; include it instead")
        for route in router.routes:
            if not isinstance(route, APIRoute):
                raise TypeError(f"{route!r} is not an APIRoute; include its router instead")
            app.router.routes.append(route)
