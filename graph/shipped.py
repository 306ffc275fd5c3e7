"""Everything the project ships, loaded in order: the curated seeds, then the real coverage data.

1. `seeds/*.csv` and any seeds files in its subfolders — the curated graph, through the loader;
2. `seeds/wikidata/` — Wikidata's head-coach statements (CC0), through the Wikidata importer,
   which matches them with the seeds by QID and name and writes through the same loader;
3. `seeds/worldcup/` — World Cup managers (CC BY-SA 4.0) as observations of who was on the
   bench on a match day, through the World Cup importer and the same loader.

Each step is idempotent: loading everything again changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from neo4j import Driver

from graph.loader import LoadSummary, load
from graph.settings import PROJECT_ROOT
from graph.wikidata import ImportSummary, import_files
from graph.worldcup import WorldCupSummary, import_worldcup

SEEDS = PROJECT_ROOT / "seeds"
WIKIDATA = SEEDS / "wikidata"
WORLDCUP = SEEDS / "worldcup"


@dataclass
class ShippedSummary:
    seeds: LoadSummary
    wikidata: ImportSummary | None
    worldcup: WorldCupSummary | None = None

    def lines(self) -> list[str]:
        out = ["seeds:", *self.seeds.lines()]
        if self.wikidata is not None:
            out += ["Wikidata (seeds/wikidata):", *self.wikidata.lines()]
            if self.wikidata.skipped:
                out.append(
                    f"  {len(self.wikidata.skipped)} rows refused, each with its reason: "
                    "`coachgraph stats --refused`, or MATCH (r:Refusal) in Neo4j Browser"
                )
        if self.worldcup is not None:
            out += ["World Cup managers (seeds/worldcup):", *self.worldcup.lines()]
        return out


def load_shipped(
    driver: Driver,
    database: str,
    *,
    seeds: Path = SEEDS,
    wikidata: Path | None = WIKIDATA,
    worldcup: Path | None = WORLDCUP,
) -> ShippedSummary:
    """Load the curated seeds, then import the shipped Wikidata statements and World Cup
    managers (in this order: the observations find the tenures the statements date).

    Raises:
        InputError: a seeds file is invalid (nothing of it was written).
        ExportError: the Wikidata files are not importable (nothing of them was written).
    """
    seeded = load([seeds], driver, database)
    imported = None
    if wikidata is not None and wikidata.is_dir():
        imported = import_files([wikidata], driver, database)
    observed = None
    if worldcup is not None and worldcup.is_dir():
        observed = import_worldcup(worldcup, driver, database)
    return ShippedSummary(seeded, imported, observed)
