"""What the search shows for glossary words and loose queries, in a real Chromium (QA's cases).

- A query that is a glossary term's name or synonym, in any form ("leadów", "sprzedawcy"), lists
  the term's page first; one that is a page's title, that page; the words a sales or marketing
  reader types for a thing find it (``sprzedawca`` the sales rep, ``client`` the customer).
- A page found through a glossary name (another language's, or a synonym) shows its own text in
  its own language: where it names the term, or its summary; never the list of names.
- The term's own page first, then the pages whose title names it; index pages below them.
- A word the site does not have finds nothing (Pagefind would search a shorter indexed word:
  "salesforce" -> "sales"), and one- or two-letter words beside longer ones are left out.
"""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path
from typing import Any

import pytest

from generator.search.index import IRREGULAR, MIN_STEM_WORD, stem_word, stems_of
from generator.search.words import stem_key
from tests.search_project import Built
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


def hits(page: Any, query: str) -> list[str]:
    """Search for ``query``; the addresses of the results, best first (``glossary/lead/``)."""
    search(page, query)
    paths: list[str] = page.locator(".md-search-result__item").evaluate_all(
        "items => items.map(i => new URL(i.querySelector('a').href).pathname.split('/').slice(2).join('/'))"
    )
    return paths


#: What a reader types, and the page that must come first: a term's name or synonym (any form)
#: finds the term, a page's title (or "zespół ..." for a team) the page.
FIRST: dict[str, list[tuple[str, str]]] = {
    "pl": [
        ("lead", "glossary/lead/"), ("leady", "glossary/lead/"), ("leadów", "glossary/lead/"),
        ("sprzedawca", "glossary/sales-rep/"), ("sprzedawcy", "glossary/sales-rep/"),
        ("przedstawiciel handlowy", "glossary/sales-rep/"), ("handlowca", "glossary/sales-rep/"),
        ("klient", "glossary/customer/"), ("klienci", "glossary/customer/"),
        ("kampania", "glossary/campaign/"), ("kampanii", "glossary/campaign/"),
        ("kwota", "glossary/quota/"), ("quota", "glossary/quota/"),
        ("umowa SLA", "glossary/sla/"), ("umowy SLA", "glossary/sla/"),
        ("lejek", "glossary/pipeline/"), ("lejka", "glossary/pipeline/"),
        ("lejka sprzedażowego", "glossary/pipeline/"),
        ("sprzedaż", "teams/sales/"), ("zespół sprzedaży", "teams/sales/"),
        ("marketing", "teams/marketing/"),
    ],
    "en": [
        ("lead", "glossary/lead/"), ("leads", "glossary/lead/"),
        ("salesperson", "glossary/sales-rep/"), ("sales representative", "glossary/sales-rep/"),
        ("sales reps", "glossary/sales-rep/"),
        ("client", "glossary/customer/"), ("customer", "glossary/customer/"),
        ("campaign", "glossary/campaign/"), ("quota", "glossary/quota/"),
        ("service level agreement", "glossary/sla/"), ("funnel", "glossary/pipeline/"),
        ("sales", "teams/sales/"), ("sales team", "teams/sales/"), ("marketing", "teams/marketing/"),
    ],
}


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_a_name_or_a_title_typed_finds_its_page_first(page: Any, server: str, lang: str) -> None:
    open_page(page, server, f"{lang}/")
    wrong: dict[str, list[str]] = {}
    for query, first in FIRST[lang]:
        found = hits(page, query)
        if found[:1] != [first]:
            wrong[query] = found[:5]
    assert not wrong, wrong


@pytest.mark.parametrize(
    ("lang", "query", "near"),
    [
        # the pages about the term follow it: their titles name it ("handlowca")
        ("pl", "sprzedawca", "playbooks/onboard-sales-rep/"),
        ("en", "salesperson", "playbooks/onboard-sales-rep/"),
        ("pl", "lead", "glossary/lead-source/"),
        ("en", "client", "processes/customer-data-sharing/"),
    ],
)
def test_the_pages_about_a_term_follow_it(page: Any, server: str, lang: str, query: str, near: str) -> None:
    open_page(page, server, f"{lang}/")
    found = hits(page, query)
    assert near in found[1:4], found[:6]


#: The forms of "marka" (brand); "marka" is searched as "mark", which begins "marketing" too.
BRAND = re.compile(r"\bmar(?:ka|ki|kę|ką|ce|ek|kom|kami|kach)\b", re.IGNORECASE)


def article_text(site: Path, path: str) -> str:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<article class="md-content__inner[^"]*">(.*?)</article>', html, re.S)
    assert found is not None, path
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", found.group(1)))


@pytest.mark.parametrize("query", ["marka", "markę"])
def test_a_polish_word_lists_the_pages_having_it_before_the_longer_words_it_begins(
    page: Any, server: str, search_built: Built, query: str,
) -> None:
    """The brand's pages, not "Kampania marketingowa" (which never says "marka"), for "marka"."""
    open_page(page, server, "pl/")
    found = hits(page, query)
    assert found[0] == "glossary/awareness/", found[:5]
    lacking = [p for p in found[:10] if not BRAND.search(article_text(search_built.site / "pl", p))]
    assert not lacking, found[:10]


def test_trade_fairs_come_before_the_target_group(page: Any, server: str) -> None:
    """"targi" is searched as "targ", which begins the English "target" of the glossary's names."""
    open_page(page, server, "pl/")
    found = hits(page, "targi")
    assert "strategies/networking-events/" in found[:2], found[:5]
    assert not {"glossary/target-group/", "glossary/quota/"} & set(found[:5]), found[:5]


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


@pytest.mark.parametrize(
    ("query", "first", "excerpt"),
    [
        # the team is "Sprzedaż" in Polish; it shows where it names a term with that Polish word
        ("sprzedaz", "Sales", "the monthly and quarterly sales quotas"),
        # the term is "Kwota sprzedażowa" in Polish; its page shows its definition
        ("kwota", "Sales quota", "A quantitative sales target"),
    ],
)
def test_a_polish_word_on_the_english_site_shows_english_snippets(
    page: Any, server: str, query: str, first: str, excerpt: str,
) -> None:
    open_page(page, server, "en/")
    titles = search(page, query)
    assert titles[0] == first, titles
    assert "Sales quota" in titles[:6], titles
    assert not LISTINGS & set(titles[:6]), titles
    for title, text in zip(titles, excerpts(page), strict=True):
        assert "sprzeda" not in text.lower() and "kwota" not in text.lower(), (title, text)
        assert "Potencjalny" not in text and "Sales quota · quota" not in text, (title, text)
    assert excerpt in excerpts(page)[0], excerpts(page)[0]
    if query == "kwota":
        assert titles[1] == "Monthly sales quota", titles
        assert {w.lower().strip(".") for w in marked(page, 1)} == {"sales", "quota"}


def test_a_term_ranks_above_the_index_pages_that_list_it(page: Any, server: str) -> None:
    open_page(page, server, "pl/")
    titles = search(page, "kwota")
    assert titles[:2] == ["Kwota sprzedażowa", "Miesięczna kwota sprzedażowa"], titles
    assert "Cele" not in titles[:6], titles


@pytest.mark.parametrize("query", ["salesforce", "salesroom", "quarterly salesforce"])
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


def _fetched_vocabulary(page: Any) -> bool:
    return bool(page.evaluate(
        "performance.getEntriesByType('resource').some(e => e.name.endsWith('/vocabulary.txt'))"))


@pytest.mark.parametrize(
    ("query", "first"),
    [
        # Pagefind's English stemmer cut "markę" to "mark": 53 pages, "Marketing" first
        ("markę", ["Brand awareness", "Brand awareness in the target group"]),
        ("marke", ["Brand awareness", "Brand awareness in the target group"]),
        # found only "Untranslated goal" (its Polish text says "umów")
        ("umowie", ["SLA", "Service level agreement between marketing and sales", "An SLA in a large company"]),
        # found only "Phone outreach" (its Polish keyword); "Klient" is the term "Customer"
        ("klientów", ["Customer"]),
        # typed without its Polish letters: found only "Phone outreach" too (it has "klientów",
        # which folds to the word typed, and was taken for the English word as typed)
        ("klientow", ["Customer"]),
    ],
)
def test_a_polish_word_on_the_english_site_is_searched_by_its_polish_stem_too(
    page: Any, server: str, query: str, first: list[str],
) -> None:
    open_page(page, server, "en/")
    titles = search(page, query)
    assert titles[:len(first)] == first, titles[:6]
    assert "results for" not in page.locator(".md-search-result__meta").inner_text()


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("marked", "Marketing-qualified leads"), ("campaign", "Marketing campaign"), ("leads", "Lead"),
        ("quota", "Sales quota"), ("revenue", "Quarterly revenue"),
    ],
)
def test_an_english_word_is_searched_as_typed(page: Any, server: str, query: str, first: str) -> None:
    """An English word of the site is not taken for a Polish one ("quota" ends as "kwota" does),
    and the site's vocabulary is not fetched for it ("marked", which no best hit has as such,
    fetches it for "did you mean", as before)."""
    open_page(page, server, "en/")
    titles = search(page, query)
    assert titles[0] == first, titles[:6]
    assert query == "marked" or not _fetched_vocabulary(page)


def test_a_file_name_in_a_how_to_page_does_not_outrank_the_definitions(page: Any, server: str) -> None:
    """"Jak edytować treści" names the file ``lead-handoff.yaml``: it came second for "lead handoff",
    and the process of that name was not in the first six."""
    open_page(page, server, "pl/")
    titles = search(page, "lead handoff")
    assert titles[:2] == ["Przekazanie leada", "Przekazanie leada od marketingu do sprzedaży"], titles[:6]
    assert "Jak edytować treści" not in titles[:6], titles
    # what only the how-to page has still finds it
    assert search(page, "lead-handoff.yaml")[:1] == ["Jak edytować treści"]
    assert search(page, "playbook check")[:1] == ["Jak edytować treści"]


def all_hits(page: Any, query: str) -> list[str]:
    """:func:`hits`, with every further result shown ("Pokaż więcej wyników")."""
    search(page, query)
    more = page.locator(".pb-search-more")
    while more.is_visible():
        count = page.locator(".md-search-result__item").count()
        more.click()
        page.wait_for_function(f"document.querySelectorAll('.md-search-result__item').length > {count}")
    return hits(page, query)


@pytest.mark.parametrize(
    ("query", "own", "other"),
    [
        ("rynku", r"\brynk", r"\brynek\b"), ("rynek", r"\brynek\b", r"\brynk\w+"),
    ],
)
def test_a_word_finds_the_pages_having_its_forms_of_another_stem(
    page: Any, server: str, search_built: Built, query: str, own: str, other: str,
) -> None:
    """"rynku" is cut to "rynk", which does not begin "rynek" (a vowel that drops), "dnia" to
    "dni", which does not begin "dzień": the pages saying only the other form were not found.
    (On the example, every page saying "dzień" also says "dni", and "lejka", "handlowca" found
    "Lejek", "Handlowiec" through the glossary already: only "rynek" shows it here.)"""
    open_page(page, server, "pl/")
    found = all_hits(page, query)
    texts = [article_text(search_built.site / "pl", p) for p in found]
    has_own = [bool(re.search(own, t, re.IGNORECASE)) for t in texts]
    has_other = [bool(re.search(other, t, re.IGNORECASE)) for t in texts]
    other_only = [p for p, a, b in zip(found, has_own, has_other, strict=True) if b and not a]
    assert other_only, found


@pytest.mark.parametrize(
    ("query", "first"),
    [("źródeł", ["Źródło leada"]), ("źródeł leadów", ["Źródło leada"]),
     # typed without Polish letters, as readers often do: "zrodel" found nothing
     ("zrodel", ["Źródło leada"]), ("zrodel leadow", ["Źródło leada"])],
)
def test_a_genitive_plural_with_a_vowel_the_other_forms_lack_finds_them(
    page: Any, server: str, query: str, first: list[str],
) -> None:
    """"źródeł" (of "źródło") is no beginning of "źródło", "źródła": it found nothing. Nor did
    "zrodel", the same typed without Polish letters."""
    open_page(page, server, "pl/")
    titles = search(page, query)
    assert titles[:len(first)] == first, titles[:6]


@pytest.mark.parametrize(
    ("query", "first"),
    [("źródeł", ["Lead source"]), ("zrodel", ["Lead source"]), ("ZRODEL", ["Lead source"]),
     ("źródeł leadów", ["Lead source"]), ("zrodel leadow", ["Lead source"]),
     # a consonant softened before "-e" ("kwota", "o kwocie"): the Polish name "Kwota sprzedażowa"
     ("kwocie", ["Sales quota"])],
)
def test_on_the_english_site_a_polish_word_is_searched_by_its_other_stem(
    page: Any, server: str, query: str, first: list[str],
) -> None:
    """The English site's index has the glossary's Polish names ("Źródło leada"), but "źródeł" and
    "zrodel" found nothing there ("Did you mean: źródło?"), nor "kwocie": the Polish stem of the
    word ("źródeł") begins no form of it; its other stem ("źródł", as the Polish site searches it)
    does. The count is not said to be for another word, and nothing is offered instead."""
    open_page(page, server, "en/")
    titles = search(page, query)
    assert titles[:len(first)] == first, titles[:6]
    meta = page.locator(".md-search-result__meta").inner_text()
    assert "results for" not in meta and "Did you mean" not in meta, meta


def shown_paths(page: Any) -> list[str]:
    """The addresses of the results on screen, every further one shown ("Pokaż więcej wyników")."""
    more = page.locator(".pb-search-more")
    while more.is_visible():
        count = page.locator(".md-search-result__item").count()
        more.click()
        page.wait_for_function(f"document.querySelectorAll('.md-search-result__item').length > {count}")
    paths: list[str] = page.locator(".md-search-result__item").evaluate_all(
        "items => items.map(i => new URL(i.querySelector('a').href).pathname.split('/').slice(2).join('/'))"
    )
    return paths


@pytest.mark.parametrize(
    ("query", "typed", "other"),
    [
        # "pozycję firmy na rynku" (the small-company playbook, the SLA, "Dlaczego różnica...")
        ("pozycja rynek", r"\brynek\b", r"\bpozycj\w* firmy na rynku\b"),
        # "10 dni roboczych" (the campaign-notice goal, the networking strategy)
        ("dzień roboczy", r"\bdzień\b", r"\bdni roboczych\b"),
    ],
)
def test_a_query_of_several_words_finds_the_forms_its_stems_do_not_begin(
    page: Any, server: str, search_built: Built, query: str, typed: str, other: str,
) -> None:
    """"rynek" is cut to "rynek", which does not begin "rynku", "dzień" to "dzień", which does
    not begin "dni": a query of several words found only the pages having the form typed. Now
    the pages having another form come too, after those that the words as typed find."""
    site = search_built.site / "pl"
    having = sorted(str(p.parent.relative_to(site)) + "/" for p in site.rglob("index.html")
                    if "<article" in p.read_text(encoding="utf-8")
                    and re.search(other, article_text(site, str(p.parent.relative_to(site))), re.IGNORECASE))
    assert having, other
    open_page(page, server, "pl/")
    search(page, query)
    found = shown_paths(page)
    assert set(having) <= set(found), (having, found)
    as_typed = [bool(re.search(typed, article_text(site, p), re.IGNORECASE)) for p in found]
    assert as_typed[0] and as_typed.index(False) > 0, list(zip(found, as_typed, strict=True))


def test_a_query_word_has_a_stem_word_when_a_form_of_it_does_not_begin_with_its_stem(
    page: Any, server: str, search_built: Built,
) -> None:
    """The search box decides from the query alone (no download) which words to search by their
    stem word too: it must pick every word whose key the index marks so (every form of
    "rynek", "dzień", "klient" on the site), and the query whose words have none is not searched
    again."""
    vocabulary = (search_built.site / "pl" / "pagefind" / "vocabulary.txt").read_text(encoding="utf-8").lower().split()
    odd = {k[:-len(IRREGULAR)] for k in stems_of(vocabulary) if k.endswith(IRREGULAR)}
    odd = {k for k in odd if len(k) >= MIN_STEM_WORD and k.isalpha()}
    forms = sorted(w for w in vocabulary if stem_key(w) in odd)
    assert {"rynek", "rynku", "dzień", "dnia", "dni"} <= set(forms), forms
    open_page(page, server, "pl/")
    missed = page.evaluate("ws => ws.filter(w => !window.playbookSearch.hasStemWord(w))", forms)
    assert missed == []
    queries = ["sprzedaż marketing", "lead kwalifikowany", "pracy zespołu", "rynek pracy", "dnia pracy"]
    in_browser = page.evaluate("qs => qs.map(q => window.playbookSearch.stemWordQuery(q))", queries)
    assert in_browser == [None, None, None, f"{stem_word('rynk')} prac", f"{stem_word('dni')} prac"]
