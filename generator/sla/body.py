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

Segments: literal text (a string); a placeholder ``{"p": name}`` (in Markdown also ``"t"``: in a
table cell, ``"i"``: the indentation of its next lines; in both ``"u": 1`` for ``{{ name with unit
}}`` and ``"m": 1`` inside a sentence, where a choice shows its in-sentence words: :func:`mid_sentence`);
and a paragraph shown only when a value is given, ``{"if": name, "s": [segments]}``. That last one
is a *label line*: a paragraph of one line that is a label and then the value, like ``Kontakt w
sprawie umowy: {{ contact_emails }}``. When an optional value is left empty, such a line would
read "Kontakt w sprawie umowy: —" in a signed agreement; it is left out instead (with the blank
line that parts it from the text around it). The rule is narrow on purpose: only a label, a colon
and the one value, alone in a paragraph, so that no sentence of the agreement is ever dropped.
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

import markdown
import nh3

from ..sanitize import with_addresses
from ..tr import tr
from .placeholders import Placeholder, PlaceholderError, find, line_col

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
    """The author's Markdown as clean HTML: tables and lists, no raw HTML that could run; each
    link followed by its address for paper (:func:`_with_address`)."""
    raw = _converter().reset().convert(text)
    cleaned = nh3.clean(
        raw,
        tags=DOC_TAGS,
        attributes=DOC_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        strip_comments=True,
        filter_style_properties={"text-align"},
    ).strip()
    return with_addresses(cleaned, HREF_CLASS)


#: The class of a link's printed address: hidden on screen, shown on paper (document.css,
#: sla-form.css), written after the link in the DOCX as the PDF prints it.
HREF_CLASS = "sla-href"


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
        #: The elements each token of the text is inside (``["p", ...]``: a paragraph of the body).
        self.inside: dict[int, list[str]] = {}

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
            index = ord(match.group(1)) - 0xE100
            self.found.setdefault(index, []).append(place)
            self.inside[index] = list(self.stack)


def _indent(text: str, offset: int) -> str:
    """Indentation that keeps a value's next lines inside the list item or paragraph it is in."""
    start = text.rfind("\n", 0, offset) + 1
    line = text[start:offset]
    marker = _LIST_MARKER.match(line)
    if marker:
        return " " * len(marker.group(0))
    return line[: len(line) - len(line.lstrip(" "))]


#: A label line's text before the value ends with a colon (``Kontakt:`` or ``**Kontakt:**``),
#: maybe opening emphasis (``Kontakt: **{{ x }}**``) ...
_LABEL = re.compile(r"\S[^\n]*:[*_]{0,3}[ \t]+[*_]{0,3}$")
#: ... and after the value comes at most closing emphasis and a full stop.
_LABEL_END = re.compile(r"^[*_]{0,3}[.;]?[ \t]*$")
#: A line that is not a plain paragraph: indented, a list item, a heading, a quote, a table row.
_NOT_PARAGRAPH = re.compile(r"^(?:[ \t]|[-+*][ \t]|#|>|\||[0-9]{1,9}[.)](?:[ \t]|$))")
#: The blank lines after a paragraph (up to the next one's first character or indentation).
_BLANK_AFTER = re.compile(r"(?:\n[ \t]*)*\n")


@dataclass(frozen=True)
class _Optional:
    """A label line: its text in the Markdown and in the HTML (with one separator), its value."""

    name: str
    md: tuple[int, int]
    html: tuple[int, int]


def _label_line(text: str, p: Placeholder, others: list[Placeholder]) -> tuple[int, int] | None:
    """The line of ``p`` when it is a label line (see the module's docstring); else None."""
    start = text.rfind("\n", 0, p.start) + 1
    end = text.find("\n", p.end)
    end = len(text) if end == -1 else end
    if any(o is not p and start <= o.start < end for o in others):
        return None
    if _NOT_PARAGRAPH.match(text[start:end]):
        return None
    if not _LABEL.match(text[start : p.start]) or not _LABEL_END.match(text[p.end : end]):
        return None
    before = text[: max(start - 1, 0)]
    if start and before[before.rfind("\n") + 1 :].strip(" \t"):
        return None  # the line above belongs to the same paragraph
    after = text[end + 1 :] if end < len(text) else ""
    if end < len(text) and after.split("\n", 1)[0].strip(" \t"):
        return None  # so does the line below
    return start, end


def _blank_before(text: str, start: int) -> int:
    """Where the line end before ``start`` (a line's start) and the blank lines above it begin."""
    at = start - 1
    while at > 0:
        above = text.rfind("\n", 0, at)
        if above == -1 or text[above + 1 : at].strip(" \t"):
            break
        at = above
    return at


def _optionals(text: str, placeholders: list[Placeholder], rendered: str,
               where: _Where) -> list[_Optional]:
    """The label lines of a body, each with its place in the Markdown and the HTML.

    A label line owns the blank line before it; at the start of the body (or after label lines
    only) it owns the one after it instead, so that leaving any of them out never leaves a blank
    line at the start, nor two next to each other."""
    found: list[_Optional] = []
    leading_end = 0  # where the text after the label lines at the start of the body begins
    for index, p in enumerate(placeholders):
        line = _label_line(text, p, placeholders)
        if line is None or where.inside.get(index, [""])[0] != "p":
            continue  # not a paragraph of the body's own (in a list, a quote...)
        mark = rendered.find(token(index))
        opened = rendered.rfind("<p>", 0, mark)
        closed = rendered.find("</p>", mark) + len("</p>")
        if opened == -1 or rendered.count("\ue000", opened, closed) != 1:
            continue  # pragma: no cover - a one-line paragraph is one <p>
        start, end = line
        if not text[leading_end:start].strip():
            blank = _BLANK_AFTER.match(text, end)
            md = (start, blank.end() if blank else end)
            html = (opened, closed + (1 if rendered[closed : closed + 1] == "\n" else 0))
            leading_end = md[1]
        else:
            md = (_blank_before(text, start), end)
            html = (opened - (1 if opened and rendered[opened - 1] == "\n" else 0), closed)
        found.append(_Optional(p.name, md, html))
    return found


#: What may stand between a sentence's start and its first word: spaces, emphasis, an opening
#: quote or bracket.
_OPENERS = " \t*_\"'(\u201e\u201c\u00ab"
#: A line's start that begins a sentence: a list item's marker, a heading's, a quote's.
_BLOCK_START = re.compile(r"^[ \t]*(?:[-+*]|[0-9]{1,9}[.)]|#{1,6}|>)[ \t]")


def mid_sentence(text: str, offset: int) -> bool:
    """Whether the placeholder at ``offset`` stands inside a sentence ("Cykl przeglądów:
    {{ x }}", "we meet {{ x }}"), where a choice shows its in-sentence words ("co miesiąc",
    "monthly"), not its label ("Co miesiąc"): not at the start of the body, of a paragraph, list
    item, heading or table cell, nor after a full stop, question or exclamation mark."""
    before = text[:offset]
    line = before[before.rfind("\n") + 1 :]
    block = _BLOCK_START.match(line)
    if block and not line[block.end() :].strip(_OPENERS):
        return False
    kept = before.rstrip(_OPENERS + "\n")
    if not kept or before[len(kept) :].count("\n") > 1:
        return False
    return kept[-1] not in ".!?|"


def _md_run(text: str, placeholders: list[Placeholder], tables: set[int], start: int,
            end: int) -> list[Segment]:
    """The Markdown segments of ``text[start:end]``."""
    out: list[Segment] = []
    position = start
    for index, p in enumerate(placeholders):
        if not start <= p.start < end:
            continue
        if text[position : p.start]:
            out.append(defang_html(text[position : p.start]))
        segment: dict[str, Any] = {"p": p.name, "t": 1 if index in tables else 0,
                                   "i": _indent(text, p.start)}
        if p.unit:
            segment["u"] = 1
        if mid_sentence(text, p.start):
            segment["m"] = 1
        out.append(segment)
        position = p.end
    if text[position:end]:
        out.append(defang_html(text[position:end]))
    return out


def _html_run(rendered: str, source: str, placeholders: list[Placeholder], start: int,
              end: int) -> list[Segment]:
    """The HTML segments of ``rendered[start:end]`` (the body's HTML with its tokens)."""
    out: list[Segment] = []
    position = start
    for match in _TOKEN.finditer(rendered, start, end):
        if rendered[position : match.start()]:
            out.append(rendered[position : match.start()])
        p = placeholders[ord(match.group(1)) - 0xE100]
        segment: dict[str, Any] = {"p": p.name, "u": 1} if p.unit else {"p": p.name}
        if mid_sentence(source, p.start):
            segment["m"] = 1
        out.append(segment)
        position = match.end()
    if rendered[position:end]:
        out.append(rendered[position:end])
    return out


def _split(optionals: list[_Optional], which: str, length: int,
           run: Callable[[int, int], list[Segment]]) -> list[Segment]:
    """Segments of the whole text, each label line as ``{"if": name, "s": [...]}``."""
    out: list[Segment] = []
    position = 0
    for optional in optionals:
        start, end = getattr(optional, which)
        out += run(position, start)
        out.append({"if": optional.name, "s": run(start, end)})
        position = end
    return out + run(position, length)


@lru_cache(maxsize=512)
def compile_body(text: str) -> Body:
    """Split a clause body; :class:`PlaceholderError` (with the offset) for what cannot work."""
    private = _PRIVATE.search(text)
    if private:
        raise PlaceholderError(tr("the text contains a private-use character: remove it"),
                               private.start())
    placeholders = find(text)
    with_tokens = []
    position = 0
    for index, p in enumerate(placeholders):
        with_tokens.append(text[position : p.start])
        with_tokens.append(token(index))
        position = p.end
    with_tokens.append(text[position:])
    rendered = render_markdown("".join(with_tokens))
    where = _Where()
    where.feed(rendered)
    where.close()
    for index, p in enumerate(placeholders):
        places = where.found.get(index, [])
        shown = text[p.start : p.end]
        line, _col = line_col(text, p.start)
        if not places:
            raise PlaceholderError(tr(
                "the placeholder {shown} on line {line} of the text is lost: it is inside HTML "
                "that is not allowed in a document (only Markdown is)", shown=shown, line=line), p.start)
        if "attribute" in places:
            raise PlaceholderError(tr(
                "the placeholder {shown} on line {line} of the text is inside a link address or "
                "HTML attribute; a value can only go into the text", shown=shown, line=line), p.start)
        if "code" in places:
            raise PlaceholderError(tr(
                "the placeholder {shown} on line {line} of the text is inside `code`; a value "
                "cannot be shown literally there: take it out of the backticks", shown=shown,
                line=line), p.start)
        if len(places) > 1:  # pragma: no cover - a token is written once
            raise PlaceholderError(tr("the placeholder {shown} appears twice", shown=shown), p.start)
    tables = {index for index, places in where.found.items() if places == ["table"]}
    optionals = _optionals(text, placeholders, rendered, where)
    md = _split(optionals, "md", len(text),
                lambda a, b: _md_run(text, placeholders, tables, a, b))
    html_segments = _split(optionals, "html", len(rendered),
                           lambda a, b: _html_run(rendered, text, placeholders, a, b))
    return Body(md, html_segments, [p.name for p in placeholders])


# -- escaping values ------------------------------------------------------------------------------

#: Characters Markdown would read as markup. ``&`` only where it starts a character reference
#: (``&amp;``, ``&#38;``) and ``<`` only where it starts a tag, comment or autolink, so that
#: "Marketing & Sales" or "< 5 days" stay as typed in the .md file.
_MD_INLINE = re.compile(r"[\\`*_{}\[\]|~]|&(?=#?[A-Za-z0-9]+;)|<(?=[A-Za-z/!?])")
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
