"""One built copy of the example site for the search and language tests (one build per session).

The copy is the example project plus a few things only tests need: a goal with texts given in
Polish only, a hand-written page in Polish only and one in English only (so both sites show a
fallback), and no checklist PDFs (their own tests make them; here they only cost time).

Test modules import the fixtures they use from here; the build itself is cached at module level,
so however many modules ask, the site is built once per test session.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.errors import UserError
from generator.project import settings_from

EXAMPLE = Path(__file__).resolve().parent.parent
TODAY = "2026-01-15"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

UNTRANSLATED_GOAL = """\
kind: goal
id: untranslated-goal
title:
  pl: Cel bez tłumaczenia
  en: Untranslated goal
summary:
  pl: Cel, którego miara jest tylko po polsku.
  en: A goal whose metric is in Polish only.
owner: tests
review_by: 2027-06-30
team: sales
statement:
  pl: Zespół sprzedaży zamyka kwartał z nadwyżką.
  en: The sales team closes the quarter ahead of plan.
metric:
  pl: Liczba umów podpisanych w kwartale ponad plan.
target: 3
unit: deals
period: quarter
goal_type: quota
"""

ONLY_POLISH = """\
---
title: Strona tylko po polsku
---

# Strona tylko po polsku

Ta strona nie ma wersji angielskiej. Zobacz [zespół sprzedaży](teams/sales.md).
"""

ONLY_ENGLISH = """\
---
title: English-only page
---

# English-only page

This page has no Polish version. See the [sales team](teams/sales.md).
"""


@dataclass(frozen=True)
class Built:
    project: Path
    site: Path


def make_project(dest: Path) -> Path:
    """A copy of the example project with the additions above."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "content", "playbooks"):
        source = EXAMPLE / name
        if source.is_dir():
            shutil.copytree(source, dest / name)
        else:
            shutil.copy(source, dest / name)
    config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    if _knows_option("pdf"):
        config = config.replace("      default_language: pl\n", "      default_language: pl\n      pdf: false\n")
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    (dest / "playbooks" / "goals" / "untranslated-goal.yaml").write_text(UNTRANSLATED_GOAL, encoding="utf-8")
    (dest / "content" / "only-polish.md").write_text(ONLY_POLISH, encoding="utf-8")
    (dest / "content" / "only-english.en.md").write_text(ONLY_ENGLISH, encoding="utf-8")
    return dest


def _knows_option(name: str) -> bool:
    try:
        settings_from({name: False}, None)
    except UserError:
        return False
    return True


@functools.cache
def _build(base: Path) -> Built:
    project = make_project(base / "project")
    site = base / "site"
    before = os.environ.get("PLAYBOOK_TODAY")
    os.environ["PLAYBOOK_TODAY"] = TODAY
    try:
        code = main(["--project", str(project), "build", "--site-dir", str(site)])
    finally:
        if before is None:
            del os.environ["PLAYBOOK_TODAY"]
        else:
            os.environ["PLAYBOOK_TODAY"] = before
    assert code == 0
    return Built(project, site)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The example built by ``playbook build`` into ``site/pl`` and ``site/en`` (once)."""
    return _build(tmp_path_factory.getbasetemp() / "search-site")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def server(built: Built) -> Iterator[str]:
    """The built site on 127.0.0.1 (a free port); yields its address."""
    handler = functools.partial(_Quiet, directory=str(built.site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium driven by Playwright (skipped where there is none)."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("no /usr/bin/chromium")
    with playwright_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    # Material's fonts come from Google; the test machine may be offline: answer at once.
    context.route("https://fonts.googleapis.com/**", lambda route: route.abort())
    context.route("https://fonts.gstatic.com/**", lambda route: route.abort())
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()
