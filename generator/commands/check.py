"""``playbook check``: load and validate everything, print every problem.

Missing translations (a text given in one language only, a hand-written page without its
``page.en.md``) are only counted in a warning: the site shows the other language, marked. With
``--translations`` each one is listed at ``file:line:col`` and the check fails.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..catalogue import Catalogue, translation_problems
from ..errors import Diagnostic, UserError
from ..i18n import missing_page_translations
from ..project import Project
from ..tr import tr, tr_n
from ._common import load_checked, print_warnings, project_of, report_ok, strict_of


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("check", help=tr("validate every YAML file and report all problems"))
    parser.add_argument("--strict", action="store_true", help=tr("treat warnings as errors"))
    parser.add_argument(
        "--translations",
        action="store_true",
        help=tr("list every text missing a translation, and fail if any is"),
    )
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help=tr("text (default) or json: every problem as an object, for other tools"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.format == "json":
        return _run_json(args)
    project = project_of(args)
    catalogue, problems = load_checked(project, strict=strict_of(args, project), templates=True,
                                       strays=True)
    if args.translations:
        missing = missing_translations(catalogue, project, "error")
        if missing:
            raise UserError(missing)
    print_warnings(problems)
    missing = missing_translations(catalogue, project, "warning")
    if missing:
        files = len({d.file for d in missing})
        print(
            tr_n("warning: {n} text {in_files} has no translation; the site shows the other "
                 "language, marked. 'playbook check --translations' lists them.",
                 "warning: {n} texts {in_files} have no translation; the site shows the other "
                 "language, marked. 'playbook check --translations' lists them.",
                 len(missing), in_files=tr_n("in {n} file", "in {n} files", files)),
            file=sys.stderr,
        )
    report_ok(catalogue, problems)
    return 0


def missing_translations(catalogue: Catalogue, project: Project, severity: str) -> list[Diagnostic]:
    """Texts of the YAML and hand-written pages that some language of the site lacks."""
    settings = project.settings
    found = translation_problems(catalogue, severity=severity)
    found += missing_page_translations(
        project.docs_dir, project.root, settings.languages, settings.default_language, severity
    )
    return sorted(found)


def _run_json(args: argparse.Namespace) -> int:
    """Whatever happens, JSON: a mistake in mkdocs.yml, or no project here, is a problem too
    (one without a place in a file has ``file`` "" and ``line`` 0)."""
    try:
        project = project_of(args)
        catalogue, problems = load_checked(project, strict=strict_of(args, project), templates=True,
                                           strays=True)
    except UserError as exc:
        found = exc.diagnostics or [Diagnostic("", 0, 0, "", exc.text)]
        print(json.dumps({"ok": False, "problems": [d.to_dict() for d in found]}, indent=2))
        return 1
    if args.translations:
        problems = problems + missing_translations(catalogue, project, "error")
    ok = not any(p.severity == "error" for p in problems)
    print(json.dumps({"ok": ok, "problems": [d.to_dict() for d in problems]}, indent=2))
    return 0 if ok else 1
