"""Names for team items, from files beside the statements.

An export of person-side statements names the coach but often not the team (an item outside
the export's own list of teams). Two kinds of file give names:

- a **club list** (`team_qid,label,other_name,…`): the export's own teams, with the Wikipedia
  title where it differs from Wikidata's label (seeds/wikidata/clubs.csv);
- a **team-name table** (`qid,label,kind,country,source_url,evidence`): names found on
  published pages, each with the page it comes from (seeds/wikidata/team_labels.csv).

A team the graph already holds (by QID) keeps its name; these names are for teams it lacks.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from graph.domain import QID_PATTERN, TeamKind
from graph.imports import Problem
from graph.wikidata.mapping import Statement

CLUB_LIST = ("team_qid", "label", "other_name", "head_coach_statements")
NAME_TABLE = ("qid", "label", "kind", "country", "source_url", "evidence")

_QID = re.compile(QID_PATTERN)
_PARENTHESIS = re.compile(r"\s*\([^)]*\)\s*$")


@dataclass(frozen=True)
class TeamName:
    name: str
    aliases: tuple[str, ...] = ()
    kind: TeamKind | None = None
    country: str = ""
    source_url: str = ""


@dataclass
class TeamNames:
    """QID → the name to give a team, and where it comes from."""

    by_qid: dict[str, TeamName] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.by_qid)

    def apply(self, statements: list[Statement]) -> None:
        """Name the teams of `statements` that these files name (label, aliases, kind, country)."""
        for st in statements:
            known = self.by_qid.get(st.team.qid)
            if known is None:
                continue
            names = [known.name, *known.aliases, st.team.label, *st.team.aliases]
            st.team.label = known.name
            st.team.aliases = [n for n in dict.fromkeys(names) if n and n != known.name]
            if known.kind is not None:
                st.team.kind = known.kind
            st.team.country = known.country or st.team.country


def names_file_kind(header: list[str]) -> str | None:
    """ "clubs" or "names" for a file of team names with this header, else None."""
    columns = tuple(h.strip() for h in header)
    if columns == CLUB_LIST:
        return "clubs"
    if columns == NAME_TABLE:
        return "names"
    return None


def _display_name(label: str, other: str) -> tuple[str, tuple[str, ...]]:
    """The club list's better name, and the other as an alias: no abbreviation dots if one has
    none ("FC Barcelona", not "F.C. Barcelona"; "Hellas Verona", not "H. Verona"); then the
    Wikipedia title ("RB Leipzig", not Wikidata's "RB Lipsia"), unless it is much longer than
    the label ("AS Roma", not "Associazione Sportiva Roma")."""
    other = _PARENTHESIS.sub("", other).strip()
    candidates = [n for n in (other, label) if n]
    best = min(candidates, key=lambda n: ("." in n, n != other or len(n) > len(label) + 5, len(n)))
    return best, tuple(n for n in dict.fromkeys(candidates) if n != best)


def read_names(path: Path, into: TeamNames, problems: list[Problem]) -> None:
    """Add the names of a club list or team-name table to `into`; bad rows become problems."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        kind = names_file_kind(list(reader.fieldnames or []))
        for row in reader:
            line = reader.line_num
            qid = (row.get("team_qid") or row.get("qid") or "").strip()
            label = " ".join((row.get("label") or "").split())
            if not _QID.match(qid) or not label:
                problems.append(
                    Problem(str(path), line, "qid", "a team name needs a QID and a name")
                )
                continue
            if kind == "clubs":
                name, aliases = _display_name(label, row.get("other_name") or "")
                into.by_qid[qid] = TeamName(name, aliases, TeamKind.club)
                continue
            team_kind = (row.get("kind") or "").strip()
            if team_kind not in set(TeamKind):
                problems.append(
                    Problem(
                        str(path), line, "kind", f"kind must be club or national, not {team_kind!r}"
                    )
                )
                continue
            url = (row.get("source_url") or "").strip()
            if not url.startswith(("http://", "https://")):
                problems.append(
                    Problem(str(path), line, "source_url", "a name needs the page it comes from")
                )
                continue
            into.by_qid[qid] = TeamName(
                label, (), TeamKind(team_kind), (row.get("country") or "").strip(), url
            )
