"""Text normalisation shared by search, the loader and the extractor."""

from __future__ import annotations

import re

from unidecode import unidecode

_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower case, accents removed, punctuation to single spaces: "Conceição" → "conceicao"."""
    return _NON_WORD.sub(" ", unidecode(text).lower()).strip()


def search_key(*names: str) -> str:
    """All names of an entity folded into one string, `|`-separated, for CONTAINS matching."""
    folded = [fold(n) for n in names if n and fold(n)]
    return "|" + "|".join(dict.fromkeys(folded)) + "|"
