"""A choice inside a sentence of a clause reads as words of that sentence ("Cykl przeglądów:
co miesiąc", "Review cycle: monthly"), not as its label ("Co miesiąc"), which the form and the
annex's table show; at a sentence's start, and where the author gives its words, as written."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.catalogue import load
from generator.models.sla import Sla
from generator.sla.body import mid_sentence
from generator.sla.fill import fill
from generator.sla.spec import compile_spec, in_sentence
from tests.projects import make_project

SLA = """\
kind: sla
id: reviews
title: {pl: Przeglądy, en: Reviews}
summary: Test.
owner: Anna
review_by: 2027-06-30
parties: [marketing, sales]
parameters:
  - id: cadence
    type: choice
    label: {pl: Przegląd, en: Review}
    choices:
      - {value: monthly, label: {pl: Co miesiąc, en: Monthly}}
      - {value: crm, label: {pl: Salesforce, en: Salesforce}, text: Salesforce}
      - {value: weekly, label: {pl: Co tydzień, en: Weekly}, text: {pl: raz w tygodniu, en: once a week}}
    default: monthly
  - id: channels
    type: list
    item:
      type: choice
      choices:
        - {value: phone, label: {pl: Telefon, en: Phone}}
        - {value: email, label: {pl: E-mail, en: Email}}
    label: {pl: Kanały, en: Channels}
    default: [phone, email]
clauses:
  - id: terms
    title: {pl: Warunki, en: Terms}
    body:
      pl: |-
        Cykl przeglądów: **{{ cadence }}**. Kanały: {{ channels }}.

        {{ cadence }} strony sprawdzają wyniki.

        | Przegląd | {{ cadence }} |
        | --- | --- |
      en: |-
        Review cycle: **{{ cadence }}**. Channels: {{ channels }}.

        {{ cadence }} the parties check the results.

        | Review | {{ cadence }} |
        | --- | --- |
"""


@pytest.fixture(scope="module")
def sla(tmp_path_factory: pytest.TempPathFactory) -> Sla:
    root = make_project(tmp_path_factory.mktemp("choice") / "p", {"playbooks/slas/reviews.yaml": SLA})
    catalogue, problems = load(root, root / "playbooks", dt.date(2026, 11, 27))
    assert [p.format() for p in problems if p.severity == "error"] == []
    entry = catalogue.get("reviews")
    assert entry is not None and isinstance(entry.definition, Sla)
    return entry.definition


@pytest.mark.parametrize(("lang", "cadence", "lines"), [
    ("pl", "monthly", ["Cykl przeglądów: **co miesiąc**. Kanały: telefon, e-mail.",
                       "Co miesiąc strony sprawdzają wyniki.", "| Przegląd | Co miesiąc |"]),
    ("en", "monthly", ["Review cycle: **monthly**. Channels: phone, email.",
                       "Monthly the parties check the results.", "| Review | Monthly |"]),
    ("pl", "crm", ["Cykl przeglądów: **Salesforce**. Kanały: telefon, e-mail."]),
    ("pl", "weekly", ["Cykl przeglądów: **raz w tygodniu**. Kanały: telefon, e-mail.",
                      "Co tydzień strony sprawdzają wyniki."]),
    ("en", "weekly", ["Review cycle: **once a week**. Channels: phone, email."]),
])
def test_a_choice_inside_a_sentence_reads_as_its_words(sla: Sla, lang: str, cadence: str,
                                                      lines: list[str]) -> None:
    filled, problems = fill(compile_spec(sla, lang), {"cadence": cadence})
    assert problems == [] and filled is not None
    markdown, html = filled.markdown(), filled.html_body()
    for line in lines:
        assert line in markdown
    assert ("<strong>co miesiąc</strong>" in html) is ((lang, cadence) == ("pl", "monthly"))
    # the annex's table of agreed values names the choice by its label
    label = {"monthly": {"pl": "Co miesiąc", "en": "Monthly"}, "crm": {"pl": "Salesforce", "en": "Salesforce"},
             "weekly": {"pl": "Co tydzień", "en": "Weekly"}}[cadence][lang]
    assert f"| {label} |" in markdown.split("\n## ")[-1]


@pytest.mark.parametrize(("text", "inside"), [
    ("{{x}}", False), ("Cykl: **{{x}}**", True), ("Cykl przeglądów:\n**{{x}}**.", True),
    ("Zdanie.\n\n{{x}}", False), ("Zdanie. {{x}}", False), ("Czy tak? {{x}}", False),
    ("- {{x}}", False), ("1. **{{x}}**", False), ("| a | {{x}} |", False), ("## {{x}}", False),
    ("we meet {{x}}", True), ("line one\n{{x}}", True), ("Tekst „{{x}}”", True), ("- a: {{x}}", True),
])
def test_where_a_sentence_starts(text: str, inside: bool) -> None:
    assert mid_sentence(text, text.index("{{")) is inside


@pytest.mark.parametrize(("label", "words"), [
    ("Co miesiąc", "co miesiąc"), ("Monthly", "monthly"), ("Bez stałych przeglądów", "bez stałych przeglądów"),
    ("E-mail", "e-mail"), ("Świadomość", "świadomość"), ("CRM", "CRM"), ("HubSpot", "HubSpot"),
    ("B2B", "B2B"), ("A", "A"), ("małe firmy", "małe firmy"),
])
def test_a_label_s_words_inside_a_sentence(label: str, words: str) -> None:
    assert in_sentence(label) == words
