"""Helpers shared by the subcommands: find the project, load it, print diagnostics."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path

from ..catalogue import Catalogue, Entry, Loader, page_collisions, stray_definitions
from ..errors import Diagnostic, UserError, summary
from ..i18n import links_outside, unused_content_pages
from ..messages import suggest
from ..project import Project, load_project
from ..tr import tr, tr_n


def project_of(args: argparse.Namespace, lang: str | None = None) -> Project:
    return load_project(Path(args.project) if args.project else None, lang=lang)


def today() -> dt.date:
    """Today, or ``PLAYBOOK_TODAY`` (YYYY-MM-DD) so tests and reviews can pin the date."""
    pinned = os.environ.get("PLAYBOOK_TODAY")
    if pinned:
        try:
            return dt.date.fromisoformat(pinned)
        except ValueError:
            raise UserError(tr("PLAYBOOK_TODAY: {value} is not a date like 2027-01-31.",
                               value=repr(pinned))) from None
    return dt.date.today()


def load_checked(project: Project, strict: bool = False, loader: Loader | None = None,
                 templates: bool = False, strays: bool = False) -> tuple[Catalogue, list[Diagnostic]]:
    """Load and validate; raise :class:`UserError` with every error (warnings too if ``strict``).
    ``templates``: the project's own templates are compiled too (``playbook check``); ``strays``:
    definitions saved outside the definitions' folder are named (``check``, ``build``)."""
    catalogue, problems, _loader = _load(project, loader, templates)
    if strays:
        problems += stray_definitions(project.root, project.docs_dir, project.playbooks_dir)
    _raise_errors(problems, strict)
    return catalogue, problems


def _load(project: Project, loader: Loader | None = None,
          templates: bool = False) -> tuple[Catalogue, list[Diagnostic], Loader]:
    loader = loader or Loader(project.root, project.playbooks_dir)
    catalogue, problems = loader.load(today())
    if templates:
        problems += template_problems(project.templates_dir)
    problems += page_collisions(catalogue, project.docs_dir, project.root, project.settings.languages,
                                project.raw_config.get("use_directory_urls", True) is not False)
    problems += unused_content_pages(project.docs_dir, project.root, project.settings.languages,
                                     project.settings.default_language)
    problems += links_outside(project.docs_dir, project.root)
    return catalogue, problems, loader


def _raise_errors(problems: list[Diagnostic], strict: bool = False) -> None:
    errors = [p for p in problems if p.severity == "error" or strict]
    if errors:
        warnings = sum(1 for p in errors if p.severity == "warning")
        if strict:
            errors = [Diagnostic(p.file, p.line, p.col, p.where, p.message, "error") for p in errors]
        note = ""
        if warnings == len(errors) == 1:
            note = tr("It is a warning, which counts as an error here: --strict, or strict: true in "
                      "mkdocs.yml.")
        elif warnings == len(errors):
            note = tr("All of them are warnings, which count as errors here: --strict, or strict: "
                      "true in mkdocs.yml.")
        elif warnings:
            note = tr_n("{n} of them is a warning, which counts as an error here: --strict, or "
                        "strict: true in mkdocs.yml.",
                        "{n} of them are warnings, which count as errors here: --strict, or strict: "
                        "true in mkdocs.yml.", warnings)
        raise UserError(errors, note)


def load_needed(project: Project, kind: str, pick: Callable[[Catalogue], list[Entry]],
                every: bool = False, asked: str | None = None) -> tuple[Catalogue, list[Diagnostic], list[Entry]]:
    """Load the project for a command that only reads some definitions of ``kind`` (``pick``
    finds them, or raises :class:`UserError`): errors in other files do not stop it, since a
    definition half written (``playbook new``) must not keep anyone from printing a checklist.
    It fails with every error, as ``playbook check`` would, when a definition it needs, or one
    they refer to (at any depth), has an error, or when ``pick`` finds nothing while a file of
    ``kind`` did not load (it may be the one asked for; likewise when ``pick`` found one whose
    id only starts with ``asked``), or, with ``every`` (a list of every
    definition of ``kind``, or of a role), a file of ``kind`` did not load. Otherwise the other files with errors
    are named in one line on stderr."""
    catalogue, problems, loader = _load(project)
    errors = [p for p in problems if p.severity == "error"]
    if not errors:
        return catalogue, problems, pick(catalogue)
    unsure = [d for d, k in loader.broken.items() if k in (kind, None)]
    try:
        entries = pick(catalogue)
    except UserError:
        if unsure:
            _raise_errors(problems)
        _note_others(errors)
        raise
    if unsure and every:  # a list of every one of its kind, and one of them did not load
        _raise_errors(problems)
    if unsure and asked is not None and any(e.id != asked for e in entries):
        _raise_errors(problems)  # found by the start of its id: the one that did not load may be it
    needed: dict[str, Entry] = {}
    todo = list(entries)
    while todo:
        entry = todo.pop()
        if needed.setdefault(entry.id, entry) is not entry:
            continue
        for reference in entry.references:
            target = catalogue.get(reference.target)
            if target is None:  # it did not load, or it is not there (an error in this file)
                _raise_errors(problems)
            elif target.id not in needed:
                todo.append(target)
    files = {e.source.display for e in needed.values()}
    if any(p.file in files for p in errors):
        _raise_errors(problems)
    _note_others(errors)
    return catalogue, problems, entries


def _note_others(errors: list[Diagnostic]) -> None:
    """One line on stderr: which files have errors, for ``playbook check`` to list."""
    files = sorted({p.file or tr("the project") for p in errors})
    shown = ", ".join(files[:3]) + (tr_n(" and {n} more", " and {n} more", len(files) - 3)
                                    if len(files) > 3 else "")
    print(tr_n("Note: {n} other file has errors ({shown}); run playbook check to see them.",
               "Note: {n} other files have errors ({shown}); run playbook check to see them.",
               len(files), shown=shown), file=sys.stderr)


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
    tail = tr_n(", {n} warning", ", {n} warnings", len(warnings)) if warnings else ""
    # "definitions" and "files" whatever the count, in English as before; Polish takes the form
    print(tr("OK: {definitions} {in_files}{warnings}.",
             definitions=tr_n("{n} definitions", "{n} definitions", len(catalogue)),
             in_files=tr_n("in {n} files", "in {n} files", files), warnings=tail))


__all__ = ["load_checked", "load_needed", "print_warnings", "project_of", "report_ok", "strict_of", "summary", "today"]


def template_problems(templates_dir: Path) -> list[Diagnostic]:
    """The project's own templates (``templates/``), compiled as a build would use them: a syntax
    error is found by ``playbook check``, not halfway through a build; a file whose name replaces
    none of the package's templates and that no other template includes is never used (a
    mistyped ``gaol.md.j2``), which is a warning."""
    from jinja2 import meta

    from ..checklists.document import environment as print_environment
    from ..render import PACKAGE_TEMPLATES, environment

    if not templates_dir.is_dir():
        return []
    known = sorted(p.relative_to(PACKAGE_TEMPLATES).as_posix() for p in PACKAGE_TEMPLATES.rglob("*")
                   if p.is_file())
    names = sorted(p.relative_to(templates_dir).as_posix() for p in templates_dir.rglob("*")
                   if p.is_file() and not p.name.startswith(".") and p.suffix in (".j2", ".css"))
    problems: list[Diagnostic] = []
    included: set[str] = set()
    for name in names:
        env = print_environment(templates_dir) if name.startswith("print/") else environment(templates_dir)
        try:
            env.get_template(name)
        except UserError as exc:
            problems += exc.diagnostics or [Diagnostic(f"{templates_dir.name}/{name}", 1, 1, "", exc.text)]
            continue
        assert env.loader is not None
        source = env.loader.get_source(env, name)[0]  # as the template just compiled was read
        included.update(n for n in meta.find_referenced_templates(env.parse(source)) if n is not None)
    for name in names:
        if name in known or name in included:
            continue
        near = suggest(name, known)
        replaceable = ", ".join(n for n in known if not n.rpartition("/")[2].startswith("_"))
        problems.append(Diagnostic(
            f"{templates_dir.name}/{name}", 1, 1, "",
            tr("no page uses this template: a project's template replaces the package's one of the "
               "same name ({names}) or is included by one that does.", names=replaceable) + near,
            severity="warning"))
    return problems
