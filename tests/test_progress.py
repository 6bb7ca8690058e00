"""The status line of long builds: drawn in place on a terminal, absent anywhere else."""

from __future__ import annotations

import io
import logging

import pytest

from generator import progress
from generator.progress import Progress


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_stage_and_its_count_are_drawn_in_place(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "REDRAW_EVERY", 0.0)
    out = FakeTerminal()
    bar = Progress(out, enabled=True)
    bar.stage("pl: pages (Markdown)", total=3)
    bar.advance()
    assert out.getvalue() == "\r\x1b[Kpl: pages (Markdown) 0/3\r\x1b[Kpl: pages (Markdown) 1/3"
    assert bar.line() == "pl: pages (Markdown) 1/3"


def test_redraws_are_throttled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "REDRAW_EVERY", 3600.0)
    out = FakeTerminal()
    bar = Progress(out, enabled=True)
    bar.stage("Checking 5,000 YAML files", total=5000)
    for _ in range(4000):
        bar.advance()
    assert out.getvalue().count("\r") == 1  # the stage itself; counts wait for the next redraw


def test_a_finished_count_clears_the_line() -> None:
    out = FakeTerminal()
    bar = Progress(out, enabled=True)
    bar.stage("Checking 2 YAML files", total=2)
    bar.advance()
    bar.advance()
    assert out.getvalue().endswith("\r\x1b[K")


def test_nothing_is_written_when_not_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    out = io.StringIO()  # a pipe or a file
    bar = Progress(out)
    assert bar.enabled is False
    bar.stage("pl: planning pages")
    bar.advance()
    bar.clear()
    assert out.getvalue() == ""


@pytest.mark.parametrize(("name", "value"), [("TERM", "dumb"), ("CI", "true")])
def test_a_dumb_terminal_or_ci_gets_nothing(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv(name, value)
    assert Progress(FakeTerminal()).enabled is False


def test_a_long_line_is_cut_to_the_terminal() -> None:
    out = FakeTerminal()
    bar = Progress(out, enabled=True)
    bar.stage("x" * 500)
    assert len(out.getvalue()) < 100  # no terminal size on a StringIO: 80 columns


def test_current_is_silent_until_a_build_activates_one() -> None:
    assert progress.current().enabled is False
    progress.current().stage("nobody is watching", total=1)  # harmless
    out = FakeTerminal()
    bar = Progress(out, enabled=True)
    with progress.activate(bar) as active:
        assert progress.current() is active is bar
    assert progress.current() is not bar
    assert progress.current().enabled is False


def test_a_log_message_clears_the_status_line_first(monkeypatch: pytest.MonkeyPatch) -> None:
    out = FakeTerminal()
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(out)
    logger.addHandler(handler)
    try:
        bar = Progress(out, enabled=True)
        with progress.activate(bar):
            bar.stage("pl: pages (HTML)", total=10)
            logger.warning("a warning from MkDocs")
        assert out.getvalue() == "\r\x1b[Kpl: pages (HTML) 0/10\r\x1b[Ka warning from MkDocs\n"
        assert not [f for f in handler.filters if isinstance(f, progress._ClearFirst)]
    finally:
        logger.removeHandler(handler)
