"""The ``playbook`` command: parse arguments, call the core, report. Nothing else lives here.

Each subcommand is a module in :mod:`generator.commands` with ``register(subparsers)``; a user's
mistake arrives as :class:`~generator.errors.UserError` and is printed without a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .errors import UserError


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
    try:
        # Inside the try: importing the commands takes about half a second, and Ctrl+C then is
        # "Interrupted." like anywhere else, not a traceback.
        args = make_parser().parse_args(argv)
        code: int = args.run(args)
    except UserError as exc:
        print(_red(exc.render()), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    return code


def _red(text: str) -> str:
    if sys.stderr.isatty():
        return f"\033[31m{text}\033[0m"
    return text


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
