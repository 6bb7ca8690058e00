"""A clause body split once into literal text and placeholders, for Markdown and for HTML.

Why split at build time: the browser must never parse a template, and a value must never become
markup. The author's Markdown is rendered to HTML here, once, with each placeholder replaced by a
token of private-use characters that Markdown and the sanitiser leave alone; the HTML is cleaned
with nh3 and cut at the tokens. Markdown is cut at the placeholders themselves. Filling is then
concatenation: literal segments as they are, values escaped for the format (:func:`md_escape`,
:func:`html_escape`). ``sla-form.js`` has the same two escape functions.

The token also tells where a placeholder landed: inside a table cell (a value's line breaks must
become ``<br>`` there), inside code or an attribute (refused: a value cannot be shown literally
there), or lost (inside raw HTML the sanitiser removed).
"""

from __future__ import annotations

import html
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

import markdown
import nh3

from .placeholders import PlaceholderError, find, line_col

Segment = str | dict[str, Any]

_PRIVATE = re.compile("[\ue000-\ue1ff]")
_LIST_MARKER = re.compile(r"^(\s*)([-*+]|\d{1,9}[.)])(\s+)")
DOC_TAGS = {
    "a", "b", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "li", "ol", "p", "pre", "s", "strong", "sub", "sup", "table", "tbody", "td", "th",
    "thead", "tr", "u", "ul",
}
DOC_ATTRIBUTES = {"a": {"href"}, "td": {"style"}, "th": {"style"}, "ol": {"start"}}


def token(index: int) -> str:
    return "\ue000" + chr(0xE100 + index) + "\ue001"


_TOKEN = re.compile("\ue000([\ue100-\ue1c8])\ue001")
#: ``<`` that would open raw HTML in Markdown (a tag, a closing tag, a comment or a declaration),
#: but not an autolink such as ``<https://...>`` or ``<mailto:...>``.
_RAW_HTML = re.compile(r"<(?=[A-Za-z/!?])(?!(?:https?://|mailto:))")


_ATTR_LIST = re.compile(r"(?<!\\)\{")


def defang_html(markdown_text: str) -> str:
    """The author's Markdown with raw HTML and attribute lists (``{ onclick=... }``) shown as
    text: the ``.md`` document is rendered by whatever reads it, so it must not carry markup that
    a renderer would run."""
    return _ATTR_LIST.sub(r"\{", _RAW_HTML.sub("&lt;", markdown_text))


_CONVERTERS = threading.local()


def _converter() -> markdown.Markdown:
    """This thread's Markdown converter: building one costs twice converting a clause body."""
    md: markdown.Markdown | None = getattr(_CONVERTERS, "md", None)
    if md is None:
        md = _CONVERTERS.md = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    return md


def render_markdown(text: str) -> str:
    """The author's Markdown as clean HTML: tables and lists, no raw HTML that could run."""
    raw = _converter().reset().convert(text)
    return nh3.clean(
        raw,
        tags=DOC_TAGS,
        attributes=DOC_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        strip_comments=True,
        filter_style_properties={"text-align"},
    ).strip()


@dataclass(frozen=True)
class Body:
    md: list[Segment]
    html: list[Segment]
    names: list[str]


class _Where(HTMLParser):
    """Finds each token: in text (and whether inside a table cell or code), or in an attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.found: dict[int, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for _name, value in attrs:
            for match in _TOKEN.finditer(value or ""):
                self.found.setdefault(ord(match.group(1)) - 0xE100, []).append("attribute")
        if tag not in ("br", "hr"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        for match in _TOKEN.finditer(data):
            if "code" in self.stack or "pre" in self.stack:
                place = "code"
            elif "td" in self.stack or "th" in self.stack:
                place = "table"
            else:
                place = "text"
            self.found.setdefault(ord(match.group(1)) - 0xE100, []).append(place)


def _indent(text: str, offset: int) -> str:
    """Indentation that keeps a value's next lines inside the list item or paragraph it is in."""
    start = text.rfind("\n", 0, offset) + 1
    line = text[start:offset]
    marker = _LIST_MARKER.match(line)
    if marker:
        return " " * len(marker.group(0))
    return line[: len(line) - len(line.lstrip(" "))]


@lru_cache(maxsize=512)
def compile_body(text: str) -> Body:
    """Split a clause body; :class:`PlaceholderError` (with the offset) for what cannot work."""
    private = _PRIVATE.search(text)
    if private:
        raise PlaceholderError("the text contains a private-use character: remove it",
                               private.start())
    placeholders = find(text)
    with_tokens = []
    md: list[Segment] = []
    position = 0
    for index, p in enumerate(placeholders):
        with_tokens.append(text[position : p.start])
        with_tokens.append(token(index))
        if text[position : p.start]:
            md.append(defang_html(text[position : p.start]))
        md.append({"p": p.name, "t": 0, "i": _indent(text, p.start)})
        position = p.end
    with_tokens.append(text[position:])
    if text[position:]:
        md.append(defang_html(text[position:]))
    rendered = render_markdown("".join(with_tokens))
    where = _Where()
    where.feed(rendered)
    where.close()
    for index, p in enumerate(placeholders):
        places = where.found.get(index, [])
        shown = text[p.start : p.end]
        line, _col = line_col(text, p.start)
        if not places:
            raise PlaceholderError(
                f"the placeholder {shown} on line {line} of the text is lost: it is inside HTML "
                "that is not allowed in a document (only Markdown is)", p.start)
        if "attribute" in places:
            raise PlaceholderError(
                f"the placeholder {shown} on line {line} of the text is inside a link address or "
                "HTML attribute; a value can only go into the text", p.start)
        if "code" in places:
            raise PlaceholderError(
                f"the placeholder {shown} on line {line} of the text is inside `code`; a value "
                "cannot be shown literally there: take it out of the backticks", p.start)
        if len(places) > 1:  # pragma: no cover - a token is written once
            raise PlaceholderError(f"the placeholder {shown} appears twice", p.start)
    tables = {index for index, places in where.found.items() if places == ["table"]}
    seen = 0
    for segment in md:
        if isinstance(segment, dict):
            segment["t"] = 1 if seen in tables else 0
            seen += 1
    html_segments: list[Segment] = []
    position = 0
    for match in _TOKEN.finditer(rendered):
        if rendered[position : match.start()]:
            html_segments.append(rendered[position : match.start()])
        html_segments.append({"p": placeholders[ord(match.group(1)) - 0xE100].name})
        position = match.end()
    if rendered[position:]:
        html_segments.append(rendered[position:])
    return Body(md, html_segments, [p.name for p in placeholders])


# -- escaping values ------------------------------------------------------------------------------

_MD_INLINE = re.compile(r"[\\`*_{}\[\]|<&~]")
_MD_INLINE_WORDS = {"<": "&lt;", "&": "&amp;", "~": "&#126;"}
_MD_START = re.compile(r"^([#>]|[+-](?![0-9]))")  # "-5" is a number, "- x" a list item
_MD_ORDERED = re.compile(r"^([0-9]+)([.)])(?=[ \t]|$)")  # "1. x" is a list item, "1.50" not


def _md_line(line: str) -> str:
    line = line.strip(" \t")
    line = _MD_INLINE.sub(lambda m: _MD_INLINE_WORDS.get(m.group(0), "\\" + m.group(0)), line)
    if line.startswith("="):
        return "&#61;" + line[1:]
    line = _MD_START.sub(r"\\\1", line)
    return _MD_ORDERED.sub(r"\1\\\2", line)


def md_escape(text: str, table: bool = False, indent: str = "") -> str:
    """``text`` as literal Markdown: no markup, no HTML; line breaks kept as ``<br>``."""
    lines = [_md_line(line) for line in text.split("\n")]
    return "<br>".join(lines) if table else ("<br>\n" + indent).join(lines)


def html_escape(text: str) -> str:
    """``text`` as literal HTML; line breaks kept as ``<br>``."""
    return html.escape(text, quote=True).replace("\n", "<br>\n")


def normalise_text(text: str) -> str:
    """Line ends as ``\\n``; no spaces or blank lines around the whole value."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip(" \t\n")
