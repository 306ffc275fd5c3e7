"""The extractor's one error type: input it cannot work on, said in a sentence."""

from __future__ import annotations


class ExtractError(ValueError):
    """An article (or a request) the extractor refuses: empty, not UTF-8, unknown language."""
