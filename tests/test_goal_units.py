"""A goal's unit and its forms by number: "1 transakcja", "2 transakcje", "14 transakcji" on
every page where a goal's target meets its unit, and plain-words errors for forms gone wrong."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.catalogue import load
from generator.pages import plan
from tests.projects import GOAL, make_project
from tests.test_check_errors import run_check

NBSP = "\u00a0"
TODAY = dt.date(2026, 11, 27)
FORMS = ("unit:\n  pl: {one: transakcja, few: transakcje, many: transakcji}\n"
         "  en: {one: deal, other: deals}")


def goal(target: str = "400", unit: str = "unit: MQL") -> str:
    text = GOAL.format(id="deals", team="sales")
    return text.replace("target: 400", f"target: {target}").replace("unit: MQL", unit)


def pages(tmp_path: Path, text: str, lang: str) -> dict[str, str]:
    root = make_project(tmp_path / "p", {"playbooks/goals/deals.yaml": text})
    catalogue, problems = load(root, root / "playbooks", TODAY)
    assert [p.format() for p in problems if p.severity == "error"] == []
    return {page.path: page.markdown for page in plan(catalogue, lang, None, TODAY)}


@pytest.mark.parametrize(("target", "lang", "shown"), [
    ("1", "pl", "1 transakcja"), ("2", "pl", "2 transakcje"), ("5", "pl", "5 transakcji"),
    ("22", "pl", "22 transakcje"), ("12", "pl", "12 transakcji"), ("2.5", "pl", "2,5 transakcji"),
    ("1", "en", "1 deal"), ("2", "en", "2 deals"), ("2.5", "en", "2.5 deals"),
])
def test_the_target_takes_the_form_of_its_unit_its_number_needs(
        tmp_path: Path, target: str, lang: str, shown: str) -> None:
    forms = FORMS.replace("many: transakcji}", "many: transakcji, other: transakcji}")
    found = pages(tmp_path, goal(target, forms), lang)
    period = "miesiąc" if lang == "pl" else "month"
    expected = shown.replace(" ", NBSP, 1)
    assert f":** {expected} / {period.replace('miesiąc', 'kwartał').replace('month', 'quarter')}\n" \
        in found["goals/deals.md"]
    # the side-by-side comparison shows the same words
    assert f"(goals/deals.md): {expected} / " in found["comparison.md"]


def test_a_plain_unit_keeps_working_in_every_language(tmp_path: Path) -> None:
    pl = pages(tmp_path, goal("2", "unit: {pl: transakcji, en: deals}"), "pl")
    assert f":** 2{NBSP}transakcji / kwartał\n" in pl["goals/deals.md"]
    assert ":** 40% / kwartał\n" in pages(tmp_path / "b", goal("40", 'unit: "%"'), "pl")["goals/deals.md"]


def test_a_unit_missing_in_a_language_shows_the_other_marked(tmp_path: Path) -> None:
    text = goal("2", "unit:\n  pl: {one: transakcja, few: transakcje, many: transakcji}")
    en = pages(tmp_path, text, "en")["goals/deals.md"]
    assert f':** 2{NBSP}<span lang="pl">transakcje</span> <span class="pb-fallback" lang="en"' in en


@pytest.mark.parametrize(("unit", "target", "expected"), [
    ("unit:\n  pl: {one: transakcja, few: transakcje}\n  en: deals", "2",
     ["playbooks/goals/deals.yaml:12:7: unit.pl: the Polish unit has no 'many' form, which numbers "
      "such as 0, 5, 12, 25 need: give every form, like {one: transakcja, few: transakcje, many: "
      "transakcji}, or one word for every number."]),
    ("unit:\n  pl: {one: transakcja, fwe: transakcje, many: transakcji}\n  en: deals", "2",
     ["playbooks/goals/deals.yaml:12:30: unit.pl.fwe: 'fwe' is not a form of a word by number: "
      "Polish forms are one (1), few (2, 3, 4, 22), many (0, 5, 12, 25), other (1,5) (did you "
      "mean 'few'?)."]),
    ("unit:\n  pl: transakcji\n  en: {one: deal, few: deals, other: deals}", "2",
     ["playbooks/goals/deals.yaml:13:24: unit.en.few: English has no 'few' form: its forms are "
      "one (1), other (0, 2, 5)."]),
    ("unit:\n  pl: {one: transakcja, few: transakcje, many: transakcji}\n  en: deals", "2.5",
     ["playbooks/goals/deals.yaml:12:7: unit.pl: the Polish unit has no 'other' form, which this "
      "value needs: it is shown with 1 decimal place (like 1,5), and such a number always takes "
      "the 'other' form: add 'other: ...'."]),
    ("unit: {one: deal, other: deals}", "2",
     ["playbooks/goals/deals.yaml:11:7: unit: the forms of a unit belong to a language: write "
      "them under 'pl:' and 'en:', like unit: {pl: {one: transakcja, few: transakcje, many: "
      "transakcji}, en: {one: deal, other: deals}}."]),
])
def test_forms_gone_wrong_are_told_in_plain_words_where_they_are(
        tmp_path: Path, unit: str, target: str, expected: list[str]) -> None:
    root = make_project(tmp_path / "p", {"playbooks/goals/deals.yaml": goal(target, unit)})
    code, _out, err = run_check(root)
    assert "Traceback" not in err
    assert (code, err.strip().splitlines()[:-1]) == (1, expected)


def test_the_example_quota_has_its_forms() -> None:
    root = Path(__file__).resolve().parent.parent
    catalogue, _ = load(root, root / "playbooks", TODAY)
    quota = catalogue.get("monthly-sales-quota")
    assert quota is not None
    assert quota.definition.unit.pl == {  # type: ignore[attr-defined]
        "one": "transakcja", "few": "transakcje", "many": "transakcji"}


def test_a_unit_s_forms_are_checked_even_when_the_target_is_wrong(tmp_path: Path) -> None:
    unit = "unit:\n  pl: {one: transakcja}\n  en: deals"
    root = make_project(tmp_path / "p", {"playbooks/goals/deals.yaml": goal("lots", unit)})
    _code, _out, err = run_check(root)
    assert [line.split(": ")[1] for line in err.splitlines()[:-1]] == ["target", "unit.pl"]
    assert "the Polish unit has no 'few' and 'many' forms" in err.splitlines()[1]
    assert err.splitlines()[-1] == "Found 2 errors in 1 file."
