"""What an admin deploying the two-language site meets: a sub-path without ``site_url``, a site
opened from disk, a changed ``default_language``.

- The example site (built once per session, :mod:`tests.search_site`) served under
  ``/playbook/`` by a small server that answers unknown addresses with a 404 page, as a web
  server configured for the site does: each language's ``404.html`` must find its stylesheet,
  scripts and links there in Chromium, without ``site_url`` (the root ``404.html`` is tested so in
  tests/test_layout_browser.py).
- A small project built once with ``use_directory_urls: false`` and English as the default
  language: the root page leads to ``en/index.html`` (opened as a file, a folder's address shows
  a list of files) and carries the English site name.
- ``about.md`` beside ``about.en.md`` while English is the default: both are English, the Polish
  text would be used nowhere; ``playbook check``, ``playbook build`` and the plugin refuse it.
"""

from __future__ import annotations

import functools
import http.server
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit

import pytest

from generator.cli import main
from generator.errors import UserError
from generator.i18n import unused_pages
from generator.plugin import build_site
from generator.plugin.not_found import not_found_context
from generator.plugin.paths import THEME_DIR
from tests.projects import MKDOCS_YML, make_project
from tests.search_project import Built
from tests.serving import QuietHandler, serve

pytest_plugins = ["tests.search_site"]

PREFIX = "/playbook/"


# -- the 404 pages under a sub-path, in Chromium ---------------------------------------------------

def _sub_path_handler(site: Path) -> type[http.server.BaseHTTPRequestHandler]:
    """Serves ``site`` under ``/playbook/``; an unknown address gets its language folder's 404
    page (nginx's ``error_page`` in a ``location`` per language), else the root one."""

    class SubPath(QuietHandler):
        def translate_path(self, path: str) -> str:
            if not path.startswith(PREFIX):
                return str(site / "no such file")
            return super().translate_path(path[len(PREFIX) - 1:])

        def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
            if code != 404:
                super().send_error(code, message, explain)
                return
            rest = urlsplit(self.path).path[len(PREFIX):] if self.path.startswith(PREFIX) else ""
            lang = rest.split("/", 1)[0]
            page = site / "404.html"
            if lang and (site / lang / "404.html").is_file():
                page = site / lang / "404.html"
            self.send_page(404, page)

    return SubPath


@pytest.fixture(scope="module")
def language_404_server(search_built: Built) -> Iterator[str]:
    with serve(search_built.site, _sub_path_handler(search_built.site)) as address:
        yield address


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def _own_links(tab: Any, origin: str) -> set[str]:
    hrefs = tab.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    return {str(h).split("#")[0] for h in hrefs if str(h).startswith(origin)}


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(("lang", "other"), [("pl", "en"), ("en", "pl")])
def test_a_language_404_under_a_sub_path_finds_its_styles_and_links(
    tab: Any, language_404_server: str, lang: str, other: str
) -> None:
    origin = language_404_server
    loaded: list[tuple[str, int]] = []
    tab.on("response", lambda r: loaded.append((r.url, r.status)) if r.url.startswith(origin) else None)
    address = f"{origin}{PREFIX}{lang}/teams/nope/deeper/"
    response = tab.goto(address, wait_until="load")
    assert response.status == 404
    assert tab.evaluate("document.documentElement.lang") == lang
    assert "404" in tab.inner_text("article h1")
    # Every stylesheet and script came from the language's folder under /playbook/. (Chromium's
    # preload scanner may ask for the default addresses, /pl/..., before the page's script has
    # corrected its base: wasted requests, not the page's.)
    ours = [(url, status) for url, status in loaded if urlsplit(url).path.startswith(PREFIX)]
    assert ours, loaded
    failed = [(url, status) for url, status in ours if url != address and status != 200]
    assert not failed, failed
    sheets = tab.evaluate("""[...document.styleSheets].filter(s => s.href)
                             .map(s => [s.href, s.cssRules.length])""")
    main_css = [(href, rules) for href, rules in sheets if "/assets/stylesheets/main." in href]
    assert len(main_css) == 1 and main_css[0][0].startswith(f"{origin}{PREFIX}{lang}/assets/")
    assert main_css[0][1] > 100, "the theme's stylesheet is empty"
    assert tab.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    # Material's own addresses: its storage scope and the base its scripts (and search) start from.
    assert tab.evaluate("__md_scope.pathname") == f"{PREFIX}{lang}/"
    config_base = tab.evaluate("JSON.parse(document.getElementById('__config').textContent).base")
    assert config_base == f"{origin}{PREFIX}{lang}/"
    # Every link leads to a page that exists: home, navigation, the other language's home.
    links = _own_links(tab, origin)
    assert {f"{origin}{PREFIX}{lang}/", f"{origin}{PREFIX}{other}/",
            f"{origin}{PREFIX}{lang}/teams/"} <= links
    dead = sorted(link for link in links if _status(link) != 200)
    assert not dead, dead


def _fake_config(dirs: list[str]) -> Any:
    return SimpleNamespace(
        site_url=None, extra_css=["assets/playbook/playbook.css"], extra_javascript=[],
        extra={"alternate": [{"name": "English", "lang": "en", "link": "../en/"}]},
        theme=SimpleNamespace(dirs=dirs),
    )


def test_a_project_s_own_404_template_keeps_absolute_addresses(tmp_path: Path) -> None:
    """The ``<base>`` and its script are in our template: a project's own 404.html (its
    ``custom_dir`` comes first) gets MkDocs' absolute addresses, which work without them."""
    (tmp_path / "404.html").write_text("{% extends 'main.html' %}", encoding="utf-8")
    context: dict[str, Any] = {"base_url": "/"}
    config = _fake_config([str(tmp_path), str(THEME_DIR)])
    not_found_context(context, config, "pl", language_folder=True)
    assert context["base_url"] == "/pl/" and "playbook_base" not in context
    assert context["extra_css"] == ["/pl/assets/playbook/playbook.css"]
    assert config.extra["alternate"][0]["link"] == "/en/"

    context = {"base_url": "/"}
    config = _fake_config([str(THEME_DIR)])
    not_found_context(context, config, "pl", language_folder=True)
    assert context["base_url"] == "./" and context["playbook_base"] == "/pl/"
    assert context["extra_css"] == ["./assets/playbook/playbook.css"]
    assert config.extra["alternate"][0]["link"] == "../en/"


# -- opened from disk: use_directory_urls: false, English by default ------------------------------

ENGLISH_FIRST = MKDOCS_YML.replace("site_name: Test\n", "site_name: Podręcznik sprzedaży\nuse_directory_urls: false\n").replace(
    "  - playbook\n",
    "  - playbook:\n      default_language: en\n      pdf: false\n"
    "      site_names: {pl: Podręcznik sprzedaży, en: Sales playbook}\n",
)


@functools.cache
def _english_first(base: Path) -> Path:
    project = make_project(base / "project", {"mkdocs.yml": ENGLISH_FIRST})
    (project / "content" / "index.md").rename(project / "content" / "index.pl.md")
    site = base / "site"
    assert main(["--project", str(project), "build", "--site-dir", str(site)]) == 0
    return site


@pytest.fixture()
def english_first(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _english_first(tmp_path_factory.getbasetemp() / "deploy-english-first")


@pytest.mark.slow
def test_the_root_page_names_files_and_speaks_the_default_language(english_first: Path) -> None:
    assert "use_directory_urls: false" in ENGLISH_FIRST and "default_language: en" in ENGLISH_FIRST
    index = (english_first / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in index
    assert "<title>Sales playbook</title>" in index and "Podręcznik" not in index
    assert '<meta http-equiv="refresh" content="0; url=en/index.html">' in index
    links = re.findall(r'<a href="([^"]*)" hreflang="([a-z]+)"', index)
    assert links == [("pl/index.html", "pl"), ("en/index.html", "en")]
    for href, _ in links:
        assert (english_first / href).is_file()


@pytest.mark.browser
@pytest.mark.slow
def test_a_site_opened_from_disk_lands_on_a_page_not_a_folder(tab: Any, english_first: Path) -> None:
    tab.goto((english_first / "index.html").as_uri())
    tab.wait_for_url("**/en/index.html")
    assert tab.inner_text("article h1") == "Home"
    links = _own_links(tab, "file://")
    assert links, "the page has no links"
    folders = sorted(link for link in links if not Path(urlsplit(link).path).is_file())
    assert not folders, f"links that do not name a file: {folders}"


# -- page.md beside page.<default>.md ----------------------------------------------------------------

ABOUT_PL = "# O nas\n\nTekst po polsku.\n"
ABOUT_EN = "# About\n\nEnglish text.\n"
UNUSED = ("content/about.md:1:1: this page and about.en.md are both English pages (a page named "
          "without a language is in the default language, en), so this one is left out of the "
          "site: if it is in Polish, rename it to about.pl.md.")


@pytest.fixture()
def english_default(tmp_path: Path) -> Path:
    config = MKDOCS_YML.replace("  - playbook\n", "  - playbook:\n      default_language: en\n      pdf: false\n")
    project = make_project(tmp_path / "project", {
        "mkdocs.yml": config, "content/about.md": ABOUT_PL, "content/about.en.md": ABOUT_EN,
    })
    (project / "content" / "index.md").rename(project / "content" / "index.pl.md")
    return project


def test_check_names_a_page_that_no_site_shows(english_default: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(english_default), "check"]) == 1
    assert capsys.readouterr().err.splitlines() == [UNUSED, "Found 1 error in 1 file."]
    (english_default / "content" / "about.md").rename(english_default / "content" / "about.pl.md")
    assert main(["--project", str(english_default), "check", "--translations"]) == 0


def test_build_refuses_it_before_building(english_default: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(english_default), "build"]) == 1
    assert UNUSED in capsys.readouterr().err
    assert not (english_default / "site").exists()


def test_the_plugin_refuses_it_too(english_default: Path, tmp_path: Path) -> None:
    """Plain ``mkdocs build`` runs no ``playbook check`` first: the plugin finds it itself."""
    with pytest.raises(UserError) as caught:
        build_site(english_default / "mkdocs.yml", tmp_path / "site", lang="pl")
    assert UNUSED in caught.value.render()


def test_unused_pages_in_every_case() -> None:
    pages = ["index.md", "index.pl.md", "index.en.md", "a/b.md", "a/b.pl.md", "c.md", "c.en.md", "d.en.md"]
    found = [(d.file, d.message.rsplit(": ", 1)[1]) for d in unused_pages(pages, ["pl", "en"], "pl", "docs")]
    assert found == [
        ("docs/a/b.md", "if it is in English, rename it to b.en.md."),
        ("docs/index.md", "delete it, or merge it into index.pl.md."),
    ]
    assert unused_pages(pages, ["pl", "en"], "en", "docs")[0].file == "docs/c.md"
    assert unused_pages(["x.md", "x.en.md"], ["pl", "en"], "pl", "content") == []
