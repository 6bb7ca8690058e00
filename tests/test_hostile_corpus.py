"""Every case of the hostile-input corpus (``tests/cases/hostile/``): exit status 1, the exact
``file:line:col`` and message, no traceback, within a bound on time and memory.

Run with ``--update-golden`` to (re)write the expected files from the current output, then review
the diff: each expected file is a promise about what a user reads.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hostile import PROJECT, Case, all_cases, expand, run_cli, set_up

CASES = all_cases()
ROOT = Path(__file__).resolve().parent.parent


def test_the_corpus_is_large_and_every_case_has_an_expected_output() -> None:
    assert len(CASES) >= 80
    missing = [c.name for c in CASES if not c.expected_file.exists()]
    assert missing == [], f"run pytest --update-golden and review: {missing}"


def test_the_base_project_is_valid(tmp_path: Path) -> None:
    """A case fails because of what it adds, never because the base is broken."""
    outcome = run_cli(PROJECT, ["check"], tmp_path / "out", trace=False)
    assert (outcome.code, outcome.err) == (0, "")
    assert outcome.out.startswith("OK: 9 definitions in 9 files")


@pytest.fixture(scope="module", autouse=True)
def _warm(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Whichever case runs first would otherwise pay for importing and setting up what every
    later case reuses (under tracemalloc, several seconds on a loaded machine)."""
    run_cli(PROJECT, ["check"], tmp_path_factory.mktemp("warm"), trace=False)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input_gets_a_located_plain_error(
    case: Case, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    root = set_up(case, tmp_path / "project")
    outcome = run_cli(root, case.command, tmp_path / "out")
    assert "Traceback" not in outcome.err, outcome.err
    if request.config.getoption("--update-golden"):
        case.expected_file.write_text(outcome.err, encoding="utf-8")
    assert outcome.code == 1, outcome.err
    assert outcome.err == case.expected
    assert outcome.err.endswith((" file.\n", " files.\n")), "the summary line ends the output"
    assert outcome.seconds < case.seconds, f"took {outcome.seconds:.2f} s"
    assert outcome.megabytes < case.megabytes, f"peaked at {outcome.megabytes:.1f} MB"


def test_billion_laughs_is_refused_well_under_a_second(tmp_path: Path) -> None:
    """Timed without tracemalloc, as a user would run it; the file is about 500 bytes."""
    case = next(c for c in CASES if c.name == "yaml/billion-laughs")
    assert 300 < case.source.stat().st_size < 700
    root = set_up(case, tmp_path / "project")
    outcome = run_cli(root, ["check"], tmp_path / "out", trace=False)
    assert outcome.seconds < 0.5
    assert outcome.code == 1
    assert "anchor (&a)" in outcome.err


#: A handful run as a user runs them: a separate process, memory capped by the kernel.
SUBPROCESS_CASES = [
    "yaml/billion-laughs",
    "yaml/nesting-5000-flow",
    "yaml/utf16-bom",
    "names/file-name-control-chars",
    "templates/cpu-nested-loops",
]


def _cap_memory() -> None:  # pragma: no cover - runs in the child process
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


@pytest.mark.parametrize("name", SUBPROCESS_CASES)
def test_no_traceback_reaches_a_user(name: str, tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == name)
    root = set_up(case, tmp_path / "project")
    args = expand(case.command, root, tmp_path / "out")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PLAYBOOK_TODAY": "2026-11-27"}
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "generator.cli", "--project", str(root), *args],
        cwd=root,
        capture_output=True,
        text=True,
        errors="backslashreplace",
        env=env,
        timeout=60,
        preexec_fn=_cap_memory,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr == case.expected
    assert proc.stdout == ""
    assert time.perf_counter() - started < case.seconds + 5
