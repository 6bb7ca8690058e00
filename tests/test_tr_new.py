"""``playbook new`` in Polish (generator/translations/pl_fields.py): the skeleton's header and every
field's help are Polish, the YAML itself (keys, ids, choices, placeholders) is the English
skeleton's, the filled-in file passes ``playbook check``; and every field of every model has its
Polish help, so a new field cannot land with English help in a Polish skeleton."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
import subprocess
import sys
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import pytest
import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.cli import main
from generator.commands.new import skeleton
from generator.commands.schema import schema_of
from generator.models import KINDS
from generator.tr import field_help, set_language
from tests.projects import make_project

ON = dt.date(2026, 11, 28)


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


# -- every field's description has a Polish help, and no help is stale -----------------------------

def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    for arg in get_args(annotation):
        if not isinstance(arg, str | int | float | bool) and arg is not None:
            yield from _models_in(arg)


def _choices(annotation: Any) -> set[str]:
    """The Literal values anywhere in a field's type (a choice, a list of choices)."""
    if get_origin(annotation) is Literal:
        return {str(a) for a in get_args(annotation)}
    if get_origin(annotation) in (typing.Union, types.UnionType, list, typing.Annotated) or get_args(annotation):
        return set().union(*(_choices(a) for a in get_args(annotation) if not isinstance(a, str | int | float | bool)))
    return set()


def _descriptions() -> dict[str, list[tuple[str, set[str]]]]:
    """Every field's description in every model a definition is made of (the kinds and every
    model nested in them, as ``playbook new`` and ``playbook schema`` walk them), with where
    it is and the choices its field offers."""
    found: dict[str, list[tuple[str, set[str]]]] = {}
    for model, name, info in _fields():
        if info.description:
            found.setdefault(info.description, []).append((f"{model.__name__}.{name}", _choices(info.annotation)))
    return found


def _fields() -> Iterator[tuple[type[BaseModel], str, FieldInfo]]:
    """Every field of every model a definition is made of: the kinds and every model nested in
    them, each once."""
    seen: set[type[BaseModel]] = set()
    todo: list[type[BaseModel]] = list(KINDS.values())
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            yield model, name, info
            todo += _models_in(info.annotation)


def _schema_descriptions(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                for prop in value.values():
                    if isinstance(prop, dict) and isinstance(prop.get("description"), str):
                        yield prop["description"]
            yield from _schema_descriptions(value)
    elif isinstance(node, list):
        for value in node:
            yield from _schema_descriptions(value)


def test_every_field_has_a_polish_help_and_none_is_stale() -> None:
    descriptions = _descriptions()
    # the walk finds every description the JSON Schemas carry (a sanity check of the walk itself)
    in_schemas = {text for kind in KINDS for text in _schema_descriptions(schema_of(kind))}
    assert in_schemas - set(descriptions) == set()
    assert len(descriptions) > 80
    helps = field_help("pl")
    missing = [f"{where[0][0]}: {text!r}" for text, where in descriptions.items() if text not in helps]
    assert not missing, "no Polish help (generator/translations/pl_fields.py FIELD_HELP) for:\n" + "\n".join(missing)
    stale = sorted(set(helps) - set(descriptions))
    assert not stale, "FIELD_HELP entries no field describes any more:\n" + "\n".join(stale)
    # a choice named in the help is named as the file is written, untranslated
    untranslated = [f"{where}: {choice!r}" for text, places in descriptions.items() for where, choices in places
                    for choice in choices if re.search(rf"(?<![\w-]){re.escape(choice)}(?![\w-])", text)
                    and not re.search(rf"(?<![\w-]){re.escape(choice)}(?![\w-])", helps[text])]
    assert not untranslated, "the Polish help lost a choice:\n" + "\n".join(untranslated)
    same = [text for text, polish in helps.items() if polish == text or not polish.strip()]
    assert same == []


def test_every_field_a_user_writes_has_help() -> None:
    """Each field's help shows above it in the skeleton and on hover in an editor (the JSON
    Schema's description): a field without one (a process's steps, a clause's body, an SLA
    parameter's type) left the user guessing. Only a definition's ``kind`` goes without: the
    skeleton writes it filled in, with no comment, and the file's place says it."""
    undescribed = [f"{model.__name__}.{name}" for model, name, info in _fields()
                   if not info.description and not (model in KINDS.values() and name == "kind")]
    assert sorted(undescribed) == []


def test_sla_parameter_and_item_types_say_every_type() -> None:
    """The skeleton writes a text parameter ('type: text'); its help names every type,
    the same for every parameter, and a list's item's its own (no 'list' among them)."""
    from generator.models.sla import ItemRules, Parameter
    params = get_args(get_args(Parameter)[0])
    items = get_args(get_args(ItemRules)[0])
    helps = {p.model_fields["type"].description for p in params}
    assert len(params) == 10 and len(helps) == 1
    names = [get_args(p.model_fields["type"].annotation)[0] for p in params]
    assert re.findall(r"[a-z]+(?=[,;]| or )", helps.pop() or "") == names
    item_helps = {i.model_fields["type"].description for i in items}
    assert len(item_helps) == 1
    assert re.findall(r"[a-z]+(?=[,;]| or )", item_helps.pop() or "") == names[:-1]
    text = skeleton("sla", "fresh-one", ON)
    assert ("\n    # type (required): The parameter's type: text, integer, decimal, percent, money, duration, "
            "date, email, choice or list; which other fields the parameter takes depends on it.\n"
            "    type: text\n") in text
    # an optional number is its default: 0 is refused for max_length (at least 1)
    assert "\n    max_length: 500\n" in text
    assert ("\n    # body (required): The clause's text, in Markdown; {{ name }} marks where a parameter's "
            "or derived value goes, {{ name with unit }} a derived value with its unit.\n") in text


# -- the skeleton in Polish ------------------------------------------------------------------------

def _yaml_lines(text: str) -> list[str]:
    """The skeleton without its comments: what a YAML reader reads."""
    return [re.sub(r"\s*#.*$", "", line) for line in text.splitlines() if not line.lstrip().startswith("#")]


@pytest.mark.parametrize("kind", list(KINDS))
def test_polish_skeleton_has_polish_comments_and_the_english_yaml(kind: str) -> None:
    set_language("en")
    english = skeleton(kind, "fresh-one", ON)
    set_language("pl")
    try:
        polish = skeleton(kind, "fresh-one", ON)
    finally:
        set_language(None)
    assert _yaml_lines(polish) == _yaml_lines(english)
    assert yaml.safe_load(polish) == yaml.safe_load(english)
    comments = [line.strip() for line in polish.splitlines() if "#" in line][1:]  # not the $schema line
    english_words = re.compile(r"\((required|optional)|one of:|Lines starting|\b(the|of|and|shown|used)\b")
    assert [line for line in comments if english_words.search(line)] == []
    # each field's comment line: "# key (wymagane|opcjonalne ...)[: help]"
    for line in comments[3:]:
        assert re.match(r"(- )?# \w+ \((wymagane|opcjonalne|wymagane albo zamiast niego '\w+')\)(: .+)?$", line) \
            or re.match(r"(- |\w+: )?(\w+  )?# (jedna z wartości: [\w, -]+|\w+: \w+)$", line), line


GOAL_LINES = [
    "# Nowy cel. Wiersze zaczynające się od # to komentarze. Uzupełnij każde puste \"\",",
    "# każde TODO-...-id i każde puste pole na liczbę lub wartość do wyboru; usuń pola",
    "# opcjonalne, których nie potrzebujesz.",
    "kind: goal",
    "id: webinar-leads",
    "# title (wymagane): Krótki tytuł, pokazywany jako nagłówek strony.",
    "# review_by (wymagane): Data, do której właściciel ma ponownie przejrzeć tę definicję (RRRR-MM-DD).",
    "# team (wymagane): Id zespołu, do którego należy cel.",
    "team: TODO-team-id",
    "# target (wymagane): Liczba do osiągnięcia, większa od 0.",
    "target:",
    "# currency: PLN",
    "# period (wymagane): Okres, którego dotyczy wartość docelowa: month (miesiąc), quarter (kwartał) "
    "albo year (rok).",
    "period: # jedna z wartości: month, quarter, year",
    "# goal_type (wymagane): awareness (świadomość marki), leads (leady), quota (kwota sprzedaży), "
    "revenue (przychód), retention (utrzymanie klientów) albo alignment (współpraca zespołów).",
]

CHECKLIST_LINES = [
    "# Nowa lista kontrolna. Wiersze zaczynające się od # to komentarze. Uzupełnij każde puste \"\",",
    "# role (wymagane): Rola, dla której jest lista, np. 'sales-rep' (playbook checklist pdf --role).",
    "# days (opcjonalne): Jak liczyć terminy (due): working (w dniach roboczych) albo calendar "
    "(w dniach kalendarzowych).",
    "days: working  # jedna z wartości: working, calendar",
    "# sections (wymagane): Grupy zadań listy kontrolnej, każda pod własnym nagłówkiem; co najmniej jedna.",
    "  - # title (wymagane): Nagłówek tej grupy zadań.",
    "    # items (wymagane): Zadania pod tym nagłówkiem; co najmniej jedno.",
    "      - # text (wymagane): Co zrobić: zadanie, które nowy pracownik zaznacza jako wykonane.",
    "        # due (opcjonalne): Termin, wpisany po angielsku: 'day 1', 'week 2', 'month 1'.",
    "        # processes (opcjonalne): Id procesów, których dotyczy to zadanie.",
]

TEAM_LINES = [
    "# Nowy zespół. Wiersze zaczynające się od # to komentarze. Uzupełnij każde puste \"\",",
    "# mission (wymagane): Po co istnieje zespół, w jednym lub dwóch zdaniach.",
    "  # segments (wymagane): Jedna lub kilka z wartości: new-audiences (nowi odbiorcy), known-contacts "
    "(znane kontakty), existing-customers (obecni klienci).",
    "    - # jedna z wartości: new-audiences, known-contacts, existing-customers",
    "  scope: # jedna z wartości: broad, focused",
    "# prospects (wymagane): Do kogo zespół kieruje swoje działania: do jakich grup kontaktów i kim one są.",
    "# horizon (wymagane): Na jak długo naprzód planuje zespół i jak szeroko patrzy na rynek.",
]


def _filled(text: str) -> str:
    """The skeleton as its header asks: every "" and TODO filled in, a choice and a number
    written, the optional reference to a process (which the project has none of) removed."""
    text = text.replace("TODO-team-id", "sales").replace("TODO-goal-id", "leads")
    text = re.sub(r"\n *# processes .*\n *processes:\n *- TODO-process-id", "", text)
    text = text.replace('due: ""', "due: day 1").replace('role: ""', "role: sales-rep")
    text = text.replace('""', '"Tekst"').replace("\ntarget:\n", "\ntarget: 400\n")
    return re.sub(r"(: |- )# (?:jedna z wartości|one of): ([\w-]+).*", r"\1\2", text)


@pytest.mark.parametrize(("kind", "lines"), [("goal", GOAL_LINES), ("checklist", CHECKLIST_LINES),
                                             ("team", TEAM_LINES)], ids=["goal", "checklist", "team"])
def test_new_in_polish_writes_polish_help_and_a_file_check_accepts_once_filled(
        tmp_path: Path, polish: None, kind: str, lines: list[str]) -> None:
    root = make_project(tmp_path / "p")
    code, out, err = cli("--project", str(root), "new", kind, "webinar-leads")
    path = root / "playbooks" / KINDS[kind].SECTION / "webinar-leads.yaml"
    assert (code, err) == (0, "")
    assert out.startswith(f"Zapisano playbooks/{KINDS[kind].SECTION}/webinar-leads.yaml: uzupełnij")
    text = path.read_text(encoding="utf-8")
    written = text.splitlines()
    assert written[0] == f"# yaml-language-server: $schema=../../schema/{kind}.schema.json"
    missing = [line for line in lines if line not in written]
    assert missing == []
    # as written, check asks for what is to be filled in; filled in, it passes
    code, _, err = cli("--project", str(root), "check")
    assert code == 1 and "Traceback" not in err
    path.write_text(_filled(text), encoding="utf-8")
    code, out, err = cli("--project", str(root), "check")
    assert (code, err) == (0, ""), err
    assert out == "OK: 4 definicje w 4 plikach.\n"


def test_new_in_english_is_unchanged(tmp_path: Path) -> None:
    """The English skeleton, as before: the header, 'required', 'one of', the models' help."""
    text = skeleton("goal", "fresh-one", ON)
    assert text.splitlines()[1:3] == [
        "# A new goal. Lines starting with # are comments. Fill in every empty \"\", TODO-...-id and",
        "# empty choice or number; remove the optional fields you do not need.",
    ]
    assert "\n# unit (required, or 'currency' instead): Unit of the target: a word like 'MQL'" in text
    assert "\n# review_by (required): Date by which the owner re-reads this definition (YYYY-MM-DD).\n" in text
    assert "\nperiod: # one of: month, quarter, year\n" in text
    assert "\n# tags (optional): Free keywords used by the site's tags and search" in text
    root = make_project(tmp_path / "p")
    assert cli("--project", str(root), "new", "goal", "webinar-leads")[0] == 0
    path = root / "playbooks" / "goals" / "webinar-leads.yaml"
    path.write_text(_filled(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert cli("--project", str(root), "check") == (0, "OK: 4 definitions in 4 files.\n", "")


def test_new_speaks_polish_when_the_locale_is_polish(tmp_path: Path) -> None:
    """The reported case: LANG=pl_PL.UTF-8 playbook new team x wrote English help."""
    root = make_project(tmp_path / "p")
    env = {**os.environ, "LANG": "pl_PL.UTF-8"}
    env.pop("PLAYBOOK_LANG", None)
    done = subprocess.run([sys.executable, "-m", "generator.cli", "--project", str(root), "new", "team", "x"],
                          capture_output=True, text=True, env=env, cwd=root)
    assert done.returncode == 0, done.stderr
    text = (root / "playbooks" / "teams" / "x.yaml").read_text(encoding="utf-8")
    assert "\n# Nowy zespół. Wiersze zaczynające się od # to komentarze." in text
    assert "\n# responsibilities (wymagane): Za co odpowiada zespół.\n" in text
    assert "required" not in text and "A new" not in text


def test_the_sla_skeleton_s_parameter_is_valid_once_its_texts_are_filled() -> None:
    """The SLA skeleton wrote 'type:' empty (a null type: "'None' is not one of the allowed types")
    and 'max_length: 0' (at least 1 is allowed): kept as written, each failed 'check'."""
    import yaml
    from pydantic import TypeAdapter

    from generator.models.sla import Parameter

    parameter = yaml.safe_load(skeleton("sla", "fresh-one", ON))["parameters"][0]
    assert (parameter["type"], parameter["max_length"]) == ("text", 500)
    parameter.update(id="firma", label={"pl": "Firma", "en": "Company"}, help=None,
                     default={"pl": "ACME", "en": "ACME"})
    assert TypeAdapter(Parameter).validate_python(parameter).type == "text"
