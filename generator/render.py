"""The Jinja environment that turns definitions into Markdown, and the filters it offers.

Templates run in Jinja's ``ImmutableSandboxedEnvironment`` with ``StrictUndefined``: a project may
override any template with one of the same name in its own ``templates/`` folder, and such a file
is treated as untrusted. User data is only ever passed *to* templates, never rendered *as* one.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .models.base import Translations, localize

_MD_SPECIALS = re.compile(r"([\\`*_\[\]{}|#!~])")
_NEWLINES = re.compile(r"\s*[\r\n]+\s*")


def plain(text: str) -> str:
    """Text shown literally in Markdown: no markup, no HTML, one line."""
    text = _NEWLINES.sub(" ", text)
    return _MD_SPECIALS.sub(r"\\\1", html.escape(text, quote=False))


def inline_markdown(text: str) -> str:
    """Author's Markdown squeezed onto one line, safe inside a table cell."""
    return _NEWLINES.sub(" ", text).replace("|", "\\|")


def attr(text: str) -> str:
    """Text safe inside an HTML attribute or front matter that the theme prints raw."""
    return html.escape(_NEWLINES.sub(" ", text), quote=True)


def mermaid_label(text: str) -> str:
    """Text safe inside a Mermaid ``["..."]`` label."""
    text = _NEWLINES.sub(" ", text)
    for char, entity in (("#", "#35;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;"), ("&", "#amp;")):
        text = text.replace(char, entity)
    return text


def number(value: float, lang: str) -> str:
    """``1 200 000`` / ``0,25`` in Polish, ``1,200,000`` / ``0.25`` in English."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.6f}".rstrip("0").rstrip(".")
    if lang == "pl":
        whole = text.split(".")[0].replace(",", "")
        # Polish groups thousands only from five digits up (1000, but 10 000).
        if len(whole.lstrip("-")) <= 4:
            text = text.replace(",", "")
        return text.replace(",", "\u00a0").replace(".", ",")
    return text


def fallback_marker(lang: str, fallback: str | None) -> str:
    if fallback is None:
        return ""
    word = {"pl": "brak tłumaczenia", "en": "translation missing"}.get(lang, "")
    return f' <span class="pb-fallback" lang="{fallback}" title="{word}">{fallback.upper()}</span>'


def localized(text: str | Translations | None, lang: str, mark: bool = True) -> str:
    found = localize(text, lang)
    return found.text + (fallback_marker(lang, found.fallback) if mark else "")


@lru_cache(maxsize=8)
def environment(templates_dir: Path | None) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if templates_dir is not None and templates_dir.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(templates_dir), followlinks=False))
    loaders.append(jinja2.PackageLoader("generator", "templates"))
    env = ImmutableSandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters.update(
        plain=plain, inline=inline_markdown, attr=attr, mermaid=mermaid_label
    )
    return env
