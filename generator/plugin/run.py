"""Running MkDocs for the CLI: :func:`build_site` (``playbook build``, one language at a time)
and :func:`serve_site` (``playbook serve``), and the state they leave for the plugin to read
while MkDocs runs (:data:`_CLI_BUILD`, :data:`_SERVE_LANG`).
"""

from __future__ import annotations

import logging
import os
import re
import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from ..errors import UserError
from ..tr import tr, tr_n

#: True while :func:`build_site` runs a build for the CLI: a user's mistake then travels as the
#: :class:`UserError` itself (printed once, by the CLI, with every diagnostic). Under plain
#: ``mkdocs build`` it becomes a ``PluginError``, which MkDocs prints and turns into exit 1.
#: The CLI stages the site folder itself, so the plugin does not (:mod:`.plain`).
_CLI_BUILD = False


def _failure(error: UserError) -> Exception:
    if _CLI_BUILD:
        return error
    return PluginError("\n" + error.render())


def _set_language(config: Any, lang: str, alternate: list[dict[str, str]] | None) -> None:
    """Make a loaded configuration build the ``lang`` site of a multi-language build."""
    from urllib.parse import urljoin

    from . import PlaybookPlugin  # here: the package imports this module first

    config.theme["language"] = lang
    for plugin in config.plugins.values():
        if isinstance(plugin, PlaybookPlugin):
            plugin.config["lang"] = lang
            plugin.language_folder = bool(alternate)  # the site of each language is one folder down
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

    from . import PlaybookPlugin

    global _CLI_BUILD
    # Languages build side by side: each of their lines says which one it comes from.
    _setup_logging(prefix=f"[{lang}] " if lang is not None and alternate else "")
    _CLI_BUILD = True
    config: Any = None
    try:
        # strict=None keeps mkdocs.yml's own `strict:`; --strict turns it on.
        config = load_config(str(config_file), site_dir=str(site_dir), strict=strict or None)
        for plugin in config.plugins.values():
            if isinstance(plugin, PlaybookPlugin):  # MkDocs keeps the instance (on_startup)
                plugin.on_startup(command="build", dirty=False)
        if lang is not None:
            _set_language(config, lang, alternate)
        build(config)
    except (Abort, PluginError, ConfigurationError, MkDocsException) as exc:
        raise UserError(_mkdocs_message(exc)) from None
    except KeyboardInterrupt:  # Ctrl+C or SIGTERM, which MkDocs tells no plugin of
        for plugin in (config.plugins.values() if config is not None else ()):
            if isinstance(plugin, PlaybookPlugin):
                plugin.on_shutdown()  # its PDF workers stopped, their temporary folder removed
        raise
    finally:
        _CLI_BUILD = False


#: How ``playbook serve`` has MkDocs rebuild: ``dirty`` (the site folder is not emptied first;
#: the plugin decides which pages to write again, see :class:`_ServeBuild`). bench/probe.py
#: rebuilds the same way.
SERVE_BUILD_TYPE = "dirty"


#: The language ``playbook serve --lang`` previews (None: the configuration's own).
_SERVE_LANG: str | None = None
#: True while :func:`serve_site` runs (``playbook serve``, which survives a failed first build
#: itself); under MkDocs' own ``mkdocs serve`` the plugin sees to it (:mod:`.plain`).
_CLI_SERVE = False


def serve_site(config_file: Path, host: str, port: int, open_browser: bool = False,
               lang: str | None = None) -> None:
    from mkdocs.exceptions import MkDocsException

    from .serve import serve  # MkDocs' serve, but a failed build leaves the browser the errors

    global _SERVE_LANG, _CLI_SERVE
    _SERVE_LANG, _CLI_SERVE = lang, True
    _setup_logging(logging.INFO)
    _stop_on_sigterm()
    try:
        serve(str(config_file), open_in_browser=open_browser, dev_addr=f"{host}:{port}",
              build_type=SERVE_BUILD_TYPE)
    except MkDocsException as exc:
        raise UserError(_mkdocs_message(exc)) from None
    finally:
        _SERVE_LANG, _CLI_SERVE = None, False


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
    strict = re.fullmatch(r"Aborted with (\d+) warnings? in strict mode!?", text)
    if strict:
        return tr_n("The site was not built: {n} warning above, and warnings stop a strict build "
                    "(strict: true in mkdocs.yml, or --strict). The previous site is unchanged.",
                    "The site was not built: {n} warnings above, and warnings stop a strict build "
                    "(strict: true in mkdocs.yml, or --strict). The previous site is unchanged.",
                    int(strict[1]))
    if text.startswith("Aborted with"):
        return tr("The site was not built: {reason}. The previous site is unchanged.",
                  reason=text.rstrip("!."))
    return text


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to the standard error of the moment, not to the one there was when it was made
    (a caller that captures the output of one run, then closes it, must not break the next)."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


def _setup_logging(level: int = logging.WARNING, prefix: str = "") -> None:
    logger = logging.getLogger("mkdocs")
    handler = next((h for h in logger.handlers if getattr(h, "_playbook", False)), None)
    if handler is None:
        handler = _StderrHandler()
        handler._playbook = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.setLevel(logging.INFO if os.environ.get("PLAYBOOK_VERBOSE") else level)
        logger.propagate = False
        # The plugin's own news (a PDF cache that cannot be written) is shown, without counting
        # as a warning for --strict; MkDocs' own INFO lines stay hidden.
        logging.getLogger("mkdocs.plugins.playbook").setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  " + prefix.replace("%", "%%") + "%(message)s"))
