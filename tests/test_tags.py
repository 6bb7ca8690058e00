"""A definition's tags: one list for every language, or a list per language, each language's
pages (front matter, Material's tag listings, search filters) showing its own words."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
from pathlib import Path

import pytest
import yaml

from generator.catalogue import load
from generator.cli import main
from generator.pages import plan
from generator.search.facets import facets_of
from tests.projects import GOAL, make_project
from tests.test_check_errors import run_check

TODAY = dt.date(2026, 11, 27)
PER_LANGUAGE = "tags: {pl: [sprzedaż, kwota], en: [sales, quota]}"


def goal(tags: str) -> str:
    return GOAL.format(id="leads", team="marketing").replace("owner: Anna\n", f"owner: Anna\n{tags}\n")


def front_tags(root: Path, lang: str) -> list[str]:
    catalogue, problems = load(root, root / "playbooks", TODAY)
    assert [p.format() for p in problems if p.severity == "error"] == []
    page = next(p for p in plan(catalogue, lang, None, TODAY) if p.path == "goals/leads.md")
    meta = yaml.safe_load(page.markdown.split("---\n")[1])
    return list(meta.get("tags", []))


@pytest.mark.parametrize(("tags", "pl", "en"), [
    (PER_LANGUAGE, ["sprzedaż", "kwota"], ["sales", "quota"]),
    ("tags: [leads, mql]", ["leads", "mql"], ["leads", "mql"]),  # the plain list keeps working
    ("tags:\n  pl: [sprzedaż]\n  en: []", ["sprzedaż"], []),
])
def test_each_language_page_carries_its_own_tags(tmp_path: Path, tags: str, pl: list[str],
                                                  en: list[str]) -> None:
    root = make_project(tmp_path / "p", {"playbooks/goals/leads.yaml": goal(tags)})
    assert (front_tags(root, "pl"), front_tags(root, "en")) == (pl, en)


def test_the_search_filters_take_the_language_s_tags(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"playbooks/goals/leads.yaml": goal(PER_LANGUAGE)})
    catalogue, _ = load(root, root / "playbooks", TODAY)
    entry = catalogue.get("leads")
    assert entry is not None
    assert facets_of(entry, catalogue, "pl").tags == ("sprzedaż", "kwota")
    assert facets_of(entry, catalogue, "en").tags == ("sales", "quota")


def test_a_language_without_tags_shows_the_other_s_and_check_names_it(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"playbooks/goals/leads.yaml": goal("tags: {pl: [sprzedaż]}")})
    assert front_tags(root, "en") == ["sprzedaż"]
    code, _out, err = run_check(root, "--translations")
    assert (code, err.splitlines()[0]) == (1, "playbooks/goals/leads.yaml:6:7: tags: missing translation: en (write it after 'en:').")


@pytest.mark.parametrize(("tags", "expected"), [
    ("tags: sales", "playbooks/goals/leads.yaml:6:7: tags: expected a list of keywords like [leads, "
     "mql], or a list per language like {pl: [sprzedaż, kwota], en: [sales, quota]}."),
    ("tags: {pl: [sprzedaż], de: [Vertrieb]}", "playbooks/goals/leads.yaml:6:24: tags.de: unknown "
     "field 'de'. The fields allowed here are: en, pl."),
    ("tags: {pl: [sprzedaż, ' ']}", "playbooks/goals/leads.yaml:6:23: tags.pl[1]: must not be "
     "empty or only spaces."),
])
def test_tags_of_the_wrong_shape_are_told_in_plain_words(tmp_path: Path, tags: str, expected: str) -> None:
    root = make_project(tmp_path / "p", {"playbooks/goals/leads.yaml": goal(tags)})
    code, _out, err = run_check(root)
    assert "Traceback" not in err
    assert (code, err.splitlines()[0]) == (1, expected)


def test_material_s_tag_listing_of_each_language_lists_its_own_words(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {
        "playbooks/goals/leads.yaml": goal(PER_LANGUAGE),
        "content/tags.md": "# Tagi\n\n<!-- material/tags -->\n",
        "content/tags.en.md": "# Tags\n\n<!-- material/tags -->\n",
    })
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - search\n", "  - search\n  - tags\n"),
                      encoding="utf-8")
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert main(["--project", str(root), "build"]) == 0
    for lang, words, others in (("pl", ["kwota", "sprzedaż"], ["quota", "sales"]),
                                ("en", ["quota", "sales"], ["kwota", "sprzedaż"])):
        listing = (root / "site" / lang / "tags" / "index.html").read_text(encoding="utf-8")
        article = re.sub(r"<[^>]+>", " ", listing.split("<article", 1)[1].split("</article>")[0])
        assert [w for w in words + others if re.search(rf"\b{w}\b", article)] == words, lang
        page = (root / "site" / lang / "goals" / "leads" / "index.html").read_text(encoding="utf-8")
        assert sorted(re.findall(r'class="md-tag[^"]*"[^>]*>\s*([^<\s]+)\s*<', page)) == words, lang
