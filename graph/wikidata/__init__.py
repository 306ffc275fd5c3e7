"""Importing coaching careers from Wikidata exports (graph/wikidata/query.rq; docs/wikidata.md)."""

from pathlib import Path

from graph.imports import ExportError, Problem
from graph.wikidata.importer import ImportSummary, import_files

QUERY_FILE = Path(__file__).with_name("query.rq")

__all__ = ["QUERY_FILE", "ExportError", "ImportSummary", "Problem", "import_files"]
