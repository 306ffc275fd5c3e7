"""Declaring routes: each resource module holds a `Routes`, and app.main adds them all.

A `Routes` collects a module's endpoints with what they share (prefix, tags, documented error
responses) and adds each to the app's own route table with FastAPI's public `add_api_route`.
The table stays flat: since FastAPI 0.137 an included router is one nested route that every
request passes through on its way (docs/performance.md, "One flat route table").

Each GET route says whether its 200 answers may be served again from the response cache while
the graph is unchanged (`cached=`); `CacheablePaths` answers that for a request path.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from fastapi import FastAPI
from fastapi.routing import APIRoute
from starlette.routing import Route

Endpoint = TypeVar("Endpoint", bound=Callable[..., Any])


@dataclass(frozen=True)
class _Route:
    path: str
    method: str
    endpoint: Callable[..., Any]
    cached: bool
    options: dict[str, Any]


@dataclass
class Routes:
    """The endpoints of one resource."""

    prefix: str = ""
    tags: list[str] = field(default_factory=list)
    responses: dict[int | str, dict[str, Any]] = field(default_factory=dict)
    include_in_schema: bool = True
    _routes: list[_Route] = field(default_factory=list)

    def get(self, path: str, *, cached: bool, **options: Any) -> Callable[[Endpoint], Endpoint]:
        """A GET endpoint; `cached`: its 200 answers may be reused while the graph is unchanged."""
        return self._add(path, "GET", cached, options)

    def post(self, path: str, **options: Any) -> Callable[[Endpoint], Endpoint]:
        """A POST endpoint (never cached; a successful write may invalidate the cache)."""
        return self._add(path, "POST", False, options)

    def _add(
        self, path: str, method: str, cached: bool, options: dict[str, Any]
    ) -> Callable[[Endpoint], Endpoint]:
        def register(endpoint: Endpoint) -> Endpoint:
            self._routes.append(_Route(path, method, endpoint, cached, options))
            return endpoint

        return register

    def install(self, app: FastAPI, cacheable: CacheablePaths) -> None:
        """Add every route to `app`'s own table; note the cached ones in `cacheable`."""
        for route in self._routes:
            options = dict(route.options)
            responses = {**self.responses, **options.pop("responses", {})}
            app.add_api_route(
                self.prefix + route.path,
                route.endpoint,
                methods=[route.method],
                tags=list(self.tags),
                responses=responses,
                include_in_schema=self.include_in_schema,
                **options,
            )
            added = app.router.routes[-1]
            assert isinstance(added, APIRoute)
            if route.cached:
                cacheable.add(added)


class CacheablePaths:
    """Which request paths belong to a route declared `cached=True`."""

    def __init__(self) -> None:
        # Routes grouped by their path's first segment, so a request is matched against the
        # few routes that can hold it.
        self._by_segment: dict[str, list[re.Pattern[str]]] = {}

    def add(self, route: Route) -> None:
        self._by_segment.setdefault(_first_segment(route.path), []).append(route.path_regex)

    def __contains__(self, path: object) -> bool:
        if not isinstance(path, str):
            return False
        patterns = self._by_segment.get(_first_segment(path), ())
        return any(pattern.match(path) for pattern in patterns)


def _first_segment(path: str) -> str:
    return path.split("/", 2)[1] if path.startswith("/") else ""
