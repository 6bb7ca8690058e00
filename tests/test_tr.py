"""Messages in Polish: every message in the code has a Polish entry with the same placeholders,
no entry is stale, Polish plurals take the right form, and a command speaks Polish when asked."""

from __future__ import annotations

import ast
import os
import string
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import tr as tr_module
from generator.tr import catalogue, language_from, plural_form, set_language, tr, tr_n

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "generator"


def _calls() -> Iterator[tuple[str, ast.Call]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if "translations" in path.parts or "vendor" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("tr", "tr_n"):
                yield f"{path.relative_to(ROOT)}:{node.lineno}", node


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _keys() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Every message key in the code: the singular ones and the (one, many) pairs, with where."""
    singles: dict[str, str] = {}
    pairs: dict[tuple[str, str], str] = {}
    problems = []
    for where, call in _calls():
        if call.func.id == "tr":  # type: ignore[attr-defined]
            key = _literal(call.args[0]) if call.args else None
            if key is None:
                problems.append(f"{where}: tr() needs a literal English text")
            else:
                singles.setdefault(key, where)
        else:
            one = _literal(call.args[0]) if len(call.args) > 1 else None
            many = _literal(call.args[1]) if len(call.args) > 1 else None
            if one is None or many is None:
                problems.append(f"{where}: tr_n() needs literal English texts")
            else:
                pairs.setdefault((one, many), where)
    assert not problems, "\n".join(problems)
    return singles, pairs


def test_every_message_has_a_polish_entry_with_the_same_placeholders() -> None:
    singles, pairs = _keys()
    messages, plurals = catalogue("pl")
    missing = [f"{where}: {key!r}" for key, where in singles.items() if key not in messages]
    missing += [f"{where}: {key!r}" for key, where in pairs.items() if key not in plurals]
    assert not missing, "no Polish for:\n" + "\n".join(missing)
    wrong = [f"{where}: {key!r} -> {messages[key]!r}" for key, where in singles.items()
             if _fields(messages[key]) != _fields(key)]
    for (one, many), where in pairs.items():
        forms = plurals[(one, many)]
        if len(forms) != 3:
            wrong.append(f"{where}: {one!r} needs three Polish forms (1, 2-4, 5+), has {len(forms)}")
        wanted = _fields(one) | _fields(many)
        if any(_fields(form) - wanted for form in forms) or set().union(*map(_fields, forms)) != wanted:
            wrong.append(f"{where}: {one!r} -> {forms!r}")
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_no_polish_entry_is_stale() -> None:
    singles, pairs = _keys()
    messages, plurals = catalogue("pl")
    assert sorted(set(messages) - set(singles)) == []
    assert sorted(set(plurals) - set(pairs)) == []


@pytest.mark.parametrize(("n", "form"), [(0, 2), (1, 0), (2, 1), (4, 1), (5, 2), (11, 2), (12, 2), (14, 2),
                                         (21, 2), (22, 1), (24, 1), (25, 2), (102, 1), (112, 2), (1000, 2)])
def test_polish_plural_forms(n: int, form: int) -> None:
    assert plural_form("pl", n) == form


@pytest.mark.parametrize(("environ", "lang"), [
    ({}, "en"),
    ({"LANG": "pl_PL.UTF-8"}, "pl"),
    ({"LANG": "pl_PL.UTF-8", "LC_ALL": "C"}, "en"),
    ({"LANGUAGE": "pl:en", "LANG": "en_GB.UTF-8"}, "pl"),
    ({"LC_MESSAGES": "pl_PL"}, "pl"),
    ({"PLAYBOOK_LANG": "pl", "LANG": "en_US.UTF-8"}, "pl"),
    ({"PLAYBOOK_LANG": "EN", "LANG": "pl_PL.UTF-8"}, "en"),
    ({"PLAYBOOK_LANG": "de"}, "en"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
])
def test_language_from_the_environment(environ: dict[str, str], lang: str) -> None:
    assert language_from(environ) == lang


def test_summary_in_polish_takes_the_count_s_form(polish: None) -> None:
    from generator.errors import Diagnostic, summary

    def errors(n: int, files: int) -> list[Diagnostic]:
        return [Diagnostic(f"f{i % files}.yaml", 1, 1, "", "x") for i in range(n)]

    assert summary(errors(1, 1)) == "Znaleziono 1 błąd w 1 pliku."
    assert summary(errors(3, 2)) == "Znaleziono 3 błędy w 2 plikach."
    assert summary(errors(5, 1)) == "Znaleziono 5 błędów w 1 pliku."
    assert summary(errors(12, 5)) == "Znaleziono 12 błędów w 5 plikach."
    assert summary(errors(22, 2)) == "Znaleziono 22 błędy w 2 plikach."
    warning = Diagnostic("a.yaml", 2, 3, "title", "tekst", severity="warning")
    assert warning.format() == "a.yaml:2:3: title: ostrzeżenie: tekst"


def test_english_is_the_default_and_the_fallback() -> None:
    set_language("en")
    try:
        assert tr_n("Found {n} error", "Found {n} errors", 2) == "Found 2 errors"
        assert tr("not in any catalogue {x}", x=1) == "not in any catalogue 1"
        set_language("pl")
        assert tr("not in any catalogue {x}", x=1) == "not in any catalogue 1"
    finally:
        set_language(None)
    assert tr_module.language() == "en"  # conftest: PLAYBOOK_LANG=en


def test_check_speaks_polish_when_the_locale_is_polish(example_copy: Path) -> None:
    team = example_copy / "playbooks" / "teams" / "sales.yaml"
    team.write_text(team.read_text(encoding="utf-8").replace("kind: team", "kind: team\nsize: 12"), encoding="utf-8")
    env = {**os.environ, "LANG": "pl_PL.UTF-8"}
    env.pop("PLAYBOOK_LANG")
    done = subprocess.run([sys.executable, "-m", "generator.cli", "--project", str(example_copy), "check"],
                          capture_output=True, text=True, env=env, cwd=example_copy)
    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines()[-1] == "Znaleziono 1 błąd w 1 pliku.", done.stderr


def test_each_message_is_translated_in_one_catalogue_only() -> None:
    """The catalogues are merged: a message in two of them would take whichever comes last."""
    import importlib
    import pkgutil

    from generator import translations

    where: dict[object, list[str]] = {}
    for info in pkgutil.iter_modules(translations.__path__):
        module = importlib.import_module(f"{translations.__name__}.{info.name}")
        for key in [*getattr(module, "MESSAGES", {}), *getattr(module, "PLURALS", {})]:
            where.setdefault(key, []).append(info.name)
    assert {key: names for key, names in where.items() if len(names) > 1} == {}
