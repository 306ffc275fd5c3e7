"""FastAPI dependencies: the process's driver and the settings."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from neo4j import Driver

from app.settings import ApiSettings, get_settings
from graph.repository import Repository


def get_repository(request: Request) -> Repository:
    repo: Repository = request.app.state.repository
    return repo


def get_write_driver(request: Request) -> Driver:
    driver: Driver = request.app.state.write_driver
    return driver


RepoDep = Annotated[Repository, Depends(get_repository)]
WriteDriverDep = Annotated[Driver, Depends(get_write_driver)]
SettingsDep = Annotated[ApiSettings, Depends(get_settings)]
