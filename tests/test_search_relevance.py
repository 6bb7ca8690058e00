"""What the search shows for glossary words and loose queries, in a real Chromium (QA's cases).

- A page found through a glossary name (another language's, or a synonym) shows its own text in
  its own language: where it names the term, or its summary; never the list of names.
- The term's own page first, then the pages whose title names it; index pages below them.
- A word the site does not have finds nothing (Pagefind would search a shorter indexed word:
  "salesforce" -> "sales"), and one- or two-letter words beside longer ones are left out.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_search_browser import open_page, result_count, search

pytest_plugins = ["tests.search_site"]
pytestmark = [pytest.mark.browser, pytest.mark.slow]

HIT = ".md-search-result__item .md-search-result__article--document"
#: The section index pages of the example site, in both languages.
LISTINGS = {"Zespoły", "Cele", "Playbooki", "Procesy", "Strategie", "Słownik pojęć", "Teams", "Goals",
            "Playbooks", "Processes", "Strategies", "Glossary"}


@pytest.fixture()
def server(search_server: str) -> str:
    return search_server


@pytest.fixture()
def page(search_page: Any) -> Any:
    return search_page


def excerpts(page: Any) -> list[str]:
    texts: list[str] = page.locator(f"{HIT} p").all_inner_texts()
    return texts


def marked(page: Any, n: int) -> list[str]:
    words: list[str] = page.locator(HIT).nth(n).locator("p mark").all_inner_texts()
    return words


def test_an_english_synonym_finds_the_polish_term_first_with_polish_snippets(page: Any, server: str) -> None:
    open_page(page, server, "pl/")
    titles = search(page, "quota")
    assert titles[:2] == ["Kwota sprzedażowa", "Miesięczna kwota sprzedażowa"], titles
    assert not LISTINGS & set(titles[:5]), titles
    snippets = excerpts(page)
    assert len(snippets) == len(titles) >= 5
    for title, text in zip(titles, snippets, strict=True):
        assert "quota" not in text.lower() and "sales target" not in text.lower(), (title, text)
        assert "Kwota sprzedażowa · kwota" not in text, (title, text)  # not the list of names
    # the term's page: its definition, not its title again
    assert snippets[0].startswith("Ilościowy cel sprzedaży na dany okres"), snippets[0]
    # a page that only mentions the term: the sentence where it does, the term marked
    at = titles.index("Kontakt online")
    assert "Miesięczna kwota sprzedażowa" in snippets[at], snippets[at]
    assert [w.lower().strip(".") for w in marked(page, at)] == ["kwota", "sprzedażowa"]


@pytest.mark.parametrize("query", ["sprzedaz", "kwota"])
def test_a_polish_word_on_the_english_site_shows_english_snippets(page: Any, server: str, query: str) -> None:
    open_page(page, server, "en/")
    titles = search(page, query)
    assert titles[0] == "Sales quota", titles
    assert "Monthly sales quota" in titles[:3], titles
    assert not LISTINGS & set(titles[:6]), titles
    for title, text in zip(titles, excerpts(page), strict=True):
        assert "sprzeda" not in text.lower() and "kwota" not in text.lower(), (title, text)
        assert "Potencjalny" not in text and "Sales quota · quota" not in text, (title, text)
    assert excerpts(page)[0].startswith("A quantitative sales target"), excerpts(page)[0]
    at = titles.index("Monthly sales quota")
    assert {w.lower().strip(".") for w in marked(page, at)} == {"sales", "quota"}


def test_a_term_ranks_above_the_index_pages_that_list_it(page: Any, server: str) -> None:
    open_page(page, server, "pl/")
    titles = search(page, "kwota")
    assert titles[:2] == ["Kwota sprzedażowa", "Miesięczna kwota sprzedażowa"], titles
    assert "Cele" not in titles[:6], titles


@pytest.mark.parametrize("query", ["salesforce", "salesperson", "quarterly salesforce"])
def test_a_word_the_site_does_not_have_finds_nothing(page: Any, server: str, query: str) -> None:
    open_page(page, server, "en/")
    assert search(page, query) == []
    assert result_count(page) == 0
    assert search(page, "sales")  # the word it would have been cut to is there


def test_short_words_beside_longer_ones_are_left_out(page: Any, server: str) -> None:
    open_page(page, server, "pl/")
    assert search(page, "Zażółć sp. z o.o.") == []
    assert result_count(page) == 0
    alone = search(page, "umowa")
    count = result_count(page)
    assert search(page, "umowa sp. z o.o.") == alone and result_count(page) == count > 0
    assert search(page, "sp")  # a short word alone is searched as typed
    words = page.evaluate("q => window.playbookSearch.queryWords(q)", "Zażółć sp. z o.o.")
    assert words == ["zażółć"]
