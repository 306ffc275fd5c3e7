"""The article's date, and dates relative to it ("a fine stagione", "last season" …).

A football season runs from July to June: in 2025-01 the season is 2024-25, it ends in
2025-06, the last season ended in 2024 and next summer is 2025-07. Results are partial dates
(graph.domain.dates.PartialDate) at the precision the expression allows, never more.
"""

from __future__ import annotations

import re

from graph.domain.dates import PartialDate
from graph.extract.errors import ExtractError

_HEADER = re.compile(r"^\s*date\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)\b")

RULES = ("season_end", "last_season", "next_season", "next_summer")


def header_date(text: str) -> str | None:
    """The date of a first line ` date YYYY-MM` (as in the seed article), if any."""
    match = _HEADER.match(text)
    if not match:
        return None
    try:
        return str(PartialDate.parse(match.group(1)))
    except ValueError:
        return None


def header_end(text: str) -> int | None:
    """Where a first line ` date YYYY-MM` ends (the article proper starts after it)."""
    match = _HEADER.match(text)
    return match.end() if match else None


def parse_date(value: str) -> str:
    """A `--date` option: YYYY, YYYY-MM or YYYY-MM-DD; ExtractError otherwise."""
    try:
        return str(PartialDate.parse(value))
    except ValueError as exc:
        raise ExtractError(f"bad date: {exc}") from None


def _season_start(date: PartialDate) -> int:
    if date.month is None:
        return date.year
    return date.year if date.month >= 7 else date.year - 1


def resolve(rule: str, article_date: str | None) -> str | None:
    """The partial date a relative expression stands for, given the article's date."""
    if article_date is None:
        return None
    date = PartialDate.parse(article_date)
    season = _season_start(date)
    if rule == "season_end":
        return f"{season + 1:04d}-06"
    if rule == "last_season":
        return f"{season:04d}"  # the last season ended in June of the current season's start
    if rule == "next_season":
        return f"{season + 1:04d}"
    if rule == "next_summer":
        year = date.year if date.month is not None and date.month < 6 else date.year + 1
        return f"{year:04d}-07"
    return None
