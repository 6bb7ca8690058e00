"""Filling an SLA template: golden documents, conditional clauses, outputs read back, injection."""

from __future__ import annotations

import io
import re
import subprocess
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import docx
import markdown
import nh3
import pytest
import yaml
from pypdf import PdfReader

from generator.catalogue import load
from generator.models.sla import Sla
from generator.sla import outputs, wording
from generator.sla.fill import Filled, fill
from generator.sla.numbers import NBSP
from generator.sla.spec import Spec, compile_spec
from tests.projects import make_project

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden" / "sla"
CASES = Path(__file__).parent / "cases" / "sla"
EXAMPLE = yaml.safe_load((ROOT / "examples" / "q1-2027.yaml").read_text(encoding="utf-8"))
EXAMPLE["effective_date"] = "2027-01-01"  # safe_load reads dates as dates; our loader keeps text


@pytest.fixture(scope="module")
def example() -> Sla:
    catalogue, _problems = load(ROOT, ROOT / "playbooks")
    entry = catalogue.get("marketing-sales-sla")
    assert entry is not None
    assert isinstance(entry.definition, Sla)
    return entry.definition


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Sla:
    root = make_project(tmp_path_factory.mktemp("small") / "p",
                        {"playbooks/slas/small.yaml": (CASES / "small.yaml").read_text()})
    catalogue, problems = load(root, root / "playbooks")
    assert [p for p in problems if p.severity == "error"] == []
    entry = catalogue.get("small-sla")
    assert entry is not None and isinstance(entry.definition, Sla)
    return entry.definition


@pytest.fixture(scope="module")
def labels(tmp_path_factory: pytest.TempPathFactory) -> Sla:
    root = make_project(tmp_path_factory.mktemp("labels") / "p",
                        {"playbooks/slas/labels.yaml": (CASES / "labels.yaml").read_text()})
    catalogue, problems = load(root, root / "playbooks")
    assert [p for p in problems if p.severity == "error"] == []
    entry = catalogue.get("label-lines-sla")
    assert entry is not None and isinstance(entry.definition, Sla)
    return entry.definition


def filled(spec: Spec, values: dict[str, Any]) -> Filled:
    result, problems = fill(spec, values)
    assert problems == []
    assert result is not None
    return result


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_golden_documents(example: Sla, lang: str, golden: Callable[[Path, str], None]) -> None:
    document = filled(compile_spec(example, lang), EXAMPLE)
    golden(GOLDEN / f"marketing-sales-sla.{lang}.md", document.markdown())
    golden(GOLDEN / f"marketing-sales-sla.{lang}.html", document.html())


def test_the_spec_is_plain_json(example: Sla) -> None:
    import json

    spec = compile_spec(example, "pl")
    assert json.loads(json.dumps(spec)) == spec
    assert spec["schema"]["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def section_titles(text: str) -> list[str]:
    return re.findall(r"(?m)^## (.*)$", text)


def test_conditional_clauses(example: Sla) -> None:
    spec = compile_spec(example, "pl")
    large = filled(spec, EXAMPLE).markdown()
    assert section_titles(large) == [
        "1. Cel i strony umowy", "2. Definicja leada", "3. Co dostarcza marketing",
        "4. Co dostarcza sprzedaż", "5. Wspólne cele (lejek)", "6. Przeglądy i eskalacja",
        "7. Podpisy", "Załącznik: uzgodnione wartości"]
    no_reviews = filled(spec, dict(EXAMPLE, review_cadence="none")).markdown()
    assert "Przeglądy i eskalacja" not in no_reviews
    assert section_titles(no_reviews)[5] == "6. Podpisy"
    small = filled(spec, dict(EXAMPLE, company_size="small")).markdown()
    assert section_titles(small) == [
        "1. Cel i strony umowy", "2. Definicja leada", "3. Przeglądy i eskalacja",
        "4. Porozumienie o współpracy", "5. Podpisy", "Załącznik: uzgodnione wartości"]
    assert "**Marketing zapowiada kampanie.**" in small
    assert "**Sprzedaż dzieli się danymi o klientach.**" in small
    assert "**Kierownictwo dba o jasność.**" in small
    # The company's name stands as an apposition, in the nominative: "Kierownictwo ACME sp. z o.o."
    # read as an undeclined genitive.
    assert re.search(r"Kierownictwo firmy ACME sp\. z o\.o\.\s+regularnie mówi", small)
    assert "MQL miesięcznie**" not in small
    small_quiet = filled(spec, dict(EXAMPLE, company_size="small", review_cadence="none")).markdown()
    assert "eskalacja" not in small_quiet


def test_counted_nouns_agree_with_their_numbers() -> None:
    # A message's "{length:characters}" takes the noun's form for that number, in both languages.
    too_long = "Tekst jest za długi ({} {}); dozwolone jest najwyżej 200."
    for length, noun in ((201, "znaków"), (203, "znaki"), (212, "znaków"), (222, "znaki"), (225, "znaków")):
        assert wording.message("pl", "maxLength", "text", length=length, limit=200) == too_long.format(length, noun)
    assert wording.message("pl", "minLength", "currency", limit=3) == "Wpisz dokładnie 3 znaki."
    assert wording.message("en", "minItems", "list", limit=1) == "needs at least 1 item."
    assert wording.message("en", "minItems", "list", limit=2) == "needs at least 2 items."
    assert wording.message("en", "maxLength", "text", length=201, limit=200) == (
        "is too long (201 characters); at most 200 are allowed.")


def test_one_hour_reads_right_in_polish(example: Sla) -> None:
    # The unit's form is the nominative ("1 godzina"): "nie później niż 1 godzina" would need "godzinę".
    spec = compile_spec(example, "pl")
    for size in ("large", "small"):
        text = re.sub(r"[ \n]+", " ", filled(spec, dict(EXAMPLE, company_size=size, follow_up_hours=1)).markdown())
        assert "później niż" not in text
        assert re.search(f"w czasie nie dłuższym niż (\\*\\*)?1{NBSP}godzina(\\*\\*)? od jego", text), size


def test_numbers_in_the_document(example: Sla) -> None:
    pl = filled(compile_spec(example, "pl"), dict(EXAMPLE, revenue_target=1_200_000.5)).markdown()
    assert f"| Cel przychodowy na kwartał | 1{NBSP}200{NBSP}000,50{NBSP}zł |" in pl
    assert f"nie dłuższym\n   niż **24{NBSP}godziny** od jego przekazania" in pl
    assert f"co najmniej\n   10{NBSP}dni roboczych przed jej startem" in pl
    en = filled(compile_spec(example, "en"), dict(EXAMPLE, revenue_target=1_200_000.5,
                                                  follow_up_hours=1)).markdown()
    assert f"| Revenue target per quarter | PLN{NBSP}1,200,000.50 |" in en
    assert f"**1{NBSP}hour** of the hand-off" in en
    assert "takes effect on 1 January 2027." in en
    assert f"| MQLs needed per month | 134{NBSP}MQLs |" in en


# -- units by number, and label lines without their value ---------------------------------------

def funnel(won: int) -> dict[str, Any]:
    """The example's values with ``won`` won deals a quarter and ceil(won / 3) MQLs a month."""
    return dict(EXAMPLE, revenue_target=won * 30_000, average_deal_size=30_000, sql_to_won_rate=100,
                mql_to_sql_rate=100)


@pytest.mark.parametrize(("won", "pl", "en"), [
    (1, "to 1 wygrana transakcja,\na miesięczny cel marketingu to 1 lead MQL.",
     "answerable for 1 won deal a quarter,\nmarketing for 1 MQL a month."),
    (2, "to 2 wygrane transakcje,\na miesięczny cel marketingu to 1 lead MQL.",
     "answerable for 2 won deals a quarter,\nmarketing for 1 MQL a month."),
    (5, "to 5 wygranych transakcji,\na miesięczny cel marketingu to 2 leady MQL.",
     "answerable for 5 won deals a quarter,\nmarketing for 2 MQLs a month."),
    (12, "to 12 wygranych transakcji,\na miesięczny cel marketingu to 4 leady MQL.",
     "answerable for 12 won deals a quarter,\nmarketing for 4 MQLs a month."),
    (22, "to 22 wygrane transakcje,\na miesięczny cel marketingu to 8 leadów MQL.",
     "answerable for 22 won deals a quarter,\nmarketing for 8 MQLs a month."),
    (25, "to 25 wygranych transakcji,\na miesięczny cel marketingu to 9 leadów MQL.",
     "answerable for 25 won deals a quarter,\nmarketing for 9 MQLs a month."),
])
def test_units_take_the_form_their_number_needs(example: Sla, won: int, pl: str, en: str) -> None:
    """{{ won_deals_per_quarter with unit }} in a sentence, and every derived value in the annex."""
    for lang, expected in (("pl", pl), ("en", en)):
        document = filled(compile_spec(example, lang), funnel(won))
        text = document.markdown().replace(NBSP, " ")
        assert expected in text, (lang, won)
        assert expected in document.html_body().replace(NBSP, " ")
    annex = filled(compile_spec(example, "pl"), funnel(2)).markdown()
    assert f"| Wygrane transakcje na kwartał | 2{NBSP}wygrane transakcje |" in annex
    assert f"| Leady SQL potrzebne na kwartał | 2{NBSP}leady SQL |" in annex
    assert f"| Leady MQL potrzebne miesięcznie | 1{NBSP}lead MQL |" in annex
    annex = filled(compile_spec(example, "en"), funnel(1)).markdown()
    assert f"| Won deals per quarter | 1{NBSP}won deal |" in annex
    assert f"| SQLs needed per quarter | 1{NBSP}SQL |" in annex


def test_a_unit_with_decimals_and_one_word_for_every_number(labels: Sla) -> None:
    for count, pl, en in ((1, "0,5 godziny", "0.5 hours"), (2, "1,0 godziny", "1.0 hours"),
                          (10, "5,0 godziny", "5.0 hours")):
        text = filled(compile_spec(labels, "pl"), {"name": "A", "count": count}).markdown()
        assert f"Udział: {pl.replace(' ', NBSP)} ({pl.split()[0]})" in text
        assert f"{3 * count}{NBSP}MQL." in text
        text = filled(compile_spec(labels, "en"), {"name": "A", "count": count}).markdown()
        assert f"Share: {en.replace(' ', NBSP)} ({en.split()[0]})" in text
        assert f"{3 * count}{NBSP}MQL." in text


CONTACTS_PL = ("## 1. Kontakty\n\nKontakt: a@acme.example\n\n**Telefony:** 1, 2.\n\n"
               f"Cel firmy ACME to 2{NBSP}wygrane transakcje i 6{NBSP}MQL.\n\nUwagi: x\n\n")


def test_a_label_line_without_its_value_is_left_out(labels: Sla) -> None:
    """'Kontakt: {{ contact }}' alone in a paragraph: left out, with its blank line, when the value
    is not given (first, in the middle, last); kept, as '—', in a list, a table or a sentence."""
    spec = compile_spec(labels, "pl")
    full = filled(spec, {"name": "ACME", "count": 2, "contact": "a@acme.example",
                         "phones": ["1", "2"], "note": "x"}).markdown()
    assert CONTACTS_PL in full
    empty = filled(spec, {"name": "ACME", "count": 2}).markdown()
    assert f"## 1. Kontakty\n\nCel firmy ACME to 2{NBSP}wygrane transakcje i 6{NBSP}MQL.\n\n## 2." in empty
    only_note = filled(spec, {"name": "ACME", "count": 2, "note": "x", "phones": []}).markdown()
    assert f"## 1. Kontakty\n\nCel firmy ACME to 2{NBSP}wygrane transakcje i 6{NBSP}MQL.\n\nUwagi: x\n\n## 2." in only_note
    only_contact = filled(spec, {"name": "ACME", "count": 2, "contact": "a@acme.example"}).markdown()
    assert (f"## 1. Kontakty\n\nKontakt: a@acme.example\n\nCel firmy ACME to 2{NBSP}wygrane "
            "transakcje") in only_contact
    for kept in ("- Uwagi na liście: —", "| Uwagi: | — |", "Uwagi w zdaniu, —, zostają.\nUwagi: —",
                 "Nazwa: ACME\n\n- Uwagi"):
        assert kept in empty
    # The annex lists what the document shows: not the contact no one gave.
    assert "| Kontakt |" in full and "| Kontakt |" not in empty and "| Telefony |" not in empty
    assert "| Uwagi | — |" in empty  # still shown, in the list, the table and the sentence
    html = filled(spec, {"name": "ACME", "count": 2}).html_body()
    assert ('<h2>1. Kontakty</h2>\n<p>Cel firmy ACME to 2\u00a0wygrane transakcje i 6\u00a0MQL.</p>\n'
            "</section>") in html
    assert "Kontakt:" not in html and "Telefony" not in html


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_golden_label_lines(labels: Sla, lang: str, golden: Callable[[Path, str], None]) -> None:
    document = filled(compile_spec(labels, lang), {"name": "ACME", "count": 22, "phones": ["12 345"]})
    golden(GOLDEN / f"label-lines-sla.{lang}.md", document.markdown())
    golden(GOLDEN / f"label-lines-sla.{lang}.html", document.html_body())


def test_no_contact_line_without_contacts_in_any_format(example: Sla, tmp_path: Path) -> None:
    """No 'Kontakt w sprawie umowy: —' in a signed agreement: the line is left out, in every
    format; the review clause ends with its escalation."""
    without = {k: v for k, v in EXAMPLE.items() if k != "contact_emails"}
    for lang, line, end in (("pl", "Kontakt w sprawie umowy", "rozwiązania, do zarządu."),
                            ("en", "Contact for the agreement", "it, to the management board.")):
        document = filled(compile_spec(example, lang), without)
        text = document.markdown()
        assert line not in text and "—" not in text
        assert f"{end}\n\n## 7. " in text
        assert line not in document.html() and f"{end}</p>\n</section>" in document.html()
        assert line in filled(compile_spec(example, lang), dict(EXAMPLE, contact_emails=[
            "anna@acme.example"])).markdown()
        # An empty list is no contact either.
        assert filled(compile_spec(example, lang), dict(EXAMPLE, contact_emails=[])).markdown() == text
    word = docx.Document(io.BytesIO(outputs.render(document, "docx")))
    paragraphs = [p.text for p in word.paragraphs]
    assert not any("Contact" in p for p in paragraphs)
    review = paragraphs.index("6. Review and escalation")
    assert paragraphs[review + 3].endswith(end) and paragraphs[review + 4] == "7. Signatures"
    annex = [row.cells[0].text for row in word.tables[-1].rows]
    assert "Contact emails for the agreement" not in annex and "Effective date" in annex
    (tmp_path / "sla.pdf").write_bytes(outputs.render(document, "pdf"))
    pdf_text = squash(subprocess.run(["pdftotext", "-layout", str(tmp_path / "sla.pdf"), "-"],
                                     capture_output=True, text=True, check=True).stdout)
    assert re.search(r"to the management board\. (\d/\d )?7\. Signatures", pdf_text), pdf_text
    assert "Contact" not in pdf_text and "—" not in pdf_text


# -- the other formats, read back ---------------------------------------------------------------

def style(paragraph: Any) -> str:
    return str(paragraph.style.name) if paragraph.style is not None else ""


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace(NBSP, " ")).strip()


def test_pdf_reads_back(example: Sla, tmp_path: Path) -> None:
    document = filled(compile_spec(example, "pl"), EXAMPLE)
    data = outputs.render(document, "pdf")
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata is not None and reader.metadata.title == document.spec["title"]
    (tmp_path / "sla.pdf").write_bytes(data)
    text = squash(subprocess.run(["pdftotext", "-layout", str(tmp_path / "sla.pdf"), "-"],
                                 capture_output=True, text=True, check=True).stdout)
    for needle in ["Umowa o poziomie usług między marketingiem a sprzedażą",
                   "1. Cel i strony umowy", "firmy ACME sp. z o.o. dostarczają",
                   "miesięczne minimum to 134 leady MQL", "Cel przychodowy na kwartał 1 200 000 zł",
                   "Imię i nazwisko Anna Nowak, dyrektor marketingu Jan Kowalski, dyrektor sprzedaży",
                   "Kontakt w sprawie umowy: anna.nowak@acme.example, jan.kowalski@acme.example",
                   "Załącznik: uzgodnione wartości"]:
        assert needle in text
    assert len(reader.pages) >= 3


def test_pdf_loads_nothing_from_outside() -> None:
    fetcher = outputs._fetcher()
    for url in ["http://127.0.0.1:9/x.png", "https://example.com/font.woff", "file:///etc/passwd",
                "data:text/plain,hi"]:
        with pytest.raises(outputs.RefusedURL):
            fetcher.fetch(url)
    own = (outputs.OWN_FILES / "document.css").as_uri()
    assert b"@page" in fetcher.fetch(own).read()


def test_the_annex_lists_only_the_values_the_agreement_uses(example: Sla) -> None:
    from generator.sla.fill import annex_rows

    spec = compile_spec(example, "pl")
    large = [item["id"] for item, _text in annex_rows(filled(spec, EXAMPLE))]
    small = [item["id"] for item, _text in annex_rows(filled(spec, dict(EXAMPLE, company_size="small")))]
    assert "revenue_target" in large and "mqls_per_month" in large and "mql_to_sql_rate" in large
    # The short agreement of a small company never mentions the funnel's numbers: not "agreed".
    for absent in ("revenue_target", "average_deal_size", "mql_to_sql_rate", "won_deals_per_quarter",
                   "mqls_per_month", "campaign_notice_days"):
        assert absent not in small, absent
    assert {"company_name", "company_size", "follow_up_hours", "effective_date"} <= set(small)
    assert small == [i for i in large if i in small], "template order kept"


def test_docx_has_real_structure(example: Sla) -> None:
    document = filled(compile_spec(example, "en"), EXAMPLE)
    word = docx.Document(io.BytesIO(outputs.render(document, "docx")))
    headings = [(style(p), p.text) for p in word.paragraphs if style(p).startswith(("Heading", "Title"))]
    assert headings[0] == ("Title", "Service level agreement between marketing and sales")
    assert headings[1:] == [("Heading 1", t) for t in section_titles(document.markdown())]
    numbered = [p.text for p in word.paragraphs if style(p) == "List Number"]
    assert numbered[0].startswith(f"hand sales at least 134{NBSP}MQLs a month")
    bullets = [p.text for p in word.paragraphs if style(p) == "List Bullet"]
    assert bullets == ["Marketing, represented by: Anna Nowak, dyrektor marketingu",
                       "Sales, represented by: Jan Kowalski, dyrektor sprzedaży"]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in word.tables]
    funnel, signatures, annex = tables
    assert funnel[1] == ["Revenue target per quarter", f"PLN{NBSP}1,200,000"]
    assert signatures == [["", "Marketing", "Sales"],
                          ["Name", "Anna Nowak, dyrektor marketingu", "Jan Kowalski, dyrektor sprzedaży"],
                          ["Date", "1 January 2027", "1 January 2027"],
                          ["Signature", "", ""]]
    assert annex[0] == ["Item", "Value"]
    assert ["Company name", "ACME sp. z o.o."] in annex
    assert ["MQLs needed per month", f"134{NBSP}MQLs"] in annex
    assert word.tables[1].rows[3].height is not None  # room to sign
    # Each numbered list starts at 1: its paragraphs carry their own numbering instance.
    ids = {tuple(p._p.xpath("./w:pPr/w:numPr/w:numId/@w:val")) for p in word.paragraphs
           if style(p) == "List Number"}
    assert len(ids) == 2


@pytest.mark.parametrize(("lang", "word_lang"), [("pl", "pl-PL"), ("en", "en-GB")])
def test_docx_is_a4_in_the_documents_language_with_its_own_properties(
        example: Sla, lang: str, word_lang: str) -> None:
    """Not python-docx's template: US Letter, en-US proofing, "python-docx" as author, 2013."""
    import datetime as dt

    from docx.oxml.ns import qn

    document = filled(compile_spec(example, lang), EXAMPLE)
    word = docx.Document(io.BytesIO(outputs.render(document, "docx")))
    section = word.sections[0]
    sizes = [section.page_width, section.page_height, section.left_margin, section.top_margin]
    assert [round(size.mm) if size is not None else None for size in sizes] == [210, 297, 18, 20]
    defaults = word.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:lang")).get(qn("w:val")) == word_lang
    properties = word.core_properties
    assert properties.title == document.spec["title"]
    assert properties.language == word_lang
    assert (properties.author, properties.last_modified_by, properties.comments) == ("", "", "")
    made = properties.created.replace(tzinfo=dt.UTC)
    assert abs(dt.datetime.now(dt.UTC) - made) < dt.timedelta(minutes=5)


# -- hostile values ---------------------------------------------------------------------------------

HOSTILE = [
    "**bold** _it_ `code` [link](http://evil.example) ![img](http://evil.example/x.png)",
    "<script>alert(1)</script><img src=x onerror=alert(1)> <b>b</b>",
    "{{ name }} {% if x %}y{% endif %} {{ 7*7 }} ${x} #{x}",
    "&amp; &lt;b&gt; &#60;script&#62; AT&T",
    "R&D &copy; &#x41; &#65; & < 5 <!-- c --> </p> <?x?> <!x> 5<6",
    "\\*escaped\\* \\ | pipe | ~~strike~~ <https://auto.link>",
    "1. not a list",
    "# not a heading",
    "=====",
    "x" * 500,
]
MULTILINE = "first line\n# heading\n- item\n1. one\n> quote\n\n---\n| a | b |\n|---|---|\n=====\n    code?"


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.text.append("\n")
        else:
            self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def structure(html: str) -> tuple[list[str], str]:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return parser.tags, "".join(parser.text)


def lines_of(value: str) -> list[str]:
    return [line.strip() for line in value.split("\n") if line.strip()]


@pytest.mark.parametrize("value", [*HOSTILE, MULTILINE], ids=lambda v: v[:20])
def test_hostile_values_stay_literal(small: Sla, value: str) -> None:
    spec = compile_spec(small, "en")
    benign = filled(spec, {"name": "ACME", "start": "2027-01-01", "notes": "plain notes"})
    # ``name`` is one line (a line break there is refused: test_line_break_in_one_line_text).
    hostile = filled(spec, {"name": value.replace("\n", " ")[:100], "start": "2027-01-01", "notes": value})
    # Markdown: rendered by a Markdown engine, the value is text, and adds no element.
    md_rendered = markdown.markdown(hostile.markdown(), extensions=["tables"])
    benign_md = markdown.markdown(benign.markdown(), extensions=["tables"])
    tags, text = structure(md_rendered)
    assert tags == structure(benign_md)[0]
    for line in lines_of(value):
        assert line in text
    # HTML: the same, and the sanitiser has nothing to remove.
    body = hostile.html_body()
    tags, text = structure(body)
    assert tags == structure(benign.html_body())[0]
    for line in lines_of(value):
        assert line in text
    assert "<script" not in body and "<img" not in body
    # DOCX: the value is plain text in the runs; no heading or list paragraph is added.
    word = docx.Document(io.BytesIO(outputs.render(hostile, "docx")))
    calm = docx.Document(io.BytesIO(outputs.render(benign, "docx")))
    assert [style(p) for p in word.paragraphs] == [style(p) for p in calm.paragraphs]
    all_text = "\n".join([p.text for p in word.paragraphs] +
                         [c.text for t in word.tables for r in t.rows for c in r.cells])
    for line in lines_of(value):
        assert line in all_text


def test_ampersands_and_angles_stay_as_typed_in_the_markdown(small: Sla) -> None:
    """``&`` and ``<`` are written as entities only where Markdown would read them as a character
    reference or a tag: "Marketing & Sales" and "< 5 days" are the words a reader of the .md file
    sees (they were ``&amp;`` and ``&lt;``)."""
    spec = compile_spec(small, "en")
    notes = "Marketing & Sales, R&D: < 5 days, a<b; &copy; <b>x</b> &#65;"
    text = filled(spec, {"name": "ACME", "start": "2027-01-01", "notes": notes}).markdown()
    assert "Marketing & Sales, R&D: < 5 days, a&lt;b; &amp;copy; &lt;b>x&lt;/b> &amp;#65;" in text
    assert notes in structure(markdown.markdown(text))[1]


def test_line_break_in_one_line_text(small: Sla) -> None:
    """A one-line text (``multiline: false``) with a line break is refused, with its own reason;
    a box of several lines takes it."""
    spec = compile_spec(small, "en")
    _result, problems = fill(spec, {"name": "ACME\nSp. z o.o.", "start": "2027-01-01", "notes": "a\nb"})
    assert [(p[0], p[1]) for p in problems] == [(("name",), "line_break")]
    assert wording.message("en", "line_break", "text") == (
        "is one line, but this text has a line break: write it on one line.")
    # A control character stays a control character, line break or not.
    _result, problems = fill(spec, {"name": "ACME\x07\nX", "start": "2027-01-01"})
    assert [p[1] for p in problems] == ["control"]


def test_placeholders_in_values_are_not_filled(small: Sla) -> None:
    spec = compile_spec(small, "pl")
    document = filled(spec, {"name": "{{ start }}", "start": "2027-01-01", "notes": "{{ name }}"})
    text = document.markdown()
    assert "**\\{\\{ start \\}\\}**" in text
    assert "{{ start }}" in structure(document.html_body())[1]
    assert "1 stycznia 2027" in text  # the real start date, once, where the template puts it


def test_sanitiser_finds_nothing_to_remove_in_the_html(small: Sla) -> None:
    spec = compile_spec(small, "en")
    for value in HOSTILE:
        body = filled(spec, {"name": value[:100], "start": "2027-01-01", "notes": value}).html_body()
        cleaned = nh3.clean(body, tags={"article", "section", "h1", "h2", "p", "strong", "em",
                                        "table", "thead", "tbody", "tr", "th", "td", "ol", "ul",
                                        "li", "br", "code"},
                            attributes={"article": {"class", "lang"}, "section": {"class", "id"}},
                            link_rel=None)
        assert structure(cleaned) == structure(body)


def test_a_newline_in_a_table_cell_keeps_the_table(small: Sla) -> None:
    spec = compile_spec(small, "pl")
    text = filled(spec, {"name": "A", "start": "2027-01-01", "notes": "a\nb | c"}).markdown()
    assert "| Uwagi | a<br>b \\| c |" in text
    assert "a<br>\nb \\| c" in text  # outside the table the line break is kept too
    rendered = markdown.markdown(text, extensions=["tables"])
    assert "<td>a<br>b | c</td>" in rendered
