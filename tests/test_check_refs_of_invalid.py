"""``playbook check`` on a file that does not validate still checks its references, so every error
comes in one run: a dangling id in a file with an unknown field is reported with that field, at
its own place, in the words a valid file would get.

No error is invented: a reference whose value is itself wrong is left to that error, and an id
declared by a file that does not load is not "missing" (that file's own errors are reported).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar, Literal

import pytest
from pydantic import Field

from bench.synth import definitions, dump
from generator.catalogue import Loader, _valid_part_problems
from generator.models import KINDS, Definition
from generator.models.base import raw_references
from generator.yamlfile import parse_text
from tests.projects import GOAL, TEAM, make_project
from tests.test_check_errors import FLOW, check_lines, run_check, term

ROOT = Path(__file__).resolve().parent.parent
COLOUR = "colour: red\n"
PROCESS_FIELDS = (
    "handoffs, id, keywords, kind, owner, review_by, steps, summary, tags, team, title, trigger"
)

CHECKLIST = """\
kind: checklist
id: onboarding
title: Onboarding
summary: The first month.
owner: Anna
review_by: 2027-06-30
role: sales-rep
team: sales
sections:
  - title: First days
    items:
      - text: Meet the manager.
        owner: manager
        due: day 1
        processes: [flow, flwo]
"""

STRATEGY = """\
kind: strategy
id: blog
title: Blog
summary: Articles that bring leads.
owner: Anna
review_by: 2027-06-30
team: marketing
channels: [Blog]
tactics: [Guides]
audience: Buyers.
goals: [leads]
measured_by: [Leads from the blog]
"""


def project(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    return make_project(tmp_path / "p", files)


def changed(text: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


# -- the example of the issue: one run, both errors --------------------------------------------


def test_an_unknown_field_and_a_dangling_team_come_in_one_run(tmp_path: Path) -> None:
    process = changed(FLOW, ("team: marketing", "team: markting")) + COLOUR
    root = project(tmp_path, {"playbooks/processes/flow.yaml": process})
    team_error = (
        "playbooks/processes/flow.yaml:7:7: team: there is no team with the id 'markting'. "
        "Did you mean 'marketing'?"
    )
    assert check_lines(root) == [
        team_error,
        f"playbooks/processes/flow.yaml:20:1: colour: unknown field 'colour'. The fields allowed "
        f"here are: {PROCESS_FIELDS}.",
        "Found 2 errors in 1 file.",
    ]
    # The same words and place as once the file is valid: nothing new appears after the fix.
    (root / "playbooks/processes/flow.yaml").write_text(process.replace(COLOUR, ""), encoding="utf-8")
    assert check_lines(root) == [team_error, "Found 1 error in 1 file."]


def test_a_list_of_processes_with_one_unknown_id_beside_a_wrong_field(tmp_path: Path) -> None:
    checklist = changed(CHECKLIST, ("due: day 1", "due: 3"))
    root = project(
        tmp_path,
        {"playbooks/processes/flow.yaml": FLOW, "playbooks/checklists/onboarding.yaml": checklist},
    )
    assert check_lines(root) == [
        "playbooks/checklists/onboarding.yaml:14:14: sections[0].items[0].due: 3 is a number, "
        "not a due offset: write 'day 3', 'week 3' or 'month 3'.",
        "playbooks/checklists/onboarding.yaml:15:27: sections[0].items[0].processes[1]: there is "
        "no process with the id 'flwo'. Did you mean 'flow'?",
        "Found 2 errors in 1 file.",
    ]


def test_errors_in_several_invalid_files_are_counted_once_each(tmp_path: Path) -> None:
    root = project(
        tmp_path,
        {
            "playbooks/processes/flow.yaml": changed(FLOW, ("    owner: sales", "    owner: slaes"))
            + COLOUR,
            "playbooks/goals/g2.yaml": GOAL.format(id="g2", team="finance") + "target2: 1\n",
            "playbooks/strategies/blog.yaml": changed(STRATEGY, ("goals: [leads]", "goals: [leads, g2, lead]"))
            .replace("audience: Buyers.\n", ""),
        },
    )
    lines = check_lines(root)
    assert lines == [
        "playbooks/goals/g2.yaml:7:7: team: there is no team with the id 'finance'. The team ids "
        "are: marketing, sales.",
        "playbooks/goals/g2.yaml:14:1: target2: unknown field 'target2'. Did you mean 'target'?",
        "playbooks/processes/flow.yaml:15:12: steps[1].owner: there is no team with the id "
        "'slaes'. Did you mean 'sales'?",
        f"playbooks/processes/flow.yaml:20:1: colour: unknown field 'colour'. The fields allowed "
        f"here are: {PROCESS_FIELDS}.",
        "playbooks/strategies/blog.yaml:1:1: audience: this field is required.",
        "playbooks/strategies/blog.yaml:10:20: goals[2]: there is no goal with the id 'lead'. "
        "Did you mean 'leads'?",
        "Found 6 errors in 3 files.",
    ]
    assert not any("'g2'" in line for line in lines), "g2 exists: its file is only invalid"


# -- no error is invented ----------------------------------------------------------------------


def test_a_reference_to_a_definition_that_does_not_load_is_not_missing(tmp_path: Path) -> None:
    """The team file is wrong and so is the goal that names it: two errors, never a third
    saying the team does not exist."""
    root = project(
        tmp_path,
        {
            "playbooks/teams/marketing.yaml": TEAM.format(id="marketing") + COLOUR,
            "playbooks/goals/g2.yaml": changed(GOAL.format(id="g2", team="marketing"), ("period: quarter", "period: weekly")),
        },
    )
    assert check_lines(root) == [
        "playbooks/goals/g2.yaml:12:9: period: 'weekly' is not allowed here: choose one of "
        "month, quarter, year.",
        "playbooks/teams/marketing.yaml:18:1: colour: unknown field 'colour'. The fields allowed "
        "here are: approach, horizon, id, keywords, kind, mission, owner, prospects, responsibilities, "
        "review_by, summary, tags, title.",
        "Found 2 errors in 2 files.",
    ]


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ("team: [marketing]", "7:7: team: expected text, but this is a list."),
        ("team: Marketing", "7:7: team: an id is written in lowercase letters: write 'marketing'."),
        ("team: Dział marketingu", "7:7: team: 'Dział marketingu' is not the id of any team: refer "
                                   "to a team by its id"),
        ("team: 12", "7:7: team: expected text, but this is a number (12)."),
        ("team:", "7:6: team: this field is empty: write the text after the ':'."),
    ],
    ids=["a list", "not an id", "not an id or a title", "a number", "empty"],
)
def test_a_malformed_reference_is_reported_once_as_what_it_is(tmp_path: Path, value: str, error: str) -> None:
    goal = changed(GOAL.format(id="g2", team="marketing"), ("team: marketing", value))
    root = project(tmp_path, {"playbooks/goals/g2.yaml": goal})
    lines = check_lines(root)
    assert len(lines) == 2 and lines[-1] == "Found 1 error in 1 file.", lines
    assert lines[0].startswith(f"playbooks/goals/g2.yaml:{error}"), lines


def test_a_list_with_an_error_of_its_own_is_not_checked_item_by_item(tmp_path: Path) -> None:
    """``goals`` as a list of text and numbers: the wrong item is reported; the list as a whole
    is not wrong, so its other unknown id is reported too. ``parties`` with three teams is a
    wrong list: its ids are not looked at."""
    strategy = changed(STRATEGY, ("goals: [leads]", "goals: [Leads, 7, nope]"))
    root = project(tmp_path, {"playbooks/strategies/blog.yaml": strategy})
    assert check_lines(root) == [
        "playbooks/strategies/blog.yaml:11:9: goals[0]: an id is written in lowercase letters: "
        "write 'leads'.",
        "playbooks/strategies/blog.yaml:11:16: goals[1]: expected text, but this is a number (7). "
        "Put it in quotes if you mean it as text.",
        "playbooks/strategies/blog.yaml:11:19: goals[2]: there is no goal with the id 'nope'. "
        "The goal ids are: leads.",
        "Found 3 errors in 1 file.",
    ]


def test_parties_of_the_wrong_length_are_not_looked_up(tmp_path: Path) -> None:
    sla = (ROOT / "tests/cases/hostile/project/playbooks/slas/small-sla.yaml").read_text(encoding="utf-8")
    assert "parties: [marketing, sales]" in sla
    sla = sla.replace("parties: [marketing, sales]", "parties: [marketing, sales, nobody]")
    root = project(tmp_path, {"playbooks/slas/small-sla.yaml": sla})
    lines = check_lines(root)
    assert [line.split(": ", 1)[1] for line in lines[:-1]] == [
        "parties: has too many items; at most 2 are allowed."
    ], lines
    assert lines[-1] == "Found 1 error in 1 file."


# -- the checks beside "is there such an id" ---------------------------------------------------


def test_an_invalid_term_that_names_itself_and_a_term_twice(tmp_path: Path) -> None:
    root = project(
        tmp_path,
        {
            "playbooks/glossary/mql.yaml": term("mql", "[mql, lead, lead, leads]") + COLOUR,
            "playbooks/glossary/lead.yaml": term("lead", "[]"),
        },
    )
    assert check_lines(root) == [
        "playbooks/glossary/mql.yaml:7:12: see_also[0]: this term refers to itself ('mql'): "
        "remove this reference.",
        "playbooks/glossary/mql.yaml:7:23: see_also[2]: 'lead' is listed more than once: list it once.",
        "playbooks/glossary/mql.yaml:7:29: see_also[3]: 'leads' is a goal "
        "(playbooks/goals/leads.yaml), but a term is expected here.",
        "playbooks/glossary/mql.yaml:8:1: colour: unknown field 'colour'. The fields allowed here "
        "are: definition, id, keywords, kind, owner, review_by, see_also, summary, synonyms, tags, title.",
        "Found 4 errors in 1 file.",
    ]


def test_a_hand_off_is_checked_when_another_field_of_its_process_is_wrong(tmp_path: Path) -> None:
    process = changed(FLOW, ("team: marketing", "team: 12"), ("    to: accept", "    to: acept"))
    root = project(tmp_path, {"playbooks/processes/flow.yaml": process})
    assert check_lines(root) == [
        "playbooks/processes/flow.yaml:7:7: team: expected text, but this is a number (12). Put "
        "it in quotes if you mean it as text.",
        "playbooks/processes/flow.yaml:18:9: handoffs[0].to: this process has no step 'acept'. "
        "Did you mean 'accept'? Its steps are: accept, qualify.",
        "Found 2 errors in 1 file.",
    ]


def test_a_hand_off_is_not_checked_against_steps_with_an_error(tmp_path: Path) -> None:
    """Step 2 has no title: its id may be right, so "no step 'accept'" would be a guess. The
    owner of step 1 is still looked up (its step has no error)."""
    process = changed(FLOW, ("    title: Accept\n", ""), ("    owner: marketing", "    owner: marketin"))
    root = project(tmp_path, {"playbooks/processes/flow.yaml": process})
    assert check_lines(root) == [
        "playbooks/processes/flow.yaml:12:12: steps[0].owner: there is no team with the id "
        "'marketin'. Did you mean 'marketing'?",
        "playbooks/processes/flow.yaml:13:5: steps[1].title: this field is required.",
        "Found 2 errors in 1 file.",
    ]


def test_a_valid_process_with_a_wrong_hand_off_still_has_its_references_checked(tmp_path: Path) -> None:
    process = changed(FLOW, ("    owner: sales", "    owner: marketing"), ("    what: The lead.", "    what: The lead.\n    sla: fast-lane"))
    root = project(tmp_path, {"playbooks/processes/flow.yaml": process})
    assert check_lines(root) == [
        "playbooks/processes/flow.yaml:18:9: handoffs[0].to: the steps 'qualify' and 'accept' are "
        "both done by the team 'marketing': a hand-off passes work between steps of different "
        "teams; remove this hand-off or correct a step's owner.",
        "playbooks/processes/flow.yaml:20:10: handoffs[0].sla: there is no SLA with the id "
        "'fast-lane'.",
        "Found 2 errors in 1 file.",
    ]


# -- hostile values ----------------------------------------------------------------------------


def test_hostile_values_in_the_references_of_an_invalid_file(tmp_path: Path) -> None:
    """Mappings, empties, nested lists, invisible and look-alike letters, a long id, numbers in the
    reference fields of a file that is wrong anyway: each is its own located error, never a
    traceback and never a reference error. The one plain id among them is still looked up."""
    strategy = changed(
        STRATEGY,
        ("team: marketing", "team: {id: marketing}"),
        (
            "goals: [leads]",
            'goals: [~, [leads], {a: b}, "le\\u200bads", "l\\u0435ads", " leads", '
            f"{'a' * 70}, true, 1.5, -12, -leads, nope]",
        ),
    ) + COLOUR
    root = project(tmp_path, {"playbooks/strategies/blog.yaml": strategy})
    code, out, err = run_check(root)
    lines = err.splitlines()
    assert code == 1 and out == "" and "Traceback" not in err
    assert [line.split(": ", 2)[1] for line in lines[:-1]] == [
        "team", *(f"goals[{i}]" for i in range(12)), "colour"
    ], lines
    col = strategy.splitlines()[10].index("nope") + 1
    assert lines[12] == (
        f"playbooks/strategies/blog.yaml:11:{col}: goals[11]: there is no goal with the id 'nope'. "
        "The goal ids are: leads."
    )
    assert not any("there is no" in line or "listed more than once" in line for line in lines[:12]), lines
    assert lines[-1] == "Found 14 errors in 1 file."


@pytest.mark.parametrize("escape", ["\\x07", "\\x00", "\\u0085", "\\u202e"])
def test_a_control_character_in_a_reference_is_refused_before_any_lookup(tmp_path: Path, escape: str) -> None:
    strategy = changed(STRATEGY, ("goals: [leads]", f'goals: ["le{escape}ads"]')) + COLOUR
    root = project(tmp_path, {"playbooks/strategies/blog.yaml": strategy})
    lines = check_lines(root)
    assert len(lines) == 2 and lines[-1] == "Found 1 error in 1 file.", lines
    assert lines[0].startswith("playbooks/strategies/blog.yaml:11:") and "YAML" in lines[0], lines


def test_a_huge_list_of_unknown_ids_shows_the_first_and_counts_the_rest(tmp_path: Path) -> None:
    ids = ", ".join(f"goal-{i}" for i in range(20_000))
    strategy = changed(STRATEGY, ("goals: [leads]", f"goals: [{ids}]")) + COLOUR
    root = project(tmp_path, {"playbooks/strategies/blog.yaml": strategy})
    started = time.perf_counter()
    lines = check_lines(root)
    assert time.perf_counter() - started < 10
    assert len(lines) == 52, lines[:3]
    assert lines[0] == (
        "playbooks/strategies/blog.yaml:11:9: goals[0]: there is no goal with the id 'goal-0'. "
        "The goal ids are: leads."
    )
    assert lines[48].startswith("playbooks/strategies/blog.yaml:11:") and "goals[48]" in lines[48]
    assert lines[49] == (
        "playbooks/strategies/blog.yaml:11:"
        f"{9 + len(', '.join(f'goal-{i}' for i in range(49))) + 2}: 19,951 more problems in this "
        "file are not shown: fix the ones above first."
    )
    assert lines[50].startswith("playbooks/strategies/blog.yaml:13:1: colour: unknown field")
    assert lines[51] == "Found 51 errors in 1 file."


def test_a_file_already_past_the_limit_of_errors_is_not_looked_at_further(tmp_path: Path) -> None:
    tags = ", ".join(str(i) for i in range(60))
    strategy = changed(STRATEGY, ("goals: [leads]", "goals: [nope]")) + f"tags: [{tags}]\n"
    root = project(tmp_path, {"playbooks/strategies/blog.yaml": strategy})
    lines = check_lines(root)
    assert lines[-1] == "Found 51 errors in 1 file."
    assert "10 more problems in this file are not shown" in lines[-2]
    assert not any("nope" in line for line in lines)


# -- one source of truth, and the cache ---------------------------------------------------------


def _valid_texts() -> list[tuple[str, str]]:
    texts = [(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8")) for p in sorted(ROOT.glob("playbooks/**/*.yaml"))]
    texts += [(rel, dump(data)) for rel, data in definitions(40).items()]
    return texts


def test_references_read_from_raw_data_are_those_of_the_validated_model() -> None:
    """The raw reading walks the same fields as ``Definition.references()``: for every valid
    file of the example project and the benchmark, the two give the same references."""
    seen_kinds = set()
    for name, text in _valid_texts():
        data = parse_text(text, name).data
        assert isinstance(data, dict), name
        model = KINDS[data["kind"]]
        validated = list(model.model_validate(data).references())
        assert list(raw_references(model, data)) == validated, name
        if validated:
            seen_kinds.add(model.KIND)
    assert seen_kinds >= {"process", "goal", "strategy", "checklist", "sla", "playbook", "term"}


def test_the_references_of_an_invalid_file_are_checked_again_from_the_cache(tmp_path: Path) -> None:
    """``playbook serve`` loads again after an edit elsewhere: the invalid file is not parsed
    again, and its dangling reference is still reported, against the project as it is now."""
    process = changed(FLOW, ("team: marketing", "team: finance")) + COLOUR
    root = project(tmp_path, {"playbooks/processes/flow.yaml": process})
    loader = Loader(root, root / "playbooks")
    _catalogue, first = loader.load()
    assert [p.message for p in first if p.where == "team"] == [
        "there is no team with the id 'finance'. The team ids are: marketing, sales."
    ]
    (root / "playbooks/teams/finance.yaml").write_text(TEAM.format(id="finance"), encoding="utf-8")
    read = loader.files_read
    _catalogue, second = loader.load()
    assert loader.files_read == read + 1  # only the new team file
    assert [p.where for p in second if p.severity == "error"] == ["colour"]


class _Strict(Definition):
    """A made-up kind whose own check reads a field with a default."""

    KIND: ClassVar[str] = "strict"
    kind: Literal["strict"]
    steps: list[str] = Field(default_factory=list)
    limit: int = 3

    def problems(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        if len(self.steps) > 1:
            yield ("steps",), "too many steps."
        if self.limit == 3:
            yield ("limit",), "the limit is the default."


def test_a_default_never_stands_in_for_a_wrong_value_in_the_checks_between_fields() -> None:
    """``limit`` is wrong: the check that reads it does not run on its default (it would report
    'the limit is the default', which the file never said), and what was found before stays."""
    data: dict[object, object] = {"kind": "strict", "steps": ["a", "b"], "limit": "three"}
    assert _valid_part_problems(_Strict, data, [("limit",)]) == [(("steps",), "too many steps.")]
    # ``steps`` is wrong and read first: the checks stop there (never 'steps' as an empty list).
    assert _valid_part_problems(_Strict, {"kind": "strict", "limit": 3, "steps": 5}, [("steps",)]) == []
    assert _valid_part_problems(_Strict, {"kind": "strict", "steps": ["a"]}, [("id",)]) == [
        (("limit",), "the limit is the default.")
    ], "a field left out of the file takes its default, as in a valid file"
    assert _valid_part_problems(_Strict, data, [()]) == [], "an error of the whole: nothing is run"
