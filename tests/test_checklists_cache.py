"""The cache of blank checklist PDFs only saves time: it never breaks a build. A cache that cannot
be written is still read (the PDFs it lacks are made in a temporary folder, with one warning), a
cached PDF that is not whole is made again, leftovers of stopped builds are removed (but not
those of a build still running), and ``PLAYBOOK_CACHE_DIR`` moves the cache."""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.catalogue import load
from generator.checklists.dates import NO_DAYS_OFF, DaysOff
from generator.checklists.site import CACHE_DIR, SitePdfs, cache_folder, whole_pdf
from tests.checklists import pdf_pages
from tests.test_checklists_site import TODAY, _fixture_project

pytestmark = pytest.mark.slow

DAY = 24 * 3600


@pytest.fixture(autouse=True)
def _default_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache in its default place, whatever the environment running the tests says."""
    monkeypatch.delenv("PLAYBOOK_CACHE_DIR", raising=False)


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with one checklist whose Polish PDF is in the cache (made once, for every test)."""
    project = _fixture_project(tmp_path_factory.mktemp("warm") / "p", pdf=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("PLAYBOOK_CACHE_DIR", raising=False)
        pdfs, problems = _build(project, tmp_path_factory.mktemp("warm-site"))
    assert problems == [] and pdfs.made == 1
    return project


@pytest.fixture
def project(warm: Path, tmp_path: Path) -> Path:
    """A copy of the warm project, its cache too, for a test to change."""
    copy = tmp_path / "p"
    shutil.copytree(warm, copy)
    return copy


def _build(project: Path, site: Path, off: DaysOff = NO_DAYS_OFF) -> tuple[SitePdfs, list[str]]:
    """What the plugin does around a build: start, MkDocs' empty placeholder, finish."""
    catalogue, _ = load(project, project / "playbooks")
    pdfs = SitePdfs(project, project / "templates", project / "content", workers=1, off=off)
    assert pdfs.start(catalogue, "pl") == ["checklists/first.pdf"]
    (site / "checklists").mkdir(parents=True, exist_ok=True)
    (site / "checklists" / "first.pdf").write_bytes(b"")
    return pdfs, pdfs.finish(site)


def _cached(project: Path) -> Path:
    [pdf] = (project / CACHE_DIR).glob("first.pl.*.pdf")
    return pdf


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _change_checklist(project: Path) -> None:
    yaml_file = project / "playbooks" / "checklists" / "first.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    yaml_file.write_text(text.replace("Poznaj zespół.", "Poznaj cały zespół."), encoding="utf-8")


@pytest.fixture
def read_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path], None]]:
    """Make a folder read-only: by its permissions, or (root ignores them) by having every call
    that would write under it fail as on a read-only file system."""
    made: list[Path] = []

    def protect(folder: Path) -> None:
        if os.geteuid() != 0:
            for path in [folder, *folder.rglob("*")]:
                path.chmod(path.stat().st_mode & ~0o222)
            made.append(folder)
            return
        inside = str(folder.resolve())

        def refuse(real: Callable[..., Any], writes: Callable[..., bool] = lambda *a, **k: True) -> Callable[..., Any]:
            def call(path: Any, *args: Any, **kwargs: Any) -> Any:
                name = os.path.abspath(os.fsdecode(path)) if isinstance(path, (str, bytes, os.PathLike)) else ""
                if (name == inside or name.startswith(inside + os.sep)) and writes(*args, **kwargs):
                    raise OSError(errno.EROFS, os.strerror(errno.EROFS), name)
                return real(path, *args, **kwargs)
            return call

        def creates(flags: int, *args: Any, **kwargs: Any) -> bool:
            return bool(flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))

        for name in ("utime", "unlink", "mkdir", "rmdir", "rename", "replace", "chmod"):
            monkeypatch.setattr(os, name, refuse(getattr(os, name)))
        monkeypatch.setattr(os, "open", refuse(os.open, creates))

    yield protect
    for folder in made:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(path.stat().st_mode | 0o200)


def test_a_blank_pdf_names_the_days_off_and_is_made_again_when_they_change(
    project: Path, tmp_path: Path
) -> None:
    """A blank copy has no dates, but its rule says which days a working-day count skips
    (``holidays``/``days_off`` in mkdocs.yml): changing them must not reuse the old PDF."""
    pdfs, problems = _build(project, tmp_path / "site", DaysOff("PL", frozenset({dt.date(2027, 5, 4)})))
    assert problems == [] and pdfs.made == 1
    text = " ".join(pdf_pages(tmp_path / "site" / "checklists" / "first.pdf"))
    assert "pn–pt bez dni wolnych firmy i dni ustawowo wolnych od pracy, kalendarz PL" in text
    assert len(list((project / CACHE_DIR).glob("first.pl.*.pdf"))) == 2
    again, _ = _build(project, tmp_path / "again", DaysOff("PL", frozenset({dt.date(2027, 5, 4)})))
    assert again.made == 0  # the same days off: from the cache


def test_a_blank_pdf_is_made_again_for_a_region_of_the_same_country(project: Path, tmp_path: Path) -> None:
    """``holidays: DE`` and then ``holidays: DE-BY``: the rule names another calendar, so the
    cached blank copy of the first is not the second's."""
    pdfs, problems = _build(project, tmp_path / "de", DaysOff("DE"))
    assert problems == [] and pdfs.made == 1
    pdfs, problems = _build(project, tmp_path / "by", DaysOff("DE-BY"))
    assert problems == [] and pdfs.made == 1
    text = " ".join(pdf_pages(tmp_path / "by" / "checklists" / "first.pdf"))
    assert "pn–pt bez dni ustawowo wolnych od pracy, kalendarz DE-BY" in " ".join(text.split())


# -- a cache that cannot be written ------------------------------------------------------------


def test_a_read_only_cache_is_read_and_the_missing_pdfs_made_elsewhere(
    project: Path, tmp_path: Path, read_only: Callable[[Path], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only cache (a restored CI cache, a read-only checkout): its PDFs are copied, the
    one it lacks is made in a temporary folder, one note (not a warning: the site is whole) says
    so; touching a used PDF and
    pruning an old one fail quietly; the cache is left exactly as it was."""
    cache = project / CACHE_DIR
    old = cache / "gone.pl.0123456789abcdef01234567.pdf"
    shutil.copy(_cached(project), old)
    os.utime(old, (time.time() - 40 * DAY,) * 2)  # unused for 40 days: pruned when it can be
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", None)  # TMPDIR read again
    before = _listing(cache)
    read_only(cache)

    pdfs, problems = _build(project, tmp_path / "s1")  # every PDF cached: not a word
    assert problems == [] and pdfs.notes == [] and pdfs.made == 0
    assert (tmp_path / "s1" / "checklists" / "first.pdf").read_bytes() == _cached(project).read_bytes()

    _change_checklist(project)
    pdfs, problems = _build(project, tmp_path / "s2")
    assert problems == []
    reason = "Read-only file system" if os.geteuid() == 0 else "Permission denied"
    assert pdfs.notes == [(
        f"{CACHE_DIR}: the PDF cache cannot be written ({reason}), so the missing PDF (pl) was made "
        "in a temporary folder and the next build makes it again. Make the folder writable, or set "
        "PLAYBOOK_CACHE_DIR to one that is."
    )]
    assert pdfs.made == 1
    made = tmp_path / "s2" / "checklists" / "first.pdf"
    assert whole_pdf(made) and "Poznaj cały zespół." in " ".join(pdf_pages(made))
    assert list((tmp_path / "tmp").iterdir()) == [], "the temporary folder was left behind"
    assert _listing(cache) == before, "a read-only cache was changed"


def test_a_build_with_a_cache_that_is_a_file_succeeds_with_one_note_per_language(tmp_path: Path) -> None:
    """A real ``playbook build --strict`` where ``.cache`` is a file (so nothing can be cached):
    every language's site gets its PDF, one INFO line each (a warning failed ``--strict`` builds
    in CI jobs whose restored cache is read-only), no traceback, nothing left in the temporary
    folder."""
    project = _fixture_project(tmp_path / "p", pdf=True)
    (project / ".cache").write_text("not a folder\n", encoding="utf-8")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PLAYBOOK_CACHE_DIR"}
    env.update(PLAYBOOK_TODAY=TODAY, TMPDIR=str(temporary))
    result = subprocess.run([sys.executable, "-m", "generator.cli", "build", "--strict", "--site-dir",
                             str(tmp_path / "site")],
                            cwd=project, capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "WARNING" not in result.stderr
    notes = [line for line in result.stderr.splitlines() if "PDF cache" in line]
    assert sorted(notes) == [
        f"INFO    -  [{lang}] {CACHE_DIR}: the PDF cache cannot be written (Not a directory), so the missing PDF "
        f"({lang}) was made in a temporary folder and the next build makes it again. Make the folder "
        "writable, or set PLAYBOOK_CACHE_DIR to one that is."
        for lang in ("en", "pl")
    ]
    for lang in ("pl", "en"):
        pdf = tmp_path / "site" / lang / "checklists" / "first.pdf"
        assert whole_pdf(pdf) and "first" in " ".join(pdf_pages(pdf))
    assert (project / ".cache").read_text(encoding="utf-8") == "not a folder\n"
    assert list(temporary.iterdir()) == []


def test_with_no_folder_to_make_them_in_the_pdfs_are_left_out_in_plain_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _fixture_project(tmp_path / "p", pdf=True)
    (project / ".cache").write_text("", encoding="utf-8")

    def mkdtemp(*args: object, **kwargs: object) -> str:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(tempfile, "mkdtemp", mkdtemp)
    pdfs, problems = _build(project, tmp_path / "site")
    assert problems == [
        f"{CACHE_DIR}: the PDF cache cannot be written (Not a directory), nor a temporary folder "
        "(No space left on device), so the missing PDF (pl) is left out of the site.",
        "checklists/first.pdf: the PDF could not be made: no folder to make it in",
    ]
    assert pdfs.made == 0 and pdfs.running == []
    assert not (tmp_path / "site" / "checklists" / "first.pdf").exists(), "an empty placeholder was left"


# -- cached PDFs that are not whole -----------------------------------------------------------


@pytest.mark.parametrize("damage", ["truncated", "empty"])
def test_a_cached_pdf_that_is_not_whole_is_made_again_in_the_same_build(
    project: Path, tmp_path: Path, damage: str
) -> None:
    cached = _cached(project)
    whole = cached.read_bytes()
    cached.write_bytes(whole[: len(whole) // 2] if damage == "truncated" else b"")
    pdfs, problems = _build(project, tmp_path / "site")
    assert problems == []
    assert pdfs.made == 1, "a damaged PDF was taken from the cache"
    published = tmp_path / "site" / "checklists" / "first.pdf"
    assert whole_pdf(published) and "Poznaj zespół." in " ".join(pdf_pages(published))
    assert whole_pdf(cached), "the damaged PDF stayed in the cache"
    assert [p.name for p in (project / CACHE_DIR).iterdir()] == [cached.name]


def test_whole_pdf_reads_the_head_and_the_last_kilobyte(tmp_path: Path, warm: Path) -> None:
    good = _cached(warm).read_bytes()
    cases = {
        "whole": (good, True),
        "with a newline after %%EOF": (good + b"\r\n", True),
        "empty": (b"", False),
        "truncated": (good[:-300], False),
        "an HTML error page": (b"<html>%%EOF</html>", False),
        "only its header": (b"%PDF-1.7\n", False),
        "header and end, nothing between": (b"%PDF-%%EOF", True),  # cheap, not a parser
    }
    for name, (data, expected) in cases.items():
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(data)
        assert whole_pdf(path) is expected, name
    assert whole_pdf(tmp_path / "missing.pdf") is False
    assert whole_pdf(tmp_path) is False
    (tmp_path / "file").write_bytes(b"")
    assert whole_pdf(tmp_path / "file" / "below.pdf") is False


# -- leftovers of stopped builds ---------------------------------------------------------------


def test_leftovers_of_stopped_builds_are_removed_but_not_those_of_a_running_one(
    project: Path, tmp_path: Path
) -> None:
    """Ctrl+C or SIGTERM before a worker has read its batch file leaves it (~275 KB) in the
    cache, and a worker killed mid-write its temporary PDF: a later build removes them once they
    are an hour old. A fresh one may be a build running right now (on this machine or another
    sharing the folder) and stays."""
    cache = project / CACHE_DIR
    stale = [cache / ".batch-k2j4l1.pickle", cache / f".{_cached(project).name}.x8d7_a.tmp"]
    fresh = [cache / ".batch-9fq0zz.pickle", cache / f".{_cached(project).name}.p0o9i8.tmp"]
    for path in stale + fresh:
        path.write_bytes(b"\x80" * 1000)
    for path in stale:
        os.utime(path, (time.time() - 2 * 3600,) * 2)
    unused = cache / "gone.pl.0123456789abcdef01234567.pdf"
    shutil.copy(_cached(project), unused)
    os.utime(unused, (time.time() - 31 * DAY,) * 2)
    pdfs, problems = _build(project, tmp_path / "site")
    assert problems == [] and pdfs.made == 0
    assert sorted(p.name for p in cache.iterdir()) == sorted([_cached(project).name, *(p.name for p in fresh)])


def test_two_builds_at_once_into_one_project(project: Path, tmp_path: Path) -> None:
    """Both make the same new PDF at the same time (each removes only its own batch files, and
    writes the PDF in one step): both sites get it whole, the cache holds it once."""
    _change_checklist(project)
    catalogue, _ = load(project, project / "playbooks")
    builds = [SitePdfs(project, project / "templates", project / "content", workers=1) for _ in range(2)]
    for pdfs in builds:
        pdfs.start(catalogue, "pl")
    for index, pdfs in enumerate(reversed(builds)):
        assert pdfs.finish(tmp_path / f"s{index}") == [] and pdfs.made == 1
    for index in range(2):
        assert "Poznaj cały zespół." in " ".join(pdf_pages(tmp_path / f"s{index}" / "checklists" / "first.pdf"))
    assert len(list((project / CACHE_DIR).glob("first.pl.*.pdf"))) == 2  # the old version and the new
    assert list((project / CACHE_DIR).glob(".*")) == []


# -- moving the cache --------------------------------------------------------------------------


def test_playbook_cache_dir_moves_the_cache(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cache_folder(project) == project / CACHE_DIR
    monkeypatch.setenv("PLAYBOOK_CACHE_DIR", "  ")
    assert cache_folder(project) == project / CACHE_DIR, "an empty setting is no setting"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PLAYBOOK_CACHE_DIR", "ci-cache")
    assert cache_folder(project) == tmp_path / "ci-cache" / "pdf", "relative to where it runs"
    # a CI job restores its cache folder: the PDFs are taken from there, nothing is made
    shutil.move(project / ".cache" / "playbook", tmp_path / "ci-cache")
    pdfs, problems = _build(project, tmp_path / "site")
    assert problems == [] and pdfs.made == 0
    assert whole_pdf(tmp_path / "site" / "checklists" / "first.pdf")
    assert not (project / CACHE_DIR).exists()
    _change_checklist(project)
    pdfs, problems = _build(project, tmp_path / "site")
    assert problems == [] and pdfs.made == 1
    assert len(list((tmp_path / "ci-cache" / "pdf").glob("first.pl.*.pdf"))) == 2
    assert not (project / CACHE_DIR).exists()
