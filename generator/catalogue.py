"""Load every YAML file under ``playbooks/``, validate it, and check the references between them.

The result is a :class:`Catalogue` (every definition, by id and by kind, with back-references)
and the list of every problem found, so a user sees all their mistakes in one run. Per-file work
(read, parse, validate) is cached by content hash, so ``playbook serve`` re-reads only what
changed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import difflib
import gc
import hashlib
import os
import re
import stat
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Literal

from pydantic import TypeAdapter, ValidationError
from yaml.nodes import Node

from . import messages
from .errors import Diagnostic
from .models import KINDS, Definition
from .models.base import LANGUAGES, Reference, is_slug, localize, missing_languages, raw_references
from .progress import current as current_progress
from .tr import inflect, language, tr
from .yamlfile import (
    FORBIDDEN_CHARS,
    MAX_BYTES,
    Loc,
    Parsed,
    char_name,
    compose,
    loc_text,
    locate,
    parse_bytes,
    place_in_scalar,
    too_big,
)

YAML_SUFFIXES = (".yaml", ".yml")
#: Validation problems listed per file; past that a file is more wrong than right.
MAX_ERRORS_PER_FILE = 50


@dataclass(frozen=True)
class Source:
    """Where a definition came from: its path on disk and as shown to the user."""

    path: Path
    display: str
    text: str
    digest: str

    @property
    def version(self) -> str:
        """The SHA-256 of the text as written, whatever line ends and byte-order mark the editor
        saved it with (Git on Windows checks files out with ``\r\n``): a checklist's version, the
        same on a site built on Linux and a page printed on Windows. For a file saved with ``\n``
        and no byte-order mark it is the SHA-256 of the file (``digest``)."""
        text = self.text.replace("\r\n", "\n").replace("\r", "\n")
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Entry:
    definition: Definition
    source: Source

    @property
    def id(self) -> str:
        return self.definition.id

    @property
    def kind(self) -> str:
        return self.definition.KIND

    @cached_property
    def references(self) -> tuple[Reference, ...]:
        """Every id this definition points at; kept with the cached file, so walked once."""
        return tuple(self.definition.references())

    def at(self, loc: Loc, message: str, severity: str = "error") -> Diagnostic:
        """A diagnostic located at ``loc`` inside this definition's file."""
        line, col, shown = locate(compose(self.source.text), loc)
        return Diagnostic(self.source.display, line, col, loc_text(shown), message, severity)  # type: ignore[arg-type]


@dataclass
class Catalogue:
    """Every valid definition of a project, and who refers to whom."""

    entries: dict[str, Entry] = field(default_factory=dict)
    #: target id -> [(referring entry, loc of the reference)]
    referrers: dict[str, list[tuple[Entry, Loc]]] = field(default_factory=lambda: defaultdict(list))
    #: kind -> entries sorted by id; templates ask for the same kind many times per page
    _by_kind: dict[str, list[Entry]] = field(default_factory=dict, repr=False, compare=False)
    _by_kind_size: int = field(default=-1, repr=False, compare=False)

    def of_kind(self, kind: str) -> list[Entry]:
        if self._by_kind_size != len(self.entries):
            self._by_kind = {}
            for entry in sorted(self.entries.values(), key=lambda e: e.id):
                self._by_kind.setdefault(entry.kind, []).append(entry)
            self._by_kind_size = len(self.entries)
        return list(self._by_kind.get(kind, ()))

    def get(self, ident: str) -> Entry | None:
        return self.entries.get(ident)

    def referring(self, ident: str, kind: str | None = None) -> list[Entry]:
        """Entries that refer to ``ident`` (optionally only of one kind), each once, by id."""
        seen: dict[str, Entry] = {}
        for entry, _loc in self.referrers.get(ident, []):
            if kind is None or entry.kind == kind:
                seen.setdefault(entry.id, entry)
        return [seen[k] for k in sorted(seen)]

    def __len__(self) -> int:
        return len(self.entries)


@dataclass(frozen=True)
class Claim:
    """The id a file that could not be loaded declares, so that references to it are not
    reported as dangling: the file's own errors are, and one mistake gives one error.

    ``found``: ``data``, the id was read from the parsed data; ``text``, it was read from the text
    of a file with a YAML syntax error (see :func:`_guess_claim`); ``name``, the file's name, for
    a file whose id cannot be read at all (empty, no ``id:``, a broken ``id:`` line: files are
    named after their id). A ``text`` or ``name`` claim is a guess: it only holds back errors
    about references to that id while the file has an error of its own (which fails the check by
    itself; they come back once it is fixed, if the id was not the one guessed), and it never
    makes ids duplicates. Emptying ``sales.yaml`` while ``playbook serve`` runs is one error, not
    one more in every file that names the team.
    """

    id: str
    kind: str | None
    display: str
    line: int
    col: int
    found: Literal["data", "text", "name"] = "data"

    @property
    def certain(self) -> bool:
        return self.found == "data"


@dataclass(frozen=True)
class Placed:
    """A reference in a file that did not load, with its place in the file and the field as
    shown (worked out while the file's other errors were located: checking it needs no parse)."""

    reference: Reference
    line: int
    col: int
    where: str


@dataclass(frozen=True)
class Unloaded:
    """The references of a file that did not load, checked with everyone else's so that a
    dangling one is reported in the same run as the file's own errors (see :func:`load_one`).

    ``id``: the file's own id when it is a valid one (a reference to it is to itself); ``room``:
    how many more errors the file may show (:data:`MAX_ERRORS_PER_FILE`).
    """

    display: str
    kind: str
    id: str | None
    references: tuple[Placed, ...]
    room: int


@dataclass(frozen=True)
class FileResult:
    """The cached outcome of one file: a definition, or the problems in it (and what it claims,
    and the references that can still be checked)."""

    entry: Entry | None
    problems: tuple[Diagnostic, ...]
    claim: Claim | None = None
    unloaded: Unloaded | None = None


#: Below this many files to parse, one process does it even when more are asked for.
PARALLEL_MIN_FILES = 400
#: Called as ``progress(done, total)`` while files are parsed.
ProgressFn = Callable[[int, int], None]


class Loader:
    """Loads a project's playbooks; keeps a cache of per-file results between loads.

    The cache is keyed by file and content hash: a second load (``playbook serve`` after an
    edit, or the MkDocs plugin after ``playbook build`` checked the project) reads every file's
    bytes but parses and validates only the files whose bytes changed. ``files_read`` counts the
    files parsed, which is how tests and the benchmark prove it.
    """

    def __init__(self, root: Path, playbooks_dir: Path, workers: int | None = None) -> None:
        self.root = root
        self.playbooks_dir = playbooks_dir
        #: display path -> (content hash, result)
        self._cache: dict[str, tuple[str, FileResult]] = {}
        self.files_read = 0
        #: Processes that parse and validate at once; ``None``: every core for a large project.
        self.workers = workers
        #: The files of the last load that gave no definition, as shown -> the kind they hold
        #: (their ``kind:``, else their kind folder's, else None): what a command that needs only
        #: some definitions asks to tell whether one of them may be among these.
        self.broken: dict[str, str | None] = {}

    def load(
        self, today: dt.date | None = None, progress: ProgressFn | None = None
    ) -> tuple[Catalogue, list[Diagnostic]]:
        problems: list[Diagnostic] = []
        paths, found = discover(self.playbooks_dir, self.root)
        problems.extend(found)
        with _collector_paused():
            results = self._load_files(paths, progress)
        catalogue = Catalogue()
        for result in results:
            problems.extend(result.problems)
        self.broken = {display_path(path, self.root): _broken_kind(result, path, self.playbooks_dir)
                       for path, result in zip(paths, results, strict=True) if result.entry is None}
        entries = [r.entry for r in results if r.entry is not None]
        claims = [r.claim for r in results if r.claim is not None]
        unloaded = [r.unloaded for r in results if r.unloaded is not None]
        indexed, held = _index(catalogue, entries, claims)
        problems.extend(indexed)
        problems.extend(_check_references(catalogue, held, unloaded))
        problems.extend(_check_cycles(catalogue))
        problems.extend(_review_warnings(catalogue, today or dt.date.today()))
        return catalogue, sorted(set(problems))

    def _load_files(self, paths: list[Path], progress: ProgressFn | None) -> list[FileResult]:
        """Every file's result, from the cache when its bytes are unchanged."""
        results: list[FileResult | None] = []
        jobs: list[tuple[int, _Job]] = []
        present: set[str] = set()
        for path in paths:
            display = display_path(path, self.root)
            present.add(display)
            raw = read_limited(path, display)
            if isinstance(raw, Diagnostic):
                results.append(FileResult(None, (raw,)))
                continue
            digest = hashlib.sha256(raw).hexdigest()
            cached = self._cache.get(display)
            if cached is not None and cached[0] == digest:
                results.append(cached[1])
                continue
            jobs.append((len(results), (raw, path, display, digest)))
            results.append(None)
        if progress is None and jobs:
            shown = current_progress()
            shown.stage(tr("Checking {n:,} YAML files", n=len(jobs)), total=len(jobs))
            progress = shown.advance
        fresh = _run_jobs([job for _i, job in jobs], self._workers_for(len(jobs)), progress)
        for (i, (_raw, _path, display, digest)), result in zip(jobs, fresh, strict=True):
            self._cache[display] = (digest, result)
            results[i] = result
        self.files_read += len(jobs)
        if len(self._cache) > len(present):  # files deleted or renamed since the last load
            self._cache = {k: v for k, v in self._cache.items() if k in present}
        return [r for r in results if r is not None]

    def _workers_for(self, jobs: int) -> int:
        """One process, unless asked (``workers=``, ``PLAYBOOK_WORKERS``). Measured with
        bench/run.py: two processes load 1,000 files in 0.93 s against 0.61 s for one, since
        sending the validated definitions back costs about what the second core saves; the
        second core is better spent building the second language (``playbook build``)."""
        if self.workers is not None:
            return max(1, self.workers)
        wanted = os.environ.get("PLAYBOOK_WORKERS", "")
        if wanted.isdigit() and int(wanted) > 1 and jobs >= PARALLEL_MIN_FILES:
            return int(wanted)
        return 1


_FOLDER_KINDS = {cls.SECTION: kind for kind, cls in KINDS.items()}


def _broken_kind(result: FileResult, path: Path, playbooks_dir: Path) -> str | None:
    """The kind a file that gave no definition holds: its ``kind:`` if that could be read, else
    the kind whose folder it is in (``playbooks/slas/``), else None."""
    if result.unloaded is not None:
        return result.unloaded.kind
    if result.claim is not None and result.claim.kind is not None:
        return result.claim.kind
    try:
        parts = path.relative_to(playbooks_dir).parts
    except ValueError:  # pragma: no cover - discover() finds files inside it only
        return None
    return _FOLDER_KINDS.get(parts[0]) if len(parts) > 1 else None


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while files load. Every definition loaded so far stays alive,
    and each collection walked them all again: a third of the load at 5,000 files. The loaded data
    holds no cycles, so reference counting frees what is dropped at once; anything else waits for
    the next collection after this."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


#: What a worker needs to load one file: its bytes, path, path as shown, and content hash.
_Job = tuple[bytes, Path, str, str]


def _load_job(job: _Job) -> FileResult:
    result = load_one(*job)
    if result.entry is not None:
        _ = result.entry.references  # walked here, in the worker, and cached with the result
    return result


def _run_jobs(jobs: list[_Job], workers: int, progress: ProgressFn | None) -> list[FileResult]:
    """Parse and validate files; several processes at once for a large project.

    The pool forks, so workers start with everything imported and cost milliseconds; a process
    with other threads running (``mkdocs serve``'s server) is never forked. Any failure to start
    the pool falls back to doing the work here.
    """
    total = len(jobs)
    if workers > 1 and total > 1 and threading.active_count() == 1:
        pooled = _run_pooled(jobs, workers, progress)
        if pooled is not None:
            return pooled
    out: list[FileResult] = []
    for job in jobs:
        out.append(_load_job(job))
        if progress is not None:
            progress(len(out), total)
    return out


def _run_pooled(jobs: list[_Job], workers: int, progress: ProgressFn | None) -> list[FileResult] | None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    try:
        context = multiprocessing.get_context("fork")
    except ValueError:  # pragma: no cover - no fork (Windows, macOS default)
        return None
    chunk = max(1, min(64, len(jobs) // (workers * 8)))
    out: list[FileResult] = []
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            for result in pool.map(_load_job, jobs, chunksize=chunk):
                out.append(result)
                if progress is not None and (len(out) % chunk == 0 or len(out) == len(jobs)):
                    progress(len(out), len(jobs))
    except (OSError, RuntimeError):  # pragma: no cover - no processes allowed here
        return None
    return out


def read_limited(path: Path, display: str) -> bytes | Diagnostic:
    """The bytes of a regular file, at most :data:`MAX_BYTES`; a link, a device or a file that
    grew too large is refused without reading it whole (a file can change after discovery)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        return Diagnostic(display, 1, 1, "", tr("cannot read the file: {reason}.", reason=exc.strerror or exc))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return Diagnostic(display, 1, 1, "", tr("this is not an ordinary file: it is not read."))
        if info.st_size > MAX_BYTES:
            return too_big(info.st_size, display)
        raw = _read_fd(fd, info.st_size)
    except OSError as exc:
        return Diagnostic(display, 1, 1, "", tr("cannot read the file: {reason}.", reason=exc.strerror or exc))
    finally:
        os.close(fd)
    if len(raw) > MAX_BYTES:
        return too_big(len(raw), display)
    return raw


def _read_fd(fd: int, size: int) -> bytes:
    """At most ``MAX_BYTES + 1`` bytes of an open file, to its end; ``size`` (from ``fstat``) is
    the first guess. Plain ``os.read`` calls: with a buffered file object per file, reading 1,000
    files took 0.06 s instead of 0.017 s."""
    chunks: list[bytes] = []
    total = 0
    want = size + 1  # one more byte than expected: the file may have grown since
    while total <= MAX_BYTES:
        chunk = os.read(fd, min(want, MAX_BYTES + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = 65_536
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


_SHARED: dict[tuple[Path, Path], Loader] = {}
_SHARED_LOCK = threading.Lock()


def shared_loader(root: Path, playbooks_dir: Path) -> Loader:
    """The one loader of a project in this process, so its cache serves every load.

    ``playbook build`` checks the project, then MkDocs builds one site per language, and
    ``mkdocs serve`` rebuilds with a new plugin instance each time: all of them ask here, and
    only the first load of a file parses and validates it.
    """
    key = (root.resolve(), playbooks_dir.resolve())
    with _SHARED_LOCK:
        loader = _SHARED.get(key)
        if loader is None:
            loader = _SHARED[key] = Loader(key[0], key[1])
        return loader


def display_path(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


#: Characters Windows refuses in a file name; such a file cannot be checked out there.
_WINDOWS_FORBIDDEN = set('<>:"\\|?*')
#: A name that needs no closer look: ASCII letters, digits, ``.``, ``_`` and ``-``, not ending
#: with a dot (most names; checking every character of each cost more than listing the folder).
_PLAIN_NAME = re.compile(r"[A-Za-z0-9._-]*[A-Za-z0-9_-]")


#: Names Windows keeps for devices, with any ending (``con.md``, ``nul.tar.gz``): Git for Windows
#: refuses to check such a file out.
_WINDOWS_DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                              *(f"LPT{i}" for i in range(1, 10))})


def name_problem(name: str) -> str | None:
    """Why a file or folder name is refused, or None. The name may hold surrogate escapes."""
    if name.split(".", 1)[0].rstrip(" ").upper() in _WINDOWS_DEVICES:
        return tr("{name!r} is a name Windows keeps for a device, so the file cannot be checked out "
                  "there: rename it", name=name.split('.', 1)[0])
    if _PLAIN_NAME.fullmatch(name):
        return None
    if any("\udc80" <= ch <= "\udcff" for ch in name):
        return tr("the name is not valid UTF-8 text: rename it using ordinary letters")
    bad = FORBIDDEN_CHARS.search(name)
    if bad is not None or any(ch in "\t\n\r" for ch in name):
        ch = bad.group() if bad is not None else next(c for c in name if c in "\t\n\r")
        return tr("the name contains {char}: rename it using ordinary letters", char=char_name(ch))
    odd = sorted({ch for ch in name if ch in _WINDOWS_FORBIDDEN})
    if odd:
        return tr("the name contains {chars}, which Windows does not allow in file names: rename it",
                  chars=" ".join(odd))
    if name != name.rstrip(" ."):
        return tr("the name ends with a space or a dot, which Windows drops: rename it")
    return None


def unusable_name(is_dir: bool, problem: str) -> str:
    """``this file name cannot be used: ...`` (or folder name), with :func:`name_problem`'s reason."""
    if is_dir:
        return tr("this folder name cannot be used: {problem}.", problem=problem)
    return tr("this file name cannot be used: {problem}.", problem=problem)


def _fold_name(name: str) -> str:
    """Names that are the same file on Windows and macOS fold to the same key."""
    return unicodedata.normalize("NFC", name).casefold()


#: What Windows leaves in a folder it shows (thumbnails, the folder's look), never a user's file.
_WINDOWS_LITTER = frozenset({"thumbs.db", "ehthumbs.db", "desktop.ini"})


def is_litter(name: str) -> bool:
    """Whether a file named ``name`` is litter Windows or Office leave beside a user's files:
    ``Thumbs.db``, ``desktop.ini``, and ``~$name`` (the lock file Word or Excel keeps while
    ``name`` is open, holding who has it open). Never read as a definition, never published."""
    return name.startswith("~$") or name.lower() in _WINDOWS_LITTER


def discover(playbooks_dir: Path, root: Path) -> tuple[list[Path], list[Diagnostic]]:
    """Every YAML file under ``playbooks_dir``, sorted.

    Refused, with a message, and never read: symbolic links (files and folders: a link can point
    anywhere, e.g. ``/etc``), names that cannot be printed or checked out everywhere (control
    characters, bytes that are not UTF-8, characters Windows forbids), and two names in one folder
    that differ only in upper/lower case or Unicode normalisation (one file on Windows and macOS).
    Hidden files and folders (``.name``) are skipped, and so are Office's lock files (``~$name``)
    and files that are not ``.yaml``/``.yml``, but a ``name.yaml.txt`` is named: Notepad saved it
    so, and Windows does not show the ``.txt``.
    """
    problems: list[Diagnostic] = []
    found: list[Path] = []
    if not playbooks_dir.is_dir():
        problems.append(
            Diagnostic(display_path(playbooks_dir, root), 1, 1, "", tr("the playbooks folder does not exist."))
        )
        return found, problems

    def refuse(path: Path, message: str) -> None:
        problems.append(Diagnostic(display_path(path, root), 1, 1, "", message))

    def unreadable(error: OSError) -> None:
        where = Path(error.filename) if error.filename else playbooks_dir
        refuse(where, tr("cannot read this folder: {reason}.", reason=error.strerror or error))

    for current, dirnames, filenames in os.walk(playbooks_dir, onerror=unreadable, followlinks=False):
        base = Path(current)
        seen: dict[str, str] = {}
        keep: list[str] = []
        for name in sorted(dirnames + filenames):
            path = base / name
            is_dir = name in dirnames
            if name.startswith(".") or (not is_dir and is_litter(name)):
                continue
            if not is_dir and not name.lower().endswith(YAML_SUFFIXES):
                meant = name[:-4]
                if name.lower().endswith(".txt") and meant.lower().endswith(YAML_SUFFIXES):
                    refuse(path, tr("this file name ends in '.txt', so the file is not read: rename it "
                                    "to '{meant}' (Windows hides the ending unless 'File name "
                                    "extensions' is ticked in File Explorer's View menu).", meant=meant))
                continue
            try:
                mode = os.lstat(path).st_mode  # one call for "a link?" and "a file?"
            except OSError:
                mode = 0
            if stat.S_ISLNK(mode):
                refuse(path, tr("this folder is a symbolic link; links are not followed: move the "
                                "real folder here.") if is_dir else
                       tr("this file is a symbolic link; links are not followed: copy the real file "
                          "here."))
                continue
            problem = name_problem(name)
            if problem:
                refuse(path, unusable_name(is_dir, problem))
                continue
            key = _fold_name(name)
            if key in seen:  # reported, and still read: the clash is in the names only
                other = seen[key]
                how = (
                    tr("only in upper/lower case")
                    if name.casefold() == other.casefold()
                    else tr("only in how its accented letters are stored (Unicode normalisation)")
                )
                refuse(path, tr("this folder name differs from '{other}' {how}; on Windows and macOS "
                                "the two are one file: rename or remove one.", other=other, how=how)
                       if is_dir else
                       tr("this file name differs from '{other}' {how}; on Windows and macOS the two "
                          "are one file: rename or remove one.", other=other, how=how))
            seen.setdefault(key, name)
            if is_dir:
                keep.append(name)
            elif stat.S_ISREG(mode):
                found.append(path)
        dirnames[:] = keep
    return sorted(found), problems


#: A definition's top-level ``kind:`` and ``id:`` lines (a values file has neither).
_KIND_LINE = re.compile(r"""^kind:[ \t]*["']?([A-Za-z]*)""", re.MULTILINE)
_TOP_ID_LINE = re.compile(r"^id:", re.MULTILINE)
#: YAML files the project keeps beside the definitions for other tools, never a definition.
_OTHER_TOOLS = frozenset({"mkdocs.yml", "mkdocs.yaml"})


def stray_definitions(root: Path, docs_dir: Path, playbooks_dir: Path) -> list[Diagnostic]:
    """YAML files that look like definitions (a top-level ``kind:`` and ``id:``) but are not
    under ``playbooks_dir``: at the project's top, where nothing reads them, or in the content
    folder, which MkDocs publishes as plain files. A user who saved one there sees no page and
    no word why; this is a warning. Hidden files and folders (``.pre-commit-config.yaml``) and
    ``mkdocs.yml`` are left alone, and so are values files (``q1-2027.yaml``), which have no
    ``kind:``."""
    candidates: list[Path] = []
    with contextlib.suppress(OSError):
        candidates += [p for p in root.iterdir() if p.is_file() and not p.is_symlink()
                       and p.name not in _OTHER_TOOLS]
    inside = playbooks_dir.resolve()
    if docs_dir.is_dir() and not docs_dir.resolve().is_relative_to(inside):
        for current, dirnames, filenames in os.walk(docs_dir):
            here = Path(current)
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")
                                 and not (here / d).resolve().is_relative_to(inside))
            candidates += [here / name for name in filenames if name.lower().endswith(YAML_SUFFIXES)]
    found: list[Diagnostic] = []
    for path in sorted(candidates):
        name = path.name
        if name.startswith(".") or not name.lower().endswith(YAML_SUFFIXES) or path.is_symlink():
            continue
        try:
            with path.open("rb") as handle:
                text = handle.read(MAX_BYTES).decode("utf-8", "replace")
        except OSError:
            continue
        kind = _KIND_LINE.search(text)
        if kind is None or _TOP_ID_LINE.search(text) is None:
            continue
        named = kind.group(1)
        folder = KINDS[named].SECTION if named in KINDS else tr("<kind folder>")
        what = f"'kind: {named}'" if named else "'kind:'"
        where = display_path(playbooks_dir, root)
        if path.parent.resolve() != root.resolve():
            message = tr("this file looks like a definition ({what}), but definitions are read only "
                         "from {where}/, and the site publishes it as a plain file, not as a page: "
                         "move it to {where}/{folder}/.", what=what, where=where, folder=folder)
        else:
            message = tr("this file looks like a definition ({what}), but definitions are read only "
                         "from {where}/, and nothing reads it: move it to {where}/{folder}/.",
                         what=what, where=where, folder=folder)
        found.append(Diagnostic(display_path(path, root), 1, 1, "", message, severity="warning"))
    return found


def load_one(raw: bytes, path: Path, display: str, digest: str) -> FileResult:
    """Parse and validate one file's bytes."""
    parsed: Parsed = parse_bytes(raw, display)
    result = _load_parsed(parsed, path, display, digest)
    if parsed.warnings:  # a value cut short at a '#': said beside whatever else is found
        return dataclasses.replace(result, problems=(*parsed.warnings, *result.problems))
    return result


def _load_parsed(parsed: Parsed, path: Path, display: str, digest: str) -> FileResult:
    if parsed.problems:
        return FileResult(None, parsed.problems, _guess_claim(parsed.text, display))
    source = Source(path, display, parsed.text, digest)
    data = parsed.data
    kinds = ", ".join(KINDS)
    if data is None:
        if not parsed.text.strip():
            what = tr("the file is empty: it needs at least 'kind:' ({kinds}) and 'id:'.", kinds=kinds)
        elif all(not line.strip() or line.lstrip().startswith("#") for line in parsed.text.splitlines()):
            what = tr("the file holds no definition, only comments: it needs at least 'kind:' ({kinds}) "
                      "and 'id:'.", kinds=kinds)
        else:
            what = tr("the file holds only an empty value: it needs at least 'kind:' ({kinds}) and "
                      "'id:'.", kinds=kinds)
        return FileResult(None, (Diagnostic(display, 1, 1, "", what),), _name_claim(display))
    if not isinstance(data, dict):
        return FileResult(
            None,
            (
                Diagnostic(
                    display, 1, 1, "",
                    tr("the file must be a group of fields ('kind: ...', 'id: ...'), but it is "
                       "{what}.", what=messages.describe(data)),
                ),
            ),
            _name_claim(display),
        )
    kind = data.get("kind")
    # What the file claims is worked out only for a file with problems: it needs the
    # positions, which a valid file never pays for (the fast path of generator.yamlfile).
    if kind is None:
        # ``Kind: goal``, ``kinds: goal``: name the key that was meant, at that key.
        near = [k for k in data if isinstance(k, str)
                and difflib.get_close_matches(k.casefold(), ["kind"], n=1, cutoff=0.75)]
        if near:
            return FileResult(None, (_problem(
                source, (near[0],), tr("unknown field {name!r}: did you mean 'kind'? Field names are "
                                       "written in lower case.", name=near[0]), at_key=True),),
                _claim(source, data))
        return FileResult(
            None, (_problem(source, ("kind",), tr("this field is required: one of {kinds}.", kinds=kinds)),),
            _claim(source, data),
        )
    if not isinstance(kind, str) or kind not in KINDS:
        hint = messages.suggest(kind, KINDS) if isinstance(kind, str) else ""
        return FileResult(
            None,
            (
                _problem(
                    source,
                    ("kind",),
                    tr("{value} is not a kind: choose one of {kinds}.{hint}",
                       value=repr(kind) if isinstance(kind, str) else messages.describe(kind),
                       kinds=kinds, hint=hint),
                ),
            ),
            _claim(source, data),
        )
    model = KINDS[kind]
    try:
        definition = model.model_validate(data)
    except ValidationError as exc:
        root = compose(source.text)
        found = []
        # A reference written as something other than an id (a team's title, 'Marketing') is
        # said with the references, where the titles are known: "'Marketing' is the title of".
        references = list(raw_references(model, data, any_text=True))
        named = {r.loc for r in references if not is_slug(r.target)}
        every = [e for e in exc.errors(include_url=False)
                 if not (e["type"] == "value_error" and tuple(e["loc"]) in named)]
        errors = messages.misspelt_required(every, model)
        for error in errors[:MAX_ERRORS_PER_FILE]:
            line, col, shown = locate(root, tuple(error["loc"]), at_key=error["type"] == "extra_forbidden")
            message = _step_by_title(data, tuple(error["loc"]), error.get("input")) or messages.plain(dict(error), model)
            inside = error.get("ctx") or {}
            if "text_line" in inside:  # a place inside a text (an SLA expression or clause body)
                place = place_in_scalar(root, tuple(error["loc"]), source.text,
                                        int(inside["text_line"]), int(inside["text_col"]))
                if place is not None:
                    line, col = place
                    at = str(inside["text_at"])
                    for said in (" " + at, at):  # "... (at character 4): ..." / "line 2, ...: ..."
                        if said in message:
                            message = message.replace(said, "", 1)
                            break
            found.append(Diagnostic(display, line, col, loc_text(shown), message))
        claim = _claim(source, data, root)
        if len(errors) > MAX_ERRORS_PER_FILE:
            line, col, _shown = locate(root, tuple(errors[MAX_ERRORS_PER_FILE]["loc"]))
            found.append(_more(display, line, col, len(errors) - MAX_ERRORS_PER_FILE))
            return FileResult(None, tuple(found), claim)
        # The rest of the file is still checked, so that its every error comes in this run:
        # the checks between its fields that read only fields without errors, and its references.
        failed = [tuple(error["loc"]) for error in every]
        for loc, message in _valid_part_problems(model, data, failed)[: MAX_ERRORS_PER_FILE - len(found)]:
            line, col, shown = locate(root, loc)
            found.append(Diagnostic(display, line, col, loc_text(shown), message))
        readable = [r for r in references if not _within(r.loc, failed)]
        return FileResult(None, tuple(found), claim, _unloaded(source, kind, claim, root, readable, len(found)))
    inner = list(definition.problems())
    if inner:
        root = compose(source.text)
        found = []
        for loc, message in inner:
            line, col, shown = locate(root, loc)
            found.append(Diagnostic(display, line, col, loc_text(shown), message))
        claim = _claim(source, data, root)
        return FileResult(
            None, tuple(found), claim,
            _unloaded(source, kind, claim, root, list(definition.references()), len(found)),
        )
    return FileResult(Entry(definition, source), ())


def _step_by_title(data: Any, loc: tuple[Any, ...], value: Any) -> str | None:
    """A process's hand-off that names a step by its title (``from: Qualify the lead``): the
    step's id to write instead, or None."""
    if not (len(loc) == 3 and loc[0] == "handoffs" and loc[2] in ("from", "to") and isinstance(value, str)
            and isinstance(data, dict) and isinstance(data.get("steps"), list)):
        return None
    written = unicodedata.normalize("NFC", value).strip().casefold()
    for step in data["steps"]:
        if not isinstance(step, dict) or not isinstance(step.get("id"), str) or not is_slug(step["id"]):
            continue
        title = step.get("title")
        titles = title.values() if isinstance(title, dict) else [title]
        if written in {unicodedata.normalize("NFC", t).strip().casefold() for t in titles if isinstance(t, str)}:
            return tr("{target!r} is the title of the step {id!r}: refer to the step by its id (write {id!r}).",
                      target=value, id=step["id"])
    return None


def _more(display: str, line: int, col: int, more: int) -> Diagnostic:
    return Diagnostic(
        display, line, col, "",
        tr("{more:,} more problems in this file are not shown: fix the ones above first.", more=more),
    )


def _within(loc: Loc, failed: Iterable[Loc]) -> bool:
    """Whether ``loc`` is at or inside a value with a validation error (``parties`` with three
    teams: none of them is checked, the list is wrong already)."""
    return any(bad and loc[: len(bad)] == bad for bad in failed)


def _unloaded(
    source: Source, kind: str, claim: Claim | None, root: Node | None, references: list[Reference], shown: int
) -> Unloaded | None:
    if not references:
        return None
    placed = []
    for reference in references:
        line, col, where = locate(root, reference.loc)
        placed.append(Placed(reference, line, col, loc_text(where)))
    ident = claim.id if claim is not None and claim.certain else None
    return Unloaded(source.display, kind, ident, tuple(placed), max(0, MAX_ERRORS_PER_FILE - shown))


def _valid_part_problems(
    model: type[Definition], data: dict[object, object], failed: list[Loc]
) -> list[tuple[Loc, str]]:
    """The model's own checks between its fields (:meth:`Definition.problems`: hand-offs against
    the steps they name) on the fields of ``data`` that validated, with the loc of each problem.

    The fields without errors are validated again, each alone, into a model built without the
    others: a check that reads a field with an error stops there (``AttributeError``), and what
    it found before is kept. A default never stands in for a value that was wrong.
    """
    if model.problems is Definition.problems or any(not loc for loc in failed):
        return []
    bad = {loc[0] for loc in failed}
    values: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key in bad or key not in data:
            continue
        try:
            values[name] = _field_adapter(model, name).validate_python(data[key])
        except ValidationError:  # pragma: no cover - it validated a moment ago, within the model
            bad.add(key)
    partial = model.model_construct(**values)
    for name, info in model.model_fields.items():
        if (info.alias or name) in bad:
            partial.__dict__.pop(name, None)
    found: list[tuple[Loc, str]] = []
    with contextlib.suppress(AttributeError):
        for problem in partial.problems():
            found.append(problem)
    return found


@cache
def _field_adapter(model: type[Definition], name: str) -> TypeAdapter[Any]:
    """A validator of one field of ``model`` alone, as the model validates it."""
    return TypeAdapter(model.model_fields[name].rebuild_annotation())


def _claim(source: Source, data: dict[object, object], root: Node | None = None) -> Claim | None:
    """The id (and kind, if it is one) of parsed data that did not validate; the file's name as a
    guess when its id is missing or not a valid id. ``root``: the file's node tree, when the
    caller has composed it already."""
    ident = data.get("id")
    if not isinstance(ident, str) or not is_slug(ident):
        return _name_claim(source.display)
    kind = data.get("kind")
    line, col, _shown = locate(root if root is not None else compose(source.text), ("id",))
    return Claim(ident, kind if isinstance(kind, str) and kind in KINDS else None, source.display, line, col)


#: ``id: some-id`` on a line of its own at the left margin: the top-level id of a file.
_ID_LINE = re.compile(r"""^id:[ \t]+(["']?)([a-z0-9-]+)\1[ \t]*(?:#.*)?$""", re.MULTILINE)


def _guess_claim(text: str, display: str) -> Claim | None:
    """The id of a file that is not valid YAML, when its text leaves no doubt: exactly one
    ``id: ...`` line at the left margin, naming a valid id.

    A wrong guess costs little: it holds back errors about references to that id while the file
    has a syntax error (which fails the check by itself); the next check, with the syntax fixed,
    reports them. Without the guess, one syntax error is reported once more in every file that
    refers to the broken one.

    Otherwise the file's name stands for it (:func:`_name_claim`).
    """
    found = {m.group(2): m for m in _ID_LINE.finditer(text)}
    ident, match = next(iter(found.items())) if len(found) == 1 else ("", None)
    if match is None or not is_slug(ident):
        return _name_claim(display)
    line = text.count("\n", 0, match.start()) + 1
    return Claim(ident, None, display, line, match.start(2) - match.start() + 1, "text")


def _name_claim(display: str) -> Claim | None:
    """The file's name as the guess of its id (``playbooks/teams/sales.yaml``: ``sales``)."""
    stem = display.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return Claim(stem, None, display, 1, 1, "name") if is_slug(stem) else None


def _problem(source: Source, loc: Loc, message: str, at_key: bool = False) -> Diagnostic:
    line, col, shown = locate(compose(source.text), loc, at_key=at_key)
    return Diagnostic(source.display, line, col, loc_text(shown), message)


def _fold(ident: str) -> str:
    return unicodedata.normalize("NFKC", ident).casefold()


@dataclass
class _Held:
    """Ids whose references are not checked: ``contested`` ids are declared by more than one
    file (each is told); ``broken`` ids belong to files that could not be loaded (their own
    errors are reported). An error at every reference to them would repeat one mistake."""

    contested: set[str] = field(default_factory=set)
    broken: dict[str, Claim] = field(default_factory=dict)


def _index(
    catalogue: Catalogue, entries: Iterable[Entry], claims: Iterable[Claim] = ()
) -> tuple[list[Diagnostic], _Held]:
    """Put each id declared once into the catalogue; an id declared by several files (loaded
    or not) goes in none, and each of those files is told which others declare it."""
    by_key: dict[str, list[Entry | Claim]] = defaultdict(list)
    for entry in sorted(entries, key=lambda e: e.source.display):
        by_key[_fold(entry.id)].append(entry)
    held = _Held()
    guesses: list[Claim] = []
    for claim in sorted(claims, key=lambda c: c.display):
        if claim.certain:
            by_key[_fold(claim.id)].append(claim)
        else:
            guesses.append(claim)
    problems: list[Diagnostic] = []
    for key, group in by_key.items():
        if len(group) == 1:
            only = group[0]
            if isinstance(only, Entry):
                catalogue.entries[only.id] = only
            else:
                held.broken[key] = only
            continue
        held.contested.add(key)
        places = [_id_place(member) for member in group]
        for member, here in zip(group, places, strict=True):
            others = _and([tr("{file} (line {line})", file=d.file, line=d.line)
                           for d in places if d is not here])
            problems.append(
                Diagnostic(
                    here.file, here.line, here.col, here.where,
                    tr("the id {id!r} is also used by {others}: ids must be unique across the project.",
                       id=member.id, others=others),
                )
            )
    for claim in guesses:
        key = _fold(claim.id)
        if key not in by_key:
            held.broken.setdefault(key, claim)
    return problems, held


def _id_place(member: Entry | Claim) -> Diagnostic:
    """Where a file declares its id (the message is filled in later)."""
    if isinstance(member, Entry):
        return member.at(("id",), "")
    return Diagnostic(member.display, member.line, member.col, "id", "")


def _and(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])}{tr(' and ')}{items[-1]}"


def _check_references(
    catalogue: Catalogue, held: _Held | None = None, unloaded: Iterable[Unloaded] = ()
) -> Iterator[Diagnostic]:
    """Every reference of every definition, and of every file that did not load (``unloaded``:
    what could be read of them), each checked the same way."""
    held = held or _Held()
    for entry in list(catalogue.entries.values()):
        listed: set[tuple[Loc, str]] = set()
        for reference in entry.references:
            message = _listed_twice(listed, reference) or _reference_problem(
                catalogue, held, entry.id, entry.kind, reference
            )
            if message:
                yield entry.at(reference.loc, message)
            else:
                catalogue.referrers[reference.target].append((entry, reference.loc))
    for broken in unloaded:
        yield from _check_unloaded(catalogue, held, broken)


def _check_unloaded(catalogue: Catalogue, held: _Held, broken: Unloaded) -> Iterator[Diagnostic]:
    """The references of a file that did not load: reported like those of a valid file, up to
    the errors the file may still show; past that, how many more there are."""
    listed: set[tuple[Loc, str]] = set()
    room, more, first_hidden = broken.room, 0, None
    for placed in broken.references:
        reference = placed.reference
        message = _listed_twice(listed, reference)
        if message is None:
            message = _reference_problem(catalogue, held, broken.id, broken.kind, reference, room > 0)
        if message is None:
            continue
        if room > 0:
            room -= 1
            yield Diagnostic(broken.display, placed.line, placed.col, placed.where, message)
        else:
            more += 1
            first_hidden = first_hidden or placed
    if first_hidden is not None:
        yield _more(broken.display, first_hidden.line, first_hidden.col, more)


def _listed_twice(listed: set[tuple[Loc, str]], reference: Reference) -> str | None:
    if not isinstance(reference.loc[-1], int):  # not an item of a list of references
        return None
    key = (reference.loc[:-1], reference.target)
    if key in listed:
        return tr("{target!r} is listed more than once: list it once.", target=reference.target)
    listed.add(key)
    return None


def _kind_name(kind: str) -> str:
    """A kind as a message names it (``team``; in Polish ``zespół``): its own word, ``sla`` too."""
    names = {"team": tr("team"), "process": tr("process"), "goal": tr("goal"),
             "strategy": tr("strategy"), "checklist": tr("checklist"), "sla": tr("sla"),
             "playbook": tr("playbook"), "term": tr("term")}
    return names.get(kind, kind)


def _kind_word(kind: str) -> str:
    return "SLA" if kind == "sla" else _kind_name(kind)


def _kinds_word(kinds: Iterable[str], case: str = "") -> str:
    """``team or process``; in Polish in a grammatical ``case`` (see :func:`tr.inflect`). Three
    kinds or more (a playbook step uses any kind) are a ``definition``: "not the id of any
    definition", not of any team or process or goal or strategy or checklist or SLA or playbook."""
    listed = list(kinds)
    words = [tr("definition")] if len(listed) > 2 else [_kind_word(k) for k in listed]
    return tr(" or ").join(inflect(w, case) if case else w for w in words)


def _a(word: str) -> str:
    """``a team``, ``an SLA`` (Polish has no articles: ``zespół``)."""
    if word[:1] in "aeiouAEIOU" or word == "SLA":
        return tr("an {word}", word=word)
    return tr("a {word}", word=word)


def _reference_problem(
    catalogue: Catalogue, held: _Held, ident: str | None, kind: str, reference: Reference, say: bool = True
) -> str | None:
    """What is wrong with a reference of the definition ``ident`` (None: its file gives no valid
    id) of ``kind``, or None. A reference to an id that several files declare, or that a file
    which did not load declares, is left alone: that file's own errors say what is wrong.
    ``say=False``: only whether something is wrong (an empty message), without the work of
    finding the ids it may have meant."""
    if not is_slug(reference.target):
        return _not_an_id(catalogue, reference) if say else ""
    folded = _fold(reference.target)
    if folded in held.contested:
        return None
    target = catalogue.get(reference.target)
    if target is None:
        claim = held.broken.get(folded)
        if claim is not None:
            if claim.kind is not None and claim.kind not in reference.kinds:
                return _wrong_kind(reference, claim.kind, claim.display)
            return _to_itself(kind, reference) if reference.target == ident else None
        return _missing(catalogue, ident, reference) if say else ""
    if target.kind not in reference.kinds:
        return _wrong_kind(reference, target.kind, target.source.display)
    if target.id == ident:
        return _to_itself(kind, reference)
    return None


def _missing(catalogue: Catalogue, ident: str | None, reference: Reference) -> str:
    wanted = _kinds_word(reference.kinds, "genitive")
    fitting = [e for e in catalogue.entries.values() if e.kind in reference.kinds and e.id != ident]
    renamed = next((e for e in fitting if Path(e.source.display).stem == reference.target), None)
    if renamed is not None:  # only the id was changed, not the file's name: the likeliest cause
        return tr("there is no {wanted} with the id {target!r}. The file {file} has the id {id!r} now: "
                  "write {id!r} here, or change its id back.", wanted=wanted, target=reference.target,
                  file=renamed.source.display, id=renamed.id)
    candidates = [e.id for e in fitting]
    hint = messages.suggest(reference.target, candidates)
    if not hint and candidates and len(candidates) <= 8:
        hint = tr(" The {wanted} ids are: {ids}.", wanted=_kinds_word(reference.kinds, "genitive plural"),
                  ids=", ".join(sorted(candidates)))
    return tr("there is no {wanted} with the id {target!r}.{hint}", wanted=wanted, target=reference.target,
              hint=hint)


def _not_an_id(catalogue: Catalogue, reference: Reference) -> str:
    """A reference written as a title (``team: Marketing``) or otherwise not as an id."""
    wanted = _kinds_word(reference.kinds)
    written = unicodedata.normalize("NFC", reference.target).strip().casefold()
    candidates = [e for e in catalogue.entries.values() if e.kind in reference.kinds]
    for entry in sorted(candidates, key=lambda e: e.id):
        if written == entry.id:
            return tr("an id is written in lowercase letters: write {id!r}.", id=entry.id)
        titles = {localize(entry.definition.title, lang).text for lang in LANGUAGES}
        if written in {unicodedata.normalize("NFC", title).strip().casefold() for title in titles}:
            return tr("{target!r} is the title of the {kind} {id!r}: refer to it by its id (write {id!r}).",
                      target=reference.target, kind=inflect(_kind_word(entry.kind), "genitive"), id=entry.id)
    ids = sorted(e.id for e in candidates)
    listed = (tr(" The {wanted} ids are: {ids}.", wanted=_kinds_word(reference.kinds, "genitive plural"),
                 ids=", ".join(ids))
              if ids and len(ids) <= 8 else "")
    return tr("{target!r} is not the id of any {wanted}: refer to {a_wanted} by its id (its 'id:' line), "
              "which has only lowercase letters a-z, digits and hyphens.{listed}", target=reference.target,
              wanted=_kinds_word(reference.kinds, "not any"), a_wanted=_a(wanted), listed=listed)


def _to_itself(kind: str, reference: Reference) -> str:
    return tr("this {kind} refers to itself ({target!r}): remove this reference.", kind=_kind_name(kind),
              target=reference.target)


def _wrong_kind(reference: Reference, kind: str, display: str) -> str:
    return tr("{target!r} is {a_kind} ({file}), but {a_wanted} is expected here.", target=reference.target,
              a_kind=_a(_kind_word(kind)), file=display, a_wanted=_a(_kinds_word(reference.kinds)))


#: Kinds whose definitions may not refer to each other in a circle: a playbook's steps use
#: other playbooks, and a playbook that (through others) uses itself has no beginning. Glossary
#: terms may ("see also" goes both ways).
NO_CYCLES = ("playbook",)


def _check_cycles(catalogue: Catalogue) -> Iterator[Diagnostic]:
    """One error per circle of references among definitions of a kind in :data:`NO_CYCLES`,
    at the reference that closes it, in the file of the circle's first id."""
    edges: dict[str, list[tuple[str, Loc]]] = {}
    for entry in catalogue.entries.values():
        if entry.kind not in NO_CYCLES:
            continue
        out = edges.setdefault(entry.id, [])
        for reference in entry.references:
            target = catalogue.get(reference.target)
            if target is not None and target.kind == entry.kind and target.id != entry.id:
                out.append((target.id, reference.loc))
    for component in _strongly_connected(edges):
        if len(component) < 2:
            continue
        start = min(component)
        path = _circle(start, component, edges)
        first = catalogue.entries[start]
        loc = next(loc for target, loc in edges[start] if target == path[1])
        shown = " -> ".join([*path, start])
        yield first.at(
            loc,
            tr("these {kind}s use each other in a circle ({shown}): a {kind} cannot include itself, "
               "even through others; remove one of these references.", kind=_kind_name(first.kind),
               shown=shown),
        )


def _strongly_connected(edges: dict[str, list[tuple[str, Loc]]]) -> list[set[str]]:
    """Tarjan's algorithm without recursion (a chain of thousands of ids must not overflow)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[set[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            targets = edges.get(node, [])
            if i < len(targets):
                work.append((node, i + 1))
                target = targets[i][0]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component: set[str] = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                found.append(component)
    return found


def _circle(start: str, component: set[str], edges: dict[str, list[tuple[str, Loc]]]) -> list[str]:
    """A shortest path from ``start`` back to itself inside one strongly connected component."""
    previous: dict[str, str] = {}
    queue = [start]
    for node in queue:
        for target, _loc in edges.get(node, []):
            if target == start:
                path = [node]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return path[::-1]
            if target in component and target not in previous:
                previous[target] = node
                queue.append(target)
    return [start]  # pragma: no cover - a component of two or more always has a circle


def _review_warnings(catalogue: Catalogue, today: dt.date) -> Iterator[Diagnostic]:
    for entry in catalogue.entries.values():
        if entry.definition.review_by < today:
            yield entry.at(
                ("review_by",),
                tr("the review date {date} has passed: {owner} should re-read this {kind} and set a "
                   "new date.", date=entry.definition.review_by.isoformat(),
                   owner=localize(entry.definition.owner, language()).text, kind=_kind_name(entry.kind)),
                severity="warning",
            )


def _same_address(address: str, directory_urls: bool) -> list[str]:
    """The hand-written files MkDocs writes where it writes the page ``address``: the file
    itself, ``README.md`` for ``index.md``, and with directory URLs ``x/index.md`` for ``x.md``
    (both become ``x/index.html``) and ``x.md`` for ``x/index.md``."""
    folder, _, name = address.rpartition("/")
    stem = name.removesuffix(".md")
    inside = f"{folder}/" if folder else ""
    if stem == "index":
        same = [address, f"{inside}README.md"]
        if directory_urls and folder:
            same.append(f"{folder}.md")
        return same
    same = [address]
    if directory_urls:
        same += [f"{inside}{stem}/index.md", f"{inside}{stem}/README.md"]
    return same


def page_collisions(
    catalogue: Catalogue, docs_dir: Path, root: Path, languages: Iterable[str] = (),
    directory_urls: bool = True,
) -> list[Diagnostic]:
    """Hand-written pages that sit at the address of a generated page (``teams/sales.md``,
    ``teams/sales/index.md`` or ``README.md`` with directory URLs, or a language variant such as
    ``teams/sales.en.md``): found before a build starts, so the previous site is never touched.
    The MkDocs plugin checks again, for pages this list does not know."""
    generated: dict[str, str] = {}
    for entry in catalogue.entries.values():
        generated[f"{KINDS[entry.kind].SECTION}/{entry.id}.md"] = entry.source.display
    for kind, cls in KINDS.items():
        generated.setdefault(f"{cls.SECTION}/index.md", tr("the list of every {kind}",
                                                               kind=inflect(_kind_name(kind), "genitive plural")))
    generated.setdefault("comparison.md", tr("the comparison of the teams"))
    found: list[Diagnostic] = []
    languages = tuple(languages)
    for address, origin in sorted(generated.items()):
        candidates = [
            variant
            for same in _same_address(address, directory_urls)
            for variant in (same, *(f"{same.removesuffix('.md')}.{lang}.md" for lang in languages))
        ]
        for candidate in candidates:
            path = docs_dir / candidate
            if path.exists() or path.is_symlink():
                found.append(
                    Diagnostic(
                        display_path(path, root), 1, 1, "",
                        tr("this hand-written page has the same address ({address}) as the page "
                           "generated from {origin}: rename or move the hand-written page.",
                           address=address, origin=origin),
                    )
                )
    found += _case_collisions(generated, docs_dir, root, languages, directory_urls)
    return found


def _case_collisions(generated: dict[str, str], docs_dir: Path, root: Path, languages: tuple[str, ...],
                     directory_urls: bool) -> list[Diagnostic]:
    """Hand-written pages whose address differs from a generated page's only in upper and lower
    case (``Teams/Marketing.md``): two pages here, one folder on Windows and macOS, where a copy
    of the site keeps one of them. A warning: the site itself is whole."""
    if not docs_dir.is_dir():
        return []
    folded: dict[str, str] = {}
    for address in generated:
        for same in _same_address(address, directory_urls):
            for variant in (same, *(f"{same.removesuffix('.md')}.{lang}.md" for lang in languages)):
                folded.setdefault(variant.casefold(), address)
    found = []
    for path in sorted(docs_dir.rglob("*.md")):
        parts = path.relative_to(docs_dir).parts
        uri = "/".join(parts)
        meant = folded.get(uri.casefold())
        if meant is None or uri.casefold() == uri or any(part.startswith(".") for part in parts):
            continue  # no such address, the same address exactly (an error, above), or hidden
        found.append(Diagnostic(
            display_path(path, root), 1, 1, "",
            tr("this hand-written page's address differs only in upper/lower case from the page "
               "generated at {address}: on Windows and macOS the two are one folder, and a copy of "
               "the site keeps only one of them; rename or move the hand-written page.",
               address=meant.removesuffix('.md')), severity="warning"))
    return found


def translation_problems(catalogue: Catalogue, severity: str = "warning") -> list[Diagnostic]:
    """Every text given in some languages but not all, at its place in the file."""
    found: list[Diagnostic] = []
    for entry in catalogue.entries.values():
        for loc, text in entry.definition.translations():
            missing = missing_languages(text)
            if missing:
                found.append(
                    entry.at(loc, tr("missing translation: {languages} (write it after {keys}).",
                                     languages=", ".join(missing),
                                     keys=tr(" and ").join(f"'{lang}:'" for lang in missing)),
                             severity=severity)
                )
    return found


def load(root: Path, playbooks_dir: Path, today: dt.date | None = None) -> tuple[Catalogue, list[Diagnostic]]:
    """Load a project once (no cache kept)."""
    return Loader(root, playbooks_dir).load(today)


