"""The ``playbook`` command: parse arguments, call the core, report. Nothing else lives here.

Each subcommand is a module in :mod:`generator.commands` with ``register(subparsers)``; a user's
mistake arrives as :class:`~generator.errors.UserError` and is printed without a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from .errors import UserError
from .fsutil import environment_problem

#: Exit statuses besides 0 (done) and 1 (a mistake, or the machine refused: disk full, read-only):
#: stopped by Ctrl+C, by SIGTERM (``docker stop``, a cancelled CI job, ``kill``), and the reader
#: of the output gone (``playbook check --format json | head``): 128 + the signal, as a shell
#: reports a command those signals ended.
INTERRUPTED, TERMINATED, PIPE_CLOSED = 130, 143, 141


class Terminated(KeyboardInterrupt):
    """SIGTERM: the command stops as it does on Ctrl+C, cleaning up what it was writing (the
    build's staging folder); a KeyboardInterrupt, so every clean-up for Ctrl+C runs for it too."""


#: Whether SIGTERM came while this command runs.
_terminated = False


def stop_if_terminated() -> None:
    """Raise :class:`Terminated` if SIGTERM came, even when the exception it raised was lost:
    raised while Python ran a finaliser (``__del__``), it is printed and dropped. A build asks
    before it swaps its site in."""
    if _terminated:
        raise Terminated


def make_parser() -> argparse.ArgumentParser:
    from .commands import COMMANDS

    parser = argparse.ArgumentParser(
        prog="playbook",
        description="Sales & marketing playbooks from YAML: site, printable checklists, SLAs.",
    )
    parser.add_argument(
        "--project", metavar="DIR", default=None, help="the project folder (holding mkdocs.yml)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMANDS:
        module.register(sub)
    _project_anywhere(sub)
    return parser


def _project_anywhere(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``--project DIR`` after the command too (``playbook build --project DIR``), as users
    write it; given there it wins, left out it keeps the one given before the command."""
    for parser in sub.choices.values():
        parser.add_argument("--project", metavar="DIR", default=argparse.SUPPRESS,
                            help="the project folder (holding mkdocs.yml)")
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                _project_anywhere(action)


def main(argv: Sequence[str] | None = None) -> int:
    _never_unencodable()
    try:
        with _stop_on_sigterm():
            # Inside the try: importing the commands takes about half a second, and Ctrl+C then
            # is "Interrupted." like anywhere else, not a traceback.
            args = make_parser().parse_args(argv)
            code: int = args.run(args)
            sys.stdout.flush()  # a closed pipe shows here, not as Python exits
    except UserError as exc:
        print(_red(exc.render()), file=sys.stderr)
        return 1
    except Terminated:
        print("Stopped (SIGTERM).", file=sys.stderr)
        return TERMINATED
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:
        _drop_stdout()
        return PIPE_CLOSED
    except OSError as exc:
        # The machine refused (disk full, read-only, permission denied): said plainly, as a
        # mistake is; any other OSError is a bug, and its traceback shows where.
        problem = environment_problem(exc)
        if problem is None:
            raise
        print(_red(problem), file=sys.stderr)
        return 1
    return code


@contextlib.contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    """While a command runs, SIGTERM stops it as Ctrl+C does (:class:`Terminated`). As the
    first process of a container (PID 1) the command would otherwise not stop at all, the
    kernel ignoring SIGTERM there."""
    global _terminated
    _terminated = False

    def stop(signum: int, frame: Any) -> None:
        global _terminated
        _terminated = True
        raise Terminated

    try:
        before = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: signals are not ours to handle
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def _never_unencodable() -> None:
    """Text a terminal's encoding cannot hold ("ą" or "—" in an ASCII or Latin-2 locale) is
    written as an escape, not a traceback; documents go to stdout as their UTF-8 bytes."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", None) == "strict":
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def _drop_stdout() -> None:
    """The reader of our output is gone: send the rest nowhere, so that Python's own flush at
    exit does not complain again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _red(text: str) -> str:
    """Errors in red on a terminal, unless NO_COLOR is set (https://no-color.org) or the
    terminal is dumb."""
    if sys.stderr.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb":
        return f"\033[31m{text}\033[0m"
    return text


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
