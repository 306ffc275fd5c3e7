"""The Neo4j Community server, provisioned from Maven Central and run without Docker."""

from graph.server import backup
from graph.server.local import LocalServer, ServerError, local_server

__all__ = ["LocalServer", "ServerError", "backup", "local_server"]
