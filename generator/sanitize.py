"""Clean the HTML of generated pages with nh3 (ammonia): data may carry Markdown, never script."""

from __future__ import annotations

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
    "button": {"type", "data-action"},
    "label": {"for"},
    "output": {"for", "data-param"},
    "form": {"data-sla", "novalidate"},
    "div": {"data-sla", "data-checklist"},
    "details": {"open"},
}


def clean(html: str) -> str:
    """Only safe tags and attributes; links only to http, https, mailto and the site itself."""
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        strip_comments=True,
        filter_style_properties={"text-align"},
    )
