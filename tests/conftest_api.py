"""Fixtures of the API tests (loaded with `pytest_plugins = ["tests.conftest_api"]`)."""

from __future__ import annotations

import pytest
from neo4j import Driver

from graph.loader import load
from tests.conftest import SEEDS
from tests.utils import API_FIXTURE, disputing_seeds, wipe


@pytest.fixture(scope="module")
def api_graph(driver: Driver) -> Driver:
    """tests/fixtures/api loaded once for a module of read-only tests.

    Alfa FC: Rossi (head 2010-07-01–2012-06-30), a gap, Verdi (2012-08-01–2014-05), Conceição
    (caretaker 2014-06), Rossi again (2014-08-01, ongoing); Bianchi assistant 2011–2013. Move
    rossi-beta-2025 (Gazzetta), pushed by Bianchi, held back by Neri.
    """
    wipe(driver)
    load([API_FIXTURE], driver, "neo4j")
    return driver


@pytest.fixture(scope="module")
def disputed_graph(driver: Driver, tmp_path_factory: pytest.TempPathFactory) -> Driver:
    """The seeds plus DISPUTING: Ancelotti's Chelsea tenure is disputed."""
    wipe(driver)
    load([SEEDS, disputing_seeds(tmp_path_factory.mktemp("extra"))], driver, "neo4j")
    return driver
