"""Property-based fuzzing of the API with schemathesis against its own OpenAPI schema, on the
real app and the real Neo4j: no 5xx, and responses match their schemas. Bounded for CI."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from neo4j import Driver
from schemathesis.specs.openapi.checks import positive_data_acceptance

from app.settings import ApiSettings
from tests.utils import live_app

EXAMPLES_PER_OPERATION = 25


@pytest.fixture(scope="module")
def api_url(settings: ApiSettings, seeded_module: Driver) -> Iterator[str]:
    with live_app(settings) as url:
        yield url


@pytest.mark.slow
def test_api_never_fails_and_matches_its_schema(api_url: str) -> None:
    schema = schemathesis.openapi.from_url(f"{api_url}/openapi.json").include(method="GET")
    failures: list[str] = []
    calls = 0
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case: schemathesis.Case) -> None:
            nonlocal calls
            calls += 1
            # A search text that folds to nothing ("⚽") is refused with 422 by design: a rule
            # the schema cannot express, so the "schema-valid data is accepted" check is off.
            # The client waits longer than the app's query timeout: a slow answer is an answer.
            case.call_and_validate(timeout=90, excluded_checks=[positive_data_acceptance])

        try:
            run()
        except Exception as exc:  # collect every operation's failure
            failures.append(f"{operation.label}: {str(exc)[:1500]}")
    assert not failures, "\n\n".join(failures)
    assert calls >= 5 * len(operations)
