"""Printing a process page from the site (the browser's Print, in Chromium): the swimlane diagram
prints under its heading on the first page, scaled down to fit, and a page whose opening leaves no
room for it does not leave its heading alone on a page (generator/assets/print.css)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pypdf
import pytest

from tests.checklists import page_text

pytest_plugins = ["tests.search_site"]
pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: Material draws each Mermaid diagram in a closed shadow root; opened here to read its labels.
_OPEN_SHADOWS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (options) { return attach.call(this, {...options, mode: "open"}); };
"""


@dataclass
class Printout:
    #: The text of each printed page, whitespace collapsed.
    pages: list[str]
    #: The labels of the diagram's boxes, as drawn in the browser.
    labels: list[str]

    def pages_with(self, text: str) -> list[int]:
        return [n for n, page in enumerate(self.pages, 1) if text in page]


def _flat(text: str) -> str:
    """A label as drawn, as the printed text reads it (:func:`page_text`)."""
    return " ".join(text.split())


@pytest.fixture()
def print_page(search_browser: Any, search_server: str) -> Iterator[Callable[..., Printout]]:
    """``print_page(path, before_print=None)``: the page printed to A4 as the browser prints it,
    once its diagram is drawn; ``before_print`` is a script run on the page first."""
    context = search_browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("https://fonts.googleapis.com/**", lambda route: route.abort())
    context.route("https://fonts.gstatic.com/**", lambda route: route.abort())
    context.add_init_script(_OPEN_SHADOWS)

    def printer(path: str, before_print: str | None = None) -> Printout:
        tab = context.new_page()
        tab.goto(search_server + path)
        tab.wait_for_function(
            "() => document.querySelector('div.mermaid')?.shadowRoot?.querySelector('svg g.node')",
            timeout=20000,
        )
        labels: list[str] = tab.evaluate(
            """() => [...document.querySelector('div.mermaid').shadowRoot.querySelectorAll('g.node')]
                 .map(node => node.textContent.trim()).filter(Boolean)"""
        )
        if before_print:
            tab.evaluate(before_print)
        pdf = pypdf.PdfReader(io.BytesIO(tab.pdf(format="A4")))
        tab.close()
        return Printout([page_text(page) for page in pdf.pages], [_flat(t) for t in labels])

    try:
        yield printer
    finally:
        context.close()


# The example's longest process page (five sheets with the diagram a full page on its own) and its
# tallest diagram (315 mm at full width). Three sheets: the opening and the diagram, the steps,
# the rest of the steps with the hand-offs and "used in"; four for the campaign, whose steps list
# several inputs and outputs each (a list since the tenth session), every sheet with text.
@pytest.mark.parametrize(("path", "heading", "sheets"), [
    ("pl/processes/sales-process/", "Przebieg", 3),
    ("en/processes/marketing-campaign/", "Flow", 4),
])
def test_a_process_diagram_prints_under_its_heading_on_the_first_page(
    print_page: Callable[..., Printout], path: str, heading: str, sheets: int,
) -> None:
    printout = print_page(path)
    assert len(printout.labels) >= 7, printout.labels
    first = printout.pages[0]
    assert heading in first
    missing = [label for label in printout.labels if label not in first]
    assert not missing, f"not on page 1: {missing}; page 1 reads: {first[:600]}"
    # the diagram comes after its heading (the steps repeat its labels further on)
    assert first.index(printout.labels[0]) > first.index(heading)
    assert len(printout.pages) == sheets, [page[:80] + " … " + page[-80:] for page in printout.pages]
    assert all(len(page.split()) > 20 for page in printout.pages), "a sheet left (nearly) blank"


_LONG_OPENING = """() => {
  const heading = document.getElementById('przebieg');
  for (let i = 1; i <= 12; i++) {
    const p = document.createElement('p');
    p.textContent = 'Dodatkowy akapit wstępu numer ' + i + ', który zajmuje miejsce na pierwszej stronie.';
    heading.before(p);
  }
}"""


def test_a_diagram_with_no_room_left_moves_whole_with_its_heading(print_page: Callable[..., Printout]) -> None:
    """Twelve more paragraphs before the diagram: it no longer fits the first page, so it prints on
    the second together with its heading (not the heading alone on one page, the diagram on the
    next), and the page count grows by one sheet."""
    printout = print_page("pl/processes/sales-process/", _LONG_OPENING)
    assert printout.pages_with("numer 12,") == [1]
    assert printout.pages_with("Przebieg") == [2]
    second = printout.pages[1]
    missing = [label for label in printout.labels if label not in second]
    assert not missing, f"not on page 2: {missing}"
    assert second.index(printout.labels[0]) > second.index("Przebieg")
    assert len(printout.pages) == 4, [page[:80] for page in printout.pages]
