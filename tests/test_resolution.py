"""Rumour resolution: pure cases on hand-made records, then the seeds through the API."""

from __future__ import annotations

from datetime import date

from neo4j import Driver

from app.settings import ApiSettings
from graph.analytics.resolution import (
    MoveFact,
    Reason,
    Resolution,
    TenureFact,
    add_months,
    move_ids_with_resolution,
    resolutions,
    resolutions_for,
    resolve_move,
    resolve_moves,
)
from tests.test_analytics_support import with_repo

TODAY = date(2026, 1, 1)


def tenure(
    ident: str,
    coach: str,
    team: str,
    start: str,
    role: str = "head",
    start_date: date | None = None,
) -> TenureFact:
    parts = [int(p) for p in start.split("-")] + [1, 1]
    return TenureFact(
        id=ident,
        coach=coach,
        team=team,
        role=role,
        start=start,
        start_date=start_date or date(parts[0], parts[1], parts[2]),
    )


RUMOUR = MoveFact(
    id="rossi-beta", coach="rossi", team="beta", first_reported="2024-01", statuses=("rumoured",)
)


def resolve(*tenures: TenureFact, move: MoveFact = RUMOUR, as_of: date = TODAY, window: int = 18):
    return resolve_move(move, tenures, as_of=as_of, window_months=window)


def test_window_is_calendar_months_after_the_first_reports_earliest_day() -> None:
    assert add_months(date(2024, 1, 1), 18) == date(2025, 7, 1)
    assert add_months(date(2023, 8, 31), 6) == date(2024, 2, 29)
    assert resolve().window_ends == date(2025, 7, 1)


def test_materialised_when_the_coach_takes_charge_of_the_team_within_the_window() -> None:
    r = resolve(tenure("rossi-beta-t", "rossi", "beta", "2024-06-01"))
    assert r.resolution is Resolution.materialised
    assert r.reason is Reason.coach_appointed
    assert r.decided_by is not None and r.decided_by.id == "rossi-beta-t"
    assert r.rumour and r.resolved


def test_coach_starting_elsewhere_first_means_it_did_not_happen() -> None:
    r = resolve(
        tenure("rossi-gamma", "rossi", "gamma", "2024-03-01"),
        tenure("rossi-beta-t", "rossi", "beta", "2025-01-01"),
    )
    assert r.resolution is Resolution.did_not_happen
    assert r.reason is Reason.coach_started_elsewhere
    assert r.decided_by is not None and r.decided_by.id == "rossi-gamma"


def test_team_appointing_another_head_coach_first_means_it_did_not_happen() -> None:
    r = resolve(tenure("verdi-beta", "verdi", "beta", "2024-02-10"))
    assert r.resolution is Resolution.did_not_happen
    assert r.reason is Reason.team_appointed_other
    assert r.team_next is not None and r.team_next.id == "verdi-beta"
    assert r.coach_next is None


def test_a_caretaker_at_the_team_does_not_close_the_rumour() -> None:
    caretaker = tenure("bianchi-beta", "bianchi", "beta", "2024-02-10", role="caretaker")
    assert resolve(caretaker, as_of=date(2024, 6, 1)).resolution is Resolution.open
    r = resolve(caretaker, tenure("rossi-beta-t", "rossi", "beta", "2024-05-01"))
    assert r.resolution is Resolution.materialised


def test_the_coach_as_caretaker_at_the_team_counts_but_an_assistant_role_elsewhere_does_not() -> (
    None
):
    r = resolve(
        tenure("rossi-delta-ass", "rossi", "delta", "2024-02-01", role="assistant"),
        tenure("rossi-beta-ct", "rossi", "beta", "2024-03-01", role="caretaker"),
    )
    assert r.resolution is Resolution.materialised
    assert r.decided_by is not None and r.decided_by.id == "rossi-beta-ct"


def test_tie_on_the_same_day_goes_to_the_materialising_tenure() -> None:
    r = resolve(
        tenure("verdi-beta", "verdi", "beta", "2024-07-01"),
        tenure("rossi-beta-t", "rossi", "beta", "2024-07-01"),
    )
    assert r.resolution is Resolution.materialised


def test_tie_between_two_contrary_events_goes_to_the_coachs_own_move() -> None:
    r = resolve(
        tenure("a-verdi-beta", "verdi", "beta", "2024-07-01"),
        tenure("z-rossi-gamma", "rossi", "gamma", "2024-07-01"),
    )
    assert r.resolution is Resolution.did_not_happen
    assert r.reason is Reason.coach_started_elsewhere
    assert r.decided_by is not None and r.decided_by.id == "z-rossi-gamma"


def test_no_outcome_yet_stays_open_while_the_window_runs() -> None:
    r = resolve(as_of=date(2025, 6, 30))
    assert r.resolution is Resolution.open
    assert r.reason is None and r.decided_by is None and not r.resolved


def test_no_outcome_once_the_window_has_passed_did_not_happen() -> None:
    r = resolve(as_of=date(2025, 7, 2))
    assert r.resolution is Resolution.did_not_happen
    assert r.reason is Reason.window_expired


def test_coming_true_after_the_window_is_did_not_happen_with_the_late_tenure_kept() -> None:
    late = tenure("rossi-beta-late", "rossi", "beta", "2025-09-01")
    r = resolve(late)
    assert r.resolution is Resolution.did_not_happen
    assert r.reason is Reason.window_expired
    assert r.came_true_late == late
    assert r.coach_next == late
    # the same facts with a longer window: materialised
    assert resolve(late, window=24).resolution is Resolution.materialised


def test_tenures_that_started_before_the_rumour_are_not_outcomes() -> None:
    r = resolve(
        tenure("rossi-alfa", "rossi", "alfa", "2020-07-01"),
        tenure("verdi-beta-old", "verdi", "beta", "2023-12-01"),
        as_of=date(2024, 6, 1),
    )
    assert r.resolution is Resolution.open


def test_a_tenure_whose_start_is_known_to_the_month_of_the_report_counts() -> None:
    # reported "2024-01"; tenure started "2024-01" (month precision): it may be after the report
    r = resolve(tenure("rossi-beta-t", "rossi", "beta", "2024-01"))
    assert r.resolution is Resolution.materialised


def test_a_move_without_a_report_date_stays_open() -> None:
    move = MoveFact(id="m", coach="rossi", team="beta", first_reported=None, statuses=("rumoured",))
    r = resolve(tenure("rossi-beta-t", "rossi", "beta", "2024-06-01"), move=move)
    assert r.resolution is Resolution.open and r.reason is Reason.no_report_date


def test_rumour_flag_comes_from_any_rumour_status_and_resolution_applies_to_all() -> None:
    confirmed = MoveFact(
        id="c", coach="rossi", team="beta", first_reported="2024-01", statuses=("confirmed",)
    )
    collapsed = MoveFact(
        id="k", coach="rossi", team="beta", first_reported="2024-01", statuses=("collapsed",)
    )
    tenures = [tenure("rossi-beta-t", "rossi", "beta", "2024-06-01")]
    out = resolve_moves([confirmed, collapsed], tenures, as_of=TODAY)
    assert not out["c"].rumour and out["c"].resolution is Resolution.materialised
    # a collapsed rumour can still come true: resolution reads tenures, not later reports
    assert out["k"].rumour and out["k"].resolution is Resolution.materialised


def test_resolve_moves_only_looks_at_the_moves_coach_and_team() -> None:
    moves = [
        RUMOUR,
        MoveFact(
            id="x", coach="neri", team="gamma", first_reported="2024-02", statuses=("rumoured",)
        ),
    ]
    tenures = [
        tenure("neri-gamma", "neri", "gamma", "2024-03-01"),
        tenure("verdi-beta", "verdi", "beta", "2024-04-01"),
        tenure("other", "bruno", "omega", "2024-02-15"),
    ]
    out = resolve_moves(moves, tenures, as_of=TODAY)
    assert out["rossi-beta"].reason is Reason.team_appointed_other
    assert out["x"].resolution is Resolution.materialised


# ---------------------------------------------------------------------------------------------
# The seeds, in the real Neo4j, through the API.


def test_seed_rumours_resolve_as_the_issue_says(
    seeded_module: Driver, settings: ApiSettings
) -> None:
    out = with_repo(settings, lambda repo: resolutions(repo, as_of=TODAY))
    roma = out["ancelotti-as-roma-2025"]
    assert roma.rumour
    assert roma.resolution is Resolution.did_not_happen
    assert roma.reason is Reason.coach_started_elsewhere
    assert roma.decided_by is not None and roma.decided_by.id == "ancelotti-brazil"
    assert roma.team_next is not None and roma.team_next.id == "gasperini-roma"
    milan = out["ancelotti-ac-milan-2025"]
    assert milan.rumour and milan.resolution is Resolution.did_not_happen
    assert milan.team_next is not None and milan.team_next.id == "allegri-ac-milan"
    brazil_2024 = out["ancelotti-brazil-2024"]
    assert brazil_2024.resolution is Resolution.did_not_happen
    assert brazil_2024.reason is Reason.window_expired
    assert brazil_2024.came_true_late is not None
    assert brazil_2024.came_true_late.id == "ancelotti-brazil"
    brazil_2025 = out["ancelotti-brazil-2025"]
    assert brazil_2025.resolution is Resolution.materialised and not brazil_2025.rumour
    assert brazil_2025.decided_by is not None and brazil_2025.decided_by.id == "ancelotti-brazil"
    # departures, sackings and retirements are not resolved
    assert "ancelotti-retirement-2025" not in out


def test_resolution_helpers_for_the_moves_endpoints(
    seeded_module: Driver, settings: ApiSettings
) -> None:
    some = with_repo(
        settings,
        lambda repo: resolutions_for(repo, ["ancelotti-as-roma-2025", "nope"], as_of=TODAY),
    )
    assert list(some) == ["ancelotti-as-roma-2025"]
    ids = with_repo(
        settings, lambda repo: move_ids_with_resolution(repo, "materialised", as_of=TODAY)
    )
    assert ids == ["ancelotti-brazil-2025"]
    ids = with_repo(
        settings, lambda repo: move_ids_with_resolution(repo, "did_not_happen", as_of=TODAY)
    )
    assert ids == ["ancelotti-ac-milan-2025", "ancelotti-as-roma-2025", "ancelotti-brazil-2024"]
    ids = with_repo(settings, lambda repo: move_ids_with_resolution(repo, "open", as_of=TODAY))
    assert ids == []


def test_the_seeds_resolve_the_same_on_every_later_day(
    seeded_module: Driver, settings: ApiSettings
) -> None:
    """The API resolves moves as of the day it answers (`date.today()`). Its tests on the seeds
    (test_api_seeds.py, test_outlets.py) hold whatever day they run because every seed rumour
    was settled by TODAY: no later day changes an answer."""
    settled = with_repo(settings, lambda repo: resolutions(repo, as_of=TODAY))
    assert settled and not any(r.resolution is Resolution.open for r in settled.values())
    for day in (date(2027, 1, 1), date(2100, 1, 1)):
        assert with_repo(settings, lambda repo, day=day: resolutions(repo, as_of=day)) == settled
