"""Diagnostics for the people who write the YAML, and the one exception that carries them.

A :class:`Diagnostic` is a user's mistake, located at ``file:line:col``. A :class:`UserError`
carries one or more of them up to the CLI or the MkDocs plugin, which print them and exit 1.
Anything else that escapes is a bug in this package, and only then is a traceback right.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


def _printable(text: str) -> str:
    """Make text safe for a terminal: control characters become visible escapes."""
    out = []
    for ch in text:
        if ch == "\t":
            out.append("\\t")
        elif ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 or ch in "\u2028\u2029\u202e\u202d":
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
        prefix = "warning: " if self.severity == "warning" else ""
        where = f" {_printable(self.where)}:" if self.where else ""
        return f"{_printable(self.file)}:{self.line}:{self.col}:{where} {prefix}{_printable(self.message)}"

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "where": self.where,
            "message": self.message,
            "severity": self.severity,
        }


class UserError(Exception):
    """A mistake in the user's input: printed without a traceback, exit status 1."""

    def __init__(self, diagnostics: Iterable[Diagnostic] | str) -> None:
        if isinstance(diagnostics, str):
            self.diagnostics: list[Diagnostic] = []
            self.text = diagnostics
        else:
            self.diagnostics = sorted(diagnostics)
            self.text = ""
        super().__init__(self.render())

    def render(self) -> str:
        if not self.diagnostics:
            return self.text
        return "\n".join([*(d.format() for d in self.diagnostics), summary(self.diagnostics)])


def summary(diagnostics: Iterable[Diagnostic]) -> str:
    """``Found N errors in M files.`` (singular where it reads better)."""
    errors = [d for d in diagnostics if d.severity == "error"]
    files = {d.file for d in errors}
    n, m = len(errors), len(files)
    return f"Found {n} error{'s' if n != 1 else ''} in {m} file{'s' if m != 1 else ''}."


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"
