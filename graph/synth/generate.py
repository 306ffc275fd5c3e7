"""A deterministic synthetic graph in the seeds format (docs/seed-format.md).

The generator simulates coaching at every team from 1990 to mid-2025, event by event: a vacancy
is filled by a head coach (picked from the coaches free at that moment, favouring reputation, so
club counts are long-tailed) or first by a caretaker; spell lengths are log-normal (long tail);
a coach holds one job at a time and each team has one coach in charge at a time, so successions
never overlap. Around the appointments it writes moves: rumours that materialise (a later tenure
of that coach at that team), rumours that collapse or are denied, sackings and departures, each
reported in articles (whose texts contain every quote used as evidence) by outlets, some with
influencers pushing for or against them.

Rows are written as they are produced (one open CSV writer per kind); the generator keeps only
per-coach and per-team state, a few open articles and the id counters — never the rows.
"""

from __future__ import annotations

import csv
import heapq
import math
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TextIO

from graph.domain.names import fold
from graph.loader.records import RECORD_TYPES
from graph.synth import names as pools

START = date(1990, 7, 1)
END = date(2025, 6, 30)
_DAY = timedelta(days=1)

#: The seeds format's columns, kind by kind, in write order (graph/loader/records.py).
COLUMNS: dict[str, tuple[str, ...]] = {t.kind: t.columns for t in RECORD_TYPES}


@dataclass(frozen=True)
class Size:
    """How big a synthetic graph is; tenures, moves and articles follow from the simulation.

    The rates are tuned so that each size lands near the issue's row counts (about 5 tenure rows
    per coach, 2 moves and 1 article per 5 tenure rows).
    """

    coaches: int
    teams: int
    outlets: int
    spell_scale: float  # multiplies head-spell lengths (more teams per coach: longer spells)
    assistant: float  # chance a coach starts as an assistant
    rumour: float  # chance a head appointment comes with an unrelated rumour
    quota: tuple[int, ...]  # sentences an article collects before it is written


SIZES: dict[str, Size] = {
    "tiny": Size(60, 20, 6, 1.0, 0.3, 0.12, (3, 4, 5, 6, 7, 8)),
    "S": Size(1_000, 300, 30, 1.0, 0.3, 0.12, (3, 4, 5, 6, 7, 8)),
    "M": Size(10_000, 2_000, 100, 0.8, 0.5, 0.3, (3, 4, 5, 5, 6, 7)),
    "L": Size(50_000, 8_000, 300, 0.65, 0.6, 0.3, (4, 5, 6, 6, 7, 8)),
}


def slug(text: str) -> str:
    return fold(text).replace(" ", "-")


def _fmt(day: date, precision: str) -> str:
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _precision(team: int, year: int) -> str:
    """How precisely a team's tenures starting in `year` are dated: older ones less precisely.

    One precision per team and year, so that a short spell written as `1993` never seems to
    start after its successor (written `1993-05`) in the loader's overlap check.
    """
    r = (team * 7919 + year * 104729) % 100
    if year < 2000:
        return "year" if r < 40 else "month" if r < 70 else "day"
    return "month" if r < 10 else "day"


@dataclass
class _Article:
    id: str
    outlet: int
    day: date
    lang: str
    quota: int
    sentences: list[str] = field(default_factory=list)


@dataclass
class Counts:
    """Rows written per kind, and the article text files."""

    rows: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COLUMNS, 0))
    text_files: int = 0


class Generator:
    """One run of the simulation, writing into `out` (see the module docstring)."""

    _RING = 3  # articles open at once: a move's reports land in distinct articles

    def __init__(self, size: Size, seed: int, out: Path) -> None:
        self.size = size
        self.rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
        self.out = out
        self.counts = Counts()
        self._handles: dict[str, TextIO] = {}
        self._writers: dict[str, Any] = {}
        self._ring: list[_Article | None] = [None] * self._RING
        self._ring_base = 0
        self._article_n = 0
        self._seq = 0

    # -- output ------------------------------------------------------------------------------
    def _open(self) -> None:
        self.out.mkdir(parents=True, exist_ok=True)
        for kind, cols in COLUMNS.items():
            handle = (self.out / f"{kind}.csv").open("w", encoding="utf-8", newline="")
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(cols)
            self._handles[kind] = handle
            self._writers[kind] = writer

    def _close(self) -> None:
        for handle in self._handles.values():
            handle.close()

    def _row(self, kind: str, *values: object) -> None:
        self._writers[kind].writerow(values)
        self.counts.rows[kind] += 1

    # -- entities ----------------------------------------------------------------------------
    def run(self) -> Counts:
        self._open()
        try:
            self._outlets()
            self._people()
            self._teams()
            self._roles()
            self._simulate()
            for slot in range(self._RING):
                self._flush(slot)
        finally:
            self._close()
        return self.counts

    def _unique(self, seen: dict[str, int], base: str) -> str:
        n = seen.get(base, 0) + 1
        seen[base] = n
        return base if n == 1 else f"{base}-{n}"

    def _outlets(self) -> None:
        rng, seen = self.rng, dict[str, int]()
        self.outlet_ids: list[str] = []
        self.outlet_names: list[str] = []
        for _ in range(self.size.outlets):
            city = rng.choice(pools.CITIES)
            name = rng.choice(pools.OUTLET_FORMS).format(city=city)
            ident = self._unique(seen, slug(name))
            if ident != slug(name):
                name = f"{name} {ident.rsplit('-', 1)[1]}"
            self.outlet_ids.append(ident)
            self.outlet_names.append(name)
            self._row(
                "outlets", ident, name, "", rng.choice(pools.COUNTRIES), f"https://{ident}.example"
            )
        self._row(
            "sources",
            "dataset-synth",
            "dataset",
            "Synthetic coaching dataset",
            "2025",
            "",
            "",
            "",
            "coachgraph synth",
            "",
        )

    def _people(self) -> None:
        rng, size, seen = self.rng, self.size, dict[str, int]()
        n_exec = max(8, size.coaches // 8)
        self.coach_ids: list[str] = []
        self.coach_names: list[str] = []
        self.exec_ids: list[str] = []
        self.exec_names: list[str] = []
        # A coach's reputation is Pareto-distributed, their career log-normal: both long-tailed.
        self.rep = [rng.paretovariate(1.3) for _ in range(size.coaches)]
        self.career_start: list[date] = []
        self.career_end: list[date] = []
        for i in range(size.coaches + n_exec):
            first, last = rng.choice(pools.FIRST_NAMES), rng.choice(pools.LAST_NAMES)
            name = f"{first} {last}"
            ident = self._unique(seen, slug(name))
            coach = i < size.coaches
            if coach:
                begin = date(rng.randint(1972, 2021), rng.randint(1, 12), 1)
                years = min(40.0, rng.lognormvariate(math.log(14), 0.55))
                self.career_start.append(begin)
                self.career_end.append(begin + timedelta(days=int(years * 365)))
                self.coach_ids.append(ident)
                self.coach_names.append(name)
                roles = "coach|player" if rng.random() < 0.4 else "coach"
                born = begin - timedelta(days=rng.randint(30 * 365, 45 * 365))
            else:
                self.exec_ids.append(ident)
                self.exec_names.append(name)
                roles = "executive"
                born = date(rng.randint(1935, 1985), rng.randint(1, 12), rng.randint(1, 28))
            precision = "day" if rng.random() < 0.85 else "year"
            wikidata = f"Q{1_000_000 + i}" if rng.random() < 0.3 else ""
            self._row(
                "people",
                ident,
                name,
                roles,
                last if rng.random() < 0.7 else "",
                _fmt(born, precision),
                rng.choice(pools.COUNTRIES),
                wikidata,
                "dataset-synth" if rng.random() < 0.1 else "",
            )

    def _teams(self) -> None:
        rng, seen = self.rng, dict[str, int]()
        self.team_ids: list[str] = []
        self.team_names: list[str] = []
        n_national = min(len(pools.COUNTRIES), max(1, self.size.teams // 20))
        for i in range(self.size.teams):
            if i < n_national:
                country = pools.COUNTRIES[i]
                name, kind, alias = f"{country} national team", "national", country
            else:
                city = rng.choice(pools.CITIES)
                name = rng.choice(pools.CLUB_FORMS).format(city=city)
                kind, alias, country = "club", city, rng.choice(pools.COUNTRIES)
            ident = self._unique(seen, slug(name))
            if ident != slug(name):
                name = f"{name} {ident.rsplit('-', 1)[1]}"
            self.team_ids.append(ident)
            self.team_names.append(name)
            ref = f"ref-{ident}-history"
            self._row(
                "sources",
                ref,
                "reference",
                f"{name}: history and coaches",
                "",
                "",
                f"https://archive.example/teams/{ident}",
                "",
                "Synthetic Football Archive",
                "",
            )
            wikidata = f"Q{5_000_000 + i}" if rng.random() < 0.4 else ""
            self._row("teams", ident, name, kind, alias, country, wikidata, ref)

    def _roles(self) -> None:
        rng = self.rng
        for t, team in enumerate(self.team_ids):
            year = rng.randint(1985, 2005)
            for k in range(rng.choice((1, 1, 2, 3))):
                person = rng.randrange(len(self.exec_ids))
                role = rng.choice(pools.EXEC_ROLES)
                span = rng.randint(2, 15)
                end = "" if year + span > 2025 else str(year + span)
                self._row(
                    "roles",
                    f"{self.exec_ids[person]}-{team}-{k + 1}",
                    self.exec_ids[person],
                    team,
                    role,
                    str(year),
                    end,
                    f"ref-{team}-history",
                    f"{self.exec_names[person]}, {role} of {self.team_names[t]} (paraphrase)",
                )
                if not end:
                    break
                year += span

    # -- articles ----------------------------------------------------------------------------
    def _article(self, slot: int, when: date) -> _Article:
        index = (self._ring_base + slot) % self._RING
        art = self._ring[index]
        if art is not None and abs((art.day - when).days) > 90:
            self._flush(index)
            art = None
        if art is None:
            self._article_n += 1
            lang = self.rng.choices(("en", "it", "es"), weights=(6, 3, 2))[0]
            art = _Article(
                id=f"article-{self._article_n:07d}",
                outlet=self.rng.randrange(len(self.outlet_ids)),
                day=when,
                lang=lang,
                quota=self.rng.choice(self.size.quota),
            )
            self._ring[index] = art
        return art

    def _say(self, art: _Article, sentence: str) -> str:
        art.sentences.append(sentence)
        return sentence

    def _advance_ring(self) -> None:
        """Flush the articles that are full; then rotate, so the next move starts elsewhere."""
        for index, art in enumerate(self._ring):
            if art is not None and len(art.sentences) >= art.quota:
                self._flush(index)
        self._ring_base = (self._ring_base + 1) % self._RING

    def _flush(self, index: int) -> None:
        art = self._ring[index]
        self._ring[index] = None
        if art is None:
            return
        rng = self.rng
        fillers = pools.FILLER[art.lang]
        parts: list[str] = []
        for sentence in art.sentences:
            parts.append(sentence)
            if rng.random() < 0.6:
                parts.append(rng.choice(fillers))
        paragraphs = [" ".join(parts[i : i + 3]) for i in range(0, len(parts), 3)]
        text = f" date {art.day:%Y-%m}\n\n" + "\n\n".join(paragraphs) + "\n"
        n = int(art.id.rsplit("-", 1)[1])
        rel = Path("texts") / f"{n // 1000:04d}" / f"{art.id}.txt"
        path = self.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        self.counts.text_files += 1
        title = art.sentences[0].rstrip(".")[:120]
        self._row(
            "sources",
            art.id,
            "article",
            title,
            art.day.isoformat(),
            art.lang,
            "",
            self.outlet_ids[art.outlet],
            "",
            rel.as_posix(),
        )

    # -- moves -------------------------------------------------------------------------------
    def _move(
        self,
        coach: int,
        kind: str,
        status: str,
        from_team: int,
        to_team: int,
        when: date,
        reports: list[str],
    ) -> None:
        """A move and its reports (one per status in `reports`, in distinct articles)."""
        rng = self.rng
        self.move_n[coach] += 1
        coach_id, coach_name = self.coach_ids[coach], self.coach_names[coach]
        move_id = f"{coach_id}-{kind}-{self.move_n[coach]}"
        team = to_team if to_team >= 0 else from_team
        team_name = self.team_names[team]
        first: tuple[str, str] | None = None
        day = when
        for slot, said in enumerate(reports):
            art = self._article(slot, day)
            cited = rng.random()
            if cited < 0.6:
                outlet, outlet_name = self.outlet_ids[art.outlet], self.outlet_names[art.outlet]
            elif cited < 0.85:
                other = rng.randrange(len(self.outlet_ids))
                outlet, outlet_name = self.outlet_ids[other], self.outlet_names[other]
            else:
                outlet, outlet_name = "", "The press"
            if kind == "appointment":
                template = pools.RUMOUR[art.lang]
            elif kind == "sacking":
                template = pools.SACKED[art.lang]
            else:
                template = pools.LEAVING[art.lang]
            quote = self._say(
                art, template.format(outlet=outlet_name, coach=coach_name, team=team_name)
            )
            self._row("move_reports", move_id, art.id, outlet, art.day.isoformat(), said, quote)
            if first is None:
                first = (art.id, quote)
                if kind == "appointment" and rng.random() < 0.3:
                    self._influences(art, move_id, coach_name, team_name)
            day = day + timedelta(days=rng.randint(1, 15))
        assert first is not None
        self._row(
            "moves",
            move_id,
            coach_id,
            self.team_ids[from_team] if from_team >= 0 else "",
            self.team_ids[to_team] if to_team >= 0 else "",
            kind,
            status,
            "",
            "",
            first[0],
            first[1],
        )
        self._advance_ring()

    def _influences(self, art: _Article, move_id: str, coach_name: str, team_name: str) -> None:
        rng = self.rng
        people = rng.sample(range(len(self.exec_ids)), k=rng.choice((1, 1, 2)))
        for person in people:
            polarity = "for" if rng.random() < 0.7 else "against"
            how = rng.choice(pools.HOW_FOR if polarity == "for" else pools.HOW_AGAINST)
            templates = pools.INFLUENCE_FOR if polarity == "for" else pools.INFLUENCE_AGAINST
            template = templates[art.lang]
            quote = self._say(
                art,
                template.format(
                    person=self.exec_names[person], how=how, coach=coach_name, team=team_name
                ),
            )
            self._row("influences", self.exec_ids[person], move_id, polarity, how, art.id, quote)

    # -- the simulation ----------------------------------------------------------------------
    def _simulate(self) -> None:
        rng, size = self.rng, self.size
        n = size.coaches
        self.move_n = [0] * n
        self.tenure_n = [0] * n
        self.last_team = [-1] * n
        pool: list[int] = []
        pos = [-1] * n
        # When each coach is next free to take a job (career start, or the end of a spell).
        free_at: list[tuple[date, int]] = [
            (max(START, s), c) for c, s in enumerate(self.career_start)
        ]
        heapq.heapify(free_at)
        assisted = [False] * n
        vacancies: list[tuple[date, int, int]] = []
        for team in range(size.teams):
            self._seq += 1
            first = START + timedelta(days=rng.randint(0, 3 * 365))
            vacancies.append((first, self._seq, team))
        heapq.heapify(vacancies)
        in_charge = [-1] * size.teams  # the last head coach (for sackings)
        spell_days = [0] * size.teams
        caretaker_next = [False] * size.teams

        def add(c: int) -> None:
            pos[c] = len(pool)
            pool.append(c)

        def remove(c: int) -> None:
            i, last = pos[c], pool[-1]
            pool[i], pos[last] = last, i
            pool.pop()
            pos[c] = -1

        def pick(now: date, tournament: int) -> int:
            while pool:
                best = -1
                for _ in range(tournament):
                    c = pool[rng.randrange(len(pool))]
                    if self.career_end[c] < now:
                        remove(c)
                        best = -1
                        break
                    if best < 0 or self.rep[c] > self.rep[best]:
                        best = c
                if best >= 0:
                    remove(best)
                    return best
            return -1

        while vacancies:
            now, _, team = heapq.heappop(vacancies)
            if now >= END:
                continue
            while free_at and free_at[0][0] <= now:
                _, c = heapq.heappop(free_at)
                if self.career_end[c] < now:
                    continue
                if not assisted[c] and rng.random() < size.assistant:
                    assisted[c] = True
                    end = self._assistant(c, now)
                    heapq.heappush(free_at, (end, c))
                    continue
                add(c)
            previous = in_charge[team]
            if previous >= 0 and not caretaker_next[team]:
                self._departure(previous, team, now, spell_days[team])
            if previous >= 0 and not caretaker_next[team] and rng.random() < 0.3:
                c = pick(now, 1)
                role = "caretaker"
                days = rng.randint(14, 120)
            else:
                c = pick(now, 3)
                role = "head"
                days = int(min(15 * 365, rng.lognormvariate(math.log(900), 0.7)) * size.spell_scale)
                days = max(days, 45)
            if c < 0:  # nobody free: the post stays vacant a month
                self._seq += 1
                heapq.heappush(vacancies, (now + timedelta(days=30), self._seq, team))
                continue
            end = now + timedelta(days=days)
            if role == "head":
                self._appointment(c, team, now)
                in_charge[team], spell_days[team] = c, days
            caretaker_next[team] = role == "caretaker"
            self._tenure(c, team, role, now, end)
            self.last_team[c] = team
            if end < END:
                heapq.heappush(free_at, (end, c))
                self._seq += 1
                heapq.heappush(vacancies, (end, self._seq, team))
            if role == "head" and rng.random() < size.rumour:
                self._rumour(now)

    def _appointment(self, c: int, team: int, now: date) -> None:
        """A head appointment: sometimes rumoured first (a rumour that materialises)."""
        if self.rng.random() < 0.2:
            when = now - timedelta(days=self.rng.randint(10, 150))
            reports = ["rumoured", "confirmed", "completed"][: self.rng.choice((1, 2, 2, 3))]
            self._move(c, "appointment", "completed", self.last_team[c], team, when, reports)

    def _departure(self, c: int, team: int, now: date, days: int) -> None:
        rng = self.rng
        if days < 400 and rng.random() < 0.5:
            self._move(c, "sacking", "completed", team, -1, now, ["completed"])
        elif rng.random() < 0.12:
            when = now - timedelta(days=rng.randint(20, 120))
            self._move(c, "departure", "completed", team, -1, when, ["rumoured", "completed"])

    def _rumour(self, now: date) -> None:
        """A rumour that does not materialise (or not yet)."""
        rng = self.rng
        c = max((rng.randrange(self.size.coaches) for _ in range(2)), key=self.rep.__getitem__)
        team = rng.randrange(self.size.teams)
        if team == self.last_team[c]:
            return
        recent = now > date(2024, 6, 1)
        status = (
            rng.choice(("rumoured", "rumoured"))
            if recent
            else rng.choice(("collapsed", "denied", "collapsed"))
        )
        reports = ["rumoured"] * rng.choice((1, 1, 2, 3))
        if status != "rumoured":
            reports[-1] = status
        self._move(c, "appointment", status, self.last_team[c], team, now, reports)

    def _assistant(self, c: int, now: date) -> date:
        rng = self.rng
        team = rng.randrange(self.size.teams)
        end = now + timedelta(days=rng.randint(300, 1100))
        self._tenure(c, team, "assistant", now, end)
        return end

    def _tenure(self, c: int, team: int, role: str, start: date, end: date) -> None:
        rng = self.rng
        self.tenure_n[c] += 1
        coach_id, team_id = self.coach_ids[c], self.team_ids[team]
        ident = f"{coach_id}-{team_id}-{self.tenure_n[c]}"
        precision = _precision(team, start.year)
        start_text = _fmt(start, precision)
        end_text = "" if end >= END else _fmt(end, precision)
        contract = ""
        if role == "head" and rng.random() < 0.4:
            contract = str(start.year + rng.choice((1, 2, 3)))
        self._row(
            "tenures",
            ident,
            coach_id,
            team_id,
            role,
            start_text,
            end_text,
            contract,
            f"ref-{team_id}-history",
            f"{self.coach_names[c]}: {role} coach, {start_text}–{end_text or 'present'} "
            "(paraphrase)",
        )
        if rng.random() < 0.1:  # a second source; sometimes it disagrees about the start
            disputed = rng.random() < 0.15
            claim_start = str(start.year - 1) if disputed else start_text
            self._row(
                "tenures",
                ident,
                coach_id,
                team_id,
                role,
                claim_start,
                end_text,
                "",
                "dataset-synth",
                "",
            )
        if role == "head" and rng.random() < 0.05:  # an article reporting the appointment
            art = self._article(0, start)
            quote = self._say(
                art,
                pools.APPOINTED[art.lang].format(
                    coach=self.coach_names[c], team=self.team_names[team], date=start.isoformat()
                ),
            )
            self._row(
                "tenures",
                ident,
                coach_id,
                team_id,
                role,
                start.isoformat(),
                "",
                "",
                art.id,
                quote,
            )
            self._advance_ring()


def generate(size: str | Size, seed: int, out: Path) -> Counts:
    """Write a synthetic graph of `size` (S, M, L, tiny) into the folder `out`.

    Raises:
        KeyError: an unknown size name.
    """
    spec = SIZES[size] if isinstance(size, str) else size
    return Generator(spec, seed, out).run()
