"""Configuration of the database side, read from the environment (and `.env`).

Nothing else in `graph/` reads `os.environ`; the API's settings extend these.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Neo4jSettings(BaseSettings):
    """Where Neo4j is and how to log in; where the local (no-Docker) server lives."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr | None = None
    neo4j_database: str = "neo4j"
    neo4j_query_timeout: float = Field(default=10.0, gt=0, description="seconds per read query")

    # The local server provisioned from Maven Central (`coachgraph neo4j start`).
    coachgraph_neo4j_home: Path = PROJECT_ROOT / ".neo4j" / "main"
    coachgraph_neo4j_lib: Path = PROJECT_ROOT / ".neo4j" / "lib"
    neo4j_http_port: int = 7474
    neo4j_heap: str = "512m"
    neo4j_pagecache: str = "256m"

    @field_validator("neo4j_password", mode="before")
    @classmethod
    def _empty_password_is_unset(cls, value: object) -> object:
        """`NEO4J_PASSWORD=` (exported empty, or a blank line of `.env`) counts as unset: the
        local server's generated password is used, not an empty one the driver refuses."""
        if isinstance(value, SecretStr):
            value = value.get_secret_value()
        return None if value == "" else value

    @property
    def bolt_port(self) -> int:
        """The Bolt port of the URI (the local server listens there)."""
        rest = self.neo4j_uri.split("://", 1)[-1]
        host_port = rest.split("/", 1)[0]
        if ":" in host_port:
            return int(host_port.rsplit(":", 1)[1])
        return 7687

    def password(self) -> str:
        """`NEO4J_PASSWORD` (unless empty), else the password the local server was created with."""
        if self.neo4j_password is not None:
            return self.neo4j_password.get_secret_value()
        stored = self.coachgraph_neo4j_home / "password"
        if stored.is_file():
            return stored.read_text(encoding="utf-8").strip()
        raise RuntimeError(
            "No Neo4j password: set NEO4J_PASSWORD, or start the local server once with "
            f"`coachgraph neo4j start` (it keeps a generated password in {stored})."
        )


@lru_cache
def get_neo4j_settings() -> Neo4jSettings:
    return Neo4jSettings()
