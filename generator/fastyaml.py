"""The fast path for reading a valid YAML file: yaml-rs builds the data, our rules still decide.

Our reader (:mod:`generator.yamlfile`) composes libyaml's events in Python, which costs about as
much as PyYAML's whole C loader. A valid file, the common case, needs none of the positions that
reader keeps, so :func:`read` first asks `yaml-rs <https://pypi.org/project/yaml-rs/>`_ (a YAML
parser in Rust; with the checks below, the whole path takes about a third of the C loader's time)
and answers only when the result is exactly what our reader would give. Otherwise it answers
``None`` and our reader reads the file, so every error is still found, worded and located by the
one reader that knows our rules. It takes a text that ``parse_text`` has already checked for
forbidden characters, and is guarded four ways:

1. **A text screen** declines what yaml-rs reads differently from libyaml and our resolver: tabs,
   backslash escapes, byte-order marks, merge keys (``<<``), document markers and directives
   (``---``, ``...``, ``%``), tags, anchors and aliases (``!``, ``&``, ``*`` where a value can
   start), ``?`` right before text (``{?x: 1}``), block scalars other than a plain ``|``, ``>``,
   ``|-`` or ``>-`` with a first line of text (yaml-rs differs on empty ones, trailing lines
   and lines of spaces), more than :data:`MAX_FLOW` brackets (libyaml's time grows with the
   square of their nesting), and a space-like character (``\xa0``...) where a line's value
   starts, which our reader refuses.
2. **libyaml itself**, through ``raw_parse``: it parses the file in C without making a single
   Python object, so a file libyaml refuses (and our reader would report) is declined. Its event
   count bounds the number of values, and the nesting yaml-rs may see (yaml-rs recurses: about
   11,000 levels of ``- `` crashed the interpreter).
3. **A walk of the result**: a group of fields at the top, every key text, only text, numbers,
   true/false and empty values, nesting under ``max_depth``, and as many values as libyaml saw.
   Duplicate keys make yaml-rs fail (``DuplicateKeyPolicy.Error``), so our reader reports both.
4. **Numbers**, when the result holds one: yaml-rs reads ``012``, ``1e3``, ``0x1F``, ``1_000``,
   ``.5``, ``.inf`` as numbers, we keep them as text, so a value shaped like a number must be a
   plain decimal (of fewer than ``max_digits`` digits on each side of the point). Both readers
   read ``true``, ``True``, ``TRUE``, ``false``... and ``~``, ``null``, ``Null``, ``NULL`` alike
   and every other word (``NO``, ``off``, ``2027-06-30``) as text: :func:`_agrees` checks this
   yaml-rs does, once per process.

yaml-rs is an accelerator: without it (not installed, fails to import, or reads the sample
differently) every file goes to our reader, with the same results, only slower.
``tests/test_yamlfile_fast.py`` checks, for the hostile corpus, the example playbooks, the
benchmark's files and generated YAML, that this path declines or gives exactly our reader's data.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from types import ModuleType
from typing import Any

import yaml

try:
    from yaml._yaml import CParser

    HAVE_LIBYAML = True
except ImportError:  # pragma: no cover - PyYAML built without libyaml: no fast path
    HAVE_LIBYAML = False


def _accelerator() -> ModuleType | None:
    """yaml-rs, or ``None`` when it is missing or fails to import in any way (or when PyYAML has
    no libyaml, which the fast path needs too)."""
    if not HAVE_LIBYAML:  # pragma: no cover
        return None
    try:
        return importlib.import_module("yaml_rs")
    except Exception:  # pragma: no cover - an accelerator: any failure means "not here"
        return None


yaml_rs = _accelerator()

#: Largest text taken by the fast path; a playbook definition is a few kilobytes.
MAX_CHARS = 256_000
#: Most ``[`` and ``{`` in a text taken by the fast path: libyaml's time grows with the square of
#: their nesting.
MAX_FLOW = 256
#: Deepest nesting yaml-rs may be given, as bounded before it reads: it recurses, and crashed the
#: interpreter at about 11,000 levels of ``- ``. A definition has a few dozen lists and groups.
MAX_NESTING = 1000

#: Characters that look like a space, or like nothing, but are not a space to YAML (pasted text
#: brings them). Where a line's value starts, our reader refuses them (``generator.yamlfile``).
ODD_SPACES = "\u00a0\u2000-\u200b\u202f\u205f\u2060\u3000\ufeff"
_ODD_SPACE = re.compile(f"[{ODD_SPACES}]")
#: One at a line's start, or right after its field name's ':' or its list item's '-' (searched
#: with a line break in front of the text): declines the file.
_ODD_START = re.compile(rf"\n[ \t]*(?:-[ \t]+)*(?:[A-Za-z_][A-Za-z0-9_-]*:|-)?[{ODD_SPACES}]")
#: Text that declines a file wherever it is: tabs, backslash escapes, old Mac line ends, a
#: byte-order mark inside the text, a merge key.
_REFUSED = ("\t", "\\", "\r", "\ufeff", "<<")
#: Lines that decline a file: document markers and directives.
_REFUSED_LINES = ("---", "...", "%")
#: Where a value (or its tag or anchor) can start: after a line break (the text is searched with
#: one in front), a flow bracket, a comma or a colon, then spaces and any ``- `` or ``? ``.
_START = r"[\n\[{,:][ ]*(?:[-?][ ]+)*"
#: A tag (``!``), an anchor (``&name``) or an alias (``*name``) where a value can start, or a
#: ``?`` followed by text (``{?x: y}``: libyaml reads the ``?`` as a key's mark in brackets, yaml-rs
#: as text).
_PROPERTY = re.compile(rf"{_START}(?:!|[&*?][^ \n])")
#: A block scalar's header where a value can start: its indicators, and any spaces and comment
#: after them. (Other text after a ``|`` or ``>`` there is not a header: libyaml refuses it, or
#: it is a line inside a text, such as a Markdown quote.)
_BLOCK_HEADER = re.compile(rf"{_START}[|>]([-+0-9]*)([ ]*(?:#.*)?)$", re.MULTILINE)
#: A line of only spaces (searched with a line break in front of the text).
_SPACES_LINE = re.compile(r"\n[ ]+(?:\n|$)")
#: What ends a value that starts like a number, as far as the screen is concerned.
_END = r"(?:[ \n,\[\]{}]|$)"
#: Every value yaml-rs may read as a number has this shape: a sign, then digits, letters (``0x``,
#: ``e``, ``inf``), ``_`` and ``.``, and a second sign only after ``e``. A date (``2027-06-30``)
#: or a time (``12:30``) does not, and is text for both readers.
_NUMBER_SHAPE = r"[-+]?[0-9_.][0-9A-Za-z_.]*(?:(?<=[eE])[-+][0-9_]*)?"


@lru_cache(maxsize=4)
def _odd_number(max_digits: int) -> re.Pattern[str]:
    """A value shaped like a number that is not a plain decimal of fewer than ``max_digits``
    digits on each side of the point: yaml-rs reads it as a number, we do not."""
    run = max_digits - 1
    plain_decimal = rf"[-+]?(?:0|[1-9][0-9]{{0,{run - 1}}})(?:\.[0-9]{{1,{run}}})?{_END}"
    return re.compile(rf"{_START}(?!{plain_decimal}){_NUMBER_SHAPE}{_END}", re.MULTILINE)


def read(text: str, *, max_depth: int, max_nodes: int, max_digits: int) -> dict[str, Any] | None:
    """The data of ``text`` exactly as our reader builds it, or ``None``: let our reader read it.

    Only a text whose top level is a group of fields is answered; ``max_depth``, ``max_nodes``
    and ``max_digits`` are our reader's limits (declined before them).
    """
    if yaml_rs is None or len(text) > MAX_CHARS:
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n")  # libyaml and yaml-rs read both the same way
    if any(refused in text for refused in _REFUSED):
        return None
    if text.startswith(_REFUSED_LINES) or any("\n" + start in text for start in _REFUSED_LINES):
        return None
    if text.count("[") + text.count("{") > MAX_FLOW:
        return None
    if _ODD_SPACE.search(text) and _ODD_START.search("\n" + text):
        return None
    if ("!" in text or "&" in text or "*" in text or "?" in text) and _PROPERTY.search(
        "\n" + text
    ):
        return None
    if ("|" in text or ">" in text) and _odd_block_scalar(text):
        return None
    if not _agrees():
        return None
    parser = CParser(text)
    try:
        events = parser.raw_parse()
    except (yaml.YAMLError, ValueError):
        return None
    finally:
        parser.dispose()
    if events > max_nodes:
        return None
    # events = 4 + values + lists and groups (they end too): a bound on the nesting for free
    if (events - 4) // 2 > MAX_NESTING and _nesting_at_most(text) > MAX_NESTING:
        return None
    try:
        data = yaml_rs.loads(
            text, parse_datetime=False, duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error
        )
    except (KeyboardInterrupt, SystemExit):  # pragma: no cover
        raise
    except BaseException:  # yaml-rs's errors and Rust panics (a BaseException) alike: decline
        return None
    if type(data) is not dict:
        return None
    shape = _shape(data, max_depth)
    if shape is None or shape[0] + 4 != events:  # + stream and document start and end
        return None
    if shape[1] and _odd_number(max_digits).search("\n" + text):
        return None
    return data


def _odd_block_scalar(text: str) -> bool:
    """Whether ``text`` has a block scalar (``|``, ``>``) that yaml-rs may read differently from
    libyaml: one with a header other than ``|``, ``>``, ``|-``, ``>-`` alone on its line, or no
    first line of text right under it, and any in a text with a line of only spaces, or that does
    not end with exactly one line break (yaml-rs differs on trailing and empty lines)."""
    padded = "\n" + text
    found = False
    for header in _BLOCK_HEADER.finditer(padded):
        if header.group(1) not in ("", "-") or header.group(2):
            return True
        found = True
        line_start = padded.rfind("\n", 0, header.start(1)) + 1
        line = padded[line_start : header.start(1)]
        # the header's own indentation, counting any "- " and "? " before its key: at least the
        # indentation its first line of text must exceed
        indent = len(line) - len(line.lstrip(" -?"))
        end = padded.find("\n", header.end() + 1)
        first = padded[header.end() + 1 : end if end >= 0 else None]
        if not first.strip() or len(first) - len(first.lstrip(" ")) <= indent:
            return True
    if not found:
        return False
    return not text.endswith("\n") or text.endswith("\n\n") or bool(_SPACES_LINE.search(padded))


def _nesting_at_most(text: str) -> int:
    """A bound on how deep lists and groups nest in ``text``: each level is a ``[`` or a ``{``
    (and inside a ``[``, a group of one field without ``{``: ``[a: b]``, hence twice the
    brackets), or a block list or group, which has a first ``- ``, ``? `` or ``: `` (or one at a
    line's end) of its own."""
    count = text.count
    return (
        count("- ") + count("-\n") + count("? ") + count("?\n") + count(": ") + count(":\n")
        + 2 * (count("[") + count("{")) + 2
    )


_SCALARS = frozenset({str, bool, type(None)})
_NUMBERS = frozenset({int, float})


def _shape(data: dict[str, Any], max_depth: int) -> tuple[int, bool] | None:
    """libyaml's event count for ``data`` (one per value, two per list or group) and whether it
    holds a number, or ``None`` when a key is not text, a value is not a plain scalar, or the
    nesting reaches ``max_depth``."""
    events = 0
    numbers = False
    stack: list[tuple[Any, int]] = [(data, 1)]
    scalars = _SCALARS
    while stack:
        node, depth = stack.pop()
        if depth >= max_depth:
            return None
        events += 2
        if type(node) is dict:
            events += len(node)
            values = node.values()
            for key in node:
                if type(key) is not str:
                    return None
        else:
            values = node
        for value in values:
            kind = type(value)
            if kind is dict or kind is list:
                stack.append((value, depth + 1))
            elif kind in scalars:
                events += 1
            elif kind in _NUMBERS:
                events += 1
                numbers = True
            else:
                return None
    return events, numbers


#: Plain values both readers must read alike for the screen to be right (see :func:`_agrees`).
_SAMPLE = (
    "t: [true, True, TRUE, false, False, FALSE]\n"
    "n: [~, null, Null, NULL]\n"
    "e:\n"
    "i: [0, -0, +0, 7, -12, +12, 12345678901234]\n"
    "f: [0.5, -0.0, +1.25, 10.50, 12345678901234.12345678901234]\n"
    "s: [NO, off, yes, y, tRue, nULL, None, inf, nan, Infinity, a.5, -x, 2027-06-30, 12:30,\n"
    "    1-2, 1e3-4, 1:2:3, 1 e3, 0 x1, ab 1e3, x - 012]\n"
    "k: {key: 'q', 'true': \"1\", '': ''}\n"
    "b:\n- |\n   a\n   b\n- >-\n   c\n   d\n- 'e\n  f'\n"
)
_SAMPLE_DATA: dict[str, Any] = {
    "t": [True, True, True, False, False, False],
    "n": [None, None, None, None],
    "e": None,
    "i": [0, 0, 0, 7, -12, 12, 12345678901234],
    "f": [0.5, -0.0, 1.25, 10.5, 12345678901234.12345678901234],
    "s": [
        "NO", "off", "yes", "y", "tRue", "nULL", "None", "inf", "nan", "Infinity", "a.5", "-x",
        "2027-06-30", "12:30", "1-2", "1e3-4", "1:2:3", "1 e3", "0 x1", "ab 1e3", "x - 012",
    ],
    "k": {"key": "q", "true": "1", "": ""},
    "b": ["a\nb\n", "c d", "e f"],
}


@lru_cache(maxsize=1)
def _agrees() -> bool:
    """Whether this yaml-rs reads plain values as the screen expects (checked once)."""
    if yaml_rs is None:  # pragma: no cover
        return False
    try:
        data = yaml_rs.loads(_SAMPLE, parse_datetime=False)
    except Exception:  # pragma: no cover - a broken yaml-rs: never use it
        return False
    return same(data, _SAMPLE_DATA)


def same(a: Any, b: Any) -> bool:
    """Equal, with the same types everywhere (``1 == 1.0 == True`` is not enough), the same
    order of keys and the same sign of zero."""
    if type(a) is not type(b):
        return False
    if type(a) is dict:
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if type(a) is list:
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if type(a) is float:
        return repr(a) == repr(b)
    return bool(a == b)
