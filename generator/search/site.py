"""Search and glossary for one site build, driven by the MkDocs plugin (which only routes events).

``SiteSearch`` sees every page twice: its content HTML (tooltips added, terms noted) and the
finished page (an index copy kept); after the build it runs Pagefind once over the copies.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..catalogue import Catalogue
from ..models.glossary import Term
from .facets import facets_for_page
from .glossary import Glossary
from .index import IndexStats, bundle_stats, index_copy, write_index

#: The bundle folder inside the site, as Pagefind names it.
BUNDLE = "pagefind"
#: Pagefind's ready-made search interfaces: our search box replaces them (about 400 kB unused).
UNUSED = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
    "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js",
)


class SiteSearch:
    def __init__(self, catalogue: Catalogue, lang: str, index: bool = True) -> None:
        self.catalogue = catalogue
        self.lang = lang
        self.glossary = Glossary.of(catalogue, lang)
        #: Whether to build the Pagefind index (the site has a search box).
        self.index = index
        self._terms: dict[str, set[str]] = {}
        self._pages: list[tuple[str, str]] = []

    def content(self, html: str, src_uri: str) -> str:
        """A page's content HTML with glossary tooltips (glossary pages define them: none there)."""
        if src_uri.startswith(f"{Term.SECTION}/"):
            self._terms[src_uri] = set()
            return html
        html, found = self.glossary.annotate(html)
        self._terms[src_uri] = found
        return html

    def page(self, output: str, src_uri: str, url: str, title: str, meta: Mapping[str, Any]) -> None:
        """Keep the index copy of a finished page."""
        if not self.index:
            return
        facets = facets_for_page(meta, self.catalogue, self.lang)
        synonyms = self.glossary.synonyms(self._terms.get(src_uri, set()))
        copy = index_copy(output, title, facets, synonyms, self.lang)
        if copy is not None:
            self._pages.append((url, copy))

    def write(self, site_dir: Path) -> IndexStats | None:
        """Run Pagefind into ``site_dir/pagefind``, replacing Material's own (unused) index."""
        if not self.index:
            return None
        bundle = site_dir / BUNDLE
        shutil.rmtree(bundle, ignore_errors=True)
        write_index(self._pages, bundle, self.lang)
        for name in UNUSED:
            (bundle / name).unlink(missing_ok=True)
        stats = bundle_stats(bundle, len(self._pages))
        shutil.rmtree(site_dir / "search", ignore_errors=True)
        self._pages = []
        return stats
