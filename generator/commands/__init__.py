"""One module per ``playbook`` subcommand; each exposes ``register(subparsers)``."""

from __future__ import annotations

from types import ModuleType

from . import build, check, new, render, schema, serve

COMMANDS: list[ModuleType] = [check, build, serve, render, schema, new]
