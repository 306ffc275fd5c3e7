"""Loading seeds files (docs/seed-format.md) into Neo4j: validate all, then write in batches."""

from graph.loader.files import InputError, Problem
from graph.loader.load import LoadSummary, check, load

__all__ = ["InputError", "LoadSummary", "Problem", "check", "load"]
