"""``playbook serve``: a live-reloading preview; editing any YAML under playbooks/ rebuilds."""

from __future__ import annotations

import argparse

from ._common import load_checked, print_warnings, project_of


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("serve", help="preview the site, rebuilding when a file changes")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--open", action="store_true", help="open the site in a browser")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..plugin import serve_site

    project = project_of(args)
    _catalogue, problems = load_checked(project)
    print_warnings(problems)
    serve_site(project.config_file, args.host, args.port, open_browser=args.open)
    return 0
