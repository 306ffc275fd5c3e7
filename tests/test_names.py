"""Team names that are one team written two ways fold alike; different teams never do."""

from __future__ import annotations

import pytest

from graph.domain import fold, team_key

SAME = [
    ("Juventus", "Juventus FC"),
    ("Everton", "Everton Football Club"),
    ("Valencia", "Valencia Club de Fútbol"),
    ("Valencia CF", "Valencia C.F."),
    ("AS Roma", "A.S. Roma"),
    ("AS Roma", "Associazione Sportiva Roma"),
    ("Atlético Madrid", "Club Atlético de Madrid"),
    ("Chelsea", "Chelsea F.C."),
    ("Parma", "Parma Calcio 1913"),
    ("SSC Napoli", "Società Sportiva Calcio Napoli"),
    ("AC Milan", "A.C. Milan"),
    ("Bologna", "Bologna FC 1909"),
    ("Schalke", "FC Schalke 04"),
    ("Sevilla", "Sevilla Fútbol Club"),
    ("Braga", "SC Braga"),
]

DIFFERENT = [
    ("AC Milan", "Inter Milan"),
    ("Real Madrid", "Atlético Madrid"),
    ("Real Madrid", "Real Madrid Castilla"),
    ("Manchester United", "Manchester City"),
    ("Paris FC", "Paris Saint-Germain"),
    ("Juventus", "Juventus Women"),
    ("Spain", "Spain U21"),
    ("Borussia Dortmund", "Borussia Mönchengladbach"),
    ("Olympique Lyonnais", "Olympique de Marseille"),
    ("Sporting Gijón", "Sporting CP"),
    ("Bayern Munich", "1860 Munich"),
    ("Real Sociedad", "Real Unión"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_one_team_written_two_ways_folds_alike(a: str, b: str) -> None:
    assert team_key(a) == team_key(b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_teams_never_fold_alike(a: str, b: str) -> None:
    assert team_key(a) != team_key(b)


def test_a_name_of_legal_form_words_only_is_its_own_key() -> None:
    assert team_key("Athletic Club") == "athletic club"
    assert team_key("Sporting") == "sporting"


def test_fold() -> None:
    assert fold("Sérgio Conceição") == "sergio conceicao"
    assert fold("Fußball-Club Köln") == "fussball club koln"
