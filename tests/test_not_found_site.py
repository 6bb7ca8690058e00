"""The "page not found" pages of a two-language site, and each language's own description.

A 404 page is shown at whatever address the reader mistyped, so its links must start at the
language's folder: under ``site_url``'s path when the project sets one (``/playbook/pl/...``),
else relative to a ``<base href>`` that defaults to ``/pl/`` and that the page corrects from its
address (tests/test_deploy_site.py serves it under a sub-path in Chromium). The root ``404.html``
is what a web server serving ``site/`` shows for any unknown address.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from generator.cli import main
from generator.errors import UserError
from generator.project import load_project, settings_from
from tests.search_project import TODAY, Built, make_project

pytest_plugins = ["tests.search_site"]
pytestmark = pytest.mark.slow

_LINK = re.compile(r'\s(?:href|src)="([^"]*)"')
_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')
_BASE = re.compile(r'<base href="([^"]*)"')
SUB_PATH_URL = "https://intranet.example/playbook/"


@functools.cache
def _build_with_site_url(base: Path) -> Built:
    """The test project with ``site_url`` on a sub-path of its host (built once per session)."""
    project = make_project(base / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(f"site_url: {SUB_PATH_URL}\n{text}", encoding="utf-8")
    site = base / "site"
    assert main(["--project", str(project), "build", "--site-dir", str(site)]) == 0
    return Built(project, site)


@pytest.fixture()
def sub_path_site(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Built:
    monkeypatch.setenv("PLAYBOOK_TODAY", TODAY)
    return _build_with_site_url(tmp_path_factory.getbasetemp() / "site-url-site")


def _links(page: Path) -> list[str]:
    """The page's own addresses (not the theme's credit link to its author's site), resolved
    against its ``<base href>`` when it has one (as a browser without JavaScript would)."""
    html = page.read_text(encoding="utf-8")
    base = _BASE.search(html)
    links = [x for x in _LINK.findall(html) if "://" not in x]
    return [urljoin(base.group(1), x) for x in links] if base else links


def _resolve(site: Path, root: str, link: str) -> Path:
    """The file an absolute address ``link`` of a site mounted at ``root`` leads to."""
    assert link.startswith(root), f"{link} is not under the site's folder {root}"
    path = urlsplit(link).path[len(root):]
    target = site / path
    return target / "index.html" if path.endswith("/") or path in ("", ".") or target.is_dir() else target


def _assert_language_404(site: Path, root: str, lang: str, other: str) -> None:
    page = site / lang / "404.html"
    links = _links(page)
    assert any("assets/stylesheets/main." in x for x in links), "no theme stylesheet"
    for link in links:
        assert link.startswith(root), f"{lang}/404.html: {link} is not absolute from the site's root"
        assert "/../" not in link and "/./" not in link, f"{lang}/404.html: {link}"
        if link.startswith(f"{root}{other}/"):
            continue  # the language switcher, checked below
        assert link.startswith(f"{root}{lang}/"), f"{lang}/404.html: {link} leaves the {lang} site"
        assert _resolve(site, root, link).is_file(), f"{lang}/404.html: {link} leads nowhere"
    html = page.read_text(encoding="utf-8")
    base = _BASE.search(html)
    switcher = {hreflang: urljoin(base.group(1), href) if base else href
                for href, hreflang in re.findall(r'<a href="([^"]*)" hreflang="([a-z]+)"', html)}
    assert switcher.get(other) == f"{root}{other}/", "the switcher misses the other home"
    assert switcher.get(lang) == f"{root}{lang}/"
    assert _resolve(site, root, f"{root}{other}/").is_file()


def test_each_language_404_links_inside_its_own_folder(search_built: Built) -> None:
    for lang, other in (("pl", "en"), ("en", "pl")):
        _assert_language_404(search_built.site, "/", lang, other)
        html = (search_built.site / lang / "404.html").read_text(encoding="utf-8")
        assert f'<base href="/{lang}/" data-pb-folder="{lang}">' in html, "no base to correct"
        assert html.index("<base ") < html.index("<link "), "the base must come before any address"
        assert html.index("<base ") < html.index("<meta charset") < 1024
    assert "nie ma takiej strony" in (search_built.site / "pl" / "404.html").read_text(encoding="utf-8")
    assert "page not found" in (search_built.site / "en" / "404.html").read_text(encoding="utf-8")


def test_each_language_404_under_a_site_url_with_a_sub_path(sub_path_site: Built) -> None:
    for lang, other in (("pl", "en"), ("en", "pl")):
        _assert_language_404(sub_path_site.site, "/playbook/", lang, other)
        assert "<base " not in (sub_path_site.site / lang / "404.html").read_text(encoding="utf-8")


def test_other_pages_keep_relative_language_links_after_the_404(search_built: Built) -> None:
    """The 404 page's absolute switcher is its own: the pages around it keep theirs."""
    html = (search_built.site / "en" / "teams" / "sales" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../../pl/teams/sales/" hreflang="pl"' in html
    assert '<link rel="alternate" href="../../../pl/" hreflang="pl">' in html


def _root_404_links(site: Path) -> dict[str, str]:
    html = (site / "404.html").read_text(encoding="utf-8")
    return {lang: href for href, lang in re.findall(r'<a href="([^"]*)" hreflang="([a-z]+)"', html)}


def test_the_root_404_leads_to_both_homes(search_built: Built) -> None:
    html = (search_built.site / "404.html").read_text(encoding="utf-8")
    assert "Nie ma takiej strony" in html and "Page not found" in html
    links = _root_404_links(search_built.site)
    assert links == {"pl": "/pl/", "en": "/en/"}
    for href in links.values():
        assert _resolve(search_built.site, "/", href).is_file()
    assert "data-guess-root" in html, "without site_url the page should find the site's folder itself"
    assert html.index('lang="pl"', html.index("<main>")) < html.index('lang="en"', html.index("<main>"))


def test_the_root_404_under_a_site_url_with_a_sub_path(sub_path_site: Built) -> None:
    html = (sub_path_site.site / "404.html").read_text(encoding="utf-8")
    assert _root_404_links(sub_path_site.site) == {"pl": "/playbook/pl/", "en": "/playbook/en/"}
    assert "data-guess-root" not in html


def test_each_language_has_its_own_description(search_built: Built) -> None:
    descriptions = dict(load_project(search_built.project).settings.site_descriptions)
    assert set(descriptions) == {"pl", "en"}
    assert descriptions["pl"] != descriptions["en"]
    for lang in ("pl", "en"):
        html = (search_built.site / lang / "404.html").read_text(encoding="utf-8")
        assert _DESCRIPTION.findall(html) == [descriptions[lang]], lang


def test_no_english_page_carries_the_polish_description(search_built: Built) -> None:
    polish = dict(load_project(search_built.project).settings.site_descriptions)["pl"]
    carrying = [p for p in (search_built.site / "en").rglob("*.html")
                if f'content="{polish}"' in p.read_text(encoding="utf-8")]
    assert not carrying


def test_site_descriptions_must_name_a_description_per_language() -> None:
    settings = settings_from({"site_descriptions": {"en": "How we work"}}, "pl")
    assert settings.site_descriptions == (("en", "How we work"),)
    for wrong in ("How we work", {"de": "Wie wir arbeiten"}, {"en": 3}):
        with pytest.raises(UserError, match="site_descriptions"):
            settings_from({"site_descriptions": wrong}, "pl")
