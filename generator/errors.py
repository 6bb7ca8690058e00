"""Diagnostics for the people who write the YAML, and the one exception that carries them.

A :class:`Diagnostic` is a user's mistake, located at ``file:line:col``. A :class:`UserError`
carries one or more of them up to the CLI or the MkDocs plugin, which print them and exit 1.
Anything else that escapes is a bug in this package, and only then is a traceback right.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from .tr import tr, tr_n

Severity = Literal["error", "warning"]


#: Characters that would act on a terminal or hide text instead of showing: C0/C1 controls,
#: line/paragraph separators, text-direction controls, zero-width characters and the BOM.
_INVISIBLE = frozenset(
    [chr(c) for c in range(32)]
    + [chr(c) for c in range(0x7F, 0xA0)]
    + list("\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e")
    + list("\u2060\u2066\u2067\u2068\u2069\ufeff\ufffe\uffff")
)


#: ``repr()`` of a text holding a byte that is not UTF-8 (a surrogate escape) spells it
#: ``\\udcff``; shown as the byte it stands for, as everywhere else.
_REPR_SURROGATE = re.compile(r"(?<!\\)((?:\\\\)*)\\udc([89a-f][0-9a-f])")


def printable(text: str) -> str:
    """Make text safe for a terminal: control and invisible characters become visible escapes,
    and bytes of a file name that are not UTF-8 (surrogate escapes) are shown as ``\\xNN``."""
    if "\\udc" in text:
        text = _REPR_SURROGATE.sub(r"\1\\x\2", text)
    if text.isprintable() and text.isascii():
        return text
    out = []
    for ch in text:
        if ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif "\udc80" <= ch <= "\udcff":
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif "\ud800" <= ch <= "\udfff":
            out.append(f"\\u{ord(ch):04x}")
        elif ch in _INVISIBLE:
            out.append(f"\\x{ord(ch):02x}" if ord(ch) < 256 else f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem: where it is, in which field, and what is wrong in plain words."""

    file: str
    line: int
    col: int
    where: str
    message: str
    severity: Severity = field(default="error", compare=False)

    def format(self) -> str:
        prefix = tr("warning: ") if self.severity == "warning" else ""
        where = f" {printable(self.where)}:" if self.where else ""
        return f"{printable(self.file)}:{self.line}:{self.col}:{where} {prefix}{printable(self.message)}"

    def to_dict(self) -> dict[str, object]:
        return {
            "file": printable(self.file),
            "line": self.line,
            "col": self.col,
            "where": printable(self.where),
            "message": printable(self.message),
            "severity": self.severity,
        }


class UserError(Exception):
    """A mistake in the user's input: printed without a traceback, exit status 1."""

    def __init__(self, diagnostics: Iterable[Diagnostic] | str, note: str = "") -> None:
        if isinstance(diagnostics, str):
            self.diagnostics: list[Diagnostic] = []
            self.text = diagnostics
        else:
            self.diagnostics = sorted(diagnostics)
            self.text = ""
        #: A line before the count (which stays last): why these are errors, when that is not plain.
        self.note = note
        super().__init__(self.render())

    def render(self) -> str:
        if not self.diagnostics:
            return "\n".join(printable(line) for line in self.text.split("\n"))
        note = [self.note] if self.note else []
        return "\n".join([*(d.format() for d in self.diagnostics), *note, summary(self.diagnostics)])


def summary(diagnostics: Iterable[Diagnostic]) -> str:
    """``Found N errors in M files.`` (singular where it reads better)."""
    errors = [d for d in diagnostics if d.severity == "error"]
    files = {d.file for d in errors}
    n, m = len(errors), len(files)
    return f"{tr_n('Found {n} error', 'Found {n} errors', n)} {tr_n('in {n} file.', 'in {n} files.', m)}"


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"
