"""What a reader sees in Chromium: process diagrams read top to bottom, tables fit a phone, and
the "page not found" pages are styled and lead home wherever they are shown."""

from __future__ import annotations

import http.server
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.search_project import Built
from tests.serving import QuietHandler, serve

pytest_plugins = ["tests.search_site"]
pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}


#: Material draws each Mermaid diagram in a closed shadow root; the tests open them to measure.
_OPEN_SHADOWS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (options) { return attach.call(this, {...options, mode: "open"}); };
"""


@pytest.fixture()
def open_page(search_browser: Any) -> Iterator[Any]:
    """``open_page(url, viewport)``: a fresh tab of that size at ``url``."""
    contexts: list[Any] = []

    def opener(url: str, viewport: dict[str, int]) -> Any:
        context = search_browser.new_context(viewport=viewport)
        context.add_init_script(_OPEN_SHADOWS)
        contexts.append(context)
        tab = context.new_page()
        tab.goto(url)
        return tab

    yield opener
    for context in contexts:
        context.close()


def _diagram(tab: Any) -> dict[str, Any]:
    """The rendered diagram's lanes (width, height) and its smallest label height, in CSS px."""
    tab.wait_for_function(
        "() => document.querySelector('div.mermaid')?.shadowRoot?.querySelector('svg g.node')",
        timeout=20000,
    )
    result: dict[str, Any] = tab.evaluate(
        """() => {
          const svg = document.querySelector('div.mermaid').shadowRoot.querySelector('svg');
          const lanes = [...svg.querySelectorAll('g.cluster > rect')].map(r => {
            const b = r.getBoundingClientRect(); return [b.width, b.height];
          });
          const labels = [...svg.querySelectorAll('g.node .nodeLabel, g.node text')]
            .map(e => e.getBoundingClientRect().height).filter(h => h > 0);
          return {lanes, smallest: Math.min(...labels), count: labels.length,
                  overflow: svg.getBoundingClientRect().right - document.documentElement.clientWidth};
        }"""
    )
    return result


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_one_team_process_reads_top_to_bottom(search_server: str, open_page: Any,
                                               viewport: dict[str, int]) -> None:
    tab = open_page(search_server + "en/processes/sales-process/", viewport)
    diagram = _diagram(tab)
    assert len(diagram["lanes"]) == 1
    width, height = diagram["lanes"][0]
    assert height > 2 * width, f"the lane is {width:.0f} px wide and {height:.0f} px tall"
    assert diagram["smallest"] >= 12, f"labels are {diagram['smallest']:.1f} px tall"
    assert diagram["overflow"] <= 1


def test_a_two_team_process_stays_readable(search_server: str, open_page: Any) -> None:
    tab = open_page(search_server + "pl/processes/lead-handoff/", DESKTOP)
    diagram = _diagram(tab)
    assert len(diagram["lanes"]) == 2
    assert max(h / w for w, h in diagram["lanes"]) > 2, diagram["lanes"]
    assert diagram["smallest"] >= 12


_TABLE_FIT = """(selector) => {
  const tables = [...document.querySelectorAll(selector)];
  const view = document.documentElement.clientWidth;
  return tables.map(t => {
    const wrap = t.closest('.md-typeset__scrollwrap') || t.parentElement;
    return {right: t.getBoundingClientRect().right, view, scroll: wrap.scrollWidth - wrap.clientWidth,
            first: t.querySelector('tbody td').getBoundingClientRect().width,
            cells: [...t.querySelector('tbody tr').children].map(c => c.getBoundingClientRect().width)};
  });
}"""


def test_a_checklist_fits_a_phone(search_server: str, open_page: Any) -> None:
    tab = open_page(search_server + "pl/checklists/new-sales-rep/", PHONE)
    tab.wait_for_selector("input.pb-tick")
    tables = tab.evaluate(_TABLE_FIT, ".pb-checklist table:has(.pb-tick)")
    assert len(tables) >= 2
    for table in tables:
        assert table["scroll"] <= 1, f"the table scrolls sideways by {table['scroll']} px"
        assert table["right"] <= table["view"] + 1
        assert table["first"] < 45, f"the tick column is {table['first']:.0f} px wide"
        assert table["cells"][1] > 120, f"the task column is {table['cells'][1]:.0f} px wide"
    signoff = tab.evaluate(_TABLE_FIT, ".pb-signoff table")
    assert signoff and signoff[0]["scroll"] <= 1
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_checklist_on_a_desktop_keeps_its_heading(search_server: str, open_page: Any) -> None:
    tab = open_page(search_server + "pl/checklists/new-sales-rep/", DESKTOP)
    heading = tab.locator(".pb-checklist table:has(.pb-tick) th").first
    assert heading.inner_text().strip() == "Zrobione"
    assert heading.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") > 10


def test_the_comparison_fits_a_phone(search_server: str, open_page: Any) -> None:
    tab = open_page(search_server + "pl/comparison/", PHONE)
    tables = tab.evaluate(_TABLE_FIT, ".pb-comparison table")
    assert len(tables) == 1
    assert tables[0]["scroll"] <= 1 and tables[0]["right"] <= tables[0]["view"] + 1
    # each team's cell gets a fair share of the width under the dimension's name
    assert min(tables[0]["cells"][1:]) > 130, tables[0]["cells"]
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def _styled(tab: Any) -> None:
    header = tab.locator(".md-header")
    assert header.evaluate("e => getComputedStyle(e).position") == "sticky", "the theme's CSS is missing"
    logo = tab.locator(".md-header__button.md-logo img, .md-header__button.md-logo svg").first
    assert logo.bounding_box()["height"] < 40


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_a_language_404_is_styled_and_leads_home(search_server: str, open_page: Any, lang: str) -> None:
    tab = open_page(search_server + f"{lang}/404.html", DESKTOP)
    _styled(tab)
    home = tab.locator("article a").first
    home.click()
    tab.wait_for_load_state()
    assert tab.url == search_server + f"{lang}/"


class _Mounted(QuietHandler):
    """The site under ``/playbook/`` (no site_url set), the root 404 page for any unknown address,
    as a web server configured with ``error_page 404 /404.html`` would serve it."""

    site: Path = Path()

    def translate_path(self, path: str) -> str:
        prefix = "/playbook"
        return super().translate_path(path[len(prefix):] if path.startswith(prefix + "/") else "/nowhere")

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        body = (self.site / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_the_root_404_finds_the_site_and_the_language(search_built: Built, open_page: Any) -> None:
    handler: type[http.server.BaseHTTPRequestHandler] = type(
        "Mounted", (_Mounted,), {"site": search_built.site}
    )
    with serve(search_built.site, handler) as address:
        tab = open_page(address + "/playbook/en/processes/no-such-process/", PHONE)
        sections = tab.locator("main > section")
        assert sections.first.get_attribute("lang") == "en", "the reader's language comes first"
        assert tab.locator("html").get_attribute("lang") == "en"
        hrefs = {s.get_attribute("lang"): s.locator("a").get_attribute("href") for s in sections.all()}
        assert hrefs == {"en": "/playbook/en/", "pl": "/playbook/pl/"}
        tab.locator("section[lang=en] a").click()
        tab.wait_for_load_state()
        assert tab.url == address + "/playbook/en/"
        assert tab.title() != "", "the English home page"


@pytest.mark.parametrize("unknown", ["/playbook/nope", "/playbook/a/b/c/", "/playbook/pla/x.html"])
def test_the_root_404_finds_the_site_from_an_address_with_no_language(
    search_built: Built, open_page: Any, unknown: str
) -> None:
    """``/playbook/nope`` names no language folder: the page asks the server which folder above
    the address holds ``pl/404.html`` and leads there (it used to lead to ``/pl/``, off the site)."""
    handler: type[http.server.BaseHTTPRequestHandler] = type(
        "Mounted", (_Mounted,), {"site": search_built.site}
    )
    with serve(search_built.site, handler) as address:
        tab = open_page(address + unknown, PHONE)
        tab.wait_for_function("document.querySelector('section[lang=en] a').getAttribute('href')"
                              " === '/playbook/en/'", timeout=10_000)
        sections = tab.locator("main > section")
        hrefs = {s.get_attribute("lang"): s.locator("a").get_attribute("href") for s in sections.all()}
        assert hrefs == {"pl": "/playbook/pl/", "en": "/playbook/en/"}
        assert sections.first.get_attribute("lang") == "pl", "the default language first"
        tab.locator("section[lang=pl] a").click()
        tab.wait_for_load_state()
        assert tab.url == address + "/playbook/pl/"
