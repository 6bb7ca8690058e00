"""The example site's pages read as a copy editor wants them, in Polish and in English: words
that start a paragraph start with a capital letter, and each language's pages carry its own tags."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.catalogue import Catalogue, load
from generator.pages import plan

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    found, _problems = load(ROOT, ROOT / "playbooks", TODAY)
    return found


@pytest.fixture(scope="module")
def pages(catalogue: Catalogue) -> dict[str, dict[str, str]]:
    return {lang: {p.path: p.markdown for p in plan(catalogue, lang, None, TODAY)} for lang in ("pl", "en")}


@pytest.mark.parametrize(("lang", "prospects", "horizon"), [
    ("pl", "**Znane kontakty, obecni klienci.** Wąsko:", "**Wąski; miesiąc, kwartał.** Sprzedaż"),
    ("en", "**Known contacts, existing customers.** Narrow:", "**Focused; month, quarter.** Sales"),
])
def test_a_team_s_prospects_and_horizon_start_their_paragraph_with_a_capital(
        pages: dict[str, dict[str, str]], lang: str, prospects: str, horizon: str) -> None:
    # "**znane kontakty, obecni klienci.** Wąsko: ..." opened a paragraph in lower case
    team = pages[lang]["teams/sales.md"]
    assert f"\n{prospects}" in team and f"\n{horizon}" in team
    comparison = pages[lang]["comparison.md"]
    assert f"| {prospects}" in comparison and f"| {horizon}" in comparison


def _tags(page: str) -> list[str]:
    head = page.split("---\n")[1]
    found = re.search(r"^tags:\n((?:- .*\n)+)", head, re.M)
    return [line[2:] for line in found.group(1).splitlines()] if found else []


def test_the_example_s_polish_pages_carry_polish_tags(pages: dict[str, dict[str, str]]) -> None:
    assert _tags(pages["pl"]["goals/monthly-sales-quota.md"]) == ["sprzedaż", "kwota sprzedaży"]
    assert _tags(pages["en"]["goals/monthly-sales-quota.md"]) == ["sales", "quota"]
    english = {tag for page in pages["en"].values() for tag in _tags(page)}
    polish = {tag for page in pages["pl"].values() for tag in _tags(page)}
    # words the two languages share (marketing, blog, online, networking) and nothing else
    assert polish & english == {"marketing", "blog", "online", "networking"}


def test_one_topic_is_one_tag(pages: dict[str, dict[str, str]]) -> None:
    # "campaign" on four pages and "campaigns" on one: two tags, each listing part of the pages
    for lang in ("pl", "en"):
        tags = {tag for page in pages[lang].values() for tag in _tags(page)}
        assert not {t for t in tags if t + "s" in tags}, lang
