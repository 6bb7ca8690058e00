"""Search and glossary for one site build, driven by the MkDocs plugin (which only routes events).

``SiteSearch`` sees every page twice: its content HTML (tooltips added, terms noted) and the
finished page (an index copy kept); after the build it runs Pagefind once over the copies.

Under ``playbook serve`` a :class:`LiveIndex` outlives the builds: the copies stay in a folder for
the whole session (a rebuild writes only the copies that changed, and reuses those of pages it did
not write again), and Pagefind runs in a background thread once the pages are written, so the
changed page is served at once and the search catches up a few seconds later.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..catalogue import Catalogue
from ..errors import UserError
from ..fsutil import replace_dir
from ..i18n import CONTENT_LANG, TITLE_LANG
from ..models.base import LANGUAGES, Keywords, localize
from ..models.glossary import Term
from .facets import Facets, facets_for_page
from .glossary import Glossary
from .index import (
    CopyWords,
    IndexStats,
    SearchIndexError,
    bundle_stats,
    index_copy,
    page_file,
    run_pagefind,
    write_index,
)

#: Other words for a team than its kind's label ("Zespół", "Team"), which a reader puts before
#: or after its name: "dział sprzedaży", "the sales department".
TEAM_WORDS: dict[str, tuple[str, ...]] = {"pl": ("dział",), "en": ("department",)}
#: The bundle folder inside the site, as Pagefind names it.
BUNDLE = "pagefind"
#: Pagefind's ready-made search interfaces: our search box replaces them (about 400 kB unused).
UNUSED = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
    "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js",
)


class SiteSearch:
    def __init__(self, catalogue: Catalogue, lang: str, index: bool = True,
                 live: LiveIndex | None = None) -> None:
        self.catalogue = catalogue
        self.lang = lang
        self.glossary = Glossary.of(catalogue, lang)
        #: Whether to build the Pagefind index (the site has a search box).
        self.index = index
        #: Under ``playbook serve``: the index that outlives this build.
        self.live = live if index else None
        self._terms: dict[str, set[str]] = {}
        self._pages: list[tuple[str, str]] = []
        if self.live is not None:
            self.live.begin()

    def content(self, html: str, src_uri: str) -> str:
        """A page's content HTML with glossary tooltips (glossary pages define them: none there)."""
        if src_uri.startswith(f"{Term.SECTION}/"):
            self._terms[src_uri] = set()
            return html
        html, found = self.glossary.annotate(html)
        self._terms[src_uri] = found
        return html

    def terms(self, src_uri: str) -> set[str]:
        """The glossary terms :meth:`content` found on a page."""
        return self._terms.get(src_uri, set())

    def reuse_content(self, src_uri: str, terms: set[str]) -> None:
        """A page's content HTML was not made again: it has the terms it had (see :meth:`content`)."""
        self._terms[src_uri] = set(terms)

    def _facts(self, src_uri: str, url: str, title: str, meta: Mapping[str, Any]) -> CopyKey:
        """What the index copy says beside the page: the glossary names that find it (a section's
        index gets none: the pages it lists are what a synonym should find) and its role."""
        facets = facets_for_page(meta, self.catalogue, self.lang)
        info = meta.get("playbook")
        kind = info.get("kind") if isinstance(info, Mapping) else None
        if kind == "index":
            return CopyKey(url, title, facets, (), listing=True)
        own = str(info.get("id")) if isinstance(info, Mapping) and kind == "term" else ""
        names = tuple(self.glossary.synonyms({own})) if own in self.glossary.terms else ()
        titled = {term for _, _, term in self.glossary.matches(title)} - {own}
        mentioned = self._terms.get(src_uri, set()) - titled - {own}
        return CopyKey(url, title, facets, self.glossary.name_groups(mentioned), names,
                       self.glossary.name_groups(titled), aliases=self._aliases(info, kind, title, facets),
                       title_lang=str(meta.get(TITLE_LANG) or ""),
                       text_lang=str(meta.get(CONTENT_LANG) or ""), keywords=self._keywords(info, kind),
                       polish=self._polish({own} | titled | mentioned, info, kind))

    def _polish(self, terms: set[str], info: object, kind: object) -> tuple[str, ...]:
        """On a site in another language than Polish: the Polish names of the glossary terms a page
        is, names or mentions, and its Polish keywords (see ``POLISH`` in :mod:`.index`)."""
        if self.lang == "pl":
            return ()
        found: list[str] = []
        for ident in sorted(terms & set(self.glossary.terms)):
            entry = self.catalogue.get(ident)
            if entry is not None and isinstance(entry.definition, Term):
                found += entry.definition.names("pl")
        entry = self.catalogue.get(str(info.get("id"))) if isinstance(info, Mapping) else None
        if entry is not None and kind == entry.kind and isinstance(entry.definition.keywords, Keywords):
            found += entry.definition.keywords.of("pl")
        return tuple(dict.fromkeys(found))

    def _aliases(self, info: object, kind: object, title: str, facets: Facets) -> tuple[str, ...]:
        """Other ways a reader says a definition's title: in the other languages (as a glossary
        name finds its term in any language, "sprzedaż" finds the team called "Sales"), and for a
        team with the word "team" ("zespół sprzedaży", "the sales team") or "department" (see
        :data:`TEAM_WORDS`: "dział sprzedaży")."""
        entry = self.catalogue.get(str(info.get("id"))) if isinstance(info, Mapping) else None
        if entry is None or kind != entry.kind:
            return ()
        aliases = [localize(entry.definition.title, lang).text for lang in LANGUAGES if lang != self.lang]
        if kind == "team":
            for word in (facets.kind, *TEAM_WORDS.get(self.lang, ())):
                aliases += [f"{word} {title}", f"{title} {word}"]
        return tuple(dict.fromkeys(a for a in aliases if a and a != title))

    def _keywords(self, info: object, kind: object) -> tuple[str, ...]:
        """A definition's ``keywords``, the site's language's first (a reader may type another
        language's word: "onboarding" on the Polish site)."""
        entry = self.catalogue.get(str(info.get("id"))) if isinstance(info, Mapping) else None
        if entry is None or kind != entry.kind:
            return ()
        return tuple(entry.definition.keywords_every(self.lang))

    def _copy(self, html: str, key: CopyKey) -> str | None:
        return index_copy(html, key.title, key.facets, key.synonyms, self.lang, names=key.names,
                          about=key.about, listing=key.listing, aliases=key.aliases,
                          title_lang=key.title_lang, text_lang=key.text_lang, keywords=key.keywords,
                          polish=key.polish)

    def page(self, output: str, src_uri: str, url: str, title: str, meta: Mapping[str, Any]) -> None:
        """Keep the index copy of a finished page."""
        if not self.index:
            return
        key = self._facts(src_uri, url, title, meta)
        copy = self._copy(output, key)
        if self.live is not None:
            self.live.put(src_uri, key, copy)
        elif copy is not None:
            self._pages.append((url, copy))

    def unchanged_page(self, src_uri: str, url: str, title: str, meta: Mapping[str, Any],
                       output: Callable[[], str | None]) -> None:
        """A page the build did not write again (``playbook serve``): its copy from an earlier
        build is kept when what the copy says beside the page is unchanged; otherwise it is made
        again from ``output()``, the page as it is in the site."""
        if self.live is None:
            return
        key = self._facts(src_uri, url, title, meta)
        if self.live.has(src_uri, key):
            return
        html = output()
        copy = self._copy(html, key) if html else None
        self.live.put(src_uri, key, copy)

    def write(self, site_dir: Path) -> IndexStats | None:
        """Run Pagefind into ``site_dir/pagefind``, replacing Material's own (unused) index."""
        if not self.index:
            return None
        bundle = site_dir / BUNDLE
        shutil.rmtree(bundle, ignore_errors=True)
        write_index(self._pages, bundle, self.lang)
        _tidy(bundle, site_dir)
        stats = bundle_stats(bundle, len(self._pages))
        self._pages = []
        return stats

    def publish(self, site_dir: Path, done: Callable[[IndexRun], None] | None = None) -> None:
        """``playbook serve``: index the site in the background (see :class:`LiveIndex`)."""
        if self.live is not None:
            self.live.publish(site_dir, done)


@dataclass(frozen=True)
class CopyKey:
    """What an index copy says beside the page's own text."""

    url: str
    title: str
    facets: Facets
    #: The names of the other terms the page mentions, one string per term (names joined by " · ").
    synonyms: tuple[str, ...]
    #: A glossary term's page: the term's own names, in every language.
    names: tuple[str, ...] = ()
    #: The names of the terms the page's title names (like ``synonyms``: one string per term).
    about: tuple[str, ...] = ()
    #: A section's index page (it lists the summaries of other pages).
    listing: bool = False
    #: Other ways to say the title, for an exact match ("Zespół Sprzedaż": "zespół sprzedaży").
    aliases: tuple[str, ...] = ()
    #: The language of the title, and of the whole text, when it is not the site's (a title with
    #: no translation; a hand-written page shown in another language): the results show it.
    title_lang: str = ""
    text_lang: str = ""
    #: The definition's ``keywords`` (every language, the site's first).
    keywords: tuple[str, ...] = ()
    #: On a site in another language than Polish: the page's Polish glossary names and keywords.
    polish: tuple[str, ...] = ()


@dataclass(frozen=True)
class IndexRun:
    """One background indexing: when it started and ended (``time.monotonic``), and how."""

    started: float
    finished: float
    pages: int
    error: str | None = None
    cancelled: bool = False


class LiveIndex:
    """The search index of a site being served (``playbook serve``), kept between rebuilds.

    Each page's index copy lives in a folder of its own for the whole session; a rebuild writes
    the copies of the pages it changed (:meth:`put`) and deletes those of pages that are gone.
    :meth:`publish` then runs Pagefind over the folder in a thread and swaps the new bundle into
    the site; the next rebuild first stops a run still going (:meth:`begin`), since it would
    index pages about to change. Pagefind has no incremental mode: each run reads every copy
    (about 1 s per 1,000 pages on two cores), which is why it runs after the pages are served.
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.root = Path(tempfile.mkdtemp(prefix="playbook-serve-search-"))
        self._copies: dict[str, tuple[CopyKey, str | None]] = {}
        #: What each copy gave the stem words and vocabulary last run (see run_pagefind).
        self._words: CopyWords = {}
        self._seen: set[str] = set()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._process: subprocess.Popen[str] | None = None
        self._cancelled = False
        #: The last finished run (for the benchmark and the log).
        self.last: IndexRun | None = None

    def begin(self) -> None:
        """A build starts: stop indexing the previous one; nothing seen yet."""
        self.cancel()
        self._seen = set()

    def has(self, src_uri: str, key: CopyKey) -> bool:
        known = self._copies.get(src_uri)
        if known is None or known[0] != key:
            return False
        self._seen.add(src_uri)
        return True

    def put(self, src_uri: str, key: CopyKey, copy: str | None) -> None:
        """The copy of a page (None: the page is not indexed); written only when it changed."""
        self._seen.add(src_uri)
        known = self._copies.get(src_uri)
        name = page_file(key.url) if copy is not None else None
        if known is not None and known[1] is not None and known[1] != name:
            (self.root / "pages" / known[1]).unlink(missing_ok=True)
        if name is not None and copy is not None:
            target = self.root / "pages" / name
            data = copy.encode("utf-8")
            if not target.is_file() or target.read_bytes() != data:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        self._copies[src_uri] = (key, name)

    def publish(self, site_dir: Path, done: Callable[[IndexRun], None] | None = None) -> None:
        """Forget the pages this build did not have, then index the rest in the background."""
        for src_uri in set(self._copies) - self._seen:
            _key, name = self._copies.pop(src_uri)
            if name is not None:
                (self.root / "pages" / name).unlink(missing_ok=True)
        pages = sum(1 for _key, name in self._copies.values() if name is not None)
        self.cancel()
        self._cancelled = False
        thread = threading.Thread(
            target=self._run, args=(site_dir, pages, done), name="playbook-search", daemon=True
        )
        self._thread = thread
        thread.start()

    def _started(self, process: subprocess.Popen[str]) -> None:
        with self._lock:
            self._process = process
            if self._cancelled:
                process.terminate()

    def _run(self, site_dir: Path, pages: int, done: Callable[[IndexRun], None] | None) -> None:
        started = time.monotonic()
        error: str | None = None
        out = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=site_dir.parent))
        try:
            run_pagefind(self.root, out, self.lang, started=self._started, memo=self._words)
            with self._lock:
                if not self._cancelled:
                    _tidy(out, site_dir)
                    replace_dir(out, site_dir / BUNDLE)
        except (SearchIndexError, UserError, OSError) as exc:
            error = str(exc)
        finally:
            shutil.rmtree(out, ignore_errors=True)
            with self._lock:
                self._process = None
        run = IndexRun(started, time.monotonic(), pages, None if self._cancelled else error,
                       self._cancelled)
        self.last = run
        if done is not None:
            done(run)

    def wait(self, timeout: float | None = None) -> IndexRun | None:
        """Wait for the background run (if any) to end; the last run."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return self.last

    def cancel(self) -> None:
        """Stop a run still going; its bundle is not published."""
        with self._lock:
            self._cancelled = True
            if self._process is not None and self._process.poll() is None:
                self._process.terminate()
        self.wait()
        self._thread = None

    def close(self) -> None:
        self.cancel()
        shutil.rmtree(self.root, ignore_errors=True)


def _tidy(bundle: Path, site_dir: Path) -> None:
    """Drop what the site never loads: Pagefind's own UI files, Material's lunr index."""
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    shutil.rmtree(site_dir / "search", ignore_errors=True)
