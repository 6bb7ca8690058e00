"""``playbook serve`` rebuilds: after an edit only the pages that show it are written again, and
the site (pages and search) is exactly what a cold build of the edited project makes.

The serve session runs in this process, as MkDocs' serve builder does (one plugin instance,
``on_startup("serve")``, a fresh config per build, ``playbook serve``'s build type). Each step's
reference is a cold build of the same project in a fresh Python process (nothing shared). Which
generated pages must be written is predicted independently: those whose planned Markdown changed
(:func:`generator.pages.plan` before and after), plus the hand-written pages (always written).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import logging
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.catalogue import Loader
from generator.pages import page_path, plan
from generator.rebuild import Rebuilds, remove_stale

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-27"
SERVE_URL = "http://127.0.0.1:8000/"
HAND_WRITTEN = {"index.md", "about.md", "how-to-edit.md"}  # the example's Polish pages


class Session:
    """``playbook serve`` without the web server: MkDocs' serve builder, step by step."""

    def __init__(self, project: Path, site: Path) -> None:
        from generator.plugin import SERVE_BUILD_TYPE, PlaybookPlugin

        self.project, self.site = project, site
        self.dirty = SERVE_BUILD_TYPE == "dirty"
        self.first: Any = self._config()
        self.first.plugins.on_startup(command="serve", dirty=self.dirty)
        self.plugin = next(p for p in self.first.plugins.values() if isinstance(p, PlaybookPlugin))
        self.builds = 0

    def _config(self) -> Any:
        from mkdocs.config import load_config

        config = load_config(str(self.project / "mkdocs.yml"), site_dir=str(self.site))
        config.site_url = SERVE_URL
        return config

    def build(self) -> None:
        from mkdocs.commands.build import build

        config = self.first if self.builds == 0 else self._config()
        self.builds += 1
        build(config, serve_url=SERVE_URL, dirty=self.dirty)

    def wait_for_search(self) -> None:
        live = self.plugin.live_search
        assert live is not None, "serve keeps a live search index"
        run = live.wait(120)
        assert run is not None and run.error is None and not run.cancelled

    @property
    def wrote(self) -> set[str]:
        assert self.plugin.rebuilds is not None
        return set(self.plugin.rebuilds.wrote)

    def close(self) -> None:
        self.first.plugins.on_shutdown()


def _cold_main(argv: list[str]) -> None:
    """A cold serve build of ``argv[0]`` into ``argv[1]``, search included (run in a new process)."""
    project, site = Path(argv[0]), Path(argv[1])
    os.chdir(project)
    session = Session(project, site)
    try:
        session.build()
        session.wait_for_search()
    finally:
        session.close()


def cold_build(project: Path, site: Path) -> None:
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir(parents=True)
    code = "import sys; from tests.test_serve_rebuild import _cold_main; _cold_main(sys.argv[1:])"
    done = subprocess.run(
        [sys.executable, "-c", code, str(project), str(site)], cwd=ROOT, capture_output=True,
        text=True, env={**os.environ, "PLAYBOOK_TODAY": TODAY}, timeout=600, check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]


def files_of(site: Path) -> dict[str, tuple[int, bytes]]:
    """Every file of a site but the search bundle: (modification time, bytes)."""
    out: dict[str, tuple[int, bytes]] = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and not rel.startswith("pagefind"):
            out[rel] = (path.stat().st_mtime_ns, path.read_bytes())
    return out


def search_texts(site: Path) -> dict[str, Any]:
    """What the Pagefind bundle holds for each page (its fragments, decoded)."""
    out: dict[str, Any] = {}
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        fragment = json.loads(data[len(b"pagefind_dcd"):])
        out[fragment["url"]] = (fragment["content"], fragment.get("meta"), fragment.get("filters"))
    return out


def html_of(src_uri: str) -> str:
    """Where a page's HTML lands (``use_directory_urls``)."""
    stem = src_uri[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def planned(project: Path) -> dict[str, str]:
    catalogue, problems = Loader(project, project / "playbooks").load(dt.date.fromisoformat(TODAY))
    assert not [p for p in problems if p.severity == "error"]
    return {p.path: p.markdown for p in plan(catalogue, "pl", project / "templates",
                                               dt.date.fromisoformat(TODAY), pdf_links=False)}


def changed_plans(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {path for path in after if before.get(path) != after[path]}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name}: {old!r} not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def served(example_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Session]:
    """The example (without PDFs) served: its cold build done and its search index made."""
    config = example_copy / "mkdocs.yml"
    edit(config, "  - playbook:\n", "  - playbook:\n      pdf: false\n")
    monkeypatch.chdir(example_copy)
    session = Session(example_copy, tmp_path / "served")
    try:
        session.build()
        session.wait_for_search()
        yield session
    finally:
        session.close()


class Step:
    """One edit to the served project, checked against a cold build of the edited project."""

    def __init__(self, session: Session, tmp: Path) -> None:
        self.session, self.tmp = session, tmp
        self.count = 0

    def __call__(self) -> tuple[set[str], dict[str, tuple[int, bytes]], dict[str, tuple[int, bytes]]]:
        """Rebuild; the pages written and the site before and after. Asserts the site (pages and
        search) equals a cold build's, and that pages not written are untouched."""
        session = self.session
        before = files_of(session.site)
        session.build()
        after = files_of(session.site)
        wrote = session.wrote
        session.wait_for_search()

        self.count += 1
        reference = self.tmp / f"cold-{self.count}"
        cold_build(session.project, reference)
        expected = files_of(reference)
        assert sorted(after) == sorted(expected), "not the files a cold build makes"
        different = [name for name in expected if after[name][1] != expected[name][1]]
        assert different == [], f"differs from a cold build: {different[:10]}"
        assert search_texts(session.site) == search_texts(reference), "the search index lags"

        written_html = {html_of(uri) for uri in wrote}
        for name, (mtime, data) in after.items():
            if name.endswith("index.html") and name not in written_html and name in before:
                assert before[name] == (mtime, data), f"{name} was written but not reported"
        return wrote, before, after


def test_a_one_field_change_writes_only_the_pages_that_show_it(
    served: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs.structure.pages import Page

    project = served.project
    step = Step(served, tmp_path)
    plans = planned(project)
    edit(project / "playbooks" / "goals" / "qualified-leads.yaml",
         "    Liczba leadów MQL, które marketing", "    Zmienionecelu: liczba leadów MQL, które marketing")
    changed = changed_plans(plans, planned(project))
    assert "goals/qualified-leads.md" in changed and len(changed) < len(plans) // 4
    rendered: list[str] = []
    render = Page.render

    def counted(page: Page, config: Any, files: Any) -> None:
        rendered.append(page.file.src_uri)
        render(page, config, files)

    monkeypatch.setattr(Page, "render", counted)

    wrote, before, after = step()

    assert sorted(rendered) == sorted(changed | HAND_WRITTEN)  # Markdown to HTML
    assert wrote == changed | HAND_WRITTEN  # HTML files
    page = "goals/qualified-leads/index.html"
    assert b"Zmienionecelu" in after[page][1] and b"Zmienionecelu" not in before[page][1]
    kept = [name for name in after if name.endswith(".html") and name in before and after[name] == before[name]]
    assert len(kept) > 40  # the rest of the site was left alone
    assert any("Zmienionecelu" in content for content, _m, _f in search_texts(served.site).values())


def test_a_title_reaches_the_index_and_every_page_linking_to_it(served: Session, tmp_path: Path) -> None:
    project = served.project
    step = Step(served, tmp_path)
    catalogue, _ = Loader(project, project / "playbooks").load(dt.date.fromisoformat(TODAY))
    linking = sorted({entry.id for entry, _loc in catalogue.referrers.get("qualified-leads", [])})
    assert linking, "the example has pages linking to this goal"
    plans = planned(project)
    edit(project / "playbooks" / "goals" / "qualified-leads.yaml",
         "pl: Leady zakwalifikowane przez marketing", "pl: Leady po zmianie tytułu")
    changed = changed_plans(plans, planned(project))

    wrote, _before, after = step()

    assert wrote == changed | HAND_WRITTEN
    new = "Leady po zmianie tytułu".encode()
    assert new in after["goals/qualified-leads/index.html"][1]
    assert new in after["goals/index.html"][1]
    for ident in linking:
        page = html_of(page_path(catalogue.entries[ident].kind, ident))
        assert new in after[page][1], f"{page} links to the goal under its old title"


def test_successive_edits_keep_the_site_equal_to_a_cold_build(served: Session, tmp_path: Path) -> None:
    project = served.project
    step = Step(served, tmp_path)
    plans = planned(project)

    # a glossary term's description: the tooltip on every page that mentions it (same Markdown)
    edit(project / "playbooks" / "glossary" / "lead.yaml",
         "    Osoba lub firma, która okazała", "    Osoba lub firma (opis zmieniony), która okazała")
    changed = changed_plans(plans, planned(project))
    wrote, _before, after = step()
    tooltips = {name for name, (_t, data) in after.items() if b"opis zmieniony" in data}
    assert wrote > changed | HAND_WRITTEN  # pages whose Markdown did not change, but their tooltips
    assert {html_of(uri) for uri in wrote} >= tooltips - {"404.html", "sitemap.xml"}

    # a definition nothing refers to is deleted: its page leaves the site
    catalogue, _ = Loader(project, project / "playbooks").load(dt.date.fromisoformat(TODAY))
    lonely = next(e for e in catalogue.entries.values()
                  if e.kind == "playbook" and not catalogue.referrers.get(e.id))
    gone = served.site / html_of(page_path(lonely.kind, lonely.id))
    assert gone.is_file()
    (project / lonely.source.display).unlink()
    step()
    assert not gone.parent.exists()

    # a YAML mistake stops the rebuild (the site stays as it was); once fixed, all is well
    goal = project / "playbooks" / "goals" / "lead-feedback.yaml"
    good = goal.read_text(encoding="utf-8")
    goal.write_text(good.replace("kind: goal", "kind: goal\ntitle: [unclosed", 1), encoding="utf-8")
    from mkdocs.exceptions import Abort

    unchanged = files_of(served.site)
    with pytest.raises(Abort):
        served.build()
    assert files_of(served.site) == unchanged
    goal.write_text(good.replace("pl: ", "pl: Po błędzie ", 1), encoding="utf-8")
    step()

    # a hand-written page's heading is on that page only (its title is in its front matter) ...
    about = project / "content" / "about.md"
    lines = about.read_text(encoding="utf-8").splitlines()
    heading = next(line for line in lines if line.startswith("# "))
    edit(about, heading + "\n", heading + " i co z tego wynika\n")
    wrote, _before, _after = step()
    assert wrote == HAND_WRITTEN

    # ... and that title is in the navigation of every page: all are written again
    title = next(line for line in lines if line.startswith("title: "))
    edit(about, title, title + " (nowy tytuł)")
    wrote, _before, after = step()
    assert wrote == set(planned(project)) | HAND_WRITTEN
    assert "(nowy tytuł)".encode() in after["goals/qualified-leads/index.html"][1]


def test_a_file_replaced_by_an_older_one_is_copied_again(served: Session) -> None:
    """MkDocs' dirty build copies a file only when it is newer than its copy; a file moved in
    with its old date kept (a file manager's copy, ``mv``, ``cp -p``) was left out of the site."""
    notes = served.project / "content" / "notes.txt"
    notes.write_text("one\n", encoding="utf-8")
    served.build()
    copy = served.site / "notes.txt"
    assert copy.read_text(encoding="utf-8") == "one\n"
    unchanged = copy.stat().st_mtime_ns
    served.build()
    assert copy.stat().st_mtime_ns == unchanged  # not copied again for nothing
    older = served.project / "older.txt"
    older.write_text("two\n", encoding="utf-8")
    yesterday = time.time() - 86400
    os.utime(older, (yesterday, yesterday))
    os.replace(older, notes)
    served.build()
    assert copy.read_text(encoding="utf-8") == "two\n"


def test_with_an_unknown_plugin_every_page_is_written(served: Session, tmp_path: Path) -> None:
    project = served.project
    edit(project / "mkdocs.yml", "  - tags\n", "  - tags\n  - meta\n")
    edit(project / "playbooks" / "goals" / "qualified-leads.yaml",
         "    Liczba leadów MQL, które marketing", "    Inaczej: liczba leadów MQL, które marketing")
    wrote, _before, _after = Step(served, tmp_path)()
    assert wrote == set(planned(project)) | HAND_WRITTEN


def test_a_build_after_serving_is_a_plain_build(served: Session, tmp_path: Path) -> None:
    """The plugin instance outlives a serve session (MkDocs keeps it): ``build_site`` starts it
    afresh, so the build writes every page and its search index before returning."""
    from generator.plugin import build_site

    served.close()
    site = tmp_path / "built"
    build_site(served.project / "mkdocs.yml", site, lang="pl")
    assert served.plugin.rebuilds is None and served.plugin.live_search is None
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    assert (site / "goals" / "qualified-leads" / "index.html").is_file()


# -- the bookkeeping alone (no site built) -------------------------------------------------------

def test_a_page_is_kept_only_while_its_fingerprint_and_file_stay(tmp_path: Path) -> None:
    page = tmp_path / "a" / "index.html"
    page.parent.mkdir()
    page.write_text("x", encoding="utf-8")
    memory = Rebuilds()
    memory.begin(("mkdocs.yml", str(tmp_path), "pl"))
    assert memory.decide("a.md", "f1", str(page))  # never written by this session
    assert memory.finished([str(page)]) == []
    memory.begin(("mkdocs.yml", str(tmp_path), "pl"))
    assert not memory.decide("a.md", "f1", str(page)) and memory.kept == {"a.md"}
    memory.begin(("mkdocs.yml", str(tmp_path), "pl"))
    assert memory.decide("a.md", "f2", str(page))  # something it shows changed
    memory.failed()  # ... and the build failed: whether it was written is unknown
    memory.begin(("mkdocs.yml", str(tmp_path), "pl"))
    assert memory.decide("a.md", "f1", str(page))
    memory.finished([str(page)])
    memory.begin(("mkdocs.yml", str(tmp_path), "pl"))
    assert memory.decide("a.md", "f1", str(page), always=True)
    page.unlink()
    memory.begin(("mkdocs.yml", str(tmp_path), "pl"))
    assert memory.decide("a.md", "f1", str(page))  # the file is gone
    memory.begin(("mkdocs.yml", str(tmp_path / "other"), "pl"))
    assert memory.written == {} and memory.outputs == set()


def test_stale_files_are_removed_inside_the_site_only(tmp_path: Path) -> None:
    site = tmp_path / "site"
    gone = site / "goals" / "old" / "index.html"
    gone.parent.mkdir(parents=True)
    gone.write_text("old", encoding="utf-8")
    (site / "goals" / "kept.html").write_text("kept", encoding="utf-8")
    outside = tmp_path / "outside.html"
    outside.write_text("mine", encoding="utf-8")
    assert remove_stale([str(gone), str(outside), str(site)], site) == 1
    assert not (site / "goals" / "old").exists() and (site / "goals" / "kept.html").exists()
    assert outside.exists() and site.is_dir()


def test_mkdocs_dirty_warning_is_silenced_only_under_serve() -> None:
    from generator.plugin import _DIRTY_NOTICE, DIRTY_WARNING

    record = logging.LogRecord("mkdocs.commands.build", logging.WARNING, __file__, 1,
                               DIRTY_WARNING + ", this will likely lead to inaccurate navigation", None, None)
    assert _DIRTY_NOTICE.filter(record)
    _DIRTY_NOTICE.active = True
    try:
        assert not _DIRTY_NOTICE.filter(record)
    finally:
        _DIRTY_NOTICE.active = False


def test_a_theme_override_replaced_by_an_older_file_of_the_same_size_rebuilds_every_page(tmp_path: Path) -> None:
    """Every page shows the theme's overrides: one moved in with its old date kept (``mv``,
    ``cp -p``), even of the same size, must change what every page is checked against."""
    from types import SimpleNamespace

    from generator.plugin.serve import _config_key
    from generator.project import settings_from

    overrides = tmp_path / "overrides"
    (overrides / "partials").mkdir(parents=True)
    footer = overrides / "partials" / "footer.html"
    footer.write_text("<footer>one</footer>", encoding="utf-8")
    config = SimpleNamespace(config_file_path=None, theme=SimpleNamespace(custom_dir=str(overrides)))
    settings = settings_from({}, "pl")
    before = _config_key(config, settings)
    assert _config_key(config, settings) == before
    older = tmp_path / "footer.html"
    older.write_text("<footer>two</footer>", encoding="utf-8")  # the same size
    stat = footer.stat()
    os.utime(older, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the same date
    os.replace(older, footer)
    assert _config_key(config, settings) != before
