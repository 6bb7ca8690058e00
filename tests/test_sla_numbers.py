"""Rounding and number formatting of the SLA generator (the browser twin is compared in
test_sla_browser.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.sla import numbers
from generator.sla.numbers import NBSP


@pytest.mark.parametrize(
    ("x", "decimals", "mode", "expected"),
    [
        (1.005, 2, "nearest", 1.01),  # the float is 1.00499999...; its shortest digits are 1.005
        (0.125, 2, "nearest", 0.13),  # half away from zero, not half to even
        (2.5, 0, "nearest", 3.0),
        (-2.5, 0, "nearest", -3.0),
        (0.5, 0, "nearest", 1.0),
        (1.4999, 0, "nearest", 1.0),
        (133.33333333333334, 0, "ceil", 134.0),
        (60.00000000000001, 0, "ceil", 60.0),  # binary noise is not a reason to round up
        (999.9999999999999, 0, "floor", 1000.0),
        (-1.2, 0, "ceil", -1.0),
        (-1.2, 0, "floor", -2.0),
        (9.995, 2, "nearest", 10.0),
        (1e-7, 2, "nearest", 0.0),
        (123456789012345.6, 0, "nearest", 123456789012346.0),
    ],
)
def test_round_to(x: float, decimals: int, mode: numbers.Mode, expected: float) -> None:
    assert numbers.round_to(x, decimals, mode) == expected


@pytest.mark.parametrize(
    ("x", "lang", "decimals", "trim", "expected"),
    [
        (1200000.5, "pl", 2, False, f"1{NBSP}200{NBSP}000,50"),
        (1200000.5, "en", 2, False, "1,200,000.50"),
        (1200, "pl", 0, False, "1200"),  # Polish groups from five digits up
        (12000, "pl", 0, False, f"12{NBSP}000"),
        (1200, "en", 0, False, "1,200"),
        (-1234.5, "en", 1, False, "-1,234.5"),
        (12.5, "pl", 2, True, "12,5"),
        (40.0, "pl", 1, True, "40"),
        (0.0, "en", 2, False, "0.00"),
        (-0.001, "en", 2, False, "0.00"),  # no "-0.00"
        (999.995, "en", 2, False, "1,000.00"),
    ],
)
def test_format_number(x: float, lang: str, decimals: int, trim: bool, expected: str) -> None:
    assert numbers.format_number(x, lang, decimals, trim) == expected


@pytest.mark.parametrize(
    ("amount", "currency", "lang", "expected"),
    [
        (1200000.5, "PLN", "pl", f"1{NBSP}200{NBSP}000,50{NBSP}zł"),
        (1200000.5, "PLN", "en", f"PLN{NBSP}1,200,000.50"),
        (30000, "PLN", "pl", f"30{NBSP}000{NBSP}zł"),
        (30000, "EUR", "pl", f"30{NBSP}000{NBSP}EUR"),
        (0.004, "PLN", "en", f"PLN{NBSP}0"),
        (19.999, "EUR", "en", f"EUR{NBSP}20"),
    ],
)
def test_format_money(amount: float, currency: str, lang: str, expected: str) -> None:
    assert numbers.format_money(amount, currency, lang) == expected


@pytest.mark.parametrize(
    ("shown", "lang", "expected"),
    [("1", "pl", "one"), ("2", "pl", "few"), ("4", "pl", "few"), ("5", "pl", "many"),
     ("12", "pl", "many"), ("22", "pl", "few"), ("24", "pl", "few"), ("112", "pl", "many"),
     ("1,5", "pl", "other"), (f"1{NBSP}002", "pl", "few"), ("0", "pl", "many"), ("-1", "pl", "one"),
     ("1,0", "pl", "other"), ("1", "en", "one"), ("2", "en", "other"), ("0", "en", "other"),
     ("1.5", "en", "other"), ("1.0", "en", "other"), ("-1", "en", "one")],
)
def test_plural_category(shown: str, lang: str, expected: str) -> None:
    assert numbers.plural_category(shown, lang) == expected


#: Every category a different word, so that a wrong choice shows (1,5 takes the genitive singular).
DEALS = {
    "pl": {"one": "wygrana transakcja", "few": "wygrane transakcje", "many": "wygranych transakcji",
           "other": "wygranej transakcji"},
    "en": {"one": "won deal", "other": "won deals"},
}


@pytest.mark.parametrize(
    ("x", "decimals", "lang", "expected"),
    [
        (1, 0, "pl", "1 wygrana transakcja"), (2, 0, "pl", "2 wygrane transakcje"),
        (4, 0, "pl", "4 wygrane transakcje"), (5, 0, "pl", "5 wygranych transakcji"),
        (12, 0, "pl", "12 wygranych transakcji"), (22, 0, "pl", "22 wygrane transakcje"),
        (25, 0, "pl", "25 wygranych transakcji"), (1.5, 1, "pl", "1,5 wygranej transakcji"),
        (0, 0, "pl", "0 wygranych transakcji"), (1, 1, "pl", "1,0 wygranej transakcji"),
        (12002, 0, "pl", "12 002 wygrane transakcje"),
        (1, 0, "en", "1 won deal"), (2, 0, "en", "2 won deals"), (0, 0, "en", "0 won deals"),
        (1.5, 1, "en", "1.5 won deals"), (-1, 0, "en", "-1 won deal"),
    ],
)
def test_a_unit_takes_the_form_its_number_needs(x: float, decimals: int, lang: str,
                                                expected: str) -> None:
    shown = numbers.format_number(x, lang, decimals)
    assert f"{shown} {numbers.plural_form(DEALS[lang], shown, lang)}".replace(NBSP, " ") == expected


def test_one_word_serves_every_number() -> None:
    """``unit: MQL`` is ``{"other": "MQL"}``: the word for every number, in either language."""
    for lang, shown in (("pl", "1"), ("pl", "2"), ("pl", "5"), ("pl", "1,5"), ("en", "1"), ("en", "2")):
        assert numbers.plural_form({"other": "MQL"}, shown, lang) == "MQL"


@pytest.mark.parametrize(
    ("lang", "decimals", "needed"),
    [("pl", 0, ("one", "few", "many")), ("en", 0, ("one", "other")), ("pl", 1, ("other",)),
     ("en", 2, ("other",))],
)
def test_the_forms_a_value_can_need(lang: str, decimals: int, needed: tuple[str, ...]) -> None:
    assert numbers.needed_categories(lang, decimals) == needed
    # Every number shown with those decimals falls in one of them, and each of them is used.
    shown = {numbers.format_number(n / 4, lang, decimals) for n in range(-50, 500)}
    assert {numbers.plural_category(s, lang) for s in shown} == set(needed)


@pytest.mark.parametrize(
    ("text", "ok"),
    [("2027-01-01", True), ("2028-02-29", True), ("2027-02-29", False), ("2100-02-29", False),
     ("2000-02-29", True), ("2027-04-31", False), ("2027-13-01", False), ("0000-01-01", False),
     ("2027-1-01", False), ("２０２７-01-01", False)],
)
def test_is_real_date(text: str, ok: bool) -> None:
    assert numbers.is_real_date(text) is ok


@given(st.floats(min_value=-1e15, max_value=1e15, allow_nan=False))
def test_parts_read_back_as_the_same_float(x: float) -> None:
    assert float(numbers.plain(x)) == x


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), st.integers(0, 6))
def test_nearest_rounding_is_within_half_a_unit(x: float, decimals: int) -> None:
    rounded = numbers.round_to(x, decimals)
    assert abs(rounded - x) <= 0.5 * 10**-decimals + 1e-9 * max(1.0, abs(x))
    assert numbers.decimal_places(rounded) <= decimals
