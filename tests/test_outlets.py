"""Outlet reliability: pure scoring on synthetic records, then GET /outlets on the seeds."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from graph.analytics.algorithms import Z_95
from graph.analytics.outlets import score_outlets
from graph.analytics.resolution import MoveFact, TenureFact, resolve_moves

AS_OF = date(2026, 1, 1)


def _rumours(n: int, hits: int, prefix: str) -> tuple[list[MoveFact], list[TenureFact]]:
    """n rumours "coach i to team i" reported 2020-01; the first `hits` came true in 2020-06."""
    moves = [
        MoveFact(f"{prefix}-{i}", f"{prefix}-c{i}", f"{prefix}-t{i}", "2020-01", ("rumoured",))
        for i in range(n)
    ]
    tenures = [
        TenureFact(
            f"{prefix}-ten{i}",
            f"{prefix}-c{i}",
            f"{prefix}-t{i}",
            "head",
            "2020-06-01",
            date(2020, 6, 1),
        )
        for i in range(hits)
    ]
    return moves, tenures


def test_three_lucky_calls_do_not_outrank_three_hundred() -> None:
    lucky_moves, lucky_tenures = _rumours(3, 3, "lucky")
    big_moves, big_tenures = _rumours(300, 270, "big")
    open_move = MoveFact("open-1", "o-c", "o-t", "2025-12", ("rumoured",))
    resolved = resolve_moves(
        [*lucky_moves, *big_moves, open_move], [*lucky_tenures, *big_tenures], as_of=AS_OF
    )
    reports = [
        {
            "outlet": "lucky",
            "move": m.id,
            "kind": "appointment",
            "status": "rumoured",
            "date": "2020-01",
            "source": "s1",
        }
        for m in lucky_moves
    ]
    reports += [
        {
            "outlet": "big",
            "move": m.id,
            "kind": "appointment",
            "status": "rumoured",
            "date": "2020-01",
            "source": "s2",
        }
        for m in big_moves
    ]
    reports += [
        # open rumours count as reported, not resolved; other statuses are not the outlet's claim
        {
            "outlet": "fresh",
            "move": "open-1",
            "kind": "appointment",
            "status": "rumoured",
            "date": "2025-12",
            "source": "s3",
        },
        {
            "outlet": "fresh",
            "move": "big-0",
            "kind": "appointment",
            "status": "confirmed",
            "date": "2020-06",
            "source": "s3",
        },
        # a departure rumour cannot be resolved by a tenure: unscored
        {
            "outlet": "fresh",
            "move": "leaves-1",
            "kind": "departure",
            "status": "rumoured",
            "date": "2020-06",
            "source": "s3",
        },
        {
            "outlet": "unknown-outlet",
            "move": "big-1",
            "kind": "appointment",
            "status": "rumoured",
            "date": "2020-01",
            "source": "s4",
        },
    ]
    outlets = [{"id": i, "name": i.title()} for i in ("lucky", "fresh", "big", "silent")]
    ranked = score_outlets(outlets, reports, resolved)
    assert [s.id for s in ranked] == ["big", "lucky", "fresh", "silent"]
    big, lucky, fresh, silent = ranked
    assert (big.reported, big.resolved, big.materialised) == (300, 300, 270)
    assert big.rate == pytest.approx(0.9)
    assert lucky.rate == 1.0 and lucky.ci_low == pytest.approx(3 / (3 + Z_95**2))
    assert big.ci_low is not None and lucky.ci_low is not None and big.ci_low > lucky.ci_low
    assert (fresh.reported, fresh.resolved, fresh.unscored) == (1, 0, 1)
    assert fresh.rate is None and fresh.ci_low is None
    assert (silent.reported, silent.unscored) == (0, 0)
    assert set(lucky.rumours) == {"lucky-0", "lucky-1", "lucky-2"}
    assert lucky.rumours["lucky-0"] == (["2020-01"], ["s1"])


def test_outlets_are_ranked_with_counts_and_wilson_interval(
    seeded_module: Driver, client: TestClient
) -> None:
    body = client.get("/outlets").json()
    assert body["total"] == 2 and body["confidence"] == 0.95 and body["window_months"] == 18
    first, second = body["items"]
    assert first["outlet"] == {"id": "tuttosport", "name": "Tuttosport", "kind": "outlet"}
    assert (first["reported"], first["resolved"], first["materialised"]) == (1, 1, 0)
    assert first["rate"] == 0.0 and first["ci_low"] == 0.0
    assert first["ci_high"] == pytest.approx(Z_95**2 / (1 + Z_95**2))
    # the Spanish press reported only Ancelotti's departure: nothing to score yet
    assert second["outlet"]["id"] == "spanish-press"
    assert (second["reported"], second["resolved"], second["unscored"]) == (0, 0, 1)
    assert second["rate"] is None and second["ci_low"] is None
    page = client.get("/outlets", params={"limit": 1, "offset": 1}).json()
    assert [i["outlet"]["id"] for i in page["items"]] == ["spanish-press"]
    assert (page["total"], page["limit"], page["offset"]) == (2, 1, 1)


def test_outlet_detail_shows_its_rumours_and_their_fates(
    seeded_module: Driver, client: TestClient
) -> None:
    body = client.get("/outlets/tuttosport").json()
    assert body["rank"] == 1
    (rumour,) = body["rumours"]
    assert rumour["move"] == {
        "id": "ancelotti-as-roma-2025",
        "name": "Carlo Ancelotti → AS Roma",
        "kind": "move",
    }
    assert rumour["to"] == {"id": "as-roma", "name": "AS Roma", "kind": "club"}
    assert rumour["reported"] == ["2025-01"]
    assert rumour["sources"] == ["article-fc36557d683ab8d1"]
    fate = rumour["resolution"]
    assert fate["resolution"] == "did_not_happen" and fate["rumour"] is True
    assert fate["reason"] == "coach_started_elsewhere"
    assert fate["decided_by"]["id"] == "ancelotti-brazil"
    assert fate["team_next"]["id"] == "gasperini-roma"
    assert fate["team_next"]["coach"] == "gian-piero-gasperini"


def test_unknown_outlet_is_404_and_bad_parameters_422(
    seeded_module: Driver, client: TestClient
) -> None:
    response = client.get("/outlets/no-such-outlet")
    assert response.status_code == 404
    assert response.json()["kind"] == "outlet" and response.json()["id"] == "no-such-outlet"
    assert client.get("/outlets", params={"limit": 0}).status_code == 422
    assert client.get("/outlets", params={"window_months": 0}).status_code == 422


def test_a_shorter_window_changes_nothing_decided_by_tenures(
    seeded_module: Driver, client: TestClient
) -> None:
    # Brazil appointed Ancelotti four months after Tuttosport's Roma report
    body = client.get("/outlets/tuttosport", params={"window_months": 6}).json()
    assert body["rumours"][0]["resolution"]["resolution"] == "did_not_happen"
    assert body["rumours"][0]["resolution"]["window_ends"] == "2025-07-01"
