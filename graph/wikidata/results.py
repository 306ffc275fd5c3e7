"""Reading SPARQL 1.1 query results — JSON, CSV or TSV, as the Wikidata Query Service offers them.

Each format is read incrementally (JSON through ijson's event stream, CSV/TSV line by line), so a
large export never sits in memory as one document. Every row comes out as `{variable: Term}`;
unbound variables are absent.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import ijson  # type: ignore[import-untyped]
from ijson.common import ObjectBuilder  # type: ignore[import-untyped]

from graph.imports import ExportError, Problem

#: The variables an export must have (in `head.vars`, or the CSV/TSV header).
REQUIRED_VARS = ("team", "teamLabel", "coach", "coachLabel", "start", "end")

# Statement tables exported per entity rather than through SPARQL (seeds/wikidata/README.md):
# one row per statement, plain QIDs and dates, each column standing for a query variable. The
# club side holds P286 (head coach) statements of team items, the person side P6087 (coach of
# sports team) statements of coach items; `property` tells the mapping which.
_STATEMENT_TABLES = {
    "P286": (
        "team_qid", "team_label", "coach_qid", "coach_label", "coach_birth",
        "start", "start_precision", "end", "end_precision", "rank",
    ),
    "P6087": (
        "coach_qid", "coach_label", "coach_birth", "team_qid", "team_label",
        "start", "start_precision", "end", "end_precision",
    ),
}  # fmt: skip
_TABLE_VARS = {
    "team_qid": "team",
    "team_label": "teamLabel",
    "coach_qid": "coach",
    "coach_label": "coachLabel",
    "coach_birth": "coachBirth",
    "start": "start",
    "start_precision": "startPrecision",
    "end": "end",
    "end_precision": "endPrecision",
    "rank": "rank",
}


def statement_table(header: list[str]) -> str | None:
    """The property of a statement table with this header (P286 or P6087), else None."""
    columns = tuple(h.strip() for h in header)
    return next((p for p, cols in _STATEMENT_TABLES.items() if columns == cols), None)


_ITEM = "results.bindings.item"


@dataclass(frozen=True)
class Term:
    """One RDF term of a result row: a `uri`, `literal` or `bnode` (CSV cells: `plain`)."""

    type: str
    value: str
    datatype: str = ""
    lang: str = ""


Row = dict[str, Term]


@dataclass(frozen=True)
class ResultRow:
    """A row with where it came from: its 1-based number (JSON) or line (CSV/TSV)."""

    file: str
    row: int
    terms: Row


def detect_format(path: Path) -> str:
    """`json`, `tsv` or `csv`: by extension, else by the first non-blank character."""
    suffix = path.suffix.lower()
    if suffix in {".json", ".srj"}:
        return "json"
    if suffix == ".tsv":
        return "tsv"
    if suffix == ".csv":
        return "csv"
    with path.open("rb") as handle:
        head = handle.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        return "json"
    first_line = head.split(b"\n", 1)[0]
    return "tsv" if b"\t" in first_line else "csv"


class ResultReader:
    """Iterate the rows of one export; `variables` is known once iteration has finished."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = str(path)
        self.format = detect_format(path)
        self.variables: list[str] = []
        self.property: str | None = None  # set when the file is a statement table

    def rows(self) -> Iterator[ResultRow]:
        """Yield every row; raise ExportError when the file is not a SPARQL result."""
        try:
            with self.path.open("rb") as handle:
                if self.format == "json":
                    yield from self._json(handle)
                    return
            with self.path.open(encoding="utf-8-sig", newline="") as text:
                yield from (self._tsv(text) if self.format == "tsv" else self._csv(text))
        except OSError as exc:
            raise self._error(None, "", f"cannot read: {exc}") from None
        except UnicodeDecodeError as exc:
            raise self._error(None, "", f"not UTF-8 text ({exc.reason})") from None

    def _error(self, row: int | None, field: str, message: str) -> ExportError:
        return ExportError([Problem(self.name, row, field, message)])

    def _check_header(self, variables: list[str], row: int | None = None) -> None:
        missing = [v for v in REQUIRED_VARS if v not in variables]
        if missing:
            raise ExportError(
                [
                    Problem(self.name, row, v, "required variable is missing from the result")
                    for v in missing
                ]
            )
        self.variables = variables

    # -- JSON: application/sparql-results+json ------------------------------------------------
    def _json(self, handle: IO[bytes]) -> Iterator[ResultRow]:
        variables: list[str] | None = None
        saw_bindings = False
        builder: ObjectBuilder | None = None
        count = 0
        top_keys: set[str] = set()
        try:
            for prefix, event, value in ijson.parse(handle):
                if builder is not None:
                    builder.event(event, value)
                    if prefix == _ITEM and event == "end_map":
                        count += 1
                        yield ResultRow(self.name, count, self._json_row(builder.value, count))
                        builder = None
                elif prefix == _ITEM and event == "start_map":
                    builder = ObjectBuilder()
                    builder.event(event, value)
                elif prefix == "" and event == "map_key":
                    top_keys.add(str(value))
                elif prefix == "head.vars" and event == "start_array":
                    variables = []
                elif prefix == "head.vars.item" and variables is not None:
                    if event != "string":
                        raise self._error(None, "head.vars", "variable names must be strings")
                    variables.append(str(value))
                elif prefix == "head.vars" and event == "end_array" and variables is not None:
                    self._check_header(variables)
                elif prefix == "results.bindings" and event == "start_array":
                    saw_bindings = True
                elif prefix == "" and event not in {"start_map", "end_map"}:
                    raise self._error(None, "", "not a SPARQL JSON result: not a JSON object")
        except ijson.JSONError as exc:
            raise self._error(
                count + 1 if saw_bindings else None, "", f"malformed JSON ({exc})"
            ) from None
        if variables is None or not saw_bindings:
            if "boolean" in top_keys:
                message = "an ASK result (boolean), not a SELECT result"
            else:
                message = "not a SPARQL SELECT result: head.vars or results.bindings is missing"
            raise self._error(
                None, "", message + "; download the query's result as JSON from the service"
            )
        self._check_header(variables)

    def _json_row(self, binding: Any, row: int) -> Row:
        if not isinstance(binding, dict):
            raise self._error(row, "", "a binding must be a JSON object")
        terms: Row = {}
        for var, term in binding.items():
            if not isinstance(term, dict) or not isinstance(term.get("value"), str):
                raise self._error(row, var, "a bound value must be an object with a string value")
            kind = term.get("type")
            if kind == "typed-literal":  # SPARQL 1.0 JSON, still seen in the wild
                kind = "literal"
            if kind not in {"uri", "literal", "bnode"}:
                raise self._error(row, var, f"unknown RDF term type {kind!r}")
            terms[var] = Term(
                str(kind),
                term["value"],
                str(term.get("datatype", "")),
                str(term.get("xml:lang", "")),
            )
        return terms

    # -- CSV: text/csv (plain values, no types) ---------------------------------------------
    def _csv(self, handle: IO[str]) -> Iterator[ResultRow]:
        reader = csv.reader(handle)
        try:
            header = next(reader, None)
            if not header:
                raise self._error(1, "", "empty file: no header line")
            variables = [h.strip() for h in header]
            if any(v.startswith("?") for v in variables):
                raise self._error(1, "", "header has ?variables: this looks like TSV, not CSV")
            table = statement_table(variables)
            if table is not None:
                variables = [_TABLE_VARS[v] for v in variables]
                self.property = table
            self._check_header(variables, 1)
            for cells in reader:
                line = reader.line_num
                if not any(c.strip() for c in cells):
                    continue
                if len(cells) != len(variables):
                    raise self._error(
                        line, "", f"{len(cells)} cells for {len(variables)} header columns"
                    )
                terms = {v: Term("plain", c) for v, c in zip(variables, cells, strict=True) if c}
                if table is not None:
                    terms["property"] = Term("plain", table)
                yield ResultRow(self.name, line, terms)
        except csv.Error as exc:
            raise self._error(reader.line_num, "", f"malformed CSV: {exc}") from None

    # -- TSV: text/tab-separated-values (?vars header, RDF terms in Turtle syntax) -----------
    def _tsv(self, handle: IO[str]) -> Iterator[ResultRow]:
        header = handle.readline().rstrip("\r\n")
        if not header:
            raise self._error(1, "", "empty file: no header line")
        names = header.split("\t")
        if not all(n.startswith(("?", "$")) for n in names):
            raise self._error(1, "", "a SPARQL TSV header names variables as ?name")
        variables = [n[1:] for n in names]
        self._check_header(variables, 1)
        for line_no, raw in enumerate(handle, start=2):
            line = raw.rstrip("\r\n")
            if not line.strip():
                continue
            cells = line.split("\t")
            if len(cells) != len(variables):
                raise self._error(
                    line_no, "", f"{len(cells)} cells for {len(variables)} header columns"
                )
            terms: Row = {}
            for var, cell in zip(variables, cells, strict=True):
                if cell:
                    terms[var] = self._tsv_term(cell, line_no, var)
            yield ResultRow(self.name, line_no, terms)

    def _tsv_term(self, cell: str, line: int, var: str) -> Term:
        if cell.startswith("<") and cell.endswith(">"):
            return Term("uri", cell[1:-1])
        if cell.startswith("_:"):
            return Term("bnode", cell[2:])
        match = _TSV_LITERAL.match(cell)
        if match:
            return Term(
                "literal",
                _unescape(match.group("value")),
                match.group("datatype") or "",
                match.group("lang") or "",
            )
        if _TSV_NUMBER.match(cell):
            kind = "integer" if cell.lstrip("+-").isdigit() else "decimal"
            return Term("literal", cell, _XSD + kind)
        if cell in {"true", "false"}:
            return Term("literal", cell, _XSD + "boolean")
        raise self._error(line, var, f"not an RDF term in SPARQL TSV syntax: {cell[:60]!r}")


_TSV_LITERAL = re.compile(
    r'^"(?P<value>(?:[^"\\]|\\.)*)"(?:@(?P<lang>[A-Za-z0-9-]+)|\^\^<(?P<datatype>[^>]*)>)?$'
)
_TSV_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$")
_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", '"': '"', "\\": "\\", "'": "'", "b": "\b", "f": "\f"}
_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")

_XSD = "http://www.w3.org/2001/XMLSchema#"


def _unescape(text: str) -> str:
    def repl(match: re.Match[str]) -> str:
        code = match.group(1)
        if code[0] in "uU" and len(code) > 1:
            return chr(int(code[1:], 16))
        return _ESCAPES.get(code, code)

    return _ESCAPE.sub(repl, text)
