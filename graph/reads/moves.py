"""Moves, rumoured and real, with their reports; and who influenced them."""

from __future__ import annotations

from datetime import date

from graph import queries
from graph.analytics.resolution import (
    move_ids_with_resolution,
    resolution_public,
    resolutions_for,
)
from graph.domain import MoveStatus, Polarity
from graph.errors import NotFoundError
from graph.models import (
    MoveDetailPublic,
    MovePublic,
    MoveResolution,
    MovesPublic,
)
from graph.reads.common import (
    Json,
    entity_json,
    influence_json,
    influence_public,
    move_public,
)
from graph.repository import Repository

# Influencers listed inside GET /moves/{id}; the paginated list has them all.
DETAIL_INFLUENCERS_CAP = 200


async def _check_filters(
    repo: Repository, coach: str | None, teams: list[str], outlet: str | None
) -> None:
    rows = await repo.read(
        queries.MISSING_IDS,
        people=[coach] if coach else [],
        teams=teams,
        outlets=[outlet] if outlet else [],
    )
    missing = rows[0]
    for kind, key in (("coach", "people"), ("team", "teams"), ("outlet", "outlets")):
        if missing[key]:
            raise NotFoundError(kind, missing[key][0])


async def _with_resolutions(repo: Repository, moves: list[MovePublic]) -> list[MovePublic]:
    """The moves with their resolutions filled in (appointments only; others keep null)."""
    if not moves:
        return moves
    found = await resolutions_for(repo, [m.id for m in moves])
    return [
        m.model_copy(update={"resolution": resolution_public(found[m.id])}) if m.id in found else m
        for m in moves
    ]


async def list_moves(
    repo: Repository,
    *,
    coach: str | None = None,
    from_team: str | None = None,
    to_team: str | None = None,
    status: MoveStatus | None = None,
    outlet: str | None = None,
    since: date | None = None,
    resolution: MoveResolution | None = None,
    limit: int = 50,
    offset: int = 0,
) -> MovesPublic:
    """Moves matching every given filter, most recently reported first, each with its
    resolution when it is an appointment (graph/analytics/resolution.py, computed on read).

    Raises:
        NotFoundError: a filter names a coach, team or outlet the graph does not hold.
    """
    teams = [t for t in (from_team, to_team) if t]
    if coach or teams or outlet:
        await _check_filters(repo, coach, teams, outlet)
    ids = await move_ids_with_resolution(repo, resolution) if resolution else None
    anchor = "coach" if coach else "from_team" if from_team else "to_team" if to_team else "none"
    rows = await repo.read(
        queries.MOVES_BY_ANCHOR[anchor],
        ids=ids,
        coach=coach,
        from_team=from_team,
        to_team=to_team,
        status=status.value if status else None,
        outlet=outlet,
        since=since.isoformat() if since else None,
        limit=limit,
        offset=offset,
    )
    row = rows[0]
    return MovesPublic(
        items=await _with_resolutions(repo, [move_public(m) for m in row["items"]]),
        total=row["total"],
        limit=limit,
        offset=offset,
    )


async def get_move(repo: Repository, move_id: str) -> MoveDetailPublic:
    """One move with its reports and influencers.

    Raises:
        NotFoundError: no move has this id.
    """
    rows = await repo.read(queries.MOVE, id=move_id, cap=DETAIL_INFLUENCERS_CAP)
    if not rows:
        raise NotFoundError("move", move_id)
    (move,) = await _with_resolutions(repo, [move_public(rows[0]["move"])])
    return MoveDetailPublic(
        **move.model_dump(by_alias=False),
        influencers=[influence_public(i) for i in rows[0]["influencers"]],
    )


async def move_influencers(
    repo: Repository, move_id: str, polarity: Polarity | None, limit: int, offset: int
) -> Json:
    """Who pushed for or against a move, with how, evidence and source: InfluencersPublic's data.

    Raises:
        NotFoundError: no move has this id.
    """
    row = await repo.read_one(
        queries.MOVE_INFLUENCERS,
        id=move_id,
        polarity=polarity.value if polarity else None,
        limit=limit,
        offset=offset,
    )
    if row is None:
        raise NotFoundError("move", move_id)
    return {
        "total": row["total"],
        "limit": limit,
        "offset": offset,
        "move": entity_json(row["move"]),
        "items": [influence_json(i) for i in row["items"]],
    }
