"""Rounding and formatting of numbers, defined on decimal digits so the browser agrees exactly.

Why digits and not floats: a binary float such as 1.005 is really 1.00499999999999989...; rounding
it with float arithmetic gives 1.00, while a person (and a contract) expects 1.01. Both Python and
JavaScript can produce the *shortest* decimal digits that identify a float (Python's ``repr``,
JavaScript's ``toExponential()``); these digits are the same in both languages. Every rounding here
works on those digits, as a person would with pencil and paper, so the two sides cannot disagree.
``generator/assets/sla-form.js`` mirrors each function of this module; the browser tests compare
them on many values.

Rules (documented in the README):

- rounding to nearest is half away from zero: 0.125 -> 0.13, -2.5 -> -3;
- ``ceil`` and ``floor`` first round to 9 decimal places, so binary noise such as
  120.00000000000001 does not turn 120 into 121;
- Polish: decimal comma, digits grouped by threes with a no-break space (U+00A0) only from five
  digits up (1200, but 12 000), as the Polish CLDR rule has it; English: decimal point, groups of
  three with a comma from four digits up (1,200).
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Literal

#: Largest magnitude of any value or intermediate result: every such number is exact in a double.
MAX_ABS = 1e15
NBSP = "\u00a0"

Mode = Literal["nearest", "ceil", "floor"]


def parts(x: float) -> tuple[bool, str, str]:
    """``(negative, integer digits, fraction digits)`` of the shortest decimal form of ``x``."""
    if x == 0 or not math.isfinite(x):
        return False, "0", ""
    _sign, digit_tuple, exponent = Decimal(repr(abs(float(x)))).normalize().as_tuple()
    digits = "".join(str(d) for d in digit_tuple)
    assert isinstance(exponent, int)
    point = len(digits) + exponent  # position of the decimal point within ``digits``
    if point <= 0:
        whole, frac = "0", "0" * (-point) + digits
    elif point >= len(digits):
        whole, frac = digits + "0" * (point - len(digits)), ""
    else:
        whole, frac = digits[:point], digits[point:]
    return x < 0, whole, frac


def _increment(digits: str) -> str:
    """``digits`` + 1, as decimal text (``"0999"`` -> ``"1000"``)."""
    out = list(digits)
    i = len(out) - 1
    while i >= 0:
        if out[i] == "9":
            out[i] = "0"
            i -= 1
        else:
            out[i] = str(int(out[i]) + 1)
            return "".join(out)
    return "1" + "".join(out)


def round_parts(p: tuple[bool, str, str], decimals: int, mode: Mode) -> tuple[bool, str, str]:
    """Round digits to ``decimals`` places; the fraction comes back exactly that long."""
    negative, whole, frac = p
    keep = frac[:decimals].ljust(decimals, "0")
    rest = frac[decimals:]
    up = False
    if mode == "nearest":
        up = bool(rest) and rest[0] >= "5"
    elif rest.strip("0"):
        up = (mode == "ceil") != negative
    if up:
        both = _increment(whole + keep)
        whole, keep = both[: len(both) - decimals], both[len(both) - decimals :]
    whole = whole.lstrip("0") or "0"
    if not whole.strip("0") and not keep.strip("0"):
        negative = False
    return negative, whole, keep


def to_text(p: tuple[bool, str, str]) -> str:
    """``-123.45`` from parts (a plain number, no grouping)."""
    negative, whole, frac = p
    return ("-" if negative else "") + whole + ("." + frac if frac else "")


def to_float(p: tuple[bool, str, str]) -> float:
    return float(to_text(p))


def round_to(x: float, decimals: int, mode: Mode = "nearest") -> float:
    """``x`` rounded to ``decimals`` places (half away from zero, or towards +/- infinity)."""
    if mode != "nearest":
        snapped = round_parts(parts(x), 9, "nearest")
        return to_float(round_parts(snapped, decimals, mode))
    return to_float(round_parts(parts(x), decimals, "nearest"))


def decimal_places(x: float) -> int:
    """How many decimal places the shortest form of ``x`` has (0.25 -> 2, 3.0 -> 0)."""
    return len(parts(x)[2])


def plain(x: float) -> str:
    """A number as plain digits, the same in Python and JavaScript (1200000, 0.25, -3)."""
    return to_text(parts(x))


def _group(whole: str, sep: str, minimum: int) -> str:
    if len(whole) < minimum:
        return whole
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sep.join(groups)


def format_number(x: float, lang: str, decimals: int, trim: bool = False) -> str:
    """``x`` rounded to ``decimals`` places and written the way ``lang`` writes numbers.

    With ``trim``, trailing zeros of the fraction are dropped (12.50 -> 12.5, 40.0 -> 40).
    """
    negative, whole, frac = round_parts(parts(x), decimals, "nearest")
    if trim:
        frac = frac.rstrip("0")
    if lang == "pl":
        text = _group(whole, NBSP, 5) + ("," + frac if frac else "")
    else:
        text = _group(whole, ",", 4) + ("." + frac if frac else "")
    return ("-" if negative else "") + text


def format_money(amount: float, currency: str, lang: str) -> str:
    """Whole amounts without decimals, others with two: ``1 200 000,50 zł`` / ``PLN 1,200,000.50``."""
    frac = round_parts(parts(amount), 2, "nearest")[2]
    decimals = 0 if frac == "00" else 2
    number = format_number(amount, lang, decimals)
    if lang == "pl":
        return f"{number}{NBSP}{'zł' if currency == 'PLN' else currency}"
    return f"{currency}{NBSP}{number}"


#: The CLDR plural categories each language's words take, in the order a template writes them.
#: Polish: ``one`` (1 transakcja), ``few`` (2-4, 22-24... transakcje), ``many`` (0, 5-21,
#: 25-31... transakcji), ``other`` (a number with decimals: 1,5 transakcji). English: ``one``
#: (1 deal) and ``other`` (0, 2, 1.5 deals).
PLURAL_CATEGORIES: dict[str, tuple[str, ...]] = {
    "pl": ("one", "few", "many", "other"),
    "en": ("one", "other"),
}


def plural_category(shown: str, lang: str) -> str:
    """CLDR plural category of a number as shown (``"1"``, ``"24"``, ``"1,5"``, ``"-1"``).

    The number is taken as written: ``1,0`` has a decimal place, so it is ``other`` ("1,0 godziny",
    "1.0 hours"), as CLDR has it. The sign does not count (-1 is ``one``, as 1 is)."""
    if lang != "pl":
        return "one" if shown.lstrip("-") == "1" else "other"
    digits = shown.replace(NBSP, "").lstrip("-")
    if not digits.isdigit():
        return "other"  # a fraction: "1,5 godziny"
    n = int(digits)
    if n == 1:
        return "one"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "few"
    return "many"


def needed_categories(lang: str, decimals: int) -> tuple[str, ...]:
    """The plural categories a number shown with ``decimals`` places can fall in: whole numbers
    take every category but ``other`` in Polish, and ``one`` and ``other`` in English; a number
    shown with decimal places is always ``other`` (1,50 / 1.50)."""
    if decimals > 0:
        return ("other",)
    return ("one", "few", "many") if lang == "pl" else ("one", "other")


def plural_form(forms: dict[str, str], shown: str, lang: str) -> str:
    """The word of ``forms`` (by plural category) that goes with the number ``shown``.

    A single word for every number is ``{"other": word}``. A template is checked to give every
    category its numbers can need (:func:`needed_categories`); ``other`` stands in for a category
    it does not give (as it does for the built-in units of durations)."""
    return forms.get(plural_category(shown, lang)) or forms.get("other") or ""


def days_in_month(year: int, month: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def is_real_date(text: str) -> bool:
    """``YYYY-MM-DD`` naming a day that exists (2027-02-29 does not)."""
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        return False
    y, m, d = text[:4], text[5:7], text[8:]
    if not all(c in "0123456789" for c in y + m + d):
        return False
    year, month, day = int(y), int(m), int(d)
    return year >= 1 and 1 <= month <= 12 and 1 <= day <= days_in_month(year, month)
