"""The example site, built for real: ``mkdocs build --strict`` and ``playbook build``."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.catalogue import load

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


def tree_hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PLAYBOOK_TODAY": "2026-11-27"}
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, timeout=300)


def html_root(site: Path) -> Path:
    """The folder of the default-language site (``site/`` or ``site/pl/``)."""
    return site / "pl" if (site / "pl" / "index.html").exists() else site


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site") / "out"
    before = tree_hashes(ROOT / "content")
    result = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], ROOT)
    assert result.returncode == 0, result.stderr
    assert tree_hashes(ROOT / "content") == before, "the build wrote into content/"
    return site


def test_strict_mkdocs_build_has_a_page_per_definition(built: Path) -> None:
    catalogue, _ = load(ROOT, ROOT / "playbooks")
    assert len(catalogue) > 20
    for entry in catalogue.entries.values():
        page = built / type(entry.definition).SECTION / entry.id / "index.html"
        assert page.is_file(), page
        html = page.read_text(encoding="utf-8")
        title = entry.definition.title
        assert str(getattr(title, "pl", None) or title) in html


def test_index_and_comparison_pages(built: Path) -> None:
    comparison = (built / "comparison" / "index.html").read_text(encoding="utf-8")
    assert "Sprzedaż a marketing" in comparison
    assert "Marketing" in comparison and "Sprzedaż" in comparison
    for section in ("teams", "processes", "goals", "strategies", "checklists", "slas", "playbooks"):
        assert (built / section / "index.html").is_file()


def test_navigation_lists_sections_not_every_definition(built: Path) -> None:
    html = (built / "goals" / "qualified-leads" / "index.html").read_text(encoding="utf-8")
    start = html.index('md-sidebar--primary')
    nav = html[start : html.index("md-sidebar--secondary", start)]
    assert "Cele" in nav
    assert "brand-awareness" not in nav, "every definition is listed in every page's navigation"


def test_process_page_has_a_local_mermaid_diagram(built: Path) -> None:
    html = (built / "processes" / "lead-handoff" / "index.html").read_text(encoding="utf-8")
    assert 'class="mermaid"' in html
    assert "flowchart TB" in html
    assert 'src="../../assets/playbook/vendor/mermaid.min.js"' in html
    assert (built / "assets" / "playbook" / "vendor" / "mermaid.min.js").is_file()


def test_heading_links_are_titled_in_the_pages_language(built: Path) -> None:
    html = (built / "comparison" / "index.html").read_text(encoding="utf-8")
    assert 'class="headerlink" href="#' in html
    assert 'title="Link do tego fragmentu strony"' in html and "Permanent link" not in html
    # Material's footer speaks the page's language too.
    assert "Zbudowano przy użyciu" in html and "Made with" not in html
    # Polish ł stays as l in anchors ("Zespoły" -> #zespoly, not #zespoy).
    teams = (built / "teams" / "index.html").read_text(encoding="utf-8")
    assert 'id="zespoly"' in teams and 'id="zespoy"' not in teams


def test_pages_load_nothing_from_other_hosts(built: Path) -> None:
    """An internal site works offline and tells no one of its readers: no fonts, scripts, styles
    or images from the internet (Material loads Google Fonts unless ``theme.font`` is false)."""
    fetched = re.compile(r"<(?:link|script|img|iframe|source)\b[^>]*\b(?:href|src)=\"?(?:https?:)?//", re.I)
    pages = sorted(built.rglob("*.html"))
    assert len(pages) > 40
    remote = [p.relative_to(built).as_posix() for p in pages if fetched.search(p.read_text(encoding="utf-8"))]
    assert remote == []


def test_edit_link_points_at_the_yaml_file(tmp_path: Path, example_copy: Path) -> None:
    config = example_copy / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + "repo_url: https://git.example.com/revops/playbook\nedit_uri: edit/main/content/\n",
        encoding="utf-8",
    )
    site = tmp_path / "s"
    result = run([sys.executable, "-m", "mkdocs", "build", "-d", str(site)], example_copy)
    assert result.returncode == 0, result.stderr
    html = (site / "goals" / "qualified-leads" / "index.html").read_text(encoding="utf-8")
    assert "https://git.example.com/revops/playbook/edit/main/playbooks/goals/qualified-leads.yaml" in html


def test_failed_build_keeps_previous_site_and_content(example_copy: Path) -> None:
    site = example_copy / "site"
    first = run([sys.executable, "-m", "generator.cli", "build"], example_copy)
    assert first.returncode == 0, first.stderr
    before_site, before_content = tree_hashes(site), tree_hashes(example_copy / "content")
    assert before_site
    broken = example_copy / "playbooks" / "goals" / "qualified-leads.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("team: marketing", "team: nobody"))
    second = run([sys.executable, "-m", "generator.cli", "build"], example_copy)
    assert second.returncode == 1
    assert "Traceback" not in second.stderr
    assert "playbooks/goals/qualified-leads.yaml:" in second.stderr
    assert second.stderr.strip().splitlines()[-1] == "Found 1 error in 1 file."
    assert tree_hashes(site) == before_site
    assert tree_hashes(example_copy / "content") == before_content


def test_generated_page_colliding_with_a_hand_written_one(example_copy: Path, tmp_path: Path) -> None:
    (example_copy / "content" / "goals").mkdir()
    (example_copy / "content" / "goals" / "qualified-leads.md").write_text("# Mine\n")
    result = run([sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "s")], example_copy)
    assert result.returncode == 1
    assert (
        "content/goals/qualified-leads.md:1:1: this hand-written page has the same address "
        "(goals/qualified-leads.md) as the page generated from "
        "playbooks/goals/qualified-leads.yaml: rename or move the hand-written page."
    ) in result.stderr
    assert (example_copy / "content" / "goals" / "qualified-leads.md").read_text() == "# Mine\n"


def test_every_file_at_a_generated_address_is_a_collision(example_copy: Path, tmp_path: Path) -> None:
    """MkDocs writes goals/x/index.md, goals/x/README.md and goals.md (for goals/) where it
    writes the generated goals/x.md and goals/index.md: each would vanish from the site."""
    content = example_copy / "content"
    taken = ["goals.md", "goals/qualified-leads/index.md", "teams/sales/README.md",
             "teams/marketing/index.en.md"]
    for rel in taken:
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_text("# Mine\n")
    check = run([sys.executable, "-m", "generator.cli", "check"], example_copy)
    assert check.returncode == 1
    reported = sorted(line.split(":", 1)[0] for line in check.stderr.splitlines() if "same address" in line)
    assert reported == sorted(f"content/{rel}" for rel in taken)
    assert check.stderr.strip().splitlines()[-1] == f"Found {len(taken)} errors in {len(taken)} files."
    # The plugin finds them by where MkDocs writes them (plain mkdocs build, no pre-check).
    result = run([sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "s")], example_copy)
    assert result.returncode == 1
    assert ("content/goals/qualified-leads/index.md:1:1: this hand-written page has the same address "
            "(goals/qualified-leads.md) as the page generated from playbooks/goals/qualified-leads.yaml"
            ) in result.stderr
    assert "content/goals.md:1:1: this hand-written page has the same address (goals/index.md)" in result.stderr


def test_a_file_where_a_checklist_pdf_goes_is_a_collision(example_copy: Path, tmp_path: Path) -> None:
    (example_copy / "content" / "checklists").mkdir()
    (example_copy / "content" / "checklists" / "new-sales-rep.pdf").write_bytes(b"%PDF-1.4 mine")
    result = run([sys.executable, "-m", "generator.cli", "build", "--site-dir", str(tmp_path / "s")],
                 example_copy)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-2:] == [
        "content/checklists/new-sales-rep.pdf:1:1: this file has the same address "
        "(checklists/new-sales-rep.pdf) as the blank PDF of playbooks/checklists/new-sales-rep.yaml, "
        "made by the build: rename or move the file.",
        "Found 1 error in 1 file.",
    ]
    assert not (tmp_path / "s").exists()


def test_english_setting_switches_content_language(example_copy: Path, tmp_path: Path) -> None:
    config = example_copy / "mkdocs.yml"
    # theme.language only: default_language (content/x.md's language) stays pl
    config.write_text(config.read_text(encoding="utf-8").replace("\n  language: pl", "\n  language: en"))
    result = run([sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "s")], example_copy)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "s" / "comparison" / "index.html").read_text(encoding="utf-8")
    assert "Sales vs Marketing" in html
    home = (tmp_path / "s" / "index.html").read_text(encoding="utf-8")
    assert 'lang="en"' in home
    assert "Sales and marketing — playbook" in home and "Sprzedaż i marketing" not in home
