"""Every read query of the API, by name. Values always travel as $parameters."""

from __future__ import annotations

from typing import LiteralString

HEALTH: LiteralString = """
CALL dbms.components() YIELD name, versions, edition
OPTIONAL MATCH (m:Meta {id: 'graph'})
RETURN versions[0] AS version, edition, m.version AS graph_version
"""
