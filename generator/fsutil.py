"""File-system steps that must never lose work: atomic file writes and an atomic folder swap."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import signal
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .errors import UserError

_RENAME_EXCHANGE = 2
_PR_SET_PDEATHSIG = 1
_AT_FDCWD = -100


def check_output_dir(target: Path, option: str, project_root: Path, keep: Iterable[Path]) -> None:
    """Refuse an output folder that a build would replace to the loss of the user's work: the
    project itself or a folder above it, or a folder of ``keep`` (content, playbooks, templates),
    one inside it or one around it."""
    target = target.resolve()
    root = project_root.resolve()
    if target == root or root.is_relative_to(target):
        raise UserError(
            f"{option}: {target} would replace the whole project; choose a folder of its own, "
            "like 'site'."
        )
    for folder in keep:
        folder = folder.resolve()
        if target == folder or folder.is_relative_to(target) or target.is_relative_to(folder):
            raise UserError(
                f"{option}: {target} would overwrite {folder.name}/, which holds your own files "
                "(a build never writes there); choose a folder of its own, like 'site'."
            )


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
        mode = path.stat().st_mode & 0o777 if path.is_file() and not path.is_symlink() else None
    except OSError:
        mode = None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
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


def _remove(path: Path) -> None:
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
        raise UserError(f"{target} is a file, not a folder; the site was not written there.")
    try:
        if not target.exists() and not target.is_symlink():
            os.replace(staging, target)
            _sync_dir(target.parent)
            return
        if _exchange(staging, target):
            _sync_dir(target.parent)
            _remove(staging)  # staging now holds the old site
            return
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        os.replace(target, old)
        try:
            os.replace(staging, target)
        except OSError:
            os.replace(old, target)
            raise
        _sync_dir(target.parent)
        _remove(old)
    except OSError as exc:
        raise UserError(
            f"cannot put the new site in place of {target}: {exc.strerror or exc}. The previous "
            "site is unchanged."
        ) from None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _remove_stale(target: Path) -> None:
    """Staging folders of builds that were killed half way (their process is gone)."""
    for leftover in target.parent.glob(f".{target.name}.*"):
        rest = leftover.name[len(target.name) + 2:]
        kind, _, tail = rest.partition("-")
        if kind not in ("staging", "old"):
            continue
        pid = tail.split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            _remove(leftover)


@contextlib.contextmanager
def staging_dir(target: Path) -> Iterator[Path]:
    """A fresh folder beside ``target`` (same file system, so the swap is a rename).

    Its name carries this process's id, so a later build can tell the leftovers of a build that
    was killed (and remove them) from those of a build still running.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale(target)
        path = Path(tempfile.mkdtemp(prefix=f".{target.name}.staging-{os.getpid()}-", dir=target.parent))
        mode = target.stat().st_mode & 0o777 if target.is_dir() else _default_mode("dir")
        os.chmod(path, mode)
    except OSError as exc:
        raise UserError(
            f"cannot create a folder beside {target}: {exc.strerror or exc}. Nothing was changed."
        ) from None
    try:
        yield path
    finally:
        if path.exists():
            shutil.rmtree(path, ignore_errors=True)
