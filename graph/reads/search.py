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


def fulltext_query(key: str) -> str:
    """A Lucene query for the folded `key`: each word as is, as a prefix and fuzzy.

    Fuzzy from four letters: one edit, two from seven letters.

    `key` holds only [a-z0-9 ] (graph.domain.names.fold), so nothing in it is Lucene syntax.
    """
    terms: list[str] = []
    for word in key.split():
        terms += [word, f"{word}*"]
        if len(word) >= 7:
            terms.append(f"{word}~2")
        elif len(word) >= 4:
            terms.append(f"{word}~1")
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
