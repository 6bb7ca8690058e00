"""``playbook serve``: a live-reloading preview of one language (``--lang``, by default
``theme.language``'s, as for ``mkdocs serve``); editing any YAML under playbooks/ rebuilds. A
build that fails (the first one too) leaves the server running: the browser shows the errors
until they are fixed."""

from __future__ import annotations

import argparse

from ..tr import tr
from ._common import project_of


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("serve", help=tr("preview the site, rebuilding when a file changes"))
    parser.add_argument("--host", default="127.0.0.1",
                        help=tr("the address to serve on (default: 127.0.0.1, this computer only)"))
    parser.add_argument("--port", metavar="N", type=int, default=8000,
                        help=tr("the port to serve on (default: 8000)"))
    parser.add_argument("--open", action="store_true", help=tr("open the site in a browser"))
    parser.add_argument("--lang", choices=("pl", "en"), default=None,
                        help=tr("the language to preview (default: theme.language of mkdocs.yml)"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..plugin import serve_site

    project = project_of(args, lang=args.lang)  # an unknown language is refused here
    # No check first: a project with errors starts too; the build reports them in the terminal
    # and the browser shows them until they are fixed (generator.plugin.serve).
    serve_site(project.config_file, args.host, args.port, open_browser=args.open, lang=args.lang)
    return 0
