"""Mention rules for people the gazetteer does not know, on sentences written for these tests
(none taken from an article). Offline gazetteer, no Neo4j."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from graph.extract import extract
from graph.extract.club_lists import CLUBS_DIR, clubs_in, listed_clubs
from graph.extract.errors import ExtractError
from graph.extract.gazetteer import Gazetteer
from graph.extract.lexicon import load_lexicon
from graph.extract.mentions import Found, find_mentions
from graph.extract.tokens import tokenize


def _mentions(gaz: Gazetteer, lang: str, text: str) -> list[Found]:
    return find_mentions(text, tokenize(text), gaz, load_lexicon(lang))


@pytest.mark.parametrize(
    ("lang", "text", "later", "full"),
    [
        (
            "it",
            "Ieri ha parlato Giovanni di Bartolo. Poi Di Bartolo ha chiamato il tecnico.",
            "Di Bartolo",
            "Giovanni di Bartolo",
        ),
        (
            "en",
            "Yesterday Giovanni van Bartel spoke. Later Van Bartel called the coach.",
            "Van Bartel",
            "Giovanni van Bartel",
        ),
    ],
)
def test_a_particle_surname_written_alone_is_the_person_named_in_full(
    gaz: Gazetteer, lang: str, text: str, later: str, full: str
) -> None:
    found = _mentions(gaz, lang, text)
    alone = [f for f in found if f.text == later]
    assert alone, [f.text for f in found]
    assert alone[0].kind == "person"
    assert alone[0].canonical == full


def test_a_particle_alone_is_no_surname(gaz: Gazetteer) -> None:
    text = "Ieri ha parlato Giovanni di Bartolo. Il club di Bartolo ha chiamato il tecnico."
    found = _mentions(gaz, "it", text)
    assert not [f for f in found if f.canonical == "Giovanni di Bartolo" and f.text[0] == "d"]


def test_a_particle_after_a_first_name_opens_no_team(gaz: Gazetteer) -> None:
    text = "Habló Ricardo del Olmo ayer. Según Del Olmo, el técnico seguirá."
    found = _mentions(gaz, "es", text)
    assert (found[0].text, found[0].kind) == ("Ricardo del Olmo", "person")
    assert not [f for f in found if f.kind == "team"]
    assert [f.canonical for f in found if f.text == "Del Olmo"] == ["Ricardo del Olmo"]


def test_the_first_word_of_a_longer_name_is_no_misspelt_coach(gaz: Gazetteer) -> None:
    found = _mentions(gaz, "it", "Lo staff sarà composto da Martino Sofia e da altri.")
    assert not [f for f in found if f.entry is not None]


def test_a_misspelt_surname_alone_still_finds_the_coach(gaz: Gazetteer) -> None:
    found = _mentions(gaz, "it", "Il Napoli ha esonerato Mazzari ieri.")
    assert [f.entry.id for f in found if f.entry is not None and f.kind == "person"] == [
        "walter-mazzarri"
    ]


def test_a_sentence_opening_word_before_a_comma_is_no_listed_name(gaz: Gazetteer) -> None:
    text = "Ayer habló Ricardo Olmedo. Seguramente, Ricardo Olmedo seguirá."
    found = _mentions(gaz, "es", text)
    assert "Seguramente" not in [f.text for f in found]


def test_a_listed_name_written_elsewhere_opens_a_sentence(gaz: Gazetteer) -> None:
    text = "Hablaron Ricardo Olmedo y Tejeiro. Tejeiro, Ricardo Olmedo y otros."
    found = _mentions(gaz, "es", text)
    assert [f.text for f in found if f.text == "Tejeiro"] == ["Tejeiro", "Tejeiro"]


def test_a_coach_surname_inside_a_longer_name_is_somebody_else(gaz: Gazetteer) -> None:
    found = _mentions(gaz, "es", "Lo escribió su mujer, Mar García Tuero, en las redes.")
    assert not [f for f in found if f.entry is not None and f.entry.kind == "person"]


def test_a_role_reaches_a_name_past_the_adjective_of_its_organisation(gaz: Gazetteer) -> None:
    text = "Ieri il presidente della Federcalcio lusitana Giovanni Bartolini ha parlato."
    found = _mentions(gaz, "it", text)
    person = [f for f in found if f.text == "Giovanni Bartolini"]
    assert person
    assert person[0].executive
    assert not person[0].coach


def test_a_surname_after_a_team_marker_is_still_the_person(gaz: Gazetteer) -> None:
    text = (
        "Giovanni Bartolini bought the club. A statement from Bartolini came later. "
        "Nothing from Bartolini since."
    )
    found = _mentions(gaz, "en", text)
    assert [f.kind for f in found if f.text == "Bartolini"] == ["person", "person"]


@pytest.mark.parametrize(
    "text",
    [
        "The federation hired Mauricio Pochettino to lead the U.S. men's team until 2026.",
        "Mauricio Pochettino has been named the new head coach of the USMNT.",
    ],
)
def test_the_us_national_team_by_its_short_names(gaz: Gazetteer, text: str) -> None:
    found = _mentions(gaz, "en", text)
    teams = [f for f in found if f.kind == "team"]
    assert [f.canonical or (f.entry.name if f.entry else None) for f in teams] == [
        "United States national team"
    ]


@pytest.mark.parametrize(
    ("lang", "text", "role"),
    [
        ("it", "Il club aveva pensato all'ex CT della Nazionale, Giovanni Bartolini.", "CT"),
        ("es", "El club pensó en el ex DT del Olimpia, Ricardo Olmedo.", "DT"),
    ],
)
def test_a_role_word_after_a_team_marker_is_no_team(
    gaz: Gazetteer, lang: str, text: str, role: str
) -> None:
    found = _mentions(gaz, lang, text)
    assert role not in [f.text for f in found if f.kind == "team"]


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("The federation wants a foreign coach for the Super Eagles.", "Nigeria national team"),
        ("The Socceroos have named a new coach.", "Australia national team"),
    ],
)
def test_a_national_team_by_its_english_nickname(gaz: Gazetteer, text: str, team: str) -> None:
    found = _mentions(gaz, "en", text)
    teams = [f for f in found if f.kind == "team"]
    assert [f.canonical or (f.entry.name if f.entry else None) for f in teams] == [team]


@pytest.mark.parametrize(
    "text",
    [
        "The federation named Mauricio Pochettino head coach of the United States last week.",
        "Talks between the United States and the agent of Jesse Marsch went on for days.",
    ],
)
def test_a_country_wins_over_a_club_short_name_inside_it(gaz: Gazetteer, text: str) -> None:
    found = _mentions(gaz, "en", text)
    teams = [f.canonical or (f.entry.name if f.entry else None) for f in found if f.kind == "team"]
    assert teams == ["United States national team"], teams
    assert "States" not in [f.text for f in found]


def test_a_first_name_alone_is_the_unknown_person_named_in_full(gaz: Gazetteer) -> None:
    text = (
        "Ricardo Olmedo dejó de ser el técnico del club. "
        "El presidente explicó que la salida de Ricardo se debe a los resultados."
    )
    found = _mentions(gaz, "es", text)
    alone = [f for f in found if f.text == "Ricardo"]
    assert [(f.kind, f.canonical) for f in alone] == [("person", "Ricardo Olmedo")], found


def test_a_short_first_name_with_the_same_surname_is_the_same_person(gaz: Gazetteer) -> None:
    text = (
        "El club presentó a Nicolás Ferreyra como técnico. "
        "El equipo de Nico Ferreyra debuta el sábado y Nico ya entrena."
    )
    found = _mentions(gaz, "es", text)
    names = {f.text: f.canonical for f in found if f.kind == "person"}
    assert names.get("Nico Ferreyra") == "Nicolás Ferreyra", names
    assert names.get("Nico") == "Nicolás Ferreyra", names


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("en", "“We all trust the manager,” Tom Brayfield told the radio.", "Tom Brayfield"),
        ("it", "«Tutti con il mister» Marco Fenzetti lo ripete ai cronisti.", "Marco Fenzetti"),
    ],
)
def test_a_role_word_inside_a_quotation_is_not_the_speakers(
    gaz: Gazetteer, lang: str, text: str, name: str
) -> None:
    found = _mentions(gaz, lang, text)
    speaker = [f for f in found if f.text == name]
    assert speaker, [f.text for f in found]
    assert not speaker[0].coach_word


def test_a_particle_surname_keeps_its_second_surname(gaz: Gazetteer) -> None:
    text = "El presidente, José María del Valle Serrano, habló ayer con el entrenador."
    found = _mentions(gaz, "es", text)
    assert "José María del Valle Serrano" in [f.text for f in found if f.kind == "person"]
    assert not [f for f in found if f.text.endswith(" del")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Luis Enrique dejó el cargo. El club confía en Luis de la Torre para el banquillo.",
            "Luis de la Torre",
        ),
        ("El club confía en Pedro de la Vega para el banquillo.", "Pedro de la Vega"),
    ],
)
def test_two_particles_after_a_first_name_are_one_surname(
    gaz: Gazetteer, text: str, name: str
) -> None:
    found = _mentions(gaz, "es", text)
    assert name in [f.text for f in found if f.kind == "person"], [f.text for f in found]


def test_a_youth_category_is_no_surname(gaz: Gazetteer) -> None:
    text = "Le ayudarán Pedro Rueda y Isaac Moreno de la Sub-17, técnicos de la casa."
    found = _mentions(gaz, "es", text)
    assert not [f for f in found if "Sub" in f.text and f.kind == "person"]


@pytest.mark.parametrize(
    ("lang", "text", "side"),
    [
        ("it", "Ieri in casa Juventus Next Gen è cambiato tutto.", "Juventus Next Gen"),
        ("es", "El técnico del Osasuna Promesas habló ayer.", "Osasuna Promesas"),
        ("en", "He managed Borussia Dortmund II for two years.", "Borussia Dortmund II"),
    ],
)
def test_a_reserve_side_is_a_team_of_its_own(
    gaz: Gazetteer, lang: str, text: str, side: str
) -> None:
    found = _mentions(gaz, lang, text)
    teams = [f for f in found if f.kind == "team"]
    assert [(f.text, f.entry) for f in teams] == [(side, None)], [f.text for f in found]


def test_a_reserve_side_named_alone_is_the_article_s_club_s(gaz: Gazetteer) -> None:
    text = (
        "El Osasuna busca técnico. Lo dijo Pedro Ruiz Galdós, entrenador del Promesas. "
        "El Osasuna decidirá pronto."
    )
    found = _mentions(gaz, "es", text)
    side = [f for f in found if f.text == "Promesas"]
    assert side and side[0].kind == "team"
    assert side[0].canonical == "Osasuna Promesas"


@pytest.mark.parametrize(
    ("lang", "text", "name", "coach"),
    [
        (
            "es",
            "Habló también Xoán Quiroga Beas, entrenador del filial.",
            "Xoán Quiroga Beas",
            True,
        ),
        ("es", "Lo confirmó Tadeo Borrell, accionista del club.", "Tadeo Borrell", False),
        ("it", "Ne ha parlato Ubaldo Ferrandi, il tecnico della squadra.", "Ubaldo Ferrandi", True),
    ],
)
def test_a_name_set_off_before_a_role_word_is_a_person_of_that_role(
    gaz: Gazetteer, lang: str, text: str, name: str, coach: bool
) -> None:
    found = [f for f in _mentions(gaz, lang, text) if f.text == name]
    assert found, [f.text for f in _mentions(gaz, lang, text)]
    assert found[0].kind == "person"
    assert (found[0].coach, found[0].executive) == (coach, not coach)


def test_a_club_s_short_name_ending_another_name_is_not_that_club(gaz: Gazetteer) -> None:
    # "Boys" is the gazetteer's short name of Sport Boys: after another capitalised word it ends
    # the name of some other club
    found = _mentions(gaz, "en", "He had spells at Mainz, Ferro Boys and Schalke.")
    assert [(f.text, f.entry is None) for f in found if f.kind == "team"][1] == (
        "Ferro Boys",
        True,
    )
    assert [f.entry.id for f in _mentions(gaz, "en", "He left Sport Boys.") if f.entry] == [
        "sport-boys"
    ]


def test_an_abbreviation_with_its_full_stop_opens_a_club_s_name(gaz: Gazetteer) -> None:
    found = _mentions(gaz, "en", "The club St. Ambrose City sacked its coach on Monday.")
    assert [(f.text, f.kind) for f in found] == [("St. Ambrose City", "team")]


def test_a_listed_club_may_open_with_a_capitalised_stopword(gaz: Gazetteer) -> None:
    text = "He coached Leeds United, New Harbour Blue Sharks and Schalke before."
    teams = [f.text for f in _mentions(gaz, "en", text) if f.kind == "team"]
    assert "New Harbour Blue Sharks" in teams, teams


def test_an_adjective_of_nationality_after_a_team_word_is_no_club(gaz: Gazetteer) -> None:
    text = "The former Norwegian international was a candidate. The Norwegian men lost."
    found = _mentions(gaz, "en", text)
    assert not [f for f in found if f.kind == "team"], [f.text for f in found]


def test_a_short_form_of_a_first_name_before_a_known_surname_is_that_person(
    gaz: Gazetteer,
) -> None:
    found = _mentions(gaz, "it", "Per la panchina piace anche Gigi Di Biagio, libero da giugno.")
    people = [(f.text, f.entry.id if f.entry else None) for f in found if f.kind == "person"]
    assert people == [("Gigi Di Biagio", "luigi-di-biagio")], people


@pytest.mark.parametrize(
    ("lang", "text", "club"),
    [
        ("it", "Il caso è capitato alla Valdorsa, squadra che milita in Serie D.", "Valdorsa"),
        ("es", "Lo anunció ayer el Pedregal, equipo que dirige desde enero.", "Pedregal"),
        ("it", "L'ha scelto la Valdorsa, la squadra che milita in Serie D.", "Valdorsa"),
    ],
)
def test_a_name_set_off_before_a_noun_for_a_club_is_a_club(
    gaz: Gazetteer, lang: str, text: str, club: str
) -> None:
    found = _mentions(gaz, lang, text)
    assert [(f.text, f.kind) for f in found if f.text == club] == [(club, "team")], [
        f.text for f in found
    ]


def test_a_name_before_the_subject_of_a_new_clause_is_no_club(gaz: Gazetteer) -> None:
    """ "X, la squadra ha vinto": the noun after the article opens a clause of its own."""
    found = _mentions(gaz, "it", "Con l'arrivo di Bertolacci, la squadra ha vinto tre partite.")
    assert not [f for f in found if f.kind == "team"], [(f.text, f.kind) for f in found]


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("I grigiorossi hanno esonerato il tecnico Marco Bellucci.", "US Cremonese"),
        ("I rossoverdi hanno esonerato il tecnico Marco Bellucci.", "Ternana"),
        ("Il Grifo ha esonerato il tecnico Marco Bellucci.", "Perugia"),
        (
            "Alla guida dei Seagulls è arrivato il tecnico Marco Bellucci.",
            "Brighton & Hove Albion Football Club",
        ),
    ],
)
def test_well_known_italian_nicknames_name_their_club(gaz: Gazetteer, text: str, team: str) -> None:
    found = _mentions(gaz, "it", text)
    teams = [f for f in found if f.kind == "team"]
    assert teams, [f.text for f in found]
    assert (teams[0].entry.name if teams[0].entry else teams[0].canonical) == team, teams


def test_a_role_word_after_a_comma_before_a_name_is_that_names(gaz: Gazetteer) -> None:
    found = _mentions(gaz, "it", "In panchina c'era Mario Bellucci, presidente Gino Ranieri.")
    by_text = {f.text: f for f in found}
    assert not by_text["Mario Bellucci"].executive, found
    assert by_text["Gino Ranieri"].executive, found


def test_an_epithet_right_before_a_name_is_that_names_own(gaz: Gazetteer) -> None:
    text = (
        "Il Chelsea ha esonerato Thomas Tuchel. Al suo posto è subentrato l'italiano "
        "Roberto De Zerbi."
    )
    found = _mentions(gaz, "it", text)
    tuchel = [f for f in found if f.entry is not None and f.entry.name == "Thomas Tuchel"]
    assert [f.text for f in tuchel] == ["Thomas Tuchel"], found


def test_the_adjective_of_a_competition_is_no_team(gaz: Gazetteer) -> None:
    text = (
        "The board hired former Asian Champions League winner Marko Dravic as coach. Dravic"
        " led the Eastern Harbour Wanderers to the Asian Champions League title."
    )
    found = _mentions(gaz, "en", text)
    assert "Asian" not in [f.text for f in found if f.kind == "team"]


def test_the_surname_of_a_person_named_in_full_is_no_team(gaz: Gazetteer) -> None:
    text = (
        "Assistant coach Rory Bain will join McTavish’ management team. The club confirmed"
        " the appointment of head coach Dugald McTavish."
    )
    found = _mentions(gaz, "en", text)
    assert "McTavish" not in [f.text for f in found if f.kind == "team"]
    assert [f.canonical for f in found if f.text == "McTavish"] == ["Dugald McTavish"]


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("Según Canal Sports Perú, el club busca técnico.", False),
        ("Perú busca técnico tras la salida del entrenador.", True),
    ],
)
def test_a_country_closing_an_outlets_name_is_no_national_team(
    gaz: Gazetteer, text: str, team: bool
) -> None:
    found = _mentions(gaz, "es", text)
    assert bool([f for f in found if f.text == "Perú" and f.kind == "team"]) == team


def test_a_league_acronym_is_no_team(gaz: Gazetteer) -> None:
    text = "Dravic, the former MLS defender, was named head coach. He joined MLS in 2004."
    found = _mentions(gaz, "en", text)
    assert not [f for f in found if f.kind == "team"]


def test_a_club_named_once_after_esperienza_con_il(gaz: Gazetteer) -> None:
    text = "Il tecnico Mario Bellini firma dopo la sua ultima esperienza con il Sanvitese."
    found = _mentions(gaz, "it", text)
    assert "Sanvitese" in [f.text for f in found if f.kind == "team"]


def test_a_clubs_second_team_after_its_possessive_is_its_reserve_side(gaz: Gazetteer) -> None:
    text = "Before that he managed Borussia Dortmund's second team for two seasons."
    found = _mentions(gaz, "en", text)
    teams = [(f.canonical, f.entry) for f in found if f.kind == "team"]
    assert teams == [("Borussia Dortmund II", None)]


@pytest.mark.parametrize(
    ("text", "listed", "person"),
    [
        (
            "He was an assistant at Seattle Sounders FC, Harbour Galaxy and Riverside Crew.",
            ["Harbour Galaxy", "Riverside Crew"],
            None,
        ),
        ("Al Napoli, Rossi e Bianchi hanno parlato ieri.", [], "Rossi"),
    ],
)
def test_a_team_then_a_list_closed_by_and_holds_clubs(
    gaz: Gazetteer, text: str, listed: list[str], person: str | None
) -> None:
    found = _mentions(gaz, "it" if person else "en", text)
    teams = [f.text for f in found if f.kind == "team"]
    assert all(name in teams for name in listed), teams
    assert person not in teams


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "He enjoyed success at previous clubs Castelverde, Monteforte and Sassuolo."),
        ("it", "Ha allenato squadre come Castelverde, Monteforte e Sassuolo per anni."),
        ("es", "Dirigió equipos como Castelverde, Monteforte y Sassuolo."),
    ],
)
def test_names_listed_after_a_plural_for_clubs_are_clubs(
    gaz: Gazetteer, lang: str, text: str
) -> None:
    found = _mentions(gaz, lang, text)
    teams = [f.text for f in found if f.kind == "team"]
    assert teams == ["Castelverde", "Monteforte", "Sassuolo"]


def test_people_listed_after_a_plural_for_clubs_stay_people(gaz: Gazetteer) -> None:
    text = "Clubs rejected Roberto De Zerbi and Maurizio Sarri."
    found = _mentions(gaz, "en", text)
    assert not [f for f in found if f.kind == "team"]


def test_a_name_listed_next_to_a_known_coach_is_a_candidate_too(gaz: Gazetteer) -> None:
    text = (
        "La Sampdoria cerca un nuovo allenatore. Il club vuole chiudere presto. "
        "Il presidente ha fretta. Piace Pirlo. Non convincenti Gotti e Bertolacci."
    )
    got = {(m.coach.name, m.status) for m in extract(text, gaz, lang="it", date="2024-11").moves}
    assert ("Bertolacci", "collapsed") in got, got


def test_a_known_surname_opening_an_unknown_full_name_is_not_that_person(
    gaz: Gazetteer,
) -> None:
    text = "The sporting director Ross Whitfield has led the search for a new manager."
    found = _mentions(gaz, "en", text)
    assert not [f for f in found if f.entry is not None and f.entry.name == "Jack Ross"], found


@pytest.mark.parametrize(
    "text",
    [
        "Football Australia named a new coach. Fans in Australia cheered.",
        "Hearts finished bottom of the Scottish Premiership. They lost a Premiership match.",
        "Canada Soccer named a new coach. Few there follow Soccer.",
    ],
)
def test_a_run_with_a_word_of_organisations_is_no_person(gaz: Gazetteer, text: str) -> None:
    found = _mentions(gaz, "en", text)
    assert not [f for f in found if f.kind == "person"], found


def test_one_word_set_off_by_commas_in_a_list_of_people_is_a_person(gaz: Gazetteer) -> None:
    text = (
        "Tre i nomi per la panchina. Si tratta di Roberto Bianchelli, tecnico del Bari, "
        "Tomeu, allenatore del Girona, e Alberto Nerozzi."
    )
    found = _mentions(gaz, "it", text)
    assert [(f.kind, f.coach_word) for f in found if f.text == "Tomeu"] == [("person", True)]


def test_one_word_set_off_by_commas_with_no_list_of_people_is_no_person(
    gaz: Gazetteer,
) -> None:
    found = _mentions(gaz, "it", "Ieri a Bologna, Carpi, allenatore e staff sono partiti.")
    assert not [f for f in found if f.text == "Carpi" and f.kind == "person"], found


def test_a_first_name_of_another_languages_lexicon_opens_a_name(gaz: Gazetteer) -> None:
    # "Gareth" is only in the English lexicon's first names, yet the Italian press writes it
    found = _mentions(gaz, "it", "Il club ha ufficializzato il ritorno di Gareth Bellovi.")
    assert [(f.text, f.kind) for f in found if f.kind == "person"] == [
        ("Gareth Bellovi", "person")
    ], found


def test_a_listed_club_the_gazetteer_lacks_is_an_unresolved_team(gaz: Gazetteer) -> None:
    text = "Gareth Pellow left Tranmere on Monday and was named head coach of Crewe Alexandra."
    teams = [f for f in _mentions(gaz, "en", text) if f.kind == "team"]
    assert [(f.text, f.canonical, f.entry) for f in teams] == [
        ("Tranmere", "Tranmere Rovers", None),
        ("Crewe Alexandra", "Crewe Alexandra", None),
    ]


def test_a_listed_club_the_gazetteer_knows_keeps_its_entry(gaz: Gazetteer) -> None:
    text = "Marco Bellandi lascia il Palermo e firma con la Sampdoria."
    teams = [f for f in _mentions(gaz, "it", text) if f.kind == "team"]
    assert teams and all(f.entry is not None for f in teams), [(f.text, f.entry) for f in teams]


def test_a_listed_short_name_in_lower_case_is_no_club(gaz: Gazetteer) -> None:
    text = "Gareth Pellow reached a reading of the contract with his agent."
    assert not [f for f in _mentions(gaz, "en", text) if f.kind == "team"]


def test_a_short_name_of_a_new_league_list_names_its_club(gaz: Gazetteer) -> None:
    text = "Matías Quiroga dejó Colo-Colo y fue presentado como nuevo entrenador de Peñarol."
    teams = [f for f in _mentions(gaz, "es", text) if f.kind == "team"]
    assert [(f.text, f.canonical) for f in teams] == [
        ("Colo-Colo", "Colo Colo"),
        ("Peñarol", "Peñarol"),
    ], teams


def test_a_longer_listed_name_wins_over_a_gazetteer_short_name(gaz: Gazetteer) -> None:
    # the gazetteer knows "Juve" as Juventus; the Serie B list holds "Juve Stabia"
    text = "Il tecnico Marco Pellone ha lasciato la Juve Stabia dopo due stagioni."
    teams = [f for f in _mentions(gaz, "it", text) if f.kind == "team"]
    assert [(f.text, f.entry, f.canonical) for f in teams] == [
        ("Juve Stabia", None, "Juve Stabia")
    ], teams


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("it", "La federazione ora punta su Rodrigo Junior, tecnico del Cruzeiro."),
        ("en", "The club have parted ways with assistant coach Junior Ramírez."),
    ],
)
def test_a_listed_short_name_inside_a_person_name_is_no_club(
    gaz: Gazetteer, lang: str, text: str
) -> None:
    # "Junior" is the Colombian list's short name of Junior de Barranquilla
    teams = [f.canonical for f in _mentions(gaz, lang, text) if f.kind == "team"]
    assert "Junior de Barranquilla" not in teams, teams


def test_a_listed_short_name_alone_is_still_the_club(gaz: Gazetteer) -> None:
    text = "Alfredo Arias es el nuevo entrenador del Junior desde ayer."
    teams = [f.canonical for f in _mentions(gaz, "es", text) if f.kind == "team"]
    assert "Junior de Barranquilla" in teams, teams


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ('{"clubs": [{"name": "Alpha FC"}, {"aliases": ["B"]}]}', "bad.json, club 2"),
        ('{"clubs": [{"name": "Alpha FC", "aliases": "Alpha"}]}', "bad.json, club 1"),
        ('{"clubs": ["Alpha FC"]}', "bad.json, club 1"),
        ('{"league": "X"}', "bad.json: no `clubs` list"),
        ("{not json", "bad.json: not UTF-8 JSON"),
    ],
)
def test_a_malformed_club_list_is_refused_naming_file_and_club(
    tmp_path: Path, content: str, said: str
) -> None:
    (tmp_path / "bad.json").write_text(content, encoding="utf-8")
    with pytest.raises(ExtractError, match=re.escape(said)):
        clubs_in(tmp_path)


def test_a_wellformed_club_list_reads_from_another_folder(tmp_path: Path) -> None:
    club = {"name": "Alpha FC", "aliases": ["Alpha"]}
    (tmp_path / "x.json").write_text(json.dumps({"clubs": [club]}), encoding="utf-8")
    assert clubs_in(tmp_path) == (("Alpha FC", ("Alpha FC", "Alpha")),)


def test_every_shipped_club_list_is_sourced_and_in_the_readme() -> None:
    readme = (CLUBS_DIR / "README.md").read_text(encoding="utf-8")
    files = sorted(CLUBS_DIR.glob("*.json"))
    assert files
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        for key in ("league", "season", "source", "licence"):
            assert isinstance(data.get(key), str) and data[key].strip(), (path.name, key)
        assert urlparse(data["source"]).scheme in {"http", "https"}, path.name
        assert f"| {path.name} |" in readme, path.name
    assert clubs_in(CLUBS_DIR) == listed_clubs()


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("it", "Il Giugliano ha scelto Valerio Rossetti al posto di Raffaele di Napoli.", "di"),
        ("es", "El otro candidato del club es Martín Palermo, que está sin trabajo.", "Palermo"),
        ("it", "Si è chiusa l'avventura di Fernando Santos come ct della Grecia.", "Santos"),
    ],
)
def test_a_club_name_after_a_first_name_is_a_surname(
    gaz: Gazetteer, lang: str, text: str, name: str
) -> None:
    found = _mentions(gaz, lang, text)
    person = [f for f in found if name in f.text.split()]
    assert person, [f.text for f in found]
    assert person[0].kind == "person" and person[0].entry is None
    assert not [f for f in found if f.kind == "team" and f.text in {"Napoli", "Palermo", "Santos"}]


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("it", "Il Crotone ha deciso di salutare Lamberto Ferrucci dopo la sconfitta.", "Lamberto"),
        ("es", "Tras la salida de Domènec Valls, el club busca técnico.", "Domènec"),
        ("en", "The board met Derek Whitlow on Monday to discuss the job.", "Derek"),
    ],
)
def test_a_common_first_name_opens_an_unknown_persons_name(
    gaz: Gazetteer, lang: str, text: str, name: str
) -> None:
    found = _mentions(gaz, lang, text)
    person = [f for f in found if f.text.startswith(name)]
    assert person, [f.text for f in found]
    assert person[0].kind == "person" and len(person[0].text.split()) == 2


def test_a_short_first_name_keeps_the_known_surname(gaz: Gazetteer) -> None:
    found = _mentions(gaz, "it", "Il paragone tra Vincent Kompany e Pep Guardiola regge.")
    assert [f.entry.id for f in found if f.text == "Pep Guardiola" and f.entry] == [
        "josep-guardiola"
    ]


@pytest.mark.parametrize(
    ("lang", "text", "words", "who"),
    [
        (
            "it",
            "Piacciono Marco Ferrante e Luca Bellini. Il primo ha guidato il Mantova, il "
            "secondo il Pisa. Il secondo, però, costa troppo.",
            ["Il primo", "Il secondo"],
            ["Marco Ferrante", "Luca Bellini"],
        ),
        (
            "en",
            "The club spoke to Mark Whitfield and Jack Hollins. The latter is the favourite.",
            ["The latter"],
            ["Jack Hollins"],
        ),
    ],
)
def test_words_of_order_stand_for_the_pair_named_before(
    gaz: Gazetteer, lang: str, text: str, words: list[str], who: list[str]
) -> None:
    found = _mentions(gaz, lang, text)
    refs = [(f.text, f.canonical) for f in found if f.text in words]
    assert refs == list(zip(words, who, strict=True))


def test_a_word_of_order_before_a_noun_is_no_reference(gaz: Gazetteer) -> None:
    text = "Piacciono Marco Ferrante e Luca Bellini. Il primo nome della lista è un altro."
    found = _mentions(gaz, "it", text)
    assert not [f for f in found if f.text == "Il primo"]


def test_a_sponsors_name_before_a_competition_is_no_person(gaz: Gazetteer) -> None:
    # "Championship" is a place phrase already; the sponsor's name before it is blocked too
    text = (
        "Rangers lost to William Hill Championship side Airdrie. The former Genk boss "
        "Tom Vermeer was sacked."
    )
    found = _mentions(gaz, "en", text)
    assert not [f for f in found if "William" in f.text], [f.text for f in found]


def test_a_list_of_clubs_after_a_role_word_names_no_person(gaz: Gazetteer) -> None:
    # the name after "entrenador de <club>," is a club when the list goes on with "y"
    text = "Aparece Ramiro Funes, ex entrenador de Rosario Central, Unión y Platense."
    found = _mentions(gaz, "es", text)
    assert not [f for f in found if f.text == "Unión" and f.kind == "person"], [
        (f.text, f.kind) for f in found
    ]


def test_an_english_first_name_alone_is_the_person_named_in_full(gaz: Gazetteer) -> None:
    # English columns too name a manager by his first name once they named him in full
    text = (
        "The chairman backed Stephen Maddock for months. "
        "In the end he flew over to sack Stephen in person."
    )
    found = _mentions(gaz, "en", text)
    alone = [f for f in found if f.text == "Stephen"]
    assert [(f.kind, f.canonical) for f in alone] == [("person", "Stephen Maddock")], found


def test_a_club_s_initials_and_its_name_with_and_are_the_club(gaz: Gazetteer) -> None:
    # "SAFC" is Sunderland; "Brighton and Hove Albion" is one club, not "Hove Albion"
    text = "All at SAFC thank Joe Carver, the former Brighton and Hove Albion boss."
    found = _mentions(gaz, "en", text)
    teams = {f.text: f.entry.name if f.entry else None for f in found if f.kind == "team"}
    brighton = "Brighton & Hove Albion Football Club"
    assert teams == {"SAFC": "Sunderland A.F.C.", "Brighton and Hove Albion": brighton}, teams


def test_a_sponsor_s_name_of_a_league_is_no_person(gaz: Gazetteer) -> None:
    # "William Hill Championship": a bookmaker's name before a league is no coach an
    # epithet after it could stand for
    text = "Gary Fenwick lost to William Hill Championship side Dunmore Athletic on Sunday."
    found = _mentions(gaz, "en", text)
    people = [f.text for f in found if f.kind == "person"]
    assert people == ["Gary Fenwick"], found


def test_a_mononym_the_article_names_in_full_is_that_person(gaz: Gazetteer) -> None:
    # the gazetteer knows "Xavi" by that one word; the article writes his full name first
    text = "Il Barcellona saluta Xavi Hernández a fine stagione. Xavi lascerà il club in estate."
    people = [f for f in _mentions(gaz, "it", text) if f.kind == "person"]
    assert [(f.text, f.canonical or f.text) for f in people] == [
        ("Xavi Hernández", "Xavi Hernández"),
        ("Xavi", "Xavi Hernández"),
    ], people
