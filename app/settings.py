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
    # The read endpoints' response cache (app/cache.py); 0 entries turns it off.
    response_cache_entries: int = Field(default=4096, ge=0)
    response_cache_mb: int = Field(default=64, ge=1)
    response_cache_ttl: float = Field(default=1.0, ge=0, le=60)
    # Coalesced reads (graph/coalesce.py): per statement, how many batches of concurrent
    # requests may run at once, and how many requests one batch may carry.
    read_batches: int = Field(default=2, ge=1, le=32)
    read_batch_size: int = Field(default=8, ge=1, le=1000)
    # Writes (POST /articles): the longest article taken (413 beyond), and each API key's quota,
    # `write_burst` at once then `writes_per_minute` (429 beyond; 0 a minute: no quota).
    article_max_chars: int = Field(default=100_000, ge=1)
    writes_per_minute: float = Field(default=30, ge=0)
    write_burst: int = Field(default=10, ge=1)
    # FastAPI's OpenTelemetry spans, metrics and logs, sent to the globally configured providers.
    # Off by default: even with no provider configured, checking for one costs every request.
    telemetry: bool = False


@lru_cache
def get_settings() -> ApiSettings:
    return ApiSettings()
