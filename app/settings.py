"""The API's settings: the database settings plus HTTP concerns."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field, SecretStr

from graph.settings import Neo4jSettings


class ApiSettings(Neo4jSettings):
    host: str = "127.0.0.1"
    port: int = 8000
    cors_origins: list[str] = Field(default_factory=list)
    api_keys: list[SecretStr] = Field(default_factory=list)
    max_body_bytes: int = 1_000_000
    retry_after_seconds: int = 5


@lru_cache
def get_settings() -> ApiSettings:
    return ApiSettings()
