"""The MkDocs plugin ``playbook``: routes MkDocs events to the core. Only this package imports
MkDocs: the core knows nothing of the engine.

- ``on_config``: read the plugin's options; reuse a per-project loader (its cache survives
  ``mkdocs serve`` rebuilds, which create new plugin instances).
- ``on_files``: load and validate the playbooks (every error reported at once, the build stopped),
  pick the hand-written pages of the content language, add the generated pages in memory, and a
  navigation with one section per kind (not one entry per definition: that grows quadratically).
- ``on_page_markdown``: note a title (or page) shown in another language in ``page.meta``, for
  the theme overrides (navigation, header, table of contents) and the search index.
- ``on_page_content``: sanitise generated pages' HTML; glossary tooltips; mark a hand-written
  page shown in another language (:mod:`generator.i18n`).
- search (:mod:`generator.search`): the theme override ``partials/search.html`` puts Pagefind
  behind Material's search box (``on_config``, ``on_env``); ``on_post_page`` keeps an index copy
  of each page, ``on_post_build`` runs Pagefind once.
- languages: ``build_site(lang=...)`` builds one language of a multi-language site; the override
  ``partials/alternate.html`` makes the language switcher lead to the same page.
- ``on_serve``: watch ``playbooks/`` and ``templates/``; a failed build leaves the server
  answering, the browser showing the errors until they are fixed (:mod:`.serve`).
- serve rebuilds (``on_startup("serve")``; :mod:`.serve`, :mod:`generator.rebuild`): the
  instance lives for the session; a dirty rebuild reads every page but renders again only the
  generated pages whose Markdown changed and writes only the pages whose HTML, or the navigation
  every page shows, changed; the search index is remade in the background meanwhile.
- checklist PDFs (option ``pdf``): planned in ``on_files`` (each placeholder file lets MkDocs
  resolve the "Download PDF" link), made in worker processes meanwhile, copied into the site in
  ``on_post_build``; ``on_build_error`` stops the workers. :mod:`generator.checklists.site`.

The package:

- :mod:`.paths`: where the plugin's own files (assets, theme overrides, vendored scripts) are.
- :mod:`.serve`: the serve session's bookkeeping (which pages a rebuild reads, renders, writes),
  its failed builds (:class:`.serve.ServeStatus`, :class:`.serve.ErrorPages`) and
  ``playbook serve``'s server (MkDocs', which would hang a request after a failed build).
- :mod:`.run`: running MkDocs for the CLI (``playbook build``, ``playbook serve``).
- :mod:`.not_found`: the addresses on a language site's "page not found" page.
- :mod:`.plain`: what those do around MkDocs, done for plain ``mkdocs build``/``gh-deploy`` (the
  site staged and swapped in, a folder of the user's refused) and ``mkdocs serve`` (a failed
  first build does not end it).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import posixpath
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from .. import progress
from ..catalogue import Catalogue, Loader, is_litter, shared_loader, stray_definitions
from ..checklists.document import checklists
from ..checklists.site import SitePdfs, site_pdf_path
from ..errors import Diagnostic, UserError
from ..i18n import (
    CONTENT_LANG,
    TITLE_LANG,
    choose_pages,
    links_outside,
    mark_fallback_page,
    mark_toc_languages,
    slugify,
    unused_pages,
)
from ..labels import label
from ..models import KINDS
from ..pages import COMPARISON_PATH, Page, index_path, plan
from ..project import Settings, settings_from
from ..rebuild import Rebuilds
from ..sanitize import clean, with_addresses
from ..search import SearchIndexError, SiteSearch, ui_config
from ..search.site import LiveIndex
from ..tr import tr
from . import run
from .not_found import not_found_context
from .paths import ASSET_PREFIX, ASSETS_DIR, MERMAID_URI, THEME_DIR, VENDOR_DIR, VENDOR_PREFIX
from .plain import FirstServeBuild, SiteFolder
from .run import SERVE_BUILD_TYPE, _failure, _set_language, build_site, serve_site
from .serve import (
    _DIRTY_NOTICE,
    DIRTY_WARNING,
    KNOWN_PLUGINS,
    ServeStatus,
    _search_done,
    _ServeBuild,
    install_error_pages,
    watch_folder,
)

__all__ = [
    "ASSETS_DIR", "ASSET_PREFIX", "DIRTY_WARNING", "KNOWN_PLUGINS", "MERMAID_URI",
    "SERVE_BUILD_TYPE", "THEME_DIR", "VENDOR_DIR", "VENDOR_PREFIX", "_DIRTY_NOTICE",
    "PlaybookConfig", "PlaybookPlugin", "_set_language", "build_site", "serve_site", "today",
]

log = logging.getLogger("mkdocs.plugins.playbook")


class PlaybookConfig(base.Config):
    playbooks_dir = c.Type(str, default="playbooks")
    templates_dir = c.Type(str, default="templates")
    lang = c.Optional(c.Type(str))
    languages = c.ListOfItems(c.Type(str), default=["pl", "en"])
    default_language = c.Optional(c.Type(str))
    enabled = c.Type(bool, default=True)
    pdf = c.Type(bool, default=True)
    site_names = c.Type(dict, default={})
    site_descriptions = c.Type(dict, default={})
    # Checked by settings_from, which says what is wrong at its line in mkdocs.yml.
    holidays = c.Optional(c.Type(object))
    days_off = c.Optional(c.Type(object))


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
        #: Under serve: whether the last build failed and why (the browser shows it; :mod:`.serve`).
        self.serve_status = ServeStatus()
        #: True when this build is one language's site one folder down (``site/pl/``), set by
        #: :func:`.run._set_language`: the 404 page's addresses then start at that folder.
        self.language_folder = False
        self._alternate: Any = None
        #: Under serve: MkDocs' server, and the folders the plugin has it watch.
        self._server: Any = None
        self._watched: set[str] = set()
        #: Plain ``mkdocs build``/``gh-deploy``: the site staged, swapped in when it is done;
        #: plain ``mkdocs serve``: a failed first build does not end it (:mod:`.plain`).
        self.site_folder = SiteFolder()
        self.first_serve = FirstServeBuild()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """``serve`` keeps this instance for every rebuild (MkDocs does, for a plugin with this
        event); any other command, or a second start, begins afresh."""
        self.on_shutdown()
        self.site_folder.start(command, dirty)
        self.first_serve.start(self.serve_status)
        if command == "serve":
            self.rebuilds = Rebuilds()
            _DIRTY_NOTICE.active = dirty

    def on_shutdown(self) -> None:
        self.site_folder.abandon()  # a build stopped by Ctrl+C: its staging folder
        if self.pdfs is not None:  # and its PDF workers, and their temporary folder
            self.pdfs.abandon()
            self.pdfs = None
        self.first_serve.stop()
        if self.live_search is not None:
            self.live_search.close()
        self.live_search = None
        self.rebuilds = None
        self._server, self._watched = None, set()
        self.serve = _ServeBuild()
        _DIRTY_NOTICE.active = False

    @event_priority(100)
    def _read_settings(self, config: Any) -> Any:
        """Before any other plugin's ``on_config``: a mistake in the settings (an unknown
        ``theme.language`` too, which Material's search plugin meets with a traceback) is
        reported in plain words at its place in mkdocs.yml."""
        # One instance may make several builds (see on_startup): nothing carries over but the
        # serve session's memory.
        self.generated, self.fallbacks, self.search, self.pdfs = {}, {}, None, None
        if run._SERVE_LANG is not None:  # playbook serve --lang: MkDocs loads the config anew each build
            _set_language(config, run._SERVE_LANG, None)
        self.root = Path(config.config_file_path).resolve().parent
        options = {k: v for k, v in self.config.items() if v is not None}
        theme_language = config.theme.get("language") if config.theme else None
        try:
            self.settings = settings_from(options, theme_language, Path(config.config_file_path))
        except UserError as exc:
            raise PluginError(exc.render()) from None
        self.serve_status.lang = self.settings.lang  # a failed build's page, under mkdocs serve too
        return config

    def _configure(self, config: Any) -> Any:
        names = dict(self.settings.site_names)
        if self.settings.lang in names:
            config.site_name = names[self.settings.lang]
        descriptions = dict(self.settings.site_descriptions)
        if self.settings.lang in descriptions:
            config.site_description = descriptions[self.settings.lang]
        toc = config.mdx_configs.get("toc")  # the headings' link titles, in the page's language
        if isinstance(toc, dict) and toc.get("permalink") and "permalink_title" not in toc:
            toc["permalink_title"] = label(self.settings.lang, "permalink")
        if isinstance(toc, dict) and "slugify" not in toc:
            toc["slugify"] = slugify
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
            if config.theme.custom_dir:  # theme overrides named in mkdocs.yml while serving
                self._watch(Path(config.theme.custom_dir))
        if self.settings.enabled:  # last: a refusal leaves the folder untouched
            keep = (Path(config.docs_dir), playbooks, self.root / self.settings.templates_dir)
            try:
                # before MkDocs walks the content folder, following every link in it
                outside = links_outside(Path(config.docs_dir), self.root)
                if outside:
                    raise UserError(outside)
                self.site_folder.prepare(config, self.root, keep)
            except UserError as exc:
                raise PluginError(exc.render()) from None
        return config

    on_config = CombinedEvent(_read_settings, _configure)

    def on_files(self, files: Files, config: Any) -> Files:
        if not self.settings.enabled or self.loader is None:
            return files
        for litter in [f for f in files if is_litter(posixpath.basename(f.src_uri))]:
            files.remove(litter)  # Thumbs.db, desktop.ini, Office's ~$page.md: never published
        catalogue, problems = self.loader.load(today())
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise _failure(UserError(errors))
        if not run._CLI_BUILD:  # playbook build said them once, before its languages' builds
            for problem in [*problems, *stray_definitions(self.root, Path(config.docs_dir), self.loader.playbooks_dir)]:
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
        progress.current().stage(tr("{lang}: planning pages", lang=self.settings.lang))
        try:
            pages = plan(catalogue, self.settings.lang, templates, today(), pdf_links=self.settings.pdf)
        except UserError as exc:  # a project's own template is broken
            raise _failure(exc) from None
        docs_dir = Path(config.docs_dir)
        collisions: list[Diagnostic] = []
        self.generated = {}
        # A hand-written page takes a generated page's address by its path (goals/x.md) or by
        # where MkDocs writes it (goals/x/index.md, goals/x/README.md; goals.md for goals/).
        written_at = {f.dest_uri: f for f in files.documentation_pages()}
        for page in pages:
            # The navigation lists each kind's index page, not every definition: MkDocs is told
            # not to report the others as "not included in the nav" (a hand-written page still is).
            file = File.generated(config, page.path, content=page.markdown,
                                  inclusion=InclusionLevel.NOT_IN_NAV)
            existing = files.get_file_from_path(page.path) or written_at.get(file.dest_uri)
            if existing is not None:
                collisions.append(_collision(existing, page, self.root))
                continue
            if page.source:
                file.edit_uri = posixpath.relpath(
                    (self.root / page.source).as_posix(), docs_dir.as_posix()
                )
            files.append(file)
            self.generated[page.path] = page
        if self.settings.pdf:  # a file of the user's where a checklist's PDF goes would be lost
            for entry in checklists(catalogue):
                existing = files.get_file_from_path(site_pdf_path(entry.id))
                if existing is not None:
                    collisions.append(_taken(existing, site_pdf_path(entry.id),
                                             tr("the blank PDF of {file}", file=entry.source.display),
                                             self.root))
        if collisions:
            raise _failure(UserError(collisions))
        if self.settings.pdf:
            self.pdfs = SitePdfs(self.root, templates, docs_dir, off=self.settings.off)
            for path in self.pdfs.start(catalogue, self.settings.lang):
                if files.get_file_from_path(path) is None:  # filled in on_post_build
                    files.append(File.generated(config, path, content=b""))
        if config.nav is None:
            config.nav = self._nav(files)
        progress.current().stage(tr("{lang}: pages (Markdown)", lang=self.settings.lang),
                                 total=len(files.documentation_pages()))
        return files

    def _pick_language(self, files: Files, config: Any) -> Files:
        """Hand-written pages: ``page.md`` is the default language, ``page.en.md`` English; a page
        missing in this language shows another language's file (marked in ``on_page_content``)."""
        settings = self.settings
        pages = [f for f in files.documentation_pages() if f.src_uri.endswith(".md")]
        by_uri = {f.src_uri: f for f in pages}
        folder = Path(os.path.relpath(config.docs_dir, self.root)).as_posix()
        found = unused_pages(by_uri, settings.languages, settings.default_language, folder)
        unused = [p for p in found if p.severity == "error"]
        if unused:  # playbook build found them already; plain mkdocs build did not
            raise _failure(UserError(unused))
        for problem in found:  # a page named like a translation in no language of the site
            log.warning(problem.format())
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

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Files) -> str:
        """A title or page in another language: its language in ``page.meta``, for the theme's
        navigation, header and table of contents, and the search index (:mod:`generator.i18n`).
        Every page's meta is read before any page is rendered, so each page's navigation sees
        every other page's."""
        uri = page.file.src_uri
        generated = self.generated.get(uri)
        title_lang = self.fallbacks.get(uri) or (generated.title_lang if generated else None)
        if title_lang:
            page.meta[TITLE_LANG] = title_lang
        if uri in self.fallbacks:
            page.meta[CONTENT_LANG] = self.fallbacks[uri]
        return markdown

    def on_env(self, env: Any, config: Any, files: Files) -> Any:
        progress.current().stage(tr("{lang}: pages (HTML)", lang=self.settings.lang),
                                 total=len(files.documentation_pages()))
        env.globals["playbook_search"] = ui_config(self.settings.lang)
        # The theme overrides' words (404 page, footer), from the labels every page uses.
        env.globals["playbook_label"] = functools.partial(label, self.settings.lang)
        self.serve.theme(env)
        self.serve.decide(files, config, set(self.generated))
        return env

    def on_template_context(self, context: Any, template_name: str, config: Any) -> Any:
        """The 404 page is shown at any address: its addresses start at the language site's
        folder, found from ``site_url`` or, without it, by the page itself (:mod:`.not_found`)."""
        if template_name == "404.html":
            self._alternate = config.extra.get("alternate")
            not_found_context(context, config, self.settings.lang, self.language_folder)
        return context

    def on_post_template(self, output: str, template_name: str, config: Any) -> str:
        if template_name == "404.html" and self._alternate is not None:
            config.extra["alternate"] = self._alternate  # as every other page has it
            self._alternate = None
        return output

    def on_page_content(self, html: str, page: Any, config: Any, files: Files) -> str:
        progress.current().advance()
        uri = page.file.src_uri
        raw = html
        mark_toc_languages(page.toc, html)  # a heading in another language: its toc entry too
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
        # a link's address, printed after it (print.css): paper cannot follow it; not searched
        html = with_addresses(html, "pb-print-href", "data-pagefind-ignore")
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
        progress.current().stage(tr("{lang}: search index and PDFs", lang=self.settings.lang))
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
            for note in self.pdfs.notes:
                log.info(note)
            self.pdfs = None
        self.serve.finish(site_dir)
        try:
            self.site_folder.finish()  # plain mkdocs build: the staged site swapped in
        except UserError as exc:
            raise PluginError(exc.render()) from None
        self.first_serve.ended(failed=False)

    def on_build_error(self, error: Exception) -> None:
        self.serve_status.note(error)
        self.serve.failed()
        self.site_folder.abandon()
        self.first_serve.ended(failed=True)
        if self.pdfs is not None:
            self.pdfs.abandon()
            self.pdfs = None

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        self._server, self._watched = server, set()
        # Watched once made, if missing (templates/ usually is, until a first override).
        self._watch(self.root / self.settings.playbooks_dir)
        self._watch(self.root / self.settings.templates_dir)
        if config.theme.custom_dir:  # the theme's overrides (plain mkdocs serve needs --watch-theme)
            self._watch(Path(config.theme.custom_dir))
        install_error_pages(server, self.serve_status)  # a failed rebuild must not hang the browser
        return server

    def _watch(self, folder: Path) -> None:
        """Have the serve session's server rebuild on any change under ``folder`` (once)."""
        key = os.path.abspath(folder)
        if self._server is not None and key not in self._watched:
            self._watched.add(key)
            watch_folder(self._server, Path(key))


def _shown(existing: File, root: Path) -> str:
    where = existing.abs_src_path or existing.src_uri
    return Path(os.path.relpath(where, root) if os.path.isabs(where) else where).as_posix()


def _collision(existing: File, page: Page, root: Path) -> Diagnostic:
    if page.source:
        message = tr("this hand-written page has the same address ({address}) as the page generated "
                     "from {file}: rename or move the hand-written page.", address=page.path,
                     file=page.source)
    else:
        message = tr("this hand-written page has the same address ({address}) as the page generated "
                     "from the generated {kind} page: rename or move the hand-written page.",
                     address=page.path, kind=page.kind)
    return Diagnostic(_shown(existing, root), 1, 1, "", message)


def _taken(existing: File, address: str, what: str, root: Path) -> Diagnostic:
    return Diagnostic(
        _shown(existing, root), 1, 1, "",
        tr("this file has the same address ({address}) as {what}, made by the build: rename or "
           "move the file.", address=address, what=what),
    )


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
