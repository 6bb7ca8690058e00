"""Due-date arithmetic: ``day 1`` is the start, working days skip weekends, weeks and months end."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.checklists.dates import (
    DaysOff,
    add_months,
    days_off_between,
    due_date,
    first_day,
    format_date,
    nth_day,
    parse_start,
)
from generator.models.checklist import parse_due

D = dt.date
MON = D(2027, 1, 4)  # a Monday
WED = D(2027, 1, 6)
SAT = D(2027, 1, 2)
SUN = D(2027, 1, 3)


@pytest.mark.parametrize(
    ("start", "due", "days", "expected"),
    [
        # day 1 is the start date itself
        (MON, "day 1", "working", MON),
        (WED, "day 1", "working", WED),
        (MON, "day 1", "calendar", MON),
        (SAT, "day 1", "calendar", SAT),
        # working days skip Saturday and Sunday
        (MON, "day 5", "working", D(2027, 1, 8)),  # Friday
        (MON, "day 6", "working", D(2027, 1, 11)),  # next Monday, not Saturday
        (D(2027, 1, 8), "day 2", "working", D(2027, 1, 11)),  # Friday -> Monday
        (WED, "day 4", "working", D(2027, 1, 11)),  # Wed Thu Fri Mon
        (MON, "day 30", "working", D(2027, 2, 12)),  # six working weeks
        (MON, "day 30", "calendar", D(2027, 2, 2)),
        # a start on a Saturday or Sunday: working days count from the next Monday
        (SAT, "day 1", "working", MON),
        (SUN, "day 1", "working", MON),
        (SAT, "day 2", "working", D(2027, 1, 5)),
        (SAT, "week 1", "working", D(2027, 1, 8)),
        # week N ends the N-th week: day 5N (working) or 7N (calendar)
        (MON, "week 1", "working", D(2027, 1, 8)),
        (MON, "week 2", "working", D(2027, 1, 15)),
        (WED, "week 1", "working", D(2027, 1, 12)),  # five working days from a Wednesday
        (MON, "week 1", "calendar", D(2027, 1, 10)),  # Sunday, the 7th day
        (SAT, "week 2", "calendar", D(2027, 1, 15)),
        # month N ends the N-th month: the day before the same date N months later ...
        (MON, "month 1", "working", D(2027, 2, 3)),
        (MON, "month 1", "calendar", D(2027, 2, 3)),
        (MON, "month 3", "calendar", D(2027, 4, 3)),  # a Saturday: calendar days keep it
        (MON, "month 3", "working", D(2027, 4, 2)),  # ... and working days move it to Friday
        (D(2027, 1, 31), "month 1", "calendar", D(2027, 2, 28)),  # no 31 February
        (D(2028, 1, 31), "month 1", "calendar", D(2028, 2, 29)),  # leap year
        (D(2027, 12, 15), "month 1", "calendar", D(2028, 1, 14)),  # across the year
        (SAT, "month 1", "working", D(2027, 2, 3)),  # counted from Monday 4 January
    ],
)
def test_due_date(start: dt.date, due: str, days: str, expected: dt.date) -> None:
    assert due_date(start, parse_due(due), days) == expected  # type: ignore[arg-type]


def test_the_example_order_of_offsets_gives_dates_in_the_same_order() -> None:
    """The example checklists list day 3 before week 1 before month 1: so must the dates."""
    offsets = ["day 1", "day 2", "day 3", "week 1", "week 2", "week 3", "month 1"]
    for start in (MON, WED, SAT, D(2027, 1, 29)):
        for days in ("working", "calendar"):
            dates = [due_date(start, parse_due(o), days) for o in offsets]
            assert dates == sorted(dates), (start, days, dates)


@given(st.dates(D(2000, 1, 1), D(2100, 1, 1)), st.integers(1, 400))
def test_working_days_are_never_weekends_and_count_exactly(start: dt.date, n: int) -> None:
    day = nth_day(start, n, "working")
    assert day.weekday() < 5
    first = first_day(start, "working")
    span = [first + dt.timedelta(days=i) for i in range((day - first).days + 1)]
    assert sum(1 for d in span if d.weekday() < 5) == n


@given(st.dates(D(2000, 1, 1), D(2100, 1, 1)), st.integers(1, 36))
def test_month_end_is_inside_the_month(start: dt.date, months: int) -> None:
    end = due_date(start, parse_due(f"month {months}"), "calendar")
    assert end < add_months(start, months) <= end + dt.timedelta(days=1)


PL = DaysOff("PL")
COMPANY = DaysOff(None, frozenset({D(2027, 5, 25)}))


@pytest.mark.parametrize(
    ("start", "due", "off", "expected"),
    [
        (D(2027, 3, 26), "day 2", PL, D(2027, 3, 30)),  # Friday, then Easter Monday is skipped
        (D(2027, 3, 26), "day 2", DaysOff(), D(2027, 3, 29)),  # without holidays it counts
        (D(2027, 11, 1), "day 1", PL, D(2027, 11, 2)),  # a start on All Saints' Day
        (D(2027, 1, 4), "day 3", PL, D(2027, 1, 7)),  # Wednesday 6 January, Epiphany
        (D(2027, 1, 4), "week 1", PL, D(2027, 1, 8)),  # a holiday in the week: it still ends Friday
        (D(2027, 11, 5), "week 1", PL, D(2027, 11, 10)),  # ends Thursday 11 November: back a day
        (D(2027, 4, 26), "month 1", COMPANY, D(2027, 5, 24)),  # a company day off ends it: back
        (D(2027, 4, 26), "month 1", DaysOff(), D(2027, 5, 25)),
        (D(2027, 12, 23), "day 2", PL, D(2027, 12, 27)),  # 24 December, a holiday in Poland from 2025
    ],
)
def test_working_days_skip_the_days_off(start: dt.date, due: str, off: DaysOff, expected: dt.date) -> None:
    assert due_date(start, parse_due(due), "working", off) == expected


@pytest.mark.parametrize(
    ("start", "due", "calendar", "expected"),
    [
        (D(2027, 1, 4), "day 3", "DE", D(2027, 1, 6)),  # Epiphany is not a holiday in all Germany
        (D(2027, 1, 4), "day 3", "DE-BY", D(2027, 1, 7)),  # ... but it is in Bavaria
        (D(2027, 5, 26), "day 2", "DE", D(2027, 5, 27)),
        (D(2027, 5, 26), "day 2", "DE-BY", D(2027, 5, 28)),  # Corpus Christi, Thursday 27 May
        (D(2027, 5, 3), "day 1", "ES", D(2027, 5, 3)),
        (D(2027, 5, 3), "day 1", "ES-MD", D(2027, 5, 4)),  # Madrid Day moved to Monday 3 May
    ],
)
def test_a_region_adds_its_own_holidays_to_the_country_s(start: dt.date, due: str, calendar: str,
                                                        expected: dt.date) -> None:
    assert due_date(start, parse_due(due), "working", DaysOff(calendar)) == expected


def test_a_region_s_holidays_are_named_and_the_region_is_part_of_the_cache_key() -> None:
    bavaria, germany = DaysOff("DE-BY"), DaysOff("DE")
    assert bavaria.name(D(2027, 1, 6), "en") == "Epiphany"
    assert germany.name(D(2027, 1, 6), "en") is None
    assert bavaria.name(D(2027, 1, 6), "pl")  # named (the package has no Polish names for DE)
    assert germany.name(D(2027, 1, 6), "pl") is None
    assert "DE-BY" in bavaria.key() and bavaria.key() != germany.key()


def test_calendar_days_count_holidays_too() -> None:
    assert due_date(D(2027, 1, 4), parse_due("day 3"), "calendar", PL) == D(2027, 1, 6)


@given(st.dates(D(2000, 1, 1), D(2100, 1, 1)), st.integers(1, 400))
def test_with_holidays_working_days_are_never_days_off_and_count_exactly(start: dt.date, n: int) -> None:
    day = nth_day(start, n, "working", PL)
    assert day.weekday() < 5 and day not in PL
    first = first_day(start, "working", PL)
    span = [first + dt.timedelta(days=i) for i in range((day - first).days + 1)]
    assert sum(1 for d in span if d.weekday() < 5 and d not in PL) == n


@given(st.dates(D(2000, 1, 1), D(2100, 1, 1)), st.integers(1, 60))
def test_without_days_off_week_n_is_working_day_5n(start: dt.date, weeks: int) -> None:
    """Week N ends N weeks after day 1, moved back to a working day: without days off that is
    the 5N-th working day, as it was before days off were known."""
    assert due_date(start, parse_due(f"week {weeks}"), "working") == nth_day(start, 5 * weeks, "working")


def test_the_days_off_of_a_period_are_named_in_each_language() -> None:
    both = DaysOff("PL", frozenset({D(2027, 1, 5)}))
    found = days_off_between(D(2027, 1, 1), D(2027, 1, 10), both)
    assert found == [D(2027, 1, 1), D(2027, 1, 5), D(2027, 1, 6)]
    assert [both.name(d, "pl") for d in found] == ["Nowy Rok", "", "Święto Trzech Króli"]
    assert both.name(D(2027, 1, 6), "en") == "Epiphany"
    assert both.name(D(2027, 1, 7), "pl") is None


def test_format_date_per_language() -> None:
    assert format_date(D(2027, 1, 8), "pl") == "pt 8.01.2027"
    assert format_date(D(2027, 1, 8), "en") == "Fri 8 Jan 2027"
    assert format_date(D(2027, 11, 28), "pl") == "nd 28.11.2027"


@pytest.mark.parametrize("text", ["2027-13-01", "2027-02-30", "04.01.2027", "20270104", "2027-W01-1",
                                  "tomorrow", "", "2027-1-4"])
def test_parse_start_refuses_anything_but_yyyy_mm_dd(text: str) -> None:
    with pytest.raises(ValueError):
        parse_start(text)


def test_parse_start_accepts_an_iso_date() -> None:
    assert parse_start(" 2027-01-04 ") == MON


def test_holiday_names_do_not_follow_the_machines_language() -> None:
    """A Polish PDF with ``holidays: DE`` (no Polish names in the calendar) named 1 January
    "Neujahr" on a German machine and "New Year's Day" on another: the package follows the
    locale when it is given no language. Now English wherever it runs."""
    import os
    import subprocess
    import sys

    script = ("import datetime as d; from generator.checklists.dates import DaysOff; "
              "print(DaysOff('DE').name(d.date(2027, 1, 1), 'pl'), DaysOff('PL').name(d.date(2027, 1, 1), 'pl'), sep='|')")
    for machine in ("de_DE.UTF-8", "C.UTF-8"):
        env = {**os.environ, "LANGUAGE": machine.split("_")[0].split(".")[0], "LANG": machine, "LC_ALL": machine}
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
        assert out.stdout.strip() == "New Year's Day|Nowy Rok", (machine, out.stdout, out.stderr)
