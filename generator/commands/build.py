"""``playbook build``: check, then build the site into a staging folder and swap it in.

With several languages (``languages`` in the plugin options, ``pl`` and ``en`` by default) every
language is a complete site of its own, side by side with the same page addresses
(``site/pl/...``, ``site/en/...``), and the root ``index.html`` sends the reader on to the default
language. All of them are built into one staging folder and swapped in at once: a failure in any
language leaves the previous site as it was. The site folder is replaced only when it is missing,
empty, or an earlier build's (its ``.playbook-site`` marker lists what that build wrote, see
:func:`generator.fsutil.foreign_files`) with nothing else in it.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from .. import progress
from ..catalogue import shared_loader
from ..checklists.site import builds_at_once, drop_scratch_of
from ..cli import stop_if_terminated
from ..errors import UserError, printable
from ..fsutil import (
    SITE_MARKER,
    atomic_write,
    check_output_dir,
    check_replaceable,
    die_with_parent,
    environment_problem,
    replace_output,
    staging_dir,
)
from ..i18n import alternates, not_found_page, redirect_page
from ..project import Project
from ..tr import tr, tr_n
from ._common import load_checked, print_warnings, project_of, strict_of


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("build", help=tr("check, then build the site (the old one stays on failure)"))
    parser.add_argument("--site-dir", metavar="DIR", help=tr("where to put the site (default: site_dir of mkdocs.yml)"))
    parser.add_argument("--strict", action="store_true", help=tr("treat warnings as errors"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # On a terminal, one status line says what a long build is doing; elsewhere nothing.
    with progress.activate(progress.Progress()):
        return _build(args)


#: Seconds the other languages' builds have to clean up when the build is stopped.
STOP_WITHIN = 5.0

#: One language's build: config file, output folder, strict, language, the language switcher.
_Job = tuple[Path, Path, bool, str, list[dict[str, str]]]


def _build_language(job: _Job) -> None:
    from ..plugin import build_site

    config_file, out, strict, lang, switcher = job
    build_site(config_file, out, strict=strict, lang=lang, alternate=switcher)


def _language_child(parent: int) -> None:
    progress.deactivate()  # one status line on the terminal: the first language's
    die_with_parent(parent)  # a killed build leaves no language building on for nobody
    _interrupt_once()


def _interrupt_once() -> None:
    """In a language's build: Ctrl+C (the terminal sends it to every process of the build) and
    SIGTERM (the build stopping this one, see :func:`_stop`) may both come. The first stops it
    as Ctrl+C does; the other is ignored, so that its clean-up runs to the end."""
    stopping = False

    def stop(signum: int, frame: Any) -> None:
        nonlocal stopping
        if not stopping:
            stopping = True
            raise KeyboardInterrupt

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)


def _build_languages(jobs: list[_Job]) -> None:
    """Build every language's site; with a spare core, the other languages beside the first.

    Each language is a complete MkDocs build that shares nothing with the others but what is
    already loaded, so a forked process (starting with every module imported and the loader's
    cache full) builds the second language while this one builds the first: on two cores the
    two-language build takes little more than one language (bench/run.py). Without ``fork``
    or a second core, or with ``PLAYBOOK_WORKERS=1``, one after the other. A failure in any
    language fails the build, after the others have finished.
    """
    first, rest = jobs[0], jobs[1:]
    workers = min(len(rest), (os.cpu_count() or 1) - 1)
    if os.environ.get("PLAYBOOK_WORKERS") == "1" or threading.active_count() > 1:
        workers = 0
    if workers > 0:
        try:
            context: multiprocessing.context.BaseContext | None = multiprocessing.get_context("fork")
        except ValueError:  # pragma: no cover - no fork on this system
            context = None
    if workers <= 0 or context is None:
        for job in jobs:
            _build_language(job)
        return
    with builds_at_once(1 + workers), ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_language_child, initargs=(os.getpid(),),
    ) as pool:
        others = [pool.submit(_build_language, job) for job in rest]
        try:
            _build_language(first)  # on failure, leaving the block waits for the others, then raises
            for future in others:
                future.result()  # a failure in another language fails the build (its UserError)
        except KeyboardInterrupt:  # Ctrl+C or SIGTERM: the other languages stop now
            processes = list((pool._processes or {}).values())
            pool.shutdown(wait=False, cancel_futures=True)  # no more work: each ends once stopped
            _stop(processes)
            raise


def _stop(processes: Sequence[multiprocessing.process.BaseProcess]) -> None:
    """Stop the other languages' builds as this one stops: SIGTERM, which each takes as Ctrl+C
    (its PDF workers stopped, their temporary folder removed), then SIGKILL for one that has
    not ended in a few seconds."""
    for process in processes:
        process.terminate()
    deadline = time.monotonic() + STOP_WITHIN
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():  # on a loaded machine it may not clean up in time: done for it
            process.kill()
            process.join()
            if process.pid is not None:
                drop_scratch_of(process.pid)


def _build(args: argparse.Namespace) -> int:
    project = project_of(args)
    started = time.perf_counter()
    # The plugin loads again for each language: from this loader's cache, no file parsed twice.
    loader = shared_loader(project.root, project.playbooks_dir)
    # mkdocs.yml's `strict: true` holds for this build too (as for a plain mkdocs build).
    strict = strict_of(args, project)
    catalogue, problems = load_checked(project, strict=strict, loader=loader, strays=True)
    print_warnings(problems)
    # A site folder that is a link (site -> /var/www/playbook) stays one: the folder it points
    # to is the one replaced.
    target = (Path(args.site_dir) if args.site_dir else project.site_dir).resolve()
    check_output_dir(target, "--site-dir", project.root,
                     (project.docs_dir, project.playbooks_dir, project.templates_dir))
    option = "--site-dir" if args.site_dir else "site_dir (mkdocs.yml)"
    check_replaceable(target, option, SITE_MARKER)  # now, not after a long build
    if target.is_dir() and os.path.ismount(target):  # the swap would fail, after the whole build
        raise UserError(tr(
            "{option}: {folder} is a mount point (a volume mounted there, say), and the site is "
            "put in place by renaming, which a mount point refuses; nothing was built. Mount the "
            "volume one level up (-v pub:/srv with site_dir: /srv/site), or build elsewhere and "
            "copy the site in.", option=option, folder=target,
        ))
    languages = list(project.settings.languages)
    default = project.settings.default_language
    existed = target.exists()
    try:
        _build_into(project, target, option, strict, languages, default)
    except OSError as exc:  # a full disk, say: the staging folder is gone, the old site stays
        problem = environment_problem(exc, tr("The site was not built"))
        if problem is None:
            raise
        kept = (tr("The previous site in {folder} is unchanged.", folder=target) if existed
                else tr("Nothing was written to {folder}.", folder=target))
        raise UserError(f"{problem} {kept}") from None
    elapsed = time.perf_counter() - started
    where = f"{target} ({', '.join(languages)})" if len(languages) > 1 else str(target)
    progress.current().clear()
    print(tr_n("Built {n} definitions into {folder} in {seconds:.1f} s.",
               "Built {n} definitions into {folder} in {seconds:.1f} s.", len(catalogue),
               folder=printable(where), seconds=elapsed))
    return 0


def _build_into(project: Project, target: Path, option: str, strict: bool, languages: list[str],
                default: str) -> None:
    """Build every language into a staging folder beside ``target``, then swap it in."""
    from ..plugin import build_site  # the only way into MkDocs

    with staging_dir(target) as staging:
        if len(languages) == 1:
            build_site(project.config_file, staging, strict=strict, lang=languages[0])
        else:
            switcher = alternates(languages)
            _build_languages([
                (project.config_file, staging / lang, strict, lang, switcher)
                for lang in [default, *(x for x in languages if x != default)]
            ])
            names = dict(project.settings.site_names)
            atomic_write(staging / "index.html", redirect_page(
                default, languages, names.get(default, project.site_name),
                directory_urls=project.raw_config.get("use_directory_urls") is not False,
            ))
            site_url = project.raw_config.get("site_url")  # a web server shows it at any unknown address
            atomic_write(staging / "404.html", not_found_page(
                default, languages, names, project.site_name,
                str(site_url) if site_url else None,
            ))
        stop_if_terminated()  # never swapped in once told to stop
        replace_output(staging, target, option, SITE_MARKER)
