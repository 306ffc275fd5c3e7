"""`coachgraph check`: every observation against the tenures; non-zero exit on a conflict."""

from __future__ import annotations

from typing import Annotated

import typer

from app.cli.common import connect, console, setup_logging
from graph.settings import get_neo4j_settings


def register(app: typer.Typer) -> None:
    app.command("check")(check_command)


def check_command(
    limit: Annotated[int, typer.Option(min=0, help="conflicts to print (0: all)")] = 50,
) -> None:
    """Check who was on the bench on each observed day against the tenures.

    A conflict is an observation outside every tenure of its coach at its team, or inside
    another coach's head-coach tenure there. Exits 1 when there is any (GET /disputes lists
    them too).
    """
    from graph.reads.conflicts import check  # only when run

    setup_logging()
    settings = get_neo4j_settings()
    driver = connect(settings)
    try:
        found = check(driver, settings.neo4j_database)
    finally:
        driver.close()
    for c in found[: limit or None]:
        other = ""
        if c.tenure is not None:
            end = c.tenure.end or ("ongoing" if c.tenure.start else "?")
            dates = f"{c.tenure.start or '?'} – {end}"
            cited = ", ".join(s.id for s in c.tenure.sources)
            other = f"; {c.tenure.coach.name}'s tenure {c.tenure.id} ({dates}; {cited})"
        console.print(
            f"{c.date} {c.team.name}: {c.coach.name} on the bench ({c.observation.evidence}; "
            f"{c.observation.source.id}) — {c.kind.replace('_', ' ')}{other}",
            highlight=False,
            markup=False,
        )
    if limit and len(found) > limit:
        console.print(f"… {len(found) - limit} more (--limit 0)", highlight=False)
    kinds = {k: sum(1 for c in found if c.kind == k) for k in sorted({c.kind for c in found})}
    summary = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in kinds.items()) or "none"
    console.print(f"{len(found)} conflicts between observations and tenures: {summary}")
    if found:
        raise typer.Exit(1)
