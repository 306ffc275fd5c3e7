"""Tenure rules of the eighth pass, on sentences written for these tests (none taken from an
article): returns, arrivals from a team, predecessors, careers listing clubs the gazetteer
does not know, appositions, more verbs and tenses of a spell, and people who hold no bench.
Offline gazetteer, no Neo4j."""

from __future__ import annotations

import pytest

from graph.extract import extract
from graph.extract.gazetteer import Gazetteer
from tests.extract_views import move_statuses, tenure_statuses

_tenures = tenure_statuses


_moves = move_statuses


@pytest.mark.parametrize(
    ("lang", "text", "pair"),
    [
        (
            "it",
            "Si parla di un clamoroso ritorno di Maurizio Sarri alla Lazio.",
            ("Maurizio Sarri", "SS Lazio"),
        ),
        ("en", "Frank Lampard is open to a return to Chelsea.", ("Frank Lampard", "Chelsea")),
        (
            "es",
            "Zinedine Zidane prepara su regreso al Real Madrid.",
            ("Zinedine Zidane", "Real Madrid"),
        ),
    ],
)
def test_a_rumoured_return_is_a_past_spell(
    gaz: Gazetteer, lang: str, text: str, pair: tuple[str, str]
) -> None:
    x = extract(text, gaz, lang=lang, date="2024-06")
    assert _tenures(x).get(pair) == "past"
    assert (pair[0], "appointment", pair[1]) in _moves(x)  # still a rumoured move


@pytest.mark.parametrize(
    ("lang", "text", "pair"),
    [
        (
            "it",
            "Il Chelsea ha scelto Graham Potter, in arrivo dal Brighton.",
            ("Graham Potter", "Brighton & Hove Albion Football Club"),
        ),
        (
            "en",
            "Chelsea appointed Graham Potter, who arrives from Brighton.",
            ("Graham Potter", "Brighton & Hove Albion Football Club"),
        ),
        (
            "es",
            "El Sevilla presentó a Julen Lopetegui, procedente del Real Madrid.",
            ("Julen Lopetegui", "Real Madrid"),
        ),
    ],
)
def test_arriving_from_a_team_is_a_past_spell_there(
    gaz: Gazetteer, lang: str, text: str, pair: tuple[str, str]
) -> None:
    assert _tenures(extract(text, gaz, lang=lang, date="2024-06")).get(pair) == "past"


def test_arriving_from_keeps_the_appointment_where_he_goes(gaz: Gazetteer) -> None:
    x = extract(
        "Il Chelsea ha scelto Graham Potter, in arrivo dal Brighton.",
        gaz,
        lang="it",
        date="2024-06",
    )
    assert ("Graham Potter", "appointment", "Chelsea") in _moves(x)


@pytest.mark.parametrize(
    ("lang", "text", "replaced", "team"),
    [
        (
            "it",
            "Julen Lopetegui è il nuovo allenatore del Wolverhampton, succedendo a Bruno Lage.",
            "Bruno Lage",
            "Wolverhampton Wanderers Football Club",
        ),
        (
            "en",
            "Unai Emery was appointed at Aston Villa, taking over from Steven Gerrard.",
            "Steven Gerrard",
            "Aston Villa F.C.",
        ),
        (
            "es",
            "Xavi llegó al Barcelona en sustitución de Ronald Koeman.",
            "Ronald Koeman",
            "FC Barcelona",
        ),
    ],
)
def test_a_predecessor_has_ended_his_spell_where_his_successor_goes(
    gaz: Gazetteer, lang: str, text: str, replaced: str, team: str
) -> None:
    x = extract(text, gaz, lang=lang, date="2024-06")
    assert _tenures(x).get((replaced, team)) == "ended"
    # the one replaced is neither appointed there nor a candidate for the bench
    assert (replaced, "appointment", team) not in _moves(x)


def test_the_predecessor_is_not_the_coach_the_sentence_appoints(gaz: Gazetteer) -> None:
    x = extract(
        "Xavi llegó al Barcelona en sustitución de Ronald Koeman.", gaz, lang="es", date="2024-06"
    )
    assert ("Xavi", "appointment", "FC Barcelona") in _moves(x)
    assert _tenures(x).get(("Xavi", "FC Barcelona")) == "starting"


def test_a_predecessor_takes_no_team_that_says_where_somebody_was(gaz: Gazetteer) -> None:
    x = extract(
        "Former Hoffenheim manager Ralf Rangnick replaced Ole Gunnar Solskjaer at Manchester "
        "United.",
        gaz,
        lang="en",
        date="2024-06",
    )
    teams = {team for (coach, team) in _tenures(x) if coach == "Ole Gunnar Solskjær"}
    assert not any("Hoffenheim" in t for t in teams)


@pytest.mark.parametrize(
    ("lang", "text", "coach", "unknown"),
    [
        (
            "it",
            "Fabio Grosso ha allenato Brescia, Portogruaro e Palermo.",
            "Fabio Grosso",
            "Portogruaro",
        ),
        (
            "en",
            "Mark Hughes managed Stoke City, Port Vale and Blackburn Rovers.",
            "Mark Hughes",
            "Port Vale",
        ),
    ],
)
def test_an_unknown_club_listed_among_known_ones_is_a_past_spell(
    gaz: Gazetteer, lang: str, text: str, coach: str, unknown: str
) -> None:
    assert (coach, unknown) in _tenures(extract(text, gaz, lang=lang, date="2024-06"))


def test_a_name_beside_a_single_team_is_no_club(gaz: Gazetteer) -> None:
    x = extract("Al Napoli, Rossi ha firmato fino al 2027.", gaz, lang="it", date="2024-06")
    assert all(m.text != "Rossi" or m.entity is None or m.entity.kind != "team" for m in x.mentions)
    assert not any(u.text == "Rossi" and u.kind_guess == "team" for u in x.unresolved)


def test_an_elided_prefix_belongs_to_the_surname(gaz: Gazetteer) -> None:
    x = extract(
        "Ireland have replaced interim manager John O'Shea.", gaz, lang="en", date="2024-06"
    )
    assert any(coach == "John O'Shea" for coach, _ in _tenures(x))


def test_a_coach_in_an_apposition_after_the_team_is_the_cues(gaz: Gazetteer) -> None:
    x = extract(
        "Aurelio De Laurentiis ha incontrato l'ex tecnico del Napoli, Maurizio Sarri.",
        gaz,
        lang="it",
        date="2024-06",
    )
    tenures = _tenures(x)
    assert tenures.get(("Maurizio Sarri", "SSC Napoli")) == "past"
    assert not any(coach == "Aurelio De Laurentiis" for coach, _ in tenures)


def test_a_name_after_a_list_word_is_not_the_cues_coach(gaz: Gazetteer) -> None:
    x = extract(
        "In corsa c'è Fabio Grosso, anche lui ex Brescia e Roberto D'Aversa.",
        gaz,
        lang="it",
        date="2024-06",
    )
    tenures = _tenures(x)
    assert ("Fabio Grosso", "Brescia Calcio") in tenures
    assert not any(team == "Brescia Calcio" and "Aversa" in c for c, team in tenures)


@pytest.mark.parametrize(
    ("lang", "text", "pair", "status"),
    [
        (
            "it",
            "Carlo Ancelotti allenò il Milan per otto anni.",
            ("Carlo Ancelotti", "AC Milan"),
            "past",
        ),
        (
            "en",
            "Roy Hodgson coached Crystal Palace for four years.",
            ("Roy Hodgson", "Crystal Palace Football Club"),
            "past",
        ),
        (
            "es",
            "Jaime Lozano, exseleccionador de la Selección Mexicana, habló ayer.",
            ("Jaime Lozano", "Mexico national football team"),
            "past",
        ),
        (
            "it",
            "La Roma, allenata da José Mourinho, ha perso ancora.",
            ("José Mourinho", "AS Roma"),
            "current",
        ),
        (
            "en",
            "Chelsea, managed by Thomas Tuchel, won the final.",
            ("Thomas Tuchel", "Chelsea"),
            "current",
        ),
        (
            "es",
            "El Sevilla, dirigido por Julen Lopetegui, ganó la final.",
            ("Julen Lopetegui", "Sevilla Fútbol Club"),
            "current",
        ),
    ],
)
def test_verbs_and_role_words_of_a_spell(
    gaz: Gazetteer, lang: str, text: str, pair: tuple[str, str], status: str
) -> None:
    assert _tenures(extract(text, gaz, lang=lang, date="2024-06")).get(pair) == status


def test_an_unknown_person_with_no_role_and_no_bench_holds_no_spell(gaz: Gazetteer) -> None:
    x = extract(
        "Luke Turner spent three years at Leeds United before moving to London.",
        gaz,
        lang="en",
        date="2024-06",
    )
    assert not _tenures(x)


def test_an_unknown_person_a_role_word_calls_a_coach_holds_his_spell(gaz: Gazetteer) -> None:
    x = extract(
        "The former coach Luke Turner spent three years at Leeds United.",
        gaz,
        lang="en",
        date="2024-06",
    )
    assert ("Luke Turner", "Leeds United F.C.") in _tenures(x)


@pytest.mark.parametrize(
    ("lang", "text", "pair"),
    [
        (
            "it",
            "Il tecnico granata Paolo Vanoli ha parlato in conferenza stampa.",
            ("Paolo Vanoli", "Torino FC"),
        ),
        (
            "es",
            "El técnico sevillista Julen Lopetegui habló en rueda de prensa.",
            ("Julen Lopetegui", "Sevilla Fútbol Club"),
        ),
    ],
)
def test_a_role_word_with_a_teams_adjective_is_a_current_spell(
    gaz: Gazetteer, lang: str, text: str, pair: tuple[str, str]
) -> None:
    assert _tenures(extract(text, gaz, lang=lang, date="2024-06")).get(pair) == "current"


@pytest.mark.parametrize(
    ("lang", "text", "pair"),
    [
        (
            "it",
            "Steven Gerrard è stato rimpiazzato all'Aston Villa da Unai Emery.",
            ("Steven Gerrard", "Aston Villa F.C."),
        ),
        (
            "en",
            "At Aston Villa, Steven Gerrard was replaced by Unai Emery.",
            ("Steven Gerrard", "Aston Villa F.C."),
        ),
        (
            "es",
            "En el Barcelona, Ronald Koeman fue relevado por Xavi.",
            ("Ronald Koeman", "FC Barcelona"),
        ),
    ],
)
def test_the_subject_of_a_passive_replacement_ended_his_spell(
    gaz: Gazetteer, lang: str, text: str, pair: tuple[str, str]
) -> None:
    assert pair in _tenures(extract(text, gaz, lang=lang, date="2024-06"))


def test_a_relative_clause_tells_the_spell_of_the_name_before_it(gaz: Gazetteer) -> None:
    x = extract(
        "Eddie Howe and Paulo Fonseca, who left Roma in May, are possible alternatives.",
        gaz,
        lang="en",
        date="2021-10",
    )
    teams = {coach: team for coach, team in _tenures(x)}
    assert teams.get("Paulo Fonseca") == "AS Roma"
    assert "Eddie Howe" not in teams


def test_the_copa_america_is_no_club(gaz: Gazetteer) -> None:
    x = extract(
        "Lionel Scaloni coached Argentina at the Copa America.", gaz, lang="en", date="2024-07"
    )
    assert not any("América" in team for _, team in _tenures(x))
    assert all(m.text != "America" for m in x.mentions)


@pytest.mark.parametrize(
    ("lang", "text", "coach", "boss", "team"),
    [
        (
            "it",
            "Paolo Vanoli, vice di Antonio Conte fra il 2016 e il 2018, poi tecnico di Venezia "
            "e Torino.",
            "Paolo Vanoli",
            "Antonio Conte",
            "Venezia FC",
        ),
        (
            "en",
            "Carlos Cuesta, assistant to Mikel Arteta for years, then coach of Parma.",
            "Carlos Cuesta",
            "Mikel Arteta",
            "Parma",
        ),
    ],
)
def test_a_boss_named_in_an_apposition_holds_no_spell_of_its_subject(
    gaz: Gazetteer, lang: str, text: str, coach: str, boss: str, team: str
) -> None:
    x = extract(text, gaz, lang=lang, date="2024-06")
    assert (coach, team) in _tenures(x)
    assert (boss, team) not in _tenures(x)


@pytest.mark.parametrize(
    ("lang", "text", "coach", "team"),
    [
        (
            "it",
            "Fabio Grosso è stato tecnico di Montegrotto, Sampdoria e Frosinone.",
            "Fabio Grosso",
            "Montegrotto",
        ),
        (
            "en",
            "Gary O'Neil was previously manager of Kettering, Bournemouth and Wolves.",
            "Gary O'Neil",
            "Kettering",
        ),
    ],
)
def test_an_unknown_club_opening_a_career_list_after_its_preposition(
    gaz: Gazetteer, lang: str, text: str, coach: str, team: str
) -> None:
    assert _tenures(extract(text, gaz, lang=lang, date="2024-06")).get((coach, team)) == "past"


def test_serving_as_interim_is_a_caretaker_spell_at_the_bench(gaz: Gazetteer) -> None:
    text = (
        "Everton parted ways with Sean Dyche last month. "
        "Assistant coach Ian Brownie has been serving as interim manager since then."
    )
    x = extract(text, gaz, lang="en", date="2025-02")
    spells = {(t.coach.name, t.team.name): (t.status, t.role) for t in x.tenures}
    assert spells.get(("Ian Brownie", "Everton")) == ("current", "caretaker"), spells


@pytest.mark.parametrize(
    ("lang", "text", "coach", "team"),
    [
        (
            "it",
            "Andrea Pirlo è stato esonerato dopo due sconfitte contro Reggiana e Salernitana.",
            "Andrea Pirlo",
            "US Salernitana 1919",
        ),
        (
            "en",
            "Lee Carsley, who was appointed interim manager in August, will remain in charge "
            "for the matches against Greece and the Republic of Ireland.",
            "Lee Carsley",
            "Republic of Ireland national team",
        ),
    ],
)
def test_a_team_listed_with_an_opponent_is_an_opponent(
    gaz: Gazetteer, lang: str, text: str, coach: str, team: str
) -> None:
    x = extract(text, gaz, lang=lang, date="2024-06")
    assert (coach, team) not in _tenures(x)
    # an exit whose team is not named is still an exit
    if lang == "it":
        assert any(m.coach.name == coach and m.from_ is None for m in x.moves)


@pytest.mark.parametrize(
    ("lang", "text", "team", "coaches"),
    [
        (
            "es",
            "El Sevilla, cinco entrenadores en tres temporadas (Julen Lopetegui, Jorge Sampaoli "
            "y José Luis Mendilibar), vuelve a empezar.",
            "Sevilla Fútbol Club",
            ["Julen Lopetegui", "Jorge Sampaoli", "José Luis Mendilibar"],
        ),
        (
            "it",
            "La Sampdoria ha cambiato quattro allenatori in due anni: Marco Giampaolo, Dejan "
            "Stankovic, Andrea Pirlo e Andrea Sottil.",
            "Sampdoria",
            ["Marco Giampaolo", "Andrea Pirlo", "Andrea Sottil"],
        ),
    ],
)
def test_a_list_of_coaches_after_a_plural_of_coach_is_a_bench_history(
    gaz: Gazetteer, lang: str, text: str, team: str, coaches: list[str]
) -> None:
    spells = _tenures(extract(text, gaz, lang=lang, date="2024-06"))
    for coach in coaches:
        assert spells.get((coach, team)) == "past", spells


def test_a_list_of_candidates_after_a_plural_of_coach_holds_no_spell(gaz: Gazetteer) -> None:
    text = "Chelsea are considering three managers: Thomas Tuchel, Graham Potter and Enzo Maresca."
    spells = _tenures(extract(text, gaz, lang="en", date="2024-06"))
    assert ("Graham Potter", "Chelsea") not in spells


@pytest.mark.parametrize(
    ("text", "spell"),
    [
        (
            "Leicester City are looking for a new manager. Assistant manager Tom Hallbrook has "
            "been in charge since Sunday.",
            ("Tom Hallbrook", "Leicester City"),
        ),
    ],
)
def test_a_present_spell_with_no_team_named_is_at_the_article_s_bench(
    gaz: Gazetteer, text: str, spell: tuple[str, str]
) -> None:
    x = extract(text, gaz, lang="en", date="2024-06")
    assert _tenures(x).get(spell) == "current"


def test_a_one_word_spell_cue_with_no_team_named_holds_no_spell(gaz: Gazetteer) -> None:
    # "coaches" is a noun here: a one-word cue needs its team
    text = (
        "Leicester City are looking for a new manager. Other coaches who turned down the job "
        "include Tom Hallbrook."
    )
    x = extract(text, gaz, lang="en", date="2024-06")
    assert ("Tom Hallbrook", "Leicester City") not in _tenures(x)


def test_whose_assistant_a_coach_will_be_is_not_the_spell_s_coach(gaz: Gazetteer) -> None:
    text = (
        "Leicester City are looking for a new manager. Tom Hallbrook will be Enzo Maresca's "
        "assistant."
    )
    x = extract(text, gaz, lang="en", date="2024-06")
    spells = _tenures(x)
    assert spells.get(("Tom Hallbrook", "Leicester City")) == "starting"
    assert ("Enzo Maresca", "Leicester City") not in spells
    assert _moves(x).get(("Tom Hallbrook", "appointment", "Leicester City")) == "confirmed"


@pytest.mark.parametrize(
    ("lang", "text", "spell"),
    [
        (
            "it",
            "Il Real Madrid osserva con attenzione il lavoro che sta facendo Xabi Alonso al "
            "Bayer Leverkusen.",
            ("Xabi Alonso", "Bayer 04 Leverkusen Fußball"),
        ),
        (
            "es",
            "¿Cómo le ha ido al técnico Gabriel Milito en Chivas?",
            ("Gabriel Milito", "CD Guadalajara"),
        ),
    ],
)
def test_a_coach_right_before_a_word_of_place_and_a_team_is_there(
    gaz: Gazetteer, lang: str, text: str, spell: tuple[str, str]
) -> None:
    x = extract(text, gaz, lang=lang, date="2024-06")
    assert _tenures(x).get(spell) == "current"


def test_a_coach_before_a_word_of_place_in_a_clause_of_a_move_is_no_spell(gaz: Gazetteer) -> None:
    x = extract(
        "Il Real Madrid ha scelto Xabi Alonso al posto di Ancelotti.",
        gaz,
        lang="it",
        date="2024-06",
    )
    assert _tenures(x).get(("Xabi Alonso", "Real Madrid")) == "starting"


def test_the_team_before_a_coach_s_side_is_his(gaz: Gazetteer) -> None:
    text = (
        "Leeds are two points above Burnley and have played two more games than Sean Dyche's side."
    )
    spells = _tenures(extract(text, gaz, lang="en", date="2024-06"))
    assert spells.get(("Sean Dyche", "Burnley Football Club")) == "current"
    assert ("Sean Dyche", "Leeds United F.C.") not in spells


def test_a_team_past_another_clause_s_person_is_not_the_cue_s(gaz: Gazetteer) -> None:
    text = (
        "Al Pisa, dopo mesi di tensioni con l'ex tecnico Walter Mazzarri, la società ha "
        "chiamato Davide Nicola, dopo la sua stagione alla Salernitana."
    )
    spells = _tenures(extract(text, gaz, lang="it", date="2024-06"))
    assert ("Walter Mazzarri", "US Salernitana 1919") not in spells
    assert spells.get(("Walter Mazzarri", "Pisa Sporting Club")) == "past"


def test_brackets_after_a_name_nobody_knows_tell_of_him_not_the_last_coach(
    gaz: Gazetteer,
) -> None:
    text = (
        "Il Pisa ha esonerato Alberto Aquilani. Alla Pianese hanno scelto Bertolucci "
        "(già silurato a Perugia), a Gubbio Tavernelli."
    )
    spells = _tenures(extract(text, gaz, lang="it", date="2024-06"))
    assert ("Alberto Aquilani", "Perugia") not in spells
    assert spells.get(("Alberto Aquilani", "Pisa Sporting Club")) == "ended"


def test_whose_assistant_he_will_be_gives_the_assistant_his_spell(gaz: Gazetteer) -> None:
    text = (
        "Leicester City are looking for a new manager. Craig Shakespeare will be Brendan "
        "Rodgers's assistant at Leicester City."
    )
    x = extract(text, gaz, lang="en", date="2024-07")
    spells = {(t.coach.name, t.team.name): (t.status, t.role) for t in x.tenures}
    assert spells.get(("Craig Shakespeare", "Leicester City")) == ("starting", "assistant"), spells
    assert not [k for k in spells if k[0] == "Brendan Rodgers"], spells
    moves = move_statuses(x)
    assert moves.get(("Craig Shakespeare", "appointment", "Leicester City")) == "confirmed", moves
    assert not [k for k in moves if k[0] == "Brendan Rodgers"], moves


@pytest.mark.parametrize(
    ("lang", "text", "key"),
    [
        (
            "en",
            "Gian Piero Gasperini has been in charge of Atalanta since 2021.",
            ("Gian Piero Gasperini", "Atalanta Bergamasca Calcio"),
        ),
        (
            "it",
            "Gian Piero Gasperini è l'allenatore dell'Atalanta dal 2021.",
            ("Gian Piero Gasperini", "Atalanta Bergamasca Calcio"),
        ),
        (
            "es",
            "Diego Simeone es entrenador del Atlético de Madrid desde 2021.",
            ("Diego Simeone", "Atlético Madrid"),
        ),
    ],
)
def test_a_spell_since_a_year_goes_on(
    gaz: Gazetteer, lang: str, text: str, key: tuple[str, str]
) -> None:
    x = extract(text, gaz, lang=lang, date="2024-07")
    assert _tenures(x).get(key) == "current", x.tenures


def test_guiding_a_club_is_a_past_spell(gaz: Gazetteer) -> None:
    x = extract("Roberto De Zerbi is best known for guiding Sassuolo to Europe.", gaz, lang="en")
    assert _tenures(x).get(("Roberto De Zerbi", "Unione Sportiva Sassuolo Calcio")) == "past"


@pytest.mark.parametrize(
    ("lang", "text", "coach", "club", "bench"),
    [
        (
            "it",
            "Il Genoa ha esonerato Alberto Gilardino. Al posto dell'ex attaccante di Milan e "
            "Fiorentina, la panchina è stata affidata a Patrick Vieira.",
            "Patrick Vieira",
            "Fiorentina",
            "Genoa CFC",
        ),
        (
            "en",
            "Everton have appointed former Chelsea midfielder Frank Lampard as their new manager.",
            "Frank Lampard",
            "Chelsea",
            "Everton",
        ),
    ],
)
def test_a_player_s_clubs_are_no_coaching_spell(
    gaz: Gazetteer, lang: str, text: str, coach: str, club: str, bench: str
) -> None:
    x = extract(text, gaz, lang=lang, date="2024-06")
    tenures = _tenures(x)
    assert (coach, club) not in tenures, tenures
    assert tenures.get((coach, bench)) == "starting", tenures
    assert (coach, "appointment", club) not in _moves(x)


def test_a_coach_named_with_his_club_holds_its_bench(gaz: Gazetteer) -> None:
    text = (
        "Per la panchina della Juventus si valutano Raffaele Palladino della Fiorentina e "
        "Vincenzo Italiano del Bologna."
    )
    tenures = _tenures(extract(text, gaz, lang="it", date="2024-06"))
    assert tenures.get(("Raffaele Palladino", "Fiorentina")) == "current", tenures
    assert tenures.get(("Vincenzo Italiano", "Bologna FC 1909")) == "current", tenures


def test_a_person_who_coaches_nobody_named_with_his_club_holds_no_bench(gaz: Gazetteer) -> None:
    text = "Il presidente Aurelio De Laurentiis del Napoli ha lodato Lautaro Martinez dell'Inter."
    assert not extract(text, gaz, lang="it", date="2024-06").tenures


def test_an_apposition_of_a_name_nobody_knows_is_not_the_next_coach_s(gaz: Gazetteer) -> None:
    text = (
        "Il Milan cerca un nuovo allenatore. Si pensa a Thiago Motta, ora senza squadra, "
        "Michel, allenatore del Girona, Raffaele Palladino ed Enzo Maresca."
    )
    x = extract(text, gaz, lang="it", date="2024-06")
    assert not [t for t in x.tenures if t.coach.name == "Raffaele Palladino"], x.tenures
    assert ("Raffaele Palladino", "appointment", "AC Milan") in _moves(x)


def test_a_singular_apposition_after_a_list_is_the_last_name_s(gaz: Gazetteer) -> None:
    text = (
        "Per la panchina si valutano Thiago Motta, Gotti, allenatore del Genoa, Raffaele "
        "Palladino ed Enzo Maresca."
    )
    tenures = _tenures(extract(text, gaz, lang="it", date="2024-06"))
    assert tenures == {("Luca Gotti", "Genoa CFC"): "current"}, tenures


@pytest.mark.parametrize(
    "text",
    [
        "El Betis anunció a Jorge Fossati, que tuvo un paso como DT por Ayacucho en 2022.",
        "Jorge Fossati, que recientemente dirigió a Ayacucho, será el nuevo técnico del Betis.",
    ],
)
def test_a_club_nobody_knows_after_a_spell_s_words_is_a_past_spell(
    gaz: Gazetteer, text: str
) -> None:
    tenures = _tenures(extract(text, gaz, lang="es", date="2024-06"))
    assert tenures.get(("Jorge Fossati", "Ayacucho")) == "past", tenures


@pytest.mark.parametrize(
    ("text", "coach", "club"),
    [
        (
            "L'Empoli ha confermato Roberto D'Aversa, mentre il dirigente ex Cosenza resta al "
            "suo posto.",
            "Roberto D'Aversa",
            "Cosenza",
        ),
        (
            "Il Palermo ha scelto Eugenio Corini, voluto dal direttore generale ex Bari.",
            "Eugenio Corini",
            "Bari",
        ),
    ],
)
def test_a_past_spell_of_an_executive_s_role_is_no_coach_s(
    gaz: Gazetteer, text: str, coach: str, club: str
) -> None:
    tenures = _tenures(extract(text, gaz, lang="it", date="2024-06"))
    assert (coach, club) not in tenures, tenures
    assert len(tenures) == 1, tenures


def test_his_assistant_works_at_the_bench_the_article_is_about(gaz: Gazetteer) -> None:
    text = (
        "Leeds United have sacked Daniel Farke. The club thanked Farke for his work, as well "
        "as his assistant Chris Domogalla, who also leaves."
    )
    x = extract(text, gaz, lang="en", date="2024-06")
    spells = {(t.coach.name, t.team.name): t.role for t in x.tenures}
    assert spells.get(("Chris Domogalla", "Leeds United F.C.")) == "assistant", spells
    assert not [k for k in _moves(x) if k[0] == "Chris Domogalla"], x.moves


@pytest.mark.parametrize(
    ("text", "spells"),
    [
        (
            "Everton are looking for a new manager. In the summer, Everton spent £90m on four "
            "new players, including Tom Ellison.",
            {},
        ),
        (
            "Frank Lampard spent one season with Derby County before joining Chelsea.",
            {("Frank Lampard", "Derby County"): "past"},
        ),
    ],
)
def test_a_club_spending_money_is_no_spell(
    gaz: Gazetteer, text: str, spells: dict[tuple[str, str], str]
) -> None:
    assert _tenures(extract(text, gaz, lang="en", date="2024-06")) == spells


def test_a_club_in_brackets_after_a_name_is_a_place_not_his_side(gaz: Gazetteer) -> None:
    text = "La reunión fue en la casa de Marcelino García Toral (Sevilla), según la prensa."
    assert not extract(text, gaz, lang="es", date="2024-06").tenures


def test_currently_at_the_helm_of_a_club_named_in_italian_is_a_current_spell(
    gaz: Gazetteer,
) -> None:
    text = "Sebastian Hoeness, attualmente alla guida dello Stoccarda, ha vinto ancora."
    tenures = _tenures(extract(text, gaz, lang="it", date="2024-06"))
    key = ("Sebastian Hoeneß", "Verein für Bewegungsspiele Stuttgart 1893")
    assert tenures.get(key) == "current", tenures


def test_a_club_s_name_before_a_comma_makes_no_apposition(gaz: Gazetteer) -> None:
    text = "Diego Simeone, exentrenador del Racing Club, dirige al Atlético de Madrid."
    tenures = _tenures(extract(text, gaz, lang="es", date="2024-06"))
    assert tenures.get(("Diego Simeone", "Atlético Madrid")) == "current", tenures


def test_the_coach_right_after_the_cue_s_team_wins_over_the_name_before_its_comma(
    gaz: Gazetteer,
) -> None:
    text = "Secondo Carlo Ancelotti, l'allenatore del Milan Stefano Pioli merita fiducia."
    tenures = _tenures(extract(text, gaz, lang="it", date="2024-06"))
    assert tenures == {("Stefano Pioli", "AC Milan"): "current"}, tenures


def test_a_run_he_led_is_a_spell_at_its_club(gaz: Gazetteer) -> None:
    text = (
        "Il Genoa pensa a Paolo Vanoli. Il tecnico è stato l'artefice della cavalcata del "
        "Venezia in Serie B."
    )
    tenures = _tenures(extract(text, gaz, lang="it", date="2024-06"))
    assert ("Paolo Vanoli", "Venezia FC") in tenures, tenures


def test_staying_in_one_s_current_role_is_a_current_spell(gaz: Gazetteer) -> None:
    text = (
        "Leeds United have sacked Daniel Farke. Goalkeeper coach Tom Wright will remain in his "
        "current role."
    )
    tenures = _tenures(extract(text, gaz, lang="en", date="2024-06"))
    assert tenures.get(("Tom Wright", "Leeds United F.C.")) == "current", tenures


def test_a_candidate_for_a_bench_may_coach_so_his_spells_are_kept(gaz: Gazetteer) -> None:
    text = (
        "El Villarreal busca entrenador y la primera opción es Marcos Ferrer. El club quiere "
        "rapidez. La afición espera con calma. Todo se decidirá pronto. Marcos Ferrer, tras "
        "poner fin a su etapa en River Plate, espera una oferta."
    )
    tenures = _tenures(extract(text, gaz, lang="es", date="2024-06"))
    assert tenures.get(("Marcos Ferrer", "River Plate")) == "past", tenures


def test_a_third_coach_chosen_after_a_change_starts_a_spell(gaz: Gazetteer) -> None:
    text = (
        "Il Genoa ha cambiato due volte in stagione: è passato da Alberto Gilardino a Patrick "
        "Vieira per poi scegliere Daniele De Rossi."
    )
    x = extract(text, gaz, lang="it", date="2024-06")
    assert _tenures(x).get(("Daniele De Rossi", "Genoa CFC")) == "starting", x.tenures
    assert _moves(x).get(("Daniele De Rossi", "appointment", "Genoa CFC")) == "completed"


def test_a_bench_handed_to_the_youth_coach_for_now_is_a_caretaker_spell(gaz: Gazetteer) -> None:
    text = (
        "Il Genoa ha esonerato Alberto Gilardino. La squadra viene affidata momentaneamente "
        "al tecnico della Primavera Renato Colombi."
    )
    x = extract(text, gaz, lang="it", date="2024-11")
    spells = {(t.coach.name, t.team.name): (t.status, t.role) for t in x.tenures}
    assert spells.get(("Renato Colombi", "Genoa CFC")) == ("starting", "caretaker"), spells


def test_a_coach_followed_by_of_and_a_club_is_at_that_club(gaz: Gazetteer) -> None:
    x = extract("Il Chelsea valuta Thiago Motta del Bologna.", gaz, lang="it", date="2024-05")
    assert _tenures(x).get(("Thiago Motta", "Bologna FC 1909")) == "current", x.tenures
    assert ("Thiago Motta", "appointment", "Chelsea") in _moves(x)


def test_the_name_right_after_a_spell_s_role_word_holds_it_even_when_appointed(
    gaz: Gazetteer,
) -> None:
    text = (
        "Leeds have sacked manager Tom Harwood and have replaced him with former Chelsea "
        "assistant Dean Pellow."
    )
    spells = _tenures(extract(text, gaz, lang="en", date="2024-10"))
    assert spells.get(("Dean Pellow", "Chelsea")) == "past", spells
    assert ("Tom Harwood", "Chelsea") not in spells


def test_a_club_without_article_after_a_spanish_coach_word_is_his_former_club(
    gaz: Gazetteer,
) -> None:
    x = extract("Mario Vaccaro, ex entrenador de Lanosa, llega al club.", gaz, lang="es")
    assert _tenures(x).get(("Mario Vaccaro", "Lanosa")) == "past", x.tenures


def test_an_epithet_past_a_replacement_stands_for_the_coach_who_replaces(gaz: Gazetteer) -> None:
    text = (
        "Il Torino ha scelto Thiago Motta, che prende il posto di Paolo Vanoli. "
        "Il tecnico bresciano ha guidato il Genoa per due stagioni."
    )
    spells = _tenures(extract(text, gaz, lang="it", date="2024-06"))
    assert spells.get(("Thiago Motta", "Genoa CFC")) == "past", spells
    assert ("Paolo Vanoli", "Genoa CFC") not in spells


def test_a_gerund_of_coaching_lists_past_spells(gaz: Gazetteer) -> None:
    text = "Luca Bianchi, allenatore del Pisa, si è fatto notare allenando Palermo e Benevento."
    spells = _tenures(extract(text, gaz, lang="it", date="2024-06"))
    assert spells.get(("Luca Bianchi", "Palermo")) == "past", spells
    assert spells.get(("Luca Bianchi", "Benevento Calcio")) == "past", spells


def test_a_present_spell_cue_over_a_list_of_clubs_tells_a_career(gaz: Gazetteer) -> None:
    text = "Il tecnico Mario Rossi ha esperienza come allenatore del Perugia, del Frosinone."
    spells = _tenures(extract(text, gaz, lang="it", date="2024-06"))
    assert spells.get(("Mario Rossi", "Perugia")) == "past", spells
    assert spells.get(("Mario Rossi", "Frosinone Calcio")) == "past", spells


def test_a_club_s_name_after_a_first_name_is_a_surname(gaz: Gazetteer) -> None:
    x = extract("Il Genoa ha esonerato l'allenatore Carlos Palermo.", gaz, lang="it")
    assert _tenures(x).get(("Carlos Palermo", "Genoa CFC")) == "ended", x.tenures
    assert not [t for t in x.tenures if t.team.name == "Palermo"], x.tenures


def test_a_spanish_word_of_replacing_tells_a_bench_story(gaz: Gazetteer) -> None:
    text = (
        "La primera opción para relevar al cántabro es Marcos Gallego. "
        "Marcos Gallego, tras poner punto final a su etapa en River Plate, espera una oferta."
    )
    spells = _tenures(extract(text, gaz, lang="es", date="2023-10"))
    assert spells.get(("Marcos Gallego", "River Plate")) == "past", spells


def test_a_stint_as_an_assistant_at_a_club_is_a_past_assistant_spell(gaz: Gazetteer) -> None:
    text = "The new head coach Dan Kovac had stints as an assistant at Crystal Palace."
    x = extract(text, gaz, lang="en", date="2024-09")
    spells = {(t.coach.name, t.team.name): (t.status, t.role) for t in x.tenures}
    palace = spells.get(("Dan Kovac", "Crystal Palace Football Club"))
    assert palace == ("past", "assistant"), spells


def test_his_assistant_named_after_a_sacking_holds_an_assistant_s_spell(gaz: Gazetteer) -> None:
    text = "Sunderland have sacked Tony Mowbray. His assistant Ray Colley is also leaving."
    x = extract(text, gaz, lang="en", date="2023-12")
    spells = {(t.coach.name, t.team.name): t.role for t in x.tenures}
    assert spells.get(("Ray Colley", "Sunderland A.F.C.")) == "assistant", spells


def test_a_ground_or_district_of_a_club_is_no_team(gaz: Gazetteer) -> None:
    # "at Parkhead", "left Gorgie": the press's places of a club are never its spell's team
    text = (
        "Gary Fenwick was named as the new manager at Parkhead. "
        "Dan Morley has now left Gorgie after two years in the dugout."
    )
    x = extract(text, gaz, lang="en", date="2024-06")
    teams = {team for _, team in _tenures(x)}
    assert not teams & {"Parkhead", "Gorgie"}, _tenures(x)


@pytest.mark.parametrize(
    "text",
    [
        "Gary Fenwick would be an ideal candidate for the position of Everton manager.",
        "Gary Fenwick has applied for the Everton manager job.",
        "Gary Fenwick was interviewed for the vacant Everton manager role.",
    ],
)
def test_a_post_someone_may_get_is_no_spell(gaz: Gazetteer, text: str) -> None:
    x = extract(text, gaz, lang="en", date="2024-06")
    assert ("Gary Fenwick", "Everton") not in _tenures(x), _tenures(x)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Fernando Santos lascia dopo nove mesi l'incarico di commissario tecnico della "
            "Nazionale. La Polonia cerca già il suo successore.",
            ("Fernando Santos", "Poland national team"),
        ),
        (
            "Luciano Spalletti lascia dopo tre anni l'incarico di commissario tecnico della "
            "Nazionale. L'Italia cerca già il suo successore.",
            ("Luciano Spalletti", "Italy national team"),
        ),
    ],
)
def test_the_bare_national_team_is_the_one_the_article_names(
    gaz: Gazetteer, text: str, pair: tuple[str, str]
) -> None:
    x = extract(text, gaz, lang="it", date="2024-06")
    assert _tenures(x).get(pair) == "current"
    assert len(x.tenures) == 1
