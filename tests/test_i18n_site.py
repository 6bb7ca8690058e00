"""The built site in both languages: same addresses, right language, working links, fallbacks."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.catalogue import load
from generator.pages import plan
from tests.search_project import TODAY, Built

pytest_plugins = ["tests.search_site"]
pytestmark = pytest.mark.slow


@pytest.fixture()
def built(search_built: Built) -> Built:
    return search_built


_HREF = re.compile(r'\s(?:href|src)="([^"]*)"')


def _html_pages(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*.html")}


def _served(site: Path, path: str) -> Path:
    """The file a relative address resolves to (``x/`` -> ``x/index.html``)."""
    target = site / path
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


def test_the_root_sends_readers_to_the_default_language(built: Built) -> None:
    index = (built.site / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=pl/">' in index
    assert '<a href="en/"' in index
    # and the list of what the build wrote (so a later build replaces only its own files)
    assert sorted(p.name for p in built.site.iterdir()) == [".playbook-site", "404.html", "en", "index.html", "pl"]


def test_every_generated_page_exists_in_both_languages_at_the_same_path(built: Built) -> None:
    import datetime as dt

    catalogue, _ = load(built.project, built.project / "playbooks")
    today = dt.date.fromisoformat(TODAY)
    paths = {p.path for p in plan(catalogue, "pl", None, today)}
    assert paths == {p.path for p in plan(catalogue, "en", None, today)}
    assert "glossary/index.md" in paths and "glossary/mql.md" in paths
    for path in sorted(paths):
        html = path[: -len("index.md")] if path.endswith("index.md") else path[:-3] + "/"
        for lang in ("pl", "en"):
            assert _served(built.site / lang, html).is_file(), f"{lang}/{html} is missing"


def test_both_languages_have_exactly_the_same_pages(built: Built) -> None:
    pl = {p for p in _html_pages(built.site / "pl") if not p.startswith("pagefind/")}
    en = {p for p in _html_pages(built.site / "en") if not p.startswith("pagefind/")}
    assert pl == en
    assert {"only-polish/index.html", "only-english/index.html", "about/index.html"} <= pl


def test_each_site_speaks_its_language(built: Built) -> None:
    pl = (built.site / "pl" / "goals" / "monthly-sales-quota" / "index.html").read_text(encoding="utf-8")
    en = (built.site / "en" / "goals" / "monthly-sales-quota" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="pl"' in pl and '<html lang="en"' in en
    assert 'placeholder="Szukaj"' in pl and 'placeholder="Search"' in en  # Material's UI language
    assert re.search(r"<h1[^>]*>Miesięczna kwota sprzedażowa<", pl)
    assert re.search(r"<h1[^>]*>Monthly sales quota<", en)


def test_hand_written_pages_use_their_language_variant(built: Built) -> None:
    pl = (built.site / "pl" / "about" / "index.html").read_text(encoding="utf-8")
    en = (built.site / "en" / "about" / "index.html").read_text(encoding="utf-8")
    assert "Dlaczego różnica między sprzedażą a marketingiem ma znaczenie" in pl
    assert "Why the difference between sales and marketing matters" in en
    assert "pb-fallback-page" not in pl and "pb-fallback-page" not in en


def test_the_language_switcher_leads_to_the_same_page(built: Built) -> None:
    for lang, other in (("pl", "en"), ("en", "pl")):
        html = (built.site / lang / "goals" / "monthly-sales-quota" / "index.html").read_text(encoding="utf-8")
        links = dict(re.findall(r'<a href="([^"]+)" hreflang="([a-z]+)"[^>]*class="md-select__link', html))
        by_lang = {v: k for k, v in links.items()}
        assert by_lang[other] == f"../../../{other}/goals/monthly-sales-quota/"
        assert by_lang[lang] == f"../../../{lang}/goals/monthly-sales-quota/"
    home = (built.site / "en" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../pl/" hreflang="pl"' in home


def test_every_link_inside_both_sites_leads_to_an_existing_file(built: Built) -> None:
    """Links between hand-written and generated pages, assets, the language switcher.

    (MkDocs writes 404.html with addresses from the server's root, for any depth: not checked.)
    """
    broken: list[str] = []
    for page in sorted(built.site.rglob("*.html")):
        if "pagefind" in page.parts or page.name == "404.html":
            continue
        here = page.parent.relative_to(built.site).as_posix()
        for href in _HREF.findall(page.read_text(encoding="utf-8")):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path or href.startswith(("#", "mailto:", "data:")):
                continue
            target = posixpath.normpath(posixpath.join(here, unquote(parts.path)))
            if target.startswith(".."):
                broken.append(f"{page.relative_to(built.site)} -> {href} (outside the site)")
            elif not _served(built.site, target + ("/" if parts.path.endswith("/") else "")).exists():
                broken.append(f"{page.relative_to(built.site)} -> {href}")
    assert not broken, "\n".join(broken[:20])


def test_a_text_missing_in_english_shows_the_polish_text_marked(built: Built) -> None:
    html = (built.site / "en" / "goals" / "untranslated-goal" / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<span lang="pl">Liczba umów podpisanych w kwartale ponad plan\.</span> ?'
                      r'<span ([^>]*)>PL</span>', html)
    assert match, "the Polish metric, marked as Polish, with its PL badge"
    assert 'class="pb-fallback"' in match.group(1)
    assert 'title="No English translation yet: the text is in Polish."' in match.group(1)
    pl = (built.site / "pl" / "goals" / "untranslated-goal" / "index.html").read_text(encoding="utf-8")
    assert "pb-fallback" not in pl.split('<article', 1)[1].split("</article>")[0]


def test_a_page_missing_in_a_language_shows_the_other_one_under_a_notice(built: Built) -> None:
    en = (built.site / "en" / "only-polish" / "index.html").read_text(encoding="utf-8")
    assert "This page has no English version yet" in en and '<div lang="pl">' in en
    assert "Ta strona nie ma wersji angielskiej" in en
    pl = (built.site / "pl" / "only-english" / "index.html").read_text(encoding="utf-8")
    assert "Ta strona nie ma jeszcze wersji polskiej" in pl and '<div lang="en">' in pl


def test_glossary_terms_carry_their_definition_as_a_tooltip(built: Built) -> None:
    html = (built.site / "pl" / "goals" / "qualified-leads" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<abbr class="pb-term" data-pb-term="mql" title="MQL: Lead kwalifikowany '
                     r'marketingowo: [^"]+">MQL</abbr>', html)
    glossary = (built.site / "en" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>Glossary<", glossary) and "marketing-qualified lead" in glossary
    assert "<abbr" not in glossary.split("<article", 1)[1]


def test_each_language_has_its_own_search_index_and_no_lunr_index(built: Built) -> None:
    for lang in ("pl", "en"):
        bundle = built.site / lang / "pagefind"
        assert (bundle / "pagefind.js").is_file()
        assert list(bundle.glob(f"pagefind.{lang}_*.pf_meta")), f"no {lang} index"
        assert not (built.site / lang / "search" / "search_index.json").exists()
        assert not (bundle / "pagefind-ui.js").exists()
