"""Coaching careers and team timelines: "every club Ancelotti has coached", "who was in charge"."""

from __future__ import annotations

from datetime import date
from typing import Any

from graph import queries
from graph.errors import NotFoundError
from graph.reads.common import Json, entity_json
from graph.reads.disputes import claims_of_tenures
from graph.reads.models import TenureRole
from graph.repository import Repository

IN_CHARGE = (TenureRole.head, TenureRole.caretaker)
# A team's timeline is read whole to place predecessors and successors; this bounds it.
TIMELINE_CAP = 2000


def _facts(row: dict[str, Any]) -> Json:
    """What a career's tenure and a timeline's item both show of a tenure row."""
    return {
        "role": row["role"],
        "start": row["start"],
        "start_precision": row["start_precision"],
        "end": row["end"],
        "end_precision": row["end_precision"],
        "contract_until": row["contract_until"],
        "disputed": row["disputed"],
    }


def _tenure(row: dict[str, Any], claims: dict[str, list[Json]]) -> Json:
    return {
        "id": row["id"],
        "team": entity_json(row["team"]),
        **_facts(row),
        "sources": row["sources"],
        "claims": claims.get(row["id"], []) if row["disputed"] else [],
    }


async def coach_career(
    repo: Repository, coach_id: str, roles: list[TenureRole] | None, limit: int, offset: int
) -> Json:
    """A coach's tenures, chronological, and the current head/caretaker job, as CareerPublic's
    data; disputed tenures carry every source's claim (one more query, only when the page holds
    a disputed tenure).

    Raises:
        NotFoundError: no coach has this id.
    """
    row = await repo.read_one(
        queries.COACH_CAREER,
        id=coach_id,
        roles=[r.value for r in roles] if roles else None,
        limit=limit,
        offset=offset,
    )
    if row is None:
        raise NotFoundError("coach", coach_id)
    shown = [*row["tenures"], *([row["current"]] if row["current"] else [])]
    claims = {
        tenure: [claim.model_dump(mode="json") for claim in found]
        for tenure, found in (
            await claims_of_tenures(repo, [t["id"] for t in shown if t["disputed"]])
        ).items()
    }
    return {
        "total": row["total"],
        "limit": limit,
        "offset": offset,
        "coach": entity_json(row["coach"]),
        "current": _tenure(row["current"], claims) if row["current"] else None,
        "tenures": [_tenure(t, claims) for t in row["tenures"]],
    }


async def team_coaches(
    repo: Repository,
    team_id: str,
    at: date | None,
    roles: list[TenureRole] | None,
    limit: int,
    offset: int,
) -> Json:
    """A team's coaching timeline with predecessors and successors, as TeamCoachesPublic's data;
    with `at`, who was in charge.

    The timeline holds head and caretaker tenures unless `roles` asks for others. Predecessor and
    successor are the previous/next head or caretaker tenure at the team, by start.

    Raises:
        NotFoundError: no team has this id.
    """
    wanted = set(roles or IN_CHARGE)
    found = await repo.read_one(
        queries.TEAM_TENURES,
        id=team_id,
        fixed={"cap": TIMELINE_CAP},
        roles=sorted({r.value for r in wanted | set(IN_CHARGE)}),
        at=at,
    )
    if found is None:
        raise NotFoundError("team", team_id)
    tenures: list[dict[str, Any]] = found["tenures"]
    chain = [t for t in tenures if t["role"] in IN_CHARGE]
    place = {t["id"]: i for i, t in enumerate(chain)}
    # A coach appears as the tenure's own coach and as its neighbours' predecessor and successor,
    # and a tenure both on the page and in `in_charge`: each is built once.
    refs: dict[str, Json] = {}
    built: dict[str, Json] = {}

    def coach_ref(row: dict[str, Any]) -> Json:
        ref = refs.get(row["id"])
        if ref is None:
            ref = refs[row["id"]] = entity_json(row["coach"])
        return ref

    def item(row: dict[str, Any]) -> Json:
        done = built.get(row["id"])
        if done is not None:
            return done
        i = place.get(row["id"])
        before = chain[i - 1] if i is not None and i > 0 else None
        after = chain[i + 1] if i is not None and i + 1 < len(chain) else None
        done = built[row["id"]] = {
            "tenure_id": row["id"],
            "coach": coach_ref(row),
            **_facts(row),
            "predecessor": coach_ref(before) if before else None,
            "predecessor_tenure": before["id"] if before else None,
            "successor": coach_ref(after) if after else None,
            "successor_tenure": after["id"] if after else None,
            "sources": row["sources"],
        }
        return done

    shown = [t for t in tenures if t["role"] in wanted]
    in_charge = [item(t) for t in shown if t["covers"]]
    return {
        "total": len(shown),
        "limit": limit,
        "offset": offset,
        "team": entity_json(found["team"]),
        "at": at.isoformat() if at else None,
        "in_charge": in_charge,
        "items": [item(t) for t in shown[offset : offset + limit]],
    }
