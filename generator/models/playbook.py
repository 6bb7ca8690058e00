"""A playbook: a scenario that ties processes, goals, strategies, checklists and SLAs together."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from .base import Definition, Model, Slug, Text, ref

AnyRef = Annotated[Slug, ref("team", "process", "goal", "strategy", "checklist", "sla", "playbook")]


class PlaybookStep(Model):
    """One step of the scenario, pointing at the definitions it uses."""

    title: Text = Field(description="Short name of the step, shown as its heading.")
    description: Text | None = Field(default=None, description="What happens in this step.")
    uses: list[AnyRef] = Field(default_factory=list, description="Ids of definitions used here.")


class Playbook(Definition):
    """A scenario, e.g. launching a campaign or aligning sales and marketing in a small company."""

    KIND: ClassVar[str] = "playbook"
    SECTION: ClassVar[str] = "playbooks"

    kind: Literal["playbook"]
    scenario: Text = Field(description="When to use this playbook.")
    company_size: Literal["any", "small", "large"] = Field(
        default="any", description="any, small or large: which companies it suits."
    )
    steps: list[PlaybookStep] = Field(min_length=1, description="The scenario's steps, in order; at least one.")
