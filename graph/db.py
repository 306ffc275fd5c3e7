"""Opening drivers to the configured Neo4j (local server, a remote one, or Aura)."""

from __future__ import annotations

from neo4j import (
    AsyncDriver,
    AsyncGraphDatabase,
    Driver,
    GraphDatabase,
    NotificationDisabledClassification,
)

from graph.settings import Neo4jSettings, get_neo4j_settings

# A statement may read a property that a graph does not hold yet (a claim's rank before the
# first settlement, a tenure's observed span before any observation): that is expected, not a
# warning worth printing on every load.
_QUIET = [NotificationDisabledClassification.UNRECOGNIZED]


def _auth(settings: Neo4jSettings) -> tuple[str, str]:
    return (settings.neo4j_user, settings.password())


def open_driver(settings: Neo4jSettings | None = None) -> Driver:
    """A synchronous driver (CLI, loader). `neo4j+s://` URIs route to a cluster unchanged."""
    s = settings or get_neo4j_settings()
    return GraphDatabase.driver(
        s.neo4j_uri,
        auth=_auth(s),
        connection_acquisition_timeout=30,
        max_connection_lifetime=600,
        max_transaction_retry_time=10,
        notifications_min_severity="WARNING",
        notifications_disabled_classifications=_QUIET,
    )


def open_async_driver(settings: Neo4jSettings | None = None) -> AsyncDriver:
    """The API's driver: one per process, opened in the app's lifespan."""
    s = settings or get_neo4j_settings()
    return AsyncGraphDatabase.driver(
        s.neo4j_uri,
        auth=_auth(s),
        connection_acquisition_timeout=5,
        connection_timeout=3,
        max_connection_pool_size=64,
        # No retries with pauses: the repository tries a failed connection once more at once,
        # then fails fast while Neo4j is unreachable (graph/availability.py).
        max_transaction_retry_time=0,
        notifications_min_severity="WARNING",
        notifications_disabled_classifications=_QUIET,
    )
