"""The words readers search for that a page does not spell out, without a browser.

- ``keywords`` of a definition (per language): checked like every field, indexed as ranked
  metadata and as exact-match words;
- a hyphenated name is also the name written without its hyphen ("Lead hand-off": "lead handoff");
- a team is also a "dział" / "department";
- a Polish word whose consonant softened before ``-e`` has a second stem ("kwocie": "kwot").
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from generator.catalogue import load
from generator.cli import main
from generator.search.facets import Facets
from generator.search.index import EXACT, META_WEIGHTS, exact_words, index_copy
from generator.search.polish import ALTERNATIONS, alternative, stem
from generator.search.site import SiteSearch
from generator.search.ui import ui_config
from tests.projects import GOAL, make_project

EXAMPLE = Path(__file__).resolve().parent.parent
ARTICLE = '<article class="md-content__inner"><h1>Miesięczna kwota</h1><p>Tekst.</p></article>'


def run_check(root: Path) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["--project", str(root), "check"])
    return code, err.getvalue()


def goal_with(keywords: str) -> str:
    return GOAL.format(id="g2", team="marketing") + keywords


def test_keywords_are_checked_like_every_field_with_file_line_and_column(tmp_path: Path) -> None:
    root = make_project(tmp_path, {
        "playbooks/goals/g2.yaml": goal_with("keywords:\n  pl: [KPI, '']\n  de: [Kennzahl]\n"),
        "playbooks/goals/g3.yaml": goal_with("keywords: KPI\n").replace("id: g2", "id: g3"),
        "playbooks/goals/g4.yaml": goal_with("keywords:\n  en: KPI\n").replace("id: g2", "id: g4"),
    })
    code, err = run_check(root)
    assert code == 1
    lines = err.strip().splitlines()
    assert "playbooks/goals/g2.yaml:15:13: keywords.pl[1]: must not be empty or only spaces." in lines, err
    assert ("playbooks/goals/g2.yaml:16:3: keywords.de: unknown field 'de'. The fields allowed here are: "
            "en, pl.") in lines, err
    assert ("playbooks/goals/g3.yaml:14:11: keywords: expected a list of words like [KPI, onboarding], "
            "or a list per language like {pl: [KPI, wdrożenie], en: [KPI, onboarding]}.") in lines, err
    assert any(line.startswith("playbooks/goals/g4.yaml:15:7: keywords.en: expected a list") for line in lines), err
    assert lines[-1] == "Found 4 errors in 3 files."


def test_valid_keywords_pass_and_are_kept_per_language(tmp_path: Path) -> None:
    root = make_project(tmp_path, {
        "playbooks/goals/g2.yaml": goal_with("keywords: {pl: [KPI, wskaźnik], en: [KPI, key metric]}\n"),
    })
    assert run_check(root) == (0, "")
    entry = load(root, root / "playbooks")[0].get("g2")
    assert entry is not None
    assert entry.definition.keywords_every("pl") == ["KPI", "wskaźnik", "key metric"]
    assert entry.definition.keywords_every("en") == ["KPI", "key metric", "wskaźnik"]


def test_one_list_of_keywords_serves_both_languages(tmp_path: Path) -> None:
    """Like tags: a reader of either site searches by them, so one list is the common case."""
    root = make_project(tmp_path, {"playbooks/goals/g2.yaml": goal_with("keywords: [KPI, onboarding, KPI]\n")})
    assert run_check(root) == (0, "")
    entry = load(root, root / "playbooks")[0].get("g2")
    assert entry is not None
    assert entry.definition.keywords_every("pl") == entry.definition.keywords_every("en") == ["KPI", "onboarding"]


def test_keywords_are_ranked_metadata_and_exact_match_words() -> None:
    copy = index_copy(ARTICLE, "Miesięczna kwota", Facets("Cel"), (), "pl",
                      keywords=["KPI", "wskaźnik", "nowy pracownik"])
    assert copy is not None
    assert '<span data-pagefind-meta="keywords:KPI · wskaźnik · nowy pracownik"></span>' in copy
    assert '<span data-pagefind-meta="rank_keywords:kpi wskaźnik nowy pracownik"></span>' in copy
    assert f'data-pagefind-meta="{EXACT}:qxmiesieczn0kwot0t qxkpi0t qxwskaznik0t qxnow0pracownik0t"' in copy
    # ranked like a title, not like a mere mention; as written, for the search box only
    assert META_WEIGHTS["title"] > META_WEIGHTS["rank_keywords"] > META_WEIGHTS["rank_about"]
    assert META_WEIGHTS["keywords"] == 0
    assert ui_config("pl")["metaWeights"]["rank_keywords"] == META_WEIGHTS["rank_keywords"]


def test_the_example_definitions_give_their_keywords_to_the_index() -> None:
    catalogue, _ = load(EXAMPLE, EXAMPLE / "playbooks")
    search = SiteSearch(catalogue, "pl", index=False)
    goal = search._facts("goals/quarterly-revenue.md", "goals/quarterly-revenue/", "Przychód kwartalny",
                         {"playbook": {"kind": "goal", "id": "quarterly-revenue"}})
    assert goal.keywords[:2] == ("KPI", "wskaźnik") and "key performance indicator" in goal.keywords
    listing = search._facts("goals/index.md", "goals/", "Cele", {"playbook": {"kind": "index"}})
    assert listing.keywords == ()


def test_a_hyphenated_name_is_also_its_name_without_the_hyphen() -> None:
    assert exact_words("", ["Lead hand-off"], "pl") == ["qxlead0hand0off0n", "qxlead0handoff0n"]
    assert exact_words("E-mail marketing", (), "en") == ["qxe0mail0marketing0t", "qxemail0marketing0t"]
    assert exact_words("Plan 2026-2027", (), "en") == ["qxplan02026020270t"]  # digits: not joined


@pytest.mark.parametrize(("lang", "words"), [("pl", ["Zespół", "dział"]), ("en", ["Team", "department"])])
def test_a_team_is_also_its_department(lang: str, words: list[str]) -> None:
    catalogue, _ = load(EXAMPLE, EXAMPLE / "playbooks")
    search = SiteSearch(catalogue, lang, index=False)
    title = "Sprzedaż" if lang == "pl" else "Sales"
    key = search._facts("teams/sales.md", "teams/sales/", title, {"playbook": {"kind": "team", "id": "sales"}})
    for word in words:
        assert f"{word} {title}" in key.aliases and f"{title} {word}" in key.aliases, key.aliases
    exact = exact_words(title, (), lang, key.aliases)
    wanted = "qxdzial0sprzedaz0t" if lang == "pl" else "qxsal0department0t"
    assert wanted in exact, exact


@pytest.mark.parametrize(
    ("word", "other"),
    [
        ("kwocie", "kwot"), ("ofercie", "ofert"), ("metodzie", "metod"), ("strukturze", "struktur"),
        ("marce", "mark"), ("drodze", "drog"), ("KWOCIE", "kwot"),
        # a stem of three letters (woda, data, ręka), and "st" softened to "ść" (lista)
        ("wodzie", "wod"), ("dacie", "dat"), ("ręce", "ręk"), ("liście", "list"),
        # so also a word ending so by itself: searched only when its own stem finds nothing
        ("życie", "żyt"), ("morze", "mor"),
        # no other stem: too short, or not such an ending
        ("kwota", None), ("umowie", None), ("cie", None), ("gdzie", None),
        # a vowel the other forms lack, before "ł" as written (źródło, źródeł; węzeł, węzła),
        # not before "l" in a word written with Polish letters ("kąpiel")
        ("źródeł", "źródł"), ("Węzeł", "węzł"), ("kąpiel", None), ("żel", None),
        # typed without Polish letters, "el" may be "eł" ("zrodel" is "źródeł"): so also a word
        # ending so by itself, searched only when its own stem finds nothing ("model")
        ("zrodel", "zrodl"), ("WEZEL", "wezl"), ("model", "modl"), ("hotel", "hotl"), ("cel", None),
    ],
)
def test_a_softened_consonant_gives_the_other_stem(word: str, other: str | None) -> None:
    assert alternative(word) == other
    if other is not None:
        assert stem(other) == other  # searched as is: the stem of "kwota", "oferta"
        assert stem({"kwot": "kwota", "ofert": "oferty", "metod": "metodą", "struktur": "struktura",
                     "mark": "marki", "drog": "drogi", "źródł": "źródła", "węzł": "węzła", "zrodl": "zrodla",
                     "wezl": "wezla", "modl": "modli", "hotl": "hotle", "wod": "woda",
                     "dat": "daty", "ręk": "ręka",
                     "list": "listy", "żyt": "żyto", "mor": "mory"}[other]) == other


def test_the_browser_gets_the_alternations_on_the_polish_site_and_for_polish_words_on_the_english_one() -> None:
    """The English site has no Polish stemmer, but searches a Polish word by its Polish stem, and
    by its other stem ("źródeł": "źródł"), with the same rules (see polishQuery in search.js)."""
    assert ui_config("pl")["stemmer"]["alternations"] == [list(a) for a in ALTERNATIONS]
    assert ui_config("en")["stemmer"] is None
    for key in ("alternations", "writtenAlternations"):
        assert ui_config("en")["polishForms"][key] == ui_config("pl")["stemmer"][key]
    assert ui_config("pl")["polishForms"] is None
