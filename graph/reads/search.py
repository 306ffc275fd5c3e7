"""Search over names and aliases: accent- and case-insensitive, partial, ranked."""

from __future__ import annotations

from graph import queries
from graph.domain.names import fold
from graph.errors import InvalidRequestError
from graph.models import SearchHit, SearchKind, SearchPublic
from graph.reads.common import entity
from graph.repository import Repository

_LABELS: dict[SearchKind, list[str]] = {
    SearchKind.coach: ["Coach"],
    SearchKind.team: ["Team"],
    SearchKind.person: ["Person"],
    SearchKind.outlet: ["Outlet"],
}


# Characters with a meaning in Lucene's query syntax, and its operator words.
_LUCENE_SPECIAL = frozenset('+-&|!(){}[]^"~*?:\\/')
_LUCENE_OPERATORS = frozenset({"AND", "OR", "NOT", "TO"})


def lucene_term(word: str) -> str:
    """`word` as a literal Lucene term: special characters escaped, and an operator word's
    first letter, which makes it a term (`\\AND`) that may still take `*` or `~`."""
    if word in _LUCENE_OPERATORS:
        return "\\" + word
    return "".join(f"\\{ch}" if ch in _LUCENE_SPECIAL else ch for ch in word)


def fulltext_query(key: str) -> str:
    """A Lucene query for the folded `key`: each word as is, as a prefix and fuzzy.

    Fuzzy from four letters: one edit, two from seven letters.

    The search is over text, with no query syntax: `q` is folded (graph.domain.names.fold) to
    words of [a-z0-9], so `a*` is the word `a` and `[a TO z]` the words `a to z`; each word is
    escaped all the same, so that this holds whatever the folding keeps.
    """
    terms: list[str] = []
    for word in key.split():
        term = lucene_term(word)
        terms += [term, f"{term}*"]
        if len(word) >= 7:
            terms.append(f"{term}~2")
        elif len(word) >= 4:
            terms.append(f"{term}~1")
    return " ".join(terms)


async def search(
    repo: Repository, q: str, kind: SearchKind | None, limit: int, offset: int
) -> SearchPublic:
    """Entities whose name or an alias matches `q`, best first.

    Raises:
        InvalidRequestError: `q` has no letter or digit.
    """
    key = fold(q)
    if not key:
        raise InvalidRequestError(f"search query {q!r} has no letter or digit to search for")
    rows = await repo.read(
        queries.SEARCH,
        key=key,
        fulltext=fulltext_query(key),
        labels=_LABELS[kind] if kind else None,
        limit=limit,
        offset=offset,
    )
    row = rows[0]
    items = []
    for hit in row["items"]:
        ref = entity(hit["node"])
        items.append(
            SearchHit(
                id=ref.id,
                name=ref.name,
                kind=ref.kind,
                score=round(hit["score"], 3),
                aliases=hit["node"].get("aliases") or [],
            )
        )
    return SearchPublic(query=q, items=items, total=row["total"], limit=limit, offset=offset)
