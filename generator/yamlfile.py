"""Reading one YAML file: bytes -> text -> data, or a located, plain-words error.

The files are written by many people and treated as untrusted, so every step has a limit:

- **bytes**: at most :data:`MAX_BYTES`; UTF-8 only (UTF-16/32 and Windows code pages are named in
  the message); no control characters, no invisible text-direction characters (they can make a
  line display differently from what it says), no line separators other than ``\\n``/``\\r\\n``.
- **parsing**: PyYAML's C parser (libyaml) gives *events*; our own composer below turns them into
  nodes without recursion. Why not PyYAML's composer: it recurses in C (a few hundred kilobytes
  of ``[`` crash the interpreter), and libyaml's cost grows with the square of the nesting, so the
  nesting must be refused while the events stream in, not afterwards. Anchors and aliases are
  refused at the first ``&`` or ``*`` (a "billion laughs" never gets the chance to expand),
  nesting is capped at :data:`MAX_DEPTH` and the number of values at :data:`MAX_NODES`.
- **values**: the resolver follows YAML 1.2's core schema, narrowed further, so that ``NO``,
  ``off``, ``012``, ``1e3`` and ``12:30`` stay text instead of silently becoming booleans or
  numbers, and dates stay text for the models to check. Duplicate keys (PyYAML would keep the
  last one silently), merge keys and custom tags are errors; numbers are bounded and finite.

A valid file, the common case, needs no positions: :mod:`generator.fastyaml` reads it with
yaml-rs first (about three times faster than PyYAML's C loader alone) and hands over to the reader
below whatever it cannot prove this reader would read the same, every error included.

Nothing here touches PyYAML's global state: the classes below are our own.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from . import fastyaml
from .errors import Diagnostic
from .messages import TYPOGRAPHIC_QUOTES, in_typographic_quotes
from .tr import tr

#: Largest YAML file accepted; a playbook definition is a few kilobytes.
MAX_BYTES = 1_000_000
#: Deepest nesting of lists and groups; a real definition needs fewer than ten levels.
MAX_DEPTH = 64
#: Most values (scalars, lists and groups) in one file; a real definition has a few hundred.
MAX_NODES = 50_000
#: Longest whole number, in digits (a quadrillion has 16).
MAX_DIGITS = 15

try:  # pragma: no branch
    from yaml._yaml import CParser as _Parser

    HAVE_C = True
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)

        def dispose(self) -> None:
            pass

    HAVE_C = False


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_MERGE = "tag:yaml.org,2002:merge"
_BOOL_RE = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT_RE = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT_RE = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)\.[0-9]+$")
_NULL_RE = re.compile(r"^(?:~|null|Null|NULL|)$")


def _resolve(value: str, plain: bool) -> str:
    """The tag of an untagged scalar: YAML 1.2's core schema, narrowed.

    Only ``true``/``false``, decimal integers without leading zeros, decimals with a point and
    ``null``/``~``/nothing are not text; ``NO``, ``off``, ``012``, ``1e3``, ``.inf``, ``12:30``
    and dates stay text. A quoted scalar is always text.
    """
    if not plain:
        return _STR
    if not value:
        return _NULL
    first = value[0]
    if first in "-+0123456789":
        if _INT_RE.match(value):
            return _INT
        if _FLOAT_RE.match(value):
            return _FLOAT
    elif first in "tTfF":
        if _BOOL_RE.match(value):
            return _BOOL
    elif first in "~nN" and _NULL_RE.match(value):
        return _NULL
    return _STR


#: What an explicit ``!!int``/``!!float`` tag may carry (no hex, octal, sexagesimal or ``.inf``).
_TAGGED_INT_RE = re.compile(r"^[-+]?[0-9]+$")
_TAGGED_FLOAT_RE = re.compile(r"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")

_SHORT_TAGS = {
    _STR: "!!str",
    _INT: "!!int",
    _FLOAT: "!!float",
    _BOOL: "!!bool",
    _NULL: "!!null",
    _SEQ: "!!seq",
    _MAP: "!!map",
}

#: Characters refused anywhere in a file or a value: C0 controls other than tab and line breaks,
#: DEL and C1 controls (NEL included: YAML counts it as a line break, editors do not), the Unicode
#: line/paragraph separators, the explicit text-direction controls (a "Trojan Source" line looks
#: like something else on screen), lone surrogates and the two non-characters.
FORBIDDEN_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff\ufffe\uffff]"
)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


#: Characters that look like a space, or like nothing, but are not a space to YAML. They come with
#: text pasted from a web page, an e-mail or a word processor (Polish typography puts a
#: non-breaking space after one-letter words), so inside a text they are kept as they are.
_ODD_SPACES = fastyaml.ODD_SPACES
_ODD_SPACE = re.compile(f"[{_ODD_SPACES}]")
_ZERO_WIDTH = "\u200b\u2060\ufeff"
#: Where one changes what a line means: in its indentation (before a field name, a '- ' or a
#: value), right after a field name's ':' (``pl:\xa0text`` is one text to YAML, not a field), or
#: right after a list item's '-' (``-\xa0item`` is a text, not a list item). Group 1 is where the
#: line's value starts, group 2 the odd character; searched in a text whose line breaks are \n.
_ODD_PLACES = (
    (re.compile(rf"^[ \t]*(?:-[ \t]+)*(([{_ODD_SPACES}]))", re.MULTILINE), "indent"),
    (re.compile(rf"^[ \t]*(?:-[ \t]+)*([A-Za-z_][A-Za-z0-9_-]*:([{_ODD_SPACES}]))", re.MULTILINE), "colon"),
    (re.compile(rf"^[ \t]*(?:-[ \t]+)*(-([{_ODD_SPACES}]))", re.MULTILINE), "dash"),
)


def _odd_words(place: str, char: str, key: str) -> str:
    """What a space-like character ``char`` (its name, capitalized) does at ``place`` (see
    :data:`_ODD_PLACES`): the message, without its final full stop."""
    if place == "colon":
        return tr("{char} follows the ':' here, so YAML does not read '{key}' as a field name but the whole "
                  "line as one text: replace it with an ordinary space", char=char, key=key)
    if place == "dash":
        return tr("{char} follows the '-' here, so YAML does not read a list item but a text starting with "
                  "'-': replace it with an ordinary space", char=char)
    if place == "zero-width":  # a zero-width one in a line's indentation
        return tr("{char} is at the start of the line's text: it cannot be seen, but YAML reads "
                  "it as part of what follows. Remove it", char=char)
    return tr("{char} is used here to indent the line: it looks like a space, but YAML does not count it. "
              "Replace it with ordinary spaces", char=char)

#: A line's indentation and list marks, with any space-like characters in them.
_ODD_LEAD = re.compile(rf"[ \t{_ODD_SPACES}]*(?:-[ \t{_ODD_SPACES}]+)*")


def _as_space(match: re.Match[str]) -> str:
    """What a space-like character is on screen: a space, or nothing (the zero-width ones)."""
    return "" if match.group() in _ZERO_WIDTH else " "


@dataclass(frozen=True)
class _OddSpace:
    line: int  # 0-based, as libyaml counts
    start: int  # 0-based column where the line's value (or key) starts
    column: int  # 0-based column of the odd character
    message: str


def _odd_spaces(text: str) -> list[_OddSpace]:
    """Every place where a space-like character changes what a line means, in file order.

    Pasted text brings them: ``\xa0\xa0pl: x`` (a non-breaking space as indentation) makes a
    field YAML does not line up, ``pl:\xa0x`` a text where a field was meant. Only the places
    where such a line's value would start are found here; whether a place really is one (not a
    line inside a ``|`` text) is for the caller to tell."""
    if not _ODD_SPACE.search(text):
        return []
    lines = _LINE_BREAK.sub("\n", text)
    found: list[_OddSpace] = []
    for pattern, place in _ODD_PLACES:
        for match in pattern.finditer(lines):
            line = lines.count("\n", 0, match.start())
            line_start = lines.rfind("\n", 0, match.start()) + 1
            char = match.group(2)
            key = match.group(1)[:-2] if place == "colon" else ""
            name = char_name(char)
            said = "zero-width" if char in _ZERO_WIDTH and place == "indent" else place
            message = _odd_words(said, name[0].upper() + name[1:], key)
            found.append(_OddSpace(line, match.start(1) - line_start, match.start(2) - line_start, message))
    return sorted(found, key=lambda odd: (odd.line, odd.column))


def _misread_odd_space(text: str) -> _OddSpace | None:
    """The first space-like character that made a line a text where a field or a list item was
    meant: one where a plain (unquoted) value starts, in a file that was read without error."""
    places = _odd_spaces(text)
    if not places:
        return None
    starts = {(node.start_mark.line, node.start_mark.column)
              for _loc, node in _plain_scalars(compose(text), keys=True)}
    return next((odd for odd in places if (odd.line, odd.start) in starts), None)


def _plain_scalars(root: Node | None, keys: bool = False) -> Iterator[tuple[Loc, ScalarNode]]:
    """Every plain (unquoted, not block) scalar of a node tree, with where it is; with ``keys``
    the keys of mappings too (at the mapping's place)."""
    stack: list[tuple[Loc, Node]] = [((), root)] if root is not None else []
    while stack:
        loc, node = stack.pop()
        if isinstance(node, ScalarNode):
            if not node.style:
                yield loc, node
        elif isinstance(node, SequenceNode):
            stack.extend(((*loc, i), value) for i, value in enumerate(node.value))
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                if keys:
                    stack.append((loc, key))
                name = str(key.value) if isinstance(key, ScalarNode) else "?"
                stack.append(((*loc, name), value))


def _odd_space_before(text: str, line: int) -> _OddSpace | None:
    """The space-like character behind a syntax error on ``line`` (0-based), when typing spaces
    for those at or before it moves the error past that line (or removes it): the first one that
    does so alone, else the first of them (a block of lines indented so)."""
    places = [odd for odd in _odd_spaces(text) if odd.line <= line][:10]
    if not places:
        return None
    lines = _LINE_BREAK.sub("\n", text).split("\n")

    def moves(fixed: list[_OddSpace]) -> bool:
        edited = list(lines)
        for odd in fixed:
            row = edited[odd.line]
            lead = _ODD_LEAD.match(row)
            end = max(odd.column + 1, lead.end() if lead else 0)
            edited[odd.line] = _ODD_SPACE.sub(_as_space, row[:end]) + row[end:]
        try:
            _read("\n".join(edited))
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            return mark is not None and mark.line > line
        except (yaml.YAMLError, YamlProblem):
            pass
        return True

    if not moves(places):
        return None
    return next((odd for odd in places if len(places) > 1 and moves([odd])), places[0])


class YamlProblem(Exception):
    """A problem found while reading, with the mark (line and column) where it is."""

    def __init__(self, message: str, mark: Any) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


def shorten(text: str, limit: int = 40) -> str:
    """``repr`` of a text, cut to ``limit`` characters, for a message."""
    shown = repr(text)
    if len(shown) > limit:
        shown = shown[: limit - 4] + "...'"
    return shown


def char_name(ch: str) -> str:
    """``U+0007`` plus a plain name for the characters people meet in practice. In Polish a
    masculine noun phrase (``znak sterujący U+0007``, ``tabulator (U+0009)``), whose nominative
    and accusative are the same: "plik zawiera {char}: usuń go"."""
    code = f"U+{ord(ch):04X}"
    name = _char_names(ch)
    if name is not None:
        return f"{name} ({code})"
    if "\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069":
        return tr("an invisible text-direction character ({code}) that can make a line look different "
                  "from what it says", code=code)
    if "\ud800" <= ch <= "\udfff":
        return tr("half of a character (the surrogate {code})", code=code)
    if "\u2000" <= ch <= "\u200a" or ch == "\u205f":
        return tr("a typographic space ({code})", code=code)
    return tr("the control character {code}", code=code)


def _char_names(ch: str) -> str | None:
    """The plain name of a character people meet in practice, or None."""
    if ch == "\x00":
        return tr("a zero byte")
    if ch == "\t":
        return tr("a tab")
    if ch == "\n":
        return tr("a line break")
    if ch == "\r":
        return tr("a carriage return")
    if ch == "\x08":
        return tr("a backspace")
    if ch == "\x0b":
        return tr("a vertical tab")
    if ch == "\x0c":
        return tr("a page break (form feed)")
    if ch == "\x1b":
        return tr("an escape character")
    if ch == "\x7f":
        return tr("a delete character")
    if ch == "\x85":
        return tr("a 'next line' character")
    if ch == "\u2028":
        return tr("an invisible line separator")
    if ch == "\u2029":
        return tr("an invisible paragraph separator")
    if ch in "\ufffe\uffff":
        return tr("a non-character")
    if ch == "\u00a0":
        return tr("a non-breaking space")
    if ch == "\u202f":
        return tr("a narrow non-breaking space")
    if ch == "\u200b":
        return tr("an invisible zero-width space")
    if ch == "\u200c":
        return tr("an invisible zero-width non-joiner")
    if ch == "\u200d":
        return tr("an invisible zero-width joiner")
    if ch == "\u00ad":
        return tr("an invisible soft hyphen")
    if ch == "\u2060":
        return tr("an invisible word joiner")
    if ch == "\u3000":
        return tr("a wide (ideographic) space")
    if ch == "\ufeff":
        return tr("an invisible byte-order mark")
    return None


def _scalar_problem(value: str, mark: Any) -> YamlProblem | None:
    found = FORBIDDEN_CHARS.search(value)
    if found is None:
        return None
    return YamlProblem(
        tr("the text contains {char}, written as an escape: remove it", char=char_name(found.group())),
        mark,
    )


class _Loader(_Parser):
    """Events from libyaml in, a node tree out: iterative, with limits, refusing anchors."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)

    def compose_single(self) -> Node | None:
        """The one document of the stream as a node tree (``None`` for an empty stream)."""
        self._expect(StreamStartEvent)
        root: Node | None = None
        if not self.check_event(StreamEndEvent):
            root = self._compose_document()
            if not self.check_event(StreamEndEvent):
                event: Any = self.get_event()
                raise YamlProblem(
                    tr("the file holds more than one document (a second '---' starts here): put "
                       "one definition in each file"),
                    event.start_mark,
                )
        self._expect(StreamEndEvent)
        return root

    def _expect(self, kind: type) -> Any:
        event: Any = self.get_event()
        if not isinstance(event, kind):  # pragma: no cover - libyaml guarantees the order
            raise YamlProblem(tr("the file could not be read as YAML"), event.start_mark)
        return event

    def _compose_document(self) -> Node | None:
        self._expect(DocumentStartEvent)
        root: Node | None = None
        stack: list[Node] = []
        keys: list[Node | None] = []
        count = 0
        get_event = self.get_event
        while True:
            event: Any = get_event()
            kind = type(event)
            if kind is DocumentEndEvent:
                return root
            if kind is SequenceEndEvent or kind is MappingEndEvent:
                stack.pop().end_mark = event.end_mark
                keys.pop()
                continue
            if kind is AliasEvent:
                raise YamlProblem(
                    tr("an alias (*{name}) is used here; anchors and aliases (&name, "
                       "*name) are not supported: write the value out in full", name=event.anchor),
                    event.start_mark,
                )
            if event.anchor is not None:
                raise YamlProblem(
                    tr("an anchor (&{name}) is defined here; anchors and aliases (&name, "
                       "*name) are not supported: write the value out in full", name=event.anchor),
                    event.start_mark,
                )
            count += 1
            if count > MAX_NODES:
                raise YamlProblem(
                    tr("the file holds more than {limit:,} values: split it into several "
                       "definitions", limit=MAX_NODES),
                    event.start_mark,
                )
            new: Node
            tag = event.tag
            if kind is ScalarEvent:
                if tag is None:
                    tag = _resolve(event.value, event.implicit[0])
                elif tag == "!":  # YAML's non-specific tag: text (libyaml calls `! "12"` plain)
                    tag = _STR
                new = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
            elif kind is SequenceStartEvent:
                if tag is None or tag == "!":
                    tag = _SEQ
                new = SequenceNode(tag, [], event.start_mark, None, event.flow_style)
            elif kind is MappingStartEvent:
                if tag is None or tag == "!":
                    tag = _MAP
                new = MappingNode(tag, [], event.start_mark, None, event.flow_style)
            else:  # pragma: no cover - libyaml guarantees the order
                raise YamlProblem(tr("the file could not be read as YAML"), event.start_mark)
            if stack:
                parent = stack[-1]
                if type(parent) is SequenceNode:
                    parent.value.append(new)
                elif keys[-1] is None:
                    keys[-1] = new
                else:
                    parent.value.append((keys[-1], new))
                    keys[-1] = None
            else:
                root = new
            if kind is not ScalarEvent:
                if len(stack) >= MAX_DEPTH:
                    raise YamlProblem(
                        tr("the data is nested more than {limit} levels deep here: check the "
                           "indentation and the brackets", limit=MAX_DEPTH),
                        event.start_mark,
                    )
                stack.append(new)
                keys.append(None)


class _Builder:
    """Node tree -> plain dicts, lists and scalars. Collects duplicate keys; stops at the rest."""

    def __init__(self) -> None:
        self.duplicates: list[YamlProblem] = []

    def build(self, node: Node) -> Any:
        tag = node.tag
        if isinstance(node, ScalarNode):
            return self._scalar(node, tag)
        if isinstance(node, SequenceNode):
            if tag != _SEQ:
                raise self._bad_tag(node)
            return [self.build(item) for item in node.value]
        if isinstance(node, MappingNode):
            if tag != _MAP:
                raise self._bad_tag(node)
            return self._mapping(node)
        raise YamlProblem(tr("the file could not be read as YAML"), node.start_mark)  # pragma: no cover

    def _bad_tag(self, node: Node) -> YamlProblem:
        tag = node.tag
        if tag.startswith("tag:yaml.org,2002:"):
            tag = "!!" + tag.removeprefix("tag:yaml.org,2002:")
        if node.tag in _SHORT_TAGS:
            if isinstance(node, SequenceNode):
                said = tr("the tag {tag} does not fit a list: remove the tag", tag=tag)
            elif isinstance(node, MappingNode):
                said = tr("the tag {tag} does not fit a group of fields: remove the tag", tag=tag)
            else:
                said = tr("the tag {tag} does not fit a single value: remove the tag", tag=tag)
            return YamlProblem(said, node.start_mark)
        return YamlProblem(
            tr("the tag {tag} is not supported: remove it and write a plain value", tag=shorten(tag, 50)[1:-1]),
            node.start_mark,
        )

    def _scalar(self, node: ScalarNode, tag: str) -> Any:
        value: str = node.value
        mark = node.start_mark
        if tag == _STR:
            problem = _scalar_problem(value, mark)
            if problem:
                raise problem
            return value
        if tag == _NULL:
            if not _NULL_RE.match(value):
                raise YamlProblem(tr("{value} is marked empty (!!null) but is not: remove the tag", value=shorten(value)),
                                  mark)
            return None
        if tag == _BOOL:
            if not _BOOL_RE.match(value):
                raise YamlProblem(
                    tr("{value} is marked true/false (!!bool) but is neither: write true or false",
                       value=shorten(value)),
                    mark,
                )
            return value.lower() == "true"
        if tag == _INT:
            if not _TAGGED_INT_RE.match(value):
                raise YamlProblem(
                    tr("{value} is marked as a whole number (!!int) but is not one: "
                       "write digits only, or remove the tag", value=shorten(value)),
                    mark,
                )
            if len(value.lstrip("+-")) > MAX_DIGITS:
                raise YamlProblem(
                    tr("the number {value} is too large: at most {limit} digits are allowed",
                       value=shorten(value), limit=MAX_DIGITS),
                    mark,
                )
            return int(value)
        if tag == _FLOAT:
            if not _TAGGED_FLOAT_RE.match(value):
                raise YamlProblem(
                    tr("{value} is marked as a number (!!float) but is not one: "
                       "write a number like 0.25, or remove the tag", value=shorten(value)),
                    mark,
                )
            number = float(value)
            if not math.isfinite(number) or abs(number) >= 10.0**MAX_DIGITS:
                raise YamlProblem(
                    tr("the number {value} is too large: at most {limit} digits are allowed",
                       value=shorten(value), limit=MAX_DIGITS),
                    mark,
                )
            if len(value) > 2 * MAX_DIGITS + 2:
                raise YamlProblem(
                    tr("the number {value} has too many digits: write at most {limit}",
                       value=shorten(value), limit=2 * MAX_DIGITS),
                    mark,
                )
            return number
        if tag == _MERGE:
            raise YamlProblem(tr("merge keys (<<) are not supported: write the fields out in full"), mark)
        raise self._bad_tag(node)

    def _mapping(self, node: MappingNode) -> dict[Any, Any]:
        mapping: dict[Any, Any] = {}
        lines: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE or (
                isinstance(key_node, ScalarNode) and key_node.value == "<<" and not key_node.style
            ):
                raise YamlProblem(
                    tr("merge keys (<<) are not supported: write the fields out in full"),
                    key_node.start_mark,
                )
            if not isinstance(key_node, ScalarNode):
                raise YamlProblem(
                    tr("a key must be a plain word, not a list or a group of fields"),
                    key_node.start_mark,
                )
            key = self.build(key_node)
            if not isinstance(key, str):
                if key is None:
                    what = tr("this key is empty (~ or null)")
                elif isinstance(key, bool):
                    what = tr("this key is {value} (true/false)", value=str(key).lower())
                else:
                    what = tr("this key is the number {number}", number=key)
                raise YamlProblem(
                    tr("{what}: a key must be a field name like 'title'; put it in quotes if it "
                       "is meant as text", what=what),
                    key_node.start_mark,
                )
            line = key_node.start_mark.line + 1
            if key in mapping:
                shown = shorten(key)
                if lines[key] == line:
                    said = tr("the key {key} appears twice, on line {line}: keep only one", key=shown, line=line)
                else:
                    said = tr("the key {key} appears twice, on line {first} and line {line}: keep only one",
                              key=shown, first=lines[key], line=line)
                self.duplicates.append(YamlProblem(said, key_node.start_mark))
                continue
            lines[key] = line
            mapping[key] = self.build(value_node)
        return mapping


@dataclass(frozen=True)
class Parsed:
    """The outcome of reading one file: data, or the problems that stopped it; and warnings
    about data that was read but is likely not what the author meant (:func:`comment_cuts`)."""

    data: Any
    problems: tuple[Diagnostic, ...] = ()
    text: str = ""
    warnings: tuple[Diagnostic, ...] = ()


def _plain_words() -> tuple[tuple[str, str], ...]:
    """libyaml's problems (English, as libyaml words them) and what each is, in plain words."""
    return (
        ("found character '\\t' that cannot start any token", tr("a tab is used here: YAML needs spaces")),
        ("found a tab character", tr("a tab is used here: YAML needs spaces for indentation")),
        ("mapping values are not allowed in this context", tr("a ':' is not allowed here: put text with ': ' in quotes, or check the indentation")),
        ("mapping values are not allowed here", tr("a ':' is not allowed here: put text with ': ' in quotes, or check the indentation")),
        ("could not find expected ':'", tr("a ':' is missing after a key, or a quote is not closed")),
        ("expected <block end>, but found", tr("the indentation does not line up with the lines above")),
        ("found unexpected end of stream", tr("the file ends too early: a quote or bracket is not closed")),
        ("found unknown escape character", tr("an unknown escape (backslash) sequence in a double-quoted text: write \\\\ for a backslash, or use single quotes")),
        ("did not find expected hexdecimal number", tr("a backslash in double quotes starts an escape like \\n or \\u00e9, and this one is not complete: write \\\\ for a backslash, or use single quotes")),
        ("found invalid Unicode character escape code", tr("this escape (backslash) sequence is not a valid character: remove it")),
        ("expected escape sequence of", tr("an escape (backslash) sequence in a double-quoted text is cut short: write \\\\ for a backslash, or use single quotes")),
        ("special characters are not allowed", tr("the file contains a control character that is not allowed")),
        ("found unexpected document separator", tr("a '---' or '...' line is inside a quoted text: close the quote before it")),
        ("while scanning a quoted scalar", tr("a quoted text is not closed")),
        ("did not find expected key", tr("a line does not line up with the keys around it, or a '-' is misplaced")),
        ("did not find expected node content", tr("a value is missing or starts with a character YAML does not allow")),
        ("did not find expected '-' indicator", tr("a list item ('- ') is expected here: check the indentation")),
        ("found character that cannot start any token", tr("this character cannot start a value: put the value in quotes")),
        ("did not find expected ',' or ']'", tr("a '[' list is not closed with ']'")),
        ("did not find expected ',' or '}'", tr("a '{opens}' group is not closed with '{closes}'", opens="{", closes="}")),
        ("did not find expected comment or line break", tr("there is something after the value on this line: put the whole value in quotes")),
        ("did not find expected tag URI", tr("a tag ('!...') is written wrongly: remove it")),
        ("did not find URI escaped octet", tr("a tag ('!...') is written wrongly: remove it")),
        ("found undefined tag handle", tr("a tag ('!...') is written wrongly: remove it")),
        ("found duplicate %YAML directive", tr("the file has two '%YAML' lines: remove them")),
        ("found incompatible YAML document", tr("only YAML version 1.x is supported: remove the '%YAML' line")),
        ("found duplicate %TAG directive", tr("the file has two '%TAG' lines for the same tag: remove them")),
        ("did not find expected <document start>", tr("a '%' line must be followed by '---': remove the '%' line")),
        ("found unexpected ':'", tr("a ':' is not allowed here: put the text in quotes")),
        ("block sequence entries are not allowed", tr("a list item ('- ') is not allowed here: put it on its own line under a key")),
        ("could not find expected", tr("the file ends too early or a line does not line up")),
        ("found a colon", tr("a ':' is not allowed here: put the text in quotes")),
        ("found unknown escape", tr("an unknown escape (backslash) sequence in a double-quoted text")),
        ("found undefined alias", tr("an alias (*name) is used: aliases are not supported")),
        ("found duplicate anchor", tr("the same anchor is defined twice: anchors are not supported")),
        ("found unhashable key", tr("a key must be a plain word, not a list or mapping")),
        ("control characters are not allowed", tr("the file contains a control character that is not allowed")),
    )


def plain_words(problem: str) -> str:
    for needle, words in _plain_words():
        if needle in problem:
            return words
    return tr("the file is not valid YAML here: check the quotes, brackets and indentation")


def _line_starts(text: str, end: int) -> tuple[int, int]:
    """(number of line breaks before ``end``, offset where its line starts), as libyaml counts."""
    line = 0
    start = 0
    for match in _LINE_BREAK.finditer(text, 0, end):
        line += 1
        start = match.end()
    return line, start


def _locate_offset(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset (lines end at \\n, \\r\\n or \\r)."""
    line, start = _line_starts(text, offset)
    return line + 1, offset - start + 1


def _char_at(text: str, line: int, column: int) -> str:
    lines = _LINE_BREAK.split(text, line + 1)
    if line < len(lines) and column < len(lines[line]):
        return lines[line][column]
    return ""


def _looks_utf16(raw: bytes) -> str | None:
    """``UTF-16``/``UTF-32`` when zero bytes fall where those encodings put them."""
    head = raw[:400]
    if len(head) < 4 or b"\x00" not in head:
        return None
    if head[1::4].count(0) + head[2::4].count(0) + head[3::4].count(0) > 0.9 * 3 * (len(head) // 4) or (
        head[0::4].count(0) + head[1::4].count(0) + head[2::4].count(0) > 0.9 * 3 * (len(head) // 4)
    ):
        return "UTF-32"
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if max(even, odd) > 0.4 * (len(head) // 2):
        return "UTF-16"
    return None


def decode(raw: bytes, display: str) -> str | Diagnostic:
    """UTF-8 text of a file (a BOM is allowed), or where the first bad byte is."""
    encoding = None
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        encoding = "UTF-32"
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "UTF-16"
    else:
        encoding = _looks_utf16(raw)
    if encoding:
        return Diagnostic(
            display, 1, 1, "", tr("the file is saved as {encoding}: save it as UTF-8 (in most editors: "
                                  "'Save as' > encoding 'UTF-8').", encoding=encoding)
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8")
        line, col = _locate_offset(good, len(good))
        return Diagnostic(
            display,
            line,
            col,
            "",
            tr("the file is not saved as UTF-8: the byte 0x{byte:02X} here is not valid "
               "UTF-8 (the file may be saved as Windows-1250 or ISO-8859-2): save it as UTF-8.", byte=raw[exc.start]),
        )


def _forbidden_char(text: str, display: str) -> Diagnostic | None:
    found = FORBIDDEN_CHARS.search(text)
    if found is None:
        return None
    line, col = _locate_offset(text, found.start())
    return Diagnostic(display, line, col, "YAML", tr("the file contains {char}: remove it.", char=char_name(found.group())))


def _read(text: str) -> tuple[Any, list[YamlProblem]]:
    loader = _Loader(text)
    try:
        root = loader.compose_single()
    finally:
        loader.dispose()
    if root is None:
        return None, []
    builder = _Builder()
    data = builder.build(root)
    return data, builder.duplicates


def parse_text(text: str, display: str) -> Parsed:
    """Parse ``text`` into plain data; every problem comes back as a located diagnostic."""
    bad = _forbidden_char(text, display)
    if bad is not None:
        return Parsed(None, (bad,), text)
    cut = _MAYBE_CUT.search(text) is not None  # then the positions are needed: the full reader
    # likewise; the search for '.' and three digits first, as it is 30 times quicker
    dotted = _DOT_AND_THREE.search(text) is not None and _MAYBE_DOTTED.search(text) is not None
    # likewise; a typographic quote at all first (no file of the example has one)
    quoted = any(q in text for q in TYPOGRAPHIC_QUOTES) and _MAYBE_QUOTED.search(text) is not None
    fast = None if cut or dotted or quoted else fastyaml.read(text, max_depth=MAX_DEPTH, max_nodes=MAX_NODES, max_digits=MAX_DIGITS)
    if fast is not None:  # never a text with a space-like character where a value starts
        return Parsed(fast, (), text)
    try:
        data, duplicates = _read(text)
    except YamlProblem as exc:
        return Parsed(None, (_at(display, exc.mark, "YAML", exc.message),), text)
    except yaml.reader.ReaderError as exc:
        line, col = _locate_offset(text, exc.position)
        message = tr("the file contains {char}: remove it.", char=char_name(chr(exc.character)))
        return Parsed(None, (Diagnostic(display, line, col, "YAML", message),), text)
    except yaml.MarkedYAMLError as exc:
        mark, message = syntax_problem(text, exc)
        odd = _odd_space_before(text, mark.line if mark is not None else 1 << 30)
        if odd is not None:
            return Parsed(None, (_odd_at(display, odd),), text)
        return Parsed(None, (_at(display, mark, tr("YAML syntax"), message),), text)
    except yaml.YAMLError as exc:
        return Parsed(None, (_at(display, None, tr("YAML syntax"), plain_words(str(exc))),), text)
    if duplicates:
        return Parsed(None, tuple(_at(display, p.mark, "YAML", p.message) for p in duplicates), text)
    odd = _misread_odd_space(text)
    if odd is not None:
        return Parsed(None, (_odd_at(display, odd),), text)
    scalars = list(_plain_scalars(compose(text)))
    warned = ((comment_cuts(text, display, scalars) if cut else ())
              + (dotted_thousands(display, scalars) if dotted else ())
              + (typographic_quotes(display, scalars) if quoted else ()))
    return Parsed(data, (), text, tuple(sorted(warned)))


#: A line with something, then a space and a '#' right before a word (``title: Lead #1``): maybe a
#: value YAML cut short at a comment. Comments are written '# like this'; '#1', '#tag' is text.
_MAYBE_CUT = re.compile(r"^[ \t]*[^\s#][^\n]*?[ \t]#[^\s#]", re.MULTILINE)
_CUT_AT = re.compile(r"[ \t]+#([^\s#][^\r\n]*)")


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def comment_cuts(text: str, display: str, scalars: list[tuple[Loc, ScalarNode]]) -> tuple[Diagnostic, ...]:
    """Warnings for plain (unquoted) values that YAML ended at a ``#`` the author meant as text:
    in ``title: Lead #1 priority`` the title is 'Lead', and '#1 priority' a comment. A comment
    written '# like this' (a space after the '#', as ``playbook new`` writes them) is left alone."""
    lines = _LINE_BREAK.split(text)
    found: list[Diagnostic] = []
    for loc, node in scalars:
        end = node.end_mark
        after = _CUT_AT.match(lines[end.line], end.column) if node.value and end.line < len(lines) else None
        if after is not None:
            rest = _clip(after.group(1).rstrip())
            found.append(Diagnostic(
                display, end.line + 1, after.start(1), loc_text(loc),
                tr("the value ends before '#{rest}': YAML reads ' #' and what follows as a comment, "
                   "so the value is '{value}'. If '#{rest}' belongs to it, put the "
                   "whole text in quotes (\"...\").", rest=rest, value=_clip(node.value)),
                severity="warning",
            ))
    return tuple(sorted(found))


#: A number like ``1.200`` or ``12.500``: YAML reads one point two, twelve and a half; people who
#: write a dot between thousands (as Polish and German do) mean 1200 and 12500.
_DOTTED = re.compile(r"[-+]?[1-9][0-9]{0,2}\.[0-9]{3}")
_DOT_AND_THREE = re.compile(r"\.[0-9]{3}")
_MAYBE_DOTTED = re.compile(r"[\s:,\[-][-+]?[1-9][0-9]{0,2}\.[0-9]{3}[ \t]*(?:[,\]}]|#|$)", re.MULTILINE)


def dotted_thousands(display: str, scalars: list[tuple[Loc, ScalarNode]]) -> tuple[Diagnostic, ...]:
    """Warnings for plain numbers written with three digits after a dot (``1.200``): a number,
    but maybe not the one meant. Quoted, they are text, and said so where a number is wanted."""
    found = []
    for loc, node in scalars:
        if _DOTTED.fullmatch(node.value):
            whole = node.value.replace(".", "").lstrip("+")
            read = f"{float(node.value):g}"
            # the decimal meant, written so that this is not said again: 1.2 for 1.200, 1.2550
            # for 1.255 (a fourth decimal is no thousands)
            decimal = read if len(read) < len(node.value.lstrip("+")) else node.value.lstrip("+") + "0"
            found.append(Diagnostic(
                display, node.start_mark.line + 1, node.start_mark.column + 1, loc_text(loc),
                tr("{value} is read as {read}, with a dot before the decimals. If you mean "
                   "{whole}, write it without the dot; if you mean {read}, write {decimal}.",
                   value=node.value, read=read, whole=whole, decimal=decimal),
                severity="warning",
            ))
    return tuple(found)


#: A value that may start with a typographic quote (“, „, «, ‘...), as pasted from a word processor.
_MAYBE_QUOTED = re.compile(f"[:-][ \t]+[{TYPOGRAPHIC_QUOTES}]")


def typographic_quotes(display: str, scalars: list[tuple[Loc, ScalarNode]]) -> tuple[Diagnostic, ...]:
    """Warnings for a text wrapped whole in typographic quotes (``title: “Przychód z odnowień”``,
    pasted from a word processor): YAML does not read them as quotes, so the page shows them.
    A text of one word is left to the checks of ids and numbers, which say it as an error."""
    found = []
    for loc, node in scalars:
        value = node.value
        if in_typographic_quotes(value) and " " in value.strip(TYPOGRAPHIC_QUOTES):
            found.append(Diagnostic(
                display, node.start_mark.line + 1, node.start_mark.column + 1, loc_text(loc),
                tr("the text is in typographic quotes ({first} {last}), which YAML does not read as "
                   "quotes: the page shows them. Remove them (a text needs no quotes); if they are "
                   "meant to be shown, put the whole text in straight quotes: '{value}'.",
                   first=value[0], last=value[-1], value=_clip(value)),
                severity="warning",
            ))
    return tuple(found)


def _odd_at(display: str, odd: _OddSpace) -> Diagnostic:
    return Diagnostic(display, odd.line + 1, odd.column + 1, "YAML", odd.message + ".")


def syntax_problem(text: str, exc: yaml.MarkedYAMLError) -> tuple[Any, str]:
    """Where a YAML syntax error is (a mark, or ``None``) and what it is, in plain words."""
    mark = exc.problem_mark or exc.context_mark
    message = plain_words(f"{exc.problem or ''} {exc.context or ''}")
    if exc.context in ("while scanning an alias", "while scanning an anchor") and exc.context_mark:
        # '* item' (a Markdown list pasted in) or '& more': said at the '*' or '&' itself
        mark = exc.context_mark
        sign = "*" if exc.context.endswith("alias") else "&"
        message = tr("a value cannot start with '{sign}' and a space: for a list, start each item "
                     "with '- ' (a hyphen and a space); for a text that starts with '{sign}', put it "
                     "in quotes", sign=sign)
    elif exc.context == "while scanning a quoted scalar" and exc.context_mark is not None \
            and "end of stream" in (exc.problem or ""):
        # 'title: "Plan' with no closing quote: the end of the file is no place to look for it
        mark = exc.context_mark
        opening = _char_at(text, mark.line, mark.column) or '"'
        message = tr("this quoted text is never closed: the file ends before its closing {quote}. "
                     "Put the {quote} where the text ends", quote=opening)
    elif exc.context in _FLOW and exc.context_mark is not None and mark is not None \
            and mark.line != exc.context_mark.line \
            and _FLOW[exc.context][1] not in _LINE_BREAK.split(text, exc.context_mark.line + 1)[
                exc.context_mark.line][exc.context_mark.column:]:
        # 'tags: [a, b' and the next key: said at the '[', not at the innocent line after it
        opens, closes = _FLOW[exc.context]
        following = _LINE_BREAK.split(text)[mark.line:]
        at_end = not (following and (following[0][mark.column:] + "".join(following[1:])).strip())
        place = {"opens": opens, "closes": closes, "line": mark.line + 1, "column": mark.column + 1}
        mark = exc.context_mark
        if opens == "[" and at_end:
            message = tr("this '{opens}' list is not closed with '{closes}': YAML was still reading it at "
                         "the end of the file", **place)
        elif opens == "[":
            message = tr("this '{opens}' list is not closed with '{closes}': YAML was still reading it at "
                         "line {line}, column {column}", **place)
        elif at_end:
            message = tr("this '{opens}' group is not closed with '{closes}': YAML was still reading it at "
                         "the end of the file", **place)
        else:
            message = tr("this '{opens}' group is not closed with '{closes}': YAML was still reading it at "
                         "line {line}, column {column}", **place)
    elif (opened := _unclosed_quote(text, mark)) is not None:
        mark, message = opened
    elif exc.context == "while scanning a simple key" and exc.context_mark is not None \
            and mark is not None and exc.context_mark.line < mark.line:
        # '  pl: Kierownik' then '  Head of Marketing': libyaml looks for the ':' on the next
        # line; the mistake is the line of text without a key, said there
        mark = exc.context_mark
        message = tr("this line has no key: {hint}", hint=_missing_key_hint(text, mark.line, mark.column))
    elif mark is not None and _char_at(text, mark.line, mark.column) == "\t":
        message = tr("a tab is used here: YAML needs spaces for indentation")
        rest = _LINE_BREAK.split(text, mark.line + 1)[mark.line][mark.column:].strip(" \t")
        if not rest:  # a line that looks empty
            message = tr("this line looks empty but starts with a tab, which YAML does not allow at the "
                         "start of a line: delete the tab")
        elif rest.startswith("#"):  # a line with only a comment
            message = tr("this line holds only a comment but starts with a tab, which YAML does not allow "
                         "at the start of a line: delete the tab")
    elif (short := _short_line_in_block(text, mark)) is not None:
        message = short
    elif (pasted := _pasted_list_mark(text, mark)) is not None:
        # '- one' then '– two' (a list typed in Word): libyaml wants a '-' where the '–' stands
        mark, message = pasted
    elif mark is not None:
        message = _after_quote(text, mark.line, mark.column) or message
        lines = _LINE_BREAK.split(text, mark.line + 1)
        line = lines[mark.line] if mark.line < len(lines) else ""
        quote = _TYPOGRAPHIC_OPEN.search(line[: mark.column + 1])
        if quote:  # title: “Step one: plan” (Word's or an e-mail's quotes do not quote)
            message += tr(". The quote {quote} here is a typographic one, which YAML does "
                          "not read as a quote: type straight quotes (\") instead", quote=quote.group(1))
    return mark, message


#: A key whose text follows on the next lines: ``en: >-``, ``description: |``.
_BLOCK_HEADER = re.compile(r"[ ]*(?:-[ ]+)?[^\s#][^#]*?:[ ]+[>|][-+0-9]*[ ]*(?:#.*)?")


def _short_line_in_block(text: str, mark: Any) -> str | None:
    """A line of a ``>-`` text indented less than the text's first line, but more than its key:
    YAML ends the text above it and reads this line as a key, which it is not. Said with the
    number of spaces the text's lines start with."""
    if mark is None:
        return None
    lines = _LINE_BREAK.split(text)
    if mark.line >= len(lines):
        return None
    line = lines[mark.line]
    indent = len(line) - len(line.lstrip(" "))
    if not line.strip() or mark.column != indent:
        return None
    first = None
    for at in range(mark.line - 1, -1, -1):
        above = lines[at]
        if not above.strip():
            continue
        spaces = len(above) - len(above.lstrip(" "))
        if spaces > indent:
            first = (at, spaces)
            continue
        if first is None or spaces >= indent or not _BLOCK_HEADER.fullmatch(above):
            return None
        return tr("this line is indented less than the text it goes on from (the text after "
                  "'{sign}' on line {line}), so YAML does not read it as part of that text: start "
                  "it with {n} spaces, as the lines above it", sign=above.split(":")[-1].strip().split()[0],
                  line=at + 1, n=first[1])
    return None


#: What a word processor, an e-mail or a web page makes of a list's '- ': a dash or a bullet.
_PASTED_LIST_MARK = re.compile("[ ]*([\u2010-\u2015\u2022\u2023\u2043\u2219\u25aa\u25cf\u25e6\u00b7\u2212])[ \u00a0]")


def _pasted_list_mark(text: str, mark: Any) -> tuple[Any, str] | None:
    """A line among a list's items that starts with a dash or a bullet instead of the '-' (a list
    pasted from Word): where libyaml stumbles on it, said at that character, with what to type."""
    if mark is None:
        return None
    lines = _LINE_BREAK.split(text, mark.line + 1)
    at = mark.line
    line = lines[at] if at < len(lines) else ""
    found = _PASTED_LIST_MARK.match(line)
    if found is not None and found.start(1) < mark.column:
        return None
    if found is None and line.strip():
        # '• id: x' then '    title: y': libyaml stumbles on the field under the bulleted one
        indent = len(line) - len(line.lstrip(" "))
        for at in range(mark.line - 1, -1, -1):
            above = lines[at]
            if above.strip() and not above.lstrip().startswith("#") \
                    and len(above) - len(above.lstrip(" ")) < indent:
                found = _PASTED_LIST_MARK.match(above)
                break
    if found is None:
        return None
    char = found.group(1)
    return (
        yaml.Mark("", 0, at, found.start(1), "", 0),
        tr("this line starts with '{mark}' (U+{code:04X}), not with the '-' of a list item: type "
           "'- ' (a hyphen and a space) instead", mark=char, code=ord(char)),
    )


#: A key line of one language's text: ``pl: ...``, ``en: ...``.
_LANGUAGE_KEY = re.compile(r"(pl|en):(?:[ \t]|$)")


def _missing_key_hint(text: str, line: int, column: int) -> str:
    """What to write before a line of text that has no key: the missing language's key, when the
    line above at the same indentation is the other language's text."""
    lines = _LINE_BREAK.split(text)
    for above in reversed(lines[:line]):
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        indent = len(above) - len(above.lstrip(" "))
        if indent > column:  # a line of a text further in (a '>-' block): look above it
            continue
        key = _LANGUAGE_KEY.match(above[column:]) if indent == column else None
        if key is not None:
            if key.group(1) == "pl":
                return tr("if it is the English text, write 'en: ' before it")
            return tr("if it is the Polish text, write 'pl: ' before it")
        break
    return tr("write the key and ':' before the text, like 'title: text'; if it goes on from the "
              "text above, indent it further than that text's key")


_ScanLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FLOW = {"while parsing a flow sequence": ("[", "]"), "while parsing a flow mapping": ("{", "}")}

#: A line inside a quoted text that reads like YAML: a key and ':', or a list item.
_LOOKS_LIKE_YAML = re.compile(r"[ \t]*(?:-[ \t]|[^\s#'\"-][^:\n]*:(?:[ \t]|$))")


def _unclosed_quote(text: str, mark: Any) -> tuple[Any, str] | None:
    """``pl: "Plan`` with the quote not closed on its line, and a later line's quote closing it:
    libyaml stumbles right after that later quote, on a line with nothing wrong. When the text
    just before ``mark`` is a quoted text that began on an earlier line and runs over lines
    that read as keys or list items, the mistake is its opening quote: said there."""
    if mark is None:
        return None
    last: Any = None
    try:
        for token in yaml.scan(text, Loader=_ScanLoader):
            if (token.end_mark.line, token.end_mark.column) > (mark.line, mark.column):
                break
            last = token
    except yaml.YAMLError:
        pass
    if not isinstance(last, yaml.ScalarToken) or last.style not in ('"', "'"):
        return None
    start, end = last.start_mark, last.end_mark
    lines = _LINE_BREAK.split(text)
    if start.line >= end.line or end.line != mark.line \
            or lines[mark.line][end.column:mark.column].strip(" \t") \
            or not any(_LOOKS_LIKE_YAML.match(row) for row in lines[start.line + 1:end.line + 1]):
        return None
    return start, tr("this quoted text is not closed on its line, so YAML reads the lines after it "
                     "as part of the text, up to the {quote} on line {line}: close the "
                     "quote on this line", quote=last.style, line=end.line + 1)


#: A value that starts with a typographic quote (after a key's ':', a '- ', '[' or ',').
_TYPOGRAPHIC_OPEN = re.compile("(?:^|[:,\\[{-])[ ]*([\u201c\u201e\u2018\u201a\u00ab\u00bb\u201d])")


def _after_quote_words(quote: str) -> str:
    """How to write a text with ``quote`` inside it, quoted: what :func:`_after_quote` says."""
    if quote == "'":
        return tr("the text goes on after its closing quote ('): inside '...' write a quote twice "
                  "('Don''t'), or put the whole text in double quotes (\"Don't\")")
    return tr('the text goes on after its closing quote ("): inside "..." write a quote as \\" '
              "(\"Cel \\\"A\\\" 2027\"), or put the whole text in single quotes ('Cel \"A\" 2027')")


def _after_quote(text: str, line: int, column: int) -> str | None:
    """``summary: 'Don't do it'``: libyaml reads 'Don' and then stumbles on the rest, at a place
    it describes as misaligned keys. Said as what it is, when the text before the place is a
    quoted text that closed too early."""
    lines = text.splitlines()
    if line >= len(lines) or column >= len(lines[line]) or lines[line][column] in " #,:]}":
        return None
    before = lines[line][:column].rstrip(" ")
    quote = before[-1:]
    if quote not in ("'", '"') or before[:-1].count(quote) < 1:
        return None
    return _after_quote_words(quote)


def too_big(size: int, display: str) -> Diagnostic:
    return Diagnostic(
        display,
        1,
        1,
        "",
        tr("the file is {size:,} bytes, over the limit of {limit:,} bytes: split it into "
           "smaller files.", size=size, limit=MAX_BYTES),
    )


def parse_bytes(raw: bytes, display: str) -> Parsed:
    if len(raw) > MAX_BYTES:
        return Parsed(None, (too_big(len(raw), display),))
    text = decode(raw, display)
    if isinstance(text, Diagnostic):
        return Parsed(None, (text,))
    return parse_text(text, display)


@lru_cache(maxsize=8)
def compose(text: str) -> Node | None:
    """The node tree of a text that parsed before: it carries the line and column of each value.

    Cached, because each located message of a file asks for it (the tree is never modified).
    """
    loader = _Loader(text)
    try:
        return loader.compose_single()
    finally:
        loader.dispose()


def _at(display: str, mark: Any, where: str, message: str) -> Diagnostic:
    message = message.strip()
    if message and not message.endswith((".", "?", "!")):
        message += "."
    line = mark.line + 1 if mark is not None else 1
    col = mark.column + 1 if mark is not None else 1
    return Diagnostic(display, line, col, where, message)


Loc = tuple[str | int, ...]


def locate(root: Node | None, loc: Loc, at_key: bool = False) -> tuple[int, int, Loc]:
    """Line and column (1-based) of ``loc`` in a node tree, and the loc as the YAML spells it.

    Parts of ``loc`` that are not keys of the YAML (pydantic's union tags) are skipped. A key
    that is missing points at the mapping that should hold it; ``at_key`` points at the key of
    the last part instead of its value (for unknown fields).
    """
    node = root
    shown: list[str | int] = []
    if node is None:
        return 1, 1, loc
    point = node.start_mark
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(node, MappingNode):
            found = None
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode) and key_node.value == str(part):
                    found = (key_node, value_node)
                    break
            if found is None:
                if isinstance(part, str) and part.startswith("__") and part.endswith("__"):
                    continue  # a union tag of ours (``__text__``), never a key
                if last or isinstance(part, int):
                    shown.append(part)
                    point = node.start_mark
                    break
                continue  # a union tag, not a key
            shown.append(part)
            node = found[1]
            point = found[0].start_mark if last and (at_key or _points_at_key(node)) else node.start_mark
        elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
            shown.append(part)
            node = node.value[part]
            point = node.start_mark
        else:
            if isinstance(part, str) and (not last or isinstance(node, ScalarNode)):
                continue  # a union tag ("int", "float") under a plain value
            shown.append(part)
            break
    return point.line + 1, point.column + 1, tuple(shown)


def place_in_scalar(root: Node | None, loc: Loc, text: str, line: int, column: int) -> tuple[int, int] | None:
    """The file's line and column of the place (``line``, ``column``: 1-based, in the value's own
    text) inside the text value at ``loc``, when the file holds that text as it is: a one-line
    plain or quoted value (no escapes before the place), or a literal block (``|``). ``None``
    otherwise (a folded or escaped text): then the value's own place and words are given."""
    node = root
    for part in loc:
        if isinstance(node, MappingNode):
            node = next((v for k, v in node.value if isinstance(k, ScalarNode) and k.value == str(part)), None)
        elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            return None
    if not isinstance(node, ScalarNode):
        return None
    lines = text.splitlines()
    start = node.start_mark
    wanted = node.value.split("\n")
    if line > len(wanted) or start.line >= len(lines):
        return None
    if node.style in (None, "", "'", '"') and line == 1 and len(wanted) == 1:  # "": plain (libyaml)
        skip = 0 if not node.style else 1
        raw = lines[start.line][start.column + skip:]
        if raw[: column - 1] == wanted[0][: column - 1]:
            return start.line + 1, start.column + skip + column
        return None
    if node.style == "|":
        first = start.line + 1  # the line after the '|'
        content = lines[first:first + len(wanted)]
        indent = next((len(x) - len(x.lstrip(" ")) for x in content if x.strip()), None)
        if indent is None or len(content) < line or content[line - 1][indent:] != wanted[line - 1]:
            return None
        return first + line, indent + column
    return None


def _points_at_key(value: Node) -> bool:
    """A nested mapping or list is reported at its key, which is where a reader looks."""
    return isinstance(value, MappingNode | SequenceNode) and bool(value.value) is False


def loc_text(loc: Loc) -> str:
    """``steps[2].owner`` from ``("steps", 2, "owner")``; odd keys are quoted and shortened."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = str(part)
            if not re.fullmatch(r"[A-Za-z0-9_-]{1,40}", name):
                name = shorten(name)
            out += f".{name}" if out else name
    return out
