"""The extraction pipeline: article text → mentions → cues → claims (docs/extraction.md).

Deterministic and explainable: every claim comes from a cue of the language's lexicon found in
one sentence, bound to mentions of that sentence (its clause first), to the people a list names
("Pioli, Donadoni e Semplici"), to the team whose bench the article is about (the vacancy), or,
for the coach, to the last coach the article spoke of. Background — a clause the lexicon's
history cues or an old year mark ("esonerato nel 2016", "former Chelsea boss") — gives tenures
of the past, never news moves.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import pairwise

from graph.domain import (
    NEEDS_FROM,
    MentionKind,
    MoveKind,
    MoveStatus,
    StatusFamily,
    TenureRole,
    TenureStatus,
    status_family,
)
from graph.domain.dates import PartialDate
from graph.domain.names import fold
from graph.extract.dates import header_date, header_end, parse_date, resolve
from graph.extract.errors import ExtractError
from graph.extract.gazetteer import Gazetteer
from graph.extract.lexicon import (
    Cue,
    Lexicon,
    Pattern,
    available_languages,
    load_lexicon,
    word_matches,
)
from graph.extract.matching import Hit, SentenceMatcher
from graph.extract.mentions import Found, bench_pair_size, capital_run, find_mentions
from graph.extract.schema import (
    ArticleInfo,
    Ent,
    Evidence,
    Extraction,
    InfluenceClaim,
    Mention,
    MentionEntity,
    MoveClaim,
    MoveRef,
    TenureClaim,
    Unresolved,
)
from graph.extract.tokens import Sentence, Token, sentences, tokenize

_MIN_STOPWORDS = 3
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_PARENS = re.compile(r"\([^)]*\)")
# a quotation: from its opening mark to its closing one, or to the end of its paragraph
_QUOTE = re.compile(r'“[^”\n]*”?|«[^»\n]*»?|"[^"\n]*"?')
# how far after a candidate cue ("i nomi di", "shortlist") the first name it lists may be
_CANDIDATE_WINDOW = 12
# how far after a candidate cue with no name ("si parla di Chelsea o Monaco") its teams may start
_TEAM_WINDOW = 4
# how many words (a preposition, an article) a player word and the club he played for may
# have between them ("calciatore del Napoli", "jugador de el Betis")
_PLAYER_GAP = 2
# how far from an appointment cue without a slot ("il nuovo ct") its coach may be
_APPOINTMENT_WINDOW = 8
# how many words (a role word, an article, a team: "l'esonero del tecnico del Milan X") may
# stand between a cue and the coach it governs
_OBJECT_GAP = 8
# how many words of a role may stand between "and" and a second influencer
_ROLE_GAP = 4
# how many sentences back a bench word lets an unknown candidate be a coach
_BENCH_REACH = 2
# how many words before a name an assistant's title may stand ("assistant coach X")
_ASSISTANT_REACH = 2
# how many words may stand between a word of the first person and the influence word it
# governs ("abbiamo pensato che ci fosse bisogno di cambiare")
_SPEAKER_GAP = 8
# how many words before a word of deciding an exit a denial may rule it out
# ("nego ogni fantasiosa ipotesi di un suo esonero")
_DENIAL_GAP = 8

# how many words before a word of deciding an exit a word of telling it may come ("informato
# dall'ad X nella serata di ieri della decisione")
_MESSAGE_GAP = 12
# how many words after a word of wanting a word of staying may say what is wanted
# ("la speranza di Florentino Perez è che Carlo Ancelotti resti")
_STAY_GAP = 10
# how many words may stand between an influence word and the person an agent word names
# ("voluto fortemente dal presidente X")
_AGENT_GAP = 4
# how many words may stand between the person an influence word binds and the word
# ("Cairo, che ha già individuato", "De Laurentiis lo avrebbe voluto")
_SUBJECT_GAP = 5
# how many words a role phrase before a name may take ("interim head coach X")
_ROLE_BEFORE = 3
# how many words (an auxiliary) may stand between "and" and an influence word whose subject
# is the one of the verb before "and" ("X ha rotto gli indugi e ha deciso")
_COORDINATED_GAP = 3
# how many words an aside set off by commas between a subject and its verb may take ("X e Y,
# proprio per non lasciare nulla di intentato, avevano rilanciato")
_ASIDE = 10
# an aside of several clauses opened by a lower-case word (a participle: "X, reinstallato da
# un tribunale dopo che la Corte lo aveva destituito, ha deciso") may take more
_LONG_ASIDE = 30
# words between an influence word and the coach it is about, when not in its clause
_INFLUENCE_REACH = 8
# how many words (an article, a role word, a pronoun) may stand between an influence word and
# its direct object ("ha scelto il tecnico X")
_DIRECT_GAP = 3
# how many words may open a sentence before its subject ("Il presidente X ha detto che")
_OPENING_GAP = 3
# how many words (an article, an adjective) may stand between a possessive and the word
# it owns ("su primera elección")
_OBJECT_GAP_POSSESSIVE = 2
# how many people make an enumeration a tenure cue covers even after it
_LIST = 3
# how many pairs of a team and its new coach make a round-up of bench changes
_BENCH_PAIRS = 2
# how many words may stand between a plural of coach and the list of coaches it opens
_COACH_LIST_GAP = 6
_OF_WORDS = frozenset({"for", "of", "del", "della", "de", "di"})
# a negation this many words before a nominal exit's rumour, a word of purpose between ("no hay
# motivos para cuestionar", "non c'è motivo per mettere in dubbio"), denies it
_NO_REASON_GAP = 5
_PURPOSE_WORDS = frozenset({"para", "per", "to"})
# how far before a move's words a word of return makes it one ("il ritorno per la terza volta
# sulla panchina")
_RETURN_GAP = 6

# Which status cue wins when a clause holds several: negative, then positive, then rumour.
_FAMILY_RANK = {StatusFamily.negative: 2, StatusFamily.positive: 1, StatusFamily.rumoured: 0}

# The statuses of an appointment that show a bench still open to candidates (a race is on):
# only then does the candidate sweep take the other coaches an article names.
_BACKING = frozenset({"support", "unsupport"})
_OPEN_RACE = frozenset({MoveStatus.rumoured, MoveStatus.denied, MoveStatus.collapsed})


# A move told as done in a month this many months or more before the article's is background
# ("Southgate resigned in July" in an October article), as a year two before is.
_OLD_MONTHS = 2

# The relative dates (lexicon `relative_dates`) of a time to come: an appointment for then
# is not yet in effect ("this summer" may be past, so only the next season counts).
_FUTURE_DATES = frozenset({"next_season"})

# The tenures that place a coach at a bench now, or just off one: such a coach is named for
# that job, never swept up as a candidate for another.
_PLACED = frozenset({TenureStatus.current, TenureStatus.ended})


def _distance(m: Found, anchor: int) -> int:
    """How many words lie between a mention and the token `anchor`."""
    return min(abs(m.first - anchor), abs(m.last - anchor))


def _family_rank(status: str) -> int:
    return _FAMILY_RANK[status_family(status)]


def detect_language(text: str) -> str:
    """The language whose lexicon's stop words the text uses most (ExtractError if unclear)."""
    words = Counter(fold(text).split())
    scores = {}
    for lang in available_languages():
        lex = load_lexicon(lang)
        scores[lang] = sum(n for w, n in words.items() if w in lex.stopwords)
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if (
        not ranked
        or ranked[0][1] < _MIN_STOPWORDS
        or (len(ranked) > 1 and ranked[0][1] == ranked[1][1])
    ):
        raise ExtractError(
            "cannot tell the article's language (supported: "
            f"{', '.join(available_languages())}); pass --lang"
        )
    return ranked[0][0]


def _succession(trigger: Hit) -> bool:
    """A trigger that itself moves out the coach it replaces ("al posto di X", "replaced by Y");
    a predecessor cue in its words would end that coach's spell a second time."""
    return trigger.cue.replaces or trigger.cue.replaced_by


@dataclass
class _MoveMention:
    sentence: int
    clause: int
    kind: MoveKind
    coach: Found
    team: Found | None
    status: MoveStatus
    explicit: int  # 0 default, 1 from a cue or the trigger
    start: int
    end: int
    outlets: list[Ent] = field(default_factory=list)
    confidence: float = 0.5
    from_team: Ent | None = None
    target: Ent | None = None
    anchor: int = -1  # the token where its cue starts
    # its cue tells a return ("il ritorno di", "a return to", "regreso al"): the coach has
    # coached the team before
    returning: bool = False
    # the predecessor of a successor's search ("favourites to succeed X"): he left before, so
    # his exit is no claim of the article, though his team still tells where the search is
    vacated: bool = False


@dataclass
class _TenureMention:
    coach: Found
    team: Found
    status: TenureStatus
    start: int
    end: int
    confidence: float
    start_date: str | None = None
    end_date: str | None = None
    role: TenureRole = TenureRole.head


@dataclass
class _InfluenceMention:
    person: Found
    polarity: str
    how: str
    start: int
    end: int
    sentence: int
    clause: int
    coach: Found | None  # the coach the cue names, when it does
    near: list[Found]  # people of its sentence who may be the move's coach
    topic: Found | None  # the coach the article spoke of last before its sentence
    exit: bool  # the cue is about a departure or sacking
    teams: set[str]  # the teams its sentence names
    confidence: float = 0.7
    # found by an influence word and the person it binds, not by a cue of the lexicon: its
    # move must be told in its sentence unless the person is an executive
    loose: bool = False
    # the coaches its word is about: the one named nearest to it (in its clause first) and
    # those listed with him ("Bordalás, Solari y Heinze, los preferidos del director")
    objects: frozenset[str] = frozenset()
    # its object is named right after it in its clause ("ha scelto Zanetti", "chose X"):
    # the influence is about that coach's move, or none of the article's
    direct: bool = False


def _decides(person: Found) -> bool:
    """A person who decides on coaches rather than being one: an executive by his role word,
    a person the gazetteer knows and not as a coach, or a name no role word calls a coach."""
    if person.executive:
        return True
    if person.entry is not None:
        return not person.entry.is_coach
    return not person.coach_word


def _ent(found: Found | None) -> Ent | None:
    if found is None:
        return None
    if found.entry is not None:
        return Ent(id=found.entry.id, name=found.entry.name)
    return Ent(id=None, name=found.canonical or found.text)


def _key(ent: Ent | None) -> str:
    if ent is None:
        return ""
    return ent.id if ent.id is not None else "~" + fold(ent.name)


def _fkey(found: Found | None) -> str:
    return _key(_ent(found))


class _Run:
    """One extraction: the article, its tokens, mentions and the claims found so far."""

    def __init__(self, text: str, gaz: Gazetteer, lex: Lexicon, date: str | None) -> None:
        self.text = text
        self.gaz = gaz
        self.lex = lex
        self.date = date
        self.year = PartialDate.parse(date).year if date else None
        self.tokens: list[Token] = tokenize(text)
        header = header_end(text)
        self.sentences: list[Sentence] = sentences(
            text, self.tokens, lex.clause_breaks, [header] if header else []
        )
        self.mentions: list[Found] = find_mentions(text, self.tokens, gaz, lex)
        self.consumed: set[int] = set()  # token index of mentions used as influencers
        self.moves: list[_MoveMention] = []
        self.pending: list[_MoveMention] = []  # appointments whose team is not said
        self.tenures: list[_TenureMention] = []
        self.influences: list[_InfluenceMention] = []
        self.citations: dict[int, list[Ent]] = {}
        self.current: dict[str, Found] = {}  # coach → the team he is at (as the article says)
        self.opponents = self._opponent_teams()
        self.focus: Found | None = self._main_team()
        self._implied_end: str | None = None
        self.history_clauses: dict[int, set[int]] = {}
        self._slotted: set[int] = set()
        self.stand_in_clauses: set[tuple[int, int]] = set()  # (sentence, clause)
        # the clauses that tell an exit still to come ("sarà annunciato l'esonero")
        self.pending_exit_clauses: set[tuple[int, int]] = set()
        self.caretaker_clauses: set[tuple[int, int]] = set()  # (sentence, clause)
        # teams a past tenure cue names ("the former Celtic boss"): never the team an exit
        # of the same words leaves
        self.former: set[int] = set()
        self._unnamed_arrival = False
        # people a candidates cue of the current sentence lists, two or more ("i nomi di X,
        # Y e Z")
        self._cue_listed: set[int] = set()

    # -- helpers ------------------------------------------------------------------------
    def _opponent_teams(self) -> set[int]:
        """Teams named as an opponent ("contro il Palermo", "against Leeds", "ante el Ajax"):
        never where a coach goes or where he works."""
        out: set[int] = set()
        folded = [t.folded for t in self.tokens]
        for m in self.mentions:
            if m.kind != "team":
                continue
            for p in self.lex.opponents:
                for end in (m.first, m.first - 1):
                    n = len(p)
                    if end - n >= 0 and tuple(folded[end - n : end]) == p:
                        out.add(m.first)
        # the teams listed with an opponent are opponents too ("contro Reggiana e
        # Salernitana", "against Greece and the Republic of Ireland")
        out |= self._player_clubs()
        teams = [m for m in self.mentions if m.kind == "team"]
        for a, b in pairwise(teams):
            if a.first in out and (self._listed(a, b) or self._listed_with_article(a, b)):
                out.add(b.first)
        return out

    def _player_clubs(self) -> set[int]:
        """Teams named as where somebody played ("l'ex calciatore di Napoli e Juventus", "the
        former Everton defender", "el exjugador del Betis"): a player's clubs, never a coach's
        spell nor where he goes."""
        out: set[int] = set()
        words = self.lex.player_words
        for m in self.mentions:
            if m.kind != "team":
                continue
            k = m.first - 1
            # past the preposition or article between the player word and the club
            while (
                k >= 0
                and m.first - k <= _PLAYER_GAP
                and self.tokens[k].folded in self.lex.stopwords
            ):
                k -= 1
            before = 0 <= k < m.first - 1 and self.tokens[k].folded in words
            after = m.last < len(self.tokens) and self.tokens[m.last].folded in words
            if before or after:
                out.add(m.first)
        return out

    def _bench(self) -> Found | None:
        """The bench an appointment whose team is not said is for ("il sostituto", "the new
        manager"): the one the last exit of the article left, else its main team. A coach who
        leaves for another job ("Ten Hag will leave Ajax for United") leaves no bench the
        article is about."""
        movers = {_fkey(m.coach) for m in self.moves if m.kind == "appointment"}
        for move in reversed(self.moves):
            if (
                move.kind in NEEDS_FROM
                and move.team is not None
                and _fkey(move.coach) not in movers
            ):
                return move.team
        return self.focus

    def _main_team(self) -> Found | None:
        """The team the article speaks of most (the first one of those, on a tie)."""
        # a team named as where somebody was ("un ex Roma") is not the one the article is about
        former = [
            c.pattern[:-1]
            for c in self.lex.tenure_cues
            if c.label == "past" and c.pattern[-1] == "{team}" and len(c.pattern) > 1
        ]
        folded = [t.folded for t in self.tokens]
        teams = [
            m
            for m in self.mentions
            if m.kind == "team"
            and m.first not in self.opponents
            and not any(
                m.first >= len(p) and tuple(folded[m.first - len(p) : m.first]) == tuple(p)
                for p in former
            )
        ]
        if not teams:
            return None
        counts = Counter(_fkey(m) for m in teams)
        return max(teams, key=lambda m: (counts[_fkey(m)], -m.first))

    def _mention_at(self) -> dict[int, int]:
        return {m.first: i for i, m in enumerate(self.mentions)}

    def _add_mention(self, found: Found) -> None:
        if all(found.last <= m.first or found.first >= m.last for m in self.mentions):
            self.mentions.append(found)
            self.mentions.sort(key=lambda m: m.first)

    def _in_sentence(self, s: Sentence) -> list[Found]:
        return [m for m in self.mentions if s.first <= m.first < s.last]

    def _clause(self, s: Sentence, token: int) -> int:
        return s.clauses[token - s.first]

    def _nearest(self, cands: list[Found], anchor: int, prefer_after: bool = False) -> Found | None:
        if not cands:
            return None
        if prefer_after:
            after = [m for m in cands if m.first >= anchor]
            if after:
                return min(after, key=lambda m: m.first - anchor)
        return min(cands, key=lambda m: (abs(m.first - anchor), m.first > anchor))

    def _coachable(self, m: Found) -> bool:
        return m.kind == "person" and m.coach and not m.executive and m.first not in self.consumed

    def _coach_like(self, s: Sentence, m: Found) -> bool:
        """A candidate is a coach the gazetteer knows, one a role word calls a coach, or one
        named where the text speaks of a bench (this sentence or the two before): "il profilo
        di Osimhen" in a transfer story is no coaching candidate."""
        if m.coach_word or (m.entry is not None and m.entry.is_coach):
            return True
        if self._listed_with_coach(s, m):
            return True
        first = self.sentences[max(0, s.index - _BENCH_REACH)].first
        last = s.last
        if self._opening(s) and s.index + 1 < len(self.sentences):
            # a lead or a heading opens a story the next sentence tells: "Salida de X" over
            # "los entrenadores sondeados…"
            last = self.sentences[s.index + 1].last
        return any(self.tokens[k].folded in self.lex.bench_words for k in range(first, last))

    def _opening(self, s: Sentence) -> bool:
        """The article's first sentence, or a heading: a line that ends without a stop."""
        if s.index == 0:
            return True
        end = self.tokens[s.last - 1].end
        rest = self.text[end : end + 2]
        return rest.startswith("\n") or rest == ""

    def _listed_with_coach(self, s: Sentence, m: Found) -> bool:
        """ "Non convincono Rossi e Bianchi": a name the gazetteer does not hold, listed right
        next to a coach it knows, is one more coach of the list."""
        if m.entry is not None or m.executive or not m.text[:1].isupper():
            return False  # a role word standing for somebody ("il presidente") is no name
        people = [p for p in self._in_sentence(s) if p.kind == "person"]
        for a, b in pairwise(people):
            other = b if a.first == m.first else a if b.first == m.first else None
            if (
                other is not None
                and other.entry is not None
                and other.entry.is_coach
                and self._listed(a, b)
            ):
                return True
        return False

    def _topic(self, s: Sentence) -> Found | None:
        before = [m for m in self.mentions if m.last <= s.first and self._coachable(m)]
        if before:
            return before[-1]
        coaches = [m for m in self.mentions if self._coachable(m)]
        if not coaches:
            return None
        counts = Counter(_fkey(m) for m in coaches)
        return max(coaches, key=lambda m: counts[_fkey(m)])

    def _coach_for(
        self, s: Sentence, anchor: int, clause: int, end: int | None = None
    ) -> tuple[Found | None, bool]:
        """The coach of a cue at token `anchor` (ending at `end`): the person right after it
        ("ha chiamato Calzona", "sacked manager Marcelino"), else the last one before it in
        its clause ("Montella, esonerato sabato"), else the nearest of its clause or sentence,
        else the coach the article spoke of last (not explicit)."""
        cands = [
            m for m in self._in_sentence(s) if self._coachable(m) and m.first not in self._slotted
        ]
        same = [m for m in cands if self._clause(s, m.first) == clause]
        before = [m for m in same if m.first < anchor]
        if end is not None and before and self._passive_cue(s, anchor, end):
            # "Gilardino fue despedido y llegó Vieira": the subject of a passive is the one
            # acted on, not the name after it
            return before[-1], True
        if end is not None:
            # "a return to Everton after X was sacked": a name past "after", "dopo", "tras"
            # is a predecessor or a point of time, not the cue's object
            right_after = [
                m
                for m in same
                if end <= m.first <= end + _OBJECT_GAP and not self._after_time_word(end, m)
            ]
            if right_after:
                return right_after[0], True
        if before:
            return before[-1], True
        if not same:
            # "Roberto Mancini, who resigned this week": a relative clause is about the
            # person named just before it
            antecedent = self._antecedent(s, clause)
            if antecedent is not None:
                return antecedent, True
        chosen = self._nearest(same, anchor) or self._nearest(cands, anchor)
        if chosen is not None:
            return chosen, True
        return self._topic(s), False

    def _after_time_word(self, end: int, m: Found) -> bool:
        """Whether a `not_candidate_before` word ("after", "dopo", "tras") stands between a
        cue's end and the name."""
        words = [self.tokens[k].folded for k in range(end, m.first)]
        return any(
            all(word_matches(x, w) for x, w in zip(p, words[i : i + len(p)], strict=True))
            for p in self.lex.not_candidate_before
            for i in range(len(words) - len(p) + 1)
        )

    def _passive_cue(self, s: Sentence, anchor: int, end: int) -> bool:
        """A cue in the passive: an auxiliary ("è stato", "was", "fue") just before its last
        word, inside its words ("è stato esonerato") or before them ("fue despedido")."""
        return end - 1 > s.first and self._passive(s, end - 1)

    def _antecedent(self, s: Sentence, clause: int, coach: bool = True) -> Found | None:
        """The person (a coach, unless `coach` is false) a relative clause ("who …", "che …",
        "que …") follows, if any."""
        first = next((k for k in range(s.first, s.last) if self._clause(s, k) == clause), None)
        if first is None or first == s.first:
            return None
        if self.tokens[first].folded not in self.lex.relatives:
            return None
        prev = [
            m
            for m in self._in_sentence(s)
            if m.kind == "person"
            and (m.last == first or self._of_complement(s, m.last, first))
            and (m.coach or not coach)
        ]
        if not coach:
            return prev[0] if prev else None
        return prev[0] if prev and not prev[0].executive else None

    def _of_complement(self, s: Sentence, end: int, relative: int) -> bool:
        """The words from `end` to the relative pronoun at `relative` complete the name before
        them: "of" and a few words naming no person ("il numero uno della società campana,
        che", "the owner of the club, who")."""
        folded = self.tokens[end].folded if end < relative else ""
        return (
            folded in _OF_WORDS | self.lex.agents
            and relative - end <= _ROLE_GAP
            and not any(
                m.kind == "person" and end <= m.first < relative for m in self._in_sentence(s)
            )
        )

    def _groups(self, s: Sentence) -> list[list[Found]]:
        """People of a sentence listed together: "Pioli, Donadoni e Semplici"."""
        people = [m for m in self._in_sentence(s) if m.kind == "person"]
        groups: list[list[Found]] = []
        for m in people:
            if groups and (
                self._listed(groups[-1][-1], m) or self._listed_with_role(groups[-1][-1], m)
            ):
                groups[-1].append(m)
            else:
                groups.append([m])
        return groups

    def _team_groups(self, s: Sentence, articles: bool = False) -> list[list[Found]]:
        """Teams of a sentence listed together; with `articles`, also those that repeat
        their preposition or article (for careers: "allenatore del Perugia, del Frosinone")."""
        teams = [m for m in self._in_sentence(s) if m.kind == "team"]
        groups: list[list[Found]] = []
        for m in teams:
            if groups and (
                self._listed(groups[-1][-1], m)
                or (articles and self._listed_with_article(groups[-1][-1], m))
            ):
                groups[-1].append(m)
            else:
                groups.append([m])
        return groups

    def _listed(self, a: Found, b: Found) -> bool:
        gap = _PARENS.sub(" ", self.text[a.end : b.start])
        words = fold(gap).split()
        rest = re.sub(r"[\s,;]", "", re.sub(r"\w+", "", gap))
        if rest:
            return False
        if not words:
            return "," in gap
        return len(words) == 1 and words[0] in self.lex.list_words

    def _listed_with_role(self, a: Found, b: Found) -> bool:
        """People listed, the second with his role ("Michael Carrick or academy boss Nicky
        Butt", "Pioli e il tecnico Donadoni"): a list word, then a coach role word."""
        gap = _PARENS.sub(" ", self.text[a.end : b.start])
        if re.sub(r"[\s\w’']", "", gap):
            return False
        words = fold(gap).split()
        if len(words) < 2 or words[0] not in self.lex.list_words:
            return False
        role = tuple(words[1:])
        return any(
            len(p) == len(role) and all(word_matches(x, w) for x, w in zip(p, role, strict=True))
            for p in self.lex.coach_markers
        )

    def _listed_with_article(self, a: Found, b: Found) -> bool:
        """Teams listed, each with its own preposition or article ("allenatore del Perugia, del
        Frosinone e della Reggiana", "spells at Roma, at Inter", "el Betis y el Sevilla"): the
        gap is a comma or a list word, then one or two stopwords."""
        gap = _PARENS.sub(" ", self.text[a.end : b.start])
        if re.sub(r"[\s,\w’']", "", gap):
            return False
        words = fold(gap).split()
        if words and words[0] in self.lex.list_words:
            words = words[1:]
        elif "," not in gap:
            return False
        return 1 <= len(words) <= 2 and all(
            w in self.lex.stopwords and w not in self.lex.list_words for w in words
        )

    def _group_of(self, groups: list[list[Found]], m: Found) -> list[Found]:
        for g in groups:
            if any(x.first == m.first for x in g):
                return g
        return [m]

    def _span(self, s: Sentence, clauses: set[int]) -> tuple[int, int]:
        toks = [k for k in range(s.first, s.last) if s.clauses[k - s.first] in clauses]
        return self.tokens[toks[0]].start, self.tokens[toks[-1]].end

    def _evidence(self, start: int, end: int) -> Evidence:
        return Evidence(start=start, end=end, text=self.text[start:end])

    def _hit_end(self, s: Sentence, hit: Hit) -> int:
        """One past the last token of a hit."""
        for k in range(s.first, s.last):
            if self.tokens[k].end == hit.end:
                return k + 1
        return s.last

    def tokens_of_hit(self, s: Sentence, hit: Hit) -> int:
        """The token index where a hit starts."""
        for k in range(s.first, s.last):
            if self.tokens[k].start == hit.start:
                return k
        return s.first

    def _years(self, s: Sentence, clause: int) -> list[int]:
        start, end = self._span(s, {clause})
        return [int(y) for y in _YEAR.findall(self.text[start:end])]

    def _months_before(self, s: Sentence, clause: int) -> int:
        """How many months before the article's its clause's date is ("resigned in July",
        "esonerato a marzo", "despedido por el Sevilla en 2023"); 0 when it names none, or the
        article's date has no month. A month later in the calendar than the article's, with no
        year, is of the year before; a year alone is taken at its December."""
        month = PartialDate.parse(self.date).month if self.date else None
        if month is None or self.year is None:
            return 0
        named = [
            self.lex.months[self.tokens[k].folded]
            for k in range(s.first, s.last)
            if self._clause(s, k) == clause and self.tokens[k].folded in self.lex.months
        ]
        years = [y for y in self._years(s, clause) if y < self.year]
        if years:
            last = max(named, default=12)
            return (self.year - max(years)) * 12 + month - last
        return max(((month - m) % 12 for m in named), default=0)

    def _is_history(self, s: Sentence, clause: int, history: list[Hit]) -> bool:
        """A clause about the past: a history cue, or a year two or more before the article's."""
        if any(h.clause == clause for h in history):
            return True
        if self.year is None:
            return False
        return any(y <= self.year - 2 for y in self._past_years(s, clause))

    def _past_years(self, s: Sentence, clause: int) -> list[int]:
        """The years of a clause but those after a word of a start still running ("in charge
        since 2021", "dal 2021", "desde 2021")."""
        years = self._years(s, clause)
        if not self.lex.since_words or not years:
            return years
        running = {
            int(self.tokens[k].folded)
            for k in range(s.first + 1, s.last)
            if self._clause(s, k) == clause
            and _YEAR.fullmatch(self.tokens[k].folded)
            and self.tokens[k - 1].folded in self.lex.since_words
        }
        return [y for y in years if y not in running]

    # -- one sentence -------------------------------------------------------------------
    def sentence(self, s: Sentence) -> None:
        lex = self.lex

        def matcher() -> SentenceMatcher:
            return SentenceMatcher(
                self.text, self.tokens, s, self.mentions, self._mention_at(), lex
            )

        # "X insisted that …", "insistió en que …": the cue only reports what follows
        reporting = matcher().hits([c for c in lex.influence_words if c.label == "reporting"])
        influence_hits = [
            h
            for h in matcher().hits(lex.influences)
            if not any(r.start < h.end and h.start < r.end for r in reporting)
            and not self._refuses_a_team(s, h)
        ]
        for hit in influence_hits:
            if hit.slot is not None and hit.slot_mention is None:
                self._add_mention(hit.slot)
            if hit.slot is not None:
                self.consumed.add(hit.slot.first)
        cite_hits = matcher().hits(lex.citations)
        m = matcher()
        status_hits = m.hits(lex.status_cues)
        date_hits = m.hits(lex.relative_dates)
        history = m.hits(lex.history)
        self.pending_exit_clauses |= {(s.index, h.clause) for h in m.hits(lex.pending_exit_words)}
        self._stand_ins(s)
        triggers = m.hits(lex.triggers)
        # a history word inside a trigger's own words ("al posto dell'esonerato X") says who
        # its coach is, not that its clause is background
        history = [
            h for h in history if not any(t.start <= h.start and h.end <= t.end for t in triggers)
        ]
        self.history_clauses[s.index] = {h.clause for h in history}
        all_tenure_hits = m.hits(lex.tenure_cues)
        # a longer tenure cue that holds a trigger wins over it ("si sono alternati sulla
        # panchina" is history, not "sulla panchina")
        triggers = [
            t
            for t in triggers
            if not any(
                h.start <= t.start and t.end <= h.end and (h.end - h.start) > (t.end - t.start)
                for h in all_tenure_hits
            )
        ]
        # a tenure cue that overlaps a trigger yields to it, unless it lies inside it and
        # describes the trigger's coach ("replaced him with former Real Madrid assistant X")
        tenure_hits = [
            h
            for h in all_tenure_hits
            if all(
                h.end <= t.start or h.start >= t.end or (t.start < h.start and h.end < t.end)
                for t in triggers
            )
            # "appointed as England manager": the job he is given, not one he has
            and not (
                h.cue.label == "current"
                and h.slot is None
                and any(
                    t.cue.label == "appointment" and 0 <= h.first - t.last <= 1 for t in triggers
                )
            )
        ]
        # "il ritorno sulla panchina blucerchiata di Giampaolo": a bench and its team, then
        # "of" and a coach, in a clause of a move, is the move's object, not his side
        tenure_hits = [h for h in tenure_hits if not self._bench_of(h, triggers)]
        aspired = [h for h in tenure_hits if self._aspired(s, h)]
        for hit in aspired:
            if hit.team is not None:
                self.focus = hit.team
        tenure_hits = [h for h in tenure_hits if h not in aspired]
        tenure_hits = [h for h in tenure_hits if not self._names_a_job(s, h)]
        for hit in m.hits(lex.vacancy):
            if hit.team is not None:
                self.focus = hit.team
        outlets = self._outlets(cite_hits)
        date_rule = date_hits[0].cue.label if date_hits else None
        groups = self._groups(s)
        team_groups = self._team_groups(s)
        # teams that say where a person is or was ("Bologna manager Thiago Motta") are never
        # where he is going
        attributes: set[int] = set(self.opponents)
        self._slotted = {
            t.slot.first for t in triggers if t.slot is not None and t.slot.kind == "person"
        }
        # "Former Celtic boss X": a current cue right after a past one is that past spell
        former = {h.last for h in tenure_hits if h.cue.label == "past"}
        for hit in tenure_hits:
            if hit.cue.label == "current" and hit.first in former:
                hit = replace(hit, cue=replace(hit.cue, label="past"))
            self._tenure(s, hit, triggers, date_rule, team_groups, attributes, history)
        self._career(s, m.hits(lex.career_words), {h.clause for h in tenure_hits + triggers})
        self._at_team(s, history, {t.clause for t in triggers})
        self._possessed_side(s, history, {t.clause for t in triggers})
        if not triggers and not any(
            status_family(h.cue.label) is StatusFamily.rumoured for h in status_hits
        ):
            # a list of candidates ("Chelsea are considering three managers: …") is no history
            self._coach_list(s)
        predecessors = [
            h
            for h in m.hits(lex.predecessors)
            if not any(_succession(t) and t.start < h.end and h.start < t.end for t in triggers)
        ]
        # the coach a predecessor cue names is the one replaced, never the one a trigger of
        # his sentence appoints ("X llegó al Barcelona en sustitución de Koeman")
        self._slotted = {
            t.slot.first
            for t in triggers + predecessors
            if t.slot is not None and t.slot.kind == "person"
        }
        triggers = [t for t in triggers if not self._names_an_exit(s, t, triggers)]
        triggers = self._respectively(s, triggers, self._team_groups(s, articles=True))
        trigger_clauses = {t.clause for t in triggers}
        unbound = [h for h in status_hits if h.clause not in trigger_clauses]
        here: list[_MoveMention] = []
        self._cue_listed = set()
        for trig in triggers:
            for move in self._moves(s, trig, status_hits, unbound, groups, attributes, history):
                move.outlets = list(outlets)
                here.append(move)
        here = self._drop_returns(here)
        if any(h.cue.label in _FUTURE_DATES for h in date_hits):
            # "per la prossima stagione, passando da X a Y", "from next season": the coach
            # appointed has not taken charge yet
            for move in here:
                if move.kind == "appointment" and move.status == "completed":
                    move.status = MoveStatus.confirmed
        here += self._sequence_exits(s, here)
        self._predecessors(s, predecessors, here, attributes)
        if outlets and not here:
            self.citations[s.index] = outlets
        for hit in influence_hits:
            self._influence(s, hit, groups)
        self._influence_words(s, matcher().hits(lex.influence_words), influence_hits, here)
        self._trigger_agents(s, triggers, here)
        if date_rule == "season_end":
            for move in here:
                if move.kind in {"departure", "sacking"} and move.team is not None:
                    self._implied_end = resolve(date_rule, self.date)
        self._bench_pairs(s)

    def _bench_pairs(self, s: Sentence) -> None:
        """A round-up of bench changes ("i cambi hanno prodotto risultati a Pontedera con
        l'arrivo di Menichini, a Pineto con Tisci e a Gubbio con Fontana"): two pairs or more
        in one sentence of a word of place, a team, a word joining a new coach (`bench_pair_words`)
        and a coach, in an article that tells a move. Each coach was appointed there and is
        in charge: what other rules found for him in this sentence yields to that."""
        if not self.lex.bench_pair_words or not self.moves:
            return
        mentions = self._in_sentence(s)
        at = {m.first: m for m in mentions}
        pairs: list[tuple[Found, Found]] = []
        for t in mentions:
            if t.kind != "team" or t.first - 1 < s.first or t.first in self.opponents:
                continue
            if self.tokens[t.first - 1].folded not in self.lex.at_team_words:
                continue
            size = bench_pair_size(self.tokens, t.last, self.lex)
            coach = at.get(t.last + size) if size else None
            if coach is not None and self._coachable(coach):
                pairs.append((coach, t))
        if len(pairs) < _BENCH_PAIRS:
            return
        coaches = {_fkey(c) for c, _ in pairs}
        self.moves = [
            m
            for m in self.moves
            if not (m.sentence == s.index and m.kind == "appointment" and _fkey(m.coach) in coaches)
        ]
        self.tenures = [
            t
            for t in self.tenures
            if not (s.start <= t.start < s.end and _fkey(t.coach) in coaches)
            or t.status not in {TenureStatus.current, TenureStatus.starting}
        ]
        for coach, team in pairs:
            clause = self._clause(s, coach.first)
            start, end = self.tokens[team.first - 1].start, coach.end
            self.moves.append(
                _MoveMention(
                    s.index,
                    clause,
                    MoveKind.appointment,
                    coach,
                    team,
                    MoveStatus.completed,
                    1,
                    start,
                    end,
                    confidence=0.6,
                    anchor=team.first,
                )
            )
            self.tenures.append(_TenureMention(coach, team, TenureStatus.current, start, end, 0.6))

    def _predecessors(
        self,
        s: Sentence,
        hits: list[Hit],
        here: list[_MoveMention],
        attributes: set[int],
    ) -> None:
        """The coach a predecessor cue names ("succedendo a Lage", "took over from X") has
        ended his spell at the team his successor goes to: the nearest team of the cue's
        clause, else the team of an appointment of the sentence, else the nearest team of the
        sentence — never one that says where somebody is or was ("Former Hoffenheim manager
        Rangnick replaced X"). A cue a `replaces` trigger covers is left to that trigger's own
        departure."""
        for hit in hits:
            if hit.slot is None or hit.slot.kind != "person" or not self._coachable(hit.slot):
                continue
            anchor = self.tokens_of_hit(s, hit)
            teams = [
                m for m in self._in_sentence(s) if m.kind == "team" and m.first not in attributes
            ]
            same = [m for m in teams if self._clause(s, m.first) == hit.clause]
            appointed = [m.team for m in here if m.kind == "appointment" and m.team is not None]
            team = (
                self._nearest(same, anchor)
                or (appointed[0] if appointed else None)
                or self._nearest(teams, anchor)
            )
            if team is None:
                continue
            clauses = {hit.clause}
            if s.first <= team.first < s.last:
                clauses.add(self._clause(s, team.first))
            start, end = self._span(s, set(range(min(clauses), max(clauses) + 1)))
            self.tenures.append(_TenureMention(hit.slot, team, TenureStatus.ended, start, end, 0.6))

    def _drop_returns(self, here: list[_MoveMention]) -> list[_MoveMention]:
        """A coach a sentence sends away from a team, named nearer the exit's cue than the
        appointment's, is not the one it appoints there ("Roma are looking for a new manager
        after sacking X"): the appointment's cue has no coach of its own and took the exit's."""
        exits = [m for m in here if m.kind in NEEDS_FROM and m.team is not None]

        def wrong(m: _MoveMention) -> bool:
            return (
                m.kind == "appointment"
                and m.team is not None
                and any(
                    _fkey(e.coach) == _fkey(m.coach)
                    and _fkey(e.team) == _fkey(m.team)
                    and _distance(m.coach, e.anchor) < _distance(m.coach, m.anchor)
                    for e in exits
                )
            )

        dropped = [m for m in here if wrong(m)]
        self.moves = [x for x in self.moves if all(x is not d for d in dropped)]
        return [m for m in here if all(m is not d for d in dropped)]

    def _sequence_exits(self, s: Sentence, here: list[_MoveMention]) -> list[_MoveMention]:
        """ "il Napoli ha prima scelto Garcia, poi Mazzarri e infine Calzona": appointments
        done to one bench, a word of sequence between them, follow one another — each coach
        but the last took charge ("ha prima scelto Garcia": completed, not only confirmed)
        and left it."""
        done = sorted(
            (
                m
                for m in here
                if m.kind == "appointment"
                and m.team is not None
                and status_family(m.status) is StatusFamily.positive
            ),
            key=lambda m: m.coach.first,
        )
        out: list[_MoveMention] = []
        for a, b in pairwise(done):
            if (
                _fkey(a.team) != _fkey(b.team)
                or _fkey(a.coach) == _fkey(b.coach)
                or not self._sequence_between(a.coach.last, b.coach.first)
            ):
                continue
            a.status = MoveStatus.completed
            if any(m.kind in NEEDS_FROM and _fkey(m.coach) == _fkey(a.coach) for m in self.moves):
                continue
            exit_ = replace(a, kind=MoveKind.departure, outlets=list(a.outlets))
            self.moves.append(exit_)
            out.append(exit_)
        return out

    def _sequence_between(self, first: int, last: int) -> bool:
        return any(self.tokens[k].folded in self.lex.sequence_words for k in range(first, last))

    def _stand_ins(self, s: Sentence) -> None:
        """The clauses holding a word of a stand-in job, inside a name's words or not ("il
        suo vice Gotti": "vice" is the role word of the mention), and those of a caretaker's."""
        words = [t.folded for t in self.tokens[s.first : s.last]]
        at: dict[str, list[int]] = {}
        for i, w in enumerate(words):
            at.setdefault(w, []).append(i)
        for cues, clauses in (
            (self.lex.stand_in_words, self.stand_in_clauses),
            (self.lex.caretaker_words, self.caretaker_clauses),
        ):
            for cue in cues:
                first, rest = cue.pattern[0], cue.pattern[1:]
                starts = (
                    [i for i, w in enumerate(words) if word_matches(first, w)]
                    if first.endswith("*")
                    else at.get(first, [])
                )
                for i in starts:
                    following = words[i + 1 : i + 1 + len(rest)]
                    if len(following) == len(rest) and all(
                        word_matches(p, w) for p, w in zip(rest, following, strict=True)
                    ):
                        clauses.add((s.index, s.clauses[i]))

    def _outlets(self, hits: list[Hit]) -> list[Ent]:
        out: list[Ent] = []
        for hit in hits:
            if hit.slot is not None:
                if hit.slot_mention is None:
                    self._add_mention(hit.slot)
                ent = _ent(hit.slot)
            else:
                entry = self.gaz.entries.get(hit.cue.label)
                ent = Ent(id=hit.cue.label, name=entry.name if entry else hit.cue.label)
            if ent is not None and all(_key(ent) != _key(o) for o in out):
                out.append(ent)
        return out

    def _status(
        self, s: Sentence, trig: Hit, status_hits: list[Hit], unbound: list[Hit]
    ) -> tuple[MoveStatus, int, bool]:
        """The trigger's status, whether a cue gave it explicitly, and whether that cue is a
        decision taken ("ha deciso di", "decided to")."""
        if trig.cue.label != "appointment":
            status_hits = [h for h in status_hits if not self._names_the_chosen(s, h)]
            unbound = [h for h in unbound if not self._names_the_chosen(s, h)]
        if trig.cue.status is not None:
            # a cue among the trigger's own words ("will be" in "future will be reviewed") is
            # part of the phrase its entry already reads
            status_hits = [h for h in status_hits if not self._inside(h, trig)]
        same = [h for h in status_hits if h.clause == trig.clause]
        for pool in (same, None, unbound):
            if pool is None:
                if trig.cue.status is not None:
                    return self._negated(s, trig, trig.cue.status), 1, False
                continue
            if pool:
                # the cue nearest the trigger (its own words first), a negative one on a tie
                best = min(
                    pool,
                    key=lambda h: (
                        0
                        if h.first < trig.last and trig.first < h.last
                        else min(abs(h.first - trig.last), abs(trig.first - h.last)),
                        -_family_rank(h.cue.label),
                    ),
                )
                best = self._negative_over_own_rumour(trig, best, pool)
                status = MoveStatus(best.cue.label)
                if status == "rumoured" and self._hedge_inside_done(s, best):
                    # "have reportedly sacked": the report hedges a deed the perfect tells done
                    return MoveStatus.completed, 1, False
                if status != "rumoured" and self._negation_before(s, best):
                    # "todavía no ha hecho oficial", "not official"; and a denial or a refusal
                    # negated ("no descarta", "non esclude", "does not rule out") leaves it open
                    status = MoveStatus.rumoured
                return status, 1, best.cue.decision
        return self._negated(s, trig, MoveStatus.rumoured), 0, False

    def _appointment_status(
        self,
        s: Sentence,
        coach: Found,
        status: MoveStatus,
        status_hits: list[Hit],
        decided: bool,
    ) -> MoveStatus:
        """An appointment decided ("ha deciso di affidare la panchina a X", "decided to
        appoint X") is confirmed: the coach is not yet in charge, as an exit decided is done."""
        if decided and status == MoveStatus.completed:
            return MoveStatus.confirmed
        return self._chosen(s, coach, status, status_hits)

    def _exit_status(self, s: Sentence, trig: Hit, status: MoveStatus) -> MoveStatus:
        """An exit whose clause tells it is still to come ("sarà annunciato l'esonero",
        "esonero in arrivo", "will be sacked") is agreed but not yet in effect: `confirmed`,
        even where its own words are those of a done deed."""
        if (s.index, trig.clause) not in self.pending_exit_clauses:
            return status
        if status in (MoveStatus.completed, MoveStatus.confirmed):
            return MoveStatus.confirmed
        return status

    def _chosen(
        self, s: Sentence, coach: Found, status: MoveStatus, status_hits: list[Hit]
    ) -> MoveStatus:
        """The coach a collapse cue names as chosen ("opted for X", "optó por X") is the
        one appointed: his appointment is confirmed, the others' collapse."""
        if status != "collapsed":
            return status
        if any(
            self._names_the_chosen(s, h) and self._hit_end(s, h) == coach.first for h in status_hits
        ):
            return MoveStatus.confirmed
        return status

    def _names_the_chosen(self, s: Sentence, hit: Hit) -> bool:
        """A collapse cue with a person right after it ("optó por X", "opted for X", "ha
        preferito X") says who was chosen over the others: it makes no exit collapse ("optó
        por X tras destituir a Y")."""
        if hit.cue.label != "collapsed":
            return False
        end = self._hit_end(s, hit)
        return any(m.kind == "person" and m.first == end for m in self._in_sentence(s))

    def _negative_over_own_rumour(self, trig: Hit, best: Hit, pool: list[Hit]) -> Hit:
        """A rumour cue that is the trigger's own word ("conversaciones con X", "talks with X")
        only restates it; a denial or a collapse elsewhere in its clause ("… se rompieron",
        "… broke down") says what became of it."""
        if status_family(best.cue.label) is not StatusFamily.rumoured:
            return best
        negative = [h for h in pool if status_family(h.cue.label) is StatusFamily.negative]
        # a denial whose object is the rumour ("nego ogni fantasiosa ipotesi di un suo esonero",
        # "smentisce le voci"): the denial says what became of it
        denying = [
            h
            for h in negative
            if h.cue.label == MoveStatus.denied
            and h.last <= best.first
            and best.first - h.last <= 2
        ]
        if denying:
            return denying[-1]
        own = best.first < trig.last and trig.first < best.last
        if not own or not negative:
            return best
        return min(negative, key=lambda h: min(abs(h.first - trig.last), abs(trig.first - h.last)))

    @staticmethod
    def _inside(hit: Hit, trig: Hit) -> bool:
        return (
            trig.first <= hit.first and hit.last <= trig.last and hit.cue.label != trig.cue.status
        )

    def _hedge_inside_done(self, s: Sentence, hit: Hit) -> bool:
        """A one-word rumour cue ("reportedly", "allegedly") inside a cue of a completed
        move: the word before it and those after it make that cue ("have | sacked", "has |
        been sacked")."""
        k = self.tokens_of_hit(s, hit)
        if self._hit_end(s, hit) != k + 1 or k == s.first:
            return False
        words = [self.tokens[k - 1].folded] + [
            self.tokens[j].folded for j in range(k + 1, min(s.last, k + 4))
        ]
        return any(
            c.label == MoveStatus.completed
            and len(c.pattern) > 1
            and len(c.pattern) <= len(words)
            and all(word_matches(x, w) for x, w in zip(c.pattern, words, strict=False))
            for c in self.lex.status_cues
        )

    def _negation_before(self, s: Sentence, hit: Hit) -> bool:
        """A negation within the three words before a cue, in its clause."""
        k = self.tokens_of_hit(s, hit)
        return any(
            self.tokens[j].folded in self.lex.negations
            for j in range(max(s.first, k - 3), k)
            if s.clauses[j - s.first] == hit.clause
        )

    def _negated(self, s: Sentence, trig: Hit, status: MoveStatus) -> MoveStatus:
        """A negation just before the trigger, in its clause, denies it ("non sarà", "not");
        a question ("Nesta nuovo allenatore del Monza?") only asks."""
        if self.text[s.end : s.end + 1] == "?" and status_family(status) is StatusFamily.positive:
            return MoveStatus.rumoured
        k = self.tokens_of_hit(s, trig)
        before = [j for j in range(max(s.first, k - 3), k) if s.clauses[j - s.first] == trig.clause]
        if trig.cue.label == "appointment" and any(
            self.tokens[j].folded in self.lex.negations for j in before
        ):
            return MoveStatus.denied if status == "rumoured" else MoveStatus.collapsed
        if (
            trig.cue.nominal
            and trig.cue.label != "appointment"
            and status == "rumoured"
            and self._no_reason_before(s, k, trig.clause)
        ):
            return MoveStatus.denied
        return status

    def _no_reason_before(self, s: Sentence, k: int, clause: int) -> bool:
        """ "no hay motivos para cuestionar la permanencia", "there is no reason to question
        his future": a negation a few words before a nominal exit's rumour, in its clause,
        with a word of purpose between, denies it."""
        before = [
            j
            for j in range(max(s.first, k - _NO_REASON_GAP), k)
            if s.clauses[j - s.first] == clause
        ]
        neg = [j for j in before if self.tokens[j].folded in self.lex.negations]
        return bool(neg) and any(
            self.tokens[j].folded in _PURPOSE_WORDS for j in before if j > neg[0]
        )

    def _moves(
        self,
        s: Sentence,
        trig: Hit,
        status_hits: list[Hit],
        unbound: list[Hit],
        groups: list[list[Found]],
        attributes: set[int],
        history: list[Hit],
    ) -> list[_MoveMention]:
        kind = MoveKind(trig.cue.label)
        anchor = self.tokens_of_hit(s, trig)
        if (
            kind == "appointment"
            and not trig.cue.candidates
            and self._executive_job(s, self._hit_end(s, trig))
        ):
            return []
        if kind == "appointment" and not trig.cue.candidates and self._stays(s, trig, anchor):
            return []
        if kind == "appointment" and self._signs_a_player(s, self._hit_end(s, trig)):
            return []
        pairs: list[tuple[Found, MoveKind, Found | None]] = []
        found = self._trigger_coaches(s, trig, anchor, groups)
        if (
            found is None
            and trig.cue.candidates
            and not any(self._coachable(m) for m in self._in_sentence(s))
        ):
            # "si parla di Chelsea o Monaco": the teams a candidate is linked with
            topic = self._topic(s)
            teams = self._teams_after(s, anchor, trig.clause, attributes) or self._suitors_before(
                s, anchor, trig.clause, attributes
            )
            if topic is None or not teams:
                return []
            found = ([topic], False)
            pairs = [(topic, kind, t) for t in teams]
        if found is None:
            if self._unnamed_arrival:
                # the bench the unnamed coach arrives at is where the next appointment whose
                # team is not said goes
                self._unnamed_arrival = False
                team = trig.team or self._target_team(s, anchor, trig, kind, attributes, [])
                if team is not None:
                    self.focus = team
            return []
        coaches, explicit_coach = found
        if not pairs:
            team = trig.team
            if team is None:
                team = self._target_team(s, anchor, trig, kind, attributes, coaches)
            if team is None and trig.cue.needs_team:
                return []
            if trig.coach is not None and kind == "appointment":
                # "passata da Sousa a Inzaghi", "avvicendarsi Mourinho con De Rossi": the first
                # leaves, the second arrives
                pairs = [(c, MoveKind.departure, team) for c in coaches]
                pairs.append((trig.coach, kind, team))
            else:
                pairs = [(c, kind, team) for c in coaches]
            if trig.cue.replaces and trig.slot is not None:
                pairs += self._successor(s, trig, anchor, team, attributes)
            if trig.cue.replaced_by and trig.slot is not None:
                pairs += self._replaced_before(s, trig, anchor, team)
        # a name nobody calls a coach moves only where its sentence speaks of a bench: "Diego
        # González llegó a la cita" is no appointment
        pairs = [p for p in pairs if self._coach_like(s, p[0])]
        if trig.cue.replaces and trig.slot is not None:
            pairs = [p for p in pairs if not self._caretaker_replaced(s, trig, *p)]
        status, explicit, decided = self._status(s, trig, status_hits, unbound)
        if kind == "appointment" and status_family(status) is not StatusFamily.positive:
            pairs = self._suitors(s, pairs, attributes)
        if self._is_history(s, trig.clause, history) or (
            status == "completed" and self._months_before(s, trig.clause) >= _OLD_MONTHS
        ):
            for coach, k, team in pairs:
                self._history(s, trig, k, coach, team)
            return []
        out = []
        for coach, k, team in pairs:
            clauses = {trig.clause}
            if s.first <= coach.first < s.last:
                clauses.add(self._clause(s, coach.first))
            if team is not None and s.first <= team.first < s.last:
                clauses.add(self._clause(s, team.first))
            start, end = self._span(s, set(range(min(clauses), max(clauses) + 1)))
            confidence = 0.5 + (0.2 if team is not None else 0) + (0.15 if explicit else 0)
            confidence += 0.1 if explicit_coach else 0
            move = _MoveMention(
                s.index,
                trig.clause,
                k,
                coach,
                team,
                self._appointment_status(s, coach, status, status_hits, decided)
                if k == "appointment"
                else self._exit_status(s, trig, status),
                explicit,
                start,
                end,
                confidence=round(min(confidence, 0.95), 2),
                anchor=anchor,
                returning=self._is_return(s, trig),
                vacated=trig.cue.vacated and k in NEEDS_FROM and any(coach is c for c in coaches),
            )
            if k in NEEDS_FROM and team is not None:
                self.current.setdefault(_fkey(coach), team)
            if team is None and k == "appointment":
                self.pending.append(move)
            else:
                self.moves.append(move)
            out.append(move)
        return out

    def _suitors(
        self,
        s: Sentence,
        pairs: list[tuple[Found, MoveKind, Found | None]],
        attributes: set[int],
    ) -> list[tuple[Found, MoveKind, Found | None]]:
        """Clubs listed as a coach's suitors ("Monza, Bari e Palermo hanno messo gli occhi su
        di lui", "Venezia ed Empoli si contendono X"): an open appointment to one of them is
        one rumour per club of the list, never a single one to the club nearest the cue. A club
        listed with its own article is one of the list ("Empoli, Lecce e l'Udinese")."""
        groups = self._team_groups(s, articles=True)
        out: list[tuple[Found, MoveKind, Found | None]] = []
        for coach, k, team in pairs:
            listed = self._group_of(groups, team) if team is not None and k == "appointment" else []
            clubs = [t for t in listed if t.first not in attributes]
            if len(clubs) < 2 or any(
                t.first <= coach.last and coach.first <= t.last for t in clubs
            ):
                out.append((coach, k, team))
                continue
            out += [(coach, k, t) for t in clubs]
        return out

    def _aspired(self, s: Sentence, hit: Hit) -> bool:
        """A current tenure cue right after an `aspired_before` word ("tiene deseo de ser DT
        del Pincha", "podría ser el entrenador del Betis"): a job wished for, not held."""
        if hit.cue.label != "current" or not self.lex.aspired_before:
            return False
        before = [
            self.tokens[k].folded for k in range(s.first, s.last) if self.tokens[k].end <= hit.start
        ]
        return any(
            len(p) <= len(before)
            and all(word_matches(x, w) for x, w in zip(p, before[-len(p) :], strict=True))
            for p in self.lex.aspired_before
        )

    def _bench_of(self, hit: Hit, triggers: list[Hit]) -> bool:
        """A "{team} of {person}" cue whose team comes right after a bench word, in the
        clause of an appointment ("sulla panchina blucerchiata di X")."""
        p = hit.cue.pattern
        return (
            len(p) == 3
            and p[0] == "{team}"
            and p[2] == "{person}"
            and hit.team is not None
            and hit.team.first > 0
            and self.tokens[hit.team.first - 1].folded in self.lex.bench_words
            and any(t.clause == hit.clause and t.cue.label == "appointment" for t in triggers)
        )

    def _respectively(
        self, s: Sentence, triggers: list[Hit], team_groups: list[list[Found]]
    ) -> list[Hit]:
        """Two changes or more of the shape "da X a Y" in a sentence that lists as many teams
        before them ("l'Udinese e il Sassuolo hanno cambiato, da Sottil a Cioffi, e da Dionisi
        a Ballardini"): the n-th change is the n-th team's."""
        changes = [
            t
            for t in triggers
            if t.coach is not None and t.team is None and t.cue.label == "appointment"
        ]
        if len(changes) < 2:
            return triggers
        teams = next(
            (
                g
                for g in team_groups
                if len(g) == len(changes) and g[-1].last <= self.tokens_of_hit(s, changes[0])
            ),
            None,
        )
        if teams is None:
            return triggers
        by_change = {id(t): team for t, team in zip(changes, teams, strict=True)}
        return [replace(t, team=by_change[id(t)]) if id(t) in by_change else t for t in triggers]

    def _names_an_exit(self, s: Sentence, trig: Hit, triggers: list[Hit]) -> bool:
        """A candidates cue whose complement is an exit's words ("ipotesi di un suo esonero",
        "the option of sacking him"): the hypothesis is the exit, nobody is a candidate."""
        if not trig.cue.candidates:
            return False
        end = self._hit_end(s, trig)
        for t in triggers:
            if t.cue.label == "appointment" or t.start < trig.end:
                continue
            k = self.tokens_of_hit(s, t)
            if 0 < k - end <= 3 and all(
                self.tokens[j].folded in self.lex.stopwords for j in range(end, k)
            ):
                return True
        return False

    def _stays(self, s: Sentence, trig: Hit, anchor: int) -> bool:
        """A word of staying on (`stay`) before an appointment's words in their clause ("che X
        resti saldo sulla panchina", "X will stay on as manager"): the coach keeps the job he
        has, no move."""
        return any(
            self._clause(s, k) == trig.clause
            and any(word_matches(w, self.tokens[k].folded) for w in self.lex.stay_words)
            for k in range(s.first, anchor)
        )

    def _is_return(self, s: Sentence, trig: Hit) -> bool:
        """Whether a trigger's own words tell a return ("ritorno al", "return to"), or a word
        of return a few words before them in their clause ("il ritorno per la terza volta
        sulla panchina")."""
        if any(word_matches(r, w) for r in self.lex.return_words for w in trig.cue.pattern):
            return True
        k = self.tokens_of_hit(s, trig)
        return any(
            self._clause(s, j) == trig.clause
            and any(word_matches(r, self.tokens[j].folded) for r in self.lex.return_words)
            for j in range(max(s.first, k - _RETURN_GAP), k)
        )

    def _successor(
        self, s: Sentence, trig: Hit, anchor: int, team: Found | None, attributes: set[int]
    ) -> list[tuple[Found, MoveKind, Found | None]]:
        """ "Xabi Alonso could replace Carlo Ancelotti at Real Madrid": the coach named before
        the cue, in its clause, is appointed where the replaced one was."""
        assert trig.slot is not None
        before = [
            m
            for m in self._in_sentence(s)
            if self._coachable(m)
            and m.first < anchor
            and self._clause(s, m.first) == trig.clause
            and m.first != trig.slot.first
        ]
        if not before:
            # "Il Chelsea ha sostituito il tedesco con il promettente Potter": the coach after
            # a word of replacing with, a few words past the one replaced
            k = self._hit_end(s, trig)
            with_ = next(
                (
                    m
                    for m in self._in_sentence(s)
                    if self._coachable(m)
                    and k < m.first <= k + _DIRECT_GAP
                    and self._clause(s, m.first) == trig.clause
                    and self.tokens[k].folded in self.lex.replaced_with
                ),
                None,
            )
            if with_ is None:
                return []
            before = [with_]
        where = self._nearest(
            [
                m
                for m in self._in_sentence(s)
                if m.kind == "team"
                and m.first >= anchor
                and self._clause(s, m.first) == trig.clause
                and m.first not in attributes
            ],
            anchor,
        )
        where = where or team or self.current.get(_fkey(trig.slot)) or self.focus
        return [(before[-1], MoveKind.appointment, where)]

    def _executive_job(self, s: Sentence, end: int) -> bool:
        """ "was appointed CEO", "nominato direttore sportivo", "appointed X as sporting
        director": an executive role word right after an appointment's words, or after the
        name it appoints (past one small word, "as"), names a job off the bench, so no coach
        moves."""
        named = next((m for m in self._in_sentence(s) if m.first == end), None)
        return self._executive_word_at(s, end) or (
            named is not None and self._executive_word_at(s, named.last)
        )

    def _refuses_a_team(self, s: Sentence, hit: Hit) -> bool:
        """ "Ernesto Valverde rechazó la oferta del Sevilla": a coach who refuses, where the
        next name is a team's, turns down the offer himself (a collapsed appointment); he is no
        influencer against someone else's move."""
        person = hit.slot
        if hit.cue.label != "against" or person is None or person.executive or not person.coach:
            return False
        if not (person.coach_word or (person.entry is not None and person.entry.is_coach)):
            return False
        if person.first != self.tokens_of_hit(s, hit):
            return False  # "il progetto con Conceicao andrà avanti": he is no subject
        end = self._hit_end(s, hit)
        after = [m for m in self._in_sentence(s) if m.first >= end and m.first < end + 5]
        return bool(after) and min(after, key=lambda m: m.first).kind == "team"

    def _signs_a_player(self, s: Sentence, end: int) -> bool:
        """ "have signed a new striker from Dyche's side", "ha ingaggiato un attaccante": a
        player word within a few words after an appointment's words, before any name, is the
        object of a player's transfer, so no coach moves ("signed former striker X" still
        does)."""
        starts = {m.first for m in self._in_sentence(s)}
        for k in range(end, min(s.last, end + 4)):
            if k in starts:
                return False
            if self.tokens[k].folded in self.lex.player_words:
                return k == 0 or self.tokens[k - 1].folded not in self.lex.former_words
        return False

    def _executive_word_at(self, s: Sentence, k: int) -> bool:
        words = [t.folded for t in self.tokens[k : min(s.last, k + 6)]]
        # past one small word ("as", "come"), never a list word ("… and chairman X")
        small = words and words[0] in self.lex.stopwords and words[0] not in self.lex.list_words
        starts = [0, 1] if small else [0]
        return any(
            len(p) <= len(words) - i
            and all(word_matches(w, x) for w, x in zip(p, words[i:], strict=False))
            for i in starts
            for p in self.lex.executive_markers
        )

    def _replaced_before(
        self, s: Sentence, trig: Hit, anchor: int, team: Found | None
    ) -> list[tuple[Found, MoveKind, Found | None]]:
        """ "Al Genoa Gilardino è stato sostituito da Vieira": the passive of a succession
        names the coach who leaves before the cue, the subject of its sentence; he leaves the
        bench the slot's coach takes."""
        assert trig.slot is not None
        before = [
            m
            for m in self._in_sentence(s)
            if self._coachable(m)
            and m.first < anchor
            and m.first != trig.slot.first
            and m.first not in self._slotted
        ]
        if not before:
            return []
        # "esonerato dal Milan e sostituito da X": his exit is told already (in this
        # sentence, or before with the same team)
        leaving = before[-1]
        told = any(
            m.kind in NEEDS_FROM
            and _fkey(m.coach) == _fkey(leaving)
            and (m.sentence == s.index or _fkey(m.team) == _fkey(team))
            for m in self.moves
        )
        return [] if told else [(leaving, MoveKind.departure, team)]

    def _opens_clause(self, s: Sentence, m: Found) -> bool:
        """A person named first in its clause, or right after a list word ("o Scaloni")."""
        clause = self._clause(s, m.first)
        k = m.first - 1
        n = 0
        while k >= s.first and self._clause(s, k) == clause:
            if any(x.first <= k < x.last for x in self.mentions):
                return False
            n += 1
            k -= 1
        return n <= 2

    def _trigger_coaches(
        self, s: Sentence, trig: Hit, anchor: int, groups: list[list[Found]]
    ) -> tuple[list[Found], bool] | None:
        if trig.slot is not None and trig.slot.kind == "person":
            if trig.slot_mention is None:
                self._add_mention(trig.slot)
            return self._group_of(groups, trig.slot), True
        if trig.cue.candidates:
            # a person another cue of the sentence binds ("to replace Xavi") is not a candidate
            people = [
                m
                for m in self._in_sentence(s)
                if self._coachable(m) and m.first not in self._slotted and self._coach_like(s, m)
            ]
            chosen: list[Found] = []
            # the names a cue lists end where a "but" clause starts
            stop = next(
                (
                    k
                    for k in range(anchor + 1, s.last)
                    if self.tokens[k].folded in self.lex.clause_breaks
                ),
                s.last,
            )
            after = [m for m in people if anchor <= m.first < stop]
            if after and after[0].first - anchor <= _CANDIDATE_WINDOW:
                chosen += self._group_of(groups, after[0])
            for m in after:
                if all(c.first != m.first for c in chosen) and self._opens_clause(s, m):
                    chosen += self._group_of(groups, m)
            if not chosen:
                # "X, Y and Z are on the shortlist": the candidates come first, but not one a
                # move of the sentence already tells of ("X is set to be sacked, with Y the
                # frontrunner" names Y alone)
                moving = {
                    _fkey(m.coach)
                    for m in self.moves + self.pending
                    if m.sentence == s.index and m.kind != "appointment"
                }
                chosen = [m for m in people if m.first < anchor and _fkey(m) not in moving]
            chosen = [c for c in chosen if self._coachable(c)]
            if len(chosen) > 1:
                self._cue_listed |= {c.first for c in chosen}
            return (chosen, True) if chosen else None
        if trig.cue.nominal:
            end = self._hit_end(s, trig)
            after = [
                m
                for m in self._in_sentence(s)
                if self._coachable(m)
                and end <= m.first <= end + _OBJECT_GAP
                and m.first not in self._slotted
                and not self._coordinated(end, m.first)
                and not self._after_time_word(end, m)
            ]
            if after:
                return self._group_of(groups, after[0]), True
            if self._unknown_owner(s, end):
                return None
            if trig.cue.label == "appointment" and self._role_complement(s, end):
                self._unnamed_arrival = True
                return None
            # "il primo esonero di stagione, quello di Daniele De Rossi": named later on
            later = [
                m
                for m in self._in_sentence(s)
                if self._coachable(m)
                and m.first >= end
                and self._clause(s, m.first) in (trig.clause, trig.clause + 1)
                and m.first not in self._slotted
                and not self._coordinated(end, m.first)
                and not self._after_time_word(end, m)
            ]
            if later:
                return [later[0]], True
            # "Per Mihajlovic sarebbe un ritorno a Bologna": named before it, in its clause
            before = [
                m
                for m in self._in_sentence(s)
                if self._coachable(m)
                and m.first < anchor
                and self._clause(s, m.first) == trig.clause
                and m.first not in self._slotted
            ]
            if before:
                return [before[-1]], True
            topic = self._topic(s)
            if topic is not None and self._speaks_of(s, trig, topic):
                return None
            return ([topic], False) if topic is not None and trig.cue.topic else None
        stand_in = self._stand_in_named(s, trig)
        if stand_in is not None:
            self._add_mention(stand_in)
            return [stand_in], True
        coach, explicit = self._coach_for(s, anchor, trig.clause, self._hit_end(s, trig))
        if (
            coach is not None
            and explicit
            and trig.cue.label == "appointment"
            and not trig.cue.topic
            and min(abs(coach.first - anchor), abs(coach.last - self._hit_end(s, trig)))
            > _APPOINTMENT_WINDOW
        ):
            return None
        if not explicit:
            bare = self._bare_name(s, anchor, trig.clause)
            if bare is not None:
                self._add_mention(bare)
                return [bare], True
            if self._unknown_before_parenthesis(s, trig.clause):
                return None
        if coach is None or (not explicit and not trig.cue.topic):
            return None
        if coach.first in self._cue_listed and self._clause(s, coach.first) != trig.clause:
            # "con i nomi di X e Y circolati, la proprietà ha scelto la via del silenzio": a
            # name another cue lists as a candidate is not the object of a cue of another clause
            return None
        if explicit:
            return [c for c in self._group_of(groups, coach) if self._coachable(c)], True
        return [coach], False

    def _unknown_before_parenthesis(self, s: Sentence, clause: int) -> bool:
        """A clause in brackets right after a capitalised word no mention takes ("alla Pianese
        con Formisano (già silurato a Perugia)"): it tells of that unknown person, whom the
        extractor cannot name, never of the coach the article spoke of last."""
        first = next((k for k in range(s.first, s.last) if self._clause(s, k) == clause), None)
        if first is None or first == s.first:
            return False
        prev = self.tokens[first - 1]
        gap = self.text[prev.end : self.tokens[first].start]
        return (
            gap.strip() == "("
            and prev.capitalised
            and prev.folded not in self.lex.stopwords
            and not any(m.first <= first - 1 < m.last for m in self.mentions)
        )

    def _stand_in_named(self, s: Sentence, trig: Hit) -> Found | None:
        """ "la squadra è stata affidata ad interim a Skubala", "è in carica ad interim
        Skubala": a capitalised run nobody knows right after an appointment's words that
        name a caretaker's job (`caretaker_words`) is the caretaker it appoints, one word
        being enough — not a coach named elsewhere in the sentence (the one just sacked)."""
        if trig.cue.label != "appointment" or self._caretaker_cue(trig) != "caretaker":
            return None
        k = self._hit_end(s, trig)
        if k <= s.first or k >= s.last or self._clause(s, k) != trig.clause:
            return None
        if any(m.first <= k < m.last for m in self.mentions):
            return None
        n = capital_run(self.text, self.tokens, k, self.lex, set(), 3)
        n = min(n, s.last - k)
        words = [t.folded for t in self.tokens[k : k + n]]
        role = [c.pattern[0] for c in self.lex.stand_in_words + self.lex.caretaker_words]
        if (
            not n
            # "appointed Interim Manager": role words written with capitals name no one
            or any(
                w in self.lex.not_names
                or w in self.lex.bench_words
                or any(word_matches(r, w) for r in role)
                for w in words
            )
            or len(words[-1]) < 3
            or any(m.first < k + n and m.last > k for m in self.mentions)
        ):
            return None
        first, last = self.tokens[k], self.tokens[k + n - 1]
        return Found(
            k,
            k + n,
            first.start,
            last.end,
            self.text[first.start : last.end],
            None,
            MentionKind.person,
            True,
            coach_word=True,
        )

    def _unknown_owner(self, s: Sentence, end: int) -> bool:
        """A nominal cue whose "of" complement is a capitalised word no mention takes
        ("l'arrivo di Menichini", "la salida de Domenec Torrent" when neither is known), or a
        group (`plural_of`: "la salida de los españoles"): the move is theirs, whom the
        extractor cannot name, never another coach's."""
        k = end
        words = [t.folded for t in self.tokens[k : min(s.last, k + 4)]]
        if any(
            len(p) <= len(words) and all(word_matches(x, w) for x, w in zip(p, words, strict=False))
            for p in self.lex.plural_of
        ):
            return True
        if k + 1 >= s.last or self.tokens[k].folded not in self.lex.team_of_words:
            return False
        name = self.tokens[k + 1]
        return name.capitalised and not any(m.first <= k + 1 < m.last for m in self.mentions)

    def _role_complement(self, s: Sentence, end: int) -> bool:
        """A nominal appointment whose "of" complement is a coach's role word ("l'arrivo del
        nuovo tecnico", "the arrival of the new manager"): it names nobody."""
        k = end
        if k >= s.last or self.tokens[k].folded not in _OF_WORDS | self.lex.team_of_words:
            return False
        words = [t.folded for t in self.tokens[k + 1 : min(s.last, k + 4)]]
        return any(
            len(p) == 1 and p[0] in words and not any(m.first <= k < m.last for m in self.mentions)
            for p in self.lex.coach_markers
        )

    def _speaks_of(self, s: Sentence, trig: Hit, person: Found) -> bool:
        """Whether `person` says the quotation that holds the cue ("Milad señaló: «La salida
        de Ricardo …»"): a speaker telling of an exit in the third person is not its coach."""
        speaker = self._quote_speaker(s, trig.start)
        return speaker is not None and _fkey(speaker) == _fkey(person)

    def _coordinated(self, end: int, first: int) -> bool:
        """A list word between a nominal cue and a name ("l'esonero e la chiamata di X", "la
        salida y la llegada de X"): the name belongs to the noun joined to it, not to the cue."""
        return any(self.tokens[k].folded in self.lex.list_words for k in range(end, first))

    def _bare_name(self, s: Sentence, anchor: int, clause: int) -> Found | None:
        """ "que Pacheta deja de ser entrenador": a capitalised word nobody knows, right
        before a move's words (maybe past an auxiliary or a pronoun), that the article writes
        again, is the person it is about — a coach known by one name."""
        k = anchor - 1
        while k >= s.first and anchor - k <= 3 and self.tokens[k].folded in self.lex.stopwords:
            k -= 1
        if k < s.first or k == s.first or self._clause(s, k) != clause:
            return None
        tok = self.tokens[k]
        if (
            not tok.capitalised
            or tok.folded in self.lex.stopwords
            or tok.folded in self.lex.not_names
            or len(tok.folded) < 3
            or any(m.first <= k < m.last for m in self.mentions)
            or (
                k > 0 and self.tokens[k - 1].capitalised and self.tokens[k - 1].end + 1 >= tok.start
            )
            or sum(1 for t in self.tokens if t.capitalised and t.folded == tok.folded) < 2
        ):
            return None
        return Found(k, k + 1, tok.start, tok.end, tok.text, None, MentionKind.person, True)

    def _teams_after(
        self, s: Sentence, anchor: int, clause: int, attributes: set[int]
    ) -> list[Found]:
        teams = [
            m
            for m in self._in_sentence(s)
            if m.kind == "team"
            and m.first >= anchor
            and self._clause(s, m.first) == clause
            and m.first not in attributes
        ]
        if not teams or teams[0].first - anchor > _TEAM_WINDOW:
            return []
        return self._group_of(self._team_groups(s), teams[0])

    def _suitors_before(
        self, s: Sentence, anchor: int, clause: int, attributes: set[int]
    ) -> list[Found]:
        """The clubs listed right before a cue, in its clause ("Monza e Bari hanno messo gli
        occhi su di lui"): its subject, the clubs that want the coach the article speaks of."""
        teams = [
            m
            for m in self._in_sentence(s)
            if m.kind == "team"
            and m.last <= anchor
            and self._clause(s, m.first) == clause
            and m.first not in attributes
        ]
        if not teams or anchor - teams[-1].last > _TEAM_WINDOW:
            return []
        # one club before the cue is its subject in talks with somebody not named yet
        # ("United remain in talks with several candidates"): only a list names suitors
        listed = self._group_of(self._team_groups(s), teams[-1])
        return listed if len(listed) > 1 else []

    def _target_team(
        self,
        s: Sentence,
        anchor: int,
        trig: Hit,
        kind: MoveKind,
        attributes: set[int],
        coaches: list[Found],
    ) -> Found | None:
        own = {_fkey(self.current[k]) for k in map(_fkey, coaches) if k in self.current}
        if kind == "appointment":
            teams = [
                m
                for m in self._in_sentence(s)
                if m.kind == "team" and m.first not in attributes and _fkey(m) not in own
            ]
            same = [m for m in teams if self._clause(s, m.first) == trig.clause]
            found = self._nearest(same, anchor, prefer_after=True)
            if found is None and not trig.cue.candidates:
                # "il Napoli … poi lo ha cambiato con Mazzarri", "la Salernitana, che è passata
                # da Sousa a Inzaghi": the team the sentence is about, named before the cue
                found = self._nearest([m for m in teams if m.first < anchor], anchor)
            if found is None and trig.cue.candidates:
                # "El Espanyol, por su parte, mantiene conversaciones con X": the team that
                # opens the sentence is its subject, the one in talks
                found = self._subject_team(s, teams, anchor)
            bench = self._bench()
            if found is None and bench is not None and _fkey(bench) not in own:
                found = bench
            if found is None and not trig.cue.candidates:
                found = self._nearest(teams, anchor, prefer_after=True)
            return found
        all_teams = [
            m
            for m in self._in_sentence(s)
            if m.kind == "team" and m.first not in self.opponents and m.first not in self.former
        ]
        same = [m for m in all_teams if self._clause(s, m.first) == trig.clause]
        found = self._nearest(same, anchor) or self._apposition_head(s, trig.clause, all_teams)
        if found is None and trig.cue.needs_team:
            return None
        if found is None:
            # the team he is at, as the article said before; else one his sentence names
            current = [self.current[k] for k in map(_fkey, coaches) if k in self.current]
            found = current[0] if current else self._nearest(all_teams, anchor)
        return found or self.focus

    def _apposition_head(self, s: Sentence, clause: int, teams: list[Found]) -> Found | None:
        """The team right before the comma that opens a clause ("il Bari, pronto a separarsi da
        Longo"): the clause describes it, so an exit told there is from it."""
        start = next((k for k in range(s.first, s.last) if self._clause(s, k) == clause), None)
        if start is None or start == s.first:
            return None
        for team in teams:
            if team.last <= start and self.text[team.end : self.tokens[start].start].strip() == ",":
                return team
        return None

    def _subject_team(self, s: Sentence, teams: list[Found], anchor: int) -> Found | None:
        """The team a sentence opens with (past an article at most), before `anchor`."""
        first = next((m for m in teams if m.first < anchor), None)
        if first is None or first.first - s.first > 1:
            return None
        if any(m.first < first.first for m in self._in_sentence(s)):
            return None
        return first

    def _caretaker_replaced(
        self, s: Sentence, trig: Hit, coach: Found, kind: MoveKind, team: Found | None
    ) -> bool:
        """The caretaker a coach replaces ("He replaces interim manager X") ends his spell
        but makes no move of his own: his spell is a tenure, ended, of a caretaker."""
        if kind == "appointment" or team is None or trig.slot is None:
            return False
        if _fkey(coach) != _fkey(trig.slot):
            return False
        before = range(max(s.first, coach.first - _ROLE_BEFORE), coach.first)
        if not any(
            word_matches(c.pattern[0], self.tokens[k].folded)
            for c in self.lex.caretaker_words
            if len(c.pattern) == 1
            for k in before
        ):
            return False
        start, end = self._span(s, {trig.clause})
        self.tenures.append(
            _TenureMention(
                coach, team, TenureStatus.ended, start, end, 0.6, role=TenureRole.caretaker
            )
        )
        return True

    def _history(
        self, s: Sentence, trig: Hit, kind: MoveKind, coach: Found, team: Found | None
    ) -> None:
        """A move told as background: what it says of the past is a tenure."""
        if team is None or kind == "retirement":
            return
        years = self._years(s, trig.clause)
        year = str(years[0]) if years else None
        clauses = {trig.clause}
        if s.first <= coach.first < s.last:
            clauses.add(self._clause(s, coach.first))
        if s.first <= team.first < s.last:
            clauses.add(self._clause(s, team.first))
        start, end = self._span(s, set(range(min(clauses), max(clauses) + 1)))
        self.tenures.append(
            _TenureMention(
                coach,
                team,
                TenureStatus.past,
                start,
                end,
                0.6,
                start_date=year if kind == "appointment" else None,
                end_date=year if kind != "appointment" else None,
            )
        )

    def _tenure(
        self,
        s: Sentence,
        hit: Hit,
        triggers: list[Hit],
        date_rule: str | None,
        team_groups: list[list[Found]],
        attributes: set[int],
        history: list[Hit],
    ) -> None:
        anchor = self.tokens_of_hit(s, hit)
        team = hit.team
        if self._slots_apart(hit):
            return
        if hit.cue.label == "past" and self._executive_before(s, anchor):
            # "il dirigente ex Cosenza", "the sporting director, formerly of Leeds": the spell
            # is an executive's, no coach's
            if team is not None:
                attributes.add(team.first)
                self.former.add(team.first)
            return
        if team is None:
            teams = [
                m
                for m in self._in_sentence(s)
                if m.kind == "team" and m.first not in self.opponents
            ]
            if hit.cue.pattern[-1] in self.lex.stopwords:
                # "actual entrenador del", "ex allenatore della": the team comes right after
                end = self._hit_end(s, hit)
                team = next((m for m in teams if end <= m.first <= end + 1), None)
            else:
                same = [m for m in teams if self._clause(s, m.first) == hit.clause]
                team = self._nearest(same, anchor, prefer_after=True)
                team = team or self._nearest(teams, anchor, prefer_after=True)
                # "con l'ex tecnico X, la società ha chiamato Y, dopo la sua stagione al Pisa":
                # past a person of a later clause, a team is his; the cue's is named before
                if team is not None and self._team_of_later_person(s, hit.clause, anchor, team):
                    team = self._nearest([m for m in teams if m.first < anchor], anchor)
        implied = False
        if team is None and (hit.cue.in_post or self._teamless_cue(hit)):
            # "Baraja sigue en el cargo": the post is the bench the article is about
            team, implied = self._bench(), not hit.cue.in_post
        if (
            team is None
            and self._possessed_cue(s, anchor)
            and self._caretaker_cue(hit) == TenureRole.assistant
        ):
            # "the club thanked Tony for his work, as well as his assistant X": an assistant's
            # spell is at the bench the article is about
            team, implied = self.focus, True
        if team is None:
            return
        coach: Found | None
        before: Found | None = None
        if hit.slot is not None and hit.slot.kind == "person" and self._owner_slot(hit):
            # "X will be Tuchel's assistant": the slot is whose assistant, the spell is X's
            if hit.slot_mention is None:
                self._add_mention(hit.slot)
            saved = self._slotted
            self._slotted = saved | {hit.slot.first}
            coach, explicit = self._coach_for(s, anchor, hit.clause, self._hit_end(s, hit))
            self._slotted = saved
        elif hit.slot is not None and hit.slot.kind == "person":
            if hit.slot_mention is None:
                self._add_mention(hit.slot)
            coach = hit.slot if self._coachable(hit.slot) else None
            explicit = True
        else:
            apposition, before = self._name_before_apposition(s, anchor)
            if self._named_after_team(s, team) is not None:
                # "Secondo X, l'allenatore del Milan Stefano Pioli …": the cue's own object
                apposition, before = False, None
            if apposition and before is None:
                # "Hoeness, Michel, allenatore del Girona, Kieran McKenna …": the apposition
                # tells of the unknown name before it, not of the next one in the list; its
                # team still says where somebody is, not where anyone goes
                attributes.update(t.first for t in self._group_of(team_groups, team))
                return
            coach = before or self._person_after_role(s, hit) or self._apposed_coach(s, team)
            explicit = True
            if coach is None:
                coach, explicit = self._tenure_coach(s, hit, anchor)
        if coach is None:
            return
        # "Colantuono e Pasquale Marino, ex allenatori dell'Udinese": every person listed before
        # the cue, or a list of three or more after it ("si sono alternati sulla panchina:
        # Colantuono, De Canio, Iachini …"); "Former Bournemouth boss Eddie Howe and Paulo
        # Fonseca" is Howe's alone
        coaches = [coach]
        group = self._group_of(self._groups(s), coach)
        # "Eddie Howe and Paulo Fonseca, who left Roma": a relative clause is about the name
        # right before it, not the whole list
        antecedent = self._antecedent(s, hit.clause)
        relative = antecedent is not None and antecedent.first == coach.first
        # "Motta, Gotti, allenatore del Genoa": an apposition in the singular is the last name's
        single = before is not None and not any(
            w in self.lex.coach_plurals for w in hit.cue.pattern
        )
        if (
            explicit
            and not relative
            and not single
            and (coach.first < anchor or len(group) >= _LIST)
        ):
            coaches = [c for c in group if self._coachable(c)] or [coach]
        status = TenureStatus(hit.cue.label)
        if status == "current" and self._is_history(s, hit.clause, history):
            status = TenureStatus.past
        if status == "current" and self._career_list(s, hit, team, team_groups):
            status = TenureStatus.past
        clauses = {hit.clause}
        if s.first <= team.first < s.last:
            clauses.add(self._clause(s, team.first))
        start, end = self._span(s, set(range(min(clauses), max(clauses) + 1)))
        years = sorted(set(self._years(s, hit.clause)))
        start_date = end_date = None
        if status == "past" and len(years) >= 2:
            start_date, end_date = str(years[0]), str(years[-1])
        elif status == "past" and date_rule:
            end_date = resolve(date_rule, self.date)
        listed = self._group_of(team_groups, team)
        # a career's list goes on with each team's own article ("ha allenato il Perugia, il
        # Frosinone e la Reggiana"), from a team of the cue's own clause
        if (
            status == "past"
            and s.first <= team.first < s.last
            and self._clause(s, team.first) == hit.clause
        ):
            listed = self._group_of(self._team_groups(s, articles=True), team)
        for t in listed:
            if not implied:
                attributes.add(t.first)
            if status == "past":
                self.former.add(t.first)
            for c in coaches:
                if status == "current" and not implied:
                    self.current.setdefault(_fkey(c), t)
                self.tenures.append(
                    _TenureMention(
                        c,
                        t,
                        status,
                        start,
                        end,
                        0.85 if explicit else 0.7,
                        start_date,
                        end_date,
                        self._caretaker_cue(hit),
                    )
                )
                if status == "starting" and not triggers:
                    # "X will be Tuchel's assistant": a job he is about to take is his
                    # appointment, told as settled
                    self.moves.append(
                        _MoveMention(
                            s.index,
                            hit.clause,
                            MoveKind.appointment,
                            c,
                            t,
                            MoveStatus.confirmed,
                            1,
                            start,
                            end,
                            confidence=0.6,
                            anchor=anchor,
                        )
                    )

    def _named_after_team(self, s: Sentence, team: Found) -> Found | None:
        """A coach named right after a cue's team, nothing between ("l'allenatore del Milan
        Stefano Pioli")."""
        after = next((m for m in self._in_sentence(s) if m.first == team.last), None)
        if after is None or after.kind != "person" or not self._coachable(after):
            return None
        return after if not self.text[team.end : after.start].strip() else None

    def _listed_item_ends(self, s: Sentence, last: int) -> bool:
        """Whether the capitalised words ending at token `last` make a list item of their own:
        a comma or a list word right before them."""
        k = last
        while (
            k - 1 > s.first
            and self.tokens[k - 1].capitalised
            and not self.text[self.tokens[k - 1].end : self.tokens[k].start].strip()
        ):
            k -= 1
        if k - 1 < s.first:
            return False
        before = self.tokens[k - 1]
        gap = self.text[before.end : self.tokens[k].start]
        return "," in gap or before.folded in self.lex.list_words

    def _name_before_apposition(self, s: Sentence, anchor: int) -> tuple[bool, Found | None]:
        """Whether a cue opens a clause set off by a comma (past an article at most) right
        after a name, so is that name's apposition ("Gotti, allenatore del Genoa, Palladino
        …"), and the coach it tells of: the person before the comma, if he may coach; none
        for a capitalised word no mention takes, a person the extractor cannot name."""
        first = anchor
        if first - 1 > s.first and self.tokens[first - 1].folded in self.lex.stopwords:
            first -= 1
        if first - 1 <= s.first:
            return False, None
        prev = self.tokens[first - 1]
        if self.text[prev.end : self.tokens[first].start].strip() != ",":
            return False, None
        if not prev.capitalised or prev.folded in self.lex.stopwords:
            return False, None
        owner = next((m for m in self.mentions if m.first <= first - 1 < m.last), None)
        if owner is None:
            # an item of its own ("…, Michel, allenatore del Girona"), not the end of a club's
            # name ("exentrenador del Racing Club, dirige al Atlético")
            return self._listed_item_ends(s, first - 1), None
        if owner.kind != "person":
            return False, None
        return True, owner if self._coachable(owner) else None

    def _slots_apart(self, hit: Hit) -> bool:
        """Whether a cue made of its slots alone ("{person} {team}": "Simeone Atlético") finds
        them set apart by punctuation ("el cuartel de Jon Uriarte (Bilbao)", "Xavi, Barcelona"):
        a place or a list, no coach's side."""
        if any(not w.startswith("{") for w in hit.cue.pattern):
            return False
        if hit.slot is None or hit.team is None:
            return False
        a, b = sorted((hit.slot, hit.team), key=lambda m: m.first)
        return bool(self.text[a.end : b.start].strip())

    def _possessed_cue(self, s: Sentence, anchor: int) -> bool:
        """Whether a cue comes right after a possessive ("his assistant", "il suo vice")."""
        return anchor > s.first and self.tokens[anchor - 1].folded in self.lex.possessives

    def _executive_before(self, s: Sentence, k: int) -> bool:
        """Whether an executive's role word ends right before token k ("il ds ex Bari",
        "direttore generale ex rosanero")."""
        words = [t.folded for t in self.tokens[s.first : k]]
        return any(
            0 < len(p) <= len(words)
            and all(word_matches(w, x) for w, x in zip(p, words[-len(p) :], strict=True))
            for p in self.lex.executive_markers
        )

    def _career_list(
        self, s: Sentence, hit: Hit, team: Found, team_groups: list[list[Found]]
    ) -> bool:
        """A present spell's team that a list goes on from, each team with its own article
        ("esperienza come allenatore del Perugia, del Frosinone"): nobody holds two benches
        at once, the list is a career."""
        if not s.first <= team.first < s.last or self._clause(s, team.first) != hit.clause:
            return False
        career = self._group_of(self._team_groups(s, articles=True), team)
        return len(career) >= 2 and len(career) > len(self._group_of(team_groups, team))

    def _team_of_later_person(self, s: Sentence, clause: int, anchor: int, team: Found) -> bool:
        """Whether a team found outside a cue's clause, after a coach the cue's clause names
        after it ("l'ex tecnico X"), lies past a person of another clause: his, not the cue's."""
        if team.first < anchor or self._clause(s, team.first) == clause:
            return False
        people = [m for m in self._in_sentence(s) if m.kind == "person" and m.first > anchor]
        if not any(self._clause(s, m.first) == clause for m in people):
            return False
        return any(self._clause(s, m.first) != clause and m.first < team.first for m in people)

    def _owner_slot(self, hit: Hit) -> bool:
        """Whether a cue's person slot comes before a possessive ("will be {person} s
        assistant"): it names whose the job is, not who holds it."""
        pattern = hit.cue.pattern
        k = pattern.index("{person}") if "{person}" in pattern else -1
        return 0 <= k < len(pattern) - 1 and pattern[k + 1] in self.lex.possessive_after

    def _teamless_cue(self, hit: Hit) -> bool:
        """A cue of a present or starting spell that needs no team of its own words: more than
        one word, not ending in a preposition ("has been in charge", "assistant manager X",
        "will be X's assistant"; not "coaches", "coach of")."""
        pattern = hit.cue.pattern
        return (
            hit.cue.label in ("current", "starting")
            and len(pattern) >= 2
            and pattern[-1] not in self.lex.stopwords
        )

    def _names_a_job(self, s: Sentence, hit: Hit) -> bool:
        """ "A candidate for the position of Celtic manager", "the Everton manager job": a
        current cue without its holder that names a post (`job_before`, `job_after`) is the
        job somebody may get, not a spell anyone has."""
        if hit.cue.label != "current" or hit.slot is not None:
            return False
        end = self._hit_end(s, hit)
        if end < s.last and self.tokens[end].folded in self.lex.job_after:
            return True
        words = [self.tokens[k].folded for k in range(s.first, self.tokens_of_hit(s, hit))]
        return any(
            len(p) <= len(words)
            and all(word_matches(x, w) for x, w in zip(p, words[-len(p) :], strict=True))
            for p in self.lex.job_before
        )

    def _caretaker_cue(self, hit: Hit) -> TenureRole:
        """A cue whose own words name a caretaker's job ("serving as interim", "in carica ad
        interim") tells a caretaker's spell; one naming an assistant's ("will be {person} s
        assistant") an assistant's."""

        def names(cues: list[Cue]) -> bool:
            return any(
                word_matches(c.pattern[0], w)
                for c in cues
                for w in hit.cue.pattern
                if len(c.pattern) == 1
            )

        if names(self.lex.caretaker_words):
            return TenureRole.caretaker
        return TenureRole.assistant if names(self.lex.assistant_words) else TenureRole.head

    def _person_after_role(self, s: Sentence, hit: Hit) -> Found | None:
        """The person written right after a past spell's cue, past its team and a role word
        ("former Real Madrid assistant Albert Celades", "former Chelsea boss Thomas Tuchel"):
        the spell is his, even when a move's slot names him too ("replaced him with former …
        assistant X"). A present job a move's slot holds is the move's to tell ("he replaces
        interim manager X": X's spell ends)."""
        if hit.cue.label != "past":
            return None
        k = self._hit_end(s, hit)
        people = [m for m in self._in_sentence(s) if m.first >= k]
        team = next((m for m in people if m.first == k and m.kind == "team"), None)
        if team is not None:
            k = team.last
        size = max((len(p) for p in self.lex.coach_markers if self._pattern_at(k, p)), default=0)
        if not size and not any(p == hit.cue.pattern[-1:] for p in self.lex.coach_markers):
            return None
        person = next((m for m in people if m.first == k + size and m.kind == "person"), None)
        return person if person is not None and self._coachable(person) else None

    def _pattern_at(self, k: int, pattern: Pattern) -> bool:
        words = self.tokens[k : k + len(pattern)]
        return len(words) == len(pattern) and all(
            word_matches(p, t.folded) for p, t in zip(pattern, words, strict=True)
        )

    def _apposed_coach(self, s: Sentence, team: Found) -> Found | None:
        """The coach named in an apposition right after a tenure cue's team ("incontrerà l'ex
        tecnico del Napoli, Edi Reja", "the former Leeds boss, Jesse Marsch"): the cue names
        him, not the subject before it."""
        after = next(
            (m for m in self._in_sentence(s) if m.first >= team.last and m.kind == "person"),
            None,
        )
        if after is None or not self._coachable(after):
            return None
        if self.text[team.end : after.start].strip() != ",":
            return None
        return after

    def _tenure_coach(self, s: Sentence, hit: Hit, anchor: int) -> tuple[Found | None, bool]:
        """The coach of a tenure cue without a slot. A coach named as whose a side is
        ("collaboratore dell'Inter di Conte e vice allenatore del Chelsea", "el Sevilla de X",
        "Dyche's side") says which side is meant, not whose spell the cue tells: the spell goes
        to the sentence's other coach, when it names one."""
        end = self._hit_end(s, hit)
        # … and so does one named as somebody's boss or predecessor ("vice di Reja a Napoli,
        # poi tecnico di Grosseto": the spell is the vice's)
        owners = {
            m.first
            for m in self._in_sentence(s)
            if m.kind == "person" and self._not_candidate(s, m)
        }
        explicit = False
        if owners - self._slotted:
            saved = self._slotted
            self._slotted = saved | owners
            coach, explicit = self._coach_for(s, anchor, hit.clause, end)
            self._slotted = saved
        if not explicit:
            coach, explicit = self._coach_for(s, anchor, hit.clause, end)
        if coach is not None and coach.first >= end and self._list_word_between(end, coach.first):
            # "Calabro, anch'egli ex Carpi e Fabio Viviani": the name after "e" goes on a
            # list; the cue describes the person its clause is set beside
            return self._apposition_before(s, hit.clause) or coach, explicit
        return coach, explicit

    def _list_word_between(self, first: int, last: int) -> bool:
        return any(self.tokens[k].folded in self.lex.list_words for k in range(first, last))

    def _apposition_before(self, s: Sentence, clause: int) -> Found | None:
        """The coach right before a clause set off by a comma ("Antonio Calabro, anch'egli
        ex Carpi"), when the clause names nobody before its cue."""
        first = next((k for k in range(s.first, s.last) if self._clause(s, k) == clause), None)
        if first is None:
            return None
        before = [m for m in self._in_sentence(s) if m.last <= first and m.kind == "person"]
        if not before or not self._coachable(before[-1]):
            return None
        gap = self.text[before[-1].end : self.tokens[first].start]
        return before[-1] if gap.strip() == "," else None

    def _career(self, s: Sentence, hits: list[Hit], claimed: set[int]) -> None:
        """A clause about a career ("quattro esperienze al Genoa, tre al Cagliari", "spells at
        Roma and Inter", "su etapa en el Betis") gives a past spell at every team it names to
        the coach it is about: the one coach its sentence names, else the coach the article
        spoke of last. A clause a tenure cue or a move already reads is left to it."""
        clauses = {h.clause for h in hits} - claimed
        if not clauses:
            return
        people = [m for m in self._in_sentence(s) if self._coachable(m) and self._coach_like(s, m)]
        coaches = {_fkey(m) for m in people}
        if len(coaches) > 1:
            return
        coach = people[0] if people else self._topic(s)
        if coach is None or not (
            coach.coach_word or (coach.entry is not None and coach.entry.is_coach)
        ):
            return
        # a list of teams that starts in a career clause goes on past its commas ("esperienze
        # con il Genoa, il Cagliari e la Sampdoria")
        groups = self._team_groups(s, articles=True)
        seen: set[int] = set()
        for first in self._in_sentence(s):
            if first.kind != "team" or self._clause(s, first.first) not in clauses:
                continue
            for team in self._group_of(groups, first):
                if team.first in self.opponents or team.first in seen:
                    continue
                seen.add(team.first)
                clause = self._clause(s, first.first)
                start, end = self._span(s, {clause, self._clause(s, team.first)})
                self.tenures.append(_TenureMention(coach, team, TenureStatus.past, start, end, 0.5))

    def _at_team(self, s: Sentence, history: list[Hit], moving: set[int]) -> None:
        """A coach followed by a word of place and a team ("il lavoro che sta facendo Xabi
        Alonso al Bayer Leverkusen", "¿Cómo le ha ido a Milito en Chivas?"), in a sentence
        that tells no move, is at that team: a current spell, or a past one in a clause about
        the past."""
        mentions = self._in_sentence(s)
        for m, team in pairwise(mentions):
            if m.kind != "person" or team.kind != "team" or team.first != m.last + 1:
                continue
            if self.tokens[m.last].folded not in self.lex.at_team_words:
                continue
            if team.first in self.opponents or not self._coachable(m):
                continue
            clause = self._clause(s, m.first)
            if clause in moving:
                continue
            status = TenureStatus.current
            if self._is_history(s, clause, history):
                status = TenureStatus.past
            start, end = self._span(s, {clause, self._clause(s, team.first)})
            self.tenures.append(_TenureMention(m, team, status, start, end, 0.6))

    def _possessed_side(self, s: Sentence, history: list[Hit], moving: set[int]) -> None:
        """A coach's possessive before a noun of a side (`side_words`: "have played two more
        games than Sean Dyche's side"), in a clause telling no move, makes the team named last
        before it in its sentence his: a current spell, past in a clause about the past."""
        mentions = self._in_sentence(s)
        for i, m in enumerate(mentions):
            if m.kind != "person" or not self._coachable(m) or m.last + 1 >= s.last:
                continue
            if self.tokens[m.last].folded not in self.lex.possessive_after:
                continue
            if self.tokens[m.last + 1].folded not in self.lex.side_words:
                continue
            clause = self._clause(s, m.first)
            if clause in moving:
                continue
            before = [t for t in mentions[:i] if t.kind == "team" and t.first not in self.opponents]
            if not before:
                continue
            team = before[-1]
            status = TenureStatus.current
            if self._is_history(s, clause, history):
                status = TenureStatus.past
            start, end = self._span(s, {clause, self._clause(s, team.first)})
            self.tenures.append(_TenureMention(m, team, status, start, end, 0.5))

    def _coach_list(self, s: Sentence) -> None:
        """A list of three coaches or more that brackets or a colon open right after a plural
        of coach ("cinco entrenadores en tres temporadas (Lopetegui, Sampaoli, Mendilibar …)",
        "five managers in two years: A, B and C") tells the spells of a bench: each had one at
        the team the sentence names before the noun, else at the bench the article is about."""
        mentions = self._in_sentence(s)
        for k in range(s.first, s.last):
            if self.tokens[k].folded not in self.lex.coach_plurals:
                continue
            after = [m for m in mentions if m.first > k]
            if not after or after[0].kind != "person":
                continue
            group = self._group_of(self._groups(s), after[0])
            if len(group) < _LIST or group[0].first != after[0].first:
                continue
            gap = self.text[self.tokens[k].end : group[0].start]
            if not re.search(r"[(:]", gap) or len(fold(gap).split()) > _COACH_LIST_GAP:
                continue
            before = [m for m in mentions if m.kind == "team" and m.last <= k]
            before = [m for m in before if m.first not in self.opponents]
            team = before[-1] if before else self._bench()
            if team is None:
                return
            start, end = s.start, s.end
            for c in group:
                if self._coachable(c):
                    self.tenures.append(_TenureMention(c, team, TenureStatus.past, start, end, 0.6))
            return

    def _influence(self, s: Sentence, hit: Hit, groups: list[list[Found]]) -> None:
        if hit.slot is None:
            return
        slot = hit.slot
        if not _decides(slot) and hit.cue.exit:
            # a coach's own decision ("la decisione del tecnico italiano di rinnovare") is about
            # his own job, no push for another coach's exit
            return
        for other in self._fellow_influencers(s, slot):
            # a coach listed before him is no fellow of his ("Conte e De Laurentiis")
            if other.last > slot.first or _decides(other):
                self._influence_of(s, hit, other)
        self._influence_of(s, hit, slot)

    def _fellow_influencers(self, s: Sentence, person: Found) -> list[Found]:
        """People joined to an influencer by "and"/"e"/"y", maybe with their role between,
        after him ("CEO Oliver Kahn and board member for sport Hasan Salihamidžić") or before
        him ("il ds X e il presidente Y lo vogliono"), and those listed with him ("X, Y e Z
        hanno scelto")."""
        people = [m for m in self._in_sentence(s) if m.kind == "person"]
        out = [m for m in self._group_of(self._groups(s), person) if m.last <= person.first]
        last = person
        for m in reversed([m for m in people if m.last <= person.first]):
            if m in out or not self._joined_by_and(self.text[m.end : last.start]):
                break
            out.append(m)
            last = m
        last = person
        for m in people:
            if m.first < last.last:
                continue
            if not self._joined_by_and(self.text[last.end : m.start]):
                break
            out.append(m)
            last = m
        out += self._listed_surnames(s, person, out)
        return out

    def _listed_surnames(self, s: Sentence, person: Found, fellows: list[Found]) -> list[Found]:
        """ "Corona y Solís esperaban", "Rossi e Bianchi hanno scelto": a capitalised word
        nobody knows joined by a list word right after a person, or right before him, is a
        surname too, of one who acts with him (the article never writes it in lower case)."""
        out: list[Found] = []
        ends = [person, *fellows]
        after = max(m.last for m in ends)
        if after + 1 < s.last and self._written_list_word(after):
            found = self._lone_name(s, after + 1, written_again=False)
            if found is not None:
                out.append(found)
        before = min(m.first for m in ends)
        if before - 2 >= s.first and self._written_list_word(before - 1):
            found = self._lone_name(s, before - 2, written_again=False)
            if found is not None:
                out.append(found)
        return out

    def _joined_by_and(self, gap: str) -> bool:
        """The words between two people join them: "and"/"e"/"y", then maybe a role ("e il
        presidente", "and board member for sport", "e dal ds")."""
        words = fold(gap).split()
        allowed = _OF_WORDS | self.lex.agents | self._role_openers
        # "junto al director X", "together with X": a phrase of company joins like "and"
        joiner = next(
            (len(p) for p in self.lex.together if tuple(words[: len(p)]) == p),
            1 if words and words[0] in self.lex.list_words else 0,
        )
        return (
            joiner > 0
            and len(words) <= _ROLE_GAP + joiner
            and not re.search(r"[.;:!?]", gap)
            and all(w not in self.lex.stopwords or w in allowed for w in words[joiner:])
        )

    @cached_property
    def _role_openers(self) -> frozenset[str]:
        """The first words of executive role phrases ("il" of "il presidente")."""
        return frozenset(p[0] for p in self.lex.executive_markers)

    def _influence_words(
        self, s: Sentence, hits: list[Hit], cue_hits: list[Hit], here: list[_MoveMention]
    ) -> None:
        """Influence told in words no cue of the lexicon has: a word of wanting, choosing,
        backing or blocking and the person it binds ("De Laurentiis lo apprezza", "voluto
        fortemente dal presidente", "la decisión de Azcárraga")."""
        movers = {_fkey(m.coach) for m in here}
        named = {h.slot.first for h in cue_hits if h.slot is not None}
        # "insistió en que …", "insisted that …": a word that only reports what follows
        reporting = [h for h in hits if h.cue.label == "reporting"]
        for hit in hits:
            if any(h.start < hit.end and hit.start < h.end for h in cue_hits + reporting):
                continue
            hoped = False
            if hit.cue.label == "hope" and not self._wants_stay(s, hit):
                # hoping for an exit a few words on ("esperaban que Lim le diera al botón de
                # 'despido'", "hoped the board would sack him") is pushing for it
                if self._hoped_exit(s, hit, here) is None:
                    continue
                hit = replace(hit, cue=replace(hit.cue, label="for", exit=True))
                hoped = True
            person = (
                # "X es su elección": whose choice is said by the possessive, not by X
                self._possessor(s, hit)
                or self._bound_person(s, hit, movers)
                or self._speaker(s, hit)
                or self._quoted_executive(s, hit)
                or self._dropped_subject(s, hit)
                or self._reporting_subject(s, hit)
            )
            if person is None or person.first in named or not _decides(person):
                continue
            if hit.cue.exit and self._told(s, hit):
                # who tells the decision carries it: the word is no push of his
                continue
            negated = self._negation_before(s, hit) or (hit.cue.exit and self._denied(s, hit))
            polarity = hit.cue.label
            if negated and polarity == "against":
                # not ruling him out, not blocking him ("no descarta", "non esclude", "does
                # not rule out") leaves the move open: it is no push for it
                continue
            named.add(person.first)
            if negated:
                polarity = {
                    "for": "against",
                    "hope": "against",
                    "against": "for",
                    "support": "unsupport",
                }[polarity]
            # "voluto dal presidente X e dal ds Y", "X e Y hanno scelto": everyone joined to
            # him acts with him
            fellows = self._fellow_influencers(s, person)
            if self._singular_before(s, hit):
                # "Barkala y Arechabaleta, que había propuesto a X": a verb of one person is
                # the nearest one's, not the list's before him
                fellows = [m for m in fellows if m.first > person.first]
            for who in [person, *fellows]:
                if not _decides(who) or _fkey(who) in movers:
                    continue
                named.add(who.first)
                start, end = min(hit.start, who.start), max(hit.end, who.end)
                if not s.first <= who.first < s.last:
                    # the one who speaks is named in another sentence: the quote is the word's
                    start, end = self.tokens[s.first].start, self.tokens[s.last - 1].end
                # what is hoped for is a clause of its own: whoever it names is no object
                self._influence_of(
                    s,
                    hit,
                    who,
                    polarity=polarity,
                    span=(start, end),
                    loose=True,
                    indirect=hoped,
                )

    def _trigger_agents(self, s: Sentence, triggers: list[Hit], here: list[_MoveMention]) -> None:
        """An executive who does the move himself ("il patron X è pronto a nominare Y", "X
        sacked Y"): the subject of an active trigger pushes for its move."""
        movers = {_fkey(m.coach) for m in here}
        for trig in triggers:
            if trig.cue.nominal or trig.cue.replaced_by:
                continue
            anchor = self.tokens_of_hit(s, trig)
            moves = [m for m in here if m.anchor == anchor]
            if not moves:
                continue
            person = self._bound_person(s, trig, movers)
            # its subject, before it: an agent after it ("sul taccuino del ds X") only lists
            if person is None or not person.executive or person.last > anchor:
                continue
            for move in moves:
                hit = replace(
                    trig,
                    cue=replace(trig.cue, label="for", exit=move.kind != "appointment"),
                    coach=move.coach,
                )
                self._influence_of(s, hit, person, loose=True)

    def _denied(self, s: Sentence, hit: Hit) -> bool:
        """A word of denying or ruling out a few words before the word, in its sentence
        ("nego ogni fantasiosa ipotesi di un suo esonero", "ruled out sacking him")."""
        return self._word_before(s, hit, self.lex.denials, _DENIAL_GAP)

    def _told(self, s: Sentence, hit: Hit) -> bool:
        """A word of telling a few words before the word, in its sentence ("gli ha
        comunicato la decisione", "informato dall'ad X nella serata di ieri della decisione")."""
        return self._word_before(s, hit, self.lex.messages, _MESSAGE_GAP)

    def _word_before(self, s: Sentence, hit: Hit, patterns: list[Pattern], gap: int) -> bool:
        """One of the patterns within `gap` words before the word, in its sentence."""
        first = self.tokens_of_hit(s, hit)
        words = [t.folded for t in self.tokens[max(s.first, first - gap) : first]]
        return any(
            all(
                word_matches(p, w)
                for p, w in zip(pattern, words[i : i + len(pattern)], strict=True)
            )
            for pattern in patterns
            for i in range(len(words) - len(pattern) + 1)
        )

    def _singular_before(self, s: Sentence, hit: Hit) -> bool:
        """An auxiliary of the third person singular just before the word ("había
        propuesto", "ha scelto", "has chosen")."""
        first = self.tokens_of_hit(s, hit)
        return any(
            self.tokens[k].folded in self.lex.singular
            for k in range(max(s.first, first - 2), first + 1)
        )

    def _hoped_exit(self, s: Sentence, hit: Hit, here: list[_MoveMention]) -> _MoveMention | None:
        """The exit of the sentence whose cue comes a few words after a word of hoping
        ("spera nell'esonero", "hoped for his sacking"): what is hoped for."""
        end = self._hit_end(s, hit)
        return next(
            (m for m in here if m.kind != "appointment" and end <= m.anchor < end + _STAY_GAP),
            None,
        )

    def _wants_stay(self, s: Sentence, hit: Hit) -> bool:
        """A word of staying a few words after a word of wanting ("spera che resti", "wants
        him to stay", "quiere que se quede"): what is wanted is that the coach stays."""
        end = self._hit_end(s, hit)
        return any(
            any(word_matches(w, self.tokens[k].folded) for w in self.lex.stay_words)
            for k in range(end, min(end + _STAY_GAP, s.last))
        )

    def _speaker(self, s: Sentence, hit: Hit) -> Found | None:
        """ "Abbiamo così scelto Zanetti", "we identified Heimir": a word of the first person
        just before an influence word is the executive who speaks, the one the article named
        last (else the first it names)."""
        first = self.tokens_of_hit(s, hit)
        if self._passive(s, first) or not any(
            self.tokens[k].folded in self.lex.first_person and self._clause(s, k) == hit.clause
            for k in range(max(s.first, first - _SPEAKER_GAP), first + 1)
        ):
            # "we were convinced": who speaks is the one convinced, not the one convincing
            return None
        quoted = self._quote_speaker(s, hit.start)
        if quoted is not None:
            return quoted
        executives = [m for m in self.mentions if m.kind == "person" and m.executive]
        before = [m for m in executives if m.last <= first]
        return before[-1] if before else (executives[0] if executives else None)

    def _dropped_subject(self, s: Sentence, hit: Hit) -> Found | None:
        """ "Il presidente Cairo è stato chiaro. Ha scelto Vanoli": a word that opens its
        sentence (after stopwords only), or its clause after clauses naming nobody ("Secondo
        Sky, vuole X", "Según la prensa, quiere a X"), has the subject of the sentence before,
        when that one opens with an executive."""
        first = self.tokens_of_hit(s, hit)
        opens = first
        while opens > s.first and self._clause(s, opens - 1) == hit.clause:
            opens -= 1
        if (
            s.index == 0
            or self._passive(s, first)
            or any(self.tokens[k].folded not in self.lex.stopwords for k in range(opens, first))
            or any(m.kind != "outlet" and m.first < opens for m in self._in_sentence(s))
            or any(a <= hit.start < b for a, b in self._quotes)
        ):
            return None
        before = self.sentences[s.index - 1]
        opening = [
            m
            for m in self._in_sentence(before)
            if m.kind == "person" and m.first - before.first <= 2
        ]
        return opening[0] if opening and opening[0].executive else None

    def _reporting_subject(self, s: Sentence, hit: Hit) -> Found | None:
        """ "Rivetti ha sottolineato che la decisione di esonerare Bisoli …": a word with no
        person of its own, in a sentence that opens with an executive (or a surname nobody
        knows) and names nobody else before it, is his: he says what follows."""
        first = self.tokens_of_hit(s, hit)
        if self._passive(s, first) or any(a <= hit.start < b for a, b in self._quotes):
            return None
        people = [m for m in self._in_sentence(s) if m.kind == "person" and m.last <= first]
        if not people:
            # a surname nobody knows opening the sentence ("Rivetti ha sottolineato che")
            # (not a name in capitals: "GIVEMESPORT sources have been informed")
            lone = self._lone_name(s, s.first)
            return lone if lone is not None and not lone.text.isupper() else None
        subject = people[0]
        if len(people) > 1 or subject.first - s.first > _OPENING_GAP or not subject.executive:
            return None
        return subject

    def _possessor(self, s: Sentence, hit: Hit) -> Found | None:
        """ "Gattuso es su elección", "la sua scelta", "his first choice": a possessive right
        before the word (an article or an adjective between) is the executive the article
        named last, in this sentence or the one before."""
        first = self.tokens_of_hit(s, hit)
        if not any(
            self.tokens[k].folded in self.lex.possessives
            for k in range(max(s.first, first - _OBJECT_GAP_POSSESSIVE), first)
        ):
            return None
        lo = self.sentences[max(0, s.index - 1)].first
        executives = [
            m
            for m in self.mentions
            if m.kind == "person" and m.executive and lo <= m.first and m.last <= first
        ]
        return executives[-1] if executives else None

    def _quoted_executive(self, s: Sentence, hit: Hit) -> Found | None:
        """ "«La decisione non è stata facile»", said by the president: a word with no person
        of its own inside an executive's quotation is his."""
        if self._passive(s, self.tokens_of_hit(s, hit)):
            return None
        speaker = self._quote_speaker(s, hit.start)
        return speaker if speaker is not None and speaker.executive else None

    @cached_property
    def _quotes(self) -> list[tuple[int, int]]:
        """The character spans of the article's quotations."""
        return [(q.start(), q.end()) for q in _QUOTE.finditer(self.text)]

    def _quote_speaker(self, s: Sentence, char: int) -> Found | None:
        """Who says the quotation holding `char`: the person who decides named nearest to it
        outside quotations, in its paragraph ("Cairo ha detto: «…»", "«…» Queste le parole
        di Stirpe", "“…,” said Ashworth") — in the sentence `s` first, executives first."""
        quote = next(((a, b) for a, b in self._quotes if a <= char < b), None)
        if quote is None:
            return None
        start = self.text.rfind("\n", 0, quote[0]) + 1
        end = self.text.find("\n", quote[1])
        end = len(self.text) if end < 0 else end
        outside = [
            m
            for m in self.mentions
            if m.kind == "person"
            and start <= m.start
            and m.end <= end
            and _decides(m)
            and not any(a <= m.start < b for a, b in self._quotes)
        ]
        if not outside:
            return None

        def rank(m: Found) -> tuple[bool, bool, int]:
            gap = quote[0] - m.end if m.end <= quote[0] else m.start - quote[1]
            return (not s.first <= m.first < s.last, not m.executive, gap)

        return min(outside, key=rank)

    def _passive(self, s: Sentence, first: int) -> bool:
        """An auxiliary of the passive just before the word at `first` ("è stato scelto",
        "was chosen", "fue elegido"): its subject is the one acted on. Not before an active
        form ("is pushing for"), whose subject acts. A list word the accents fold onto an
        auxiliary is none ("e ha deciso" is not "è ha deciso")."""
        if self.tokens[first].folded.endswith(self.lex.active_endings):
            return False
        return any(
            self.tokens[k].folded in self.lex.passives and not self._written_list_word(k)
            for k in range(max(s.first, first - 2), first)
        )

    def _written_list_word(self, k: int) -> bool:
        """Token k is a list word as written, not an accented word folding onto one ("e" is
        "and", "è" and "E'" are "is")."""
        tok = self.tokens[k]
        return tok.text.lower() in self.lex.list_words and self.text[tok.end : tok.end + 1] not in {
            "'",
            "’",
            "`",
        }

    def _bound_person(self, s: Sentence, hit: Hit, movers: set[str]) -> Found | None:
        """The person an influence word binds: the one named after it behind an agent word
        ("voluto dal presidente X", "chosen by X", "la decisión de X"), else the last one
        before it in its clause ("X lo apprezza", "X's choice") or just before that clause
        when it is a relative one ("X, che ha già individuato"). Never a coach of a move of
        the sentence: he is not pushing for himself."""
        first, end = self.tokens_of_hit(s, hit), self._hit_end(s, hit)
        people = [
            m
            for m in self._in_sentence(s)
            if m.kind == "person" and _fkey(m) not in movers and m.first not in self._slotted
        ]
        for m in people:
            if (
                _decides(m)  # "an admirer of Marco Silva": a coach after "of" is the object
                and end <= m.first <= end + _AGENT_GAP
                and self._clause(s, m.first) == hit.clause
                and any(self.tokens[k].folded in self.lex.agents for k in range(end, m.first))
            ):
                return m
        for m in people:
            # "esonerato alla fine della scorsa settimana dal presidente X": an executive
            # right after an agent word ("da", "by", "por"; not "of") anywhere in the clause
            if (
                m.executive
                and end <= m.first
                and self._clause(s, m.first) == hit.clause
                and self._agent_before(m.first)
            ):
                return m
        agent = self._lone_agent(s, hit.clause, end)
        if agent is not None:
            return agent
        before = [
            m
            for m in self._in_sentence(s)
            if m.last <= first
            and first - m.last <= _SUBJECT_GAP
            and self._clause(s, m.first) == hit.clause
        ]
        # the nearest name before the word is its subject: a team or another person there
        # ("X said the Football Association had appointed") is, not the one before it; and
        # the subject of a passive ("X, since being appointed") is the one chosen
        passive = self._passive(s, first)
        if before and before[-1] in people and not passive:
            return before[-1]
        if not before and not passive:
            subject = (
                self._apposed_subject(s, first, hit.clause, people)
                or self._coordinated_subject(s, first, hit.clause, people)
                or self._aside_subject(s, first, hit.clause, people)
                or self._parenthesis_subject(s, first, people)
            )
            if subject is not None:
                return subject
        antecedent = self._antecedent(s, hit.clause, coach=False)
        if (
            antecedent is not None
            and not passive
            and first - antecedent.last <= _SUBJECT_GAP + 1
            and _fkey(antecedent) not in movers
        ):
            return antecedent
        return None

    def _agent_before(self, first: int) -> bool:
        """An agent word other than "of"/"di"/"de" just before the name at `first`, a role word
        between ("dal presidente X", "by chairman X", "por el presidente X")."""
        for k in range(first - 1, max(-1, first - 1 - _ROLE_GAP), -1):
            word = self.tokens[k].folded
            if word in self.lex.agents and word not in _OF_WORDS:
                return True
            if self.tokens[k].capitalised:
                return False
        return False

    def _parenthesis_subject(self, s: Sentence, first: int, people: list[Found]) -> Found | None:
        """ "Il nostro direttore (Max Eberl, ndr) ha scelto", "the owner (X) decided": a
        parenthesis closing a few words before the word, nobody named between, holds the
        executive who acts."""
        lo = self.tokens[s.first].start
        close = self.text.rfind(")", lo, self.tokens[first].start)
        if close < 0:
            return None
        between = [k for k in range(s.first, first) if self.tokens[k].start > close]
        if len(between) > _SUBJECT_GAP or any(
            m.first <= k < m.last for m in self._in_sentence(s) for k in between
        ):
            return None
        opening = self.text.rfind("(", lo, close)
        inside = [m for m in people if opening < m.start and m.end <= close and m.executive]
        return inside[-1] if opening >= 0 and inside else None

    def _coordinated_subject(
        self, s: Sentence, first: int, clause: int, people: list[Found]
    ) -> Found | None:
        """The subject of a verb joined by "and" to the one before it: "X ha rotto gli indugi
        e ha deciso", "X met the board and decided", "X habló con el club y decidió". A
        list word a few words before the word (an auxiliary between), a few words of the
        first verb before that, nobody named between: the subject of the first verb acts."""
        joint = next(
            (
                k
                for k in range(first - 1, max(s.first, first - _COORDINATED_GAP) - 1, -1)
                if self.tokens[k].folded in self.lex.list_words
            ),
            None,
        )
        if joint is None:
            return None
        before = [
            m
            for m in self._in_sentence(s)
            if m.last <= joint and self._clause(s, m.first) == clause
        ]
        if not before or joint - before[-1].last > _SUBJECT_GAP or before[-1] not in people:
            return None
        subject = before[-1]
        return subject if _decides(subject) else None

    def _lone_agent(self, s: Sentence, clause: int, end: int) -> Found | None:
        """ "contattato in prima persona da Lotito": a name nobody knows right after an agent
        word, a few words after the influence word."""
        for k in range(end + 1, min(end + _AGENT_GAP + 1, s.last)):
            if self._clause(s, k) != clause:
                break
            # after "di"/"of"/"de" an unknown word is as often a place or a club as a person,
            # unless it is listed with another surname ("la scelta di Rossi e Bianchi")
            before = self.tokens[k - 1].folded
            if before not in self.lex.agents:
                continue
            pair = before in _OF_WORDS and self._named_pair(s, k)
            if before not in _OF_WORDS or pair:
                found = self._lone_name(s, k, written_again=not pair)
                if found is not None:
                    return found
        return None

    def _named_pair(self, s: Sentence, k: int) -> bool:
        """ "la scelta di Rossi e Bianchi": two capitalised words nobody knows joined by a list
        word are two people's surnames, where one alone after "di" may be a place. The second
        one the article writes again."""
        return (
            k + 2 < s.last
            and self._written_list_word(k + 1)
            and self._lone_name(s, k + 2) is not None
        )

    def _lone_name(self, s: Sentence, k: int, written_again: bool = True) -> Found | None:
        """A capitalised word nobody knows, alone (no capitalised word joined to it), no first
        name, that the article writes again (unless `written_again` is false: a name listed
        beside the person who acts, "Corona y Solís") and never in lower case: a person known
        by his surname alone — owners and directors are seldom in the gazetteer ("Lotito")."""
        tok = self.tokens[k]
        if (
            not tok.capitalised
            or tok.folded in self.lex.stopwords
            or tok.folded in self.lex.not_names
            # a first name alone is a player's or a coach's ("Iago estará"), not a surname
            or tok.folded in self.gaz.first_names
            or tok.folded in self.lex.first_names
            or len(tok.folded) < 3
            or any(m.first <= k < m.last for m in self.mentions)
            or (k > s.first and self._joined_capital(k - 1, k))
            or (k + 1 < s.last and self._joined_capital(k + 1, k))
        ):
            return None
        # a word the article also writes in lower case is a common word opening a sentence
        uses = [t.capitalised for t in self.tokens if t.folded == tok.folded]
        if len(uses) < (2 if written_again else 1) or not all(uses):
            return None
        return Found(k, k + 1, tok.start, tok.end, tok.text, None, MentionKind.person, False)

    def _joined_capital(self, j: int, k: int) -> bool:
        """Token j is capitalised and only a space apart from token k: one name's words."""
        a, b = sorted((j, k))
        return (
            self.tokens[j].capitalised
            and not self.text[self.tokens[a].end : self.tokens[b].start].strip()
        )

    def _apposed_subject(
        self, s: Sentence, first: int, clause: int, people: list[Found]
    ) -> Found | None:
        """The subject before an apposition: "X, the Forest owner, made the call", "X,
        presidente del club, ha scelto": the word opens its clause, the clause before it is
        set off by commas and a few words long, and an executive ends just before it."""
        start = first
        while start > s.first and self._clause(s, start - 1) == clause:
            start -= 1
        if first - start > 1 or start == s.first:
            return None
        apposition = start - 1
        while apposition > s.first and self._clause(s, apposition - 1) == self._clause(
            s, apposition
        ):
            apposition -= 1
        if (
            start - apposition > _ROLE_GAP + 2
            or "," not in self.text[self.tokens[start - 1].end : self.tokens[start].start]
            or apposition == s.first
            or "," not in self.text[self.tokens[apposition - 1].end : self.tokens[apposition].start]
        ):
            return None
        inside = [m for m in people if apposition <= m.first and m.last <= start and m.executive]
        for m in people:
            if m.last == apposition and m.executive:
                # "the sporting director, X, made the call": a bare role word before the
                # apposition is the one the apposition names
                named = [x for x in inside if not self._bare_role(x)]
                return named[-1] if named and self._bare_role(m) else m
        # the apposition itself may name him by his role ("the owner")
        return inside[-1] if inside else None

    def _aside_subject(
        self, s: Sentence, first: int, clause: int, people: list[Found]
    ) -> Found | None:
        """The subject before an aside that names nobody: "X e Y, proprio per non lasciare
        nulla di intentato, avevano rilanciato", "X, after a long meeting on Monday, decided".
        The word's clause opens with a few words in lower case (an auxiliary), the clause
        before it is set off by commas and names nobody, and an executive ends just before."""
        start = first
        while start > s.first and self._clause(s, start - 1) == clause:
            start -= 1
        if start == s.first or first - start > _COORDINATED_GAP:
            return None
        if any(self.tokens[k].capitalised for k in range(start, first)):
            return None
        aside = start - 1
        while aside > s.first and self._clause(s, aside - 1) == self._clause(s, aside):
            aside -= 1
        if "," not in self.text[self.tokens[aside - 1].end : self.tokens[aside].start]:
            # "X, reinstallato da un tribunale dopo che la Corte lo aveva destituito, ha
            # deciso": an aside of several clauses runs back to the comma that opens it
            aside = self._comma_before(s, start - 1)
        gaps = (self.text[self.tokens[k - 1].end : self.tokens[k].start] for k in (aside, start))
        if (
            aside == s.first
            or start - aside > _LONG_ASIDE
            or (start - aside > _ASIDE and self.tokens[aside].capitalised)
            or not all("," in gap for gap in gaps)
            or any(aside <= m.first < start for m in self._in_sentence(s))
        ):
            return None
        return next((m for m in people if m.last == aside and m.executive), None)

    def _comma_before(self, s: Sentence, k: int) -> int:
        """The first token after the last comma before token `k` in its sentence (or the
        sentence's first token)."""
        while k > s.first and "," not in self.text[self.tokens[k - 1].end : self.tokens[k].start]:
            k -= 1
        return k

    def _bare_role(self, m: Found) -> bool:
        """A mention that is an executive role word alone ("il presidente", "the owner"),
        standing for the executive the article named last."""
        words = tuple(t.folded for t in self.tokens[m.first : m.last])
        return any(words == tuple(p) for p in self.lex.executive_markers)

    def _influence_of(
        self,
        s: Sentence,
        hit: Hit,
        person: Found,
        *,
        polarity: str | None = None,
        span: tuple[int, int] | None = None,
        loose: bool = False,
        indirect: bool = False,
    ) -> None:
        if self._chooses_a_course(s, hit):
            return
        near = [
            m
            for m in self._in_sentence(s)
            if m.kind == "person" and m.first != person.first and not m.executive
        ]
        start, end = span or (hit.start, hit.end)
        objects, direct = self._objects(s, hit, person, near)
        direct = direct and not indirect
        polarity = polarity or hit.cue.label
        # wanting him to stay ("vuole che resti") is backing him, about his exit
        stay = hit.cue.label in {"for", "hope"} and not hit.cue.exit and self._wants_stay(s, hit)
        if stay:
            polarity = {"for": "support", "hope": "support", "against": "unsupport"}.get(
                polarity, polarity
            )
        self.influences.append(
            _InfluenceMention(
                person,
                polarity,
                hit.cue.phrase,
                start,
                end,
                s.index,
                hit.clause,
                hit.coach,
                near,
                self._topic(s),
                hit.cue.exit or stay or polarity == "support",  # backing is about his exit
                {_fkey(m) for m in self._in_sentence(s) if m.kind == "team"},
                confidence=0.6 if loose else 0.7,
                loose=loose,
                objects=objects,
                direct=direct,
            )
        )

    def _chooses_a_course(self, s: Sentence, hit: Hit) -> bool:
        """ "ha scelto la via del silenzio", "opted for silence": a course of action right
        after the word (maybe after one stopword) is what is chosen, no coach of the article."""
        end = self._hit_end(s, hit)
        starts = [end]
        if end < s.last and self.tokens[end].folded in self.lex.stopwords:
            starts.append(end + 1)
        for k in starts:
            words = [t.folded for t in self.tokens[k : min(k + 4, s.last)]]
            for pattern in self.lex.courses:
                if len(pattern) <= len(words) and all(
                    word_matches(p, w) for p, w in zip(pattern, words, strict=False)
                ):
                    return True
        return False

    def _objects(
        self, s: Sentence, hit: Hit, person: Found, near: list[Found]
    ) -> tuple[frozenset[str], bool]:
        """The coaches an influence word is about: the person named nearest to it (in its
        clause, else just before it), with everyone listed with him; and whether he is its
        direct object, named a few words after it in its clause."""
        first, end = self.tokens_of_hit(s, hit), self._hit_end(s, hit)

        def distance(m: Found) -> int:
            return first - m.last if m.last <= first else m.first - end

        cands = [m for m in near if m.first != person.first and distance(m) >= 0]
        same = [m for m in cands if self._clause(s, m.first) == hit.clause]
        # out of its clause, only a name just before it ("X, Y e Z, i preferiti del ds")
        pool = same or [m for m in cands if m.last <= first and distance(m) <= _INFLUENCE_REACH]
        if not pool:
            return frozenset(), False
        nearest = min(pool, key=distance)
        direct = nearest in same and end <= nearest.first <= end + _DIRECT_GAP
        return frozenset(_fkey(m) for m in self._group_of(self._groups(s), nearest)), direct

    # -- the whole article --------------------------------------------------------------
    def _vacancy(self) -> Found | None:
        """The team whose bench the article is about: the one its moves go to or leave most
        (its main team on a tie), if any move has a team."""
        counts: Counter[str] = Counter()
        teams: dict[str, Found] = {}
        for move in self.moves:
            if move.team is not None:
                counts[_fkey(move.team)] += 1
                teams.setdefault(_fkey(move.team), move.team)
        if not counts:
            return None
        focus = _fkey(self.focus) if self.focus is not None else None
        best = max(counts, key=lambda k: (counts[k], k == focus))
        return teams[best]

    def sweep_candidates(self) -> None:
        """Every coach an article about a bench names, and says nothing else of (no move of
        his, no spell at that team nor a current or just-ended one elsewhere, not in a clause
        about the past), is one of its candidates:
        "Oltre ai sogni come De Zerbi e Bielsa", "both Amorim and Fonseca remain options".

        Only a bench still open has candidates: a race on it (some coach's appointment to it
        is rumoured, denied or collapsed) or nobody appointed to it yet. An article that reports
        an appointment made, and no race, names the other coaches as background."""
        vacancy = self._vacancy()
        if vacancy is None:
            return
        where = _fkey(vacancy)
        here = [m for m in self.moves if m.team is not None and _fkey(m.team) == where]
        race = any(m.kind == "appointment" and m.status in _OPEN_RACE for m in here)
        filled = any(m.kind == "appointment" and m.status not in _OPEN_RACE for m in here)
        if not race and filled:
            return
        moved = {_fkey(m.coach) for m in self.moves + self.pending}
        # a spell at this bench, or one the article places him in now or just ended elsewhere
        # ("Austria parted company with manager X", "Brighton manager X"): the article names
        # him for that job, not as a silent candidate for this one
        held = {
            _fkey(t.coach)
            for t in self.tenures
            if _fkey(t.team) == where or (t.status in _PLACED and not self._listed_name(t.coach))
        }
        seen: set[str] = set()
        for s in self.sentences:
            for m in self._in_sentence(s):
                key = _fkey(m)
                if (
                    key in moved
                    or key in held
                    or key in seen
                    or not self._coachable(m)
                    or not (m.coach_word or (m.entry is not None and m.entry.is_coach))
                ):
                    continue
                if self._not_candidate(s, m) or self._assistant_named(s, m):
                    continue
                seen.add(key)
                clause = self._clause(s, m.first)
                if clause in self.history_clauses.get(s.index, set()):
                    continue
                start, end = self._span(s, {clause})
                self.moves.append(
                    _MoveMention(
                        s.index,
                        clause,
                        MoveKind.appointment,
                        m,
                        self._clause_subject_team(s, m) or vacancy,
                        MoveStatus.rumoured,
                        0,
                        start,
                        end,
                        confidence=0.4,
                    )
                )

    def _listed_name(self, m: Found) -> bool:
        """Whether a person is one of a list of three names or more ("si tratta di A,
        attualmente alla guida dello Stoccarda, B, allenatore del Girona, e C"): each is named
        with his club as one of the names in the frame, not for that job."""
        s = next((x for x in self.sentences if x.first <= m.first < x.last), None)
        if s is None:
            return False
        people = [p for p in self._in_sentence(s) if p.kind == "person"]
        return len(people) >= _LIST and all(
            self._text_between_is_list(a, b) for a, b in pairwise(people)
        )

    def _text_between_is_list(self, a: Found, b: Found) -> bool:
        """Whether the words between two names hold a list's separator (a comma, "e", "and",
        "y")."""
        if "," in self.text[a.end : b.start]:
            return True
        return any(self.tokens[k].folded in self.lex.list_words for k in range(a.last, b.first))

    def _clause_subject_team(self, s: Sentence, m: Found) -> Found | None:
        """The team that opens the clause a candidate is named in, before him ("la Juventus
        punta con decisione Conte", "poi, la Roma è vicina a Gasperini"): he is named as that
        club's candidate, not the article's bench's."""
        clause = self._clause(s, m.first)
        start = next(k for k in range(s.first, m.first + 1) if self._clause(s, k) == clause)
        before = [x for x in self._in_sentence(s) if start <= x.first < m.first]
        if not before or before[0].kind != "team" or before[0].first - start > 1:
            return None
        if before[0].first in self.opponents or before[0].first in self.former:
            return None
        return before[0]

    def _assistant_named(self, s: Sentence, m: Found) -> bool:
        """A coach an assistant's title introduces ("his assistant X", "assistant coach X",
        "il vice X") is named as staff, not as a candidate for the bench."""
        before = range(max(s.first, m.first - _ASSISTANT_REACH), m.first)
        return any(
            len(c.pattern) == 1 and word_matches(c.pattern[0], self.tokens[k].folded)
            for c in self.lex.assistant_words
            for k in before
        )

    def _not_candidate(self, s: Sentence, m: Found) -> bool:
        """A coach right after a word that makes him a predecessor, somebody's boss or a point
        of time ("dopo Stramaccioni", "vice di Tudor", "after Solskjaer", "sucesor de X"), or
        named as the owner of a side ("Dyche's side", "l'Inter di Conte")."""
        if self._owns_side(s, m):
            return True
        words = [self.tokens[k].folded for k in range(s.first, m.first)]
        return any(
            len(p) <= len(words)
            and all(word_matches(x, w) for x, w in zip(p, words[-len(p) :], strict=True))
            for p in self.lex.not_candidate_before
        )

    def _owns_side(self, s: Sentence, m: Found) -> bool:
        """A coach named as whose a side is: a possessive right after his name ("Dyche's
        side"), or a team and a "team of" word right before it ("l'Inter di Conte", "el Madrid
        de Ancelotti"). He is named for the side he has, not as a candidate for another."""
        if m.last < s.last and self.tokens[m.last].folded in self.lex.possessive_after:
            return True
        k = m.first - 1
        return (
            k > s.first
            and self.tokens[k].folded in self.lex.team_of_words
            and any(t.kind == "team" and t.last == k for t in self._in_sentence(s))
        )

    def _deciders(self) -> set[str]:
        """People of the article's influences whom neither the gazetteer nor a role word calls
        a coach."""
        called_coach = {_fkey(m) for m in self.mentions if m.kind == "person" and m.coach_word}
        return {
            _fkey(inf.person)
            for inf in self.influences
            if inf.person.entry is None
            and not inf.person.coach_word
            and _fkey(inf.person) not in called_coach
        }

    def finish(self) -> tuple[list[TenureClaim], list[MoveClaim], list[InfluenceClaim]]:
        self.sweep_candidates()
        for index, outlets in self.citations.items():
            for near in (index - 1, index + 1):
                targets = [m for m in self.moves + self.pending if m.sentence == near]
                if targets:
                    for move in targets:
                        move.outlets += [
                            o for o in outlets if _key(o) not in map(_key, move.outlets)
                        ]
                    break
        # a person the article shows pushing for or against a move, whom nothing calls a coach,
        # is its president or owner: no move nor spell is his ("Lim no ha autorizado el
        # despido … esperaban que Lim le diera al botón de 'despido'")
        deciders = self._deciders() - {_fkey(t.coach) for t in self.tenures}
        self.moves = [m for m in self.moves if _fkey(m.coach) not in deciders]
        current: dict[str, Ent] = {}
        for t in self.tenures:
            if t.status == "current":
                current.setdefault(_fkey(t.coach), _ent(t.team))  # type: ignore[arg-type]
        for move in self.moves:
            if move.kind != "appointment" and move.team is not None:
                current.setdefault(_fkey(move.coach), _ent(move.team))  # type: ignore[arg-type]
        kept: list[_MoveMention] = []
        for move in self.moves:
            coach_key = _fkey(move.coach)
            if move.kind == "appointment":
                move.target = _ent(move.team)
                here = current.get(coach_key)
                move.from_team = (
                    here if here is not None and _key(here) != _key(move.target) else None
                )
            else:
                move.from_team = (
                    _ent(move.team) if move.team is not None else current.get(coach_key)
                )
            kept.append(move)
        groups: dict[tuple[str, str, str], list[_MoveMention]] = defaultdict(list)
        for move in kept:
            if move.vacated:
                continue  # his spell still ends (the tenures), his exit is no claim
            target = move.target if move.kind == "appointment" else move.from_team
            groups[(_fkey(move.coach), move.kind, _key(target))].append(move)
        by_mention = self._attach_pending(groups)
        claims: dict[int, MoveClaim] = {}
        for key, group in groups.items():
            claims[id(group[0])] = self._merge(group)
            for move in group:
                by_mention[id(move)] = key
        stand_ins = {
            key
            for key, group in groups.items()
            if any((g.sentence, g.clause) in self.stand_in_clauses for g in group)
        }
        pending = {
            id(claims[id(g[0])])
            for g in groups.values()
            if any((m.sentence, m.clause) in self.pending_exit_clauses for m in g)
        }
        moves = _settle_statuses(
            [claims[id(g[0])] for g in groups.values()],
            {id(claims[id(g[0])]) for k, g in groups.items() if k in stand_ins},
            pending,
        )
        tenures = self._tenure_claims(kept)
        influences = self._influence_claims(groups, by_mention)
        return tenures, moves, influences

    def _attach_pending(
        self, groups: dict[tuple[str, str, str], list[_MoveMention]]
    ) -> dict[int, tuple[str, str, str]]:
        """An appointment whose team is not said ("la destinazione", "the move") is the
        coach's only appointment in the article, or else his only rumoured one."""
        resolved: dict[int, tuple[str, str, str]] = {}
        for pending in self.pending:
            coach_key = _fkey(pending.coach)
            mine = [k for k in groups if k[0] == coach_key and k[1] == "appointment"]
            if len(mine) != 1:
                mine = [k for k in mine if self._merged_status(groups[k]) == "rumoured"]
            if len(mine) != 1:
                continue
            group = groups[mine[0]]
            resolved[id(pending)] = mine[0]
            for o in pending.outlets:
                if all(_key(o) != _key(x) for x in group[0].outlets):
                    group[0].outlets.append(o)
        return resolved

    @staticmethod
    def _merged_status(group: list[_MoveMention]) -> MoveStatus:
        status, rank = group[0].status, group[0].explicit
        for move in group[1:]:
            r = move.explicit + (1 if move.status != "rumoured" and move.explicit else 0)
            # a move done is not undone by a later word of its signing ("ha firmato"):
            # completed is the furthest a confirmed move goes
            if status == "completed" and move.status == "confirmed":
                continue
            if r >= 2 or r > rank:
                status, rank = move.status, max(rank, r)
        return status

    def _merge(self, group: list[_MoveMention]) -> MoveClaim:
        first = group[0]
        outlets: list[Ent] = []
        for move in group:
            outlets += [o for o in move.outlets if all(_key(o) != _key(x) for x in outlets)]
        confidence = min(0.95, max(m.confidence for m in group) + 0.05 * (len(group) - 1))
        coach = _ent(first.coach)
        assert coach is not None
        return MoveClaim(
            coach=coach,
            from_=first.from_team,
            to=first.target,
            kind=first.kind,
            status=self._merged_status(group),
            reported_by=outlets,
            evidence=self._evidence(first.start, first.end),
            confidence=round(confidence, 2),
        )

    def _tenure_claims(self, moves: list[_MoveMention]) -> list[TenureClaim]:
        mentions = list(self.tenures)
        for move in moves:
            if move.team is None:
                continue
            role = TenureRole.head
            positive = status_family(move.status) is StatusFamily.positive
            if move.kind in NEEDS_FROM:
                status = TenureStatus.ended if positive else TenureStatus.current
                end = self._implied_end if not positive else None
            elif move.kind is MoveKind.appointment and positive:
                status, end = TenureStatus.starting, None
                # "affidata ad interim a X", "caretaker X will take charge": a caretaker's spell
                if (move.sentence, move.clause) in self.caretaker_clauses:
                    role = TenureRole.caretaker
            elif move.kind is MoveKind.appointment and move.returning:
                # a rumoured return is not a spell yet, but says there was one before
                status, end = TenureStatus.past, None
            else:
                continue
            mentions.append(
                _TenureMention(
                    move.coach, move.team, status, move.start, move.end, 0.6, None, end, role
                )
            )
        called_coach = {_fkey(m) for m in self.mentions if m.kind == "person" and m.coach_word}
        # a coach the article names for a bench ("la primera opción ha sido X") may coach: a
        # spell its cues give him is his
        called_coach |= {
            _fkey(m.coach) for m in moves if m.kind is MoveKind.appointment and m.team is not None
        }
        out: dict[tuple[str, str], TenureClaim] = {}
        for t in mentions:
            if not self._coach_by_role(t.coach, called_coach):
                continue
            coach, team = _ent(t.coach), _ent(t.team)
            assert coach is not None and team is not None
            key = (_key(coach), _key(team))
            if key in out:
                if t.end_date and out[key].end is None and out[key].status == t.status:
                    out[key] = out[key].model_copy(update={"end": t.end_date})
                continue
            out[key] = TenureClaim(
                coach=coach,
                team=team,
                role=t.role,
                status=t.status,
                start=t.start_date,
                end=t.end_date,
                evidence=self._evidence(t.start, t.end),
                confidence=t.confidence,
            )
        return list(out.values())

    def _coach_by_role(self, person: Found, called_coach: set[str]) -> bool:
        """Whether a tenure's person may coach: the gazetteer knows him as a coach; or,
        unknown to it, a role word calls him one somewhere in the article, or he is named
        where the text speaks of a bench (his sentence or the two before). A president, an
        owner or a fitness coach named beside a bench story holds no bench ("Peter Lim no ha
        autorizado el despido", "Kevin Blue was appointed CEO")."""
        if person.entry is not None:
            return person.entry.is_coach
        if person.coach_word or _fkey(person) in called_coach:
            return True
        here = next((x for x in self.sentences if x.first <= person.first < x.last), None)
        return here is not None and self._coach_like(here, person)

    def _bind(
        self,
        inf: _InfluenceMention,
        by_mention: dict[int, tuple[str, str, str]],
    ) -> tuple[tuple[str, str, str], float] | None:
        """The move an influence is about. Each move of the article scores: the coach the cue
        names; a move of its sentence (its clause above all); a coach its sentence names; the
        kind the cue is about (an exit for "la decisione presa da", else an appointment); the
        coach the article spoke of last; a move of the next or previous sentence. A move of
        another sentence needs its coach named, or to be the last coach's, or next door, or
        to be the article's only appointment when an executive's word names nobody."""
        person = _fkey(inf.person)
        named = {_fkey(p) for p in inf.near}
        topic = _fkey(inf.topic) if inf.topic is not None else None
        best: tuple[float, _MoveMention] | None = None
        headline = self._headline_exit(inf, by_mention)
        for m in self.moves + self.pending:
            if id(m) not in by_mention or _fkey(m.coach) == person:
                continue
            coach = _fkey(m.coach)
            same = m.sentence == inf.sentence
            near = abs(m.sentence - inf.sentence) == 1
            if inf.coach is not None and coach != _fkey(inf.coach):
                continue
            if inf.direct and inf.loose and coach not in inf.objects:
                continue
            # an appointment to a team the sentence names ("Riquelme ya tiene al nuevo
            # entrenador de Boca elegido") may be told sentences away
            exit_move = m.kind != "appointment" or (
                # backing a coach courted elsewhere is about leaving his team: an
                # appointment away from it is his exit from it, as _influence_claim reads it
                inf.polarity in _BACKING and m.from_team is not None
            )
            to_named_team = (
                not inf.exit
                and m.kind == "appointment"
                and m.team is not None
                and _fkey(m.team) in inf.teams
            )
            if not (
                same
                or near
                or coach in named
                or coach == topic
                or to_named_team
                or (m.kind == "appointment" and self._sole_appointment(inf, by_mention))
                or m is headline
            ):
                continue
            if inf.loose and (
                not (same or _decides(inf.person))
                # wanting or choosing is about an appointment, deciding about an exit
                or (inf.polarity == "for" and exit_move != inf.exit)
            ):
                continue
            score = 8.0 if inf.coach is not None else 0.0
            score += 3 if same else (1 if near else 0)
            score += 2 if same and m.clause == inf.clause else 0
            score += 3 if coach in named else 0
            score += 5 if exit_move == inf.exit else 0
            score += 2 if m.team is not None and _fkey(m.team) in inf.teams else 0
            score += 1 if coach == topic and coach not in named else 0
            score += 4 if coach in inf.objects and exit_move == inf.exit else 0
            score -= abs(m.start - inf.start) / 10_000
            if best is None or score > best[0]:
                best = (score, m)
        if best is None:
            return None
        confidence = 0.85 if best[0] >= 8 else 0.75 if best[0] >= 5 else 0.6
        return by_mention[id(best[1])], confidence

    def _sole_appointment(
        self, inf: _InfluenceMention, by_mention: dict[int, tuple[str, str, str]]
    ) -> bool:
        """ "We have moved swiftly to secure the best possible candidate", said its chief: an
        executive's word for an appointment that names nobody is about the article's
        appointment when it reports only one."""
        if inf.polarity != "for" or inf.exit or inf.objects or not inf.person.executive:
            return False
        keys = {
            by_mention[id(m)]
            for m in self.moves + self.pending
            if m.kind == "appointment" and id(m) in by_mention
        }
        return len(keys) == 1

    def _headline_exit(
        self, inf: _InfluenceMention, by_mention: dict[int, tuple[str, str, str]]
    ) -> _MoveMention | None:
        """ "“This was a difficult decision,” said the sporting director": an executive's
        quoted word deciding an exit that names nobody is about the exit the article tells
        first, the one it is written about."""
        if (
            not inf.exit
            or inf.polarity != "for"
            or inf.objects
            or inf.coach is not None
            or not inf.person.executive
            or not any(a <= inf.start < b for a, b in self._quotes)
        ):
            return None
        exits = [
            m
            for m in self.moves + self.pending
            if m.kind != "appointment" and id(m) in by_mention and m.sentence < inf.sentence
        ]
        return min(exits, key=lambda m: m.start) if exits else None

    def _fellow_moves(
        self,
        inf: _InfluenceMention,
        key: tuple[str, str, str],
        by_mention: dict[int, tuple[str, str, str]],
    ) -> list[tuple[str, str, str]]:
        """The moves of the other coaches listed with the one an influence is about, of the
        same kind and target and told in its sentence: wanting a list wants each of them."""
        coach, kind, target = key
        if coach not in inf.objects or len(inf.objects) < 2:
            return []
        out: list[tuple[str, str, str]] = []
        for m in self.moves + self.pending:
            other = by_mention.get(id(m))
            if (
                other is not None
                and other not in out
                and other != key
                and m.sentence == inf.sentence
                and other[0] in inf.objects
                and other[0] != _fkey(inf.person)
                and other[1:] == (kind, target)
            ):
                out.append(other)
        return out

    def _influence_claims(
        self,
        groups: dict[tuple[str, str, str], list[_MoveMention]],
        by_mention: dict[int, tuple[str, str, str]],
    ) -> list[InfluenceClaim]:
        out: dict[tuple[str, tuple[str, str, str]], InfluenceClaim] = {}
        # a person's words about one move: the first that names its coach tells the polarity
        # ("no negocia el esfuerzo … la elección era Vicente"), else the first
        naming: set[tuple[str, tuple[str, str, str]]] = set()
        for inf in self.influences:
            bound = self._bind(inf, by_mention)
            if bound is None:
                continue
            first, confidence = bound
            for key in [first, *self._fellow_moves(inf, first, by_mention)]:
                slot = (_key(_ent(inf.person)), key)
                names = key[0] in inf.objects or inf.coach is not None
                if names and slot not in naming:
                    naming.add(slot)
                    out.pop(slot, None)
                self._influence_claim(inf, key, groups[key], confidence, out)
        return list(out.values())

    def _influence_claim(
        self,
        inf: _InfluenceMention,
        key: tuple[str, str, str],
        group: list[_MoveMention],
        confidence: float,
        out: dict[tuple[str, tuple[str, str, str]], InfluenceClaim],
    ) -> None:
        person = _ent(inf.person)
        coach = _ent(group[0].coach)
        assert person is not None and coach is not None
        if _key(person) == _key(coach):
            return
        ref = MoveRef(coach=coach, to=group[0].target, kind=group[0].kind, from_=group[0].from_team)
        polarity = inf.polarity
        if polarity in {"support", "unsupport"}:
            # backing a coach is for his appointment and against his exit — an appointment
            # that takes him away from a team he leads is his exit from it ("estamos muy
            # contentos con este cuerpo técnico", of a coach courted elsewhere)
            appointment = group[0].kind == "appointment" and group[0].from_team is None
            polarity = "for" if appointment == (polarity == "support") else "against"
        out.setdefault(
            (_key(person), key),
            InfluenceClaim(
                person=person,
                move=ref,
                polarity=polarity,
                how=inf.how,
                evidence=self._evidence(inf.start, inf.end),
                confidence=confidence,
            ),
        )


def _settle_statuses(
    moves: list[MoveClaim], stand_ins: set[int], pending: set[int]
) -> list[MoveClaim]:
    """What the article's moves say of each other's status (corpus/extraction/GUIDE.md):

    - a sacking the article reports as official has happened: announcing a sacking is the
      sacking, so it is `completed`, not `confirmed` (an appointment is confirmed before the
      coach takes charge; a sacking has no such gap) — unless a mention of it tells it still
      to come (`pending`: "sarà annunciato l'esonero", "will be sacked"): such an exit, done
      or agreed, is `confirmed`;
    - a coach's exit from a team told as rumoured beside one told as done (a departure and a
      sacking of his from that team) is that done exit: `completed`;
    - a bench that a positive appointment fills (confirmed or completed) was not filled by the
      other coaches rumoured for it: the club chose someone else, so their rumours `collapsed`
      — unless the one appointed is a stand-in (`stand_ins`: "interim", "traghettatore"), and
      a stand-in (an assistant, a caretaker) is no rival of the coach appointed.
    """
    filled: dict[str, set[str]] = defaultdict(set)
    for m in moves:
        if (
            m.kind == MoveKind.appointment
            and m.to is not None
            and status_family(m.status) == StatusFamily.positive
            and id(m) not in stand_ins
        ):
            filled[_key(m.to)].add(_key(m.coach))
    # the exits of a coach from a team are one event, told as a departure or as a sacking
    exited = {
        (_key(m.coach), _key(m.from_))
        for m in moves
        if m.kind in NEEDS_FROM and m.from_ is not None and m.status == MoveStatus.completed
    }
    out: list[MoveClaim] = []
    positive = StatusFamily.positive
    for m in moves:
        status = m.status
        if id(m) in pending and m.kind in NEEDS_FROM and status_family(status) is positive:
            # an exit one mention tells still to come has not happened yet
            status = MoveStatus.confirmed
        elif m.kind == MoveKind.sacking and status == MoveStatus.confirmed:
            status = MoveStatus.completed
        elif (
            m.kind in NEEDS_FROM
            and status == MoveStatus.rumoured
            and m.from_ is not None
            and (_key(m.coach), _key(m.from_)) in exited
        ):
            # "la salida del técnico" beside "la comunicación del cese": the exit is done
            status = MoveStatus.completed
        elif (
            m.kind == MoveKind.appointment
            and status == MoveStatus.rumoured
            and m.to is not None
            and id(m) not in stand_ins
            and filled.get(_key(m.to), set()) - {_key(m.coach)}
        ):
            status = MoveStatus.collapsed
        out.append(m if status == m.status else m.model_copy(update={"status": status}))
    return out


def extract(
    text: str,
    gazetteer: Gazetteer,
    *,
    lang: str = "auto",
    date: str | None = None,
    outlet: str | None = None,
) -> Extraction:
    """Extract the claims of one article.

    Args:
        text: the article, verbatim (offsets in the result index into it).
        gazetteer: the names and aliases to resolve mentions against.
        lang: `it`, `en`, `es` (any language with a lexicon) or `auto`.
        date: the article's date (YYYY[-MM[-DD]]); else a first line ` date YYYY-MM`.
        outlet: the outlet that published the article (recorded, resolved when known).

    Raises:
        ExtractError: empty text, an unsupported or undetectable language, a bad date.
    """
    if not text.strip():
        raise ExtractError("the article is empty")
    lang = detect_language(text) if lang == "auto" else lang
    lex = load_lexicon(lang)
    article_date = parse_date(date) if date else header_date(text)
    run = _Run(text, gazetteer, lex, article_date)
    for sentence in run.sentences:
        run.sentence(sentence)
    tenures, moves, influences = run.finish()
    mentions = [
        Mention(
            text=m.text,
            start=m.start,
            end=m.end,
            entity=MentionEntity(id=m.entry.id, name=m.entry.name, kind=m.entry.kind)
            if m.entry is not None
            else None,
        )
        for m in run.mentions
    ]
    unresolved = [
        Unresolved(text=m.text, start=m.start, end=m.end, kind_guess=m.kind)
        for m in run.mentions
        if m.entry is None
    ]
    return Extraction(
        article=ArticleInfo(
            lang=lang, date=article_date, chars=len(text), outlet=_outlet(gazetteer, outlet)
        ),
        mentions=mentions,
        tenures=tenures,
        moves=moves,
        influences=influences,
        unresolved=unresolved,
    )


def _outlet(gaz: Gazetteer, name: str | None) -> Ent | None:
    if not name:
        return None
    if name in gaz.entries:
        entry = gaz.entries[name]
        return Ent(id=entry.id, name=entry.name)
    key = tuple(fold(name).split())
    entries = [e for e in gaz.lookup(key, True) if e.kind == "outlet"]
    if not entries:
        best = gaz.fuzzy(name)
        entries = [best[0]] if best is not None and best[0].kind == "outlet" else []
    return Ent(id=entries[0].id, name=entries[0].name) if entries else Ent(id=None, name=name)
