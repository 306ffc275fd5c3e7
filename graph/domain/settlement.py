"""How a tenure's claims settle into one agreed value, and when the tenure is disputed.

Several sources may claim the same tenure, each with its own team, role and dates (a claim is a
`(:Tenure)-[:SOURCED_FROM]->(:Source)` relationship). The rule, written once:

- Claims are ranked by source: a curated reference first, then a data set (Wikidata), then a
  news article (`SOURCE_RANK`); ties by source id.
- The agreed coach, team and role are the best-ranked claim's. The agreed start is the start of
  the best-ranked claim that gives one, and the same for the end and the contract: a source that
  leaves the end open says nothing about it, so a dated end from a lower-ranked source closes a
  tenure that the best source left open.
- A claim disagrees when its team differs from the agreed team, or when a date it gives cannot be
  the agreed date at either's precision (`2009-07-01` against `2009-06-01` disagree; `2013`
  against `2013-06-25` agree). A tenure with a disagreeing claim is disputed.

The loader, the bulk importer and the dispute reads all call `settle`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graph.domain.dates import PartialDate
from graph.domain.vocabulary import SOURCE_RANK


@dataclass(frozen=True)
class TenureClaim:
    """One source's claim about a tenure."""

    source: str
    source_kind: str
    coach: str
    team: str
    role: str
    start: PartialDate | None = None
    end: PartialDate | None = None
    contract_until: str | None = None

    @property
    def rank(self) -> tuple[int, str]:
        return SOURCE_RANK.get(self.source_kind, len(SOURCE_RANK)), self.source

    @classmethod
    def from_record(cls, row: Mapping[str, Any]) -> TenureClaim:
        """A claim from a stored claim's values (dates as written)."""
        return cls(
            source=row["source"],
            source_kind=row["source_kind"],
            coach=row["coach"],
            team=row["team"],
            role=row["role"],
            start=PartialDate.parse(row["start"]) if row["start"] else None,
            end=PartialDate.parse(row["end"]) if row["end"] else None,
            contract_until=row["contract_until"],
        )


@dataclass(frozen=True)
class Settlement:
    """A tenure's agreed values, and its claims ranked with whether each agrees."""

    coach: str
    team: str
    role: str
    start: PartialDate | None
    end: PartialDate | None
    contract_until: str | None
    claims: tuple[TenureClaim, ...]
    agrees: tuple[bool, ...]

    @property
    def disputed(self) -> bool:
        return not all(self.agrees)


def dates_apart(a: PartialDate | None, b: PartialDate | None) -> bool:
    """Two dates that cannot be the same day at their precisions (a missing one never is)."""
    if a is None or b is None:
        return False
    return a.earliest > b.latest or a.latest < b.earliest


def rank_claims(claims: Sequence[TenureClaim]) -> list[TenureClaim]:
    """Best-ranked first: reference, data set, article; ties by source id."""
    return sorted(claims, key=lambda c: c.rank)


def settle(claims: Sequence[TenureClaim]) -> Settlement:
    """The agreed value of a tenure from its claims (at least one). See the module's rule."""
    if not claims:
        raise ValueError("a tenure needs at least one claim")
    ranked = rank_claims(claims)
    best = ranked[0]
    start = next((c.start for c in ranked if c.start is not None), None)
    end = next((c.end for c in ranked if c.end is not None), None)
    contract = next((c.contract_until for c in ranked if c.contract_until is not None), None)
    agrees = tuple(
        c.team == best.team and not dates_apart(c.start, start) and not dates_apart(c.end, end)
        for c in ranked
    )
    return Settlement(
        coach=best.coach,
        team=best.team,
        role=best.role,
        start=start,
        end=end,
        contract_until=contract,
        claims=tuple(ranked),
        agrees=agrees,
    )
