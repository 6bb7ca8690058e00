"""The hostile-input corpus: how a case is laid out, set up and run.

A case lives under ``tests/cases/hostile/<group>/`` and is either

- a file ``<name>.yaml`` (or ``.yml``) with its expected output in ``<name>.expected``: the file
  is dropped into a fresh copy of the base project as ``playbooks/cases/<name>.yaml``; or
- a folder ``<name>/`` whose files are laid over the base project (``playbooks/...``,
  ``content/...``, ``templates/...``), with the expected output in ``<name>/expected`` and, when
  the case needs what a file cannot hold, a ``<name>/case.json``:

  ``command``   the CLI arguments after ``--project DIR`` (default ``["check"]``); ``{out}`` is
                a fresh folder outside the project, ``{root}`` the project
  ``symlinks``  ``{"playbooks/x.yaml": "/etc/passwd"}``: links to create (``{root}`` = project)
  ``rename``    ``{"playbooks/cases/a.yaml": "playbooks/cases/a\\nb.yaml"}``: hostile names that
                do not belong in a repository; ``\\udcXX`` stands for the raw byte ``0xXX``
  ``generate``  ``{"playbooks/cases/big.yaml": {"head": "...", "text": "# x\\n", "times": N}}``
  ``seconds``, ``megabytes``  a different bound on time or memory (defaults below)

The expected file holds the exact standard error of the command. The base project
(``tests/cases/hostile/project``) is a small valid project with one definition of every kind.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import time
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.cli import main

CORPUS = Path(__file__).resolve().parent / "cases" / "hostile"
PROJECT = CORPUS / "project"
DROP = "playbooks/cases"
#: Default bounds per case, run in-process under tracemalloc (which slows Python 2-3 times).
SECONDS = 5.0
MEGABYTES = 64.0
_CASE_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Case:
    """One hostile input and the exact error output it must produce."""

    name: str  # "yaml/billion-laughs"
    source: Path  # the case file or folder
    expected_file: Path
    spec: dict[str, Any] = field(default_factory=dict)

    @property
    def expected(self) -> str:
        return self.expected_file.read_text(encoding="utf-8")

    @property
    def command(self) -> list[str]:
        return list(self.spec.get("command", ["check"]))

    @property
    def seconds(self) -> float:
        return float(self.spec.get("seconds", SECONDS))

    @property
    def megabytes(self) -> float:
        return float(self.spec.get("megabytes", MEGABYTES))


def all_cases() -> list[Case]:
    found: list[Case] = []
    for group in sorted(p for p in CORPUS.iterdir() if p.is_dir() and p != PROJECT):
        for item in sorted(group.iterdir()):
            name = f"{group.name}/{item.name}"
            if item.is_dir():
                spec_file = item / "case.json"
                spec = json.loads(spec_file.read_text(encoding="utf-8")) if spec_file.exists() else {}
                found.append(Case(name, item, item / "expected", spec))
            elif item.suffix in _CASE_SUFFIXES:
                found.append(Case(name.removesuffix(item.suffix), item, item.with_suffix(".expected")))
    return found


def _fs(path: str) -> str | bytes:
    """A path from a case.json: ``\\udcXX`` escapes become raw bytes (names that are not UTF-8)."""
    if any("\udc80" <= ch <= "\udcff" for ch in path):
        return os.fsencode(path)
    return path


def set_up(case: Case, root: Path) -> Path:
    """A fresh copy of the base project with the case laid over it; returns the project root."""
    shutil.copytree(PROJECT, root, symlinks=True)
    if case.source.is_file():
        target = root / DROP / case.source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(case.source, target)
    else:
        for path in sorted(case.source.rglob("*")):
            relative = path.relative_to(case.source)
            if path.is_dir() or relative.as_posix() in ("expected", "case.json"):
                continue
            target = root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    spec = case.spec
    for rel in spec.get("remove", []):
        victim = root / rel
        if victim.is_dir():
            shutil.rmtree(victim)
        else:
            victim.unlink()
    for rel, recipe in spec.get("generate", {}).items():
        made = root / rel
        made.parent.mkdir(parents=True, exist_ok=True)
        body = recipe.get("head", "") + recipe.get("text", "") * int(recipe.get("times", 1))
        made.write_bytes((body + recipe.get("tail", "")).encode("utf-8"))
    for old, new in spec.get("rename", {}).items():
        before = os.path.join(os.fsencode(root), os.fsencode(old))
        after = os.path.join(os.fsencode(root), os.fsencode(_fs(new)))
        os.makedirs(os.path.dirname(after), exist_ok=True)
        os.rename(before, after)
    for link, pointee in spec.get("symlinks", {}).items():
        where = root / link
        where.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(pointee.replace("{root}", str(root)), where)
    return root


def expand(command: list[str], root: Path, out_dir: Path) -> list[str]:
    """``{out}`` and ``{root}`` in a case's command."""
    return [a.replace("{out}", str(out_dir)).replace("{root}", str(root)) for a in command]


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str
    seconds: float
    megabytes: float


def run_cli(root: Path, command: list[str], out_dir: Path, trace: bool = True) -> Outcome:
    """The real CLI, in this process, with its output captured, its time and peak memory.

    The time is this process's CPU time, not the clock's: the bound is against runaway work
    (a blow-up, a loop), and a loaded machine (CI beside other jobs) stretches the clock's time
    of the same work several times over.

    It runs in the project folder, so a path given to the command (``--values values.yaml``) is
    shown as the user typed it."""
    args = ["--project", str(root), *expand(command, root, out_dir)]
    out, err = io.StringIO(), io.StringIO()
    if trace:
        tracemalloc.start()
    started = time.process_time()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), contextlib.chdir(root):
            code = main(args)
    finally:
        seconds = time.process_time() - started
        peak = tracemalloc.get_traced_memory()[1] if trace else 0
        if trace:
            tracemalloc.stop()
    return Outcome(code, out.getvalue(), err.getvalue(), seconds, peak / 2**20)
