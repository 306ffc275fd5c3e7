"""Finding seeds files and streaming their rows, one validated record at a time."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from graph.errors import ProblemsError
from graph.loader.records import BY_KIND, RECORD_TYPES, Record

#: The order kinds are validated and written in: referenced kinds first.
KIND_ORDER = [t.kind for t in RECORD_TYPES]


@dataclass(frozen=True)
class Problem:
    """Something wrong with the input, located to the file, record and field."""

    file: str
    line: int | None
    record: str
    field: str
    message: str
    severity: str = "error"  # or "warning", or "note" (a files-only check: settled at load time)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        rec = f" [{self.record}]" if self.record else ""
        fld = f" {self.field}:" if self.field else ""
        return f"{self.severity}: {where}{rec}{fld} {self.message}"


class InputError(ProblemsError[Problem]):
    """Input that cannot be loaded; carries every problem found."""


@dataclass(frozen=True)
class SeedFile:
    path: Path
    kind: str


def kind_of(path: Path) -> str | None:
    """`people.csv` or `anything.people.csv` → "people"; other names → None."""
    if path.suffix.lower() != ".csv":
        return None
    stem = path.stem.rsplit(".", 1)[-1]
    return stem if stem in BY_KIND else None


def discover(paths: list[Path]) -> list[SeedFile]:
    """The seeds files under `paths` (folders are searched recursively), in write order."""
    found: list[SeedFile] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            for csv_path in sorted(path.rglob("*.csv")):
                kind = kind_of(csv_path)
                if kind:
                    found.append(SeedFile(csv_path, kind))
        elif path.is_file():
            kind = kind_of(path)
            if kind is None:
                problems.append(
                    Problem(
                        str(path),
                        None,
                        "",
                        "",
                        "not a seeds file: its name must be <kind>.csv or <name>.<kind>.csv "
                        f"with kind one of {', '.join(KIND_ORDER)}",
                    )
                )
            else:
                found.append(SeedFile(path, kind))
        else:
            problems.append(Problem(str(path), None, "", "", "no such file or folder"))
    if problems:
        raise InputError(problems)
    unique = {f.path.resolve(): f for f in found}
    return sorted(unique.values(), key=lambda f: (KIND_ORDER.index(f.kind), str(f.path)))


@dataclass(frozen=True)
class Row:
    """A record with where it came from."""

    file: SeedFile
    line: int
    record: Record


def read_rows(seed: SeedFile, problems: list[Problem]) -> Iterator[Row]:
    """Stream a file's valid records; append a Problem for each invalid row and go on."""
    model = BY_KIND[seed.kind]
    name = str(seed.path)
    try:
        handle = seed.path.open(encoding="utf-8", newline="")
    except OSError as exc:
        problems.append(Problem(name, None, "", "", f"cannot read: {exc}"))
        return
    with handle:
        try:
            reader = csv.reader(handle)
            header = next(reader, [])
        except UnicodeDecodeError as exc:
            problems.append(Problem(name, 1, "", "", f"not UTF-8 text ({exc.reason})"))
            return
        missing = [c for c in model.required_columns() if c not in header]
        unknown = [c for c in header if c not in model.columns]
        if missing or unknown or not header:
            if not header:
                problems.append(Problem(name, 1, "", "", "empty file: no header line"))
            for col in missing:
                problems.append(Problem(name, 1, "", col, "required column is missing"))
            for col in unknown:
                problems.append(
                    Problem(
                        name,
                        1,
                        "",
                        col,
                        f"unknown column (expected: {', '.join(model.columns)})",
                    )
                )
            return
        # csv.reader and a zip, not csv.DictReader, which builds a dict per row: every row is read
        # twice (validation, then the writes).
        width = len(header)
        try:
            for cells in reader:
                line = reader.line_num
                if len(cells) > width:
                    problems.append(Problem(name, line, "", "", "more cells than header columns"))
                    continue
                if not any(cells):
                    continue  # a blank line, or one of empty cells
                if len(cells) < width:
                    cells += [""] * (width - len(cells))
                data = dict(zip(header, cells, strict=True))
                try:
                    record = model.model_validate(data)
                except ValidationError as exc:
                    key = data.get("id") or data.get("move") or data.get("person") or ""
                    for err in exc.errors():
                        loc = ".".join(str(x) for x in err["loc"])
                        message = err["msg"].removeprefix("Value error, ")
                        fld = loc
                        if not loc and ": " in message:
                            fld, message = message.split(": ", 1)
                        problems.append(Problem(name, line, key, fld, message))
                    continue
                yield Row(seed, line, record)
        except UnicodeDecodeError as exc:
            problems.append(
                Problem(name, reader.line_num + 1, "", "", f"not UTF-8 text ({exc.reason})")
            )
        except csv.Error as exc:
            problems.append(Problem(name, reader.line_num, "", "", f"malformed CSV: {exc}"))
