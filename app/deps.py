"""The process's repository, write driver and settings, kept on `app.state`, for the routes.

The app's settings live on its state rather than in `dependency_overrides`: with any override
registered, FastAPI re-inspects every dependency's signature on every request. The dependencies
are coroutines: FastAPI runs a plain `def` dependency in its threadpool, a thread hop per request.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from neo4j import Driver

from app.settings import ApiSettings
from graph.repository import Repository


def repository(request: Request) -> Repository:
    """The process's repository. Routes take the `Request` and call this rather than declare a
    dependency: FastAPI's resolution of even a trivial dependency is a measurable share of a
    read's own Python (docs/performance.md)."""
    repo: Repository = request.app.state.repository
    return repo


async def app_settings(request: Request) -> ApiSettings:
    settings: ApiSettings = request.app.state.settings
    return settings


async def get_write_driver(request: Request) -> Driver:
    driver: Driver = request.app.state.write_driver
    return driver


WriteDriverDep = Annotated[Driver, Depends(get_write_driver)]
SettingsDep = Annotated[ApiSettings, Depends(app_settings)]
