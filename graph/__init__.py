"""coachgraph's database side: the Neo4j server, schema, Cypher, loader and analytics."""
