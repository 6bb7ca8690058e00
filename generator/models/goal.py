"""A goal: a measurable target of one team for a period."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, ClassVar, Literal

from pydantic import Field, StrictFloat, StrictInt

from .base import LANGUAGES, Definition, Slug, Text, ref
from .sla import Unit, UnitTranslations, unit_form_problems

GoalType = Literal["awareness", "leads", "quota", "revenue", "retention", "alignment"]


class Goal(Definition):
    """A measurable target, e.g. 400 marketing-qualified leads a quarter."""

    KIND: ClassVar[str] = "goal"
    SECTION: ClassVar[str] = "goals"

    kind: Literal["goal"]
    team: Annotated[Slug, ref("team")] = Field(description="Id of the team that owns the goal.")
    statement: Text = Field(description="The goal in one sentence.")
    metric: Text = Field(description="What is counted.")
    target: StrictInt | StrictFloat = Field(gt=0, description="The number to reach, greater than 0.")
    # The same unit as an SLA's derived value: a word, or per language a word or its forms by
    # number, so that the pages say "1 transakcja", "2 transakcje", "14 transakcji".
    unit: Unit = Field(
        description="Unit of the target: a word like 'MQL', 'PLN' or '%', or per language a word "
                    "or its forms by number, like {pl: {one: transakcja, few: transakcje, many: "
                    "transakcji}, en: {one: deal, other: deals}}.")
    period: Literal["month", "quarter", "year"]
    goal_type: GoalType = Field(
        description="awareness, leads, quota, revenue, retention or alignment."
    )

    def problems(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """A unit's forms by number: every form the target's number can take, each spelt right."""
        yield from super().problems()
        if not isinstance(self.unit, UnitTranslations):
            return
        # a target that is not valid (checked on its own) is taken as a whole number
        decimals = _decimals(target) if (target := getattr(self, "target", None)) is not None else 0
        for lang in LANGUAGES:
            forms = getattr(self.unit, lang)
            if isinstance(forms, dict):
                for where, message in unit_form_problems(lang, forms, decimals):
                    end = "" if message.endswith(("?", "!")) else "."
                    yield ("unit", lang, *where), message + end


def _decimals(target: float) -> int:
    """Decimal places the target is shown with (``2.5``: 1), as :func:`generator.render.number`
    shows it: whole numbers with none, others with up to six."""
    if isinstance(target, int) or target.is_integer():
        return 0
    return len(f"{target:.6f}".rstrip("0").split(".")[1])
