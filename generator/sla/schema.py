"""The parameter rules as a JSON Schema (draft 2020-12), and the one small validator of it.

:func:`values_schema` turns a template's parameters into a standard JSON Schema: editors and any
JSON Schema tool can check a values file with it. The schema is embedded in the SLA page, and the
browser validates the form's values with it (``validate`` in ``sla-form.js``), while the CLI
validates values files with :func:`validate` below: two interpreters of one document, each written
for the small set of keywords the schema uses (``type enum minimum maximum minLength maxLength
pattern not format minItems maxItems uniqueItems items anyOf properties required
additionalProperties``), plus one keyword of ours, ``x-decimals`` (at most that many decimal places, counted on the shortest
decimal form of the number, which JSON Schema's ``multipleOf`` cannot do reliably for floats).
Patterns use ASCII classes only, so Python's ``re`` and JavaScript's ``RegExp`` read them alike.

A problem is ``(path, code, args)``; :mod:`.wording` turns it into a sentence.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any

from . import numbers

Path = tuple[str | int, ...]
Problem = tuple[Path, str, dict[str, Any]]

#: What no text may contain: control characters but the tab and the line break (``\n``; a
#: carriage return is refused: YAML turns every line break of a file into ``\n``, so a ``\r`` is
#: an escape someone wrote, which a form's box of several lines could not even hold).
CONTROL = "[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u2028\\u2029\\ud800-\\udfff]"
#: The same, and the line break: what a one-line text (``multiline: false``) must not contain.
CONTROL_OR_BREAK = "[\\u0000-\\u0008\\u000a-\\u001f\\u007f-\\u009f\\u2028\\u2029\\ud800-\\udfff]"
SPACE_OR_CONTROL = "[\\u0000-\\u0020\\u007f-\\u009f\\u2028\\u2029\\ud800-\\udfff]"
#: A text needs one character that shows: not only spaces, nor only the invisible ones pasted
#: text brings (no-break and typographic spaces, zero-width ones, a byte-order mark).
NOT_BLANK = "[^ \\t\\r\\n\\u00a0\\u00ad\\u2000-\\u200f\\u2028-\\u202f\\u205f-\\u206f\\u3000\\ufeff]"
DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
EMAIL = (
    "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)
DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _limits(rules: Any) -> tuple[float, float]:
    low = getattr(rules, "min", None)
    high = getattr(rules, "max", None)
    low = -numbers.MAX_ABS if low is None else max(float(low), -numbers.MAX_ABS)
    high = numbers.MAX_ABS if high is None else min(float(high), numbers.MAX_ABS)
    return low, high


def _num(x: float) -> int | float:
    """Whole numbers as JSON integers (1200000, not 1200000.0), so the page stays readable."""
    return int(x) if x == math.floor(x) else x


def value_schema(rules: Any) -> dict[str, Any]:
    """The schema of one value, from a parameter (or a list's item rules)."""
    kind = rules.type
    if kind == "text":
        refused = CONTROL if getattr(rules, "multiline", False) else CONTROL_OR_BREAK
        return {"type": "string", "x-kind": "text", "maxLength": rules.max_length,
                "pattern": NOT_BLANK, "not": {"pattern": refused}}
    if kind == "email":
        return {"type": "string", "x-kind": "email", "maxLength": 254, "pattern": EMAIL,
                "not": {"pattern": SPACE_OR_CONTROL}}
    if kind == "date":
        return {"type": "string", "x-kind": "date", "pattern": DATE, "format": "date",
                "not": {"pattern": SPACE_OR_CONTROL}}
    if kind == "choice":
        return {"type": "string", "x-kind": "choice", "enum": [c.value for c in rules.choices]}
    if kind == "list":
        return {"type": "array", "x-kind": "list", "minItems": rules.min_items,
                "maxItems": rules.max_items, "uniqueItems": True, "items": value_schema(rules.item)}
    low, high = _limits(rules)
    schema: dict[str, Any] = {
        "type": "integer" if kind == "integer" else "number",
        "x-kind": kind,
        "minimum": _num(low),
        "maximum": _num(high),
    }
    if kind in ("decimal", "percent", "duration"):
        schema["x-decimals"] = rules.decimals
    if kind == "money":
        schema["x-decimals"] = 2
        allowed = [rules.currency, *[c for c in rules.currencies if c != rules.currency]]
        amount = dict(schema, **{"x-kind": "amount"})
        return {
            "x-kind": "money",
            "anyOf": [
                schema,
                {
                    "type": "object",
                    "x-kind": "money-object",
                    "properties": {
                        "amount": amount,
                        "currency": {"type": "string", "x-kind": "currency", "enum": allowed},
                    },
                    "required": ["amount"],
                    "additionalProperties": False,
                },
            ],
        }
    return schema


def values_schema(parameters: list[Any], title: str = "") -> dict[str, Any]:
    """The schema of a whole values file: one property per parameter."""
    return {
        "$schema": DRAFT,
        "title": title,
        "type": "object",
        "properties": {p.id: value_schema(p) for p in parameters},
        "required": [p.id for p in parameters if p.required],
        "additionalProperties": False,
    }


# -- the validator ------------------------------------------------------------------------------

def json_type(value: Any) -> str:
    """The JSON type of a loaded value: string, number, boolean, array, object or null."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "other"


def _is_type(value: Any, wanted: str) -> bool:
    found = json_type(value)
    if wanted == "integer":
        return found == "number" and math.isfinite(value) and value == math.floor(value)
    if wanted == "number":
        return found == "number" and math.isfinite(value)
    return found == wanted


@lru_cache(maxsize=64)
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def validate(schema: dict[str, Any], value: Any, path: Path = ()) -> list[Problem]:
    """Every problem of ``value`` against ``schema`` (the subset of keywords described above)."""
    if "anyOf" in schema:
        for branch in schema["anyOf"]:
            if _is_type(value, branch["type"]):
                return validate(branch, value, path)
        return [(path, "type", {"kind": schema.get("x-kind", ""), "got": value})]
    wanted = schema.get("type")
    if wanted is not None and not _is_type(value, wanted):
        found = {"kind": schema.get("x-kind", wanted), "got": value}
        if "enum" in schema:  # a choice given as a number: name the choices
            found["allowed"] = schema["enum"]
        return [(path, "type", found)]
    kind = schema.get("x-kind", "")
    problems: list[Problem] = []
    if "enum" in schema and value not in schema["enum"]:
        problems.append((path, "enum", {"kind": kind, "got": value, "allowed": schema["enum"]}))
    if json_type(value) == "number":
        if "minimum" in schema and value < schema["minimum"]:
            problems.append((path, "minimum", {"limit": schema["minimum"], "got": value}))
        if "maximum" in schema and value > schema["maximum"]:
            problems.append((path, "maximum", {"limit": schema["maximum"], "got": value}))
        if "x-decimals" in schema and numbers.decimal_places(float(value)) > schema["x-decimals"]:
            problems.append((path, "decimals", {"limit": schema["x-decimals"], "got": value}))
    if isinstance(value, str):
        problems.extend(_string(schema, value, path, kind))
    if isinstance(value, list):
        if "minItems" in schema and len(value) < schema["minItems"]:
            problems.append((path, "minItems", {"limit": schema["minItems"]}))
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            problems.append((path, "maxItems", {"limit": schema["maxItems"]}))
        if "items" in schema:
            for index, item in enumerate(value):
                problems.extend(validate(schema["items"], item, (*path, index)))
        if schema.get("uniqueItems"):
            problems.extend(_repeated(value, path, schema.get("items", {}).get("x-kind") == "email"))
    if isinstance(value, dict):
        problems.extend(_object(schema, value, path))
    return problems


def _string(schema: dict[str, Any], value: str, path: Path, kind: str) -> list[Problem]:
    problems: list[Problem] = []
    length = len(value)  # code points, as JSON Schema counts
    if "minLength" in schema and length < schema["minLength"]:
        problems.append((path, "minLength", {"kind": kind, "limit": schema["minLength"], "got": value}))
    if "maxLength" in schema and length > schema["maxLength"]:
        problems.append((path, "maxLength", {"kind": kind, "limit": schema["maxLength"],
                                             "length": length, "got": value}))
    refused = _regex(schema["not"]["pattern"]) if "not" in schema else None
    if refused is not None and refused.search(value):
        # A one-line text's only fault may be its line break: say so, not "a control character".
        broken = kind == "text" and not refused.search(value.replace("\n", "").replace("\r", ""))
        problems.append((path, "line_break" if broken else "control", {"kind": kind, "got": value}))
    elif "pattern" in schema and not _regex(schema["pattern"]).search(value):
        problems.append((path, "pattern", {"kind": kind, "got": value}))
    elif schema.get("format") == "date" and not numbers.is_real_date(value):
        problems.append((path, "date", {"got": value}))
    return problems


def _same(value: Any) -> Any:
    """What JSON Schema compares for ``uniqueItems``: 1 and 1.0 are one number, keys unordered."""
    if isinstance(value, dict):
        return tuple(sorted((str(k), _same(v)) for k, v in value.items()))
    if isinstance(value, list):
        return ("list", *(_same(v) for v in value))
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _repeated(value: list[Any], path: Path, emails: bool = False) -> list[Problem]:
    """Each item given again after its first time (where the CLI points and the form marks).
    E-mail addresses differing only in upper/lower case are one mailbox (Anna@ACME.pl)."""
    seen: set[Any] = set()
    problems: list[Problem] = []
    for index, item in enumerate(value):
        key = (type(item) is bool, item.lower() if emails and isinstance(item, str) else _same(item))
        if key in seen:
            problems.append(((*path, index), "uniqueItems", {"got": item}))
        seen.add(key)
    return problems


def _object(schema: dict[str, Any], value: dict[Any, Any], path: Path) -> list[Problem]:
    problems: list[Problem] = []
    properties: dict[str, Any] = schema.get("properties", {})
    required = schema.get("required", [])
    for name, sub in properties.items():
        if name in value:
            problems.extend(validate(sub, value[name], (*path, name)))
        elif name in required:
            problems.append(((*path, name), "required", {"name": name}))
    if schema.get("additionalProperties") is False:
        for key in value:
            if key not in properties:
                problems.append(((*path, str(key)), "additional", {
                    "kind": schema.get("x-kind", ""), "name": str(key), "known": list(properties)}))
    return problems
