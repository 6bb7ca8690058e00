"""Nothing lost: a failed ``playbook build`` leaves the previous site byte-identical and never
touches ``content/``, whatever phase fails (load, validate, references, plan, MkDocs, PDFs, swap)
and even when the process is killed half way. Output files are written atomically.

One site is built per session; each test works on a copy of that project and compares the hash
of every file (and its permissions) before and after.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import fsutil
from generator.cli import main
from generator.errors import UserError
from tests.hostile import PROJECT

ROOT = Path(__file__).resolve().parent.parent
Manifest = dict[str, tuple[str, int]]


def manifest(folder: Path) -> Manifest:
    """Every file and folder under ``folder``: content hash (or ``dir``/``link``) and mode."""
    found: Manifest = {}
    if not folder.exists():
        return found
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            found[rel] = (f"link:{os.readlink(path)}", 0)
        elif stat.S_ISDIR(info.st_mode):
            found[rel] = ("dir", stat.S_IMODE(info.st_mode))
        else:
            found[rel] = (hashlib.sha256(path.read_bytes()).hexdigest(), stat.S_IMODE(info.st_mode))
    return found


def run(root: Path, *args: str) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["--project", str(root), *args])
    return code, err.getvalue()


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The base project with its site built once."""
    root = tmp_path_factory.mktemp("nothing-lost") / "project"
    shutil.copytree(PROJECT, root)
    code, err = run(root, "build")
    assert code == 0, err
    assert (root / "site" / "index.html").is_file()
    assert list((root / "site").rglob("*.pdf")), "the checklist PDF is part of the site"
    return root


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    return root


class Snapshot:
    """The site, content, playbooks and templates of a project at one moment."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.parts = {name: manifest(root / name) for name in ("site", "content", "playbooks", "templates")}

    def assert_unchanged(self, *, except_for: tuple[str, ...] = ()) -> None:
        now = Snapshot(self.root)
        for name, before in self.parts.items():
            if name not in except_for:
                assert now.parts[name] == before, f"{name}/ changed"
        leftovers = [p.name for p in self.root.iterdir() if p.name.startswith(".site.")]
        assert leftovers == [], leftovers


# -- a failure in each phase -------------------------------------------------------------------

def _yaml_syntax(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (root / "playbooks" / "teams" / "broken.yaml").write_text("kind: team\nid: [\n", encoding="utf-8")


def _validation(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    goal = root / "playbooks" / "goals" / "qualified-leads.yaml"
    goal.write_text(goal.read_text(encoding="utf-8").replace("target: 400", "target: lots"), encoding="utf-8")


def _reference(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    goal = root / "playbooks" / "goals" / "qualified-leads.yaml"
    goal.write_text(goal.read_text(encoding="utf-8").replace("team: marketing", "team: finance"), encoding="utf-8")


def _collision(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (root / "content" / "teams").mkdir()
    (root / "content" / "teams" / "sales.md").write_text("# Mine\n", encoding="utf-8")


def _template(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (root / "templates").mkdir()
    (root / "templates" / "team.md.j2").write_text("# {{ no_such_thing }}\n", encoding="utf-8")


def _mkdocs_strict(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (root / "content" / "broken.md").write_text("# Broken\n\n[x](missing.md)\n", encoding="utf-8")


def _mkdocs_crash(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """MkDocs stops after writing part of the new site: the disk is full."""
    import mkdocs.commands.build as mkdocs_build

    real = mkdocs_build._build_page
    count = {"pages": 0}

    def build_page(page, config, doc_files, nav, env, dirty=False, excluded=False):  # type: ignore[no-untyped-def]
        count["pages"] += 1
        if count["pages"] > 3:
            raise OSError(28, "No space left on device")
        return real(page, config, doc_files, nav, env, dirty, excluded)

    monkeypatch.setattr(mkdocs_build, "_build_page", build_page)


def _pdf_crash(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.checklists import site as checklist_site

    def finish(self, site_dir):  # type: ignore[no-untyped-def]
        raise RuntimeError("the PDF renderer crashed")

    monkeypatch.setattr(checklist_site.SitePdfs, "finish", finish)


def _swap(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def exchange(a: Path, b: Path) -> bool:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(fsutil, "_exchange", exchange)


def _swap_fallback(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No atomic swap on this system, and the second rename fails: the old site is put back."""
    real = os.replace
    calls = {"n": 0}

    def replace(a: object, b: object) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(13, "Permission denied")
        real(a, b)  # type: ignore[arg-type]

    monkeypatch.setattr(fsutil, "_exchange", lambda a, b: False)
    monkeypatch.setattr(os, "replace", replace)


def _staging(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def mkdtemp(*args: object, **kwargs: object) -> str:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkdtemp", mkdtemp)


PHASES: dict[str, tuple[Callable[[Path, pytest.MonkeyPatch], None], tuple[str, ...], str]] = {
    # name: (inject, args after "build", what the user reads)
    "load: YAML syntax": (_yaml_syntax, (), "playbooks/teams/broken.yaml:3:1: YAML syntax:"),
    "validate: wrong type": (_validation, (), "target: expected a number"),
    "references: unknown id": (_reference, (), "there is no team with the id 'finance'"),
    "plan: a page collides": (_collision, (), "content/teams/sales.md:1:1: this hand-written page"),
    "plan: template error": (_template, (), "templates/team.md.j2:1:1: the template uses"),
    "mkdocs: strict warnings": (_mkdocs_strict, ("--strict",), "The previous site is unchanged."),
    "mkdocs: disk full half way": (_mkdocs_crash, (), "The site was not built: No space left on device."),
    "pdf: crash at the end": (_pdf_crash, (), "RAISES RuntimeError"),
    "swap: rename fails": (_swap, (), "cannot put the new site in place of"),
    "swap: fallback fails": (_swap_fallback, (), "The previous site is unchanged."),
    "staging: cannot create": (_staging, (), "cannot create a folder beside"),
}


@pytest.mark.parametrize("phase", list(PHASES))
def test_a_failed_build_loses_nothing(project: Path, phase: str, monkeypatch: pytest.MonkeyPatch) -> None:
    inject, extra, message = PHASES[phase]
    site_before = manifest(project / "site")
    inject(project, monkeypatch)
    snapshot = Snapshot(project)
    if message.startswith("RAISES "):
        with pytest.raises(Exception) as caught:  # a bug, not a user's mistake: it may trace back
            run(project, "build", *extra)
        assert type(caught.value).__name__ == message.removeprefix("RAISES ")
    else:
        code, err = run(project, "build", *extra)
        assert code == 1
        assert message in err, err
        assert "Traceback" not in err
    snapshot.assert_unchanged()  # site, content, playbooks, templates: as they were
    assert manifest(project / "site") == site_before


def test_options_that_would_overwrite_your_work_are_refused(project: Path) -> None:
    snapshot = Snapshot(project)
    for where in ("content", "content/site", "playbooks", "playbooks/teams", ".", "..", "templates"):
        code, err = run(project, "build", "--site-dir", str(project / where))
        assert code == 1, where
        assert "choose a folder of its own" in err, err
    code, err = run(project, "render", "--out", str(project / "content" / "generated"))
    assert code == 1 and "holds your own files" in err
    snapshot.assert_unchanged()


def _site_refused(folder: Path, listed: str, option: str = "--site-dir") -> str:
    return (
        f"{option}: {folder} holds files that 'playbook build' did not write ({listed}), so it was "
        "left as it is; choose an empty or new folder, or delete this one yourself.\n"
    )


def test_a_build_never_replaces_a_folder_of_someone_elses_files(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``build --site-dir /tmp/r9`` deleted /tmp/r9/a.txt; a folder of the project (``examples``)
    its files; ``--site-dir .`` the folder the user was in. All are refused before building."""
    snapshot = Snapshot(project)
    elsewhere = tmp_path / "r9"
    elsewhere.mkdir()
    (elsewhere / "a.txt").write_text("keep\n", encoding="utf-8")
    examples = project / "examples"
    examples.mkdir()
    (examples / "q1-2027.yaml").write_text("price: 10\n", encoding="utf-8")
    (project / "site" / "CNAME").write_text("playbook.example.com\n", encoding="utf-8")  # added by hand
    before = {p: manifest(p) for p in (elsewhere, examples, project / "site")}
    cases = [
        (("--site-dir", str(elsewhere)), _site_refused(elsewhere, "a.txt")),
        (("--site-dir", str(examples)), _site_refused(examples, "q1-2027.yaml")),
        ((), _site_refused(project / "site", "CNAME", "site_dir (mkdocs.yml)")),
    ]
    for extra, message in cases:
        code, err = run(project, "build", *extra)
        assert (code, err) == (1, message)
    monkeypatch.chdir(elsewhere)
    code, err = run(project, "build", "--site-dir", ".")
    assert code == 1
    assert err == (f"--site-dir: {elsewhere} is the folder you are working in, which the output "
                   "would replace whole; choose a folder of its own, like 'site'.\n")
    assert {p: manifest(p) for p in before} == before
    del snapshot.parts["site"]  # CNAME, added above
    snapshot.assert_unchanged()
    assert list(tmp_path.glob(".r9.*")) == [] and list(project.glob(".examples.*")) == []


def test_an_earlier_site_is_replaced_marked_or_not(project: Path) -> None:
    """A site built before sites were marked (here: the marker removed) is recognised by its
    shape and replaced, unless a file the build does not write sits at its root; the new site
    is marked, listing what it holds."""
    site = project / "site"
    marker = site / fsutil.SITE_MARKER
    listed = marker.read_text(encoding="utf-8").splitlines()
    assert listed[0].startswith("# Written by playbook build") and "index.html" in listed
    assert {"assets/playbook/", "sitemap.xml"} <= set(listed)
    assert str(project) not in marker.read_text(encoding="utf-8"), "served publicly: no local paths"
    marker.unlink()
    (site / "mine.txt").write_text("keep\n", encoding="utf-8")
    before = manifest(site)
    code, err = run(project, "build")  # recognised as a site, so built; then refused before the swap
    assert (code, err) == (1, _site_refused(site, "mine.txt", "site_dir (mkdocs.yml)"))
    assert manifest(site) == before
    assert list(project.glob(".site.*")) == []
    (site / "mine.txt").unlink()
    code, err = run(project, "build")
    assert code == 0, err
    assert marker.is_file() and not (site / "mine.txt").exists()
    assert set(marker.read_text(encoding="utf-8").splitlines()) >= {"index.html", "assets/playbook/"}


def test_a_checklist_pdf_into_a_folder_keeps_its_other_files(project: Path, tmp_path: Path) -> None:
    """A command that writes one file writes only that file: ``checklist pdf --out DIR/``."""
    prints = tmp_path / "prints"
    prints.mkdir()
    (prints / "mine.txt").write_text("keep\n", encoding="utf-8")
    code, err = run(project, "checklist", "pdf", "new-rep", "--out", str(prints))
    assert code == 0, err
    assert sorted(p.name for p in prints.iterdir()) == ["mine.txt", "new-rep-pl.pdf"]
    assert (prints / "mine.txt").read_text(encoding="utf-8") == "keep\n"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# -- killed half way ---------------------------------------------------------------------------

def _staging_files(root: Path) -> int:
    return sum(1 for d in root.glob(".site.staging-*") for p in d.rglob("*") if p.is_file())


@pytest.mark.parametrize("when", [1, 40, "pdf"])
def test_a_killed_build_leaves_the_previous_site(project: Path, when: int | str) -> None:
    """SIGKILL at three moments: as soon as the staging folder holds a file, when it holds forty,
    and when the checklist PDF is being made. After the last, the next build cleans up and
    succeeds (once: a full build is the slow part of this test)."""
    snapshot = Snapshot(project)
    team = project / "playbooks" / "teams" / "sales.yaml"
    team.write_text(team.read_text(encoding="utf-8").replace("The sales team.", "New words."), encoding="utf-8")
    snapshot.parts["playbooks"] = manifest(project / "playbooks")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PLAYBOOK_TODAY": "2026-11-27"}
    if when == "pdf":
        shutil.rmtree(project / ".cache", ignore_errors=True)  # so the PDF is really rendered
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "--project", str(project), "build"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if when == "pdf":
                ready = any(project.glob(".cache/playbook/pdf/*")) or any(project.glob(".site.staging-*/**/*.pdf"))
            else:
                ready = _staging_files(project) >= int(when)
            if ready:
                break
            time.sleep(0.005)
        assert proc.poll() is None, "the build finished before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    if when == "pdf":
        _wait_for_no_workers(project)
    leftovers = list(project.glob(".site.staging-*"))
    for name in ("site", "content", "playbooks"):
        assert manifest(project / name) == snapshot.parts[name], f"{name}/ changed"
    if when != "pdf":
        return
    code, err = run(project, "build")
    assert code == 0, err
    assert "New words." in (project / "site" / "teams" / "sales" / "index.html").read_text(encoding="utf-8")
    assert [p for p in leftovers if p.exists()] == [], "a later build removes a killed build's leftovers"
    assert manifest(project / "content") == snapshot.parts["content"], "a build never writes content/"
    mode = stat.S_IMODE((project / "site").stat().st_mode)
    assert mode == 0o777 & ~_umask() or mode & 0o055 == 0o055, "a web server can read the site"


def _workers_of(project: Path) -> list[int]:
    """PDF worker processes whose batch file lies in ``project`` (from /proc)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            args = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"generator.checklists.worker" in args and any(str(project).encode() in a for a in args):
            pids.append(int(entry.name))
    return pids


def _wait_for_no_workers(project: Path) -> None:
    """The PDF workers of a killed build stop by themselves (before their next PDF)."""
    deadline = time.monotonic() + 20
    while _workers_of(project) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = _workers_of(project)
    for pid in left:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    assert left == [], "PDF workers outlived the killed build"


def test_a_child_dies_with_its_parent(tmp_path: Path) -> None:
    """die_with_parent: a language build forked by a build, or a PDF worker, does not run on
    after the build is killed (Linux)."""
    pid_file = tmp_path / "grandchild.pid"
    code = (
        "import os, subprocess, sys, time\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import os, sys, time; "
        "from generator.fsutil import die_with_parent; die_with_parent(int(sys.argv[1])); "
        "open(sys.argv[2], \"w\").write(str(os.getpid())); time.sleep(60)', str(os.getpid()), sys.argv[1]])\n"
        "time.sleep(60)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", code, str(pid_file)],
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        deadline = time.monotonic() + 30
        while not (pid_file.exists() and pid_file.read_text()) and time.monotonic() < deadline:
            time.sleep(0.05)
        grandchild = int(pid_file.read_text())
        parent.kill()
        parent.wait(10)
        deadline = time.monotonic() + 10
        while _running(grandchild) and time.monotonic() < deadline:
            time.sleep(0.05)
        alive = _running(grandchild)
        if alive:
            os.kill(grandchild, signal.SIGKILL)
        assert not alive, "the child outlived its killed parent"
    finally:
        if parent.poll() is None:
            parent.kill()


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting for its (new) parent to reap it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


# -- atomic files ------------------------------------------------------------------------------

def test_atomic_write_keeps_the_old_file_when_the_rename_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)

    def replace(a: object, b: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OSError):
        fsutil.atomic_write(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"], "no temporary file is left"


def test_atomic_write_keeps_permissions_and_makes_readable_files(tmp_path: Path) -> None:
    kept = tmp_path / "kept.txt"
    kept.write_text("old", encoding="utf-8")
    kept.chmod(0o640)
    fsutil.atomic_write(kept, "new")
    assert (kept.read_text(encoding="utf-8"), stat.S_IMODE(kept.stat().st_mode)) == ("new", 0o640)
    fresh = tmp_path / "fresh.txt"
    fsutil.atomic_write(fresh, b"x")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~_umask()


def test_replace_dir_refuses_a_file_in_the_way(tmp_path: Path) -> None:
    staging = tmp_path / "staging"
    staging.mkdir()
    (tmp_path / "site").write_text("not a folder", encoding="utf-8")
    with pytest.raises(UserError, match="is a file, not a folder"):
        fsutil.replace_dir(staging, tmp_path / "site")
    assert (tmp_path / "site").read_text(encoding="utf-8") == "not a folder"


def test_stale_staging_folders_of_dead_builds_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "site"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    stale = tmp_path / f".site.staging-{dead.stdout.strip()}-abc"
    stale.mkdir()
    alive = tmp_path / f".site.staging-{os.getppid()}-abc"  # a build still running
    alive.mkdir()
    with fsutil.staging_dir(target) as staging:
        assert staging.is_dir()
    assert not stale.exists()
    assert alive.exists()
