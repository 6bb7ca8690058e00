"""A team (Marketing, Sales, ...): what it is for, whom it reaches, how far ahead it plans."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from .base import Definition, Model, Text

Segment = Literal["new-audiences", "known-contacts", "existing-customers"]
Period = Literal["month", "quarter", "year", "long-term"]


class Prospects(Model):
    """Whom the team goes after: new audiences, or known contacts and existing customers."""

    segments: list[Segment] = Field(
        min_length=1,
        description="new-audiences, known-contacts and/or existing-customers.",
    )
    description: Text = Field(description="Who the prospects are, in a sentence or two.")


class Horizon(Model):
    """How far ahead the team plans and how broad its view is."""

    scope: Literal["broad", "focused"] = Field(
        description="broad (the whole market, long term) or focused (named prospects, short term)."
    )
    periods: list[Period] = Field(min_length=1, description="month, quarter, year or long-term.")
    description: Text = Field(description="The planning horizon in plain words.")


class Team(Definition):
    """A department taking part in the playbook, e.g. Marketing or Sales."""

    KIND: ClassVar[str] = "team"
    SECTION: ClassVar[str] = "teams"

    kind: Literal["team"]
    mission: Text = Field(description="Why the team exists, in one or two sentences.")
    approach: Text = Field(description="How the team works: its process in a paragraph.")
    responsibilities: list[Text] = Field(min_length=1, description="What the team is answerable for.")
    prospects: Prospects = Field(
        description="Whom the team goes after: which groups of contacts, and who they are."
    )
    horizon: Horizon = Field(description="How far ahead the team plans, and how broad its view is.")
