"""Due dates: a checklist's relative offsets (``day 1``, ``week 2``, ``month 1``) as calendar dates.

A due offset is a deadline: "week 2" means "by the end of the second week". The rules, also in
the README and in ``playbook checklist pdf --help``:

- ``day 1`` is the start date itself; ``day N`` is the N-th day counted from it.
- ``days: working`` (the default) counts Monday to Friday, less the project's days off
  (:class:`DaysOff`: a country's public holidays, ``holidays: PL`` in ``mkdocs.yml``, a region's
  too with ``holidays: DE-BY``, and the company's own ``days_off``); without them, every Monday
  to Friday counts. A start date that is not a working day: counting begins on the next
  working day, so ``day 1`` is that day.
  ``days: calendar`` counts every day, and ``day 1`` is the start date whatever it is.
- ``week N`` is the last day of the N-th week: ``day 7*N`` in calendar days; in working days the
  day before the same weekday as ``day 1`` N weeks later, moved back to a working day (a Monday
  start gives the Friday; without days off this is ``day 5*N``). A holiday in the week does not
  push its end into the next one.
- ``month N`` is the last day of the N-th month: the day before the same date N months later
  (4 January -> 3 February; 31 January -> 28 February, as there is no 31 February). In working
  days a day that is not a working day moves back to the one before, so it stays inside the month.

Why deadlines and not first days: the example checklists list items in the order ``day 3``,
``week 1``, ``week 2``, ``month 1``, and an item like "have your first-month review" due
``month 1`` only makes sense at the end of that month.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any, Literal

from ..messages import date_advice
from ..models.checklist import DueOffset
from ..tr import tr

DayCount = Literal["working", "calendar"]

_ONE_DAY = dt.timedelta(days=1)
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_WEEKDAYS_PL = ("pn", "wt", "śr", "czw", "pt", "sob", "nd")
_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


#: The languages the holiday names are asked for, per content language, best first.
_HOLIDAY_LANGUAGES = {"pl": ("pl",), "en": ("en_US", "en_GB", "en")}


def split_calendar(code: str) -> tuple[str, str | None]:
    """``DE-BY`` -> (``DE``, ``BY``); ``PL`` -> (``PL``, None): a country and, after a hyphen,
    one of its subdivisions (ISO 3166-2 style), whose regional holidays are added."""
    country, _, subdivision = code.partition("-")
    return country, subdivision or None


@functools.lru_cache(maxsize=16)
def _public_holidays(code: str, lang: str | None) -> Any:
    """The ``holidays`` package's calendar of ``code`` (``PL``, or ``DE-BY`` for a country's
    subdivision; years are added as they are asked for), its names in ``lang`` where it has
    them, else in English (a Polish PDF with ``holidays: DE``), else in the country's own
    language: never left to the package, which then follows the machine's locale (``LANG``), so
    that the same project prints the same names everywhere."""
    import holidays

    country, subdivision = split_calendar(code)
    language = None
    if lang is not None:
        offered = holidays.list_localized_countries().get(country, [])
        wanted = (*_HOLIDAY_LANGUAGES.get(lang, ()), *_HOLIDAY_LANGUAGES["en"])
        language = next((tag for tag in wanted if tag in offered), None)
        if language is None:
            language = getattr(holidays.country_holidays(country), "default_language", None)
    return holidays.country_holidays(country, subdiv=subdivision, language=language)


@functools.lru_cache(maxsize=16)
def known_country(code: str) -> bool:
    """Whether the ``holidays`` package has a calendar of public holidays for ``code`` (asked
    once per process: ``playbook serve`` checks the settings at every rebuild)."""
    try:
        _public_holidays(code, None)
    except NotImplementedError:  # the package's "Country XX not available"
        return False
    return True


def subdivisions(country: str) -> tuple[tuple[str, ...], dict[str, str]]:
    """The subdivision codes the ``holidays`` package knows for ``country`` (a known one), as it
    writes them (``BY``, ``Augsburg``), and their names to their codes (``Bayern`` -> ``BY``)."""
    found = _public_holidays(country, None)
    return tuple(found.subdivisions), dict(getattr(found, "subdivisions_aliases", {}))


@dataclass(frozen=True)
class DaysOff:
    """The days a working-day count skips besides Saturdays and Sundays: the public holidays of
    ``country`` (ISO 3166 code, e.g. ``PL``; from the ``holidays`` package, which follows each
    country's law, Easter and its moving feasts included) and the company's own ``dates``."""

    country: str | None = None
    dates: frozenset[dt.date] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.country or self.dates)

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, dt.date):
            return False
        return day in self.dates or (self.country is not None and day in _public_holidays(self.country, None))

    def name(self, day: dt.date, lang: str) -> str | None:
        """What ``day`` is, in ``lang`` where known (``Święto Trzech Króli``); None for a day
        that is not off. A company day off that is also a holiday gets the holiday's name."""
        if self.country is not None:
            found = _public_holidays(self.country, lang).get(day)
            if found:
                return str(found)
        return "" if day in self.dates else None

    def key(self) -> str:
        """The days off as text, for a cache key (a blank PDF's rule names them)."""
        return f"{self.country or ''}:{','.join(sorted(d.isoformat() for d in self.dates))}"


NO_DAYS_OFF = DaysOff()


def is_working_day(day: dt.date, off: DaysOff = NO_DAYS_OFF) -> bool:
    return day.weekday() < 5 and day not in off


def first_day(start: dt.date, days: DayCount, off: DaysOff = NO_DAYS_OFF) -> dt.date:
    """``day 1``: the start date, or in working days the next working day when it is not one."""
    if days == "working":
        while not is_working_day(start, off):
            start += _ONE_DAY
    return start


def nth_day(start: dt.date, n: int, days: DayCount, off: DaysOff = NO_DAYS_OFF) -> dt.date:
    """``day n`` (n >= 1) counted from ``start``."""
    if n < 1:
        raise ValueError("counting starts at day 1")
    day = first_day(start, days, off)
    if days == "calendar":
        return day + dt.timedelta(days=n - 1)
    rest = n - 1
    if not off:  # whole weeks at once: each has five working days
        weeks, rest = divmod(rest, 5)
        day += dt.timedelta(weeks=weeks)
    for _ in range(rest):
        day += _ONE_DAY
        while not is_working_day(day, off):
            day += _ONE_DAY
    return day


def _back_to_working_day(day: dt.date, floor: dt.date, off: DaysOff) -> dt.date:
    while day > floor and not is_working_day(day, off):
        day -= _ONE_DAY
    return day


def add_months(day: dt.date, months: int) -> dt.date:
    """The same date ``months`` later; a date the month lacks rolls to the 1st of the next."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    if day.day > calendar.monthrange(year, month)[1]:
        return add_months(dt.date(year, month, 1), 1)
    return dt.date(year, month, day.day)


def due_date(start: dt.date, offset: DueOffset, days: DayCount, off: DaysOff = NO_DAYS_OFF) -> dt.date:
    """The deadline of ``offset`` for someone starting on ``start`` (see the module's rules)."""
    if offset.unit == "day":
        return nth_day(start, offset.count, days, off)
    first = first_day(start, days, off)
    if offset.unit == "week":
        end = first + dt.timedelta(weeks=offset.count) - _ONE_DAY
    else:
        end = add_months(first, offset.count) - _ONE_DAY
    return _back_to_working_day(end, first, off) if days == "working" else end


def days_off_between(first: dt.date, last: dt.date, off: DaysOff) -> list[dt.date]:
    """The weekdays from ``first`` to ``last`` that ``off`` takes out of the count."""
    if not off or last < first:
        return []
    found, day = [], first
    while day <= last:
        if day.weekday() < 5 and day in off:
            found.append(day)
        day += _ONE_DAY
    return found


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
        if advice := date_advice(cleaned):  # '04.01.2027': Write 2027-01-04 (4 January 2027).
            raise ValueError(tr("{value} is not a date written as YYYY-MM-DD.", value=repr(text)) + advice)
        raise ValueError(tr("{value} is not a date; write it as YYYY-MM-DD, like 2027-01-04.",
                            value=repr(text)))
    try:
        start = dt.date.fromisoformat(cleaned)
    except ValueError:
        month = int(cleaned[5:7])
        if not 1 <= month <= 12:
            raise ValueError(tr("{value} is not a date: there is no month {month}; write it as "
                                "YYYY-MM-DD, like 2027-01-04.", value=repr(text), month=month)) from None
        raise ValueError(tr("{value} is not a date: that month has no day {day}.", value=repr(text),
                            day=int(cleaned[8:10]))) from None
    if not 1900 <= start.year <= 2999:  # due offsets up to 'month 999' must stay valid dates
        raise ValueError(tr("{value}: give a start date between the years 1900 and 2999.",
                            value=repr(text)))
    return start
