"""The seeds format's records (docs/seed-format.md), validated by pydantic.

One model per CSV kind. Each model knows its unique key, the ids it references and the
parameters it is written to Neo4j with.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from graph.domain import (
    ID_MAX_LENGTH,
    ID_PATTERN,
    NEEDS_FROM,
    NEEDS_TO,
    PERSON_LABEL,
    QID_PATTERN,
    SOURCE_LABEL,
    TEAM_LABEL,
    MoveKind,
    MoveStatus,
    PartialDate,
    PersonRole,
    Polarity,
    SourceKind,
    TeamKind,
    TenureRole,
)
from graph.domain.names import search_key, team_key

Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=ID_MAX_LENGTH)]
OptId = Annotated[str, Field(pattern=rf"({ID_PATTERN})|^$", max_length=ID_MAX_LENGTH)]
OptQid = Annotated[str, Field(pattern=rf"({QID_PATTERN})|^$")]

#: Reference target kinds: which CSV kind (and graph label) an id column points to.
Ref = tuple[str, str, str]  # (field, kind, id)

#: Joins the parts of a record's key (validation keeps keys so); ids never hold it.
KEY_SEPARATOR = "\x1f"


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def _date(value: str) -> PartialDate | None:
    return PartialDate.parse(value) if value.strip() else None


def _as_written(value: str) -> str | None:
    """A date in its canonical written form ("2025-01", "2025-01-07"), or None."""
    parsed = _date(value)
    return str(parsed) if parsed is not None else None


def date_params(prefix: str, value: str, *, upper: bool = False) -> dict[str, Any]:
    """`start` → start, start_precision, start_date (earliest or, with upper, latest day)."""
    parsed = _date(value)
    if parsed is None:
        return {prefix: None, f"{prefix}_precision": None, f"{prefix}_date": None}
    return {
        prefix: str(parsed),
        f"{prefix}_precision": parsed.precision,
        f"{prefix}_date": parsed.latest if upper else parsed.earliest,
    }


def _claim_range(prefix: str, value: str) -> dict[str, Any]:
    """`start` → start, start_lo, start_hi: the date as written and the days it may stand for."""
    parsed = _date(value)
    if parsed is None:
        return {prefix: None, f"{prefix}_lo": None, f"{prefix}_hi": None}
    return {prefix: str(parsed), f"{prefix}_lo": parsed.earliest, f"{prefix}_hi": parsed.latest}


class Record(BaseModel):
    """A row of a seeds CSV file."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    kind: ClassVar[str]
    columns: ClassVar[tuple[str, ...]]
    required: ClassVar[tuple[str, ...]] = ()

    def key(self) -> tuple[str, ...]:
        """The unique key of this record within its kind."""
        return (getattr(self, "id"),)  # noqa: B009

    def refs(self) -> list[Ref]:
        return []

    def params(self) -> dict[str, Any]:
        """The parameters of this record's write query."""
        return self.model_dump()

    @classmethod
    def date_fields(cls) -> tuple[str, ...]:
        return ()

    @classmethod
    def required_columns(cls) -> list[str]:
        return [f.alias or name for name, f in cls.model_fields.items() if f.is_required()]

    @model_validator(mode="after")
    def _check_dates(self) -> Record:
        for name in self.date_fields():
            value = getattr(self, name)
            if value:
                try:
                    PartialDate.parse(value)
                except ValueError as exc:
                    raise ValueError(f"{name}: {exc}") from None
        return self


class OutletRecord(Record):
    kind = "outlets"
    columns = ("id", "name", "aliases", "country", "url")
    id: Id
    name: str = Field(min_length=1)
    aliases: str = ""
    country: str = ""
    url: str = ""

    def params(self) -> dict[str, Any]:
        aliases = _split(self.aliases)
        return {
            **self.model_dump(),
            "aliases": aliases,
            "search_key": search_key(self.name, *aliases),
        }


class SourceRecord(Record):
    kind = "sources"
    columns = (
        "id",
        "kind",
        "title",
        "date",
        "lang",
        "url",
        "outlet",
        "publisher",
        "text_file",
    )
    id: Id
    kind_: SourceKind = Field(alias="kind")
    title: str = Field(min_length=1)
    date: str = ""
    lang: str = Field(default="", pattern=r"^([a-z]{2})?$")
    url: str = ""
    outlet: OptId = ""
    publisher: str = ""
    text_file: str = ""

    model_config = ConfigDict(populate_by_name=True)

    @classmethod
    def date_fields(cls) -> tuple[str, ...]:
        return ("date",)

    @model_validator(mode="after")
    def _check_kind_fields(self) -> SourceRecord:
        if self.kind_ is SourceKind.article:
            for name in ("date", "lang", "text_file"):
                if not getattr(self, name):
                    raise ValueError(f"{name}: required for a source of kind 'article'")
        if self.kind_ is SourceKind.reference and not self.url:
            raise ValueError("url: required for a source of kind 'reference'")
        return self

    def refs(self) -> list[Ref]:
        return [("outlet", "outlets", self.outlet)] if self.outlet else []

    def params(self) -> dict[str, Any]:
        data = self.model_dump(by_alias=True, mode="json")
        data["labels"] = ["Source", SOURCE_LABEL[self.kind_]]
        data.update(date_params("date", self.date))
        data.pop("text_file")
        return data


class PersonRecord(Record):
    kind = "people"
    columns = (
        "id",
        "name",
        "roles",
        "aliases",
        "birth_date",
        "nationality",
        "wikidata_id",
        "source",
    )
    id: Id
    name: str = Field(min_length=1)
    roles: str = ""
    aliases: str = ""
    birth_date: str = ""
    nationality: str = ""
    wikidata_id: OptQid = ""
    source: OptId = ""

    @classmethod
    def date_fields(cls) -> tuple[str, ...]:
        return ("birth_date",)

    @field_validator("roles")
    @classmethod
    def _roles(cls, value: str) -> str:
        bad = [r for r in _split(value) if r not in PersonRole.__members__]
        if bad:
            raise ValueError(f"unknown role(s) {bad}; use {', '.join(PersonRole)}")
        return value

    def refs(self) -> list[Ref]:
        return [("source", "sources", self.source)] if self.source else []

    def params(self) -> dict[str, Any]:
        aliases = _split(self.aliases)
        roles = _split(self.roles)
        return {
            "id": self.id,
            "name": self.name,
            "aliases": aliases,
            "search_key": search_key(self.name, *aliases),
            "labels": ["Person", *(PERSON_LABEL[PersonRole(r)] for r in roles)],
            "birth_date": self.birth_date or None,
            "birth_date_precision": (
                PartialDate.parse(self.birth_date).precision if self.birth_date else None
            ),
            "nationality": self.nationality or None,
            "wikidata_id": self.wikidata_id or None,
            "source": self.source or None,
        }


class TeamRecord(Record):
    kind = "teams"
    columns = ("id", "name", "kind", "aliases", "country", "wikidata_id", "source")
    id: Id
    name: str = Field(min_length=1)
    kind_: TeamKind = Field(alias="kind")
    aliases: str = ""
    country: str = ""
    wikidata_id: OptQid = ""
    source: OptId = ""

    model_config = ConfigDict(populate_by_name=True)

    def refs(self) -> list[Ref]:
        return [("source", "sources", self.source)] if self.source else []

    def params(self) -> dict[str, Any]:
        aliases = _split(self.aliases)
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind_.value,
            "labels": ["Team", TEAM_LABEL[self.kind_]],
            "aliases": aliases,
            "search_key": search_key(self.name, *aliases),
            "team_keys": sorted({team_key(n) for n in (self.name, *aliases)}),
            "country": self.country or None,
            "wikidata_id": self.wikidata_id or None,
            "source": self.source or None,
        }


class _Evidenced(Record):
    source: Id
    evidence: str = ""


class TenureRecord(_Evidenced):
    kind = "tenures"
    columns = (
        "id",
        "coach",
        "team",
        "role",
        "start",
        "end",
        "contract_until",
        "source",
        "evidence",
    )
    id: Id
    coach: Id
    team: Id
    role: TenureRole
    start: str = ""
    end: str = ""
    contract_until: str = ""

    @classmethod
    def date_fields(cls) -> tuple[str, ...]:
        return ("start", "end", "contract_until")

    @model_validator(mode="after")
    def _end_after_start(self) -> TenureRecord:
        if self.start and self.end:
            start, end = PartialDate.parse(self.start), PartialDate.parse(self.end)
            if end.latest < start.earliest:
                raise ValueError(f"end: {self.end} is before start {self.start}")
        return self

    def key(self) -> tuple[str, ...]:
        return (self.id, self.source)

    def refs(self) -> list[Ref]:
        return [
            ("coach", "people", self.coach),
            ("team", "teams", self.team),
            ("source", "sources", self.source),
        ]

    def params(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "coach": self.coach,
            "team": self.team,
            "role": self.role.value,
            **_claim_range("start", self.start),
            **_claim_range("end", self.end),
            "contract_until": self.contract_until or None,
            "source": self.source,
            "evidence": self.evidence or None,
        }


class RoleRecord(_Evidenced):
    kind = "roles"
    columns = ("id", "person", "team", "role", "start", "end", "source", "evidence")
    id: Id
    person: Id
    team: Id
    role: str = Field(min_length=1)
    start: str = ""
    end: str = ""

    @classmethod
    def date_fields(cls) -> tuple[str, ...]:
        return ("start", "end")

    def key(self) -> tuple[str, ...]:
        return (self.id, self.source)

    @model_validator(mode="after")
    def _end_after_start(self) -> RoleRecord:
        if self.start and self.end:
            start, end = PartialDate.parse(self.start), PartialDate.parse(self.end)
            if end.latest < start.earliest:
                raise ValueError(f"end: {self.end} is before start {self.start}")
        return self

    def refs(self) -> list[Ref]:
        return [
            ("person", "people", self.person),
            ("team", "teams", self.team),
            ("source", "sources", self.source),
        ]

    def params(self) -> dict[str, Any]:
        return {
            **self.model_dump(),
            **date_params("start", self.start),
            **date_params("end", self.end, upper=True),
            "evidence": self.evidence or None,
        }


class MoveRecord(_Evidenced):
    kind = "moves"
    columns = (
        "id",
        "coach",
        "from",
        "to",
        "kind",
        "status",
        "first_reported",
        "last_reported",
        "source",
        "evidence",
    )
    id: Id
    coach: Id
    from_team: OptId = Field(default="", alias="from")
    to_team: OptId = Field(default="", alias="to")
    kind_: MoveKind = Field(alias="kind")
    status: MoveStatus
    first_reported: str = ""
    last_reported: str = ""

    model_config = ConfigDict(populate_by_name=True)

    @classmethod
    def date_fields(cls) -> tuple[str, ...]:
        return ("first_reported", "last_reported")

    @model_validator(mode="after")
    def _teams(self) -> MoveRecord:
        if self.kind_ in NEEDS_TO and not self.to_team:
            raise ValueError(f"to: an {self.kind_} needs the team joined")
        if self.kind_ in NEEDS_FROM and not self.from_team:
            raise ValueError(f"from: a {self.kind_} needs the team left")
        return self

    def refs(self) -> list[Ref]:
        refs: list[Ref] = [("coach", "people", self.coach), ("source", "sources", self.source)]
        if self.from_team:
            refs.append(("from", "teams", self.from_team))
        if self.to_team:
            refs.append(("to", "teams", self.to_team))
        return refs

    def params(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "coach": self.coach,
            "from": self.from_team or None,
            "to": self.to_team or None,
            "kind": self.kind_.value,
            "status": self.status.value,
            "first_reported": _as_written(self.first_reported),
            "last_reported": _as_written(self.last_reported),
            "source": self.source,
            "evidence": self.evidence or None,
        }


class MoveReportRecord(_Evidenced):
    kind = "move_reports"
    columns = ("move", "source", "outlet", "date", "status", "evidence")
    move: Id
    outlet: OptId = ""
    date: str = ""
    status: MoveStatus

    @classmethod
    def date_fields(cls) -> tuple[str, ...]:
        return ("date",)

    def key(self) -> tuple[str, ...]:
        return (self.move, self.source, self.outlet)

    def refs(self) -> list[Ref]:
        refs: list[Ref] = [("move", "moves", self.move), ("source", "sources", self.source)]
        if self.outlet:
            refs.append(("outlet", "outlets", self.outlet))
        return refs

    def params(self) -> dict[str, Any]:
        return {
            "move": self.move,
            "source": self.source,
            "outlet": self.outlet or None,
            "status": self.status.value,
            **date_params("date", self.date),
            "evidence": self.evidence or None,
        }


class InfluenceRecord(_Evidenced):
    kind = "influences"
    columns = ("person", "move", "polarity", "how", "source", "evidence")
    person: Id
    move: Id
    polarity: Polarity
    how: str = ""

    def key(self) -> tuple[str, ...]:
        return (self.person, self.move, self.source)

    def refs(self) -> list[Ref]:
        return [
            ("person", "people", self.person),
            ("move", "moves", self.move),
            ("source", "sources", self.source),
        ]

    def params(self) -> dict[str, Any]:
        return {
            **self.model_dump(mode="json"),
            "how": self.how or None,
            "evidence": self.evidence or None,
        }


class ObservationRecord(_Evidenced):
    """A coach seen in charge of a team on one day (a match sheet), and the tenure that day
    belongs to: evidence about a day, where a tenure is a claim about an interval."""

    kind = "observations"
    columns = ("id", "tenure", "coach", "team", "date", "source", "evidence")
    id: Id
    tenure: Id
    coach: Id
    team: Id
    date: str = Field(min_length=10, max_length=10)

    @classmethod
    def date_fields(cls) -> tuple[str, ...]:
        return ("date",)

    @model_validator(mode="after")
    def _a_day(self) -> ObservationRecord:
        if PartialDate.parse(self.date).precision != "day":
            raise ValueError(f"date: an observation is of one day, not {self.date!r}")
        return self

    def refs(self) -> list[Ref]:
        return [
            ("tenure", "tenures", self.tenure),
            ("coach", "people", self.coach),
            ("team", "teams", self.team),
            ("source", "sources", self.source),
        ]

    def params(self) -> dict[str, Any]:
        return {**self.model_dump(), "evidence": self.evidence or None}


class RefusalRecord(Record):
    """An input row an importer refused, with its reason: kept in the graph (:Refusal) so that
    what was left out can be counted and read, not only printed once."""

    kind = "refusals"
    columns = ("id", "dataset", "file", "row", "reason")
    id: Id
    dataset: str = Field(min_length=1)
    file: str = Field(min_length=1)
    row: int = Field(ge=0)
    reason: str = Field(min_length=1)


#: The kinds whose rows are claims a retraction can name, and the parts of a claim's name: its
#: key as the loader gives it in messages, `/`-separated. Roles are not among them: a role
#: claim is a relationship that only its person and team lead to.
CLAIM_PARTS: dict[str, tuple[str, ...]] = {
    "tenures": ("id", "source"),
    "move_reports": ("move", "source", "outlet"),
    "influences": ("person", "move", "source"),
}
_ID = re.compile(ID_PATTERN)


class RetractionRecord(Record):
    """A claim withdrawn by a source (docs/seed-format.md, retractions.csv).

    The claim stays in the graph with its own source, out of every answer; the retraction
    names the source that withdraws it, and a quote from it when there is one.
    """

    kind = "retractions"
    columns = ("kind", "claim", "source", "evidence", "note")
    claim_kind: str = Field(alias="kind")
    claim: str = Field(min_length=1)
    source: Id
    evidence: str = ""
    note: str = ""

    model_config = ConfigDict(populate_by_name=True)

    @field_validator("claim_kind")
    @classmethod
    def _claim_kind(cls, value: str) -> str:
        if value not in CLAIM_PARTS:
            raise ValueError(f"a retraction names a claim of kind {', '.join(CLAIM_PARTS)}")
        return value

    @model_validator(mode="after")
    def _claim_parts(self) -> RetractionRecord:
        names = CLAIM_PARTS[self.claim_kind]
        parts = self.claim.split("/")
        if self.claim_kind == "move_reports" and len(parts) == len(names) - 1:
            parts.append("")  # a report that cites no outlet
        if len(parts) != len(names) or not all(
            _ID.match(part)
            for part, name in zip(parts, names, strict=True)
            if part or name != "outlet"
        ):
            raise ValueError(
                f"claim: a {self.claim_kind} claim is named {'/'.join(names)} (ids), "
                f"not {self.claim!r}"
            )
        return self

    def parts(self) -> list[str]:
        """The claim's key, a move report's missing outlet as ""."""
        parts = self.claim.split("/")
        return parts + [""] * (len(CLAIM_PARTS[self.claim_kind]) - len(parts))

    def key(self) -> tuple[str, ...]:
        return (self.claim_kind, *self.parts())

    def refs(self) -> list[Ref]:
        return [
            ("claim", self.claim_kind, KEY_SEPARATOR.join(self.parts())),
        ]

    def params(self) -> dict[str, Any]:
        parts = self.parts()
        return {
            "id": "/".join((self.claim_kind, *parts)),
            "kind": self.claim_kind,
            "claim": "/".join(parts),
            # Three parts for every kind, so that one statement reads them all.
            "parts": parts + [""] * (3 - len(parts)),
            "source": self.source,
            "evidence": self.evidence or None,
            "note": self.note or None,
        }


#: Every kind, in the order files are validated and written (targets before references).
RECORD_TYPES: tuple[type[Record], ...] = (
    OutletRecord,
    SourceRecord,
    PersonRecord,
    TeamRecord,
    TenureRecord,
    RoleRecord,
    MoveRecord,
    MoveReportRecord,
    InfluenceRecord,
    ObservationRecord,
    RefusalRecord,
    RetractionRecord,  # last: it withdraws claims that the kinds above write
)
BY_KIND: dict[str, type[Record]] = {t.kind: t for t in RECORD_TYPES}

#: The graph label that ids of each kind live under (for reference checks against the graph).
LABEL_OF_KIND: dict[str, str] = {
    "outlets": "Outlet",
    "sources": "Source",
    "people": "Person",
    "teams": "Team",
    "moves": "Move",
    "tenures": "Tenure",
}
