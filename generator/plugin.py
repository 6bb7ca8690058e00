"""The MkDocs plugin ``playbook``: routes MkDocs events to the core. The only module that imports
MkDocs: the core knows nothing of the engine.

- ``on_config``: read the plugin's options; reuse a per-project loader (its cache survives
  ``mkdocs serve`` rebuilds, which create new plugin instances).
- ``on_files``: load and validate the playbooks (every error reported at once, the build stopped),
  pick the hand-written pages of the content language, add the generated pages in memory, and a
  navigation with one section per kind (not one entry per definition: that grows quadratically).
- ``on_page_content``: sanitise generated pages' HTML; glossary tooltips; mark a hand-written
  page shown in another language (:mod:`generator.i18n`).
- search (:mod:`generator.search`): the theme override ``partials/search.html`` puts Pagefind
  behind Material's search box (``on_config``, ``on_env``); ``on_post_page`` keeps an index copy
  of each page, ``on_post_build`` runs Pagefind once.
- languages: ``build_site(lang=...)`` builds one language of a multi-language site; the override
  ``partials/alternate.html`` makes the language switcher lead to the same page.
- ``on_serve``: watch ``playbooks/`` and ``templates/``.
- serve rebuilds (``on_startup("serve")``; :class:`_ServeBuild`, :mod:`generator.rebuild`): the
  instance lives for the session; a dirty rebuild reads every page but renders again only the
  generated pages whose Markdown changed and writes only the pages whose HTML, or the navigation
  every page shows, changed; the search index is remade in the background meanwhile.
- checklist PDFs (option ``pdf``): planned in ``on_files`` (each placeholder file lets MkDocs
  resolve the "Download PDF" link), made in worker processes meanwhile, copied into the site in
  ``on_post_build``; ``on_build_error`` stops the workers. :mod:`generator.checklists.site`.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import logging
import os
import posixpath
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from . import progress
from .catalogue import Catalogue, Loader, shared_loader
from .checklists.site import SitePdfs
from .errors import Diagnostic, UserError
from .i18n import choose_pages, mark_fallback_page
from .labels import label
from .models import KINDS
from .pages import COMPARISON_PATH, Page, index_path, plan
from .project import Settings, settings_from
from .rebuild import Processed, Rebuilds, Rendered, digest, remove_stale
from .sanitize import clean
from .search import SearchIndexError, SiteSearch, ui_config
from .search.site import IndexRun, LiveIndex

log = logging.getLogger("mkdocs.plugins.playbook")

ASSETS_DIR = Path(__file__).parent / "assets"
#: Overrides of Material's templates: the search box and the language switcher.
THEME_DIR = Path(__file__).parent / "theme"
#: The plugin's own static files, served under ``assets/playbook/``.
ASSET_PREFIX = "assets/playbook/"
#: Third-party scripts served locally, under ``assets/playbook/vendor/``: Mermaid (Material would
#: fetch it from a CDN; an internal site may be offline) and js-yaml (the SLA form's file loader).
VENDOR_DIR = Path(__file__).parent / "vendor"
VENDOR_PREFIX = ASSET_PREFIX + "vendor/"
MERMAID_URI = VENDOR_PREFIX + "mermaid.min.js"


class PlaybookConfig(base.Config):
    playbooks_dir = c.Type(str, default="playbooks")
    templates_dir = c.Type(str, default="templates")
    lang = c.Optional(c.Type(str))
    languages = c.ListOfItems(c.Type(str), default=["pl", "en"])
    default_language = c.Optional(c.Type(str))
    enabled = c.Type(bool, default=True)
    pdf = c.Type(bool, default=True)
    site_names = c.Type(dict, default={})


def today() -> dt.date:
    pinned = os.environ.get("PLAYBOOK_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


class PlaybookPlugin(BasePlugin[PlaybookConfig]):
    def __init__(self) -> None:
        self.settings = Settings()
        self.loader: Loader | None = None
        self.root = Path.cwd()
        self.generated: dict[str, Page] = {}
        self.catalogue = Catalogue()
        self.pdfs: SitePdfs | None = None
        self.search: SiteSearch | None = None
        #: Hand-written pages shown in another language: address -> that language.
        self.fallbacks: dict[str, str] = {}
        self.search_box = False
        #: Under ``mkdocs serve`` (``playbook serve``) the instance lives across rebuilds, and
        #: these remember what a rebuild may reuse (:mod:`generator.rebuild`); None otherwise.
        self.rebuilds: Rebuilds | None = None
        self.live_search: LiveIndex | None = None
        self.serve = _ServeBuild()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """``serve`` keeps this instance for every rebuild (MkDocs does, for a plugin with this
        event); any other command, or a second start, begins afresh."""
        self.on_shutdown()
        if command == "serve":
            self.rebuilds = Rebuilds()
            _DIRTY_NOTICE.active = dirty

    def on_shutdown(self) -> None:
        if self.live_search is not None:
            self.live_search.close()
        self.live_search = None
        self.rebuilds = None
        self.serve = _ServeBuild()
        _DIRTY_NOTICE.active = False

    def on_config(self, config: Any) -> Any:
        # One instance may make several builds (see on_startup): nothing carries over but the
        # serve session's memory.
        self.generated, self.fallbacks, self.search, self.pdfs = {}, {}, None, None
        if _SERVE_LANG is not None:  # playbook serve --lang: MkDocs loads the config anew each build
            _set_language(config, _SERVE_LANG, None)
        self.root = Path(config.config_file_path).resolve().parent
        options = {k: v for k, v in self.config.items() if v is not None}
        theme_language = config.theme.get("language") if config.theme else None
        try:
            self.settings = settings_from(options, theme_language)
        except UserError as exc:
            raise PluginError(exc.render()) from None
        names = dict(self.settings.site_names)
        if self.settings.lang in names:
            config.site_name = names[self.settings.lang]
        for name in sorted(p.name for p in ASSETS_DIR.iterdir() if p.is_file()):
            uri = ASSET_PREFIX + name
            if name.endswith(".css") and uri not in config.extra_css:
                config.extra_css.append(uri)
            elif name.endswith(".js") and uri not in [str(s) for s in config.extra_javascript]:
                config.extra_javascript.append(uri)
        playbooks = (self.root / self.settings.playbooks_dir).resolve()
        # One loader per project (catalogue.shared_loader): a rebuild re-reads only what changed.
        self.loader = shared_loader(self.root, playbooks)
        self.search_box = _search_box(config)
        if self.search_box:
            _without_material_index(config)
        dirs = config.theme.dirs
        if self.settings.enabled and config.theme.name == "material" and str(THEME_DIR) not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))  # after the project's
        if self.rebuilds is not None:
            if self.live_search is not None:
                self.live_search.cancel()  # it would index pages about to change
            self.serve = _ServeBuild.start(self.rebuilds, config, self.settings)
        return config

    def on_files(self, files: Files, config: Any) -> Files:
        if not self.settings.enabled or self.loader is None:
            return files
        catalogue, problems = self.loader.load(today())
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise _failure(UserError(errors))
        for problem in problems:
            log.warning(problem.format())
        self.catalogue = catalogue
        self.search = SiteSearch(catalogue, self.settings.lang, index=self.search_box,
                                 live=self._live_search())
        files = self._pick_language(files, config)
        for asset in sorted(p for p in ASSETS_DIR.iterdir() if p.is_file()):
            if files.get_file_from_path(ASSET_PREFIX + asset.name) is None:
                files.append(File.generated(config, ASSET_PREFIX + asset.name, abs_src_path=str(asset)))
        for vendored in sorted(VENDOR_DIR.glob("*.min.js")):
            uri = VENDOR_PREFIX + vendored.name
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=str(vendored)))
        templates = self.root / self.settings.templates_dir
        progress.current().stage(f"{self.settings.lang}: planning pages")
        try:
            pages = plan(catalogue, self.settings.lang, templates, today(), pdf_links=self.settings.pdf)
        except UserError as exc:  # a project's own template is broken
            raise _failure(exc) from None
        docs_dir = Path(config.docs_dir)
        collisions: list[Diagnostic] = []
        self.generated = {}
        for page in pages:
            existing = files.get_file_from_path(page.path)
            if existing is not None:
                collisions.append(_collision(existing, page, self.root))
                continue
            file = File.generated(config, page.path, content=page.markdown)
            if page.source:
                file.edit_uri = posixpath.relpath(
                    (self.root / page.source).as_posix(), docs_dir.as_posix()
                )
            files.append(file)
            self.generated[page.path] = page
        if collisions:
            raise _failure(UserError(collisions))
        if self.settings.pdf:
            self.pdfs = SitePdfs(self.root, templates, docs_dir)
            for path in self.pdfs.start(catalogue, self.settings.lang):
                if files.get_file_from_path(path) is None:  # filled in on_post_build
                    files.append(File.generated(config, path, content=b""))
        if config.nav is None:
            config.nav = self._nav(files)
        progress.current().stage(f"{self.settings.lang}: pages (Markdown)", total=len(files.documentation_pages()))
        return files

    def _pick_language(self, files: Files, config: Any) -> Files:
        """Hand-written pages: ``page.md`` is the default language, ``page.en.md`` English; a page
        missing in this language shows another language's file (marked in ``on_page_content``)."""
        settings = self.settings
        pages = [f for f in files.documentation_pages() if f.src_uri.endswith(".md")]
        by_uri = {f.src_uri: f for f in pages}
        chosen = choose_pages(by_uri, settings.lang, settings.languages, settings.default_language)
        for file in pages:
            files.remove(file)
        self.fallbacks = {}
        for target, choice in sorted(chosen.items()):
            original = by_uri[choice.source]
            if choice.source == target:
                files.append(original)
            else:
                replacement = File.generated(config, target, abs_src_path=str(original.abs_src_path))
                replacement.edit_uri = original.src_uri
                files.append(replacement)
            if choice.fallback:
                self.fallbacks[target] = choice.fallback
        return files

    def _nav(self, files: Files) -> list[Any]:
        """Hand-written pages as MkDocs would list them, then one section per kind."""
        lang = self.settings.lang
        written = sorted(
            (f for f in files.documentation_pages() if f.src_uri not in self.generated),
            key=lambda f: (f.src_uri != "index.md", f.src_uri.count("/"), f.src_uri),
        )
        nav: list[Any] = [f.src_uri for f in written]
        nav.append({label(lang, "comparison"): COMPARISON_PATH})
        for kind, cls in KINDS.items():
            nav.append({label(lang, cls.SECTION): index_path(kind)})
        return nav

    def _live_search(self) -> LiveIndex | None:
        """Under serve, the search index that outlives the builds (one per language)."""
        if self.rebuilds is None or not self.search_box:
            return None
        if self.live_search is None or self.live_search.lang != self.settings.lang:
            if self.live_search is not None:
                self.live_search.close()
            self.live_search = LiveIndex(self.settings.lang)
        return self.live_search

    def on_nav(self, nav: Any, config: Any, files: Files) -> Any:
        pdfs = {job.site_path for job in self.pdfs.jobs} if self.pdfs is not None else set()
        self.serve.track(files, nav, set(self.generated), pdfs,
                         self.search.glossary.terms if self.search is not None else {})
        return nav

    def on_pre_page(self, page: Any, config: Any, files: Files) -> Any:
        if page.file.src_uri in self.generated:
            self.serve.reuse_render(page)
        return page

    def on_env(self, env: Any, config: Any, files: Files) -> Any:
        progress.current().stage(f"{self.settings.lang}: pages (HTML)", total=len(files.documentation_pages()))
        env.globals["playbook_search"] = ui_config(self.settings.lang)
        self.serve.theme(env)
        self.serve.decide(files, config, set(self.generated))
        return env

    def on_page_content(self, html: str, page: Any, config: Any, files: Files) -> str:
        progress.current().advance()
        uri = page.file.src_uri
        raw = html
        if uri in self.generated:
            done = self.serve.processed(uri, html)
            if done is not None:  # serve: the same HTML and glossary as last time
                if self.search is not None:
                    self.search.reuse_content(uri, set(done.terms))
                return done.final
            html = clean(html)
        if self.search is not None:
            html = self.search.content(html, uri)
        if uri in self.fallbacks:
            html = mark_fallback_page(html, self.settings.lang, self.fallbacks[uri])
        if uri in self.generated:
            self.serve.remember(uri, raw, html, self.search.terms(uri) if self.search else set())
        return html

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        """Load the local Mermaid before Material's bundle on pages that have a diagram."""
        progress.current().advance()
        if self.search is not None:
            self.search.page(output, page.file.src_uri, page.url, page.title or "", page.meta)
        if 'class="mermaid"' not in output:
            return output
        here = posixpath.dirname(page.file.dest_uri) or "."
        src = posixpath.relpath(MERMAID_URI, here)
        tag = f'<script src="{src}"></script>'
        marker = output.find('<script src="', output.find("</article>"))
        if marker == -1:
            return output.replace("</body>", tag + "</body>", 1)
        return output[:marker] + tag + output[marker:]

    @event_priority(-100)  # last: a lunr index Material may still have written is removed
    def on_post_build(self, config: Any) -> None:
        progress.current().stage(f"{self.settings.lang}: search index and PDFs")
        site_dir = Path(config.site_dir)
        if self.search is not None and self.search.live is not None:
            # serve: pages not written again keep their index copies; Pagefind runs meanwhile
            self.serve.keep_search(self.search, site_dir)
            self.search.publish(site_dir, _search_done)
            self.search = None
        if self.search is not None:
            try:
                self.search.write(site_dir)
            except SearchIndexError as exc:
                raise PluginError(str(exc)) from None
            self.search = None
        if self.pdfs is not None:
            for problem in self.pdfs.finish(site_dir):
                log.warning(problem)
            self.pdfs = None
        self.serve.finish(site_dir)

    def on_build_error(self, error: Exception) -> None:
        self.serve.failed()
        if self.pdfs is not None:
            self.pdfs.abandon()
            self.pdfs = None

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        server.watch(str(self.root / self.settings.playbooks_dir))
        templates = self.root / self.settings.templates_dir
        if templates.is_dir():
            server.watch(str(templates))
        return server


# -- rebuilds under serve (generator.rebuild) ---------------------------------------------------

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


#: True while :func:`build_site` runs a build for the CLI: a user's mistake then travels as the
#: :class:`UserError` itself (printed once, by the CLI, with every diagnostic). Under plain
#: ``mkdocs build`` it becomes a ``PluginError``, which MkDocs prints and turns into exit 1.
_CLI_BUILD = False


def _failure(error: UserError) -> Exception:
    if _CLI_BUILD:
        return error
    return PluginError("\n" + error.render())


def _collision(existing: File, page: Page, root: Path) -> Diagnostic:
    where = existing.abs_src_path or existing.src_uri
    shown = os.path.relpath(where, root) if os.path.isabs(where) else where
    origin = page.source or f"the generated {page.kind} page"
    return Diagnostic(
        Path(shown).as_posix(), 1, 1, "",
        f"this hand-written page has the same address ({page.path}) as the page generated from "
        f"{origin}: rename or move the hand-written page.",
    )


# -- running MkDocs for the CLI ---------------------------------------------------------------

def _search_box(config: Any) -> bool:
    """Whether Material shows its search box (the ``search`` plugin is on): then we index."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    return bool(search is not None and search.config.get("enabled", True))


def _without_material_index(config: Any) -> None:
    """Pagefind indexes the site (:mod:`generator.search`), so Material's search plugin keeps
    its search box but no longer builds its own index of every page, which was deleted after
    the build anyway: about 6 % of a build's time (bench/run.py, N=1,000)."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    events = getattr(config.plugins, "events", None)
    if search is None or not isinstance(events, dict):
        return
    for event in ("page_context", "post_build"):
        handlers = events.get(event)
        if handlers is not None:
            handlers[:] = [h for h in handlers if getattr(h, "__self__", None) is not search]


def _set_language(config: Any, lang: str, alternate: list[dict[str, str]] | None) -> None:
    """Make a loaded configuration build the ``lang`` site of a multi-language build."""
    from urllib.parse import urljoin

    config.theme["language"] = lang
    for plugin in config.plugins.values():
        if isinstance(plugin, PlaybookPlugin):
            plugin.config["lang"] = lang
    if alternate:
        config.extra["alternate"] = alternate
        if config.site_url:  # each language is a site of its own, one folder down
            config.site_url = urljoin(config.site_url.rstrip("/") + "/", f"{lang}/")


def build_site(config_file: Path, site_dir: Path, strict: bool = False, lang: str | None = None,
               alternate: list[dict[str, str]] | None = None) -> None:
    """Run a full MkDocs build into ``site_dir``; a failure becomes a :class:`UserError`.

    ``lang`` builds that language (theme language, content language); ``alternate`` are the
    language switcher's entries (see :func:`generator.i18n.alternates`).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

    global _CLI_BUILD
    _setup_logging()
    _CLI_BUILD = True
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=strict)
        for plugin in config.plugins.values():
            if isinstance(plugin, PlaybookPlugin):  # MkDocs keeps the instance (on_startup)
                plugin.on_startup(command="build", dirty=False)
        if lang is not None:
            _set_language(config, lang, alternate)
        build(config)
    except (Abort, PluginError, ConfigurationError, MkDocsException) as exc:
        raise UserError(_mkdocs_message(exc)) from None
    finally:
        _CLI_BUILD = False


#: How ``playbook serve`` has MkDocs rebuild: ``dirty`` (the site folder is not emptied first;
#: the plugin decides which pages to write again, see :class:`_ServeBuild`). bench/probe.py
#: rebuilds the same way.
SERVE_BUILD_TYPE = "dirty"


#: The language ``playbook serve --lang`` previews (None: the configuration's own).
_SERVE_LANG: str | None = None


def serve_site(config_file: Path, host: str, port: int, open_browser: bool = False,
               lang: str | None = None) -> None:
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import MkDocsException

    global _SERVE_LANG
    _SERVE_LANG = lang
    _setup_logging(logging.INFO)
    _stop_on_sigterm()
    try:
        serve(str(config_file), open_in_browser=open_browser, dev_addr=f"{host}:{port}",
              livereload=True, build_type=SERVE_BUILD_TYPE)
    except MkDocsException as exc:
        raise UserError(_mkdocs_message(exc)) from None
    finally:
        _SERVE_LANG = None


def _stop_on_sigterm() -> None:
    """``kill`` stops the preview as Ctrl+C does: MkDocs then removes its temporary site and the
    plugin its search folders (a plain SIGTERM would leave them in the temporary directory)."""
    import contextlib
    import signal

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    with contextlib.suppress(ValueError):  # not the main thread
        signal.signal(signal.SIGTERM, stop)


def _mkdocs_message(exc: Exception) -> str:
    text = str(exc).strip()
    if text.startswith("Aborted with"):
        return f"The site was not built: {text}. The previous site is unchanged."
    return text


def _setup_logging(level: int = logging.WARNING) -> None:
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_playbook", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler._playbook = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.setLevel(logging.INFO if os.environ.get("PLAYBOOK_VERBOSE") else level)
        logger.propagate = False
