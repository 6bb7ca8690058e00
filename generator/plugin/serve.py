"""The serve session's bookkeeping. Under ``mkdocs serve`` (``playbook serve``) the plugin
instance lives for the whole session (``on_startup("serve")``), and :class:`_ServeBuild` decides,
build by build, what a rebuild takes over from the builds before: a generated page's front matter
and HTML (:meth:`_ServeBuild.reuse_render`), the plugin's own work on that HTML, which pages to
write again (:meth:`_ServeBuild.decide`), the compiled theme (:class:`_CompiledTheme`). The memory
itself is :mod:`generator.rebuild`'s, which knows nothing of MkDocs. Outside serve every method
of :class:`_ServeBuild` does nothing.

A failed build under serve (see "A failed build under serve" below): :class:`ServeStatus`,
:class:`ErrorPages`, and :func:`serve`, MkDocs' serve that survives a failed first build.
"""

from __future__ import annotations

import copy
import functools
import html as html_lib
import json
import logging
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from mkdocs.exceptions import BuildError, MkDocsException
from mkdocs.structure.files import File, Files

from ..errors import UserError
from ..labels import LABELS, label
from ..project import Settings
from ..rebuild import Processed, Rebuilds, Rendered, digest, remove_stale, stamp
from ..search import SiteSearch
from ..search.site import IndexRun
from ..tr import language, tr, tr_n
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
            log.info(tr("Every page is written again on each rebuild (plugins: {plugins}).",
                        plugins=", ".join(unknown)))
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
            elif file.abs_src_path:  # copied again whenever its source changed (Rebuilds.copy_wanted)
                file.is_modified = functools.partial(  # type: ignore[method-assign]
                    self.rebuilds.copy_wanted, file.abs_src_path, file.abs_dest_path)
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
            self.rebuilds.failed(copying=self.writing)
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
                if path.is_file():  # stamp: also an override replaced by a file with an older date
                    parts.append(f"{path}\0{stamp(str(path))}")
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


def watch_folder(server: Any, folder: Path) -> None:
    """Have MkDocs' server rebuild when anything under ``folder`` changes, and when the folder
    itself comes or goes: one made while the preview runs (``templates/``, for a first template
    override; the example project has none) is watched from then on, and one deleted is no
    longer shown. Its parent is watched for that, not recursively."""
    target = os.path.abspath(folder)
    lock = threading.Lock()
    watched = os.path.isdir(target)
    if watched:
        server.watch(target)
    observer = getattr(server, "observer", None)
    parent = os.path.dirname(target)
    if observer is None or not os.path.isdir(parent):
        return
    import watchdog.events

    def changed(event: Any) -> None:
        nonlocal watched
        paths = {os.path.abspath(os.fsdecode(p)) for p in (event.src_path, getattr(event, "dest_path", ""))
                 if p}
        if target not in paths:
            return
        with lock:
            there = os.path.isdir(target)
            if there == watched:
                return
            watched = there
            if not there:  # its watch went with it
                server.unwatch(target)
        if there:
            server.watch(target)
        _rebuild_soon(server)  # what the folder held (or holds, if copied in whole) changed

    handler = watchdog.events.FileSystemEventHandler()
    handler.on_any_event = changed  # type: ignore[method-assign]
    observer.schedule(handler, parent, recursive=False)


def _rebuild_soon(server: Any) -> None:
    """Ask MkDocs 1.6's server for a rebuild, as its own watches do on a change."""
    condition = getattr(server, "_rebuild_cond", None)
    if condition is None:
        return
    with condition:
        server._want_rebuild = True
        condition.notify_all()


def _search_done(run: IndexRun) -> None:
    if run.cancelled:
        return
    if run.error:
        log.error(tr("The search index was not updated: {reason}", reason=run.error))
    else:
        log.info(tr_n("Search index updated: {n} pages in {seconds:.1f} s.",
                      "Search index updated: {n} pages in {seconds:.1f} s.", run.pages,
                      seconds=run.finished - run.started))


# --- A failed build under serve ------------------------------------------------------------------
#
# MkDocs 1.6's LiveReloadServer marks a rebuild as started (its "wanted epoch") before building and
# as visible only when the build returns; a request for a page waits, with no time limit, until the
# two agree. A build that raises (any YAML error does: the plugin stops the build) never makes them
# agree, so every page request hangs until a later build succeeds, and the reader sees nothing of
# the errors. MkDocs' own ``serve`` also gives up when the first build fails.
#
# Here a build under serve never raises to the server (:meth:`ServeStatus.run`): the failure is
# recorded, the server's epoch moves on, and the browser gets the last good site with the errors
# over it (:class:`ErrorPages`, as Vite's and Next's error overlays do); a page the last good site
# does not have, or any page when no build has succeeded yet, is a page of the errors alone. Both
# reload by themselves once a build succeeds.

#: Where a page of errors asks whether a build finished since (answer: the build counter).
STATUS_PATH = ".playbook/build"


@dataclass(frozen=True)
class BuildFailure:
    """What stopped a build, as the browser shows it."""

    #: The message: diagnostics (``file:line:col: where: message.``), one a line.
    text: str
    #: A bug in the tool or in another plugin (the traceback is in the terminal), not a user's mistake.
    internal: bool = False


class ServeStatus:
    """The serve session's last build: succeeded, or failed and why. Written by the build thread,
    read by the web server's threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._failure: BuildFailure | None = None
        self._generation = 0
        self._noted: BaseException | None = None
        #: The language of the site being served, the errors' panel's (None until a build tells,
        #: see :func:`serve`; the panel then takes the page's own).
        self.lang: str | None = None

    @property
    def failure(self) -> BuildFailure | None:
        with self._lock:
            return self._failure

    @property
    def generation(self) -> int:
        """How many builds have ended (a page of errors reloads when it changes)."""
        with self._lock:
            return self._generation

    def note(self, error: BaseException) -> None:
        """The error MkDocs hands to ``on_build_error`` (the one it raises may be a bare Abort)."""
        self._noted = error

    def run(self, builder: Callable[..., None], *args: Any) -> bool:
        """Run one build; a failure is reported and recorded, never raised."""
        self._noted = None
        try:
            builder(*args)
        except Exception as exc:  # every failure is shown, none stops the server
            failure = _describe(self._noted or exc, exc)
            with self._lock:
                self._failure, self._generation = failure, self._generation + 1
            log.error(tr("The site was not built: fix the errors above and save; the preview "
                         "rebuilds by itself. Meanwhile the browser shows these errors (over the "
                         "last version of the site that built, if any)."))
            return False
        finally:
            self._noted = None
        with self._lock:
            self._failure, self._generation = None, self._generation + 1
        return True


def _describe(error: BaseException, raised: BaseException) -> BuildFailure:
    """The failure as the browser shows it; logged here unless MkDocs already did."""
    if isinstance(error, BuildError):  # MkDocs logged its message (plugin errors are BuildErrors)
        return BuildFailure(str(error).strip())
    if isinstance(error, (MkDocsException, UserError)):  # a strict-mode abort, a broken mkdocs.yml
        text = error.render() if isinstance(error, UserError) else str(error).strip()
        log.error(text)
        return BuildFailure(text)
    log.error(tr("An internal error stopped the build (a bug, not a mistake in your files):"),
              exc_info=(type(raised), raised, raised.__traceback__))
    return BuildFailure(f"{type(error).__name__}: {error}", internal=True)


def install_error_pages(server: Any, status: ServeStatus) -> None:
    """Make MkDocs' LiveReloadServer survive failed builds (see above). Idempotent."""
    if getattr(server, "_playbook_status", None) is not None:
        return
    server._playbook_status = status
    server.builder = functools.partial(status.run, server.builder)
    server.set_app(ErrorPages(server.get_app(), status, getattr(server, "mount_path", "/")))


_LOCATION = re.compile(r"^(?P<where>[^\s:][^:\n]*:\d+:\d+):\s*(?P<rest>.*)$")


class ErrorPages:
    """WSGI middleware: while the last build failed, every HTML page carries the errors over it,
    and a page the site does not have is a page of the errors alone."""

    def __init__(self, app: Callable[..., Iterable[bytes]], status: ServeStatus, mount_path: str = "/") -> None:
        self.app = app
        self.status = status
        self.mount_path = "/" + mount_path.strip("/") + "/" if mount_path.strip("/") else "/"
        self.status_path = self.mount_path + STATUS_PATH

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = str(environ.get("PATH_INFO", ""))
        if path == self.status_path:
            body = str(self.status.generation).encode()
            start_response("200 OK", [("Content-Type", "text/plain"), ("Cache-Control", "no-store"),
                                      ("Content-Length", str(len(body)))])
            return [body]
        answer: list[Any] = []

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[[bytes], None]:
            answer[:] = [status, headers]
            return lambda data: None

        # MkDocs' server answers a page once no build is running: only then is the status the
        # page's (a request made while the fixing build ran gets the fixed page, no errors).
        result = self.app(environ, capture)
        status, headers = answer if answer else ("500 Internal Server Error", [])
        failure = self.status.failure
        if failure is None:
            start_response(status, headers)
            return result
        kind = next((v for k, v in headers if k.lower() == "content-type"), "")
        if status.startswith("200") and kind.startswith("text/html"):
            html = _drain(result)
            marker = html.rfind(b"</body>")
            overlay = overlay_html(failure, self.status.lang or _page_language(html)).encode("utf-8")
            html = html[:marker] + overlay + html[marker:] if marker != -1 else html + overlay
            headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
            start_response(status, [*headers, ("Content-Length", str(len(html)))])
            return [html]
        if status.startswith("404") and _is_page(path):
            _drain(result)
            page = error_page_html(failure, self.status.generation, self.status_path,
                                   self.status.lang or "en").encode("utf-8")
            start_response("503 Service Unavailable", [
                ("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store"),
                ("Content-Length", str(len(page))),
            ])
            return [page]
        start_response(status, headers)
        return result


def _drain(result: Iterable[bytes]) -> bytes:
    try:
        return b"".join(result)
    finally:
        close = getattr(result, "close", None)
        if close is not None:
            close()


_HTML_LANG = re.compile(rb"<html\b[^>]*?\blang=[\"']?([A-Za-z-]+)")


def _page_language(html: bytes) -> str:
    """The language a page of the site says it is in (``<html lang>``), if the panel has words
    for it; English otherwise."""
    found = _HTML_LANG.search(html[:2000])
    lang = found[1].decode("ascii").lower().split("-")[0] if found else ""
    return lang if lang in LABELS else "en"


def _is_page(path: str) -> bool:
    last = path.rsplit("/", 1)[-1]
    return path.endswith("/") or last.endswith((".html", ".htm")) or "." not in last


def _items(failure: BuildFailure) -> str:
    """Each ``file:line:col: message`` line an item of a list; any other line a paragraph."""
    rows, rest = [], []
    for line in failure.text.splitlines():
        found = _LOCATION.match(line)
        if found:
            rows.append(f'<li><code class="pb-where">{html_lib.escape(found["where"])}</code> '
                        f"{html_lib.escape(found['rest'])}</li>")
        elif line.strip():
            rest.append(f"<p>{html_lib.escape(line.strip())}</p>")
    listed = f"<ol>{''.join(rows)}</ol>" if rows else ""
    return listed + "".join(rest)


_ERROR_STYLE = """
#playbook-build-error{position:fixed;inset:0;z-index:2147483647;overflow:auto;
  background:rgba(0,0,0,.7);font:16px/1.5 system-ui,sans-serif;color:#1b1b1b}
#playbook-build-error .pb-box{max-width:62rem;margin:3rem auto;padding:1.5rem 2rem;background:#fff;
  border-top:.4rem solid #c62828;border-radius:.3rem;box-shadow:0 .5rem 2rem rgba(0,0,0,.4)}
#playbook-build-error h1{margin:0 0 .5rem;font-size:1.4rem;color:#b71c1c}
#playbook-build-error ol{padding-left:1.5rem}
#playbook-build-error li{margin:.4rem 0;white-space:pre-wrap;overflow-wrap:anywhere}
#playbook-build-error code{font:.9em/1.4 ui-monospace,monospace;background:#f4f4f4;padding:0 .2em}
#playbook-build-error button{font:inherit;padding:.3rem 1rem;cursor:pointer}
"""


def _words(lang: str, key: str) -> str:
    """The panel's own words (:mod:`generator.labels`), as HTML text."""
    return html_lib.escape(label(lang, key), quote=False)


def _box(failure: BuildFailure, below: str, lang: str) -> str:
    """The panel: its words in ``lang``, the errors as the CLI prints them (in the messages'
    language, :mod:`generator.tr`)."""
    if failure.internal:
        intro = _words(lang, "build_failed_internal").format(command="<code>playbook serve</code>")
    else:
        intro = _words(lang, "build_failed_fix")
    return (f'<div id="playbook-build-error" lang="{lang}" role="alertdialog" aria-modal="true" '
            f'aria-labelledby="playbook-build-error-title"><div class="pb-box">'
            f'<h1 id="playbook-build-error-title">{_words(lang, "build_failed")}</h1>'
            f'<p>{intro}</p><div lang="{language()}">{_items(failure)}</div>{below}</div></div>')


def overlay_html(failure: BuildFailure, lang: str = "en") -> str:
    """The errors over a page of the last good site (which MkDocs' script reloads)."""
    close = (f"<p>{_words(lang, 'build_failed_below')} "
             "<button type=\"button\" onclick=\"this.closest('#playbook-build-error').remove()\">"
             f"{_words(lang, 'build_failed_show')}</button></p>")
    return f"<style>{_ERROR_STYLE}</style>{_box(failure, close, lang)}"


def error_page_html(failure: BuildFailure, generation: int, status_path: str, lang: str = "en") -> str:
    """A page of the errors alone (no good version of it to show), reloading after the next build."""
    poll = (
        "(function(){var seen=SEEN,url=URL;function poll(){fetch(url,{cache:'no-store'})"
        ".then(function(r){return r.text()}).then(function(t){"
        "if(t.trim()!==String(seen)){location.reload()}else{setTimeout(poll,1000)}})"
        ".catch(function(){setTimeout(poll,3000)})}setTimeout(poll,1000)})();"
    ).replace("SEEN", str(int(generation))).replace("URL", _js_string(status_path))
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{_words(lang, 'build_failed')}</title><style>{_ERROR_STYLE}</style></head><body>"
            f"{_box(failure, '', lang)}<script>{poll}</script></body></html>")


def _js_string(text: str) -> str:
    """A JavaScript string literal safe inside ``<script>``."""
    return json.dumps(text).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def serve_status(config: Any) -> ServeStatus:
    """The playbook plugin's record of the session's builds (a fresh one without the plugin)."""
    plugin = _playbook_plugin(config)
    return plugin.serve_status if plugin is not None else ServeStatus()


def _playbook_plugin(config: Any) -> Any:
    """The playbook plugin of a loaded configuration (known by its record of builds), or None."""
    for plugin in config.plugins.values():
        if isinstance(getattr(plugin, "serve_status", None), ServeStatus):
            return plugin
    return None


def _site_language(config: Any) -> str | None:
    """The language the playbook plugin built (or tried to build) the site in: its settings,
    which it reads from the configuration before anything can fail in a project's files."""
    settings = getattr(_playbook_plugin(config), "settings", None)
    return settings.lang if isinstance(settings, Settings) and settings.lang in LABELS else None


def load_serve_config(config_file: str, **options: Any) -> Any:
    """MkDocs' configuration; a mkdocs.yml that cannot be read (saved half-edited while the
    preview runs) is reported as ``playbook check`` reports it (``mkdocs.yml:65:1: YAML syntax:
    ...``), not in MkDocs' words, when the project's own reading of it finds the mistake."""
    from mkdocs.config import load_config

    try:
        return load_config(config_file=config_file, **options)
    except MkDocsException:
        from ..project import load_project

        load_project(Path(config_file).parent)  # raises a UserError saying what is wrong
        raise


def serve(config_file: str, dev_addr: str, open_in_browser: bool = False,
          build_type: str | None = None) -> None:
    """MkDocs 1.6's ``mkdocs serve`` (``mkdocs.commands.serve.serve``), except that a failed
    build, the first one included, leaves the server serving (see :class:`ServeStatus`)."""
    from mkdocs.commands.build import build
    from mkdocs.livereload import LiveReloadServer

    site_dir = tempfile.mkdtemp(prefix="mkdocs_")

    def get_config() -> Any:
        return load_serve_config(config_file, site_dir=site_dir, dev_addr=dev_addr)

    is_clean, is_dirty = build_type == "clean", build_type == "dirty"
    try:
        config = get_config()
    except BaseException:
        shutil.rmtree(site_dir, ignore_errors=True)
        raise
    config.plugins.on_startup(command=("build" if is_clean else "serve"), dirty=is_dirty)
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    mount = "/" + mount_path.strip("/") + "/" if mount_path.strip("/") else "/"
    serve_url = f"http://{host}:{port}{mount}"
    config.site_url = serve_url

    status = serve_status(config)

    def builder(config: Any = None) -> None:
        log.info(tr("Building documentation..."))
        if config is None:
            config = get_config()
            config.site_url = serve_url
        try:
            build(config, serve_url=None if is_clean else serve_url, dirty=is_dirty)
        finally:  # the errors' panel speaks the site's language (playbook serve --lang)
            status.lang = _site_language(config) or status.lang

    server = LiveReloadServer(builder=builder, host=host, port=port, root=site_dir, mount_path=mount_path)

    def error_handler(code: int) -> bytes | None:
        page = os.path.join(site_dir, f"{code}.html")
        if code in (404, 500) and os.path.isfile(page):
            return Path(page).read_bytes()
        return None

    server.error_handler = error_handler
    try:
        status.run(builder, config)  # a failure is shown in the browser; the server starts anyway
        server.watch(config.docs_dir)
        if config.config_file_path:
            server.watch(config.config_file_path)
        server = config.plugins.on_serve(server, config=config, builder=builder)
        install_error_pages(server, status)  # the plugin did already, unless it is off
        for item in config.watch:
            server.watch(item)
        try:
            server.serve(open_in_browser=open_in_browser)
        except KeyboardInterrupt:
            log.info(tr("Shutting down..."))
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
