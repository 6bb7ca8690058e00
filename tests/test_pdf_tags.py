"""The PDFs a person takes away (``playbook checklist pdf``, ``playbook sla fill --format pdf``)
are tagged for a screen reader: read back with pypdf, their structure tree has the headings,
tables whose data cells name their header cells, the pack's contents as a list, ``/Lang`` on
every part shown in the other language; and their metadata says what they are."""

from __future__ import annotations

import html
import io
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from PIL import Image
from pypdf import PdfReader

from generator.catalogue import load
from generator.checklists.document import checklist_html
from generator.checklists.words import word
from generator.cli import main
from generator.labels import label
from generator.models.base import Translations, localize
from generator.models.checklist import Checklist
from generator.models.sla import Sla
from generator.sla import outputs
from generator.sla.fill import fill
from generator.sla.spec import compile_spec
from tests.checklists import Tag, checklist_yaml, pdf_pages, pdf_structure
from tests.projects import make_project

ROOT = Path(__file__).resolve().parent.parent
PRINTED = "20261127"  # PLAYBOOK_TODAY, pinned by conftest
COLUMNS = ("done", "item", "owner", "due")


def catalog(pdf: bytes | Path) -> Any:
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    return PdfReader(io.BytesIO(data)).trailer["/Root"].get_object()


def reader(pdf: bytes | Path) -> PdfReader:
    return PdfReader(io.BytesIO(pdf.read_bytes() if isinstance(pdf, Path) else pdf))


def assert_tagged(pdf: bytes | Path, lang: str, title: str) -> Tag:
    """What every tagged PDF has: the tree, marked as tagged, the document's language, the title
    shown as the window's (not the file name) and in the XMP metadata, which says PDF/UA-1."""
    root = catalog(pdf)
    assert root["/MarkInfo"]["/Marked"].value is True
    assert root["/Lang"] == lang
    assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    read = reader(pdf)
    assert read.metadata is not None and read.metadata.title == title
    xmp = read.xmp_metadata
    assert xmp is not None and xmp.dc_title == {"x-default": title}
    assert re.search(rb"pdfuaid:part=.1.", root["/Metadata"].get_object().get_data())
    tree = pdf_structure(pdf)
    assert tree is not None and tree.tag == "Document"
    return tree


def first_pages(read: PdfReader) -> dict[str, int]:
    """The page (from 1) each top-level bookmark leads to: the cover, each checklist of a pack."""
    pages = {}
    for mark in read.outline:
        if not isinstance(mark, list):
            number = read.get_destination_page_number(mark)
            assert number is not None
            pages[str(mark.title)] = number + 1
    return pages


def tables_headed(tree: Tag, headings: list[str]) -> list[Tag]:
    """The tables whose first row of header cells reads ``headings``."""
    return [t for t in tree.all("Table") if [th.text for th in t.all("TR")[0].all("TH")] == headings]


def cell_headers(table: Tag) -> list[tuple[str, list[str]]]:
    """Each data cell's text with the texts of the header cells it names (``/Headers``)."""
    ids = {th.id: th.text for th in table.all("TH")}
    return [(td.text, [ids[str(h)] for h in td.attributes.get("/Headers", [])]) for td in table.all("TD")]


def run(*args: str) -> int:
    return main(list(args))


# -- a checklist -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_a_printed_checklist_is_tagged_for_a_screen_reader(tmp_path: Path, lang: str) -> None:
    catalogue, _ = load(ROOT, ROOT / "playbooks")
    entry = catalogue.get("new-sales-rep")
    assert entry is not None and isinstance(entry.definition, Checklist)
    checklist = entry.definition
    title = localize(checklist.title, lang).text
    out = tmp_path / "c.pdf"
    assert run("--project", str(ROOT), "checklist", "pdf", "new-sales-rep", "--lang", lang,
               "--name", "Anna Nowak", "--start", "2027-01-04", "--out", str(out)) == 0
    tree = assert_tagged(out, lang, title)

    assert [h.text for h in tree.all("H1")] == [title]
    assert [h.text for h in tree.all("H2")] == [
        *(localize(s.title, lang).text for s in checklist.sections), word(lang, "signoff")]
    # Every item is a row of a table whose data cells each name their column's header cell
    # (a table split over two pages repeats its header row, with header cells of its own).
    columns = [label(lang, key) for key in COLUMNS]
    cells = [cell for table in tables_headed(tree, columns) for cell in cell_headers(table)]
    items = sum(len(s.items) for s in checklist.sections)
    assert len(cells) == 4 * items
    assert all(len(headers) == 1 and headers[0] in columns for _text, headers in cells)
    tasks = [text for text, headers in cells if headers == [label(lang, "item")]]
    assert len(tasks) == items
    first = localize(checklist.sections[0].items[0].text, lang).text
    assert tasks[0].startswith(first[:30])
    assert all(th.attributes["/Scope"] == "/Column" for t in tables_headed(tree, columns) for th in t.all("TH"))
    # The sign-off: a row's header ("Name") heads its row; the new hire's cell is under both.
    [sign] = tables_headed(tree, ["", word(lang, "new_hire"), word(lang, "line_manager")])
    rows = [th for th in sign.all("TH") if th.attributes["/Scope"] == "/Row"]
    assert [th.text for th in rows] == [word(lang, k) for k in ("full_name", "signoff_date", "signature")]
    assert ("Anna Nowak", [word(lang, "full_name"), word(lang, "new_hire")]) in cell_headers(sign)
    # Every text is in the document's language: nothing is marked as another.
    assert [t for t in tree.walk() if t.lang] == []

    info = reader(out).metadata
    assert info is not None
    assert info.author == localize(checklist.owner, lang).text
    assert info.creator == "playbook"
    assert info.subject == " ".join(localize(checklist.summary, lang).text.split())
    assert str(info["/CreationDate"]).startswith(f"D:{PRINTED}")


# -- a role's pack, with texts in the other language ------------------------------------------


OTHER = {"en": "pl", "pl": "en"}
#: Texts given in one language only: the role's name, a checklist's title, a section's title.
ONLY = {
    "pl": {"role": "Handlowiec", "title": "Beta po polsku", "section": "Sekcja pierwsza"},
    "en": {"role": "Sales rep", "title": "Beta in English", "section": "First section"},
}


def pack_project(root: Path, only: str) -> Path:
    words = ONLY[only]
    one = [[("Zadanie.", "IT", "day 1")] * 2]
    role = f"role: sales-rep\nrole_title: {{{only}: {words['role']}}}\n"
    a = checklist_yaml("a-first", "sales-rep", one, title="Alfa").replace("role: sales-rep\n", role)
    b = (checklist_yaml("b-second", "sales-rep", one, title="Beta").replace("role: sales-rep\n", role)
         .replace("title: {pl: Beta, en: Beta}", f"title: {{{only}: {words['title']}}}")
         .replace("- title: {pl: Sekcja 1, en: Section 1}", f"- title: {{{only}: {words['section']}}}")
         .replace("owner: Anna\n", "owner: Piotr\n"))
    assert words["title"] in b and words["section"] in b and "Piotr" in b
    return make_project(root, {"playbooks/checklists/a.yaml": a, "playbooks/checklists/b.yaml": b})


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_a_role_pack_is_tagged_with_its_contents_and_the_language_of_each_part(
        tmp_path: Path, lang: str) -> None:
    other = OTHER[lang]
    words = ONLY[other]
    project = pack_project(tmp_path / "p", other)
    out = tmp_path / "pack.pdf"
    assert run("--project", str(project), "checklist", "pdf", "--role", "sales-rep", "--lang", lang,
               "--out", str(out)) == 0
    title = f"{word(lang, 'pack')} {word(lang, 'for_role')} {words['role']}"
    tree = assert_tagged(out, lang, title)

    assert [h.text for h in tree.all("H1")] == [title, "Alfa", words["title"]]
    read = reader(out)
    starts = list(first_pages(read).values())
    [contents] = tree.all("L")
    entries = contents.all("LI")
    assert [e.text for e in entries] == [f"1. Alfa {starts[1]}", f"2. {words['title']} {starts[2]}"]
    assert all([k.tag for k in e.kids] == ["Lbl", "LBody"] for e in entries)
    # The parts in the other language, each marked once, and nothing else: the role's name (the
    # cover's line above the title, in its title, and above each checklist's title), the second
    # checklist's title (in the contents, with its page, and as its heading), its section's heading.
    marked = sorted((t.tag, t.text) for t in tree.walk() if t.lang)
    assert marked == sorted([
        ("Span", words["role"]), ("Span", words["role"]), ("Span", words["role"]), ("Span", words["role"]),
        ("Link", f"{words['title']} {starts[2]}"), ("H1", words["title"]), ("H2", words["section"]),
    ])
    assert {t.lang for t in tree.walk() if t.lang} == {other}
    [cover_title] = [h for h in tree.all("H1") if h.text == title]
    assert [(k.text, k.lang) for k in cover_title.kids if k.lang] == [(words["role"], other)]

    assert read.metadata is not None and read.metadata.author == "Anna, Piotr"
    assert read.metadata.subject is None, "a pack has no one summary"
    # The bookmarks: the cover, then each checklist with its sections and sign-off.
    top = [o.title for o in read.outline if not isinstance(o, list)]
    assert top == [title, "Alfa", words["title"]]
    nested = [[o.title for o in n if not isinstance(o, list)] for n in read.outline if isinstance(n, list)]
    assert nested == [
        [word(lang, "contents")],
        [f"{'Sekcja' if lang == 'pl' else 'Section'} 1", word(lang, "signoff")],
        [words["section"], word(lang, "signoff")],
    ]


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_the_cover_marks_a_role_named_in_the_other_language(tmp_path: Path, lang: str) -> None:
    other = OTHER[lang]
    role = ONLY[other]["role"]
    project = pack_project(tmp_path / "p", other)
    catalogue, _ = load(project, project / "playbooks")
    html = checklist_html(catalogue, catalogue.of_kind("checklist"), lang, stamp=None, pack_role="sales-rep")
    assert (f'<h1 class="pb-cover-title">{word(lang, "pack")} {word(lang, "for_role")} '
            f'<span lang="{other}">{role}</span></h1>') in html
    assert f'{label(lang, "role")}: <span lang="{other}">{role}</span></p>' in html
    assert f"<title>{word(lang, 'pack')} {word(lang, 'for_role')} {role}</title>" in html

    # A role named in both languages is the document's language: no mark.
    translated = make_project(tmp_path / "t", {"playbooks/checklists/a.yaml": checklist_yaml(
        "a-first", "sales-rep", [[("Zadanie.", "IT", "day 1")]], title="Alfa").replace(
        "role: sales-rep\n", "role: sales-rep\nrole_title: {pl: Handlowiec, en: Sales rep}\n")})
    catalogue, _ = load(translated, translated / "playbooks")
    html = checklist_html(catalogue, catalogue.of_kind("checklist"), lang, stamp=None, pack_role="sales-rep")
    name = "Handlowiec" if lang == "pl" else "Sales rep"
    assert f'<h1 class="pb-cover-title">{word(lang, "pack")} {word(lang, "for_role")} {name}</h1>' in html
    assert re.findall(r"<[^>]* lang=", html) == ["<html lang="]


# -- an agreement ------------------------------------------------------------------------------


EXAMPLE = yaml.safe_load((ROOT / "examples" / "q1-2027.yaml").read_text(encoding="utf-8"))
EXAMPLE["effective_date"] = "2027-01-01"


def example_sla() -> Sla:
    catalogue, _ = load(ROOT, ROOT / "playbooks")
    entry = catalogue.get("marketing-sales-sla")
    assert entry is not None and isinstance(entry.definition, Sla)
    return entry.definition


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_an_agreement_pdf_is_tagged_with_its_metadata(lang: str) -> None:
    filled, problems = fill(compile_spec(example_sla(), lang), EXAMPLE)
    assert filled is not None, problems
    pdf = outputs.render(filled, "pdf")
    title = filled.spec["title"]
    tree = assert_tagged(pdf, lang, title)
    assert [h.text for h in tree.all("H1")] == [title]
    headings = [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<h2>(.*?)</h2>", filled.html_body())]
    assert len(headings) >= 7
    assert [h.text for h in tree.all("H2")] == headings
    assert tree.all("L") and all(li.all("LBody") for li in tree.all("LI"))
    # Every data cell of a table with a header row (the signatures, the annex of agreed values)
    # names its header cells.
    cells = [cell for t in tree.all("Table") if t.all("THead") for cell in cell_headers(t)]
    assert len(cells) >= 10 and all(headers for _text, headers in cells)
    assert [t for t in tree.walk() if t.lang] == []
    info = reader(pdf).metadata
    assert info is not None and info.creator == "playbook"


def test_an_agreement_marks_its_texts_in_the_other_language() -> None:
    """The template's title and first clause in Polish only, the agreement in English."""
    sla = example_sla()
    first = sla.clauses[0]
    assert isinstance(first.title, Translations) and isinstance(first.body, Translations)
    assert isinstance(sla.title, Translations) and sla.title.pl
    polish = first.model_copy(update={"title": Translations(pl=first.title.pl),
                                      "body": Translations(pl=first.body.pl)})
    only_polish = sla.model_copy(update={"title": Translations(pl=sla.title.pl),
                                         "clauses": [polish, *sla.clauses[1:]]})
    filled, problems = fill(compile_spec(only_polish, "en"), EXAMPLE)
    assert filled is not None, problems
    tree = assert_tagged(outputs.render(filled, "pdf"), "en", sla.title.pl)
    [h1] = tree.all("H1")
    assert (h1.lang, h1.text) == ("pl", sla.title.pl)
    heading = tree.all("H2")[0]
    assert heading.text == f"1. {first.title.pl}" and heading.lang is None
    assert [(k.lang, k.text) for k in heading.kids if k.lang] == [("pl", first.title.pl)]
    body = [t for t in tree.walk() if t.lang == "pl" and t.tag == "Div"]
    assert first.body.pl is not None
    assert len(body) == 1 and body[0].text.startswith(" ".join(first.body.pl.split())[:25])
    assert {t.tag for t in tree.walk() if t.lang} == {"H1", "Span", "Div"}
    assert all(t.lang == "pl" for t in tree.walk() if t.lang)


# -- a pack's contents: each entry read as its title and page, its leader only drawn ------------

#: A title long enough to take two lines of the contents: the leader and the number follow the
#: second line.
LONG = "Alfa a checklist whose title is long enough to take two lines of the contents page Zeta Omega"


def words_on_cover(pdf: Path) -> list[tuple[str, float, float, float, float]]:
    """(text, left, top, right, bottom) in points of each word on the first page (pdftotext)."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return [(html.unescape(m[5]), float(m[1]), float(m[2]), float(m[3]), float(m[4])) for m in
            re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out)]


def inked_share(pdf: Path, box: tuple[float, float, float, float]) -> float:
    """The share of the pixel columns of ``box`` (points, on the first page drawn at 72 dpi: a
    pixel a point) that have any ink."""
    subprocess.run(["pdftoppm", "-png", "-gray", "-r", "72", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(pdf.with_suffix(""))], check=True)
    left, top, right, bottom = (round(v) for v in box)
    with Image.open(pdf.with_suffix(".png")) as page:
        # ink: darker than 160 of 255 (the dots' antialiased edges are lighter)
        gray = page.convert("L").crop((left, top, right, bottom)).point(lambda v: 0 if v < 160 else 255)
    dark = [[gray.getpixel((x, y)) == 0 for y in range(bottom - top)]
            for x in range(right - left)]
    return sum(any(column) for column in dark) / (right - left)


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_a_contents_entry_reads_as_its_title_and_page_with_its_leader_only_drawn(
        tmp_path: Path, lang: str) -> None:
    many = [[(f"Zadanie {i}.", "HR", "week 1") for i in range(1, 40)]]
    one = [[("Zadanie.", "IT", "day 1")] * 2]
    project = make_project(tmp_path / "p", {
        "playbooks/checklists/a.yaml": checklist_yaml("a-first", "sales-rep", many, title=LONG),
        "playbooks/checklists/b.yaml": checklist_yaml("b-second", "sales-rep", one, title="Beta"),
    })
    out = tmp_path / "pack.pdf"
    assert run("--project", str(project), "checklist", "pdf", "--role", "sales-rep", "--lang", lang,
               "--out", str(out)) == 0
    read = reader(out)
    starts = first_pages(read)
    assert starts[LONG] == 2 and starts["Beta"] > 3, starts

    # What a screen reader reads: the number, the title, the page; no run of dots.
    tree = pdf_structure(out)
    assert tree is not None
    [contents] = tree.all("L")
    entries = contents.all("LI")
    assert [e.text for e in entries] == [f"1. {LONG} {starts[LONG]}", f"2. Beta {starts['Beta']}"]
    assert [[k.tag for k in e.kids] for e in entries] == [["Lbl", "LBody"]] * 2
    [link] = entries[1].all("LBody")[0].kids
    assert link.tag == "Link" and link.text == f"Beta {starts['Beta']}"
    assert all(".." not in t.text.replace(" ", "") for t in contents.walk())
    # The page's text in the order it is drawn (what a copy or a reader without the tags gets): the
    # same, each number after its title.
    assert f"1. {LONG} {starts[LONG]} 2. Beta {starts['Beta']} " in pdf_pages(out)[0]

    # What the printed page shows: the title, the page number at the right on the title's (last)
    # line, and between them a dotted leader: ink in about half the columns of the gap.
    words = words_on_cover(out)
    for last, page in (("Omega", starts[LONG]), ("Beta", starts["Beta"])):
        [title_end] = [w for w in words if w[0] == last]
        [number] = [w for w in words if w[0] == str(page) and abs(w[2] - title_end[2]) < 1]
        assert number[3] > 500, "the number is at the right margin"
        gap = (title_end[3] + 4, title_end[2], number[1] - 4, title_end[4])
        assert gap[2] - gap[0] > 40
        assert 0.3 < inked_share(out, gap) < 0.8, "a dotted leader, neither blank nor a full line"
    [second_line] = [w for w in words if w[0] == "Omega"]
    assert second_line[2] > next(w for w in words if w[0] == "Alfa")[2], "the long title takes two lines"


def test_a_projects_own_contents_entry_made_before_still_prints_its_leader_and_page(tmp_path: Path) -> None:
    """A project's ``templates/print/document.html.j2`` copied before the entries had their class
    still prints each entry's dotted leader and page number (as text, as it did then)."""
    shipped = (ROOT / "generator/templates/print/document.html.j2").read_text(encoding="utf-8")
    own = re.sub(r'<li class="pb-toc-entry">', "<li>", shipped)
    assert own != shipped
    project = pack_project(tmp_path / "p", "pl")
    (project / "templates/print").mkdir(parents=True)
    (project / "templates/print/document.html.j2").write_text(own, encoding="utf-8")
    out = tmp_path / "pack.pdf"
    assert run("--project", str(project), "checklist", "pdf", "--role", "sales-rep", "--lang", "pl",
               "--out", str(out)) == 0
    starts = list(first_pages(reader(out)).values())
    cover = pdf_pages(out)[0]
    # (pypdf reads the list numbers after the entries)
    assert re.search(rf"Alfa \.{{20,}} {starts[1]} Beta po polsku \.{{20,}} {starts[2]}\b", cover), cover
