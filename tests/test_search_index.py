"""The copy of each page that Pagefind indexes, and the facts shown with each search hit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.catalogue import load
from generator.search import index
from generator.search.facets import Facets, facets_for_page
from generator.search.html import map_text
from generator.search.index import (
    CODE_WEIGHT,
    EXACT,
    EXCLUDE,
    LISTING_WEIGHT,
    META_WEIGHTS,
    POLISH,
    STEMS,
    CopyWords,
    SearchIndexError,
    add_stem_words,
    exact_words,
    index_copy,
    page_file,
    polish_stems,
)
from generator.search.suggest import Vocabulary
from generator.search.ui import ui_config

EXAMPLE = Path(__file__).resolve().parent.parent

PAGE = """<html lang="pl"><head><title>x</title></head><body>
<nav>Menu: sprzedaż</nav>
<article class="md-content__inner md-typeset">
<h1 id="kwartal">Plan na kwartał</h1><p class="pb-meta">Źródło: x.yaml</p>
<p>Łódź i <a href="/x" title="ł">link</a>.</p><script>var ł = 1;</script>
</article>
<footer>stopka</footer></body></html>"""


def test_the_copy_keeps_only_the_article_marked_for_pagefind() -> None:
    copy = index_copy(PAGE, "Plan na kwartał", Facets("Cel", ("Sprzedaż", "Marketing"), ("quota",)),
                      ["MQL", "lead kwalifikowany"], "pl")
    assert copy is not None
    assert '<html lang="pl">' in copy
    assert '<article class="md-content__inner md-typeset" data-pagefind-body>' in copy
    assert "Menu" not in copy and "stopka" not in copy
    assert '<span data-pagefind-filter="kind:Cel"></span>' in copy
    assert '<span data-pagefind-filter="team:Sprzedaż"></span>' in copy
    assert '<span data-pagefind-filter="team:Marketing"></span>' in copy
    assert '<span data-pagefind-filter="tag:quota"></span>' in copy
    assert '<span data-pagefind-meta="team:Sprzedaż · Marketing"></span>' in copy
    assert '<span data-pagefind-meta="synonyms:MQL ¦ lead kwalifikowany"></span>' in copy


def test_glossary_names_are_searchable_metadata_not_page_text() -> None:
    """An excerpt is made of the page text: the synonyms must not be in it (nor in any language
    but the page's), and the three kinds of names rank apart."""
    copy = index_copy(PAGE, "Plan na kwartał", Facets("Pojęcie"), ["Kwota · kwota sprzedaży · quota", "SLA"],
                      "pl", names=["Plan", "plan kwartalny", "quarterly plan"], about=["Kwartał · quarter"])
    assert copy is not None
    body = copy.split("data-pagefind-body>", 1)[1]
    text = re.sub(r"<[^>]*>", " ", body)
    assert "quota" not in text and "quarter" not in text and "SLA" not in text
    assert '<span data-pagefind-meta="names:Plan · plan kwartalny · quarterly plan"></span>' in copy
    assert '<span data-pagefind-meta="about:Kwartaľ · quarter"></span>' in copy
    assert '<span data-pagefind-meta="synonyms:Kwota · kwota sprzedaży · quota ¦ SLA"></span>' in copy
    # what ranks: the same names, one form of each word
    assert '<span data-pagefind-meta="rank_names:plan kwartalny quarterly"></span>' in copy
    assert '<span data-pagefind-meta="rank_about:kwartaľ quarter"></span>' in copy
    assert '<span data-pagefind-meta="rank_synonyms:kwota sprzedaży quota sla"></span>' in copy
    assert META_WEIGHTS["rank_names"] > META_WEIGHTS["rank_about"] > META_WEIGHTS["rank_synonyms"] > 0
    assert META_WEIGHTS["names"] == META_WEIGHTS["about"] == META_WEIGHTS["synonyms"] == 0
    assert ui_config("pl")["metaWeights"] == ui_config("en")["metaWeights"] == META_WEIGHTS


def test_a_ranked_field_holds_each_word_once_whatever_its_forms() -> None:
    """Pagefind scores a field by every *different* word that matches, cubed: the term "Źródło
    leada" (names: leada, leadów, Lead) outranked the term "Lead" five times over for "lead"."""
    names = ["Źródło leada", "źródło pozyskania", "źródło leadów", "Lead source", "lead origin"]
    copy = index_copy(PAGE, "Źródło leada", Facets("Pojęcie"), (), "pl", names=names)
    assert copy is not None
    ranked = re.search(r'data-pagefind-meta="rank_names:([^"]*)"', copy)
    assert ranked is not None
    assert ranked.group(1).split() == ["źródľo", "lead", "pozyskania", "source", "origin"]


def test_the_title_and_a_terms_names_are_hidden_exact_match_words() -> None:
    copy = index_copy(PAGE, "Lead", Facets("Pojęcie"), (), "pl", names=["Lead", "kontakt sprzedażowy", "sales lead"])
    assert copy is not None
    assert f'<span data-pagefind-meta="{EXACT}:qxlead0n qxkontakt0sprzedaz0n qxsales0lead0n qxlead0t"></span>' in copy
    team = index_copy(PAGE, "Sprzedaż", Facets("Zespół"), (), "pl", aliases=["Zespół Sprzedaż", "Sales"])
    assert team is not None
    assert f'data-pagefind-meta="{EXACT}:qxsprzedaz0t qxzespol0sprzedaz0t qxsales0t"' in team
    assert exact_words("Umowy SLA", (), "pl") == exact_words("umowa SLA", (), "pl") == ["qxumow0sla0t"]
    assert exact_words("Sales reps", ["salesperson"], "en") == ["qxsalesperson0n", "qxsal0rep0t"]
    assert exact_words("", (), "pl") == [] and exact_words("—", ("...",), "en") == []
    assert META_WEIGHTS[EXACT] == 0 and ui_config("pl")["exactField"] == ui_config("en")["exactField"] == EXACT
    assert ui_config("pl")["stemmer"]["mobileE"] == [["iec", "c"], ["ek", "k"], ["eł", "l"]]


def test_a_word_with_a_fleeting_e_ranks_by_its_other_forms_stem_too() -> None:
    """"lejka" is cut to "lejk", which does not begin "Lejek": the ranked field names both."""
    copy = index_copy(PAGE, "Lejek sprzedażowy", Facets("Pojęcie"), (), "pl",
                      names=["Lejek sprzedażowy", "Handlowiec"])
    assert copy is not None
    assert '<span data-pagefind-meta="rank_names:lejek sprzedażowy handlowiec lejk handlowc"></span>' in copy


def _copy(text: str, title: str = "Strona") -> str:
    html = f'<article class="md-content__inner">{text}</article>'
    copy = index_copy(html, title, Facets("Strona"), (), "pl")
    assert copy is not None
    return copy


def test_a_stem_that_begins_another_is_a_hidden_word_of_the_pages_having_it() -> None:
    """"marka" is searched as "mark", which begins "marketing" too: the pages saying "marki" or
    "markę" carry the stem word the search box looks up to list them first."""
    brand = _copy("<p>Zespół buduje świadomość marki i dba o markę.</p>")
    marketing = _copy("<p>Kampania marketingowa i marketing online.</p>", "Kampania marketingowa")
    fairs = _copy("<p>Konferencje i targi.</p>")
    target = _copy("<p>Grupa docelowa.</p>", "Target group")
    marked = add_stem_words([brand, marketing, fairs, target])
    stems = [re.findall(rf'data-pagefind-meta="{STEMS}:([^"]*)"', copy) for copy in marked]
    assert stems == [["qxmark0f"], [], ["qxtarg0f"], []], stems
    # the page is otherwise unchanged; stems that begin no other (zespół, kampania) get nothing
    assert marked[1] == marketing and marked[0].replace(f'<span data-pagefind-meta="{STEMS}:qxmark0f"></span>', "") == brand
    assert META_WEIGHTS[STEMS] == 0 and ui_config("pl")["stemField"] == STEMS
    # a single site has no stem beginning another: nothing to tell apart
    assert add_stem_words([brand]) == [brand]


def test_serve_reads_again_only_the_copies_an_edit_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``playbook serve`` re-indexes every page after each edit: what an unchanged copy gives the
    stem words and the vocabulary is kept (by its hash), and the result is the same as reading
    every copy afresh."""
    pages = tmp_path / "pages"
    pages.mkdir()
    copies = {"brand.html": _copy("<p>Świadomość marki.</p>"),
              "marketing.html": _copy("<p>Kampania marketingowa.</p>", "Kampania marketingowa"),
              "fairs.html": _copy("<p>Konferencje i targi.</p>")}
    for name, copy in copies.items():
        (pages / name).write_text(copy, encoding="utf-8")
    memo: CopyWords = {}
    index._with_stem_words(pages, tmp_path / "first", Vocabulary(EXCLUDE), memo)
    (pages / "fairs.html").write_text(_copy("<p>Targi i grupa docelowa: target.</p>"), encoding="utf-8")
    read: list[str] = []
    real = index.page_stems

    def counted(copy: str) -> set[str]:
        read.append(copy)
        return real(copy)

    monkeypatch.setattr(index, "page_stems", counted)
    kept = Vocabulary(EXCLUDE)
    index._with_stem_words(pages, tmp_path / "kept", kept, memo)
    assert len(read) == 1 and "grupa docelowa" in read[0]
    assert len(memo) == 3  # this run's copies only: the old "fairs" is gone
    afresh = Vocabulary(EXCLUDE)
    index._with_stem_words(pages, tmp_path / "afresh", afresh)
    assert kept.words() == afresh.words()
    for name in copies:
        assert (tmp_path / "kept" / name).read_text(encoding="utf-8") == (
            tmp_path / "afresh" / name).read_text(encoding="utf-8")


def test_a_section_index_counts_its_words_less() -> None:
    listing = index_copy(PAGE, "Cele", Facets("Strona"), (), "pl", listing=True)
    page = index_copy(PAGE, "Cele", Facets("Strona"), (), "pl")
    assert listing is not None and page is not None
    assert f'data-pagefind-body data-pagefind-weight="{LISTING_WEIGHT}">' in listing
    assert LISTING_WEIGHT < 1 and "data-pagefind-weight" not in page


def test_l_with_stroke_is_indexed_as_l_with_caron_in_text_only() -> None:
    copy = index_copy(PAGE, "Plan na kwartał", Facets("Cel"), (), "pl")
    assert copy is not None
    assert "Plan na kwartaľ</h1>" in copy and "Ľódź" in copy
    assert 'id="kwartal"' in copy and 'title="ł"' in copy  # attributes untouched
    assert "var ł = 1" in copy  # scripts untouched
    assert 'data-pagefind-meta="title:Plan na kwartaľ"' in copy


def test_a_page_without_an_article_is_not_indexed() -> None:
    assert index_copy("<html><body><p>404</p></body></html>", "404", Facets("Strona")) is None


def test_attribute_values_are_escaped() -> None:
    copy = index_copy(PAGE, 'A "quoted" <title>', Facets('K"ind', (), ("a&b",)), (), "en")
    assert copy is not None
    assert 'data-pagefind-meta="title:A &quot;quoted&quot; &lt;title&gt;"' in copy
    assert 'data-pagefind-filter="kind:K&quot;ind"' in copy
    assert 'data-pagefind-filter="tag:a&amp;b"' in copy


@pytest.mark.parametrize(
    ("url", "file"),
    [("", "index.html"), ("goals/x/", "goals/x/index.html"), ("goals/x.html", "goals/x.html")],
)
def test_page_addresses_map_to_files(url: str, file: str) -> None:
    assert page_file(url) == file


def test_a_page_address_cannot_leave_the_index_folder() -> None:
    with pytest.raises(SearchIndexError):
        page_file("../../etc/")


def test_map_text_changes_text_and_leaves_markup_and_skipped_elements() -> None:
    html = '<p title="abc">abc <b>abc</b><!-- abc --><code>abc</code><br/>abc</p>'
    out = map_text(html, str.upper, skip={"code"})
    assert out == '<p title="abc">ABC <b>ABC</b><!-- abc --><code>abc</code><br/>ABC</p>'


def test_facets_name_kind_team_and_tags_in_the_site_language() -> None:
    catalogue, _ = load(EXAMPLE, EXAMPLE / "playbooks")
    goal = {"playbook": {"kind": "goal", "id": "monthly-sales-quota"}}
    assert facets_for_page(goal, catalogue, "pl") == Facets("Cel", ("Sprzedaż",), ("sprzedaż", "kwota sprzedaży"))
    assert facets_for_page(goal, catalogue, "en") == Facets("Goal", ("Sales",), ("sales", "quota"))
    sla = facets_for_page({"playbook": {"kind": "sla", "id": "marketing-sales-sla"}}, catalogue, "en")
    assert sla.kind == "SLA" and set(sla.teams) == {"Marketing", "Sales"}
    team = facets_for_page({"playbook": {"kind": "team", "id": "sales"}}, catalogue, "pl")
    assert team.teams == ("Sprzedaż",)
    assert facets_for_page({"title": "x"}, catalogue, "en") == Facets("Page")
    index = facets_for_page({"playbook": {"kind": "index", "of": "goal"}}, catalogue, "pl")
    assert index == Facets("Strona")


def test_the_browser_gets_the_polish_stemmer_only_on_the_polish_site() -> None:
    pl, en = ui_config("pl"), ui_config("en")
    assert pl["stemmer"] is not None and "ami" in pl["stemmer"]["suffixes"]
    assert en["stemmer"] is None
    assert pl["labels"]["kind"] == "Rodzaj" and en["labels"]["kind"] == "Kind"


def _stems(copies: list[str]) -> list[list[str]]:
    return [re.findall(rf'data-pagefind-meta="{STEMS}:([^"]*)"', copy) for copy in copies]


def test_a_stem_a_word_having_it_does_not_begin_is_a_hidden_word_of_every_page_of_that_stem() -> None:
    """"rynku" is searched as "rynk", which does not begin "rynek"; "dnia" as "dni", not "dzień":
    the pages having any form carry the stem word, which the search box looks up and adds."""
    found = add_stem_words([_copy("<p>Badamy rynek.</p>"), _copy("<p>Opis rynku.</p>"),
                            _copy("<p>Jeden dzień.</p>"), _copy("<p>Pora dnia.</p>"),
                            _copy("<p>Kampania.</p>")])
    assert _stems(found) == [["qxrynk0f"], ["qxrynk0f"], ["qxdni0f"], ["qxdni0f"], []]


def test_the_parts_pagefind_does_not_read_give_no_stem_words() -> None:
    """Every page's meta line (excluded from the index) names its source file: "Źródło:
    playbooks/goals/....yaml". Read for the stem words, it gave ``qxgoal0f`` (which begins
    "goals") to every page, and the Polish site listed them all for "goal" (170 pages of 1,000,
    found by no word Pagefind has); the words Pagefind reads there still count."""
    meta = '<div class="pb-meta">Źródło: <code>playbooks/goals/goal-00084.yaml</code></div>'
    found = add_stem_words([_copy(f"<p>Cel na kwartał.</p>{meta}"), _copy(f"<p>Nasze goals.</p>{meta}"),
                            _copy("<p>Jeden goal.</p>")])
    assert _stems(found) == [[], [], ["qxgoal0f"]]


def test_a_script_s_words_give_no_stem_words_nor_suggestions() -> None:
    """The SLA form's settings are JSON in a ``<script>`` inside the article, which Pagefind does
    not index: read for the stem words, its "goals" gave a stem word to the page, so a search
    listed it for a word no reader sees there; the vocabulary offered such words too."""
    script = '<script type="application/json">{"goals": ["yaml"]}</script><style>.x{}</style>'
    found = add_stem_words([_copy(f"<p>Cel na kwartał.</p>{script}"), _copy("<p>Jeden goal.</p>")])
    assert _stems(found) == [[], []]  # "goal" alone has no other form on any page
    _title, words = Vocabulary().page_words(_copy(f"<p>Cel na kwartał.</p>{script}"))
    assert "yaml" not in words and "goals" not in words and "kwartał" in words


def _english(text: str, title: str = "Page", polish: tuple[str, ...] = (), text_lang: str = "") -> str:
    html = f'<article class="md-content__inner">{text}</article>'
    copy = index_copy(html, title, Facets("Page"), (), "en", polish=polish, text_lang=text_lang)
    assert copy is not None
    return copy


def test_the_english_site_notes_the_polish_words_of_a_page() -> None:
    """The Polish glossary names and keywords given, and the text marked as Polish."""
    copy = _english('<p>Deals <span lang="pl">Liczba umów</span> marked.</p>', polish=("Świadomość marki",))
    assert polish_stems(copy) == {"swiadomosc", "mark", "liczb", "umow"}
    whole = _english("<p>Strona tylko po polsku.</p>", text_lang="pl")
    assert polish_stems(whole) == {"stron", "tylk", "po", "polsk"}
    assert polish_stems(_english("<p>Deals marked won.</p>")) == set()
    # the Polish site has no such note: every word of its pages is Polish
    assert POLISH not in _copy("<p>Świadomość marki.</p>")


def test_on_the_english_site_a_polish_stem_beginning_an_english_word_is_a_hidden_word(tmp_path: Path) -> None:
    """"markę" is searched there as "mark" too, which begins "marketing" and "marked": the pages
    having the Polish word "marki" carry the stem word; an English word gets none."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "brand.html").write_text(_english("<p>Brand awareness.</p>", polish=("Świadomość marki",)))
    (pages / "marketing.html").write_text(_english("<p>Marketing: deals marked won.</p>"))
    (pages / "sla.html").write_text(_english("<p>Agreement.</p>", polish=("Umowa SLA",)))
    index._with_stem_words(pages, tmp_path / "out", Vocabulary(EXCLUDE), lang="en")
    out = [(tmp_path / "out" / name).read_text() for name in ("brand.html", "marketing.html", "sla.html")]
    assert _stems(out) == [["qxmark0f"], [], []]  # "umow" begins no other word of the site


def test_on_the_english_site_a_polish_name_has_its_polish_key_too() -> None:
    """"klientów" on the English site is the term "Customer" (Polish: "Klient")."""
    html = '<article class="md-content__inner"><p>Customer.</p></article>'
    copy = index_copy(html, "Customer", Facets("Term"), (), "en", names=["Klient", "Świadomość marki", "Customer"],
                      polish=("Klient", "Świadomość marki"))
    assert copy is not None
    exact = re.findall(rf'data-pagefind-meta="{EXACT}:([^"]*)"', copy)[0].split()
    assert {"qxklient0n", "qxswiadomosc0mark0n", "qxswiadomosc0marki0n", "qxcustomer0n"} <= set(exact)


def test_words_in_code_count_little() -> None:
    """A how-to page naming the file ``lead-handoff.yaml`` is not about the lead hand-off."""
    copy = _copy("<p>Plik <code>lead-handoff.yaml</code> i <code class=\"x\">id</code>; <codex>a</codex></p>")
    assert f'<code data-pagefind-weight="{CODE_WEIGHT}">lead-handoff.yaml</code>' in copy
    assert f'<code data-pagefind-weight="{CODE_WEIGHT}" class="x">id</code>' in copy
    assert "<codex>" in copy and CODE_WEIGHT < LISTING_WEIGHT
