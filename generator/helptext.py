"""``--help`` in the messages' language: argparse's own words ("usage:", "options:") as
:func:`~generator.tr.tr` gives them; the commands' help texts are ``tr()`` calls of their own.

Why a formatter, and not gettext: argparse asks ``gettext.gettext`` for its words, which looks
them up in the process-wide default domain (``messages``), in ``.mo`` files found through the
locale variables. Putting Polish there would mean shipping compiled catalogues, changing a
global that every other library's gettext shares, and following ``LANG`` rather than
``PLAYBOOK_LANG``; and it would translate argparse's error messages too, which
``cli._plain_usage`` reads in English to say them in the tool's words. The words of ``--help``
are few and reach the formatter through two methods that have kept their names and arguments
in every Python 3 (3.11 to 3.14 alike): :meth:`~argparse.HelpFormatter.add_usage` (``prefix`` None means
argparse's "usage: ") and :meth:`~argparse.HelpFormatter.start_section` (a group's title). The
third word, the ``-h`` option's own help, is the parser's: ``cli._Parser`` adds ``-h`` itself.
Nothing private is replaced or patched; the errors stay English for ``_plain_usage``.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from typing import Any

from .tr import tr


def _heading(title: str | None) -> str | None:
    """argparse's title of a group of arguments in the messages' language; the titles it gives
    every parser are English (CPython has no catalogue for them), anything else is left as it is."""
    if title == "positional arguments":
        return tr("positional arguments")
    if title == "options":
        return tr("options")
    return title


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, its "usage:" and section headings in the messages' language."""

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[Any], prefix: str | None = None) -> None:
        # argparse passes prefix="" to compute a subcommand's name: only its own None is ours.
        super().add_usage(usage, actions, groups, tr("usage: ") if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        super().start_section(_heading(heading))


class RawDescriptionHelpFormatter(HelpFormatter, argparse.RawDescriptionHelpFormatter):
    """The same, with the description and epilog printed as written (line breaks kept)."""
