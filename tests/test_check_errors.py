"""``playbook check``: one test per kind of mistake, with its exact message and location."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from generator.cli import main
from tests.projects import GOAL, TEAM, make_project


def run_check(root: Path, *extra: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--project", str(root), "check", *extra])
    return code, out.getvalue(), err.getvalue()


def goal(**changes: str) -> str:
    text = GOAL.format(id="g2", team="marketing")
    for old, new in changes.items():
        old = old.replace("__", " ")
        assert old in text, old
        text = text.replace(old, new)
    return text


CASES: dict[str, tuple[str, list[str]]] = {
    "number expected": (
        goal(**{"target: 400": "target: lots"}),
        ["playbooks/goals/g2.yaml:10:9: target: expected a number, but this is text ('lots'). "
         "Write digits only, like 12 or 0.25."],
    ),
    "required field": (
        goal(**{"metric: Leads.\n": ""}),
        ["playbooks/goals/g2.yaml:1:1: metric: this field is required."],
    ),
    "unknown field with suggestion": (
        goal(**{"unit: MQL": "unit: MQL\nperiodd: month"}),
        ["playbooks/goals/g2.yaml:12:1: periodd: unknown field 'periodd'. Did you mean 'period'?"],
    ),
    "misspelt required field is one error, not also a missing one": (
        goal(**{"period: quarter": "periodd: quarter"}),
        ["playbooks/goals/g2.yaml:12:1: periodd: unknown field 'periodd'. Did you mean 'period'?"],
    ),
    "misspelt required field in a group of fields is one error": (
        TEAM.format(id="t3").replace("  scope: broad", "  scpoe: broad"),
        ["playbooks/goals/g2.yaml:15:3: horizon.scpoe: unknown field 'scpoe'. Did you mean "
         "'scope'?"],
    ),
    "unknown field without suggestion": (
        goal(**{"unit: MQL": "unit: MQL\nbudget: 5"}),
        ["playbooks/goals/g2.yaml:12:1: budget: unknown field 'budget'. The fields allowed here "
         "are: currency, goal_type, id, keywords, kind, metric, owner, period, review_by, statement, "
         "summary, tags, target, team, title, unit."],
    ),
    "dangling reference": (
        goal(**{"team: marketing": "team: markting"}),
        ["playbooks/goals/g2.yaml:7:7: team: there is no team with the id 'markting'. "
         "Did you mean 'marketing'?"],
    ),
    "dangling reference lists the choices": (
        goal(**{"team: marketing": "team: finance"}),
        ["playbooks/goals/g2.yaml:7:7: team: there is no team with the id 'finance'. "
         "The team ids are: marketing, sales."],
    ),
    "reference to the wrong kind": (
        goal(**{"team: marketing": "team: leads"}),
        ["playbooks/goals/g2.yaml:7:7: team: 'leads' is a goal (playbooks/goals/leads.yaml), "
         "but a team is expected here."],
    ),
    "unsafe id": (
        goal(**{"id: g2": "id: ../../x"}),
        ["playbooks/goals/g2.yaml:2:5: id: '../../x' is not a valid id: use 1 to 64 lowercase "
         "letters a-z, digits and single hyphens, starting and ending with a letter or digit, "
         "like 'lead-handoff'."],
    ),
    "reserved id": (
        goal(**{"id: g2": "id: con"}),
        ["playbooks/goals/g2.yaml:2:5: id: 'con' cannot be used as an id: it is a reserved file "
         "name on Windows."],
    ),
    "choice with suggestion": (
        goal(**{"period: quarter": "period: quartr"}),
        ["playbooks/goals/g2.yaml:12:9: period: 'quartr' is not allowed here: choose one of "
         "month, quarter, year. Did you mean 'quarter'?"],
    ),
    "YAML 1.1 boolean stays text and is refused as a number": (
        goal(**{"target: 400": "target: off"}),
        ["playbooks/goals/g2.yaml:10:9: target: expected a number, but this is text ('off'). "
         "Write digits only, like 12 or 0.25."],
    ),
    "boolean where text is expected": (
        goal(**{"summary: Summary.": "summary: true"}),
        ["playbooks/goals/g2.yaml:4:10: summary: expected text, but this is true/false (true). "
         "Put it in quotes if you mean it as text."],
    ),
    "number where text is expected": (
        goal(**{"owner: Anna": "owner: 12"}),
        ["playbooks/goals/g2.yaml:5:8: owner: expected text, but this is a number (12). "
         "Put it in quotes if you mean it as text."],
    ),
    "not a date": (
        goal(**{"review_by: 2027-06-30": "review_by: 2027-13-01"}),
        ["playbooks/goals/g2.yaml:6:12: review_by: '2027-13-01' is not a real date: check the month "
         "and the day."],
    ),
    "unknown kind": (
        goal(**{"kind: goal": "kind: gaol"}),
        ["playbooks/goals/g2.yaml:1:7: kind: 'gaol' is not a kind: choose one of team, process, "
         "goal, strategy, checklist, sla, playbook, term. Did you mean 'goal'?"],
    ),
    "duplicate key names both lines": (
        goal() + "team: sales\n",
        ["playbooks/goals/g2.yaml:14:1: YAML: the key 'team' appears twice, on line 7 and line "
         "14: keep only one."],
    ),
    "unknown language": (
        goal(**{"statement: Reach it.": "statement: {pl: Cel, de: Ziel}"}),
        ["playbooks/goals/g2.yaml:8:22: statement.de: unknown field 'de'. The fields allowed "
         "here are: en, pl."],
    ),
    "empty text": (
        goal(**{"summary: Summary.": "summary: '   '"}),
        ["playbooks/goals/g2.yaml:4:10: summary: must not be empty or only spaces."],
    ),
    "only invisible characters": (
        goal(**{"summary: Summary.": 'summary: "\\u200b\\ufeff "'}),
        ["playbooks/goals/g2.yaml:4:10: summary: must not be empty, but it holds only invisible "
         "characters (like a zero-width space): write the text."],
    ),
    "empty list": (
        TEAM.format(id="t3").replace(
            "responsibilities:\n  - {pl: Coś., en: Something.}\n", "responsibilities: []\n"
        ),
        ["playbooks/goals/g2.yaml:9:1: responsibilities: needs at least 1 item."],
    ),
    "YAML syntax error": (
        goal(**{"owner: Anna": "owner: Anna: Nowak"}),
        ["playbooks/goals/g2.yaml:5:12: YAML syntax: a ':' is not allowed here: put text with "
         "': ' in quotes, or check the indentation."],
    ),
    "English text without its key, said at its own line, not the next one": (
        goal(**{"owner: Anna": "owner:\n  pl: Kierownik\n  Head of Marketing"}),
        ["playbooks/goals/g2.yaml:7:3: YAML syntax: this line has no key: if it is the English "
         "text, write 'en: ' before it."],
    ),
    "Polish text without its key, after the English one": (
        goal(**{"metric: Leads.": "metric:\n  en: Leads.\n\n  # the Polish\n  Leady."}),
        ["playbooks/goals/g2.yaml:13:3: YAML syntax: this line has no key: if it is the Polish "
         "text, write 'pl: ' before it."],
    ),
    "a line of text without a key among the keys": (
        goal(**{"owner: Anna": "owner: Anna\nKowalska"}),
        ["playbooks/goals/g2.yaml:6:1: YAML syntax: this line has no key: write the key and ':' "
         "before the text, like 'title: text'; if it goes on from the text above, indent it "
         "further than that text's key."],
    ),
    "tab indentation": (
        goal(**{"unit: MQL": "unit:\n\tMQL"}),
        ["playbooks/goals/g2.yaml:12:1: YAML syntax: a tab is used here: YAML needs spaces for "
         "indentation."],
    ),
    "empty file": (
        "",
        ["playbooks/goals/g2.yaml:1:1: the file is empty: it needs at least 'kind:' (team, "
         "process, goal, strategy, checklist, sla, playbook, term) and 'id:'."],
    ),
    # How people write numbers and dates by hand: the message says the plain way to write it.
    "number with spaces between the thousands": (
        goal(**{"target: 400": "target: 1 200 000"}),
        ["playbooks/goals/g2.yaml:10:9: target: expected a number, but this is text ('1 200 000'): "
         "write 1200000 (without spaces)."],
    ),
    "number with a decimal comma": (
        goal(**{"target: 400": "target: 2,5"}),
        ["playbooks/goals/g2.yaml:10:9: target: expected a number, but this is text ('2,5'): "
         "write 2.5 (with a dot instead of a comma before the decimals)."],
    ),
    "number with a percent sign": (
        goal(**{"target: 400": "target: 20 %"}),
        ["playbooks/goals/g2.yaml:10:9: target: expected a number, but this is text ('20 %'): "
         "write 20 (without '%')."],
    ),
    "number with its unit": (
        goal(**{"target: 400": "target: 1.200.000 zł"}),
        ["playbooks/goals/g2.yaml:10:9: target: expected a number, but this is text ('1.200.000 "
         "zł'): write 1200000 (without dots between the thousands and without 'zł')."],
    ),
    "number that could be read two ways is not guessed": (
        goal(**{"target: 400": "target: 1,200"}),
        ["playbooks/goals/g2.yaml:10:9: target: expected a number, but this is text ('1,200'). "
         "Write digits only, like 12 or 0.25."],
    ),
    "a word that multiplies the number is not dropped": (
        goal(**{"target: 400": "target: 2,5 mln"}),
        ["playbooks/goals/g2.yaml:10:9: target: expected a number, but this is text ('2,5 mln'). "
         "Write digits only, like 12 or 0.25."],
    ),
    "number in typographic quotes is not told to take straight ones": (
        goal(**{"target: 400": "target: „1 200”"}),
        ["playbooks/goals/g2.yaml:10:9: target: expected a number, but this is text in typographic "
         "quotes („ ”): remove the quotes (write 1200; a number needs none)."],
    ),
    "date with the day first": (
        goal(**{"review_by: 2027-06-30": "review_by: 01.02.2027"}),
        ["playbooks/goals/g2.yaml:6:12: review_by: expected a date written as YYYY-MM-DD, like "
         "2027-06-30, but this is text ('01.02.2027'). Write 2027-02-01 (1 February 2027)."],
    ),
    "date without its zeros": (
        goal(**{"review_by: 2027-06-30": "review_by: 2027-2-1"}),
        ["playbooks/goals/g2.yaml:6:12: review_by: expected a date written as YYYY-MM-DD, like "
         "2027-06-30, but this is text ('2027-2-1'). Write 2027-02-01 (1 February 2027)."],
    ),
    "date in words": (
        goal(**{"review_by: 2027-06-30": "review_by: 30 czerwca 2027"}),
        ["playbooks/goals/g2.yaml:6:12: review_by: expected a date written as YYYY-MM-DD, like "
         "2027-06-30, but this is text ('30 czerwca 2027'). Write 2027-06-30 (30 June 2027)."],
    ),
    "day-first date that does not exist is not turned into one": (
        goal(**{"review_by: 2027-06-30": "review_by: 31.02.2027"}),
        ["playbooks/goals/g2.yaml:6:12: review_by: expected a date written as YYYY-MM-DD, like "
         "2027-06-30, but this is text ('31.02.2027')."],
    ),
    "id with Polish letters and spaces": (
        goal(**{"id: g2": "id: Cel sprzedaży"}),
        ["playbooks/goals/g2.yaml:2:5: id: 'Cel sprzedaży' is not a valid id: use 1 to 64 "
         "lowercase letters a-z, digits and single hyphens, starting and ending with a letter or "
         "digit; write it as 'cel-sprzedazy'."],
    ),
    "reference by the team's title": (
        goal(**{"team: marketing": "team: Zespół sales"}),
        ["playbooks/goals/g2.yaml:7:7: team: 'Zespół sales' is the title of the team 'sales': "
         "refer to it by its id (write 'sales')."],
    ),
    "reference by the team's English title": (
        goal(**{"team: marketing": "team: team SALES"}),
        ["playbooks/goals/g2.yaml:7:7: team: 'team SALES' is the title of the team 'sales': "
         "refer to it by its id (write 'sales')."],
    ),
    "reference in capitals": (
        goal(**{"team: marketing": "team: Marketing"}),
        ["playbooks/goals/g2.yaml:7:7: team: an id is written in lowercase letters: write "
         "'marketing'."],
    ),
    "reference by a name that is no title": (
        goal(**{"team: marketing": "team: Dział handlowy"}),
        ["playbooks/goals/g2.yaml:7:7: team: 'Dział handlowy' is not the id of any team: refer to "
         "a team by its id (its 'id:' line), which has only lowercase letters a-z, digits and "
         "hyphens. The team ids are: marketing, sales."],
    ),
    "a language's line at the left edge": (
        goal(**{"statement: Reach it.": "statement:\n  pl: Cel.\nen: Reach it."}),
        ["playbooks/goals/g2.yaml:10:1: en: 'en:' gives a text in one language, but here it is a "
         "field of its own: indent it under the field it belongs to, like the line of the other "
         "language above it (with the same spaces at the start)."],
    ),
    "a text without its language in a group of languages": (
        goal(**{"statement: Reach it.": "statement: {pl: Cel., Reach it}"}),
        ["playbooks/goals/g2.yaml:8:23: statement.'Reach it': the text 'Reach it' has no language "
         "before it: write 'pl: ' or 'en: ' before it."],
    ),
    "a list instead of fields": (
        "- kind: goal\n",
        ["playbooks/goals/g2.yaml:1:1: the file must be a group of fields ('kind: ...', "
         "'id: ...'), but it is a list."],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_error_is_reported_where_it_is(tmp_path: Path, name: str) -> None:
    text, expected = CASES[name]
    root = make_project(tmp_path / "p", {"playbooks/goals/g2.yaml": text})
    code, out, err = run_check(root)
    lines = err.strip().splitlines()
    assert code == 1
    assert "Traceback" not in err
    assert lines[:-1] == expected
    n = len(expected)
    assert lines[-1] == f"Found {n} error{'s' if n > 1 else ''} in 1 file."
    assert out == ""


def test_every_error_in_every_file_in_one_run(tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "p",
        {
            "playbooks/goals/a.yaml": goal(**{"id: g2": "id: a", "target: 400": "target: x"}),
            "playbooks/goals/b.yaml": goal(**{"id: g2": "id: b", "team: marketing": "team: nope"}),
            "playbooks/goals/c.yaml": "kind: goal\nid: [\n",
        },
    )
    code, _out, err = run_check(root)
    lines = err.strip().splitlines()
    assert code == 1
    assert [line.split(":")[0] for line in lines[:-1]] == [
        "playbooks/goals/a.yaml",
        "playbooks/goals/b.yaml",
        "playbooks/goals/c.yaml",
    ]
    assert lines[-1] == "Found 3 errors in 3 files."


def test_valid_project_passes(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    code, out, err = run_check(root)
    assert (code, err) == (0, "")
    assert out == "OK: 3 definitions in 3 files.\n"


def test_overdue_review_is_a_warning_and_strict_makes_it_an_error(tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "p", {"playbooks/goals/g2.yaml": goal(**{"2027-06-30": "2026-01-31"})}
    )
    code, out, err = run_check(root)
    message = (
        "playbooks/goals/g2.yaml:6:12: review_by: warning: the review date 2026-01-31 has passed: "
        "Anna should re-read this goal and set a new date."
    )
    assert code == 0
    assert err.splitlines() == [message]
    assert out == "OK: 4 definitions in 4 files, 1 warning.\n"
    code, _out, err = run_check(root, "--strict")
    assert code == 1
    assert err.splitlines()[-2:] == [
        "It is a warning, which counts as an error here: --strict, or strict: true in mkdocs.yml.",
        "Found 1 error in 1 file.",
    ]
    assert "warning:" not in err
    config = root / "mkdocs.yml"
    config.write_text("strict: true\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    assert run_check(root)[:2] == (code, _out), "check says what the build will: strict there too"


def test_missing_translation_is_listed_with_translations_flag(tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "p",
        {"playbooks/goals/g2.yaml": goal(**{"statement: Reach it.": "statement: {pl: Osiągnij.}"})},
    )
    code, _out, err = run_check(root, "--translations")
    assert code == 1
    assert err.splitlines()[0] == (
        "playbooks/goals/g2.yaml:8:12: statement: missing translation: en (write it after 'en:')."
    )


def test_example_project_checks_clean() -> None:
    root = Path(__file__).resolve().parent.parent
    code, out, err = run_check(root, "--strict")
    assert (code, err) == (0, "")
    assert out.startswith("OK: ")


FLOW = """\
kind: process
id: flow
title: Flow
summary: A flow.
owner: Anna
review_by: 2027-06-30
team: marketing
trigger: A lead arrives.
steps:
  - id: qualify
    title: Qualify
    owner: marketing
  - id: accept
    title: Accept
    owner: sales
handoffs:
  - from: qualify
    to: accept
    what: The lead.
"""


def test_hand_off_to_a_missing_step_points_at_the_hand_off(tmp_path: Path) -> None:
    process = FLOW.replace("    to: accept\n", "    to: acept\n")
    root = make_project(tmp_path / "p", {"playbooks/processes/flow.yaml": process})
    code, _out, err = run_check(root)
    assert code == 1
    assert err.splitlines()[0] == (
        "playbooks/processes/flow.yaml:18:9: handoffs[0].to: this process has no step 'acept'. "
        "Did you mean 'accept'? Its steps are: accept, qualify."
    )


def check_lines(root: Path) -> list[str]:
    code, out, err = run_check(root)
    assert code == 1 and out == "" and "Traceback" not in err
    return err.splitlines()


def term(ident: str, see_also: str) -> str:
    return (
        f"kind: term\nid: {ident}\ntitle: {ident.upper()}\nsummary: A word.\nowner: Anna\n"
        f"review_by: 2027-06-30\nsee_also: {see_also}\n"
    )


def test_a_file_that_does_not_validate_is_not_reported_again_where_it_is_used(tmp_path: Path) -> None:
    """One mistake in the team file: one error, not one more per goal that names the team."""
    root = make_project(
        tmp_path / "p",
        {
            "playbooks/teams/marketing.yaml": TEAM.format(id="marketing") + "colour: red\n",
            "playbooks/goals/g2.yaml": goal(),
        },
    )
    assert check_lines(root) == [
        "playbooks/teams/marketing.yaml:18:1: colour: unknown field 'colour'. The fields "
        "allowed here are: approach, horizon, id, keywords, kind, mission, owner, prospects, "
        "responsibilities, review_by, summary, tags, title.",
        "Found 1 error in 1 file.",
    ]


def test_a_file_with_a_yaml_syntax_error_is_not_reported_again_where_it_is_used(tmp_path: Path) -> None:
    broken = TEAM.format(id="marketing").replace("mission: {pl: Misja., en: Mission.}", "mission: [Misja.")
    root = make_project(tmp_path / "p", {"playbooks/teams/marketing.yaml": broken})
    assert check_lines(root) == [
        "playbooks/teams/marketing.yaml:7:10: YAML syntax: this '[' list is not closed with ']': YAML "
        "was still reading it at line 8, column 9.",
        "Found 1 error in 1 file.",
    ]


def test_a_broken_id_line_is_one_error_the_file_name_standing_for_the_id(tmp_path: Path) -> None:
    """Without a readable ``id:`` line the file's name stands for its id: references to it wait
    (they were one more error each, "may be the id in ..."); the check fails on the file anyway."""
    broken = TEAM.format(id="marketing").replace("id: marketing", "id: [marketing")
    root = make_project(tmp_path / "p", {"playbooks/teams/marketing.yaml": broken})
    assert check_lines(root) == [
        "playbooks/teams/marketing.yaml:2:5: YAML syntax: this '[' list is not closed with ']': YAML "
        "was still reading it at line 3, column 6.",
        "Found 1 error in 1 file.",
    ]


@pytest.mark.parametrize(("text", "error"), [
    ("", "1:1: the file is empty: it needs at least 'kind:'"),
    ("kind: team\n", "1:1: id: this field is required."),
    ("- kind: team\n", "1:1: the file must be a group of fields"),
    ("kind: team\nid: Marketing\n", "2:5: id: 'Marketing' is not a valid id"),
])
def test_a_file_emptied_or_without_its_id_is_one_error_not_one_per_reference(
    tmp_path: Path, text: str, error: str
) -> None:
    """Saving a team's file empty (an editor mid-save under ``playbook serve``) used to give
    "there is no team with the id 'marketing'" in every file naming the team as well."""
    root = make_project(tmp_path / "p", {"playbooks/teams/marketing.yaml": text})
    lines = check_lines(root)
    assert [line for line in lines if "there is no" in line] == []
    assert any(line.startswith(f"playbooks/teams/marketing.yaml:{error}") for line in lines), lines
    assert all(line.startswith("playbooks/teams/marketing.yaml:") for line in lines[:-1]), lines
    assert lines[-1].endswith("in 1 file.")


def test_a_broken_file_of_another_kind_is_still_the_wrong_kind(tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "p",
        {
            "playbooks/goals/ops.yaml": goal(**{"id: g2": "id: ops", "period: quarter": "period: weekly"}),
            "playbooks/goals/g2.yaml": goal(**{"team: marketing": "team: ops"}),
        },
    )
    assert check_lines(root) == [
        "playbooks/goals/g2.yaml:7:7: team: 'ops' is a goal (playbooks/goals/ops.yaml), but a team "
        "is expected here.",
        "playbooks/goals/ops.yaml:12:9: period: 'weekly' is not allowed here: choose one of month, "
        "quarter, year.",
        "Found 2 errors in 2 files.",
    ]


def test_a_duplicate_id_is_reported_on_every_file_and_its_references_are_left_alone(tmp_path: Path) -> None:
    """A goal copied with a team's id: both files are told, the goals naming the team are not."""
    root = make_project(
        tmp_path / "p",
        {
            "playbooks/goals/g2.yaml": goal(**{"team: marketing": "team: sales"}),
            "playbooks/goals/g4.yaml": goal(**{"id: g2": "id: sales"}),
            "playbooks/teams/zz-sales-again.yaml": TEAM.format(id="sales"),
        },
    )
    assert check_lines(root) == [
        "playbooks/goals/g4.yaml:2:5: id: the id 'sales' is also used by "
        "playbooks/teams/sales.yaml (line 2) and playbooks/teams/zz-sales-again.yaml (line 2): "
        "ids must be unique across the project.",
        "playbooks/teams/sales.yaml:2:5: id: the id 'sales' is also used by "
        "playbooks/goals/g4.yaml (line 2) and playbooks/teams/zz-sales-again.yaml (line 2): ids "
        "must be unique across the project.",
        "playbooks/teams/zz-sales-again.yaml:2:5: id: the id 'sales' is also used by "
        "playbooks/goals/g4.yaml (line 2) and playbooks/teams/sales.yaml (line 2): ids must be "
        "unique across the project.",
        "Found 3 errors in 3 files.",
    ]


def test_a_copied_file_is_a_duplicate_even_with_a_mistake_of_its_own(tmp_path: Path) -> None:
    copy = GOAL.format(id="leads", team="marketing") + "colour: red\n"
    root = make_project(tmp_path / "p", {"playbooks/goals/leads-copy.yaml": copy})
    assert check_lines(root) == [
        "playbooks/goals/leads-copy.yaml:2:5: id: the id 'leads' is also used by "
        "playbooks/goals/leads.yaml (line 2): ids must be unique across the project.",
        "playbooks/goals/leads-copy.yaml:14:1: colour: unknown field 'colour'. The fields allowed "
        "here are: currency, goal_type, id, keywords, kind, metric, owner, period, review_by, statement, "
        "summary, tags, target, team, title, unit.",
        "playbooks/goals/leads.yaml:2:5: id: the id 'leads' is also used by "
        "playbooks/goals/leads-copy.yaml (line 2): ids must be unique across the project.",
        "Found 3 errors in 2 files.",
    ]


def test_a_reference_listed_twice_is_an_error_at_the_second(tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "p",
        {
            "playbooks/glossary/mql.yaml": term("mql", "[sql, sql, lead]"),
            "playbooks/glossary/sql.yaml": term("sql", "[]"),
            "playbooks/glossary/lead.yaml": term("lead", "[]"),
        },
    )
    assert check_lines(root) == [
        "playbooks/glossary/mql.yaml:7:17: see_also[1]: 'sql' is listed more than once: list it once.",
        "Found 1 error in 1 file.",
    ]



def test_a_reference_listed_three_times_is_never_said_to_be_listed_twice(tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "p",
        {
            "playbooks/glossary/mql.yaml": term("mql", "[sql, sql, sql]"),
            "playbooks/glossary/sql.yaml": term("sql", "[]"),
        },
    )
    assert check_lines(root) == [
        "playbooks/glossary/mql.yaml:7:17: see_also[1]: 'sql' is listed more than once: list it once.",
        "playbooks/glossary/mql.yaml:7:22: see_also[2]: 'sql' is listed more than once: list it once.",
        "Found 2 errors in 1 file.",
    ]


def test_a_missing_id_is_never_said_to_be_the_referring_definition(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"playbooks/glossary/mql.yaml": term("mql", "[mqls]")})
    assert check_lines(root) == [
        "playbooks/glossary/mql.yaml:7:12: see_also[0]: there is no term with the id 'mqls'.",
        "Found 1 error in 1 file.",
    ]




@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("    to: accept", "    to: qualify"),
            "handoffs[0].to: this hand-off goes from the step 'qualify' to itself: a hand-off "
            "passes work from a step of one team to a step of another team.",
        ),
        (
            ("    owner: sales", "    owner: marketing"),
            "handoffs[0].to: the steps 'qualify' and 'accept' are both done by the team "
            "'marketing': a hand-off passes work between steps of different teams; remove this "
            "hand-off or correct a step's owner.",
        ),
    ],
    ids=["to itself", "within one team"],
)
def test_a_hand_off_goes_between_teams(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    assert change[0] in FLOW
    root = make_project(tmp_path / "p", {"playbooks/processes/flow.yaml": FLOW.replace(*change)})
    assert check_lines(root) == [
        f"playbooks/processes/flow.yaml:18:9: {message}",
        "Found 1 error in 1 file.",
    ]


def test_the_valid_hand_off_passes(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"playbooks/processes/flow.yaml": FLOW})
    assert run_check(root)[0] == 0


@pytest.mark.parametrize("target", ["-5", "0"])
def test_a_goal_target_is_greater_than_zero(tmp_path: Path, target: str) -> None:
    root = make_project(tmp_path / "p", {"playbooks/goals/g2.yaml": goal(**{"target: 400": f"target: {target}"})})
    assert check_lines(root) == [
        f"playbooks/goals/g2.yaml:10:9: target: must be more than 0, but this is a number ({target}).",
        "Found 1 error in 1 file.",
    ]


def test_a_broken_file_named_otherwise_leaves_the_reference_error_as_it_was(tmp_path: Path) -> None:
    broken = TEAM.format(id="marketing").replace("id: marketing", "id: [marketing")
    root = make_project(tmp_path / "p", {"playbooks/teams/mkt.yaml": broken})
    (root / "playbooks/teams/marketing.yaml").unlink()
    assert check_lines(root) == [
        "playbooks/goals/leads.yaml:7:7: team: there is no team with the id 'marketing'. "
        "The team ids are: sales.",
        "playbooks/teams/mkt.yaml:2:5: YAML syntax: this '[' list is not closed with ']': YAML "
        "was still reading it at line 3, column 6.",
        "Found 2 errors in 2 files.",
    ]


def test_a_value_cut_short_at_a_hash_is_a_warning_and_a_comment_is_not(tmp_path: Path) -> None:
    """`summary: Lead #1 priority` is the text 'Lead' to YAML ('#1 priority' a comment): read
    without a word, the site said 'Lead'. A comment written '# like this' stays a comment."""
    text = (GOAL.format(id="g2", team="marketing")
            .replace("summary: Summary.", "summary: Lead #1 priority")
            .replace("owner: Anna", "owner: Anna # she signs it off")
            .replace("metric: Leads.", "metric: Leads.  #per quarter"))
    root = make_project(tmp_path / "p", {"playbooks/goals/g2.yaml": text})
    code, out, err = run_check(root)
    assert code == 0 and out == "OK: 4 definitions in 4 files, 2 warnings.\n"
    assert err.splitlines() == [
        "playbooks/goals/g2.yaml:4:15: summary: warning: the value ends before '#1 priority': YAML "
        "reads ' #' and what follows as a comment, so the value is 'Lead'. If '#1 priority' belongs "
        "to it, put the whole text in quotes (\"...\").",
        "playbooks/goals/g2.yaml:9:17: metric: warning: the value ends before '#per quarter': YAML "
        "reads ' #' and what follows as a comment, so the value is 'Leads.'. If '#per quarter' "
        "belongs to it, put the whole text in quotes (\"...\").",
    ]
    quoted = text.replace("summary: Lead #1 priority", 'summary: "Lead #1 priority"').replace(
        "metric: Leads.  #per quarter", "metric: Leads. # per quarter")
    (root / "playbooks" / "goals" / "g2.yaml").write_text(quoted, encoding="utf-8")
    assert run_check(root) == (0, "OK: 4 definitions in 4 files.\n", "")


def test_a_number_with_a_dot_between_thousands_is_a_warning(tmp_path: Path) -> None:
    """``target: 1.200`` is a number, 1.2, but the Polish way of writing one thousand two hundred:
    check says what it read (a warning: 1.2 may be meant); a plain decimal or a quoted text is
    not warned about."""
    root = make_project(tmp_path / "p", {
        "playbooks/goals/g2.yaml": goal(**{"target: 400": "target: 1.200"}),
        "playbooks/goals/g3.yaml": GOAL.format(id="g3", team="sales").replace(
            "target: 400", "target: 1.25").replace("owner: Anna", "owner: '1.200'"),
    })
    code, out, err = run_check(root)
    assert code == 0, err
    assert err.splitlines() == [
        "playbooks/goals/g2.yaml:10:9: target: warning: 1.200 is read as 1.2, with a dot before the "
        "decimals. If you mean 1200, write it without the dot; if you mean 1.2, write 1.2.",
    ]
    assert out == "OK: 5 definitions in 5 files, 1 warning.\n"


def test_a_decimal_with_three_places_is_told_how_to_stay_a_decimal(tmp_path: Path) -> None:
    """``target: 1.255`` may be one thousand two hundred and fifty-five or a decimal: the warning
    says how to write either so that it goes away (1.2550 has a fourth decimal, so no thousands)."""
    root = make_project(tmp_path / "p", {"playbooks/goals/g2.yaml": goal(**{"target: 400": "target: 1.255"})})
    code, _out, err = run_check(root)
    assert code == 0, err
    assert err.splitlines() == [
        "playbooks/goals/g2.yaml:10:9: target: warning: 1.255 is read as 1.255, with a dot before the "
        "decimals. If you mean 1255, write it without the dot; if you mean 1.255, write 1.2550.",
    ]
    root = make_project(tmp_path / "q", {"playbooks/goals/g2.yaml": goal(**{"target: 400": "target: 1.2550"})})
    assert run_check(root) == (0, "OK: 4 definitions in 4 files.\n", "")


def test_check_compiles_the_projects_templates_as_the_build_would(tmp_path: Path) -> None:
    """A syntax error in a project's template passed `check` and stopped `build` halfway; a
    template with a mistyped name (gaol.md.j2) was never used, without a word. A template of the
    project's own that an override includes is used, so it is not warned about."""
    root = make_project(tmp_path / "p", {
        "templates/goal.md.j2": '{% include "_head.md.j2" %}\n{{ d.title \n',
        "templates/gaol.md.j2": "x\n",
        "templates/team.md.j2": '{% include "_mine.md.j2" %}\n',
        "templates/_mine.md.j2": "mine\n",
    })
    code, out, err = run_check(root)
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "templates/goal.md.j2:2:1: the template has a syntax error: unexpected end of template, "
        "expected 'end of print statement'.",
        "Found 1 error in 1 file.",
    ]
    (root / "templates" / "goal.md.j2").unlink()
    code, out, err = run_check(root)
    assert (code, out) == (0, "OK: 3 definitions in 3 files, 1 warning.\n")
    assert err.startswith("templates/gaol.md.j2:1:1: warning: no page uses this template: ")
    assert err.rstrip().endswith("Did you mean 'goal.md.j2'?") and "_mine" not in err


def test_a_page_named_like_a_translation_the_site_does_not_have_is_a_warning(tmp_path: Path) -> None:
    """`about.de.md` and `about.EN.md` were published as pages 'about.de' and 'about.EN' in
    Polish, without a word, where a translation was meant."""
    root = make_project(tmp_path / "p", {"content/about.md": "# O nas\n", "content/about.de.md": "# Über uns\n",
                                         "content/about.EN.md": "# About us\n"})
    code, out, err = run_check(root)
    assert (code, out) == (0, "OK: 3 definitions in 3 files, 2 warnings.\n")
    assert err.splitlines()[:2] == [  # then: the pages have no translation yet
        "content/about.EN.md:1:1: warning: this page is named like a translation, but it is published as "
        "a page of its own ('about.EN') in Polish: language codes are written in lower case: rename it "
        "to about.en.md.",
        "content/about.de.md:1:1: warning: this page is named like a translation, but it is published as "
        "a page of its own ('about.de') in Polish: 'de' is not one of the site's languages (pl, en): "
        "rename it, or add 'de' to the plugin's languages.",
    ]


def test_a_page_whose_address_differs_from_a_generated_one_only_in_case_is_a_warning(tmp_path: Path) -> None:
    """`content/Teams/Marketing.md` beside the generated teams/marketing page: two pages on Linux,
    one folder where the site is copied to Windows or macOS."""
    root = make_project(tmp_path / "p", {"content/Teams/Marketing.md": "# Marketing\n"})
    code, out, err = run_check(root)
    assert (code, out) == (0, "OK: 3 definitions in 3 files, 1 warning.\n")
    assert err.splitlines()[:1] == [  # then: the page has no translation yet
        "content/Teams/Marketing.md:1:1: warning: this hand-written page's address differs only in "
        "upper/lower case from the page generated at teams/marketing: on Windows and macOS the two "
        "are one folder, and a copy of the site keeps only one of them; rename or move the "
        "hand-written page.",
    ]


def test_a_link_in_the_content_folder_that_leads_out_of_the_project_is_an_error(tmp_path: Path) -> None:
    """MkDocs follows links in the content folder and publishes what they lead to: a committed
    ``content/notes.md -> ~/.ssh/id_rsa`` would be on the site. A link within the project is
    fine; one to nothing, or a loop, is said too (MkDocs met it with a traceback)."""
    root = make_project(tmp_path / "p")
    secrets = tmp_path / "secrets"
    (secrets / "deeper").mkdir(parents=True)
    (secrets / "id_rsa").write_text("KEY\n", encoding="utf-8")
    content = root / "content"
    (content / "notes.md").symlink_to(secrets / "id_rsa")
    (content / "shared").symlink_to(secrets)
    (content / "readme.md").symlink_to(root / "mkdocs.yml")  # inside the project: fine
    (content / "inside").symlink_to(root / "playbooks")
    (root / "playbooks" / "out.md").symlink_to(secrets / "id_rsa")  # reached through a link
    (content / "gone.md").symlink_to("missing.md")
    (content / ".hidden.md").symlink_to(secrets / "id_rsa")  # a dotfile: MkDocs leaves it out
    (content / ".walked").symlink_to(secrets)  # but walks a hidden folder ('.x -> /': the disk)
    assert check_lines(root) == [
        f"content/.walked:1:1: this is a link to the folder {secrets}, outside the project; MkDocs "
        "leaves a hidden folder out of the site but still reads through it, every folder within "
        "too: delete the link.",
        "content/gone.md:1:1: this is a link to 'missing.md', which does not exist (or is a loop "
        "of links), so nothing can be published here: delete the link, or put the file itself here.",
        f"content/inside/out.md:1:1: this is a link to the file {secrets}/id_rsa, outside the "
        "project, and a build would publish it on the site: copy what the site should show into "
        "the project instead, or delete the link.",
        f"content/notes.md:1:1: this is a link to the file {secrets}/id_rsa, outside the project, "
        "and a build would publish it on the site: copy what the site should show into the "
        "project instead, or delete the link.",
        f"content/shared:1:1: this is a link to the folder {secrets}, outside the project, and a "
        "build would publish everything in it on the site: copy what the site should show into "
        "the project instead, or delete the link.",
        "Found 5 errors in 5 files.",
    ]


def test_an_id_changed_in_its_file_is_named_where_the_old_one_is_used(tmp_path: Path) -> None:
    """Only the id was changed (the file keeps its name): the reference is told the new id, rather
    than a near id of another definition ('marketings')."""
    root = make_project(tmp_path / "p", {
        "playbooks/teams/marketing.yaml": TEAM.format(id="brand-team"),
        "playbooks/teams/marketings.yaml": TEAM.format(id="marketings"),
    })
    code, _, err = run_check(root)
    assert code == 1
    assert err.splitlines() == [
        "playbooks/goals/leads.yaml:7:7: team: there is no team with the id 'marketing'. The file "
        "playbooks/teams/marketing.yaml has the id 'brand-team' now: write 'brand-team' here, or "
        "change its id back.",
        "Found 1 error in 1 file.",
    ]
    # A file of another kind with that name is no hint: a team is asked for here.
    (root / "playbooks" / "teams" / "marketing.yaml").unlink()
    (root / "playbooks" / "goals" / "marketing.yaml").write_text(GOAL.format(id="g9", team="sales"),
                                                                  encoding="utf-8")
    code, _, err = run_check(root)
    assert err.splitlines()[0] == ("playbooks/goals/leads.yaml:7:7: team: there is no team with the "
                                   "id 'marketing'. Did you mean 'marketings'?")


def test_a_definition_saved_outside_the_definitions_folder_is_named(tmp_path: Path) -> None:
    """In content/ MkDocs publishes it as a plain file; at the top nothing reads it. Values files
    (no 'kind:'), hidden files and folders, and files of other tools are left alone."""
    here = Path(__file__).resolve().parent.parent
    values = (here / "examples" / "q1-2027.yaml").read_text(encoding="utf-8")
    root = make_project(tmp_path / "p", {
        "content/webinar.yaml": GOAL.format(id="webinar", team="marketing"),
        "content/more/term.yml": "kind: term\nid: mql\n",
        "content/data.yaml": "rows: [1, 2]\nid: 3\n",
        "content/.hidden/x.yaml": GOAL.format(id="x", team="marketing"),
        "sales-team.yaml": TEAM.format(id="sales-team"),
        "q1-2027.yaml": values,
        "examples/q1-2027.yaml": values,
        "examples/goal.yaml": GOAL.format(id="example", team="marketing"),
        ".pre-commit-config.yaml": "kind: x\nid: y\n",
    })
    code, out, err = run_check(root)
    assert code == 0 and out == "OK: 3 definitions in 3 files, 3 warnings.\n"
    assert err.splitlines() == [
        "content/more/term.yml:1:1: warning: this file looks like a definition ('kind: term'), but "
        "definitions are read only from playbooks/, and the site publishes it as a plain file, not "
        "as a page: move it to playbooks/glossary/.",
        "content/webinar.yaml:1:1: warning: this file looks like a definition ('kind: goal'), but "
        "definitions are read only from playbooks/, and the site publishes it as a plain file, not "
        "as a page: move it to playbooks/goals/.",
        "sales-team.yaml:1:1: warning: this file looks like a definition ('kind: team'), but "
        "definitions are read only from playbooks/, and nothing reads it: move it to "
        "playbooks/teams/.",
    ]
    code, _, strict = run_check(root, "--strict")
    assert code == 1 and strict.endswith("Found 3 errors in 3 files.\n")
    out_, err_ = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out_), contextlib.redirect_stderr(err_):
        code = main(["--project", str(root), "build", "--site-dir", str(tmp_path / "site")])
    assert code == 0
    assert [line for line in err_.getvalue().splitlines() if "looks like a definition" in line] == [
        line for line in err.splitlines() if "looks like a definition" in line]


def test_a_build_says_each_warning_once(tmp_path: Path) -> None:
    """``playbook build`` said a warning once itself and again from each language's build
    ("WARNING -  [pl] ...", "WARNING -  [en] ..."); plain ``mkdocs build`` did not name a
    definition saved outside playbooks/ at all."""
    import os
    import subprocess
    import sys

    root = make_project(tmp_path / "p", {
        "playbooks/goals/old.yaml": GOAL.format(id="old", team="sales").replace(
            "review_by: 2027-06-30", "review_by: 2020-01-01"),
        "content/webinar.yaml": GOAL.format(id="webinar", team="marketing"),
    })
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLAYBOOK_TODAY": "2026-11-27"}
    build = subprocess.run([sys.executable, "-m", "generator.cli", "build", "--site-dir", str(tmp_path / "s")],
                           cwd=root, capture_output=True, text=True, env=env, timeout=600)
    assert build.returncode == 0, build.stderr
    said = [line for line in build.stderr.splitlines() if "2020-01-01" in line or "webinar.yaml" in line]
    assert said == [
        "playbooks/goals/old.yaml:6:12: review_by: warning: the review date 2020-01-01 has passed: "
        "Anna should re-read this goal and set a new date.",
        "content/webinar.yaml:1:1: warning: this file looks like a definition ('kind: goal'), but "
        "definitions are read only from playbooks/, and the site publishes it as a plain file, not "
        "as a page: move it to playbooks/goals/.",
    ], build.stderr
    plain = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "m")],
                           cwd=root, capture_output=True, text=True, env=env, timeout=600)
    assert plain.returncode == 0, plain.stderr
    assert [line.split(" -  ", 1)[1] for line in plain.stderr.splitlines() if line.startswith("WARNING")] == said


def test_a_text_wrapped_in_typographic_quotes_is_a_warning(tmp_path: Path) -> None:
    """``summary: “Leads from the fair”``, pasted from a word processor: YAML keeps the quotes as
    part of the text, and the page showed them. A warning says so, and how to keep them on purpose
    (straight quotes around the whole); a one-word value in such quotes is left to the id and
    number checks, which say it as an error."""
    text = (GOAL.format(id="g2", team="marketing")
            .replace("summary: Summary.", "summary: “Leads from the fair”")
            .replace("metric: Leads.", "metric: '„Leads per quarter”'"))
    root = make_project(tmp_path / "p", {"playbooks/goals/g2.yaml": text})
    code, out, err = run_check(root)
    assert code == 0 and out == "OK: 4 definitions in 4 files, 1 warning.\n"
    assert err.splitlines() == [
        "playbooks/goals/g2.yaml:4:10: summary: warning: the text is in typographic quotes (“ ”), which "
        "YAML does not read as quotes: the page shows them. Remove them (a text needs no quotes); if "
        "they are meant to be shown, put the whole text in straight quotes: '“Leads from the fair”'.",
    ]
    (root / "playbooks" / "goals" / "g2.yaml").write_text(
        text.replace("summary: “Leads from the fair”", "summary: Leads from the fair"), encoding="utf-8")
    assert run_check(root) == (0, "OK: 4 definitions in 4 files.\n", "")


def test_an_empty_type_of_an_sla_parameter_says_it_is_empty(tmp_path: Path) -> None:
    """'type:' left empty read "'None' is not one of the allowed types ... Did you mean 'money'?"."""
    from generator.messages import plain
    from generator.models.sla import Sla

    error = {"type": "union_tag_invalid", "loc": ("parameters", 0), "input": {"id": "a", "type": None},
             "ctx": {"discriminator": "'type'", "tag": "None", "expected_tags": "'text', 'integer', 'list'"}}
    assert plain(error, Sla) == "the field type is empty: write one of text, integer, list."
    error["input"] = {"id": "a", "type": "txt"}
    error["ctx"] = {**error["ctx"], "tag": "txt"}  # type: ignore[dict-item]
    assert plain(error, Sla) == "'txt' is not one of the allowed types: 'text', 'integer', 'list'. Did you mean 'text'?"


def test_a_reference_to_any_kind_names_a_definition_not_every_kind(tmp_path: Path) -> None:
    """A playbook step uses a definition of any kind: a wrong id there read "is not the id of any
    team or process or goal or strategy or checklist or SLA or playbook"; in Polish each of the
    seven declined. Three kinds or more are "a definition"."""
    from generator.tr import set_language
    from tests.test_readme import cli, example_copy

    root = example_copy(tmp_path / "p")
    path = root / "playbooks" / "playbooks" / "align-small-company.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "uses: [marketing-sales-sla]", "uses: [Umowa SLA, marketng]"), encoding="utf-8")
    assert cli("--project", str(root), "check")[2].splitlines() == [
        "playbooks/playbooks/align-small-company.yaml:53:12: steps[1].uses[0]: 'Umowa SLA' is not the id "
        "of any definition: refer to a definition by its id (its 'id:' line), which has only lowercase "
        "letters a-z, digits and hyphens.",
        "playbooks/playbooks/align-small-company.yaml:53:23: steps[1].uses[1]: there is no definition "
        "with the id 'marketng'. Did you mean 'marketing'?",
        "Found 2 errors in 1 file.",
    ]
    set_language("pl")
    try:
        said = cli("--project", str(root), "check")[2].splitlines()
    finally:
        set_language(None)
    assert [line.split(": ", 2)[2] for line in said[:2]] == [
        "'Umowa SLA' nie jest id żadnej definicji: tu ma być definicja, a definicję wskazuje się przez "
        "jej id (wiersz 'id:'), które ma tylko małe litery a-z, cyfry i łączniki.",
        "nie ma definicji o id 'marketng'. Czy chodziło o 'marketing'?",
    ]
