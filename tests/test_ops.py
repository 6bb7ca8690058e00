"""The playbook in CI and containers: exit statuses, signals, pipes, a machine that refuses to
write. What a deploy pipeline trusts: 0 done, 1 a mistake or a refusal said in one line, 130
Ctrl+C, 143 SIGTERM, 141 a closed pipe; never a traceback; the previous site always whole.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from generator import fsutil
from generator.checklists.site import SCRATCH_PREFIX
from generator.cli import main
from generator.commands import build as build_command
from generator.errors import UserError
from tests.hostile import PROJECT
from tests.projects import make_project

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


# -- a machine that refuses to write -----------------------------------------------------------

def _read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every new file fails as on a read-only file system (root ignores permission bits)."""
    def mkstemp(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, "Read-only file system", str(kwargs.get("dir", "")) + "/.tmp123")

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


def test_a_read_only_folder_is_one_line_not_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``checklist pdf`` and ``schema`` into a read-only checkout traced back (OSError); they
    name the file they were writing (not a temporary one) and say what to do."""
    project = tmp_path / "project"
    shutil.copytree(PROJECT, project)
    (tmp_path / "schema").mkdir()
    _read_only(monkeypatch)
    code, out, err = cli("--project", str(project), "checklist", "pdf", "new-rep", "--out", str(tmp_path))
    assert (code, out) == (1, "")
    assert err == (f"{tmp_path / 'new-rep-pl.pdf'}: Read-only file system. "
                   "Write to a writable folder instead.\n")
    code, out, err = cli("--project", str(project), "schema", "--out", str(tmp_path / "schema"))
    assert code == 1 and "Traceback" not in err
    assert err.endswith(".schema.json: Read-only file system. Write to a writable folder instead.\n")


def test_a_bug_still_traces_back() -> None:
    """Only the machine's refusals are turned into a line; any other OSError is a bug."""
    assert fsutil.environment_problem(OSError(errno.ENOENT, "No such file or directory", "x")) is None
    assert fsutil.environment_problem(OSError(errno.ENOSPC, "No space left on device"), "The site was not built") == (
        "The site was not built: No space left on device. Free some space on that disk, or write to another one."
    )
    copy = OSError(errno.EDQUOT, "Disk quota exceeded", "/src/a.js", None, "/site/a.js")
    assert fsutil.environment_problem(copy) == (
        "/site/a.js: Disk quota exceeded. Free some space within your disk quota, or write elsewhere."
    )


# -- the output's reader gone, colours ---------------------------------------------------------

def test_a_closed_pipe_ends_quietly_with_141(tmp_path: Path) -> None:
    """``playbook check --format json | head -1`` printed a BrokenPipeError traceback."""
    project = make_project(tmp_path / "p")
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "--project", str(project), "check", "--format", "json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(),
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the command writes anything
    err = proc.stderr.read().decode()
    proc.wait(60)
    assert (proc.returncode, err) == (141, "")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_color_keeps_errors_plain_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """NO_COLOR (https://no-color.org) and TERM=dumb: no escape codes around an error."""
    def error_text() -> str:
        err = _Terminal()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            assert main(["--project", str(tmp_path), "check"]) == 1
        return err.getvalue()

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert error_text().startswith("\033[31m")
    monkeypatch.setenv("NO_COLOR", "1")
    assert error_text() == f"{tmp_path}: no mkdocs.yml here. Run the command in the project folder, or name it with --project DIR.\n"
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert "\033[" not in error_text()


# -- SIGTERM -----------------------------------------------------------------------------------

def test_sigterm_stops_any_command_with_143(tmp_path: Path) -> None:
    """SIGTERM is what ``docker stop`` and a cancelled CI job send. It killed the command
    outright (and as a container's process 1, which the kernel spares, it was ignored: the
    build ran on and swapped its site in). Now it stops as Ctrl+C does; here it arrives while
    the commands load."""
    script = (
        "import os, signal, sys\n"
        "class Hook:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'generator.commands':\n"
        "            os.kill(os.getpid(), signal.SIGTERM)\n"
        "        return None\n"
        "sys.meta_path.insert(0, Hook())\n"
        "from generator.cli import main\n"
        "code = main(['check'])\n"
        "assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL, 'the handler is put back'\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True,
                            text=True, timeout=60, env=_env())
    assert (result.returncode, result.stderr) == (143, "Stopped (SIGTERM).\n")


def _group(pgid: int) -> list[int]:
    """Live (not zombie) processes of a process group, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize("languages", [1, 2])
def test_a_build_stopped_by_sigterm_cleans_up_and_keeps_the_site(tmp_path: Path, languages: int) -> None:
    """SIGTERM half way through a build, to the build alone (as ``docker stop`` sends it):
    exit 143, its staging folder removed at once (it used to stay until a later build), the
    previous site untouched, and no process of it left: a language building beside the first
    is stopped, not waited for. With a PDF cache that cannot be written, the PDFs are made in a
    temporary folder per language: removed too (it stayed in /tmp, even after Ctrl+C)."""
    project = tmp_path / "project"
    shutil.copytree(PROJECT, project)
    if languages == 2:
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace(
                "languages: [pl]", "languages: [pl, en]"), encoding="utf-8")
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("previous\n", encoding="utf-8")  # an empty folder's first build
    (site / fsutil.SITE_MARKER).write_text("index.html\n", encoding="utf-8")
    (tmp_path / "not-a-folder").write_text("", encoding="utf-8")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = {**_env(), "PLAYBOOK_CACHE_DIR": str(tmp_path / "not-a-folder"), "TMPDIR": str(temporary)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "--project", str(project), "build"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if len(list(temporary.glob("playbook-pdf-*"))) == languages and any(project.glob(".site.staging-*")):
                break
            time.sleep(0.005)
        assert proc.poll() is None, "the build finished before it could be stopped"
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert (proc.returncode, out, err.decode()[-19:]) == (143, b"", "Stopped (SIGTERM).\n")
    assert "Traceback" not in err.decode()
    assert list(project.glob(".site.*")) == [], "the staging folder is removed"
    assert list(temporary.glob("playbook-pdf-*")) == [], "the PDFs' temporary folders are removed"
    assert sorted(p.name for p in site.iterdir()) == [fsutil.SITE_MARKER, "index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "previous\n"
    deadline = time.monotonic() + 10
    while _group(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _group(proc.pid) == [], "a process of the stopped build runs on"


# -- leftovers of stopped builds ---------------------------------------------------------------

def _leftover(parent: Path, pid: int, age: float) -> Path:
    folder = parent / f".site.staging-{pid}-{int(age)}"
    (folder / "pl").mkdir(parents=True)
    (folder / "pl" / "index.html").write_text("half\n", encoding="utf-8")
    then = time.time() - age
    os.utime(folder, (then, then))
    return folder


def test_a_killed_containers_staging_folder_is_removed(tmp_path: Path) -> None:
    """In a container the build is often process 1, and so is the next one: a staging folder
    left by a build killed there (``docker stop``'s SIGKILL, the OOM killer) was named after a
    process that is always alive, and stayed for ever, a whole site each time. Whether a build
    still writes a folder is now told by a lock on it, which dies with its process."""
    target = tmp_path / "site"
    as_pid_1 = _leftover(tmp_path, 1, age=3600)  # process 1 is alive here too
    mine = _leftover(tmp_path, os.getpid(), age=3600)  # this process, as the next container's pid 1
    just_made = _leftover(tmp_path, 1, age=0)  # may be a build that has not locked it yet
    with fsutil.staging_dir(target) as staging:
        assert staging.is_dir()
    assert not as_pid_1.exists() and not mine.exists()
    assert just_made.exists()


def test_a_staging_folder_being_built_is_left_alone(tmp_path: Path) -> None:
    """A build in another container (its process id means nothing here, or is taken by a
    process of ours) holds its staging folder's lock: a build beside it leaves it be."""
    target = tmp_path / "site"
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from generator import fsutil\n"
        "path = fsutil.new_staging(Path(sys.argv[1]))\n"
        "print(path, flush=True)\n"
        "time.sleep(60)\n"
    )
    other = subprocess.Popen([sys.executable, "-c", script, str(target)], stdout=subprocess.PIPE,
                             text=True, env=_env())
    try:
        assert other.stdout is not None
        theirs = Path(other.stdout.readline().strip())
        # named as if by a process that is gone, and old: only the lock says it is in use
        renamed = theirs.with_name(".site.staging-999999999-abc123")
        theirs.rename(renamed)
        then = time.time() - 3600
        os.utime(renamed, (then, then))
        with fsutil.staging_dir(target):
            pass
        assert renamed.is_dir(), "a running build's staging folder was removed"
    finally:
        other.kill()
        other.wait()
    with fsutil.staging_dir(target):
        pass
    assert not renamed.exists(), "once its build is gone, it is a leftover"


# -- what a pipeline step is told --------------------------------------------------------------

def test_a_folder_inside_the_project_names_the_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A CI step run in ``playbooks/`` (a ``working-directory:`` one level too deep) was told
    only "no mkdocs.yml here"; a mistyped ``--project`` that does not exist, the same."""
    project = make_project(tmp_path / "p")
    monkeypatch.chdir(project / "playbooks" / "teams")
    code, _out, err = cli("check")
    assert (code, err) == (1, (
        f"{project}/playbooks/teams: no mkdocs.yml here; the project seems to be {project}, which "
        f"holds one. Run the command there, or name it with --project {project}.\n"))
    code, _out, err = cli("--project", str(tmp_path / "nope"), "build")
    assert (code, err) == (1, f"{tmp_path / 'nope'}: no such folder. Name the project folder (the "
                              "one holding mkdocs.yml) with --project DIR.\n")


def test_check_json_fails_as_the_build_will_under_strict_in_mkdocs_yml(tmp_path: Path) -> None:
    """mkdocs.yml's ``strict: true`` failed the build on an overdue review date while ``check``
    (and ``check --format json``, a pipeline's gate) said all was well."""
    root = make_project(tmp_path / "p")
    goal = root / "playbooks" / "goals" / "leads.yaml"
    goal.write_text(goal.read_text(encoding="utf-8").replace("2027-06-30", "2026-01-31"), encoding="utf-8")
    code, out, _err = cli("--project", str(root), "check", "--format", "json")
    assert code == 0 and '"severity": "warning"' in out
    config = root / "mkdocs.yml"
    config.write_text("strict: true\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _err = cli("--project", str(root), "check", "--format", "json")
    assert code == 1
    assert json.loads(out)["ok"] is False
    assert [p["severity"] for p in json.loads(out)["problems"]] == ["error"]


def test_a_mount_point_is_refused_before_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Docker volume mounted at the site folder cannot be swapped by renaming: the build ran
    to the end (minutes, on a large project) and then failed with "Device or resource busy"."""
    project = make_project(tmp_path / "p")
    volume = tmp_path / "volume"
    volume.mkdir()
    real = os.path.ismount
    monkeypatch.setattr(os.path, "ismount", lambda path: Path(path) == volume or real(path))

    def no_build(*args: object, **kwargs: object) -> None:
        raise AssertionError("the site was built")

    monkeypatch.setattr(fsutil, "new_staging", no_build)
    code, _out, err = cli("--project", str(project), "build", "--site-dir", str(volume))
    assert (code, err) == (1, (
        f"--site-dir: {volume} is a mount point (a volume mounted there, say), and the site is put "
        "in place by renaming, which a mount point refuses; nothing was built. Mount the volume one "
        "level up (-v pub:/srv with site_dir: /srv/site), or build elsewhere and copy the site in.\n"))


def test_a_sigterm_lost_in_a_library_still_stops_the_swap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The exception SIGTERM raises can be lost (raised in a finaliser, Python prints and drops
    it; or caught by a library's bare ``except``): the build then ran on and swapped its site in
    after all, exit 0. It is asked again before the swap."""
    import mkdocs.commands.build as mkdocs_build

    project = make_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - playbook\n", "  - playbook:\n      languages: [pl]\n      pdf: false\n"), encoding="utf-8")
    real = mkdocs_build._build_page

    def build_page(*args: object, **kwargs: object) -> object:
        with contextlib.suppress(KeyboardInterrupt):  # a library that swallows it
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(1)  # the handler runs here
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(mkdocs_build, "_build_page", build_page)
    reached: list[int] = []

    def here(signum: int, frame: object) -> None:  # without the command's own: this test's
        reached.append(signum)

    before = signal.signal(signal.SIGTERM, here)
    try:
        code, out, err = cli("--project", str(project), "build")
        assert signal.getsignal(signal.SIGTERM) == here, "the handler before it is put back"
    finally:
        signal.signal(signal.SIGTERM, before)
    assert reached == [], "the command did not handle SIGTERM"
    # (before it: the check's warning that content/index.en.md is no page of a Polish-only site)
    assert (code, out, err.splitlines()[-1]) == (143, "", "Stopped (SIGTERM).")
    assert not (project / "site").exists() and list(project.glob(".site.*")) == []


def test_render_on_a_full_disk_says_so_and_keeps_the_earlier_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path / "p")
    out = tmp_path / "pages"
    assert cli("--project", str(project), "render", "--out", str(out))[0] == 0
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    from generator.commands import render

    def full(path: Path, data: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(render, "atomic_write", full)
    code, _out, err = cli("--project", str(project), "render", "--out", str(out))
    assert (code, err) == (1, "The pages were not written: No space left on device. Free some space "
                              f"on that disk, or write to another one. {out} is as it was.\n")
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".pages.")] == []


def test_a_read_only_checkout_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``playbook build`` in a read-only checkout said only that it could not, and "Nothing was
    changed"; now also what to do about it."""
    project = make_project(tmp_path / "p")

    def mkdtemp(*args: object, **kwargs: object) -> str:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkdtemp", mkdtemp)
    code, _out, err = cli("--project", str(project), "build")
    assert (code, err) == (1, f"cannot create a folder beside {project / 'site'}: Read-only file "
                              "system. Nothing was changed. Write to a writable folder instead.\n")


def test_without_locks_a_dead_builds_staging_folder_is_still_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a file system without locks (some network shares) the process id decides, as before."""
    def no_locks(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    import fcntl

    monkeypatch.setattr(fcntl, "flock", no_locks)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    gone = _leftover(tmp_path, int(dead.stdout), age=3600)
    pid_1 = _leftover(tmp_path, 1, age=3600)  # alive here: without a lock, it may be building
    with fsutil.staging_dir(tmp_path / "site"):
        pass
    assert not gone.exists() and pid_1.exists()


def test_a_swap_refused_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``mkdocs build`` into a mounted volume, or a site folder nobody may rename, failed at
    the swap with the system's words alone."""
    staging, target = tmp_path / ".site.staging-1-x", tmp_path / "site"
    staging.mkdir()
    target.mkdir()

    def busy(a: Path, b: Path) -> bool:
        raise OSError(errno.EBUSY, "Device or resource busy")

    monkeypatch.setattr(fsutil, "_exchange", busy)
    with pytest.raises(UserError) as caught:
        fsutil.replace_dir(staging, target)
    assert str(caught.value) == (
        f"cannot put the new site in place of {target}: Device or resource busy. The previous site "
        "is unchanged. A mount point cannot be replaced by renaming: mount the volume one level "
        "up, or build elsewhere and copy the site in.")


def test_an_ascii_terminal_gets_documents_as_utf8_and_lines_without_a_traceback(tmp_path: Path) -> None:
    """In an ASCII (or Latin-2) locale, `sla fill` to stdout traced back on the first "—"; a
    listing with Polish titles too. The document comes out as the bytes --out writes."""
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "PLAYBOOK_TODAY": "2026-11-27"}
    values = str(ROOT / "examples" / "q1-2027.yaml")
    piped = subprocess.run([sys.executable, "-m", "generator.cli", "sla", "fill", "marketing-sales-sla",
                            "--values", values], cwd=ROOT, env=env, capture_output=True, timeout=120)
    assert piped.returncode == 0, piped.stderr.decode("utf-8", "replace")
    out = tmp_path / "sla.md"
    written = subprocess.run([sys.executable, "-m", "generator.cli", "sla", "fill", "marketing-sales-sla",
                              "--values", values, "--out", str(out)], cwd=ROOT, env=env, capture_output=True,
                             timeout=120)
    assert written.returncode == 0, written.stderr.decode("utf-8", "replace")
    assert piped.stdout == out.read_bytes() and "usług".encode() in piped.stdout
    listed = subprocess.run([sys.executable, "-m", "generator.cli", "checklist", "list"], cwd=ROOT, env=env,
                            capture_output=True, timeout=120)
    assert listed.returncode == 0 and b"Traceback" not in listed.stderr, listed.stderr
    assert b"new-sales-rep" in listed.stdout


def _stubborn(folder: str) -> None:  # pragma: no cover - runs in the child process
    """A language's build that does not stop on SIGTERM in time (a loaded machine), after
    making its PDFs' temporary folder."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    tempfile.tempdir = folder
    Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-")).joinpath("a.pdf").write_bytes(b"%PDF")
    time.sleep(60)


def test_a_language_killed_for_not_stopping_in_time_leaves_no_temporary_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CI run of 2026-11-28 found one such folder left in /tmp (the test above, under load)."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(build_command, "STOP_WITHIN", 0.5)
    other = tmp_path / f"{SCRATCH_PREFIX}1-x"  # another build's: not this one's to remove
    other.mkdir()
    child = multiprocessing.get_context("fork").Process(target=_stubborn, args=(str(tmp_path),))
    child.start()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not list(tmp_path.glob(f"{SCRATCH_PREFIX}{child.pid}-*")):
        time.sleep(0.01)
    assert list(tmp_path.glob(f"{SCRATCH_PREFIX}{child.pid}-*")), "the child made its folder"
    build_command._stop([child])
    assert not child.is_alive()
    assert [p.name for p in tmp_path.iterdir()] == [other.name]
