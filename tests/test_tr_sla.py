"""The SLA generator speaks Polish: `playbook sla fill` about a values file written by hand, the
template's own checks in `playbook check` (expressions, placeholders, units), and the command's
success lines. English is pinned by the other SLA tests; here every sentence is the Polish one.

Pieces another area composes into a sentence ("did you mean", how to write a number) are taken
from their own functions, so that these tests pin the SLA's words and not theirs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.catalogue import load
from generator.cli import main
from generator.messages import describe, number_advice, suggest
from generator.models.sla import unit_form_problems
from generator.sla import expr, wording
from generator.sla.body import compile_body
from generator.sla.placeholders import PlaceholderError
from generator.tr import set_language, tr_n
from tests.projects import make_project

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = (ROOT / "examples" / "q1-2027.yaml").read_text(encoding="utf-8")
SMALL = (Path(__file__).parent / "cases" / "sla" / "small.yaml").read_text(encoding="utf-8")
SLA = "marketing-sales-sla"


def fill(capsys: pytest.CaptureFixture[str], values: Path, *more: str) -> tuple[int, list[str]]:
    """``playbook sla fill`` of the example template with ``values``: the exit code and stderr."""
    code = main(["--project", str(ROOT), "sla", "fill", SLA, "--values", str(values), *more])
    _out, err = capsys.readouterr()
    return code, err.splitlines()


def values_file(tmp_path: Path, old: str, new: str) -> Path:
    """The complete example's values with one line changed."""
    assert EXAMPLE.count(old) == 1, old
    path = tmp_path / "acme.yaml"
    path.write_text(EXAMPLE.replace(old, new), encoding="utf-8")
    return path


@pytest.mark.parametrize(("old", "new", "expected"), [
    # a value left out
    ("sales_signatory: Jan Kowalski, dyrektor sprzedaży\n", "sales_signatory:\n",
     "28:17: sales_signatory: brakuje wymaganej wartości (Osoba podpisująca w imieniu sprzedaży)."),
    # a value of the wrong type
    ("company_name: ACME sp. z o.o.", "company_name: 123",
     "7:15: company_name: tu ma być tekst, a jest liczba (123)."),
    ("marketing_signatory: Anna Nowak, dyrektor marketingu", "marketing_signatory: true",
     "27:22: marketing_signatory: tu ma być tekst, a jest wartość true/false (true)."),
    ("contact_emails:\n  - anna.nowak@acme.example\n  - jan.kowalski@acme.example",
     "contact_emails: anna.nowak@acme.example",
     "31:17: contact_emails: tu ma być lista (jedna pozycja '- ...' w każdym wierszu), a jest tekst "
     "('anna.nowak@acme.example')."),
    # out of range, too many decimals, a currency not allowed
    ("follow_up_hours: 24", "follow_up_hours: 0",
     "23:18: follow_up_hours: wartość musi wynosić co najmniej 1, a wynosi 0."),
    ("mql_to_sql_rate: 40", "mql_to_sql_rate: 150",
     "20:18: mql_to_sql_rate: wartość może wynosić najwyżej 100, a wynosi 150."),
    ("sql_to_won_rate: 25", "sql_to_won_rate: 12.55",
     "21:18: sql_to_won_rate: liczba 12.55 ma za dużo miejsc po przecinku (dozwolone najwyżej 1)."),
    ("revenue_target: 1200000", "revenue_target:\n  amount: 1200000\n  currency: USD",
     "20:13: revenue_target.currency: waluta 'USD' jest tu niedozwolona: użyj PLN."),
    # a choice given by its label: the value is meant
    ("review_cadence: monthly", "review_cadence: Co kwartał",
     "25:17: review_cadence: 'Co kwartał' nie jest żadną z możliwości: none, monthly, quarterly. "
     "Czy chodziło o 'quarterly' (Co kwartał)? Wpisz wartość, a nie jej etykietę."),
    # ... or by a word of its label, in another form ('kwartalnie', 'Co kwartał'), or in
    # Word's quotes: a new user's mistakes
    ("review_cadence: monthly", "review_cadence: kwartalnie",
     "25:17: review_cadence: 'kwartalnie' nie jest żadną z możliwości: none, monthly, quarterly. "
     "Czy chodziło o 'quarterly' (Co kwartał)? Wpisz wartość, a nie jej etykietę."),
    ("company_size: large", "company_size: “duża”",
     "8:15: company_size: '“duża”' nie jest żadną z możliwości: small, large. "
     "Czy chodziło o 'large' (Duża firma)? Wpisz wartość, a nie jej etykietę."),
    ("company_size: large", "company_size: “large”",
     "8:15: company_size: '“large”' nie jest żadną z możliwości: small, large. Znaki “ ” to "
     "cudzysłów typograficzny, którego YAML nie czyta jako cudzysłowu: usuń go albo wpisz zwykły "
     "cudzysłów (\" lub ')."),
    # dates and e-mail addresses
    ("effective_date: 2027-01-01", "effective_date: '2027-02-29'",
     "29:17: effective_date: '2027-02-29' nie jest istniejącą datą (sprawdź miesiąc i dzień)."),
    ("  - jan.kowalski@acme.example", "  - jan at acme.example",
     "33:5: contact_emails[1]: 'jan at acme.example' nie jest adresem e-mail (np. anna@example.com)."),
    ("  - jan.kowalski@acme.example", "  - anna.nowak@acme.example",
     "33:5: contact_emails[1]: 'anna.nowak@acme.example' występuje dwa razy: wpisz każdą pozycję "
     "tylko raz."),
    # texts
    ("company_name: ACME sp. z o.o.", "company_name: '  '",
     "7:15: company_name: pole nie może być puste ani składać się z samych spacji."),
    ("company_name: ACME sp. z o.o.", 'company_name: "ACME\\nsp. z o.o."',
     "7:15: company_name: to pole ma jeden wiersz, a ten tekst zawiera podział wiersza: wpisz go w "
     "jednym wierszu."),
    ("sales_signatory: Jan Kowalski, dyrektor sprzedaży", "sales_signatory: " + "x" * 202,
     "28:18: sales_signatory: tekst jest za długi (202 znaki); może mieć najwyżej 200 znaków."),
    ("sales_signatory: Jan Kowalski, dyrektor sprzedaży", "sales_signatory: " + "x" * 205,
     "28:18: sales_signatory: tekst jest za długi (205 znaków); może mieć najwyżej 200 znaków."),
])
def test_a_values_file_s_mistakes_in_polish(polish: None, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            old: str, new: str, expected: str) -> None:
    path = values_file(tmp_path, old, new)
    code, err = fill(capsys, path)
    assert code == 1
    assert err == [f"{path}:{expected}", "Znaleziono 1 błąd w 1 pliku."]


def test_a_number_written_with_spaces(polish: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """'1 200' as Poles write it: the sentence is the SLA's, the advice how to write it the
    number reader's (messages.number_advice), one Polish sentence together."""
    path = values_file(tmp_path, "average_deal_size: 30000", "average_deal_size: 1 200")
    _code, err = fill(capsys, path)
    assert err[0] == (f"{path}:19:20: average_deal_size: tu ma być kwota, np. 1200000, albo pola 'amount:' "
                      f"i 'currency:' w osobnych wierszach, a jest tekst ('1 200'){number_advice('1 200')}.")
    path = values_file(tmp_path, "follow_up_hours: 24", "follow_up_hours: 24h")
    _code, err = fill(capsys, path)
    assert err[0] == (f"{path}:23:18: follow_up_hours: tu ma być liczba, a jest tekst ('24h')"
                      f"{number_advice('24h')}.")


def test_an_unknown_parameter_and_one_misspelt(polish: None, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = values_file(tmp_path, "company_name: ACME", "compnay_name: ACME")
    path.write_text(path.read_text(encoding="utf-8") + "zzzz: 1\n", encoding="utf-8")
    code, err = fill(capsys, path)
    assert code == 1
    hint = suggest("compnay_name", ["company_name"])
    assert hint  # the misspelt one is one mistake: not also "company_name is missing"
    parameters = ("company_name, company_size, lead_definition, revenue_target, average_deal_size, "
                  "mql_to_sql_rate, sql_to_won_rate, follow_up_hours, campaign_notice_days, "
                  "review_cadence, marketing_signatory, sales_signatory, effective_date, contact_emails")
    assert err == [
        f"{path}:7:1: compnay_name: nieznany parametr 'compnay_name'.{hint}",
        f"{path}:34:1: zzzz: nieznany parametr 'zzzz'. Parametry to: {parameters}.",
        "Znaleziono 2 błędy w 1 pliku.",
    ]


def test_a_value_that_cannot_be_computed(polish: None, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """Division by zero in a derived value: the value is named in the genitive."""
    project = make_project(tmp_path / "p", {"playbooks/slas/small.yaml": SMALL})
    values = tmp_path / "v.yaml"
    values.write_text("name: x\nstart: 2027-01-01\nprice: 0\n", encoding="utf-8")
    code = main(["--project", str(project), "sla", "fill", "small-sla", "--values", str(values)])
    assert code == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{values}:3:8: derived.units: nie można obliczyć wartości wyliczanej 'units' (Sztuki): price "
        "wynosi 0, a przez zero nie można dzielić (wartości: price = 0).",
        "Znaleziono 1 błąd w 1 pliku.",
    ]


def test_the_file_itself(polish: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "brak.yaml"
    assert fill(capsys, missing) == (1, [f"{missing}: plik wartości nie istnieje."])
    assert fill(capsys, tmp_path) == (1, [f"{tmp_path}: to jest folder; podaj ścieżkę do pliku wartości."])
    listed = tmp_path / "lista.yaml"
    listed.write_text("- a\n- b\n", encoding="utf-8")
    assert fill(capsys, listed) == (1, [
        f"{listed}:1:1: plik wartości składa się z wierszy 'nazwa: wartość', po jednym na parametr, a ten "
        f"plik to {describe(['a', 'b'])}. Uruchom 'playbook sla values {SLA}', aby dostać plik do wypełnienia.",
        "Znaleziono 1 błąd w 1 pliku."])


def test_the_command_s_own_lines(polish: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    example = ROOT / "examples" / "q1-2027.yaml"
    out = tmp_path / "umowa.md"
    assert fill(capsys, example, "--out", str(out)) == (
        0, [f"Zapisano {out} (md, pl): 7 postanowień szablonu '{SLA}'."])
    assert fill(capsys, example, "--format", "pdf") == (
        1, ["--out: pliku pdf nie da się wypisać na ekran; podaj nazwę pliku, np. --out sla.pdf."])
    assert fill(capsys, example, "--out", str(tmp_path / "umowa.pdf"), "--format", "md") == (
        1, [f"--out: {tmp_path / 'umowa.pdf'} to plik pdf, a --format to md: nazwij go np. sla.md albo "
            "pomiń --format."])
    assert fill(capsys, example, "--out", str(tmp_path / "brak" / "umowa.md")) == (
        1, [f"--out: folder {tmp_path / 'brak'} nie istnieje; najpierw go utwórz albo podaj plik w "
            "folderze, który istnieje."])

    assert main(["--project", str(ROOT), "sla", "list"]) == 0
    assert capsys.readouterr().out == (f"{SLA}  Umowa o poziomie usług między marketingiem a sprzedażą "
                                       f"(14 parametrów; playbooks/slas/{SLA}.yaml)\n")
    assert main(["--project", str(ROOT), "sla", "values", "marketing", "--out", str(tmp_path / "v.yaml")]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"'marketing' nie jest szablonem SLA (to definicja rodzaju team).{suggest('marketing', [SLA])} "
        f"Szablony SLA w tym projekcie: {SLA}."]
    values = tmp_path / "v.yaml"
    assert main(["--project", str(ROOT), "sla", "values", "marketing-sales", "--out", str(values)]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"Wybrano szablon SLA '{SLA}'.",
        f"Zapisano {values}: uzupełnij wartości, a potem uruchom 'playbook sla fill {SLA} --values "
        f"{values} --format pdf --out {SLA}.pdf'."]
    assert main(["--project", str(ROOT), "sla", "values", SLA, "--out", str(values)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"Plik {values} już istnieje i został bez zmian (dodaj --force, aby go zastąpić)."]


def test_counts_take_the_polish_form(polish: None) -> None:
    """1 / 2-4 (not 12-14) / 5+: the command's counts."""
    said = [tr_n("({n} parameter; {file})", "({n} parameters; {file})", n, file="a.yaml") for n in (1, 3, 12, 22)]
    assert said == ["(1 parametr; a.yaml)", "(3 parametry; a.yaml)", "(12 parametrów; a.yaml)", "(22 parametry; a.yaml)"]
    clauses = [tr_n("Wrote {out} ({format}, {lang}): {n} clause of {id!r}.",
                    "Wrote {out} ({format}, {lang}): {n} clauses of {id!r}.", n, out="u.md", format="md",
                    lang="pl", id="s") for n in (1, 2, 5)]
    assert clauses == ["Zapisano u.md (md, pl): 1 postanowienie szablonu 's'.",
                       "Zapisano u.md (md, pl): 2 postanowienia szablonu 's'.",
                       "Zapisano u.md (md, pl): 5 postanowień szablonu 's'."]


F = "playbooks/slas/small.yaml"


def template_problems(tmp_path: Path, old: str, new: str) -> list[str]:
    assert SMALL.count(old) == 1, old
    root = make_project(tmp_path / "p", {"playbooks/slas/small.yaml": SMALL.replace(old, new)})
    _catalogue, problems = load(root, root / "playbooks")
    return [p.format() for p in problems if p.severity == "error"]


@pytest.mark.parametrize(("old", "new", "expected"), [
    # a broken expression
    ("expression: budget / price\n", "expression: budget / price +\n",
     "77:33: derived[0].expression: to nie jest poprawne wyrażenie (invalid syntax)."),
    ("expression: budget / price\n", "expression: ceil(budget, 2)\n",
     "77:17: derived[0].expression: ceil() przyjmuje 1 argument, a podano 2."),
    ("expression: budget / price\n", "expression: min(budget)\n",
     "77:17: derived[0].expression: min() przyjmuje od 2 do 20 argumentów, a podano 1."),
    ("expression: budget / price\n", "expression: name == 1\n",
     "77:17: derived[0].expression: tu porównywany jest tekst z liczbą."),
    ("expression: budget / price\n", "expression: '[budget]'\n",
     "77:18: derived[0].expression: w wyrażeniu nie można używać list."),
    ("expression: budget / price\n", "expression: per_hour * 2\n",
     "77:17: derived[0].expression: 'per_hour' to derived[1], czyli wartość zapisana niżej: wartość "
     "wyliczana może używać tylko parametrów i wartości wyliczanych zapisanych nad nią."),
    # a condition
    ("when: cadence != 'none'", "when: count",
     "114:11: clauses[1].when: to wyrażenie daje liczbę, a tu potrzebny jest warunek (true albo false)."),
    ("when: cadence != 'none'", "when: contact == 'x'",
     "114:11: clauses[1].when: parametr 'contact' może zostać bez wartości (jest opcjonalny i nie ma "
     "wartości domyślnej): oznacz go jako wymagany (required: true) albo nadaj mu wartość domyślną."),
    # placeholders
    ("Firma **{{ name }}**", "Firma `{{ name }}`",
     "89:16: clauses[0].body.pl: miejsce na wartość {{ name }} w wierszu 1 tekstu jest w `kodzie`; tam "
     "wartości nie da się pokazać dosłownie: wyjmij je spomiędzy odwrotnych apostrofów (`)."),
    ("2. Sztuki: {{ units }}", "2. Sztuki: {{ units with units }}",
     "97:20: clauses[0].body.pl: {{ units with units }} nie jest miejscem na wartość: aby pokazać "
     "wartość z jednostką, wpisz {{ units with unit }}."),
    ("2. Sztuki: {{ units }}", "2. Sztuki: {{ units }} {{ count with unit }}",
     "97:32: clauses[0].body.pl: {{ count with unit }}: 'count' to parametr, a własną jednostkę ma "
     "tylko wartość wyliczana (kwota, czas i procent i tak pokazują swoją): wpisz {{ count }}."),
    # the parameters
    ("    default: 3\n", "    default: 5000\n",
     "23:14: parameters[2].default: wartość domyślna nie pasuje: wartość może wynosić najwyżej 1000, "
     "a wynosi 5000."),
    ("  - id: ratio\n", "  - id: round\n",
     "26:9: parameters[3].id: 'round' nie może być nazwą parametru: to słowo zastrzeżone."),
    ("  - id: count\n", "  - id: spare\n    type: text\n    label: Zapas\n    required: true\n  - id: count\n",
     "20:9: parameters[2].id: o parametr 'spare' pyta formularz, ale nie używa go żadne postanowienie "
     "ani wartość wyliczana, więc nie pokaże go żadna umowa: wpisz {{ spare }} w treści postanowienia "
     "albo usuń parametr."),
    # a unit's forms
    ("    unit: {pl: szt., en: pcs}\n", "    unit: {pl: {one: sztuka}, en: pcs}\n",
     "79:16: derived[0].unit.pl: jednostka w języku polskim nie ma form 'few' i 'many', których "
     "potrzebują liczby takie jak 2, 3, 4, 22 (few) i 0, 5, 12, 25 (many): podaj wszystkie formy, np. "
     "{one: transakcja, few: transakcje, many: transakcji}, albo jedno słowo dla każdej liczby."),
    ("    unit: {pl: szt., en: pcs}\n", "    unit: {pl: [sztuka], en: pcs}\n",
     "79:16: derived[0].unit.pl: tu ma być słowo albo jego formy zależne od liczby, np. "
     "{one: deal, other: deals}."),
])
def test_a_template_s_mistakes_in_polish(polish: None, tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert template_problems(tmp_path, old, new) == [f"{F}:{expected}"]


def test_the_place_in_an_expression_or_a_text_when_the_file_cannot_point_at_it(polish: None) -> None:
    """Said inside the message when the file's own line and column cannot be given."""
    with pytest.raises(expr.ExprError) as caught:
        expr.parse("round(x, places=2)")
    assert caught.value.message == "wpisz argumenty bez nazw, np. round(x, 2)"
    with pytest.raises(PlaceholderError) as placeholder:
        compile_body("Umowa {{ name")
    assert placeholder.value.message == "'{{' nie jest zamknięte przez '}}'"
    assert unit_form_problems("pl", {"one": "a", "few": "b", "many": "c"}, 1) == [((), (
        "jednostka w języku polskim nie ma formy 'other', której potrzebuje ta wartość: jest pokazywana "
        "z 1 miejscem po przecinku (np. 1,5), a taka liczba zawsze ma formę 'other': dopisz 'other: ...'"))]


def test_the_terminal_s_english_is_the_table_the_form_uses() -> None:
    """wording.terminal's English templates are MESSAGES['en'] (the form's, in sla-form.js too):
    written twice so that the Polish can be looked up; they must not drift apart."""
    set_language("en")
    try:
        assert wording._terminal_messages() == wording.MESSAGES["en"]
    finally:
        set_language(None)


def test_fill_speaks_polish_in_a_polish_locale(tmp_path: Path) -> None:
    path = values_file(tmp_path, "effective_date: 2027-01-01", "effective_date:")
    env = {**os.environ, "LANG": "pl_PL.UTF-8"}
    env.pop("PLAYBOOK_LANG")
    done = subprocess.run([sys.executable, "-m", "generator.cli", "--project", str(ROOT), "sla", "fill", SLA,
                           "--values", str(path)], capture_output=True, text=True, env=env)
    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines() == [
        f"{path}:29:16: effective_date: brakuje wymaganej wartości (Data wejścia w życie).",
        "Znaleziono 1 błąd w 1 pliku."]


def test_counts_take_the_english_singular_too() -> None:
    """English said "(1 parameters; ...)" and "1 clauses of" for a template of one."""
    assert tr_n("({n} parameter; {file})", "({n} parameters; {file})", 1, file="a.yaml") == "(1 parameter; a.yaml)"
    assert tr_n("Wrote {out} ({format}, {lang}): {n} clause of {id!r}.",
                "Wrote {out} ({format}, {lang}): {n} clauses of {id!r}.", 1,
                out="u.md", format="md", lang="en", id="s") == "Wrote u.md (md, en): 1 clause of 's'."
