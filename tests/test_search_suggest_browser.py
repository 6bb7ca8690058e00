""""Did you mean" in the search box, in a real headless Chromium against the built example site.

A mistyped word finds nothing (Pagefind has no fuzzy matching); the box then offers the query with
the site's nearest word, in the live region that says the count, as a button that searches it.
"""

from __future__ import annotations

from typing import Any

import pytest

from generator.search.suggest import VOCABULARY, read_vocabulary, suggestion
from tests.search_project import Built

pytest_plugins = ["tests.search_site"]
pytestmark = [pytest.mark.browser, pytest.mark.slow]

QUERY = "#pb-search-query"
META = ".md-search-result__meta"
SUGGEST = f"{META} .pb-search-suggest"
LABEL = {"pl": "Czy chodziło o:", "en": "Did you mean:"}


@pytest.fixture()
def server(search_server: str) -> str:
    return search_server


@pytest.fixture()
def page(search_page: Any) -> Any:
    return search_page


def open_site(page: Any, server: str, lang: str) -> None:
    page.goto(f"{server}{lang}/")
    page.wait_for_load_state("load")


def search(page: Any, query: str) -> list[str]:
    """Type ``query`` into the search box; the titles of the results, best first."""
    box = page.locator(QUERY)
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    box.press_sequentially(query, delay=15)
    wait_for_results(page, query)
    return titles(page)


def wait_for_results(page: Any, query: str) -> None:
    page.wait_for_function(
        "q => document.querySelector('.pb-search').dataset.query === q", arg=query, timeout=15000
    )


def titles(page: Any) -> list[str]:
    found: list[str] = page.locator(".md-search-result__item .md-search-result__article--document h1").all_inner_texts()
    return found


def vocabulary_fetched(page: Any) -> bool:
    names: list[str] = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    return any(name.endswith(VOCABULARY) for name in names)


@pytest.mark.parametrize(
    ("lang", "typos"),
    [("pl", [("kampnia", "kampania"), ("sprzdaz", "sprzedaż")]),
     ("en", [("qouta", "quota"), ("campain", "campaign")])],
)
def test_a_mistyped_word_gets_the_site_s_word_in_the_page_s_language(
        page: Any, server: str, lang: str, typos: list[tuple[str, str]]) -> None:
    open_site(page, server, lang)
    meta = page.locator(META)
    assert meta.get_attribute("role") == "status"  # said like the count, with it
    for query, expected in typos:
        found = search(page, query)
        # "sprzdaz": Pagefind's Polish stemmer cuts it to "sp", and found the guide's "ACME sp.
        # z o.o." (the page says "sprzedaży" too): a hit whose matched words are all far
        # shorter than the query word is dropped (matchesWhole in search.js)
        assert found == [], found
        assert meta.inner_text().endswith(f". {LABEL[lang]} {expected}?")
        assert page.locator(SUGGEST).inner_text() == expected


def test_a_query_of_several_words_has_its_unknown_word_corrected(page: Any, server: str) -> None:
    open_site(page, server, "pl")
    found = search(page, "kampnia marketingowa")
    assert found  # "marketingowa" alone finds pages
    assert page.locator(SUGGEST).inner_text() == "kampania marketingowa"


def test_a_known_query_fetches_no_vocabulary_and_a_far_one_gets_no_suggestion(page: Any, server: str) -> None:
    open_site(page, server, "en")
    assert "Sales quota" in search(page, "quotas")
    assert page.locator(SUGGEST).count() == 0
    assert not vocabulary_fetched(page)
    assert search(page, "xqzvwk") == []
    assert vocabulary_fetched(page)
    assert page.locator(SUGGEST).count() == 0
    assert page.locator(META).inner_text() == "No matching documents"


def test_clicking_the_suggestion_searches_it(page: Any, server: str) -> None:
    open_site(page, server, "pl")
    search(page, "klijent")
    page.locator(SUGGEST).click()
    wait_for_results(page, "klient")
    assert page.input_value(QUERY) == "klient"
    assert page.evaluate("document.activeElement.id") == "pb-search-query"
    assert titles(page)[0] == "Klient"
    assert page.locator(SUGGEST).count() == 0


def test_the_suggestion_is_reached_and_taken_with_the_keyboard(page: Any, server: str) -> None:
    open_site(page, server, "en")
    search(page, "custmer")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == "customer"
    page.keyboard.press("Enter")
    wait_for_results(page, "customer")
    assert titles(page)[0] == "Customer"


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_the_browser_suggests_like_python(page: Any, server: str, search_built: Built, lang: str) -> None:
    words = read_vocabulary((search_built.site / lang / "pagefind" / VOCABULARY).read_text(encoding="utf-8"))
    queries = ["kampnia", "sprzdaż", "SPRZDAZ", "markting", "leed", "klijent", "campain", "custmer",
               "agrement", "qouta", "leeds", "kampnia marketingowa", "quarterly qouta", "xqzvwk",
               "kampania", "kampanii", "leadow", "quotas", "Zażółć sp. z o.o.", "kw", "cle", "q3 plan",
               "onboardng", "handofs", "swiadomsc", "źrodło"]
    open_site(page, server, lang)
    in_browser = page.evaluate("([qs, ws]) => qs.map(q => window.playbookSearch.suggestion(q, ws))",
                               [queries, words])
    expected = [suggestion(q, words, lang) for q in queries]
    assert in_browser == expected
    assert sum(s is not None for s in expected) >= 8
