"""Configuration of the database side, read from the environment (and `.env`).

Nothing else in `graph/` reads `os.environ`; the API's settings extend these. Precedence, as
pydantic-settings applies it: a command-line flag (passed in as an argument) over the
environment, over `.env` in the current folder, over the defaults below. For the local
server, its generated password comes between the two: an exported NEO4J_PASSWORD outranks it,
a `.env` one does not (`password()`).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent

#: The hosts of an address on this machine.
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


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
        return urlsplit(self.neo4j_uri).port or 7687

    @property
    def is_local(self) -> bool:
        """Whether NEO4J_URI is the local server's kind of address: `bolt://` on this machine.

        coachgraph starts, seeds and stops only such a server. Any other URI (the routing scheme
        `neo4j://` of Aura and clusters, an encrypted `+s` scheme, another host) names a
        database that someone else runs.
        """
        parts = urlsplit(self.neo4j_uri)
        return parts.scheme == "bolt" and parts.hostname in LOOPBACK_HOSTS

    @property
    def password_file(self) -> Path:
        """Where the local server keeps the password it was created with."""
        return self.coachgraph_neo4j_home / "password"

    def local_password(self) -> str | None:
        """The local server's password, when NEO4J_URI is the local server's address.

        That is a local URI on the port the server in COACHGRAPH_NEO4J_HOME was last started on;
        another port on this machine is another server, whose password this is not.
        """
        # graph.server.local reads these settings, so it is imported here, not at the top.
        from graph.server.local import configured_bolt_port

        stored = self.password_file
        if not (self.is_local and stored.is_file()):
            return None
        configured = configured_bolt_port(self.coachgraph_neo4j_home)
        if configured is not None and configured != self.bolt_port:
            return None
        return stored.read_text(encoding="utf-8").strip()

    def password(self) -> str:
        """The password to log in with.

        For the local server, its own generated password, whatever a `.env` says (a `.env`
        written for Docker or Aura must not lock `coachgraph run` out of its own server); only
        a NEO4J_PASSWORD exported in the environment, which outranks `.env`, is used instead.
        For any other database, NEO4J_PASSWORD.
        """
        local = self.local_password()
        exported = bool(os.environ.get("NEO4J_PASSWORD"))  # not from `.env`: it outranks it
        if local is not None and not exported:
            return local
        if self.neo4j_password is not None:
            return self.neo4j_password.get_secret_value()
        if local is not None:
            return local
        if self.is_local:
            hint = (
                "set NEO4J_PASSWORD, or start the local server once with `coachgraph neo4j "
                f"start` (it keeps a generated password in {self.password_file})"
            )
        else:
            hint = f"set NEO4J_PASSWORD to the password of {self.neo4j_uri}"
        raise RuntimeError(f"No Neo4j password: {hint}.")


@lru_cache
def get_neo4j_settings() -> Neo4jSettings:
    return Neo4jSettings()
