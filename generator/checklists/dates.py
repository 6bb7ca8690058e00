"""Due dates: a checklist's relative offsets (``day 1``, ``week 2``, ``month 1``) as calendar dates.

A due offset is a deadline: "week 2" means "by the end of the second week". The rules, also in
the README and in ``playbook checklist pdf --help``:

- ``day 1`` is the start date itself; ``day N`` is the N-th day counted from it.
- ``days: working`` (the default) counts Monday to Friday only; public holidays are not known.
  A start date on a Saturday or Sunday: counting begins on the following Monday, so ``day 1`` is
  that Monday. ``days: calendar`` counts every day, and ``day 1`` is the start date whatever it is.
- ``week N`` is the last day of the N-th week: ``day 5*N`` in working days (a Monday start gives
  the Friday), ``day 7*N`` in calendar days.
- ``month N`` is the last day of the N-th month: the day before the same date N months later
  (4 January -> 3 February; 31 January -> 28 February, as there is no 31 February). In working
  days a Saturday or Sunday moves back to the Friday before, so it stays inside the month.

Why deadlines and not first days: the example checklists list items in the order ``day 3``,
``week 1``, ``week 2``, ``month 1``, and an item like "have your first-month review" due
``month 1`` only makes sense at the end of that month.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal

from ..models.checklist import DueOffset

DayCount = Literal["working", "calendar"]

_ONE_DAY = dt.timedelta(days=1)
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_WEEKDAYS_PL = ("pn", "wt", "śr", "czw", "pt", "sob", "nd")
_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5


def first_day(start: dt.date, days: DayCount) -> dt.date:
    """``day 1``: the start date, or in working days the next Monday when it is a weekend."""
    if days == "working":
        while not is_working_day(start):
            start += _ONE_DAY
    return start


def nth_day(start: dt.date, n: int, days: DayCount) -> dt.date:
    """``day n`` (n >= 1) counted from ``start``."""
    if n < 1:
        raise ValueError("counting starts at day 1")
    day = first_day(start, days)
    if days == "calendar":
        return day + dt.timedelta(days=n - 1)
    weeks, rest = divmod(n - 1, 5)
    day += dt.timedelta(weeks=weeks)
    for _ in range(rest):
        day += _ONE_DAY
        while not is_working_day(day):
            day += _ONE_DAY
    return day


def add_months(day: dt.date, months: int) -> dt.date:
    """The same date ``months`` later; a date the month lacks rolls to the 1st of the next."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    if day.day > calendar.monthrange(year, month)[1]:
        return add_months(dt.date(year, month, 1), 1)
    return dt.date(year, month, day.day)


def due_date(start: dt.date, offset: DueOffset, days: DayCount) -> dt.date:
    """The deadline of ``offset`` for someone starting on ``start`` (see the module's rules)."""
    if offset.unit == "day":
        return nth_day(start, offset.count, days)
    if offset.unit == "week":
        return nth_day(start, offset.count * (5 if days == "working" else 7), days)
    end = add_months(first_day(start, days), offset.count) - _ONE_DAY
    if days == "working":
        while not is_working_day(end):
            end -= _ONE_DAY
    return end


def format_date(day: dt.date, lang: str) -> str:
    """A due date as people write it by hand: ``pt 8.01.2027`` / ``Fri 8 Jan 2027``."""
    if lang == "pl":
        return f"{_WEEKDAYS_PL[day.weekday()]} {day.day}.{day.month:02d}.{day.year}"
    return f"{_WEEKDAYS_EN[day.weekday()]} {day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def parse_start(text: str) -> dt.date:
    """``--start``: a date written as YYYY-MM-DD; anything else is a :class:`ValueError` whose
    message says, in words, what is wrong with ``text``."""
    cleaned = text.strip()
    if not _ISO_DATE.match(cleaned):
        raise ValueError(f"{text!r} is not a date; write it as YYYY-MM-DD, like 2027-01-04.")
    try:
        start = dt.date.fromisoformat(cleaned)
    except ValueError:
        month = int(cleaned[5:7])
        if not 1 <= month <= 12:
            raise ValueError(f"{text!r} is not a date: there is no month {month}; "
                             "write it as YYYY-MM-DD, like 2027-01-04.") from None
        raise ValueError(f"{text!r} is not a date: that month has no day {int(cleaned[8:10])}.") from None
    if not 1900 <= start.year <= 2999:  # due offsets up to 'month 999' must stay valid dates
        raise ValueError(f"{text!r}: give a start date between the years 1900 and 2999.")
    return start
