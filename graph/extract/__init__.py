"""From news articles to graph claims: a deterministic, explainable extraction pipeline.

See docs/extraction.md: gazetteer (names and aliases of the graph), cue lexicons (data, one
JSON file per language), the pipeline, ingest through the loader, and the evaluation.
"""

from graph.extract.errors import ExtractError
from graph.extract.pipeline import extract
from graph.extract.schema import Extraction

__all__ = ["ExtractError", "Extraction", "extract"]
