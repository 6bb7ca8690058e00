"""Clean the HTML of generated pages with nh3 (ammonia): data may carry Markdown, never script."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable
from typing import Any

import nh3

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "details", "div", "dd", "dl", "dt", "em",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "input", "ins", "kbd", "label", "li", "mark",
    "ol", "p", "pre", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "u", "ul", "form", "fieldset", "legend", "select",
    "option", "textarea", "button", "output", "noscript",
}
_GENERIC = {"class", "id", "title", "lang", "aria-label", "aria-hidden", "role", "hidden"}
_ATTRIBUTES: dict[str, set[str]] = {
    "*": _GENERIC,
    "a": {"href", "name"},
    "abbr": {"title"},
    "input": {"type", "name", "value", "checked", "disabled", "min", "max", "step", "required",
              "placeholder", "pattern", "data-item", "data-param", "data-kind"},
    "td": {"align", "colspan", "rowspan", "style"},
    "th": {"align", "colspan", "rowspan", "style"},
    "select": {"name", "required", "data-param"},
    "option": {"value", "selected"},
    "textarea": {"name", "rows", "required", "data-param", "placeholder"},
    "button": {"type", "data-action", "data-confirm"},
    "label": {"for"},
    "output": {"for", "data-param"},
    "form": {"data-sla", "novalidate"},
    "div": {"data-sla", "data-checklist"},
    "details": {"open"},
}


#: Attributes whose value names an element: the theme's own elements have ids like
#: ``__config`` (its settings, read with ``querySelector("#__config")``) and ``__search``; an
#: element of the page with the same id would come first and take their place ("DOM clobbering").
_NAMING = frozenset({"id", "name", "for", "form", "list"})


def _attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute in _NAMING and value.lstrip().startswith("__"):
        return None
    return value


def clean(html: str) -> str:
    """Only safe tags and attributes; links only to http, https, mailto and the site itself.

    Raw HTML, ``javascript:`` and ``data:`` links, event handlers (``onclick``, also written
    with ``attr_list``'s ``{ onclick=... }``), ``<script>``, ``<style>``, SVG and MathML are
    removed; comments too. The link schemes are checked after entities are decoded, by the
    same HTML parser a browser uses (html5ever), so ``jav&#x09;ascript:`` does not slip through.
    """
    return _cleaner()(html)


@functools.cache
def _cleaner() -> Callable[[str], str]:
    """nh3's cleaner, configured once: building the configuration is a third of a page's cost."""
    options: dict[str, Any] = {
        "tags": _TAGS,
        "attributes": _ATTRIBUTES,
        "url_schemes": {"http", "https", "mailto"},
        "link_rel": "noopener noreferrer",
        "strip_comments": True,
        "filter_style_properties": {"text-align"},
        "attribute_filter": _attribute,
    }
    if hasattr(nh3, "Cleaner"):  # nh3 >= 0.2.18
        clean_one: Callable[[str], str] = nh3.Cleaner(**options).clean
        return clean_one
    return functools.partial(nh3.clean, **options)


#: A link with ``href`` first (as nh3 and Python-Markdown write it) and the text between its tags.
#: Neither its tag nor its text may run past the next tag or link (links do not nest): a
#: hand-written page's raw HTML arrives here unchecked, and a page of links never closed made
#: ``(.*?)</a>`` read on to the page's end from each of them (time growing with the square of
#: the page: a 200 kB page held the build for minutes).
_LINK = re.compile(r'<a href="([^"<>]*)"[^<>]*>((?:(?!</?a[\s>]).)*)</a>', re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_ADDRESS = re.compile(r"^(?:https?://|mailto:)", re.IGNORECASE)


def is_address(href: str) -> bool:
    """Whether ``href`` leads to the web or an e-mail address: the links paper prints the
    address of, a Word document keeps as a link, and a checklist item may hold."""
    return _ADDRESS.match(href) is not None


def with_addresses(markup: str, css_class: str, span_attributes: str = "") -> str:
    """``markup`` with each link to the web or an e-mail address followed by that address, in a
    ``<span class="css_class">``, for paper, which cannot follow "the portal" to where it is:
    ``portal (https://...)``, an e-mail address without ``mailto:`` (nor its ``?subject=``). A
    link whose text is its address gets none (it would print twice), nor does a link within the
    site (nowhere on paper). The page's print styles show the span; screen styles hide it."""

    def one(link: re.Match[str]) -> str:
        href = html.unescape(link.group(1))
        if not is_address(href):
            return link.group(0)
        address = href[len("mailto:"):].split("?", 1)[0] if href[:7].lower() == "mailto:" else href
        if html.unescape(_TAG.sub("", link.group(2))).strip() in (href, address):
            return link.group(0)
        extra = f" {span_attributes}" if span_attributes else ""
        return f'{link.group(0)}<span class="{css_class}"{extra}> ({html.escape(address, quote=False)})</span>'

    return _LINK.sub(one, markup)
