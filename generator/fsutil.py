"""File-system steps that must never lose work: atomic file writes and an atomic folder swap."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import os
import re
import shutil
import signal
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .errors import UserError
from .tr import tr, tr_n

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]

_RENAME_EXCHANGE = 2
_PR_SET_PDEATHSIG = 1
_AT_FDCWD = -100


def check_output_dir(target: Path, option: str, project_root: Path, keep: Iterable[Path],
                     example: str = "site") -> None:
    """Refuse an output folder that a build would replace to the loss of the user's work: the
    project itself or a folder above it, or a folder of ``keep`` (content, playbooks, templates),
    one inside it or one around it. ``example`` is the folder suggested instead (``pages`` for
    ``playbook render``, whose Markdown in ``site`` would make the next build refuse it)."""
    target = target.resolve()
    root = project_root.resolve()
    if target == root or root.is_relative_to(target):
        raise UserError(tr("{option}: {target} would replace the whole project; choose a folder of its own, "
                           "like {example!r}.", option=option, target=target, example=example))
    for folder in keep:
        folder = folder.resolve()
        if target == folder or folder.is_relative_to(target) or target.is_relative_to(folder):
            raise UserError(tr("{option}: {target} would overwrite {folder}/, which holds your own files "
                               "(a build never writes there); choose a folder of its own, like {example!r}.",
                               option=option, target=target, folder=folder.name, example=example))


#: The marker a command writes into every output folder it produces: which command wrote the
#: folder, and the list of every file and folder it wrote there. A folder is replaced only when it
#: is missing, empty, or marked so and holding nothing else (nothing of the user's is lost). The
#: site's marker is served with the site: it says nothing the site does not show already.
SITE_MARKER = ".playbook-site"
PAGES_MARKER = ".playbook-pages"
_WRITER = {SITE_MARKER: "playbook build", PAGES_MARKER: "playbook render"}
_EXAMPLE = {SITE_MARKER: "site", PAGES_MARKER: "pages"}
#: Files a file manager leaves in any folder it shows; nobody's work.
_JUNK = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})
_SHOWN = 3


def _entries(folder: Path) -> set[str]:
    """Every file, link and folder under ``folder`` (links not followed), as paths relative to
    it; a folder's path ends in ``/``."""
    found: set[str] = set()
    stack = [("", folder)]
    while stack:
        prefix, here = stack.pop()
        with os.scandir(here) as listing:
            for entry in listing:
                if entry.name in _JUNK:
                    continue
                rel = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    found.add(rel + "/")
                    stack.append((rel + "/", Path(entry.path)))
                else:
                    found.add(rel)
    return found


def _marked(target: Path, marker: str) -> set[str] | None:
    """What this command wrote into ``target`` the last time (its marker's list), or None."""
    path = target / marker
    if path.is_symlink() or not path.is_file():
        return None
    try:
        text = path.read_bytes().decode("utf-8", "surrogateescape")
    except OSError:
        return None
    return {marker} | {line for line in text.split("\n") if line and not line.startswith("#")}


_REDIRECT = re.compile(
    r'<!doctype html>\n<html lang="[\w-]+">\n<head>\n<meta charset="utf-8">\n<title>.*</title>\n'
    r'<meta http-equiv="refresh" content="0; url=[\w-]+/">\n'
)


def _language_site(folder: Path) -> bool:
    """A site this tool built before it marked its sites: a MkDocs site with the playbook's
    own assets."""
    return (folder / "index.html").is_file() and (folder / "assets" / "playbook").is_dir()


def _old_site(target: Path, new: set[str] | None) -> set[str] | None:
    """A site ``playbook build`` wrote before sites were marked: the redirect page of a
    multi-language build at the root and a site per language beside it, or one language's site.
    What of it is the tool's: the language folders, and whatever else the new site also has at
    its root (a file of the user's at the root is not; deeper down they cannot be told apart)."""
    try:
        head = (target / "index.html").read_bytes()[:4096].decode("utf-8", "replace")
    except OSError:
        return None
    if _REDIRECT.match(head):
        languages = {f"{p.name}/" for p in target.iterdir() if p.is_dir() and not p.is_symlink()
                     and re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)?", p.name) and _language_site(p)}
        if not languages:
            return None
        top = languages | {"index.html", "404.html"}
    elif _language_site(target) and (target / "sitemap.xml").is_file():
        top = {"index.html"}
    else:
        return None
    if new is None:  # before the build: not yet known what it writes at the root
        return {p.name + ("/" if p.is_dir() and not p.is_symlink() else "") for p in target.iterdir()}
    top |= {entry for entry in new if entry.count("/") == (1 if entry.endswith("/") else 0)}
    return top


def _topmost(paths: set[str]) -> list[str]:
    """The outermost of ``paths``: a folder stands for everything in it."""
    shown: list[str] = []
    for path in sorted(paths):
        if not any(path.startswith(folder) for folder in shown if folder.endswith("/")):
            shown.append(path)
    return shown


def foreign_files(target: Path, marker: str, new: Path | None = None) -> list[str]:
    """What in ``target`` the command of ``marker`` did not write (the outermost of them, sorted):
    everything, unless its marker lists it or ``new`` (the output about to take its place) holds
    it too. An old site, from before sites were marked, is recognised as the tool's. Without
    ``new`` (before the output is made) an earlier output is let through, to be checked again
    with it."""
    if not target.is_dir():
        return []
    present = _entries(target)
    if not present:
        return []
    written = _entries(new) if new is not None else set()
    ours = _marked(target, marker)
    if ours is None and marker == SITE_MARKER:
        old = _old_site(target, written if new is not None else None)
        if old is not None:
            present = {p for p in present if p.split("/", 1)[0] + ("/" if "/" in p else "") not in old}
            ours = set()
    elif ours is not None and new is None:
        return []  # an earlier output: what the new one will hold is known only once it is made
    foreign = present - (ours or set()) - written
    return _topmost(foreign)


def check_replaceable(target: Path, option: str, marker: str, new: Path | None = None,
                      writer: str | None = None) -> None:
    """Refuse to replace ``target`` unless it is missing, empty or this command's own output
    with nothing else in it; or it is the folder the command runs in (it would vanish under
    the user). ``writer`` names the command in the message (by default the marker's)."""
    target = target.resolve()
    try:
        here = Path.cwd().resolve()
    except OSError:  # the folder the command runs in was deleted under it
        here = None
    if here is not None and here.is_relative_to(target):
        raise UserError(tr("{option}: {target} is the folder you are working in, which the output would replace "
                           "whole; choose a folder of its own, like '{example}'.",
                           option=option, target=target, example=_EXAMPLE[marker]))
    if target.exists() and not target.is_dir():
        raise UserError(tr("{option}: {target} is a file, not a folder; it was left as it is.",
                           option=option, target=target))
    try:
        foreign = foreign_files(target, marker, new)
    except OSError as exc:
        raise UserError(tr("{option}: cannot look into {target}: {reason}; it was left as it is.",
                           option=option, target=target, reason=exc.strerror or exc)) from None
    if foreign:
        listed = ", ".join(foreign[:_SHOWN])
        if len(foreign) > _SHOWN:
            listed = tr_n("{listed} and {n} more", "{listed} and {n} more", len(foreign) - _SHOWN, listed=listed)
        raise UserError(tr("{option}: {target} holds files that '{writer}' did not write ({listed}), "
                           "so it was left as it is; choose an empty or new folder, or delete this one yourself.",
                           option=option, target=target, writer=writer or _WRITER[marker], listed=listed))


def _marker_bytes(listed: set[str], marker: str, writer: str | None) -> bytes:
    lines = [
        f"# Written by {writer or _WRITER[marker]}, which replaces this folder whole the next time. It will",
        "# not if the folder then holds anything not listed here: keep your own files elsewhere.",
        *sorted(listed - {marker}),
    ]
    return ("\n".join(lines) + "\n").encode("utf-8", "surrogateescape")


def write_marker(staging: Path, marker: str, writer: str | None = None) -> None:
    """Mark ``staging`` (the finished output) as this command's, listing what it holds."""
    # No need for atomic_write: nobody reads the staging folder before it is swapped in.
    (staging / marker).write_bytes(_marker_bytes(_entries(staging), marker, writer))


def replace_output(staging: Path, target: Path, option: str, marker: str,
                   writer: str | None = None) -> None:
    """Put the finished output ``staging`` in the place of ``target`` (see :func:`replace_dir`),
    marked as this command's, unless ``target`` holds something the command did not write."""
    check_replaceable(target, option, marker, new=staging, writer=writer)
    write_marker(staging, marker, writer)
    replace_dir(staging, target)


def listing(folder: Path) -> set[str]:
    """Every file and folder under ``folder`` (see :func:`_entries`); nothing if it is missing."""
    return _entries(folder) if folder.is_dir() else set()


def mark_in_place(target: Path, marker: str, before: set[str], writer: str | None = None) -> None:
    """Mark an output written in place (``mkdocs build --dirty``, which adds to the folder and
    empties nothing) as this command's: what its marker listed, or, unmarked, what it held
    ``before`` (it was let through, so that was an earlier output), and whatever appeared since.
    A file of the user's that was there before and unlisted stays unlisted."""
    if not target.is_dir():
        return
    now = _entries(target)
    earlier = _marked(target, marker)
    listed = ((earlier - {marker}) if earlier is not None else before) | (now - before)
    atomic_write(target / marker, _marker_bytes(listed & now, marker, writer))


#: What to do when the machine refuses to write, by ``errno``: not a mistake in the project and
#: not a bug, so said in one line (see :func:`environment_problem`), never as a traceback.
def _refusal(code: int | None) -> str | None:
    """What to do when the machine refuses to write with the error ``code``, or None."""
    if code == errno.ENOSPC:
        return tr("Free some space on that disk, or write to another one.")
    if code == errno.EDQUOT:
        return tr("Free some space within your disk quota, or write elsewhere.")
    if code == errno.EROFS:
        return tr("Write to a writable folder instead.")
    if code in (errno.EACCES, errno.EPERM):
        return tr("Run the command as a user allowed to write there, or write elsewhere.")
    if code == errno.EIO:
        return tr("Check the disk or network share, then run the command again.")
    if code == errno.ENAMETOOLONG:  # an --out or --site-dir name past what a file system takes
        return tr("Choose a shorter name: one file or folder name takes at most 255 bytes.")
    return None


def environment_problem(exc: OSError, doing: str = "") -> str | None:
    """What to tell of an ``OSError`` that is the machine's refusal (a full disk, a read-only
    file system, a permission), and what to do; None for any other (a bug). ``doing`` says what
    failed (``"The site was not built"``)."""
    hint = _refusal(exc.errno)
    if hint is None:
        return None
    what = exc.strerror or os.strerror(exc.errno or 0)
    path = exc.filename2 or exc.filename  # a copy's or a rename's second name is where it wrote
    where = f"{os.fsdecode(path)}: " if path else ""
    lead = f"{doing}: " if doing else ""
    return f"{lead}{where}{what}. {hint}"


def _default_mode(kind: str) -> int:
    """The mode a new file or folder gets from the umask (``mkstemp``/``mkdtemp`` use 0600/0700,
    which a web server running as another user could not read)."""
    umask = os.umask(0)
    os.umask(umask)
    return (0o666 if kind == "file" else 0o777) & ~umask


def atomic_write(path: Path, data: bytes | str) -> None:
    """Write ``path`` so that a reader sees the old content or the new, never half of it, even if
    the process is killed: the bytes go to a temporary file beside it, which is synced to disk
    and then renamed over ``path`` in one step. An existing file keeps its permissions."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        kind = path.stat().st_mode
    except OSError:
        kind = None
    if kind is not None and not stat.S_ISREG(kind) and not stat.S_ISDIR(kind):
        # '--out /dev/stdout', '--out /dev/null': the rename would put a file in the device's
        # place (as root it did: /dev/null became a file), and write nowhere the user meant.
        raise UserError(tr("{path}: this is not an ordinary file (a device, a pipe or a socket), so "
                           "it cannot be written as one; name a file.", path=path))
    try:
        mode = path.stat().st_mode & 0o777 if path.is_file() and not path.is_symlink() else None
    except OSError:
        mode = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:  # named by the file it was for, not the temporary one
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode if mode is not None else _default_mode("file"))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _sync_dir(path.parent)


def _sync_dir(folder: Path) -> None:
    """Make a rename durable (best effort: not every system can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _libc_function(name: str) -> Any:
    """A function of the C library, or None where there is no such library or function."""
    library = ctypes.util.find_library("c")
    if not library:
        return None
    return getattr(ctypes.CDLL(library, use_errno=True), name, None)


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when ``parent`` (the process that started it) dies, as
    a build killed with SIGKILL does (Linux ``prctl(PR_SET_PDEATHSIG)``; elsewhere nothing). A
    process whose parent is already gone exits at once."""
    prctl = _libc_function("prctl")
    if prctl is None or prctl(_PR_SET_PDEATHSIG, signal.SIGKILL) != 0:
        return
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2``); False where the system cannot."""
    renameat2 = _libc_function("renameat2")
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(result == 0)


def remove_path(path: Path) -> None:
    """Remove a file, link or whole folder, as far as it can (a leftover, nobody's work)."""
    _release(path)
    if path.is_symlink() or path.is_file():
        with contextlib.suppress(OSError):
            path.unlink()
    else:
        shutil.rmtree(path, ignore_errors=True)


def replace_dir(staging: Path, target: Path) -> None:
    """Put ``staging`` in the place of ``target`` in one step; the old ``target`` is removed
    afterwards. Where the system cannot swap two folders at once (not Linux), the old folder is
    first renamed aside, and renamed back if the new one cannot take its place."""
    if target.exists() and not target.is_dir():
        raise UserError(tr("{target} is a file, not a folder; the site was not written there.", target=target))
    try:
        if not target.exists() and not target.is_symlink():
            os.replace(staging, target)
            _release(staging)
            _sync_dir(target.parent)
            return
        if _exchange(staging, target):
            _release(staging)
            _sync_dir(target.parent)
            remove_path(staging)  # staging now holds the old site
            return
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        os.replace(target, old)
        try:
            os.replace(staging, target)
        except OSError:
            os.replace(old, target)
            raise
        _release(staging)
        _sync_dir(target.parent)
        remove_path(old)
    except OSError as exc:
        hint = _refusal(exc.errno)
        if exc.errno == errno.EBUSY:
            hint = tr("A mount point cannot be replaced by renaming: mount the volume one level up, "
                      "or build elsewhere and copy the site in.")
        raise UserError(
            tr("cannot put the new site in place of {target}: {reason}. The previous site is unchanged.",
               target=target, reason=exc.strerror or exc) + (f" {hint}" if hint else "")
        ) from None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


#: Staging folders this process is building, each held by a lock on the folder itself (see
#: :func:`new_staging`): open folder descriptors by path.
_HELD: dict[str, int] = {}
#: A staging folder whose lock is free but whose process may still be alive is left alone this
#: long: the moment between making a folder and locking it.
_YOUNG = 60.0


def _lock(fd: int) -> bool | None:
    """Take the lock on an open folder without waiting: True when taken, False when someone
    holds it, None where the file system (or the system) has no such locks."""
    if fcntl is None:  # pragma: no cover - not POSIX
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return None
    return True


def _release(path: Path) -> None:
    """This process is done with a staging folder (swapped in or removed): drop its lock."""
    fd = _HELD.pop(str(path), None)
    if fd is not None:
        with contextlib.suppress(OSError):
            os.close(fd)


def _stale_staging(leftover: Path, pid: int) -> bool:
    """Whether a staging folder is a stopped build's: nobody holds its lock (the kernel drops
    it when the build's process dies, however it died, in whatever container), and its process
    is gone or it is not new. The process id alone cannot tell: in a container every build may
    be process 1, and a build in another container has ids this one cannot see."""
    if str(leftover) in _HELD:
        return False
    try:
        fd = os.open(leftover, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return False
    try:
        taken = _lock(fd)
        if taken is False:
            return False  # a build is writing it
        if pid != os.getpid() and not _alive(pid):
            return True
        # Without locks, only the process id can tell.
        return taken is True and time.time() - os.fstat(fd).st_mtime > _YOUNG
    finally:
        os.close(fd)


def _remove_stale(target: Path) -> None:
    """Staging folders of builds that were stopped half way (see :func:`_stale_staging`), and
    old sites set aside by a build whose process is gone."""
    for leftover in target.parent.glob(f".{target.name}.*"):
        rest = leftover.name[len(target.name) + 2:]
        kind, _, tail = rest.partition("-")
        if kind not in ("staging", "old"):
            continue
        pid = tail.split("-", 1)[0]
        if not pid.isdigit():
            continue
        if kind == "staging":
            stale = _stale_staging(leftover, int(pid))
        else:
            stale = int(pid) != os.getpid() and not _alive(int(pid))
        if stale:
            remove_path(leftover)


def new_staging(target: Path) -> Path:
    """A fresh folder beside ``target`` (same file system, so the swap is a rename); the caller
    removes it (see :func:`staging_dir`).

    Its name carries this process's id, and the process holds a lock on it until it is swapped
    in or removed, so a later build can tell the leftovers of a build that was killed (and
    remove them) from those of a build still running.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale(target)
        path = Path(tempfile.mkdtemp(prefix=f".{target.name}.staging-{os.getpid()}-", dir=target.parent))
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        _HELD[str(path)] = fd
        _lock(fd)
        mode = target.stat().st_mode & 0o777 if target.is_dir() else _default_mode("dir")
        os.chmod(path, mode)
    except OSError as exc:
        hint = _refusal(exc.errno)
        raise UserError(
            tr("cannot create a folder beside {target}: {reason}. Nothing was changed.",
               target=target, reason=exc.strerror or exc) + (f" {hint}" if hint else "")
        ) from None
    return path


@contextlib.contextmanager
def staging_dir(target: Path) -> Iterator[Path]:
    """A fresh folder beside ``target`` (:func:`new_staging`), removed afterwards."""
    path = new_staging(target)
    try:
        yield path
    finally:
        _release(path)
        if path.exists():
            shutil.rmtree(path, ignore_errors=True)
