"""A goal: a measurable target of one team for a period."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, ClassVar, Literal

from pydantic import ConfigDict, Field, StrictFloat, StrictInt, model_validator

from ..sla.numbers import NBSP, format_money
from ..tr import tr
from .base import LANGUAGES, Definition, Slug, Text, ref
from .money import COMMON, CURRENCIES, CurrencyCode, unit_currency
from .sla import Unit, UnitTranslations, unit_form_problems

GoalType = Literal["awareness", "leads", "quota", "revenue", "retention", "alignment"]


class Goal(Definition):
    """A measurable target, e.g. 400 marketing-qualified leads a quarter."""

    KIND: ClassVar[str] = "goal"
    SECTION: ClassVar[str] = "goals"
    #: A field required unless the other is given (``playbook new`` and the JSON Schema say so).
    INSTEAD: ClassVar[dict[str, str]] = {"unit": "currency"}

    # An editor checking against the JSON Schema asks for one of the two, as ``check`` does.
    model_config = ConfigDict(json_schema_extra={
        "anyOf": [{"required": ["unit"]}, {"required": ["currency"]}]})

    kind: Literal["goal"]
    team: Annotated[Slug, ref("team")] = Field(description="Id of the team that owns the goal.")
    statement: Text = Field(description="The goal in one sentence.")
    metric: Text = Field(description="What is counted.")
    target: StrictInt | StrictFloat = Field(gt=0, description="The number to reach, greater than 0.")
    # The same unit as an SLA's derived value: a word, or per language a word or its forms by
    # number, so that the pages say "1 transakcja", "2 transakcje", "14 transakcji".
    unit: Unit | None = Field(
        default=None,
        description="Unit of the target: a word like 'MQL' or '%', or per language a word or its "
                    "forms by number, like {pl: {one: transakcja, few: transakcje, many: "
                    "transakcji}, en: {one: deal, other: deals}}. For an amount of money give "
                    "'currency' instead.")
    currency: CurrencyCode | None = Field(
        default=None,
        description="For a target that is an amount of money, instead of 'unit': the currency's "
                    "three-letter code, like PLN, EUR or USD. The pages write the amount as each "
                    "language does: '1 200 000 zł' in Polish, 'PLN 1,200,000' in English.",
        json_schema_extra={"examples": [*COMMON, *sorted(CURRENCIES - set(COMMON))]},
    )
    period: Literal["month", "quarter", "year"] = Field(
        description="The period the target is for: month, quarter or year."
    )
    goal_type: GoalType = Field(
        description="awareness, leads, quota, revenue, retention or alignment."
    )

    @model_validator(mode="after")
    def _currency_is_the_unit(self) -> Goal:
        """A goal in money shows its currency wherever a unit is shown: ``unit`` holds the code,
        so that ``with_unit(d.target, d.unit)`` writes the amount as each language does, and a
        project's template that shows ``d.unit`` by itself still shows the currency."""
        if self.currency is not None and self.unit is None:
            self.__dict__["unit"] = self.currency  # frozen: set once, while it is being made
        return self

    def problems(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """A unit's forms by number: every form the target's number can take, each spelt right;
        and a unit or a currency, one of the two."""
        yield from super().problems()
        unit: Any = self.unit  # a field with an error stops the checks here (AttributeError)
        if isinstance(unit, UnitTranslations):
            # a target that is not valid (checked on its own) is taken as a whole number
            target = getattr(self, "target", None)
            decimals = _decimals(target) if target is not None else 0
            for lang in LANGUAGES:
                forms = getattr(unit, lang)
                if isinstance(forms, dict):
                    for where, message in unit_form_problems(lang, forms, decimals):
                        end = "" if message.endswith(("?", "!")) else "."
                        yield ("unit", lang, *where), message + end
        currency = self.currency
        if unit is None and currency is None:
            yield ("unit",), tr("this field is required: the target's unit, like 'MQL' or '%', or for "
                                "an amount of money its currency instead, like 'currency: PLN'.")
        elif unit is not None and currency is not None and unit_currency(unit) != currency:
            pl, en = (format_money(1_200_000, currency, lang).replace(NBSP, " ") for lang in ("pl", "en"))
            yield ("unit",), tr("give a unit or a currency, not both: with 'currency: {currency}' the "
                                "pages write the amount with its currency (like '{pl}' and '{en}'); "
                                "remove 'unit:'.", currency=currency, pl=pl, en=en)


def _decimals(target: float) -> int:
    """Decimal places the target is shown with (``2.5``: 1), as :func:`generator.render.number`
    shows it: whole numbers with none, others with up to six."""
    if isinstance(target, int) or target.is_integer():
        return 0
    return len(f"{target:.6f}".rstrip("0").split(".")[1])
