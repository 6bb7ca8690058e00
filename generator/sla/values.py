"""Values files: reading one with every problem at ``file:line:col``, and writing a commented one.

A values file is plain YAML, one ``name: value`` per parameter::

    company_name: "ACME sp. z o.o."
    revenue_target: 1200000
    contact_emails:
      - anna@acme.example

It is read with the project's own YAML loader (:mod:`generator.yamlfile`: no aliases, no tags,
``NO`` and ``2027-01-01`` stay text), then checked against the template's JSON Schema by
:func:`generator.sla.fill.fill`. Each problem is mapped back to the line and column of the value
(or of the key, for an unknown parameter), in plain words, with "did you mean" where a name or a
choice is close to a known one. An empty value (``name:``) means "not given": the default, if the
parameter has one.

:func:`values_file` writes the commented file ``playbook sla values`` prints; the form on the site
writes the same shape (``valuesFile`` in sla-form.js), and :func:`yaml_scalar` has a JavaScript twin
there, so a file downloaded from the browser reads back to exactly the values the browser used.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode

from ..errors import Diagnostic, UserError
from ..messages import (
    by_name,
    closest,
    date_advice,
    describe,
    in_typographic_quotes,
    number_advice,
    quotes_advice,
    suggest,
)
from ..tr import tr
from ..yamlfile import compose, loc_text, locate, parse_bytes
from . import numbers, wording
from .fill import Filled, fill
from .spec import Spec


def read(path: Path, display: str) -> tuple[Any, str, tuple[Diagnostic, ...]]:
    """The data and text of a values file, and warnings about values YAML read otherwise than
    they look (cut short at a '#'); :class:`UserError` if it cannot be read as YAML."""
    try:
        if path.exists() and not path.is_dir() and not path.is_file():  # /dev/zero, a FIFO
            raise UserError(tr("{file}: this is not an ordinary file; give the path of a values file.",
                               file=display))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UserError(tr("{file}: the values file does not exist.", file=display)) from None
    except IsADirectoryError:
        raise UserError(tr("{file}: this is a folder; give the path of a values file.", file=display)) from None
    except OSError as exc:
        raise UserError(tr("{file}: cannot read the values file: {reason}.", file=display,
                           reason=exc.strerror)) from None
    parsed = parse_bytes(raw, display)
    if parsed.problems:
        raise UserError(parsed.problems)
    return parsed.data, parsed.text, parsed.warnings


def _key_position(root: Node | None, path: tuple[str | int, ...]) -> tuple[int, int] | None:
    """Where the key at the end of ``path`` is written (an unknown key is reported there)."""
    node = root
    for part in path[:-1]:
        if isinstance(node, MappingNode):
            node = next((v for k, v in node.value if isinstance(k, ScalarNode) and k.value == str(part)), None)
        else:
            return None
    if isinstance(node, MappingNode):
        for key_node, _value in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == str(path[-1]):
                return key_node.start_mark.line + 1, key_node.start_mark.column + 1
    return None


def check(spec: Spec, data: Any, text: str, display: str) -> Filled:
    """Validate and fill, or raise :class:`UserError` with every problem located in the file."""
    if data is not None and not isinstance(data, dict):
        raise UserError([Diagnostic(
            display, 1, 1, "",
            tr("a values file is lines of 'name: value', one per parameter, but this file is {what}. "
               "Run 'playbook sla values {id}' for a file to fill in.", what=describe(data), id=spec["id"]))])
    filled, problems = fill(spec, data or {})
    if filled is not None:
        return filled
    root = compose(text) if text.strip() else None
    params = {p["id"]: p for p in spec["params"]}
    # A misspelt parameter is one mistake: "Did you mean 'company_name'?" says it all, so the
    # parameter it stands for is not also "required" (the form on the site shows that field empty).
    meant = {closest(str(args["name"]), args.get("known", [])) for path, code, args in problems
             if code == "additional" and len(path) == 1}
    problems = [(path, code, args) for path, code, args in problems
                if not (code == "required" and len(path) == 1 and path[0] in meant)]
    found: list[Diagnostic] = []
    for path, code, args in problems:
        found.append(_diagnostic(spec, params, root, display, data or {}, path, code, dict(args)))
    raise UserError(found)


def _diagnostic(spec: Spec, params: dict[str, Any], root: Node | None, display: str,
                data: dict[Any, Any], path: tuple[str | int, ...], code: str,
                args: dict[str, Any]) -> Diagnostic:
    kind = str(args.pop("kind", ""))
    if code in ("division_by_zero", "out_of_range", "bad_power", "bad_round", "mixed_currency"):
        target = args.pop("target")
        words = wording.terminal(f"target_{target['kind']}", id=target["id"], label=target["label"])
        text = wording.terminal(code, target=words, **args)
        line, col = 1, 1
        for name in args.get("names", []):
            if name in data:
                line, col, _shown = locate(root, (name,))
                break
        where = f"derived.{target['id']}" if target["kind"] == "derived" else f"clauses.{target['id']}.when"
        return Diagnostic(display, line, col, where, text)
    hint = ""
    if code == "additional":
        hint = suggest(str(args["name"]), args.get("known", []))
        position = _key_position(root, path)
        text = wording.terminal(code, kind, hint=hint, **args)
        if not hint and not kind and len(params) <= 30:
            text += tr(" The parameters are: {names}.", names=", ".join(params))
        line, col = position or (1, 1)
        return Diagnostic(display, line, col, loc_text(path), text)
    got = args.get("got")
    if code == "enum" and isinstance(got, str):
        hint = _label_hint(params.get(str(path[0])), path, got) or suggest(
            got, [str(a) for a in args.get("allowed", [])])
    if code == "required":
        args["label"] = params[str(path[0])]["label"]
    text = wording.terminal(code, kind, hint=hint, **args)
    if isinstance(got, str) and code == "type" and kind in _NUMBER_KINDS and (advice := number_advice(got)):
        text = text.removesuffix(".") + advice + "."  # '1 200 000': write 1200000 (without spaces)
    elif isinstance(got, str) and kind == "date":
        text += date_advice(got)  # '01.02.2027': Write 2027-02-01 (1 February 2027).
    line, col, _shown = locate(root, path)
    return Diagnostic(display, line, col, loc_text(path), text)


#: Kinds of parameter whose value is a number (an amount's too).
_NUMBER_KINDS = ("integer", "decimal", "percent", "duration", "money", "amount", "number")


def _label_hint(param: dict[str, Any] | None, path: tuple[str | int, ...], got: str) -> str:
    """`` Did you mean 'quarterly' (Co kwartał)?`` for a choice given by its label (what the form
    and the values file's comments show) instead of its value; or an empty string."""
    rules = (param or {}).get("item" if len(path) > 1 else "", param) or {}
    choices = rules.get("choices", [])
    wanted = got.strip()
    if in_typographic_quotes(wanted):
        # company_size: “large” (pasted from Word): the quotes are part of the value
        if wanted[1:-1].strip() in {str(choice["value"]) for choice in choices}:
            return quotes_advice(wanted)
        wanted = wanted[1:-1]
    named = [(str(choice["value"]), str(choice[key])) for choice in choices for key in ("label", "text")]
    found = by_name(wanted, named)
    if found is None:
        return ""
    label = next(str(c["label"]) for c in choices if str(c["value"]) == found[0])
    return tr(" Did you mean {value!r} ({label})? Write the value, not its label.", value=found[0], label=label)


# -- writing -------------------------------------------------------------------------------------

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _needs_escape(ch: str) -> bool:
    o = ord(ch)
    return (o < 0x20 or 0x7F <= o <= 0x9F or o in (0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF)
            or 0xD800 <= o <= 0xDFFF)


def quoted(text: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly ``text``."""
    out = ['"']
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif _needs_escape(ch):
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _block_ok(text: str) -> bool:
    """Whether ``text`` can be written as a ``|-`` block and read back unchanged."""
    if "\n" not in text or text.startswith((" ", "\n")) or text.endswith("\n"):
        return False
    if any(_needs_escape(ch) and ch != "\n" for ch in text) or "\t" in text:
        return False
    return all(line == line.rstrip(" ") for line in text.split("\n"))


def yaml_scalar(value: Any, indent: str = "") -> str:
    """The text after ``name:`` for a value (with a leading space, or a block on the next lines)."""
    if value is None:
        return ""
    if isinstance(value, bool):  # pragma: no cover - never a parameter's value
        return " true" if value else " false"
    if isinstance(value, int | float):
        return " " + numbers.plain(float(value))
    if isinstance(value, str):
        if _block_ok(value):
            return " |-\n" + "\n".join(f"{indent}  {line}" if line else "" for line in value.split("\n"))
        return " " + quoted(value)
    if isinstance(value, list):
        if not value:
            return " []"
        return "".join(f"\n{indent}  -" + yaml_scalar(item, indent + "    ") for item in value)
    if isinstance(value, dict):
        return "".join(f"\n{indent}  {key}:" + yaml_scalar(item, indent + "  ")
                       for key, item in value.items())
    raise TypeError(f"cannot write {type(value).__name__}")  # pragma: no cover


def _comment(text: str, width: int = 96) -> list[str]:
    """``# `` lines of at most ``width``, broken between words only: never inside an id such as
    ``marketing-sales-sla`` or the ``'- '`` a list item starts with."""
    out: list[str] = []
    for paragraph in text.split("\n"):
        kept = paragraph.replace("'- '", "'-\u00a0'")  # textwrap breaks at ASCII spaces only
        out += [line.replace("'-\u00a0'", "'- '") for line in textwrap.wrap(
            kept, width=width - 2, break_long_words=False, break_on_hyphens=False)] or [""]
    return [f"# {line}".rstrip() for line in out]


def _describe_rules(rules: dict[str, Any], lang: str) -> str:
    words = _RULE_WORDS[lang]
    kind = rules["type"]
    text = words[kind]
    if kind == "money":
        text = text.format(currency=", ".join(rules["currencies"]))
    if kind == "duration":
        text = text.format(unit=rules["unit_label"])
    if kind == "text":
        text += words["max_length"].format(n=rules["max_length"])
    if "min" in rules and kind in ("integer", "decimal", "percent", "money", "duration"):
        low, high = rules["min"], rules["max"]
        if low > -numbers.MAX_ABS and high < numbers.MAX_ABS:
            text += words["range"].format(low=numbers.plain(float(low)),
                                          high=numbers.plain(float(high)))
        elif low > -numbers.MAX_ABS:
            text += words["at_least"].format(low=numbers.plain(float(low)))
        elif high < numbers.MAX_ABS:
            text += words["at_most"].format(high=numbers.plain(float(high)))
    if kind == "choice":
        text += ": " + ", ".join(f"{c['value']} ({c['label']})" for c in rules["choices"])
    if kind == "list":
        text += words["list_of"].format(item=_describe_rules(rules["item"], lang))
    return text


_RULE_WORDS = {
    "pl": {
        "text": "tekst", "integer": "liczba całkowita", "decimal": "liczba",
        "percent": "procent (40 to 40%)", "money": "kwota w {currency}",
        "duration": "czas ({unit})", "date": "data RRRR-MM-DD", "email": "adres e-mail",
        "choice": "jedno z", "list": "lista", "max_length": ", najwyżej {n} znaków",
        "range": ", od {low} do {high}", "at_least": ", co najmniej {low}",
        "at_most": ", najwyżej {high}", "list_of": " ({item}), jedna pozycja w wierszu po '- '",
    },
    "en": {
        "text": "text", "integer": "whole number", "decimal": "number",
        "percent": "percentage (40 means 40%)", "money": "amount in {currency}",
        "duration": "duration ({unit})", "date": "date YYYY-MM-DD", "email": "e-mail address",
        "choice": "one of", "list": "list", "max_length": ", at most {n} characters",
        "range": ", from {low} to {high}", "at_least": ", at least {low}",
        "at_most": ", at most {high}", "list_of": " ({item}), one item per line after '- '",
    },
}


def values_file(spec: Spec, values: dict[str, Any] | None = None) -> str:
    """A commented values file: every parameter with its help, and its value or default."""
    lang = spec["lang"]
    words = spec["words"]
    lines = _comment(f"{words['values_intro']}: {spec['title']} ({spec['id']})")
    lines += _comment(words["values_howto"])
    lines.append(f"#   playbook sla fill {spec['id']} --values FILE.yaml --format pdf --out {spec['id']}.pdf")
    lines += _comment(words["values_comments"])
    for param in spec["params"]:
        lines.append("")
        need = words["required"] if param["required"] else words["optional"]
        lines += _comment(f"{param['label']} ({_describe_rules(param, lang)}; {need})")
        if param["help"]:
            lines += _comment(param["help"])
        value = param["default"] if values is None else values.get(param["id"])
        if values is None and param.get("default_translated"):
            lines += _comment(words["values_default_text"])
            lines += [f"#   {line}".rstrip() for line in str(value).split("\n")]
            lines.append(f"{param['id']}:")
            continue
        if param["type"] == "list" and value is None:
            lines.append(f"{param['id']}:")
            lines.append(f"#  - {_example(param['item'])}   ({words['list_example']})")
            continue
        lines.append(f"{param['id']}:{yaml_scalar(value)}")
    return "\n".join(lines) + "\n"


def _example(rules: dict[str, Any]) -> str:
    return {"email": "anna@example.com", "date": "2027-01-01", "integer": "10", "decimal": "1.5",
            "percent": "25", "money": "1000", "duration": "24"}.get(rules["type"], '"..."')
