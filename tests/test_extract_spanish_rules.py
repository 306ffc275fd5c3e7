"""Spanish rules, on sentences written for these tests (none taken from an article): a coach
kept in his post without the team named, Latin American vocabulary of leaving and arriving,
closing a deal, influences on an exit, and words that are no names. Offline gazetteer, no
Neo4j."""

from __future__ import annotations

import pytest

from graph.extract import extract
from graph.extract.gazetteer import Gazetteer
from graph.extract.lexicon import load_lexicon
from graph.extract.mentions import find_mentions
from graph.extract.tokens import tokenize
from tests.extract_views import move_statuses, tenure_statuses

_moves = move_statuses


_tenures = tenure_statuses


def _influences(x: object) -> set[tuple[str, str, str, str]]:
    return {
        (i.person.name, i.move.coach.name, i.move.kind, i.polarity)
        for i in x.influences  # type: ignore[attr-defined]
    }


def test_in_post_without_team_is_a_current_spell_at_the_articles_bench(gaz: Gazetteer) -> None:
    text = (
        "El Sevilla vive días de tensión tras la derrota. "
        "Pese a todo, Manuel Pellegrini sigue en el cargo."
    )
    x = extract(text, gaz, lang="es")
    assert _tenures(x) == {("Manuel Pellegrini", "Sevilla Fútbol Club"): "current"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jorge Sampaoli dio un paso al costado en el Sevilla tras la eliminación.",
            ("Jorge Sampaoli", "departure", "Sevilla Fútbol Club", "completed"),
        ),
        (
            "Tras la derrota, el club confirmó que Jorge Sampaoli no va más en el Sevilla.",
            ("Jorge Sampaoli", "departure", "Sevilla Fútbol Club", "confirmed"),
        ),
        (
            "El Betis está cerrando el acuerdo con Manuel Pellegrini para la próxima temporada.",
            ("Manuel Pellegrini", "appointment", "Real Betis Balompié", "confirmed"),
        ),
        (
            "Es un orgullo volver, admitió Manuel Pellegrini, nuevo técnico del Betis, ayer.",
            ("Manuel Pellegrini", "appointment", "Real Betis Balompié", "completed"),
        ),
        (
            "El Betis presentará mañana a Manuel Pellegrini como nuevo técnico.",
            ("Manuel Pellegrini", "appointment", "Real Betis Balompié", "confirmed"),
        ),
        (
            "El Betis negoció con Jorge Sampaoli para el banquillo durante el verano.",
            ("Jorge Sampaoli", "appointment", "Real Betis Balompié", "rumoured"),
        ),
    ],
)
def test_spanish_move_vocabulary(
    gaz: Gazetteer, text: str, expected: tuple[str, str, str, str]
) -> None:
    coach, kind, team, status = expected
    assert _moves(extract(text, gaz, lang="es")).get((coach, kind, team)) == status


def test_an_owner_who_does_not_authorise_a_sacking_is_against_it_and_it_is_a_rumour(
    gaz: Gazetteer,
) -> None:
    x = extract(
        "Ángel Haro no autorizó el despido de Manuel Pellegrini en el Betis.", gaz, lang="es"
    )
    assert _moves(x) == {("Manuel Pellegrini", "sacking", "Real Betis Balompié"): "rumoured"}
    assert _influences(x) == {("Ángel Haro", "Manuel Pellegrini", "sacking", "against")}


def test_support_reaffirmed_after_an_apposition_is_against_the_sacking(gaz: Gazetteer) -> None:
    text = (
        "El presidente Ángel Haro reafirmó su apoyo al entrenador Manuel Pellegrini pese a "
        "los rumores de destitución en el Betis."
    )
    x = extract(text, gaz, lang="es")
    assert ("Ángel Haro", "Manuel Pellegrini", "sacking", "against") in _influences(x)


def test_a_proposal_that_did_not_convince_the_president_is_against_the_appointment(
    gaz: Gazetteer,
) -> None:
    text = (
        "El Betis negoció con Jorge Sampaoli para el banquillo, pero la propuesta no "
        "convenció a Ángel Haro."
    )
    x = extract(text, gaz, lang="es")
    assert _influences(x) == {("Ángel Haro", "Jorge Sampaoli", "appointment", "against")}


@pytest.mark.parametrize(
    ("text", "not_a_name"),
    [
        ("El club firmó un contrato millonario con Manuel Pellegrini.", "millonario"),
        ("Finalmente, Pellegrini seguirá en el Betis.", "Finalmente"),
        ("Claramente, Pellegrini no continuará en el Betis.", "Claramente"),
    ],
)
def test_adjectives_and_adverbs_are_no_names(gaz: Gazetteer, text: str, not_a_name: str) -> None:
    x = extract(text, gaz, lang="es")
    assert all(not_a_name not in m.text for m in x.mentions)
    assert all(not_a_name not in u.text for u in x.unresolved)


def test_a_nickname_adjective_after_a_coach_word_is_his_team_and_dejar_claro_is_no_exit(
    gaz: Gazetteer,
) -> None:
    text = (
        "Carlo Ancelotti habló ayer en rueda de prensa y el técnico merengue dejó claro que "
        "está tranquilo."
    )
    x = extract(text, gaz, lang="es")
    assert _tenures(x) == {("Carlo Ancelotti", "Real Madrid"): "current"}
    assert _moves(x) == {}


def test_leaving_a_named_team_is_a_departure(gaz: Gazetteer) -> None:
    x = extract("Carlo Ancelotti dejó el Real Madrid tras cuatro temporadas.", gaz, lang="es")
    assert _moves(x) == {("Carlo Ancelotti", "departure", "Real Madrid"): "completed"}


@pytest.mark.parametrize(
    "text",
    [
        "Manuel Pellegrini asume la responsabilidad por la derrota del Betis ante el Sevilla.",
        "El gol del Betis llegó en el último minuto y Manuel Pellegrini lo celebró con rabia.",
        "Manuel Pellegrini se va contento con el empate del Betis en el Bernabéu.",
    ],
)
def test_idioms_of_taking_arriving_and_going_are_no_moves(gaz: Gazetteer, text: str) -> None:
    assert _moves(extract(text, gaz, lang="es")) == {}


@pytest.mark.parametrize(
    "text",
    [
        "Manuel Pellegrini llegó al Betis en 2020 procedente del West Ham.",
        "Manuel Pellegrini asumió el cargo en el Betis en 2020.",
    ],
)
def test_taking_charge_and_arriving_at_a_team_are_appointments(gaz: Gazetteer, text: str) -> None:
    moves = _moves(extract(text, gaz, lang="es"))
    assert moves == {("Manuel Pellegrini", "appointment", "Real Betis Balompié"): "completed"}


def test_latin_american_candidate_phrases_name_every_candidate(gaz: Gazetteer) -> None:
    text = (
        "Para el banquillo del Betis, Manuel Pellegrini pica en punta, aunque también suenan "
        "Jorge Sampaoli y Quique Setién."
    )
    moves = _moves(extract(text, gaz, lang="es"))
    for coach in ("Manuel Pellegrini", "Jorge Sampaoli"):
        assert moves.get((coach, "appointment", "Real Betis Balompié")) == "rumoured"


def test_a_name_gaining_strength_after_a_sacking_is_a_rumoured_successor(gaz: Gazetteer) -> None:
    text = (
        "El Sevilla despidió ayer a Diego Alonso. "
        "Para su banquillo cobra fuerza el nombre de Jorge Sampaoli."
    )
    moves = _moves(extract(text, gaz, lang="es"))
    assert moves.get(("Jorge Sampaoli", "appointment", "Sevilla Fútbol Club")) == "rumoured"
    assert moves.get(("Diego Alonso", "sacking", "Sevilla Fútbol Club")) == "completed"


def test_an_owner_who_blocks_a_sacking_is_not_the_one_sacked(gaz: Gazetteer) -> None:
    text = (
        "Manuel Pellegrini sigue en el banquillo del Betis. Ángel Haro no ha autorizado el "
        "despido del entrenador. Los consejeros esperaban que Haro decidiera el despido "
        "durante la mañana."
    )
    x = extract(text, gaz, lang="es")
    assert _moves(x) == {("Manuel Pellegrini", "sacking", "Real Betis Balompié"): "rumoured"}
    assert _tenures(x) == {("Manuel Pellegrini", "Real Betis Balompié"): "current"}
    assert _influences(x) == {("Ángel Haro", "Manuel Pellegrini", "sacking", "against")}


def test_the_noun_contrato_is_no_hiring(gaz: Gazetteer) -> None:
    """ "contrató" folds to "contrato": only the verb with its object hires, and the one
    whose contract it is pushes for nobody."""
    text = (
        "El Real Betis busca entrenador y el favorito es Imanol Alguacil. "
        "Joaquín Sánchez tenía contrato con el club hasta diciembre."
    )
    x = extract(text, gaz, lang="es", date="2025-06")
    assert not x.influences, _influences(x)
    hired = extract(
        "El Real Betis contrató a Manuel Pellegrini en el verano.", gaz, lang="es", date="2025-06"
    )
    assert ("Manuel Pellegrini", "appointment", "Real Betis Balompié") in _moves(hired)
    kept = "El Betis no quiso ampliar el contrato de Manuel Pellegrini como entrenador."
    assert ("Manuel Pellegrini", "appointment", "Real Betis Balompié") not in _moves(
        extract(kept, gaz, lang="es")
    )


def test_a_coach_linked_with_a_team_is_its_candidate(gaz: Gazetteer) -> None:
    text = "Imanol Alguacil ha sido vinculado en las últimas horas con la selección de Paraguay."
    got = _moves(extract(text, gaz, lang="es", date="2025-06"))
    assert got.get(("Imanol Alguacil", "appointment", "Paraguay national team")) == "rumoured"


def test_orientador_is_a_coach_role_word(gaz: Gazetteer) -> None:
    text = (
        "Se acabó la paciencia con Joaquín Rivas en el Real Betis. El presidente confirmó que "
        "el orientador venezolano no seguirá al mando del Real Betis."
    )
    got = _moves(extract(text, gaz, lang="es", date="2025-06"))
    assert ("Joaquín Rivas", "departure", "Real Betis Balompié") in got, got


def test_the_coach_a_club_chose_is_its_confirmed_appointment(gaz: Gazetteer) -> None:
    text = "El director deportivo del Genoa explicó por qué eligió a Patrick Vieira como recambio."
    got = _moves(extract(text, gaz, lang="es", date="2025-01"))
    assert got.get(("Patrick Vieira", "appointment", "Genoa CFC")) == "confirmed", got


def test_a_sacking_someone_was_forced_into_is_completed(gaz: Gazetteer) -> None:
    text = "Los aficionados del Genoa forzaron al presidente a destituir a Alberto Gilardino."
    got = _moves(extract(text, gaz, lang="es", date="2025-01"))
    assert got.get(("Alberto Gilardino", "sacking", "Genoa CFC")) == "completed", got


def test_an_exit_told_as_rumoured_beside_a_done_one_is_done(gaz: Gazetteer) -> None:
    text = (
        "El presidente del Genoa habló para explicar la salida de Alberto Gilardino. "
        "La comunicación del cese de Gilardino fue sencilla, dijo."
    )
    got = _moves(extract(text, gaz, lang="es", date="2025-01"))
    assert got.get(("Alberto Gilardino", "departure", "Genoa CFC")) == "completed", got


def test_questioning_a_coachs_stay_is_a_sacking_rumour_a_reason_denied_denies(
    gaz: Gazetteer,
) -> None:
    text = (
        "El presidente del Genoa, Marco Bellini, reafirmó su apoyo al entrenador Alberto "
        "Gilardino. Bellini explicó que no hay motivos para cuestionar la permanencia del técnico."
    )
    x = extract(text, gaz, lang="es", date="2025-01")
    assert _moves(x).get(("Alberto Gilardino", "sacking", "Genoa CFC")) == "denied", _moves(x)
    assert ("Marco Bellini", "Alberto Gilardino", "sacking", "against") in _influences(x)
    rumour = "Los hinchas empiezan a cuestionar la continuidad de Alberto Gilardino en el Genoa."
    got = _moves(extract(rumour, gaz, lang="es", date="2025-01"))
    assert got.get(("Alberto Gilardino", "sacking", "Genoa CFC")) == "rumoured", got


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "es",
            "Ernesto Valverde rechazó la oferta del Sevilla.",
            ("Ernesto Valverde", "appointment", "Sevilla Fútbol Club"),
        ),
        (
            "it",
            "Il tecnico Maurizio Sarri ha rifiutato la panchina della Lazio.",
            ("Maurizio Sarri", "appointment", "SS Lazio"),
        ),
        (
            "en",
            "Manager Graham Potter has turned down the West Ham United job.",
            ("Graham Potter", "appointment", "West Ham Utd FC"),
        ),
    ],
)
def test_a_coach_who_turns_an_offer_down_collapses_his_appointment(
    gaz: Gazetteer, lang: str, text: str, expected: tuple[str, str, str]
) -> None:
    x = extract(text, gaz, lang=lang, date="2024-07")
    assert move_statuses(x).get(expected) == "collapsed", x.moves
    assert not [i for i in x.influences if i.person.name == expected[0]], x.influences


@pytest.mark.parametrize(
    ("text", "club"),
    [
        ("El técnico dirigió a Gimnasia Mendoza hasta junio.", "Gimnasia Mendoza"),
        ("Alianza Sullana busca técnico tras la salida del entrenador.", "Alianza Sullana"),
        ("El entrenador viene de Defensor Sarandí, su último club.", "Defensor Sarandí"),
    ],
)
def test_latin_american_club_words_make_an_unknown_club(
    gaz: Gazetteer, text: str, club: str
) -> None:
    found = find_mentions(text, tokenize(text), gaz, load_lexicon("es"))
    assert club in [f.text for f in found if f.kind == "team"]


def test_a_first_name_that_is_also_a_month_opens_a_name(gaz: Gazetteer) -> None:
    # "julio" is a stopword (the month, lowercase in Spanish); capitalised before a surname
    # it is a first name
    text = "Julio Ortega, ex técnico del Sevilla, contestará el lunes."
    x = extract(text, gaz, lang="es")
    assert _tenures(x) == {("Julio Ortega", "Sevilla Fútbol Club"): "past"}


def test_independiente_alone_is_the_argentine_club(gaz: Gazetteer) -> None:
    text = "Independiente negocia con el entrenador Julio Ortega para la próxima temporada."
    x = extract(text, gaz, lang="es")
    assert _moves(x) == {("Julio Ortega", "appointment", "CA Independiente"): "rumoured"}


def test_a_plural_refusal_collapses_every_listed_candidate(gaz: Gazetteer) -> None:
    text = "El Betis sondeó a los técnicos Marcos Pérez y Mario Gómez, pero ambos rechazaron."
    x = extract(text, gaz, lang="es")
    assert _moves(x) == {
        ("Marcos Pérez", "appointment", "Real Betis Balompié"): "collapsed",
        ("Mario Gómez", "appointment", "Real Betis Balompié"): "collapsed",
    }


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("Marcos Pérez fue entrenador de los Gallos Blancos.", "Querétaro"),
        ("Marcos Pérez fue entrenador del Pincha.", "Estudiantes de La Plata"),
        ("Marcos Pérez fue entrenador del conjunto zaragocista.", "Real Zaragoza"),
    ],
)
def test_latin_american_and_spanish_club_nicknames_name_the_club(
    gaz: Gazetteer, text: str, team: str
) -> None:
    x = extract(text, gaz, lang="es")
    assert _tenures(x) == {("Marcos Pérez", team): "past"}


@pytest.mark.parametrize(
    "text",
    [
        "Marcos Pérez, que tiene deseo de ser DT del Betis, espera una llamada.",
        "Marcos Pérez podría ser el entrenador del Betis.",
    ],
)
def test_a_job_wished_for_is_no_current_spell(gaz: Gazetteer, text: str) -> None:
    x = extract(text, gaz, lang="es")
    assert _tenures(x) == {}


def test_a_job_held_is_still_a_current_spell(gaz: Gazetteer) -> None:
    x = extract("Marcos Pérez es el entrenador del Betis.", gaz, lang="es")
    assert _tenures(x) == {("Marcos Pérez", "Real Betis Balompié"): "current"}


def test_a_heading_is_about_the_bench_the_next_sentence_names(gaz: Gazetteer) -> None:
    # no bench word in the heading itself: the sentence under it speaks of coaches
    text = (
        "El Betis ganó el domingo.\n"
        "Salida de Eduardo Ramos\n"
        "Los entrenadores sondeados por el Betis son tres."
    )
    x = extract(text, gaz, lang="es")
    assert ("Eduardo Ramos", "departure", "Real Betis Balompié") in _moves(x)


def test_a_plain_sentence_needs_its_own_bench_word(gaz: Gazetteer) -> None:
    text = (
        "El Betis ganó el domingo. Salida de Eduardo Ramos. "
        "Los entrenadores sondeados por el Betis son tres."
    )
    x = extract(text, gaz, lang="es")
    assert ("Eduardo Ramos", "departure", "Real Betis Balompié") not in _moves(x)
