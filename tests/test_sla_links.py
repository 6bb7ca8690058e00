"""Links in an SLA's clauses on paper: the address is printed after the link's text.

On paper "przez portal leadów" says nothing of where the portal is. The PDF prints the address
after the link (once: an address written as the link is not repeated; an e-mail address without
"mailto:"), the DOCX writes it too (after a link Word follows), the HTML has it as a print-only
span, and the Markdown keeps the author's links as they are. A long address breaks inside the
margins. The case template is tests/cases/sla/links.yaml.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
import pytest

from generator.catalogue import load
from generator.checklists.document import inline_html
from generator.cli import main
from generator.sanitize import is_address
from generator.sla.body import render_markdown
from tests.projects import make_project

CASES = Path(__file__).parent / "cases" / "sla"
PORTAL = "https://crm.example.com/leady?zrodlo=sla&v=2"
TERMS = "https://intranet.example.com/regulamin"
FORM = ("https://intranet.example.com/wiki/marketing/zgody/"
        "formularz-zgody-marketingowej-2027-wersja-ostateczna-zatwierdzona.pdf")
LONG = "https://intranet.example.com/" + "konstantynopolitanczykowianeczka" * 5  # no break opportunity
MM = 72 / 25.4


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("links") / "p",
                        {"playbooks/slas/links.yaml": (CASES / "links.yaml").read_text(encoding="utf-8")})
    catalogue, problems = load(root, root / "playbooks")
    assert [p for p in problems if p.severity == "error"] == []
    assert catalogue.get("links-sla") is not None
    (root / "values.yaml").write_text("name: ACME sp. z o.o.\n", encoding="utf-8")
    return root


def fill(project: Path, fmt: str, lang: str = "pl") -> Path:
    out = project.parent / f"links.{lang}.{fmt}"
    if not out.exists():
        assert main(["--project", str(project), "sla", "fill", "links-sla", "--values",
                     str(project / "values.yaml"), "--lang", lang, "--out", str(out)]) == 0
    return out


def squashed(text: str) -> str:
    """Text without spaces, line ends, or the hyphen pdftotext drops where a line breaks."""
    return "".join(text.split()).replace("-", "")


def test_the_pdf_prints_each_address_once_after_its_link(project: Path) -> None:
    text = subprocess.run(["pdftotext", str(fill(project, "pdf")), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = squashed(text)
    assert squashed(f"przez portal leadów ({PORTAL}). Regulamin: {TERMS}. "
                    "Pytania: dział sprzedaży (sprzedaz@acme.example).") in flat, text
    assert squashed(f"Formularz zgód: formularz ({FORM})") in flat, text
    assert flat.count(squashed(PORTAL)) == 1 and flat.count(squashed(TERMS)) == 1, text
    assert "mailto" not in text


def test_a_long_address_breaks_inside_the_margins(project: Path) -> None:
    """The form's address is 110 characters: it runs over two lines, all of it inside the page's
    right margin (document.css: 18 mm)."""
    words = subprocess.run(["pdftotext", "-bbox", str(fill(project, "pdf")), "-"], capture_output=True,
                           text=True, check=True).stdout
    right = [float(x) for x in re.findall(r'xMax="([\d.]+)"', words)]
    width = float(words.split('<page width="', 1)[1].split('"', 1)[0])
    assert max(right) <= width - 18 * MM + 0.5, (max(right), width - 18 * MM)


def test_the_docx_writes_the_address_after_a_link_word_follows(project: Path) -> None:
    document = docx.Document(str(fill(project, "docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert (f"przez portal leadów ({PORTAL}). Regulamin: {TERMS}. "
            "Pytania: dział sprzedaży (sprzedaz@acme.example).") in text, text
    assert f"formularz ({FORM})" in text
    assert text.count(TERMS) == 1
    links = [(h.address, h.text) for p in document.paragraphs for h in p.hyperlinks]
    assert links == [(PORTAL, "portal leadów"), (TERMS, TERMS),
                     ("mailto:sprzedaz@acme.example", "dział sprzedaży"), (FORM, "formularz")]


def test_the_html_has_the_address_for_print_only_and_the_markdown_keeps_the_link(project: Path) -> None:
    html = fill(project, "html").read_text(encoding="utf-8")
    assert '>portal leadów</a><span class="sla-href"> (https://crm.example.com/leady?zrodlo=sla&amp;v=2)</span>' in html
    assert html.count('class="sla-href"') == 3  # not after the address written as the link
    css = html[html.index("<style>"):html.index("</style>")]
    assert ".sla-href { display: none;" in css and "@media print" in css
    md = fill(project, "md").read_text(encoding="utf-8")
    assert f"[portal leadów]({PORTAL})" in md and "sla-href" not in md
    assert f"<{TERMS}>" in md


@pytest.mark.parametrize(("markdown", "expected"), [
    ("[x](mailto:a@b.example?subject=Umowa)", '<span class="sla-href"> (a@b.example)</span>'),
    ("<a@b.example>", None),  # an e-mail autolink: its text is the address
    (f"[{LONG}]({LONG})", None),
    ("[strona](../inna-strona/)", None),  # relative: nowhere on paper
    ("[**portal** CRM](https://crm.example.com)", '</a><span class="sla-href"> (https://crm.example.com)</span>'),
])
def test_which_links_get_their_address(markdown: str, expected: str | None) -> None:
    rendered = render_markdown(markdown)
    if expected is None:
        assert "sla-href" not in rendered, rendered
    else:
        assert expected in rendered, rendered


@pytest.mark.parametrize(("href", "address"), [
    ("https://crm.example.com", True), ("HTTP://crm.example.com", True), ("mailto:a@b.example", True),
    ("https:crm.example.com", False),  # no "//": a relative path with a colon, not a web address
    ("ftp://files.example.com", False), ("javascript:alert(1)", False), ("../inna-strona/", False),
])
def test_one_answer_to_is_this_an_address(href: str, address: bool) -> None:
    """The printed address (PDF, HTML print), the Word link and a checklist item's link ask the
    same question, so a link is never a Word link whose address paper leaves out, or the reverse."""
    assert is_address(href) is address
    printed = render_markdown(f"[tekst]({href})")
    assert ('class="sla-href"' in printed) is address, printed
    item = inline_html(f"[tekst]({href})")
    assert (f'href="{href}"' in item) is address, item
