"""Clubs below the top divisions (graph/extract/clubs/*.json): the sourced lists of a league's
clubs for one season, each with the short names it commonly goes by ("Charlton" for Charlton
Athletic). The mention finder names a listed club the gazetteer does not know, unresolved,
by its canonical name; the scorer compares unresolved team names through the same aliases."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graph.domain.names import fold, team_key
from graph.extract.errors import ExtractError
from graph.extract.tokens import tokenize

CLUBS_DIR = Path(__file__).with_name("clubs")


@dataclass(frozen=True)
class ListedName:
    """One written form of a listed club: its text, its folded words, which of them are capitalised,
    and the club's canonical name."""

    form: str
    words: tuple[str, ...]
    capitals: tuple[bool, ...]
    canonical: str


def _names_of(club: object, where: str) -> list[str]:
    """The club's name then its aliases; a club written wrongly is refused, said where."""
    if not isinstance(club, dict):
        raise ExtractError(f"{where}: a club must be an object with a name, not {club!r}")
    name = club.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ExtractError(f"{where}: the club has no name (a non-empty string)")
    aliases = club.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
        raise ExtractError(f"{where} ({name}): aliases must be a list of non-empty strings")
    return [name, *aliases]


def _clubs_of(path: Path) -> list[object]:
    """The `clubs` list of one league's file; a file that is not one is refused, said where."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ExtractError(f"club list {path.name}: not UTF-8 JSON ({error})") from error
    clubs = data.get("clubs") if isinstance(data, dict) else None
    if not isinstance(clubs, list):
        raise ExtractError(f"club list {path.name}: no `clubs` list")
    return clubs


def clubs_in(folder: Path) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(canonical name, every written form) of each club listed in the folder's files; uncached,
    so tests can read another folder (`listed_clubs` caches the shipped one)."""
    clubs: dict[str, list[str]] = {}
    for path in sorted(folder.glob("*.json")):
        for position, club in enumerate(_clubs_of(path), start=1):
            names = _names_of(club, f"club list {path.name}, club {position}")
            forms = clubs.setdefault(names[0], [])
            forms.extend(n for n in names if n not in forms)
    return tuple((name, tuple(forms)) for name, forms in clubs.items())


@cache
def listed_clubs() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(canonical name, every written form) of each listed club, across all leagues' files."""
    return clubs_in(CLUBS_DIR)


@cache
def club_aliases() -> dict[str, str]:
    """team_key of every written form → the club's canonical name (for the scorer)."""
    aliases: dict[str, str] = {}
    for canonical, forms in listed_clubs():
        for form in forms:
            aliases.setdefault(team_key(form), canonical)
    return aliases


@cache
def listed_names() -> dict[str, list[ListedName]]:
    """Written forms of listed clubs keyed by their first folded word, longest first."""
    by_first: dict[str, list[ListedName]] = {}
    for canonical, forms in listed_clubs():
        for form in forms:
            tokens = tokenize(form)
            words = tuple(t.folded for t in tokens)
            if not words or _saint_alone(words):
                continue
            name = ListedName(form, words, tuple(t.capitalised for t in tokens), canonical)
            by_first.setdefault(words[0], []).append(name)
    for names in by_first.values():
        names.sort(key=lambda n: len(n.words), reverse=True)
    return by_first


# what opens a saint's name: "San Lorenzo" alone is as often a feast day ("entro San Lorenzo"),
# a church or a town as the club, so such a two-word form is left to the other rules
_SAINT_WORDS = frozenset({"san", "santa", "santo", "sao"})


def _saint_alone(words: tuple[str, ...]) -> bool:
    return len(words) == 2 and words[0] in _SAINT_WORDS


def canonical_club(name: str) -> str | None:
    """The canonical name of the listed club `name` is a written form of, if any."""
    return club_aliases().get(team_key(name)) if fold(name) else None
