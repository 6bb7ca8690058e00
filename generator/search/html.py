"""Rewrite the text of an HTML page without touching its markup.

The pages come from Python-Markdown and Material's templates, so they are well-formed; a
tokenizer that tells tags from text is enough, and it is much faster than a full parser on a
site of thousands of pages. Text inside ``skip`` elements (code, links, headings...) is kept as is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

_TOKEN = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[^>]*>", re.S)
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][\w:-]*)")
_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
})
#: A searchable metadata field of an index copy (``data-pagefind-meta="field:value"``), and any tag.
PAGEFIND_META = re.compile(r'data-pagefind-meta="([^":]*):([^"]*)"')
ANY_TAG = re.compile(r"<[^>]*>")


def indexed_body(copy: str) -> str:
    """What an index copy holds after the opening tag of its ``data-pagefind-body`` element (after
    its first tag, without one): what Pagefind reads, text and metadata."""
    return copy[copy.find(">", max(copy.find("data-pagefind-body"), 0)) + 1:]


#: Elements whose content Pagefind does not index: a script's JSON (the SLA form's settings,
#: "yaml", "type"...), a style sheet, a template.
_UNREAD = re.compile(r"<(script|style|template)\b[^>]*>.*?</\1\s*>", re.S | re.I)


def without_unread(body: str) -> str:
    """``body`` without the elements Pagefind does not read (:data:`_UNREAD`), for the words the
    index and the vocabulary take from a page: only what a search can find there."""
    if "<script" not in body and "<style" not in body and "<template" not in body:
        return body  # most pages: a plain search for each is quicker than the pattern
    return _UNREAD.sub(" ", body)


#: Never rewritten: the text there is not prose.
ALWAYS_SKIP = frozenset({"script", "style", "svg", "math", "textarea", "title", "template"})


def map_text(html: str, change: Callable[[str], str], skip: Collection[str] = ALWAYS_SKIP,
             skipped: Callable[[str], object] | None = None) -> str:
    """``html`` with ``change`` applied to every run of text outside the ``skip`` elements
    (``skipped``, if given, sees the text inside them). Runs of white space only are kept as they
    are, unseen (most runs of a page are the line breaks between its tags)."""
    out: list[str] = []
    depth: dict[str, int] = {}
    skipping = 0
    pos = 0
    for match in _TOKEN.finditer(html):
        if match.start() > pos:
            text = html[pos:match.start()]
            if text.isspace():
                out.append(text)
            elif skipping:
                out.append(text)
                if skipped is not None:
                    skipped(text)
            else:
                out.append(change(text))
        token = match.group(0)
        out.append(token)
        pos = match.end()
        tag = _TAG.match(token)
        if tag is None:
            continue
        name = tag.group(2).lower()
        if name not in skip or name in _VOID or token.endswith("/>"):
            continue
        if tag.group(1):
            if depth.get(name, 0) > 0:
                depth[name] -= 1
                skipping -= 1
        else:
            depth[name] = depth.get(name, 0) + 1
            skipping += 1
    if pos < len(html):
        tail = html[pos:]
        if tail.isspace():
            out.append(tail)
        elif skipping:
            out.append(tail)
            if skipped is not None:
                skipped(tail)
        else:
            out.append(change(tail))
    return "".join(out)
