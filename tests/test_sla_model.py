"""Mistakes in an SLA template are reported by `playbook check` at file:line:col, in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalogue import load
from generator.models.sla import Sla
from tests.projects import make_project

CASES = Path(__file__).parent / "cases" / "sla"
SMALL = (CASES / "small.yaml").read_text(encoding="utf-8")


def problems_of(tmp_path: Path, text: str) -> list[str]:
    root = make_project(tmp_path / "p", {"playbooks/slas/small.yaml": text})
    _catalogue, problems = load(root, root / "playbooks")
    return [p.format() for p in problems if p.severity == "error"]


def test_the_small_template_and_the_example_are_valid(tmp_path: Path) -> None:
    assert problems_of(tmp_path, SMALL) == []
    root = Path(__file__).resolve().parent.parent
    catalogue, problems = load(root, root / "playbooks")
    assert [p.format() for p in problems if "marketing-sales-sla.yaml" in p.file] == []
    assert isinstance(catalogue.get("marketing-sales-sla").definition, Sla)  # type: ignore[union-attr]


F = "playbooks/slas/small.yaml"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("    default: 3\n", "    default: 5000\n",
         f"{F}:23:14: parameters[2].default: the default does not fit: must be at most 1000, but "
         "this is 5000."),
        ("    default: monthly\n", "    default: weekly\n",
         f"{F}:65:14: parameters[10].default: the default does not fit: 'weekly' is not one of the "
         "choices: none, monthly."),
        ("    required: true\n    max_length: 100\n",
         "    required: true\n    max_length: 100\n    default: ACME\n",
         f"{F}:14:15: parameters[0].required: a parameter with a default is never missing: remove "
         "'required: true' or the default."),
        ("expression: budget / price\n", "expression: budget / prize\n",
         f"{F}:77:26: derived[0].expression: unknown name 'prize': no parameter or derived value has"
         " it (did you mean 'price'?)."),
        ("expression: budget / price\n", "expression: per_hour * 2\n",
         f"{F}:77:17: derived[0].expression: 'per_hour' is derived[1], which comes later: a derived"
         " value can use only the parameters and the derived values above it."),
        ("expression: budget / price\n", "expression: units + 1\n",
         f"{F}:77:17: derived[0].expression: 'units' is this derived value itself: it cannot use"
         " itself."),
        ("expression: budget / price\n", "expression: budget.__class__\n",
         f"{F}:77:17: derived[0].expression: attribute access (a.b) is not allowed in an expression."),
        ("expression: budget / price\n", "expression: cadence * 2\n",
         f"{F}:77:17: derived[0].expression: '*' works on numbers only."),
        ("when: cadence != 'none'", "when: count",
         f"{F}:114:11: clauses[1].when: this gives a number, but a condition (true or false) is "
         "needed here."),
        ("when: cadence != 'none'", "when: contact == 'x'",
         f"{F}:114:11: clauses[1].when: 'contact' may be left empty (it is optional and has no"
         " default): make it required or give it a default."),
        ("when: cadence != 'none'", "when: cadence != 'nnoe'",
         f"{F}:114:22: clauses[1].when: 'nnoe' is not a choice of 'cadence': the choices are none,"
         " monthly (did you mean 'none'?)."),
        ("when: cadence != 'none'", "when: \"'Monthly' == cadence\"",
         f"{F}:114:12: clauses[1].when: 'Monthly' is not a choice of 'cadence': the choices are none,"
         " monthly (did you mean 'monthly'?)."),
        ("Firma **{{ name }}**", "Firma **{{ nmae }}**",
         f"{F}:89:17: clauses[0].body.pl: {{{{ nmae }}}} names no parameter or derived value (did you"
         " mean 'name'?)."),
        ("Firma **{{ name }}**", "Firma `{{ name }}`",
         f"{F}:89:16: clauses[0].body.pl: the placeholder {{{{ name }}}} on line 1 of the text is"
         " inside `code`; a value cannot be shown literally there: take it out of the backticks."),
        ("Firma **{{ name }}**", "Firma [x]({{ name }})",
         f"{F}:89:19: clauses[0].body.pl: the placeholder {{{{ name }}}} on line 1 of the text is"
         " inside a link address or HTML attribute; a value can only go into the text."),
        ("Firma **{{ name }}**", "Firma <script>{{ name }}</script>",
         f"{F}:89:23: clauses[0].body.pl: the placeholder {{{{ name }}}} on line 1 of the text is"
         " lost: it is inside HTML that is not allowed in a document (only Markdown is)."),
        ("Firma **{{ name }}**", "Firma **{{ name }**",
         f"{F}:89:17: clauses[0].body.pl: '{{{{' is not closed with '}}}}' on the same line."),
        ("clauses:\n", "  - {id: count, label: X, expression: '1'}\nclauses:\n",
         f"{F}:84:10: derived[2].id: the name 'count' is already used by parameters[2]: every "
         "parameter and derived value needs its own name."),
        ("  - id: count\n", "  - id: spare\n    type: text\n    label: Zapas\n    required: true\n  - id: count\n",
         f"{F}:20:9: parameters[2].id: 'spare' is asked for, but no clause or derived value uses it, so "
         "no agreement would show it: write {{ spare }} in a clause's body, or remove the parameter."),
        # three capitals were enough: PLZ (or a lower-case pln, a sign) was taken as a currency
        ("    currencies: [EUR]\n", "    currencies: [EUR, PLZ]\n",
         f"{F}:40:23: parameters[5].currencies[1]: 'PLZ' is not a currency code (did you mean 'PLN'?):"
         " write the currency's three-letter ISO 4217 code, like PLN, EUR or USD."),
        ("  - id: ratio\n", "  - id: round\n",
         f"{F}:26:9: parameters[3].id: 'round' cannot be a parameter name: it is a reserved word."),
    ],
)
def test_template_mistakes(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert SMALL.count(old) == 1, old
    assert problems_of(tmp_path, SMALL.replace(old, new)) == [expected]


def test_a_currency_is_taken_as_people_write_it(tmp_path: Path) -> None:
    """As a goal's currency: 'eur' and '€' are EUR (the form and values files then say EUR)."""
    text = SMALL.replace("    currency: PLN\n    currencies: [EUR]\n", "    currency: zł\n    currencies: [' eur ', €]\n")
    assert problems_of(tmp_path, text) == []


UNIT = "    unit: {pl: szt., en: pcs}\n"
PIECES = "{pl: {one: sztuka, few: sztuki, many: sztuk}, en: {one: piece, other: pieces}}"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # A form's name that is no plural category: "did you mean", and not also "'few' is missing".
        (UNIT, "    unit: {pl: {one: sztuka, fwe: sztuki, many: sztuk}, en: pcs}\n",
         f"{F}:79:35: derived[0].unit.pl.fwe: 'fwe' is not a form of a word by number: Polish forms "
         "are one (1), few (2, 3, 4, 22), many (0, 5, 12, 25), other (1,5) (did you mean 'few'?)."),
        # A category of another language.
        (UNIT, "    unit: {pl: szt., en: {one: piece, few: pieces, other: pieces}}\n",
         f"{F}:79:44: derived[0].unit.en.few: English has no 'few' form: its forms are one (1), "
         "other (0, 2, 5)."),
        # A form that numbers need, missing (block style: at the forms).
        (UNIT, "    unit:\n      pl:\n        one: sztuka\n        few: sztuki\n      en: pcs\n",
         f"{F}:81:9: derived[0].unit.pl: the Polish unit has no 'many' form, which numbers such "
         "as 0, 5, 12, 25 need: give every form, like {one: transakcja, few: transakcje, many: "
         "transakcji}, or one word for every number."),
        (UNIT, "    unit: {pl: szt., en: {one: piece}}\n",
         f"{F}:79:26: derived[0].unit.en: the English unit has no 'other' form, which numbers such "
         "as 0, 2, 5 need: give every form, like {one: deal, other: deals}, or one word for every "
         "number."),
        (UNIT, "    unit: {pl: {one: sztuka}, en: pcs}\n",
         f"{F}:79:16: derived[0].unit.pl: the Polish unit has no 'few' and 'many' forms, which "
         "numbers such as 2, 3, 4, 22 (few) and 0, 5, 12, 25 (many) need: give every form, like "
         "{one: transakcja, few: transakcje, many: transakcji}, or one word for every number."),
        # A value shown with decimals always takes 'other'.
        ("    decimals: 2\nclauses:", f"    decimals: 2\n    unit: {PIECES}\nclauses:",
         f"{F}:84:16: derived[1].unit.pl: the Polish unit has no 'other' form, which this value "
         "needs: it is shown with 2 decimal places (like 1,50), and such a number always takes "
         "the 'other' form: add 'other: ...'."),
        # Forms without a language.
        (UNIT, "    unit: {one: piece, other: pieces}\n",
         f"{F}:79:11: derived[0].unit: the forms of a unit belong to a language: write them under "
         "'pl:' and 'en:', like unit: {pl: {one: transakcja, few: transakcje, many: transakcji}, "
         "en: {one: deal, other: deals}}."),
        (UNIT, "    unit: {pl: [sztuka], en: pcs}\n",
         f"{F}:79:16: derived[0].unit.pl: expected a word, or its forms by number like {{one: "
         "deal, other: deals}."),
        (UNIT, "    unit: {pl: {one: sztuka, few: '', many: sztuk}, en: pcs}\n",
         f"{F}:79:35: derived[0].unit.pl.few: must not be empty or only spaces."),
        # {{ name with unit }}: only for a derived value with a unit, and spelt so.
        ("2. Sztuki: {{ units }}", "2. Sztuki: {{ units with units }}",
         f"{F}:97:20: clauses[0].body.pl: {{{{ units with units }}}} is not a placeholder: to show "
         "the value with its unit, write {{ units with unit }}."),
        ("2. Sztuki: {{ units }}", "2. Sztuki: {{ units }} {{ per_hour with unit }}",
         f"{F}:97:32: clauses[0].body.pl: {{{{ per_hour with unit }}}}: the derived value "
         "'per_hour' has no unit: give it one ('unit: ...') or write {{ per_hour }}."),
        ("2. Sztuki: {{ units }}", "2. Sztuki: {{ units }} {{ count with unit }}",
         f"{F}:97:32: clauses[0].body.pl: {{{{ count with unit }}}}: 'count' is a parameter, and "
         "only a derived value has a unit of its own (an amount, a duration and a percentage show "
         "theirs anyway): write {{ count }}."),
    ],
)
def test_unit_mistakes(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert SMALL.count(old) == 1, old
    assert problems_of(tmp_path, SMALL.replace(old, new)) == [expected]


@pytest.mark.parametrize("unit", [
    PIECES,
    "{pl: {one: sztuka, few: sztuki, many: sztuk, other: sztuki}, en: pieces}",
    "{pl: szt., en: {one: piece, other: pieces}}",
    "{pl: {one: sztuka, few: sztuki, many: sztuk}}",
    "szt.",
])
def test_units_that_are_fine(tmp_path: Path, unit: str) -> None:
    """A word for every number, forms per language, one language only; and {{ x with unit }}."""
    text = SMALL.replace(UNIT, f"    unit: {unit}\n").replace(
        "2. Sztuki: {{ units }}", "2. Sztuki: {{ units  with   unit }}")
    assert problems_of(tmp_path, text) == []


def test_limits_that_contradict_each_other(tmp_path: Path) -> None:
    text = SMALL.replace("    default: 25\n    min: 1\n", "    default: 25\n    min: 200\n")
    assert problems_of(tmp_path, text) == [
        f"{F}:31:5: parameters[4].max: max (100) is smaller than min (200).",
        f"{F}:34:14: parameters[4].default: the default does not fit: must be at least 200, but "
        "this is 25.",
    ]


def test_a_unit_in_one_language_is_a_missing_translation(tmp_path: Path) -> None:
    """Like any text: the English agreement would otherwise say "5 sztuk" without a word."""
    from generator.catalogue import translation_problems

    text = SMALL.replace(UNIT, "    unit: {pl: {one: sztuka, few: sztuki, many: sztuk}}\n")
    root = make_project(tmp_path / "p", {"playbooks/slas/small.yaml": text})
    catalogue, problems = load(root, root / "playbooks")
    assert [p for p in problems if p.severity == "error"] == []
    assert [p.format() for p in translation_problems(catalogue)] == [
        f"{F}:79:11: derived[0].unit: warning: missing translation: en (write it after 'en:')."]
