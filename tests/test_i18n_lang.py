"""A text shown in another language keeps its ``lang`` outside the page's text too: in Material's
navigation, the header, the table of contents, the search results, and on generated headings and
the SLA form's labels, so a screen reader reads a Polish title on the English site in Polish; and
in a glossary term's tooltip, a process diagram's boxes, the SLA form's preview and the printed
checklists and SLA documents (HTML, PDF, DOCX).

One small project (the search tests' project, plus a goal, a checklist, a process step, a glossary
term and an SLA with texts in Polish only) built once by ``playbook build``; checks in Chromium of
what the browser makes of the navigation, the header, a search result, a tooltip, a diagram and the
SLA form's preview.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.catalogue import load
from generator.checklists.document import checklist_html, find_checklist
from generator.checklists.pdf import render_pdf
from generator.cli import main
from generator.models.base import Translations
from generator.models.sla import Sla
from generator.search.facets import Facets
from generator.search.index import index_copy
from generator.sla import outputs
from generator.sla.fill import fill
from generator.sla.spec import compile_spec
from tests.search_project import TODAY, Built, make_project
from tests.serving import serve

pytestmark = pytest.mark.slow

POLISH_TITLE_GOAL = """\
kind: goal
id: polish-title-goal
title:
  pl: Cel tylko po polsku
summary:
  pl: Cel opisany wyłącznie po polsku.
owner: tests
review_by: 2027-06-30
team: sales
statement:
  pl: Zespół sprzedaży dzwoni do każdego leada.
metric:
  pl: Odsetek leadów z telefonem.
target: 90
unit: "%"
period: quarter
goal_type: quota
"""

POLISH_PAGE = """\
# Poradnik tylko po polsku

Wstęp.

## Pierwszy krok

Tekst.
"""


#: A term whose definition is in Polish only: its tooltip on the English site is Polish.
POLISH_TERM = """\
kind: term
id: nps
title: NPS
summary:
  pl: Wskaźnik gotowości klientów do polecenia firmy znajomym.
owner: tests
review_by: 2027-06-30
"""


ODD_TITLE = "Ask [R&D] *now* a_b <b>x</b> #1 `q`"


def _only_polish(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} changed: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    project = make_project(tmp_path_factory.mktemp("lang") / "project")
    books = project / "playbooks"
    (books / "goals" / "polish-title-goal.yaml").write_text(POLISH_TITLE_GOAL, encoding="utf-8")
    (project / "content" / "poradnik.md").write_text(POLISH_PAGE, encoding="utf-8")
    _only_polish(books / "checklists" / "new-marketer.yaml", "      pl: Pierwsze dni\n      en: First days\n",
                 "      pl: Pierwsze dni\n")
    sla = books / "slas" / "marketing-sales-sla.yaml"
    _only_polish(sla, "      pl: Nazwa firmy\n      en: Company name\n", "      pl: Nazwa firmy\n")
    _only_polish(sla, "          pl: Mała firma\n          en: Small company\n", "          pl: Mała firma\n")
    _only_polish(books / "processes" / "campaign-announcement.yaml",
                 "      pl: Przygotuj brief kampanii dla sprzedaży\n      en: Prepare the campaign brief for sales\n",
                 "      pl: Przygotuj brief kampanii dla sprzedaży\n")
    # A title with what Markdown, HTML and Mermaid would each read as markup: shown as written.
    _only_polish(books / "processes" / "campaign-announcement.yaml", "      en: Ask questions and flag constraints\n",
                 f"      en: '{ODD_TITLE}'\n")
    (books / "glossary" / "nps.yaml").write_text(POLISH_TERM, encoding="utf-8")
    (project / "content" / "survey.md").write_text("# Ankieta\n\nMierzymy NPS co kwartał.\n", encoding="utf-8")
    (project / "content" / "survey.en.md").write_text("# Survey\n\nWe measure NPS every quarter.\n",
                                                      encoding="utf-8")
    site = project.parent / "site"
    before = os.environ.get("PLAYBOOK_TODAY")
    os.environ["PLAYBOOK_TODAY"] = TODAY
    try:
        assert main(["--project", str(project), "build", "--site-dir", str(site)]) == 0
    finally:
        if before is None:
            del os.environ["PLAYBOOK_TODAY"]
        else:
            os.environ["PLAYBOOK_TODAY"] = before
    return Built(project, site)


def _read(built: Built, path: str) -> str:
    return (built.site / path).read_text(encoding="utf-8")


def _nav_titles(html: str) -> dict[str, str]:
    """The navigation's entries: the text of each link to a page, with what stands around it."""
    nav = html.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>\n</div>", 1)[0]
    return {href: " ".join(inner.split())
            for href, inner in re.findall(r'<a href="([^"]+)" class="md-nav__link[^"]*">(.*?)</a>', nav, re.S)}


def _topic(html: str) -> str:
    """The header's page title (shown when the page scrolls), with its element."""
    part = html.split('data-md-component="header-topic">', 1)[1].split("</div>", 1)[0]
    return " ".join(part.split())


def test_a_page_title_in_another_language_keeps_it_in_the_navigation(built: Built) -> None:
    entries = _nav_titles(_read(built, "en/teams/index.html"))
    assert '<span lang="pl">Strona tylko po polsku</span>' in entries["../only-polish/"]
    assert '<span lang="pl">Poradnik tylko po polsku</span>' in entries["../poradnik/"]
    assert "lang=" not in entries["../only-english/"], "an English page on the English site"
    polish = _nav_titles(_read(built, "pl/teams/index.html"))
    assert '<span lang="en">English-only page</span>' in polish["../only-english/"]
    assert "lang=" not in polish["../only-polish/"]
    # the entry of the page being read (Material writes it differently)
    here = _nav_titles(_read(built, "en/only-polish/index.html"))
    assert '<span lang="pl">Strona tylko po polsku</span>' in here["./"]


def test_a_page_title_in_another_language_keeps_it_in_the_header(built: Built) -> None:
    assert _topic(_read(built, "en/only-polish/index.html")).startswith(
        '<span class="md-ellipsis" lang="pl"> Strona tylko po polsku </span>')
    goal = _read(built, "en/goals/polish-title-goal/index.html")
    assert _topic(goal).startswith('<span class="md-ellipsis" lang="pl"> Cel tylko po polsku </span>')
    # the <title> cannot mark part of its text: as it was, in a document in the site's language
    assert "<title>Cel tylko po polsku - Sales and marketing — playbook</title>" in goal
    assert re.search(r'<html lang="en"', goal)
    for translated in ("en/goals/untranslated-goal/index.html", "pl/goals/polish-title-goal/index.html",
                       "pl/only-polish/index.html"):
        assert _topic(_read(built, translated)).startswith('<span class="md-ellipsis"> '), translated


def test_a_page_in_another_language_has_its_table_of_contents_in_it(built: Built) -> None:
    html = _read(built, "en/poradnik/index.html")
    toc = re.search(r'<ul class="md-nav__list" data-md-component="toc"[^>]*>', html)
    assert toc and 'lang="pl"' in toc.group(0)
    assert 'href="#pierwszy-krok"' in html.split(toc.group(0), 1)[1].split("</ul>", 1)[0]
    own = re.search(r'<ul class="md-nav__list" data-md-component="toc"[^>]*>', _read(built, "pl/poradnik/index.html"))
    assert own and "lang=" not in own.group(0)


def test_generated_headings_and_labels_in_another_language_carry_it(built: Built) -> None:
    checklist = _read(built, "en/checklists/new-marketer/index.html")
    assert '<h2 id="pierwsze-dni"><span lang="pl">Pierwsze dni</span>' in checklist
    sla = _read(built, "en/slas/marketing-sales-sla/index.html")
    assert ('<label for="sla-marketing-sales-sla-company_name"><span lang="pl">Nazwa firmy</span>'
            in sla)
    assert re.search(r'<option value="small"[^>]* lang="pl">Mała firma</option>', sla)
    assert re.search(r'<option value="large"[^>]*>Large company</option>', sla)
    assert '<strong><span lang="pl">Nazwa firmy</span></strong> <code>company_name</code>' in sla
    polish = _read(built, "pl/slas/marketing-sales-sla/index.html")
    assert '<label for="sla-marketing-sales-sla-company_name">Nazwa firmy' in polish


def test_a_search_result_s_title_knows_its_language() -> None:
    html = '<html><body><article class="md-content__inner">Tekst</article></body></html>'
    copy = index_copy(html, "Cel tylko po polsku", Facets("Goal", (), ()), (), "en", title_lang="pl")
    assert copy is not None and '<span data-pagefind-meta="title_lang:pl"></span>' in copy
    whole = index_copy(html, "Poradnik", Facets("Page", (), ()), (), "en", title_lang="pl", text_lang="pl")
    assert whole is not None and '<span data-pagefind-meta="text_lang:pl"></span>' in whole
    plain = index_copy(html, "Goal", Facets("Goal", (), ()), (), "en")
    assert plain is not None and "_lang:" not in plain


@pytest.fixture(scope="module")
def server(built: Built) -> Iterator[str]:
    with serve(built.site) as address:
        yield address + "/"


_LANG_OF = "el => el.closest('[lang]').lang"


@pytest.mark.browser
def test_chromium_reads_a_polish_title_on_the_english_site_as_polish(tab: Any, server: str) -> None:
    tab.goto(server + "en/goals/polish-title-goal/")
    assert tab.evaluate("document.documentElement.lang") == "en"
    nav = tab.locator(".md-nav--primary a.md-nav__link", has_text="Strona tylko po polsku").first
    assert nav.locator(".md-ellipsis > *").first.evaluate(_LANG_OF) == "pl"
    english = tab.locator(".md-nav--primary a.md-nav__link", has_text="English-only page").first
    assert english.locator(".md-ellipsis").evaluate(_LANG_OF) == "en"
    topic = tab.locator('[data-md-component="header-topic"] .md-ellipsis')
    assert topic.inner_text().strip() == "Cel tylko po polsku" and topic.evaluate(_LANG_OF) == "pl"
    # a search result: the title from the other language is marked so
    box = tab.locator("#pb-search-query")
    box.click()
    box.press_sequentially("Cel tylko po polsku", delay=15)
    tab.wait_for_function("q => document.querySelector('.pb-search').dataset.query === q",
                          arg="Cel tylko po polsku", timeout=15000)
    result = tab.locator(".md-search-result__article--document h1", has_text="Cel tylko po polsku").first
    assert result.evaluate(_LANG_OF) == "pl"
    other = tab.locator(".md-search-result__article--document h1").filter(has_not_text="Cel tylko po polsku")
    if other.count():
        assert other.first.evaluate(_LANG_OF) == "en"


# -- headings in the table of contents, tooltips, diagrams --------------------------------------


def _toc_entry(html: str, anchor: str) -> str:
    """The text of the table of contents' entry for ``#anchor``, with the elements in it."""
    toc = html.split('data-md-component="toc"', 1)[1].split("</nav>", 1)[0]
    found = re.search(rf'<a href="#{anchor}" class="md-nav__link">\s*<span class="md-ellipsis">(.*?)</span>\s*</a>',
                      toc, re.S)
    assert found, anchor
    return " ".join(found.group(1).split())


def test_a_heading_in_another_language_keeps_it_in_the_table_of_contents(built: Built) -> None:
    checklist = _read(built, "en/checklists/new-marketer/index.html")
    assert _toc_entry(checklist, "pierwsze-dni") == '<span lang="pl">Pierwsze dni</span>'
    process = _read(built, "en/processes/campaign-announcement/index.html")
    assert (_toc_entry(process, "1-przygotuj-brief-kampanii-dla-sprzedazy")
            == '1. <span lang="pl">Przygotuj brief kampanii dla sprzedaży</span>')
    assert _toc_entry(process, "2-announce-the-campaign") == "2. Announce the campaign"
    polish = _read(built, "pl/processes/campaign-announcement/index.html")
    assert _toc_entry(polish, "1-przygotuj-brief-kampanii-dla-sprzedazy") == "1. Przygotuj brief kampanii dla sprzedaży"


def test_a_table_of_contents_entry_is_marked_once() -> None:
    """Under serve a rebuild reuses the rendered page's table of contents: marked again, it would
    nest a second span."""
    from types import SimpleNamespace

    from generator.i18n import mark_toc_languages

    child = SimpleNamespace(id="b", title="2. Krok &amp; drugi", children=[])
    toc = [SimpleNamespace(id="a", title="Pierwsze dni", children=[child])]
    html = ('<h2 id="a"><span lang="pl">Pierwsze dni</span><a class="headerlink" href="#a">¶</a></h2>'
            '<h3 id="b">2. <span lang="pl">Krok &amp; drugi</span></h3><h3 id="c">Other</h3>')
    for _ in range(2):
        mark_toc_languages(toc, html)
        assert toc[0].title == '<span lang="pl">Pierwsze dni</span>'
        assert child.title == '2. <span lang="pl">Krok &amp; drugi</span>'


def _marks(html: str, term: str) -> list[str]:
    return re.findall(rf'<abbr class="pb-term" data-pb-term="{term}"[^>]*>', html)


def test_a_glossary_tooltip_in_another_language_says_which(built: Built) -> None:
    english = _marks(_read(built, "en/survey/index.html"), "nps")
    assert english == ['<abbr class="pb-term" data-pb-term="nps" title="NPS: Wskaźnik gotowości klientów do '
                       'polecenia firmy znajomym." data-pb-tooltip-lang="pl">']
    assert _marks(_read(built, "pl/survey/index.html"), "nps") == [
        '<abbr class="pb-term" data-pb-term="nps" title="NPS: Wskaźnik gotowości klientów do polecenia firmy '
        'znajomym.">']
    translated = _marks(_read(built, "en/processes/campaign-announcement/index.html"), "campaign")
    assert translated and not any("tooltip-lang" in mark for mark in translated)


def _diagram(html: str) -> str:
    return html.split('<pre class="mermaid"><code>', 1)[1].split("</code></pre>", 1)[0]


def test_a_diagram_label_in_another_language_carries_it(built: Built) -> None:
    english = _diagram(_read(built, "en/processes/campaign-announcement/index.html"))
    # inside the fence, escaped; Mermaid reads the text: <span lang='pl'>...</span>
    assert ("step_prepare_brief[\"&lt;span lang='pl'&gt;Przygotuj brief kampanii dla sprzedaży&lt;/span&gt;\"]"
            in english)
    assert 'step_announce["Announce the campaign"]' in english
    polish = _diagram(_read(built, "pl/processes/campaign-announcement/index.html"))
    assert 'step_prepare_brief["Przygotuj brief kampanii dla sprzedaży"]' in polish


# -- printed checklists and SLA documents -------------------------------------------------------


def _pdf_lang(pdf: bytes) -> str:
    """The language a PDF's catalog names (``/Lang``): a screen reader's voice for its text."""
    from pypdf import PdfReader

    catalog = PdfReader(io.BytesIO(pdf)).trailer["/Root"].get_object()
    assert isinstance(catalog, dict)
    return str(catalog.get("/Lang"))


def test_a_printed_checklist_marks_its_language_and_texts_in_another(built: Built) -> None:
    catalogue, _ = load(built.project, built.project / "playbooks", dt.date.fromisoformat(TODAY))
    entry = find_checklist(catalogue, "new-marketer")
    html = checklist_html(catalogue, [entry], "en", stamp=None)
    assert '<html lang="en">' in html
    assert '<h2 lang="pl">Pierwsze dni</h2>' in html
    assert re.findall(r"<[^>]* lang=", html) == ['<html lang=', '<h2 lang='], "the rest is in English"
    polish = checklist_html(catalogue, [entry], "pl", stamp=None)
    assert "<h2>Pierwsze dni</h2>" in polish and 'lang="en"' not in polish

    # WeasyPrint takes it from <html lang>
    assert _pdf_lang(render_pdf(html).pdf) == "en"


def _sla(built: Built) -> Sla:
    """The project's SLA (its company name's label and the small company's choice in Polish only),
    with its title and first clause (title and text) in Polish only too."""
    catalogue, _ = load(built.project, built.project / "playbooks", dt.date.fromisoformat(TODAY))
    entry = catalogue.get("marketing-sales-sla")
    assert entry is not None and isinstance(entry.definition, Sla)
    sla = entry.definition
    first = sla.clauses[0]
    assert isinstance(first.title, Translations) and isinstance(first.body, Translations)
    polish = first.model_copy(update={"title": Translations(pl=first.title.pl),
                                      "body": Translations(pl=first.body.pl)})
    assert isinstance(sla.title, Translations)
    return sla.model_copy(update={"title": Translations(pl=sla.title.pl), "clauses": [polish, *sla.clauses[1:]]})


SLA_VALUES = {"company_name": "Acme", "company_size": "small", "marketing_signatory": "Anna Nowak",
              "sales_signatory": "Jan Kowalski", "effective_date": "2027-01-01"}


def test_an_sla_document_marks_its_language_and_texts_in_another(built: Built) -> None:
    filled, problems = fill(compile_spec(_sla(built), "en"), SLA_VALUES)
    assert filled is not None, problems
    html = filled.html()
    assert '<html lang="en">' in html
    assert '<h1 lang="pl">Umowa o poziomie usług między marketingiem a sprzedażą</h1>' in html
    assert '<h2>1. <span lang="pl">Cel i strony umowy</span></h2>\n<div lang="pl">\n<p>Ta umowa' in html
    assert '<h2>2. Lead definition</h2>\n<p>' in html
    assert '<tr><td><span lang="pl">Nazwa firmy</span></td><td>Acme</td></tr>' in html
    assert '<tr><td>Company size</td><td><span lang="pl">Mała firma</span></td></tr>' in html
    assert _pdf_lang(outputs.pdf(filled)) == "en"
    with zipfile.ZipFile(io.BytesIO(outputs.docx(filled))) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
        styles = docx.read("word/styles.xml").decode("utf-8")
    assert re.search(r'<w:docDefaults>.*<w:lang w:val="en-GB"', styles, re.S)
    polish_runs = re.findall(r'<w:r><w:rPr>(?:(?!</w:rPr>).)*<w:lang w:val="pl-PL"/></w:rPr><w:t[^>]*>([^<]*)</w:t>',
                             body)
    assert polish_runs[:3] == ["Umowa o poziomie usług między marketingiem a sprzedażą", "Cel i strony umowy",
                               "Ta umowa określa, co dział marketingu i dział sprzedaży firmy "]
    assert "Acme" in polish_runs  # a value in a Polish clause is read in Polish too
    assert polish_runs[-2:] == ["Nazwa firmy", "Mała firma"]
    polish, _ = fill(compile_spec(_sla(built), "pl"), SLA_VALUES)
    assert polish is not None and "<span lang=" not in polish.html()


# -- in the browser: the tooltip, the diagram, the SLA form's preview ---------------------------


def _shadow_texts(tab: Any) -> list[str]:
    """The texts inside the page's shadow trees (where Material draws a diagram)."""
    session = tab.context.new_cdp_session(tab)
    root = session.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]
    session.detach()
    found: list[str] = []

    def walk(node: dict[str, Any], shadow: bool) -> None:
        if shadow and node.get("nodeType") == 3:
            found.append(node.get("nodeValue", ""))
        for child in node.get("children", []):
            walk(child, shadow)
        for child in node.get("shadowRoots", []):
            walk(child, True)

    walk(root, False)
    return found


def _text_langs(tab: Any, needle: str) -> list[str]:
    """The language of each text of the page (shadow trees too: Material draws a diagram in a
    closed one) containing ``needle``, as the browser inherits it through shadow hosts."""
    session = tab.context.new_cdp_session(tab)
    root = session.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]
    session.detach()
    found: list[str] = []

    def walk(node: dict[str, Any], lang: str) -> None:
        attrs = node.get("attributes", [])
        lang = dict(zip(attrs[::2], attrs[1::2], strict=True)).get("lang", lang)
        if node.get("nodeType") == 3 and needle in node.get("nodeValue", ""):
            found.append(lang)
        for child in node.get("children", []) + node.get("shadowRoots", []):
            walk(child, lang)

    walk(root, "")
    return found


@pytest.mark.browser
def test_chromium_reads_a_tooltip_and_a_diagram_label_in_their_language(tab: Any, server: str) -> None:
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(server + "en/survey/")
    tab.locator('abbr[data-pb-term="nps"]').first.focus()  # Material's tooltip shows on focus
    tip = tab.wait_for_function("""() => {
        const id = document.querySelector('abbr[data-pb-term=nps]').getAttribute('aria-describedby');
        const tip = id && document.getElementById(id);
        return tip && tip.getAttribute('lang') && [tip.textContent.trim(), tip.closest('[lang]').lang]; }""",
                                timeout=10000).json_value()
    assert tip == ["NPS: Wskaźnik gotowości klientów do polecenia firmy znajomym.", "pl"]
    tab.goto(server + "en/processes/campaign-announcement/")
    tab.wait_for_selector("div.mermaid", state="attached", timeout=20000)  # drawn (in a shadow tree)
    tab.wait_for_function("() => !document.querySelector('pre.mermaid')", timeout=20000)
    # the box, and the table of contents' entry
    assert _text_langs(tab, "Przygotuj brief kampanii dla sprzedaży").count("pl") >= 2
    assert set(_text_langs(tab, "Announce the campaign")) == {"en"}
    assert ODD_TITLE in _shadow_texts(tab), "a label with [ ] * _ & < # ` is drawn as written"
    assert errors == []


@pytest.mark.browser
def test_the_sla_forms_preview_marks_texts_in_another_language_as_python_does(
    tab: Any, server: str, built: Built,
) -> None:
    tab.goto(server + "en/slas/marketing-sales-sla/")
    for name, value in SLA_VALUES.items():
        if name == "company_size":
            tab.select_option(f"[data-param={name}]", value)
        else:
            tab.fill(f"[data-param={name}]", value)
    preview = tab.locator(".sla-preview .sla-doc")
    preview.wait_for()
    shown = preview.inner_html()
    assert '<td><span lang="pl">Nazwa firmy</span></td><td>Acme</td>' in shown
    assert '<td><span lang="pl">Mała firma</span></td>' in shown
    # the form's own engine writes what the CLI writes
    python, _ = fill(compile_spec(_sla(built), "en"), SLA_VALUES)
    assert python is not None
    spec = compile_spec(_sla(built), "en")
    body = tab.evaluate("a => { const S = window.PlaybookSla; return S.htmlBody(S.fill(a.spec, a.values).filled); }",
                        {"spec": spec, "values": SLA_VALUES})
    assert body == python.html_body()
