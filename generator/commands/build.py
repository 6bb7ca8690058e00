"""``playbook build``: check, then build the site into a staging folder and swap it in."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from ..fsutil import replace_dir, staging_dir
from ._common import load_checked, print_warnings, project_of


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("build", help="check, then build the site (the old one stays on failure)")
    parser.add_argument("--site-dir", metavar="DIR", help="where to put the site (default: site_dir of mkdocs.yml)")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..plugin import build_site  # the only way into MkDocs

    project = project_of(args)
    started = time.perf_counter()
    catalogue, problems = load_checked(project, strict=args.strict)
    print_warnings(problems)
    target = Path(args.site_dir).resolve() if args.site_dir else project.site_dir
    if target == project.root or target == project.docs_dir or project.docs_dir.is_relative_to(target):
        from ..errors import UserError

        raise UserError(f"--site-dir: {target} would replace the project or its content; choose another folder.")
    with staging_dir(target) as staging:
        build_site(project.config_file, staging, strict=args.strict)
        replace_dir(staging, target)
    elapsed = time.perf_counter() - started
    print(f"Built {len(catalogue)} definitions into {target} in {elapsed:.1f} s.")
    return 0
