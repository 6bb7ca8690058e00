"""What a real playbook prints, at its edges: a word longer than its column, a role's pack, an
SLA with long values and an annex longer than a page, an item's Markdown on the checklist's page.
Read back from the PDF (words and their boxes from ``pdftotext -bbox``) or the page's HTML."""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest

from generator.catalogue import load
from generator.cli import main
from generator.pages import plan
from tests.checklists import checklist_yaml, pdf_pages
from tests.projects import make_project

pytest_plugins = ["tests.search_site"]

ROOT = Path(__file__).resolve().parent.parent
MM = 72 / 25.4  # PDF points per millimetre
TOP_MARGIN = 20 * MM  # print/checklist.css: @page margin-top
A4_WIDTH = 210 * MM
LONG_WORD = "Konstantynopolitańczykowianeczkówna" * 2 + "owskiego"  # 78 letters, no break


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def page_words(pdf: Path) -> list[list[Word]]:
    """Every page's words with their boxes (points from the page's top left)."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    return [[Word(html.unescape(m[4]), float(m[0]), float(m[1]), float(m[2]), float(m[3]))
             for m in _WORD.findall(page)] for page in out.split("<page ")[1:]]


def run(*args: str) -> int:
    return main(list(args))


# -- checklists on paper -------------------------------------------------------------------------


def test_a_word_longer_than_its_column_breaks_inside_the_column(tmp_path: Path) -> None:
    """A long compound (or an address without slashes) ran on over the owner and the due date."""
    items = [[(f"Poznaj słowo {LONG_WORD} w regulaminie.", "przełożony", "week 1"),
              ("Zwykłe zadanie.", "IT", "day 1")]]
    project = make_project(tmp_path / "p", {
        "playbooks/checklists/long-word.yaml": checklist_yaml("long-word", "tester", items)})
    out = tmp_path / "long-word.pdf"
    assert run("--project", str(project), "checklist", "pdf", "long-word", "--start", "2027-01-04",
               "--out", str(out)) == 0
    words = page_words(out)[0]
    owner_column = next(w for w in words if w.text == "Właściciel").x0
    pieces = [w for w in words if len(w.text) > 3 and w.text in LONG_WORD]
    assert "".join(w.text for w in pieces) == LONG_WORD, [w.text for w in pieces]
    assert len(pieces) > 1
    assert all(w.x1 < owner_column for w in pieces), [(w.text, w.x1, owner_column) for w in pieces]
    assert "przełożony" in pdf_pages(out)[0]


def test_a_links_address_is_printed_after_its_text(tmp_path: Path) -> None:
    """On paper "Przeczytaj dokument." said nothing of where the document is."""
    items = [[("Przeczytaj [**regulamin**](https://intranet.example.com/r?v=2&l=pl) i "
               "<https://intranet.example.com/faq>, pytania: [dział kadr](mailto:kadry@acme.example).",
               "przełożony", "day 1")]]
    project = make_project(tmp_path / "p", {
        "playbooks/checklists/links.yaml": checklist_yaml("links", "tester", items)})
    out = tmp_path / "links.pdf"
    assert run("--project", str(project), "checklist", "pdf", "links", "--out", str(out)) == 0
    text = pdf_pages(out)[0]
    expected = ("Przeczytaj regulamin (https://intranet.example.com/r?v=2&l=pl) i "
                "https://intranet.example.com/faq, pytania: dział kadr (kadry@acme.example).")
    assert "".join(expected.split()) in "".join(text.split()), text  # an address may break a line


def test_a_packs_checklist_does_not_repeat_its_title_in_the_header_of_its_first_page(
    tmp_path: Path,
) -> None:
    """The running header (the checklist's title) is for the pages that follow its heading: on the
    page where the heading is, it said the same thing twice, one line above it, in a pack as it
    already did not in a single checklist."""
    long_one = [[(f"Zadanie {i}: sprawdź punkt numer {i}.", "manager", "week 1") for i in range(1, 31)]]
    project = make_project(tmp_path / "p", {
        "playbooks/checklists/first.yaml": checklist_yaml("first", "tester", long_one, title="Pierwsza lista"),
        "playbooks/checklists/second.yaml": checklist_yaml("second", "tester", [[("Jedno.", "IT", "day 1")]],
                                                            title="Druga lista"),
    })
    out = tmp_path / "pack.pdf"
    assert run("--project", str(project), "checklist", "pdf", "--role", "tester", "--name", "Anna Nowak",
               "--out", str(out)) == 0
    pages = page_words(out)
    texts = pdf_pages(out)
    assert len(pages) == 4, texts  # cover, "first" on two pages, "second"

    def header(page: list[Word]) -> str:
        return " ".join(w.text for w in page if w.y1 < TOP_MARGIN)

    assert header(pages[1]) == "Anna Nowak", "the first page of 'first'"
    assert header(pages[2]) == "Pierwsza lista Anna Nowak", "the page after it keeps the title"
    assert header(pages[3]) == "Anna Nowak", "the first page of 'second'"
    assert "Pierwsza lista" in texts[1] and "Druga lista" in texts[3]


@pytest.mark.parametrize("title", [
    "Wdrożenie nowego przedstawiciela handlowego w dziale sprzedaży korporacyjnej regionu "
    "północno-zachodniego",
    "Konstantynopolitańczykowianeczkówna" * 3,  # one word longer than the line
])
def test_a_long_title_and_a_long_name_share_the_running_header_on_one_line(
    tmp_path: Path, title: str,
) -> None:
    """From page 2 on, a long title (top left) and "Anna Maria Nowak-Zielińska" (top right) each
    wrapped to two lines, the name broken after "Nowak-"; a title of one long word ran on under
    the name. The title is now cut to one line with an ellipsis, and the name keeps its room."""
    name = "Anna Maria Nowak-Zielińska"
    items = [[(f"Zadanie {i}: sprawdź punkt numer {i}.", "manager", "week 1") for i in range(1, 41)]]
    project = make_project(tmp_path / "p", {
        "playbooks/checklists/long.yaml": checklist_yaml("long", "tester", items, title=title)})
    out = tmp_path / "long.pdf"
    assert run("--project", str(project), "checklist", "pdf", "long", "--name", name, "--out", str(out)) == 0
    pages = page_words(out)
    assert len(pages) >= 2
    header = [w for w in pages[1] if w.y1 < TOP_MARGIN]
    assert len({round(w.y0) for w in header}) == 1, [(w.text, w.y0) for w in header]  # one line
    names = [w for w in header if w.text in name.split()]
    titles = [w for w in header if w not in names]
    assert " ".join(w.text for w in names) == name
    shown = " ".join(w.text for w in titles)
    assert shown.endswith("…") and title.startswith(shown[:-1].rstrip()), shown
    assert max(w.x1 for w in titles) < min(w.x0 for w in names), "the title stops before the name"
    assert max(w.x1 for w in names) <= A4_WIDTH - 16 * MM + 0.5, "the name ends at the right margin"


# -- the filled SLA ------------------------------------------------------------------------------

LONG_VALUES = """\
company_name: Przedsiębiorstwo Handlowo-Usługowe „Konstantynopolitańczykowianeczka” Małgorzata \
Brzęczyszczykiewicz-Wojciechowska spółka komandytowo-akcyjna
company_size: large
lead_definition: |-
  - firma produkcyjna z Polski, 50–500 pracowników, z branży spożywczej, chemicznej, metalowej, \
drzewnej, papierniczej, tekstylnej, elektronicznej albo motoryzacyjnej,
  - osoba kontaktowa to kierownik działu lub członek zarządu,
  - zostawiła e-mail lub telefon i zgodziła się na kontakt: \
https://intranet.example.com/wiki/marketing/zgody/formularz-zgody-marketingowej-2027-final.pdf
  - pobrała raport albo była na webinarze w ostatnich 30 dniach.
revenue_target: 999999999999
review_cadence: monthly
marketing_signatory: Małgorzata Brzęczyszczykiewicz-Wojciechowska, wiceprezes zarządu ds. \
marketingu i komunikacji korporacyjnej
sales_signatory: Krzysztof Grzegorz Szczebrzeszyński-Wielkopolski, dyrektor sprzedaży
effective_date: 2027-12-31
contact_emails:
  - malgorzata.brzeczyszczykiewicz-wojciechowska@przedsiebiorstwo-handlowo-uslugowe.example
  - jan.kowalski@acme.example
"""


@pytest.fixture(scope="module")
def long_sla(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's SLA filled with long values (its annex is longer than a page), as a PDF."""
    folder = tmp_path_factory.mktemp("long-sla")
    values = folder / "values.yaml"
    values.write_text(LONG_VALUES, encoding="utf-8")
    out = folder / "sla.pdf"
    assert run("--project", str(ROOT), "sla", "fill", "marketing-sales-sla", "--values", str(values),
               "--lang", "pl", "--out", str(out)) == 0
    return out


def test_an_annex_longer_than_a_page_starts_under_its_heading(long_sla: Path) -> None:
    """The annex table was kept whole, so being longer than a page it went to the next one and left
    its heading alone on a page of its own."""
    pages = pdf_pages(long_sla)
    heading = [k for k, page in enumerate(pages) if "Załącznik: uzgodnione wartości" in page]
    assert len(heading) == 1
    opening = pages[heading[0]]
    assert "Pozycja Wartość Nazwa firmy Przedsiębiorstwo" in opening, opening[:300]
    rows = [k for k, page in enumerate(pages) if "Leady MQL potrzebne miesięcznie" in page]
    assert rows[-1] == heading[0] + 1, "the annex goes on over the next page"
    assert pages[rows[-1]].startswith("Pozycja Wartość"), "with its header repeated"


def test_the_labels_of_a_table_keep_their_words_whole(long_sla: Path) -> None:
    """Beside long names the signature table squeezed its label column to a few letters,
    breaking "nazwisko" into "nazwis" and "ko"."""
    words = [w for page in page_words(long_sla) for w in page]
    labels = [w.text for w in words if w.text.startswith("nazwis") or w.text == "ko"]
    assert labels == ["nazwisko"], labels
    name = next(w for w in words if w.text == "nazwisko")
    value = next(w for w in words if w.text.startswith("Małgorzata") and abs(w.y0 - name.y0) < 30)
    assert name.x1 < value.x0, "the label stays in its own column"


# -- the checklist's page on the site -------------------------------------------------------------


class _Cells(HTMLParser):
    """The first cell of every table row: its tick box's aria-label and the text beside it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[tuple[str | None, str]] = []
        self._cell = 0
        self._in_first = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._cell = 0
        elif tag == "td":
            self._cell += 1
            self._in_first = self._cell == 1
            if self._in_first:
                self.rows.append((None, ""))
        elif tag == "input" and self._in_first:
            self.rows[-1] = (dict(attrs).get("aria-label"), self.rows[-1][1])

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._in_first = False

    def handle_data(self, data: str) -> None:
        if self._in_first:
            self.rows[-1] = (self.rows[-1][0], self.rows[-1][1] + data)


def test_an_items_markdown_stays_out_of_its_tick_boxs_label(tmp_path: Path) -> None:
    """A code span or a link in an item's text was turned into HTML inside the tick box's
    aria-label, which ended the attribute: 'dokument.">' showed beside the box, on screen and on
    paper, and a screen reader read half the item."""
    text = ("Przeczytaj **politykę rabatową** w `CRM > Ustawienia` i "
            "[dokument](https://intranet.example.com/a_b/c.pdf) | _ważne_.")
    items = [[(text, "przełożony", "day 1"), ("Zwykłe zadanie, a < b & c.", "IT", "day 2")]]
    project = make_project(tmp_path / "p", {
        "playbooks/checklists/md.yaml": checklist_yaml("md", "tester", items)})
    catalogue, _ = load(project, project / "playbooks")
    page = next(p for p in plan(catalogue, "pl") if p.path == "checklists/md.md")
    rendered = markdown.markdown(page.markdown, extensions=["attr_list", "md_in_html", "tables"])
    cells = _Cells()
    cells.feed(rendered)
    boxes = [(label, beside.strip()) for label, beside in cells.rows if label is not None]
    assert boxes == [
        ("Zrobione: Przeczytaj politykę rabatową w CRM > Ustawienia i dokument | _ważne_.", ""),
        ("Zrobione: Zwykłe zadanie, a < b & c.", ""),
    ]
    assert '<a href="https://intranet.example.com/a_b/c.pdf">dokument</a>' in rendered


def test_a_docx_pages_like_the_pdf(tmp_path: Path) -> None:
    """The DOCX had no page numbers, ran the annex on after the signatures, and lost a table's
    header row on the pages after its first (and let Word split a row across two pages)."""
    import docx
    from docx.oxml.ns import qn

    values = tmp_path / "values.yaml"
    values.write_text(LONG_VALUES, encoding="utf-8")
    out = tmp_path / "sla.docx"
    assert run("--project", str(ROOT), "sla", "fill", "marketing-sales-sla", "--values", str(values),
               "--lang", "pl", "--out", str(out)) == 0
    word = docx.Document(str(out))
    breaks = [p.text for p in word.paragraphs if p.paragraph_format.page_break_before]
    assert breaks == ["Załącznik: uzgodnione wartości"]
    assert len(word.tables) == 3
    for table in word.tables:
        flags = [row._tr.xpath("./w:trPr/w:tblHeader | ./w:trPr/w:cantSplit") for row in table.rows]
        assert [[f.tag == qn("w:tblHeader") for f in found] for found in flags] == (
            [[False, True]] + [[False]] * (len(table.rows) - 1))
    footer = word.sections[0].footer.paragraphs[0]._p
    assert [t.strip() for t in footer.xpath(".//w:instrText/text()")] == ["PAGE", "NUMPAGES"]
    assert "".join(footer.xpath(".//w:t/text()")) == "1 / 1"


_NO_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>{empty}</dir><cachedir>{cache}</cachedir></fontconfig>
"""


def test_an_sla_pdf_and_a_checklist_print_on_a_machine_without_fonts_quietly(tmp_path: Path) -> None:
    """A slim container has no fonts: WeasyPrint crashed (a segmentation fault, no PDF) on the
    agreement, which asked for the system's fonts, while the checklists embed their own. It now
    embeds the same DejaVu Sans, Polish letters and all."""
    import os
    import sys

    (tmp_path / "empty").mkdir()
    config = tmp_path / "fonts.conf"
    config.write_text(_NO_FONTS.format(empty=tmp_path / "empty", cache=tmp_path / "cache"), encoding="utf-8")
    out = tmp_path / "sla.pdf"
    env = {**os.environ, "FONTCONFIG_FILE": str(config), "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "--project", str(ROOT), "sla", "fill", "marketing-sales-sla",
         "--values", str(ROOT / "examples" / "q1-2027.yaml"), "--lang", "pl", "--out", str(out)],
        capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])
    # nor does WeasyPrint's import-time "No fonts configured in FontConfig. Expect ugly output."
    # alarm anyone: the output has its own fonts
    assert result.stderr.startswith("Wrote ") and "ugly" not in result.stderr, result.stderr
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert "DejaVu-Sans " in fonts and "DejaVu-Sans-Bold" in fonts, fonts
    text = " ".join(pdf_pages(out))
    assert "Załącznik: uzgodnione wartości" in text and "Przegląd umowy Co miesiąc" in text
    checklist = subprocess.run(
        [sys.executable, "-m", "generator.cli", "--project", str(ROOT), "checklist", "pdf", "new-marketer",
         "--out", str(tmp_path / "checklist.pdf")],
        capture_output=True, text=True, env=env, timeout=300)
    assert (checklist.returncode, checklist.stderr) == (0, ""), checklist.stderr[-2000:]
    assert "Wdrożenie nowej osoby w marketingu" in " ".join(pdf_pages(tmp_path / "checklist.pdf"))


def test_a_tables_lead_in_sentence_and_heading_go_to_the_next_page_with_it() -> None:
    """document.css in the PDF: a clause of a heading, a sentence and a table, moved down the
    first page a step at a time: the heading is always on the table's page (not left at the foot
    of the page above it, as the signatures were in a browser's print)."""
    from weasyprint import HTML

    from generator.sla.spec import CSS_FILE

    css = CSS_FILE.read_text(encoding="utf-8")
    clause = ("<section class='sla-clause'><h2>7. Podpisy</h2><p>Podpisując, strony potwierdzają.</p>"
              "<table><thead><tr><th></th><th>Marketing</th><th>Sprzedaż</th></tr></thead><tbody>"
              + "".join(f"<tr><td>{row}</td><td></td><td></td></tr>" for row in ("Imię", "Data", "Podpis"))
              + "</tbody></table></section>")
    seen = []
    for height in range(150, 250, 10):
        markup = (f"<html><head><style>{css}</style></head><body><article class='sla-doc'>"
                  f"<div style='height: {height}mm'></div>{clause}</article></body></html>")
        pages = [[box for box in _texts(page._page_box)] for page in HTML(string=markup).render().pages]
        heading = [k for k, texts in enumerate(pages) if "7. Podpisy" in texts]
        table = [k for k, texts in enumerate(pages) if "Podpis" in texts]
        seen.append((height, heading, table))
    assert all(heading == table for _h, heading, table in seen), seen
    assert {tuple(table) for _h, _heading, table in seen} == {(0,), (1,)}, "the clause reached page 2"


def _texts(box: Any) -> list[str]:
    found = [box.text] if getattr(box, "text", None) else []
    for child in getattr(box, "children", None) or []:
        found.extend(_texts(child))
    return found


_SIGNATURES_LOW = """(height) => {
  // Only the signatures clause, under a spacer that takes all but the foot of the first page.
  const doc = document.querySelector('.sla-preview .sla-doc');
  for (const part of doc.children) {
    if (part.id !== 'sla-signatures' && !part.classList.contains('qa-spacer')) part.style.display = 'none';
  }
  let spacer = doc.querySelector('.qa-spacer');
  if (!spacer) { spacer = document.createElement('div'); spacer.className = 'qa-spacer'; doc.prepend(spacer); }
  spacer.style.height = height + 'mm';
  document.body.classList.add('sla-printing');  // as the Print button does (afterprint removes it)
}"""


@pytest.mark.browser
def test_the_forms_print_keeps_the_signatures_heading_with_the_table(
    search_page: Any, search_server: str, tmp_path: Path,
) -> None:
    """The form's Print left "7. Podpisy" and its sentence at the foot of a page, the signature
    lines alone on the next. Here the clause is moved down the first page a step at a time: at
    every step the heading is printed on the page of the table."""
    values = tmp_path / "values.yaml"
    values.write_text(LONG_VALUES, encoding="utf-8")
    search_page.goto(search_server + "pl/slas/marketing-sales-sla/")
    search_page.set_input_files("input[type=file]", str(values))
    search_page.wait_for_function("() => document.querySelector('.sla-preview #sla-signatures')")
    seen = []
    for height in range(200, 260, 10):
        search_page.evaluate(_SIGNATURES_LOW, height)
        pages = pdf_pages(search_page.pdf(format="A4"))
        heading = [k for k, text in enumerate(pages) if "7. Podpisy" in text]
        table = [k for k, text in enumerate(pages) if "Imię i nazwisko" in text]
        seen.append((height, heading, table))
    assert all(heading == table and len(table) == 1 for _h, heading, table in seen), seen
    assert {tuple(table) for _h, _heading, table in seen} == {(0,), (1,)}, "the clause reached page 2"


@pytest.mark.browser
def test_a_printed_checklist_page_starts_with_its_title_not_its_tags(
    search_page: Any, search_server: str,
) -> None:
    """The page's tags (Material's chips above the title, which lead to the tags' index on screen)
    printed above the title, like the navigation the print leaves out."""
    search_page.goto(search_server + "pl/checklists/new-sales-rep/")
    assert search_page.locator(".md-tags .md-tag").count() == 2  # on screen: onboarding, sales
    first = pdf_pages(search_page.pdf(format="A4"))[0]
    assert "Wdrożenie nowego handlowca" in first
    assert "onboarding" not in first, first[:300]


@pytest.mark.browser
def test_the_browsers_own_print_of_the_sla_page_prints_the_agreement_or_a_form_without_buttons(
    search_page: Any, search_server: str,
) -> None:
    """Ctrl+P (not the form's Print button) printed the form's boxes, its buttons and the empty
    preview. Without values that make an agreement it prints the form to fill in by hand, without
    buttons or the empty preview; with them, the agreement, as the Print button does."""
    search_page.goto(search_server + "pl/slas/marketing-sales-sla/")
    search_page.wait_for_function("() => document.querySelector('.sla-app').slaState")

    def printed() -> str:
        return "\n".join(pdf_pages(search_page.pdf(format="A4")))

    form = printed()
    assert "Nazwa firmy" in form  # the form's labels, to fill in by hand
    for button in ("Drukuj", "Sprawdź", "Pobierz", "Podgląd umowy", "Uzupełnij wymagane pola"):
        assert button not in form, button
    search_page.set_input_files("input[type=file]", str(ROOT / "examples" / "q1-2027.yaml"))
    search_page.wait_for_function("() => document.querySelector('.sla-preview #sla-signatures')")
    agreement = printed()
    assert "Podpisy" in agreement and "Imię i nazwisko" in agreement
    assert agreement.count("Nazwa firmy") == 1, agreement  # the annex's row; the form is left out
    assert not search_page.evaluate("document.body.classList.contains('sla-printing')")  # afterprint
