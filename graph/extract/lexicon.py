"""Cue lexicons: per-language JSON data (graph/extract/lexicons/<lang>.json), compiled.

A cue is a phrase; it is folded (graph.domain.names.fold) and split into tokens, so accents,
case and apostrophes never matter. A word ending in `*` is a stem: it matches every word that
starts with it ("esoner*": esonerato, esonererà, esonerarlo), so that one entry covers a verb's
inflections instead of the few a sample of articles happened to use. A cue may hold slots —
`{person}`, `{coach}`, `{team}`, `{outlet}` — that match one mention of that kind (or, for
`{person}` and `{outlet}`, a run of capitalised words the gazetteer does not know).
docs/extraction.md describes every section.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from graph.domain import MoveKind, MoveStatus, Polarity, TenureStatus
from graph.domain.names import fold
from graph.extract.errors import ExtractError

LEXICON_DIR = Path(__file__).with_name("lexicons")
SLOTS = frozenset({"person", "coach", "team", "outlet"})
# a shorter stem would match unrelated words ("vol*": volta, volo)
_MIN_STEM = 4

Pattern = tuple[str, ...]  # folded literal tokens, "stem*", or "{slot}"


def word_matches(part: str, word: str) -> bool:
    """Whether a folded word is a pattern's literal word, or starts with its stem."""
    if part.endswith("*"):
        return word.startswith(part[:-1])
    return word == part


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TriggerSpec(_Strict):
    cue: str
    kind: MoveKind
    status: MoveStatus | None = None
    # names candidates ("in pole", "si fa il nome di", "shortlist"): every person it lists is
    # one, and without a named person there is no move (never the article's last coach)
    candidates: bool = False
    # a bare verb ("lascia", "leaves") is a move only with the team it leaves in its clause
    needs_team: bool = False
    # an appointment of "him" ("il suo approdo", "su fichaje"): may be the article's last coach
    # (other appointments need their coach named in the sentence)
    topic: bool = False
    # "X could replace {coach}", "al posto di {coach}": the coach of the slot leaves, and the
    # coach named before the cue in its clause (if any) is appointed in his place
    replaces: bool = False
    # "X è stato sostituito da {coach}", "X was replaced by {coach}": the passive of a
    # succession, the slot's coach is appointed and the coach named before the cue leaves
    replaced_by: bool = False
    # a search for somebody's successor ("favourites to succeed {coach}", "sucesor de {coach}"):
    # the slot's coach is gone already (news told before), only the successor moves
    vacated: bool = False
    # a noun ("l'esonero", "la destitución", "the sacking"): its coach is its slot, the person
    # right after it, or the coach the article spoke of last, never a bystander of its clause
    nominal: bool = False


class FixedCitation(_Strict):
    cue: str
    outlet: str


class Citations(_Strict):
    same: list[str] = Field(default_factory=list)
    back: list[str] = Field(default_factory=list)
    fixed: list[FixedCitation] = Field(default_factory=list)


class Markers(_Strict):
    coach: list[str] = Field(default_factory=list)
    person: list[str] = Field(default_factory=list)
    # presidents, owners, directors, agents: a person, never the coach of a move
    executive: list[str] = Field(default_factory=list)
    team: list[str] = Field(default_factory=list)


class InfluenceWords(_Strict):
    """Words of wanting, choosing, pushing, deciding, backing or blocking, as stems where the
    language inflects them: a person they bind (the subject before, or the agent after one
    of `agents`) influenced the move his sentence is about, whatever the wording around."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    for_: list[str] = Field(default_factory=list, alias="for")
    against: list[str] = Field(default_factory=list)
    # backing a coach: for his appointment, against his exit ("backed", "fiducia", "respaldo")
    support: list[str] = Field(default_factory=list)
    # deciding or carrying out an exit ("decided", "ha esonerato"): for it
    exit: list[str] = Field(default_factory=list)
    # a word of influence that only reports what follows ("insistió en que", "insisted
    # that"): no push of its own, what is said tells it
    reporting: list[str] = Field(default_factory=list)
    # words after which the person who acts is named ("voluto da", "chosen by", "elegido por",
    # "la scelta di", "the choice of")
    agents: list[str] = Field(default_factory=list)
    # auxiliaries of the passive ("è stato scelto", "was appointed", "fue elegido"): the person
    # before such a word is the one chosen, not the one choosing
    passives: list[str] = Field(default_factory=list)
    # endings of active forms ("is pushing", "is courting"): after an auxiliary of the
    # passive such a word is still done by its subject
    active_endings: list[str] = Field(default_factory=list)
    # staying on ("resti", "stay", "se quede", stems allowed): wanting or hoping it, a few
    # words after a word of wanting ("vuole che resti"), is backing him against his exit
    stay: list[str] = Field(default_factory=list)
    # hoping ("spera", "hopes", "esperanza"): a push only for a coach to stay ("hopes he will
    # stay"); "I hope" alone is everywhere in quotations and about anything
    hope: list[str] = Field(default_factory=list)
    # denying or ruling out what follows ("nego ogni ipotesi di esonero", "ruled out sacking
    # him", "descarta su destitución"): a word of deciding an exit after one is turned
    denials: list[str] = Field(default_factory=list)
    # telling a decision ("gli ha comunicato la decisione", "informato della decisione",
    # "told him of the decision"): who tells a word of deciding an exit after one only
    # carries it, he is not the one who decides
    messages: list[str] = Field(default_factory=list)
    # joining a second person who acts with the first, like "and" ("junto al director X",
    # "insieme al ds X", "together with X")
    together: list[str] = Field(default_factory=list)
    # auxiliaries of the third person singular ("había propuesto", "ha scelto", "has
    # chosen"): only one person, the nearest, does what they tell, not a list before him
    singular: list[str] = Field(default_factory=list)
    # possessives before a word ("su elección", "la sua scelta", "his choice"): whose it is,
    # the executive the article spoke of last
    possessives: list[str] = Field(default_factory=list)
    # a course of action right after a word of choosing ("ha scelto la via del silenzio",
    # "opted for silence", "optó por el silencio"): what is chosen is no coach
    courses: list[str] = Field(default_factory=list)


class LexiconFile(_Strict):
    """The JSON shape of a lexicon file."""

    lang: str = Field(pattern=r"^[a-z]{2}$")
    name: str
    stopwords: list[str]
    clause_breaks: list[str] = Field(default_factory=list)
    move_triggers: list[TriggerSpec]
    status_cues: dict[MoveStatus, list[str]]
    # a decision taken ("ha deciso di", "decided to", "decidió"): it completes an exit, yet an
    # appointment decided is confirmed, its coach not yet in charge
    decisions: list[str] = Field(default_factory=list)
    tenure_cues: dict[TenureStatus, list[str]]
    # naming the coach another one replaces ("succedendo a {person}", "took over from
    # {person}", "en sustitución de {person}"): the one replaced has ended his spell at the
    # team the replacement goes to
    predecessors: list[str] = Field(default_factory=list)
    citations: Citations = Field(default_factory=Citations)
    influences: dict[Polarity, list[str]] = Field(default_factory=dict)
    # influences on a departure or sacking ("la decisione presa da", "lost faith"): they bind
    # to such a move first, the others to an appointment first
    exit_influences: dict[Polarity, list[str]] = Field(default_factory=dict)
    influence_words: InfluenceWords = Field(default_factory=InfluenceWords)
    relative_dates: dict[str, str] = Field(default_factory=dict)
    markers: Markers = Field(default_factory=Markers)
    place_phrases: list[str] = Field(default_factory=list)
    extra_aliases: dict[str, str] = Field(default_factory=dict)
    nicknames: dict[str, list[str]] = Field(default_factory=dict)
    first_names: list[str] = Field(default_factory=list)
    list_words: list[str] = Field(default_factory=list)
    negations: list[str] = Field(default_factory=list)
    history: list[str] = Field(default_factory=list)
    pending_exit_words: list[str] = Field(default_factory=list)
    vacancy: list[str] = Field(default_factory=list)
    club_words: list[str] = Field(default_factory=list)
    opponents: list[str] = Field(default_factory=list)
    # words about a bench ("panchina", "manager", "banquillo"): a candidate the gazetteer does not
    # know as a coach is one only in a sentence (or after one) that speaks of a bench
    bench_words: list[str] = Field(default_factory=list)
    coach_plurals: list[str] = Field(default_factory=list)
    # a plural noun for clubs, maybe with "such as" ("clubs", "clubs such as", "squadre come"):
    # the list of capitalised names right after it are clubs ("previous clubs St Johnstone,
    # Aberdeen and Kilmarnock")
    club_plurals: list[str] = Field(default_factory=list)
    # words that make a capitalised run no person and no club: media, grounds, competitions,
    # federations ("Radio", "Stadio", "Cup", "Federation")
    not_names: list[str] = Field(default_factory=list)
    # words after which a country is a place, not its national team ("in Australia")
    locatives: list[str] = Field(default_factory=list)
    # words of the first person ("abbiamo", "we", "hemos"): who speaks acts
    first_person: list[str] = Field(default_factory=list)
    # words of a career told in passing ("esperienze", "spells", "etapa"): the teams of their
    # clause are past spells of the coach it is about
    career_words: list[str] = Field(default_factory=list)
    # words of a stand-in job ("interim", "traghettatore", "interino", "assistant"): such an
    # appointment does not fill the bench, so the other candidates' rumours stay open
    stand_in_words: list[str] = Field(default_factory=list)
    # the stand-in words of a caretaker ("ad interim", "caretaker", "interino"), not of an
    # assistant: the one appointed in such a clause takes charge for a while (role caretaker)
    caretaker_words: list[str] = Field(default_factory=list)
    # words of a player ("striker", "attaccante", "delantero"): a signing whose object is one
    # is a player's transfer, no coaching move
    # words of an assistant's job ("assistant", "vice", "ayudante"): a spell cue holding one
    # tells an assistant's spell (role assistant)
    assistant_words: list[str] = Field(default_factory=list)
    player_words: list[str] = Field(default_factory=list)
    # "former", "ex": a player word right after one names what a coach once was
    former_words: list[str] = Field(default_factory=list)
    # a coach kept in his post without the team named ("sigue en el cargo", "continúa en el
    # banquillo"): a current spell at the bench the article is about
    in_post: list[str] = Field(default_factory=list)
    # words of a return ("ritorno", "return", "regreso", stems allowed): an appointment whose
    # cue holds one is to a team the coach has coached before, a past spell there
    return_words: list[str] = Field(default_factory=list)
    # words right before a coach that make him a predecessor, a boss or a point of time ("dopo
    # Stramaccioni", "vice di Tudor", "after Solskjaer", "sucesor de X"), never a candidate
    # for the bench the article is about
    not_candidate_before: list[str] = Field(default_factory=list)
    # words right before a current tenure cue that make it a job wished for, not one held
    # ("deseo de ser DT del Pincha": the infinitive "ser"); its team is the bench in question
    aspired_before: list[str] = Field(default_factory=list)
    # words right after a name that make it a possessive ("Dyche's side": the English "s"
    # token): a coach named as the owner of a side is its coach, no candidate elsewhere
    possessive_after: list[str] = Field(default_factory=list)
    # a post, not a spell: words right before a current cue's team ("the position of", "the
    # vacant") or right after its role word ("job", "role"): "a candidate for the position of
    # Celtic manager" is nobody's spell at Celtic
    job_before: list[str] = Field(default_factory=list)
    job_after: list[str] = Field(default_factory=list)
    # the word between a team and its coach ("l'Inter di Conte", "el Madrid de Ancelotti",
    # "the Chelsea of Mourinho"): the coach names which side is meant, no candidate elsewhere
    team_of_words: list[str] = Field(default_factory=list)
    # words of a start still running ("since 2021", "dal 2021", "desde 2021"): the year after
    # one opens a spell that goes on, no background
    since_words: list[str] = Field(default_factory=list)
    # words of place right between a coach and a team ("Xabi Alonso al Bayer Leverkusen",
    # "Milito en Chivas", "Tisci a Pineto"): in a sentence telling no move, his spell there
    at_team_words: list[str] = Field(default_factory=list)
    # nouns of a side after a coach's possessive ("Sean Dyche's side", "X's men"): the team
    # named before it in its sentence is his
    side_words: list[str] = Field(default_factory=list)
    # an "of" complement naming a group ("la salida de los españoles", "l'arrivo dei nuovi"):
    # right after a nominal move cue, the move is theirs, never one coach's named elsewhere
    plural_of: list[str] = Field(default_factory=list)
    # words of a sequence ("poi", "then", "luego"): "ha scelto X, poi Y" tells that Y
    # followed X on that bench, so X left it
    sequence_words: list[str] = Field(default_factory=list)
    # words of replacing with ("con"): "ha sostituito X con Y" appoints Y where X was
    replaced_with: list[str] = Field(default_factory=list)
    # words joining a bench and its new coach in a round-up ("a Pineto con Tisci", "a
    # Pontedera con l'arrivo di Menichini"): after an `at_team_words` word, a team then a coach
    bench_pair_words: list[str] = Field(default_factory=list)
    # words that stand for the coach last named ("il croato", "the Portuguese", "el argentino");
    # a coach role word with an adjective ("il tecnico salentino") does too
    epithets: list[str] = Field(default_factory=list)
    # words that open a sentence about one of the two people named together just before, by
    # their order ("Il primo ha salvato …", "the latter"): the first, then the second
    order_references: list[list[str]] = Field(default_factory=list)
    # whether the press names a coach by his first name alone once it has named him in full
    # ("Marcelino García Toral … Marcelino", "Quique Sánchez Flores … Quique")
    first_name_alone: bool = False
    # short forms of first names the press writes ("Beppe": Giuseppe, "Pepe": José, "Bob":
    # Robert): before a surname the gazetteer knows, the same person as the full first name
    first_name_forms: dict[str, list[str]] = Field(default_factory=dict)
    # the months, January first ("gennaio", "enero"; "may" left out of English, a verb
    # too): a move done in a month long before the article's is background
    months: list[str] = Field(default_factory=list)
    # a preposition fused with an article ("del": "el", "dal": "il", "della": "la"): an
    # epithet that starts with the article is also written after the fused form ("la
    # destitución del asturiano", "le parole del croato")
    contractions: dict[str, str] = Field(default_factory=dict)
    # "il tecnico salentino": whether an adjective after a coach role word makes an epithet
    adjective_after_noun: bool = False
    # words that open a relative clause ("who", "che", "que"): it is about the person before
    relatives: list[str] = Field(default_factory=list)
    # words for a national team ("nazionale", "selección", "national team"): with an adjective
    # of nationality ("la selección peruana", "the Indian team") they name that country's team
    national_team_words: list[str] = Field(default_factory=list)
    # words after a club's name that make it its reserve, youth or women's side ("Milan
    # Futuro", "Osasuna Promesas", "Borussia Dortmund II"): a team of its own, never the first
    reserve_words: list[str] = Field(default_factory=list)
    # nouns for a club's reserve side after its possessive ("Dortmund's second team"): that
    # side, named "<club> II"
    reserve_nouns: list[str] = Field(default_factory=list)
    # nouns for a club ("squadra", "equipo", "side"): a capitalised name set off by a comma
    # before one is a club ("la Turris, squadra che milita in Serie C")
    team_nouns: list[str] = Field(default_factory=list)
    # adjectives of nationality that do not start like their country's name ("English":
    # England, "inglese": England); the others are found by their shared start ("peruana": Perù)
    demonyms: dict[str, str] = Field(default_factory=dict)
    # bare words the nicknames give the home country's team ("la Nazionale", "Federazione"):
    # in an article about one other national team and never naming the home one, that team
    home_team_words: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class Cue:
    """A compiled cue: its token pattern and what it means."""

    pattern: Pattern
    label: str  # kind of move, status, tenure status, polarity, outlet id, date rule …
    status: MoveStatus | None = None
    phrase: str = ""
    candidates: bool = False
    needs_team: bool = False
    topic: bool = False
    replaces: bool = False
    nominal: bool = False
    exit: bool = False  # an influence cue about a departure or sacking
    replaced_by: bool = False  # the slot arrives, the coach before the cue leaves
    vacated: bool = False  # a successor's search: the slot's coach left before, no move
    in_post: bool = False  # a current spell told without its team: the article's bench
    decision: bool = False  # a decision taken: completes an exit, confirms an appointment

    @property
    def literal_len(self) -> int:
        return sum(1 for p in self.pattern if not p.startswith("{"))

    @cached_property
    def words(self) -> frozenset[str]:
        """The literal words of the pattern."""
        return frozenset(p for p in self.pattern if not p.startswith("{"))


@dataclass
class Lexicon:
    """A language's cues, compiled to token patterns."""

    lang: str
    name: str
    stopwords: frozenset[str]
    clause_breaks: frozenset[str]
    triggers: list[Cue]
    status_cues: list[Cue]
    tenure_cues: list[Cue]
    citations_same: list[Cue]
    citations_back: list[Cue]
    citations_fixed: list[Cue]
    influences: list[Cue]
    relative_dates: list[Cue]
    coach_markers: list[Pattern]
    person_markers: list[Pattern]
    team_markers: list[Pattern]
    place_phrases: list[Pattern]
    extra_aliases: dict[str, str] = field(default_factory=dict)
    executive_markers: list[Pattern] = field(default_factory=list)
    nicknames: dict[Pattern, tuple[bool, list[str]]] = field(default_factory=dict)
    first_names: frozenset[str] = frozenset()
    list_words: frozenset[str] = frozenset()
    negations: frozenset[str] = frozenset()
    history: list[Cue] = field(default_factory=list)
    pending_exit_words: list[Cue] = field(default_factory=list)
    vacancy: list[Cue] = field(default_factory=list)
    club_words: frozenset[str] = frozenset()
    opponents: list[Pattern] = field(default_factory=list)
    bench_words: frozenset[str] = frozenset()
    coach_plurals: frozenset[str] = frozenset()
    club_plurals: list[Pattern] = field(default_factory=list)
    not_names: frozenset[str] = frozenset()
    locatives: frozenset[str] = frozenset()
    first_person: frozenset[str] = frozenset()
    career_words: list[Cue] = field(default_factory=list)
    stand_in_words: list[Cue] = field(default_factory=list)
    caretaker_words: list[Cue] = field(default_factory=list)
    assistant_words: list[Cue] = field(default_factory=list)
    player_words: frozenset[str] = frozenset()
    former_words: frozenset[str] = frozenset()
    return_words: tuple[str, ...] = ()
    predecessors: list[Cue] = field(default_factory=list)
    not_candidate_before: list[Pattern] = field(default_factory=list)
    aspired_before: list[Pattern] = field(default_factory=list)
    possessive_after: frozenset[str] = frozenset()
    job_before: list[Pattern] = field(default_factory=list)
    job_after: frozenset[str] = frozenset()
    team_of_words: frozenset[str] = frozenset()
    since_words: frozenset[str] = frozenset()
    at_team_words: frozenset[str] = frozenset()
    side_words: frozenset[str] = frozenset()
    plural_of: list[Pattern] = field(default_factory=list)
    sequence_words: frozenset[str] = frozenset()
    replaced_with: frozenset[str] = frozenset()
    bench_pair_words: list[Pattern] = field(default_factory=list)
    epithets: list[Pattern] = field(default_factory=list)
    order_references: list[list[Pattern]] = field(default_factory=list)
    contractions: dict[str, str] = field(default_factory=dict)
    months: dict[str, int] = field(default_factory=dict)  # folded name → 1..12
    first_name_alone: bool = False
    first_name_forms: dict[str, frozenset[str]] = field(default_factory=dict)
    adjective_after_noun: bool = False
    relatives: frozenset[str] = frozenset()
    # labels "for", "against", "support" (the move's kind decides); `exit` marks deciding one
    influence_words: list[Cue] = field(default_factory=list)
    agents: frozenset[str] = frozenset()
    passives: frozenset[str] = frozenset()
    active_endings: tuple[str, ...] = ()
    stay_words: frozenset[str] = frozenset()
    together: list[tuple[str, ...]] = field(default_factory=list)
    singular: frozenset[str] = frozenset()
    possessives: frozenset[str] = frozenset()
    denials: list[Pattern] = field(default_factory=list)
    messages: list[Pattern] = field(default_factory=list)
    courses: list[Pattern] = field(default_factory=list)
    national_team_words: list[Pattern] = field(default_factory=list)
    reserve_words: list[Pattern] = field(default_factory=list)
    reserve_nouns: list[Pattern] = field(default_factory=list)
    team_nouns: frozenset[str] = frozenset()
    demonyms: dict[str, str] = field(default_factory=dict)
    home_team_words: frozenset[tuple[str, ...]] = frozenset()

    @cached_property
    def citations(self) -> list[Cue]:
        """Every citation cue, in one list."""
        return self.citations_same + self.citations_back + self.citations_fixed


def compile_pattern(phrase: str) -> Pattern:
    """`"con {person} a convincerlo"` → ("con", "{person}", "a", "convincerlo")."""
    out: list[str] = []
    for part in phrase.replace("{", " {").replace("}", "} ").split():
        if part.startswith("{") and part.endswith("}"):
            if part[1:-1] not in SLOTS:
                raise ValueError(f"unknown slot {part} in cue {phrase!r}")
            out.append(part)
        elif part.endswith("*"):
            words = fold(part[:-1]).split()  # "l’esoner*": "l", then the stem
            if not words or len(words[-1]) < _MIN_STEM:
                raise ValueError(f"a stem has {_MIN_STEM}+ letters: {part!r} in {phrase!r}")
            out.extend(words[:-1])
            out.append(words[-1] + "*")
        else:
            out.extend(fold(part).split())
    if not out:
        raise ValueError(f"empty cue {phrase!r}")
    return tuple(out)


def _cues(phrases: list[str], label: str, status: MoveStatus | None = None) -> list[Cue]:
    return [Cue(compile_pattern(p), label, status, p) for p in phrases]


def compile_lexicon(data: LexiconFile) -> Lexicon:
    """Compile a validated lexicon file."""
    influences: list[Cue] = []
    for polarity, phrases in data.influences.items():
        influences += _cues(phrases, polarity)
    for polarity, phrases in data.exit_influences.items():
        influences += [replace(c, exit=True) for c in _cues(phrases, polarity)]
    words = data.influence_words
    influence_words = (
        _cues(words.for_, "for")
        + _cues(words.against, "against")
        + _cues(words.support, "support")
        + _cues(words.hope, "hope")
        + [replace(c, exit=True) for c in _cues(words.exit, "for")]
        + _cues(words.reporting, "reporting")
    )
    return Lexicon(
        lang=data.lang,
        name=data.name,
        stopwords=frozenset(fold(w) for w in data.stopwords),
        clause_breaks=frozenset(fold(w) for w in data.clause_breaks),
        triggers=[
            Cue(
                compile_pattern(t.cue),
                t.kind,
                t.status,
                t.cue,
                t.candidates,
                t.needs_team,
                t.topic or t.kind != "appointment",
                t.replaces,
                t.nominal,
                replaced_by=t.replaced_by,
                vacated=t.vacated,
            )
            for t in data.move_triggers
        ],
        status_cues=[c for s, ps in data.status_cues.items() for c in _cues(ps, s)]
        + [replace(c, decision=True) for c in _cues(data.decisions, MoveStatus.completed)],
        tenure_cues=[c for s, ps in data.tenure_cues.items() for c in _cues(ps, s)]
        + [replace(c, in_post=True) for c in _cues(data.in_post, TenureStatus.current)],
        citations_same=_cues(data.citations.same, "same"),
        citations_back=_cues(data.citations.back, "back"),
        citations_fixed=[Cue(compile_pattern(f.cue), f.outlet) for f in data.citations.fixed],
        influences=influences,
        influence_words=influence_words,
        agents=frozenset(fold(w) for w in words.agents),
        passives=frozenset(fold(w) for w in words.passives),
        active_endings=tuple(fold(w) for w in words.active_endings),
        stay_words=frozenset(fold(w) for w in words.stay),
        together=[tuple(fold(w).split()) for w in words.together],
        singular=frozenset(fold(w) for w in words.singular),
        possessives=frozenset(fold(w) for w in words.possessives),
        denials=[compile_pattern(w) for w in words.denials],
        messages=[compile_pattern(w) for w in words.messages],
        courses=[compile_pattern(w) for w in words.courses],
        relative_dates=[Cue(compile_pattern(p), rule) for p, rule in data.relative_dates.items()],
        coach_markers=[compile_pattern(p) for p in data.markers.coach],
        person_markers=[compile_pattern(p) for p in data.markers.person],
        team_markers=[compile_pattern(p) for p in data.markers.team],
        place_phrases=[compile_pattern(p) for p in data.place_phrases],
        extra_aliases=dict(data.extra_aliases),
        executive_markers=[compile_pattern(p) for p in data.markers.executive],
        # a nickname written with a capital ("la Capitale") only matches capitalised text
        nicknames={
            compile_pattern(p): (p[:1].isupper(), teams) for p, teams in data.nicknames.items()
        },
        first_names=frozenset(fold(w) for w in data.first_names),
        list_words=frozenset(fold(w) for w in data.list_words),
        negations=frozenset(fold(w) for w in data.negations),
        history=_cues(data.history, "history"),
        pending_exit_words=_cues(data.pending_exit_words, "pending"),
        vacancy=_cues(data.vacancy, "vacancy"),
        club_words=frozenset(fold(w) for w in data.club_words),
        opponents=[compile_pattern(p) for p in data.opponents],
        bench_words=frozenset(fold(w) for w in data.bench_words),
        coach_plurals=frozenset(fold(w) for w in data.coach_plurals),
        club_plurals=sorted((compile_pattern(p) for p in data.club_plurals), key=len, reverse=True),
        not_names=frozenset(fold(w) for w in data.not_names),
        locatives=frozenset(fold(w) for w in data.locatives),
        first_person=frozenset(fold(w) for w in data.first_person),
        career_words=_cues(data.career_words, "past"),
        stand_in_words=_cues(data.stand_in_words, "stand_in"),
        caretaker_words=_cues(data.caretaker_words, "caretaker"),
        assistant_words=_cues(data.assistant_words, "assistant"),
        player_words=frozenset(fold(w) for w in data.player_words),
        former_words=frozenset(fold(w) for w in data.former_words),
        predecessors=_cues(data.predecessors, TenureStatus.ended),
        return_words=tuple(
            fold(w[:-1]) + "*" if w.endswith("*") else fold(w) for w in data.return_words
        ),
        not_candidate_before=[compile_pattern(p) for p in data.not_candidate_before],
        aspired_before=[compile_pattern(p) for p in data.aspired_before],
        possessive_after=frozenset(fold(w) for w in data.possessive_after),
        job_before=[compile_pattern(p) for p in data.job_before],
        job_after=frozenset(fold(w) for w in data.job_after),
        team_of_words=frozenset(fold(w) for w in data.team_of_words),
        since_words=frozenset(fold(w) for w in data.since_words),
        at_team_words=frozenset(fold(w) for w in data.at_team_words),
        side_words=frozenset(fold(w) for w in data.side_words),
        plural_of=[compile_pattern(p) for p in data.plural_of],
        sequence_words=frozenset(fold(w) for w in data.sequence_words),
        replaced_with=frozenset(fold(w) for w in data.replaced_with),
        bench_pair_words=[compile_pattern(p) for p in data.bench_pair_words],
        epithets=[compile_pattern(p) for p in data.epithets],
        order_references=[[compile_pattern(p) for p in ps] for ps in data.order_references],
        contractions={fold(k): fold(v) for k, v in data.contractions.items()},
        months={fold(w): i + 1 for i, w in enumerate(data.months) if w},
        first_name_alone=data.first_name_alone,
        first_name_forms={
            fold(k): frozenset(fold(v) for v in vs) for k, vs in data.first_name_forms.items()
        },
        adjective_after_noun=data.adjective_after_noun,
        relatives=frozenset(fold(w) for w in data.relatives),
        national_team_words=[compile_pattern(p) for p in data.national_team_words],
        reserve_words=[compile_pattern(p) for p in data.reserve_words],
        reserve_nouns=[compile_pattern(p) for p in data.reserve_nouns],
        team_nouns=frozenset(fold(w) for w in data.team_nouns),
        demonyms={fold(w): country for w, country in data.demonyms.items()},
        home_team_words=frozenset(tuple(fold(w).split()) for w in data.home_team_words),
    )


def available_languages(directory: Path = LEXICON_DIR) -> list[str]:
    return sorted(p.stem for p in directory.glob("*.json"))


@lru_cache
def load_lexicon(lang: str, directory: Path = LEXICON_DIR) -> Lexicon:
    """The compiled lexicon of `lang`; ExtractError when there is none or it is malformed."""
    path = directory / f"{lang}.json"
    if not path.is_file():
        langs = ", ".join(available_languages(directory)) or "none"
        raise ExtractError(f"unsupported language {lang!r}: lexicons exist for {langs}")
    try:
        data = LexiconFile.model_validate(json.loads(path.read_text(encoding="utf-8")))
        lex = compile_lexicon(data)
    except (ValidationError, ValueError) as exc:
        raise ExtractError(f"the lexicon {path} is malformed: {exc}") from None
    # the press of one language names coaches of every country ("il ritorno di William X",
    # "encabezado por Domenec Y"): the first names of every lexicon are first names here too
    others = (_first_names_in(p) for p in directory.glob("*.json") if p != path)
    return replace(lex, first_names=lex.first_names.union(*others))


def _first_names_in(path: Path) -> frozenset[str]:
    """The `first_names` of another lexicon file (none when it cannot be read)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return frozenset()
    names = raw.get("first_names", []) if isinstance(raw, dict) else []
    return frozenset(fold(w) for w in names if isinstance(w, str))
