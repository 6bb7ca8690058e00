"""A smoke run of the benchmark (``bench/run.py``) at N=20: every figure is there and sane.

No timing is asserted (CI machines vary); what is asserted is what the figures mean: the serve
rebuild re-read exactly the edited file and shows the change, the navigation has one entry per
section rather than per definition, the build is quiet when not on a terminal.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bench.run import KEYS, table, targets
from bench.synth import counts, definitions, needle_page

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
N = 20


@pytest.fixture(scope="module")
def smoke(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], str, Path]:
    work = tmp_path_factory.mktemp("bench")
    out = work / "bench.json"
    done = subprocess.run(
        [sys.executable, "bench/run.py", "--sizes", str(N), "--repeat", "1", "--search", "estimate",
         "--pdf", "off", "--warm-up-to", "0", "--json", str(out), "--work", str(work / "runs")],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(rows, list) and len(rows) == 1
    return rows[0], done.stdout, work / "runs" / f"n{N}"


def test_every_key_is_reported(smoke: tuple[dict[str, Any], str, Path]) -> None:
    row, _stdout, _work = smoke
    assert [k for k in KEYS if k not in row] == []
    assert row["n"] == N
    for key in ("load_validate_s", "c_loader_parse_s", "plan_s", "build_s", "floor_build_s",
                "serve_change_s", "cold_build_s"):
        assert isinstance(row[key], float) and row[key] > 0, key
    for key in ("load_over_c_parse", "build_over_floor", "serve_change_over_cold"):
        assert row[key] > 0, key


def test_figures_are_sane(smoke: tuple[dict[str, Any], str, Path]) -> None:
    row, _stdout, _work = smoke
    assert row["files"] == N and row["definitions"] == N
    languages = row["languages"]
    # every definition has a page in every language, plus the section lists and hand-written pages
    assert row["pages"] > N * len(languages)
    assert row["floor_pages"] >= row["pages"] - 5 * len(languages)
    assert 1_000 < row["site_bytes_per_page"] < 1_000_000
    assert 0 < row["first_search_bytes"] < row["site_bytes"]
    assert 10 < row["peak_rss_mb"] < 4096
    assert row["yaml_bytes"] > N * 800  # one to two kilobytes per definition


def test_serve_rereads_only_the_edited_file_and_shows_it(smoke: tuple[dict[str, Any], str, Path]) -> None:
    row, _stdout, _work = smoke
    assert row["files_read_cold"] == N
    assert row["files_read_on_change"] == 1
    assert row["change_shown"] is True


def test_navigation_has_sections_not_definitions(smoke: tuple[dict[str, Any], str, Path]) -> None:
    row, _stdout, _work = smoke
    assert row["nav_entries"] < N  # a nav listing every definition would have more


def test_the_build_is_quiet_when_not_on_a_terminal(smoke: tuple[dict[str, Any], str, Path]) -> None:
    _row, _stdout, work = smoke
    log = (work / "log.txt").read_text(encoding="utf-8")
    assert "generator.cli" in log and "build" in log
    assert "\x1b[K" not in log and "\r" not in log


def test_the_table_and_the_targets_are_printed(smoke: tuple[dict[str, Any], str, Path]) -> None:
    row, stdout, _work = smoke
    rows = [line.split("|") for line in stdout.splitlines() if line.startswith("|")]
    assert rows[0][1].strip() == "N" and "load+val s" in rows[0][2]
    assert [r[1].strip() for r in rows[2:]] == [str(N)]
    assert "one-field change re-read 1 file(s)" in stdout
    assert table([row]).count("\n") == 2
    assert any("load+validate" in text for _ok, text in targets([row]))


def test_the_synthetic_project_has_every_kind_and_its_references() -> None:
    from generator.models import KINDS

    wanted = counts(1000)
    assert sum(wanted.values()) == 1000
    assert set(wanted) == set(KINDS)
    data = definitions(60)
    kinds = {d["kind"] for d in data.values()}
    assert kinds == set(KINDS)
    ids = {d["id"] for d in data.values()}
    process = next(d for d in data.values() if d["kind"] == "process")
    assert process["team"] in ids
    assert needle_page(60).startswith("processes/process-")
