"""Turning result rows into head-coach statements: QIDs, labels, dates at their precision.

Problems with the file itself (an entity that is not a Wikidata item, a malformed date or
precision) are errors; facts the graph cannot hold (a date before 1850, an end before the
start, an item without a label) skip the statement with a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.domain import PartialDate, TeamKind, TenureRole
from graph.domain.names import fold
from graph.imports import Problem
from graph.wikidata.results import ResultRow, Term

ENTITY_PREFIX = "http://www.wikidata.org/entity/"
STATEMENT_PREFIX = "http://www.wikidata.org/entity/statement/"

_QID = re.compile(r"^Q[1-9]\d*$")
_ENTITY_URI = re.compile(r"^https?://www\.wikidata\.org/entity/(Q[1-9]\d*)$")
_UNKNOWN_VALUE = re.compile(r"^https?://www\.wikidata\.org/\.well-known/genid/")
_STATEMENT = re.compile(
    r"^(?:https?://www\.wikidata\.org/entity/statement/|wds:)?(Q[1-9]\d*)[-$]([0-9A-Fa-f-]{8,})$"
)
_DATETIME = re.compile(
    r"^(?P<sign>[+-]?)(?P<year>\d{1,})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
_XSD = "http://www.w3.org/2001/XMLSchema#"
_DATE_TYPES = {"", _XSD + "dateTime", _XSD + "date", _XSD + "dateTimeStamp"}
_NATIONAL_TYPES = {"national", "national team", "nationalteam", ENTITY_PREFIX + "Q6979593"}
_CLUB_TYPES = {"club", ENTITY_PREFIX + "Q476028"}
_CARETAKER_WORDS = ("caretaker", "interim", "acting", "interino", "traghettatore", "provisional")
_NATIONAL_WORDS = ("national", "nazionale", "seleccion", "nacional")

#: Items that stand in a head-coach statement for no person at all.
PLACEHOLDER_ITEMS = {"Q108437605": "position not filled"}


class RowError(Exception):
    """The problems of one row (errors in the export)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


class NotImportableError(Exception):
    """A statement that is well-formed but cannot be imported; the message is the reason."""


@dataclass
class Entity:
    """A Wikidata item as an export describes it."""

    qid: str
    label: str
    aliases: list[str] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        """Label first, then the aliases (other languages' labels included), deduplicated."""
        seen: dict[str, str] = {}
        for name in [self.label, *self.aliases]:
            if name and fold(name) and fold(name) not in seen:
                seen[fold(name)] = name
        return list(seen.values())


@dataclass
class Team(Entity):
    kind: TeamKind = TeamKind.club
    country: str = ""


@dataclass
class Coach(Entity):
    birth: PartialDate | None = None
    nationality: str = ""


@dataclass
class Statement:
    """One head-coach statement of a team (P286) or coach (P6087): who, when, in which role.

    `family` names the item and property the statement hangs on: Wikidata records each spell of
    a coach at a team as its own statement there, so two statements of one family are never
    one tenure.
    """

    file: str
    row: int
    source_id: str
    url: str
    team: Team
    coach: Coach
    start: PartialDate | None
    end: PartialDate | None
    role: TenureRole

    @property
    def where(self) -> str:
        return f"{self.file}, row {self.row}"

    @property
    def family(self) -> str:
        return family_of_source(self.source_id)


_FAMILY = re.compile(r"^wikidata-(?:(p286|p6087)-(q\d+)-|(q\d+)-[0-9a-f]{8})")


def family_of_source(source_id: str) -> str:
    """The item and property a Wikidata statement hangs on ("P286:Q1422"), read from its source
    id; any other source is a family of its own (a source never claims one spell twice)."""
    match = _FAMILY.match(source_id)
    if match is None:
        return source_id
    if match.group(3):
        return f"P286:{match.group(3).upper()}"
    return f"{match.group(1).upper()}:{match.group(2).upper()}"


def qid_of(term: Term | None, var: str, row: ResultRow) -> str | None:
    """The QID of an entity cell; None for Wikidata's "unknown value"; error otherwise."""
    if term is None:
        return None
    if term.type == "bnode" or _UNKNOWN_VALUE.match(term.value):
        return None
    value = term.value.strip()
    match = _ENTITY_URI.match(value)
    if match and term.type in {"uri", "plain"}:
        return match.group(1)
    if term.type == "plain" and _QID.match(value):
        return value
    raise RowError(
        [
            Problem(
                row.file,
                row.row,
                var,
                f"not a Wikidata item: {value[:80]!r} (expected {ENTITY_PREFIX}Q…)",
            )
        ]
    )


def _precision(term: Term | None, var: str, row: ResultRow) -> int | None:
    if term is None or not term.value.strip():
        return None
    try:
        return int(term.value.strip())
    except ValueError:
        raise RowError(
            [Problem(row.file, row.row, var, f"precision {term.value!r} is not an integer")]
        ) from None


def date_of(
    term: Term | None, precision_term: Term | None, var: str, row: ResultRow
) -> PartialDate | None:
    """A Wikidata time at its precision (9 year, 10 month, 11+ day); None when unbound.

    Without a precision, a 1 January is taken as a year and a first of a month as a month:
    never more precise than the value can tell.
    """
    if term is None or term.type == "bnode" or _UNKNOWN_VALUE.match(term.value):
        return None
    value = term.value.strip()
    if term.type == "uri" or term.datatype not in _DATE_TYPES:
        raise RowError(
            [Problem(row.file, row.row, var, f"not a date: {value[:60]!r} ({term.datatype})")]
        )
    match = _DATETIME.match(value)
    if not match:
        raise RowError(
            [
                Problem(
                    row.file,
                    row.row,
                    var,
                    f"malformed date {value[:60]!r} (expected e.g. 2009-07-01T00:00:00Z)",
                )
            ]
        )
    precision = _precision(precision_term, f"{var}Precision", row)
    year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    if precision is not None and precision < 9:
        raise NotImportableError(
            f"{var} {value} is known only to a decade or less (precision {precision})"
        )
    if precision is None:
        precision = 9 if (month, day) in {(1, 1), (0, 0)} else 10 if day in {0, 1} else 11
    if month == 0:
        precision = 9
    elif day == 0:
        precision = min(precision, 10)
    text = f"{year:04d}" if precision == 9 else f"{year:04d}-{month:02d}"
    if precision >= 11:
        text += f"-{day:02d}"
    if match["sign"] == "-":
        raise NotImportableError(f"{var} {value} is before the common era")
    try:
        return PartialDate.parse(text)
    except ValueError as exc:
        if year < 1850 or year > 2100:
            raise NotImportableError(f"{var}: {exc}") from None
        raise RowError([Problem(row.file, row.row, var, str(exc))]) from None


def _text(term: Term | None) -> str:
    return " ".join(term.value.split()) if term is not None else ""


def _aliases(term: Term | None) -> list[str]:
    return [a for a in (" ".join(p.split()) for p in _text(term).split("|")) if a]


def _label(terms: dict[str, Term], var: str, qid: str) -> str:
    label = _text(terms.get(var))
    if not label or _QID.match(label):
        raise NotImportableError(f"{var}: {qid} has no label in English, Italian or Spanish")
    return label


def _team_kind(terms: dict[str, Term], label: str, row: ResultRow) -> TeamKind:
    term = terms.get("teamType")
    if term is None:
        folded = fold(label)
        national = any(w in folded for w in _NATIONAL_WORDS)
        return TeamKind.national if national else TeamKind.club
    value = term.value.strip()
    if value.lower() in _NATIONAL_TYPES or value in _NATIONAL_TYPES:
        return TeamKind.national
    if value.lower() in _CLUB_TYPES or value in _CLUB_TYPES:
        return TeamKind.club
    raise RowError(
        [
            Problem(
                row.file,
                row.row,
                "teamType",
                f"unknown team type {value[:60]!r} (expected club or national)",
            )
        ]
    )


def _role(terms: dict[str, Term]) -> TenureRole:
    words = fold(_text(terms.get("roleLabel")) + " " + _text(terms.get("role")))
    caretaker = any(w in words for w in _CARETAKER_WORDS)
    return TenureRole.caretaker if caretaker else TenureRole.head


def _source(
    terms: dict[str, Term], row: ResultRow, team: str, coach: str, span: str
) -> tuple[str, str]:
    """(source id, url) of the statement. Without a statement id, the id is built from the
    property, the item it hangs on, the other item and the dates."""
    term = terms.get("statement")
    if term is None:
        prop = _text(terms.get("property")) or "P286"
        subject, other = (coach, team) if prop == "P6087" else (team, coach)
        key = f"{prop}-{subject}-{other}-{span}".lower()
        return f"wikidata-{key}", f"https://www.wikidata.org/wiki/{subject}#{prop}"
    match = _STATEMENT.match(term.value.strip())
    if not match:
        raise RowError(
            [
                Problem(
                    row.file,
                    row.row,
                    "statement",
                    f"unknown statement id format {term.value[:80]!r} "
                    f"(expected {STATEMENT_PREFIX}Q…-GUID)",
                )
            ]
        )
    item, guid = match.group(1), match.group(2)
    return (
        f"wikidata-{item.lower()}-{guid.lower()}",
        f"https://www.wikidata.org/wiki/{item}#{item}${guid}",
    )


def statement_of(row: ResultRow) -> Statement | None:
    """Map one row; None when the team or coach is Wikidata's "unknown value".

    Raises RowError for errors in the export, NotImportableError for statements the graph
    cannot hold.
    """
    terms = row.terms
    errors: list[Problem] = []
    values: dict[str, object] = {}
    for var in ("team", "coach"):
        try:
            values[var] = qid_of(terms.get(var), var, row)
        except RowError as exc:
            errors += exc.problems
    dates: dict[str, PartialDate | None] = {}
    skip: NotImportableError | None = None
    for var in ("start", "end", "coachBirth"):
        try:
            dates[var] = date_of(terms.get(var), terms.get(f"{var}Precision"), var, row)
        except RowError as exc:
            errors += exc.problems
        except NotImportableError as exc:
            skip = skip or exc
            dates[var] = None
    if errors:
        raise RowError(errors)
    team_qid, coach_qid = values["team"], values["coach"]
    if not isinstance(team_qid, str) or not isinstance(coach_qid, str):
        return None
    start, end = dates.get("start"), dates.get("end")
    span = f"{start or 'undated'}-{end or 'open'}"
    source_id, url = _source(terms, row, team_qid, coach_qid, span)
    team_kind = _team_kind(terms, _text(terms.get("teamLabel")), row)
    if skip is not None:
        raise skip
    if _text(terms.get("rank")).lower() == "deprecated":
        raise NotImportableError("a deprecated statement (Wikidata rank 'deprecated')")
    if coach_qid in PLACEHOLDER_ITEMS:
        raise NotImportableError(
            f"coach {coach_qid} is {PLACEHOLDER_ITEMS[coach_qid]!r}, a placeholder, not a person"
        )
    if start is None:
        raise NotImportableError("no start date: the tenure cannot be placed in time")
    team = Team(
        team_qid,
        _text(terms.get("teamLabel")),
        _aliases(terms.get("teamAliases")),
        kind=team_kind,
        country=_text(terms.get("country")),
    )
    coach = Coach(
        coach_qid,
        _label(terms, "coachLabel", coach_qid),
        _aliases(terms.get("coachAliases")),
        birth=dates.get("coachBirth"),
        nationality=_text(terms.get("nationality")),
    )
    if start is not None and end is not None and end.latest < start.earliest:
        raise NotImportableError(f"end {end} is before start {start}")
    return Statement(row.file, row.row, source_id, url, team, coach, start, end, _role(terms))
