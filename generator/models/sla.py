"""An SLA template between two teams: typed parameters, derived values and clauses.

The template is data; filling it with an organisation's values happens in :mod:`generator.sla`.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, Field, StrictBool, StrictStr

from .base import Definition, Line, Model, Slug, Text, ref

_NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,62}$")


def _check_name(value: str) -> str:
    if not _NAME_RE.match(value):
        raise ValueError(
            f"{value!r} is not a valid parameter name: use lowercase letters, digits and "
            "underscores, starting with a letter, like 'leads_per_month'"
        )
    return value


Name = Annotated[StrictStr, AfterValidator(_check_name)]
Number = int | float


class _Param(Model):
    id: Name = Field(description="Name used in clauses as {{ name }}.")
    label: Text = Field(description="Label shown on the form.")
    help: Text | None = Field(default=None, description="Help text shown under the field.")
    required: StrictBool = Field(default=False, description="Whether a value must be given.")


class TextParam(_Param):
    type: Literal["text"]
    default: StrictStr | None = None
    max_length: int = Field(default=500, ge=1, le=10000)
    multiline: StrictBool = False


class IntegerParam(_Param):
    type: Literal["integer"]
    default: int | None = None
    min: int | None = None
    max: int | None = None


class DecimalParam(_Param):
    type: Literal["decimal"]
    default: Number | None = None
    min: Number | None = None
    max: Number | None = None
    decimals: int = Field(default=2, ge=0, le=6)


class PercentParam(_Param):
    type: Literal["percent"]
    default: Number | None = None
    min: Number = 0
    max: Number = 100


class MoneyParam(_Param):
    type: Literal["money"]
    default: Number | None = None
    currency: Annotated[StrictStr, Field(pattern=r"^[A-Z]{3}$")] = "PLN"
    min: Number | None = 0
    max: Number | None = None


class DurationParam(_Param):
    type: Literal["duration"]
    unit: Literal["hours", "working-days", "days"]
    default: Number | None = None
    min: Number | None = 0
    max: Number | None = None


class DateParam(_Param):
    type: Literal["date"]
    default: StrictStr | None = None


class EmailParam(_Param):
    type: Literal["email"]
    default: StrictStr | None = None


class Choice(Model):
    value: Slug
    label: Text


class ChoiceParam(_Param):
    type: Literal["choice"]
    choices: list[Choice] = Field(min_length=1)
    default: StrictStr | None = None


class ListParam(_Param):
    type: Literal["list"]
    item: Literal["text", "email", "integer", "decimal", "date"] = "text"
    default: list[Any] | None = None
    min_items: int = Field(default=0, ge=0)
    max_items: int = Field(default=50, ge=1, le=500)


Parameter = Annotated[
    TextParam
    | IntegerParam
    | DecimalParam
    | PercentParam
    | MoneyParam
    | DurationParam
    | DateParam
    | EmailParam
    | ChoiceParam
    | ListParam,
    Field(discriminator="type"),
]


class Derived(Model):
    """A value computed from the parameters, e.g. the leads marketing must deliver per month."""

    id: Name
    label: Text
    expression: Line = Field(description="Arithmetic over parameter names, e.g. 'a / b'.")
    round: Literal["up", "down", "nearest", "none"] = "nearest"
    decimals: int = Field(default=0, ge=0, le=6)
    unit: Text | None = None


class Clause(Model):
    """A clause of the agreement, in Markdown with {{ name }} placeholders."""

    id: Slug
    title: Text
    body: Text
    when: Line | None = Field(
        default=None, description="Condition over the parameters; the clause appears only if true."
    )


class Sla(Definition):
    """A service level agreement template between two teams."""

    KIND: ClassVar[str] = "sla"
    SECTION: ClassVar[str] = "slas"

    kind: Literal["sla"]
    parties: list[Annotated[Slug, ref("team")]] = Field(
        min_length=2, max_length=2, description="Ids of the two teams that sign it."
    )
    parameters: list[Parameter] = Field(min_length=1)
    derived: list[Derived] = Field(default_factory=list)
    clauses: list[Clause] = Field(min_length=1)
