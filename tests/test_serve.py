"""``playbook serve``: editing a YAML file under playbooks/ rebuilds the page."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
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


def test_editing_yaml_rebuilds_the_page(example_copy: Path) -> None:
    port = free_port()
    env = {**os.environ, "PLAYBOOK_TODAY": "2026-11-27"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "serve", "--port", str(port)],
        cwd=example_copy, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    url = f"http://127.0.0.1:{port}/goals/qualified-leads/"
    try:
        assert wait_for(url, "Leady zakwalifikowane przez marketing", 60)
        path = example_copy / "playbooks" / "goals" / "qualified-leads.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("pl: Leady zakwalifikowane przez marketing", "pl: Leady po zmianie"), encoding="utf-8")
        assert wait_for(url, "Leady po zmianie", 60), "the page was not rebuilt after the edit"
    finally:
        proc.terminate()
        output, _ = proc.communicate(timeout=20)
    assert "Traceback" not in output
    assert "Serving on" in output


def test_serve_previews_the_language_asked_for(example_copy: Path) -> None:
    port = free_port()
    env = {**os.environ, "PLAYBOOK_TODAY": "2026-11-27"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "serve", "--lang", "en", "--port", str(port)],
        cwd=example_copy, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    url = f"http://127.0.0.1:{port}/goals/qualified-leads/"
    try:
        assert wait_for(url, "Marketing-qualified leads", 60)
        body = fetch(url) or ""
        assert '<html lang="en"' in body and "Head of Marketing" in body
        path = example_copy / "playbooks" / "goals" / "qualified-leads.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("en: Marketing-qualified leads", "en: Leads after the edit"), encoding="utf-8")
        assert wait_for(url, "Leads after the edit", 60), "the English page was not rebuilt after the edit"
    finally:
        proc.terminate()
        output, _ = proc.communicate(timeout=20)
    assert "Traceback" not in output


def test_serve_refuses_a_language_the_project_does_not_have(example_copy: Path) -> None:
    mkdocs_yml = example_copy / "mkdocs.yml"
    text = mkdocs_yml.read_text(encoding="utf-8")
    text = text.replace("languages: [pl, en]", "languages: [pl]")
    mkdocs_yml.write_text(text.replace("        en: Sales and marketing — playbook\n", ""), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "generator.cli", "serve", "--lang", "en", "--port", str(free_port())],
        cwd=example_copy, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.strip() == "--lang: 'en' is not one of pl."
