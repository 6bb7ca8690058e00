"""A process: ordered steps owned by teams, with explicit hand-offs between teams."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, ClassVar, Literal

from pydantic import Field

from ..messages import suggest
from ..tr import tr
from .base import Definition, Model, Slug, Text, ref

TeamRef = Annotated[Slug, ref("team")]


class Step(Model):
    """One step of a process."""

    id: Slug = Field(description="Short id of the step, unique within the process.")
    title: Text = Field(description="Short name of the step, shown in the diagram and as its heading.")
    owner: TeamRef = Field(description="Id of the team that does this step.")
    description: Text | None = Field(default=None, description="What happens in this step.")
    inputs: list[Text] = Field(default_factory=list, description="What the step takes in.")
    outputs: list[Text] = Field(default_factory=list, description="What the step hands out.")
    duration: Text | None = Field(default=None, description="Typical duration, e.g. '2 days'.")


class Handoff(Model):
    """Work passing from one team to another between two steps."""

    from_step: Slug = Field(alias="from", description="Id of the step that hands over.")
    to_step: Slug = Field(alias="to", description="Id of the step that takes over.")
    what: Text = Field(description="What is handed over.")
    sla: Annotated[Slug, ref("sla")] | None = Field(
        default=None, description="Id of the SLA that governs this hand-off, if any."
    )


class Process(Definition):
    """How a team gets something done, step by step."""

    KIND: ClassVar[str] = "process"
    SECTION: ClassVar[str] = "processes"

    kind: Literal["process"]
    team: TeamRef = Field(description="Id of the team that owns the process.")
    trigger: Text = Field(description="What starts the process.")
    steps: list[Step] = Field(min_length=1, description="The process's steps, in the order they are done; at least one.")
    handoffs: list[Handoff] = Field(
        default_factory=list,
        description="Where work passes from a step of one team to a step of another team.",
    )

    def problems(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        seen: set[str] = set()
        for i, step in enumerate(self.steps):
            if step.id in seen:
                yield ("steps", i, "id"), tr("two steps have the id {id!r}; step ids must be unique.", id=step.id)
            seen.add(step.id)
        owners = {step.id: step.owner for step in reversed(self.steps)}  # the first step of an id
        for i, handoff in enumerate(self.handoffs):
            missing = False
            for key, name in (("from", handoff.from_step), ("to", handoff.to_step)):
                if name not in seen:
                    missing = True
                    yield (
                        ("handoffs", i, key),
                        tr("this process has no step {name!r}.{hint} Its steps are: {steps}.", name=name,
                           hint=suggest(name, seen), steps=", ".join(sorted(seen))),
                    )
            if missing:
                continue
            if handoff.from_step == handoff.to_step:
                yield (
                    ("handoffs", i, "to"),
                    tr("this hand-off goes from the step {step!r} to itself: a hand-off passes work from "
                       "a step of one team to a step of another team.", step=handoff.from_step),
                )
            elif owners[handoff.from_step] == owners[handoff.to_step]:
                yield (
                    ("handoffs", i, "to"),
                    tr("the steps {first!r} and {second!r} are both done by the team {team!r}: a "
                       "hand-off passes work between steps of different teams; remove this hand-off or "
                       "correct a step's owner.", first=handoff.from_step, second=handoff.to_step,
                       team=owners[handoff.to_step]),
                )

    def step(self, step_id: str) -> Step:
        return next(s for s in self.steps if s.id == step_id)

    def flow(self) -> list[tuple[Step, Step, Handoff | None]]:
        """Arrows of the diagram: step to next step, and each hand-off (labelled) once."""
        handoffs = {(h.from_step, h.to_step): h for h in self.handoffs}
        edges: list[tuple[Step, Step, Handoff | None]] = []
        for a, b in zip(self.steps, self.steps[1:], strict=False):
            edges.append((a, b, handoffs.pop((a.id, b.id), None)))
        for h in self.handoffs:
            if (h.from_step, h.to_step) in handoffs:
                edges.append((self.step(h.from_step), self.step(h.to_step), h))
        return edges
