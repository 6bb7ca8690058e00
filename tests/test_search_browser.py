"""Search and language switching in a real headless Chromium, against the built site on 127.0.0.1.

Queries are typed with real key events (``press_sequentially``), with and without Polish
letters, on both language sites; the assertions are on the titles of the results.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from generator.search.index import exact_word
from generator.search.polish import stem
from generator.search.words import name_key

pytest_plugins = ["tests.search_site"]
pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture()
def server(search_server: str) -> str:
    return search_server


@pytest.fixture()
def page(search_page: Any) -> Any:
    return search_page


QUERY = "#pb-search-query"


def search(page: Any, query: str) -> list[str]:
    """Type ``query`` into the search box and return the titles of the results, best first."""
    box = page.locator(QUERY)
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    box.press_sequentially(query, delay=15)
    page.wait_for_function(
        "q => document.querySelector('.pb-search').dataset.query === q", arg=query, timeout=15000
    )
    titles: list[str] = page.locator(".md-search-result__item .md-search-result__article--document h1").all_inner_texts()
    return titles


def open_page(page: Any, server: str, path: str) -> None:
    page.goto(server + path)
    page.wait_for_load_state("load")


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("sprzedaz", "Sprzedaż"),
        ("sprzedaż", "Sprzedaż"),
        ("kwartal", "Przychód kwartalny"),
        ("kwartał", "Przychód kwartalny"),
        ("kwartale", "Przychód kwartalny"),
        ("umowy", "Umowa o poziomie usług między marketingiem a sprzedażą"),
        ("zrodlo", "Źródło leada"),
        ("źródło", "Źródło leada"),
        ("swiadomosc", "Świadomość marki"),
        ("leadow", "Leady zakwalifikowane przez marketing"),
        ("MQL", "MQL"),
        ("lead kwalifikowany marketingowo", "MQL"),
        ("kampan", "Kampania marketingowa"),
    ],
)
def test_polish_queries_with_and_without_polish_letters(page: Any, server: str, query: str, title: str) -> None:
    open_page(page, server, "pl/")
    titles = search(page, query)
    assert title in titles[:6], titles


def result_count(page: Any) -> int:
    found = re.search(r"\d+", page.locator(".md-search-result__meta").inner_text())
    return int(found.group(0)) if found else 0


def test_queries_with_and_without_diacritics_find_the_same_pages(page: Any, server: str) -> None:
    """The same pages; the order may differ (Pagefind ranks the exact spelling a little higher)."""
    open_page(page, server, "pl/")
    for plain, marked in [("zrodlo", "źródło"), ("sprzedaz", "sprzedaż"), ("kwartal", "kwartał"),
                          ("swiadomosci", "świadomości")]:
        first = search(page, plain)
        count = result_count(page)
        again = search(page, marked)
        assert count == result_count(page) and count > 0, (plain, marked)
        assert first[0] in again[:3] and again[0] in first[:3], (first, again)


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("quarterly quota", "Sales quota"),
        ("quotas", "Monthly sales quota"),
        ("quart", "Quarterly revenue"),
        ("MQL", "MQL"),
        ("marketing-qualified lead", "MQL"),
        ("agreement", "Service level agreement between marketing and sales"),
    ],
)
def test_english_queries(page: Any, server: str, query: str, title: str) -> None:
    open_page(page, server, "en/")
    titles = search(page, query)
    assert title in titles[:6], titles


def test_a_title_hit_ranks_above_body_hits(page: Any, server: str) -> None:
    open_page(page, server, "pl/")
    titles = search(page, "konwersja")
    assert titles[0] == "Konwersja"
    assert len(titles) > 1  # the word is in other pages' text too


def test_each_hit_says_its_kind_and_team(page: Any, server: str) -> None:
    open_page(page, server, "pl/")
    search(page, "miesięczna kwota")
    first = page.locator(".md-search-result__item").first
    assert first.locator("h1").inner_text() == "Miesięczna kwota sprzedażowa"
    assert first.locator(".pb-search-kind").inner_text() == "Cel"
    assert first.locator(".pb-search-team").inner_text() == "Sprzedaż"


def test_results_can_be_narrowed_to_one_kind(page: Any, server: str) -> None:
    open_page(page, server, "pl/")
    everything = search(page, "sprzedaz")
    select = page.locator(".pb-search-filters select[name=kind]")
    select.select_option("Cel")
    page.wait_for_function(
        "n => document.querySelectorAll('.md-search-result__item').length > 0 &&"
        " [...document.querySelectorAll('.md-search-result__item .pb-search-kind')]"
        ".every(e => e.textContent === 'Cel') && document.querySelector('.md-search-result__meta')"
        ".textContent !== ''",
        arg=len(everything),
    )
    kinds = page.locator(".md-search-result__item .pb-search-kind").all_inner_texts()
    assert kinds and set(kinds) == {"Cel"}
    goals = page.locator(".md-search-result__item .md-search-result__article--document h1").all_inner_texts()
    assert "Miesięczna kwota sprzedażowa" in goals and "Sprzedaż" not in goals


def all_results(page: Any) -> list[tuple[str, list[str]]]:
    """The kind and the teams of every result, each further one shown ("Pokaż więcej wyników")."""
    more = page.locator(".pb-search-more")
    while more.is_visible():
        count = page.locator(".md-search-result__item").count()
        more.click()
        page.wait_for_function(f"document.querySelectorAll('.md-search-result__item').length > {count}")
    found: list[tuple[str, list[str]]] = page.locator(".md-search-result__item").evaluate_all(
        "items => items.map(i => [i.querySelector('.pb-search-kind')?.textContent || '',"
        " (i.querySelector('.pb-search-team')?.textContent || '').split(' · ').filter(Boolean)])"
    )
    return found


def filter_counts(page: Any, name: str) -> dict[str, int]:
    """The number each value of the filter ``name`` says it has ("Cel (9)"), those above 0."""
    options: list[str] = page.locator(f".pb-search-filters select[name={name}] option").all_inner_texts()
    counts = {}
    for option in options:
        found = re.fullmatch(r"(.+) \((\d+)\)", option)
        if found and int(found.group(2)):
            counts[found.group(1)] = int(found.group(2))
    return counts


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        ("sprzedaz", None),  # the term "Sprzedaż" comes from the exact-match search
        ("dzien", None),  # pages saying only "dni", from the stem word of "dzień"
        ("lejka", None),  # pages saying only "lejek"
        ("rynek pracy", None),  # the pages saying "rynku pracy", from a third search
        ("dzien", "Playbook"),  # and with a kind chosen
    ],
)
def test_each_filter_value_counts_the_results_listed(page: Any, server: str, query: str, kind: str | None) -> None:
    """The counts came from one of the searches whose results the list merges: "dzien" listed
    2 playbooks and 11 pages of a team, the kind filter said "Playbook (1)" and the teams 7."""
    open_page(page, server, "pl/")
    search(page, query)
    if kind:
        page.evaluate("document.querySelector('.pb-search').dataset.query = ''")
        page.locator(".pb-search-filters select[name=kind]").select_option(kind)
        page.wait_for_function("q => document.querySelector('.pb-search').dataset.query === q", arg=query)
        assert {k for k, _ in all_results(page)} == {kind}
    listed = all_results(page)
    assert len(listed) == result_count(page) > 0
    kinds: dict[str, int] = {}
    teams: dict[str, int] = {}
    for shown_kind, shown_teams in listed:
        kinds[shown_kind] = kinds.get(shown_kind, 0) + 1
        for team in shown_teams:
            teams[team] = teams.get(team, 0) + 1
    assert filter_counts(page, "kind") == kinds
    assert filter_counts(page, "team") == teams


def test_a_team_filter_alone_lists_the_team_s_pages(page: Any, server: str) -> None:
    open_page(page, server, "en/")
    page.locator(QUERY).click()
    page.locator(".pb-search-filters select[name=team]").select_option("Marketing")
    page.wait_for_function("document.querySelectorAll('.md-search-result__item').length > 3")
    teams = page.locator(".md-search-result__item .pb-search-team").all_inner_texts()
    assert teams and all("Marketing" in team for team in teams)


def test_keyboard_opens_search_and_a_result_opens_with_the_words_highlighted(page: Any, server: str) -> None:
    open_page(page, server, "pl/about/")
    page.keyboard.press("s")
    assert page.evaluate("document.activeElement.id") == "pb-search-query"
    page.keyboard.type("kwartale", delay=15)
    page.wait_for_function("document.querySelector('.pb-search').dataset.query === 'kwartale'")
    page.keyboard.press("ArrowDown")
    assert "md-search-result__link" in page.evaluate("document.activeElement.className")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "h=kwartale" in page.url
    marks = page.locator("article mark[data-md-highlight]").all_inner_texts()
    assert marks and all(m.lower().startswith("kwarta") for m in marks), marks
    page.keyboard.press("/")
    assert page.evaluate("document.getElementById('__search').checked") is True
    page.keyboard.press("Escape")
    assert page.evaluate("document.getElementById('__search').checked") is False


@pytest.mark.parametrize(("start", "other"), [("pl", "en"), ("en", "pl")])
def test_switching_language_lands_on_the_same_page(page: Any, server: str, start: str, other: str) -> None:
    open_page(page, server, f"{start}/processes/lead-handoff/")
    page.locator(".md-header__option .md-select").hover()
    with page.expect_navigation():
        page.locator(f".md-select__link[hreflang={other}]").click()
    assert page.url == f"{server}{other}/processes/lead-handoff/"
    assert page.evaluate("document.documentElement.lang") == other


def test_the_search_box_finds_the_same_page_in_english_after_switching(page: Any, server: str) -> None:
    open_page(page, server, "pl/goals/quarterly-revenue/")
    page.locator(".md-header__option .md-select").hover()
    with page.expect_navigation():
        page.locator(".md-select__link[hreflang=en]").click()
    assert "Quarterly revenue" in search(page, "quarterly")


def test_the_browser_cuts_words_like_python(page: Any, server: str) -> None:
    open_page(page, server, "pl/")
    words = ["umowy", "Kwartale", "sprzedaży", "leadów", "klienci", "kampaniami", "źródła", "SLA",
             "marketingowych", "planowanie", "cele", "ŁÓDŹ", "rynku", "dnia", "wodzie", "liście"]
    in_browser = page.evaluate("ws => ws.map(w => window.playbookSearch.stem(w))", words)
    assert in_browser == [stem(w) for w in words]


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_the_browser_makes_exact_match_keys_like_python(page: Any, server: str, lang: str) -> None:
    """The index holds the keys Python made of titles and names; the query's must be the same."""
    open_page(page, server, f"{lang}/")
    names = ["Kwoty sprzedażowej", "handlowca", "Handlowiec", "lejek", "lejkiem sprzedażowym", "Leads",
             "Sales reps", "umowę SLA", "  Łódź,  (sp. z o.o.) ", "MQL-e", "sales-qualified lead", "ŹRÓDŁA",
             "cele", "B2B", "lek", "klienci", "rynek", "rynku", "dzień", "Dnia", "tydzień", "koniec",
             "powiedzieć"]
    in_browser = page.evaluate("ns => ns.map(n => window.playbookSearch.nameKey(n))", names)
    assert in_browser == [name_key(n, lang) for n in names]
    words = page.evaluate("ns => ns.map(n => window.playbookSearch.exactWord(window.playbookSearch.nameKey(n), 't'))",
                          names)
    assert words == [exact_word(name_key(n, lang), "t") for n in names]


def test_glossary_terms_show_their_definition_on_hover(page: Any, server: str) -> None:
    open_page(page, server, "en/goals/qualified-leads/")
    term = page.locator("article abbr.pb-term[data-pb-term=mql]").first
    term.hover()
    tooltip = page.locator(".md-tooltip2", has_text="Marketing-qualified lead")
    tooltip.first.wait_for(state="visible", timeout=5000)
    assert "ready to be handed to the sales team" in tooltip.first.inner_text()


def test_a_missing_translation_is_visibly_marked(page: Any, server: str) -> None:
    open_page(page, server, "en/goals/untranslated-goal/")
    badge = page.locator("article .pb-fallback").first
    assert badge.is_visible() and badge.inner_text() == "PL"
    box = badge.bounding_box()
    assert box is not None and box["width"] > 8 and box["height"] > 8
    badge.hover()
    tooltip = page.locator(".md-tooltip2", has_text="No English translation yet")
    tooltip.first.wait_for(state="visible", timeout=5000)


def test_a_missing_translation_is_read_in_its_language_and_explained_to_the_keyboard(
        page: Any, server: str) -> None:
    open_page(page, server, "en/goals/untranslated-goal/")
    metric = page.locator("article li", has_text="Liczba umów podpisanych")
    assert metric.locator('[lang="pl"]').inner_text() == "Liczba umów podpisanych w kwartale ponad plan."
    badge = metric.locator(".pb-fallback")
    assert badge.evaluate("b => b.closest('[lang]').lang") == "en"
    for _ in range(60):  # Tab through the page until the badge has the focus
        page.keyboard.press("Tab")
        if badge.evaluate("b => document.activeElement === b"):
            break
    else:
        raise AssertionError("the PL badge is not reachable with Tab")
    page.locator(".md-tooltip2", has_text="No English translation yet").first.wait_for(state="visible", timeout=5000)


def _switch_language(page: Any, to: str) -> None:
    page.locator(".md-header__option .md-select button").hover()
    page.locator(f"a.pb-alternate[hreflang={to}]").click()
    page.wait_for_load_state("load")


def test_switching_language_keeps_the_values_typed_into_the_sla_form(page: Any, server: str) -> None:
    field = "#sla-marketing-sales-sla-"
    open_page(page, server, "pl/slas/marketing-sales-sla/")
    page.fill(field + "company_name", "Acme Sp. z o.o.")
    page.fill(field + "revenue_target", "2 500 000")
    _switch_language(page, "en")
    assert page.url == server + "en/slas/marketing-sales-sla/"
    page.wait_for_function(f"document.querySelector('{field}company_name').value !== ''", timeout=5000)
    assert page.input_value(field + "company_name") == "Acme Sp. z o.o."
    assert page.input_value(field + "revenue_target") == "2,500,000"  # read the Polish way, shown the English
    # Carried quietly: the reader loaded no file (no "Loaded ..." message), and the required
    # fields they had not reached yet are not marked as mistakes.
    assert page.locator(".sla-summary").is_hidden()
    assert page.get_attribute(field + "marketing_signatory", "aria-invalid") is None
    assert page.locator(".sla-invalid").count() == 0
    # A value that cannot be carried over is said, and its field marked.
    page.evaluate(
        """to => sessionStorage.setItem("pb-sla-carry", JSON.stringify({to: to, forms: [
          {id: "marketing-sales-sla", values: "company_name: Acme\\nrevenue_target: lots\\n"}]}))""",
        server + "en/slas/marketing-sales-sla/",
    )
    page.reload()
    page.wait_for_function(f"document.querySelector('{field}company_name').value === 'Acme'", timeout=5000)
    summary = page.locator(".sla-summary")
    summary.wait_for(state="visible", timeout=5000)
    assert "revenue_target" in summary.inner_text() or "Revenue target" in summary.inner_text()
    assert page.get_attribute(field + "revenue_target", "aria-invalid") == "true"
    assert page.get_attribute(field + "marketing_signatory", "aria-invalid") is None
    # An untouched form goes over as it is, and nothing is left behind for a later page.
    open_page(page, server, "pl/slas/marketing-sales-sla/")
    _switch_language(page, "en")
    assert page.input_value(field + "company_name") == ""
    assert page.locator(".sla-summary").is_hidden()
    assert page.evaluate("sessionStorage.length") == 0


def test_no_script_errors_on_search(page: Any, server: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_page(page, server, "en/glossary/")
    search(page, "pipeline")
    assert not errors
    assert re.search(r"\d", page.locator(".md-search-result__meta").inner_text())
