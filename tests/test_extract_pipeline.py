"""Pure extraction: no database. The seed article, the dev set, aliases, bad input, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import app
from graph.extract import ExtractError, extract
from graph.extract.dates import header_date, resolve
from graph.extract.evaluate import Names, Report, compare, evaluate_dir, seed_gold
from graph.extract.gazetteer import Gazetteer, from_seeds
from graph.extract.lexicon import compile_pattern, load_lexicon
from graph.extract.pipeline import detect_language
from graph.settings import PROJECT_ROOT

SEEDS = PROJECT_ROOT / "seeds"
SEED_ARTICLE = SEEDS / "000_fc36557d683ab8d1.txt"
SEED_SOURCE = "article-fc36557d683ab8d1"
DEV = Path(__file__).parent / "fixtures" / "extract_dev"

# The floors hold the F1 these hand-written unit fixtures reached when they were set, scored
# the way the corpus is (docs/extraction.md), less about one claim of slack: a regression
# fails. They are unit fixtures, not evidence of quality (corpus/extraction is). Their entity
# lists predate epithets ("the Italian", "il tecnico salentino" are mentions of the coach now).
DEV_FLOOR = {"tenures": 0.9, "moves": 0.9, "reports": 0.84, "influences": 0.7, "entities": 0.9}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return from_seeds([SEEDS, DEV / "gazetteer"])


def _seed_text() -> str:
    return SEED_ARTICLE.read_text(encoding="utf-8")


def test_seed_article_matches_the_hand_made_claims(gaz: Gazetteer) -> None:
    report = Report()
    result = extract(_seed_text(), gaz)
    compare(report, "seed", result.to_json(), seed_gold(SEEDS, SEED_SOURCE), Names(gaz))
    scores = [report.score(kind) for kind in ("tenures", "moves", "reports", "influences")]
    # 4 tenures; 4 moves by (coach, destination): the departure, the denied sacking and the
    # denied retirement have none, so they are one; 2 outlet reports; 3 influences
    assert [s.tp + s.fn for s in scores] == [4, 4, 2, 3]
    tp, fp, fn = (sum(getattr(s, a) for s in scores) for a in ("tp", "fp", "fn"))
    assert tp / (tp + fn) >= 0.9, report.scores
    assert tp / (tp + fp) >= 0.9, report.scores
    assert result.article.lang == "it"
    assert result.article.date == "2025-01"


def test_dev_set_holds_its_floor(gaz: Gazetteer) -> None:
    report = evaluate_dir(DEV, gaz)
    assert report.total_articles >= 15
    for kind, floor in DEV_FLOOR.items():
        score = report.score(kind)
        assert score.f1 >= floor, (kind, score.misses)


def test_dev_set_covers_the_languages() -> None:
    langs = [json.loads(p.read_text(encoding="utf-8"))["lang"] for p in DEV.glob("*.gold.json")]
    assert langs.count("it") >= 6 and langs.count("en") >= 4 and langs.count("es") >= 4


def test_every_evidence_and_mention_is_an_exact_slice(gaz: Gazetteer) -> None:
    for path in [SEED_ARTICLE, *sorted(DEV.glob("*.txt"))]:
        text = path.read_text(encoding="utf-8")
        data = extract(text, gaz).to_json()
        spans = [m for m in data["mentions"]] + data["unresolved"]  # type: ignore[operator]
        for kind in ("tenures", "moves", "influences"):
            spans += [c["evidence"] for c in data[kind]]  # type: ignore[index, attr-defined]
        for span in spans:
            assert span["text"] == text[span["start"] : span["end"]], (path.name, span)


@pytest.mark.parametrize(
    ("sentence", "surface", "ident"),
    [
        ("Il progetto con Conceicao andrà avanti.", "Conceicao", "sergio-conceicao"),
        ("Nonostante Mbappè la squadra perde.", "Mbappè", "kylian-mbappe"),
        ("La separazione con i Blancos è vicina.", "Blancos", "real-madrid"),
        ("Los Merengues ganaron otra vez.", "Merengues", "real-madrid"),
        ("I rossoneri hanno vinto il derby.", "rossoneri", "ac-milan"),
        ("Ancelotti potrebbe finire alla Roma.", "Roma", "as-roma"),
        ("Il nuovo progetto tecnico in Capitale piace.", "Capitale", "as-roma"),
        ("Sarà il nuovo CT del Brasile.", "Brasile", "brazil-national-team"),
        ("A Seleção escolheu o técnico.", "Seleção", "brazil-national-team"),
        ("La doppia manita del Barcellona pesa.", "Barcellona", "fc-barcelona"),
        ("Una nuova storia per Re Carlo in Italia.", "Re Carlo", "carlo-ancelotti"),
        ("Ancellotti potrebbe tornare in Italia.", "Ancellotti", "carlo-ancelotti"),
    ],
)
def test_tricky_aliases_resolve(gaz: Gazetteer, sentence: str, surface: str, ident: str) -> None:
    result = extract(sentence, gaz, lang="it")
    found = {(m.text, m.entity.id if m.entity else None) for m in result.mentions}
    assert (surface, ident) in found, found


def test_place_names_are_not_teams(gaz: Gazetteer) -> None:
    result = extract("Ancelotti potrebbe tornare in Italia.", gaz, lang="it")
    assert all(m.text != "Italia" for m in result.mentions)


@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        (
            "Il Napoli ha ufficializzato l'allenatore Marco Bianchi come nuovo allenatore.",
            "it",
            "Marco Bianchi",
        ),
        ("Everton have appointed coach John Smith as their new manager.", "en", "John Smith"),
        (
            "El Valencia ha anunciado al entrenador Pedro Gómez como nuevo entrenador.",
            "es",
            "Pedro Gómez",
        ),
    ],
)
def test_marked_unknown_coaches_stay_unresolved(
    gaz: Gazetteer, text: str, lang: str, name: str
) -> None:
    result = extract(text, gaz, lang=lang)
    assert [(u.text, u.kind_guess) for u in result.unresolved] == [(name, "person")]
    assert [m.coach.id for m in result.moves] == [None]
    assert [m.coach.name for m in result.moves] == [name]


def test_language_detection() -> None:
    assert detect_language(_seed_text()) == "it"
    assert (
        detect_language(
            "Real Madrid confirmed that the coach will leave at the end of "
            "the season, according to the club."
        )
        == "en"
    )
    assert (
        detect_language(
            "El entrenador dejará el club a final de temporada, según la prensa de la ciudad."
        )
        == "es"
    )


@pytest.mark.parametrize(
    ("text", "lang", "message"),
    [
        ("", "auto", "empty"),
        ("   \n", "it", "empty"),
        (
            "Der Trainer wurde heute entlassen und der Verein sucht einen neuen.",
            "auto",
            "cannot tell",
        ),
        ("Un texte.", "fr", "unsupported language 'fr'"),
    ],
)
def test_bad_input_is_refused(gaz: Gazetteer, text: str, lang: str, message: str) -> None:
    with pytest.raises(ExtractError, match=message):
        extract(text, gaz, lang=lang)


def test_relative_dates() -> None:
    assert header_date(" date 2025-01 Carlo") == "2025-01"
    assert resolve("season_end", "2025-01") == "2025-06"
    assert resolve("season_end", "2024-09-10") == "2025-06"
    assert resolve("last_season", "2025-01") == "2024"
    assert resolve("next_summer", "2025-01") == "2025-07"
    assert resolve("next_summer", "2025-10") == "2026-07"


def test_a_departure_at_season_end_dates_the_tenure(gaz: Gazetteer) -> None:
    result = extract(_seed_text(), gaz)
    real = [t for t in result.tenures if t.team.id == "real-madrid"]
    assert [(t.status, t.end) for t in real] == [("current", "2025-06")]


def test_cue_patterns_fold_and_keep_slots() -> None:
    assert compile_pattern("con {person} a convincerlo") == ("con", "{person}", "a", "convincerlo")
    assert compile_pattern("l’esonero") == ("l", "esonero")
    with pytest.raises(ValueError, match="unknown slot"):
        compile_pattern("{manager} quits")


def test_every_lexicon_compiles() -> None:
    for lang in ("it", "en", "es"):
        lex = load_lexicon(lang)
        assert lex.triggers and lex.status_cues and lex.influences and lex.citations_same


runner = CliRunner()


def test_cli_extract_prints_the_schema() -> None:
    result = runner.invoke(app, ["extract", "--offline", str(SEED_ARTICLE)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"article", "mentions", "tenures", "moves", "influences", "unresolved"}
    move = data["moves"][0]
    assert {"coach", "from", "to", "status", "reported_by", "evidence", "confidence"} <= set(move)
    assert set(data["influences"][0]["move"]) >= {"coach", "to"}


def test_cli_rejects_bad_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("L'allenatore è stato esonerato".encode("latin-1"))
    for path, message in ((empty, "is empty"), (latin, "not UTF-8")):
        result = runner.invoke(app, ["extract", "--offline", str(path)])
        assert result.exit_code == 2
        assert message in " ".join(result.output.split())
    result = runner.invoke(app, ["extract", "--offline", "--lang", "de", str(SEED_ARTICLE)])
    assert result.exit_code == 2 and "unsupported language" in " ".join(result.output.split())


def test_cli_eval_extract_prints_the_table() -> None:
    result = runner.invoke(app, ["eval-extract", "--offline", str(DEV)])
    assert result.exit_code == 0, result.output
    for kind in ("tenures", "moves", "influences", "entities"):
        assert kind in result.stdout


def test_the_scorer_compares_a_listed_club_by_its_short_name(gaz: Gazetteer) -> None:
    names = Names(gaz)
    short, full = names.team("~Charlton"), names.team("~Charlton Athletic")
    assert short is not None and full is not None
    assert short.same(full)
    assert short.ident is None  # a club the gazetteer lacks stays unresolved
    other = names.team("~Wycombe")
    assert other is not None and not other.same(full)
