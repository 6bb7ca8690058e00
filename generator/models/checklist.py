"""An onboarding checklist: sections of items a new hire ticks off, with owners and due offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, BeforeValidator, Field, StrictStr
from pydantic_core import PydanticCustomError

from ..tr import tr
from .base import Definition, Model, ShortText, Slug, Text, ref

_DUE_RE = re.compile(r"^\s*(day|week|month)\s+(\d+)\s*$", re.IGNORECASE)
#: The largest count per unit: about three years, far more than any onboarding needs.
_MOST = {"day": 999, "week": 156, "month": 36}


@dataclass(frozen=True)
class DueOffset:
    """``day 1`` (the start date itself), ``week 2``, ``month 1``."""

    unit: Literal["day", "week", "month"]
    count: int

    def __str__(self) -> str:
        return f"{self.unit} {self.count}"


#: A due offset written in Polish, as the Polish pages show it ('dzień 3', 'tydzień 2', 'miesiąc 1'),
#: or abbreviated ('dz. 3', 'tyg. 2', 'mies. 1').
_POLISH_DUE_RE = re.compile(
    r"^\s*(?:(?P<day>dzie[nń]|dni[a]?|dz\.?)|(?P<week>tydzie[nń]|tygodni[ae]?|tyg\.?)"
    r"|(?P<month>miesi[aą]c[ae]?|miesi[eę]cy|mies\.?))\s*(?P<count>\d+)\s*$", re.IGNORECASE)
#: A date where an offset belongs: '1.03.2027', '2027-03-01'.
_DATE_LIKE = re.compile(r"^\s*(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2})\s*$")


def parse_due(text: str) -> DueOffset:
    match = _DUE_RE.match(text)
    if not match:
        polish = _POLISH_DUE_RE.match(text)
        if polish:
            unit = next(u for u in ("day", "week", "month") if polish.group(u))
            raise ValueError(tr("{text!r} is not a due offset: due offsets are written in English: "
                                "write {meant!r}",
                                text=text, meant=f"{unit} {int(polish.group('count'))}"))
        if _DATE_LIKE.match(text):
            raise ValueError(tr("{text!r} is a date, but a due is counted from the new hire's first day: "
                                "write 'day N', 'week N' or 'month N', like 'week 2'; the dates are "
                                "filled in on a print for a start date (playbook checklist pdf "
                                "--start)", text=text))
        raise ValueError(
            tr("{text!r} is not a due offset: write 'day N', 'week N' or 'month N', like 'day 1'", text=text)
        )
    unit = match.group(1).lower()
    digits = match.group(2)
    if len(digits) > 6 or int(digits) > _MOST[unit]:
        raise ValueError(tr("{text!r} is too far: at most '{unit} {most}'", text=text, unit=unit,
                            most=_MOST[unit]))
    count = int(digits)
    if count < 1:
        raise ValueError(tr("{text!r}: counting starts at 1 ('day 1' is the first day)", text=text))
    return DueOffset(unit, count)  # type: ignore[arg-type]


def _check_due(value: str) -> str:
    return str(parse_due(value))


def _number_is_not_a_due(value: object) -> object:
    """``due: 3`` reads as a number; quoting it would not help: say how to write it."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        shown = int(value) if float(value).is_integer() else value
        raise PydanticCustomError(
            "due_number",
            # pydantic fills in {got}: tr() without values leaves the template as it is
            tr("{got} is a number, not a due offset: write 'day {got}', 'week {got}' or 'month {got}'"),
            {"got": shown},
        )
    return value


Due = Annotated[StrictStr, BeforeValidator(_number_is_not_a_due), AfterValidator(_check_due)]


class Item(Model):
    """One thing to do and tick off."""

    text: Text = Field(description="What to do: the task the new hire ticks off.")
    owner: Text | None = Field(default=None, description="Who helps or signs off, e.g. 'manager'.")
    due: Due | None = Field(default=None, description="When: 'day 1', 'week 2', 'month 1'.")
    processes: list[Annotated[Slug, ref("process")]] = Field(
        default_factory=list, description="Ids of processes this item is about."
    )


class Section(Model):
    """A group of items under one heading."""

    title: Text = Field(description="Heading of this group of tasks.")
    items: list[Item] = Field(min_length=1, description="The tasks under this heading; at least one.")


class Checklist(Definition):
    """A printable onboarding checklist for one role."""

    KIND: ClassVar[str] = "checklist"
    SECTION: ClassVar[str] = "checklists"

    kind: Literal["checklist"]
    role: Slug = Field(description="The role it is for, e.g. 'sales-rep' (playbook checklist pdf --role).")
    role_title: ShortText | None = Field(
        default=None,
        description="The role's name as readers say it, e.g. {pl: Handlowiec, en: Sales rep}; "
        "without it, the role's id is shown.",
    )
    team: Annotated[Slug, ref("team")] | None = Field(default=None, description="Id of the team.")
    days: Literal["working", "calendar"] = Field(
        default="working", description="Count due offsets in working days or calendar days."
    )
    sections: list[Section] = Field(
        min_length=1,
        description="The checklist's groups of tasks, each under its own heading; at least one.",
    )
