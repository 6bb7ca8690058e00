"""The filled agreement as files: Markdown, standalone HTML, PDF (WeasyPrint) and DOCX (python-docx).

PDF and DOCX are made from the same HTML as the HTML file, so the four formats say the same thing.
Values are already escaped text inside that HTML, so no value can add structure to any format:
DOCX gets them as plain runs, line breaks as breaks. WeasyPrint renders with a URL fetcher that
refuses everything except this package's own files: a filled agreement loads nothing from outside,
whatever its template's author wrote.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

from ..checklists.pdf import import_weasyprint
from ..checklists.tagged import write_pdf as write_tagged
from ..sanitize import is_address
from .fill import Filled

FORMATS = ("md", "html", "pdf", "docx")
OWN_FILES = Path(__file__).parent
#: The checklists' DejaVu Sans, embedded in the PDF as it is in theirs: with no fonts installed (a
#: slim container) WeasyPrint crashed, and a machine whose fonts lack Polish letters prints boxes.
FONTS_DIR = OWN_FILES.parent / "checklists" / "fonts"
_PDF_FONTS = """
@font-face { font-family: "DejaVu Sans"; src: url("DejaVuSans.ttf"); font-weight: 400; }
@font-face { font-family: "DejaVu Sans"; src: url("DejaVuSans-Bold.ttf"); font-weight: 700; }
"""


def render(filled: Filled, fmt: str) -> bytes:
    """The agreement in ``fmt`` (one of :data:`FORMATS`) as the bytes of a file."""
    if fmt == "md":
        return filled.markdown().encode("utf-8")
    if fmt == "html":
        return filled.html().encode("utf-8")
    if fmt == "pdf":
        return pdf(filled)
    if fmt == "docx":
        return docx(filled)
    raise ValueError(f"unknown format {fmt!r}")


# -- PDF -----------------------------------------------------------------------------------------

class RefusedURL(Exception):
    pass


def _fetcher() -> Any:
    import_weasyprint()
    from weasyprint.urls import URLFetcher

    class OwnFilesOnly(URLFetcher):  # type: ignore[misc]
        """Serves this package's own files; refuses every other address (no network, no disk)."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            from weasyprint.urls import URLFetcherResponse

            if url.startswith("file://"):
                path = Path(url.removeprefix("file://")).resolve()
                if (path.is_relative_to(OWN_FILES) or path.is_relative_to(FONTS_DIR)) and path.is_file():
                    return URLFetcherResponse(url, path.read_bytes())
            raise RefusedURL(f"refused to load {url}: a filled agreement loads nothing from outside")

    return OwnFilesOnly()


def pdf(filled: Filled) -> bytes:
    import_weasyprint()
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    fetcher = _fetcher()
    embedded = CSS(string=_PDF_FONTS, base_url=FONTS_DIR.as_uri() + "/", url_fetcher=fetcher,
                   font_config=fonts)
    document = HTML(string=filled.html(), base_url=OWN_FILES.as_uri() + "/", url_fetcher=fetcher).render(
        stylesheets=[embedded], font_config=fonts)
    # The standalone HTML has no <meta name="generator"> (the form's twin in sla-form.js makes the
    # same HTML): the PDF says what made it, as the checklists' do.
    document.metadata.generator = "playbook"
    return write_tagged(document)


# -- DOCX ----------------------------------------------------------------------------------------

@dataclass
class _Element:
    tag: str
    attrs: dict[str, str]
    children: list[_Element | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    """The sanitised HTML of an agreement as a small tree (it is well-formed by construction)."""

    _VOID: ClassVar[frozenset[str]] = frozenset({"br", "hr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Element("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = _Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in self._VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(markup: str) -> _Element:
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    return builder.root


_SPACES = re.compile(r"[ \t\r\n]+")
_INLINE = {"strong", "b", "em", "i", "code", "a", "del", "s", "u", "sup", "sub", "span", "br"}


class _DocxWriter:
    def __init__(self) -> None:
        import docx

        self.document = docx.Document()
        self.list_depth = 0
        #: The languages of the elements being written (``lang``), innermost last; the
        #: document's own is its default (_docx_setup), a text in another carries its own.
        self.langs: list[str] = []
        self.lang = ""

    # inline content -> runs of one paragraph
    def runs(self, paragraph: Any, nodes: list[_Element | str], style: frozenset[str] = frozenset(),
             state: dict[str, bool] | None = None) -> None:
        from docx.shared import Pt

        state = state if state is not None else {"start": True}
        for node in nodes:
            if isinstance(node, str):
                text = _SPACES.sub(" ", node)
                if state["start"]:
                    text = text.lstrip(" ")
                if not text:
                    continue
                run = paragraph.add_run(text)
                run.bold = True if {"strong", "b", "th"} & style else None
                run.italic = True if {"em", "i"} & style else None
                run.underline = True if {"u", "a"} & style else None
                if {"del", "s"} & style:
                    run.font.strike = True
                if "sup" in style:
                    run.font.superscript = True
                if "sub" in style:
                    run.font.subscript = True
                if "code" in style:
                    run.font.name = "Courier New"
                    run.font.size = Pt(9.5)
                if self.langs and self.langs[-1] != self.lang:
                    _run_lang(run, self.langs[-1])
                state["start"] = text.endswith(" ")
            elif node.tag == "br":
                paragraph.add_run().add_break()
                state["start"] = True
            elif node.tag in ("ul", "ol", "p", "table", "pre", "blockquote"):
                continue  # block content inside inline context is handled by the caller
            elif node.tag == "a" and is_address(node.attrs.get("href", "")):
                # A link Word follows; its address is printed after it (body.py's sla-href span).
                written = len(paragraph._p)
                self.runs(paragraph, node.children, style | {"a"}, state)
                _hyperlink(paragraph, node.attrs["href"], written)
            else:
                with self.lang_of(node):
                    self.runs(paragraph, node.children, style | {node.tag}, state)

    @contextlib.contextmanager
    def lang_of(self, node: _Element) -> Iterator[None]:
        """While writing ``node``'s content: its ``lang``, if it has one."""
        lang = node.attrs.get("lang")
        if lang:
            self.langs.append(lang)
        try:
            yield
        finally:
            if lang:
                self.langs.pop()

    def blocks(self, nodes: list[_Element | str], paragraph_style: str | None = None) -> None:
        inline: list[_Element | str] = []

        def flush() -> None:
            if any(isinstance(n, _Element) or n.strip() for n in inline):
                paragraph = self.document.add_paragraph(style=paragraph_style)
                self.runs(paragraph, inline)
            inline.clear()

        for node in nodes:
            if isinstance(node, str) or node.tag in _INLINE:
                inline.append(node)
                continue
            flush()
            self.block(node, paragraph_style)
        flush()

    def block(self, node: _Element, paragraph_style: str | None) -> None:
        with self.lang_of(node):
            self._block(node, paragraph_style)

    def _block(self, node: _Element, paragraph_style: str | None) -> None:
        tag = node.tag
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            level = {"h1": 0, "h2": 1, "h3": 2}.get(tag, 3)
            heading = self.document.add_heading(level=level)
            self.runs(heading, node.children)
        elif tag == "p":
            paragraph = self.document.add_paragraph(style=paragraph_style)
            self.runs(paragraph, node.children)
        elif tag in ("ul", "ol"):
            self.list(node)
        elif tag == "table":
            self.table(node)
        elif tag == "blockquote":
            self.blocks(node.children, "Quote")
        elif tag == "pre":
            paragraph = self.document.add_paragraph(style=paragraph_style)
            for i, line in enumerate(_text(node).split("\n")):
                if i:
                    paragraph.add_run().add_break()
                run = paragraph.add_run(line)
                run.font.name = "Courier New"
        elif tag == "hr":
            return
        else:  # article, section, div: their content
            first = len(self.document.paragraphs)
            self.blocks(node.children, paragraph_style)
            if "sla-annex" in node.attrs.get("class", "").split() and len(self.document.paragraphs) > first:
                # on a page of its own, as in the PDF (document.css)
                self.document.paragraphs[first].paragraph_format.page_break_before = True

    def list(self, node: _Element) -> None:
        ordered = node.tag == "ol"
        depth = min(self.list_depth, 2)
        base = "List Number" if ordered else "List Bullet"
        style = base if depth == 0 else f"{base} {depth + 1}"
        num_id = self._restart_numbering(style) if ordered else None
        self.list_depth += 1
        for item in node.children:
            if not isinstance(item, _Element) or item.tag != "li":
                continue
            inline: list[_Element | str] = []
            nested: list[_Element] = []
            for child in item.children:
                if isinstance(child, _Element) and child.tag in ("ul", "ol"):
                    nested.append(child)
                elif isinstance(child, _Element) and child.tag == "p":
                    if any(isinstance(n, _Element) or n.strip() for n in inline):
                        inline.append(_Element("br", {}))  # a loose list: paragraphs as lines
                    inline.extend(child.children)
                else:
                    inline.append(child)
            paragraph = self.document.add_paragraph(style=style)
            if num_id is not None:
                _set_num(paragraph, num_id)
            self.runs(paragraph, inline)
            for sub in nested:
                self.list(sub)
        self.list_depth -= 1

    def _restart_numbering(self, style: str) -> int | None:
        """A new numbering instance, so each numbered list starts at 1 (Word continues otherwise)."""
        try:
            numbering = self.document.part.numbering_part.numbering_definitions._numbering
            style_element = self.document.styles[style].element
            num_id = style_element.pPr.numPr.numId.val
            num = numbering.num_having_numId(num_id)
            fresh = numbering.add_num(num.abstractNumId.val)
            fresh.add_lvlOverride(ilvl=0).add_startOverride(1)
            return int(fresh.numId)
        except (AttributeError, KeyError):  # pragma: no cover - a template without numbering
            return None

    def table(self, node: _Element) -> None:
        from docx.shared import Cm

        rows: list[tuple[bool, list[_Element]]] = []
        for section in node.children:
            if not isinstance(section, _Element):
                continue
            members = [section] if section.tag == "tr" else [
                r for r in section.children if isinstance(r, _Element) and r.tag == "tr"]
            for row in members:
                cells = [c for c in row.children if isinstance(c, _Element) and c.tag in ("td", "th")]
                rows.append((section.tag == "thead", cells))
        if not rows:
            return
        columns = max(len(cells) for _head, cells in rows)
        table = self.document.add_table(rows=len(rows), cols=columns)
        table.style = "Table Grid"
        for r, (head, cells) in enumerate(rows):
            # As in the PDF: a row is never split across pages, and the header row is repeated
            # on every page a table runs over (the annex can be longer than a page).
            _row_property(table.rows[r], "w:cantSplit")
            if head:
                _row_property(table.rows[r], "w:tblHeader")
            for c, cell in enumerate(cells):
                target = table.cell(r, c).paragraphs[0]
                style = frozenset({"th"}) if head or cell.tag == "th" else frozenset()
                self.runs(target, cell.children, style)
            if not head and len(cells) > 1 and all(not _text(cell).strip() for cell in cells[1:]):
                table.rows[r].height = Cm(1.6)  # room to sign
        self.document.add_paragraph()


def _hyperlink(paragraph: Any, href: str, start: int) -> None:
    """The runs written into ``paragraph`` from child ``start`` on, made a link to ``href``."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    runs = list(paragraph._p)[start:]
    if not runs:
        return
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), paragraph.part.relate_to(href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
    runs[0].addprevious(link)
    for run in runs:
        link.append(run)


def _row_property(row: Any, tag: str) -> None:
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement(tag))


def _page_numbers(section: Any) -> None:
    """"1 / 6" centred in the footer, as the PDF has it: Word's PAGE and NUMPAGES fields."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def run(text: str = "") -> Any:
        added = paragraph.add_run(text)
        added.font.size = Pt(8.5)
        added.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
        return added

    def mark(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run()._r.append(element)

    def field(instruction: str) -> None:
        mark("begin")
        code = OxmlElement("w:instrText")
        code.set(qn("xml:space"), "preserve")
        code.text = instruction
        run()._r.append(code)
        mark("separate")
        run("1")  # shown until Word counts the pages
        mark("end")

    field(" PAGE ")
    run(" / ")
    field(" NUMPAGES ")


def _set_num(paragraph: Any, num_id: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = p_pr.get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


def _text(node: _Element | str) -> str:
    if isinstance(node, str):
        return node
    if node.tag == "br":
        return "\n"
    return "".join(_text(child) for child in node.children)


#: The document's language as Word's proofing tools name it.
_DOCX_LANG = {"pl": "pl-PL", "en": "en-GB"}


def docx(filled: Filled) -> bytes:
    writer = _DocxWriter()
    writer.lang = filled.lang
    _docx_setup(writer.document, filled)
    writer.blocks(parse_html(filled.html_body()).children)
    buffer = io.BytesIO()
    writer.document.save(buffer)
    return buffer.getvalue()


def _run_lang(run: Any, lang: str) -> None:
    """A run's language (Word's proofing and a screen reader's voice), as Word names it."""
    from docx.oxml.ns import qn

    props = run._r.get_or_add_rPr()
    found = props.find(qn("w:lang"))
    if found is None:
        found = props.makeelement(qn("w:lang"), {})
        props.append(found)
    found.set(qn("w:val"), _DOCX_LANG.get(lang, lang))


def _docx_setup(document: Any, filled: Filled) -> None:
    """A4 with the PDF's margins, the text's language for spelling and hyphenation, and the
    document's own properties (python-docx's template says Letter, en-US, "python-docx", 2013)."""
    import datetime as dt

    from docx.oxml.ns import qn
    from docx.shared import Mm

    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(20), Mm(22)
        section.left_margin = section.right_margin = Mm(18)
        _page_numbers(section)
    lang = _DOCX_LANG.get(filled.lang, filled.lang)
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    props = run_defaults.find(qn("w:rPr")) if run_defaults is not None else None
    if props is not None:
        found = props.find(qn("w:lang"))
        if found is None:
            found = props.makeelement(qn("w:lang"), {})
            props.append(found)
        found.set(qn("w:val"), lang)
    theme = document.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), lang)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    properties = document.core_properties
    properties.title = filled.spec["title"]
    properties.language = lang
    properties.author = properties.last_modified_by = ""
    properties.comments = properties.keywords = properties.subject = ""
    properties.created = properties.modified = now
    properties.revision = 1
