"""The small commands: new, schema, render, check --format json."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.cli import main
from generator.models import KINDS
from tests.projects import GOAL, make_project


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("kind", list(KINDS))
def test_new_writes_a_commented_skeleton_that_check_points_into(tmp_path: Path, kind: str) -> None:
    root = make_project(tmp_path / "p")
    code, out, _ = cli("--project", str(root), "new", kind, "fresh-one")
    path = root / "playbooks" / KINDS[kind].SECTION / "fresh-one.yaml"
    assert code == 0 and path.is_file()
    assert out.startswith(f"Wrote playbooks/{KINDS[kind].SECTION}/fresh-one.yaml")
    text = path.read_text(encoding="utf-8")
    assert f"kind: {kind}\nid: fresh-one\n" in text
    assert "# title (required): Short title shown as the page heading." in text
    code, _, err = cli("--project", str(root), "check")
    assert code == 1 and "Traceback" not in err
    assert all(line.startswith(f"playbooks/{KINDS[kind].SECTION}/fresh-one.yaml:") for line in err.splitlines()[:-1])
    if re.search(r"^[^#\n]*TODO-", text, re.M):  # a reference to another definition's id
        assert "is the placeholder 'playbook new' wrote: replace it with a" in err
        assert "is not a valid id" not in err.replace("'' is not a valid id", "")
    code, _, err = cli("--project", str(root), "new", kind, "fresh-one")
    assert code == 1
    assert err.strip() == f"playbooks/{KINDS[kind].SECTION}/fresh-one.yaml already exists; it was left as it is."


def test_new_goal_leaves_its_choices_and_target_for_check_to_ask(tmp_path: Path) -> None:
    """A skeleton with a pre-filled target, period and type would pass unread."""
    root = make_project(tmp_path / "p")
    code, out, _ = cli("--project", str(root), "new", "goal", "fresh-one")
    assert out == (
        "Wrote playbooks/goals/fresh-one.yaml: fill in every empty \"\" and TODO, then run "
        "'playbook check'.\n"
    )
    text = (root / "playbooks" / "goals" / "fresh-one.yaml").read_text(encoding="utf-8")
    assert "Fill in every empty \"\", TODO-...-id and\n# empty choice or number;" in text
    assert "\ntarget:\n" in text and "\nperiod: # one of: month, quarter, year\n" in text
    code, _, err = cli("--project", str(root), "check")
    assert code == 1
    asked = [line.split(": ", 1)[1] for line in err.splitlines() if "target" in line or "period" in line or "goal_type" in line]
    assert asked == [
        "target: expected a number, but this is empty.",
        "period: this field is empty: choose one of month, quarter, year.",
        "goal_type: this field is empty: choose one of awareness, leads, quota, revenue, retention, alignment.",
    ]


def test_new_refuses_bad_kind_and_id(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    code, _, err = cli("--project", str(root), "new", "gaol", "x")
    assert code == 1
    assert err.strip() == "'gaol' is not a kind: choose one of team, process, goal, strategy, checklist, sla, playbook, term. Did you mean 'goal'?"
    code, _, err = cli("--project", str(root), "new", "goal", "../evil")
    assert code == 1 and "is not a valid id" in err
    assert not (root / "evil.yaml").exists()


def test_new_refuses_an_id_another_definition_has(tmp_path: Path) -> None:
    """Found by fuzzing: 'new goal sales' wrote playbooks/goals/sales.yaml beside the team
    'sales', and the next 'playbook check' failed on both files."""
    root = make_project(tmp_path / "p")
    code, out, err = cli("--project", str(root), "new", "goal", "sales")
    assert (code, out) == (1, "")
    assert err.strip() == ("the id 'sales' is already used by playbooks/teams/sales.yaml (a team): "
                           "ids must be unique across the project; choose another.")
    assert not (root / "playbooks" / "goals" / "sales.yaml").exists()


@pytest.mark.parametrize("command", [["schema", "--out", "{long}"],
                                     ["sla", "values", "marketing-sales-sla", "--out", "{long}.yaml"],
                                     ["checklist", "pdf", "new-sales-rep", "--out", "{long}.pdf"]],
                         ids=["schema", "sla values", "checklist pdf"])
def test_a_name_the_system_refuses_is_one_line_not_a_traceback(tmp_path: Path, command: list[str]) -> None:
    """Found by fuzzing: an --out name longer than a file system takes (255 bytes) was an
    OSError traceback from each command that writes a file."""
    root = Path(__file__).resolve().parent.parent
    long = str(tmp_path / ("d" * 300))
    args = [a.replace("{long}", long) for a in command]
    code, out, err = cli("--project", str(root), *args)
    assert (code, out) == (1, "")
    assert err == (f"{args[-1]}: File name too long. Choose a shorter name: one file or folder "
                   "name takes at most 255 bytes.\n")
    assert list(tmp_path.iterdir()) == []


def test_an_output_that_is_not_an_ordinary_file_is_left_as_it_is(tmp_path: Path) -> None:
    """Found by fuzzing: '--out /dev/null --force' renamed a file over the device (as root,
    /dev/null became an ordinary file). A named pipe stands for the device here."""
    root = Path(__file__).resolve().parent.parent
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    code, out, err = cli("--project", str(root), "sla", "values", "marketing-sales-sla", "--out",
                         str(pipe), "--force")
    assert (code, out) == (1, "")
    assert err == (f"{pipe}: this is not an ordinary file (a device, a pipe or a socket), so it "
                   "cannot be written as one; name a file.\n")
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_schema_validates_kinds_and_rejects_unknown_fields(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    code, out, _ = cli("--project", str(root), "schema", "--out", str(tmp_path / "schema"))
    assert code == 0
    assert out.strip() == f"Wrote {len(KINDS)} schemas to {tmp_path / 'schema'}."
    goal = json.loads((tmp_path / "schema" / "goal.schema.json").read_text(encoding="utf-8"))
    assert goal["additionalProperties"] is False
    assert {"id", "title", "team", "target", "review_by"} <= set(goal["required"])
    assert goal["properties"]["period"]["enum"] == ["month", "quarter", "year"]
    process = json.loads((tmp_path / "schema" / "process.schema.json").read_text(encoding="utf-8"))
    assert "from" in json.dumps(process["$defs"]["Handoff"]["properties"])


class _DatesAsText(yaml.SafeLoader):
    """YAML as an editor's schema check reads it: a date is the text it is written as."""


_DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def test_every_example_definition_passes_its_schema(tmp_path: Path) -> None:
    """The schemas an editor checks with accept what the tool accepts (``item: email`` too)."""
    repo = Path(__file__).resolve().parent.parent
    assert cli("--project", str(repo), "schema", "--out", str(tmp_path))[0] == 0
    checked: set[str] = set()
    for path in sorted((repo / "playbooks").rglob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_DatesAsText)
        schema = json.loads((tmp_path / f"{data['kind']}.schema.json").read_text(encoding="utf-8"))
        problems = [f"{list(e.absolute_path)}: {e.message}"
                    for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]
        assert problems == [], path.name
        checked.add(data["kind"])
    assert checked == set(KINDS)


def test_render_writes_the_generated_pages_only(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    out_dir = tmp_path / "out"
    code, _, _ = cli("--project", str(root), "render", "--out", str(out_dir), "--lang", "en")
    assert code == 0
    written = sorted(p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*.md"))
    assert "goals/leads.md" in written and "comparison.md" in written and "index.md" not in written
    page = (out_dir / "goals" / "leads.md").read_text(encoding="utf-8")
    assert page.startswith("---\ntitle: Goal leads\n")
    code, _, err = cli("--project", str(root), "render", "--out", str(root / "content"))
    assert code == 1 and "a build never writes there" in err
    assert sorted(p.name for p in (root / "content").iterdir()) == ["index.en.md", "index.md"]
    # The folder suggested instead is not the site's: Markdown there, 'playbook build' refuses it.
    assert err.endswith("choose a folder of its own, like 'pages'.\n")
    code, _, err = cli("--project", str(root), "render", "--out", str(root))
    assert (code, err) == (1, f"--out: {root} would replace the whole project; choose a folder of "
                              "its own, like 'pages'.\n")


def test_check_json_lists_problems(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"playbooks/goals/bad.yaml": "kind: goal\nid: Bad\n"})
    code, out, _ = cli("--project", str(root), "check", "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["ok"] is False
    first = data["problems"][0]
    assert first["file"] == "playbooks/goals/bad.yaml" and first["line"] >= 1
    assert {p["where"] for p in data["problems"]} >= {"id", "title", "team"}


def test_check_json_is_json_for_a_mistake_in_mkdocs_yml_or_no_project(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - playbook\n", "  - playbook:\n      default_language: de\n"), encoding="utf-8")
    code, out, err = cli("--project", str(root), "check", "--format", "json")
    assert (code, err) == (1, "")
    assert json.loads(out) == {"ok": False, "problems": [{
        "file": "mkdocs.yml", "line": 9, "col": 25, "where": "plugins.playbook.default_language",
        "message": "'de' is not one of the site's languages: write pl or en.", "severity": "error"}]}
    code, out, err = cli("--project", str(tmp_path), "check", "--format", "json")
    assert (code, err) == (1, "")
    assert json.loads(out)["problems"] == [{
        "file": "", "line": 0, "col": 0, "where": "", "severity": "error",
        "message": f"{tmp_path}: no mkdocs.yml here. Run the command in the project folder, or "
                   "name it with --project DIR."}]


def test_no_project_here_is_a_plain_error(tmp_path: Path) -> None:
    code, _, err = cli("--project", str(tmp_path), "check")
    assert code == 1
    assert err.strip() == f"{tmp_path}: no mkdocs.yml here. Run the command in the project folder, or name it with --project DIR."


def test_project_may_follow_the_command(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    empty = tmp_path / "empty"
    empty.mkdir()
    expected = (0, "OK: 3 definitions in 3 files.\n", "")
    assert cli("check", "--project", str(root)) == expected
    assert cli("--project", str(empty), "check", "--project", str(root)) == expected, "the later wins"
    assert cli("checklist", "list", "--project", str(root))[0] == 0
    assert cli("checklist", "--project", str(root), "list")[0] == 0
    code, _, err = cli("check", "--project", str(empty))
    assert code == 1 and "no mkdocs.yml here" in err


def test_only_the_plugin_package_imports_mkdocs() -> None:
    """The design's one door into MkDocs (and Material): ``generator/plugin/``. Everything else
    (loader, models, pages, outputs, commands) works, and is tested, without MkDocs."""
    import ast

    package = Path(__file__).resolve().parent.parent / "generator"
    outside = []
    for path in sorted(package.rglob("*.py")):
        if path.relative_to(package).parts[0] == "plugin":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else [])
            outside += [f"{path.relative_to(package)}: {name}" for name in names
                        if name.split(".")[0] in ("mkdocs", "material")]
    assert outside == []
    assert (package / "plugin" / "__init__.py").is_file()


def test_ctrl_c_while_the_commands_load_is_not_a_traceback(tmp_path: Path) -> None:
    """Ctrl+C in the first half second (while the commands' modules are imported) used to print
    a KeyboardInterrupt traceback. The interrupt is delivered exactly then: by an import hook that
    signals the process as ``generator.commands`` starts to load."""
    import subprocess
    import sys

    script = (
        "import os, signal, sys\n"
        # as in a terminal: a job started in the background (CI's runner) inherits SIGINT ignored
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "class Hook:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'generator.commands':\n"
        "            os.kill(os.getpid(), signal.SIGINT)\n"
        "        return None\n"
        "sys.meta_path.insert(0, Hook())\n"
        "from generator.cli import main\n"
        "sys.exit(main(['check']))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True,
                            text=True, timeout=60)
    assert (result.returncode, result.stderr) == (130, "Interrupted.\n")


def _options(parser: argparse.ArgumentParser, name: str) -> Iterator[tuple[str, argparse.Action]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                yield from _options(sub, f"{name} {sub_name}")
        else:
            yield f"{name} {(action.option_strings or [action.dest])[-1]}", action


def test_every_option_of_every_command_says_what_it_is() -> None:
    """``--help`` is where a user looks first: no option without a line saying what it does, and
    a default it names is the one used (``serve`` previews theme.language's site, as the README
    says, not the default language's)."""
    from generator.cli import make_parser

    options = dict(_options(make_parser(), "playbook"))
    assert [name for name, action in options.items() if not action.help] == []
    assert "theme.language" in str(options["playbook serve --lang"].help)


def test_a_path_or_id_with_odd_characters_is_shown_escaped(tmp_path: Path) -> None:
    """A byte that is not UTF-8 shows as ``\\xff`` (not Python's ``\\udcff``), and a
    direction mark in a written file's name as ``\\u202e`` (it would turn the rest of the line
    around on a terminal), in messages and in the "Wrote" line alike."""
    root = make_project(tmp_path / "p")
    code, _, err = cli("--project", str(root), "new", "process", "a\udcffb")
    assert code == 1
    assert err.startswith("'a\\xffb' is not a valid id: "), err
    code, out, _ = cli("--project", str(root), "schema", "--out", str(tmp_path / "s\u202efdp"))
    assert code == 0
    assert out.strip() == f"Wrote {len(KINDS)} schemas to {tmp_path}/s\\u202efdp."


def test_render_honours_strict_as_check_and_build_do(tmp_path: Path) -> None:
    """A warning (here a review date that has passed) is an error for ``render --strict`` and
    under ``strict: true``, and then no page is written; without either, the pages are written."""
    overdue = GOAL.format(id="g2", team="marketing").replace("2027-06-30", "2026-01-31")
    root = make_project(tmp_path / "p", {"playbooks/goals/g2.yaml": overdue})
    out_dir = tmp_path / "out"
    code, _, err = cli("--project", str(root), "render", "--out", str(out_dir), "--strict")
    assert code == 1 and not out_dir.exists()
    assert err.splitlines()[-1] == "Found 1 error in 1 file."
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text("strict: true\n" + text, encoding="utf-8")
    assert cli("--project", str(root), "render", "--out", str(out_dir))[0] == 1
    config.write_text(text, encoding="utf-8")
    code, _, err = cli("--project", str(root), "render", "--out", str(out_dir))
    assert code == 0 and "warning: the review date 2026-01-31 has passed" in err
    assert (out_dir / "goals" / "g2.md").is_file()


def _copy_of_the_example(tmp_path: Path) -> Path:
    """The repository's own project (SLA template, checklists and what they refer to), copied."""
    import shutil

    here = Path(__file__).resolve().parent.parent
    root = tmp_path / "p"
    for name in ("playbooks", "content", "examples"):
        shutil.copytree(here / name, root / name)
    shutil.copy(here / "mkdocs.yml", root / "mkdocs.yml")
    return root


NOTE = ("Note: 1 other file has errors (playbooks/goals/webinar-leads.yaml); run playbook check to "
        "see them.\n")


def test_a_half_written_definition_does_not_stop_commands_that_read_others(tmp_path: Path) -> None:
    root = _copy_of_the_example(tmp_path)
    _, clean_list, _ = cli("--project", str(root), "sla", "list")
    _, clean_values, _ = cli("--project", str(root), "sla", "values", "marketing-sales-sla")
    _, clean_checklists, _ = cli("--project", str(root), "checklist", "list")
    assert cli("--project", str(root), "new", "goal", "webinar-leads")[0] == 0
    code, out, err = cli("--project", str(root), "sla", "list")
    assert (code, out, err) == (0, clean_list, NOTE)
    assert out.startswith("marketing-sales-sla  ")
    code, out, err = cli("--project", str(root), "sla", "values", "marketing-sales-sla")
    assert (code, out, err) == (0, clean_values, NOTE)
    assert "company_name:" in out
    code, out, err = cli("--project", str(root), "checklist", "list")
    assert (code, out, err) == (0, clean_checklists, NOTE)
    assert "new-marketer" in out
    values = root / "filled.yaml"
    values.write_text((root / "examples" / "q1-2027.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = cli("--project", str(root), "sla", "fill", "marketing-sales-sla", "--values", str(values))
    assert code == 0 and err == NOTE and out.startswith("#")
    # An id that is not there: said as without the goal, with the note.
    code, _, err = cli("--project", str(root), "sla", "values", "nope")
    assert code == 1
    assert err == NOTE + "There is no SLA template 'nope'. The SLA templates are: marketing-sales-sla.\n"
    # check, build and render stay strict: every error of the goal.
    for argv in (["check"], ["render", "--out", str(tmp_path / "pages")]):
        code, _, err = cli("--project", str(root), *argv)
        assert code == 1 and err.endswith("Found 16 errors in 1 file.\n")


def test_a_command_still_fails_when_what_it_reads_is_broken(tmp_path: Path) -> None:
    root = _copy_of_the_example(tmp_path)
    team = root / "playbooks" / "teams" / "marketing.yaml"
    team.write_text(team.read_text(encoding="utf-8") + "colour: red\n", encoding="utf-8")
    for argv in (["sla", "values", "marketing-sales-sla"], ["sla", "list"],
                 ["checklist", "pdf", "new-marketer"], ["checklist", "list"]):
        code, out, err = cli("--project", str(root), *argv)
        assert code == 1 and out == "", argv
        assert err.startswith("playbooks/teams/marketing.yaml:") and "unknown field 'colour'" in err
        assert err.endswith("Found 1 error in 1 file.\n") and "Note:" not in err
    team.write_text(team.read_text(encoding="utf-8").replace("colour: red\n", ""), encoding="utf-8")
    sla = root / "playbooks" / "slas" / "marketing-sales-sla.yaml"
    sla.write_text(sla.read_text(encoding="utf-8") + "colour: red\n", encoding="utf-8")
    for argv in (["sla", "values", "marketing-sales-sla"], ["sla", "list"], ["sla", "values", "marketing"]):
        code, out, err = cli("--project", str(root), *argv)
        assert code == 1 and out == "", argv
        assert err.startswith("playbooks/slas/marketing-sales-sla.yaml:") and "'colour'" in err
        assert err.endswith("Found 1 error in 1 file.\n")
    # The checklists name processes that name the SLA template: a checklist's page links them.
    code, out, err = cli("--project", str(root), "checklist", "list")
    assert code == 1 and out == "" and err.startswith("playbooks/slas/marketing-sales-sla.yaml:")
    # A broken template whose id is the start of a valid one's: 'marketing-sales' is not taken to
    # mean the valid 'marketing-sales-sla' while the broken file may be the one meant.
    sla.write_text(sla.read_text(encoding="utf-8").replace("colour: red\n", ""), encoding="utf-8")
    (root / "playbooks" / "slas" / "marketing-sales.yaml").write_text("kind: sla\nid: marketing-sales\n",
                                                                       encoding="utf-8")
    code, out, err = cli("--project", str(root), "sla", "values", "marketing-sales")
    assert code == 1 and out == "" and err.startswith("playbooks/slas/marketing-sales.yaml:"), err
    assert "Using the SLA template" not in err


def test_python_m_generator_is_the_playbook_command() -> None:
    """Where the ``playbook`` script is not on the PATH, ``python -m generator`` runs it."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-m", "generator", "chek"], capture_output=True, text=True,
                          cwd=root)
    assert done.returncode == 2
    assert done.stderr.startswith("playbook: 'chek' is not a command"), done.stderr
    done = subprocess.run([sys.executable, "-m", "generator", "check"], capture_output=True, text=True,
                          cwd=root)
    assert (done.returncode, done.stdout.split(":")[0]) == (0, "OK"), done.stderr
