"""Query plans (PROFILE) of the hot queries, and a pyinstrument profile of one endpoint."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

from neo4j import Driver

from benchmarks.workload import COALESCED, Workload, coalesced_params
from graph import queries
from graph.reads.search import fulltext_query

START, END = "<!-- generated:start -->", "<!-- generated:end -->"
# Requests per coalesced statement in the profiled plans (graph/coalesce.py).
BATCH = 8


def _hot(driver: Driver, work: Workload) -> dict[str, tuple[Any, dict[str, Any]]]:
    """Each endpoint's main query with its first sampled parameters."""

    def eid(ident: str) -> str:
        records, _, _ = driver.execute_query(queries.ENTITY_BY_ID, id=ident, routing_="r")
        return str(records[0]["eid"])

    hot: dict[str, tuple[Any, dict[str, Any]]] = {}
    p = work.params

    coalesced = (
        ("career", "COACH_CAREER"),
        ("influencers", "MOVE_INFLUENCERS"),
        ("team-at-date", "TEAM_TENURES"),
    )
    for endpoint, name in coalesced:
        if p.get(endpoint):
            hot[f"{name} ({endpoint}, a batch of {BATCH})"] = (
                COALESCED[endpoint][0],
                coalesced_params(endpoint, p[endpoint][:BATCH]),
            )
    if p.get("search"):
        key = p["search"][0]["key"]
        hot["SEARCH (search)"] = (
            queries.SEARCH,
            {
                "key": key,
                "fulltext": fulltext_query(key),
                "labels": None,
                "limit": 20,
                "offset": 0,
            },
        )
    for hops in (4, 6):
        pairs = p.get(f"paths-{hops}")
        if pairs:
            hot[f"PATHS_{hops} (paths, max_hops {hops})"] = (
                queries.PATHS_BY_HOPS[hops],
                {"source": pairs[0]["from"], "target": pairs[0]["to"], "limit": 10},
            )
    if p.get("graph"):
        center = eid(p["graph"][0]["id"])
        hot["GRAPH_NEIGHBOURS (graph)"] = (
            queries.GRAPH_NEIGHBOURS,
            {"frontier": [center], "seen": [center], "cap": 150},
        )
        records, _, _ = driver.execute_query(
            queries.GRAPH_NEIGHBOURS, frontier=[center], seen=[center], cap=150, routing_="r"
        )
        eids = [center, *(r["eid"] for r in records[:149])]
        edges = {"eids": eids, "cap": 8 * len(eids)}
        hot["GRAPH_EDGES (graph)"] = (queries.GRAPH_EDGES, edges)
        hot["proposed GRAPH_EDGES, anchored on the chosen nodes"] = (GRAPH_EDGES_ANCHORED, edges)
    return hot


# The fix proposed for queries.GRAPH_EDGES (docs/performance.md): expand from each chosen node
# instead of scanning every relationship of eight types and filtering both ends.
GRAPH_EDGES_ANCHORED = """
UNWIND $eids AS eid
MATCH (a) WHERE elementId(a) = eid
MATCH (a)-[r:COACHED|MOVE_OF|FROM_TEAM|TO_TEAM|INFLUENCED|HELD_ROLE|REPORTED_IN|REPORTED]->(b)
WHERE elementId(b) IN $eids
WITH a, r, b ORDER BY type(r), a.id, b.id, elementId(r)
LIMIT $cap
RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props,
       CASE WHEN type(r) IN ['MOVE_OF', 'FROM_TEAM', 'TO_TEAM'] THEN a.status END AS move_status
"""


def _render(plan: Any, depth: int = 0) -> list[str]:
    args = plan.get("args", {}) if isinstance(plan, dict) else {}
    details = re.sub(r"\s+", " ", str(args.get("Details", "")))[:120]
    line = (
        f"{'  ' * depth}{plan['operatorType'].split('@')[0]:<{max(1, 34 - 2 * depth)}} "
        f"rows={plan.get('rows', '?'):<6} hits={plan.get('dbHits', '?'):<7} {details}"
    )
    out = [line.rstrip()]
    for child in plan.get("children", []):
        out += _render(child, depth + 1)
    return out


def profile_plans(driver: Driver, work: Workload) -> str:
    """Markdown: each hot query's PROFILE plan (run twice; the second, warm one is shown)."""
    parts = []
    for name, (query, params) in _hot(driver, work).items():
        for _ in range(2):
            with driver.session(database="neo4j", default_access_mode="READ") as session:
                summary = session.run("PROFILE " + query, params).consume()
        ms = (summary.result_available_after or 0) + (summary.result_consumed_after or 0)
        plan = summary.profile or {}
        hits = _total_hits(plan)
        parts.append(
            f"### {name}\n\n{ms} ms, {hits} db hits; parameters "
            f"`{ {k: v for k, v in params.items() if k not in ('fulltext',)} }`\n\n```\n"
            + "\n".join(_render(plan))
            + "\n```\n"
        )
    return "\n".join(parts)


def _total_hits(plan: Any) -> int:
    return int(plan.get("dbHits", 0)) + sum(_total_hits(c) for c in plan.get("children", []))


def profile_endpoint(settings: Any, paths: list[str], requests: int = 200) -> str:
    """pyinstrument's text profile of `requests` sequential API calls, in process."""
    import httpx
    from pyinstrument import Profiler

    from app.main import create_app

    app = create_app(settings)

    async def run() -> Profiler:
        transport = httpx.ASGITransport(app=app)
        async with (
            app.router.lifespan_context(app),
            httpx.AsyncClient(transport=transport, base_url="http://bench") as client,
        ):
            for path in paths[:20]:  # warm-up
                (await client.get(path)).raise_for_status()
            profiler = Profiler(async_mode="enabled", interval=0.0005)
            profiler.start()
            for i in range(requests):
                (await client.get(paths[i % len(paths)])).raise_for_status()
            profiler.stop()
            return profiler

    profiler = asyncio.run(run())
    return str(profiler.output_text(unicode=True, color=False, show_all=False))


def write_section(doc: Path, text: str) -> None:
    """Replace the generated part of `doc` (between the markers), keeping the rest."""
    old = doc.read_text(encoding="utf-8") if doc.exists() else f"{START}\n{END}\n"
    if START not in old:
        old += f"\n{START}\n{END}\n"
    head, rest = old.split(START, 1)
    tail = rest.split(END, 1)[1] if END in rest else ""
    doc.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")
