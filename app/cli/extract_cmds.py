"""`coachgraph extract`, `ingest` and `eval-extract`: from news articles to graph claims."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from neo4j import Driver
from neo4j.exceptions import Neo4jError, ServiceUnavailable

from app.cli.common import console, fail, setup_logging
from graph.db import open_driver
from graph.loader import InputError
from graph.settings import PROJECT_ROOT, get_neo4j_settings

if TYPE_CHECKING:
    from graph.extract.gazetteer import Gazetteer

# graph.extract is imported by the commands that use it, when they run, so that every other
# command (`coachgraph load` above all) does not pay for importing it.

SEEDS = PROJECT_ROOT / "seeds"

Lang = Annotated[str, typer.Option("--lang", help="it, en, es (any lexicon) or auto")]
Date = Annotated[str | None, typer.Option("--date", help="the article's date, YYYY-MM[-DD]")]
Outlet = Annotated[str | None, typer.Option("--outlet", help="the outlet that published it")]
Extra = Annotated[
    list[Path] | None,
    typer.Option("--gazetteer", help="more seeds CSV files/folders of people, teams, outlets"),
]
Offline = Annotated[
    bool, typer.Option("--offline", help="names from seeds/ only, without asking Neo4j")
]


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)
    app.command("ingest")(ingest_command)
    app.command("eval-extract")(eval_command)


def _graph_gazetteer() -> Gazetteer | None:
    from graph.extract.gazetteer import from_graph

    settings = get_neo4j_settings()
    try:
        driver = open_driver(settings)
    except RuntimeError:
        return None
    try:
        driver.verify_connectivity()
        return from_graph(driver, settings.neo4j_database)
    except (ServiceUnavailable, Neo4jError, OSError):
        return None
    finally:
        driver.close()


def gazetteer(extra: list[Path] | None, offline: bool) -> Gazetteer:
    """The graph's names when Neo4j answers, else seeds/; plus any extra CSV files."""
    from graph.extract.gazetteer import from_seeds, merged

    gaz = None if offline else _graph_gazetteer()
    if gaz is None:
        if not offline:
            console.print("Neo4j is not reachable: resolving names against seeds/", style="yellow")
        gaz = from_seeds([SEEDS])
    return merged(gaz, from_seeds(extra)) if extra else gaz


def extract_command(
    article: Annotated[Path, typer.Argument(help="the article, a UTF-8 text file")],
    lang: Lang = "auto",
    date: Date = None,
    outlet: Outlet = None,
    extra: Extra = None,
    offline: Offline = False,
) -> None:
    """Print the claims of an article as JSON (writes nothing)."""
    from graph.extract.errors import ExtractError
    from graph.extract.ingest import read_article
    from graph.extract.pipeline import extract

    try:
        text = read_article(article)
        result = extract(text, gazetteer(extra, offline), lang=lang, date=date, outlet=outlet)
    except ExtractError as exc:
        raise fail(str(exc), code=2) from None
    typer.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))


def ingest_command(
    articles: Annotated[list[Path], typer.Argument(help="article text files (UTF-8)")],
    create_new: Annotated[
        bool, typer.Option("--create-new", help="create people, teams, outlets not in the graph")
    ] = False,
    lang: Lang = "auto",
    date: Date = None,
    outlet: Outlet = None,
    title: Annotated[str | None, typer.Option(help="the article's title")] = None,
) -> None:
    """Extract articles and load each, with its claims, in one transaction (idempotent)."""
    from graph.extract.errors import ExtractError
    from graph.extract.ingest import read_article

    setup_logging()
    settings = get_neo4j_settings()
    try:
        texts = [(path, read_article(path)) for path in articles]
    except ExtractError as exc:
        raise fail(str(exc), code=2) from None
    try:
        driver = open_driver(settings)
    except RuntimeError as exc:
        raise fail(str(exc)) from None
    try:
        for path, text in texts:
            result = _ingest_one(
                driver, settings.neo4j_database, path, text, lang, date, outlet, title, create_new
            )
            typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
    finally:
        driver.close()


def _ingest_one(
    driver: Driver,
    database: str,
    path: Path,
    text: str,
    lang: str,
    date: str | None,
    outlet: str | None,
    title: str | None,
    create_new: bool,
) -> dict[str, object]:
    from graph.extract.errors import ExtractError
    from graph.extract.ingest import ingest_text

    try:
        result = ingest_text(
            text,
            driver,
            database,
            lang=lang,
            date=date,
            outlet=outlet,
            title=title,
            create_new=create_new,
        )
    except ExtractError as exc:
        raise fail(f"{path}: {exc}", code=2) from None
    except InputError as exc:
        raise fail(f"{path}: nothing was written.\n{exc}", code=2) from None
    except ServiceUnavailable as exc:
        raise fail(f"Neo4j is unreachable ({exc}); nothing of {path} was written") from None
    except Neo4jError as exc:
        raise fail(f"Neo4j refused the write of {path}: {exc}; nothing was written") from None
    written = sum(result.rows.values())
    console.print(
        f"{path}: {result.article_id}: {written} rows"
        + (f", {len(result.skipped)} claims skipped" if result.skipped else "")
        + (
            f", {len(result.candidates)} unknown names to confirm (--create-new creates them)"
            if result.candidates
            else ""
        ),
        highlight=False,
    )
    return {"file": str(path), **{k: v for k, v in result.to_json().items() if k != "extraction"}}


def eval_command(
    directory: Annotated[
        Path, typer.Argument(help="articles *.txt with their labels (*.json or *.gold.json)")
    ],
    extra: Extra = None,
    offline: Offline = False,
    verbose: Annotated[bool, typer.Option("-v", help="list every miss")] = False,
) -> None:
    """Precision, recall and F1 of the extractor per claim type and language, with status and
    polarity accuracy, against hand-labelled articles.

    Names come from the graph (or seeds/) plus DIR/gazetteer when it exists.
    """
    from graph.extract.errors import ExtractError
    from graph.extract.evaluate import evaluate_dir

    if not directory.is_dir():
        raise fail(f"{directory} is not a folder", code=2)
    more = list(extra or [])
    if (directory / "gazetteer").is_dir():
        more.append(directory / "gazetteer")
    try:
        report = evaluate_dir(directory, gazetteer(more, offline))
    except ExtractError as exc:
        raise fail(str(exc), code=2) from None
    if not report.total_articles:
        raise fail(f"no article with its labels (.json or .gold.json) in {directory}", code=2)
    for line in report.table():
        typer.echo(line)
    if verbose:
        for kind, score in report.scores.items():
            for miss in score.misses:
                typer.echo(f"  {kind}: {miss}")
