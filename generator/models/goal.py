"""A goal: a measurable target of one team for a period."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, StrictFloat, StrictInt

from .base import Definition, Slug, Text, ref

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
    unit: Text = Field(description="Unit of the target, e.g. 'leads', 'PLN', '%'.")
    period: Literal["month", "quarter", "year"]
    goal_type: GoalType = Field(
        description="awareness, leads, quota, revenue, retention or alignment."
    )
