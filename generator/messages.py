"""Pydantic's validation errors, rewritten in plain words for the people who write the YAML."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel

Loc = tuple[str | int, ...]
_Error = TypeVar("_Error", bound=Mapping[str, Any])

_TYPE_WORDS = {
    bool: "true/false",
    int: "a number",
    float: "a number",
    str: "text",
    list: "a list",
    dict: "a group of fields",
    type(None): "empty",
}


def describe(value: Any) -> str:
    """What a value is, for a message: ``a number (12)``, ``text ('abc')``."""
    kind = _TYPE_WORDS.get(type(value), type(value).__name__)
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int | float | str):
        shown = repr(value)
        if len(shown) > 60:
            shown = shown[:57] + "..."
        return f"{kind} ({shown})"
    if value is None:
        return "empty"
    return kind


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice ``word`` is most likely a typo of, or ``None``."""
    options = sorted(set(choices))
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close:
        close = [c for c in options if c.lower() == word.lower()]
    return close[0] if close else None


def suggest(word: str, choices: Iterable[str]) -> str:
    """`` Did you mean 'x'?`` or an empty string."""
    close = closest(word, choices)
    return f" Did you mean {close!r}?" if close else ""


#: Spaces people (and word processors) put between groups of three digits: '1 200 000'.
_GROUP_SPACE = " \u00a0\u202f\u2009"
#: Words that multiply the number before them: leaving them out would change it.
_MULTIPLIERS = frozenset({"k", "tys", "tysięcy", "tysiące", "mln", "mil", "mio", "m", "mld",
                          "bln", "bn", "million", "millions", "thousand", "thousands", "billion"})
_NUMBER_AND_UNIT = re.compile(r"([-+]?\d[\d \u00a0\u202f\u2009.,]*?)[ \u00a0\u202f\u2009]*(%|[^\W\d_]+\.?)?")


def written_number(text: str) -> tuple[str, list[str]] | None:
    """The number a text like ``1 200 000``, ``1,5``, ``20%`` or ``30 000 zł`` stands for, written
    as a plain number (``1200000``, ``1.5``, ``20``, ``30000``), and what was left out to write it
    so (``["spaces"]``); None when the text is no such number, or could be read two ways
    (``1,200``: one thousand two hundred, or one and two tenths?)."""
    match = _NUMBER_AND_UNIT.fullmatch(text.strip())
    if match is None:
        return None
    number, unit = match.group(1), match.group(2)
    left_out: list[str] = []
    spaced = rf"[-+]?\d{{1,3}}(?:[{_GROUP_SPACE}]\d{{3}})+(?:,\d+)?"
    if re.fullmatch(spaced, number):  # 1 200 000, 1 200 000,50: the Polish way
        left_out.append("spaces")
        number = re.sub(f"[{_GROUP_SPACE}]", "", number)
    elif re.fullmatch(r"[-+]?\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?", number):  # 1.200.000
        left_out.append("dots between the thousands")
        number = number.replace(".", "")
    elif re.fullmatch(r"[-+]?\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?", number):  # 1,200,000: the English way
        left_out.append("commas between the thousands")
        number = number.replace(",", "")
    if re.fullmatch(r"[-+]?\d+,\d+", number):
        if re.fullmatch(r"[-+]?[1-9]\d{0,2},\d{3}", number) and not left_out:
            return None  # 1,200: thousands (English) or decimals (Polish)?
        left_out.append("a comma")
        number = number.replace(",", ".")
    if not re.fullmatch(r"[-+]?\d+(?:\.\d+)?", number):
        return None
    if unit is not None:
        if unit.casefold().rstrip(".") in _MULTIPLIERS:
            return None  # '2,5 mln' is not 2.5
        left_out.append(f"'{unit}'")
    if not left_out:
        return None
    return number, left_out


#: A number as YAML writes one: in quotes, it is text.
_PLAIN_NUMBER = re.compile(r"[-+]?(0|[1-9]\d*)(\.\d+)?")


def number_advice(text: str) -> str:
    """How to write a text that is meant as a number (``'1 200 000'`` -> ``": write 1200000,
    without spaces"``; ``'24'`` -> ``": remove the quotes ..."``), or an empty string. Said after
    "expected a number, but this is ...", in definitions and values files alike."""
    if _PLAIN_NUMBER.fullmatch(text):
        return ": remove the quotes (a number in quotes is text)"
    found = written_number(text)
    if found is None:
        return ""
    number, left_out = found
    words = [("with a dot instead of a comma before the decimals" if part == "a comma" else f"without {part}")
             for part in left_out]
    said = ", ".join(words[:-1]) + (" and " if len(words) > 1 else "") + words[-1]
    return f": write {number} ({said})"


_ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December"]
#: A month's name, as a date in words has it (Polish in the genitive), to its number.
_MONTH_NAMES = {name.casefold(): number for names in (
    ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
     "września", "października", "listopada", "grudnia"], _ENGLISH_MONTHS)
    for number, name in enumerate(names, 1)}


def written_date(text: str) -> dt.date | None:
    """The day a date written another common way stands for: day first as in Poland
    (``01.02.2027``, ``1.2.2027``, ``01/02/2027``), the year first without zeros (``2027-2-1``,
    ``2027.02.01``, ``2027/2/1``), or in words (``1 lutego 2027``, ``1 February 2027``); None
    when the text is none of those, or no real day."""
    cleaned = text.strip().rstrip(".").strip()
    try:
        if match := re.fullmatch(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4})( ?r)?", cleaned):
            return dt.date(int(match.group(4)), int(match.group(3)), int(match.group(1)))
        if match := re.fullmatch(r"(\d{4})([./-])(\d{1,2})\2(\d{1,2})", cleaned):
            return dt.date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
        if match := re.fullmatch(r"(\d{1,2})\.? +([^\W\d_]+) +(\d{4})( ?r)?", cleaned):
            month = _MONTH_NAMES.get(match.group(2).casefold())
            if month is not None:
                return dt.date(int(match.group(3)), month, int(match.group(1)))
    except ValueError:
        return None
    return None


def date_advice(text: str) -> str:
    """How to write a date given another way (``'01.02.2027'`` -> ``" Write 2027-02-01 (1
    February 2027)."``), or an empty string."""
    day = written_date(text)
    if day is None:
        return ""
    return f" Write {day.isoformat()} ({day.day} {_ENGLISH_MONTHS[day.month - 1]} {day.year})."


def _members(annotation: Any) -> list[Any]:
    origin = get_origin(annotation)
    if origin is typing.Annotated:
        return _members(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return [m for arg in get_args(annotation) for m in _members(arg)]
    if origin in (list, tuple, set, frozenset):
        return [m for arg in get_args(annotation) for m in _members(arg)]
    return [annotation]


def _models(annotation: Any) -> list[type[BaseModel]]:
    return [m for m in _members(annotation) if isinstance(m, type) and issubclass(m, BaseModel)]


def _keys(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def _literal_values(model: type[BaseModel]) -> set[str]:
    found: set[str] = set()
    for info in model.model_fields.values():
        if get_origin(info.annotation) is Literal:
            found.update(str(a) for a in get_args(info.annotation))
    return found


def models_at(root: type[BaseModel], loc: Loc) -> list[type[BaseModel]]:
    """The model classes that may stand at ``loc`` (several where a union is not yet decided)."""
    current: list[type[BaseModel]] = [root]
    for part in loc:
        if isinstance(part, int):
            continue
        following: list[type[BaseModel]] = []
        for model in current:
            for name, info in model.model_fields.items():
                if part in (name, info.alias):
                    following.extend(_models(info.annotation))
        if following:
            current = following
            continue
        tagged = [m for m in current if part in _literal_values(m)]
        if tagged:
            current = tagged
    return current


def field_help(root: type[BaseModel], loc: Loc) -> str | None:
    for model in models_at(root, loc[:-1]):
        for name, info in model.model_fields.items():
            if loc and loc[-1] in (name, info.alias) and info.description:
                return info.description
    return None


def meant_field(loc: Loc, root: type[BaseModel]) -> str | None:
    """The field an unknown one at ``loc`` is a typo of (``periodd`` -> ``period``), or ``None``."""
    allowed = {k for m in models_at(root, loc[:-1]) for k in _keys(m)}
    return closest(str(loc[-1]), allowed) if loc else None


def misspelt_required(errors: Sequence[_Error], root: type[BaseModel]) -> list[_Error]:
    """``errors`` without a required field reported missing where an unknown field beside it is
    that field misspelt (``periodd: quarter``): one mistake, one error, the one saying "Did you
    mean 'period'?"."""
    meant: set[Loc] = set()
    for error in errors:
        loc: Loc = tuple(error["loc"])
        if error["type"] == "extra_forbidden" and loc:
            field = meant_field(loc, root)
            if field is not None:
                meant.add((*loc[:-1], field))
    return [e for e in errors if not (e["type"] == "missing" and tuple(e["loc"]) in meant)]


#: Typographic quotes (as word processors and e-mail type them), which YAML reads as text.
TYPOGRAPHIC_QUOTES = "\u201c\u201d\u201e\u2018\u2019\u201a\u00ab\u00bb"
#: What a word processor, an e-mail or a web page makes of a list's '- ': a dash or a bullet.
_PASTED_MARK = re.compile("^([\u2010-\u2015\u2022\u2023\u2043\u2219\u25aa\u25cf\u25e6\u00b7\u2212])[ \u00a0]")


_NUMBER_ERRORS = ("int_type", "int_parsing", "float_type", "float_parsing", "decimal_type")


def plain(error: dict[str, Any], root: type[BaseModel]) -> str:
    """One pydantic error as a sentence a non-programmer can act on, with what pasting did to
    the value when that is the likely cause (typographic quotes, a dash or bullet for '- ')."""
    message = _plain(error, root)
    value = error.get("input")
    if not isinstance(value, str) or "typographic" in message:
        return message
    if len(value) > 1 and value[0] in TYPOGRAPHIC_QUOTES and value[-1] in TYPOGRAPHIC_QUOTES:
        if error["type"] in _NUMBER_ERRORS:  # straight quotes would make the number text again
            return (f"expected a number, but this is text in typographic quotes ({value[0]} "
                    f"{value[-1]}): remove the quotes (write {(written_number(value[1:-1]) or (value[1:-1],))[0]}; "
                    "a number needs none).")
        message += (f" The quotes {value[0]} {value[-1]} are typographic ones, which YAML does not "
                    "read as quotes: remove them, or type straight quotes (\" or ').")
    elif error["type"] in ("list_type", "tuple_type", "set_type") and (mark := _PASTED_MARK.match(value)):
        message += (f" The items start with '{mark.group(1)}' (U+{ord(mark.group(1)):04X}), not with "
                    "the '-' of a list: type '- ' (a hyphen and a space) at the start of each.")
    return message


def _plain(error: dict[str, Any], root: type[BaseModel]) -> str:
    kind: str = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    loc: Loc = tuple(error["loc"])
    if kind == "missing":
        return "this field is required."
    if kind == "extra_forbidden":
        name = str(loc[-1]) if loc else "?"
        allowed = sorted({k for m in models_at(root, loc[:-1]) for k in _keys(m)})
        from .models.base import LANGUAGES  # here: that module imports this one
        if name in LANGUAGES and name not in allowed:
            return (f"'{name}:' gives a text in one language, but here it is a field of its own: "
                    f"indent it under the field it belongs to, like the line of the other language "
                    "above it (with the same spaces at the start).")
        if set(allowed) == set(LANGUAGES) and value is None and " " in name.strip():
            return (f"the text {name!r} has no language before it: write "
                    f"{' or '.join(repr(lang + ': ') for lang in LANGUAGES)} before it.")
        hint = suggest(name, allowed)
        if hint:
            return f"unknown field {name!r}.{hint}"
        return f"unknown field {name!r}. The fields allowed here are: {', '.join(allowed)}."
    if kind in ("string_type", "text_type") and value is None:
        return "this field is empty: write the text after the ':'."
    if kind in ("string_type", "text_type"):
        extra = ""
        if isinstance(value, bool | int | float):
            extra = " Put it in quotes if you mean it as text."
        return f"expected text, but this is {describe(value)}.{extra}"
    if kind in _NUMBER_ERRORS:
        if isinstance(value, str) and re.fullmatch(r"[-+]?0\d+(\.\d+)?", value):
            return (f"expected a number, but this is {describe(value)}: a number does not start with "
                    f"0 (write {value.lstrip('+-').lstrip('0') or '0'}).")
        if isinstance(value, str) and (advice := number_advice(value)):
            return f"expected a number, but this is {describe(value)}{advice}."
        if isinstance(value, str):
            return f"expected a number, but this is {describe(value)}. Write digits only, like 12 or 0.25."
        return f"expected a number, but this is {describe(value)}."
    if kind == "int_from_float":
        return f"expected a whole number, but this is {describe(value)}."
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, but this is {describe(value)}."
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        options = [o.strip().strip("'") for o in expected.replace(" or ", ", ").split(",")]
        hint = suggest(str(value), options) if isinstance(value, str) else ""
        if value is None:
            return f"this field is empty: choose one of {', '.join(options)}."
        shown = repr(value) if isinstance(value, str) else describe(value)
        return f"{shown} is not allowed here: choose one of {', '.join(options)}.{hint}"
    if kind.startswith("date") and isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return f"{value!r} is not a real date: check the month and the day."
    if kind.startswith("date") or kind.startswith("datetime"):
        advice = date_advice(value) if isinstance(value, str) else ""
        return f"expected a date written as YYYY-MM-DD, like 2027-06-30, but this is {describe(value)}.{advice}"
    if kind in ("list_type", "tuple_type", "set_type"):
        return f"expected a list (one '- item' per line), but this is {describe(value)}."
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected a group of fields (lines of 'name: value'), but this is {describe(value)}."
    if kind == "too_short":
        minimum = ctx.get("min_length", 1)
        if isinstance(value, str):
            return "must not be empty."
        return f"needs at least {minimum} item{'s' if minimum != 1 else ''}."
    if kind == "too_long":
        maximum = ctx.get("max_length")
        if isinstance(value, str):
            return f"is too long ({len(value):,} characters); at most {maximum:,} are allowed."
        return f"has too many items; at most {maximum} are allowed."
    if kind == "string_too_long":
        return f"is too long; at most {ctx.get('max_length'):,} characters are allowed."
    if kind == "string_too_short":
        return "must not be empty."
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        words = {
            "greater_than_equal": "at least",
            "greater_than": "more than",
            "less_than_equal": "at most",
            "less_than": "less than",
        }[kind]
        limit = next(iter(ctx.values()), "?")
        return f"must be {words} {limit}, but this is {describe(value)}."
    if kind == "string_pattern_mismatch":
        return f"{describe(value)} does not have the expected form ({ctx.get('pattern')})."
    if kind == "union_tag_invalid":
        tags = str(ctx.get("expected_tags", ""))
        hint = suggest(str(ctx.get("tag", "")), [t.strip().strip("'") for t in tags.split(",")])
        return f"{ctx.get('tag')!r} is not one of the allowed types: {tags}.{hint}"
    if kind == "union_tag_not_found":
        return f"the field {ctx.get('discriminator', 'type')} is required here."
    if kind in ("value_error", "assertion_error"):
        message = str(error.get("msg", ""))
        for prefix in ("Value error, ", "Assertion failed, "):
            message = message.removeprefix(prefix)
        return message.rstrip(".") + "."
    return str(error.get("msg", kind)).rstrip(".") + "."
