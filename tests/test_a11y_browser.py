"""The site with a keyboard and a screen reader, and for low vision (the dark scheme, 320 px), in
Chromium: what the browser's accessibility tree says (the names, roles, levels and descriptions a
screen reader reads), where the keyboard's focus goes and whether it shows, and the contrast of the
colours the project's own CSS (generator/assets/*.css) draws. The site is the one the search tests
build (tests/search_site.py), once per session.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

import pytest

pytest_plugins = ["tests.search_site"]
pytestmark = [pytest.mark.browser, pytest.mark.slow]

SLA = "slas/marketing-sales-sla/"
SLA_FIELD = "#sla-marketing-sales-sla-"
REQUIRED = {"company_name": "Acme", "marketing_signatory": "Anna Nowak", "sales_signatory": "Jan Kowalski",
            "effective_date": "2027-01-01"}


@pytest.fixture()
def tab(search_browser: Any) -> Iterator[Any]:
    """A fresh desktop-sized tab; fails the test on any script error of the page."""
    context = search_browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def _ax_nodes(tab: Any) -> list[dict[str, Any]]:
    """Chromium's accessibility tree (what a screen reader is given), without ignored nodes."""
    session = tab.context.new_cdp_session(tab)
    nodes: list[dict[str, Any]] = session.send("Accessibility.getFullAXTree")["nodes"]
    session.detach()
    return [n for n in nodes if not n.get("ignored")]


def _value(node: dict[str, Any], key: str) -> str:
    return str((node.get(key) or {}).get("value", ""))


def _headings(tab: Any) -> list[int]:
    """The level of every heading in the accessibility tree (aria-level included)."""
    levels = []
    for node in _ax_nodes(tab):
        if _value(node, "role") == "heading":
            levels += [int(p["value"]["value"]) for p in node.get("properties", []) if p["name"] == "level"]
    return levels


def _tab_to(tab: Any, selector: str, presses: int = 80) -> None:
    """Press Tab until the focus is on an element matching ``selector`` (as a keyboard user)."""
    for _ in range(presses):
        tab.keyboard.press("Tab")
        if tab.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"Tab never reached {selector}")


# -- every kind of page: its language and its outline -------------------------------------------

PAGES = ["", "comparison/", "processes/lead-handoff/", "goals/qualified-leads/", "strategies/online-marketing/",
         "teams/sales/", "checklists/new-sales-rep/", SLA, "glossary/", "glossary/mql/", "playbooks/launch-campaign/",
         "processes/", "404.html"]


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_every_kind_of_page_has_its_language_and_one_h1_without_skipped_levels(
    tab: Any, search_server: str, lang: str,
) -> None:
    for path in PAGES:
        tab.goto(search_server + f"{lang}/{path}")
        assert tab.locator("html").get_attribute("lang") == lang, path
        levels = tab.evaluate(
            "() => [...document.querySelectorAll('article :is(h1, h2, h3, h4, h5, h6)')]"
            ".map(h => Number(h.getAttribute('aria-level') || h.tagName[1]))"
        )
        assert levels.count(1) == 1 and levels[0] == 1, (path, levels)
        skipped = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        assert not skipped, (path, levels)
    # the language switcher: a named button, and each language's link in its own language
    tab.goto(search_server + f"{lang}/teams/sales/")
    name = {"pl": "Wybierz język", "en": "Select language"}[lang]
    assert tab.get_by_role("button", name=name).count() == 1
    links = tab.locator("a.pb-alternate")
    assert {(a.get_attribute("lang"), a.inner_text().strip()) for a in links.all()} == {("pl", "Polski"),
                                                                                         ("en", "English")}


# -- the checklist ------------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "done", "clear"), [("pl", "Zrobione", "Wyczyść zaznaczenia"),
                                                     ("en", "Done", "Clear ticks")])
def test_a_checklist_is_ticked_with_the_keyboard_and_each_box_says_its_item(
    tab: Any, search_server: str, lang: str, done: str, clear: str,
) -> None:
    tab.goto(search_server + f"{lang}/checklists/new-sales-rep/")
    rows = tab.locator(".pb-checklist tbody tr:has(input.pb-tick)")
    first_task = rows.first.locator("td").nth(1).inner_text().strip()
    box = tab.get_by_role("checkbox", name=f"{done}: {first_task}", exact=True)
    assert box.count() == 1, f"no tick box named after its item '{first_task}'"
    assert tab.get_by_role("checkbox").count() == rows.count()
    _tab_to(tab, "input.pb-tick")
    assert tab.evaluate("document.activeElement.getAttribute('aria-label')") == f"{done}: {first_task}"
    tab.keyboard.press("Space")
    assert box.is_checked()
    tab.keyboard.press("Space")
    assert not box.is_checked()
    assert tab.get_by_role("button", name=clear, exact=True).count() == 1


# -- keyboard focus shows on our own controls ---------------------------------------------------

_FOCUS_RING = """() => {
  const e = document.activeElement, s = getComputedStyle(e);
  return {visible: e.matches(':focus-visible'), outline: s.outlineStyle, width: parseFloat(s.outlineWidth),
          shadow: s.boxShadow};
}"""


@pytest.mark.parametrize(("path", "selector"), [
    ("pl/checklists/new-sales-rep/", "input.pb-tick"),
    ("en/" + SLA, SLA_FIELD + "company_name"),
    ("en/" + SLA, "input.sla-number"),
    ("pl/" + SLA, SLA_FIELD + "effective_date"),
])
def test_keyboard_focus_is_visible_on_our_fields(tab: Any, search_server: str, path: str, selector: str) -> None:
    """Material's reset takes the outline off every input: a tick box or a form field reached with
    Tab showed no sign of having the focus."""
    tab.goto(search_server + path)
    _tab_to(tab, selector)
    ring = tab.evaluate(_FOCUS_RING)
    assert ring["visible"]
    assert (ring["outline"] not in ("none", "hidden") and ring["width"] >= 2) or ring["shadow"] != "none", ring


# -- the SLA form -------------------------------------------------------------------------------

def _fill_required(tab: Any) -> None:
    for name, value in REQUIRED.items():
        tab.locator(SLA_FIELD + name).fill(value)


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_the_sla_preview_is_a_quiet_region_under_the_pages_one_h1(tab: Any, search_server: str, lang: str) -> None:
    """The preview, the whole agreement drawn again at every key pressed, was a live region (a
    screen reader read it out at each key) and brought a second h1 and h2s into the page's outline."""
    tab.goto(search_server + f"{lang}/{SLA}")
    _fill_required(tab)
    tab.locator(SLA_FIELD + "company_name").fill("")
    tab.locator(SLA_FIELD + "company_name").press_sequentially("Acme SA", delay=10)
    doc = tab.locator(".sla-preview .sla-doc")
    assert doc.count() == 1 and "Acme SA" in doc.inner_text()
    live = doc.evaluate(
        "d => { const out = []; for (let e = d; e; e = e.parentElement) {"
        " if (e.getAttribute('aria-live') || ['alert', 'status', 'log'].includes(e.getAttribute('role')))"
        " out.push(e.className); } return out; }"
    )
    assert live == [], f"the preview is inside a live region: {live}"
    title = {"pl": "Podgląd umowy", "en": "Preview of the agreement"}[lang]
    assert tab.get_by_role("region", name=title).locator(".sla-doc").count() == 1
    levels = _headings(tab)
    assert levels.count(1) == 1, levels
    # the agreement's own title is a level below the form's heading (h2)
    preview_levels = doc.evaluate(
        "d => [...d.querySelectorAll('h1, h2, h3')].map(h => Number(h.getAttribute('aria-level') || h.tagName[1]))"
    )
    assert preview_levels[0] == 3 and set(preview_levels[1:]) == {4}, preview_levels


def test_a_failed_download_leads_to_the_field_and_the_summary_is_said_once(tab: Any, search_server: str) -> None:
    tab.goto(search_server + "en/" + SLA)
    tab.get_by_role("button", name="Download the agreement (Markdown)").click()
    field = tab.locator(SLA_FIELD + "company_name")
    # the focus goes to the first field to correct, which says why
    assert tab.evaluate("document.activeElement.id") == "sla-marketing-sales-sla-company_name"
    assert field.get_attribute("aria-invalid") == "true"
    described = (field.get_attribute("aria-describedby") or "").split()
    errors = [tab.locator(f"#{ident}").inner_text() for ident in described]
    assert any("required" in text for text in errors), errors
    # required, said as such ("required"), and named without the star (read out as "star")
    named = tab.get_by_role("textbox", name="Company name", exact=True)
    assert named.count() == 1 and named.evaluate("e => e.required")
    summary = tab.get_by_role("alert")
    assert summary.inner_text() == "Please correct the marked fields:"
    # typing in another field leaves the alert's words as they are: not announced again at each key
    tab.evaluate(
        "() => { window.pbChanges = 0; new MutationObserver(m => { window.pbChanges += m.length; })"
        ".observe(document.querySelector('.sla-summary'), {childList: true, characterData: true, subtree: true}); }"
    )
    tab.locator(SLA_FIELD + "marketing_signatory").press_sequentially("Anna", delay=10)
    assert summary.inner_text() == "Please correct the marked fields:"
    assert tab.evaluate("window.pbChanges") == 0


def test_the_units_of_number_fields_are_part_of_their_description(tab: Any, search_server: str) -> None:
    tab.goto(search_server + "en/" + SLA)
    for name, unit in (("mql_to_sql_rate", "%"), ("revenue_target", "PLN"), ("follow_up_hours", "hours")):
        field = tab.locator(SLA_FIELD + name)
        described = " ".join(tab.locator(f"#{i}").inner_text() for i in (field.get_attribute("aria-describedby") or "").split())
        assert described.startswith(unit), (name, described)


# -- process diagrams ---------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "title", "steps"), [
    ("pl", "Przebieg: Przekazanie leada od marketingu do sprzedaży", "„Kroki”"),
    ("en", "Flow: Lead hand-off from marketing to sales", "“Steps”"),
])
def test_a_process_diagram_has_a_name_and_a_description(tab: Any, search_server: str, lang: str, title: str,
                                                        steps: str) -> None:
    """Mermaid's drawing alone reads as "flowchart-v2" and its boxes' labels in drawing order; its
    accTitle and accDescr name it and point to the steps written out below."""
    tab.goto(search_server + f"{lang}/processes/lead-handoff/")
    found: list[dict[str, Any]] = []
    for _ in range(40):
        found = [n for n in _ax_nodes(tab) if _value(n, "role") == "graphics-document"]
        if found:
            break
        tab.wait_for_timeout(250)
    assert found, "the diagram was not drawn"
    assert _value(found[0], "name") == title
    description = _value(found[0], "description")
    assert steps in description and ("Marketing" in description and ("Sprzedaż" in description or "Sales" in description))
    # ... and the steps are there as text, in order, under that heading
    headings = tab.locator("article h3").all_inner_texts()
    assert [h.split(".")[0] for h in headings[:3]] == ["1", "2", "3"]


# -- glossary marks -----------------------------------------------------------------------------

def test_glossary_marks_are_reachable_by_keyboard_and_show_their_definition(tab: Any, search_server: str) -> None:
    tab.goto(search_server + "en/processes/lead-handoff/")
    terms = tab.evaluate("() => new Set([...document.querySelectorAll('abbr.pb-term')].map(a => a.dataset.pbTerm)).size")
    marks = tab.locator("abbr.pb-term").count()
    assert marks > terms > 3
    reached: list[str] = []
    tab.locator("h1").click()
    for _ in range(60):
        tab.keyboard.press("Tab")
        term = tab.evaluate("document.activeElement.matches('abbr.pb-term') ? document.activeElement.dataset.pbTerm : ''")
        if term:
            reached.append(term)
            if len(reached) == 1:  # the definition shows for the keyboard too (Material's tooltip)
                # Material sets the tooltip up a moment after the focus (a busy machine: later)
                tab.wait_for_function("document.activeElement.getAttribute('aria-describedby')")
                tooltip = tab.locator("#" + tab.evaluate("document.activeElement.getAttribute('aria-describedby')"))
                tooltip.wait_for(state="visible")
                assert re.match(r"Lead: A person or company", tooltip.inner_text()), tooltip.inner_text()
    # one tab stop per term, not one per mark
    assert len(reached) == len(set(reached)) == terms, reached


# -- the dark scheme and a narrow window ---------------------------------------------------------

#: Text drawn by generator/assets/*.css, on the page and in the SLA form after a failed check.
OWN_TEXT = [".pb-meta", ".pb-actions .pb-note", ".pb-clear", ".sla-help", ".sla-suffix", ".sla-required",
            ".sla-error:not([hidden])", ".sla-summary:not([hidden])", ".sla-preview-title", ".sla-preview-empty",
            ".sla-actions .md-button", "abbr.pb-term"]

_CONTRAST = """(selector) => {
  const rgba = c => { const m = c.match(/rgba?\\(([^)]+)\\)/);
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3])).concat([1]);
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  return [...document.querySelectorAll(selector)].filter(e => e.getClientRects().length).slice(0, 3).map(e => {
    const layers = [];
    for (let a = e; a; a = a.parentElement) { const b = rgba(getComputedStyle(a).backgroundColor); if (b[3] > 0) layers.push(b); }
    let bg = [255, 255, 255, 1];
    for (const layer of layers.reverse()) bg = over(layer, bg);
    const fg = over(rgba(getComputedStyle(e).color), bg);
    const [hi, lo] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    return [e.textContent.trim().slice(0, 30), Math.round((hi + 0.05) / (lo + 0.05) * 100) / 100];
  });
}"""


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_our_own_text_has_enough_contrast_in_both_schemes(tab: Any, search_server: str, scheme: str) -> None:
    """4.5:1 for every text our CSS colours; on the dark scheme (Material's "slate") the form's red
    errors and required marks read at 2.5:1, the secondary buttons at 2.4:1."""
    low: list[Any] = []
    measured = set()
    for path in ("pl/checklists/new-sales-rep/", "en/" + SLA):
        tab.goto(search_server + path)
        tab.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
        if SLA in path:
            tab.get_by_role("button", name="Check", exact=True).click()
        tab.mouse.move(0, 0)
        tab.wait_for_timeout(300)  # Material's colour transitions
        for selector in OWN_TEXT:
            for text, ratio in tab.evaluate(_CONTRAST, selector):
                measured.add(selector)
                if ratio < 4.5:
                    low.append((path, selector, text, ratio))
    assert not low, low
    assert measured == set(OWN_TEXT), set(OWN_TEXT) - measured


@pytest.mark.parametrize("path", ["pl/" + SLA, "en/checklists/new-sales-rep/", "pl/processes/lead-handoff/",
                                  "en/glossary/", "pl/comparison/"])
def test_a_320_px_window_does_not_scroll_sideways(search_browser: Any, search_server: str, path: str) -> None:
    """200 % zoom of a 640 px window, or a 320 px phone: our components fit (WCAG reflow)."""
    context = search_browser.new_context(viewport={"width": 320, "height": 700})
    try:
        page = context.new_page()
        page.goto(search_server + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        context.close()


def test_tabbing_past_the_search_box_leaves_the_keys_to_the_page(tab: Any, search_server: str) -> None:
    """Tab from the top of the page passes the search box, which opens the search; it stayed open
    after the focus moved on, dimming the page and taking every key typed later into the search
    box: a keyboard user could not fill in the SLA form nor tick a box with Space."""
    tab.goto(search_server + "en/" + SLA)
    _tab_to(tab, "#pb-search-query")
    assert tab.evaluate("document.getElementById('__search').checked")
    _tab_to(tab, SLA_FIELD + "company_name")
    assert not tab.evaluate("document.getElementById('__search').checked")
    tab.keyboard.type("Acme")
    assert tab.evaluate("document.activeElement.id") == "sla-marketing-sales-sla-company_name"
    assert tab.locator(SLA_FIELD + "company_name").input_value() == "Acme"
    assert tab.locator("#pb-search-query").input_value() == ""


def test_search_says_the_count_not_the_whole_list_and_shows_the_result_in_focus(tab: Any, search_server: str) -> None:
    """The whole result list was the live region (thousands of characters read out at every key),
    and the result reached with the arrow keys had its outline taken off, leaving a 10 % tint."""
    tab.goto(search_server + "en/")
    box = tab.locator("#pb-search-query")
    box.click()
    box.press_sequentially("lead", delay=15)
    tab.wait_for_function("() => document.querySelector('.pb-search').dataset.query === 'lead'", timeout=15000)
    live = tab.evaluate(
        "() => [...document.querySelectorAll('.pb-search [aria-live], .pb-search [role=status], .pb-search [role=alert]')]"
        ".map(e => e.textContent.trim())"
    )
    assert len(live) == 1 and re.fullmatch(r"\d+ matching documents", live[0]), live
    tab.keyboard.press("ArrowDown")
    assert tab.evaluate("document.activeElement.matches('.md-search-result__link')")
    ring = tab.evaluate(_FOCUS_RING)
    assert ring["outline"] == "solid" and ring["width"] >= 2, ring


def test_a_preview_left_from_the_last_valid_values_says_it_is_out_of_date(tab: Any, search_server: str) -> None:
    """A preview of the last valid values, once a field goes wrong, was only dimmed (to about 2:1
    contrast, and nothing a screen reader could tell); it now says so above it, in words."""
    tab.goto(search_server + "en/" + SLA)
    _fill_required(tab)
    note = tab.locator(".sla-preview-stale")
    assert tab.locator(".sla-preview .sla-doc").count() == 1 and not note.is_visible()
    tab.locator(SLA_FIELD + "mql_to_sql_rate").fill("400")
    note.wait_for(state="visible")
    assert note.inner_text() == ("Out of date: the preview shows the last valid version. Correct the marked "
                                 "fields to update it.")
    region = tab.get_by_role("region", name="Preview of the agreement")
    assert region.locator(".sla-preview-stale").count() == 1, "said inside the preview's region"
    assert tab.locator(".sla-preview").evaluate("e => e.classList.contains('sla-stale')")
    tab.locator(SLA_FIELD + "mql_to_sql_rate").fill("40")
    note.wait_for(state="hidden")
