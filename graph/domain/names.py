"""How names compare: folding, search keys, and the key that tells two team names apart.

"Juventus" and "Juventus FC", "Valencia" and "Valencia Club de Fútbol", "AS Roma" and "A.S. Roma"
are one team written two ways; "AC Milan" and "Inter Milan", "Real Madrid" and "Atlético Madrid",
"Real Madrid" and "Real Madrid Castilla" are not. `team_key` drops what names a club's legal form
or its founding year and keeps every other word, so names that differ in anything else stay
apart; the kind (club or national team) and the country are compared beside it, never inside it.
"""

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


# Words that say what kind of body a club is, not which club: legal forms and their spelt-out
# words in the languages of the data ("Football Club", "Club de Fútbol", "Associazione Sportiva",
# "Fußball-Club", "Verein für Leibesübungen" …). A word that tells clubs apart ("Real",
# "Atlético", "Inter", "Sporting", "Olympique", "United", "Castilla", "Women", "U21") is not here.
LEGAL_FORM_WORDS = frozenset(
    {
        # abbreviations (after folding, "F.C." is "f c")
        "fc", "cf", "ac", "as", "ss", "ssc", "sc", "afc", "acf", "cfc", "us", "uc", "cd", "ud",
        "sd", "rcd", "sv", "vfb", "vfl", "tsg", "bsc", "hsc", "fco", "ogc", "spa", "sad", "srl",
        "f", "c", "a", "s", "d", "e",
        # spelt out
        "football", "club", "calcio", "futbol", "futebol", "fussball", "fusball",
        "associazione", "societa", "sportiva", "sportivo", "unione", "polisportiva",
        "association", "sportive", "athletic", "sport", "sports", "sporting",
        "deportiva", "deportivo", "verein", "fur", "leibesubungen",
        "sportverein", "turn", "und", "sportgemeinschaft", "de", "del", "di", "la", "el",
        "the", "von",
    }
)  # fmt: skip

_YEAR_OR_NUMBER = re.compile(r"^\d{1,4}$")


def team_key(name: str) -> str:
    """A team's name without its legal form or founding year: "Valencia Club de Fútbol" →
    "valencia", "Parma Calcio 1913" → "parma", "Inter Milan" → "inter milan"."""
    words = fold(name).split()
    kept = [w for w in words if w not in LEGAL_FORM_WORDS and not _YEAR_OR_NUMBER.match(w)]
    # A name made only of such words ("Athletic Club", "Sporting") is its own key.
    return " ".join(kept) if kept else " ".join(words)
