"""``--help`` in Polish: argparse's own words ("usage:", the section headings, ``-h``'s line) and
every help text of ours, for ``playbook`` and each command; the English help as it was; and a
mistyped command line still said in the tool's Polish (argparse's errors stay English inside, for
``cli._plain_usage`` to read)."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

import generator.commands  # imported while the language is English: no help text may be frozen then
from generator.cli import USAGE, main, make_parser
from generator.tr import set_language

assert generator.commands.COMMANDS


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """argparse wraps to the terminal's width (COLUMNS): the same lines on every machine."""
    monkeypatch.setenv("COLUMNS", "100")


def help_of(*argv: str) -> list[str]:
    """What ``playbook ARGV --help`` prints, line by line (it exits 0, printing to stdout)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as exited:
        main([*argv, "--help"])
    assert exited.value.code == 0
    return out.getvalue().splitlines()


def test_playbook_help_in_polish(polish: None) -> None:
    lines = help_of()
    assert lines[0] == "użycie: playbook [-h] [--project DIR] COMMAND ..."
    assert lines[2] == ("Playbooki sprzedaży i marketingu z plików YAML: witryna, listy kontrolne do "
                        "druku, umowy SLA.")
    assert lines[4:7] == ["argumenty:", "  COMMAND",
                          "    check        sprawdź każdy plik YAML i wypisz wszystkie problemy"]
    assert "    sla          wypełnij szablon SLA: list, values, fill" in lines
    assert lines[-3:] == ["opcje:", "  -h, --help     pokaż tę pomoc i zakończ",
                          "  --project DIR  folder projektu (ten z plikiem mkdocs.yml)"]


def test_checklist_pdf_help_in_polish(polish: None) -> None:
    """The usage line's continuation lines line up under the Polish prefix; the description and
    the epilog (a constant made at import time, before) are Polish."""
    lines = help_of("checklist", "pdf")
    assert lines[:3] == [
        "użycie: playbook checklist pdf [-h] [--role ROLE] [--lang {pl,en}] [--name NAME] [--manager NAME]",
        "                               [--start DATE] [--out FILE] [--project DIR]",
        "                               [ID]",
    ]
    assert lines[4] == ("Zapisz PDF A4 listy kontrolnej ID, przygotowany dla nowej osoby, albo "
                        "(z --role ROLE) zestaw")
    assert lines[7:9] == ["argumenty:",
                          "  ID              id listy kontrolnej (zobacz: playbook checklist list)"]
    assert lines[10:12] == ["opcje:", "  -h, --help      pokaż tę pomoc i zakończ"]
    assert "  --start DATE    pierwszy dzień pracy, YYYY-MM-DD: zamienia 'day 1', 'week 2' na daty" in lines
    epilog = lines.index("Jak liczone są terminy (z --start):")
    assert lines[epilog + 1] == ('  "day 1" to sama data rozpoczęcia; "day N" to N-ty dzień, licząc '
                                 'od niej.')
    assert lines[-2:] == ['Bez --start terminy są drukowane bez dat, tak jak je zapisano ("week 2", '
                          'po polsku', '"tydzień 2").']


def test_sla_fill_help_in_polish(polish: None) -> None:
    lines = help_of("sla", "fill")
    assert lines[0] == ("użycie: playbook sla fill [-h] --values FILE [--format {md,html,pdf,docx}] "
                        "[--lang {pl,en}]")
    assert lines[4:6] == ["argumenty:",
                          "  id                    id szablonu SLA (zobacz: 'playbook sla list')"]
    assert lines[7:10] == ["opcje:", "  -h, --help            pokaż tę pomoc i zakończ",
                           "  --values FILE         plik wartości (YAML)"]
    assert ("  --out FILE            gdzie zapisać umowę (md i html: domyślnie wypisz ją na ekran)"
            in lines)


def _texts(parser: argparse.ArgumentParser, name: str) -> Iterator[tuple[str, str]]:
    """Every text of ours in ``parser``'s help and its commands': description, epilog, each
    argument's and command's help, by where it is."""
    for what in ("description", "epilog"):
        if getattr(parser, what):
            yield f"{name} {what}", getattr(parser, what)
    for action in parser._actions:
        where = f"{name} {(action.option_strings or [action.dest])[-1]}"
        if action.help:
            yield where, action.help
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                yield f"{name} {choice.dest} (in the list)", str(choice.help)
            for sub_name, sub in action.choices.items():
                yield from _texts(sub, f"{name} {sub_name}")


def test_no_help_text_is_left_in_english(polish: None) -> None:
    """A help text written without tr() would be English in Polish help; so would argparse's
    words for a command whose parser formats its help without the tool's formatter."""
    polish_texts = dict(_texts(make_parser(), "playbook"))
    set_language("en")
    english_texts = dict(_texts(make_parser(), "playbook"))
    assert polish_texts.keys() == english_texts.keys()
    assert [where for where, text in polish_texts.items() if text == english_texts[where]] == []
    set_language("pl")
    parsers = [make_parser()]
    for parser in parsers:
        help_text = parser.format_help()
        assert help_text.startswith(f"użycie: {parser.prog} "), help_text
        for english in ("usage:", "positional arguments:", "options:", "show this help"):
            assert english not in help_text, help_text
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                parsers.extend(action.choices.values())
    assert len(parsers) == 14


def test_english_help_is_as_it_was() -> None:
    lines = help_of()
    assert lines[:3] == ["usage: playbook [-h] [--project DIR] COMMAND ...", "",
                         "Sales & marketing playbooks from YAML: site, printable checklists, SLAs."]
    assert lines[4:7] == ["positional arguments:", "  COMMAND",
                          "    check        validate every YAML file and report all problems"]
    assert lines[-3:] == ["options:", "  -h, --help     show this help message and exit",
                          "  --project DIR  the project folder (holding mkdocs.yml)"]
    lines = help_of("checklist", "pdf")
    assert lines[:3] == [
        "usage: playbook checklist pdf [-h] [--role ROLE] [--lang {pl,en}] [--name NAME] [--manager NAME]",
        "                              [--start DATE] [--out FILE] [--project DIR]",
        "                              [ID]",
    ]
    assert lines[7:12] == ["positional arguments:",
                           "  ID              the checklist's id (see: playbook checklist list)", "",
                           "options:", "  -h, --help      show this help message and exit"]
    assert lines[-1] == 'Without --start, the offsets are printed as they are ("week 2").'
    lines = help_of("sla", "fill")
    assert lines[0] == ("usage: playbook sla fill [-h] --values FILE [--format {md,html,pdf,docx}] "
                        "[--lang {pl,en}]")
    assert "  --out FILE            where to write it (md and html: default print it)" in lines


def test_a_polish_locale_gives_polish_help() -> None:
    """The language is read from the environment before the parser is built."""
    env = {**os.environ, "LANG": "pl_PL.UTF-8", "COLUMNS": "100"}
    env.pop("PLAYBOOK_LANG", None)
    done = subprocess.run([sys.executable, "-m", "generator.cli", "sla", "--help"],
                          capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[:3] == ["użycie: playbook sla [-h] [--project DIR] ACTION ...", "",
                                            "argumenty:"]
    assert "    list         wypisz szablony SLA" in done.stdout.splitlines()


def test_a_mistyped_command_line_is_still_said_in_polish(polish: None,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """argparse's error messages are not translated (cli._plain_usage reads their English), and
    the -h the tool adds itself is not among the options listed."""
    assert main(["check", "--strct"]) == USAGE
    assert capsys.readouterr().err == (
        "playbook check: '--strct' nie jest opcją tego polecenia; opcje to: --strict, --translations, "
        "--format, --project. Czy chodziło o '--strict'?\n")
    assert main(["sla", "fill"]) == USAGE
    assert capsys.readouterr().err == (
        "playbook sla fill: brakuje id i --values; 'playbook sla fill --help' podpowie, co napisać.\n")
