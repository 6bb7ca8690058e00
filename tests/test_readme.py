"""The README, read as a user reads it: an example error message is what the tool really prints
for that mistake, and a YAML example pasted into a project is accepted (the editors' guide in
``content/``: tests/test_guide_examples.py).

Each test takes its text from the document itself, so a message or an option that changes fails
here until the document says the same."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from pathlib import Path

import yaml

from generator.cli import main
from generator.project import plugin_options, settings_from
from generator.yamlfile import parse_text
from tests.projects import GOAL, make_project

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
_FENCE = re.compile(r"^```[a-z]*\n(.*?)^```", re.S | re.M)


def block_after(text: str, phrase: str) -> str:
    """The first fenced code block after ``phrase`` (which must be in ``text`` once)."""
    assert text.count(phrase) == 1, phrase
    found = _FENCE.search(text, text.index(phrase))
    assert found is not None, phrase
    return found.group(1)


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def example_copy(root: Path) -> Path:
    """The example project, as a user copies it to try things."""
    root.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("playbooks", "content", "examples"):
        shutil.copytree(ROOT / folder, root / folder)
    return root


# -- example messages ----------------------------------------------------------------------------


def test_the_check_example_is_what_check_prints(tmp_path: Path) -> None:
    """A goal with a mistyped team, a quoted number and a misspelt field: three mistakes, three
    errors, as the README shows them (a misspelt required field is not also 'required')."""
    expected = block_after(README, "Every mistake is reported in one run")
    g2 = GOAL.format(id="g2", team="markting").replace("target: 400", 'target: "400"')
    root = make_project(tmp_path / "p", {"playbooks/goals/g2.yaml": g2.replace("period:", "periodd:")})
    assert cli("--project", str(root), "check") == (1, "", expected)


def test_the_missing_translations_example_is_what_check_prints(tmp_path: Path) -> None:
    expected = block_after(README, "`playbook check --translations` lists each at")
    goal = GOAL.format(id="untranslated-goal", team="marketing").replace("metric: Leads.\n", "")
    goal += "tags: [leads]\n# English to come\nmetric:\n  pl: Leady.\n"  # 'pl:' on line 16
    root = make_project(tmp_path / "p", {"playbooks/goals/untranslated-goal.yaml": goal,
                                         "content/only-polish.md": "# Tylko po polsku\n"})
    assert cli("--project", str(root), "check", "--translations") == (1, "", expected)


def test_the_output_folder_example_is_what_render_prints(tmp_path: Path) -> None:
    expected = block_after(README, "### Output folders").replace("/tmp/r7", str(tmp_path / "r7"))
    (tmp_path / "r7" / "notes").mkdir(parents=True)
    (tmp_path / "r7" / "mine.txt").write_text("mine", encoding="utf-8")
    root = make_project(tmp_path / "p")
    assert cli("--project", str(root), "render", "--out", str(tmp_path / "r7")) == (1, "", expected)
    assert sorted(p.name for p in (tmp_path / "r7").iterdir()) == ["mine.txt", "notes"]


# -- YAML examples pasted into a project ---------------------------------------------------------


def test_the_definition_examples_are_accepted(tmp_path: Path) -> None:
    """The goal of 'Writing the YAML' and the term of 'Glossary', each in place of the example
    project's file of the same id."""
    root = example_copy(tmp_path / "p")
    goal = block_after(README, "## Writing the YAML")
    term = block_after(README, "## Glossary")
    assert "id: qualified-leads" in goal and "id: mql\n" in term
    (root / "playbooks" / "goals" / "qualified-leads.yaml").write_text(goal, encoding="utf-8")
    (root / "playbooks" / "glossary" / "mql.yaml").write_text(term, encoding="utf-8")
    code, out, err = cli("--project", str(root), "check")
    assert (code, err) == (0, ""), err
    assert out.startswith("OK: ")


def test_the_values_file_example_fills_the_example_template(tmp_path: Path) -> None:
    values = tmp_path / "q1-2027.yaml"
    values.write_text(block_after(README, "**The values file** is YAML"), encoding="utf-8")
    code, out, err = cli("--project", str(ROOT), "sla", "fill", "marketing-sales-sla",
                         "--values", str(values))
    assert (code, err) == (0, ""), err
    assert "ACME sp. z o.o." in out


def test_the_units_example_says_what_the_readme_says(tmp_path: Path) -> None:
    """The derived value and clause of 'Units and their forms by number', in the example
    template: accepted, and the agreement says '40 wygranych transakcji' / '40 won deals'."""
    root = example_copy(tmp_path / "p")
    path = root / "playbooks" / "slas" / "marketing-sales-sla.yaml"
    template = parse_text(path.read_text(encoding="utf-8"), path.name).data
    fragment = yaml.safe_load(block_after(README, "**Units and their forms by number.**"))
    derived = fragment["derived"][0]
    template["derived"] = [derived if d["id"] == derived["id"] else d for d in template["derived"]]
    template["clauses"] = fragment["clauses"] + [c for c in template["clauses"] if c["id"] != "targets"]
    path.write_text(yaml.safe_dump(template, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert cli("--project", str(root), "check")[::2] == (0, "")
    values = str(ROOT / "examples" / "q1-2027.yaml")
    for lang, sentence in [("pl", "Kwartalny cel sprzedaży to 40 wygranych transakcji."),
                           ("en", "Sales is answerable for 40 won deals a quarter.")]:
        code, out, err = cli("--project", str(root), "sla", "fill", "marketing-sales-sla",
                             "--values", values, "--lang", lang)
        assert (code, err) == (0, ""), err
        assert sentence in out.replace("\N{NO-BREAK SPACE}", " ")


def test_the_settings_example_is_valid_and_names_every_option_the_example_uses() -> None:
    """Pasted as the theme and plugins of a mkdocs.yml, it is a working configuration."""
    settings = yaml.safe_load(block_after(README, "## Settings (`mkdocs.yml`)"))
    assert settings["theme"]["name"] == "material"  # without it MkDocs says "No theme name set"
    options = plugin_options(settings)
    assert options is not None
    settings_from(options, settings["theme"]["language"])  # raises on an unknown option
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as handle:
        used = plugin_options(yaml.load(handle, Loader=yaml.BaseLoader)) or {}
    assert sorted(set(used) - set(options)) == []
