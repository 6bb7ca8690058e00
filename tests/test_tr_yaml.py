"""Reading YAML in Polish: the mistakes people make most often (a tab, a key twice, a misspelt
field, a number or a date written the Polish way, typographic quotes, a pasted non-breaking
space), through ``playbook check``, each with its exact Polish message; and the pieces other
messages are built from (describe, suggest, the advice on numbers and dates, character names)."""

from __future__ import annotations

import contextlib
import errno
import io
from pathlib import Path
from typing import Any

import pytest

from generator import fsutil, messages
from generator.cli import main
from generator.errors import UserError
from generator.models.base import NotAText, Translations, localize
from generator.yamlfile import MAX_BYTES, char_name, parse_bytes, parse_text
from tests.projects import GOAL, TEAM, make_project


def check_in_polish(root: Path) -> list[str]:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        main(["--project", str(root), "check"])
    return err.getvalue().replace(str(root) + "/", "").splitlines()


def goal(old: str, new: str) -> str:
    text = GOAL.format(id="g2", team="marketing")
    assert old in text, old
    return text.replace(old, new)


CASES: dict[str, tuple[str, str]] = {
    "tab": (
        goal("owner: Anna", "owner: Anna\n\tunit: x"),
        "playbooks/goals/g2.yaml:6:1: składnia YAML: tu jest tabulator: YAML wymaga spacji we wcięciach.",
    ),
    "a line of only a tab": (
        goal("owner: Anna", "owner: Anna\n\t\nx: [1"),
        "playbooks/goals/g2.yaml:6:1: składnia YAML: ten wiersz wygląda na pusty, ale zaczyna się od "
        "tabulatora, na który YAML nie pozwala na początku wiersza: usuń tabulator.",
    ),
    "duplicate key": (
        GOAL.format(id="g2", team="marketing") + "team: sales\n",
        "playbooks/goals/g2.yaml:14:1: YAML: klucz 'team' występuje dwa razy, w wierszu 7 i w "
        "wierszu 14: zostaw tylko jeden.",
    ),
    "unknown field with a near spelling": (
        goal("unit: MQL", "unit: MQL\nperiodd: month"),
        "playbooks/goals/g2.yaml:12:1: periodd: nieznane pole 'periodd'. Czy chodziło o 'period'?",
    ),
    "unknown field, none near": (
        goal("unit: MQL", "unit: MQL\nbudget: 5"),
        "playbooks/goals/g2.yaml:12:1: budget: nieznane pole 'budget'. Dozwolone tu pola to: currency, "
        "goal_type, id, keywords, kind, metric, owner, period, review_by, statement, summary, tags, "
        "target, team, title, unit.",
    ),
    "a number with spaces between the thousands": (
        goal("target: 400", "target: 1 200 000"),
        "playbooks/goals/g2.yaml:10:9: target: tu ma być liczba, a jest tekst ('1 200 000'): napisz "
        "1200000 (bez spacji).",
    ),
    "an amount with a decimal comma and a currency": (
        goal("target: 400", "target: 30 000,50 zł"),
        "playbooks/goals/g2.yaml:10:9: target: tu ma być liczba, a jest tekst ('30 000,50 zł'): napisz "
        "30000.50 (bez spacji, z kropką zamiast przecinka przed częścią dziesiętną i bez 'zł').",
    ),
    "a number in quotes": (
        goal("target: 400", "target: '24'"),
        "playbooks/goals/g2.yaml:10:9: target: tu ma być liczba, a jest tekst ('24'): usuń cudzysłów "
        "(liczba w cudzysłowie jest tekstem).",
    ),
    "a word where a number belongs": (
        goal("target: 400", "target: dużo"),
        "playbooks/goals/g2.yaml:10:9: target: tu ma być liczba, a jest tekst ('dużo'). Wpisz same "
        "cyfry, np. 12 lub 0.25.",
    ),
    "a number in typographic quotes": (
        goal("target: 400", "target: \u201e1 200\u201d"),
        "playbooks/goals/g2.yaml:10:9: target: tu ma być liczba, a jest tekst w cudzysłowie "
        "typograficznym (\u201e \u201d): usuń cudzysłów (napisz 1200; liczba nie potrzebuje cudzysłowu).",
    ),
    "a date written the Polish way": (
        goal("review_by: 2027-06-30", "review_by: 01.02.2027"),
        "playbooks/goals/g2.yaml:6:12: review_by: tu ma być data w postaci RRRR-MM-DD, np. 2027-06-30, "
        "a jest tekst ('01.02.2027'). Napisz 2027-02-01 (1 lutego 2027).",
    ),
    "no such day": (
        goal("review_by: 2027-06-30", "review_by: 2027-13-01"),
        "playbooks/goals/g2.yaml:6:12: review_by: '2027-13-01' nie jest istniejącą datą: sprawdź "
        "miesiąc i dzień.",
    ),
    "true where a text belongs": (
        goal("summary: Summary.", "summary: true"),
        "playbooks/goals/g2.yaml:4:10: summary: tu ma być tekst, a jest wartość true/false (true). "
        "Jeśli to ma być tekst, ujmij wartość w cudzysłów.",
    ),
    "a value not among the choices": (
        goal("period: quarter", "period: quartr"),
        "playbooks/goals/g2.yaml:12:9: period: 'quartr' nie jest tu dozwoloną wartością: wpisz jedną z "
        "wartości month, quarter, year. Czy chodziło o 'quarter'?",
    ),
    "typographic quotes around a text with a colon": (
        goal("summary: Summary.", "summary: \u201eStep one: plan\u201d"),
        "playbooks/goals/g2.yaml:4:19: składnia YAML: znak ':' nie może tu stać: tekst z ': ' ujmij w "
        "cudzysłów albo sprawdź wcięcia. Znak \u201e to cudzysłów typograficzny, którego YAML nie czyta "
        "jako cudzysłowu: wpisz zamiast niego zwykły cudzysłów (\").",
    ),
    "an id in typographic quotes": (
        goal("team: marketing", "team: \u201emarketing\u201d"),
        "playbooks/goals/g2.yaml:7:7: team: '\u201emarketing\u201d' jest w cudzysłowie typograficznym "
        "(\u201e \u201d), którego YAML nie czyta jako cudzysłowu: usuń go (napisz 'marketing'; id nie "
        "potrzebuje cudzysłowu).",
    ),
    "a non-breaking space after the colon": (
        goal("summary: Summary.", "summary:\u00a0Summary."),
        "playbooks/goals/g2.yaml:4:9: YAML: Znak twardej spacji (U+00A0) stoi tu zaraz po ':', więc "
        "YAML nie czyta 'summary' jako nazwy pola, tylko cały wiersz jako jeden tekst: zastąp go "
        "zwykłą spacją.",
    ),
    "the English line without its key": (
        goal("title: {pl: Cel g2, en: Goal g2}", "title:\n  pl: Cel\n  Goal of it"),
        "playbooks/goals/g2.yaml:5:3: składnia YAML: w tym wierszu nie ma klucza: jeśli to tekst po "
        "angielsku, wpisz przed nim 'en: '.",
    ),
    "a list not closed": (
        goal("summary: Summary.", "tags: [a, b\nsummary: Summary."),
        "playbooks/goals/g2.yaml:4:7: składnia YAML: ta lista '[' nie jest zamknięta znakiem ']': YAML "
        "wciąż ją czytał w wierszu 5, kolumnie 8.",
    ),
    "an invalid id, with the id meant": (
        goal("id: g2", "id: Lead Handoff"),
        "playbooks/goals/g2.yaml:2:5: id: 'Lead Handoff' nie jest poprawnym id: użyj od 1 do 64 małych "
        "liter a-z, cyfr i pojedynczych łączników, tak by na początku i na końcu stała litera lub "
        "cyfra; napisz 'lead-handoff'.",
    ),
    "the placeholder of playbook new": (
        goal("team: marketing", "team: TODO-team-id"),
        "playbooks/goals/g2.yaml:7:7: team: 'TODO-team-id' to miejsce do uzupełnienia wstawione przez "
        "'playbook new': wpisz tu id zespołu.",
    ),
    "a currency by its name": (
        goal("unit: MQL", "currency: złoty"),
        "playbooks/goals/g2.yaml:11:11: currency: 'złoty' nie jest kodem waluty (czy chodziło o "
        "'PLN'?): wpisz trzyliterowy kod waluty według ISO 4217, np. PLN, EUR lub USD.",
    ),
    "an empty list": (
        TEAM.format(id="t3").replace("responsibilities:\n  - {pl: Coś., en: Something.}\n",
                                     "responsibilities: []\n"),
        "playbooks/goals/g2.yaml:9:1: responsibilities: musi mieć co najmniej 1 pozycję.",
    ),
    "tags that are no list": (
        goal("unit: MQL", "unit: MQL\ntags: 5"),
        "playbooks/goals/g2.yaml:12:7: tags: tu ma być lista słów kluczowych, np. [leads, mql], albo "
        "osobna lista dla każdego języka, np. {pl: [sprzedaż, kwota], en: [sales, quota]}.",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_check_says_it_in_polish(case: str, tmp_path: Path, polish: None) -> None:
    text, expected = CASES[case]
    root = make_project(tmp_path / "p", {"playbooks/goals/g2.yaml": text})
    assert check_in_polish(root) == [expected, "Znaleziono 1 błąd w 1 pliku."]


def test_a_warning_in_polish(tmp_path: Path, polish: None) -> None:
    root = make_project(tmp_path / "p", {"playbooks/goals/g2.yaml": goal("target: 400", "target: 1.200")})
    assert check_in_polish(root) == [
        "playbooks/goals/g2.yaml:10:9: target: ostrzeżenie: YAML czyta 1.200 jako 1.2 (kropka oddziela "
        "część dziesiętną). Jeśli chodzi o 1200, napisz to bez kropki; jeśli o 1.2, napisz 1.2."]


@pytest.mark.parametrize(("raw", "expected"), [
    ("a: 1\nb: 2\na: 3\n", "x.yaml:3:1: YAML: klucz 'a' występuje dwa razy, w wierszu 1 i w wierszu 3: "
                           "zostaw tylko jeden."),
    ("a: {b: 1, b: 2}\n", "x.yaml:1:11: YAML: klucz 'b' występuje dwa razy w wierszu 1: zostaw tylko jeden."),
    ("a: &x 1\n", "x.yaml:1:4: YAML: tu zdefiniowano kotwicę (&x); kotwice i aliasy (&nazwa, *nazwa) nie są "
                  "obsługiwane: wpisz wartość w całości."),
    ("a: {b: 1\n", "x.yaml:1:4: składnia YAML: ta grupa '{' nie jest zamknięta znakiem '}': YAML wciąż ją "
                   "czytał na końcu pliku."),
    ("a: 'Don't'\n", "x.yaml:1:9: składnia YAML: tekst ciągnie się dalej za zamykającym cudzysłowem ('): "
                     "wewnątrz '...' wpisz ten znak dwa razy ('Cel ''A'' 2027') albo ujmij cały tekst w "
                     "podwójny cudzysłów (\"Cel 'A' 2027\")."),
    ("a: !!int x\n", "x.yaml:1:4: YAML: 'x' jest oznaczone jako liczba całkowita (!!int), ale nią nie jest: "
                     "wpisz same cyfry albo usuń znacznik."),
    ("a: 1\n---\nb: 2\n", "x.yaml:2:1: YAML: plik zawiera więcej niż jeden dokument (tu drugi zaczyna się od "
                          "'---'): umieść każdą definicję w osobnym pliku."),
    ("a: x\u200by\nb: \"\\a\"\n", "x.yaml:2:4: YAML: tekst zawiera znak sterujący U+0007, zapisany kodem z "
                                  "ukośnikiem wstecznym (\\): usuń go."),
    ("a:\n  - 1\n  \u00a0- 2\n", "x.yaml:3:3: YAML: Znak twardej spacji (U+00A0) służy tu za wcięcie wiersza: "
                                 "wygląda jak spacja, ale YAML go nie liczy. Zastąp go zwykłymi spacjami."),
])
def test_the_reader_says_it_in_polish(raw: str, expected: str, polish: None) -> None:
    assert [d.format() for d in parse_text(raw, "x.yaml").problems] == [expected]


def test_bytes_that_are_not_utf8_or_too_many(polish: None) -> None:
    said = parse_bytes("a: zażółć\n".encode("cp1250"), "x.yaml").problems[0].format()
    assert said == ("x.yaml:1:6: plik nie jest zapisany w UTF-8: bajt 0xBF w tym miejscu nie jest poprawnym "
                    "UTF-8 (plik może być zapisany w Windows-1250 lub ISO-8859-2): zapisz go w UTF-8.")
    said = parse_bytes(b"a: 1\n" * (MAX_BYTES // 5 + 1), "x.yaml").problems[0].format()
    size, limit = (f"{n:_}".replace("_", "\N{NO-BREAK SPACE}") for n in (MAX_BYTES + 5, MAX_BYTES))
    assert said == (f"x.yaml:1:1: plik ma rozmiar {size} B, a dozwolone jest najwyżej {limit} B: "
                    "podziel go na mniejsze pliki.")  # 1 000 005: Polish groups thousands with a space


def test_the_pieces_of_other_messages(polish: None) -> None:
    assert messages.describe(12) == "liczba (12)"
    assert messages.describe("abc") == "tekst ('abc')"
    assert messages.describe(None) == "pusta wartość"
    assert messages.describe([1]) == "lista"
    assert messages.describe({"a": 1}) == "grupa pól"
    assert messages.describe(False) == "wartość true/false (false)"
    assert messages.suggest("periodd", ["period", "team"]) == " Czy chodziło o 'period'?"
    assert messages.number_advice("1.200.000") == ": napisz 1200000 (bez kropek między tysiącami)"
    assert messages.number_advice("1,200,000.5") == ": napisz 1200000.5 (bez przecinków między tysiącami)"
    assert messages.date_advice("3 maja 2027") == " Napisz 2027-05-03 (3 maja 2027)."
    assert messages.date_advice("2027/12/24") == " Napisz 2027-12-24 (24 grudnia 2027)."
    assert char_name("\t") == "tabulator (U+0009)"
    assert char_name("\u202e") == ("niewidoczny znak kierunku tekstu (U+202E), przez który wiersz może "
                                   "na ekranie wyglądać inaczej, niż jest w rzeczywistości")


def test_english_stays_as_it_was() -> None:
    """The same pieces with the messages in English (conftest: PLAYBOOK_LANG=en)."""
    assert messages.describe(None) == "empty"
    assert messages.number_advice("30 000,50 zł") == (
        ": write 30000.50 (without spaces, with a dot instead of a comma before the decimals and without 'zł')")
    assert messages.date_advice("01.02.2027") == " Write 2027-02-01 (1 February 2027)."
    assert char_name("\u00a0") == "a non-breaking space (U+00A0)"


def test_a_template_showing_a_unit_with_forms(polish: None) -> None:
    with pytest.raises(NotAText) as caught:
        localize(_unit_with_forms(), "pl")
    assert str(caught.value) == (
        "szablon pokazuje jako tekst jednostkę, która ma formy zależne od liczby ({one: deal, many: "
        "deals}), a to, która forma jest właściwa, zależy od liczby przed nią: pokaż liczbę razem z jej "
        "jednostką, za pomocą with_unit(number, unit), np. {{ with_unit(d.target, d.unit) }}, co daje "
        "'14 transakcji', '2 transakcje', '1 deal'")


def _unit_with_forms() -> Translations:
    """A unit with forms by number, as a goal's ``unit`` holds one."""
    forms: Any = {"one": "deal", "many": "deals"}
    return Translations.model_construct(pl=forms, en=None)


def test_output_folders_in_polish(tmp_path: Path, polish: None) -> None:
    (tmp_path / "site").mkdir()
    for name in ("a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt", "g.txt"):
        (tmp_path / "site" / name).write_text("x", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        fsutil.check_replaceable(tmp_path / "site", "--site-dir", fsutil.SITE_MARKER)
    assert str(caught.value) == (
        f"--site-dir: w {tmp_path / 'site'} są pliki, których nie zapisało polecenie 'playbook build' "
        "(a.txt, b.txt, c.txt i jeszcze 4 inne), więc pozostawiono go bez zmian; wybierz pusty lub nowy "
        "folder albo sam usuń ten.")
    full = OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "site"))
    assert fsutil.environment_problem(full, "Nie zbudowano witryny") == (
        f"Nie zbudowano witryny: {tmp_path / 'site'}: No space left on device. Zwolnij miejsce na tym "
        "dysku albo zapisz na innym.")
