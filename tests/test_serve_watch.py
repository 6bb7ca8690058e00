"""What ``playbook serve`` watches: the project's own templates (an override made while the
preview runs, the ``templates/`` folder too, which the example project does not have, is used
from the next rebuild on, as an edited or deleted one is, without restarting the preview) and the
theme's overrides (``theme.custom_dir``), named in mkdocs.yml before or while it runs."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.plugin.serve import watch_folder
from generator.render import environment
from tests.test_serve import edit, free_port

PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "generator" / "templates"


def test_an_override_added_after_the_package_template_was_used_replaces_it(tmp_path: Path) -> None:
    templates = tmp_path / "templates"  # not there yet, as in the example project
    env = environment(templates)
    assert env.get_template("goal.md.j2").filename == str(PACKAGE_TEMPLATES / "goal.md.j2")
    templates.mkdir()
    (templates / "goal.md.j2").write_text("OVERRIDE {{ 1 + 1 }}\n", encoding="utf-8")
    assert env.get_template("goal.md.j2").render() == "OVERRIDE 2\n"
    (templates / "goal.md.j2").unlink()  # deleted: the package's again
    assert env.get_template("goal.md.j2").filename == str(PACKAGE_TEMPLATES / "goal.md.j2")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[Path, list[float]]]:
    """MkDocs' LiveReloadServer with a builder that counts its builds; ``templates/`` (missing)
    watched as the plugin watches it."""
    from mkdocs.livereload import LiveReloadServer

    site, playbooks = tmp_path / "site", tmp_path / "playbooks"
    site.mkdir()
    playbooks.mkdir()
    builds: list[float] = []
    live = LiveReloadServer(builder=lambda: builds.append(time.monotonic()), host="127.0.0.1",
                            port=free_port(), root=str(site))
    live.watch(str(playbooks))
    watch_folder(live, tmp_path / "templates")
    thread = threading.Thread(target=live.serve, daemon=True)
    thread.start()
    assert _until(live.observer.is_alive)
    time.sleep(0.3)  # its first look at the folders
    try:
        yield tmp_path, builds
    finally:
        live.shutdown(wait=True)
        thread.join(10)


def _until(check: object, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


def test_a_templates_folder_made_while_serving_is_watched(server: tuple[Path, list[float]]) -> None:
    root, builds = server
    (root / "templates").mkdir()
    time.sleep(0.3)
    (root / "templates" / "goal.md.j2").write_text("one\n", encoding="utf-8")
    assert _until(lambda: len(builds) >= 1), "no rebuild after the first override was saved"
    time.sleep(0.5)
    seen = len(builds)
    (root / "templates" / "goal.md.j2").write_text("two\n", encoding="utf-8")
    assert _until(lambda: len(builds) > seen), "no rebuild after the override was edited"


def test_a_templates_folder_copied_in_whole_while_serving_rebuilds(server: tuple[Path, list[float]], tmp_path: Path) -> None:
    root, builds = server
    ready = tmp_path / "ready"
    ready.mkdir()
    (ready / "goal.md.j2").write_text("one\n", encoding="utf-8")
    ready.rename(root / "templates")  # a folder moved in, its file already there
    assert _until(lambda: len(builds) >= 1), "no rebuild after a templates folder was moved in"


def test_a_templates_folder_deleted_and_made_again_while_serving(server: tuple[Path, list[float]]) -> None:
    root, builds = server
    (root / "templates").mkdir()
    (root / "templates" / "goal.md.j2").write_text("one\n", encoding="utf-8")
    assert _until(lambda: len(builds) >= 1)
    time.sleep(0.5)
    seen = len(builds)
    (root / "templates" / "goal.md.j2").unlink()
    (root / "templates").rmdir()  # the override gone: the pages go back to the package's
    assert _until(lambda: len(builds) > seen), "no rebuild after the templates folder was deleted"
    time.sleep(0.5)
    seen = len(builds)
    (root / "templates").mkdir()
    time.sleep(0.6)
    seen = len(builds)
    (root / "templates" / "goal.md.j2").write_text("two\n", encoding="utf-8")
    assert _until(lambda: len(builds) > seen), "the templates folder made again is not watched"


class _Server:
    """What the plugin asks of MkDocs' server: the folders it is told to watch."""

    observer = None
    builder = app = None

    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str) -> None:
        self.watched.append(path)

    def get_app(self) -> Any:
        return self.app

    def set_app(self, app: Any) -> None:
        self.app = app


def test_the_theme_overrides_are_watched_also_when_named_while_serving(example_copy: Path) -> None:
    from mkdocs.config import load_config

    from generator.plugin import PlaybookPlugin

    def config() -> Any:
        return load_config(str(example_copy / "mkdocs.yml"), site_dir=str(example_copy / "site"))

    (example_copy / "overrides").mkdir()
    first = config()
    first.plugins.on_startup(command="serve", dirty=True)
    plugin = next(p for p in first.plugins.values() if isinstance(p, PlaybookPlugin))
    try:
        first = first.plugins.on_config(first)
        server = _Server()
        plugin.on_serve(server, first, None)
        assert str(example_copy / "playbooks") in server.watched
        assert str(example_copy / "overrides") not in server.watched
        edit(example_copy / "mkdocs.yml", "  name: material\n", "  name: material\n  custom_dir: overrides\n")
        again = config()
        again.plugins.on_config(again)  # the rebuild after the edit
        again.plugins.on_config(again)  # and the next: watched once
        assert server.watched.count(str(example_copy / "overrides")) == 1
    finally:
        first.plugins.on_shutdown()
