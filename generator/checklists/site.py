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

The cache only saves time: it never breaks a build. ``PLAYBOOK_CACHE_DIR`` moves it (a CI job's
cache folder). A cached PDF that is not whole (truncated by something outside the tool: its own
writes are atomic) is made again. A cache that cannot be written (a read-only checkout or
restored cache, ``.cache`` being a file) is still read; the PDFs it lacks are made in a
temporary folder, with one warning. Leftovers of builds that were stopped (batch files, half
written PDFs) are removed by a later build.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import pickle
import shutil
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
from ..tr import language, tr, tr_n
from .dates import NO_DAYS_OFF, DaysOff
from .document import checklists
from .worker import Batch

#: The cache folder, relative to the project root (it is in .gitignore).
CACHE_DIR = Path(".cache") / "playbook" / "pdf"
#: Names a folder to use instead of ``<project>/.cache/playbook`` (the PDFs go in its ``pdf/``).
CACHE_ENV = "PLAYBOOK_CACHE_DIR"
#: Cached PDFs unused for this long are deleted at the end of a build.
KEEP_FOR = dt.timedelta(days=30)
#: A batch file or a half-written PDF this old is a leftover of a build that was stopped (Ctrl+C,
#: SIGTERM, SIGKILL): a worker reads its batch file as it starts, and writes a PDF in a second.
#: By age alone, not by process id: a build on another machine (a shared cache folder) or in
#: another container may be running, with process ids this one cannot see.
LEFTOVER_AFTER = dt.timedelta(hours=1)
#: A whole PDF starts with this and has this in its last KiB (after it, at most a few bytes).
_PDF_HEAD, _PDF_END, _PDF_TAIL = b"%PDF-", b"%%EOF", 1024

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


def cache_folder(root: Path) -> Path:
    """Where the blank PDFs of the project at ``root`` are cached: ``$PLAYBOOK_CACHE_DIR/pdf``
    (a relative path is taken from the folder the command runs in), else ``.cache/playbook/pdf``."""
    chosen = os.environ.get(CACHE_ENV, "").strip()
    if chosen:
        return Path(chosen).expanduser().absolute() / "pdf"
    return root / CACHE_DIR


def whole_pdf(path: Path) -> bool:
    """Whether ``path`` is a readable file that looks like a whole PDF: it starts with ``%PDF-``
    and ends with ``%%EOF``. Cheap (two small reads); it catches truncated and emptied files."""
    try:
        with open(path, "rb") as handle:
            if handle.read(len(_PDF_HEAD)) != _PDF_HEAD:
                return False
            size = os.fstat(handle.fileno()).st_size
            handle.seek(max(len(_PDF_HEAD), size - _PDF_TAIL))
            return _PDF_END in handle.read()
    except OSError:  # missing, unreadable, a folder, or a path through a file
        return False


def _whole(data: bytes) -> bool:
    return data.startswith(_PDF_HEAD) and _PDF_END in data[-_PDF_TAIL:]


def _unwritable(folder: Path) -> str | None:
    """Why no file can be written in ``folder`` (made if missing), or None if one can."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # named like a batch file: if this process is killed right now, a later build removes it
        with tempfile.NamedTemporaryFile(prefix=".batch-", suffix=".pickle", dir=folder):
            pass
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


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


def cache_key(catalogue: Catalogue, entry: Entry, lang: str, templates: str,
              off: DaysOff = NO_DAYS_OFF) -> str:
    """Everything a blank PDF of ``entry`` depends on, hashed."""
    named = sorted({r.target for r in entry.definition.references()})
    sources = [entry.source.digest] + [
        found.source.digest for ident in named if (found := catalogue.get(ident)) is not None
    ]
    parts = [code_version(), templates, lang, off.key(), entry.id, *sources]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Job:
    ident: str
    site_path: str
    cache_file: Path
    #: Where ``finish`` takes the PDF from: the cache file, or one in a temporary folder when the
    #: cache cannot be written.
    pdf: Path


#: The temporary folder of a build's PDFs when the cache cannot be written: named with the
#: building process's id, so that a build that had to kill another language's build (which then
#: could not clean up) removes that one's too (:func:`drop_scratch_of`).
SCRATCH_PREFIX = "playbook-pdf-"


def drop_scratch_of(pid: int) -> None:
    """Remove the PDFs' temporary folders of the process ``pid`` (killed before it could)."""
    for folder in Path(tempfile.gettempdir()).glob(f"{SCRATCH_PREFIX}{pid}-*"):
        shutil.rmtree(folder, ignore_errors=True)


class SitePdfs:
    """The blank PDFs of one build: planned in ``start``, copied into the site in ``finish``."""

    def __init__(self, root: Path, templates_dir: Path, docs_dir: Path, workers: int | None = None,
                 off: DaysOff = NO_DAYS_OFF):
        self.root = root
        self.off = off  # a blank PDF's rule of due dates names the days off
        self.cache_dir = cache_folder(root)
        self.templates_dir = templates_dir
        self.allowed = (templates_dir, docs_dir)
        self.workers = workers
        self.jobs: list[Job] = []
        self.running: list[tuple[subprocess.Popen[bytes], Path, tuple[Job, ...]]] = []
        self.made = 0  # PDFs rendered in this build (the others came from the cache)
        #: Checklists whose PDF could not be made (the site leaves them out).
        self.failed: dict[str, str] = {}
        #: Why the cache could not take this build's new PDFs, when the site lacks them for it
        #: (a warning, said once by ``finish``).
        self.cache_problem: str | None = None
        #: The same, when they were made elsewhere: the site is whole, only the next build is
        #: slower, so it is news, not a warning (``mkdocs build --strict`` with a read-only
        #: restored cache must not fail for it).
        self.notes: list[str] = []
        self.scratch: Path | None = None  # the temporary folder they were made in instead
        self.scratch_made = False

    def start(self, catalogue: Catalogue, lang: str) -> list[str]:
        """Plan a PDF per checklist and start making those the cache lacks; their site paths.

        A cached PDF that is not whole is made again (the new one replaces it, in one step).
        One that is whole is touched: it was used now, so no build prunes it as unused while
        this one still has to copy it.
        """
        templates = _templates_version(self.templates_dir)
        planned: list[tuple[str, Path]] = []
        missing: list[tuple[str, Path]] = []
        for entry in checklists(catalogue):
            key = cache_key(catalogue, entry, lang, templates, self.off)
            cache_file = self.cache_dir / f"{entry.id}.{lang}.{key[:24]}.pdf"
            planned.append((entry.id, cache_file))
            if not whole_pdf(cache_file):
                missing.append((entry.id, cache_file))
            else:
                with contextlib.suppress(OSError):  # a read-only cache: still read, never touched
                    os.utime(cache_file)
        folder = self._folder_for(len(missing), lang) if missing else None
        if missing and folder is None:
            self.failed.update((ident, tr("no folder to make it in")) for ident, _ in missing)
        made_in = {ident: folder / cache_file.name for ident, cache_file in missing} if folder else {}
        self.jobs = [Job(ident, site_pdf_path(ident), cache_file, made_in.get(ident, cache_file))
                     for ident, cache_file in planned]
        todo = [job for job in self.jobs if job.ident in made_in]
        count = min(len(todo), self.workers or default_workers())
        for index in range(count):
            share = tuple(todo[index::count])
            batch = Batch(catalogue, lang, self.templates_dir, self.allowed,
                          tuple((job.ident, job.pdf) for job in share), self.off)
            try:
                self.running.append((*_spawn(batch, share[0].pdf.parent), share))
            except OSError as exc:  # the folder filled up, say: these are left out, not a traceback
                self.failed.update((job.ident, exc.strerror or str(exc)) for job in share)
        return [job.site_path for job in self.jobs]

    def _folder_for(self, missing: int, lang: str) -> Path | None:
        """Where the missing PDFs are made: the cache, or a temporary folder when it cannot be
        written (noted in :attr:`notes`); None when neither can (:attr:`cache_problem`)."""
        reason = _unwritable(self.cache_dir)
        if reason is None:
            return self.cache_dir
        try:
            where = self.cache_dir.relative_to(self.root)
        except ValueError:
            where = self.cache_dir
        try:
            self.scratch_made = True
            self.scratch = Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-"))
        except OSError as exc:
            self.cache_problem = tr_n(
                "{where}: the PDF cache cannot be written ({reason}), nor a temporary folder "
                "({error}), so the missing PDF ({lang}) is left out of the site.",
                "{where}: the PDF cache cannot be written ({reason}), nor a temporary folder "
                "({error}), so the {n} missing PDFs ({lang}) are left out of the site.",
                missing, where=where, reason=reason, error=exc.strerror or exc, lang=lang,
            )
            return None
        self.notes.append(tr_n(
            "{where}: the PDF cache cannot be written ({reason}), so the missing PDF ({lang}) was "
            "made in a temporary folder and the next build makes it again. Make the folder "
            "writable, or set {variable} to one that is.",
            "{where}: the PDF cache cannot be written ({reason}), so the {n} missing PDFs ({lang}) "
            "were made in a temporary folder and the next build makes them again. Make the folder "
            "writable, or set {variable} to one that is.",
            missing, where=where, reason=reason, lang=lang, variable=CACHE_ENV,
        ))
        return self.scratch

    def finish(self, site_dir: Path) -> list[str]:
        """Wait for the workers, copy every PDF into ``site_dir``; problems (warnings), one line
        each. News that is not a problem is in :attr:`notes`."""
        problems = [self.cache_problem] if self.cache_problem else []
        for process, batch_file, share in self.running:
            _, err = process.communicate()
            batch_file.unlink(missing_ok=True)  # the worker removes it, unless it died first
            if process.returncode == 0:
                self.made += len(share)
                continue
            lines = err.decode("utf-8", "replace").strip().splitlines() or [tr("no output")]
            self.failed.update((job.ident, lines[-1]) for job in share)
        self.running = []
        for job in self.jobs:
            target = site_dir / job.site_path
            why = self.failed.get(job.ident)
            data = None if why else _read(job.pdf)
            if data is None or not _whole(data):
                target.unlink(missing_ok=True)  # no empty placeholder left behind
                if why is None:  # not since start(), unless something outside the tool did it
                    why = tr("it went missing") if data is None else tr("it is not a whole PDF")
                problems.append(tr("{file}: the PDF could not be made: {reason}", file=job.site_path,
                                   reason=why))
                continue
            atomic_write(target, data)
            target.chmod(0o644)  # served by a web server, like the rest of the site
        self._drop_scratch()
        self._prune()
        return problems

    def abandon(self) -> None:
        """The build failed: stop the workers (the PDFs already made stay in the cache)."""
        for process, batch_file, _ in self.running:
            process.kill()
            process.wait()
            batch_file.unlink(missing_ok=True)
        self.running = []
        self._drop_scratch()
        if self.scratch_made:  # stopped between making the folder and naming it in self.scratch
            drop_scratch_of(os.getpid())

    def _drop_scratch(self) -> None:
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)
            self.scratch = None

    def _prune(self) -> None:
        """Delete PDFs unused for :data:`KEEP_FOR` and leftovers of stopped builds; quietly (a
        read-only cache keeps them)."""
        now = time.time()
        try:
            with os.scandir(self.cache_dir) as listing:
                entries = list(listing)
        except OSError:
            return
        for entry in entries:
            name = entry.name
            if name.endswith(".pdf") and not name.startswith("."):
                age = KEEP_FOR
            elif name.startswith(".batch-") and name.endswith(".pickle"):
                age = LEFTOVER_AFTER
            elif name.startswith(".") and ".pdf." in name and name.endswith(".tmp"):
                age = LEFTOVER_AFTER  # atomic_write's temporary file, of a worker killed mid-write
            else:
                continue
            try:
                if entry.stat(follow_symlinks=False).st_mtime < now - age.total_seconds():
                    os.unlink(entry.path)
            except OSError:
                pass


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _spawn(batch: Batch, folder: Path) -> tuple[subprocess.Popen[bytes], Path]:
    """A worker interpreter that can import this package, given ``batch`` in a file.

    A file, not a pipe: writing a large pickle to a pipe would block this process until the
    worker has started and reads it.
    """
    fd, name = tempfile.mkstemp(prefix=".batch-", suffix=".pickle", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(batch, handle)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    env = dict(os.environ)
    env["PLAYBOOK_LANG"] = language()  # its messages (a broken print template) in the build's language
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(_GENERATOR.parent), env.get("PYTHONPATH", "")) if p
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "generator.checklists.worker", name, str(os.getpid())],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
    )
    return process, Path(name)
