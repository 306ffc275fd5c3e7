"""A bounded neighbourhood of one entity for the graph page: `{nodes, edges, truncated}`.

Tenures become COACHED edges labelled with their years; moves are nodes. The neighbourhood grows
one hop per query from the centre until `depth` or the node limit.
"""

from __future__ import annotations

from typing import Any

from graph import queries
from graph.models import GraphEdge, GraphNode, GraphPublic
from graph.reads.common import entity, resolve_node
from graph.repository import Repository

EDGE_CAP_PER_NODE = 8


def _years(start: str | None, end: str | None) -> str:
    """ "2013–2015", "2025–" (ongoing), "2014" (within one year)."""
    first = (start or "?")[:4]
    if end is None:
        return f"{first}–"
    last = end[:4]
    return first if first == last else f"{first}–{last}"


def _node(row: dict[str, Any]) -> GraphNode:
    ref = entity(row)
    labels: list[str] = row.get("labels") or []
    move = "Move" in labels
    return GraphNode(
        **ref.model_dump(),
        labels=labels,
        status=row.get("status") if move else None,
        date=row.get("date") if "Source" in labels else None,
        first_reported=row.get("first_reported") if move else None,
        last_reported=row.get("last_reported") if move else None,
    )


def _edge(row: dict[str, Any]) -> GraphEdge:
    kind, props = row["type"], row["props"]
    source, target = row["source"], row["target"]
    key = props.get("tenure") or props.get("id") or props.get("source") or props.get("outlet")
    edge_id = f"{kind.lower()}:{source}:{target}" + (f":{key}" if key else "")
    start, end = props.get("start"), props.get("end")
    label: str
    match kind:
        case "COACHED":
            label = _years(start, end)
            if props.get("role") not in (None, "head"):
                label += f" ({props['role']})"
        case "HELD_ROLE":
            label = f"{props.get('role', 'role')} {_years(start, end)}"
        case "INFLUENCED":
            label = " · ".join(x for x in (props.get("polarity"), props.get("how")) if x)
        case "REPORTED_IN" | "REPORTED":
            label = " ".join(x for x in (props.get("status"), props.get("date")) if x)
        case "MOVE_OF":
            label = "move of"
        case "FROM_TEAM":
            label = "from"
        case _:
            label = "to"
    return GraphEdge(
        id=edge_id,
        source=source,
        target=target,
        type=kind,
        label=label,
        role=props.get("role"),
        start=start,
        end=end,
        tenure=props.get("tenure"),
        status=props.get("status") or row.get("move_status"),
        polarity=props.get("polarity"),
        how=props.get("how"),
    )


async def neighbourhood(repo: Repository, center_id: str, depth: int, limit: int) -> GraphPublic:
    """Nodes within `depth` hops of the centre (at most `limit`) and the edges among them.

    Raises:
        NotFoundError: no entity has this id.
    """
    center_eid, center = await resolve_node(repo, center_id)
    nodes: dict[str, dict[str, Any]] = {center_eid: center}
    frontier = [center_eid]
    truncated = False
    for _hop in range(depth):
        room = limit - len(nodes)
        if room <= 0 or not frontier:
            truncated = truncated or (room <= 0 and bool(frontier))
            break
        rows = await repo.read(
            queries.GRAPH_NEIGHBOURS,
            narrowable=True,  # depth and limit set its cost
            frontier=frontier,
            seen=list(nodes),
            cap=room + 1,
        )
        if len(rows) > room:
            truncated = True
            rows = rows[:room]
        frontier = [r["eid"] for r in rows]
        nodes.update((r["eid"], r["node"]) for r in rows)
    edges = await repo.read(
        queries.GRAPH_EDGES,
        narrowable=True,
        eids=list(nodes),
        cap=EDGE_CAP_PER_NODE * len(nodes),
    )
    graph_nodes = [_node(n) for n in nodes.values()]
    return GraphPublic(
        center=_node(nodes[center_eid]),
        depth=depth,
        limit=limit,
        nodes=graph_nodes,
        edges=[_edge(e) for e in edges],
        truncated=truncated,
    )
