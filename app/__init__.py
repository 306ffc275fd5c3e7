"""coachgraph's HTTP service: the FastAPI app, its routes and the graph page."""
