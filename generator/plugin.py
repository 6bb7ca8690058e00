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
- checklist PDFs (option ``pdf``): planned in ``on_files`` (each placeholder file lets MkDocs
  resolve the "Download PDF" link), made in worker processes meanwhile, copied into the site in
  ``on_post_build``; ``on_build_error`` stops the workers. :mod:`generator.checklists.site`.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import posixpath
from pathlib import Path
from typing import Any

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
from .sanitize import clean
from .search import SearchIndexError, SiteSearch, ui_config

log = logging.getLogger("mkdocs.plugins.playbook")

ASSETS_DIR = Path(__file__).parent / "assets"
#: Overrides of Material's templates: the search box and the language switcher.
THEME_DIR = Path(__file__).parent / "theme"
#: Mermaid, served locally (Material would fetch it from a CDN; an internal site may be offline).
MERMAID_JS = Path(__file__).parent / "vendor" / "mermaid.min.js"
MERMAID_URI = "assets/playbook/vendor/mermaid.min.js"
#: The plugin's own static files, served under ``assets/playbook/``.
ASSET_PREFIX = "assets/playbook/"


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

    def on_config(self, config: Any) -> Any:
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
        self.search = SiteSearch(catalogue, self.settings.lang, index=self.search_box)
        files = self._pick_language(files, config)
        for asset in sorted(p for p in ASSETS_DIR.iterdir() if p.is_file()):
            if files.get_file_from_path(ASSET_PREFIX + asset.name) is None:
                files.append(File.generated(config, ASSET_PREFIX + asset.name, abs_src_path=str(asset)))
        for vendored in sorted(MERMAID_JS.parent.glob("*.min.js")):  # mermaid, js-yaml (SLA form)
            uri = MERMAID_URI.rsplit("/", 1)[0] + "/" + vendored.name
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

    def on_env(self, env: Any, config: Any, files: Files) -> Any:
        progress.current().stage(f"{self.settings.lang}: pages (HTML)", total=len(files.documentation_pages()))
        env.globals["playbook_search"] = ui_config(self.settings.lang)
        return env

    def on_page_content(self, html: str, page: Any, config: Any, files: Files) -> str:
        progress.current().advance()
        uri = page.file.src_uri
        if uri in self.generated:
            html = clean(html)
        if self.search is not None:
            html = self.search.content(html, uri)
        if uri in self.fallbacks:
            html = mark_fallback_page(html, self.settings.lang, self.fallbacks[uri])
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
        if self.search is not None:
            try:
                self.search.write(Path(config.site_dir))
            except SearchIndexError as exc:
                raise PluginError(str(exc)) from None
            self.search = None
        if self.pdfs is not None:
            for problem in self.pdfs.finish(Path(config.site_dir)):
                log.warning(problem)
            self.pdfs = None

    def on_build_error(self, error: Exception) -> None:
        if self.pdfs is not None:
            self.pdfs.abandon()
            self.pdfs = None

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        server.watch(str(self.root / self.settings.playbooks_dir))
        templates = self.root / self.settings.templates_dir
        if templates.is_dir():
            server.watch(str(templates))
        return server


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
        if lang is not None:
            _set_language(config, lang, alternate)
        build(config)
    except (Abort, PluginError, ConfigurationError, MkDocsException) as exc:
        raise UserError(_mkdocs_message(exc)) from None
    finally:
        _CLI_BUILD = False


def serve_site(config_file: Path, host: str, port: int, open_browser: bool = False) -> None:
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import MkDocsException

    _setup_logging(logging.INFO)
    try:
        serve(str(config_file), open_in_browser=open_browser, dev_addr=f"{host}:{port}", livereload=True)
    except MkDocsException as exc:
        raise UserError(_mkdocs_message(exc)) from None


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
