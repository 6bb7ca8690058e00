"""Reading one YAML file: bytes -> text -> data, or a located, plain-words error.

Why PyYAML's C parser with our own resolver and constructor, and not ruamel.yaml: the C parser is
about 5x faster, and valid files (the common case) need no positions. Positions are only needed
for files with errors, and the same parser gives them by composing the node tree again
(:func:`compose`). The resolver follows YAML 1.2's core schema, narrowed further, so that ``NO``,
``off``, ``012`` and ``12:30`` stay text instead of silently becoming booleans or numbers. The
constructor rejects what a data file never needs and an attacker loves: duplicate keys (PyYAML
would keep the last one silently), aliases (the "billion laughs"), merge keys and custom tags.
Nothing here touches PyYAML's global state: the classes below are our own subclasses.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any, ClassVar

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from .errors import Diagnostic

#: Largest YAML file accepted; a playbook definition is a few kilobytes.
MAX_BYTES = 1_000_000

try:  # pragma: no branch
    from yaml._yaml import CParser as _Parser

    HAVE_C = True
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)

    HAVE_C = False


class _Resolver(BaseResolver):
    """YAML 1.2 core schema, narrowed: only these plain scalars are not text."""


_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:0|[1-9][0-9]*)\.[0-9]+$"),
    list("-+0123456789"),
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


class YamlProblem(Exception):
    """A problem found while constructing data, with the node where it is."""

    def __init__(self, message: str, mark: Any) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


class _Constructor(SafeConstructor):
    """Builds plain dicts, lists and scalars; refuses duplicates, aliases, merges, odd tags."""

    yaml_constructors: ClassVar[dict[Any, Any]] = {}
    yaml_multi_constructors: ClassVar[dict[Any, Any]] = {}

    def __init__(self) -> None:
        super().__init__()
        self.duplicates: list[YamlProblem] = []

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise YamlProblem(
                "anchors and aliases (&name and *name) are not supported: write the value out "
                "in full",
                node.start_mark,
            )
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping: dict[Any, Any] = {}
        lines: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge" or (
                isinstance(key_node, ScalarNode) and key_node.value == "<<" and not key_node.style
            ):
                raise YamlProblem(
                    "merge keys (<<) are not supported: write the fields out in full",
                    key_node.start_mark,
                )
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, Hashable) or isinstance(key, list | dict):
                raise YamlProblem("a key must be a plain word, not a list or mapping", key_node.start_mark)
            line = key_node.start_mark.line + 1
            if key in mapping:
                self.duplicates.append(
                    YamlProblem(
                        f"the key {key!r} appears twice, on line {lines[key]} and line {line}: "
                        "keep only one",
                        key_node.start_mark,
                    )
                )
                continue
            lines[key] = line
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping

    def construct_yaml_map(self, node: MappingNode) -> Any:
        data: dict[Any, Any] = {}
        yield data
        data.update(self.construct_mapping(node))

    def construct_undefined(self, node: Node) -> Any:
        raise YamlProblem(
            f"the tag {node.tag!r} is not supported: remove it and write a plain value",
            node.start_mark,
        )


for _tag, _fn in (
    ("tag:yaml.org,2002:null", SafeConstructor.construct_yaml_null),
    ("tag:yaml.org,2002:bool", SafeConstructor.construct_yaml_bool),
    ("tag:yaml.org,2002:int", SafeConstructor.construct_yaml_int),
    ("tag:yaml.org,2002:float", SafeConstructor.construct_yaml_float),
    ("tag:yaml.org,2002:str", SafeConstructor.construct_yaml_str),
    ("tag:yaml.org,2002:seq", SafeConstructor.construct_yaml_seq),
    ("tag:yaml.org,2002:map", _Constructor.construct_yaml_map),
    (None, _Constructor.construct_undefined),
):
    _Constructor.add_constructor(_tag, _fn)  # type: ignore[type-var]


class _Loader(_Parser, _Constructor, _Resolver):
    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        _Constructor.__init__(self)
        _Resolver.__init__(self)


@dataclass(frozen=True)
class Parsed:
    """The outcome of reading one file: data, or the problems that stopped it."""

    data: Any
    problems: tuple[Diagnostic, ...] = ()
    text: str = ""


_PLAIN_WORDS: tuple[tuple[str, str], ...] = (
    ("found character '\\t' that cannot start any token", "a tab is used here: YAML needs spaces"),
    ("found a tab character", "a tab is used here: YAML needs spaces for indentation"),
    ("mapping values are not allowed in this context", "a ':' is not allowed here: put text with ': ' in quotes, or check the indentation"),
    ("mapping values are not allowed here", "a ':' is not allowed here: put text with ': ' in quotes, or check the indentation"),
    ("could not find expected ':'", "a ':' is missing after a key, or a quote is not closed"),
    ("expected <block end>, but found", "the indentation does not line up with the lines above"),
    ("expected a single document in the stream", "the file holds more than one document ('---'): put one definition in each file"),
    ("found undefined alias", "an alias (*name) is used: aliases are not supported"),
    ("found unexpected end of stream", "the file ends too early: a quote or bracket is not closed"),
    ("found unknown escape character", "an unknown escape (backslash) sequence in a double-quoted text"),
    ("special characters are not allowed", "the file contains a control character that is not allowed"),
    ("while scanning a quoted scalar", "a quoted text is not closed"),
    ("did not find expected key", "a line does not line up with the keys around it, or a '-' is misplaced"),
    ("did not find expected node content", "a value is missing or starts with a character YAML does not allow"),
    ("found character that cannot start any token", "this character cannot start a value: put the value in quotes"),
    ("did not find expected ',' or ']'", "a '[' list is not closed with ']'"),
    ("did not find expected ',' or '}'", "a '{' mapping is not closed with '}'"),
    ("found duplicate anchor", "the same anchor is defined twice: anchors are not supported"),
    ("found unhashable key", "a key must be a plain word, not a list or mapping"),
)


def plain_words(problem: str) -> str:
    for needle, words in _PLAIN_WORDS:
        if needle in problem:
            return words
    return problem


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    if line < len(lines) and column < len(lines[line]):
        return lines[line][column]
    return ""


def _locate_offset(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def decode(raw: bytes, display: str) -> str | Diagnostic:
    """UTF-8 text of a file (a BOM is allowed), or where the first bad byte is."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Diagnostic(display, 1, 1, "", "the file is saved as UTF-16: save it as UTF-8.")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8", errors="replace")
        line, col = _locate_offset(good, len(good))
        return Diagnostic(
            display,
            line,
            col,
            "",
            f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}): save it as UTF-8.",
        )


def parse_text(text: str, display: str) -> Parsed:
    """Parse ``text`` into plain data; every problem comes back as a located diagnostic."""
    try:
        loader = _Loader(text)
        data = loader.get_single_data()
    except YamlProblem as exc:
        return Parsed(None, (_at(display, exc.mark, "YAML", exc.message),), text)
    except yaml.reader.ReaderError as exc:
        line, col = _locate_offset(text, exc.position)
        message = (
            f"the file contains the control character U+{exc.character:04X}, which YAML does not "
            "allow: remove it"
        )
        return Parsed(None, (Diagnostic(display, line, col, "YAML", message + "."),), text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = plain_words(f"{exc.problem or ''} {exc.context or ''}")
        if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
            message = "a tab is used here: YAML needs spaces for indentation"
        return Parsed(None, (_at(display, mark, "YAML syntax", message),), text)
    except yaml.YAMLError as exc:
        return Parsed(None, (_at(display, None, "YAML syntax", plain_words(str(exc))),), text)
    except RecursionError:
        return Parsed(None, (Diagnostic(display, 1, 1, "YAML", "the file is nested too deeply."),), text)
    if loader.duplicates:
        return Parsed(
            None, tuple(_at(display, p.mark, "YAML", p.message) for p in loader.duplicates), text
        )
    return Parsed(data, (), text)


def parse_bytes(raw: bytes, display: str) -> Parsed:
    if len(raw) > MAX_BYTES:
        return Parsed(
            None,
            (
                Diagnostic(
                    display,
                    1,
                    1,
                    "",
                    f"the file is {len(raw):,} bytes, over the limit of {MAX_BYTES:,}: "
                    "split it into several definitions.",
                ),
            ),
        )
    text = decode(raw, display)
    if isinstance(text, Diagnostic):
        return Parsed(None, (text,))
    return parse_text(text, display)


def compose(text: str) -> Node | None:
    """The node tree of a text that parsed before: it carries the line and column of each value."""
    loader = _Loader(text)
    try:
        node: Node | None = loader.get_single_node()
        return node
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


def _points_at_key(value: Node) -> bool:
    """A nested mapping or list is reported at its key, which is where a reader looks."""
    return isinstance(value, MappingNode | SequenceNode) and bool(value.value) is False


def loc_text(loc: Loc) -> str:
    """``steps[2].owner`` from ``("steps", 2, "owner")``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
