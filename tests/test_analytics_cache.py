"""Projections are cached per graph version: an unchanged graph is not read again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from neo4j import Driver

from app.settings import ApiSettings
from graph.analytics import queries, service
from graph.analytics.algorithms import Metric
from graph.analytics.resolution import Resolution, resolutions
from graph.loader import load
from tests.test_analytics_support import CountingRepository, with_repo

EXTRA_TENURE = (
    "id,coach,team,role,start,end,contract_until,source,evidence\n"
    "ancelotti-roma-test,carlo-ancelotti,as-roma,head,2025-05-20,,,ref-treccani-ancelotti,\n"
)


def test_an_unchanged_graph_is_read_once_then_a_load_invalidates(
    seeded_graph: Driver, settings: ApiSettings, tmp_path: Path
) -> None:
    repos: list[CountingRepository] = []

    async def scenario(repo: CountingRepository) -> None:
        first = await service.hubs(repo, "coach", Metric.degree, 5)
        reads_after_first = len(repo.queries)
        assert queries.TENURES in repo.queries
        again = await service.hubs(repo, "coach", Metric.pagerank, 5)
        await service.communities(repo, service.CommunityMethod.greedy, 2)
        await service.succession(repo, "as-roma", 2)
        before = await resolutions(repo, as_of=date(2026, 1, 1))
        # only the version (and the team lookup of /succession, and the moves) were read
        later = repo.queries[reads_after_first:]
        assert queries.TENURES not in later
        assert later.count(queries.GRAPH_VERSION) == 4
        assert set(later) == {queries.GRAPH_VERSION, queries.TEAM, queries.APPOINTMENT_MOVES}
        assert first.graph_version == again.graph_version
        assert before["ancelotti-as-roma-2025"].resolution is Resolution.did_not_happen

        # a load that changes the graph bumps the version: the next request re-reads it
        extra = tmp_path / "extra.tenures.csv"
        extra.write_text(EXTRA_TENURE, encoding="utf-8")
        load([extra], seeded_graph, "neo4j")
        mark = len(repo.queries)
        after = await service.hubs(repo, "coach", Metric.degree, 5)
        assert queries.TENURES in repo.queries[mark:]
        assert after.graph_version != first.graph_version
        ancelotti = next(h for h in after.items if h.entity.id == "carlo-ancelotti")
        assert (
            ancelotti.degree
            == next(h.degree for h in first.items if h.entity.id == "carlo-ancelotti") + 1
        )
        # and the resolution is recomputed: the Roma rumour now came true
        now = await resolutions(repo, as_of=date(2026, 1, 1))
        roma = now["ancelotti-as-roma-2025"]
        assert roma.resolution is Resolution.materialised
        assert roma.decided_by is not None and roma.decided_by.id == "ancelotti-roma-test"

    with_repo(settings, scenario, repos)
    assert repos
