"""The serve session's bookkeeping. Under ``mkdocs serve`` (``playbook serve``) the plugin
instance lives for the whole session (``on_startup("serve")``), and :class:`_ServeBuild` decides,
build by build, what a rebuild takes over from the builds before: a generated page's front matter
and HTML (:meth:`_ServeBuild.reuse_render`), the plugin's own work on that HTML, which pages to
write again (:meth:`_ServeBuild.decide`), the compiled theme (:class:`_CompiledTheme`). The memory
itself is :mod:`generator.rebuild`'s, which knows nothing of MkDocs. Outside serve every method
of :class:`_ServeBuild` does nothing.
"""

from __future__ import annotations

import copy
import functools
import logging
import os
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.structure.files import File, Files

from ..project import Settings
from ..rebuild import Processed, Rebuilds, Rendered, digest, remove_stale
from ..search import SiteSearch
from ..search.site import IndexRun
from .paths import THEME_DIR

log = logging.getLogger("mkdocs.plugins.playbook")

#: Plugins whose work on a page is known: with any other (or a hook), every rebuild writes every
#: page, since its events for a page that is not written again would not run.
KNOWN_PLUGINS = frozenset({"search", "material/search", "tags", "material/tags", "playbook"})
#: MkDocs' warning for ``--dirty`` builds (see :class:`_DirtyNotice`).
DIRTY_WARNING = "A 'dirty' build is being performed"


class _DirtyNotice(logging.Filter):
    """Under serve, MkDocs' dirty build writes only the pages whose File says it is modified, and
    warns that navigation and links may then be wrong. Here every hand-written page is written
    each time and a generated one is skipped only when what it shows (navigation included) is
    unchanged (:meth:`_ServeBuild.decide`): the warning does not apply, and would stop a strict
    build."""

    active = False

    def filter(self, record: logging.LogRecord) -> bool:
        return not (self.active and str(record.msg).startswith(DIRTY_WARNING))


_DIRTY_NOTICE = _DirtyNotice()
logging.getLogger("mkdocs.commands.build").addFilter(_DIRTY_NOTICE)


class _ServeBuild:
    """One build under serve, and what it reuses of the builds before (:mod:`generator.rebuild`).

    Outside serve (``rebuilds`` None) every method does nothing: a build is what it always was.
    MkDocs asks ``File.is_modified()`` of each page twice in a dirty build, before reading it and
    before writing it. Here the first answer is always yes (every page is read, so every
    plugin's ``page_markdown`` sees it, navigation titles are right and tag listings complete;
    rendering a generated page whose Markdown is unchanged costs nothing, see
    :meth:`reuse_render`), and the second is :meth:`decide`'s.
    """

    def __init__(self, rebuilds: Rebuilds | None = None, config_key: str = "",
                 incremental: bool = False) -> None:
        self.rebuilds = rebuilds
        self.config_key = config_key
        #: Pages may be reused (only known plugins); otherwise every page is written.
        self.incremental = incremental and rebuilds is not None
        self.render_key = ""
        self.content_key = ""
        self.files: Files | None = None
        self.nav: Any = None
        self.writing = False  # past on_env: is_modified answers for writing

    @classmethod
    def start(cls, rebuilds: Rebuilds, config: Any, settings: Settings) -> _ServeBuild:
        rebuilds.begin((str(config.config_file_path), str(config.site_dir), settings.lang))
        unknown = sorted(set(config.plugins) - KNOWN_PLUGINS)
        if unknown:
            log.info(f"Every page is written again on each rebuild (plugins: {', '.join(unknown)}).")
        return cls(rebuilds, _config_key(config, settings), incremental=not unknown)

    def track(self, files: Files, nav: Any, generated: set[str], pdfs: set[str],
              glossary: dict[str, Any]) -> None:
        """Before pages are read: take over each page's ``is_modified``."""
        if self.rebuilds is None:
            return
        self.files, self.nav = files, nav
        for file in files:
            if file.is_documentation_page():
                file.is_modified = functools.partial(self._is_modified, file)  # type: ignore[method-assign]
            elif file.src_uri in pdfs:  # a placeholder: the PDF is copied in after the build
                file.is_modified = functools.partial(_missing, file)  # type: ignore[method-assign]
        # Rendering reads the configuration and, for links, which files exist: a definition page
        # or a PDF comes and goes with a definition, whose linking pages' Markdown changes too.
        linkable = sorted(f.src_uri for f in files if f.src_uri not in generated and f.src_uri not in pdfs)
        self.render_key = digest(self.config_key, *linkable)
        self.content_key = digest(repr(sorted(glossary.items())))

    def _is_modified(self, file: File) -> bool:
        return not (self.writing and self.rebuilds is not None and file.src_uri in self.rebuilds.kept)

    def reuse_render(self, page: Any) -> None:
        """A generated page's front matter and HTML come from the last reading and rendering of
        the same Markdown."""
        if self.incremental:
            page.read_source = functools.partial(self._read_source, page)
            page.render = functools.partial(self._render, page)

    def _read_source(self, page: Any, config: Any) -> None:
        assert self.rebuilds is not None
        uri = page.file.src_uri
        source = digest(page.file.content_string)
        known = self.rebuilds.read.get(uri)
        if known is not None and known[0] == source:
            page.markdown, page.meta = known[1], copy.deepcopy(known[2])
            return
        type(page).read_source(page, config)
        self.rebuilds.read[uri] = (source, page.markdown, copy.deepcopy(page.meta))

    def theme(self, env: Any) -> None:
        """The theme's templates compile once per session, not once per build."""
        if self.rebuilds is not None:
            env.bytecode_cache = _THEME_CODE

    def _render(self, page: Any, config: Any, files: Files) -> None:
        assert self.rebuilds is not None
        uri = page.file.src_uri
        source = digest(page.markdown or "")
        known = self.rebuilds.rendered.get(uri)
        if known is not None and known.source == source and known.key == self.render_key:
            page.content, page.toc, page._title_from_render = known.content, known.toc, known.title
            page.present_anchor_ids = set(known.anchors) if known.anchors is not None else None
            if known.links is not None:
                page.links_to_anchors = {
                    found: dict(anchors) for target, anchors in known.links.items()
                    if (found := files.get_file_from_path(target)) is not None
                }
            return
        type(page).render(page, config, files)
        anchors, links = page.present_anchor_ids, page.links_to_anchors
        self.rebuilds.rendered[uri] = Rendered(
            source, self.render_key, page.content, page.toc, page._title_from_render,
            frozenset(anchors) if anchors is not None else None,
            {f.src_uri: dict(a) for f, a in links.items()} if links is not None else None,
        )

    def processed(self, uri: str, html: str) -> Processed | None:
        if not self.incremental:
            return None
        assert self.rebuilds is not None
        known = self.rebuilds.processed.get(uri)
        if known is not None and known.key == self.content_key and (known.raw is html or known.raw == html):
            return known
        return None

    def remember(self, uri: str, raw: str, final: str, terms: set[str]) -> None:
        if self.incremental:
            assert self.rebuilds is not None
            self.rebuilds.processed[uri] = Processed(raw, self.content_key, final, frozenset(terms))

    def decide(self, files: Files, config: Any, generated: set[str]) -> None:
        """Every page has been read: which files to write (the rest are as the last build left them)."""
        if self.rebuilds is None:
            return
        self.writing = True
        pages = [f.page for f in files if f.is_documentation_page() and f.page is not None]
        if not self.incremental:
            self.rebuilds.rewrite_all()
            for page in pages:  # no fingerprint: none will match
                self.rebuilds.decide(page.file.src_uri, "", page.file.abs_dest_path, always=True)
            return
        directives = _listing_directives(config)
        listings = [
            (page.file.src_uri, digest(page.markdown or "")) for page in pages
            if any(d in (page.markdown or "") for d in directives)
        ]
        site = digest(
            self.config_key, repr(_nav_key(self.nav.items if self.nav is not None else [])),
            repr(listings), repr([str(s) for s in config.extra_css]),
            repr([str(s) for s in config.extra_javascript]), repr(dict(config.extra)),
            str(config.site_url), str(config.use_directory_urls),
        )
        listed = {uri for uri, _ in listings}
        for page in pages:
            file = page.file
            fingerprint = digest(
                site, page.markdown or "", page.content or "", page.title or "", repr(page.meta),
                page.url, file.edit_uri or "", repr(page.toc and [(a.id, a.title) for a in page.toc]),
            )
            always = file.src_uri not in generated or file.src_uri in listed
            self.rebuilds.decide(file.src_uri, fingerprint, file.abs_dest_path, always)

    def keep_search(self, search: SiteSearch, site_dir: Path) -> None:
        """Index copies of the pages not written again (made again from the site when what
        the copy says beside the page changed)."""
        if self.rebuilds is None or self.files is None:
            return
        for uri in sorted(self.rebuilds.kept):
            file = self.files.get_file_from_path(uri)
            page = file.page if file is not None else None
            if file is None or page is None:
                continue
            search.unchanged_page(uri, page.url, page.title or "", page.meta,
                                  functools.partial(_read, file.abs_dest_path))

    def finish(self, site_dir: Path) -> None:
        """The build succeeded: remove what earlier builds wrote that this one no longer has."""
        if self.rebuilds is None or self.files is None:
            return
        stale = self.rebuilds.finished(f.abs_dest_path for f in self.files)
        if stale:
            remove_stale(stale, site_dir)

    def failed(self) -> None:
        if self.rebuilds is not None:
            self.rebuilds.failed()
            if self.files is not None:  # it may have written some of them
                self.rebuilds.outputs.update(f.abs_dest_path for f in self.files)


class _CompiledTheme(jinja2.BytecodeCache):
    """Compiled theme templates, by name and source checksum, for the whole serve session (MkDocs
    makes a new theme environment for each build)."""

    def __init__(self) -> None:
        self._store: dict[tuple[str, str | None], Any] = {}

    def load_bytecode(self, bucket: Any) -> None:
        bucket.code = self._store.get((bucket.key, bucket.checksum))

    def dump_bytecode(self, bucket: Any) -> None:
        self._store[(bucket.key, bucket.checksum)] = bucket.code


_THEME_CODE = _CompiledTheme()


def _missing(file: File) -> bool:
    return not os.path.isfile(file.abs_dest_path)


def _read(path: str) -> str | None:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return None


def _config_key(config: Any, settings: Settings) -> str:
    """What every page may show that comes from the configuration and the theme's overrides."""
    parts: list[str | bytes] = [repr(settings)]
    if config.config_file_path and os.path.isfile(config.config_file_path):
        parts.append(Path(config.config_file_path).read_bytes())
    for folder in (config.theme.custom_dir, str(THEME_DIR)):
        if folder and os.path.isdir(folder):
            for path in sorted(Path(folder).rglob("*")):
                if path.is_file():
                    stat = path.stat()
                    parts.append(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}")
    return digest(*parts)


def _nav_key(items: list[Any]) -> list[Any]:
    """The navigation every page shows: titles, addresses, order."""
    out: list[Any] = []
    for item in items:
        if getattr(item, "is_section", False):
            out.append(("section", item.title, _nav_key(item.children)))
        else:
            out.append((type(item).__name__, item.title, getattr(item, "url", None)))
    return out


def _listing_directives(config: Any) -> list[str]:
    """The markers of Material's tag listings: a page with one lists every page's tags."""
    found = []
    for name, plugin in config.plugins.items():
        if name in ("tags", "material/tags") and plugin.config.get("enabled", True):
            found.append(str(plugin.config.get("listings_directive", "material/tags")))
    return found


def _search_done(run: IndexRun) -> None:
    if run.cancelled:
        return
    if run.error:
        log.error(f"The search index was not updated: {run.error}")
    else:
        log.info(f"Search index updated: {run.pages} pages in {run.finished - run.started:.1f} s.")
