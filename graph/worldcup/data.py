"""Reading The Fjelstul World Cup Database's manager files (seeds/worldcup/, CC BY-SA 4.0).

`managers.csv` names every manager (with a Wikipedia link); `manager_appearances.csv` says who
managed which team in which match, on which day. Rows are checked as they are read: a problem
in a file stops the import, with file, row and field.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from graph.domain import PartialDate
from graph.imports import ExportError, Problem

MANAGERS = "managers.csv"
APPEARANCES = "manager_appearances.csv"

_MANAGER_COLUMNS = (
    "key_id", "manager_id", "family_name", "given_name", "female", "country_name",
    "manager_wikipedia_link",
)  # fmt: skip
_APPEARANCE_COLUMNS = (
    "key_id", "tournament_id", "tournament_name", "match_id", "match_name", "match_date",
    "stage_name", "group_name", "team_id", "team_name", "team_code", "home_team", "away_team",
    "manager_id", "family_name", "given_name", "country_name",
)  # fmt: skip
_NONE = "not applicable"


@dataclass(frozen=True)
class Manager:
    file: str
    row: int
    id: str
    family: str
    given: str
    country: str
    wikipedia: str

    @property
    def name(self) -> str:
        """ "Vittorio Pozzo"; one-name managers ("Didi", "Tite") by their one name."""
        return " ".join(n for n in (self.given, self.family) if n and n != _NONE)


@dataclass(frozen=True)
class Appearance:
    """A manager on a team's bench in one match."""

    file: str
    row: int
    tournament: str
    tournament_name: str
    match_id: str
    match_name: str
    day: PartialDate
    stage: str
    team_id: str
    team_name: str
    manager_id: str

    @property
    def women(self) -> bool:
        return "Women's" in self.tournament_name

    @property
    def year(self) -> int:
        return self.day.year


def _rows(
    path: Path, columns: tuple[str, ...], problems: list[Problem]
) -> list[tuple[int, dict[str, str]]]:
    if not path.is_file():
        problems.append(Problem(str(path), None, "", "no such file"))
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != columns:
            problems.append(
                Problem(str(path), 1, "", f"unexpected header (expected {', '.join(columns)})")
            )
            return []
        return [(reader.line_num, row) for row in reader]


def read(folder: Path) -> tuple[dict[str, Manager], list[Appearance]]:
    """The managers by id and every appearance; ExportError with every problem found."""
    problems: list[Problem] = []
    managers: dict[str, Manager] = {}
    path = folder / MANAGERS
    for line, row in _rows(path, _MANAGER_COLUMNS, problems):
        ident = row["manager_id"].strip()
        if not ident or not (row["family_name"].strip() or row["given_name"].strip()):
            problems.append(
                Problem(str(path), line, "manager_id", "a manager needs an id and a name")
            )
            continue
        managers[ident] = Manager(
            str(path),
            line,
            ident,
            row["family_name"].strip(),
            row["given_name"].strip(),
            row["country_name"].strip(),
            row["manager_wikipedia_link"].strip(),
        )
    appearances: list[Appearance] = []
    path = folder / APPEARANCES
    for line, row in _rows(path, _APPEARANCE_COLUMNS, problems):
        try:
            day = PartialDate.parse(row["match_date"])
        except ValueError as exc:
            problems.append(Problem(str(path), line, "match_date", str(exc)))
            continue
        if day.precision != "day":
            problems.append(Problem(str(path), line, "match_date", "a match has a day"))
            continue
        if row["manager_id"] not in managers:
            problems.append(
                Problem(str(path), line, "manager_id", f"unknown manager {row['manager_id']!r}")
            )
            continue
        appearances.append(
            Appearance(
                str(path),
                line,
                row["tournament_id"],
                row["tournament_name"],
                row["match_id"],
                row["match_name"],
                day,
                row["stage_name"],
                row["team_id"],
                row["team_name"],
                row["manager_id"],
            )
        )
    if problems:
        raise ExportError(problems)
    return managers, appearances
