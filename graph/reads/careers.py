"""Coaching careers and team timelines: "every club Ancelotti has coached", "who was in charge"."""

from __future__ import annotations

from datetime import date
from typing import Any

from graph import queries
from graph.domain import IN_CHARGE, TenureRole, kind_of_labels
from graph.errors import NotFoundError
from graph.reads.common import Json, entity_json
from graph.reads.disputes import claims_of_tenures
from graph.repository import Repository

# A team's timeline is read whole to place predecessors and successors; this bounds it.
TIMELINE_CAP = 2000


class TenureRow:
    """Positions in a tenure row of COACH_CAREER and TEAM_TENURES (queries._TENURE_ROW)."""

    ID, ROLE, START, START_PRECISION, END, END_PRECISION, CONTRACT_UNTIL, DISPUTED = range(8)
    SOURCES = 8  # each [id, kind, title, url, date, evidence]
    OBSERVED = 9  # [first day seen, last day seen, matches]: nulls when never observed
    # Who held it (timeline) or where (career): id, name, labels, kind.
    WHO_ID, WHO_NAME, WHO_LABELS, WHO_KIND = range(10, 14)
    COVERS = 14  # timeline only: may have been running on the requested day
    SEEN_ON_DAY = 15  # timeline only: observations on that day, [id, kind, title, url, evidence]


def _facts(row: list[Any]) -> Json:
    """What a career's tenure and a timeline's item both show of a tenure row."""
    return {
        "role": row[TenureRow.ROLE],
        "start": row[TenureRow.START],
        "start_precision": row[TenureRow.START_PRECISION],
        "end": row[TenureRow.END],
        "end_precision": row[TenureRow.END_PRECISION],
        "contract_until": row[TenureRow.CONTRACT_UNTIL],
        "disputed": row[TenureRow.DISPUTED],
        "observed": _observed(row),
    }


def _observed(row: list[Any]) -> Json | None:
    """The days a tenure was seen on (match sheets), when it was: first, last and how many."""
    first, last, matches = row[TenureRow.OBSERVED]
    if first is None:
        return None
    return {"first": first, "last": last, "matches": matches}


def _evidence(row: list[Any]) -> Json:
    """What says a timeline item was running on the requested day: a dated tenure, a match that
    day, both — or, for a tenure known only from observations, the span between them."""
    seen = row[TenureRow.SEEN_ON_DAY]
    dated = row[TenureRow.START] is not None
    kind = "both" if dated and seen else "dated_tenure" if dated else "observation"
    return {
        "evidence": kind if dated or seen else "observed_span",
        "observations": [
            {"source": {"id": i, "kind": k, "title": t, "url": u}, "evidence": e}
            for i, k, t, u, e in seen
        ],
    }


def _sources(row: list[Any]) -> list[Json]:
    """A tenure row's sources, best-ranked claim first, as SourceRef data."""
    return [
        {"id": i, "kind": k, "title": t, "url": u, "date": d, "evidence": e}
        for i, k, t, u, d, e in row[TenureRow.SOURCES]
    ]


def _who(row: list[Any]) -> Json:
    """The EntityRef data of who held a tenure row's tenure, or where."""
    id_ = row[TenureRow.WHO_ID]
    kind = kind_of_labels(row[TenureRow.WHO_LABELS], row[TenureRow.WHO_KIND])
    return {"id": id_, "name": row[TenureRow.WHO_NAME] or id_, "kind": kind.value}


def _tenure(row: list[Any], claims: dict[str, list[Json]]) -> Json:
    tenure_id = row[TenureRow.ID]
    return {
        "id": tenure_id,
        "team": _who(row),
        **_facts(row),
        "sources": _sources(row),
        "claims": claims.get(tenure_id, []) if row[TenureRow.DISPUTED] else [],
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
    current = next((t for t in reversed(row["ongoing"]) if t[TenureRow.ROLE] in IN_CHARGE), None)
    shown = [*row["tenures"], *([current] if current else [])]
    claims = {
        tenure: [claim.model_dump(mode="json") for claim in found]
        for tenure, found in (
            await claims_of_tenures(repo, [t[TenureRow.ID] for t in shown if t[TenureRow.DISPUTED]])
        ).items()
    }
    return {
        "total": row["total"],
        "limit": limit,
        "offset": offset,
        "coach": entity_json(row["coach"]),
        "current": _tenure(current, claims) if current else None,
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
    rows: list[list[Any]] = found["tenures"]
    chain = [r for r in rows if r[TenureRow.ROLE] in IN_CHARGE]
    place = {r[TenureRow.ID]: i for i, r in enumerate(chain)}
    # A coach appears as the tenure's own coach and as its neighbours' predecessor and successor,
    # and a tenure both on the page and in `in_charge`: each is built once.
    refs: dict[str, Json] = {}
    built: dict[str, Json] = {}

    def coach_ref(row: list[Any]) -> Json:
        ref = refs.get(row[TenureRow.ID])
        if ref is None:
            ref = refs[row[TenureRow.ID]] = _who(row)
        return ref

    def item(row: list[Any]) -> Json:
        tenure_id = row[TenureRow.ID]
        done = built.get(tenure_id)
        if done is not None:
            return done
        i = place.get(tenure_id)
        before = chain[i - 1] if i is not None and i > 0 else None
        after = chain[i + 1] if i is not None and i + 1 < len(chain) else None
        done = built[tenure_id] = {
            "tenure_id": tenure_id,
            "coach": coach_ref(row),
            **_facts(row),
            "predecessor": coach_ref(before) if before else None,
            "predecessor_tenure": before[TenureRow.ID] if before else None,
            "successor": coach_ref(after) if after else None,
            "successor_tenure": after[TenureRow.ID] if after else None,
            "sources": _sources(row),
        }
        return done

    shown = [r for r in rows if r[TenureRow.ROLE] in wanted]
    in_charge = [{**item(r), **_evidence(r)} for r in shown if r[TenureRow.COVERS]]
    return {
        "total": len(shown),
        "limit": limit,
        "offset": offset,
        "team": entity_json(found["team"]),
        "at": at.isoformat() if at else None,
        "in_charge": in_charge,
        "items": [item(t) for t in shown[offset : offset + limit]],
    }
