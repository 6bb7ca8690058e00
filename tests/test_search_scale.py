"""At 5,000 pages a reader downloads well under 1 MB before the first search result.

The pages are the example site's real Polish pages (as built), each copied ~90 times with its own
title words and numbers, so the index has 5,000 pages and a vocabulary far larger than the
example's. They go through the real index copy and the real Pagefind run; the browser runs the
real search box (assets/search.js) and the server counts every byte it sends from the first key
pressed until the results are on screen.
"""

from __future__ import annotations

import http.server
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.search.facets import Facets
from generator.search.index import index_copy, write_index
from generator.search.ui import ui_config
from tests.search_project import Built
from tests.serving import serve

pytest_plugins = ["tests.search_site"]
pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def built(search_built: Built) -> Built:
    return search_built


@pytest.fixture(scope="module")
def browser(search_browser: Any) -> Any:
    return search_browser


PAGES = 5000
BUDGET = 1_000_000
ASSETS = Path(__file__).resolve().parent.parent / "generator" / "assets"
CITIES = ["Kraków", "Gdańsk", "Poznań", "Wrocław", "Łódź", "Lublin", "Katowice", "Szczecin", "Białystok", "Rzeszów", "Opole", "Toruń"]

HARNESS = """<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>test</title></head><body>
<input type="checkbox" id="__search">
<div class="md-search pb-search">
  <form class="md-search__form" name="pb-search"><input type="text" name="query" id="pb-search-query" required></form>
  <div class="md-search__output"><div class="pb-search-filters" hidden></div>
    <div class="md-search-result"><div class="md-search-result__meta"></div>
      <ol class="md-search-result__list"></ol><button class="pb-search-more" hidden></button></div></div>
  <script type="application/json" id="pb-search-config">CONFIG</script>
</div>
<article class="md-content__inner"><p>x</p></article>
<script id="__config" type="application/json">{"base": ".", "features": [], "translations": {}}</script>
<script src="search.js"></script>
</body></html>"""


class _Counting(http.server.SimpleHTTPRequestHandler):
    sent: list[tuple[str, int]]

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() == "content-length":
            self.sent.append((self.path, int(value)))
        super().send_header(keyword, value)


@pytest.fixture(scope="module")
def big_site(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("scale")
    sources = [p for p in sorted((built.site / "pl").rglob("index.html"))
               if "pagefind" not in p.parts and "md-content__inner" in p.read_text(encoding="utf-8")]
    rnd = random.Random(5)
    pages: list[tuple[str, str]] = []
    lunr_docs: list[dict[str, str]] = []
    for n in range(PAGES):
        source = sources[n % len(sources)].read_text(encoding="utf-8")
        unique = f"{rnd.choice(CITIES)} {n} klient{n} projekt-{rnd.randint(1000, 99999)}"
        html = re.sub(r"(<h1[^>]*>)", rf"\1{unique} ", source, count=1)
        html = html.replace("</p>", f" Oddział {rnd.choice(CITIES)}, umowa nr {rnd.randint(1, 10**6)}.</p>", 3)
        title = f"{unique} {n}"
        kind = ["Cel", "Proces", "Strategia", "Pojęcie", "Playbook"][n % 5]
        copy = index_copy(html, title, Facets(kind, ("Sprzedaż",) if n % 2 else ("Marketing",),
                                             (f"tag{n % 40}",)), ("MQL", "lead"), "pl")
        assert copy is not None
        pages.append((f"p/{n}/", copy))
        text = re.sub(r"<[^>]+>", " ", html.split('class="md-content__inner', 1)[1].split("</article>")[0])
        lunr_docs.append({"location": f"p/{n}/", "title": title, "text": " ".join(text.split())})
    stats = write_index(pages, site / "pagefind", "pl")
    assert stats.pages == PAGES
    lunr = json.dumps({"config": {"lang": ["pl"]}, "docs": lunr_docs}, ensure_ascii=False)
    (site / "lunr-equivalent.json").write_text(lunr, encoding="utf-8")
    (site / "search.js").write_bytes((ASSETS / "search.js").read_bytes())
    config = json.dumps(ui_config("pl"))
    (site / "index.html").write_text(HARNESS.replace("CONFIG", config), encoding="utf-8")
    return site


@pytest.fixture(scope="module")
def counting_server(big_site: Path) -> Iterator[tuple[str, list[tuple[str, int]]]]:
    sent: list[tuple[str, int]] = []
    handler = type("Handler", (_Counting,), {"sent": sent})
    with serve(big_site, handler) as address:
        yield address + "/", sent


@pytest.mark.parametrize("query", ["sprzedaz", "kwartale", "kw"])
def test_first_results_cost_less_than_one_megabyte(
    browser: Any, counting_server: tuple[str, list[tuple[str, int]]], big_site: Path, query: str,
) -> None:
    address, sent = counting_server
    page = browser.new_page()
    try:
        page.goto(address)
        sent.clear()
        box = page.locator("#pb-search-query")
        box.press_sequentially(query, delay=20)
        page.wait_for_function("q => document.querySelector('.pb-search').dataset.query === q", arg=query,
                               timeout=30000)
        titles = page.locator(".md-search-result__item h1").all_inner_texts()
    finally:
        page.close()
    total = sum(size for _, size in sent)
    lunr = (big_site / "lunr-equivalent.json").stat().st_size
    print(f"\n{query!r}: {len(titles)} results shown, {total:,} bytes in {len(sent)} requests "
          f"(one lunr index for the same pages: {lunr:,} bytes)")
    for path, size in sorted(sent, key=lambda s: -s[1]):
        print(f"  {size:>9,}  {path}")
    assert len(titles) == 10
    assert total < BUDGET, sorted(sent, key=lambda s: -s[1])[:10]
    assert lunr > 5 * BUDGET  # why Material's own search index would not do
