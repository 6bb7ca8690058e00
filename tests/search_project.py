"""The project the search and language tests build: the example plus a few things only tests need.

A goal with texts given in Polish only, a hand-written page in Polish only and one in English only
(so both sites show a fallback), and no checklist PDFs (their own tests make them; here they only
cost time). The fixtures that build and serve it are in :mod:`tests.search_site`.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from generator.errors import UserError
from generator.project import settings_from

EXAMPLE = Path(__file__).resolve().parent.parent
TODAY = "2026-01-15"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

UNTRANSLATED_GOAL = """\
kind: goal
id: untranslated-goal
title:
  pl: Cel bez tłumaczenia
  en: Untranslated goal
summary:
  pl: Cel, którego miara jest tylko po polsku.
  en: A goal whose metric is in Polish only.
owner: tests
review_by: 2027-06-30
team: sales
statement:
  pl: Zespół sprzedaży zamyka kwartał z nadwyżką.
  en: The sales team closes the quarter ahead of plan.
metric:
  pl: Liczba umów podpisanych w kwartale ponad plan.
target: 3
unit: deals
period: quarter
goal_type: quota
"""

ONLY_POLISH = """\
---
title: Strona tylko po polsku
---

# Strona tylko po polsku

Ta strona nie ma wersji angielskiej. Zobacz [zespół sprzedaży](teams/sales.md).
"""

ONLY_ENGLISH = """\
---
title: English-only page
---

# English-only page

This page has no Polish version. See the [sales team](teams/sales.md).
"""


@dataclass(frozen=True)
class Built:
    project: Path
    site: Path


def make_project(dest: Path) -> Path:
    """A copy of the example project with the additions above."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "content", "playbooks", "templates"):
        source = EXAMPLE / name
        if source.is_dir():
            shutil.copytree(source, dest / name)
        elif source.is_file():
            shutil.copy(source, dest / name)
    config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    if _knows_option("pdf"):
        config = config.replace("      default_language: pl\n", "      default_language: pl\n      pdf: false\n")
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    (dest / "playbooks" / "goals" / "untranslated-goal.yaml").write_text(UNTRANSLATED_GOAL, encoding="utf-8")
    (dest / "content" / "only-polish.md").write_text(ONLY_POLISH, encoding="utf-8")
    (dest / "content" / "only-english.en.md").write_text(ONLY_ENGLISH, encoding="utf-8")
    return dest


def _knows_option(name: str) -> bool:
    try:
        settings_from({name: False}, None)
    except UserError:
        return False
    return True
