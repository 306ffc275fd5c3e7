"""Deterministic synthetic coaching graphs in the seeds format, for scale tests and benchmarks."""

from graph.synth.generate import SIZES, Counts, Size, generate

__all__ = ["SIZES", "Counts", "Size", "generate"]
