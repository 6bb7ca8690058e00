"""A goal in money: ``currency: PLN`` (or a unit that is a currency) makes the target an amount,
written as each language writes money, "1 200 000 zł" and "PLN 1,200,000", on the goal's page
and in the comparison; a currency that is no currency is a plain-words error where it is. And a
project's own goal template written for one-word units, which meets a unit with forms by number."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.catalogue import load
from generator.commands.new import skeleton
from generator.commands.schema import schema_of
from generator.pages import plan
from tests.projects import GOAL, make_project
from tests.test_check_errors import run_check
from tests.test_cli import cli
from tests.test_goal_units import FORMS, NBSP, TODAY


def goal(target: str = "1200000", unit: str = "currency: PLN") -> str:
    text = GOAL.format(id="revenue", team="sales")
    return text.replace("target: 400", f"target: {target}").replace("unit: MQL", unit)


def pages(tmp_path: Path, text: str, lang: str, files: dict[str, str | bytes] | None = None) -> dict[str, str]:
    root = make_project(tmp_path / lang, {"playbooks/goals/revenue.yaml": text, **(files or {})})
    catalogue, problems = load(root, root / "playbooks", TODAY)
    assert [p.format() for p in problems if p.severity == "error"] == []
    return {page.path: page.markdown for page in plan(catalogue, lang, root / "templates", TODAY)}


@pytest.mark.parametrize("unit", [
    "currency: PLN", "currency: pln", "currency: ' PLN '", "currency: zł",
    # written before the field existed: a unit that is the currency's code or sign
    "unit: PLN", "unit: {pl: zł, en: PLN}", "unit: zł",
    # both, saying the same
    "unit: {pl: zł, en: PLN}\ncurrency: PLN",
])
def test_a_target_in_money_is_written_as_each_language_writes_money(tmp_path: Path, unit: str) -> None:
    pl = pages(tmp_path, goal(unit=unit), "pl")
    en = pages(tmp_path, goal(unit=unit), "en")
    # before: "1,200,000 PLN / quarter" on the English page, beside a sentence saying "PLN 1,200,000"
    assert f"\n- **Wartość docelowa:** 1{NBSP}200{NBSP}000{NBSP}zł / kwartał\n" in pl["goals/revenue.md"]
    assert f"\n- **Target:** PLN{NBSP}1,200,000 / quarter\n" in en["goals/revenue.md"]
    assert f"(goals/revenue.md): 1{NBSP}200{NBSP}000{NBSP}zł / kwartał" in pl["comparison.md"]
    assert f"(goals/revenue.md): PLN{NBSP}1,200,000 / quarter" in en["comparison.md"]


@pytest.mark.parametrize(("target", "unit", "polish", "english"), [
    ("250000", "currency: EUR", f"250{NBSP}000{NBSP}EUR", f"EUR{NBSP}250,000"),
    ("5000", "currency: €", f"5000{NBSP}EUR", f"EUR{NBSP}5,000"),  # Polish groups from 5 digits
    ("1200000.5", "currency: PLN", f"1{NBSP}200{NBSP}000,50{NBSP}zł", f"PLN{NBSP}1,200,000.50"),
    # a word is a word, even a currency's name or a code in small letters
    ("400", "unit: pln", f"400{NBSP}pln", f"400{NBSP}pln"),
    ("400", "unit: {pl: zł, en: USD}", f"400{NBSP}zł", f"400{NBSP}USD"),  # two currencies: no amount
])
def test_other_currencies_and_amounts(tmp_path: Path, target: str, unit: str, polish: str, english: str) -> None:
    assert f":** {polish} / kwartał\n" in pages(tmp_path, goal(target, unit), "pl")["goals/revenue.md"]
    assert f":** {english} / quarter\n" in pages(tmp_path, goal(target, unit), "en")["goals/revenue.md"]


@pytest.mark.parametrize(("unit", "expected"), [
    ("currency: PLZ",
     "playbooks/goals/revenue.yaml:11:11: currency: 'PLZ' is not a currency code (did you mean "
     "'PLN'?): write the currency's three-letter ISO 4217 code, like PLN, EUR or USD."),
    ("currency: złoty",
     "playbooks/goals/revenue.yaml:11:11: currency: 'złoty' is not a currency code (did you mean "
     "'PLN'?): write the currency's three-letter ISO 4217 code, like PLN, EUR or USD."),
    ("currency: $",
     "playbooks/goals/revenue.yaml:11:11: currency: '$' is the sign of several currencies: write "
     "the code of yours, like USD, CAD or AUD."),
    ("currency: 12",
     "playbooks/goals/revenue.yaml:11:11: currency: expected a currency code, but this is a number "
     "(12): write the currency's three-letter code, like PLN, EUR or USD."),
    ('currency: ""',
     "playbooks/goals/revenue.yaml:11:11: currency: this field is empty: write the currency's "
     "three-letter code, like PLN, EUR or USD."),
    ("unit: MQL\ncurrency: EUR",
     "playbooks/goals/revenue.yaml:11:7: unit: give a unit or a currency, not both: with 'currency: "
     "EUR' the pages write the amount with its currency (like '1 200 000 EUR' and 'EUR 1,200,000'); "
     "remove 'unit:'."),
    ("",
     "playbooks/goals/revenue.yaml:1:1: unit: this field is required: the target's unit, like 'MQL' "
     "or '%', or for an amount of money its currency instead, like 'currency: PLN'."),
])
def test_a_currency_gone_wrong_is_told_where_it_is(tmp_path: Path, unit: str, expected: str) -> None:
    text = goal(unit=unit).replace("\n\n", "\n")
    root = make_project(tmp_path / "p", {"playbooks/goals/revenue.yaml": text})
    code, _out, err = run_check(root)
    assert "Traceback" not in err
    assert (code, err.splitlines()) == (1, [expected, "Found 1 error in 1 file."])


def test_a_wrong_currency_is_not_also_a_missing_unit(tmp_path: Path) -> None:
    """One mistake, one error: the currency was given, wrongly; the unit is not missing too."""
    text = goal("lots", "currency: PLZ")
    root = make_project(tmp_path / "p", {"playbooks/goals/revenue.yaml": text})
    _code, _out, err = run_check(root)
    assert [line.split(": ")[1] for line in err.splitlines()[:-1]] == ["target", "currency"]


def test_the_example_revenue_goal_gives_its_currency() -> None:
    root = Path(__file__).resolve().parent.parent
    text = (root / "playbooks" / "goals" / "quarterly-revenue.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["currency"] == "PLN" and "unit" not in data


def test_schema_and_skeleton_offer_the_currency(tmp_path: Path) -> None:
    schema = schema_of("goal")
    assert "unit" not in schema["required"]  # type: ignore[operator]
    validator = jsonschema.Draft202012Validator(json.loads(json.dumps(schema)))
    data = yaml.safe_load(goal().replace("review_by: 2027-06-30", "review_by: '2027-06-30'"))
    assert list(validator.iter_errors(data)) == []
    assert "PLN" in schema["properties"]["currency"]["examples"][:3]  # type: ignore[index]
    # an editor, like check, asks for a unit or a currency
    del data["currency"]
    assert [e.message for e in validator.iter_errors(data)] != []
    text = skeleton("goal", "fresh", TODAY)
    assert "\n# unit (required, or 'currency' instead): " in text
    assert "\n# currency (optional): For a target that is an amount of money" in text
    assert "\n# currency: PLN\n" in text  # a comment to take instead of the unit, not a value
    root = make_project(tmp_path / "p")
    assert cli("--project", str(root), "new", "goal", "fresh")[0] == 0
    _code, _out, err = run_check(root)
    assert "currency" not in err


# -- a project's own goal template ----------------------------------------------------------------

OLD_TEMPLATE = ('{% include "_head.md.j2" %}\n'
                "- **Target:** {{ num(d.target) }} {{ inline(d.unit) }} / {{ L(d.period) }}\n")


def test_an_old_template_keeps_showing_a_one_word_unit_and_a_currency(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {"templates/goal.md.j2": OLD_TEMPLATE}
    found = pages(tmp_path / "a", goal("400", "unit: MQL"), "en", files)["goals/revenue.md"]
    assert "\n- **Target:** 400 MQL / quarter\n" in found
    found = pages(tmp_path / "b", goal(), "en", files)["goals/revenue.md"]
    assert "\n- **Target:** 1,200,000 PLN / quarter\n" in found  # the currency, not nothing


def test_an_old_template_meeting_forms_by_number_names_its_line_and_the_fix(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {"templates/goal.md.j2": OLD_TEMPLATE,
                                     "playbooks/goals/revenue.yaml": goal("14", FORMS)}
    root = make_project(tmp_path / "p", files)
    code, out, err = cli("--project", str(root), "render", "--out", str(tmp_path / "out"))
    assert "Traceback" not in err
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "templates/goal.md.j2:2:1: the template shows as a text a unit with forms by number ({one: "
        "transakcja, few: transakcje, many: transakcji}), and which form is right depends on the "
        "number before it: show the number and its unit together, with with_unit(number, unit), "
        "like {{ with_unit(d.target, d.unit) }}, which writes '14 transakcji', '2 transakcje', "
        "'1 deal'.",
        "Found 1 error in 1 file.",
    ]
    # the fix it names works
    (root / "templates" / "goal.md.j2").write_text(
        OLD_TEMPLATE.replace("{{ num(d.target) }} {{ inline(d.unit) }}", "{{ with_unit(d.target, d.unit) }}"),
        encoding="utf-8")
    assert cli("--project", str(root), "render", "--out", str(tmp_path / "out"), "--lang", "pl")[0] == 0
    assert f"- **Target:** 14{NBSP}transakcji / kwartał" in (
        tmp_path / "out" / "goals" / "revenue.md").read_text(encoding="utf-8")


def test_unit_space_takes_a_unit_with_forms(tmp_path: Path) -> None:
    """``unit_space(d.unit)`` read the unit as a text: a unit with forms by number failed it."""
    files: dict[str, str | bytes] = {"templates/goal.md.j2": "[{{ num(d.target) }}{{ unit_space(d.unit) }}]\n"}
    assert pages(tmp_path / "a", goal("14", FORMS), "pl", files)["goals/revenue.md"].endswith(f"[14{NBSP}]\n")
    assert pages(tmp_path / "b", goal("40", 'unit: "%"'), "pl", files)["goals/revenue.md"].endswith("[40]\n")
