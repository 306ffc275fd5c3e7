"""Ingest: extract an article and load it, with its claims, through the loader in one
transaction (graph/loader/atomic.py).

The claims become seeds-format rows in a temporary folder: a `sources.csv` row for the article
(kind article, its text file), then tenures, moves, move_reports and influences rows whose
evidence is the claim's quote. Ids are stable: the article is `article-<sha256(text)[:16]>`
(or the id of an Article already holding the same text); a claim reuses the Tenure or Move the
graph already has for it, else gets `<coach>-<team>-<digest>` from the article hash and the
claim. Claims this article already makes in the graph are not written again, so re-ingesting
changes nothing. Claims about entities the graph does not know are skipped unless
`create_new` is set, which creates those people, teams and outlets first; without it every
unknown entity the article names is kept in the result as a candidate to confirm, with the
claims that wait for it — never dropped silently.
"""

from __future__ import annotations

import csv
import hashlib
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from neo4j import Driver

from graph.domain.dates import PartialDate
from graph.domain.names import fold
from graph.extract.errors import ExtractError
from graph.extract.gazetteer import Gazetteer, from_graph
from graph.extract.pipeline import extract
from graph.extract.queries import (
    ARTICLE_BY_TEXT,
    EXISTING_CLAIMS,
    EXISTING_ENTITIES,
    INFLUENCES_OF_PAIRS,
    MOVES_OF,
    TENURES_OF,
)
from graph.extract.schema import Ent, Extraction, InfluenceClaim, MoveClaim
from graph.loader.atomic import load_atomic
from graph.loader.records import BY_KIND

_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass
class Candidate:
    """An entity the article names that the graph does not know: to confirm (and create with
    `create_new`), with the claims that wait for it."""

    name: str
    kind: str  # person, team or outlet
    coach: bool = False  # a claim has it coach a team
    mentions: list[str] = field(default_factory=list)  # how the article writes it
    claims: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "coach": self.coach,
            "mentions": self.mentions,
            "claims": self.claims,
        }


@dataclass
class IngestResult:
    """What an ingest extracted, wrote and left out."""

    article_id: str
    extraction: Extraction
    new_article: bool
    rows: dict[str, int] = field(default_factory=dict)
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def wrote(self) -> bool:
        """Whether this ingest changed the graph (a re-ingest writes nothing)."""
        return bool(self.created or self.updated)

    def to_json(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "new_article": self.new_article,
            "wrote": self.wrote,
            "written": {"rows": self.rows, "created": self.created, "updated": self.updated},
            "skipped": self.skipped,
            "candidates": [c.to_json() for c in self.candidates],
            "extraction": self.extraction.to_json(),
        }


def normalise_newlines(text: str) -> str:
    """Line ends as the loader reads an article file (universal newlines): `\n` only."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_article(path: Path) -> str:
    """An article file's text (UTF-8); ExtractError for a missing, non-UTF-8 or empty file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ExtractError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ExtractError(f"{path} is not UTF-8 text (byte {exc.start}: {exc.reason})") from None
    text = normalise_newlines(text.removeprefix("\ufeff"))
    if not text.strip():
        raise ExtractError(f"{path} is empty")
    return text


def article_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def slug(name: str) -> str:
    return _SLUG.sub("-", fold(name)).strip("-") or "unnamed"


def _digest(*parts: str) -> str:
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:8]  # noqa: S324 - an id


def _title(text: str, title: str | None) -> str:
    if title:
        return title.strip()
    body = re.sub(r"^\s*date\s+\d{4}(-\d{2}){0,2}\s*", "", text)
    first = next((line.strip() for line in body.splitlines() if line.strip()), "article")
    return first if len(first) <= 120 else first[:117].rstrip() + "…"


def _day(value: str | None) -> PartialDate | None:
    return PartialDate.parse(value) if value else None


class _Plan:
    """The rows one ingest will write, and why some claims are left out."""

    def __init__(
        self,
        driver: Driver,
        database: str,
        extraction: Extraction,
        text: str,
        article_id: str,
        create_new: bool,
    ) -> None:
        self.driver = driver
        self.database = database
        self.x = extraction
        self.text = text
        self.article_id = article_id
        self.hash = article_hash(text)
        self.create_new = create_new
        self.rows: dict[str, list[dict[str, str]]] = {k: [] for k in BY_KIND}
        self.skipped: list[str] = []
        self.date = _day(extraction.article.date)
        self._new_entities: dict[str, str] = {}  # key → id of an entity to create
        self._known: set[str] = set()
        self.candidates: dict[str, Candidate] = {}
        existing = self._read(EXISTING_CLAIMS, source=article_id)
        first = existing[0] if existing else {}
        self.have_tenures = set(first.get("tenures", []))
        self.have_moves = set(first.get("moves", []))
        self.have_reports = {(m, o or "") for m, o in first.get("reports", [])}
        self.have_influences: set[tuple[str, str]] = set()  # filled by influences()

    def _read(self, query: Any, **params: Any) -> list[dict[str, Any]]:
        records, _, _ = self.driver.execute_query(
            query, params, database_=self.database, routing_="r"
        )
        return [r.data() for r in records]

    # -- entities -------------------------------------------------------------------------
    def candidate(self, ent: Ent | None, kind: str, coach: bool = False, claim: str = "") -> None:
        """Keep an unknown entity a claim needs as a candidate to confirm."""
        if ent is None or ent.id is not None or self.create_new:
            return
        key = f"{kind}:{fold(ent.name)}"
        found = self.candidates.setdefault(key, Candidate(ent.name, kind))
        found.coach = found.coach or coach
        if claim and claim not in found.claims:
            found.claims.append(claim)

    def unresolved_mentions(self) -> None:
        """Every unknown name of the article is a candidate, a claim waiting for it or not."""
        for u in self.x.unresolved:
            key = f"{u.kind_guess}:{fold(u.text)}"
            match = next(
                (
                    c
                    for k, c in self.candidates.items()
                    if k == key
                    or (
                        c.kind == u.kind_guess
                        and fold(c.name).split()[-1:] == fold(u.text).split()[-1:]
                    )
                ),
                None,
            )
            if match is None and not self.create_new:
                match = self.candidates.setdefault(key, Candidate(u.text, u.kind_guess))
            if match is not None and u.text not in match.mentions:
                match.mentions.append(u.text)

    def entity(self, ent: Ent | None, kind: str, coach: bool = False) -> str | None:
        """The graph id of an entity of a claim; with create_new, a new one's id."""
        if ent is None:
            return None
        if ent.id is not None:
            return ent.id
        if not self.create_new:
            return None
        key = f"{kind}:{fold(ent.name)}"
        if key in self._new_entities:
            return self._new_entities[key]
        ident = slug(ent.name)
        self._new_entities[key] = ident
        found = self._read(EXISTING_ENTITIES, ids=[ident])
        if found and found[0]["exists"]:
            return ident
        if kind == "person":
            self.rows["people"].append(
                {
                    "id": ident,
                    "name": ent.name,
                    "roles": "coach" if coach else "",
                    "source": self.article_id,
                }
            )
        elif kind == "team":
            self.rows["teams"].append(
                {"id": ident, "name": ent.name, "kind": "club", "source": self.article_id}
            )
        else:
            self.rows["outlets"].append({"id": ident, "name": ent.name})
        return ident

    # -- claims ---------------------------------------------------------------------------
    def tenures(self) -> None:
        pairs = []
        claims = []
        for t in self.x.tenures:
            coach, team = self.entity(t.coach, "person", True), self.entity(t.team, "team")
            if coach is None or team is None:
                claim = f"tenure {t.coach.name} at {t.team.name}"
                self.skipped.append(f"{claim}: unknown entity")
                self.candidate(t.coach, "person", True, claim)
                self.candidate(t.team, "team", False, claim)
                continue
            pairs.append({"coach": coach, "team": team})
            claims.append((t, coach, team))
        known: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for rec in self._read(TENURES_OF, pairs=pairs) if pairs else []:
            known.setdefault((rec["coach"], rec["team"]), []).append(rec)
        for t, coach, team in claims:
            ident = self._pick_tenure(known.get((coach, team), []), t.status)
            ident = ident or f"{coach}-{team}-{_digest(self.hash, coach, team)}"
            if ident in self.have_tenures:
                continue
            self.have_tenures.add(ident)
            ended = t.status in {"past", "ended"}
            self.rows["tenures"].append(
                {
                    "id": ident,
                    "coach": coach,
                    "team": team,
                    "role": t.role,
                    "start": t.start or "",
                    "end": (t.end or "") if ended else "",
                    "source": self.article_id,
                    "evidence": t.evidence.text,
                }
            )

    def _pick_tenure(self, options: list[dict[str, Any]], status: str) -> str | None:
        if not options:
            return None
        if len(options) == 1 or self.date is None:
            return str(options[0]["id"])
        day = self.date.earliest
        if status in {"current", "ended"}:
            for o in options:
                if (o["start_date"] is None or o["start_date"] <= day) and (
                    o["end_date"] is None or o["end_date"] >= day
                ):
                    return str(o["id"])
        ended = [o for o in options if o["end_date"] is not None and o["end_date"] <= day]
        if ended:
            return str(max(ended, key=lambda o: o["end_date"])["id"])
        return str(options[0]["id"])

    def moves(self) -> dict[tuple[str, str, str], str]:
        """Write moves and reports; returns (coach, kind, target) → move id for influences."""
        by_key: dict[tuple[str, str, str], str] = {}
        coaches = sorted({m.coach.id for m in self.x.moves if m.coach.id})
        known = self._read(MOVES_OF, coaches=coaches) if coaches else []
        for m in self.x.moves:
            coach = self.entity(m.coach, "person", True)
            to = self.entity(m.to, "team")
            frm = self.entity(m.from_, "team")
            target = to if m.kind == "appointment" else frm
            if coach is None or (m.kind != "retirement" and target is None):
                where = m.to if m.kind == "appointment" else m.from_
                claim = f"{m.kind} of {m.coach.name}" + (f" ({where.name})" if where else "")
                why = "unknown entity" if where is not None or coach is None else "no team named"
                self.skipped.append(f"{claim}: {why}")
                self.candidate(m.coach, "person", True, claim)
                self.candidate(where, "team", False, claim)
                continue
            ident = self._pick_move(known, coach, m, to, frm)
            if ident is None:
                digest = _digest(self.hash, coach, m.kind, target or "")
                ident = f"{coach}-{m.kind}-{target or 'none'}-{digest}"
                if ident not in self.have_moves:
                    self.rows["moves"].append(
                        {
                            "id": ident,
                            "coach": coach,
                            "from": frm or "",
                            "to": to or "",
                            "kind": m.kind,
                            "status": m.status,
                            "first_reported": self.x.article.date or "",
                            "last_reported": self.x.article.date or "",
                            "source": self.article_id,
                            "evidence": m.evidence.text,
                        }
                    )
                    self.have_moves.add(ident)
            by_key[(coach, m.kind, target or "")] = ident
            self._reports(ident, m)
        return by_key

    def _pick_move(
        self, known: list[dict[str, Any]], coach: str, m: MoveClaim, to: str | None, frm: str | None
    ) -> str | None:
        options = [
            k
            for k in known
            if k["coach"] == coach
            and k["kind"] == m.kind
            and ((k["to"] == to) if m.kind == "appointment" else (k["from"] == frm))
        ]
        if not options:
            return None
        if len(options) == 1 or self.date is None:
            return str(options[0]["id"])
        day = self.date

        def distance(k: dict[str, Any]) -> int:
            lo, hi = _day(k["first_reported"]), _day(k["last_reported"])
            if lo is not None and lo.earliest > day.latest:
                return (lo.earliest - day.latest).days
            if hi is not None and hi.latest < day.earliest:
                return (day.earliest - hi.latest).days
            return 0

        return str(min(options, key=distance)["id"])

    def _reports(self, move: str, m: MoveClaim) -> None:
        outlets = [""]
        for o in m.reported_by:
            ident = self.entity(o, "outlet")
            if ident is None:
                self.skipped.append(f"report of {move} by {o.name}: unknown outlet")
                self.candidate(o, "outlet", False, f"report of {move}")
            else:
                outlets.append(ident)
        for outlet in outlets:
            if (move, outlet) in self.have_reports:
                continue
            self.have_reports.add((move, outlet))
            self.rows["move_reports"].append(
                {
                    "move": move,
                    "source": self.article_id,
                    "outlet": outlet,
                    "date": self.x.article.date or "",
                    "status": m.status,
                    "evidence": m.evidence.text,
                }
            )

    def influences(self, moves: dict[tuple[str, str, str], str]) -> None:
        found: list[tuple[InfluenceClaim, str, str]] = []
        for i in self.x.influences:
            person = self.entity(i.person, "person")
            coach = self.entity(i.move.coach, "person", True)
            target_ent = i.move.to if i.move.kind == "appointment" else i.move.from_
            target = self.entity(target_ent, "team") or ""
            move = moves.get((coach or "", i.move.kind, target))
            if person is None or move is None:
                claim = f"influence of {i.person.name} on {i.move.kind} of {i.move.coach.name}"
                self.skipped.append(f"{claim}: unknown entity or move")
                self.candidate(i.person, "person", False, claim)
                continue
            found.append((i, person, move))
        pairs = sorted({(person, move) for _, person, move in found})
        if pairs:
            stored = self._read(INFLUENCES_OF_PAIRS, pairs=pairs, source=self.article_id)
            self.have_influences |= {(r["person"], r["move"]) for r in stored}
        for i, person, move in found:
            if (person, move) in self.have_influences:
                continue
            self.have_influences.add((person, move))
            self.rows["influences"].append(
                {
                    "person": person,
                    "move": move,
                    "polarity": i.polarity,
                    "how": i.how,
                    "source": self.article_id,
                    "evidence": i.evidence.text,
                }
            )


def _write_csvs(folder: Path, rows: dict[str, list[dict[str, str]]]) -> None:
    for kind, items in rows.items():
        if not items:
            continue
        columns = BY_KIND[kind].columns
        with (folder / f"{kind}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(columns), restval="")
            writer.writeheader()
            writer.writerows(items)


def ingest_text(
    text: str,
    driver: Driver,
    database: str,
    *,
    lang: str = "auto",
    date: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    url: str | None = None,
    create_new: bool = False,
    gazetteer: Gazetteer | None = None,
) -> IngestResult:
    """Extract an article and load it and its claims in one transaction.

    `new_article` is true only for the ingest whose transaction created the article, `wrote`
    whether anything in the graph changed.

    Raises:
        ExtractError: bad input (empty, no letters, unknown language, no date).
        graph.loader.InputError: the rows failed the loader's validation (nothing written).
    """
    text = normalise_newlines(text)
    if not any(ch.isalpha() for ch in text):
        # Emoji, digits, NUL or combining marks alone: nothing to extract, and stored it would
        # be an article without a claim.
        raise ExtractError("the article has no letters: nothing to extract from it")
    gaz = gazetteer or from_graph(driver, database)
    extraction = extract(text, gaz, lang=lang, date=date, outlet=outlet)
    if extraction.article.date is None:
        raise ExtractError(
            "the article's date is unknown: pass --date (or a first line ` date YYYY-MM`)"
        )
    records, _, _ = driver.execute_query(
        ARTICLE_BY_TEXT, text=text, chars=len(text), database_=database, routing_="r"
    )
    new_article = not records
    article_id = records[0]["id"] if records else f"article-{article_hash(text)[:16]}"
    plan = _Plan(driver, database, extraction, text, article_id, create_new)
    if records and url and records[0]["url"] != url:
        # An article is written once; a later url does not replace the stored one, but the
        # answer says so instead of dropping it.
        stored = records[0]["url"]
        plan.skipped.append(
            f"url {url!r}: the article is already stored "
            + (f"with url {stored!r}" if stored else "without a url")
        )
    if new_article:
        art_outlet = plan.entity(extraction.article.outlet, "outlet") or ""
        plan.rows["sources"].append(
            {
                "id": article_id,
                "kind": "article",
                "title": _title(text, title),
                "date": extraction.article.date,
                "lang": extraction.article.lang,
                "outlet": art_outlet,
                "publisher": extraction.article.outlet.name if extraction.article.outlet else "",
                "url": url or "",
                "text_file": "article.txt",
            }
        )
    plan.tenures()
    plan.influences(plan.moves())
    plan.unresolved_mentions()
    result = IngestResult(
        article_id,
        extraction,
        new_article,
        skipped=plan.skipped,
        candidates=list(plan.candidates.values()),
    )
    result.rows = {k: len(v) for k, v in plan.rows.items() if v}
    if not result.rows:
        return result
    with tempfile.TemporaryDirectory(prefix="coachgraph-ingest-") as tmp:
        folder = Path(tmp)
        (folder / "article.txt").write_text(text, encoding="utf-8", newline="")
        _write_csvs(folder, plan.rows)
        summary = load_atomic([folder], driver, database)
    result.created = {k: v for k, v in summary.created.items() if v}
    result.updated = {k: v for k, v in summary.updated.items() if v}
    # Concurrent ingests of one text all find no article and all plan it; the write decides:
    # the unique Source id makes the others' MERGE find the one that committed first.
    result.new_article = new_article and result.created.get("sources", 0) > 0
    return result
