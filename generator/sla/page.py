"""What the SLA page's form needs: one field description per parameter, and the compiled document.

``generator/templates/sla.md.j2`` turns these into a static HTML form (input types, required, help
texts, defaults as initial values; numbers are text fields that ``sla-form.js`` reads) and embeds the document (:mod:`.spec`) as JSON in
a ``data-sla`` attribute, where it is inert data: ``sla-form.js`` reads it with ``JSON.parse``. The
page's HTML is then cleaned by :mod:`generator.sanitize` like every generated page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..models.base import localize
from . import numbers, wording
from .fill import format_value
from .spec import compile_spec, spec_json

if TYPE_CHECKING:
    from ..models.sla import Sla


def _number_text(value: Any, lang: str, money: bool = False) -> str:
    """A number as the form shows it: in the page's way (``1 200 000,5`` / ``1,200,000.5``), every
    decimal kept (never rounded: the field must read back the very number), an amount's cents as
    two digits. Mirrored by ``shownNumber`` in sla-form.js, which reads it back with ``readNumber``.
    """
    if not isinstance(value, int | float) or isinstance(value, bool):
        return ""
    decimals = len(numbers.parts(float(value))[2])
    if money and decimals == 1:
        decimals = 2
    return numbers.format_number(float(value), lang, decimals)


def field(param: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    """How one parameter appears on the form."""
    kind = param["type"]
    default = param["default"]
    lang = spec["lang"]
    sla_id = spec["id"]
    out: dict[str, Any] = {
        "default_text": "" if default is None else format_value(param, default, spec),
        "id": param["id"],
        "dom_id": f"sla-{sla_id}-{param['id']}",
        "label": param["label"],
        "help": param["help"],
        "required": param["required"],
        "kind": kind,
        "control": "input",
        "input_type": "text",
        "value": "",
        "attrs": {},
        "suffix": "",
        "choices": [],
        "currencies": [],
        "currency": "",
    }
    if kind == "text":
        out["control"] = "textarea" if param["multiline"] else "input"
        out["value"] = default or ""
        out["rows"] = 6 if param["multiline"] else 1
    elif kind in ("email", "date"):
        out["input_type"] = kind
        out["value"] = default or ""
    elif kind == "choice":
        out["control"] = "select"
        out["choices"] = [dict(c, selected=c["value"] == default) for c in param["choices"]]
        out["empty_option"] = default is None
    elif kind == "list":
        item = param["item"]
        if item["type"] == "choice":
            out["control"] = "checkboxes"
            chosen = default or []
            out["choices"] = [dict(c, selected=c["value"] in chosen) for c in item["choices"]]
        else:
            out["control"] = "textarea"
            out["rows"] = 4
            out["value"] = "\n".join(_number_text(v, lang) or str(v) for v in (default or []))
            one_per_line = wording.WORDS[lang]["one_per_line"]
            out["help"] = f"{out['help']} ({one_per_line})" if out["help"] else one_per_line.capitalize() + "."
    else:  # integer, decimal, percent, money, duration
        # A text field, not type="number": Chromium's number field drops what it cannot read as
        # the user types (1200000,50 became 120000050). sla-form.js reads the text the page's way
        # (readNumber), says what it cannot read, and the JSON Schema checks the limits.
        out["attrs"] = {"class": "sla-number"}
        if kind == "money":
            amount = default.get("amount") if isinstance(default, dict) else default
            out["value"] = _number_text(amount, lang, money=True)
            chosen = default.get("currency") if isinstance(default, dict) else param["currency"]
            out["currencies"] = [{"value": c, "selected": c == chosen} for c in param["currencies"]]
            out["currency"] = param["currency"]
        else:
            out["value"] = _number_text(default, lang)
        if kind == "percent":
            out["suffix"] = "%"
        if kind == "duration":
            out["suffix"] = param["unit_label"]
    return out


def _mark_languages(param: Any, shown: dict[str, Any], lang: str) -> None:
    """The language of a field's label, help and choices where the template gives them in
    another language only (``label_lang``, ``help_lang``, each choice's ``lang``; empty when it
    is the page's): the form marks them, so a screen reader reads them with that language's voice."""
    shown["label_lang"] = localize(param.label, lang).fallback or ""
    help_text = localize(param.help, lang)
    # a list's help has the page's own words after it ("one per line"): then it is left unmarked
    shown["help_lang"] = (help_text.fallback or "") if shown["help"] == help_text.text else ""
    rules = getattr(param, "item", None) or param
    for choice, option in zip(getattr(rules, "choices", None) or [], shown["choices"], strict=True):
        option["lang"] = localize(choice.label, lang).fallback or ""


def sla_form(sla: Sla, lang: str) -> dict[str, Any]:
    """Everything ``sla.md.j2`` needs for the form: fields, words, and the document as JSON."""
    spec = compile_spec(sla, lang)
    fields = [field(p, spec) for p in spec["params"]]
    for param, shown in zip(sla.parameters, fields, strict=True):
        _mark_languages(param, shown, lang)
    return {
        "spec_json": spec_json(sla, lang),
        "fields": fields,
        "words": wording.WORDS[lang],
        "id": sla.id,
    }
