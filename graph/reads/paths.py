"""Shortest connections between two entities, over entity-level relationships."""

from __future__ import annotations

from graph import queries
from graph.errors import InvalidRequestError
from graph.reads.common import entity, public_properties, resolve
from graph.reads.models import PathPublic, PathRelationship, PathsPublic
from graph.repository import Repository

MAX_HOPS = 8  # the bound written into queries.PATHS


async def shortest_paths(
    repo: Repository, from_id: str, to_id: str, max_hops: int, limit: int
) -> PathsPublic:
    """All shortest paths (up to `limit`) of at most `max_hops` between two entities.

    Raises:
        NotFoundError: either id is unknown.
        InvalidRequestError: both ids are the same, or max_hops is outside 1..8.
        QueryTooExpensiveError: the search ran past the query time limit.
    """
    if from_id == to_id:
        raise InvalidRequestError("`from` and `to` are the same entity; a path needs two")
    if not 1 <= max_hops <= MAX_HOPS:
        raise InvalidRequestError(f"max_hops must be between 1 and {MAX_HOPS}")
    from_eid, from_ref = await resolve(repo, from_id)
    to_eid, to_ref = await resolve(repo, to_id)
    rows = await repo.read(
        queries.PATHS, source=from_eid, target=to_eid, max_hops=max_hops, limit=limit
    )
    paths = [
        PathPublic(
            length=row["length"],
            nodes=[entity(n) for n in row["nodes"]],
            relationships=[
                PathRelationship(
                    type=r["type"],
                    start=r["start"],
                    end=r["end"],
                    properties=public_properties(r["properties"]),
                )
                for r in row["relationships"]
            ],
        )
        for row in rows
    ]
    paths.sort(
        key=lambda p: (
            [n.id for n in p.nodes],
            [(r.type, r.start, r.end, repr(r.properties)) for r in p.relationships],
        )
    )
    return PathsPublic(from_=from_ref, to=to_ref, max_hops=max_hops, paths=paths)
