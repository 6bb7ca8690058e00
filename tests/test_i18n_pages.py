"""Which hand-written page each language shows, and how a missing translation is reported."""

from __future__ import annotations

import re
from pathlib import Path

from generator.i18n import (
    Choice,
    alternates,
    choose_pages,
    fallback_notice,
    fallback_title,
    missing_page_translations,
    redirect_page,
)
from generator.models.base import Translations, alphabetical
from generator.render import fallback_marker, localized

LANGS = ("pl", "en")
PAGES = ["index.md", "index.en.md", "about.md", "about.en.md", "only-pl.md", "only-en.en.md",
         "sub/x.md", "sub/x.en.md", "explicit.pl.md", "explicit.md", "img/logo.png"]


def test_each_language_shows_its_own_file() -> None:
    pl = choose_pages(PAGES, "pl", LANGS, "pl")
    en = choose_pages(PAGES, "en", LANGS, "pl")
    assert pl["about.md"] == Choice("about.md") and en["about.md"] == Choice("about.en.md")
    assert en["sub/x.md"] == Choice("sub/x.en.md")
    assert pl["explicit.md"] == Choice("explicit.pl.md")  # page.pl.md wins over page.md


def test_a_page_missing_in_a_language_falls_back_and_says_so() -> None:
    pl = choose_pages(PAGES, "pl", LANGS, "pl")
    en = choose_pages(PAGES, "en", LANGS, "pl")
    assert en["only-pl.md"] == Choice("only-pl.md", fallback="pl")
    assert pl["only-en.md"] == Choice("only-en.en.md", fallback="en")


def test_both_languages_have_the_same_page_addresses() -> None:
    assert choose_pages(PAGES, "pl", LANGS, "pl").keys() == choose_pages(PAGES, "en", LANGS, "pl").keys()
    assert "img/logo.png" not in choose_pages(PAGES, "pl", LANGS, "pl")


def test_english_as_default_language_reads_page_md_as_english() -> None:
    en = choose_pages(["a.md", "a.pl.md", "b.md"], "en", LANGS, "en")
    pl = choose_pages(["a.md", "a.pl.md", "b.md"], "pl", LANGS, "en")
    assert en["a.md"] == Choice("a.md") and pl["a.md"] == Choice("a.pl.md")
    assert pl["b.md"] == Choice("b.md", fallback="en")


def test_missing_page_translations_are_located_at_the_existing_file(tmp_path: Path) -> None:
    docs = tmp_path / "content"
    (docs / "sub").mkdir(parents=True)
    for name in ["index.md", "index.en.md", "only-pl.md", "sub/only-en.en.md"]:
        (docs / name).write_text("# x\n", encoding="utf-8")
    found = missing_page_translations(docs, tmp_path, LANGS, "pl", "error")
    assert [d.format() for d in found] == [
        "content/only-pl.md:1:1: missing translation: en (add only-pl.en.md).",
        "content/sub/only-en.en.md:1:1: missing translation: pl (add sub/only-en.md).",
    ]
    assert all(d.severity == "error" for d in found)


def test_the_fallback_badge_is_visible_text_with_an_explaining_tooltip() -> None:
    marker = fallback_marker("en", "pl")
    assert '>PL</span>' in marker
    assert 'title="No English translation yet: the text is in Polish."' in marker
    assert fallback_title("pl", "en") == "Brak tłumaczenia na polski: tekst w języku angielskim."
    text = localized(Translations(pl="Tylko po polsku."), "en")
    assert text.startswith('<span lang="pl">Tylko po polsku.</span> <span class="pb-fallback"')
    assert localized(Translations(pl="a", en="b"), "en") == "b"


def test_a_text_shown_in_another_language_carries_its_lang_inline_and_in_blocks() -> None:
    import markdown

    extensions = ["attr_list", "md_in_html", "tables"]
    one = localized(Translations(pl="Tylko **po** polsku."), "en")
    assert re.fullmatch(r'<p>Intro: <span lang="pl">Tylko <strong>po</strong> polsku\.</span> '
                        r'<span class="pb-fallback" lang="en" [^>]*>PL</span></p>',
                        markdown.markdown("Intro: " + one, extensions=extensions))
    cell = localized(Translations(pl="jeden *dwa*"), "en", inline=True)
    assert '<td><span lang="pl">jeden <em>dwa</em></span> <span class="pb-fallback"' in markdown.markdown(
        f"| a |\n|---|\n| {cell} |\n", extensions=extensions)
    blocks = localized(Translations(en="First.\n\nThen:\n\n- one\n- *two*\n"), "pl")
    out = markdown.markdown("**Intro.** " + blocks, extensions=extensions)
    assert "markdown=" not in out
    assert re.search(r'<div lang="en">\s*<p>First\.</p>\s*<p>Then:</p>\s*<ul>\s*<li>one</li>\s*'
                     r'<li><em>two</em> <span class="pb-fallback" lang="pl" title="Brak[^"]*">EN</span></li>'
                     r'\s*</ul>\s*</div>', out), out
    assert localized(Translations(en="First.\n\nSecond."), "en") == "First.\n\nSecond."  # no mark at home


def test_the_fallback_notice_is_in_the_reader_s_language() -> None:
    assert "This page has no English version yet" in fallback_notice("en", "pl")
    assert "shown in Polish" in fallback_notice("en", "pl")
    assert "nie ma jeszcze wersji polskiej" in fallback_notice("pl", "en")


def test_the_root_page_sends_readers_to_the_default_language() -> None:
    page = redirect_page("pl", LANGS, "Playbook <&>")
    assert '<meta http-equiv="refresh" content="0; url=pl/">' in page
    assert '<a href="pl/" hreflang="pl" lang="pl">Polski</a>' in page
    assert '<a href="en/" hreflang="en" lang="en">English</a>' in page
    assert "Playbook &lt;&amp;&gt;" in page


def test_alternates_are_sibling_language_folders() -> None:
    assert alternates(LANGS) == [
        {"name": "Polski", "lang": "pl", "link": "../pl/"},
        {"name": "English", "lang": "en", "link": "../en/"},
    ]


def test_titles_sort_in_dictionary_order() -> None:
    words = ["Żaba", "zebra", "Łódź", "Lublin", "lato", "Świadomość", "Szkolenie", "ósmy", "Ostatni",
             "źródło", "Ćma", "cel", "Ąb", "Azja", "élan", "Ekran", "ędza"]
    assert sorted(words, key=alphabetical) == [
        "Azja", "Ąb", "cel", "Ćma", "Ekran", "élan", "ędza", "lato", "Lublin", "Łódź", "Ostatni",
        "ósmy", "Szkolenie", "Świadomość", "zebra", "źródło", "Żaba"]


def test_index_pages_list_definitions_by_title_in_each_language() -> None:
    from generator.catalogue import load
    from generator.pages import plan

    root = Path(__file__).resolve().parent.parent
    catalogue, _ = load(root, root / "playbooks")
    for lang in ("pl", "en"):
        pages = {page.path: page for page in plan(catalogue, lang)}
        listed = re.findall(r"^\| \[([^\]]+)\]", pages["goals/index.md"].markdown, re.M)
        assert len(listed) == len(catalogue.of_kind("goal")) > 5
        assert listed == sorted(listed, key=alphabetical), lang


def test_a_title_or_owner_shown_in_another_language_carries_the_badge(tmp_path: Path) -> None:
    from generator.catalogue import load
    from generator.pages import plan
    from tests.projects import GOAL, make_project

    goal = (GOAL.format(id="twelve", team="marketing")
            .replace("title: {pl: Cel twelve, en: Goal twelve}", "title: {pl: Cel dwanaście}")
            .replace("owner: Anna", "owner: {en: Head of Marketing}"))
    root = make_project(tmp_path / "p", {"playbooks/goals/twelve.yaml": goal})
    catalogue, problems = load(root, root / "playbooks")
    assert [p for p in problems if p.severity == "error"] == []
    english = next(p for p in plan(catalogue, "en") if p.path == "goals/twelve.md").markdown
    polish = next(p for p in plan(catalogue, "pl") if p.path == "goals/twelve.md").markdown
    assert re.search(r'^# <span lang="pl">Cel dwanaście</span> <span class="pb-fallback" lang="en" '
                     r'title="[^"]+">PL</span>$', english, re.M)
    assert re.search(r'<span lang="en">Head of Marketing</span> <span class="pb-fallback" lang="pl" '
                     r'title="[^"]+">EN</span> ·', polish)
    assert "Head of Marketing ·" in english and "# Cel dwanaście\n" in polish  # no badge where it belongs


def test_a_link_to_a_definition_whose_title_is_in_another_language_says_so(tmp_path: Path) -> None:
    """The goals list (and every page linking to it) showed the Polish title on the English site
    with no ``lang``, so it was read with an English voice; on its own page it carries one."""
    from generator.catalogue import load
    from generator.pages import plan
    from tests.projects import GOAL, make_project

    goal = GOAL.format(id="twelve", team="marketing").replace(
        "title: {pl: Cel twelve, en: Goal twelve}", "title: {pl: Cel dwanaście}")
    root = make_project(tmp_path / "p", {"playbooks/goals/twelve.yaml": goal})
    catalogue, _ = load(root, root / "playbooks")
    english = {p.path: p.markdown for p in plan(catalogue, "en")}
    polish = {p.path: p.markdown for p in plan(catalogue, "pl")}
    assert '[<span lang="pl">Cel dwanaście</span>](twelve.md)' in english["goals/index.md"]
    assert "[Cel dwanaście](twelve.md)" in polish["goals/index.md"]
