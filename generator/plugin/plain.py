"""Plain ``mkdocs build`` / ``mkdocs gh-deploy`` / ``mkdocs serve`` made as safe as ``playbook
build`` / ``playbook serve``: what those commands do around MkDocs, done from the plugin's events.

**The site folder** (:class:`SiteFolder`). MkDocs 1.6 (``mkdocs/commands/build.py``) runs every
plugin's ``on_config``, then ``on_pre_build``, then empties ``config.site_dir`` and writes the site
into it page by page: a failure half way (a mistake in the YAML, which the plugin reports in
``on_files``) leaves half a site, and ``mkdocs build -d ~/Documents`` empties a folder of the user's
own files. So in ``on_config`` the plugin refuses a site folder that holds files a build did not
write (:func:`generator.fsutil.check_replaceable`, the ``.playbook-site`` marker ``playbook build``
uses too) and points ``config.site_dir`` at a fresh staging folder beside it: MkDocs empties and
fills that one. The plugin's ``on_post_build`` runs last (after the search index and the checklist
PDFs are written into it) and swaps it in (:func:`generator.fsutil.replace_output`); a failed build
(``on_build_error``) or one stopped by Ctrl+C (``on_shutdown``) removes it, and the previous site
is as it was. Either way ``config.site_dir`` is the user's folder again: ``mkdocs gh-deploy``
pushes it once the build is done.

Not staged:

- ``playbook build`` (:data:`.run._CLI_BUILD`): it stages itself, around all its languages.
- MkDocs run as a library (no ``on_startup``), and the plugin turned off (``enabled: false``).
- ``mkdocs serve``: it builds into a temporary folder of its own (the ``--clean`` variant too,
  which starts the plugin as a ``build``; recognised by that folder's name).
- ``mkdocs build --dirty``: MkDocs updates the folder in place (it writes only what changed,
  reading the rest from the folder), and empties nothing. An unmarked folder holding files is
  refused all the same (a dirty build would write into it), and the marker is kept up to date:
  what it listed and whatever the build added (:func:`generator.fsutil.mark_in_place`).

``--strict``: MkDocs aborts a build with warnings only after every ``on_post_build``, so the plugin
looks at MkDocs' own warning counter first and, with warnings, swaps nothing.

**A failed first build under ``mkdocs serve``** (:func:`survive_first_build`). MkDocs' serve
builds once before it starts serving, and a failure there ends the command; ``playbook serve``
(its own copy of that serve, :func:`.serve.serve`) keeps serving, the browser showing the errors
(:class:`.serve.ServeStatus`). Under MkDocs' own serve the plugin has that first build run through
the same :meth:`.serve.ServeStatus.run`, by replacing, for one call, the ``build`` that
``mkdocs.commands.serve`` calls; the later builds go through it already (``on_serve`` installs
:func:`.serve.install_error_pages`). Where that cannot be done (another MkDocs, or
``--no-livereload``, which never rebuilds), a failed first build ends the command as before, and
the message says that ``playbook serve`` keeps serving.
"""

from __future__ import annotations

import functools
import logging
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import fsutil
from ..tr import tr
from .serve import ServeStatus

log = logging.getLogger("mkdocs.plugins.playbook")

#: How the plain commands' site folder is named in a refusal, and the marker's writer.
OPTION = "site_dir"
WRITER = "mkdocs build"
#: What MkDocs' serve names its temporary site folder (``tempfile.mkdtemp(prefix=...)``).
_SERVE_PREFIX = "mkdocs_"
#: The command line of MkDocs' serve without rebuilds: a failed first build then ends it.
_NO_RELOAD = "--no-livereload"


class _ShownPath(logging.Filter):
    """MkDocs logs "Building documentation to directory: <site_dir>": the user's folder, not
    the staging folder the build writes first."""

    def __init__(self) -> None:
        super().__init__()
        self.paths: tuple[str, str] | None = None

    def filter(self, record: logging.LogRecord) -> bool:
        if self.paths is not None and isinstance(record.msg, str):
            staging, target = self.paths
            record.msg = record.msg.replace(staging, target)
        return True


_SHOWN_PATH = _ShownPath()
logging.getLogger("mkdocs.commands.build").addFilter(_SHOWN_PATH)


class SiteFolder:
    """The site folder of one plain ``mkdocs build`` or ``gh-deploy`` (see the module's text)."""

    def __init__(self) -> None:
        #: The MkDocs command that started the plugin (``on_startup``); None when MkDocs is run
        #: as a library (``playbook build``, tests), which manages its own folder.
        self.command: str | None = None
        self.dirty = False
        self._config: Any = None
        self._target: Path | None = None
        self._staging: Path | None = None
        #: ``--dirty``: what the folder held before the build.
        self._before: set[str] | None = None

    def start(self, command: str | None, dirty: bool) -> None:
        self.abandon()
        self.command, self.dirty = command, dirty

    def prepare(self, config: Any, root: Path, keep: tuple[Path, ...]) -> None:
        """``on_config``: refuse a folder holding the user's files; stage a clean build.
        Raises :class:`UserError` (one line) and changes nothing on refusal."""
        from . import run

        self.abandon()
        if self.command not in ("build", "gh-deploy") or run._CLI_BUILD or _serve_folder(config.site_dir):
            return
        target = Path(config.site_dir).resolve()
        fsutil.check_output_dir(target, OPTION, root, keep)
        fsutil.check_replaceable(target, OPTION, fsutil.SITE_MARKER, writer=WRITER)
        self._config, self._target = config, target
        if self.dirty:
            self._before = fsutil.listing(target)
            return
        self._staging = fsutil.new_staging(target)
        config.site_dir = str(self._staging)
        _SHOWN_PATH.paths = (str(self._staging), str(target))

    def finish(self) -> None:
        """``on_post_build``, last: put the new site in place (unless ``--strict`` is about to
        abort the build: then ``on_build_error`` follows)."""
        if self._target is None:
            return
        if self._before is not None:  # --dirty: written in place
            self._mark_in_place()
            self._forget()
            return
        if self._staging is None or _strict_warnings(self._config):
            return
        fsutil.replace_output(self._staging, self._target, OPTION, fsutil.SITE_MARKER, WRITER)
        self._forget()

    def abandon(self) -> None:
        """``on_build_error``, ``on_shutdown``: remove the staging folder, the previous site as it
        was; a dirty build's marker lists what it wrote before it failed."""
        if self._staging is not None:
            fsutil.remove_path(self._staging)
        elif self._before is not None:
            self._mark_in_place()
        self._forget()

    def _mark_in_place(self) -> None:
        if self._target is None or self._before is None:
            return
        try:
            fsutil.mark_in_place(self._target, fsutil.SITE_MARKER, self._before, WRITER)
        except OSError as exc:  # the site is written; only the list is behind
            log.warning(tr("could not update {file}: {reason}; the next build may refuse the folder "
                           "until you delete it yourself.", file=self._target / fsutil.SITE_MARKER,
                           reason=exc.strerror or exc))

    def _forget(self) -> None:
        if self._config is not None and self._target is not None:
            self._config.site_dir = str(self._target)  # mkdocs gh-deploy pushes it next
        self._config, self._target, self._staging, self._before = None, None, None, None
        _SHOWN_PATH.paths = None


def _serve_folder(site_dir: str) -> bool:
    """MkDocs' serve's temporary site folder (``mkdocs serve --clean`` starts plugins as a build)."""
    folder = Path(site_dir)
    return folder.name.startswith(_SERVE_PREFIX) and folder.parent == Path(tempfile.gettempdir())


def _strict_warnings(config: Any) -> bool:
    """Whether ``--strict`` will abort this build: MkDocs counts the warnings on the ``mkdocs``
    logger and aborts right after ``on_post_build`` if there were any."""
    if not getattr(config, "strict", False):
        return False
    from mkdocs.utils import CountHandler

    return any(isinstance(h, CountHandler) and h.get_counts() for h in logging.getLogger("mkdocs").handlers)


def serve_hint() -> str:
    """Said when a first build fails under a MkDocs serve that stops on it."""
    return tr("mkdocs serve stops when its first build fails; 'playbook serve' keeps serving and "
              "shows the errors in the browser until they are fixed.")


class FirstServeBuild:
    """Under MkDocs' own ``mkdocs serve``: its first build (see the module's text)."""

    def __init__(self) -> None:
        self._undo: Callable[[], None] | None = None
        self._hint = False

    def start(self, status: ServeStatus) -> None:
        """``on_startup``: MkDocs' serve (its module loaded) rather than ``playbook serve``."""
        from . import run

        self.stop()
        if "mkdocs.commands.serve" not in sys.modules or run._CLI_SERVE:
            return
        self._undo = survive_first_build(status)
        self._hint = self._undo is None

    def ended(self, failed: bool) -> None:
        """A build ended (``on_post_build``, ``on_build_error``): only the first one matters."""
        if failed and self._hint:
            log.error(serve_hint())
        self._hint = False

    def stop(self) -> None:
        if self._undo is not None:
            self._undo()
        self._undo, self._hint = None, False


def survive_first_build(status: ServeStatus) -> Callable[[], None] | None:
    """Have the first build of MkDocs' serve run through ``status`` (a failure reported and shown
    in the browser, the server started all the same). Returns the undo, or None where it does not
    apply (``--no-livereload``: nothing would ever rebuild) or cannot be done (another MkDocs)."""
    module: Any = sys.modules.get("mkdocs.commands.serve")
    if module is None or _NO_RELOAD in sys.argv[1:]:
        return None
    original = getattr(module, "build", None)
    if not callable(original) or getattr(original, "_playbook_first", False):
        return None

    def first(config: Any, **kwargs: Any) -> None:
        module.build = original  # once: later builds go through install_error_pages
        status.run(functools.partial(original, config, **kwargs))

    first._playbook_first = True  # type: ignore[attr-defined]
    module.build = first

    def undo() -> None:
        if getattr(module, "build", None) is first:
            module.build = original

    return undo
