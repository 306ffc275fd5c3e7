"""Finding mentions: gazetteer names (exact, then fuzzy), and people or teams the text marks.

Exact matches take the longest name at each position; place phrases of the lexicon ("in
Italia") are never mentions; spans of capitalised words the exact pass left are compared with
rapidfuzz against every name ("Ancellotti" → Carlo Ancelotti); a capitalised run after a
marker ("l'allenatore Marco Bianchi", "el entrenador X") is kept unresolved.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from graph.domain import MentionKind
from graph.domain.names import fold
from graph.extract.gazetteer import Entry, Gazetteer
from graph.extract.lexicon import Lexicon, Pattern
from graph.extract.tokens import Token

_MAX_RUN = 3


@dataclass(frozen=True)
class Found:
    """A mention over tokens [first, last)."""

    first: int
    last: int
    start: int
    end: int
    text: str
    entry: Entry | None
    kind: MentionKind
    coach: bool  # may be the coach of a move or tenure
    score: float = 100.0
    canonical: str | None = None  # an unresolved name's full form ("Fabio Pisacane")


def _matches_at(tokens: list[Token], i: int, pattern: Pattern) -> bool:
    if i + len(pattern) > len(tokens):
        return False
    return all(tokens[i + k].folded == p for k, p in enumerate(pattern))


def _blocked(tokens: list[Token], lex: Lexicon) -> set[int]:
    blocked: set[int] = set()
    for i in range(len(tokens)):
        for phrase in lex.place_phrases:
            if _matches_at(tokens, i, phrase):
                blocked.update(range(i, i + len(phrase)))
    return blocked


def _found(
    text: str,
    tokens: list[Token],
    first: int,
    last: int,
    entry: Entry | None,
    kind: MentionKind,
    coach: bool,
    score: float = 100.0,
) -> Found:
    start, end = tokens[first].start, tokens[last - 1].end
    return Found(first, last, start, end, text[start:end], entry, kind, coach, score)


def _exact(
    text: str, tokens: list[Token], gaz: Gazetteer, lex: Lexicon, blocked: set[int]
) -> list[Found]:
    extra: dict[tuple[str, ...], Entry] = {}
    for alias, ident in lex.extra_aliases.items():
        entry = gaz.entries.get(ident)
        if entry is not None:
            extra[tuple(fold(alias).split())] = entry
    out: list[Found] = []
    i = 0
    while i < len(tokens):
        hit: Found | None = None
        for size in range(min(gaz.max_tokens, len(tokens) - i), 0, -1):
            if any(k in blocked for k in range(i, i + size)):
                continue
            key = tuple(t.folded for t in tokens[i : i + size])
            entries = gaz.lookup(key, tokens[i].capitalised)
            if not entries and key in extra and tokens[i].capitalised:
                entries = [extra[key]]
            if entries:
                entry = _prefer(entries)
                hit = _found(text, tokens, i, i + size, entry, entry.kind, entry.is_coach)
                break
        if hit is not None:
            out.append(hit)
            i = hit.last
        else:
            i += 1
    return out


def _prefer(entries: list[Entry]) -> Entry:
    """An ambiguous name: coaches first, then teams, then the rest (stable)."""
    return sorted(entries, key=lambda e: (not e.is_coach, e.kind != "team"))[0]


def _fuzzy(
    text: str, tokens: list[Token], gaz: Gazetteer, lex: Lexicon, taken: set[int], blocked: set[int]
) -> list[Found]:
    out: list[Found] = []
    i = 0
    while i < len(tokens):
        if i in taken or i in blocked or not tokens[i].capitalised:
            i += 1
            continue
        hit: Found | None = None
        for size in range(_MAX_RUN, 0, -1):
            span = range(i, i + size)
            if i + size > len(tokens) or any(
                k in taken
                or k in blocked
                or not tokens[k].capitalised
                or tokens[k].folded in lex.stopwords
                for k in span
            ):
                continue
            if size > 1 and text[tokens[i].end : tokens[i + size - 1].start].strip(" '’-"):
                continue  # punctuation inside the span
            surface = text[tokens[i].start : tokens[i + size - 1].end]
            best = gaz.fuzzy(surface)
            if best is not None:
                entry, score = best
                hit = _found(text, tokens, i, i + size, entry, entry.kind, entry.is_coach, score)
                break
        if hit is not None:
            out.append(hit)
            i = hit.last
        else:
            i += 1
    return out


def capital_run(
    text: str, tokens: list[Token], i: int, lex: Lexicon, taken: set[int], limit: int = _MAX_RUN
) -> int:
    """How many capitalised, non-stopword, free tokens start at i (at most `limit`), with
    nothing but spaces between them."""
    n = 0
    while (
        i + n < len(tokens)
        and n < limit
        and i + n not in taken
        and tokens[i + n].capitalised
        and tokens[i + n].folded not in lex.stopwords
        and (n == 0 or not text[tokens[i + n - 1].end : tokens[i + n].start].strip())
    ):
        n += 1
    return n


def _marked(text: str, tokens: list[Token], lex: Lexicon, taken: set[int]) -> list[Found]:
    out: list[Found] = []
    kinds: list[tuple[list[Pattern], MentionKind, bool]] = [
        (lex.coach_markers, MentionKind.person, True),
        (lex.person_markers, MentionKind.person, False),
        (lex.team_markers, MentionKind.team, False),
    ]
    for i in range(len(tokens)):
        for markers, kind, coach in kinds:
            for marker in sorted(markers, key=len, reverse=True):
                if not _matches_at(tokens, i, marker):
                    continue
                j = i + len(marker)
                if j >= len(tokens) or text[tokens[j - 1].end : tokens[j].start].strip():
                    break
                run = capital_run(text, tokens, j, lex, taken)
                if run >= (2 if kind == "person" else 1):
                    out.append(_found(text, tokens, j, j + run, None, kind, coach))
                    taken.update(range(j, j + run))
                break
    return out


def _merge_adjacent(text: str, found: list[Found]) -> list[Found]:
    """ "Re Carlo" + "Ancelotti" of one entity, side by side, are one mention."""
    out: list[Found] = []
    for f in sorted(found, key=lambda f: f.start):
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.entry is not None
            and f.entry is not None
            and prev.entry.id == f.entry.id
            and prev.last == f.first
            and not text[prev.end : f.start].strip()
        ):
            out[-1] = replace(prev, last=f.last, end=f.end, text=text[prev.start : f.end])
        else:
            out.append(f)
    return out


def _repeats(text: str, tokens: list[Token], marked: list[Found], taken: set[int]) -> list[Found]:
    """Later mentions of a marked unknown person by surname ("Pisacane" after "il tecnico
    Fabio Pisacane") are that person too."""
    out: list[Found] = []
    for found in marked:
        if found.kind != "person" or found.last - found.first < 2:
            continue
        surname = tokens[found.last - 1].folded
        for k, tok in enumerate(tokens):
            if k not in taken and tok.capitalised and tok.folded == surname:
                out.append(
                    replace(
                        _found(text, tokens, k, k + 1, None, MentionKind.person, found.coach),
                        canonical=found.text,
                    )
                )
                taken.add(k)
    return out


def find_mentions(text: str, tokens: list[Token], gaz: Gazetteer, lex: Lexicon) -> list[Found]:
    """Every mention of the article, in text order, none overlapping."""
    blocked = _blocked(tokens, lex)
    exact = _exact(text, tokens, gaz, lex, blocked)
    taken = {k for f in exact for k in range(f.first, f.last)}
    marked = _marked(text, tokens, lex, taken)
    repeats = _repeats(text, tokens, marked, taken)
    fuzzy = _fuzzy(text, tokens, gaz, lex, taken, blocked)
    return _merge_adjacent(text, exact + marked + repeats + fuzzy)
