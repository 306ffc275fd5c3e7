"""What every importer of outside data shares: problems in its input, and the rows it refuses.

An importer (graph/wikidata, graph/worldcup) stops on a problem in a file — an `ExportError`
naming file, row and field, and nothing is written. A row it can read but not take (a
statement without a start, a manager without a match…) is `Refused`: the rest still loads, and
each refusal is written to the graph through the loader's `refusals` kind.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from graph.domain.names import fold
from graph.errors import ProblemsError


@dataclass(frozen=True)
class Problem:
    """Something wrong with an export, located to the file, row and field."""

    file: str
    row: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file + (f", row {self.row}" if self.row else "")
        return f"{where}{f', field {self.field}' if self.field else ''}: {self.message}"


class ExportError(ProblemsError[Problem]):
    """An export that cannot be imported; carries every problem found. Nothing was written."""


@dataclass(frozen=True)
class Refused:
    """An input row left out of the graph, and why."""

    file: str
    row: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}, row {self.row}: {self.reason}"


def refusal_rows(dataset: str, refused: Iterable[Refused]) -> list[dict[str, str]]:
    """The `refusals` seeds rows of refused input rows (id: dataset, file name and row)."""
    rows: dict[str, dict[str, str]] = {}
    for r in refused:
        name = Path(r.file).name
        ident = f"{dataset}-{fold(name).replace(' ', '-')}-{r.row}"
        rows[ident] = {
            "id": ident,
            "dataset": dataset,
            "file": name,
            "row": str(r.row),
            "reason": " ".join(r.reason.split()),
        }
    return [rows[k] for k in sorted(rows)]
