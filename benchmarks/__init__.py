"""coachgraph's benchmark (not a test): loading and query latency, written to BENCHMARKS.md."""
