"""The generated Markdown of the example project, page by page, against golden files.

Run ``pytest --update-golden`` after an intended change and review the diff of tests/golden/.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.catalogue import load
from generator.pages import plan

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden" / "pages"
TODAY = dt.date(2026, 11, 27)


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_pages_match_golden(lang: str, golden: Callable[[Path, str], None]) -> None:
    catalogue, problems = load(ROOT, ROOT / "playbooks", TODAY)
    assert [p for p in problems if p.severity == "error"] == []
    pages = plan(catalogue, lang, ROOT / "templates", TODAY)
    paths = [page.path for page in pages]
    assert len(paths) == len(set(paths)), "two pages share an address"
    for page in pages:
        golden(GOLDEN / lang / page.path, page.markdown)
    written = {p.relative_to(GOLDEN / lang).as_posix() for p in (GOLDEN / lang).rglob("*.md")}
    assert written == set(paths), "golden files for pages that are no longer generated"


def test_every_definition_has_a_page_and_every_kind_an_index() -> None:
    catalogue, _ = load(ROOT, ROOT / "playbooks", TODAY)
    paths = {page.path for page in plan(catalogue, "pl", None, TODAY)}
    for entry in catalogue.entries.values():
        assert f"{type(entry.definition).SECTION}/{entry.id}.md" in paths
    for section in ("teams", "processes", "goals", "strategies", "checklists", "slas", "playbooks"):
        assert f"{section}/index.md" in paths
    assert "comparison.md" in paths


def test_cross_links_go_both_ways() -> None:
    catalogue, _ = load(ROOT, ROOT / "playbooks", TODAY)
    pages = {page.path: page.markdown for page in plan(catalogue, "en", None, TODAY)}
    strategy = catalogue.get("online-marketing")
    assert strategy is not None
    for goal_id in strategy.definition.goals:  # type: ignore[attr-defined]
        assert f"(../goals/{goal_id}.md)" in pages["strategies/online-marketing.md"]
        assert "(../strategies/online-marketing.md)" in pages[f"goals/{goal_id}.md"]


def test_comparison_has_one_row_per_dimension() -> None:
    catalogue, _ = load(ROOT, ROOT / "playbooks", TODAY)
    pages = {page.path: page.markdown for page in plan(catalogue, "en", None, TODAY)}
    rows = [line for line in pages["comparison.md"].splitlines() if line.startswith("| **")]
    dimensions = [row.split("**")[1] for row in rows]
    assert dimensions == [
        "Mission", "Process", "Goals", "Strategies", "Channels", "Prospects", "Planning horizon"
    ]
    header = next(line for line in pages["comparison.md"].splitlines() if line.startswith("| Dim"))
    assert "[Marketing](teams/marketing.md)" in header and "[Sales](teams/sales.md)" in header


def test_overdue_definition_is_flagged_on_its_page(tmp_path: Path) -> None:
    from tests.projects import GOAL, make_project

    stale = GOAL.format(id="old", team="marketing").replace("2027-06-30", "2026-01-31")
    root = make_project(tmp_path / "p", {"playbooks/goals/old.yaml": stale})
    catalogue, problems = load(root, root / "playbooks", TODAY)
    assert [p.severity for p in problems] == ["warning"]
    pages = {page.path: page.markdown for page in plan(catalogue, "en", None, TODAY)}
    assert '!!! warning "Review overdue"' in pages["goals/old.md"]
    assert "due for review by 2026-01-31. Its owner (Anna)" in pages["goals/old.md"]
    assert "Review overdue" not in pages["goals/leads.md"]
    assert "2026-01-31 :warning:" in pages["goals/index.md"]
