"""Settings from the environment and `.env`: an empty NEO4J_PASSWORD counts as unset."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.settings import ApiSettings
from graph.settings import Neo4jSettings

STORED = "generated-by-the-local-server"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A local server's home with its generated password, as `coachgraph neo4j start` leaves it."""
    (tmp_path / "password").write_text(STORED + "\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("kind", [Neo4jSettings, ApiSettings])
def test_an_empty_password_in_the_environment_is_unset(
    kind: type[Neo4jSettings], home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEO4J_PASSWORD", "")
    settings = kind(coachgraph_neo4j_home=home, _env_file=None)  # type: ignore[call-arg]
    assert settings.neo4j_password is None
    assert settings.password() == STORED


def test_an_empty_password_in_dotenv_is_unset(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    dotenv = tmp_path / ".env"
    dotenv.write_text("NEO4J_USER=neo4j\nNEO4J_PASSWORD=\n", encoding="utf-8")
    settings = ApiSettings(coachgraph_neo4j_home=home, _env_file=dotenv)  # type: ignore[call-arg]
    assert settings.neo4j_password is None
    assert settings.password() == STORED


def test_an_empty_password_passed_directly_is_unset(home: Path) -> None:
    settings = Neo4jSettings(neo4j_password="", coachgraph_neo4j_home=home)  # type: ignore[arg-type]
    assert settings.password() == STORED


def test_a_password_that_is_set_is_used(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_PASSWORD", "from-the-environment")
    settings = Neo4jSettings(coachgraph_neo4j_home=home, _env_file=None)  # type: ignore[call-arg]
    assert settings.password() == "from-the-environment"


def test_no_password_at_all_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEO4J_PASSWORD", "")
    settings = Neo4jSettings(coachgraph_neo4j_home=tmp_path, _env_file=None)  # type: ignore[call-arg]
    with pytest.raises(RuntimeError, match="set NEO4J_PASSWORD, or start the local server"):
        settings.password()


def test_a_dotenv_for_another_database_does_not_lock_out_the_local_server(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`cp .env.example .env && make run`: `.env`'s password is for Docker or Aura; the local
    server keeps its own. An exported NEO4J_PASSWORD outranks both; a remote URI uses `.env`'s."""
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    monkeypatch.delenv("NEO4J_URI", raising=False)
    dotenv = tmp_path / ".env"
    dotenv.write_text("NEO4J_PASSWORD=for-docker\n", encoding="utf-8")
    local = Neo4jSettings(coachgraph_neo4j_home=home, _env_file=dotenv)  # type: ignore[call-arg]
    assert local.is_local and local.password() == STORED

    remote = Neo4jSettings(  # type: ignore[call-arg]
        coachgraph_neo4j_home=home,
        neo4j_uri="neo4j+s://example.databases.neo4j.io",
        _env_file=dotenv,
    )
    assert remote.password() == "for-docker"

    monkeypatch.setenv("NEO4J_PASSWORD", "exported")
    exported = Neo4jSettings(coachgraph_neo4j_home=home, _env_file=dotenv)  # type: ignore[call-arg]
    assert exported.password() == "exported"
