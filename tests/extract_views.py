"""What the extraction rule tests compare: an extraction's claims reduced to names."""

from __future__ import annotations

from graph.extract.schema import Extraction


def move_statuses(x: Extraction) -> dict[tuple[str, str, str | None], str]:
    """(coach, kind, team joined or left) → status."""
    out = {}
    for m in x.moves:
        team = m.to if m.to is not None else m.from_
        out[(m.coach.name, m.kind, team.name if team else None)] = m.status
    return out


def tenure_statuses(x: Extraction) -> dict[tuple[str, str], str]:
    """(coach, team) → status."""
    return {(t.coach.name, t.team.name): t.status for t in x.tenures}
