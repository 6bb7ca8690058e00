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

from .tr import tr, tr_n

Loc = tuple[str | int, ...]
_Error = TypeVar("_Error", bound=Mapping[str, Any])

def describe(value: Any) -> str:
    """What a value is, for a message: ``a number (12)``, ``text ('abc')``. In Polish a noun
    phrase in the nominative (``liczba (12)``, ``tekst ('abc')``, ``pusta wartość``), as said
    after "a jest" / "a to jest"."""
    if isinstance(value, bool):
        return tr("true/false ({shown})", shown=str(value).lower())
    if isinstance(value, int | float | str):
        shown = repr(value)
        if len(shown) > 60:
            shown = shown[:57] + "..."
        if isinstance(value, str):
            return tr("text ({shown})", shown=shown)
        return tr("a number ({shown})", shown=shown)
    if value is None:
        return tr("empty")
    if type(value) is list:
        return tr("a list")
    if type(value) is dict:
        return tr("a group of fields")
    return type(value).__name__


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice ``word`` is most likely a typo of, or ``None``."""
    options = sorted(set(choices))
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close:
        close = [c for c in options if c.lower() == word.lower()]
    return close[0] if close else None


def by_label(word: str, choices: Iterable[str]) -> tuple[str, str] | None:
    """The choice whose name on the pages ``word`` is, in any of their languages, or near enough
    (``miesiąc`` for ``month``, ``robocze`` for ``working``: "w dniach roboczych"), with that
    name; or None, also when the word could name several choices."""
    from .labels import LABELS

    named = []
    for choice in choices:
        for labels in LABELS.values():
            label = labels.get(choice) or labels.get(f"unit_{choice}")
            if label is not None:
                named.append((choice, label))
    return by_name(word, named)


def by_name(word: str, named: Iterable[tuple[str, str]]) -> tuple[str, str] | None:
    """Of ``(choice, name)`` pairs, the one whose name ``word`` is, or a word of that name, or a
    word starting like one (``roboczych``, ``robocze``: Polish changes a word's ending); or None,
    also when the word could name several choices."""
    words: dict[str, set[tuple[str, str]]] = {}
    for choice, name in named:
        for part in {name, *(w for w in name.split() if len(w) >= 4)}:
            words.setdefault(part.casefold(), set()).add((choice, name))
    written = word.strip().casefold()
    found = set(words.get(written, set()))
    if not found:
        for part in {written, *written.split()}:
            for name, which in words.items():
                if len(part) >= 4 and _common_start(part, name) >= min(5, len(part), len(name)):
                    found |= which
    return next(iter(found)) if len({c for c, _ in found}) == 1 else None


def _common_start(first: str, second: str) -> int:
    """How many letters two words start with alike."""
    count = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        count += 1
    return count


def suggest(word: str, choices: Iterable[str]) -> str:
    """`` Did you mean 'x'?`` or an empty string."""
    close = closest(word, choices)
    return tr(" Did you mean {close!r}?", close=close) if close else ""


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
        return tr(": remove the quotes (a number in quotes is text)")
    found = written_number(text)
    if found is None:
        return ""
    number, left_out = found
    words = [_left_out_words(part) for part in left_out]
    said = words[0] if len(words) == 1 else tr("{these} and {last}", these=", ".join(words[:-1]), last=words[-1])
    return tr(": write {number} ({said})", number=number, said=said)


def _left_out_words(part: str) -> str:
    """How one of :func:`written_number`'s left-out parts is said in :func:`number_advice`."""
    if part == "a comma":
        return tr("with a dot instead of a comma before the decimals")
    if part == "spaces":
        return tr("without spaces")
    if part == "dots between the thousands":
        return tr("without dots between the thousands")
    if part == "commas between the thousands":
        return tr("without commas between the thousands")
    return tr("without {unit}", unit=part)  # a unit, quoted: 'zł'


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
    return tr(" Write {date} ({day_in_words}).", date=day.isoformat(), day_in_words=_in_words(day))


def _in_words(day: dt.date) -> str:
    """``1 February 2027``; in Polish ``1 lutego 2027`` (the month in the genitive)."""
    values = {"day": day.day, "year": day.year}
    return (
        tr("{day} January {year}", **values), tr("{day} February {year}", **values),
        tr("{day} March {year}", **values), tr("{day} April {year}", **values),
        tr("{day} May {year}", **values), tr("{day} June {year}", **values),
        tr("{day} July {year}", **values), tr("{day} August {year}", **values),
        tr("{day} September {year}", **values), tr("{day} October {year}", **values),
        tr("{day} November {year}", **values), tr("{day} December {year}", **values),
    )[day.month - 1]


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


def in_typographic_quotes(text: str) -> bool:
    """``“text”``, ``„text”``: wrapped whole in the quotes a word processor types, which YAML
    keeps as part of the text."""
    return len(text) > 1 and text[0] in TYPOGRAPHIC_QUOTES and text[-1] in TYPOGRAPHIC_QUOTES


def quotes_advice(text: str) -> str:
    """What to do about :func:`in_typographic_quotes` ``text``, said after what is wrong with it."""
    return tr(" The quotes {opening} {closing} are typographic ones, which YAML does not read as quotes: "
              "remove them, or type straight quotes (\" or ').", opening=text[0], closing=text[-1])
#: What a word processor, an e-mail or a web page makes of a list's '- ': a dash or a bullet.
_PASTED_MARK = re.compile("^([\u2010-\u2015\u2022\u2023\u2043\u2219\u25aa\u25cf\u25e6\u00b7\u2212])[ \u00a0]")


_NUMBER_ERRORS = ("int_type", "int_parsing", "float_type", "float_parsing", "decimal_type")


class QuotesExplained(ValueError):
    """A validator's error that already says the value is in typographic quotes (an id pasted
    so): :func:`plain` adds nothing about them."""


def plain(error: dict[str, Any], root: type[BaseModel]) -> str:
    """One pydantic error as a sentence a non-programmer can act on, with what pasting did to
    the value when that is the likely cause (typographic quotes, a dash or bullet for '- ')."""
    message = _plain(error, root)
    value = error.get("input")
    if not isinstance(value, str) or isinstance((error.get("ctx") or {}).get("error"), QuotesExplained):
        return message
    if in_typographic_quotes(value):
        if error["type"] in _NUMBER_ERRORS:  # straight quotes would make the number text again
            return tr("expected a number, but this is text in typographic quotes ({opening} {closing}): "
                      "remove the quotes (write {number}; a number needs none).",
                      opening=value[0], closing=value[-1],
                      number=(written_number(value[1:-1]) or (value[1:-1],))[0])
        message += quotes_advice(value)
    elif error["type"] in ("list_type", "tuple_type", "set_type") and (mark := _PASTED_MARK.match(value)):
        message += tr(" The items start with '{mark}' (U+{code:04X}), not with the '-' of a list: "
                      "type '- ' (a hyphen and a space) at the start of each.",
                      mark=mark.group(1), code=ord(mark.group(1)))
    return message


def _plain(error: dict[str, Any], root: type[BaseModel]) -> str:
    kind: str = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    loc: Loc = tuple(error["loc"])
    if kind == "missing":
        return tr("this field is required.")
    if kind == "extra_forbidden":
        name = str(loc[-1]) if loc else "?"
        allowed = sorted({k for m in models_at(root, loc[:-1]) for k in _keys(m)})
        from .models.base import LANGUAGES  # here: that module imports this one
        if name in LANGUAGES and name not in allowed:
            return tr("'{name}:' gives a text in one language, but here it is a field of its own: "
                      "indent it under the field it belongs to, like the line of the other language "
                      "above it (with the same spaces at the start).", name=name)
        if set(allowed) == set(LANGUAGES) and value is None and " " in name.strip():
            keys = repr(LANGUAGES[0] + ": ")
            for lang in LANGUAGES[1:]:
                keys = tr("{these} or {last}", these=keys, last=repr(lang + ": "))
            return tr("the text {name!r} has no language before it: write {keys} before it.", name=name, keys=keys)
        hint = suggest(name, allowed)
        if hint:
            return tr("unknown field {name!r}.{hint}", name=name, hint=hint)
        return tr("unknown field {name!r}. The fields allowed here are: {allowed}.",
                  name=name, allowed=", ".join(allowed))
    if kind in ("string_type", "text_type") and value is None:
        return tr("this field is empty: write the text after the ':'.")
    if kind in ("string_type", "text_type"):
        if isinstance(value, bool | int | float):
            return tr("expected text, but this is {what}. Put it in quotes if you mean it as text.",
                      what=describe(value))
        return tr("expected text, but this is {what}.", what=describe(value))
    if kind in _NUMBER_ERRORS:
        if isinstance(value, str) and re.fullmatch(r"[-+]?0\d+(\.\d+)?", value):
            return tr("expected a number, but this is {what}: a number does not start with 0 (write {number}).",
                      what=describe(value), number=value.lstrip("+-").lstrip("0") or "0")
        if isinstance(value, str) and (advice := number_advice(value)):
            return tr("expected a number, but this is {what}{advice}.", what=describe(value), advice=advice)
        if isinstance(value, str):
            return tr("expected a number, but this is {what}. Write digits only, like 12 or 0.25.",
                      what=describe(value))
        return tr("expected a number, but this is {what}.", what=describe(value))
    if kind == "int_from_float":
        return tr("expected a whole number, but this is {what}.", what=describe(value))
    if kind in ("bool_type", "bool_parsing"):
        return tr("expected true or false, but this is {what}.", what=describe(value))
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        options = [o.strip().strip("'") for o in expected.replace(" or ", ", ").split(",")]
        hint = suggest(str(value), options) if isinstance(value, str) else ""
        if isinstance(value, str) and not hint and (named := by_label(value, options)) is not None:
            hint = tr(" Did you mean {value!r} ({label})? Write the value, not its label.",
                      value=named[0], label=named[1])
        if value is None:
            return tr("this field is empty: choose one of {options}.", options=", ".join(options))
        shown = repr(value) if isinstance(value, str) else describe(value)
        return tr("{shown} is not allowed here: choose one of {options}.{hint}",
                  shown=shown, options=", ".join(options), hint=hint)
    if kind.startswith("date") and isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return tr("{value!r} is not a real date: check the month and the day.", value=value)
    if kind.startswith("date") or kind.startswith("datetime"):
        advice = date_advice(value) if isinstance(value, str) else ""
        return tr("expected a date written as YYYY-MM-DD, like 2027-06-30, but this is {what}.{advice}",
                  what=describe(value), advice=advice)
    if kind in ("list_type", "tuple_type", "set_type"):
        return tr("expected a list (one '- item' per line), but this is {what}.", what=describe(value))
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return tr("expected a group of fields (lines of 'name: value'), but this is {what}.",
                  what=describe(value))
    if kind == "too_short":
        minimum = ctx.get("min_length", 1)
        if isinstance(value, str):
            return tr("must not be empty.")
        return tr_n("needs at least {n} item.", "needs at least {n} items.", int(minimum))
    if kind == "too_long":
        maximum = ctx.get("max_length")
        if isinstance(value, str):
            return tr("is too long ({length:,} characters); at most {limit:,} are allowed.",
                      length=len(value), limit=maximum)
        return tr("has too many items; at most {limit} are allowed.", limit=maximum)
    if kind == "string_too_long":
        return tr("is too long; at most {limit:,} characters are allowed.", limit=ctx.get("max_length"))
    if kind == "string_too_short":
        return tr("must not be empty.")
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        limit = next(iter(ctx.values()), "?")
        what = describe(value)
        if kind == "greater_than_equal":
            return tr("must be at least {limit}, but this is {what}.", limit=limit, what=what)
        if kind == "greater_than":
            return tr("must be more than {limit}, but this is {what}.", limit=limit, what=what)
        if kind == "less_than_equal":
            return tr("must be at most {limit}, but this is {what}.", limit=limit, what=what)
        return tr("must be less than {limit}, but this is {what}.", limit=limit, what=what)
    if kind == "string_pattern_mismatch":
        return tr("{what} does not have the expected form ({pattern}).",
                  what=describe(value), pattern=ctx.get("pattern"))
    if kind == "union_tag_invalid":
        tags = str(ctx.get("expected_tags", ""))
        field = str(ctx.get("discriminator", "type")).strip("'")
        if isinstance(value, dict) and value.get(field, "") is None:  # 'type:' left empty
            return tr("the field {field} is empty: write one of {tags}.", field=field,
                      tags=", ".join(t.strip().strip("'") for t in tags.split(",")))
        hint = suggest(str(ctx.get("tag", "")), [t.strip().strip("'") for t in tags.split(",")])
        return tr("{tag!r} is not one of the allowed types: {tags}.{hint}", tag=ctx.get("tag"), tags=tags, hint=hint)
    if kind == "union_tag_not_found":
        return tr("the field {field} is required here.", field=ctx.get("discriminator", "type"))
    if kind == "tags_type":
        return tr("expected a list of keywords like [leads, mql], or a list per language like {example}.",
                  example="{pl: [sprzedaż, kwota], en: [sales, quota]}")
    if kind == "keywords_type":
        return tr("expected a list of words like [KPI, onboarding], or a list per language like {example}.",
                  example="{pl: [KPI, wdrożenie], en: [KPI, onboarding]}")
    if kind in ("value_error", "assertion_error"):
        message = str(error.get("msg", ""))
        for prefix in ("Value error, ", "Assertion failed, "):
            message = message.removeprefix(prefix)
        return message.rstrip(".") + "."
    return str(error.get("msg", kind)).rstrip(".") + "."
