"""Finding mentions: names the gazetteer knows, and people and teams the text itself marks.

In order, each pass taking only tokens the earlier ones left:
  1. exact names of the gazetteer and nicknames of the lexicon ("i giallorossi", "los blancos",
     "the Gunners", "Siviglia"), the longest at each position; a nickname several teams share is
     the one the article names elsewhere; a surname several people share goes to the one the
     article names in full, else stays unresolved with the surname; place phrases of the lexicon
     ("in Italia", "Coppa Italia") are never mentions;
  2. a capitalised run after a role word ("il presidente Giulini", "sporting director Deco",
     "el entrenador Pedro Gómez"), unresolved, a coach or not as the role word says;
  3. people the gazetteer does not know, by the shape of a name: a known first name and
     capitalised words ("Fabio Viviani");
  4. teams by club words ("C.D. Numancia", "Asteras Tripolis FC") and after team role words
     ("tecnico del Foggia");
  5. later mentions of an unresolved person's surname; unknown capitalised words listed among
     people ("Vanoli e Pisacane");
  6. spelling variants of gazetteer names (rapidfuzz, "Ancellotti").
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from itertools import pairwise
from pathlib import Path

from graph.domain import MentionKind
from graph.domain.names import LEGAL_FORM_WORDS, fold
from graph.extract.club_lists import ListedName, listed_names
from graph.extract.gazetteer import SURNAME_PARTICLES, Entry, Gazetteer
from graph.extract.lexicon import Lexicon, Pattern
from graph.extract.tokens import Token

_MAX_RUN = 3
# how many first letters two first names share to be one ("Hansi", "Hans-Dieter")
_SAME_FIRST = 4
_OF = frozenset({"del", "della", "dello", "dell", "de", "of", "the", "di"})
_ARTICLES = frozenset({"la", "el", "il", "lo", "le", "los", "las", "the", "l"})
# what comes before "tecnico" in an epithet: an article, or one fused with a preposition
_DETERMINERS = _ARTICLES | frozenset(
    {
        "del", "dal", "al", "nel", "col", "sul", "dello", "dallo", "allo", "della", "dalla",
        "alla", "nella", "dell", "dall", "all", "nell",
    }
)  # fmt: skip
# how an adjective of origin ends ("salentino", "livornese", "argentino", "portugués"): only
# such an adjective after a coach role word makes an epithet, not any word ("técnico van")
_ORIGIN = re.compile(r"(ese|esi|ano|ana|ino|ina|ense|eno|ena|es|ato|ata|olo|ola|aco|ego|ota)$")


COUNTRIES = Path(__file__).with_name("countries.json")


@lru_cache
def countries() -> dict[tuple[str, ...], str]:
    """Every name of a country in English, Italian and Spanish (folded words) → the English
    name its national team goes by (graph/extract/countries.json)."""
    data = json.loads(COUNTRIES.read_text(encoding="utf-8"))
    out: dict[tuple[str, ...], str] = {}
    for name, names in data["countries"].items():
        for other in names:
            out.setdefault(tuple(fold(other).split()), name)
    return out


# an adjective of nationality shares this many letters with its country's name ("italiana":
# Italia), or all of it but its last letter ("peruana": Perù, "mexicana": México); "romano"
# (of Rome) is not "Romania"
_DEMONYM_PREFIX = 6


@lru_cache
def _country_words() -> dict[str, str]:
    """One-word names of countries (folded, in the three languages) → the team's name."""
    return {key[0]: name for key, name in countries().items() if len(key) == 1}


def demonym_country(word: str, irregular: dict[str, str]) -> str | None:
    """The country an adjective of nationality is of: the lexicon's irregular ones, else the
    one country whose name it starts like ("chilena": Chile, "italiana": Italia); none when
    two countries do ("austr…": Austria, Australia) or the word is the country itself."""
    if word in irregular:
        return irregular[word]
    if len(word) < _DEMONYM_PREFIX - 1 or word in _country_words():
        return None
    best: set[str] = set()
    best_len = 0
    for name, country in _country_words().items():
        shared = next(
            (k for k, (a, b) in enumerate(zip(word, name, strict=False)) if a != b),
            min(len(word), len(name)),
        )
        if shared >= _DEMONYM_PREFIX or (shared >= len(name) - 1 and shared >= 4):
            if shared > best_len:
                best, best_len = {country}, shared
            elif shared == best_len:
                best.add(country)
    return next(iter(best)) if len(best) == 1 else None


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
    executive: bool = False  # marked by a role word as president, owner, director, agent
    coach_word: bool = False  # a role word calls him a coach ("il tecnico Fabio Pisacane")


def _matches_at(tokens: list[Token], i: int, pattern: Pattern) -> bool:
    n = len(pattern)
    if i + n > len(tokens) or tokens[i].folded != pattern[0]:
        return False
    return n == 1 or all(tokens[i + k].folded == pattern[k] for k in range(1, n))


def _longest_free_match(
    tokens: list[Token], i: int, by_first: dict[str, list[Pattern]], taken: set[int]
) -> int:
    """How many tokens the longest pattern matching at `i` covers, none of them taken; 0 if none."""
    for p in sorted(by_first.get(tokens[i].folded, ()), key=len, reverse=True):
        if _matches_at(tokens, i, p) and not any(k in taken for k in range(i, i + len(p))):
            return len(p)
    return 0


class _Finder:
    """One article's tokens and what is already taken."""

    def __init__(self, text: str, tokens: list[Token], gaz: Gazetteer, lex: Lexicon) -> None:
        self.text = text
        self.tokens = tokens
        self.gaz = gaz
        self.lex = lex
        self.taken: set[int] = set()
        self.blocked: set[int] = set()
        self.found: list[Found] = []
        self.sentence_start: set[int] = set()
        self._lowercase: frozenset[str] | None = None
        self._heads: frozenset[str] | None = None
        for i, tok in enumerate(tokens):
            gap = text[tokens[i - 1].end : tok.start] if i else "\n"
            if i and gap.strip() == "." and tokens[i - 1].text in _NAME_ABBREVIATIONS:
                continue  # "St. Louis": a name goes on past its abbreviation
            if i == 0 or any(c in gap for c in '.!?\n…:"“«'):
                self.sentence_start.add(i)
        by_first: dict[str, list[Pattern]] = {}
        for phrase in lex.place_phrases:
            by_first.setdefault(phrase[0], []).append(phrase)
        for i, tok in enumerate(tokens):
            for phrase in by_first.get(tok.folded, ()):
                if _matches_at(tokens, i, phrase):
                    self.blocked.update(range(i, i + len(phrase)))

    # -- helpers --------------------------------------------------------------------------
    def make(
        self,
        first: int,
        last: int,
        entry: Entry | None,
        kind: MentionKind,
        coach: bool,
        score: float = 100.0,
        canonical: str | None = None,
        executive: bool = False,
    ) -> Found:
        start, end = self.tokens[first].start, self.tokens[last - 1].end
        return Found(
            first,
            last,
            start,
            end,
            self.text[start:end],
            entry,
            kind,
            coach,
            score,
            canonical,
            executive,
        )

    def keep(self, found: Found) -> None:
        self.found.append(found)
        self.taken.update(range(found.first, found.last))

    def free(self, i: int, size: int = 1) -> bool:
        return all(k not in self.taken and k not in self.blocked for k in range(i, i + size))

    def joined(self, i: int, size: int) -> bool:
        """Only spaces, apostrophes or hyphens between the tokens [i, i+size), or the full stop
        of an abbreviation that opens a place's name ("St. Louis City")."""
        for k in range(i + 1, i + size):
            gap = self.text[self.tokens[k - 1].end : self.tokens[k].start].strip(" '’-")
            if gap and not (gap == "." and self.tokens[k - 1].text in _NAME_ABBREVIATIONS):
                return False
        return True

    def name_word(self, k: int) -> bool:
        tok = self.tokens[k]
        if self._elided_prefix(k):
            return True
        return (
            tok.capitalised
            and (tok.folded not in self.lex.stopwords or self._first_name_stopword(k))
            and not tok.folded.isdigit()
            and len(tok.folded) > 1
        )

    def _first_name_stopword(self, k: int) -> bool:
        """A listed first name that is also a stopword opens a name when a capitalised word
        follows it: "Julio Vaccari" is a coach, while the month is written "julio de 2024"."""
        if self.tokens[k].folded not in self.lex.first_names or k + 1 >= len(self.tokens):
            return False
        nxt = self.tokens[k + 1]
        return (
            nxt.capitalised
            and nxt.folded not in self.lex.stopwords
            and not self.text[self.tokens[k].end : nxt.start].strip()
        )

    def _elided_prefix(self, k: int) -> bool:
        """The one capital letter and apostrophe that open a surname ("O'Shea", "D'Aversa"),
        when the rest of the surname follows, free: part of the name, not a stopword."""
        tok = self.tokens[k]
        if len(tok.folded) != 1 or not tok.capitalised or k + 1 >= len(self.tokens):
            return False
        nxt = self.tokens[k + 1]
        return (
            self.text[tok.end : nxt.start] in _APOSTROPHES
            and nxt.capitalised
            and len(nxt.folded) > 1
            and self.free(k + 1)
        )

    def capital_run(
        self, i: int, limit: int = _MAX_RUN, particles: bool = True, long: bool = False
    ) -> int:
        """How many tokens from i make a name: capitalised non-stopwords joined by spaces,
        with "de", "van", "ten" … inside ("Daniele de Rossi", "Erik ten Hag"), and "de la",
        "van der" right after a first name ("Luis de la Fuente"). `limit` counts words, a
        particle group as one; a run never ends on a particle. `long`: a name whose particle
        surname has a second surname after it may have one word more, its particles aside
        ("José María del Nido Carrasco")."""
        words: list[int] = []  # the token count after each name word
        ends: list[int] = []  # … after each unit: a name word or a particle group
        n = 0
        while i + n < len(self.tokens) and len(words) <= limit:
            k = i + n
            if not self.free(k) or (n and not self.joined(k - 1, 2)):
                break
            if self.name_word(k):
                n += 1
                words.append(n)
                ends.append(n)
                continue
            # "de la", "van der" only right after a first name ("Luis de la Fuente")
            double = n == 1 and self.first_name(i)
            size = self.particles_at(k, double) if particles and n else 0
            if not size:
                break
            ends.append(n + size)
            n += size + 1
            words.append(n)
            ends.append(n)
        if long and len(words) > limit and len(ends) > len(words):
            return words[limit]
        ends = ends[:limit]
        while len(ends) > 1 and not self.name_word(i + ends[-1] - 1):
            ends.pop()  # "José María del": no name ends on its particle
        return ends[-1] if ends else 0

    def first_name(self, k: int) -> bool:
        folded = self.tokens[k].folded
        return folded in self.gaz.first_names or folded in self.lex.first_names

    def particles_at(self, k: int, double: bool = True) -> int:
        """How many surname particles ("de", "de la", "van der") start at k and are followed,
        all joined by spaces, by a free name word; 0 if none. Two only when `double` (right
        after a first name: "Luis de la Fuente", not "Isaac Moreno de la Sub-17")."""
        for size in (1, 2) if double else (1,):
            nxt = k + size
            if (
                nxt < len(self.tokens)
                and all(self.tokens[j].folded in SURNAME_PARTICLES for j in range(k, nxt))
                and self.free(k, size + 1)
                and self.joined(k, size + 1)
                and self.name_word(nxt)
            ):
                return size
        return 0

    # -- 1. the gazetteer -----------------------------------------------------------------
    def exact(self) -> None:
        extra: dict[tuple[str, ...], Entry] = {}
        for alias, ident in self.lex.extra_aliases.items():
            entry = self.gaz.entries.get(ident)
            if entry is not None:
                extra[tuple(fold(alias).split())] = entry
        full_names = self._full_names()
        tokens = self.tokens
        longest_extra = max((len(k) for k in extra), default=0)
        nicknames: dict[str, list[Pattern]] = {}
        for pattern in self.lex.nicknames:
            nicknames.setdefault(pattern[0], []).append(pattern)
        for patterns in nicknames.values():
            patterns.sort(key=len, reverse=True)
        deferred: list[tuple[int, int, list[str]]] = []
        i = 0
        while i < len(tokens):
            hit: Found | None = None
            nick = self._nickname_at(i, nicknames)
            longest = max(self.gaz.longest.get(tokens[i].folded, 0), longest_extra)
            for size in range(min(longest, len(tokens) - i), 0, -1):
                if not self.free(i, size):
                    continue
                key = tuple(t.folded for t in tokens[i : i + size])
                capitalised = tokens[i].capitalised
                if key in self.gaz.shared_surnames and capitalised:
                    hit = self._shared(i, size, key, full_names)
                    if hit is None:
                        continue
                    break
                entries = self.gaz.lookup(key, capitalised)
                if not entries and key in extra and capitalised:
                    entries = [extra[key]]
                short = self._short_first_name(i, size, entries) if entries and i else None
                if short is not None:
                    hit = self.make(i - 1, i + size, short, short.kind, short.is_coach)
                    break
                if (
                    entries
                    and size == 1
                    and (
                        self._common_word(i)
                        or self._first_name_of(i, entries)
                        or self._middle_of_name(i, entries)
                        or self._head_of_unknown_name(i, entries)
                        or self._team_as_surname(i, entries)
                    )
                ):
                    continue
                if entries and self._tail_of_other_club(i, size, entries):
                    continue
                if entries:
                    entry = _prefer(entries)
                    hit = self.make(i, i + size, entry, entry.kind, entry.is_coach)
                    break
            if nick is not None and (
                hit is None
                or hit.last - hit.first < nick[0]
                or (hit.last - hit.first == nick[0] and len(nick[1]) > 1)
            ):
                # a nickname longer than any name here ("Paris St-Germain" over "Paris")
                deferred.append((i, nick[0], nick[1]))
                self.taken.update(range(i, i + nick[0]))
                i += nick[0]
            elif hit is not None:
                self.keep(hit)
                i = hit.last
            else:
                i += 1
        # which of the teams a nickname may mean: the one the article names most elsewhere
        named: dict[str, int] = {}
        for f in self.found:
            if f.entry is not None and f.entry.kind == "team":
                named[f.entry.id] = named.get(f.entry.id, 0) + 1
        for start, size, teams in deferred:
            self.keep(self._nickname(start, size, teams, named))

    def _nickname_at(
        self, i: int, nicknames: dict[str, list[Pattern]]
    ) -> tuple[int, list[str]] | None:
        """The longest nickname of the lexicon starting at token i: (length, teams)."""
        for pattern in nicknames.get(self.tokens[i].folded, ()):
            capital, teams = self.lex.nicknames[pattern]
            if (
                _matches_at(self.tokens, i, pattern)
                and self.free(i, len(pattern))
                and (not capital or self.tokens[i].capitalised)
                and not (_national(teams) and self._after_other_name(i))
            ):
                return len(pattern), teams
        return None

    def first_names_alone(self) -> None:
        """ "Frank Lampard … Frank", "Marcelino García Toral … Marcelino": a person the
        article names in full and then by his first name alone. The word alone is him where
        the gazetteer took it for the surname of a person the article does not name in full;
        in a language whose press names coaches by their first name (`first_name_alone`: the
        Spanish Marcelino, Quique, Míchel) also where nothing took it. Not when two people it
        names in full share the first name."""
        full: dict[str, list[Found]] = defaultdict(list)
        for f in self.found:
            if (
                f.entry is not None
                and f.kind == "person"
                and f.last - f.first >= 2
                and self.tokens[f.first].folded == fold(f.entry.name).split()[0]
            ):
                full[self.tokens[f.first].folded].append(f)
        named = {f.entry.id for fs in full.values() for f in fs if f.entry is not None}
        for word, fs in full.items():
            if len({f.entry.id for f in fs if f.entry is not None}) != 1 or len(word) < 3:
                continue
            source = fs[0]
            for k in range(source.last, len(self.tokens)):
                if self.tokens[k].folded != word or not self.tokens[k].capitalised:
                    continue
                if k + 1 < len(self.tokens) and (
                    (self.name_word(k + 1) and self.joined(k, 2)) or self.particles_at(k + 1)
                ):
                    continue  # a first name of some other full name ("Frank Trimboli", "Luis
                    # de la Fuente")
                other = next((f for f in self.found if f.first == k and f.last == k + 1), None)
                if other is not None:
                    if other.entry is None or other.kind != "person" or other.entry.id in named:
                        continue
                    self.found.remove(other)
                elif not (self.lex.first_name_alone and self.free(k)):
                    continue
                self.taken.discard(k)
                self.keep(self.make(k, k + 1, source.entry, MentionKind.person, source.coach))

    def _short_first_name(self, i: int, size: int, entries: list[Entry]) -> Entry | None:
        """ "Beppe Iachini": a person the gazetteer knows, by his surname after a short form
        of his first name (`first_name_forms`: "Beppe" is Giuseppe)."""
        k = i - 1
        forms = self.lex.first_name_forms.get(self.tokens[k].folded)
        if not forms or not self.tokens[k].capitalised or not self.free(k):
            return None
        if not self.joined(k, 2):
            return None
        people = [e for e in entries if e.kind == "person" and fold(e.name).split()[0] in forms]
        return people[0] if len(people) == 1 else None

    def _first_name_of(self, i: int, entries: list[Entry]) -> bool:
        """ "Frank Trimboli", "Luis García": a one-word name of a person the gazetteer knows
        that is here the first name, or the surname, of somebody else."""
        people = [e for e in entries if e.kind == "person"]
        if not people or len(people) < len(entries):
            return False
        first_names = self.gaz.first_names | self.lex.first_names
        nxt = i + 1
        if (
            nxt < len(self.tokens)
            and self.tokens[i].folded in first_names
            and self.joined(i, 2)
            and self.name_word(nxt)
        ):
            return True
        prev = i - 1
        if prev >= 0 and self.joined(prev, 2) and self.tokens[prev].folded in first_names:
            own = {fold(e.name).split()[0] for e in people}
            return self.tokens[prev].capitalised and self.tokens[prev].folded not in own
        return False

    def _team_as_surname(self, i: int, entries: list[Entry]) -> bool:
        """ "Fernando Santos", "Martín Palermo", "Raffaele di Napoli": a club's one-word name
        joined after a capitalised first name, a surname particle maybe between, is the surname
        of somebody the gazetteer does not know, not the club."""
        if any(e.kind != "team" for e in entries):
            return False
        k = i - 1
        if k >= 0 and self.tokens[k].folded in SURNAME_PARTICLES and not self.tokens[k].capitalised:
            k -= 1  # "Raffaele di Napoli"
        if k < 0 or not self.free(k) or not self.joined(k, i - k + 1):
            return False
        first = self.tokens[k]
        return first.capitalised and self.first_name(k)

    def _head_of_unknown_name(self, i: int, entries: list[Entry]) -> bool:
        """ "Ross Wilson" is not Jack Ross: a one-word name of a person the gazetteer knows,
        with a proper name joined after it that no entry of the gazetteer starts with and the
        article never writes in lowercase, opens the full name of somebody it does not hold."""
        nxt = i + 1
        if (
            any(e.kind != "person" for e in entries)
            or nxt >= len(self.tokens)
            or nxt in self.sentence_start
            or not self.joined(i, 2)
            or not self.name_word(nxt)
            or not self.tokens[nxt].capitalised
        ):
            return False
        word = self.tokens[nxt].folded
        return (
            word not in self.gaz.longest
            and word not in self.lex.first_names
            and word not in self._nickname_heads()
            and word not in self._lowercase_words()
        )

    def _nickname_heads(self) -> frozenset[str]:
        if self._heads is None:
            self._heads = frozenset(p[0] for p in self.lex.nicknames)
        return self._heads

    def _lowercase_words(self) -> frozenset[str]:
        if self._lowercase is None:
            self._lowercase = frozenset(t.folded for t in self.tokens if not t.capitalised)
        return self._lowercase

    def _middle_of_name(self, i: int, entries: list[Entry]) -> bool:
        """ "Mar García Tuero": a person's one-word name with a name word joined on each side is
        the middle of somebody else's name, whatever his first name."""
        if any(e.kind != "person" for e in entries) or i == 0 or i + 1 >= len(self.tokens):
            return False
        own = {fold(e.name).split()[0] for e in entries}
        return (
            self.joined(i - 1, 3)
            and self.name_word(i - 1)
            and self.name_word(i + 1)
            and self.tokens[i - 1].folded not in own
        )

    def _tail_of_other_club(self, i: int, size: int, entries: list[Entry]) -> bool:
        """ "Young Boys" is not "Sport Boys", "Dundee United" not "Manchester United": a club's
        short name that is only ever the end of its longer names, written after another
        capitalised word joined to it, ends the name of some other club."""
        k = i - 1
        if (
            k < 0
            or k in self.sentence_start
            or not self.free(k)
            or not self.name_word(k)
            or not self.joined(k, 2)
            or any(e.kind != MentionKind.team for e in entries)
        ):
            return False
        key = tuple(t.folded for t in self.tokens[i : i + size])
        before = self.tokens[k].folded
        for entry in entries:
            heads, tails = False, False
            for name in self.gaz.names_of.get(entry.id, ()):
                words = tuple(fold(name).split())
                if len(words) <= size:
                    continue
                if words[:size] == key:
                    heads = True
                for j in range(1, len(words) - size + 1):
                    if words[j : j + size] == key:
                        tails = True
                        if words[j - 1] == before:
                            return False
            if heads or not tails:
                return False
        return True

    def _common_word(self, i: int) -> bool:
        """A one-word name that is also a common word of the language ("Como", "Nice"),
        capitalised only because a sentence starts with it."""
        return i in self.sentence_start and self.tokens[i].folded in self.lex.stopwords

    def _full_names(self) -> dict[tuple[str, ...], Entry]:
        """For each surname several people share, the one the article names in full."""
        out: dict[tuple[str, ...], Entry] = {}
        folded = [t.folded for t in self.tokens]
        present = set(folded)
        for key, people in self.gaz.shared_surnames.items():
            if key[-1] not in present:
                continue
            for person in people:
                words = fold(person.name).split()
                n = len(words)
                if any(folded[i : i + n] == words for i in range(len(folded) - n + 1)):
                    out.setdefault(key, person)
        return out

    def _shared(
        self, i: int, size: int, key: tuple[str, ...], full_names: dict[tuple[str, ...], Entry]
    ) -> Found | None:
        people = self.gaz.shared_surnames[key]
        if i > 0 and self.free(i - 1) and self.tokens[i - 1].capitalised and self.joined(i - 1, 2):
            # "Simone Inzaghi": the first name before the surname tells who
            first = self.tokens[i - 1].folded
            for person in people:
                if fold(person.name).split()[0] == first:
                    return self.make(i - 1, i + size, person, person.kind, person.is_coach)
            if self.name_word(i - 1):
                return None  # "Luis Fernández": somebody else, left to the name passes
        if (
            i + size < len(self.tokens)
            and self.joined(i + size - 1, 2)
            and self.name_word(i + size)
        ):
            return None  # "Alfonso Fernández de Trocóniz", "López Garai": a longer name
        entry = full_names.get(key)
        if entry is not None:
            return self.make(i, i + size, entry, entry.kind, entry.is_coach)
        coach = any(p.is_coach for p in people)
        return self.make(i, i + size, None, MentionKind.person, coach)

    def _nickname(self, i: int, size: int, teams: list[str], named: dict[str, int]) -> Found:
        # the article a nickname is written with ("i Blancos", "the Gunners") is not the name
        while size > 1 and self.tokens[i].folded in self.lex.stopwords:
            i, size = i + 1, size - 1
        entries = [e for e in (self.gaz.team_named(t) for t in teams) if e is not None]
        in_text = [e for e in entries if e.id in named]
        chosen = max(in_text, key=lambda e: named[e.id]) if in_text else None
        if chosen is None and len(teams) > 1:
            # a nickname several teams share, none of them named: the first one in the data
            chosen = self.gaz.team_named(teams[0])
        elif chosen is None and entries:
            chosen = entries[0]
        if chosen is not None:
            return self.make(i, i + size, chosen, MentionKind.team, False)
        return self.make(i, i + size, None, MentionKind.team, False, canonical=teams[0])

    def countries(self) -> None:
        """A country's name is its national team ("managed Iceland and Jamaica", "la
        selección de Perú"): the gazetteer's, else one named "<country> national team" — but
        not after a word of place ("in Australia", "en Colombia"), and not when it is part of
        a longer name ("Jordan Henderson", "Costa Rica" is whole)."""
        table = countries()
        longest = max(len(k) for k in table)
        tokens = self.tokens
        i = 0
        while i < len(tokens):
            if not tokens[i].capitalised or not (self.free(i) or self._inside_team(i, 2)):
                i += 1
                continue
            size = next(
                (
                    n
                    for n in range(min(longest, len(tokens) - i), 0, -1)
                    if tuple(t.folded for t in tokens[i : i + n]) in table
                    and (self.free(i, n) or self._inside_team(i, n))
                ),
                0,
            )
            if not size:
                i += 1
                continue
            key = tuple(t.folded for t in tokens[i : i + size])
            before = i - 1
            if (
                before >= 0 and tokens[before].folded in self.lex.locatives
            ) or self._in_longer_name(i, size):
                i += size
                continue
            name = table[key]
            for inner in [f for f in self.found if i <= f.first and f.last <= i + size]:
                # "the United States": the country, not the club "United" inside it
                self.found.remove(inner)
                self.taken.difference_update(range(inner.first, inner.last))
            entry = self.gaz.team_named(f"{name} national team")
            if entry is not None and entry.kind == "team":
                self.keep(self.make(i, i + size, entry, MentionKind.team, False))
            else:
                found = self.make(i, i + size, None, MentionKind.team, False)
                self.keep(replace(found, canonical=f"{name} national team"))
            i += size

    def _in_longer_name(self, i: int, size: int) -> bool:
        """The words [i, i+size) are joined to a name word before or after them: part of a
        longer name ("Jordan Henderson", "Fox Sports Perú"), not a country's team alone."""
        before, after = i - 1, i + size
        return (before >= 0 and self.joined(before, 2) and self.name_word(before)) or (
            after < len(self.tokens) and self.joined(after - 1, 2) and self.name_word(after)
        )

    def _after_other_name(self, i: int) -> bool:
        """A name word other than a national team's ("Selección") is joined before i: the
        country ends an outlet's or a firm's name ("Fox Sports Perú"), it is no team."""
        before = i - 1
        return (
            before >= 0
            and self.joined(before, 2)
            and self.name_word(before)
            and (self.tokens[before].folded,) not in self.lex.national_team_words
        )

    def reserve_sides(self) -> None:
        """A club's name followed by a word of a reserve, youth or women's side ("Milan
        Futuro", "Juventus Next Gen", "Osasuna Promesas", "Borussia Dortmund II") is that side:
        a team of its own, unresolved under its full name, never the first team."""
        by_first: dict[str, list[Pattern]] = {}
        for p in self.lex.reserve_words:
            by_first.setdefault(p[0], []).append(p)
        for options in by_first.values():
            options.sort(key=len, reverse=True)
        for f in [f for f in self.found if f.kind == MentionKind.team]:
            k = f.last
            if k >= len(self.tokens) or not self.tokens[k].capitalised:
                self._possessive_reserve(f)
                continue
            size = next(
                (
                    len(p)
                    for p in by_first.get(self.tokens[k].folded, ())
                    if _matches_at(self.tokens, k, p)
                    and self.free(k, len(p))
                    and self.joined(k - 1, len(p) + 1)
                ),
                0,
            )
            if not size:
                continue
            self.found.remove(f)
            self.keep(self.make(f.first, k + size, None, MentionKind.team, False))

    def _possessive_reserve(self, club: Found) -> None:
        """A club's possessive and a noun of a reserve side ("Borussia Dortmund's second
        team"): that side, a team of its own named "<club> II", never the first team."""
        k = club.last
        if (
            k + 1 >= len(self.tokens)
            or self.tokens[k].folded not in self.lex.possessive_after
            or not self.joined(k - 1, 2)
        ):
            return
        size = next(
            (
                len(p)
                for p in self.lex.reserve_nouns
                if _matches_at(self.tokens, k + 1, p) and self.free(k + 1, len(p))
            ),
            0,
        )
        if size:
            name = club.entry.name if club.entry is not None else club.canonical or club.text
            self.found.remove(club)
            found = self.make(club.first, k + 1 + size, None, MentionKind.team, False)
            self.keep(replace(found, canonical=f"{name} II"))

    def reserve_alone(self) -> None:
        """A reserve side named alone ("entrenador del Promesas", "il tecnico della
        Primavera") is the side of the club the article names most: "Osasuna Promesas"."""
        counts: dict[str, int] = defaultdict(int)
        surfaces: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for f in self.found:
            if f.kind == MentionKind.team and f.entry is not None:
                counts[f.entry.id] += 1
                surfaces[f.entry.id][f.text] += 1
        if not counts:
            return
        club = max(counts, key=lambda ident: counts[ident])
        surface = max(surfaces[club], key=lambda text: surfaces[club][text])
        patterns = {p for p in self.lex.reserve_words if len("".join(p)) >= 3}
        for k, f in enumerate(self.found):
            key = tuple(t.folded for t in self.tokens[f.first : f.last])
            if f.kind == MentionKind.team and f.entry is None and key in patterns:
                self.found[k] = replace(f, canonical=f"{surface} {f.text}")

    def _inside_team(self, i: int, size: int) -> bool:
        """Tokens [i, i+size) hold only shorter team names and no blocked word: a country's
        longer name ("United States") wins over a club's short name inside it ("United")."""
        if size < 2 or any(k in self.blocked for k in range(i, i + size)):
            return False
        inner = [f for f in self.found if f.first < i + size and f.last > i]
        return bool(inner) and all(
            f.kind == MentionKind.team and i <= f.first and f.last <= i + size for f in inner
        )

    def national_teams(self) -> None:
        """A national-team word with an adjective of nationality ("la selección peruana", "la
        Nazionale italiana", "the Indian team", "Mexican national team") is that country's
        team: the adjective after the word where adjectives follow nouns, else before it."""
        tokens = self.tokens
        for i in range(len(tokens)):
            for p in self.lex.national_team_words:
                n = len(p)
                if not _matches_at(tokens, i, p) or not self.free(i, n):
                    continue
                adj = i + n if self.lex.adjective_after_noun else i - 1
                if not 0 <= adj < len(tokens) or not self.free(adj):
                    continue
                country = demonym_country(tokens[adj].folded, self.lex.demonyms)
                if country is None:
                    continue
                first, last = min(i, adj), max(i + n, adj + 1)
                entry = self.gaz.team_named(f"{country} national team")
                if entry is not None and entry.kind == "team":
                    self.keep(self.make(first, last, entry, MentionKind.team, False))
                else:
                    found = self.make(first, last, None, MentionKind.team, False)
                    self.keep(replace(found, canonical=f"{country} national team"))
                break

    def block_not_names(self) -> None:
        """A capitalised run holding a word that names no person and no club — a medium, a
        ground, a competition, a federation ("Radio Sportiva", "Stadio Romeo Anconetani",
        "Scottish Cup", "All India Football Federation") — is none of the names the later
        passes guess, whatever other words it holds. (The gazetteer's names are found first.)"""
        words = self.lex.not_names
        for i, tok in enumerate(self.tokens):
            # a word a place phrase blocked already ("Championship") still blocks its run
            if not tok.capitalised or tok.folded not in words or i in self.taken:
                continue
            first = i
            while (
                first > 0
                and self.tokens[first - 1].capitalised
                and self.free(first - 1)
                and self.joined(first - 1, 2)
            ):
                first -= 1
            last = i + 1
            while (
                last < len(self.tokens)
                and self.tokens[last].capitalised
                and self.free(last)
                and self.joined(last - 1, 2)
            ):
                last += 1
            self.blocked.update(range(first, last))

    # -- 3. role words --------------------------------------------------------------------
    def marked(self) -> None:
        kinds: list[tuple[list[Pattern], MentionKind, bool, bool]] = [
            (self.lex.coach_markers, MentionKind.person, True, False),
            (self.lex.executive_markers, MentionKind.person, False, True),
            (self.lex.person_markers, MentionKind.person, False, False),
            (self.lex.team_markers, MentionKind.team, False, False),
        ]
        markers: dict[str, list[tuple[Pattern, MentionKind, bool, bool]]] = {}
        for patterns, kind, coach, executive in kinds:
            for p in patterns:
                markers.setdefault(p[0], []).append((p, kind, coach, executive))
        for options in markers.values():
            options.sort(key=lambda o: len(o[0]), reverse=True)
        for i, tok in enumerate(self.tokens):
            for marker, kind, coach, executive in markers.get(tok.folded, ()):
                if not _matches_at(self.tokens, i, marker):
                    continue
                if self._particle_in_name(i, marker):
                    break
                j = self._after_marker(i + len(marker), kind)
                if j is None:
                    break
                run = self.capital_run(j)
                weak = all(w in self.lex.stopwords for w in marker)
                if run and kind == "team" and self._team_run_ok(j, run, weak):
                    self.keep(self.make(j, j + run, None, kind, False))
                elif run and kind == "person" and self._person_run_ok(j, run):
                    found = self.make(j, j + run, None, kind, coach, executive=executive)
                    self.keep(replace(found, coach_word=coach))
                break

    def _particle_in_name(self, i: int, marker: Pattern) -> bool:
        """A lone particle right after a known first name ("Ricardo del Olmo") or capitalised
        inside a sentence ("según Del Olmo") is part of a name, not an article or preposition
        before a team."""
        if len(marker) != 1 or marker[0] not in SURNAME_PARTICLES:
            return False
        if self.tokens[i].capitalised:
            return i not in self.sentence_start
        return (
            i > 0
            and self.tokens[i - 1].capitalised
            and self.tokens[i - 1].folded in self.gaz.first_names | self.lex.first_names
            and self.joined(i - 1, 2)
        )

    def _after_marker(self, j: int, kind: MentionKind) -> int | None:
        """Where the name after a role word starts: right after it, or after the team it
        belongs to ("il presidente del Bologna Joey Saputo"), or in a parenthesis right after
        it ("il nostro direttore (Max Eberl, ndr)")."""
        if j >= len(self.tokens):
            return None
        gap = self.text[self.tokens[j - 1].end : self.tokens[j].start].strip()
        if gap and not (gap == "(" and kind == "person"):
            return None
        if kind == "person":
            k = j
            if self.tokens[k].folded in {"del", "della", "dello", "de", "of", "the", "dell"}:
                k += 1
            team = next((f for f in self.found if f.first == k and f.kind == "team"), None)
            if team is not None and team.last < len(self.tokens):
                if self._list_goes_on(team.last):
                    return None  # "ex entrenador de Rosario Central, Unión y Platense"
                return team.last
        return j

    def _list_goes_on(self, k: int) -> bool:
        """After a comma, one capitalised word then a list word and another capitalised word:
        a list of teams goes on ("Rosario Central, Unión y Platense"), no name after a team."""
        tokens = self.tokens
        if (
            k < 1
            or k + 2 >= len(tokens)
            or "," not in self.text[tokens[k - 1].end : tokens[k].start]
        ):
            return False
        return (
            tokens[k].capitalised
            and tokens[k + 1].folded in self.lex.list_words
            and tokens[k + 2].capitalised
        )

    def _role_words(self, j: int, run: int) -> bool:
        """Whether the words [j, j+run) are a role word of the lexicon ("CT", "DT", "Mister")."""
        words = tuple(self.tokens[k].folded for k in range(j, j + run))
        return words in self._roles

    @cached_property
    def _roles(self) -> frozenset[tuple[str, ...]]:
        lex = self.lex
        return frozenset(
            tuple(p) for p in lex.coach_markers + lex.executive_markers + lex.person_markers
        )

    def _person_run_ok(self, j: int, run: int) -> bool:
        return not (run == 1 and j in self.sentence_start)

    def _team_run_ok(self, j: int, run: int, weak: bool) -> bool:
        """Not a person's first name; after a bare article or preposition ("il", "del", "el"),
        only a name the article uses more than once, and not one that goes on with "de …"
        ("el Consejo de Fútbol" is no team)."""
        if self.tokens[j].folded in self.gaz.first_names | self.lex.first_names:
            return False
        if self._role_words(j, run):
            return False  # "l'ex CT della Nazionale": a role, not a team
        word = self.tokens[j].folded
        if (
            run == 1
            and word.endswith(_DEMONYM_ENDINGS)
            and demonym_country(word, self.lex.demonyms)
        ):
            return False  # "the former Canadian international": a nationality, not a club
        if run == 1 and self._surname_elsewhere(j):
            return False
        if self._before_competition(j + run):
            return False  # "former Asian Champions League winner": a competition's adjective
        if not weak:
            return True
        nxt = j + run
        if (
            nxt + 1 < len(self.tokens)
            and self.tokens[nxt].folded in _OF
            and self.tokens[nxt + 1].capitalised
            and self.joined(nxt - 1, 3)
        ):
            return False
        key = [self.tokens[k].folded for k in range(j, j + run)]
        seen = 0
        for k, tok in enumerate(self.tokens):
            if (
                tok.folded == key[0]
                and tok.capitalised
                and [t.folded for t in self.tokens[k : k + run]] == key
            ):
                seen += 1
        return seen >= 2

    def _before_competition(self, k: int) -> bool:
        """A competition or place phrase (`place_phrases`) starts at k, joined to the word
        before it: that word qualifies it ("Asian Champions League"), it names no team."""
        return 0 < k < len(self.tokens) and k in self.blocked and self.joined(k - 1, 2)

    def _surname_elsewhere(self, j: int) -> bool:
        """The word at j follows a known first name elsewhere in the article ("Roman
        Abramovich … a statement from Abramovich"): a person's surname, not a team."""
        return self.tokens[j].folded in self._after_first_names

    @cached_property
    def _after_first_names(self) -> frozenset[str]:
        """The words the article writes right after a capitalised known first name."""
        first_names = self.gaz.first_names | self.lex.first_names
        return frozenset(
            self.tokens[k].folded
            for k in range(1, len(self.tokens))
            if self.tokens[k - 1].capitalised
            and self.tokens[k - 1].folded in first_names
            and self.joined(k - 1, 2)
        )

    # -- 4. names by their shape ----------------------------------------------------------
    def shaped(self) -> None:
        first_names = self.gaz.first_names | self.lex.first_names
        i = 0
        while i < len(self.tokens):
            tok = self.tokens[i]
            if (
                tok.folded in first_names
                and self.free(i)
                and tok.capitalised
                and i + 1 < len(self.tokens)
                and self.joined(i, 2)
            ):
                run = self.capital_run(i, long=True)
                if run >= 2 and not any(
                    self.tokens[k].folded in self.lex.club_words for k in range(i, i + run)
                ):
                    self.keep(self.make(i, i + run, None, MentionKind.person, True))
                    i += run
                    continue
            i += 1

    def echoed(self) -> None:
        """A run of two or three capitalised words whose last word the article also writes
        alone is a person's name and surname, whatever his first name ("Heimir Hallgrimsson …
        Hallgrimsson has previously managed"): a team, a place or a competition is seldom
        cut that way."""
        alone: set[str] = set()
        n = len(self.tokens)
        for k in range(n):
            if (
                self.free(k)
                and self.name_word(k)
                and not (k > 0 and self.tokens[k - 1].capitalised and self.joined(k - 1, 2))
                and not (k + 1 < n and self.tokens[k + 1].capitalised and self.joined(k, 2))
            ):
                alone.add(self.tokens[k].folded)
        i = 0
        while i < n:
            if not self.free(i) or not self.name_word(i):
                i += 1
                continue
            # no "de"/"di" inside: "Miranda de Ebro", "Redazione di TuttoAtalanta" are no names
            run = self.capital_run(i, particles=False)
            first = i
            if (
                run >= 2
                and i in self.sentence_start
                and self.tokens[i].folded not in self.gaz.first_names | self.lex.first_names
            ):
                # "Seguono Colantuono": a sentence's first word may be any word; the surname
                # alone names the person as well
                first = i + 1
            if (
                run >= 2
                and self.tokens[i + run - 1].folded in alone
                and not any(self.tokens[k].folded in self.lex.club_words for k in range(i, i + run))
            ):
                self.keep(self.make(first, i + run, None, MentionKind.person, True))
                i += run
                continue
            i += max(run, 1)

    @cached_property
    def _before_comma(self) -> frozenset[int]:
        """The tokens a comma comes right before (the comma closes the word before them)."""
        return frozenset(
            k
            for k in range(1, len(self.tokens))
            if "," in self.text[self.tokens[k - 1].end : self.tokens[k].start]
        )

    def appositions(self) -> None:
        """A capitalised run set off by a comma and followed by a role word — maybe after an
        article or one word ("già", "ex") — is a person of that role, whatever his first name
        ("Santi Castillo, entrenador del filial", "Fuad Char Abdala, accionista del club",
        "Mario Verdi, il tecnico della Primavera")."""
        roles: list[tuple[Pattern, bool]] = [(p, True) for p in self.lex.coach_markers] + [
            (p, False) for p in self.lex.executive_markers
        ]
        roles.sort(key=lambda r: len(r[0]), reverse=True)
        n = len(self.tokens)
        commas = self._before_comma
        i = 0
        while i < n:
            if (
                not any(k in commas for k in range(i + 1, i + 2 * _MAX_RUN + 1))  # particles too
                or not self.free(i)
                or not self.name_word(i)
                or (i > 0 and self.joined(i - 1, 2) and self.name_word(i - 1))
            ):
                i += 1
                continue
            run = self.capital_run(i)
            last = i + run
            if (
                (run < _APPOSITION_WORDS and not self._one_word_item(i, run))
                or last >= n
                or self.text[self.tokens[last - 1].end : self.tokens[last].start].strip() != ","
                or any(self.tokens[k].folded in self.lex.club_words for k in range(i, last))
            ):
                i += max(run, 1)
                continue
            role = next(
                (
                    coach
                    for skip in (0, 1)
                    for p, coach in roles
                    if _matches_at(self.tokens, last + skip, p)
                    and not self.tokens[last + skip].capitalised
                ),
                None,
            )
            if role is not None:
                found = self.make(i, last, None, MentionKind.person, role, executive=not role)
                self.keep(replace(found, coach_word=role))
            i = last

    def _one_word_item(self, i: int, run: int) -> bool:
        """ "Si tratta di Mario Rossi, tecnico del Bari, Michel, allenatore del Girona": one word
        set off by commas inside a list of people that the sentence opened (a person named
        before it is followed by a comma) is a name too, not a place."""
        if run != 1 or i in self.sentence_start or i not in self._before_comma:
            return False
        start = max((k for k in self.sentence_start if k <= i), default=0)
        return any(
            f.kind == MentionKind.person and start <= f.first and f.last in self._before_comma
            for f in self.found
            if f.last <= i
        )

    def team_appositions(self) -> None:
        """A capitalised run inside a sentence set off by a comma before a noun for a club —
        maybe after an article — is a club ("alla Turris, squadra che milita in Serie C", "el
        Tolima, equipo que dirigió", "Forfar, a side in the second tier")."""
        nouns = self.lex.team_nouns
        n = len(self.tokens)
        commas = self._before_comma
        i = 1
        while i < n:
            if (
                not any(k in commas for k in range(i + 1, i + _MAX_RUN + 1))
                or i in self.sentence_start
                or not self.free(i)
                or not self.name_word(i)
                or (self.joined(i - 1, 2) and self.name_word(i - 1))
            ):
                i += 1
                continue
            run = self.capital_run(i, particles=False)
            last = i + run
            if (
                run
                and last + 1 < n
                and self.text[self.tokens[last - 1].end : self.tokens[last].start].strip() == ","
                and not self.first_name(i)
                and any(
                    self.tokens[k].folded in nouns and not self.tokens[k].capitalised
                    for k in (last, last + 1)
                    if k == last or self._described_after_article(last, k)
                )
            ):
                self.keep(self.make(i, last, None, MentionKind.team, False))
            i += max(run, 1)

    def bench_pairs(self) -> None:
        """A round-up of bench changes: two pairs or more in one sentence, each a word of place,
        a team, a word joining a new coach and that coach ("a Pontedera con l'arrivo di
        Menichini, a Pineto con Tisci e alla Pianese con Formisano"), listed with commas or a
        list word. The capitalised runs nobody knows there are a club and a person."""
        pairs: list[tuple[int, int, int, int]] = []  # team [a, b), person [c, d)
        for i, tok in enumerate(self.tokens):
            if tok.folded not in self.lex.at_team_words or i + 1 >= len(self.tokens):
                continue
            a = i + 1
            b = a + self._slot_run(a, MentionKind.team)
            if b == a:
                continue
            size = bench_pair_size(self.tokens, b, self.lex)
            c = b + size
            if not size or c >= len(self.tokens):
                continue
            d = c + self._slot_run(c, MentionKind.person)
            if d > c:
                pairs.append((a, b, c, d))
        chained: set[int] = set()
        for n, (left, right) in enumerate(pairwise(pairs)):
            if self._chained(left[3], right[0] - 1):
                chained.update({n, n + 1})
        for n in sorted(chained):
            a, b, c, d = pairs[n]
            if self.free(a, b - a):
                self.keep(self.make(a, b, None, MentionKind.team, False))
            if self.free(c, d - c):
                self.keep(replace(self.make(c, d, None, MentionKind.person, True), coach_word=True))

    def _slot_run(self, k: int, kind: MentionKind) -> int:
        """The tokens a mention of `kind` found already covers from k, else a capitalised run
        nobody took, inside a sentence."""
        for f in self.found:
            if f.first == k:
                return f.last - f.first if f.kind == kind else 0
        if k in self.sentence_start or not self.free(k) or not self.name_word(k):
            return 0
        return self.capital_run(k, limit=3, particles=kind == MentionKind.person)

    def _chained(self, end: int, place: int) -> bool:
        """Only commas, semicolons, a list word or a bracket between a pair ending at token
        `end` and the word of place of the next, in one sentence."""
        if any(k in self.sentence_start for k in range(end, place + 1)):
            return False
        gap = self.text[self.tokens[end - 1].end : self.tokens[place].start]
        gap = re.sub(r"\([^()]*\)", " ", gap)
        if re.search(r"[^\w\s,;]", gap):
            return False
        words = fold(gap).split()
        return len(words) <= 1 and all(w in self.lex.list_words for w in words)

    def _described_after_article(self, article: int, noun: int) -> bool:
        """ "X, la squadra che …", "X, la squadra di …": an article, a noun and a relative or
        an "of" word describe the name before the comma; "X, la squadra ha vinto" opens a new
        clause whose subject is the noun."""
        after = noun + 1
        return (
            self.tokens[article].folded in self.lex.stopwords
            and after < len(self.tokens)
            and (
                self.tokens[after].folded in self.lex.relatives
                or self.tokens[after].folded in self.lex.team_of_words
            )
        )

    # -- 5. teams by club words -----------------------------------------------------------
    def clubs(self) -> None:
        words = self.lex.club_words
        if not words:
            return
        i = 0
        while i < len(self.tokens):
            if not self.free(i) or not self.tokens[i].capitalised:
                i += 1
                continue
            start = i
            # dotted initials first: "C.D. Numancia", "A.C. Perugia"
            while (
                start < len(self.tokens)
                and self.free(start)
                and len(self.tokens[start].text) == 1
                and self.tokens[start].text.isupper()
                and self.text[self.tokens[start].end : self.tokens[start].end + 1] == "."
            ):
                start += 1
            run = (
                self.capital_run(start, limit=4, particles=False) if start < len(self.tokens) else 0
            )
            span = range(i, start + run)
            if (
                run
                and (start > i or any(self.tokens[k].folded in words for k in span))
                and any(self.tokens[k].folded not in words for k in range(start, start + run))
            ):
                self.keep(self.make(i, start + run, None, MentionKind.team, False))
                i = start + run
                continue
            i += 1

    def listed_clubs(self, min_words: int = 1) -> None:
        """A club of the sourced league lists (graph/extract/clubs) the gazetteer lacks, named
        in full or by a listed short name, case as written: an unresolved team under the
        list's canonical name ("Charlton" → Charlton Athletic). With `min_words` 2, only
        names of two words or more: run before the gazetteer's names, so that the longer name
        wins ("Juve Stabia" is no Juventus, "Inter Miami" no Inter)."""
        by_first = listed_names()
        i = 0
        while i < len(self.tokens):
            names = by_first.get(self.tokens[i].folded, ())
            longer = [n for n in names if len(n.words) >= min_words]
            name = self._listed_club_at(i, longer)
            if name is None or (len(name.words) == 1 and self._inside_a_name(i)):
                i += 1
                continue
            last = self._legal_form_after(i + len(name.words))
            self.keep(self.make(i, last, None, MentionKind.team, False, canonical=name.canonical))
            i = last

    def _inside_a_name(self, i: int) -> bool:
        """Whether the one word at i is glued by a space to a capitalised word of the same
        sentence on either side, as one part of a person's name ("Dorival Junior", "assistant
        coach Junior González"): a club's one-word short name is no part of a longer name."""
        if i in self.sentence_start:
            return False
        for k in (i - 1, i + 1):
            if not 0 <= k < len(self.tokens) or not self.free(k):
                continue
            a, b = self.tokens[min(i, k)], self.tokens[max(i, k)]
            glued = self.text[a.end : b.start] == " "
            if glued and self.tokens[k].capitalised and k not in self.sentence_start:
                return True
        return False

    def _legal_form_after(self, last: int) -> int:
        """The end of a listed name with the legal form written after it ("Seattle Sounders
        FC"): one name, not a club and a stray "FC"."""
        while (
            last < len(self.tokens)
            and self.free(last)
            and self.tokens[last].capitalised
            and self.tokens[last].folded in LEGAL_FORM_WORDS
            and len(self.tokens[last].folded) > 1
            and self._name_gaps(last - 1, 2)
        ):
            last += 1
        return last

    def _listed_club_at(self, i: int, names: Iterable[ListedName]) -> ListedName | None:
        for name in names:
            size = len(name.words)
            if (
                i + size <= len(self.tokens)
                and self.free(i, size)
                and all(self.tokens[i + k].folded == w for k, w in enumerate(name.words))
                and all(
                    self.tokens[i + k].capitalised or not cap for k, cap in enumerate(name.capitals)
                )
                and self._name_gaps(i, size)
                and not self._gazetteer_names(name)
            ):
                return name
        return None

    def _gazetteer_names(self, name: ListedName) -> bool:
        """Whether the gazetteer has the name, or one close to it ("San Lorenzo de Almagro"):
        then its entry answers for it, not the list."""
        if name.words in self.gaz.index or self.gaz.team_named(name.form) is not None:
            return True
        close = self.gaz.fuzzy(name.form)
        return close is not None and close[0].kind == "team"

    def _name_gaps(self, i: int, size: int) -> bool:
        """Only spaces, apostrophes, hyphens or full stops between the tokens [i, i+size), as
        inside a written club name ("D.C. United", "Newell's")."""
        for k in range(i + 1, i + size):
            gap = self.text[self.tokens[k - 1].end : self.tokens[k].start]
            if gap.strip(" '’-.") or "\n" in gap:
                return False
        return True

    # -- 6. surnames and lists ------------------------------------------------------------
    def surnames_not_teams(self) -> None:
        """A one-word name a club's cue took ("join McInnes' staff", "left Gorgie") that is the
        surname of a person the article names in full, the gazetteer knowing neither, is that
        person: a man's surname seldom names a club in the same article."""
        full: dict[str, Found] = {}
        for f in self.found:
            if f.kind == MentionKind.person and f.last - f.first >= 2 and f.entry is None:
                full.setdefault(self.tokens[f.last - 1].folded, f)
        for n, f in enumerate(self.found):
            if f.kind != MentionKind.team or f.entry is not None or f.last - f.first != 1:
                continue
            person = full.get(self.tokens[f.first].folded)
            if person is None or person.first == f.first:
                continue
            self.found[n] = replace(
                f,
                kind=MentionKind.person,
                coach=person.coach,
                canonical=person.canonical or person.text,
                executive=person.executive,
            )

    def repeats(self) -> None:
        """Later mentions of an unresolved person by surname are that person too."""
        people = [f for f in self.found if f.kind == "person" and f.entry is None]
        by_surname: dict[str, Found] = {}
        for found in people:
            if found.last - found.first >= 2 and found.canonical is None:
                by_surname.setdefault(self.tokens[found.last - 1].folded, found)
        for found in people:
            # a one-word name a role word gave ("sporting director Deco") is that person
            # wherever the article writes it
            if found.last - found.first == 1 and found.canonical is None:
                by_surname.setdefault(self.tokens[found.first].folded, found)
        self._particle_surnames(people)
        self._unknown_first_names(people)
        for k, tok in enumerate(self.tokens):
            if tok.folded in by_surname and tok.capitalised and self.free(k):
                source = by_surname[tok.folded]
                canonical = source.text if source.last - source.first >= 2 else None
                self.keep(
                    replace(
                        self.make(k, k + 1, None, MentionKind.person, source.coach),
                        canonical=canonical,
                        executive=source.executive,
                    )
                )

    def _unknown_first_names(self, people: list[Found]) -> None:
        """ "Ricardo Gareca … la salida de Ricardo": in a language whose press names coaches
        by their first name (`first_name_alone`), a person the gazetteer does not know, named
        in full, is later written by his known first name alone — not when two people the
        article names in full share it, nor where it opens another name ("Ricardo Darín")."""
        if not self.lex.first_name_alone:
            return
        people = self._short_forms(people)
        first_names = self.gaz.first_names | self.lex.first_names
        full: dict[str, list[Found]] = defaultdict(list)
        for f in self.found:
            if f.kind == "person" and f.last - f.first >= 2:
                full[self.tokens[f.first].folded].append(f)
        for found in people:
            word = self.tokens[found.first].folded
            if (
                found.last - found.first < 2
                or word not in first_names
                or len({_identity(f, self.tokens) for f in full[word]}) != 1
            ):
                continue
            for k in range(found.last, len(self.tokens)):
                if (
                    self.tokens[k].folded != word
                    or not self.tokens[k].capitalised
                    or not self.free(k)
                    or (k + 1 < len(self.tokens) and self.name_word(k + 1) and self.joined(k, 2))
                ):
                    continue
                self.keep(
                    replace(
                        self.make(k, k + 1, None, MentionKind.person, found.coach),
                        canonical=found.canonical or found.text,
                        executive=found.executive,
                    )
                )

    def _short_forms(self, people: list[Found]) -> list[Found]:
        """ "Nicolás Sánchez … Nico Sánchez": a full name the gazetteer does not know, with
        the surname of a person named before and a first name that is the start of his
        ("Nico", "Santi"), is that person."""
        out: list[Found] = []
        for found in people:
            full = None
            if found.last - found.first >= 2 and found.canonical is None:
                first, last = self.tokens[found.first].folded, self.tokens[found.last - 1].folded
                full = next(
                    (
                        f
                        for f in self.found
                        if f.kind == "person"
                        and f.first < found.first
                        and f.last - f.first >= 2
                        and self.tokens[f.last - 1].folded == last
                        and self.tokens[f.first].folded != first
                        and self.tokens[f.first].folded.startswith(first)
                        and len(first) >= 3
                    ),
                    None,
                )
            if full is None:
                out.append(found)
                continue
            same = replace(
                found,
                entry=full.entry,
                canonical=None if full.entry is not None else full.canonical or full.text,
            )
            self.found[self.found.index(found)] = same
            out.append(same)
        return out

    def _particle_surnames(self, people: list[Found]) -> None:
        """A surname that opens with a particle, written later without the given names ("José
        María del Nido Carrasco … Del Nido"), is that person. Only a capitalised particle opens
        it: a lowercase one is as often a preposition ("il club di Castellano")."""
        by_pair: dict[tuple[str, str], Found] = {}
        for found in people:
            if found.last - found.first < 3 or found.canonical is not None:
                continue
            for k in range(found.first + 1, found.last - 1):
                if self.tokens[k].folded in SURNAME_PARTICLES:
                    by_pair.setdefault((self.tokens[k].folded, self.tokens[k + 1].folded), found)
                    break
        if not by_pair:
            return
        for k in range(len(self.tokens) - 1):
            source = by_pair.get((self.tokens[k].folded, self.tokens[k + 1].folded))
            if (
                source is not None
                and self.tokens[k].capitalised  # "il club di Castellano" is no surname
                and self.tokens[k + 1].capitalised
                and self.free(k, 2)
                and self.joined(k, 2)
            ):
                self.keep(
                    replace(
                        self.make(k, k + 2, None, MentionKind.person, source.coach),
                        canonical=source.text,
                        executive=source.executive,
                    )
                )

    def listed(self) -> None:
        """A capitalised word joined by a comma or "e", "and", "y" to a person is a person."""
        people = {f.first: f for f in self.found if f.kind == "person"}
        people_end = {f.last: f for f in self.found if f.kind == "person"}
        changed = True
        while changed:
            changed = False
            for i in range(len(self.tokens)):
                if not self.free(i) or not self.name_word(i):
                    continue
                run = self.capital_run(i, limit=2)
                if not run:
                    continue
                if run == 2 and i in self.sentence_start:
                    continue  # "Seguono Colantuono": a capitalised first word is no name
                prev = people_end.get(i) or people_end.get(i - 1)
                nxt = people.get(i + run) or people.get(i + run + 1)
                if (
                    prev is not None
                    and self._separated(prev.last, i)
                    and (self._item_ends(i + run) or self._closes_list(prev, i, people_end))
                ) or (
                    nxt is not None
                    and self._separated(i + run, nxt.first)
                    and self._item_starts(i)
                    and not self._opening_word(i, run, nxt)
                ):
                    found = self.make(i, i + run, None, MentionKind.person, True)
                    self.keep(found)
                    people[found.first] = found
                    people_end[found.last] = found
                    changed = True

    def listed_teams(self) -> None:
        """A capitalised run of up to four words inside a list of two teams or more is a
        team ("ha allenato Portogruaro, Grosseto e Palermo", "spells at Schalke, Young Boys
        and Dortmund"): clubs of lower leagues and abroad the gazetteer does not know are named
        in careers beside ones it does. Beside a single team a name may be a person ("Al
        Napoli, Rossi ha …"), so the list must hold two teams around it, or on one side."""
        teams = {f.first: f for f in self.found if f.kind == "team"}
        teams_end = {f.last: f for f in self.found if f.kind == "team"}
        changed = True
        while changed:
            changed = False
            for i in range(1, len(self.tokens)):
                if i in self.sentence_start or not self.free(i):
                    continue
                if self.name_word(i):
                    run = self.capital_run(i, limit=_LISTED_TEAM_WORDS, particles=False)
                elif self._opens_listed_name(i):
                    # "New York Red Bulls": a capitalised stopword opening a name in the list
                    rest = self.capital_run(i + 1, limit=_LISTED_TEAM_WORDS - 1, particles=False)
                    run = rest + 1 if rest else 0
                else:
                    continue
                if not run or not self._item_ends(i + run):
                    continue
                prev = teams_end.get(i) or teams_end.get(i - 1)
                nxt = teams.get(i + run) or teams.get(i + run + 1)
                before = prev is not None and self._separated(prev.last, i)
                after = nxt is not None and self._separated(i + run, nxt.first)
                # "tecnico di Portogruaro, Grosseto e Palermo": a list's first item may follow
                # its preposition, when two teams follow it
                heads = after and nxt is not None and self._team_listed_after(nxt, teams)
                if not self._item_starts(i) and not (
                    heads and self.tokens[i - 1].folded in self.lex.stopwords
                ):
                    continue
                if not (
                    (before and after)
                    or (before and prev is not None and self._team_listed_before(prev, teams_end))
                    or (before and self._list_closes_after(i + run))
                    or heads
                ):
                    continue
                found = self.make(i, i + run, None, MentionKind.team, False)
                self.keep(found)
                teams[found.first] = found
                teams_end[found.last] = found
                changed = True

    def club_lists(self) -> None:
        """A plural noun for clubs (`club_plurals`: "clubs", "squadre come", "equipos") and
        right after it a list of two capitalised names or more, set off by commas and a list
        word: the names are clubs ("previous clubs St Johnstone, Aberdeen and Kilmarnock")."""
        by_first: dict[str, list[Pattern]] = defaultdict(list)
        for p in self.lex.club_plurals:  # longest first (compiled so)
            by_first[p[0]].append(p)
        for i, tok in enumerate(self.tokens):
            size = next(
                (len(p) for p in by_first.get(tok.folded, ()) if _matches_at(self.tokens, i, p)),
                0,
            )
            if not size:
                continue
            items = self._list_items(i + size)
            if len(items) < 2:
                continue
            for a, b in items:
                if self.free(a, b - a):
                    self.keep(self.make(a, b, None, MentionKind.team, False))

    def _list_items(self, k: int) -> list[tuple[int, int]]:
        """The capitalised runs from k, each a name the gazetteer gave or a free run, joined by
        commas or a list word, up to the first other word; only when a list word closes it."""
        items: list[tuple[int, int]] = []
        closed = False
        while k < len(self.tokens) and k not in self.sentence_start and not closed:
            known = next((f for f in self.found if f.first == k), None)
            if known is not None:
                if known.kind != MentionKind.team:
                    return []
                end = known.last
            elif self.free(k) and self.name_word(k):
                end = k + self.capital_run(k, limit=_LISTED_TEAM_WORDS, particles=False)
            else:
                break
            items.append((k, end))
            closed = len(items) > 1 and self.tokens[k - 1].folded in self.lex.list_words
            if end >= len(self.tokens) or not self._item_ends(end):
                break
            gap = self.text[self.tokens[end - 1].end : self.tokens[end].start]
            k = end + 1 if self.tokens[end].folded in self.lex.list_words else end
            if "," not in gap and k == end:
                break
        if not closed:
            return []
        return [(a, b) for a, b in items if not any(f.first == a for f in self.found)]

    def _list_closes_after(self, k: int) -> bool:
        """ "T, X and Y." after a team T: a list word at k, then a capitalised run Y that
        ends the clause — X and Y are the list's other items ("Seattle Sounders FC, LA Galaxy
        and Columbus Crew"), not a person who acts after a comma ("Al Napoli, Rossi ha …")."""
        if k + 1 >= len(self.tokens) or self.tokens[k].folded not in self.lex.list_words:
            return False
        j = k + 1
        if j in self.sentence_start or not self.free(j) or not self.name_word(j):
            return False
        run = self.capital_run(j, limit=_LISTED_TEAM_WORDS, particles=False)
        end = j + run
        if end >= len(self.tokens):
            return True
        gap = self.text[self.tokens[end - 1].end : self.tokens[end].start]
        return any(c in gap for c in ",.;:!?\n")

    def _opens_listed_name(self, i: int) -> bool:
        """A capitalised stopword inside a sentence, right after a list's separator and joined
        to a name word ("…, New York Red Bulls and …")."""
        return (
            self.tokens[i].capitalised
            and len(self.tokens[i].folded) > 1
            and i + 1 < len(self.tokens)
            and self.joined(i, 2)
            and self.free(i + 1)
            and self.name_word(i + 1)
            and self._item_starts(i)
        )

    def _team_listed_before(self, team: Found, teams_end: dict[int, Found]) -> bool:
        before = teams_end.get(team.first) or teams_end.get(team.first - 1)
        return before is not None and self._separated(before.last, team.first)

    def _team_listed_after(self, team: Found, teams: dict[int, Found]) -> bool:
        after = teams.get(team.last) or teams.get(team.last + 1)
        return after is not None and self._separated(team.last, after.first)

    def _opening_word(self, i: int, run: int, nxt: Found) -> bool:
        """A sentence's first word set off by a comma before a name ("Claramente, Xavi no
        continuará") is an adverb or a vocative as often as a name: a name only if the article
        writes it capitalised inside a sentence too."""
        if run != 1 or i not in self.sentence_start or nxt.first != i + 1:
            return False
        return self.tokens[i].folded not in self._capitalised_inside

    @cached_property
    def _capitalised_inside(self) -> frozenset[str]:
        """The words the article writes capitalised inside a sentence."""
        return frozenset(
            tok.folded
            for k, tok in enumerate(self.tokens)
            if tok.capitalised and k not in self.sentence_start
        )

    def _closes_list(self, prev: Found, i: int, people_end: dict[int, Found]) -> bool:
        """The last item of a list of names ("Serna, Cascini y Delgado como …"): after
        "e"/"and"/"y", following a person who is himself listed after a comma with another."""
        if self.tokens[i - 1].folded not in self.lex.list_words:
            return False
        before = people_end.get(prev.first)
        return (
            before is not None
            and before.kind == MentionKind.person
            and self._separated(before.last, prev.first)
        )

    def _item_starts(self, k: int) -> bool:
        """What comes before a listed name starts an item: a colon, a comma, "e"/"and"/"y",
        or the sentence's start ("…: Vanoli e Pisacane"; not "Secondo La Nuova Sardegna, …")."""
        if k == 0 or k in self.sentence_start:
            return True
        gap = self.text[self.tokens[k - 1].end : self.tokens[k].start]
        if any(c in gap for c in ",;:(\n"):
            return True
        return self.tokens[k - 1].folded in self.lex.list_words

    def _item_ends(self, k: int) -> bool:
        """What follows a listed name ends the item: a comma, "e"/"and"/"y", or the
        sentence's end ("Vanoli e Pisacane, il tecnico …"; not "Alcorcón con …")."""
        if k >= len(self.tokens):
            return True
        gap = self.text[self.tokens[k - 1].end : self.tokens[k].start]
        if any(c in gap for c in ",.;:!?()\n"):
            return True
        return self.tokens[k].folded in self.lex.list_words

    def _separated(self, left: int, right: int) -> bool:
        """Tokens `left` … `right` hold only a list separator: a comma or "e" / "and" / "y"."""
        if right < left or right >= len(self.tokens) or left <= 0:
            return False
        between = [self.tokens[k].folded for k in range(left, right)]
        gap = self.text[self.tokens[left - 1].end : self.tokens[right].start]
        if not between:
            return gap.strip() == ","
        return (
            len(between) == 1
            and between[0] in self.lex.list_words
            and gap.replace(between[0], "", 1).strip(" ,") == ""
        ) or (gap.strip() == "," and not between)

    # -- 7. spelling variants -------------------------------------------------------------
    def fuzzy(self) -> None:
        i = 0
        tokens = self.tokens
        first_names = self.gaz.first_names | self.lex.first_names
        while i < len(tokens):
            if (
                not self.free(i)
                or not tokens[i].capitalised
                or len(tokens[i].folded) < 4
                or tokens[i].folded in first_names  # "Alfonso" is no misspelt "Alonso"
            ):
                i += 1
                continue
            hit: Found | None = None
            for size in range(_MAX_RUN, 0, -1):
                span = range(i, i + size)
                if i + size > len(tokens) or any(
                    not self.free(k)
                    or not tokens[k].capitalised
                    or tokens[k].folded in self.lex.stopwords
                    for k in span
                ):
                    continue
                if size > 1 and not self.joined(i, size):
                    continue
                if self._goes_on(i + size):
                    continue  # "Martino" of "Martino Sofia" is no misspelt "Marino"
                surface = self.text[tokens[i].start : tokens[i + size - 1].end]
                best = self.gaz.fuzzy(surface)
                if best is not None:
                    entry, score = best
                    hit = self.make(i, i + size, entry, entry.kind, entry.is_coach, score)
                    break
            if hit is not None:
                self.keep(hit)
                i = hit.last
            else:
                i += 1

    def _goes_on(self, k: int) -> bool:
        """A free capitalised word joined to the one before: the name runs on past k - 1."""
        return k < len(self.tokens) and self.free(k) and self.name_word(k) and self.joined(k - 1, 2)


def _prefer(entries: list[Entry]) -> Entry:
    """An ambiguous name: coaches first, then teams, then the rest (stable)."""
    return sorted(entries, key=lambda e: (not e.is_coach, e.kind != "team"))[0]


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


def _merge_adjacent(text: str, found: list[Found], lex: Lexicon) -> list[Found]:
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
        elif (
            prev is not None
            and prev.kind == "person"
            and prev.entry is None
            and prev.canonical is None
            and f.entry is not None
            and f.entry.kind == "person"
            and f.last - f.first == 1
            and prev.last == f.first
            and not text[prev.end : f.start].strip()
        ):
            # an unknown first name before a surname the gazetteer knows: the same person when
            # the first names agree ("Hansi" is Hans-Dieter Flick), else somebody else of that
            # surname ("Braulio Vázquez"), unknown
            merged = text[prev.start : f.end]
            first = fold(prev.text).split()[0]
            own = fold(f.entry.name).split()[0]
            if first[:_SAME_FIRST] == own[:_SAME_FIRST] or own in lex.first_name_forms.get(
                first, ()
            ):
                # "Beppe" is Giuseppe Iachini: a short form of his first name
                out[-1] = replace(f, first=prev.first, start=prev.start, text=merged)
            else:
                out[-1] = replace(prev, last=f.last, end=f.end, text=merged)
        else:
            out.append(f)
    return out


def _roles(text: str, tokens: list[Token], lex: Lexicon, found: list[Found]) -> list[Found]:
    """A role word just before a person ("il presidente del Bologna Joey Saputo") or in the
    apposition after ("Cristiano Giuntoli, già ds del Napoli") says what he is."""
    executive: dict[str, list[Pattern]] = {}
    coach: dict[str, list[Pattern]] = {}
    for p in lex.executive_markers + lex.person_markers:
        executive.setdefault(p[-1], []).append(p)
    for p in lex.coach_markers:
        coach.setdefault(p[-1], []).append(p)
    starts = {f.first for f in found}
    teams_ending = {f.last: f for f in found if f.kind == "team"}
    teams_starting = {f.first: f for f in found if f.kind == "team"}
    out = []
    for f in found:
        if f.kind != "person":
            out.append(f)
            continue
        role = _role_before(text, tokens, f.first, executive, coach, teams_ending, lex)
        if role is None:
            role = _role_after(text, tokens, f.last, lex, starts, teams_starting)
        if role == "executive" and (f.entry is None or not f.entry.is_coach):
            f = replace(f, coach=False, executive=True)
        elif role == "coach" and f.entry is None and not f.coach_word:
            f = replace(f, coach=True, executive=False, coach_word=True)
        out.append(f)
    # what a person is somewhere in the article he is everywhere in it
    executives = {_identity(f, tokens) for f in out if f.kind == "person" and f.executive}
    return [
        replace(f, coach=False, executive=True)
        if f.kind == "person"
        and not f.executive
        and (f.entry is None or not f.entry.is_coach)
        and _identity(f, tokens) in executives
        else f
        for f in out
    ]


def _identity(f: Found, tokens: list[Token]) -> str:
    """Who a person mention is: its graph id, else its full (folded) name."""
    if f.entry is not None:
        return f.entry.id
    return "~" + fold(f.canonical or f.text)


def _role_before(
    text: str,
    tokens: list[Token],
    first: int,
    executive: dict[str, list[Pattern]],
    coach: dict[str, list[Pattern]],
    teams_ending: dict[int, Found],
    lex: Lexicon,
) -> str | None:
    """The role word ending right before a name, or before "del <team>" and the name."""
    ends = [first]
    team = teams_ending.get(first)
    if team is not None:
        ends.append(team.first)
        if team.first > 0 and tokens[team.first - 1].folded in _OF:
            ends.append(team.first - 1)
    # "il presidente della FIGC, Gabriele Gravina": an organisation between role and name
    k = first - 1
    if lex.adjective_after_noun and _adjective_after_organisation(tokens, k):
        k -= 1  # "il presidente della Federcalcio verdeoro Ednaldo Rodrigues"
    while (
        k >= 0
        and first - k <= 4
        and (tokens[k].folded in _OF or tokens[k].folded in _ARTICLES or tokens[k].capitalised)
        # never across a sentence's end: "… head coach X.\n\nY Z, the owner"
        and not any(c in text[tokens[k].end : tokens[k + 1].start] for c in ".!?\n")
    ):
        ends.append(k)  # "il giornalista RAI, Antonello Perillo"
        k -= 1
    for end in ends:
        # "“We're behind the manager,” Wilson told": a role word inside a quotation is not
        # the name's, which says who speaks it
        if end <= 0 or any(c in text[tokens[end - 1].end : tokens[end].start] for c in _QUOTES):
            continue
        for table, role in ((executive, "executive"), (coach, "coach")):
            for p in table.get(tokens[end - 1].folded, ()):
                n = len(p)
                if end - n >= 0 and all(tokens[end - n + k].folded == w for k, w in enumerate(p)):
                    return role
    return None


def _adjective_after_organisation(tokens: list[Token], k: int) -> bool:
    """A lowercase word between a capitalised organisation and a name ("la Federcalcio
    verdeoro Ednaldo Rodrigues"): in a language whose adjectives follow the noun, an adjective
    of the organisation, not the end of the role."""
    return k >= 1 and not tokens[k].capitalised and tokens[k - 1].capitalised


def _role_after(
    text: str,
    tokens: list[Token],
    last: int,
    lex: Lexicon,
    starts: set[int],
    teams: dict[int, Found] | None = None,
) -> str | None:
    """ "X, già ds del Napoli", "X, presidente del Cagliari", "X, allenatore del Torino",
    "X, the Forest owner": a role word after the comma, maybe after one word and a team."""
    if last >= len(tokens) or text[tokens[last - 1].end : tokens[last].start].strip() != ",":
        return None
    teams = teams or {}
    for skip in (0, 1):
        k = last + skip
        if k in teams:
            k = teams[k].last  # "X, the Forest owner", "X, el Celta presidente"
        elif k in starts:
            return None
        for patterns, role in (
            (lex.executive_markers, "executive"),
            (lex.coach_markers, "coach"),
        ):
            for p in patterns:
                if k + len(p) <= len(tokens) and all(
                    tokens[k + j].folded == w for j, w in enumerate(p)
                ):
                    # "c'era X, presidente Y": the role word is the name's after it
                    if k + len(p) in starts and k + len(p) not in teams:
                        return None
                    return role
    return None


def find_mentions(text: str, tokens: list[Token], gaz: Gazetteer, lex: Lexicon) -> list[Found]:
    """Every mention of the article, in text order, none overlapping."""
    finder = _Finder(text, tokens, gaz, lex)
    finder.national_teams()  # "la Nazionale peruviana" before the nickname "la Nazionale"
    finder.listed_clubs(min_words=2)  # "Juve Stabia" before the gazetteer's "Juve"
    finder.exact()
    finder.listed_clubs()  # a known club's name, before rules that guess at names
    finder.first_names_alone()
    finder.countries()
    finder.reserve_sides()
    finder.block_not_names()
    finder.marked()
    finder.shaped()
    finder.appositions()
    finder.team_appositions()
    finder.clubs()
    finder.bench_pairs()
    finder.echoed()
    finder.repeats()
    finder.listed()
    finder.club_lists()
    finder.listed_teams()
    finder.repeats()
    finder.reserve_alone()
    finder.fuzzy()
    finder.surnames_not_teams()
    found = _roles(text, tokens, lex, _merge_adjacent(text, finder.found, lex))
    found = _home_team_words(tokens, lex, found)
    found = _mononyms_named_in_full(found, tokens)
    epithets = _epithets(text, tokens, lex, found)
    epithets += _order_references(text, tokens, lex, found + epithets)
    roles = _role_references(text, tokens, lex, found + epithets)
    return sorted(found + epithets + roles, key=lambda f: f.first)


def _national_name(f: Found) -> str | None:
    """The national team a team mention names, if it names one."""
    name = f.entry.name if f.entry is not None else f.canonical
    if f.kind != MentionKind.team or name is None or not name.endswith(" national team"):
        return None
    return name


def _home_team_words(tokens: list[Token], lex: Lexicon, found: list[Found]) -> list[Found]:
    """A bare word the nicknames give the home country's team ("la Nazionale", "la
    Federazione") names the national team an article names most, when it never names the home
    one otherwise ("la Federazione polacca … ct della Polonia … la Federazione")."""
    home: list[int] = []
    others: dict[str, list[Found]] = defaultdict(list)
    home_names: set[str] = set()
    for k, f in enumerate(found):
        name = _national_name(f)
        if name is None:
            continue
        words = tuple(tokens[i].folded for i in range(f.first, f.last))
        if words in lex.home_team_words:
            home.append(k)
            home_names.add(name)
        else:
            others[name].append(f)
    if not home or len(home_names) != 1 or home_names & others.keys() or not others:
        return found
    # the team the article is about: named more often than any other national team
    ranked = sorted(others.values(), key=len, reverse=True)
    if len(ranked) > 1 and len(ranked[1]) == len(ranked[0]):
        return found
    other = ranked[0][0]
    out = list(found)
    for k in home:
        out[k] = replace(out[k], entry=other.entry, canonical=other.canonical)
    return out


def _mononyms_named_in_full(found: list[Found], tokens: list[Token]) -> list[Found]:
    """ "Xavi Hernández … Xavi": a person the gazetteer knows by one word, which opens the
    full name of one unresolved person of the article, is that person, named in full: the
    article says who he is, and two names would give his moves twice."""
    full: dict[str, set[str]] = defaultdict(set)
    for f in found:
        if f.kind == "person" and f.entry is None and f.last - f.first >= 2:
            full[tokens[f.first].folded].add(f.canonical or f.text)
    out = []
    for f in found:
        names = full.get(tokens[f.first].folded, set())
        if (
            f.kind == "person"
            and f.entry is not None
            and f.last - f.first == 1
            and len(f.entry.name.split()) == 1
            and len(names) == 1
        ):
            f = replace(f, entry=None, canonical=next(iter(names)))
        out.append(f)
    return out


def _national(teams: list[str]) -> bool:
    """Whether a nickname stands for national teams only ("Perú", "la Roja")."""
    return all(t.endswith(" national team") for t in teams)


# abbreviations that open a place's (and so a club's) name, with their full stop: "St. Louis
# City", "Mt. Pleasant"
_NAME_ABBREVIATIONS = frozenset({"St", "Ste", "Sta", "Mt", "Ft"})

# quotation marks: a role word and a name on either side of one are not one phrase
_QUOTES = frozenset('"“”«»')

# the apostrophe of a surname's elided prefix ("O'Shea", "D’Aversa")
_APOSTROPHES = frozenset({"'", "’"})

# how many capitalised words a name set off before a role word has at least ("Santi Castillo,
# entrenador del filial"): one alone is as often a place
_APPOSITION_WORDS = 2

# how a capitalised adjective of nationality ends ("Canadian", "Japanese", "Scottish")
_DEMONYM_ENDINGS = ("an", "ese", "ish")

# how many words an unknown club listed among teams may have ("New York Red Bulls")
_LISTED_TEAM_WORDS = 4

# how many words may part a role word from the executive it titles ("president of X, Y")
_TITLE_GAP = 2

# how far back (in words) the coach an epithet stands for may have been named
_EPITHET_REACH = 120


def _role_references(
    text: str, tokens: list[Token], lex: Lexicon, found: list[Found]
) -> list[Found]:
    """ "il presidente", "the chairman", "el director deportivo" with no name after it: the
    executive the article names (the last one before, else the first one after) — so that
    "la decisión es del presidente" binds the president the article named."""
    # a person the gazetteer knows as an executive ("Florentino Pérez") needs no role word
    executives = [
        f
        for f in found
        if f.kind == "person"
        and (f.executive or (f.entry is not None and "executive" in f.entry.roles))
    ]
    if not executives:
        return []
    taken = {k for f in found for k in range(f.first, f.last)}
    people = {f.first for f in found if f.kind == "person"}
    by_first: dict[str, list[Pattern]] = {}
    for p in lex.executive_markers:
        if len(p) > 1 or p[0] not in lex.stopwords:
            by_first.setdefault(p[0], []).append(p)
    out: list[Found] = []
    i = 0
    while i < len(tokens):
        size = _longest_free_match(tokens, i, by_first, taken)
        nxt = i + size
        if not size or (
            nxt < len(tokens)
            and (nxt in taken or tokens[nxt].capitalised)
            and not text[tokens[nxt - 1].end : tokens[nxt].start].strip(" ")
        ):
            i += max(size, 1)
            continue
        before = [e for e in executives if e.last <= i]
        # "president Joan Laporta … Jorge Mendes … the president": the one the article gave
        # that role word to, not merely the executive (an agent) named last
        role = tuple(t.folded for t in tokens[i:nxt] if t.folded not in lex.stopwords)
        titled = [e for e in before if role and _titled(tokens, e, role, people)]
        source = (titled or before)[-1] if before else next(e for e in executives if e.first >= i)
        out.append(_standing_for(source, text, tokens, i, nxt))
        i = nxt
    return out


def _titled(tokens: list[Token], person: Found, role: tuple[str, ...], people: set[int]) -> bool:
    """The role word is written a few words before the person, nobody named between ("FC
    Barcelona president Joan Laporta", "il presidente della Lazio Claudio Lotito")."""
    lo = max(0, person.first - len(role) - _TITLE_GAP)
    return any(
        _matches_at(tokens, k, role)
        and not any(j in people for j in range(k + len(role), person.first))
        for k in range(lo, person.first - len(role) + 1)
    )


def _epithets(text: str, tokens: list[Token], lex: Lexicon, found: list[Found]) -> list[Found]:
    """ "Il croato lascerà il Torino", "il tecnico salentino", "the Portuguese": words that
    stand for the coach the article named last (within a few sentences); that coach."""
    taken = {k for f in found for k in range(f.first, f.last)}
    coaches = [
        f
        for f in found
        if f.kind == "person" and (f.coach_word or (f.entry is not None and f.entry.is_coach))
    ]
    leads = _replaced_leads(lex)
    replaced = {
        f.first
        for f in coaches
        if any(f.first >= len(p) and _matches_at(tokens, f.first - len(p), p) for p in leads)
    }
    by_first: dict[str, list[Pattern]] = {}
    for p in lex.epithets:
        by_first.setdefault(p[0], []).append(p)
    role_words: dict[str, list[Pattern]] = {}
    for p in lex.coach_markers:
        role_words.setdefault(p[0], []).append(p)
    out: list[Found] = []
    i = 0
    while i < len(tokens):
        size = _longest_free_match(tokens, i, by_first, taken) or _fused_epithet(
            tokens, i, lex, by_first, taken
        )
        if not size and lex.adjective_after_noun:
            size = _role_epithet(text, tokens, i, lex, role_words, taken)
        if not size:
            i += 1
            continue
        if _introduces_name(tokens, i + size, lex, found):
            i += size
            continue
        before = [c for c in coaches if c.last <= i and i - c.last <= _EPITHET_REACH]
        if (
            before
            and before[-1].first in replaced
            and _SENTENCE_END.search(text[tokens[before[-1].last - 1].end : tokens[i].start])
        ):
            # past the sentence naming him as the coach replaced, an epithet stands for the
            # one who replaces him
            before = [c for c in before if c.first not in replaced] or before
        if before:
            out.append(_standing_for(before[-1], text, tokens, i, i + size))
        i += size
    return out


_LEADS: dict[int, tuple[Lexicon, list[Pattern]]] = {}
_SENTENCE_END = re.compile(r"[.!?]\s")


def _replaced_leads(lex: Lexicon) -> list[Pattern]:
    """The words written right before the coach a replacement names as the one replaced
    ("prende il posto di", "in sostituzione di", "replacing"): past his sentence, he is not
    whom an epithet stands for ("X, che prende il posto di Gasset. L'allenatore bresciano …"
    is X)."""
    known = _LEADS.get(id(lex))
    if known is None or known[0] is not lex:
        cues = [c for c in lex.triggers if c.replaces] + lex.predecessors
        leads = {
            c.pattern[:-1]
            for c in cues
            if len(c.pattern) > 1 and c.pattern[-1] in ("{person}", "{coach}")
        }
        known = (lex, [p for p in leads if not any(w.startswith("{") for w in p)])
        _LEADS[id(lex)] = known
    return known[1]


def _standing_for(source: Found, text: str, tokens: list[Token], first: int, last: int) -> Found:
    """Words [first, last) that stand for the person `source` names (an epithet, a role word,
    "il primo"): his mention at their place, named as he was."""
    start, end = tokens[first].start, tokens[last - 1].end
    return replace(
        source,
        first=first,
        last=last,
        start=start,
        end=end,
        text=text[start:end],
        canonical=source.canonical or (source.text if source.entry is None else None),
    )


def _order_references(
    text: str, tokens: list[Token], lex: Lexicon, found: list[Found]
) -> list[Found]:
    """ "Tra i nomi ci sono X e Y. Il primo ha salvato il Mantova": words of order opening a
    sentence, before a verb or a comma (not a noun: "il primo nome"), stand for the first or
    the second of the last two people named together ("X e Y", "X, Y") before them."""
    taken = {k for f in found for k in range(f.first, f.last)}
    people = sorted((f for f in found if f.kind == "person"), key=lambda f: f.first)
    pairs = [
        (a, b)
        for a, b in pairwise(people)
        if _paired(text, tokens, a, b, lex) and _identity(a, tokens) != _identity(b, tokens)
    ]
    out: list[Found] = []
    for i in range(len(tokens)):
        gap = text[tokens[i - 1].end : tokens[i].start] if i else "."
        if not any(c in gap for c in ".\n"):
            continue  # only at the start of a sentence
        for order, patterns in enumerate(lex.order_references[:2]):
            size = next((len(p) for p in patterns if _matches_at(tokens, i, p)), 0)
            end = i + size
            if not size or end >= len(tokens) or any(k in taken for k in range(i, end)):
                continue
            after = text[tokens[end - 1].end : tokens[end].start]
            if "," not in after and tokens[end].folded not in lex.stopwords:
                continue  # "il primo nome": an adjective of a noun
            before = [pair for pair in pairs if pair[1].last <= i]
            if before:
                source = before[-1][order]
                out.append(_standing_for(source, text, tokens, i, end))
    return out


def _paired(text: str, tokens: list[Token], a: Found, b: Found, lex: Lexicon) -> bool:
    """Whether two people are named together: only a comma or a list word between them."""
    between = [t.folded for t in tokens[a.last : b.first]]
    gap = text[a.end : b.start].strip()
    return gap == "," or (len(between) == 1 and between[0] in lex.list_words)


def _introduces_name(tokens: list[Token], k: int, lex: Lexicon, found: list[Found]) -> bool:
    """Whether the words of an epithet ending before token `k` introduce, past a team, the
    name that follows them ("l'ex tecnico dell'Empoli Aurelio Andreazzoli", "el ex portero
    del Real Madrid Iker Casillas"): a role of somebody new, not the coach named before."""
    starts = {f.first: f for f in found}
    if k in starts and starts[k].kind == "person":
        return True  # "è subentrato l'italiano De Zerbi": the name's own epithet
    if k < len(tokens) and k not in starts and tokens[k].folded in lex.stopwords:
        k += 1  # "dell'", "of", "del"
    team = starts.get(k)
    if team is None or team.kind != "team":
        return False
    person = starts.get(team.last)
    return person is not None and person.kind == "person"


def _fused_epithet(
    tokens: list[Token], i: int, lex: Lexicon, by_first: dict[str, list[Pattern]], taken: set[int]
) -> int:
    """ "la destitución del asturiano", "le parole del croato": an epithet whose article is
    fused with the preposition before it; how many tokens it covers (the fused word first)."""
    article = lex.contractions.get(tokens[i].folded)
    if article is None:
        return 0
    for p in sorted(by_first.get(article, ()), key=len, reverse=True):
        n = len(p)
        if (
            n > 1
            and i + n <= len(tokens)
            and all(tokens[i + k].folded == p[k] for k in range(1, n))
            and not any(k in taken for k in range(i, i + n))
        ):
            return n
    return 0


def _role_epithet(
    text: str,
    tokens: list[Token],
    i: int,
    lex: Lexicon,
    role_words: dict[str, list[Pattern]],
    taken: set[int],
) -> int:
    """ "il tecnico salentino": a coach role word and one adjective, with no name after."""
    for p in role_words.get(tokens[i].folded, ()):
        n = len(p)
        if not _matches_at(tokens, i, p) or i + n >= len(tokens):
            continue
        adj = tokens[i + n]
        if (
            i == 0
            or tokens[i - 1].folded not in _DETERMINERS
            or not _ORIGIN.search(adj.folded)
            or adj.folded in lex.bench_words
            or any(adj.folded in m for m in lex.coach_markers + lex.executive_markers)
            or adj.capitalised
            or adj.folded in lex.stopwords
            or adj.folded.isdigit()
            or any(k in taken for k in range(i, i + n + 1))
            or text[tokens[i + n - 1].end : adj.start].strip()
        ):
            continue
        nxt = i + n + 1
        if (
            nxt < len(tokens)
            and tokens[nxt].capitalised
            and not text[adj.end : tokens[nxt].start].strip()
        ):
            continue  # "il tecnico toscano Walter Mazzarri": a name follows
        if i > 0 and tokens[i - 1].folded in {
            "un",
            "una",
            "uno",
            "a",
            "an",
            "otro",
            "otra",
            "altro",
        }:
            continue  # "un tecnico giovane" is not the coach named before
        return n + 1
    return 0


def bench_pair_size(tokens: list[Token], k: int, lex: Lexicon) -> int:
    """How many tokens from k make a word joining a bench and its new coach ("con", "con
    l'arrivo di"); 0 if none."""
    sizes = [len(p) for p in lex.bench_pair_words if _matches_at(tokens, k, p)]
    return max(sizes, default=0)
