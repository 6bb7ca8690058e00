"""Values + a compiled template -> the filled agreement, in Markdown and in HTML.

Every function here has a twin of the same name in ``generator/assets/sla-form.js``; the browser
tests run both on the same values and compare the results character for character. Keep them in
step: change one, change the other.

Steps: drop empty values -> validate against the JSON Schema -> fill in defaults -> compute the
derived values in order -> decide each clause's ``when`` -> format every value for the language ->
assemble the document from the pre-split segments, escaping each value for the format.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import expr, numbers, schema
from .body import html_escape, md_escape, normalise_text
from .spec import Spec

Problem = schema.Problem


@dataclass
class Filled:
    """A template filled with valid values, ready to be written in any format."""

    spec: Spec
    #: Every parameter's value as given or defaulted (None when optional and not given).
    values: dict[str, Any]
    #: What expressions see: numbers (money: the amount) and texts, plus the derived values.
    env: dict[str, expr.Value]
    #: Each parameter's and derived value's text as shown in the document.
    shown: dict[str, str]
    clauses: list[dict[str, Any]] = field(default_factory=list)
    #: The unit of each derived value that has one, in the form its number needs.
    units: dict[str, str] = field(default_factory=dict)
    #: A value's words inside a sentence where they differ from ``shown`` (a choice: "co
    #: miesiąc", not its label "Co miesiąc").
    inline: dict[str, str] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        return str(self.spec["lang"])

    def markdown(self) -> str:
        return markdown(self)

    def html_body(self) -> str:
        return html_body(self)

    def html(self) -> str:
        return standalone_html(self)

    def empty(self, name: str) -> bool:
        """Whether ``name`` is a parameter left without a value (optional, or an empty list)."""
        return name in self.values and self.values[name] in (None, [])

    def text(self, segment: dict[str, Any]) -> str:
        """What a placeholder shows: the value (inside a sentence, ``"m"``, its words there),
        and with ``"u"`` its unit."""
        name = segment["p"]
        if segment.get("u") and name in self.units:
            return self.shown[name] + numbers.NBSP + self.units[name]
        if segment.get("m") and name in self.inline:
            return self.inline[name]
        return self.shown[name]

    def text_html(self, segment: dict[str, Any]) -> str:
        """:meth:`text` as HTML: a choice whose label is another language's in its ``lang``."""
        return in_lang(html_escape(self.text(segment)), self.value_lang(segment["p"]))

    def value_lang(self, name: str) -> str | None:
        """The language of a chosen choice's label when it is not the document's."""
        for param in self.spec["params"]:
            if param["id"] == name and param["type"] == "choice":
                chosen = self.values.get(name)
                return next((c.get("lang") for c in param["choices"] if c["value"] == chosen), None)
        return None


def in_lang(html: str, lang: str | None) -> str:
    """``html`` in a ``<span lang>`` when ``lang`` is set."""
    return f'<span lang="{lang}">{html}</span>' if lang else html


def present(raw: Any) -> Any:
    """The values that count: empty ones (``name:`` with nothing, or ``""``) are left out."""
    if not isinstance(raw, dict):
        return raw
    return {k: v for k, v in raw.items() if v is not None and v != ""}


def fill(spec: Spec, raw: Any) -> tuple[Filled | None, list[Problem]]:
    """Validate and fill; either a :class:`Filled` or every problem with the values."""
    data = present(raw)
    if data is None:
        data = {}
    problems = schema.validate(spec["schema"], data)
    if problems:
        return None, problems
    values: dict[str, Any] = {}
    env: dict[str, expr.Value] = {}
    currency: dict[str, str] = {}
    for param in spec["params"]:
        name = param["id"]
        value = data.get(name, param["default"])
        values[name] = value
        if value is None or param["type"] == "list":
            continue
        if param["type"] == "money":
            amount, code = _money(value, param)
            env[name] = float(amount)
            currency[name] = code
        elif isinstance(value, str):
            env[name] = value
        else:
            env[name] = float(value)
    shown = {p["id"]: format_value(p, values[p["id"]], spec) for p in spec["params"]}
    inline = {p["id"]: text for p in spec["params"]
              if (text := format_value(p, values[p["id"]], spec, True)) != shown[p["id"]]}
    units: dict[str, str] = {}
    for item in spec["derived"]:
        target = {"kind": "derived", "id": item["id"], "label": item["label"]}
        try:
            _check_currencies(item["expr"], currency)
            result = expr.evaluate(item["expr"], item["source"], env)
        except expr.EvalError as exc:
            return None, [(("derived", item["id"]), exc.code, _eval_args(exc, target, item["expr"]))]
        assert isinstance(result, float)
        value = _round_derived(result, item)
        env[item["id"]] = value
        shown[item["id"]] = numbers.format_number(value, spec["lang"], item["decimals"])
        if item["unit"]:
            units[item["id"]] = numbers.plural_form(item["unit"], shown[item["id"]], spec["lang"])
    clauses = []
    for clause in spec["clauses"]:
        if clause["when"] is not None:
            target = {"kind": "when", "id": clause["id"], "label": clause["title"]}
            try:
                keep = expr.evaluate(clause["when"], clause["when_source"], env)
            except expr.EvalError as exc:
                return None, [(("when", clause["id"]), exc.code,
                               _eval_args(exc, target, clause["when"]))]
            if keep is not True:
                continue
        clauses.append(clause)
    return Filled(spec, values, env, shown, clauses, units, inline), []


def _eval_args(exc: expr.EvalError, target: dict[str, str], tree: expr.Node) -> dict[str, Any]:
    return {"target": target, "expr": exc.expr, "values": exc.values, "names": expr.names(tree)}


class _Mixed(expr.EvalError):
    pass


def _check_currencies(tree: expr.Node, currency: dict[str, str]) -> None:
    used = [(name, currency[name]) for name in expr.names(tree) if name in currency]
    if len({code for _name, code in used}) > 1:
        raise _Mixed("mixed_currency", "", ", ".join(f"{n} = {c}" for n, c in used))


def _round_derived(value: float, item: dict[str, Any]) -> float:
    mode = {"up": "ceil", "down": "floor", "nearest": "nearest"}.get(item["round"])
    if mode is None:
        return value
    return numbers.round_to(value, item["decimals"], mode)  # type: ignore[arg-type]


def _money(value: Any, rules: dict[str, Any]) -> tuple[float, str]:
    if isinstance(value, dict):
        return float(value["amount"]), str(value.get("currency") or rules["currency"])
    return float(value), str(rules["currency"])


# -- formatting ---------------------------------------------------------------------------------

def format_value(rules: dict[str, Any], value: Any, spec: Spec, in_sentence: bool = False) -> str:
    """A value as the document shows it, in the spec's language ("—" when there is none);
    ``in_sentence``: as words inside a sentence (a choice's ``text``, not its label)."""
    lang = spec["lang"]
    missing = spec["words"]["missing"]
    if value is None:
        return str(missing)
    kind = rules["type"]
    if kind == "list":
        if not value:
            return str(missing)
        return ", ".join(format_value(rules["item"], item, spec, in_sentence) for item in value)
    if kind == "text":
        return normalise_text(value)
    if kind == "email":
        return str(value)
    if kind == "date":
        return format_date(value, spec)
    if kind == "choice":
        for choice in rules["choices"]:
            if choice["value"] == value:
                return str(choice["text"] if in_sentence else choice["label"])
        return str(value)  # pragma: no cover - validated before
    if kind == "money":
        amount, code = _money(value, rules)
        return numbers.format_money(amount, code, lang)
    if kind == "integer":
        return numbers.format_number(float(value), lang, 0)
    if kind == "decimal":
        return numbers.format_number(float(value), lang, rules["decimals"])
    if kind == "percent":
        return numbers.format_number(float(value), lang, rules["decimals"], trim=True) + "%"
    if kind == "duration":
        shown = numbers.format_number(float(value), lang, rules["decimals"], trim=True)
        unit = numbers.plural_form(spec["units"][rules["unit"]], shown, lang)
        return f"{shown}{numbers.NBSP}{unit}"
    return str(value)  # pragma: no cover


def format_date(value: str, spec: Spec) -> str:
    """``1 stycznia 2027`` / ``1 January 2027``."""
    year, month, day = int(value[:4]), int(value[5:7]), int(value[8:10])
    return f"{day} {spec['months'][month - 1]} {year}"


# -- assembling ----------------------------------------------------------------------------------

def _segments(segments: list[Any], filled: Filled, show: Callable[[dict[str, Any]], str]) -> str:
    """A clause body's text: its literal parts as they are, each value as ``show`` writes it,
    a conditional part only when its value is given."""
    out = []
    for segment in segments:
        if isinstance(segment, str):
            out.append(segment)
        elif "if" in segment:
            if not filled.empty(segment["if"]):
                out.append(_segments(segment["s"], filled, show))
        else:
            out.append(show(segment))
    return "".join(out)


def _segments_md(segments: list[Any], filled: Filled) -> str:
    return _segments(segments, filled,
                     lambda segment: md_escape(filled.text(segment), bool(segment["t"]), segment["i"]))


def _segments_html(segments: list[Any], filled: Filled) -> str:
    return _segments(segments, filled, filled.text_html)


def _shown_names(segments: list[Any], filled: Filled) -> set[str]:
    """The names of the placeholders that the document shows (a label line left out shows none)."""
    found: set[str] = set()
    for segment in segments:
        if isinstance(segment, str):
            continue
        if "if" in segment:
            if not filled.empty(segment["if"]):
                found |= _shown_names(segment["s"], filled)
        else:
            found.add(segment["p"])
    return found


def agreed(filled: Filled) -> set[str]:
    """The values this agreement is about: those its clauses show or decide on, and what the
    derived ones among them are computed from. A small company's agreement does not list the
    revenue target its clauses never mention, nor an agreement the contacts no one gave."""
    used: set[str] = set()
    for clause in filled.clauses:
        used |= _shown_names(clause["md"], filled)
        if clause["when"] is not None:
            used.update(expr.names(clause["when"]))
    for item in reversed(filled.spec["derived"]):  # a derived value uses only those above it
        if item["id"] in used:
            used.update(expr.names(item["expr"]))
    return used


def annex_rows(filled: Filled) -> list[tuple[dict[str, Any], str]]:
    """``(parameter or derived value, its text)`` for the annex table, in template order: the
    values the agreement uses (:func:`agreed`), a derived value with its unit."""
    used = agreed(filled)
    rows: list[tuple[dict[str, Any], str]] = [
        (p, filled.shown[p["id"]]) for p in filled.spec["params"] if p["id"] in used]
    for item in filled.spec["derived"]:
        if item["id"] in used:
            rows.append((item, filled.text({"p": item["id"], "u": 1})))
    return rows


def markdown(filled: Filled) -> str:
    spec = filled.spec
    words = spec["words"]
    out = ["# " + spec["title_md"], ""]
    for number, clause in enumerate(filled.clauses, 1):
        out += [f"## {number}. {clause['title_md']}", "", _segments_md(clause["md"], filled), ""]
    out += ["## " + words["annex_md"], "",
            f"| {md_escape(words['name'], True)} | {md_escape(words['value'], True)} |",
            "| --- | --- |"]
    for item, text in annex_rows(filled):
        out.append(f"| {item['label_cell']} | {md_escape(text, True)} |")
    return "\n".join(out) + "\n"


def html_body(filled: Filled) -> str:
    spec = filled.spec
    words = spec["words"]
    title_lang = f' lang="{spec["title_lang"]}"' if spec.get("title_lang") else ""
    out = [f'<article class="sla-doc" lang="{spec["lang"]}">', f"<h1{title_lang}>{spec['title_html']}</h1>"]
    for number, clause in enumerate(filled.clauses, 1):
        out += [
            f'<section class="sla-clause" id="sla-{clause["id"]}">',
            f"<h2>{number}. {clause['title_html']}</h2>",
            _segments_html(clause["html"], filled),
            "</section>",
        ]
    out += ['<section class="sla-annex">', f"<h2>{words['annex_html']}</h2>", "<table>",
            f"<thead><tr><th>{html_escape(words['name'])}</th><th>{html_escape(words['value'])}</th></tr></thead>",
            "<tbody>"]
    for item, text in annex_rows(filled):
        out.append(f"<tr><td>{item['label_html']}</td><td>{in_lang(html_escape(text), filled.value_lang(item['id']))}</td></tr>")
    out += ["</tbody>", "</table>", "</section>", "</article>"]
    return "\n".join(out) + "\n"


def standalone_html(filled: Filled) -> str:
    """A complete HTML file: the agreement with its print stylesheet, nothing loaded from outside."""
    spec = filled.spec
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{spec["lang"]}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{spec['title_html']}</title>",
        "<style>",
        spec["css"].rstrip("\n"),
        "</style>",
        "</head>",
        "<body>",
        html_body(filled).rstrip("\n"),
        "</body>",
        "</html>",
    ]) + "\n"
