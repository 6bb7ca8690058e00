"""The ``playbook`` command: parse arguments, call the core, report. Nothing else lives here.

Each subcommand is a module in :mod:`generator.commands` with ``register(subparsers)``; a user's
mistake arrives as :class:`~generator.errors.UserError` and is printed without a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import re
import signal
import sys
from collections.abc import Iterator, Sequence
from typing import Any, NoReturn

from .errors import UserError
from .fsutil import environment_problem
from .helptext import HelpFormatter
from .messages import suggest
from .tr import tr, tr_n

#: Exit statuses besides 0 (done) and 1 (a mistake, or the machine refused: disk full, read-only):
#: stopped by Ctrl+C, by SIGTERM (``docker stop``, a cancelled CI job, ``kill``), and the reader
#: of the output gone (``playbook check --format json | head``): 128 + the signal, as a shell
#: reports a command those signals ended.
INTERRUPTED, TERMINATED, PIPE_CLOSED = 130, 143, 141
#: A mistyped command line.
USAGE = 2


class Terminated(KeyboardInterrupt):
    """SIGTERM: the command stops as it does on Ctrl+C, cleaning up what it was writing (the
    build's staging folder); a KeyboardInterrupt, so every clean-up for Ctrl+C runs for it too."""


class UsageError(Exception):
    """A mistyped command line (an unknown option, a missing value): said in plain words, and
    as JSON too where the command was asked for JSON; exit status 2, as POSIX tools give."""

    def __init__(self, message: str, parser: argparse.ArgumentParser) -> None:
        super().__init__(message)
        self.message = message
        self.parser = parser


class _Parser(argparse.ArgumentParser):
    """argparse, its mistakes raised as :class:`UsageError` in the tool's words (argparse prints
    its own English and a usage line, and exits, before JSON could be written), its ``--help`` in
    the messages' language (:mod:`generator.helptext`). Subcommands' parsers are of this class too
    (``add_subparsers`` makes its parsers of the parser's own class)."""

    def __init__(self, prog: str | None = None, *, add_help: bool = True,
                 formatter_class: type[HelpFormatter] = HelpFormatter, **kwargs: Any) -> None:
        # "-h, --help  show this help message and exit": argparse's own -h takes that text from
        # gettext, in English; added here, as argparse adds it (first, before the options the
        # command adds), with the text in the messages' language.
        super().__init__(prog, add_help=False, formatter_class=formatter_class, **kwargs)
        self.add_help = add_help
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help=tr("show this help message and exit"))

    def error(self, message: str) -> NoReturn:
        raise UsageError(_plain_usage(message, self), self)


def _options(parser: argparse.ArgumentParser) -> list[str]:
    return [o for a in parser._actions for o in a.option_strings if o.startswith("--") and o != "--help"]


def _plain_usage(message: str, parser: argparse.ArgumentParser) -> str:
    """argparse's message in the tool's words, after the command it was given to (its English is
    kept for a message not foreseen here)."""
    help_ = tr("'{command} --help' says what to write", command=parser.prog)
    found = re.fullmatch(r"argument (\S+): invalid choice: '(.*)' \(choose from (.*)\)", message, re.S)
    if found:
        name, value, choices = found.groups()
        listed = [c.strip().strip("'") for c in choices.split(",")]
        if name.startswith("-"):
            said = tr("{option}: {value} is not one of {choices}.", option=name, value=repr(value),
                      choices=", ".join(listed))
        elif name == "COMMAND":
            said = tr("{value} is not a command; the commands are {choices}.", value=repr(value),
                      choices=", ".join(listed))
        else:
            said = tr("{value} is not an action; the actions are {choices}.", value=repr(value),
                      choices=", ".join(listed))
        return f"{parser.prog}: {said}{suggest(value, listed)}"
    found = re.fullmatch(r"argument (\S+?)(?:/\S+)?: expected (?:one|at least one) argument", message)
    if found:
        option = found.group(1)
        action = next((a for a in parser._actions if option in a.option_strings), None)
        if action is not None and action.choices:
            return f"{parser.prog}: " + tr("{option}: a value is missing after it, one of {choices}.",
                                           option=option, choices=", ".join(map(str, action.choices)))
        value = action.metavar if action is not None and isinstance(action.metavar, str) else "VALUE"
        return f"{parser.prog}: " + tr("{option}: a value is missing after it (write {option} {value}).",
                                       option=option, value=value)
    found = re.fullmatch(r"the following arguments are required: (.*)", message)
    if found:
        missing = found.group(1).split(", ")
        sub = next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)
        if sub is not None and sub.metavar in missing:
            choices = ", ".join(sub.choices)
            if sub.metavar == "COMMAND":
                return f"{parser.prog}: " + tr("name a command: {choices}; {help}.", choices=choices, help=help_)
            return f"{parser.prog}: " + tr("name an action: {choices}; {help}.", choices=choices, help=help_)
        names = f" {tr('and')} ".join(missing)
        return f"{parser.prog}: " + tr_n("{names} is missing; {help}.", "{names} are missing; {help}.",
                                         len(missing), names=names, help=help_)
    found = re.fullmatch(r"unrecognized arguments: (.*)", message)
    if found:
        first = found.group(1).split(" ")[0]
        if not first.startswith("-"):
            return f"{parser.prog}: " + tr(
                "{value} is one value more than the command takes; {help} (a value with spaces goes "
                "in quotes).", value=repr(first), help=help_)
        name, known = first.split("=")[0], _options(parser)
        return f"{parser.prog}: " + tr(
            "{option} is not an option of this command; the options are {options}.",
            option=repr(name), options=", ".join(known)) + suggest(name, known)
    found = re.fullmatch(r"argument (\S+?)(?:/\S+)?: invalid int value: '(.*)'", message, re.S)
    if found:
        option, value = found.groups()
        return f"{parser.prog}: " + tr("{option}: expected a whole number, like {option} 8001, but this is {value}.",
                                       option=option, value=repr(value))
    return f"{parser.prog}: {message[:1].upper()}{message[1:]}."


def _parse(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse ``argv``; an unknown option is said by the command it was given to (argparse says
    it at the top, naming no command)."""
    args, extra = parser.parse_known_args(argv)
    if extra:
        leaf = parser
        while True:
            sub = next((a for a in leaf._actions if isinstance(a, argparse._SubParsersAction)), None)
            if sub is None or getattr(args, sub.dest, None) not in sub.choices:
                break
            leaf = sub.choices[getattr(args, sub.dest)]
        leaf.error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def _wants_json(argv: Sequence[str]) -> bool:
    """Whether the command line asked for JSON (``--format json``), however it was mistyped."""
    pairs = itertools.pairwise([*argv, ""])
    return any(a == "--format=json" or (a == "--format" and b == "json") for a, b in pairs)


def _usage_error(exc: UsageError, argv: Sequence[str]) -> int:
    print(_red(exc.message), file=sys.stderr)
    if _wants_json(argv):
        problem = {"file": "", "line": 0, "col": 0, "where": "", "message": exc.message,
                   "severity": "error"}
        print(json.dumps({"ok": False, "problems": [problem]}, indent=2))
    return USAGE


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

    # Built when the command runs, the language known: every help text is a tr() here or in a
    # command's register(), none is a constant made as a module is imported.
    parser = _Parser(
        prog="playbook",
        description=tr("Sales & marketing playbooks from YAML: site, printable checklists, SLAs."),
    )
    parser.add_argument(
        "--project", metavar="DIR", default=None, help=tr("the project folder (holding mkdocs.yml)")
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMANDS:
        module.register(sub)
    _project_anywhere(sub)
    return parser


def _project_anywhere(sub: argparse._SubParsersAction[Any]) -> None:
    """``--project DIR`` after the command too (``playbook build --project DIR``), as users
    write it; given there it wins, left out it keeps the one given before the command."""
    for parser in sub.choices.values():
        parser.add_argument("--project", metavar="DIR", default=argparse.SUPPRESS,
                            help=tr("the project folder (holding mkdocs.yml)"))
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                _project_anywhere(action)


def main(argv: Sequence[str] | None = None) -> int:
    _never_unencodable()
    try:
        with _stop_on_sigterm():
            # Inside the try: importing the commands takes about half a second, and Ctrl+C then
            # is "Interrupted." like anywhere else, not a traceback.
            args = _parse(make_parser(), argv)
            code: int = args.run(args)
            sys.stdout.flush()  # a closed pipe shows here, not as Python exits
    except UserError as exc:
        print(_red(exc.render()), file=sys.stderr)
        return 1
    except UsageError as exc:
        return _usage_error(exc, sys.argv[1:] if argv is None else argv)
    except Terminated:
        print(tr("Stopped (SIGTERM)."), file=sys.stderr)
        return TERMINATED
    except KeyboardInterrupt:
        print(tr("Interrupted."), file=sys.stderr)
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
