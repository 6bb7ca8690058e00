"""``{{ name }}`` placeholders in clause bodies: finding them, and the mistakes an author can make.

Only names are allowed between the braces (no filters, no expressions): a derived value does the
computing. A value never becomes part of the template: bodies are split once into literal text and
placeholders (:mod:`.spec`), and values are inserted as escaped literal text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN = "{{"
_CLOSE = "}}"
NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
MAX_PLACEHOLDERS = 200


@dataclass(frozen=True)
class Placeholder:
    start: int  # offset of "{{" in the body
    end: int  # offset just after "}}"
    name: str


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
            raise PlaceholderError("'{{' is not closed with '}}'", start)
        inner = body[start + 2 : end]
        name = inner.strip(" ")
        if "{" in inner or "\n" in inner:
            raise PlaceholderError("'{{' is not closed with '}}' on the same line", start)
        if not NAME_RE.match(name):
            raise PlaceholderError(
                f"{{{{{inner}}}}} is not a placeholder: write a parameter name between the braces, "
                "like {{ company_name }}",
                start,
            )
        found.append(Placeholder(start, end + 2, name))
        if len(found) > MAX_PLACEHOLDERS:
            raise PlaceholderError(f"more than {MAX_PLACEHOLDERS} placeholders in one clause", start)
        position = end + 2
    return found


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` within ``text``."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col
