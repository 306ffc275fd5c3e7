"""FastAPI dependencies: the process's driver and the settings."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from app.settings import ApiSettings, get_settings
from graph.repository import Repository


def get_repository(request: Request) -> Repository:
    repo: Repository = request.app.state.repository
    return repo


RepoDep = Annotated[Repository, Depends(get_repository)]
SettingsDep = Annotated[ApiSettings, Depends(get_settings)]
