"""Global graph analytics: the graph Neo4j holds, projected into networkx and cached per version.

`queries` holds the Cypher, `projection` builds networkx graphs from query records,
`algorithms` the pure functions over them, `cache` the per-version cache, `service` the thin
layer the API calls. See docs/analytics.md.
"""
