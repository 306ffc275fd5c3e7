"""What lets the extractor hold on wording no article of the corpus used (issue 25, second
pass): stems instead of inflections, influence from a word and the person it binds, on
sentences written for these tests."""

from __future__ import annotations

import pytest

from graph.extract import extract
from graph.extract.gazetteer import Gazetteer
from graph.extract.lexicon import Cue, compile_pattern, load_lexicon, word_matches
from graph.extract.matching import SentenceMatcher
from graph.extract.mentions import find_mentions
from graph.extract.tokens import sentences, tokenize


def test_a_stem_matches_every_inflection(gaz: Gazetteer) -> None:
    assert compile_pattern("l’esoner*") == ("l", "esoner*")
    assert word_matches("esoner*", "esonerera") and not word_matches("esoner*", "esone")
    with pytest.raises(ValueError, match="stem"):
        compile_pattern("vo*")
    lex = load_lexicon("it")
    text = "Il club esonererà Mario Rossi domani."
    tokens = tokenize(text)
    s = sentences(text, tokens, lex.clause_breaks)[0]
    mentions = find_mentions(text, tokens, gaz, lex)
    at = {m.first: i for i, m in enumerate(mentions)}
    cue = Cue(compile_pattern("esoner* {person}"), "sacking")
    hits = SentenceMatcher(text, tokens, s, mentions, at, lex).hits([cue])
    assert [(h.cue.label, h.slot.text if h.slot else None) for h in hits] == [
        ("sacking", "Mario Rossi")
    ]


def _influences(x: object) -> set[tuple[str, str, str, str, str | None]]:
    return {
        (
            i.person.name,
            i.polarity,
            i.move.coach.name,
            i.move.kind,
            i.move.to.name if i.move.to else None,
        )
        for i in x.influences  # type: ignore[attr-defined]
    }


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "it",
            "Il presidente Rocco Commisso ha fortemente caldeggiato l'arrivo di Raffaele "
            "Palladino alla Fiorentina.",
            ("Rocco Commisso", "for", "Raffaele Palladino", "appointment", "Fiorentina"),
        ),
        (
            "it",
            "La Fiorentina ha scelto Raffaele Palladino come nuovo allenatore, voluto "
            "fortemente dal direttore sportivo Daniele Pradè.",
            ("Daniele Pradè", "for", "Raffaele Palladino", "appointment", "Fiorentina"),
        ),
        (
            "es",
            "El presidente Florentino Pérez se opuso a la llegada de Mauricio Pochettino al "
            "Real Madrid.",
            ("Florentino Pérez", "against", "Mauricio Pochettino", "appointment", "Real Madrid"),
        ),
        (
            "es",
            "El Sevilla ha despedido a José Luis Mendilibar. La decisión del presidente José "
            "Castro llegó tras la derrota.",
            ("José Castro", "for", "José Luis Mendilibar", "sacking", None),
        ),
        (
            "en",
            "Tottenham sacked Antonio Conte on Sunday, a decision taken by chairman Daniel Levy "
            "after the draw.",
            ("Daniel Levy", "for", "Antonio Conte", "sacking", None),
        ),
        (
            "en",
            "Newcastle will keep Eddie Howe: co-owner Amanda Staveley has backed the manager.",
            None,  # no move: backing a coach nobody moves is no influence
        ),
    ],
)
def test_an_influence_word_binds_the_person_who_acts(
    gaz: Gazetteer, lang: str, text: str, expected: tuple[str, str, str, str, str | None] | None
) -> None:
    found = _influences(extract(text, gaz, lang=lang, date="2024-05"))
    assert found == ({expected} if expected else set())


def test_the_one_chosen_is_not_the_one_choosing(gaz: Gazetteer) -> None:
    text = (
        "Thomas Tuchel has been appointed England manager. Lee Carsley, who was appointed "
        "interim manager in August, will remain in charge for two games."
    )
    x = extract(text, gaz, lang="en", date="2024-10")
    assert not x.influences


def _moves(x: object) -> set[tuple[str, str, str | None]]:
    return {
        (m.coach.name, m.kind, m.to.name if m.to else None)
        for m in x.moves  # type: ignore[attr-defined]
    }


@pytest.mark.parametrize(
    ("lang", "text", "candidates"),
    [
        (
            "it",
            "Il Cagliari ha esonerato Leonardo Semplici. Oltre ai sogni improbabili come Roberto "
            "De Zerbi e Marcelo Bielsa, la dirigenza valuta profili più concreti.",
            {"Roberto De Zerbi", "Marcelo Bielsa"},
        ),
        (
            "en",
            "West Ham have sacked Julen Lopetegui. Both Ruben Amorim and Paulo Fonseca remain "
            "potential alternatives to Lopetegui.",
            {"Rúben Amorim", "Paulo Fonseca"},
        ),
    ],
)
def test_every_coach_an_article_about_a_bench_names_is_a_candidate(
    gaz: Gazetteer, lang: str, text: str, candidates: set[str]
) -> None:
    moves = _moves(extract(text, gaz, lang=lang, date="2024-05"))
    rumoured = {coach for coach, kind, to in moves if kind == "appointment"}
    assert rumoured == candidates
    # the coach who left is no candidate for his own bench
    assert not any(
        kind == "appointment" and coach in {"Leonardo Semplici", "Julen Lopetegui"}
        for coach, kind, _ in moves
    )


def test_a_replacement_goes_to_the_bench_the_exit_left(gaz: Gazetteer) -> None:
    text = (
        "La Cremonese ha esonerato Davide Ballardini. Il sostituto è già stato scelto, sarà "
        "Giovanni Stroppa a subentrare. Per il tecnico ex Monza, che col Monza ha vinto tanto e "
        "a Monza è rimasto due anni, pronto un biennale."
    )
    moves = _moves(extract(text, gaz, lang="it", date="2023-09"))
    assert ("Giovanni Stroppa", "appointment", "US Cremonese") in moves


def test_media_grounds_and_competitions_are_no_names(gaz: Gazetteer) -> None:
    text = (
        "Il presidente Fabrizio Corsi, intervistato da Radio Sportiva, ha parlato del cambio: "
        "passando da Andreazzoli a Zanetti."
    )
    x = extract(text, gaz, lang="it", date="2022-06")
    assert not any(m.text == "Radio Sportiva" for m in x.mentions)


def test_a_full_name_whose_surname_the_article_repeats_is_a_person(gaz: Gazetteer) -> None:
    text = (
        "Heimir Hallgrimsson has been appointed as the new head coach of the Republic of "
        "Ireland. Hallgrimsson has previously managed Iceland and Jamaica."
    )
    x = extract(text, gaz, lang="en", date="2024-07")
    people = {m.text for m in x.mentions if m.entity is None}
    assert "Hallgrimsson" in people
    assert ("Hallgrimsson", "appointment", "Republic of Ireland national team") in _moves(x)
    tenures = {(t.coach.name, t.team.name) for t in x.tenures}
    assert ("Hallgrimsson", "Iceland national team") in tenures


@pytest.mark.parametrize(
    ("lang", "text", "team"),
    [
        ("es", "La selección de Perú anunció a su nuevo seleccionador.", "Peru national team"),
        ("it", "Il nuovo ct dell'Islanda è stato presentato ieri.", "Iceland national team"),
        ("en", "He spent most of his career in Australia.", None),
        ("en", "Jordan Henderson joined the club.", None),
    ],
)
def test_a_country_is_its_national_team_but_not_a_place(
    gaz: Gazetteer, lang: str, text: str, team: str | None
) -> None:
    x = extract(text, gaz, lang=lang, date="2024-07")
    guessed = {u.text for u in x.unresolved if u.kind_guess == "team"}
    teams = {
        (m.entity.name if m.entity is not None else m.text)
        for m in x.mentions
        if (m.entity is not None and m.entity.kind == "team") or m.text in guessed
    }
    if team is None:
        assert not teams
    else:
        assert teams and all("national" in t or t in {"Perú", "Islanda"} for t in teams)


def test_a_name_nobody_calls_a_coach_moves_only_where_a_bench_is_spoken_of(
    gaz: Gazetteer,
) -> None:
    text = "Del bloque opositor solo Diego González llegó a la cita del directorio."
    assert not extract(text, gaz, lang="es", date="2025-08").moves


def test_a_role_word_alone_is_the_executive_the_article_named(gaz: Gazetteer) -> None:
    text = (
        "Evangelos Marinakis, the Forest owner, is unhappy, and Marinakis acts fast. Nottingham "
        "Forest have sacked Ange Postecoglou: the owner made the decision after the defeat."
    )
    x = extract(text, gaz, lang="en", date="2025-10")
    assert not any(m.coach.name.endswith("Marinakis") for m in x.moves)
    assert {(i.person.name.split()[-1], i.move.coach.name) for i in x.influences} == {
        ("Marinakis", "Ange Postecoglou")
    }


def test_who_speaks_in_the_first_person_is_the_executive_named(gaz: Gazetteer) -> None:
    text = (
        "La Sampdoria ha esonerato Marco Giampaolo. Il presidente Massimo Ferrero ha parlato ai "
        "giornalisti: «Abbiamo scelto Claudio Ranieri, un allenatore di grande esperienza»."
    )
    x = extract(text, gaz, lang="it", date="2019-10")
    assert ("Massimo Ferrero", "Claudio Ranieri", "for") in {
        (i.person.name, i.move.coach.name, i.polarity) for i in x.influences
    }


def test_a_clause_about_a_career_gives_past_spells(gaz: Gazetteer) -> None:
    text = (
        "La Cremonese ha scelto Davide Ballardini. Nella sua carriera quattro esperienze al "
        "Genoa e tre al Cagliari. Non riesce a battere il Napoli."
    )
    tenures = {(t.coach.name, t.team.name, t.status) for t in extract(text, gaz, lang="it").tenures}
    assert {
        ("Davide Ballardini", "Genoa CFC", "past"),
        ("Davide Ballardini", "Cagliari", "past"),
    } <= {(c, t, s) for c, t, s in tenures}
    assert not any(t == "SSC Napoli" for _, t, _ in tenures)


def test_a_coach_known_by_one_name_is_the_subject_of_his_move(gaz: Gazetteer) -> None:
    text = (
        "El Real Valladolid ha anunciado que Pacheta deja de ser entrenador del equipo. "
        "El club agradece a Pacheta su trabajo."
    )
    moves = _moves(extract(text, gaz, lang="es", date="2023-04"))
    assert {coach for coach, kind, _ in moves if kind != "appointment"} == {"Pacheta"}


# -- third pass ---------------------------------------------------------------------------


def test_the_last_name_of_a_list_is_a_person_whatever_follows_it(gaz: Gazetteer) -> None:
    text = "El Getafe busca técnico con Imanol Alguacil, Garitano y Zuberoa como opciones."
    x = extract(text, gaz, lang="es")
    assert {"Garitano", "Zuberoa"} <= {m.text for m in x.mentions}


def test_wanting_a_list_of_candidates_wants_each_of_them(gaz: Gazetteer) -> None:
    text = (
        "El Getafe busca un sustituto con Imanol Alguacil y Garitano como opciones, las "
        "preferidas por el director deportivo Ramón Planes."
    )
    got = _influences(extract(text, gaz, lang="es"))
    assert {
        ("Ramón Planes", "for", "Imanol Alguacil", "appointment", "Getafe Club de Fútbol"),
        ("Ramón Planes", "for", "Garitano", "appointment", "Getafe Club de Fútbol"),
    } <= got


def test_the_subject_before_an_apposition_acts(gaz: Gazetteer) -> None:
    text = (
        "Leeds United have sacked manager Jesse Marsch.\n\nAndrea Radrizzani, the Leeds owner, "
        "made the call after the defeat. Radrizzani is a long-standing admirer of Marco Silva."
    )
    x = extract(text, gaz, lang="en")
    people = {m.text: m for m in find_mentions(text, tokenize(text), gaz, load_lexicon("en"))}
    assert "Andrea Radrizzani" in people  # a coach role word of the sentence before is not his
    got = {(i.person.name, i.polarity, i.move.coach.name, i.move.kind) for i in x.influences}
    assert ("Andrea Radrizzani", "for", "Jesse Marsch", "sacking") in got
    # "an admirer of Marco Silva": the coach after "of" is whom he admires, not who admires
    assert ("Andrea Radrizzani", "for", "Marco Silva", "appointment") in got


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "it",
            "Il Genoa ha esonerato Alberto Gilardino. Il presidente Dan Sucu ha optato per "
            "Patrick Vieira.",
            ("Dan Sucu", "for", "Patrick Vieira", "appointment", "Genoa CFC"),
        ),
        (
            "es",
            "El Getafe busca entrenador. El favorito del presidente Ángel Torres es Imanol "
            "Alguacil.",
            ("Ángel Torres", "for", "Imanol Alguacil", "appointment", "Getafe Club de Fútbol"),
        ),
    ],
)
def test_words_of_opting_and_favouring(
    gaz: Gazetteer, lang: str, text: str, expected: tuple[str, str, str, str, str]
) -> None:
    assert expected in _influences(extract(text, gaz, lang=lang))


@pytest.mark.parametrize(
    ("lang", "text", "team"),
    [
        ("it", "Mario Rossi è il nuovo tecnico della Nazionale peruviana.", "Peru national"),
        ("es", "Juan Pérez dirigirá a la selección chilena.", "Chile national"),
        ("en", "John Smith was named head coach of the Indian national team.", "India national"),
        ("en", "John Smith was named head coach of the English national team.", "England"),
    ],
)
def test_a_national_team_word_with_a_nationality_is_that_team(
    gaz: Gazetteer, lang: str, text: str, team: str
) -> None:
    mentions = find_mentions(text, tokenize(text), gaz, load_lexicon(lang))
    teams = [m.canonical or (m.entry.name if m.entry else m.text) for m in mentions]
    assert any(t.startswith(team) for t in teams), teams


def test_an_adjective_of_a_city_or_two_countries_is_no_nationality() -> None:
    from graph.extract.mentions import demonym_country

    assert demonym_country("romano", {}) is None  # Rome, not Romania
    assert demonym_country("peruana", {}) == "Peru"
    assert demonym_country("mexicana", {}) == "Mexico"
    assert demonym_country("english", {"english": "England"}) == "England"
    assert demonym_country("italia", {}) is None  # the country itself is no adjective


# -- fourth pass (round 4) ---------------------------------------------------------------


def _moves(x: object) -> dict[tuple[str, str, str | None], str]:
    return {
        (m.coach.name, m.kind, m.to.name if m.to else None): m.status
        for m in x.moves  # type: ignore[attr-defined]
    }


def test_an_announced_sacking_has_happened(gaz: Gazetteer) -> None:
    text = "Leeds United announced the sacking of Jesse Marsch on Monday."
    got = _moves(extract(text, gaz, lang="en"))
    assert got[("Jesse Marsch", "sacking", None)] == "completed"


def test_a_filled_bench_collapses_the_other_candidates(gaz: Gazetteer) -> None:
    text = (
        "La Fiorentina cerca un allenatore: in lizza Stefano Pioli e Maurizio Sarri.\n"
        "Alla fine la Fiorentina ha ufficializzato Gian Piero Gasperini come nuovo allenatore."
    )
    got = _moves(extract(text, gaz, lang="it"))
    assert got[("Gian Piero Gasperini", "appointment", "Fiorentina")] in {"confirmed", "completed"}
    assert got[("Stefano Pioli", "appointment", "Fiorentina")] == "collapsed"
    assert got[("Maurizio Sarri", "appointment", "Fiorentina")] == "collapsed"


def test_a_stand_in_fills_no_bench(gaz: Gazetteer) -> None:
    text = (
        "La Fiorentina cerca un allenatore: in lizza Stefano Pioli e Maurizio Sarri.\n"
        "Per ora la Fiorentina ha ufficializzato il traghettatore Gian Piero Gasperini."
    )
    got = _moves(extract(text, gaz, lang="it"))
    assert got[("Stefano Pioli", "appointment", "Fiorentina")] == "rumoured"


def _tenures(x: object) -> set[tuple[str, str]]:
    return {(t.coach.name, t.team.name) for t in x.tenures}  # type: ignore[attr-defined]


def test_a_career_list_goes_on_with_each_teams_own_article(gaz: Gazetteer) -> None:
    text = "Maurizio Sarri ha allenato il Napoli, la Juventus e la Lazio."
    got = _tenures(extract(text, gaz, lang="it"))
    assert {("Maurizio Sarri", "Juventus"), ("Maurizio Sarri", "SS Lazio")} <= got


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("it", "Stefano Pioli, già alla guida della Fiorentina, piace al Torino.", "Fiorentina"),
        ("it", "Stefano Pioli, vice allenatore della Juventus, è in lizza.", "Juventus"),
        ("en", "Mauricio Pochettino, who previously managed Chelsea, is a candidate.", "Chelsea"),
        ("es", "Marcelo Bielsa, el exestratega del Valencia, es una opción.", "Valencia"),
        ("es", "Marcelo Bielsa, tras su salida del Valencia, busca equipo.", "Valencia"),
    ],
)
def test_general_words_of_a_past_spell(gaz: Gazetteer, lang: str, text: str, expected: str) -> None:
    got = _tenures(extract(text, gaz, lang=lang))
    assert any(team.startswith(expected) for _, team in got), got


def test_a_negated_ruling_out_leaves_the_move_open(gaz: Gazetteer) -> None:
    text = (
        "El presidente del Valencia, Peter Lim, no descarta el fichaje de Marcelo Bielsa como "
        "entrenador."
    )
    x = extract(text, gaz, lang="es")
    assert _moves(x)[("Marcelo Bielsa", "appointment", "Valencia")] == "rumoured"
    assert not {i for i in _influences(x) if i[0] == "Peter Lim"}


def test_a_predecessor_is_no_candidate(gaz: Gazetteer) -> None:
    text = (
        "La Fiorentina cerca un nuovo allenatore. In pole c'è Stefano Pioli.\n"
        "Il club non vince dai tempi del primo anno dopo Maurizio Sarri."
    )
    got = _moves(extract(text, gaz, lang="it"))
    assert ("Stefano Pioli", "appointment", "Fiorentina") in got
    assert ("Maurizio Sarri", "appointment", "Fiorentina") not in got


def _appointed(text: str, gaz: Gazetteer, lang: str) -> set[str]:
    x = extract(text, gaz, lang=lang)
    return {m.coach.name for m in x.moves if m.kind == "appointment"}


@pytest.mark.parametrize(
    ("lang", "opening", "owner", "plain", "coach"),
    [
        (
            "en",
            "West Ham are looking for a new manager and Julen Lopetegui could be the choice.",
            "Chelsea have two points more than Mauricio Pochettino's side.",
            "Chelsea have two points more than Mauricio Pochettino.",
            "Mauricio Pochettino",
        ),
        (
            "it",
            "Il Torino cerca un allenatore: in pole c'è Stefano Pioli.",
            "Il Torino ha battuto il Napoli di Maurizio Sarri.",
            "Il Torino ha battuto Maurizio Sarri.",
            "Maurizio Sarri",
        ),
        (
            "es",
            "El Valencia busca entrenador y Marcelo Bielsa es el favorito.",
            "El Valencia perdió contra el Sevilla de Julen Lopetegui.",
            "El Valencia perdió contra Julen Lopetegui.",
            "Julen Lopetegui",
        ),
    ],
)
def test_a_coach_named_as_whose_a_side_is_is_no_candidate(
    gaz: Gazetteer, lang: str, opening: str, owner: str, plain: str, coach: str
) -> None:
    # named alone, the sweep takes him as a candidate; named as the owner of a side, it does not
    assert coach in _appointed(f"{opening} {plain}", gaz, lang)
    assert coach not in _appointed(f"{opening} {owner}", gaz, lang)


def test_a_bench_filled_without_a_race_has_no_candidates(gaz: Gazetteer) -> None:
    later = " Domenica la Fiorentina sfiderà Maurizio Sarri."
    race = "La Fiorentina cerca un allenatore: in pole c'è Gian Piero Gasperini."
    filled = "La Fiorentina ha ufficializzato Gian Piero Gasperini come nuovo allenatore."
    assert "Maurizio Sarri" in _appointed(race + later, gaz, "it")
    assert "Maurizio Sarri" not in _appointed(filled + later, gaz, "it")
