"""Shortest connections between two entities, over entity-level relationships."""

from __future__ import annotations

from typing import Any

from graph import queries
from graph.analytics.algorithms import MAX_K
from graph.analytics.service import k_shortest_paths
from graph.errors import InvalidRequestError, NotFoundError
from graph.models import PathPublic, PathRelationship, PathsPublic
from graph.reads.common import entity, public_properties, resolve
from graph.repository import Repository

MAX_HOPS = max(queries.PATHS_BY_HOPS)  # one statement per bound in queries.PATHS_BY_HOPS


def _path(length: int, nodes: list[dict[str, Any]], rels: list[dict[str, Any]]) -> PathPublic:
    return PathPublic(
        length=length,
        nodes=[entity(n) for n in nodes],
        relationships=[
            PathRelationship(
                type=r["type"],
                start=r["start"],
                end=r["end"],
                properties=public_properties(r["properties"]),
            )
            for r in rels
        ],
    )


def _check(from_id: str, to_id: str, max_hops: int) -> None:
    if from_id == to_id:
        raise InvalidRequestError("`from` and `to` are the same entity; a path needs two")
    if not 1 <= max_hops <= MAX_HOPS:
        raise InvalidRequestError(f"max_hops must be between 1 and {MAX_HOPS}")


async def shortest_paths(
    repo: Repository, from_id: str, to_id: str, max_hops: int, limit: int
) -> PathsPublic:
    """All shortest paths (up to `limit`) of at most `max_hops` between two entities.

    Raises:
        NotFoundError: either id is unknown.
        InvalidRequestError: both ids are the same, or max_hops is outside 1..8.
        QueryTooExpensiveError: the search ran past the query time limit.
    """
    _check(from_id, to_id, max_hops)
    rows = await repo.read(
        queries.PATHS_BY_HOPS[max_hops],
        narrowable=True,  # max_hops sets its cost
        source=from_id,
        target=to_id,
        limit=limit,
    )
    row = rows[0]
    if row["from_node"] is None:
        raise NotFoundError("entity", from_id)
    if row["to_node"] is None:
        raise NotFoundError("entity", to_id)
    paths = [_path(p["length"], p["nodes"], p["relationships"]) for p in row["paths"]]
    paths.sort(
        key=lambda p: (
            [n.id for n in p.nodes],
            [(r.type, r.start, r.end, repr(r.properties)) for r in p.relationships],
        )
    )
    return PathsPublic(
        from_=entity(row["from_node"]), to=entity(row["to_node"]), max_hops=max_hops, paths=paths
    )


async def k_simple_paths(
    repo: Repository, from_id: str, to_id: str, k: int, max_hops: int
) -> PathsPublic:
    """The k shortest simple paths (Yen's algorithm on the cached networkx entity graph) of at
    most `max_hops`, fewest hops first. Parallel relationships (two spells at one club) are one
    hop, shown once with a `parallel` count; sources are not part of that graph.

    Raises:
        NotFoundError: either id is unknown.
        InvalidRequestError: both ids are the same, k is outside 1..10 or max_hops outside 1..8.
    """
    if not 1 <= k <= MAX_K:
        raise InvalidRequestError(f"k must be between 1 and {MAX_K}")
    _check(from_id, to_id, max_hops)
    (_, from_ref), (_, to_ref) = await resolve(repo, from_id), await resolve(repo, to_id)
    found = await k_shortest_paths(repo, from_ref.id, to_ref.id, k)
    paths = [_path(p.length, p.nodes, p.relationships) for p in found if p.length <= max_hops]
    return PathsPublic(from_=from_ref, to=to_ref, max_hops=max_hops, k=k, paths=paths)
