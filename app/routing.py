"""The app's routes in one flat table.

FastAPI 0.137 and later keep an included router as one nested route: a request is matched
against each included router it passes, and then again inside the one that holds its route. In
process that cost ~2 µs per route passed and ~8 µs more per request than the same routes in the
app's own table (~0.7 µs per route passed); with this app's twelve routers, a team timeline paid
~15 µs per request for it (docs/performance.md).

A router's routes already carry what the router was built with: its prefix, tags, responses,
dependencies and `include_in_schema`. What lives on the router itself, and would be lost, is
refused: startup and shutdown handlers, a lifespan, and body or form limits.
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute


def _router_only(router: APIRouter) -> list[str]:
    """What `router` holds that its routes do not."""
    found = []
    if router.on_startup or router.on_shutdown:
        found.append("startup or shutdown handlers")
    if type(router.lifespan_context).__name__ != "_DefaultLifespan":
        found.append("a lifespan")
    if router.max_body_size is not None or router.form_limits:
        found.append("body or form limits")
    return found


def add_routes(app: FastAPI, *routers: APIRouter) -> None:
    """Add each router's routes, in order, to `app`'s own route table."""
    for router in routers:
        lost = _router_only(router)
        if lost:
            name = router.prefix or "/"
            raise ValueError(f"router {name} has {' and '.join(lost)}; include it instead")
        for route in router.routes:
            if not isinstance(route, APIRoute):
                raise TypeError(f"{route!r} is not an APIRoute; include its router instead")
            app.router.routes.append(route)
