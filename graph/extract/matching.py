"""Matching cue patterns over a sentence, where each mention counts as one item."""

from __future__ import annotations

from dataclasses import dataclass

from graph.domain import MentionKind
from graph.extract.lexicon import Cue, Lexicon, Pattern, word_matches
from graph.extract.mentions import Found, capital_run
from graph.extract.tokens import Sentence, Token

_ARTICLES = frozenset({"the", "la", "il", "el", "lo", "los", "las", "le"})
_OF = frozenset({"del", "della", "dello", "dell", "de", "of", "di"})
# how many words (or a team) may stand between a name slot and the role word before the name
_ROLE_LEAD = 3

# Cue lists by their first word (and those that start with a slot), so that a sentence is only
# matched against the cues that can start at each of its words, with the lengths of the stems
# ("esoner*") their words use. Keyed by the list's identity and holding the list, so that the
# key is never reused: compiled lexicons live as long as the process.
_INDEXES: dict[int, tuple[list[Cue], _Index]] = {}

_MARKERS: dict[int, dict[str, list[Pattern]]] = {}


@dataclass(frozen=True)
class _Index:
    by_word: dict[str, tuple[Cue, ...]]
    slot_first: tuple[Cue, ...]
    stems: frozenset[str]  # "esoner*"
    stem_lengths: tuple[int, ...]

    def forms(self, word: str) -> list[str]:
        """The word itself and the stems of the cues it starts with."""
        out = [word]
        for n in self.stem_lengths:
            if len(word) >= n and word[:n] + "*" in self.stems:
                out.append(word[:n] + "*")
        return out


def _markers(lex: Lexicon) -> dict[str, list[Pattern]]:
    """The lexicon's role words by their first word."""
    found = _MARKERS.get(id(lex))
    if found is None:
        found = {}
        for p in lex.person_markers + lex.coach_markers + lex.executive_markers:
            found.setdefault(p[0], []).append(p)
        _MARKERS[id(lex)] = found
    return found


def _index(cues: list[Cue]) -> _Index:
    known = _INDEXES.get(id(cues))
    if known is None or known[0] is not cues:
        by_word: dict[str, list[Cue]] = {}
        slot_first: list[Cue] = []
        stems: set[str] = set()
        for cue in cues:
            stems.update(w for w in cue.words if w.endswith("*"))
            if cue.pattern[0].startswith("{"):
                slot_first.append(cue)
            else:
                by_word.setdefault(cue.pattern[0], []).append(cue)
        index = _Index(
            {w: tuple(c) for w, c in by_word.items()},
            tuple(slot_first),
            frozenset(stems),
            tuple(sorted({len(w) - 1 for w in stems})),
        )
        known = (cues, index)
        _INDEXES[id(cues)] = known
    return known[1]


@dataclass(frozen=True)
class Item:
    token: int  # first token index
    last: int  # one past the last token
    mention: int | None  # index into the mention list, or None for a plain token


@dataclass(frozen=True)
class Hit:
    cue: Cue
    first: int  # item range [first, last)
    last: int
    start: int  # character range
    end: int
    clause: int
    slot: Found | None = None  # the person, coach or outlet slot
    slot_mention: int | None = None  # the mention index (None: a new unresolved one)
    team: Found | None = None  # the team slot
    coach: Found | None = None  # a {coach} slot beside a {person} one
    words: frozenset[int] = frozenset()  # the items its literal words take


def items_of(sentence: Sentence, mentions: list[Found], mention_at: dict[int, int]) -> list[Item]:
    out: list[Item] = []
    k = sentence.first
    while k < sentence.last:
        m = mention_at.get(k)
        if m is not None:
            out.append(Item(k, mentions[m].last, m))
            k = mentions[m].last
        else:
            out.append(Item(k, k + 1, None))
            k += 1
    return out


class SentenceMatcher:
    """Finds the hits of cue lists in one sentence."""

    def __init__(
        self,
        text: str,
        tokens: list[Token],
        sentence: Sentence,
        mentions: list[Found],
        mention_at: dict[int, int],
        lex: Lexicon,
    ) -> None:
        self.text = text
        self.tokens = tokens
        self.sentence = sentence
        self.mentions = mentions
        self.lex = lex
        self.items = items_of(sentence, mentions, mention_at)
        self._markers = _markers(lex)
        self._marker_lens: dict[int, int] = {}
        # the words of the sentence: a cue needs all its words there to match anywhere
        self._words = frozenset(tokens[k].folded for k in range(sentence.first, sentence.last))

    def clause_of_token(self, token: int) -> int:
        return self.sentence.clauses[token - self.sentence.first]

    def _slot_ok(self, slot: str, m: Found) -> bool:
        if slot == "{team}":
            return m.kind == "team"
        if slot == "{outlet}":
            return m.kind == "outlet"
        if slot == "{coach}":
            return m.kind == "person" and m.coach
        return m.kind == "person"

    def _match(self, cue: Cue, pos: int) -> Hit | None:
        slot: Found | None = None
        slot_mention: int | None = None
        team: Found | None = None
        coach: Found | None = None
        words: set[int] = set()
        i = pos
        for p_index, part in enumerate(cue.pattern):
            if i >= len(self.items):
                return None
            item = self.items[i]
            if part in {"{person}", "{coach}"}:
                i = self._skip_role(i)  # "by owner Dan Friedkin": a role word before the name
                item = self.items[i]
            if not part.startswith("{"):
                if item.mention is not None or not word_matches(
                    part, self.tokens[item.token].folded
                ):
                    return None
                words.add(i)
                i += 1
                continue
            if item.mention is not None:
                found = self.mentions[item.mention]
                if not self._slot_ok(part, found):
                    return None
                if part == "{team}":
                    team = found
                elif part == "{coach}" and slot is not None:
                    coach = found
                else:
                    slot, slot_mention = found, item.mention
                i += 1
                continue
            new = self._unresolved_slot(cue, p_index, part, i)
            if new is None:
                return None
            slot, i = new
        first, last = self.items[pos], self.items[i - 1]
        start, end = self.tokens[first.token].start, self.tokens[last.last - 1].end
        return Hit(
            cue,
            pos,
            i,
            start,
            end,
            self.clause_of_token(first.token),
            slot,
            slot_mention,
            team,
            coach,
            frozenset(words),
        )

    def _unresolved_slot(
        self, cue: Cue, p_index: int, part: str, i: int
    ) -> tuple[Found, int] | None:
        """A run of capitalised plain tokens standing for an unknown person or outlet."""
        if part not in {"{outlet}", "{person}"}:
            return None
        minimum, limit = (1, 4) if part == "{outlet}" else (2, 3)
        taken: set[int] = set()
        k = self.items[i].token
        # a leading article of a name ("The Athletic") is a stopword: let outlets keep it
        lead = (
            1
            if part == "{outlet}"
            and self.tokens[k].folded in {"the", "el", "la", "il"}
            and self.tokens[k].capitalised
            else 0
        )
        run = lead + capital_run(self.text, self.tokens, k + lead, self.lex, taken, limit)
        run = min(run, self.sentence.last - k, self._plain_run(i))
        if part == "{person}" and self._names_no_one(k, run):
            return None
        rest = cue.pattern[p_index + 1 :]
        for size in range(run, minimum - 1 + lead, -1):
            if size < minimum:
                break
            nxt = i + size
            if rest and (
                nxt >= len(self.items)
                or self.items[nxt].mention is not None
                or self.tokens[self.items[nxt].token].folded != rest[0]
            ):
                continue
            first = k
            if (
                part == "{outlet}"
                and k > self.sentence.first
                and p_index > 0
                and self.tokens[k - 1].capitalised
                and self.tokens[k - 1].folded in _ARTICLES
            ):
                first = k - 1  # "secondo La Nuova Sardegna": the article is in the name
            start, end = self.tokens[first].start, self.tokens[k + size - 1].end
            kind = MentionKind.outlet if part == "{outlet}" else MentionKind.person
            found = Found(first, k + size, start, end, self.text[start:end], None, kind, False)
            return found, nxt
        return None

    def _names_no_one(self, k: int, run: int) -> bool:
        """A capitalised run holding a word that names no person ("Stadio Romeo Anconetani",
        "Radio Sportiva") is no unknown person, though it fills a {person} slot's shape: the
        run counts from its first capitalised word, before the slot too ("Stadio | Romeo")."""
        first = k
        while (
            first > self.sentence.first
            and self.tokens[first - 1].capitalised
            and not self.text[self.tokens[first - 1].end : self.tokens[first].start].strip()
        ):
            first -= 1
        return any(self.tokens[j].folded in self.lex.not_names for j in range(first, k + run))

    def _skip_role(self, i: int) -> int:
        """Where the name starts after a role phrase: a role word, maybe after a few words
        or a team ("former Real Madrid assistant Albert Celades", "German manager Hansi
        Flick") and maybe before "of <team>" ("l'ex CT della Nazionale Roberto Mancini")."""
        for j in range(i, min(i + _ROLE_LEAD + 1, len(self.items))):
            if self._kind_at(j) == "person":
                return i
            n = self._marker_len(j)
            if not n:
                continue
            k = j + n
            if (
                k + 1 < len(self.items)
                and self.items[k].mention is None
                and self.tokens[self.items[k].token].folded in _OF
                and self._kind_at(k + 1) == "team"
            ):
                k += 2
            if k < len(self.items) and (
                self._kind_at(k) == "person"
                or (self.items[k].mention is None and self.tokens[self.items[k].token].capitalised)
            ):
                return k
            return i
        return i

    def _kind_at(self, i: int) -> str | None:
        """The kind of the mention item i is, if it is one."""
        m = self.items[i].mention
        return None if m is None else self.mentions[m].kind

    def _marker_len(self, i: int) -> int:
        """How many items from i are a role word ("owner", "il direttore sportivo")."""
        known = self._marker_lens.get(i)
        if known is not None:
            return known
        best = 0
        for marker in self._markers.get(self.tokens[self.items[i].token].folded, ()):
            n = len(marker)
            if i + n <= len(self.items) and all(
                self.items[i + k].mention is None
                and self.tokens[self.items[i + k].token].folded == w
                for k, w in enumerate(marker)
            ):
                best = max(best, n)
        self._marker_lens[i] = best
        return best

    def _is_marker(self, item: Item) -> bool:
        if item.mention is not None:
            return False
        return self.tokens[item.token].folded in self._markers

    def _plain_run(self, i: int) -> int:
        n = 0
        while i + n < len(self.items) and self.items[i + n].mention is None:
            n += 1
        return n

    def hits(self, cues: list[Cue]) -> list[Hit]:
        """Every match of `cues`, longest first, none overlapping another."""
        index = _index(cues)
        words = self._words
        if index.stems:
            words = words | {f for w in words for f in index.forms(w)[1:]}
        by_word: dict[str, tuple[Cue, ...]] = {}
        for w in words:
            here = index.by_word.get(w)
            if here:
                relevant = tuple(c for c in here if c.words <= words)
                if relevant:
                    by_word[w] = relevant
        slot_first = tuple(c for c in index.slot_first if c.words <= words)
        if not by_word and not slot_first:
            return []
        found: list[Hit] = []
        for pos, item in enumerate(self.items):
            if item.mention is None:
                token = self.tokens[item.token]
                candidates = by_word.get(token.folded, ())
                if index.stems:
                    for form in index.forms(token.folded)[1:]:
                        candidates = (*candidates, *by_word.get(form, ()))
                if slot_first and (token.capitalised or self._is_marker(item)):
                    candidates = (*candidates, *slot_first)
            else:
                candidates = slot_first
            for c in candidates:
                h = self._match(c, pos)
                if h is not None:
                    found.append(h)
        found.sort(key=lambda h: (-h.cue.literal_len, -(h.last - h.first), h.first))
        kept: list[Hit] = []
        for hit in found:
            # two cues may share a name ("la decisione presa da Cairo, che ha già individuato
            # il sostituto"), not words
            if all(
                hit.last <= k.first or hit.first >= k.last or not (hit.words & k.words)
                for k in kept
            ):
                kept.append(hit)
        return sorted(kept, key=lambda h: h.first)
