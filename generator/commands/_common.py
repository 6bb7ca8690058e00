"""Helpers shared by the subcommands: find the project, load it, print diagnostics."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from ..catalogue import Catalogue, Loader, page_collisions
from ..errors import Diagnostic, UserError, plural, summary
from ..i18n import unused_content_pages
from ..project import Project, load_project


def project_of(args: argparse.Namespace, lang: str | None = None) -> Project:
    return load_project(Path(args.project) if args.project else None, lang=lang)


def today() -> dt.date:
    """Today, or ``PLAYBOOK_TODAY`` (YYYY-MM-DD) so tests and reviews can pin the date."""
    pinned = os.environ.get("PLAYBOOK_TODAY")
    if pinned:
        try:
            return dt.date.fromisoformat(pinned)
        except ValueError:
            raise UserError(f"PLAYBOOK_TODAY: {pinned!r} is not a date like 2027-01-31.") from None
    return dt.date.today()


def load_checked(project: Project, strict: bool = False, loader: Loader | None = None) -> tuple[Catalogue, list[Diagnostic]]:
    """Load and validate; raise :class:`UserError` with every error (warnings too if ``strict``)."""
    loader = loader or Loader(project.root, project.playbooks_dir)
    catalogue, problems = loader.load(today())
    problems += page_collisions(catalogue, project.docs_dir, project.root, project.settings.languages,
                                project.raw_config.get("use_directory_urls", True) is not False)
    problems += unused_content_pages(project.docs_dir, project.root, project.settings.languages,
                                     project.settings.default_language)
    errors = [p for p in problems if p.severity == "error" or strict]
    if errors:
        warnings = sum(1 for p in errors if p.severity == "warning")
        if strict:
            errors = [Diagnostic(p.file, p.line, p.col, p.where, p.message, "error") for p in errors]
        if warnings == len(errors):
            which = "It is a warning" if warnings == 1 else "All of them are warnings"
        else:
            which = plural(warnings, "of them is a warning", "of them are warnings")
        counts = "counts as an error" if warnings == 1 else "count as errors"
        note = (f"{which}, which {counts} here: --strict, or strict: true in mkdocs.yml."
                if warnings else "")
        raise UserError(errors, note)
    return catalogue, problems


def strict_of(args: argparse.Namespace, project: Project) -> bool:
    """``--strict``, or ``strict: true`` in mkdocs.yml: the build honours it (as a plain
    ``mkdocs build`` does), so ``check`` does too, and tells what the build will."""
    return bool(getattr(args, "strict", False) or project.raw_config.get("strict") is True)


def print_warnings(problems: list[Diagnostic]) -> None:
    for problem in problems:
        if problem.severity == "warning":
            print(problem.format(), file=sys.stderr)


def report_ok(catalogue: Catalogue, problems: list[Diagnostic]) -> None:
    warnings = [p for p in problems if p.severity == "warning"]
    files = len({e.source.display for e in catalogue.entries.values()})
    tail = f", {len(warnings)} warning{'s' if len(warnings) != 1 else ''}" if warnings else ""
    print(f"OK: {len(catalogue)} definitions in {files} files{tail}.")


__all__ = ["load_checked", "print_warnings", "project_of", "report_ok", "strict_of", "summary", "today"]
