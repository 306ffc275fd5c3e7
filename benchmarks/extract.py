"""How long extraction takes per article with the full offline gazetteer.

    .venv/bin/python -m benchmarks.extract [--rounds 5] [DIR ...]

The gazetteer is the one `coachgraph extract --offline` and `eval-extract --offline` use: the
curated seeds and the Wikidata export (seeds/wikidata). The articles are corpus/extraction/dev
by default (the test split is only ever scored, never timed or read otherwise). Each round
extracts every article once, after one warm-up round; the report gives the machine, the
gazetteer's size and ms per article (median and slowest round, and the slowest article). It
prints numbers and decides nothing: no test holds extraction to a time.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from benchmarks.machine import cpu_model
from graph.extract.gazetteer import Gazetteer, from_seeds
from graph.extract.pipeline import extract
from graph.settings import PROJECT_ROOT

DEV = PROJECT_ROOT / "corpus" / "extraction" / "dev"


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    lang: str
    date: str | None


@dataclass(frozen=True)
class Timing:
    articles: int
    rounds: list[float]  # ms per article, each round
    slowest: tuple[str, float]  # the slowest article (median ms over the rounds)

    @property
    def median(self) -> float:
        return statistics.median(self.rounds)


def articles(folders: list[Path]) -> list[Article]:
    """The `.txt` articles of the folders, with lang and date from their label files."""
    out = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            meta: dict[str, str] = {}
            for label in (path.with_suffix(".json"), path.with_suffix(".gold.json")):
                if label.is_file():
                    meta = json.loads(label.read_text(encoding="utf-8"))
                    break
            text = path.read_text(encoding="utf-8")
            out.append(Article(path.stem, text, meta.get("lang", "auto"), meta.get("date")))
    return out


def measure(items: list[Article], gaz: Gazetteer, rounds: int) -> Timing:
    """Extract every article `rounds` times after a warm-up round."""
    for a in items:
        extract(a.text, gaz, lang=a.lang, date=a.date)
    per_round: list[float] = []
    per_article: dict[str, list[float]] = {a.name: [] for a in items}
    for _ in range(rounds):
        start = time.perf_counter()
        for a in items:
            t0 = time.perf_counter()
            extract(a.text, gaz, lang=a.lang, date=a.date)
            per_article[a.name].append((time.perf_counter() - t0) * 1000)
        per_round.append((time.perf_counter() - start) * 1000 / len(items))
    slowest = max(per_article.items(), key=lambda kv: statistics.median(kv[1]))
    return Timing(len(items), per_round, (slowest[0], statistics.median(slowest[1])))


def report(timing: Timing, gaz: Gazetteer, folders: list[Path]) -> list[str]:
    kinds: dict[str, int] = {}
    for entry in gaz.entries.values():
        kinds[entry.kind] = kinds.get(entry.kind, 0) + 1
    cores = f"{psutil.cpu_count(logical=False)} physical / {psutil.cpu_count()} logical"
    return [
        f"machine: {cpu_model()}, {cores} cores, Python {platform.python_version()}",
        "gazetteer: "
        + ", ".join(f"{n} {k}s" for k, n in sorted(kinds.items()))
        + f", {sum(len(v) for v in gaz.index.values())} names",
        f"articles: {timing.articles} from {', '.join(str(f) for f in folders)}",
        f"rounds: {len(timing.rounds)} (after one warm-up round)",
        f"ms/article: median {timing.median:.1f}, slowest round {max(timing.rounds):.1f}",
        f"slowest article: {timing.slowest[0]} ({timing.slowest[1]:.1f} ms)",
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[DEV])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    gaz = from_seeds([PROJECT_ROOT / "seeds"])
    built = (time.perf_counter() - t0) * 1000
    timing = measure(articles(args.folders), gaz, max(1, args.rounds))
    for line in report(timing, gaz, args.folders):
        print(line)
    print(f"gazetteer built in {built:.0f} ms (once per process)")


if __name__ == "__main__":
    main()
