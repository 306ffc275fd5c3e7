"""`coachgraph import wikidata FILE…`: load head-coach statements exported from Wikidata."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from neo4j.exceptions import Neo4jError, ServiceUnavailable

from app.cli.common import connect, console, fail, progress_bar, setup_logging
from graph.loader.load import DEFAULT_BATCH
from graph.settings import PROJECT_ROOT, get_neo4j_settings

app = typer.Typer(help="Import data exported from other databases.", no_args_is_help=True)

_SHOWN = 20


@app.command("wikidata")
def wikidata_command(
    files: Annotated[
        list[Path],
        typer.Argument(help="SPARQL results (JSON, CSV or TSV) of graph/wikidata/query.rq"),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="map, match and validate; write nothing")
    ] = False,
    batch_size: Annotated[int, typer.Option(min=1, max=50_000)] = DEFAULT_BATCH,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="list every skip and warning")
    ] = False,
) -> None:
    """Import head-coach statements from a Wikidata export; re-importing changes nothing.

    Coaches and teams merge with the graph's by QID, else by name (and birth date); each
    statement's dates land beside the other sources' claims, and disagreements become disputes.
    """
    from graph.wikidata import QUERY_FILE, ExportError, import_files  # only when run

    setup_logging()
    settings = get_neo4j_settings()
    driver = connect(settings)
    try:
        with progress_bar("importing") as bar:
            summary = import_files(
                files,
                driver,
                settings.neo4j_database,
                batch_size=batch_size,
                dry_run=dry_run,
                progress=bar,
            )
    except ExportError as exc:
        raise fail(
            f"nothing was written.\n{exc}\nThe query to export with: {QUERY_FILE}", 2
        ) from None
    except ServiceUnavailable as exc:
        raise fail(
            f"Neo4j at {settings.neo4j_uri} is unreachable ({exc}). Batches written before "
            "the failure are kept; run the same import again to complete it (it is idempotent)."
        ) from None
    except Neo4jError as exc:
        raise fail(f"Neo4j refused a write: {exc}. Re-run the import once fixed.") from None
    finally:
        driver.close()
    limit = None if verbose else _SHOWN
    for title, items, style in (
        ("ambiguous matches (statements skipped)", summary.ambiguous, "yellow"),
        ("skipped", summary.skipped, "yellow"),
        ("loader warnings", summary.warnings, "dim"),
    ):
        if items:
            console.print(f"[{style}]{title}: {len(items)}[/]", highlight=False)
            for item in items[:limit]:
                console.print(f"[{style}]  {item}[/]", highlight=False)
            if limit is not None and len(items) > limit:
                console.print(f"[{style}]  … {len(items) - limit} more (--verbose)[/]")
    for line in summary.lines():
        console.print(line, highlight=False)
    if summary.disputed:
        shown = ", ".join(summary.disputed[:_SHOWN])
        more = "…" if len(summary.disputed) > _SHOWN else ""
        console.print(f"disputed tenures: {shown}{more} (GET /disputes)", highlight=False)
    if dry_run:
        console.print("dry run: nothing was written", highlight=False)


@app.command("worldcup")
def worldcup_command(
    folder: Annotated[
        Path, typer.Argument(help="the folder of the World Cup managers' files")
    ] = PROJECT_ROOT / "seeds" / "worldcup",
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="list every refusal")] = False,
) -> None:
    """Import World Cup managers as observations: who was on a team's bench on a match day.

    Each manager and team gets a tenure that contains the observed days, whose start and end
    stay unknown unless another source dates them; importing again changes nothing.
    """
    from graph.wikidata import ExportError  # only when run
    from graph.worldcup import import_worldcup

    setup_logging()
    settings = get_neo4j_settings()
    driver = connect(settings)
    try:
        summary = import_worldcup(folder, driver, settings.neo4j_database)
    except ExportError as exc:
        raise fail(f"nothing was written.\n{exc}", 2) from None
    except ServiceUnavailable as exc:
        raise fail(
            f"Neo4j at {settings.neo4j_uri} is unreachable ({exc}); run the same import again "
            "once it is back (it is idempotent)."
        ) from None
    finally:
        driver.close()
    limit = None if verbose else _SHOWN
    if summary.refused:
        console.print(f"refused: {len(summary.refused)}", style="yellow", highlight=False)
        for item in summary.refused[:limit]:
            console.print(f"  {item}", style="yellow", highlight=False, markup=False)
    for line in summary.lines():
        console.print(line, highlight=False)
