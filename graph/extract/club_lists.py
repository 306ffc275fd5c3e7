"""Clubs below the top divisions (graph/extract/clubs/*.json): the sourced lists of a league's
clubs for one season, each with the short names it commonly goes by ("Charlton" for Charlton
Athletic). The scorer compares unresolved team names through them."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from graph.domain.names import fold, team_key

CLUBS_DIR = Path(__file__).with_name("clubs")


def _names_of(club: dict[str, object]) -> list[str]:
    name = str(club["name"])
    aliases = club.get("aliases") or []
    assert isinstance(aliases, list)
    return [name, *(str(a) for a in aliases)]


@cache
def listed_clubs() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(canonical name, every written form) of each listed club, across all leagues' files."""
    clubs: dict[str, list[str]] = {}
    for path in sorted(CLUBS_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for club in data["clubs"]:
            names = _names_of(club)
            forms = clubs.setdefault(names[0], [])
            forms.extend(n for n in names if n not in forms)
    return tuple((name, tuple(forms)) for name, forms in clubs.items())


@cache
def club_aliases() -> dict[str, str]:
    """team_key of every written form → the club's canonical name (for the scorer)."""
    aliases: dict[str, str] = {}
    for canonical, forms in listed_clubs():
        for form in forms:
            aliases.setdefault(team_key(form), canonical)
    return aliases


def canonical_club(name: str) -> str | None:
    """The canonical name of the listed club `name` is a written form of, if any."""
    return club_aliases().get(team_key(name)) if fold(name) else None
