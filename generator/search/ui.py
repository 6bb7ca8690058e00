"""What the search box in the browser needs from Python: the words it shows, the stemmer, and the
rules of "did you mean" (:mod:`.suggest`).

The plugin hands :func:`ui_config` to the theme, which writes it into each page as JSON for
``assets/search.js``; so the Polish endings exist once, in :mod:`generator.search.polish` (and
the rules of an exact-match key in :mod:`generator.search.words`).
"""

from __future__ import annotations

from typing import Any

from .index import EXACT, META_WEIGHTS, STEMS
from .polish import ALTERNATIONS, MIN_STEM, REWRITES, SUFFIXES, WRITTEN_ALTERNATIONS
from .site import BUNDLE
from .suggest import DISTANCES, ENDING, MAX_LENGTH, MIN_LENGTH, VOCABULARY
from .words import IRREGULAR, MOBILE_E

LABELS: dict[str, dict[str, str]] = {
    "pl": {
        "kind": "Rodzaj",
        "team": "Zespół",
        "tag": "Tag",
        "any": "wszystkie",
        "filters": "Zawęź wyniki",
        "more": "Pokaż więcej wyników",
        "loading": "Szukam…",
        "failed": "Wyszukiwarka nie działa: nie udało się wczytać indeksu.",
        "file": "Wyszukiwarka działa tylko na stronie otwartej z serwera (http://), nie z pliku.",
        "short": "Wpisz co najmniej 2 znaki.",
        "suggest": "Czy chodziło o:",
        "forms": "wyniki dla:",
    },
    "en": {
        "kind": "Kind",
        "team": "Team",
        "tag": "Tag",
        "any": "all",
        "filters": "Narrow down",
        "more": "Show more results",
        "loading": "Searching…",
        "failed": "Search is not working: the index could not be loaded.",
        "file": "Search only works when the site is served over http://, not opened as a file.",
        "short": "Type at least 2 characters.",
        "suggest": "Did you mean:",
        "forms": "results for:",
    },
}

#: Filters offered in the results, in this order (Pagefind filter names).
FILTERS = ("kind", "team", "tag")
#: Shortest query searched (a single letter would fetch most of a large index).
MIN_CHARS = 2
#: Results whose details are fetched at once (each costs one small request).
PAGE_SIZE = 10
#: Query words shorter than this are left out when the query has a longer one: in
#: ``Zażółć sp. z o.o.`` the words ``sp``, ``z`` and ``o`` would match the start of most words
#: ("ze", "od", "spotkanie"). A query of short words only (``kw``, ``AI``) is searched as typed.
MIN_WORD = 3


#: Letters of Polish that English has not: a query word having one is Polish on the English site.
POLISH_LETTERS = "ąćęłńóśźż"


def ui_config(lang: str) -> dict[str, Any]:
    polish = {"suffixes": list(SUFFIXES), "min": MIN_STEM, "rewrites": [list(r) for r in REWRITES],
              "mobileE": [list(r) for r in MOBILE_E], "irregular": [list(r) for r in IRREGULAR]}
    alternations = {"alternations": [list(r) for r in ALTERNATIONS],
                    "writtenAlternations": [list(r) for r in WRITTEN_ALTERNATIONS]}
    return {
        "lang": lang,
        "stemmer": {**polish, **alternations} if lang == "pl" else None,
        # the English site's index has the glossary's Polish names: a Polish word typed there
        # finds them in another form ("marka": "marki"), see polishForms in search.js, and is
        # searched by its Polish stem too ("markę", "umowie"), see polishQuery
        # ("źródeł" by its other stem "źródł", see alternativeBy)
        "polishForms": {**polish, **alternations, "letters": POLISH_LETTERS} if lang != "pl" else None,
        "labels": LABELS.get(lang, LABELS["en"]),
        "filters": list(FILTERS),
        "minChars": MIN_CHARS,
        "pageSize": PAGE_SIZE,
        "minWord": MIN_WORD,
        "metaWeights": dict(META_WEIGHTS),
        "exactField": EXACT,
        "stemField": STEMS,
        "suggest": {"file": f"{BUNDLE}/{VOCABULARY}", "distances": [list(d) for d in DISTANCES],
                    "ending": ENDING, "minLength": MIN_LENGTH, "maxLength": MAX_LENGTH},
    }
