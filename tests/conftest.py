"""Shared test fixtures: the example project, a fresh copy of it, and golden-file comparison."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

#: The tests read the tool's messages in English, whatever the machine's locale (a Polish
#: developer's LANG=pl_PL.UTF-8 would make them Polish); tests/test_tr.py checks the Polish ones.
#: Set before any test imports the package, and inherited by the commands tests run.
os.environ["PLAYBOOK_LANG"] = "en"

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-27"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite golden files from the current output (review the diff!)",
    )


@pytest.fixture(autouse=True)
def _pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Review-date warnings depend on today; tests pin it."""
    monkeypatch.setenv("PLAYBOOK_TODAY", TODAY)


@pytest.fixture
def polish() -> Iterator[None]:
    """The tool's messages in Polish for one test (the others read English: see above)."""
    from generator.tr import set_language

    set_language("pl")
    try:
        yield
    finally:
        set_language(None)


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A throw-away copy of the example project (mkdocs.yml, playbooks/, content/)."""
    target = tmp_path / "project"
    target.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "playbooks", target / "playbooks")
    shutil.copytree(ROOT / "content", target / "content")
    if (ROOT / "templates").is_dir():
        shutil.copytree(ROOT / "templates", target / "templates")
    return target


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[Path, str], None]:
    """``golden(path, text)``: compare ``text`` with the golden file, or rewrite it with the flag."""
    update = bool(request.config.getoption("--update-golden"))

    def check(path: Path, text: str) -> None:
        if update or not path.exists():
            if not update:
                pytest.fail(f"golden file {path} is missing: run pytest --update-golden")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        expected = path.read_text(encoding="utf-8")
        assert text == expected, f"{path} differs; if the change is intended, run --update-golden"

    return check


#: Debian's Chromium, headless, with nothing that reaches for the network.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One Playwright-driven Chromium for the whole session: Playwright's sync API allows only one
    running instance per thread, so every browser test shares this one."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path("/usr/bin/chromium").exists():
        pytest.fail("Debian's chromium is missing: run scripts/test, which installs it")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture()
def tab(chromium: Any) -> Iterator[Any]:
    """A fresh browser page (1280 x 900) in a context of its own, closed after the test; a module
    may define its own ``tab`` instead."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()
