"""What the graph covers: counts by kind, where the tenures come from, what the imports refused,
when the graph was last loaded, and a few coaches to start exploring with."""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import Any, LiteralString

from graph.domain import SourceKind
from graph.models.stats import (
    GraphLoad,
    NodeCounts,
    PublisherCount,
    RefusalCount,
    RefusalCounts,
    RefusedRow,
    SourceKindCounts,
    StartPrecisionCounts,
    StatsPublic,
    TenureCounts,
    TenuresBySource,
)
from graph.reads.common import entity
from graph.repository import Repository

# Labels that only some graphs hold: the rows an import refused, and coaches seen in charge on a
# match day. Their statements run only when db.labels() lists the label: Neo4j warns on every
# statement that names a label it has never seen, and matching the label by a parameter instead
# would scan every node.
REFUSAL_LABEL = "Refusal"
OBSERVATION_LABEL = "Observation"

#: How many coaches the answer suggests.
TRY_LIMIT = 6

LABELS_IN_USE: LiteralString = """
CALL db.labels() YIELD label
RETURN collect(label) AS labels
"""

# Each count comes from the count store, except sources, grouped by their `kind`.
NODE_COUNTS: LiteralString = """
CALL () { MATCH (n:Coach) RETURN count(n) AS coaches }
CALL () { MATCH (n:Person) RETURN count(n) AS people }
CALL () { MATCH (n:Club) RETURN count(n) AS clubs }
CALL () { MATCH (n:NationalTeam) RETURN count(n) AS national_teams }
CALL () { MATCH (n:Tenure) RETURN count(n) AS tenures }
CALL () { MATCH (n:Move) RETURN count(n) AS moves }
CALL () { MATCH (n:Outlet) RETURN count(n) AS outlets }
CALL () {
  MATCH (s:Source)
  WITH s.kind AS kind, count(s) AS n
  RETURN collect({kind: kind, n: n}) AS sources
}
RETURN coaches, people - coaches AS other_people, clubs, national_teams, tenures, moves,
       outlets, sources
"""

OBSERVATION_COUNT: LiteralString = "MATCH (n:Observation) RETURN count(n) AS n"

# One pass over the tenures: each with the source of its best-ranked claim (rank 0 gives the
# agreed value, graph.domain.settlement), grouped with its start precision and whether it is
# disputed. A tenure without a ranked claim has no best source.
TENURE_COUNTS: LiteralString = """
MATCH (t:Tenure)
WITH t, [(t)-[c:SOURCED_FROM]->(s:Source) WHERE c.rank = 0 | s][0] AS best
RETURN best.kind AS kind,
       CASE WHEN best.kind = $dataset THEN best.publisher END AS publisher,
       t.start_precision AS precision,
       coalesce(t.disputed, false) AS disputed,
       count(t) AS tenures
"""

# Read through properties(r): a property key the graph has never held draws a warning too.
REFUSAL_COUNTS: LiteralString = """
MATCH (r:Refusal)
WITH properties(r) AS r
RETURN r.dataset AS dataset, r.file AS file, count(*) AS rows
ORDER BY rows DESC, dataset, file
"""

REFUSED_ROWS: LiteralString = """
MATCH (r:Refusal)
WITH properties(r) AS r
RETURN r.dataset AS dataset, r.file AS file, r.row AS row, r.reason AS reason
ORDER BY dataset, file, row
"""

GRAPH_LOAD: LiteralString = """
OPTIONAL MATCH (m:Meta {id: 'graph'})
RETURN m.version AS version, toString(m.updated_at) AS updated_at
"""

# The coaches with the most tenures (the relationship count of each node, no expansion).
COACHES_TO_TRY: LiteralString = """
MATCH (p:Coach)
WITH p, COUNT { (p)-[:HELD]->() } AS tenures
ORDER BY tenures DESC, p.name, p.id
LIMIT $limit
RETURN {id: p.id, name: p.name, labels: labels(p)} AS coach
"""

_KINDS = frozenset(kind.value for kind in SourceKind)
_PRECISIONS = frozenset(("year", "month", "day"))


def _source_counts(rows: list[dict[str, Any]]) -> SourceKindCounts:
    by_kind = {row["kind"]: row["n"] for row in rows}
    return SourceKindCounts(**{kind.value: by_kind.get(kind.value, 0) for kind in SourceKind})


def _tenure_counts(rows: list[dict[str, Any]]) -> TenureCounts:
    by_kind: Counter[str] = Counter()
    by_publisher: Counter[str | None] = Counter()
    by_precision: Counter[str] = Counter()
    disputed = 0
    for row in rows:
        n = row["tenures"]
        kind = row["kind"] if row["kind"] in _KINDS else "none"
        by_kind[kind] += n
        if kind == SourceKind.dataset:
            by_publisher[row["publisher"]] += n
        by_precision[row["precision"] if row["precision"] in _PRECISIONS else "unknown"] += n
        disputed += n if row["disputed"] else 0
    publishers = sorted(by_publisher.items(), key=lambda item: (-item[1], item[0] or ""))
    return TenureCounts(
        total=sum(by_kind.values()),
        disputed=disputed,
        by_source=TenuresBySource(**by_kind),
        by_dataset_publisher=[PublisherCount(publisher=p, tenures=n) for p, n in publishers],
        by_start_precision=StartPrecisionCounts(**by_precision),
    )


async def _count_if(repo: Repository, present: bool, text: LiteralString) -> list[dict[str, Any]]:
    return await repo.read(text) if present else []


async def _labels(repo: Repository) -> set[str]:
    return set((await repo.read(LABELS_IN_USE))[0]["labels"])


async def stats(repo: Repository) -> StatsPublic:
    """Counts of what the graph holds, refused input rows, the last load, coaches to try."""
    labels = await _labels(repo)
    nodes, tenures, refusals, observations, load, coaches = await asyncio.gather(
        repo.read(NODE_COUNTS),
        repo.read(TENURE_COUNTS, dataset=SourceKind.dataset.value),
        _count_if(repo, REFUSAL_LABEL in labels, REFUSAL_COUNTS),
        _count_if(repo, OBSERVATION_LABEL in labels, OBSERVATION_COUNT),
        repo.read(GRAPH_LOAD),
        repo.read(COACHES_TO_TRY, limit=TRY_LIMIT),
    )
    counts = nodes[0]
    by_file = [RefusalCount(**row) for row in refusals]
    return StatsPublic(
        nodes=NodeCounts(
            **{key: counts[key] for key in counts if key != "sources"},
            sources=_source_counts(counts["sources"]),
            observations=observations[0]["n"] if observations else 0,
        ),
        tenures=_tenure_counts(tenures),
        refused=RefusalCounts(total=sum(r.rows for r in by_file), by_file=by_file),
        graph=GraphLoad(**load[0]),
        try_=[entity(row["coach"]) for row in coaches],
    )


async def refused_rows(repo: Repository) -> list[RefusedRow]:
    """Every input row the imports refused, with its reason, by data set, file and row."""
    if REFUSAL_LABEL not in await _labels(repo):
        return []
    return [RefusedRow(**row) for row in await repo.read(REFUSED_ROWS)]
