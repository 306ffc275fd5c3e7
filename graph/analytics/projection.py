"""networkx projections of the graph Neo4j holds, built from query records (no database here).

- `bipartite_graph`: coaches and teams, an edge per coach–team pair with the tenures behind it;
- `succession_graph`: coach → coach who replaced him in charge of a team (edge lists the teams);
- `influence_graph`: person → the coach of a move he pushed for or against;
- `entity_graph`: people, teams, outlets and moves with the relationships between them (the
  graph k-shortest-paths runs on).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graph.analytics.resolution import TenureFact
from graph.domain import IN_CHARGE
from graph.schema import INTERNAL_PROPERTIES

COACH = "coach"
TEAM = "team"


def bipartite_graph(tenures: Iterable[TenureFact]) -> nx.Graph:
    """Coach–team graph: node attrs `side` (coach|team), `name`, `kind`; edge attr `tenures`."""
    graph = nx.Graph()
    for t in tenures:
        graph.add_node(t.coach, side=COACH, name=t.coach_name or t.coach, kind=t.coach_kind)
        graph.add_node(t.team, side=TEAM, name=t.team_name or t.team, kind=t.team_kind)
        if graph.has_edge(t.coach, t.team):
            graph.edges[t.coach, t.team]["tenures"].append(t.id)
        else:
            graph.add_edge(t.coach, t.team, tenures=[t.id])
    return graph


@dataclass(frozen=True)
class ChainStep:
    """One tenure in charge of a team, with the coaches before and after it."""

    tenure: TenureFact
    predecessor: TenureFact | None
    successor: TenureFact | None


def _chain_order(t: TenureFact) -> tuple[Any, ...]:
    return (t.start_date, t.id)


def succession_chains(tenures: Iterable[TenureFact]) -> dict[str, list[ChainStep]]:
    """Per team: head and caretaker tenures by start (then id), each with its neighbours."""
    by_team: dict[str, list[TenureFact]] = defaultdict(list)
    for t in tenures:
        if t.role in IN_CHARGE and t.start_date is not None:
            by_team[t.team].append(t)
    chains: dict[str, list[ChainStep]] = {}
    for team, items in by_team.items():
        items.sort(key=_chain_order)
        chains[team] = [
            ChainStep(
                tenure=t,
                predecessor=items[i - 1] if i > 0 else None,
                successor=items[i + 1] if i + 1 < len(items) else None,
            )
            for i, t in enumerate(items)
        ]
    return chains


def succession_graph(tenures: Iterable[TenureFact]) -> nx.DiGraph:
    """Coach → the coach who next took charge of the same team (self-successions dropped).

    Node attrs `name`, `kind`; edge attr `at`: list of {team, team_name, team_kind, date,
    from_tenure, to_tenure}, one per team where it happened.
    """
    graph = nx.DiGraph()
    for chain in succession_chains(tenures).values():
        for step in chain:
            t = step.tenure
            graph.add_node(t.coach, name=t.coach_name or t.coach, kind=t.coach_kind)
            prev = step.predecessor
            if prev is None or prev.coach == t.coach:
                continue
            at = {
                "team": t.team,
                "team_name": t.team_name or t.team,
                "team_kind": t.team_kind,
                "date": t.start,
                "from_tenure": prev.id,
                "to_tenure": t.id,
            }
            if graph.has_edge(prev.coach, t.coach):
                graph.edges[prev.coach, t.coach]["at"].append(at)
            else:
                graph.add_edge(prev.coach, t.coach, at=[at])
    return graph


def influence_graph(records: Iterable[Mapping[str, Any]]) -> nx.DiGraph:
    """Person → coach of a move he influenced; edge attr `moves`: [{move, team, polarity, how}].

    Records are queries.INFLUENCES rows (person, person_name, move, coach, team, polarity, how).
    """
    graph = nx.DiGraph()
    for r in records:
        person, coach = r["person"], r["coach"]
        graph.add_node(person, name=r.get("person_name") or person)
        graph.add_node(coach)
        item = {k: r.get(k) for k in ("move", "team", "polarity", "how")}
        if graph.has_edge(person, coach):
            graph.edges[person, coach]["moves"].append(item)
        else:
            graph.add_edge(person, coach, moves=[item])
    return graph


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return str(value)


def entity_graph(
    nodes: Iterable[Mapping[str, Any]], edges: Iterable[Mapping[str, Any]]
) -> nx.Graph:
    """Undirected simple graph of entities; parallel relationships share one edge.

    `nodes` are queries.ENTITY_NODES rows (stored whole as the node's `node` attribute, in the
    shape of queries._NODE); `edges` are queries.ENTITY_EDGES rows (type, source, target,
    props). Edge attr `relationships`: [{type, start, end, properties}] in record order.
    """
    graph = nx.Graph()
    for n in nodes:
        graph.add_node(n["id"], node=dict(n))
    for e in edges:
        a, b = e["source"], e["target"]
        if a not in graph or b not in graph or a == b:
            continue
        rel = {
            "type": e["type"],
            "start": a,
            "end": b,
            "properties": {
                k: _plain(v)
                for k, v in sorted((e.get("props") or {}).items())
                if k not in INTERNAL_PROPERTIES
            },
        }
        if graph.has_edge(a, b):
            graph.edges[a, b]["relationships"].append(rel)
        else:
            graph.add_edge(a, b, relationships=[rel])
    return graph
