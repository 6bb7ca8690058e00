"""The example site's pages read as a copy editor wants them, in Polish and in English: words
that start a paragraph start with a capital letter, and each language's pages carry its own tags."""

from __future__ import annotations

import datetime as dt
import re
import shutil
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


_BOLD_LABEL = re.compile(r"\*\*([^*]+?):?\*\*")


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_a_goal_page_says_each_label_once(pages: dict[str, dict[str, str]], lang: str) -> None:
    # "**Cel** · ..." above and "- **Cel:** W każdym kwartale ..." below: the same word twice
    goals = [path for path in pages[lang] if path.startswith("goals/") and path != "goals/index.md"]
    assert len(goals) == 8
    for path in goals:
        body = pages[lang][path].split("\n---\n", 1)[1]
        labels = [found.group(1) for found in _BOLD_LABEL.finditer(body)]
        assert len(labels) == len(set(labels)), (path, labels)
    assert "\n- **Co chcemy osiągnąć:** W każdym kwartale" in pages["pl"]["goals/qualified-leads.md"]
    assert "\n- **What we aim for:** Every quarter" in pages["en"]["goals/qualified-leads.md"]


@pytest.mark.parametrize(("lang", "label", "items"), [
    ("pl", "Wejście", ["Nowy kontakt w CRM", "Definicja leada z SLA"]),
    ("en", "Takes in", ["New contact in the CRM", "Lead definition from the SLA"]),
])
def test_a_step_s_several_inputs_are_a_list_and_one_stays_beside_its_label(
        pages: dict[str, dict[str, str]], lang: str, label: str, items: list[str]) -> None:
    # "**Wejście:** Nowy kontakt w CRM; Definicja leada z SLA": capitalised items in one sentence
    page = pages[lang]["processes/lead-handoff.md"]
    assert f"\n**{label}:**\n\n- {items[0]}\n- {items[1]}\n\n" in page
    assert f"\n**{label}:** {'Lead MQL' if lang == 'pl' else 'MQL'}\n" in page
    for path, markdown in pages[lang].items():
        if path.startswith("processes/"):
            joined = re.findall(r"^\*\*[^*]+:\*\* .*; [A-ZĄĆĘŁŃÓŚŹŻ].*$", markdown, re.M)
            assert joined == [], path


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_the_comparison_lists_each_channel_once_on_a_line_of_its_own(
        tmp_path: Path, lang: str) -> None:
    """Joined with commas, the channels read as one sentence of capitalised words ("E-mail,
    LinkedIn, Czat na stronie internetowej, ..."); a channel two strategies share is said once."""
    shutil.copytree(ROOT / "playbooks", tmp_path / "playbooks")
    phone = tmp_path / "playbooks" / "strategies" / "phone-outreach.yaml"
    phone.write_text(phone.read_text(encoding="utf-8").replace(
        "channels:\n", "channels:\n  - {pl: LinkedIn, en: LinkedIn}\n", 1), encoding="utf-8")
    catalogue, problems = load(tmp_path, tmp_path / "playbooks", TODAY)
    assert [p for p in problems if p.severity == "error"] == []
    comparison = {p.path: p.markdown for p in plan(catalogue, lang, None, TODAY)}["comparison.md"]
    row = next(line for line in comparison.splitlines() if line.startswith(("| **Kanały**", "| **Channels**")))
    sales = [cell.strip() for cell in row.split("|")[1:-1]][2].split("<br>")
    expected = {"pl": ["E-mail", "LinkedIn", "Czat na stronie internetowej", "Spotkania wideo",
                       "Telefon", "Rozmowa wideo", "Konferencje i targi branżowe",
                       "Lokalne spotkania biznesowe", "Wydarzenia organizowane wspólnie z marketingiem"],
                "en": ["Email", "LinkedIn", "Website chat", "Video meetings", "Phone", "Video call",
                       "Industry conferences and trade fairs", "Local business meetups",
                       "Events run together with marketing"]}
    assert sorted(sales) == sorted(expected[lang])  # LinkedIn of both strategies: once



def _list_under(page: str, heading: str) -> str:
    return page.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_what_refers_to_a_definition_is_listed_by_kind_then_title(
    pages: dict[str, dict[str, str]], lang: str,
) -> None:
    """A team's goals and a definition's "Used in" were listed by id: "Past customers won back"
    (past-customer-reactivation) came between "Campaigns announced in advance" and
    "Marketing-qualified leads" (qualified-leads). Now by title, in the page's language, and the
    "Used in" list by kind first, in the navigation's order."""
    from generator.labels import label
    from generator.models import KINDS
    from generator.models.base import alphabetical

    goals = re.findall(r"^- \[([^\]]+)\]", _list_under(pages[lang]["teams/marketing.md"], label(lang, "goals")),
                       flags=re.MULTILINE)
    assert len(goals) >= 4, goals
    assert goals == sorted(goals, key=alphabetical)
    rank = {label(lang, kind): i for i, kind in enumerate(KINDS)}
    mixed = 0
    for path, page in pages[lang].items():
        if f"\n## {label(lang, 'used_in')}\n" not in page:
            continue
        # "- Playbook: [title](...)", or "- [title](...)" where the list has one kind
        rows = re.findall(r"^- (?:([^:\n\[]+): )?\[([^\]]+)\]", _list_under(page, label(lang, "used_in")),
                          flags=re.MULTILINE)
        assert rows, path
        assert rows == sorted(rows, key=lambda row: (rank.get(row[0], -1), alphabetical(row[1]))), (path, rows)
        mixed += len({kind for kind, _title in rows}) > 1
    assert mixed >= 3  # pages whose list holds several kinds
