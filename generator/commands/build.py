"""``playbook build``: check, then build the site into a staging folder and swap it in.

With several languages (``languages`` in the plugin options, ``pl`` and ``en`` by default) every
language is a complete site of its own, side by side with the same page addresses
(``site/pl/...``, ``site/en/...``), and the root ``index.html`` sends the reader on to the default
language. All of them are built into one staging folder and swapped in at once: a failure in any
language leaves the previous site as it was.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from .. import progress
from ..catalogue import shared_loader
from ..fsutil import atomic_write, check_output_dir, replace_dir, staging_dir
from ..i18n import alternates, redirect_page
from ._common import load_checked, print_warnings, project_of


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("build", help="check, then build the site (the old one stays on failure)")
    parser.add_argument("--site-dir", metavar="DIR", help="where to put the site (default: site_dir of mkdocs.yml)")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # On a terminal, one status line says what a long build is doing; elsewhere nothing.
    with progress.activate(progress.Progress()):
        return _build(args)


def _build(args: argparse.Namespace) -> int:
    from ..plugin import build_site  # the only way into MkDocs

    project = project_of(args)
    started = time.perf_counter()
    # The plugin loads again for each language: from this loader's cache, no file parsed twice.
    loader = shared_loader(project.root, project.playbooks_dir)
    catalogue, problems = load_checked(project, strict=args.strict, loader=loader)
    print_warnings(problems)
    target = Path(args.site_dir).resolve() if args.site_dir else project.site_dir
    check_output_dir(target, "--site-dir", project.root,
                     (project.docs_dir, project.playbooks_dir, project.templates_dir))
    languages = list(project.settings.languages)
    default = project.settings.default_language
    with staging_dir(target) as staging:
        if len(languages) == 1:
            build_site(project.config_file, staging, strict=args.strict, lang=languages[0])
        else:
            switcher = alternates(languages)
            for lang in [default, *(x for x in languages if x != default)]:
                build_site(project.config_file, staging / lang, strict=args.strict, lang=lang,
                           alternate=switcher)
            atomic_write(staging / "index.html", redirect_page(default, languages, project.site_name))
        replace_dir(staging, target)
    elapsed = time.perf_counter() - started
    where = f"{target} ({', '.join(languages)})" if len(languages) > 1 else str(target)
    progress.current().clear()
    print(f"Built {len(catalogue)} definitions into {where} in {elapsed:.1f} s.")
    return 0
