"""The analytics the API serves: projections read once per graph version, algorithms on them."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graph.analytics import algorithms, projection, queries
from graph.analytics.algorithms import CommunityMethod, Metric
from graph.analytics.cache import VersionedView, current_view
from graph.analytics.resolution import TenureFact, load_tenures
from graph.domain import kind_of_labels
from graph.errors import InvalidRequestError, NotFoundError
from graph.models import (
    CoachingTree,
    CommunitiesPublic,
    Community,
    EntityRef,
    Hub,
    HubsPublic,
    SuccessionPublic,
    SuccessionStep,
    TreeEdge,
)
from graph.repository import Repository

# Edges listed per coaching tree, at most.
TREE_EDGES_CAP = 200
# Days between one coach's end and the next one's start beyond which a chain marks a gap.
GAP_DAYS = 31


async def _tenures(view: VersionedView) -> list[TenureFact]:
    return await view.get("tenures", load_tenures)


def _derived(view: VersionedView, name: str, make: Callable[[], Any]) -> Awaitable[Any]:
    """A value computed from cached projections, cached alongside them."""

    async def build(_: Repository) -> Any:
        # CPU-bound (betweenness, PageRank, modularity): off the event loop
        return await asyncio.to_thread(make)

    return view.get(name, build)


async def bipartite(view: VersionedView) -> nx.Graph:
    tenures = await _tenures(view)
    graph: nx.Graph = await _derived(view, "bipartite", lambda: projection.bipartite_graph(tenures))
    return graph


async def succession_graph(view: VersionedView) -> nx.DiGraph:
    tenures = await _tenures(view)
    graph: nx.DiGraph = await _derived(
        view, "succession", lambda: projection.succession_graph(tenures)
    )
    return graph


async def entity_graph(view: VersionedView) -> nx.Graph:
    async def build(repo: Repository) -> nx.Graph:
        nodes = await repo.read(queries.ENTITY_NODES)
        edges = await repo.read(queries.ENTITY_EDGES)
        return projection.entity_graph(nodes, edges)

    graph: nx.Graph = await view.get("entity_graph", build)
    return graph


async def influence_graph(view: VersionedView) -> nx.DiGraph:
    async def build(repo: Repository) -> nx.DiGraph:
        return projection.influence_graph(await repo.read(queries.INFLUENCES))

    graph: nx.DiGraph = await view.get("influence_graph", build)
    return graph


def _ref(graph: nx.Graph, node: str) -> EntityRef:
    data = graph.nodes[node]
    return EntityRef(id=node, name=data.get("name") or node, kind=data.get("kind") or "coach")


async def hubs(repo: Repository, kind: str, metric: Metric, limit: int) -> HubsPublic:
    """Coaches or teams of the coach–team graph by centrality, best first."""
    view = await current_view(repo)
    graph = await bipartite(view)
    side = projection.COACH if kind == "coach" else projection.TEAM
    ranked: list[algorithms.HubScore] = await _derived(
        view, f"hubs:{side}:{metric.value}", lambda: algorithms.hubs(graph, side, metric)
    )
    return HubsPublic(
        kind=kind,
        metric=metric.value,
        graph_version=view.key[0],
        approximate=algorithms.is_approximate(graph, metric),
        total=len(ranked),
        limit=limit,
        items=[
            Hub(entity=_ref(graph, h.node), score=round(h.score, 6), degree=h.degree)
            for h in ranked[:limit]
        ],
    )


async def communities(
    repo: Repository, method: CommunityMethod, min_size: int
) -> CommunitiesPublic:
    """Communities of teams that share coaches (modularity on the team projection)."""
    view = await current_view(repo)
    graph = await bipartite(view)
    projected: nx.Graph = await _derived(
        view, "team_projection", lambda: algorithms.team_projection(graph)
    )
    parts: list[set[str]] = await _derived(
        view, f"communities:{method.value}", lambda: algorithms.communities(projected, method)
    )
    items = []
    for i, part in enumerate(p for p in parts if len(p) >= min_size):
        coaches = sorted(
            {
                c
                for t in part
                for c in graph.neighbors(t)
                if sum(1 for x in graph.neighbors(c) if x in part) >= 2
            }
        )
        items.append(
            Community(
                id=i,
                size=len(part),
                teams=[_ref(graph, t) for t in sorted(part)],
                shared_coaches=[_ref(graph, c) for c in coaches],
            )
        )
    return CommunitiesPublic(
        method=method.value,
        graph_version=view.key[0],
        modularity=algorithms.modularity(projected, parts),
        total=len(items),
        items=items,
    )


def _coach_ref(t: TenureFact) -> EntityRef:
    return EntityRef(id=t.coach, name=t.coach_name or t.coach, kind=t.coach_kind)


def _gap(step: projection.ChainStep) -> bool:
    prev, start = step.predecessor, step.tenure.start_date
    if prev is None or prev.end_date is None or start is None:
        return False
    return (start - prev.end_date).days > GAP_DAYS


async def succession(repo: Repository, team_id: str, depth: int) -> SuccessionPublic:
    """Who replaced whom at a team, and the coaching trees growing from its coaches.

    Raises:
        NotFoundError: no team has this id.
    """
    rows = await repo.read(queries.TEAM, id=team_id)
    if not rows:
        raise NotFoundError("team", team_id)
    team = EntityRef(
        id=rows[0]["id"],
        name=rows[0]["name"] or team_id,
        kind=kind_of_labels(rows[0]["labels"], rows[0]["kind"]),
    )
    view = await current_view(repo)
    tenures = await _tenures(view)
    chains: dict[str, list[projection.ChainStep]] = await _derived(
        view, "chains", lambda: projection.succession_chains(tenures)
    )
    graph = await succession_graph(view)
    chain = chains.get(team_id, [])
    steps = [
        SuccessionStep(
            tenure_id=s.tenure.id,
            coach=_coach_ref(s.tenure),
            role=s.tenure.role,
            start=s.tenure.start,
            end=s.tenure.end,
            predecessor=_coach_ref(s.predecessor) if s.predecessor else None,
            successor=_coach_ref(s.successor) if s.successor else None,
            gap=_gap(s),
        )
        for s in chain
    ]
    trees = []
    for root in dict.fromkeys(s.tenure.coach for s in chain):
        edges = algorithms.coaching_tree(graph, root, depth)
        teams = {at["team"] for _, _, at, _ in edges}
        if len(teams) < 2:
            continue
        trees.append(
            CoachingTree(
                root=_ref(graph, root),
                teams=len(teams),
                edges=[
                    TreeEdge(
                        predecessor=_ref(graph, a),
                        successor=_ref(graph, b),
                        team=EntityRef(id=at["team"], name=at["team_name"], kind=at["team_kind"]),
                        date=at["date"],
                        depth=level,
                    )
                    for a, b, at, level in edges[:TREE_EDGES_CAP]
                ],
            )
        )
    return SuccessionPublic(team=team, total=len(steps), chain=steps, depth=depth, trees=trees)


@dataclass(frozen=True)
class SimplePath:
    """A path of the entity graph: nodes in queries._NODE's shape, one relationship per hop
    as {type, start, end, properties} (the contract's path shape)."""

    length: int
    nodes: list[dict[str, Any]]
    relationships: list[dict[str, Any]]


async def k_shortest_paths(repo: Repository, source: str, target: str, k: int) -> list[SimplePath]:
    """The k shortest simple paths between two entities (people, teams, outlets, moves).

    Runs networkx's shortest_simple_paths on the entity graph (cached per graph version).
    Returns fewer than k paths when fewer exist, none when an end is not in the entity graph.

    Raises:
        InvalidRequestError: k outside 1..10, or source == target.
    """
    view = await current_view(repo)
    graph = await entity_graph(view)
    try:
        paths = await asyncio.to_thread(algorithms.k_shortest_paths, graph, source, target, k)
    except ValueError as exc:
        raise InvalidRequestError(str(exc)) from exc
    return [
        SimplePath(
            length=len(p) - 1,
            nodes=[dict(graph.nodes[n]["node"]) for n in p],
            relationships=algorithms.path_relationships(graph, p),
        )
        for p in paths
    ]
