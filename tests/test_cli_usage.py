"""A mistyped command line: said in the tool's words (not argparse's English and usage line),
as JSON too when the command was asked for JSON, with exit status 2 (README: "2 a mistyped
command line")."""

from __future__ import annotations

import json

import pytest

from generator.cli import USAGE, main


@pytest.mark.parametrize(("argv", "expected"), [
    (["check", "--strct"],
     "playbook check: '--strct' is not an option of this command; the options are --strict, "
     "--translations, --format, --project. Did you mean '--strict'?"),
    (["chek"],
     "playbook: 'chek' is not a command; the commands are check, build, serve, render, schema, "
     "new, checklist, sla. Did you mean 'check'?"),
    ([], "playbook: name a command: check, build, serve, render, schema, new, checklist, sla; "
         "'playbook --help' says what to write."),
    (["checklist", "pdf", "--start"],
     "playbook checklist pdf: --start: a value is missing after it (write --start DATE)."),
    (["check", "--format"],
     "playbook check: --format: a value is missing after it, one of text, json."),
    (["checklist", "pdf", "new-rep", "--lang", "de"],
     "playbook checklist pdf: --lang: 'de' is not one of pl, en."),
    (["sla", "fill"],
     "playbook sla fill: id and --values are missing; 'playbook sla fill --help' says what to "
     "write."),
    (["checklist", "pdf", "new-rep", "Anna", "Nowak"],
     "playbook checklist pdf: 'Anna' is one value more than the command takes; 'playbook "
     "checklist pdf --help' says what to write (a value with spaces goes in quotes)."),
    (["serve", "--port", "abc"],
     "playbook serve: --port: expected a whole number, like --port 8001, but this is 'abc'."),
], ids=["unknown-option", "unknown-command", "no-command", "no-value", "no-choice",
        "wrong-choice", "required", "extra-value", "not-a-number"])
def test_a_mistyped_command_line_is_said_plainly(argv: list[str], expected: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == USAGE == 2
    out, err = capsys.readouterr()
    assert (out, err) == ("", expected + "\n")


@pytest.mark.parametrize("argv", [
    ["check", "--format", "json", "--bogus"],
    ["check", "--format=json", "--strict", "extra"],
    ["check", "--bogus", "--format", "json"],
])
def test_check_format_json_gives_json_for_a_mistyped_command_line_too(
        argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """A CI step parsing stdout got nothing but argparse's English on stderr."""
    assert main(argv) == 2
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert report["ok"] is False
    [problem] = report["problems"]
    assert (problem["file"], problem["line"], problem["severity"]) == ("", 0, "error")
    assert problem["message"] == err.strip()
    assert problem["message"].startswith("playbook check: ")
