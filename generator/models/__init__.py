"""Typed models of the playbook data, one module per kind (schema v1)."""

from __future__ import annotations

from .base import LANGUAGES, Definition, Localized, Reference, Translations, localize
from .checklist import Checklist
from .glossary import Term
from .goal import Goal
from .playbook import Playbook
from .process import Process
from .sla import Sla
from .strategy import Strategy
from .team import Team

#: Every kind, in the order the site lists them.
KINDS: dict[str, type[Definition]] = {
    cls.KIND: cls for cls in (Team, Process, Goal, Strategy, Checklist, Sla, Playbook, Term)
}

__all__ = [
    "KINDS",
    "LANGUAGES",
    "Checklist",
    "Definition",
    "Goal",
    "Localized",
    "Playbook",
    "Process",
    "Reference",
    "Sla",
    "Strategy",
    "Team",
    "Term",
    "Translations",
    "localize",
]
