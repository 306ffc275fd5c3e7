"""One module per resource; each declares its endpoints in a `Routes` named `routes`.

Adding an endpoint: write it in its resource's module (or a new module), and, for a new module,
add it to RESOURCES. app.main installs them in this order.
"""

from app.routes import (
    analytics,
    articles,
    coaches,
    disputes,
    health,
    moves,
    outlets,
    paths,
    search,
    stats,
    subgraph,
    succession,
    teams,
)
from app.routing import Routes

RESOURCES: tuple[Routes, ...] = (
    health.routes,
    search.routes,
    coaches.routes,
    teams.routes,
    moves.routes,
    paths.routes,
    subgraph.routes,
    disputes.routes,
    outlets.routes,
    analytics.routes,
    succession.routes,
    articles.routes,
    stats.routes,
)
