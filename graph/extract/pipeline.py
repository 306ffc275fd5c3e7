"""The extraction pipeline: article text → mentions → cues → claims (docs/extraction.md).

Deterministic and explainable: every claim comes from a cue of the language's lexicon found in
one sentence, bound to the nearest mentions of its clause (else of its sentence; else, for the
coach, the last coach the article spoke of).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from graph.domain import (
    NEEDS_FROM,
    MoveKind,
    MoveStatus,
    StatusFamily,
    TenureStatus,
    status_family,
)
from graph.domain.names import fold
from graph.extract.dates import header_date, header_end, parse_date, resolve
from graph.extract.errors import ExtractError
from graph.extract.gazetteer import Gazetteer
from graph.extract.lexicon import Lexicon, available_languages, load_lexicon
from graph.extract.matching import Hit, SentenceMatcher
from graph.extract.mentions import Found, find_mentions
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


# Which status cue wins when a clause holds several: negative, then positive, then rumour.
_FAMILY_RANK = {StatusFamily.negative: 2, StatusFamily.positive: 1, StatusFamily.rumoured: 0}


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


@dataclass
class _MoveMention:
    sentence: int
    clause: int
    kind: MoveKind
    coach: Found | None
    team: Found | None
    status: MoveStatus
    explicit: int  # 0 default, 1 from a cue or the trigger
    start: int
    end: int
    outlets: list[Ent] = field(default_factory=list)
    confidence: float = 0.5
    from_team: Ent | None = None
    target: Ent | None = None


@dataclass
class _TenureMention:
    coach: Found | None
    team: Found
    status: TenureStatus
    start: int
    end: int
    confidence: float
    end_date: str | None = None


@dataclass
class _InfluenceMention:
    person: Found
    polarity: str
    how: str
    start: int
    end: int
    move: _MoveMention
    confidence: float


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


class _Run:
    """One extraction: the article, its tokens, mentions and the claims found so far."""

    def __init__(self, text: str, gaz: Gazetteer, lex: Lexicon, date: str | None) -> None:
        self.text = text
        self.gaz = gaz
        self.lex = lex
        self.date = date
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

    # -- helpers ------------------------------------------------------------------------
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

    def _topic(self, s: Sentence) -> Found | None:
        before = [
            m
            for m in self.mentions
            if m.last <= s.first and m.kind == "person" and m.coach and m.first not in self.consumed
        ]
        if before:
            return before[-1]
        coaches = [m for m in self.mentions if m.kind == "person" and m.coach]
        if not coaches:
            return None
        counts = Counter(_key(_ent(m)) for m in coaches)
        return max(coaches, key=lambda m: counts[_key(_ent(m))])

    def _coach_for(self, s: Sentence, anchor: int, clause: int) -> tuple[Found | None, bool]:
        cands = [
            m
            for m in self._in_sentence(s)
            if m.kind == "person" and m.coach and m.first not in self.consumed
        ]
        same = [m for m in cands if self._clause(s, m.first) == clause]
        before = [m for m in same if m.first < anchor]
        if before:
            return before[-1], True
        chosen = self._nearest(same, anchor) or self._nearest(cands, anchor)
        if chosen is not None:
            return chosen, True
        return self._topic(s), False

    def _team_for(
        self,
        s: Sentence,
        anchor: int,
        clause: int,
        prefer_after: bool,
        whole_sentence: bool = False,
    ) -> Found | None:
        teams = [m for m in self._in_sentence(s) if m.kind == "team"]
        same = [m for m in teams if self._clause(s, m.first) == clause]
        found = self._nearest(same, anchor, prefer_after)
        if found is None and whole_sentence:
            found = self._nearest(teams, anchor, prefer_after)
        return found

    def _span(self, s: Sentence, clauses: set[int]) -> tuple[int, int]:
        toks = [k for k in range(s.first, s.last) if s.clauses[k - s.first] in clauses]
        return self.tokens[toks[0]].start, self.tokens[toks[-1]].end

    def _evidence(self, start: int, end: int) -> Evidence:
        return Evidence(start=start, end=end, text=self.text[start:end])

    # -- one sentence -------------------------------------------------------------------
    def sentence(self, s: Sentence) -> None:
        lex = self.lex

        def matcher() -> SentenceMatcher:
            return SentenceMatcher(
                self.text, self.tokens, s, self.mentions, self._mention_at(), lex
            )

        influence_hits = matcher().hits(lex.influences)
        for hit in influence_hits:
            if hit.slot is not None and hit.slot_mention is None:
                self._add_mention(hit.slot)
            if hit.slot is not None:
                self.consumed.add(hit.slot.first)
        cite_hits = matcher().hits(lex.citations_same + lex.citations_back + lex.citations_fixed)
        m = matcher()
        status_hits = m.hits(lex.status_cues)
        date_hits = m.hits(lex.relative_dates)
        triggers = m.hits(lex.triggers)
        tenure_hits = [
            h
            for h in m.hits(lex.tenure_cues)
            if all(h.end <= t.start or h.start >= t.end for t in triggers)
        ]
        outlets = self._outlets(cite_hits)
        date_rule = date_hits[0].cue.label if date_hits else None
        trigger_clauses = {t.clause for t in triggers}
        unbound = [h for h in status_hits if h.clause not in trigger_clauses]
        here: list[_MoveMention] = []
        for trig in triggers:
            move = self._move(s, trig, status_hits, unbound)
            if move is None:
                continue
            move.outlets = list(outlets)
            here.append(move)
        if outlets and not here:
            self.citations[s.index] = outlets
        for hit in tenure_hits:
            self._tenure(s, hit, triggers, date_rule)
        for hit in influence_hits:
            self._influence(s, hit, here)
        if date_rule == "season_end":
            for move in here:
                if move.kind in {"departure", "sacking"} and move.team is not None:
                    self._implied_end = resolve(date_rule, self.date)

    _implied_end: str | None = None

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
        self, trig: Hit, status_hits: list[Hit], unbound: list[Hit]
    ) -> tuple[MoveStatus, int]:
        same = [h for h in status_hits if h.clause == trig.clause]
        for pool in (same, None, unbound):
            if pool is None:
                if trig.cue.status is not None:
                    return trig.cue.status, 1
                continue
            if pool:
                best = max(
                    pool, key=lambda h: (_family_rank(h.cue.label), -abs(h.first - trig.first))
                )
                return MoveStatus(best.cue.label), 1
        return MoveStatus.rumoured, 0

    def _move(
        self, s: Sentence, trig: Hit, status_hits: list[Hit], unbound: list[Hit]
    ) -> _MoveMention | None:
        kind = MoveKind(trig.cue.label)
        anchor = self.tokens_of_hit(s, trig)
        team = self._team_for(s, anchor, trig.clause, prefer_after=kind == "appointment")
        coach, explicit_coach = self._coach_for(s, anchor, trig.clause)
        if coach is None:
            return None
        status, explicit = self._status(trig, status_hits, unbound)
        clauses = {trig.clause}
        if team is not None:
            clauses.add(self._clause(s, team.first))
        start, end = self._span(s, set(range(min(clauses), max(clauses) + 1)))
        confidence = 0.5 + (0.2 if team is not None else 0) + (0.15 if explicit else 0)
        confidence += 0.1 if explicit_coach else 0
        move = _MoveMention(
            s.index,
            trig.clause,
            kind,
            coach,
            team,
            status,
            explicit,
            start,
            end,
            confidence=round(min(confidence, 0.95), 2),
        )
        if team is None and kind == "appointment":
            self.pending.append(move)
            return move
        self.moves.append(move)
        return move

    def tokens_of_hit(self, s: Sentence, hit: Hit) -> int:
        """The token index where a hit starts."""
        for k in range(s.first, s.last):
            if self.tokens[k].start == hit.start:
                return k
        return s.first

    def _tenure(self, s: Sentence, hit: Hit, triggers: list[Hit], date_rule: str | None) -> None:
        anchor = self.tokens_of_hit(s, hit)
        team = self._team_for(s, anchor, hit.clause, prefer_after=True, whole_sentence=True)
        if team is None:
            return
        targets = {
            t.first
            for trig in triggers
            if trig.cue.label == "appointment"
            and (
                t := self._team_for(s, self.tokens_of_hit(s, trig), trig.clause, prefer_after=True)
            )
            is not None
        }
        if team.first in targets:
            return
        if hit.slot is not None and hit.slot.kind == "person":
            coach: Found | None = hit.slot
            explicit = True
        else:
            coach, explicit = self._coach_for(s, anchor, hit.clause)
        if coach is None:
            return
        clauses = {hit.clause, self._clause(s, team.first)}
        start, end = self._span(s, set(range(min(clauses), max(clauses) + 1)))
        end_date = resolve(date_rule, self.date) if date_rule and hit.cue.label == "past" else None
        status = TenureStatus(hit.cue.label)
        self.tenures.append(
            _TenureMention(coach, team, status, start, end, 0.85 if explicit else 0.7, end_date)
        )

    def _influence(self, s: Sentence, hit: Hit, here: list[_MoveMention]) -> None:
        if hit.slot is None:
            return
        pool = here
        confidence = 0.8
        if not pool:
            pool = [m for m in self.moves + self.pending if m.sentence == s.index - 1]
            confidence = 0.6
        if not pool:
            return
        move = min(pool, key=lambda m: (m.clause != hit.clause, abs(m.start - hit.start)))
        self.influences.append(
            _InfluenceMention(
                hit.slot, hit.cue.label, hit.cue.phrase, hit.start, hit.end, move, confidence
            )
        )

    # -- the whole article --------------------------------------------------------------
    def finish(self) -> tuple[list[TenureClaim], list[MoveClaim], list[InfluenceClaim]]:
        for index, outlets in self.citations.items():
            for near in (index - 1, index + 1):
                targets = [m for m in self.moves + self.pending if m.sentence == near]
                if targets:
                    for move in targets:
                        move.outlets += [
                            o for o in outlets if _key(o) not in map(_key, move.outlets)
                        ]
                    break
        current: dict[str, Ent] = {}
        for t in self.tenures:
            if t.status == "current":
                current.setdefault(_key(_ent(t.coach)), _ent(t.team))  # type: ignore[arg-type]
        for move in self.moves:
            if move.kind != "appointment" and move.team is not None:
                current.setdefault(_key(_ent(move.coach)), _ent(move.team))  # type: ignore[arg-type]
        kept: list[_MoveMention] = []
        for move in self.moves:
            coach_key = _key(_ent(move.coach))
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
                if move.from_team is None and move.kind != "retirement":
                    continue
            kept.append(move)
        groups: dict[tuple[str, str, str], list[_MoveMention]] = defaultdict(list)
        for move in kept:
            target = move.target if move.kind == "appointment" else move.from_team
            groups[(_key(_ent(move.coach)), move.kind, _key(target))].append(move)
        by_mention = self._attach_pending(groups)
        claims: dict[int, MoveClaim] = {}
        for key, group in groups.items():
            claims[id(group[0])] = self._merge(group)
            for move in group:
                by_mention[id(move)] = key
        moves = [claims[id(g[0])] for g in groups.values()]
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
            coach_key = _key(_ent(pending.coach))
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
            positive = status_family(move.status) is StatusFamily.positive
            if move.kind in NEEDS_FROM:
                status = TenureStatus.ended if positive else TenureStatus.current
                end = self._implied_end if not positive else None
            elif move.kind is MoveKind.appointment and positive:
                status, end = TenureStatus.starting, None
            else:
                continue
            mentions.append(
                _TenureMention(move.coach, move.team, status, move.start, move.end, 0.6, end)
            )
        out: dict[tuple[str, str], TenureClaim] = {}
        for t in mentions:
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
                status=t.status,
                end=t.end_date,
                evidence=self._evidence(t.start, t.end),
                confidence=t.confidence,
            )
        return list(out.values())

    def _influence_claims(
        self,
        groups: dict[tuple[str, str, str], list[_MoveMention]],
        by_mention: dict[int, tuple[str, str, str]],
    ) -> list[InfluenceClaim]:
        out: dict[tuple[str, tuple[str, str, str]], InfluenceClaim] = {}
        for inf in self.influences:
            key = by_mention.get(id(inf.move))
            if key is None:
                continue
            group = groups[key]
            person = _ent(inf.person)
            coach = _ent(group[0].coach)
            assert person is not None and coach is not None
            if _key(person) == _key(coach):
                continue
            ref = MoveRef(
                coach=coach, to=group[0].target, kind=group[0].kind, from_=group[0].from_team
            )
            out.setdefault(
                (_key(person), key),
                InfluenceClaim(
                    person=person,
                    move=ref,
                    polarity=inf.polarity,
                    how=inf.how,
                    evidence=self._evidence(inf.start, inf.end),
                    confidence=inf.confidence,
                ),
            )
        return list(out.values())


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
