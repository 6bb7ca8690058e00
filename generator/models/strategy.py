"""A strategy: the channels and tactics a team uses to reach its goals."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from .base import Definition, Slug, Text, ref


class Strategy(Definition):
    """How a team reaches its audience, e.g. online, print, blog, focus groups, phone, events."""

    KIND: ClassVar[str] = "strategy"
    SECTION: ClassVar[str] = "strategies"

    kind: Literal["strategy"]
    team: Annotated[Slug, ref("team")] = Field(description="Id of the team that runs it.")
    channels: list[Text] = Field(min_length=1, description="Where it happens, e.g. blog, phone.")
    tactics: list[Text] = Field(min_length=1, description="What is done there.")
    audience: Text = Field(description="Whom it is for.")
    goals: list[Annotated[Slug, ref("goal")]] = Field(
        default_factory=list, description="Ids of the goals this strategy serves."
    )
    measured_by: list[Text] = Field(min_length=1, description="How success is measured.")
