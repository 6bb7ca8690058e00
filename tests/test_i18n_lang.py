"""A text shown in another language keeps its ``lang`` outside the page's text too: in Material's
navigation, the header, the table of contents, the search results, and on generated headings and
the SLA form's labels, so a screen reader reads a Polish title on the English site in Polish.

One small project (the search tests' project, plus a goal, a checklist and an SLA with texts in
Polish only) built once by ``playbook build``; one check in Chromium of what the browser makes of
the navigation, the header and a search result.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.search.facets import Facets
from generator.search.index import index_copy
from tests.search_project import TODAY, Built, make_project
from tests.serving import serve

pytestmark = pytest.mark.slow

POLISH_TITLE_GOAL = """\
kind: goal
id: polish-title-goal
title:
  pl: Cel tylko po polsku
summary:
  pl: Cel opisany wyłącznie po polsku.
owner: tests
review_by: 2027-06-30
team: sales
statement:
  pl: Zespół sprzedaży dzwoni do każdego leada.
metric:
  pl: Odsetek leadów z telefonem.
target: 90
unit: "%"
period: quarter
goal_type: quota
"""

POLISH_PAGE = """\
# Poradnik tylko po polsku

Wstęp.

## Pierwszy krok

Tekst.
"""


def _only_polish(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} changed: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    project = make_project(tmp_path_factory.mktemp("lang") / "project")
    books = project / "playbooks"
    (books / "goals" / "polish-title-goal.yaml").write_text(POLISH_TITLE_GOAL, encoding="utf-8")
    (project / "content" / "poradnik.md").write_text(POLISH_PAGE, encoding="utf-8")
    _only_polish(books / "checklists" / "new-marketer.yaml", "      pl: Pierwsze dni\n      en: First days\n",
                 "      pl: Pierwsze dni\n")
    sla = books / "slas" / "marketing-sales-sla.yaml"
    _only_polish(sla, "      pl: Nazwa firmy\n      en: Company name\n", "      pl: Nazwa firmy\n")
    _only_polish(sla, "          pl: Mała firma\n          en: Small company\n", "          pl: Mała firma\n")
    site = project.parent / "site"
    before = os.environ.get("PLAYBOOK_TODAY")
    os.environ["PLAYBOOK_TODAY"] = TODAY
    try:
        assert main(["--project", str(project), "build", "--site-dir", str(site)]) == 0
    finally:
        if before is None:
            del os.environ["PLAYBOOK_TODAY"]
        else:
            os.environ["PLAYBOOK_TODAY"] = before
    return Built(project, site)


def _read(built: Built, path: str) -> str:
    return (built.site / path).read_text(encoding="utf-8")


def _nav_titles(html: str) -> dict[str, str]:
    """The navigation's entries: the text of each link to a page, with what stands around it."""
    nav = html.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>\n</div>", 1)[0]
    return {href: " ".join(inner.split())
            for href, inner in re.findall(r'<a href="([^"]+)" class="md-nav__link[^"]*">(.*?)</a>', nav, re.S)}


def _topic(html: str) -> str:
    """The header's page title (shown when the page scrolls), with its element."""
    part = html.split('data-md-component="header-topic">', 1)[1].split("</div>", 1)[0]
    return " ".join(part.split())


def test_a_page_title_in_another_language_keeps_it_in_the_navigation(built: Built) -> None:
    entries = _nav_titles(_read(built, "en/teams/index.html"))
    assert '<span lang="pl">Strona tylko po polsku</span>' in entries["../only-polish/"]
    assert '<span lang="pl">Poradnik tylko po polsku</span>' in entries["../poradnik/"]
    assert "lang=" not in entries["../only-english/"], "an English page on the English site"
    polish = _nav_titles(_read(built, "pl/teams/index.html"))
    assert '<span lang="en">English-only page</span>' in polish["../only-english/"]
    assert "lang=" not in polish["../only-polish/"]
    # the entry of the page being read (Material writes it differently)
    here = _nav_titles(_read(built, "en/only-polish/index.html"))
    assert '<span lang="pl">Strona tylko po polsku</span>' in here["./"]


def test_a_page_title_in_another_language_keeps_it_in_the_header(built: Built) -> None:
    assert _topic(_read(built, "en/only-polish/index.html")).startswith(
        '<span class="md-ellipsis" lang="pl"> Strona tylko po polsku </span>')
    goal = _read(built, "en/goals/polish-title-goal/index.html")
    assert _topic(goal).startswith('<span class="md-ellipsis" lang="pl"> Cel tylko po polsku </span>')
    # the <title> cannot mark part of its text: as it was, in a document in the site's language
    assert "<title>Cel tylko po polsku - Sales and marketing — playbook</title>" in goal
    assert re.search(r'<html lang="en"', goal)
    for translated in ("en/goals/untranslated-goal/index.html", "pl/goals/polish-title-goal/index.html",
                       "pl/only-polish/index.html"):
        assert _topic(_read(built, translated)).startswith('<span class="md-ellipsis"> '), translated


def test_a_page_in_another_language_has_its_table_of_contents_in_it(built: Built) -> None:
    html = _read(built, "en/poradnik/index.html")
    toc = re.search(r'<ul class="md-nav__list" data-md-component="toc"[^>]*>', html)
    assert toc and 'lang="pl"' in toc.group(0)
    assert 'href="#pierwszy-krok"' in html.split(toc.group(0), 1)[1].split("</ul>", 1)[0]
    own = re.search(r'<ul class="md-nav__list" data-md-component="toc"[^>]*>', _read(built, "pl/poradnik/index.html"))
    assert own and "lang=" not in own.group(0)


def test_generated_headings_and_labels_in_another_language_carry_it(built: Built) -> None:
    checklist = _read(built, "en/checklists/new-marketer/index.html")
    assert '<h2 id="pierwsze-dni"><span lang="pl">Pierwsze dni</span>' in checklist
    sla = _read(built, "en/slas/marketing-sales-sla/index.html")
    assert ('<label for="sla-marketing-sales-sla-company_name"><span lang="pl">Nazwa firmy</span>'
            in sla)
    assert re.search(r'<option value="small"[^>]* lang="pl">Mała firma</option>', sla)
    assert re.search(r'<option value="large"[^>]*>Large company</option>', sla)
    assert '<strong><span lang="pl">Nazwa firmy</span></strong> <code>company_name</code>' in sla
    polish = _read(built, "pl/slas/marketing-sales-sla/index.html")
    assert '<label for="sla-marketing-sales-sla-company_name">Nazwa firmy' in polish


def test_a_search_result_s_title_knows_its_language() -> None:
    html = '<html><body><article class="md-content__inner">Tekst</article></body></html>'
    copy = index_copy(html, "Cel tylko po polsku", Facets("Goal", (), ()), (), "en", title_lang="pl")
    assert copy is not None and '<span data-pagefind-meta="title_lang:pl"></span>' in copy
    whole = index_copy(html, "Poradnik", Facets("Page", (), ()), (), "en", title_lang="pl", text_lang="pl")
    assert whole is not None and '<span data-pagefind-meta="text_lang:pl"></span>' in whole
    plain = index_copy(html, "Goal", Facets("Goal", (), ()), (), "en")
    assert plain is not None and "_lang:" not in plain


@pytest.fixture(scope="module")
def server(built: Built) -> Iterator[str]:
    with serve(built.site) as address:
        yield address + "/"


_LANG_OF = "el => el.closest('[lang]').lang"


@pytest.mark.browser
def test_chromium_reads_a_polish_title_on_the_english_site_as_polish(tab: Any, server: str) -> None:
    tab.goto(server + "en/goals/polish-title-goal/")
    assert tab.evaluate("document.documentElement.lang") == "en"
    nav = tab.locator(".md-nav--primary a.md-nav__link", has_text="Strona tylko po polsku").first
    assert nav.locator(".md-ellipsis > *").first.evaluate(_LANG_OF) == "pl"
    english = tab.locator(".md-nav--primary a.md-nav__link", has_text="English-only page").first
    assert english.locator(".md-ellipsis").evaluate(_LANG_OF) == "en"
    topic = tab.locator('[data-md-component="header-topic"] .md-ellipsis')
    assert topic.inner_text().strip() == "Cel tylko po polsku" and topic.evaluate(_LANG_OF) == "pl"
    # a search result: the title from the other language is marked so
    box = tab.locator("#pb-search-query")
    box.click()
    box.press_sequentially("Cel tylko po polsku", delay=15)
    tab.wait_for_function("q => document.querySelector('.pb-search').dataset.query === q",
                          arg="Cel tylko po polsku", timeout=15000)
    result = tab.locator(".md-search-result__article--document h1", has_text="Cel tylko po polsku").first
    assert result.evaluate(_LANG_OF) == "pl"
    other = tab.locator(".md-search-result__article--document h1").filter(has_not_text="Cel tylko po polsku")
    if other.count():
        assert other.first.evaluate(_LANG_OF) == "en"
