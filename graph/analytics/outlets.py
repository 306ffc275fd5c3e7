"""Outlet reliability: how often the appointment rumours an outlet reported came true.

An outlet's rumours are the appointment moves it reported with status `rumoured` (cited by a
report, or publisher of the report's source). Of those, `resolved` ones are materialised or
did_not_happen (see graph/analytics/resolution.py); the rate is materialised / resolved, ranked by
the lower bound of its 95% Wilson interval so three lucky calls do not outrank three hundred.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graph.analytics import queries
from graph.analytics.algorithms import wilson_interval
from graph.analytics.cache import current_view
from graph.analytics.resolution import (
    DEFAULT_WINDOW_MONTHS,
    RumourResolution,
    resolutions,
)
from graph.domain import MoveStatus, Resolution
from graph.errors import NotFoundError
from graph.repository import Repository


@dataclass
class OutletStats:
    id: str
    name: str
    reported: int = 0
    resolved: int = 0
    materialised: int = 0
    unscored: int = 0
    rate: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    # move id -> (dates reported as rumoured, sources)
    rumours: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)


def _rank_key(s: OutletStats) -> tuple[Any, ...]:
    return (
        s.ci_low is None,
        -(s.ci_low or 0.0),
        -s.resolved,
        -s.reported,
        s.name.casefold(),
        s.id,
    )


def score_outlets(
    outlets: Iterable[Mapping[str, Any]],
    reports: Iterable[Mapping[str, Any]],
    resolved: Mapping[str, RumourResolution],
    z: float = 1.959963984540054,
) -> list[OutletStats]:
    """Score every outlet; ranked by Wilson lower bound (outlets with nothing resolved last).

    Args:
        outlets: records {id, name}.
        reports: records {outlet, move, kind, status, date, source} (queries.OUTLET_REPORTS).
        resolved: resolutions by move id (appointment moves only).
    """
    stats = {o["id"]: OutletStats(id=o["id"], name=o.get("name") or o["id"]) for o in outlets}
    unscored: dict[str, set[str]] = defaultdict(set)
    for r in reports:
        s = stats.get(r["outlet"])
        if s is None or r.get("status") != MoveStatus.rumoured:
            continue
        if r["move"] not in resolved:
            unscored[s.id].add(r["move"])
            continue
        dates, sources = s.rumours.setdefault(r["move"], ([], []))
        if r.get("date") and r["date"] not in dates:
            dates.append(r["date"])
        if r.get("source") and r["source"] not in sources:
            sources.append(r["source"])
    for s in stats.values():
        fates = [resolved[m].resolution for m in s.rumours]
        s.reported = len(fates)
        s.resolved = sum(f is not Resolution.open for f in fates)
        s.materialised = sum(f is Resolution.materialised for f in fates)
        s.unscored = len(unscored[s.id])
        interval = wilson_interval(s.materialised, s.resolved, z)
        if interval is not None:
            s.rate = s.materialised / s.resolved
            s.ci_low, s.ci_high = interval
    return sorted(stats.values(), key=_rank_key)


async def _load_outlets(repo: Repository) -> list[dict[str, Any]]:
    return await repo.read(queries.OUTLETS)


async def _load_reports(repo: Repository) -> list[dict[str, Any]]:
    return await repo.read(queries.OUTLET_REPORTS)


async def outlet_scores(
    repo: Repository, *, as_of: date | None = None, window_months: int = DEFAULT_WINDOW_MONTHS
) -> tuple[list[OutletStats], dict[str, RumourResolution]]:
    """Every outlet ranked, and the resolutions they were scored on (cached per version)."""
    view = await current_view(repo)
    resolved = await resolutions(repo, as_of=as_of, window_months=window_months, view=view)
    outlets = await view.get("outlets", _load_outlets)
    reports = await view.get("outlet_reports", _load_reports)
    return score_outlets(outlets, reports, resolved), resolved


async def outlet_score(
    repo: Repository,
    outlet_id: str,
    *,
    as_of: date | None = None,
    window_months: int = DEFAULT_WINDOW_MONTHS,
) -> tuple[int, OutletStats, dict[str, RumourResolution]]:
    """One outlet's rank (1-based), stats and the resolutions of its rumours.

    Raises:
        NotFoundError: no outlet has this id.
    """
    ranked, resolved = await outlet_scores(repo, as_of=as_of, window_months=window_months)
    for i, s in enumerate(ranked, start=1):
        if s.id == outlet_id:
            return i, s, resolved
    raise NotFoundError("outlet", outlet_id)
