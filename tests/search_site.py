"""Fixtures: the search-test project built once per session, served on 127.0.0.1, and Chromium.

Test modules load these with ``pytest_plugins = ["tests.search_site"]``; the build is cached at
module level, so however many modules ask, the site is built once per test session. The names
start with ``search_`` because a plugin's fixtures are seen by every test module.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from tests.search_project import TODAY, Built, make_project
from tests.serving import serve


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
def search_built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The example built by ``playbook build`` into ``site/pl`` and ``site/en`` (once)."""
    return _build(tmp_path_factory.getbasetemp() / "search-site")


@pytest.fixture(scope="session")
def search_server(search_built: Built) -> Iterator[str]:
    """The built site on 127.0.0.1 (a free port); yields its address."""
    with serve(search_built.site) as address:
        yield address + "/"


@pytest.fixture(scope="session")
def search_browser(chromium: Any) -> Any:
    """Headless Debian Chromium driven by Playwright (the session's one, see conftest)."""
    return chromium


@pytest.fixture()
def search_page(search_browser: Any) -> Iterator[Any]:
    context = search_browser.new_context(viewport={"width": 1280, "height": 900})
    # Material's fonts come from Google; the test machine may be offline: answer at once.
    context.route("https://fonts.googleapis.com/**", lambda route: route.abort())
    context.route("https://fonts.gstatic.com/**", lambda route: route.abort())
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()
