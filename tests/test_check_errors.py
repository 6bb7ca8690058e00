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
    "unknown field without suggestion": (
        goal(**{"unit: MQL": "unit: MQL\nbudget: 5"}),
        ["playbooks/goals/g2.yaml:12:1: budget: unknown field 'budget'. The fields allowed here "
         "are: goal_type, id, kind, metric, owner, period, review_by, statement, summary, tags, "
         "target, team, title, unit."],
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
    "duplicate id": (
        goal(**{"id: g2": "id: leads"}),
        ["playbooks/goals/leads.yaml:2:5: id: the id 'leads' is already used by "
         "playbooks/goals/g2.yaml (line 2): ids must be unique across the project."],
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
        ["playbooks/goals/g2.yaml:6:12: review_by: expected a date written as YYYY-MM-DD, like "
         "2027-06-30, but this is text ('2027-13-01')."],
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
    assert err.splitlines()[-1] == "Found 1 error in 1 file."
    assert "warning:" not in err


def test_missing_translation_is_listed_with_translations_flag(tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "p",
        {"playbooks/goals/g2.yaml": goal(**{"statement: Reach it.": "statement: {pl: Osiągnij.}"})},
    )
    code, _out, err = run_check(root, "--translations")
    assert code == 1
    assert err.splitlines()[0] == (
        "playbooks/goals/g2.yaml:8:12: statement: missing translation: en."
    )


def test_example_project_checks_clean() -> None:
    root = Path(__file__).resolve().parent.parent
    code, out, err = run_check(root, "--strict")
    assert (code, err) == (0, "")
    assert out.startswith("OK: ")


def test_hand_off_to_a_missing_step_points_at_the_hand_off(tmp_path: Path) -> None:
    process = """\
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
    to: acept
    what: The lead.
"""
    root = make_project(tmp_path / "p", {"playbooks/processes/flow.yaml": process})
    code, _out, err = run_check(root)
    assert code == 1
    assert err.splitlines()[0] == (
        "playbooks/processes/flow.yaml:18:9: handoffs[0].to: this process has no step 'acept'. "
        "Did you mean 'accept'? Its steps are: accept, qualify."
    )
