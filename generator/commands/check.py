"""``playbook check``: load and validate everything, print every problem."""

from __future__ import annotations

import argparse
import json

from ..catalogue import translation_problems
from ..errors import UserError
from ._common import load_checked, print_warnings, project_of, report_ok


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("check", help="validate every YAML file and report all problems")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument(
        "--translations",
        action="store_true",
        help="list every text missing a translation, and fail if any is",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    project = project_of(args)
    if args.format == "json":
        return _run_json(args, project)
    catalogue, problems = load_checked(project, strict=args.strict)
    if args.translations:
        missing = translation_problems(catalogue, severity="error")
        if missing:
            raise UserError(missing)
    print_warnings(problems)
    report_ok(catalogue, problems)
    return 0


def _run_json(args: argparse.Namespace, project: object) -> int:
    try:
        catalogue, problems = load_checked(project, strict=args.strict)  # type: ignore[arg-type]
    except UserError as exc:
        print(json.dumps({"ok": False, "problems": [d.to_dict() for d in exc.diagnostics]}, indent=2))
        return 1
    if args.translations:
        problems = problems + translation_problems(catalogue, severity="error")
    ok = not any(p.severity == "error" for p in problems)
    print(json.dumps({"ok": ok, "problems": [d.to_dict() for d in problems]}, indent=2))
    return 0 if ok else 1
