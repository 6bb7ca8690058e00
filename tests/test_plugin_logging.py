"""The build's log lines go to the standard error of the moment: a run whose output was captured
and then closed (a test, a program that calls ``main`` twice) does not break the next run's lines
with "--- Logging error --- ValueError: I/O operation on closed file"."""

from __future__ import annotations

import contextlib
import io
import logging

from generator.plugin import run


def test_log_lines_follow_the_current_standard_error() -> None:
    first, second = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(first):
        run._setup_logging()
        logging.getLogger("mkdocs.plugins.playbook").warning("first")
    first.close()
    with contextlib.redirect_stderr(second):
        run._setup_logging()
        logging.getLogger("mkdocs.plugins.playbook").warning("second")
    assert second.getvalue().endswith("second\n")
    assert "Logging error" not in second.getvalue()
