"""What a long build is doing, on one line of the terminal; nothing at all when not on a terminal.

``playbook build`` on thousands of definitions runs for minutes. On a terminal it keeps one status
line up to date (``pl: pages 1,200/5,012 (Markdown)``), rewritten in place at most ten times a
second; piped into a file, run by CI or with ``TERM=dumb``, it prints nothing, so logs stay clean.

The build command opens a :class:`Progress` with :func:`activate`; the core and the MkDocs plugin
report through :func:`current`, which is a silent stand-in when nothing is active, so they never
need to know whether anyone is watching. A log message (a MkDocs warning) first clears the status
line, so the two never print over each other.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
import time
from collections.abc import Iterator
from typing import TextIO

#: Seconds between two redraws of the status line.
REDRAW_EVERY = 0.1


class Progress:
    """One status line: a stage (``"Checking 5,000 files"``) and an optional count."""

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = on_terminal(self.stream) if enabled is None else enabled
        self.prefix = ""
        self.text = ""
        self.done = 0
        self.total: int | None = None
        self._drawn = 0.0
        self._shown = False
        self._lock = threading.Lock()

    # -- what the build reports ---------------------------------------------------------------
    def stage(self, text: str, total: int | None = None) -> None:
        """A new step of the build; ``total`` when it counts something (files, pages)."""
        self.text, self.done, self.total = text, 0, total
        if self.enabled and self is _active:
            guard_logging()  # MkDocs adds its log handler when a build starts
        self._draw(force=True)

    def advance(self, done: int | None = None, total: int | None = None) -> None:
        """One more (or ``done``) of the current step's ``total``."""
        self.done = self.done + 1 if done is None else done
        if total is not None:
            self.total = total
        if self.total is not None and self.done >= self.total:
            self.clear()  # a finished count leaves the screen to what is printed next
        else:
            self._draw()

    def clear(self) -> None:
        """Take the status line off the screen (before other output, and at the end)."""
        with self._lock:
            if self._shown:
                self.stream.write("\r\x1b[K")
                self.stream.flush()
                self._shown = False

    # -- drawing --------------------------------------------------------------------------------
    def line(self) -> str:
        """The status line as it is drawn (without the terminal's control characters)."""
        text = f"{self.prefix}{self.text}"
        if self.total:
            text += f" {min(self.done, self.total):,}/{self.total:,}"
        return text

    def _draw(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._drawn < REDRAW_EVERY:
            return
        with self._lock:
            self._drawn = now
            width = _width(self.stream)
            text = self.line()
            if len(text) > width - 1:
                text = text[: max(0, width - 2)] + "…"
            self.stream.write(f"\r\x1b[K{text}")
            self.stream.flush()
            self._shown = True


class _Silent(Progress):
    """What :func:`current` returns when no build shows its progress."""

    def __init__(self) -> None:
        super().__init__(stream=sys.stderr, enabled=False)


_SILENT = _Silent()
_active: Progress | None = None


def current() -> Progress:
    """The progress of the running build, or a silent one."""
    return _active if _active is not None else _SILENT


def deactivate() -> None:
    """Nothing shown from here on in this process (a worker process of a build)."""
    global _active
    _active = None


def on_terminal(stream: TextIO) -> bool:
    """Whether ``stream`` is a terminal that understands ``\\r`` and clearing a line."""
    if os.environ.get("TERM") == "dumb" or os.environ.get("CI"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _width(stream: TextIO) -> int:
    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError):
        columns = 0
    return columns if columns >= 20 else 80  # a terminal that does not say how wide it is


class _ClearFirst(logging.Filter):
    """Attached to log handlers: clear the status line before a message is printed."""

    def __init__(self, progress: Progress) -> None:
        super().__init__()
        self.progress = progress

    def filter(self, record: logging.LogRecord) -> bool:
        self.progress.clear()
        return True


#: Loggers whose handlers print to the terminal during a build.
LOGGERS = ("mkdocs", "")


def guard_logging() -> None:
    """Make every handler of :data:`LOGGERS` clear the status line before printing (MkDocs'
    handler appears when a build starts, so the build calls this again then)."""
    progress = current()
    if not progress.enabled:
        return
    for name in LOGGERS:
        for handler in logging.getLogger(name).handlers:
            if not any(isinstance(f, _ClearFirst) for f in handler.filters):
                handler.addFilter(_ClearFirst(progress))


def _unguard_logging() -> None:
    for name in LOGGERS:
        for handler in logging.getLogger(name).handlers:
            for found in [f for f in handler.filters if isinstance(f, _ClearFirst)]:
                handler.removeFilter(found)


@contextlib.contextmanager
def activate(progress: Progress) -> Iterator[Progress]:
    """Make ``progress`` the :func:`current` one while the block runs."""
    global _active
    previous = _active
    _active = progress
    guard_logging()
    try:
        yield progress
    finally:
        progress.clear()
        _unguard_logging()
        _active = previous
