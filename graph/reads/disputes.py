"""Disputed tenures: every source's claim about a tenure, side by side.

The rule that settles a tenure's claims into its agreed value, and says which claims disagree, is
graph.domain.settlement's; the loader stores its outcome on each claim (rank and agreement), so
`claims[0]` here is always the best-ranked claim.
"""

from __future__ import annotations

from typing import Any, LiteralString

from graph.models import Claim, ClaimSource, ConflictPublic, DisputePublic, DisputesPublic
from graph.reads.common import entity
from graph.reads.conflicts import conflicts
from graph.repository import Repository

# Every claim of each tenure in the order the settlement ranked them (graph.domain.settlement:
# the first gives the agreed value), each with whether it agrees, as the loader stored them.
CLAIMS_OF_TENURES: LiteralString = """
UNWIND $ids AS id
MATCH (t:Tenure {id: id})
CALL (t) {
  MATCH (t)-[c:SOURCED_FROM]->(s:Source)
  OPTIONAL MATCH (team:Team {id: c.team})
  WITH c, s, team ORDER BY c.rank, s.id
  RETURN collect({
    source: {id: s.id, kind: s.kind, title: s.title, url: s.url, date: s.date,
             publisher: s.publisher},
    team: {id: c.team, name: team.name, labels: labels(team), kind: team.kind},
    role: c.role, start: c.start, end: c.end, contract_until: c.contract_until,
    evidence: c.evidence, agrees: coalesce(c.agrees, true)
  }) AS claims
}
RETURN t.id AS tenure, claims
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
    """Disputed tenures (optionally of one coach or at one team), chronological, paginated; and
    beside them the observations the tenures contradict (graph/reads/conflicts.py)."""
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
    found = await conflicts(repo, coach, team)
    return DisputesPublic(
        items=items,
        total=total_rows[0]["total"],
        limit=limit,
        offset=offset,
        conflicts=[ConflictPublic.model_validate(c) for c in found[offset : offset + limit]],
        conflicts_total=len(found),
    )
