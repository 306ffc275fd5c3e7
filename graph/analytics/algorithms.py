"""Pure graph algorithms over the networkx projections: no database, no I/O."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from itertools import islice, pairwise
from typing import Any

import networkx as nx
from networkx.algorithms import community as nx_community

from graph.analytics.projection import TEAM

MAX_K = 10
COMMUNITY_SEED = 42
# Exact betweenness is O(nm): above this many nodes it is estimated from a seeded sample of
# BETWEENNESS_SAMPLE source nodes (networkx's `k`), so a synthetic "L" graph stays tractable.
BETWEENNESS_EXACT_MAX = 5000
BETWEENNESS_SAMPLE = 100
Z_95 = 1.959963984540054


class Metric(StrEnum):
    degree = "degree"
    betweenness = "betweenness"
    pagerank = "pagerank"


class CommunityMethod(StrEnum):
    greedy = "greedy"
    louvain = "louvain"


def pagerank(graph: nx.Graph, alpha: float = 0.85) -> dict[Hashable, float]:
    """PageRank of every node: networkx's (on scipy).

    Undirected edges count both ways; edge weights are ignored; a node without out-edges
    spreads its rank evenly over all nodes. Iterated to a tolerance of 1e-12 rather than
    networkx's default 1e-6, so that scores, and the order of near ties, do not move with the
    starting point; the error shrinks by `alpha` each round, so 500 rounds always get there
    (networkx raises if they did not).
    """
    return dict(nx.pagerank(graph, alpha=alpha, max_iter=500, tol=1e-12, weight=None))


def centrality(graph: nx.Graph, metric: Metric) -> dict[Hashable, float]:
    """Degree centrality (degree / (n-1)), normalised betweenness, or PageRank of every node."""
    if metric is Metric.degree:
        return dict(nx.degree_centrality(graph))
    if metric is Metric.betweenness:
        if is_approximate(graph, metric):
            return dict(
                nx.betweenness_centrality(
                    graph, k=BETWEENNESS_SAMPLE, normalized=True, seed=COMMUNITY_SEED
                )
            )
        return dict(nx.betweenness_centrality(graph, normalized=True))
    return pagerank(graph)


def is_approximate(graph: nx.Graph, metric: Metric) -> bool:
    """Whether `centrality(graph, metric)` is estimated from a sample."""
    return metric is Metric.betweenness and graph.number_of_nodes() > BETWEENNESS_EXACT_MAX


@dataclass(frozen=True)
class HubScore:
    node: str
    score: float
    degree: int


def hubs(graph: nx.Graph, side: str, metric: Metric) -> list[HubScore]:
    """Nodes of one side (`coach`/`team`) of the bipartite graph, best score first (then id)."""
    scores = centrality(graph, metric)
    items = [
        HubScore(node=str(n), score=float(scores.get(n, 0.0)), degree=int(graph.degree(n)))
        for n, data in graph.nodes(data=True)
        if data.get("side") == side
    ]
    items.sort(key=lambda h: (-h.score, -h.degree, h.node))
    return items


def k_shortest_paths(graph: nx.Graph, source: str, target: str, k: int) -> list[list[str]]:
    """Up to `k` shortest simple paths (node lists, fewest hops first; Yen's algorithm).

    Empty when either end is missing or they are not connected.

    Raises:
        ValueError: k outside 1..MAX_K, or source == target.
    """
    if not 1 <= k <= MAX_K:
        raise ValueError(f"k must be between 1 and {MAX_K}, not {k}")
    if source == target:
        raise ValueError("a path needs two different entities")
    if source not in graph or target not in graph:
        return []
    paths: Iterator[list[str]] = nx.shortest_simple_paths(graph, source, target)
    try:
        return [list(p) for p in islice(paths, k)]
    except nx.NetworkXNoPath:
        return []


def path_relationships(graph: nx.Graph, path: list[str]) -> list[dict[str, Any]]:
    """One relationship per hop of `path` (the first of parallel ones, with `parallel` count)."""
    out = []
    for a, b in pairwise(path):
        rels = graph.edges[a, b]["relationships"]
        first = dict(rels[0])
        if len(rels) > 1:
            first["properties"] = {**first["properties"], "parallel": len(rels)}
        out.append(first)
    return out


def coaching_tree(
    succession: nx.DiGraph, root: str, depth: int
) -> list[tuple[str, str, dict[str, Any], int]]:
    """Successions from `root` outwards: (predecessor, successor, at, depth) breadth first.

    `at` is one item of the edge's `at` list (a succession at one team); a coach already in
    the tree is not expanded again, so cycles end.
    """
    if root not in succession:
        return []
    seen = {root}
    queue: deque[tuple[str, int]] = deque([(root, 1)])
    out: list[tuple[str, str, dict[str, Any], int]] = []
    while queue:
        node, level = queue.popleft()
        if level > depth:
            continue
        for succ in sorted(succession.successors(node)):
            for at in succession.edges[node, succ]["at"]:
                out.append((node, succ, at, level))
            if succ not in seen:
                seen.add(succ)
                queue.append((succ, level + 1))
    return out


def team_projection(bipartite: nx.Graph) -> nx.Graph:
    """Teams linked by the coaches they share; edge `weight` = number of shared coaches."""
    teams = [n for n, d in bipartite.nodes(data=True) if d.get("side") == TEAM]
    projected: nx.Graph = nx.bipartite.weighted_projected_graph(bipartite, teams)
    for n in projected:
        projected.nodes[n].update(bipartite.nodes[n])
    return projected


def communities(
    projected: nx.Graph,
    method: CommunityMethod = CommunityMethod.greedy,
    seed: int = COMMUNITY_SEED,
) -> list[set[str]]:
    """Communities of the team projection (weighted), largest first, then by smallest id."""
    if projected.number_of_edges() == 0:
        return [{str(n)} for n in sorted(projected)]
    if method is CommunityMethod.louvain:
        found = nx_community.louvain_communities(projected, weight="weight", seed=seed)
    else:
        found = nx_community.greedy_modularity_communities(projected, weight="weight")
    parts = [{str(n) for n in c} for c in found]
    parts.sort(key=lambda c: (-len(c), min(c)))
    return parts


def modularity(projected: nx.Graph, parts: list[set[str]]) -> float | None:
    if projected.number_of_edges() == 0:
        return None
    return float(nx_community.modularity(projected, parts, weight="weight"))


def wilson_interval(successes: int, trials: int, z: float = Z_95) -> tuple[float, float] | None:
    """Wilson score interval of successes/trials (None without trials)."""
    if trials <= 0:
        return None
    p = successes / trials
    denom = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denom
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)
