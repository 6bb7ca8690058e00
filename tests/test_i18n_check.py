"""``playbook check`` and missing translations: a warning by default, a failing list on request."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from tests.search_project import make_project


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("i18n-check"))


def _run(project: Path, *args: str) -> int:
    return main(["--project", str(project), "check", *args])


def test_check_translations_lists_every_missing_translation_and_fails(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(project, "--translations") == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "content/only-english.en.md:1:1: missing translation: pl (add only-english.md).",
        "content/only-polish.md:1:1: missing translation: en (add only-polish.en.md).",
        "playbooks/goals/untranslated-goal.yaml:16:3: metric: missing translation: en (write it after 'en:').",
        "Found 3 errors in 3 files.",
    ]


def test_plain_check_only_warns_with_a_count(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(project) == 0
    out, err = capsys.readouterr()
    assert "warning: 3 texts in 3 files have no translation" in err
    assert "'playbook check --translations' lists them." in err
    assert out.startswith("OK: ")


def test_json_output_lists_them_with_translations(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(project, "--translations", "--format", "json") == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    places = {(p["file"], p["line"], p["col"]) for p in report["problems"]}
    assert ("playbooks/goals/untranslated-goal.yaml", 16, 3) in places


def test_the_example_is_fully_translated(capsys: pytest.CaptureFixture[str]) -> None:
    example = Path(__file__).resolve().parent.parent
    assert main(["--project", str(example), "check", "--translations"]) == 0
    assert "no translation" not in capsys.readouterr().err
