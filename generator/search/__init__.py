"""Search for Polish and English readers, and the glossary that feeds it.

- :mod:`.polish`: diacritic folding and a light Polish stemmer (shared with the browser).
- :mod:`.glossary`: glossary terms found in page text, for tooltips and search synonyms.
- :mod:`.facets`: the kind, team and tags of a page (shown with each hit, used as filters).
- :mod:`.index`: the copy of each page Pagefind reads, and the Pagefind run.
- :mod:`.suggest`: the site's words, and "did you mean" for a query word the site lacks.
- :mod:`.ui`: what the search box in the browser is told (labels, stemmer).
- :mod:`.site`: all of the above for one site build, called from the MkDocs plugin.
"""

from __future__ import annotations

from .index import SearchIndexError
from .site import SiteSearch
from .ui import ui_config

__all__ = ["SearchIndexError", "SiteSearch", "ui_config"]
