"""`coachgraph synth`: write a deterministic synthetic graph in the seeds format."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from app.cli.common import console, fail


def register(app: typer.Typer) -> None:
    app.command("synth")(synth_command)


def synth_command(
    out: Annotated[Path, typer.Option("--out", help="folder to write the seeds files into")],
    size: Annotated[str, typer.Option("--size", help="S, M, L (or tiny)")] = "S",
    seed: Annotated[int, typer.Option("--seed", help="random seed: same seed, same files")] = 1,
) -> None:
    """Generate a realistic synthetic graph (coaches, teams, tenures, moves, articles…)."""
    from graph.synth import SIZES, generate

    if size not in SIZES:
        raise fail(f"unknown size {size!r}; use one of {', '.join(SIZES)}", code=2)
    if out.exists() and any(out.iterdir()):
        raise fail(f"{out} is not empty; choose a new folder", code=2)
    started = time.monotonic()
    counts = generate(size, seed, out)
    for kind, n in counts.rows.items():
        console.print(f"{kind:>13}: {n} rows", highlight=False)
    console.print(
        f"wrote {sum(counts.rows.values())} rows and {counts.text_files} article texts to {out} "
        f"in {time.monotonic() - started:.1f}s",
        highlight=False,
    )
