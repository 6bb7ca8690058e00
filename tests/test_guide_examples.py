"""The editors' guide (content/how-to-edit.md and how-to-edit.en.md), read as an editor reads it:
every YAML example pasted into a project is accepted, every message shown is what the tool prints
for the mistake shown, every command shown is one the tool takes, and the table of kinds links each
kind to an example of it.

Each YAML block of the guide is one of:

- a whole definition (it has ``kind:``): written as a file of its kind, in place of the example
  project's file of the same id;
- ``<!-- fragment: PATH -->`` before it: its fields put into the example project's file PATH (for
  ``mkdocs.yml``, into the ``playbook`` plugin's options);
- ``<!-- values: SLA-ID -->``: a values file for that SLA template, filled with ``sla fill``;
- ``<!-- mistake: PATH -->``: lines of the page's whole example of PATH, changed as shown; the
  next ``text`` block is what ``check`` prints for it.

A block of none of these fails here, so that a new example is tested as it is added."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import make_parser
from generator.models import KINDS
from generator.tr import set_language
from generator.yamlfile import parse_text
from tests.test_readme import ROOT, cli, example_copy

PAGES = ["how-to-edit.md", "how-to-edit.en.md"]
_BLOCK = re.compile(r"(?:<!-- (?P<mark>[a-z]+): (?P<target>\S+) -->\n)?^```(?P<lang>[a-z]*)\n(?P<body>.*?)^```",
                    re.S | re.M)
#: A command shown in a code block, also one indented in a list item.
#: ``file:line:col: where:`` of a message.
_LOCATION = re.compile(r"^\S+:\d+:\d+: [^:]+:", re.M)
_COMMAND = re.compile(r"^ *```\n((?: *playbook .*\n)+) *```", re.M)


def guide(page: str) -> str:
    return (ROOT / "content" / page).read_text(encoding="utf-8")


def blocks(page: str) -> list[tuple[str | None, str | None, str, str]]:
    """Every fenced block at the start of a line: (mark, target, language, text)."""
    return [(m["mark"], m["target"], m["lang"], m["body"]) for m in _BLOCK.finditer(guide(page))]


def yaml_blocks(page: str) -> list[tuple[str | None, str | None, str]]:
    return [(mark, target, body) for mark, target, lang, body in blocks(page) if lang == "yaml"]


def read(text: str, name: str) -> Any:
    parsed = parse_text(text, name)
    assert not parsed.problems, (name, parsed.problems)
    return parsed.data


def definition_path(root: Path, data: dict[str, Any]) -> Path:
    return root / "playbooks" / KINDS[data["kind"]].SECTION / f"{data['id']}.yaml"


def put_fragment(root: Path, target: str, body: str) -> None:
    """The fragment's fields into the example's file ``target`` (replacing the fields it names)."""
    fragment = read(body, target)
    path = root / target
    if target == "mkdocs.yml":
        (options,) = (item["playbook"] for item in fragment if isinstance(item, dict) and "playbook" in item)
        text = path.read_text(encoding="utf-8")
        head, sep, rest = text.partition("  - playbook:\n")
        assert sep, "the example's mkdocs.yml has no '- playbook:' with options"
        kept = [line for line in rest.splitlines(keepends=True)
                if not any(line.startswith(f"      {key}:") for key in options)]
        added = body.partition("  - playbook:\n")[2]  # the lines as shown, under '- playbook:'
        assert added and set(options) == {line.split(":")[0].strip() for line in added.splitlines()}
        path.write_text(head + sep + added + "".join(kept), encoding="utf-8")
        return
    assert path.is_file(), f"the fragment's file {target} is not in the example project"
    data = read(path.read_text(encoding="utf-8"), target)
    assert set(fragment) - set(data) <= {"tags", "keywords", "unit", "currency", "days"}, fragment
    data.update(fragment)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.parametrize("page", PAGES)
def test_every_yaml_example_is_accepted(tmp_path: Path, page: str) -> None:
    """Every example at once in a copy of the example project: ``check`` finds nothing wrong
    (not even a warning), and each values file fills its template."""
    root = example_copy(tmp_path / "p")
    values: list[tuple[str, str]] = []
    seen = 0
    for mark, target, body in yaml_blocks(page):
        if mark is None:
            data = read(body, page)
            assert isinstance(data, dict) and "kind" in data, (
                f"a YAML block of {page} that is not a whole definition needs a mark before it "
                f"(<!-- fragment: PATH -->, <!-- values: ID --> or <!-- mistake: PATH -->):\n{body}")
            definition_path(root, data).write_text(body, encoding="utf-8")
        elif mark == "fragment":
            assert target is not None
            put_fragment(root, target, body)
        elif mark == "values":
            assert target is not None
            values.append((target, body))
        else:
            assert mark == "mistake", f"unknown mark {mark!r} in {page}"
            continue
        seen += 1
    code, out, err = cli("--project", str(root), "check")
    assert (code, err) == (0, ""), err
    assert out.startswith("OK: ")
    assert seen >= 5, "the guide's YAML examples were not found"
    assert values, "the guide's values file example was not found"
    for i, (template, body) in enumerate(values):
        path = tmp_path / f"values-{i}.yaml"
        path.write_text(body, encoding="utf-8")
        code, out, err = cli("--project", str(root), "sla", "fill", template, "--values", str(path))
        assert (code, err) == (0, ""), err
        for name, value in read(body, path.name).items():
            if isinstance(value, str) and not re.fullmatch(r"[0-9-]+", value):  # texts, not dates
                assert value in out, name


@pytest.mark.parametrize("page", PAGES)
def test_the_example_fragments_change_what_they_say(tmp_path: Path, page: str) -> None:
    """A fragment is not accepted by being ignored: the goal's page shows the unit's forms and
    the amount as the guide says, and the mkdocs.yml fragment's days off are read."""
    root = example_copy(tmp_path / "p")
    for mark, target, body in yaml_blocks(page):
        if mark == "fragment" and target is not None:
            put_fragment(root, target, body)
    options = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    (playbook,) = (p["playbook"] for p in options["plugins"] if isinstance(p, dict) and "playbook" in p)
    assert playbook["days_off"] == ["2027-05-04", "2027-12-31"]
    out = tmp_path / "pages"
    assert cli("--project", str(root), "render", "--out", str(out), "--lang", "pl")[::2] == (0, "")
    assert "14\N{NO-BREAK SPACE}transakcji" in (out / "goals" / "monthly-sales-quota.md").read_text(encoding="utf-8")
    assert "1\N{NO-BREAK SPACE}200\N{NO-BREAK SPACE}000\N{NO-BREAK SPACE}zł" in (
        out / "goals" / "quarterly-revenue.md").read_text(encoding="utf-8")
    shutil.rmtree(out)
    assert cli("--project", str(root), "render", "--out", str(out), "--lang", "en")[::2] == (0, "")
    assert "14\N{NO-BREAK SPACE}deals" in (out / "goals" / "monthly-sales-quota.md").read_text(encoding="utf-8")
    assert "PLN 1,200,000" in (out / "goals" / "quarterly-revenue.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("page", PAGES)
def test_the_message_example_is_what_check_prints(tmp_path: Path, page: str) -> None:
    """The mistake shown, made in the page's own whole example of that file (line by line, so the
    lines and columns are the example's), gives exactly the messages the page shows after it."""
    found = blocks(page)
    mistakes = [i for i, (mark, _t, _l, _b) in enumerate(found) if mark == "mistake"]
    assert mistakes, f"{page} shows no mistake and its message"
    for i in mistakes:
        _mark, target, _lang, body = found[i]
        assert target is not None
        (whole,) = [b for m, _t, lang, b in found if m is None and lang == "yaml"
                    and f"/{read(b, page).get('id')}.yaml" in target]
        lines = whole.splitlines(keepends=True)
        for changed in body.splitlines(keepends=True):
            key = changed.split(":", 1)[0] + ":"
            (at,) = [n for n, line in enumerate(lines) if line.startswith(key)]
            lines[at] = changed
        root = example_copy(tmp_path / f"p{i}")
        (root / target).write_text("".join(lines), encoding="utf-8")
        expected = found[i + 1]
        assert expected[2] == "text", "the message of a mistake goes in a ```text block after it"
        set_language("pl" if page == PAGES[0] else "en")  # each page shows its language's messages
        try:
            assert cli("--project", str(root), "check") == (1, "", expected[3])
        finally:
            set_language(None)


def test_both_pages_show_the_same_examples() -> None:
    """The Polish and English guides say the same things: the same YAML (comments aside), marked
    the same way, and the same messages."""
    pl, en = blocks(PAGES[0]), blocks(PAGES[1])
    assert [(m, t, lang) for m, t, lang, _b in pl] == [(m, t, lang) for m, t, lang, _b in en]
    for (_m, _t, lang, a), (_m2, _t2, _l2, b) in zip(pl, en, strict=True):
        if lang == "yaml":
            assert yaml.safe_load(a) == yaml.safe_load(b)
        elif lang == "text":  # messages: the same places, each in its page's language
            assert _LOCATION.findall(a) == _LOCATION.findall(b)
            assert len(a.splitlines()) == len(b.splitlines())
            assert a != b or not _LOCATION.search(a)


@pytest.mark.parametrize("page", PAGES)
def test_every_command_shown_is_one_the_tool_takes(page: str) -> None:
    commands = [line.strip() for block in _COMMAND.findall(guide(page)) for line in block.splitlines()]
    assert "playbook check" in commands and "playbook serve" in commands
    parser = make_parser()
    for command in commands:
        words = shlex.split(command)
        try:
            parser.parse_args(words[1:])
        except SystemExit as exc:  # pragma: no cover - a failing test
            raise AssertionError(f"{page}: '{command}' is not a command the tool takes") from exc
    assert any(c.startswith("playbook new ") for c in commands)


@pytest.mark.parametrize("page", PAGES)
def test_the_table_of_kinds_links_an_example_of_each(page: str) -> None:
    """One row per kind: its folder, and a link to the page of an example file of that kind,
    named by that file."""
    rows = re.findall(r"^\| `([a-z]+)` \| [^|]+ \| `([a-z]+)/` \| \[([a-z0-9-]+)\.yaml\]\(([a-z]+)/([a-z0-9-]+)\.md\) \|$",
                      guide(page), re.M)
    assert sorted(kind for kind, *_ in rows) == sorted(KINDS)
    for kind, folder, name, section, ident in rows:
        assert folder == section == KINDS[kind].SECTION and name == ident
        data = read((ROOT / "playbooks" / folder / f"{name}.yaml").read_text(encoding="utf-8"), name)
        assert (data["kind"], data["id"]) == (kind, ident)
