"""``{{ name }}`` placeholders in clause bodies: finding them, and the mistakes an author can make.

Only names are allowed between the braces (no filters, no expressions): a derived value does the
computing. One addition reads as plain words: ``{{ name with unit }}`` shows a derived value with
its unit in the form its number needs ("1 transakcja", "5 transakcji"), so that a sentence never
has to put a fixed word after a number. A value never becomes part of the template: bodies are
split once into literal text and placeholders (:mod:`.spec`), and values are inserted as escaped
literal text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..tr import tr

_OPEN = "{{"
_CLOSE = "}}"
NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
#: ``name with unit``: the words may be separated by any number of spaces.
_WITH_UNIT = re.compile(r"^([a-z][a-z0-9_]{0,62}) +with +unit$")
#: ``name with ...`` that is not ``with unit``: a near miss, answered with the right spelling.
_WITH_SOMETHING = re.compile(r"^([a-z][a-z0-9_]{0,62}) +with\b")
MAX_PLACEHOLDERS = 200


@dataclass(frozen=True)
class Placeholder:
    start: int  # offset of "{{" in the body
    end: int  # offset just after "}}"
    name: str
    #: ``{{ name with unit }}``: the value is shown with its unit.
    unit: bool = False


class PlaceholderError(Exception):
    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


def find(body: str) -> list[Placeholder]:
    """Every placeholder of ``body``, in order; :class:`PlaceholderError` for a malformed one."""
    found: list[Placeholder] = []
    position = 0
    while True:
        start = body.find(_OPEN, position)
        if start == -1:
            break
        end = body.find(_CLOSE, start + 2)
        if end == -1:
            raise PlaceholderError(tr("'{{' is not closed with '}}'"), start)
        inner = body[start + 2 : end]
        name = inner.strip(" ")
        if "{" in inner or "\n" in inner:
            raise PlaceholderError(tr("'{{' is not closed with '}}' on the same line"), start)
        with_unit = _WITH_UNIT.match(name)
        if with_unit:
            found.append(Placeholder(start, end + 2, with_unit.group(1), unit=True))
        elif (near := _WITH_SOMETHING.match(name)) is not None:
            raise PlaceholderError(
                tr("{{{{{inner}}}}} is not a placeholder: to show the value with its unit, write "
                   "{{{{ {name} with unit }}}}", inner=inner, name=near.group(1)),
                start,
            )
        elif not NAME_RE.match(name):
            raise PlaceholderError(
                tr("{{{{{inner}}}}} is not a placeholder: write a parameter name between the braces, "
                   "like {{{{ company_name }}}}", inner=inner),
                start,
            )
        else:
            found.append(Placeholder(start, end + 2, name))
        if len(found) > MAX_PLACEHOLDERS:
            raise PlaceholderError(tr("more than {limit} placeholders in one clause", limit=MAX_PLACEHOLDERS),
                                   start)
        position = end + 2
    return found


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` within ``text``."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col
