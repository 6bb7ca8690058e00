"""``playbook render --out DIR``: write the generated Markdown pages to a folder.

For inspection, or for another engine that reads ``mkdocs.yml`` (Zensical, ProperDocs): the same
pages the plugin adds to a build in memory. Hand-written pages are not copied.

The folder is replaced whole, and so only when it is missing, empty, or an earlier render's (its
``.playbook-pages`` marker lists what that render wrote) with nothing else in it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import UserError, printable
from ..fsutil import (
    PAGES_MARKER,
    atomic_write,
    check_output_dir,
    environment_problem,
    replace_output,
    staging_dir,
)
from ..pages import plan
from ..tr import tr, tr_n
from ._common import load_checked, print_warnings, project_of, strict_of, today


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("render", help=tr("write the generated Markdown pages to a folder"))
    parser.add_argument("--out", metavar="DIR", required=True,
                        help=tr("the folder to write them to; replaced whole, so it must be missing, "
                                "empty or an earlier render's"))
    parser.add_argument("--lang", choices=("pl", "en"), default=None,
                        help=tr("the pages' language (default: theme.language of mkdocs.yml)"))
    parser.add_argument("--strict", action="store_true",
                        help=tr("treat warnings as errors (as strict: true in mkdocs.yml does)"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    project = project_of(args, lang=args.lang)
    out = Path(args.out).resolve()
    check_output_dir(out, "--out", project.root,
                     (project.docs_dir, project.playbooks_dir, project.templates_dir), example="pages")
    catalogue, problems = load_checked(project, strict=strict_of(args, project))
    print_warnings(problems)
    pages = plan(catalogue, project.settings.lang, project.templates_dir, today())
    try:
        with staging_dir(out) as staging:
            for page in pages:
                atomic_write(staging / page.path, page.markdown)
            replace_output(staging, out, "--out", PAGES_MARKER)
    except OSError as exc:  # a full disk, say: the staging folder is gone, the old pages stay
        problem = environment_problem(exc, tr("The pages were not written"))
        if problem is None:
            raise
        raise UserError(tr("{problem} {folder} is as it was.", problem=problem, folder=out)) from None
    print(tr_n("Wrote {n} pages to {folder}.", "Wrote {n} pages to {folder}.", len(pages),
               folder=printable(str(out))))
    return 0
