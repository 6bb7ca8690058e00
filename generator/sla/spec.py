"""A template compiled for one language: the JSON document shared by the CLI and the browser.

Everything that decides what a filled agreement says is in this document, and nothing else is:

- ``schema``: the parameter rules as a JSON Schema (:mod:`.schema`);
- ``params``: what the form and the formatter need about each parameter (label, help, type,
  unit, choices, default); ``derived``: each derived value's unit as forms by plural category;
- ``derived`` and each clause's ``when``: expressions as parsed trees (:mod:`.expr`);
- ``clauses``: bodies pre-split into literal and placeholder segments, for Markdown and for HTML
  (:mod:`.body`), titles pre-escaped;
- ``words``, ``units``, ``months``, ``messages``: the wording of the language (:mod:`.wording`);
- ``css``: the document's stylesheet, so the browser's HTML file equals the CLI's.

The CLI fills from this dictionary (:mod:`.fill`); the SLA page embeds it as JSON for
``sla-form.js``. Because both read the same document, the same values give the same text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..models.base import LANGUAGES, Translations, localize
from . import expr, numbers, schema, wording
from .body import compile_body, html_escape, md_escape

if TYPE_CHECKING:
    from ..models.sla import Sla

#: Version of the document's shape; ``sla-form.js`` refuses a document it does not know.
#: 2: a derived value's ``unit`` is its forms by plural category; clause bodies may hold
#: ``{"if": name, "s": [...]}`` (a label line) and placeholders with ``"u": 1`` (with its unit).
FORMAT = 2
CSS_FILE = Path(__file__).parent / "document.css"

Spec = dict[str, Any]


def _t(text: str | Translations | None, lang: str) -> str:
    return localize(text, lang).text


def _lang_html(text: str | Translations | None, lang: str) -> str:
    """A text as escaped HTML, in a ``<span lang>`` when it is another language's (no
    translation), so that a screen reader reads it in that language."""
    found = localize(text, lang)
    escaped = html_escape(found.text)
    return f'<span lang="{found.fallback}">{escaped}</span>' if found.fallback else escaped


def _texts(text: str | Translations | None, lang: str) -> dict[str, str]:
    """A template text ready for each format: plain, Markdown (escaped), HTML (escaped)."""
    plain = _t(text, lang)
    return {"text": plain, "md": md_escape(plain), "md_cell": md_escape(plain, table=True),
            "html": html_escape(plain)}


def _rules(rules: Any, lang: str) -> dict[str, Any]:
    """What formatting and the form need about a type (no label: shared with list items)."""
    out: dict[str, Any] = {"type": rules.type}
    if rules.type == "text":
        out.update(max_length=rules.max_length, multiline=rules.multiline)
    if rules.type in ("integer", "decimal", "percent", "money", "duration"):
        low, high = schema._limits(rules)
        out.update(min=schema._num(low), max=schema._num(high))
    if rules.type in ("decimal", "percent", "duration"):
        out["decimals"] = rules.decimals
    if rules.type == "money":
        out["decimals"] = 2
        out["currency"] = rules.currency
        out["currencies"] = [rules.currency, *[c for c in rules.currencies if c != rules.currency]]
    if rules.type == "duration":
        out["unit"] = rules.unit
        out["unit_label"] = wording.UNIT_LABELS[lang][rules.unit]
    if rules.type == "choice":
        out["choices"] = [_choice(c, lang) for c in rules.choices]
    return out


def _choice(choice: Any, lang: str) -> dict[str, Any]:
    """A choice's value and label; ``lang`` when the label is another language's."""
    found = localize(choice.label, lang)
    out: dict[str, Any] = {"value": choice.value, "label": found.text}
    out["text"] = _t(choice.text, lang) if choice.text is not None else in_sentence(found.text)
    if found.fallback:
        out["lang"] = found.fallback
    return out


def in_sentence(label: str) -> str:
    """A choice's label as words inside a sentence: "Co miesiąc" -> "co miesiąc", "Monthly" ->
    "monthly", "E-mail" -> "e-mail"; a first word that is not a plain capitalised word ("CRM",
    "HubSpot", "B2B") is kept as it is. A name ("Salesforce") needs its choice's ``text:``."""
    first = label.split(maxsplit=1)[0] if label.strip() else ""
    plain = len(first) > 1 and first[0].isupper() and not any(c.isdigit() for c in first) and all(
        c.islower() or not c.isalpha() for c in first[1:])
    return label[0].lower() + label[1:] if plain else label


def _default(param: Any, lang: str) -> Any:
    default = param.default
    if default is None:
        return None
    if isinstance(default, Translations):
        return _t(default, lang)
    if hasattr(default, "model_dump"):
        return default.model_dump()
    return default


def _param(param: Any, lang: str) -> dict[str, Any]:
    out = _rules(param, lang)
    out.update(
        id=param.id,
        label=_t(param.label, lang),
        label_cell=md_escape(_t(param.label, lang), table=True),
        label_html=_lang_html(param.label, lang),
        help=_t(param.help, lang),
        required=param.required,
        default=_default(param, lang),
        # A default written per language: a values file leaves it out, so that each language's
        # agreement gets its own text (not the language the file was written in).
        default_translated=isinstance(param.default, Translations),
    )
    if param.type == "list":
        out.update(item=_rules(param.item, lang), min_items=param.min_items,
                   max_items=param.max_items)
    return out


def _unit(unit: Any, lang: str) -> dict[str, str] | None:
    """A derived value's unit in ``lang`` as forms by plural category (one word for every number
    is ``{"other": word}``); a language the unit is not given in takes the other's, as texts do.
    :func:`.numbers.plural_form` picks the form for a number."""
    if unit is None:
        return None
    if isinstance(unit, str):
        return {"other": unit}
    chosen = getattr(unit, lang, None)
    if chosen is None:
        chosen = next(getattr(unit, other) for other in LANGUAGES if getattr(unit, other) is not None)
    if isinstance(chosen, str):
        return {"other": chosen}
    order = numbers.PLURAL_CATEGORIES.get(lang, ())
    return {c: chosen[c] for c in sorted(chosen, key=lambda c: order.index(c) if c in order else 9)}


def _derived(item: Any, lang: str) -> dict[str, Any]:
    unit = _unit(item.unit, lang)
    return {
        "id": item.id,
        "label": _t(item.label, lang),
        "label_cell": md_escape(_t(item.label, lang), table=True),
        "label_html": _lang_html(item.label, lang),
        "help": _t(item.help, lang),
        "unit": unit,
        "round": item.round,
        "decimals": item.decimals,
        "source": item.expression,
        "expr": expr.parse(item.expression),
    }


def _clause(clause: Any, lang: str) -> dict[str, Any]:
    text = localize(clause.body, lang)
    body = compile_body(text.text)
    title = _texts(clause.title, lang)
    html = body.html
    if text.fallback:  # a body in another language: its own lang (the segments are HTML)
        html = [f'<div lang="{text.fallback}">\n', *html, "\n</div>"]
    return {
        "id": clause.id,
        "title": title["text"],
        "title_md": title["md"],
        "title_html": _lang_html(clause.title, lang),
        "when": expr.parse(clause.when) if clause.when else None,
        "when_source": clause.when or "",
        "md": body.md,
        "html": html,
    }


def compile_spec(sla: Sla, lang: str) -> Spec:
    """The JSON document of ``sla`` in ``lang`` (a fresh dictionary each call)."""
    spec: Spec = json.loads(_compiled(sla, lang))
    return spec


#: Compiled documents by (template object, language); a template is immutable once loaded.
_CACHE: dict[tuple[int, str], tuple[Any, str]] = {}


def _compiled(sla: Sla, lang: str) -> str:
    key = (id(sla), lang)
    found = _CACHE.get(key)
    if found is not None and found[0] is sla:
        return found[1]
    title = _texts(sla.title, lang)
    words = wording.WORDS[lang]
    spec: Spec = {
        "format": FORMAT,
        "id": sla.id,
        "lang": lang,
        "title": title["text"],
        "title_md": title["md"],
        "title_html": title["html"],
        "schema": schema.values_schema(list(sla.parameters), title["text"]),
        "params": [_param(p, lang) for p in sla.parameters],
        "derived": [_derived(d, lang) for d in sla.derived],
        "clauses": [_clause(c, lang) for c in sla.clauses],
        "words": {
            **words,
            "annex_md": md_escape(words["annex"]),
            "annex_html": html_escape(words["annex"]),
        },
        "units": wording.UNITS[lang],
        "months": wording.MONTHS[lang],
        "messages": wording.MESSAGES[lang],
        "counted": wording.COUNTED[lang],
        "css": CSS_FILE.read_text(encoding="utf-8"),
    }
    title_lang = localize(sla.title, lang).fallback
    if title_lang:  # the <h1>'s lang when the title is another language's (<title> cannot say so)
        spec["title_lang"] = title_lang
    text = json.dumps(spec, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    if len(_CACHE) > 64:
        _CACHE.clear()
    _CACHE[key] = (sla, text)
    return text


def spec_json(sla: Sla, lang: str) -> str:
    """The document as compact JSON, for the page."""
    return _compiled(sla, lang)
