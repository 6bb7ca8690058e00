"""A link's address is printed after it on the site's pages (``sanitize.with_addresses`` in the
plugin, ``print.css``), hand-written and generated alike: paper cannot follow "the portal" to
where it is. On screen only the link shows, and the search does not index the address."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from tests.checklists import pdf_pages
from tests.projects import TEAM, make_project
from tests.serving import serve

LINKS_PAGE = """\
# Linki

Zgłoszenia trafiają przez [portal leadów](https://crm.example.com/leads?x=1&y=2).
Regulamin: <https://example.com/regulamin>.
Pytania: [napisz do nas](mailto:sprzedaz@example.com?subject=Lead).
Zobacz też [zespół sprzedaży](teams/sales.md).
"""

TEAM_WITH_A_LINK = TEAM.format(id="sales").replace(
    "summary: {pl: Opis., en: Summary.}",
    'summary: {pl: "Opis w [wiki](https://wiki.example.com/sales).", en: Summary.}',
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("links") / "p", {
        "content/links.md": LINKS_PAGE,
        "playbooks/teams/sales.yaml": TEAM_WITH_A_LINK,
    })
    assert "summary: {pl: \"Opis w [wiki]" in (root / "playbooks/teams/sales.yaml").read_text(encoding="utf-8")
    assert main(["--project", str(root), "build", "--site-dir", str(root / "site")]) == 0
    return root / "site"


def _html(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_each_outside_link_gets_its_address_once_for_print(site: Path) -> None:
    page = _html(site, "pl/links/index.html")
    span = '<span class="pb-print-href" data-pagefind-ignore> ({})</span>'
    assert page.count('class="pb-print-href"') == 2, page
    assert ('portal leadów</a>' + span.format("https://crm.example.com/leads?x=1&amp;y=2")) in page
    assert ('napisz do nas</a>' + span.format("sprzedaz@example.com")) in page  # no mailto:, no ?subject
    team = _html(site, "pl/teams/sales/index.html")  # a generated page too
    assert 'wiki</a>' + span.format("https://wiki.example.com/sales") in team


@pytest.fixture()
def tab(chromium: Any, site: Path) -> Iterator[Any]:
    with serve(site) as address:
        context = chromium.new_context()
        context.route("https://fonts.googleapis.com/**", lambda route: route.abort())
        context.route("https://fonts.gstatic.com/**", lambda route: route.abort())
        page = context.new_page()
        page.goto(address + "/pl/links/")
        try:
            yield page
        finally:
            context.close()


@pytest.mark.browser
def test_the_address_is_printed_not_shown(tab: Any) -> None:
    screen = " ".join(tab.inner_text("article").split())
    assert "portal leadów." in screen and "(https://crm" not in screen, screen
    printed = " ".join(pdf_pages(tab.pdf()))
    assert "portal leadów (https://crm.example.com/leads?x=1&y=2)." in printed, printed
    assert "napisz do nas (sprzedaz@example.com)." in printed
    assert printed.count("https://example.com/regulamin") == 1  # its text is its address
    assert "zespół sprzedaży." in printed  # a link within the site: nowhere on paper
