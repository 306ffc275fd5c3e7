"""Disputed tenures: every source's claim about a tenure, side by side.

A tenure is disputed when one of its claims names another team, or a date that cannot be the
agreed date at either's precision (the loader's SETTLE_TENURES). The agreed value is the claim
ranked first — reference, then dataset, then article; ties by source id — so `claims[0]` here
is always the agreed one.
"""

from __future__ import annotations

from typing import Any, LiteralString

from pydantic import BaseModel

from graph.reads.common import entity
from graph.reads.models import Claim, ClaimSource, EntityRef, Page
from graph.repository import Repository

__all__ = [
    "Claim",
    "ClaimSource",
    "DisputePublic",
    "DisputesPublic",
    "claims_of_tenures",
    "disputes",
]

# Claims in the order SETTLE_TENURES ranks them (the first gives the agreed value); a claim
# "agrees" under the rule SETTLE_TENURES sets `disputed` with.
CLAIMS_OF_TENURES: LiteralString = """
UNWIND $ids AS id
MATCH (t:Tenure {id: id})
CALL (t) {
  MATCH (t)-[c:SOURCED_FROM]->(s:Source)
  WITH c, s ORDER BY c.priority, s.id
  RETURN collect({c: c, s: s}) AS pairs
}
WITH t, pairs, head(pairs).c AS best
UNWIND range(0, size(pairs) - 1) AS i
WITH t, best, i, pairs[i].c AS c, pairs[i].s AS s
OPTIONAL MATCH (team:Team {id: c.team})
WITH t, best, i, c, s, team ORDER BY i
RETURN t.id AS tenure, collect({
  source: {id: s.id, kind: s.kind, title: s.title, url: s.url, date: s.date,
           publisher: s.publisher},
  team: {id: c.team, name: team.name, labels: labels(team), kind: team.kind},
  role: c.role, start: c.start, end: c.end, contract_until: c.contract_until,
  evidence: c.evidence,
  agrees: c.team = best.team
    AND NOT (c.start IS NOT NULL AND best.start IS NOT NULL
             AND (c.start_lo > best.start_hi OR c.start_hi < best.start_lo))
    AND NOT (c.end IS NOT NULL AND best.end IS NOT NULL
             AND (c.end_lo > best.end_hi OR c.end_hi < best.end_lo))
}) AS claims
"""

# The disputed tenures, optionally of one coach or team; the list and its total count the same.
_DISPUTED: LiteralString = """
MATCH (t:Tenure) USING INDEX SEEK t:Tenure(disputed) WHERE t.disputed = true
  AND ($coach IS NULL OR t.coach = $coach) AND ($team IS NULL OR t.team = $team)
"""

DISPUTED_TENURES_TOTAL: LiteralString = _DISPUTED + "RETURN count(t) AS total\n"

DISPUTED_TENURES: LiteralString = (
    _DISPUTED
    + """WITH t ORDER BY t.start_date, t.id
SKIP $offset LIMIT $limit
MATCH (p:Person)-[:HELD]->(t)-[:AT]->(team:Team)
RETURN t.id AS id, t.role AS role,
       t.start AS start, t.start_precision AS start_precision,
       t.end AS end, t.end_precision AS end_precision,
       {id: p.id, name: p.name, labels: labels(p)} AS coach,
       {id: team.id, name: team.name, labels: labels(team), kind: team.kind} AS team
ORDER BY t.start_date, t.id
"""
)


class DisputePublic(BaseModel):
    """A disputed tenure: its agreed value and every claim, agreed one first."""

    id: str
    coach: EntityRef
    team: EntityRef
    role: str
    start: str | None
    start_precision: str | None
    end: str | None
    end_precision: str | None
    claims: list[Claim]


class DisputesPublic(Page):
    items: list[DisputePublic]


def _claims(rows: list[dict[str, Any]]) -> list[Claim]:
    out = []
    for i, row in enumerate(rows):
        team = row["team"]
        out.append(
            Claim(
                source=ClaimSource(**row["source"]),
                team=entity({**team, "labels": team.get("labels") or ["Team"]}),
                role=row["role"],
                start=row["start"],
                end=row["end"],
                contract_until=row["contract_until"],
                evidence=row["evidence"],
                agreed=i == 0,
                agrees=bool(row["agrees"]),
            )
        )
    return out


async def claims_of_tenures(repo: Repository, ids: list[str]) -> dict[str, list[Claim]]:
    """Every claim of each tenure, the agreed one first.

    Args:
        repo: the API's repository.
        ids: tenure ids (unknown ids are left out of the answer).

    Returns:
        tenure id → its claims.
    """
    if not ids:
        return {}
    rows = await repo.read(CLAIMS_OF_TENURES, ids=list(dict.fromkeys(ids)))
    return {row["tenure"]: _claims(row["claims"]) for row in rows}


async def disputes(
    repo: Repository, coach: str | None, team: str | None, limit: int, offset: int
) -> DisputesPublic:
    """Disputed tenures (optionally of one coach or at one team), chronological, paginated."""
    total_rows = await repo.read(DISPUTED_TENURES_TOTAL, coach=coach, team=team)
    rows = await repo.read(DISPUTED_TENURES, coach=coach, team=team, limit=limit, offset=offset)
    claims = await claims_of_tenures(repo, [r["id"] for r in rows])
    items = [
        DisputePublic(
            id=r["id"],
            coach=entity(r["coach"]),
            team=entity(r["team"]),
            role=r["role"],
            start=r["start"],
            start_precision=r["start_precision"],
            end=r["end"],
            end_precision=r["end_precision"],
            claims=claims.get(r["id"], []),
        )
        for r in rows
    ]
    return DisputesPublic(items=items, total=total_rows[0]["total"], limit=limit, offset=offset)
