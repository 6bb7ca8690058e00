"""Blank checklist PDFs for the site, made without slowing the build down.

The plugin calls :meth:`SitePdfs.start` in ``on_files``. For each checklist it computes a cache
key from everything the PDF depends on: the checklist's YAML and that of the definitions it names
(their titles are printed), the language, the print templates (the package's and the project's overrides), this package's code and labels, the
renderer's version and the fonts. Hashing these takes milliseconds. A PDF with that key in the
cache (``<project>/.cache/playbook/pdf/``, outside ``content/`` and the site) is simply copied;
only missing ones are made, by worker processes, while MkDocs builds the pages (the print HTML
and the PDF both, so the main process never imports WeasyPrint nor compiles the print templates).
:meth:`SitePdfs.finish`, called in ``on_post_build``, waits for them and copies every PDF into
the site.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import pickle
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from ..catalogue import Catalogue, Entry
from ..fsutil import atomic_write
from ..models import KINDS
from .document import checklists
from .worker import Batch

#: The cache folder, relative to the project root (it is in .gitignore).
CACHE_DIR = Path(".cache") / "playbook" / "pdf"
#: Cached PDFs unused for this long are deleted at the end of a build.
KEEP_FOR = dt.timedelta(days=30)

_PACKAGE = Path(__file__).resolve().parent
_GENERATOR = _PACKAGE.parent
#: Code and files whose change may change a PDF (besides the project's YAML and templates).
_CODE = (
    sorted(_PACKAGE.glob("*.py"))
    + sorted((_PACKAGE / "fonts").glob("*.ttf"))
    + sorted((_GENERATOR / "templates" / "print").glob("*"))
    + [_GENERATOR / "models" / "checklist.py", _GENERATOR / "models" / "base.py"]
    + [_GENERATOR / "labels.py"]
)


#: How many builds run side by side on this machine (``playbook build`` builds its languages at
#: once): each starts its share of the cores in PDF workers, not one worker per core.
_builds_at_once = 1


@contextlib.contextmanager
def builds_at_once(count: int) -> Iterator[None]:
    """While ``count`` builds (forked inside this block) share the cores."""
    global _builds_at_once
    before, _builds_at_once = _builds_at_once, max(1, count)
    try:
        yield
    finally:
        _builds_at_once = before


def default_workers() -> int:
    """PDF workers per build: this build's share of the cores, at least one."""
    return max(1, (os.cpu_count() or 1) // _builds_at_once)


def site_pdf_path(ident: str) -> str:
    """Where a checklist's blank PDF lands in the site: next to its page's Markdown source."""
    return f"{KINDS['checklist'].SECTION}/{ident}.pdf"


@lru_cache(maxsize=1)
def code_version() -> str:
    """WeasyPrint's version and the hash of the code, fonts and templates that shape a PDF."""
    digest = hashlib.sha256(f"weasyprint {metadata.version('weasyprint')}".encode())
    for path in _CODE:
        if path.is_file():
            digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _templates_version(templates_dir: Path) -> str:
    """The project's own print templates (overrides), if any."""
    digest = hashlib.sha256()
    folder = templates_dir / "print"
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(catalogue: Catalogue, entry: Entry, lang: str, templates: str) -> str:
    """Everything a blank PDF of ``entry`` depends on, hashed."""
    named = sorted({r.target for r in entry.definition.references()})
    sources = [entry.source.digest] + [
        found.source.digest for ident in named if (found := catalogue.get(ident)) is not None
    ]
    parts = [code_version(), templates, lang, entry.id, *sources]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Job:
    ident: str
    site_path: str
    cache_file: Path


class SitePdfs:
    """The blank PDFs of one build: planned in ``start``, copied into the site in ``finish``."""

    def __init__(self, root: Path, templates_dir: Path, docs_dir: Path, workers: int | None = None):
        self.cache_dir = root / CACHE_DIR
        self.templates_dir = templates_dir
        self.allowed = (templates_dir, docs_dir)
        self.workers = workers
        self.jobs: list[Job] = []
        self.running: list[tuple[subprocess.Popen[bytes], Path, tuple[Job, ...]]] = []
        self.made = 0  # PDFs rendered in this build (the others came from the cache)

    def start(self, catalogue: Catalogue, lang: str) -> list[str]:
        """Plan a PDF per checklist and start making the uncached ones; their site paths."""
        templates = _templates_version(self.templates_dir)
        self.jobs = []
        for entry in checklists(catalogue):
            key = cache_key(catalogue, entry, lang, templates)
            cache_file = self.cache_dir / f"{entry.id}.{lang}.{key[:24]}.pdf"
            self.jobs.append(Job(entry.id, site_pdf_path(entry.id), cache_file))
        missing = [job for job in self.jobs if not job.cache_file.is_file()]
        count = min(len(missing), self.workers or default_workers())
        for index in range(count):
            share = tuple(missing[index::count])
            batch = Batch(catalogue, lang, self.templates_dir, self.allowed,
                          tuple((job.ident, job.cache_file) for job in share))
            self.running.append((*_spawn(batch, self.cache_dir), share))
        return [job.site_path for job in self.jobs]

    def finish(self, site_dir: Path) -> list[str]:
        """Wait for the workers, copy every PDF into ``site_dir``; problems, one line each."""
        problems: list[str] = []
        for process, batch_file, share in self.running:
            _, err = process.communicate()
            batch_file.unlink(missing_ok=True)  # the worker removes it, unless it died first
            if process.returncode == 0:
                self.made += len(share)
                continue
            lines = err.decode("utf-8", "replace").strip().splitlines() or ["no output"]
            for job in share:
                problems.append(f"{job.site_path}: the PDF could not be made: {lines[-1]}")
        self.running = []
        for job in self.jobs:
            target = site_dir / job.site_path
            if not job.cache_file.is_file():
                target.unlink(missing_ok=True)  # no empty placeholder left behind
                continue
            atomic_write(target, job.cache_file.read_bytes())
            target.chmod(0o644)  # served by a web server, like the rest of the site
            os.utime(job.cache_file)
        self._prune()
        return problems

    def abandon(self) -> None:
        """The build failed: stop the workers (the PDFs already made stay in the cache)."""
        for process, batch_file, _ in self.running:
            process.kill()
            process.wait()
            batch_file.unlink(missing_ok=True)
        self.running = []

    def _prune(self) -> None:
        cutoff = time.time() - KEEP_FOR.total_seconds()
        for old in self.cache_dir.glob("*.pdf"):
            try:
                if old.stat().st_mtime < cutoff:
                    old.unlink()
            except OSError:
                pass


def _spawn(batch: Batch, folder: Path) -> tuple[subprocess.Popen[bytes], Path]:
    """A worker interpreter that can import this package, given ``batch`` in a file.

    A file, not a pipe: writing a large pickle to a pipe would block this process until the
    worker has started and reads it.
    """
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".batch-", suffix=".pickle", dir=folder)
    with os.fdopen(fd, "wb") as handle:
        pickle.dump(batch, handle)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(_GENERATOR.parent), env.get("PYTHONPATH", "")) if p
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "generator.checklists.worker", name, str(os.getpid())],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
    )
    return process, Path(name)
