"""Every observation checked against the tenures: who was really on the bench that day?

An observation (a coach on a team's bench on a match day) is a **conflict** when the day falls
inside no tenure of that coach at that team — the tenures' dates leave it out — or inside
another coach's head-coach tenure there. A tenure's span is its agreed dates (the days they may
stand for; an open end runs on), or, for a tenure whose start and end are unknown, the days
between its first and last observation. For the other coach's tenure only the days it certainly
covers count: its start at the latest, its end at the earliest. When the other coach was seen on
the same match (`same_match`), the source lists two managers on one bench: joint managers, or a
change during the tournament that the data does not date.
"""

from __future__ import annotations

from datetime import date
from typing import Any, LiteralString

from neo4j import Driver

from graph.domain import PartialDate, TenureRole
from graph.models import ConflictPublic
from graph.reads.common import Json, entity_json
from graph.repository import Repository

# Each observation with the tenures of its coach at its team, and the head-coach tenures of
# other coaches there that may cover its day (the certain span is checked in Python).
OBSERVATIONS_AGAINST_TENURES: LiteralString = """
MATCH (o:Observation)
WHERE ($coach IS NULL OR o.coach = $coach) AND ($team IS NULL OR o.team = $team)
MATCH (coach:Person {id: o.coach}), (team:Team {id: o.team}), (o)-[:SOURCED_FROM]->(s:Source)
CALL (o) {
  OPTIONAL MATCH (own:Tenure {team: o.team}) WHERE own.coach = o.coach
  RETURN collect(own {.id, .start, .end, observed_from: toString(own.observed_from),
                      observed_to: toString(own.observed_to)}) AS own
}
CALL (o) {
  OPTIONAL MATCH (other:Tenure {team: o.team})<-[:HELD]-(p:Person)
  WHERE other.coach <> o.coach AND other.role = $head
    AND CASE WHEN other.start_date IS NOT NULL
          THEN other.start_date <= o.date AND (other.end_date IS NULL OR other.end_date >= o.date)
          ELSE coalesce(other.observed_from <= o.date AND other.observed_to >= o.date, false) END
  RETURN collect(other {.id, .role, .start, .end, observed_from: toString(other.observed_from),
                        observed_to: toString(other.observed_to), observations: other.observations,
                        same_match: EXISTS { (other)-[:OBSERVED]->(x:Observation)
                                             WHERE x.date = o.date },
                        coach: {id: p.id, name: p.name, labels: labels(p)},
                        sources: [(other)-[:SOURCED_FROM]->(x:Source) |
                                  {id: x.id, kind: x.kind, title: x.title, url: x.url}]}) AS others
}
RETURN o.id AS id, toString(o.date) AS date, o.evidence AS evidence, o.tenure AS tenure,
       {id: coach.id, name: coach.name, labels: labels(coach)} AS coach,
       {id: team.id, name: team.name, labels: labels(team), kind: team.kind} AS team,
       {id: s.id, kind: s.kind, title: s.title, url: s.url} AS source, own, others
ORDER BY o.date, o.id
"""


def _day(text: str | None, *, last: bool) -> date | None:
    if not text:
        return None
    parsed = PartialDate.parse(text)
    return parsed.latest if last else parsed.earliest


def _may_cover(t: dict[str, Any], day: date) -> bool:
    if t["start"]:
        start, end = PartialDate.parse(t["start"]).earliest, _day(t["end"], last=True)
        return start <= day and (end is None or day <= end)
    if t["observed_from"]:
        first, last = date.fromisoformat(t["observed_from"]), date.fromisoformat(t["observed_to"])
        return first <= day <= last
    return False


def _surely_covers(t: dict[str, Any], day: date) -> bool:
    if t["start"]:
        start, end = PartialDate.parse(t["start"]).latest, _day(t["end"], last=False)
        return start <= day and (end is None or day <= end)
    return _may_cover(t, day)


def _side(t: dict[str, Any]) -> Json:
    observed = None
    if t["observed_from"]:
        observed = {
            "first": t["observed_from"],
            "last": t["observed_to"],
            "matches": t["observations"],
        }
    return {
        "id": t["id"],
        "coach": entity_json(t["coach"]),
        "role": t["role"],
        "start": t["start"],
        "end": t["end"],
        "observed": observed,
        "sources": t["sources"],
    }


def conflicts_of(rows: list[dict[str, Any]]) -> list[Json]:
    """The conflicts among the rows of OBSERVATIONS_AGAINST_TENURES, as ConflictPublic data."""
    out: list[Json] = []
    for row in rows:
        day = date.fromisoformat(row["date"])
        base = {
            "date": row["date"],
            "coach": entity_json(row["coach"]),
            "team": entity_json(row["team"]),
            "observation": {"id": row["id"], "source": row["source"], "evidence": row["evidence"]},
        }
        if not any(_may_cover(t, day) for t in row["own"]):
            out.append({**base, "kind": "outside_own_tenures", "tenure": None,
                        "own_tenures": [t["id"] for t in row["own"]]})  # fmt: skip
        for other in row["others"]:
            if _surely_covers(other, day):
                out.append({**base, "kind": "another_coach_in_charge", "tenure": _side(other),
                            "own_tenures": [t["id"] for t in row["own"]],
                            "same_match": other["same_match"]})  # fmt: skip
    return out


def _params(coach: str | None, team: str | None) -> dict[str, Any]:
    return {"coach": coach, "team": team, "head": TenureRole.head.value}


async def conflicts(
    repo: Repository, coach: str | None = None, team: str | None = None
) -> list[Json]:
    """Every conflict between observations and tenures (of one coach or at one team)."""
    return conflicts_of(await repo.read(OBSERVATIONS_AGAINST_TENURES, **_params(coach, team)))


def check(driver: Driver, database: str) -> list[ConflictPublic]:
    """The same, for the command line (`coachgraph check`)."""
    records, _, _ = driver.execute_query(
        OBSERVATIONS_AGAINST_TENURES, _params(None, None), database_=database, routing_="r"
    )
    return [ConflictPublic.model_validate(c) for c in conflicts_of([r.data() for r in records])]
