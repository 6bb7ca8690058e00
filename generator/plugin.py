"""The MkDocs plugin ``playbook``: routes MkDocs events to the core. The only module that imports
MkDocs: the core knows nothing of the engine.

- ``on_config``: read the plugin's options; reuse a per-project loader (its cache survives
  ``mkdocs serve`` rebuilds, which create new plugin instances).
- ``on_files``: load and validate the playbooks (every error reported at once, the build stopped),
  pick the hand-written pages of the content language, add the generated pages in memory, and a
  navigation with one section per kind (not one entry per definition: that grows quadratically).
- ``on_page_content``: sanitise generated pages' HTML.
- ``on_serve``: watch ``playbooks/`` and ``templates/``.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import posixpath
import re
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .catalogue import Catalogue, Loader
from .errors import Diagnostic, UserError
from .labels import label
from .models import KINDS
from .pages import COMPARISON_PATH, Page, index_path, plan
from .project import Settings, settings_from
from .sanitize import clean

log = logging.getLogger("mkdocs.plugins.playbook")

#: One loader per playbooks folder, so a rebuild re-reads only the files that changed.
_LOADERS: dict[Path, Loader] = {}
ASSETS_DIR = Path(__file__).parent / "assets"
#: Mermaid, served locally (Material would fetch it from a CDN; an internal site may be offline).
MERMAID_JS = Path(__file__).parent / "vendor" / "mermaid.min.js"
MERMAID_URI = "assets/playbook/vendor/mermaid.min.js"
#: The plugin's own static files, served under ``assets/playbook/``.
ASSET_PREFIX = "assets/playbook/"
_LANG_SUFFIX = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2})\.md$")


class PlaybookConfig(base.Config):
    playbooks_dir = c.Type(str, default="playbooks")
    templates_dir = c.Type(str, default="templates")
    lang = c.Optional(c.Type(str))
    languages = c.ListOfItems(c.Type(str), default=["pl", "en"])
    default_language = c.Optional(c.Type(str))
    enabled = c.Type(bool, default=True)


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

    def on_config(self, config: Any) -> Any:
        self.root = Path(config.config_file_path).resolve().parent
        options = {k: v for k, v in self.config.items() if v is not None}
        theme_language = config.theme.get("language") if config.theme else None
        try:
            self.settings = settings_from(options, theme_language)
        except UserError as exc:
            raise PluginError(exc.render()) from None
        for name in sorted(p.name for p in ASSETS_DIR.iterdir() if p.is_file()):
            uri = ASSET_PREFIX + name
            if name.endswith(".css") and uri not in config.extra_css:
                config.extra_css.append(uri)
            elif name.endswith(".js") and uri not in [str(s) for s in config.extra_javascript]:
                config.extra_javascript.append(uri)
        playbooks = (self.root / self.settings.playbooks_dir).resolve()
        self.loader = _LOADERS.setdefault(playbooks, Loader(self.root, playbooks))
        return config

    def on_files(self, files: Files, config: Any) -> Files:
        if not self.settings.enabled or self.loader is None:
            return files
        catalogue, problems = self.loader.load(today())
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise PluginError("\n" + UserError(errors).render())
        for problem in problems:
            log.warning(problem.format())
        self.catalogue = catalogue
        files = self._pick_language(files, config)
        for asset in sorted(p for p in ASSETS_DIR.iterdir() if p.is_file()):
            if files.get_file_from_path(ASSET_PREFIX + asset.name) is None:
                files.append(File.generated(config, ASSET_PREFIX + asset.name, abs_src_path=str(asset)))
        if files.get_file_from_path(MERMAID_URI) is None:
            files.append(File.generated(config, MERMAID_URI, abs_src_path=str(MERMAID_JS)))
        templates = self.root / self.settings.templates_dir
        pages = plan(catalogue, self.settings.lang, templates, today())
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
            raise PluginError("\n" + UserError(collisions).render())
        if config.nav is None:
            config.nav = self._nav(files)
        return files

    def _pick_language(self, files: Files, config: Any) -> Files:
        """Hand-written pages: ``page.md`` is the default language, ``page.en.md`` English."""
        lang, default = self.settings.lang, self.settings.default_language
        variants: dict[str, File] = {}
        for file in list(files):
            match = _LANG_SUFFIX.match(file.src_uri)
            if match and match["lang"] in self.settings.languages:
                files.remove(file)
                if match["lang"] == lang:
                    variants[f"{match['stem']}.md"] = file
        if lang == default:
            return files
        for target, original in variants.items():
            existing = files.get_file_from_path(target)
            if existing is not None:
                files.remove(existing)
            replacement = File.generated(config, target, abs_src_path=str(original.abs_src_path))
            replacement.edit_uri = original.src_uri
            files.append(replacement)
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

    def on_page_content(self, html: str, page: Any, config: Any, files: Files) -> str:
        if page.file.src_uri in self.generated:
            return clean(html)
        return html

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        """Load the local Mermaid before Material's bundle on pages that have a diagram."""
        if 'class="mermaid"' not in output:
            return output
        here = posixpath.dirname(page.file.dest_uri) or "."
        src = posixpath.relpath(MERMAID_URI, here)
        tag = f'<script src="{src}"></script>'
        marker = output.find('<script src="', output.find("</article>"))
        if marker == -1:
            return output.replace("</body>", tag + "</body>", 1)
        return output[:marker] + tag + output[marker:]

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        server.watch(str(self.root / self.settings.playbooks_dir))
        templates = self.root / self.settings.templates_dir
        if templates.is_dir():
            server.watch(str(templates))
        return server


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

def build_site(config_file: Path, site_dir: Path, strict: bool = False) -> None:
    """Run a full MkDocs build into ``site_dir``; a failure becomes a :class:`UserError`."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

    _setup_logging()
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=strict)
        build(config)
    except (Abort, PluginError, ConfigurationError, MkDocsException) as exc:
        raise UserError(_mkdocs_message(exc)) from None


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
