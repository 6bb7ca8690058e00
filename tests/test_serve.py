"""``playbook serve``: editing a YAML file under playbooks/ rebuilds the page."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            body: bytes = response.read()
            return body.decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, needle: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = fetch(url)
        if body is not None and needle in body:
            return True
        time.sleep(0.3)
    return False


@contextlib.contextmanager
def serving(project: Path, *args: str) -> Iterator[tuple[str, list[str]]]:
    """``playbook serve ARGS`` in ``project``; yields its address and, once stopped, its output."""
    port = free_port()
    env = {**os.environ, "PLAYBOOK_TODAY": "2026-11-27"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "serve", *args, "--port", str(port)],
        cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    output: list[str] = []
    try:
        yield f"http://127.0.0.1:{port}/", output
    finally:
        proc.terminate()
        output.append(proc.communicate(timeout=20)[0])
    assert "Traceback" not in output[0]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_editing_yaml_rebuilds_the_page(example_copy: Path) -> None:
    with serving(example_copy) as (address, output):
        url = address + "goals/qualified-leads/"
        assert wait_for(url, "Leady zakwalifikowane przez marketing", 60)
        edit(example_copy / "playbooks" / "goals" / "qualified-leads.yaml",
             "pl: Leady zakwalifikowane przez marketing", "pl: Leady po zmianie")
        assert wait_for(url, "Leady po zmianie", 60), "the page was not rebuilt after the edit"
    assert "Serving on" in output[0]


def test_serve_previews_the_language_asked_for(example_copy: Path) -> None:
    with serving(example_copy, "--lang", "en") as (address, _output):
        url = address + "goals/qualified-leads/"
        assert wait_for(url, "Marketing-qualified leads", 60)
        body = fetch(url) or ""
        assert '<html lang="en"' in body and "Head of Marketing" in body
        edit(example_copy / "playbooks" / "goals" / "qualified-leads.yaml",
             "en: Marketing-qualified leads", "en: Leads after the edit")
        assert wait_for(url, "Leads after the edit", 60), "the English page was not rebuilt after the edit"


def test_serve_refuses_a_language_the_project_does_not_have(example_copy: Path) -> None:
    mkdocs_yml = example_copy / "mkdocs.yml"
    text = mkdocs_yml.read_text(encoding="utf-8")
    text = text.replace("languages: [pl, en]", "languages: [pl]")
    # and the English entries of the per-language settings (site_names, site_descriptions)
    text = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("        en: "))
    mkdocs_yml.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "generator.cli", "serve", "--lang", "en", "--port", str(free_port())],
        cwd=example_copy, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.strip() == "--lang: 'en' is not one of pl."
