"""The loader's cache and its worker processes: the same catalogue, less work.

A second load parses nothing; an edit re-parses that file only; a deleted file leaves the cache;
loading in several processes gives exactly what one process gives. Also the helpers that make
planning cheap (``pages.relative``, ``Catalogue.of_kind``) against the slow originals.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import shutil
import threading
from pathlib import Path

import pytest

from generator import catalogue as catalogue_module
from generator.catalogue import Loader, shared_loader
from generator.pages import relative

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "playbooks", tmp_path / "playbooks")
    return tmp_path


def _summary(loader: Loader) -> tuple[list[str], list[str], dict[str, list[str]]]:
    cat, problems = loader.load(TODAY)
    refs = {k: sorted(e.id for e, _loc in v) for k, v in cat.referrers.items()}
    return sorted(cat.entries), [p.format() for p in problems], refs


def test_a_second_load_parses_nothing_and_an_edit_parses_one_file(project: Path) -> None:
    loader = Loader(project, project / "playbooks")
    first = _summary(loader)
    count = loader.files_read
    assert count == len(list((project / "playbooks").rglob("*.yaml")))
    assert _summary(loader) == first
    assert loader.files_read == count

    path = project / "playbooks" / "goals" / "qualified-leads.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("target: 400", "target: 450"), encoding="utf-8")
    cat, _ = loader.load(TODAY)
    assert loader.files_read == count + 1
    assert cat.entries["qualified-leads"].definition.target == 450  # type: ignore[attr-defined]


def test_a_deleted_file_leaves_the_catalogue_and_the_cache(project: Path) -> None:
    loader = Loader(project, project / "playbooks")
    loader.load(TODAY)
    (project / "playbooks" / "goals" / "qualified-leads.yaml").unlink()
    cat, problems = loader.load(TODAY)
    assert "qualified-leads" not in cat.entries
    assert "playbooks/goals/qualified-leads.yaml" not in loader._cache
    # whatever referred to it is now reported, as in a fresh load
    assert [p.format() for p in problems] == [p.format() for p in Loader(project, project / "playbooks").load(TODAY)[1]]


def test_worker_processes_give_the_same_catalogue(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pooled_runs: list[int] = []
    original = catalogue_module._run_pooled

    def spy(jobs: list[catalogue_module._Job], workers: int, progress: catalogue_module.ProgressFn | None) -> object:
        found = original(jobs, workers, progress)
        pooled_runs.append(len(found or []))
        return found

    monkeypatch.setattr(catalogue_module, "_run_pooled", spy)
    serial = Loader(project, project / "playbooks", workers=1)
    pooled = Loader(project, project / "playbooks", workers=2)
    assert _summary(pooled) == _summary(serial)
    assert pooled.files_read == serial.files_read
    if threading.active_count() == 1:
        assert pooled_runs == [serial.files_read]  # the pool did the work, once
    else:  # other tests left threads running: forking then is unsafe, so the loader must not
        assert pooled_runs == []


def test_worker_processes_report_errors_like_one_process(project: Path) -> None:
    path = project / "playbooks" / "goals" / "qualified-leads.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("team: marketing", "team: marketingg"), encoding="utf-8")
    broken = project / "playbooks" / "goals" / "broken.yaml"
    broken.write_text("kind: goal\nid: broken\ntitle: [unclosed\n", encoding="utf-8")
    assert _summary(Loader(project, project / "playbooks", workers=2)) == _summary(
        Loader(project, project / "playbooks", workers=1)
    )


def test_one_process_unless_asked_and_only_for_a_large_project(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PLAYBOOK_WORKERS", raising=False)
    loader = Loader(project, project / "playbooks")
    large = catalogue_module.PARALLEL_MIN_FILES
    assert loader._workers_for(large * 10) == 1
    monkeypatch.setenv("PLAYBOOK_WORKERS", "3")
    assert loader._workers_for(large) == 3
    assert loader._workers_for(large - 1) == 1
    assert Loader(project, project / "playbooks", workers=2)._workers_for(5) == 2


def test_one_shared_loader_per_project(project: Path) -> None:
    a = shared_loader(project, project / "playbooks")
    b = shared_loader(project / "." , project / "playbooks" / ".." / "playbooks")
    assert a is b
    assert shared_loader(project, project / "other") is not a


def test_progress_is_reported_while_files_are_parsed(project: Path) -> None:
    seen: list[tuple[int, int]] = []
    Loader(project, project / "playbooks").load(TODAY, progress=lambda done, total: seen.append((done, total)))
    total = len(list((project / "playbooks").rglob("*.yaml")))
    assert seen[-1] == (total, total)
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)


def test_of_kind_is_sorted_and_follows_new_entries(project: Path) -> None:
    cat, _ = Loader(project, project / "playbooks").load(TODAY)
    goals = cat.of_kind("goal")
    assert [e.id for e in goals] == sorted(e.id for e in cat.entries.values() if e.kind == "goal")
    goals.clear()  # the caller's copy: the catalogue's own list is untouched
    assert cat.of_kind("goal")
    extra = cat.of_kind("team")[0]
    cat.entries["zz-extra"] = extra
    assert len(cat.of_kind("team")) == len([e for e in cat.entries.values() if e.kind == "team"])


@pytest.mark.parametrize(
    ("target", "start"),
    [
        ("goals/a.md", "processes"), ("goals/a.md", "goals"), ("comparison.md", ""),
        ("goals/a.md", ""), ("teams/x.md", "a/b"), ("a/b/c.md", "a/b"), ("a/b/c.md", "a/x"),
        ("index.md", "a"), ("a/index.md", "a"), ("a/b.md", "a/b"),
    ],
)
def test_relative_links_match_posixpath(target: str, start: str) -> None:
    assert relative(target, start) == posixpath.relpath(target, start or ".")
