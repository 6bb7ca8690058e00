"""One module per ``playbook`` subcommand; each exposes ``register(subparsers)``."""

from __future__ import annotations

from types import ModuleType

from . import build, check, checklist, new, render, schema, serve, sla

COMMANDS: list[ModuleType] = [check, build, serve, render, schema, new, checklist, sla]
