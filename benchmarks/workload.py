"""The requests a benchmark sends: ids sampled from the loaded graph (seeded, so repeatable).

Each endpoint has a list of API paths (for the HTTP load generator) and the same requests as
Cypher calls (for the bare-driver floor): the statements of graph/queries.py, with the
parameters the API's read functions pass.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

from neo4j import Driver

from graph import queries
from graph.domain.names import fold
from graph.reads.careers import TIMELINE_CAP
from graph.reads.search import fulltext_query

ENDPOINTS = ("career", "influencers", "team-at-date", "search", "paths-4", "paths-6", "graph")
SAMPLE = 200
# The skewed workload for the response cache: this many requests over every id of the graph,
# the i-th most requested id (in a random order) drawn with weight 1 / i ** ZIPF_S.
SKEWED = 20_000
ZIPF_S = 1.0


@dataclass
class Workload:
    """Per endpoint: API paths and, index for index, the same request's parameters."""

    paths: dict[str, list[str]] = field(default_factory=dict)
    params: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # API paths only (the response cache is what they measure): popular ids often, most rarely
    skewed: dict[str, list[str]] = field(default_factory=dict)

    def add(self, endpoint: str, path: str, params: dict[str, Any]) -> None:
        self.paths.setdefault(endpoint, []).append(path)
        self.params.setdefault(endpoint, []).append(params)


def _skewed(rng: random.Random, population: list[Any], n: int) -> list[Any]:
    """`n` draws from `population`, Zipf-like: popularity in a random order, weight 1 / rank**s."""
    order = list(population)
    rng.shuffle(order)
    weights = [1 / rank**ZIPF_S for rank in range(1, len(order) + 1)]
    return rng.choices(order, weights=weights, k=n)


def _day_into(start: Any) -> str:
    """A day 20 days into a spell that starts on `start` (a neo4j Date)."""
    return str((start.to_native() + timedelta(days=20)).isoformat())


def _ids(driver: Driver, query: str) -> list[Any]:
    records, _, _ = driver.execute_query(query, routing_="r")
    return [r[0] for r in records]


def sample(driver: Driver, seed: int = 1, n: int = SAMPLE) -> Workload:
    """Requests for every endpoint, from the graph `driver` reaches."""
    rng = random.Random(seed)  # noqa: S311 - a sample, not a secret
    coaches = sorted(_ids(driver, "MATCH (p:Coach) WHERE EXISTS { (p)-[:HELD]->() } RETURN p.id"))
    moves = sorted(
        _ids(driver, "MATCH (m:Move) WHERE EXISTS { ()-[:INFLUENCED]->(m) } RETURN m.id")
    )
    spells = _ids(
        driver,
        "MATCH (t:Tenure) WHERE t.role IN ['head', 'caretaker'] AND t.start_date IS NOT NULL "
        "RETURN [t.team, t.start_date] ORDER BY t.id",
    )
    names = sorted(_ids(driver, "MATCH (n:Person|Team) RETURN n.name"))
    work = Workload()
    for coach in rng.sample(coaches, min(n, len(coaches))):
        work.add("career", f"/coaches/{coach}/career", {"id": coach})
        work.add("graph", f"/graph?{urlencode({'center': coach})}", {"id": coach})
    for move in rng.sample(moves, min(n, len(moves))):
        work.add("influencers", f"/moves/{move}/influencers", {"id": move})
    for team, start in rng.sample(spells, min(n, len(spells))):
        day = _day_into(start)
        path = f"/teams/{team}/coaches?{urlencode({'at': day})}"
        work.add("team-at-date", path, {"id": team, "at": day})
    for name in rng.sample(names, min(n, len(names))):
        word = rng.choice(name.split())
        term = word if rng.random() < 0.5 else word[: max(3, len(word) - 2)]
        key = fold(term)
        if key:
            work.add("search", f"/search?{urlencode({'q': term})}", {"key": key})
    skew = random.Random(seed + 1)  # noqa: S311 - a sample, not a secret
    if coaches:
        picks = _skewed(skew, coaches, SKEWED)
        work.skewed["career"] = [f"/coaches/{c}/career" for c in picks]
    if moves:
        picks = _skewed(skew, moves, SKEWED)
        work.skewed["influencers"] = [f"/moves/{m}/influencers" for m in picks]
    if spells:
        work.skewed["team-at-date"] = [
            f"/teams/{team}/coaches?{urlencode({'at': _day_into(start)})}"
            for team, start in _skewed(skew, spells, SKEWED)
        ]
    for hops in (4, 6):
        for _ in range(min(n, len(coaches))):
            a, b = rng.sample(coaches, 2)
            query = urlencode({"from": a, "to": b, "max_hops": hops})
            work.add(f"paths-{hops}", f"/paths?{query}", {"from": a, "to": b, "hops": hops})
    return work


# -- the same requests through the bare driver ----------------------------------------------

# The endpoints whose reads the API coalesces (graph/coalesce.py): statement, its own parameters.
COALESCED: dict[str, tuple[str, dict[str, Any]]] = {
    "career": (queries.COACH_CAREER, {}),
    "influencers": (queries.MOVE_INFLUENCERS, {}),
    "team-at-date": (queries.TEAM_TENURES, {"cap": TIMELINE_CAP}),
}


def coalesced_request(endpoint: str, p: dict[str, Any], key: int = 0) -> dict[str, Any]:
    """One request of a coalesced statement, with the values the API's read function passes."""
    if endpoint == "career":
        return {"key": key, "id": p["id"], "roles": None, "limit": 200, "offset": 0}
    if endpoint == "influencers":
        return {"key": key, "id": p["id"], "polarity": None, "limit": 50, "offset": 0}
    if endpoint == "team-at-date":
        at = date.fromisoformat(p["at"])
        return {"key": key, "id": p["id"], "roles": ["caretaker", "head"], "at": at}
    raise ValueError(f"{endpoint} is not coalesced")


def coalesced_params(endpoint: str, sampled: list[dict[str, Any]]) -> dict[str, Any]:
    """The parameters of one coalesced statement carrying the `sampled` requests."""
    requests = [coalesced_request(endpoint, p, key) for key, p in enumerate(sampled)]
    return {"requests": requests, **COALESCED[endpoint][1]}


async def run_cypher(driver: Any, endpoint: str, p: dict[str, Any], database: str) -> None:
    """One request of `endpoint` as the API's read functions issue it (queries only)."""

    async def read(query: Any, **params: Any) -> list[Any]:
        records, _, _ = await driver.execute_query(query, params, database_=database, routing_="r")
        return list(records)

    if endpoint in COALESCED:  # a batch of one: what the API sends for a lone request
        await read(COALESCED[endpoint][0], **coalesced_params(endpoint, [p]))
    elif endpoint == "search":
        await read(
            queries.SEARCH,
            key=p["key"],
            fulltext=fulltext_query(p["key"]),
            labels=None,
            limit=20,
            offset=0,
        )
    elif endpoint.startswith("paths"):
        await read(queries.PATHS_BY_HOPS[p["hops"]], source=p["from"], target=p["to"], limit=10)
    elif endpoint == "graph":
        center = await read(queries.ENTITY_BY_ID, id=p["id"])
        eid = center[0]["eid"]
        rows = await read(queries.GRAPH_NEIGHBOURS, frontier=[eid], seen=[eid], cap=150)
        eids = [eid, *(r["eid"] for r in rows[:149])]
        await read(queries.GRAPH_EDGES, eids=eids, cap=8 * len(eids))
    else:
        raise ValueError(f"unknown endpoint {endpoint}")
