"""The SLA form in a real headless Chromium, and the browser's engine against Python's.

One small site is built per module (the two teams and the example SLA), served on 127.0.0.1, and
driven with Playwright. The form is filled like a person would; the values file it downloads is
fed to ``playbook sla fill``, whose Markdown must equal the one the browser downloads. Then the
JavaScript twins of the Python functions (window.PlaybookSla) are run on many values and compared
with Python's results: numbers, expressions, validation, whole documents, and the reading of a
values file. Last, values files loaded into the form (in Polish and in English) must be accepted
or refused as ``playbook sla fill`` accepts or refuses them, with the same document.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.catalogue import load
from generator.cli import main
from generator.models.sla import Sla
from generator.sla import expr, numbers, values, wording
from generator.sla.fill import fill
from generator.sla.spec import compile_spec
from generator.yamlfile import parse_bytes, parse_text
from tests.checklists import pdf_pages
from tests.projects import make_project
from tests.serving import serve

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).parent / "cases" / "sla"
SLA_FILE = ROOT / "playbooks" / "slas" / "marketing-sales-sla.yaml"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAGE = "slas/marketing-sales-sla/"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sla-site") / "project"
    return make_project(root, {
        "playbooks/slas/marketing-sales-sla.yaml": SLA_FILE.read_text(encoding="utf-8"),
        "playbooks/slas/small.yaml": (CASES / "small.yaml").read_text(encoding="utf-8"),
        "playbooks/slas/labels.yaml": (CASES / "labels.yaml").read_text(encoding="utf-8"),
        "playbooks/slas/links.yaml": (CASES / "links.yaml").read_text(encoding="utf-8"),
    })


@pytest.fixture(scope="module")
def site(project: Path) -> Iterator[str]:
    from generator.plugin import build_site

    site_dir = project.parent / "site"
    build_site(project / "mkdocs.yml", site_dir)
    with serve(site_dir) as address:
        yield address + "/"


@pytest.fixture(scope="module")
def browser(chromium: Any) -> Any:
    return chromium


@pytest.fixture
def page(browser: Any, site: str) -> Iterator[Any]:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site + PAGE)
    yield page
    context.close()
    assert errors == []


@pytest.fixture(scope="module")
def templates(project: Path) -> dict[str, Sla]:
    catalogue, _problems = load(project, project / "playbooks")
    found = {}
    for ident in ("marketing-sales-sla", "small-sla", "label-lines-sla"):
        entry = catalogue.get(ident)
        assert entry is not None and isinstance(entry.definition, Sla)
        found[ident] = entry.definition
    return found


def fill_in(page: Any) -> None:
    page.fill("[data-param=company_name]", "ACME <b>sp.</b> z o.o. **{{ x }}**")
    page.fill("[data-param=marketing_signatory]", "Anna Nowak")
    page.fill("[data-param=sales_signatory]", "Jan Kowalski")
    page.fill("[data-param=effective_date]", "2027-01-01")


def download(page: Any, action: str, target: Path) -> str:
    with page.expect_download() as info:
        page.click(f"button[data-action={action}]")
    info.value.save_as(target)
    return target.read_text(encoding="utf-8")


def test_form_preview_errors_and_downloads(page: Any, project: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    preview = page.locator(".sla-preview")
    assert "Uzupełnij wymagane pola" in preview.inner_text()
    fill_in(page)
    text = preview.inner_text()
    assert "firmy ACME <b>sp.</b> z o.o. **{{ x }}** dostarczają sobie nawzajem" in text
    assert "miesięczne minimum to 134\u00a0leady MQL" in text
    assert "Umowa obowiązuje od 1 stycznia 2027." in text
    assert preview.locator("b").count() == 0  # the value's <b> is text, not markup
    # The funnel follows the inputs as they change.
    page.fill("[data-param=revenue_target]", "630000")
    page.fill("[data-param=sql_to_won_rate]", "35")
    page.fill("[data-param=mql_to_sql_rate]", "50")
    assert "miesięczne minimum to 40\u00a0leadów MQL" in preview.inner_text()
    # An out-of-range value: the message under the field, on submit.
    page.fill("[data-param=mql_to_sql_rate]", "150")
    page.click("button[data-action=check]")
    error = page.locator("#sla-marketing-sales-sla-mql_to_sql_rate-error")
    assert error.is_visible()
    assert error.inner_text() == "Wartość może wynosić najwyżej 100."
    assert page.locator(".sla-summary").inner_text() == "Popraw zaznaczone pola:"
    assert page.get_attribute("[data-param=mql_to_sql_rate]", "aria-invalid") == "true"
    page.fill("[data-param=mql_to_sql_rate]", "50")
    assert not error.is_visible()
    # A small company without reviews: the alignment agreement, no escalation.
    page.select_option("[data-param=company_size]", "small")
    page.select_option("[data-param=review_cadence]", "none")
    page.fill("[data-param=contact_emails]", "anna@acme.example\n\n  jan@acme.example ")
    text = preview.inner_text()
    assert "Porozumienie o współpracy" in text and "Co dostarcza marketing" not in text
    assert "Przeglądy i eskalacja" not in text
    # Downloads: the values file, fed to the CLI, gives the browser's Markdown exactly.
    browser_md = download(page, "download-md", tmp_path / "browser.md")
    values_text = download(page, "download-values", tmp_path / "values.yaml")
    assert "contact_emails:\n  - \"anna@acme.example\"\n  - \"jan@acme.example\"\n" in values_text
    # The lead definition was left as it is: its default is per language, so the file leaves it
    # out (the Polish text only shown in a comment) and an English agreement gets English text.
    assert "\n#   - firma z naszej grupy docelowej" in values_text and "\nlead_definition:\n" in values_text
    english = tmp_path / "en.md"
    assert main(["--project", str(project), "sla", "fill", "marketing-sales-sla", "--values",
                 str(tmp_path / "values.yaml"), "--lang", "en", "--format", "md", "--out", str(english)]) == 0
    assert "the company is in our target group" in english.read_text(encoding="utf-8")
    code = main(["--project", str(project), "sla", "fill", "marketing-sales-sla", "--values",
                 str(tmp_path / "values.yaml"), "--format", "md", "--out", str(tmp_path / "cli.md")])
    assert code == 0, capsys.readouterr().err
    assert (tmp_path / "cli.md").read_text(encoding="utf-8") == browser_md
    assert "## 3. Porozumienie o współpracy" in browser_md
    browser_html = download(page, "download-html", tmp_path / "browser.html")
    main(["--project", str(project), "sla", "fill", "marketing-sales-sla", "--values",
          str(tmp_path / "values.yaml"), "--out", str(tmp_path / "cli.html")])
    assert (tmp_path / "cli.html").read_text(encoding="utf-8") == browser_html
    # Print: only the agreement goes to paper.
    page.evaluate("window.print = () => { window.__printed = document.body.className; }")
    page.click("button[data-action=print]")
    assert "sla-printing" in page.evaluate("window.__printed")
    page.emulate_media(media="print")
    assert not page.locator(".sla-form").is_visible()
    assert not page.locator("h2#parametry").is_visible()
    assert page.locator(".sla-preview .sla-doc h1").is_visible()


def test_the_static_form_follows_the_parameters(page: Any) -> None:
    rate = page.locator("[data-param=mql_to_sql_rate]")
    # Numbers are text fields read by the form (type="number" drops "," and spaces as one types).
    assert (rate.get_attribute("type"), rate.get_attribute("inputmode"), rate.get_attribute("value")) == (
        "text", "decimal", "40")
    assert page.get_attribute("[data-param=revenue_target]", "value") == "1\u00a0200\u00a0000"
    assert page.get_attribute("[data-param=company_name]", "required") == ""
    assert page.get_attribute("[data-param=effective_date]", "type") == "date"
    assert page.locator("[data-param=lead_definition]").evaluate("e => e.tagName") == "TEXTAREA"
    assert page.locator("#sla-marketing-sales-sla-follow_up_hours-help").inner_text().startswith(
        "W ciągu ilu godzin")
    options = page.locator("[data-param=review_cadence] option").all_inner_texts()
    assert options == ["Bez stałych przeglądów", "Co miesiąc", "Co kwartał"]
    # The template itself is still on the page, below the form.
    assert page.locator("h2#parametry").count() == 1


def test_screenshot_of_the_form(page: Any, tmp_path: Path) -> None:
    fill_in(page)
    page.locator(".sla-app").scroll_into_view_if_needed()
    shot = page.screenshot(path=str(tmp_path / "form.png"))
    assert len(shot) > 10_000


# -- numbers typed the page's way ------------------------------------------------------------------

NB, NNB = "\u00a0", "\u202f"  # a no-break space; a narrow one (what a Polish keyboard layout may give)

#: (field, typed, what the field shows after Tab, the error under it (a WORDS key) or "" / a
#: validation message, and text the preview then holds (or None: the preview keeps the last document,
#: greyed out). Typed with the keyboard, one key at a time.
TYPED: dict[str, list[tuple[str, str, str, str, str | None]]] = {
    "pl": [
        ("revenue_target", "1200000,50", f"1{NB}200{NB}000,50", "", f"Cel przychodowy na kwartał\t1{NB}200{NB}000,50{NB}zł"),
        ("revenue_target", "1 200 000,50", f"1{NB}200{NB}000,50", "", f"1{NB}200{NB}000,50{NB}zł"),
        ("revenue_target", f"1{NNB}200{NNB}000,5", f"1{NB}200{NB}000,50", "", f"1{NB}200{NB}000,50{NB}zł"),
        ("revenue_target", f"1{NB}250{NB}000", f"1{NB}250{NB}000", "", f"1{NB}250{NB}000{NB}zł"),
        ("revenue_target", "1200000.50", f"1{NB}200{NB}000,50", "", f"1{NB}200{NB}000,50{NB}zł"),
        ("revenue_target", "1.200.000", "1.200.000", "number_ambiguous", None),
        ("revenue_target", "1.200", "1.200", "number_ambiguous", None),
        ("revenue_target", "1,200,000.50", "1,200,000.50", "number_ambiguous", None),
        ("revenue_target", "1,5 mln", "1,5 mln", "number_format", None),
        ("revenue_target", "1 20 000", "1 20 000", "number_format", None),
        ("revenue_target", "1200 zł", "1200 zł", "number_format", None),
        ("revenue_target", "1234567890123456", "1234567890123456", "number_digits", None),
        ("revenue_target", "1000,0000000000000001", "1000,0000000000000001", "number_digits", None),
        ("average_deal_size", "30 000,00", f"30{NB}000", "", f"Średnia wartość transakcji\t30{NB}000{NB}zł"),
        ("average_deal_size", "-30 000", f"-30{NB}000", "Wartość musi wynosić co najmniej 1.", None),
        ("campaign_notice_days", "2,5", "2,5", "", f"2,5{NB}dnia roboczego"),
        ("campaign_notice_days", "2,55", "2,55", "Za dużo miejsc po przecinku: dozwolona liczba miejsc to najwyżej 1.", None),
        ("campaign_notice_days", "12", "12", "", f"12{NB}dni roboczych"),
        ("mql_to_sql_rate", "40%", "40", "", "40%"),
        ("mql_to_sql_rate", "12,5 %", "12,5", "", "12,5%"),
        ("follow_up_hours", "40%", "40%", "number_format", None),
    ],
    "en": [
        ("revenue_target", "1,200,000.50", "1,200,000.50", "", f"Revenue target per quarter\tPLN{NB}1,200,000.50"),
        ("revenue_target", "1200000.50", "1,200,000.50", "", f"PLN{NB}1,200,000.50"),
        ("revenue_target", "1 250 000", "1,250,000", "", f"PLN{NB}1,250,000"),
        ("revenue_target", "1200000,50", "1200000,50", "number_ambiguous", None),
        ("revenue_target", "1.200.000", "1.200.000", "number_ambiguous", None),
        ("revenue_target", "1,5 mln", "1,5 mln", "number_format", None),
        ("average_deal_size", "30,000.00", "30,000", "", f"Average deal size\tPLN{NB}30,000"),
        ("campaign_notice_days", "2,5", "2,5", "number_ambiguous", None),
        ("campaign_notice_days", "2.5", "2.5", "", f"2.5{NB}working days"),
        ("follow_up_hours", "1,200", "1,200", "must be at most 168, but this is 1200.", None),
        ("mql_to_sql_rate", "40%", "40", "", "40%"),
    ],
}


def site_page(browser: Any, address: str, path: str = PAGE) -> Any:
    """A fresh page of the marketing SLA (or ``path``) at ``address`` (its context closes with the page)."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.on("pageerror", lambda error: pytest.fail(str(error)))
    page.goto(address + path)
    # Count what the form hands out: every download makes a blob URL; printing calls print().
    page.evaluate("""() => { window.__handed = []; const made = URL.createObjectURL;
        URL.createObjectURL = (blob) => { window.__handed.push(blob.type); return made.call(URL, blob); };
        window.print = () => { window.__handed.push('print'); }; }""")
    return page


def handed_out(page: Any) -> list[str]:
    """Click each download and print: what the form handed out (blob types, 'print')."""
    handed = page.evaluate("""() => { window.__handed = [];
        for (const action of ['download-values', 'download-md', 'download-html', 'print']) {
          document.querySelector(`button[data-action=${action}]`).click();
        }
        return window.__handed; }""")
    return [str(kind).split(";")[0] for kind in handed]


EVERYTHING = ["application/yaml", "text/markdown", "text/html", "print"]


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_numbers_are_read_the_pages_way_or_refused(browser: Any, site: str, site_en: str, project: Path,
                                                   tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   lang: str) -> None:
    """A number typed in the page's language is read as meant and shown back the page's way; one
    that cannot be read for sure is an error saying how to write it, and nothing is downloaded."""
    words = wording.WORDS[lang]
    page = site_page(browser, site if lang == "pl" else site_en)
    try:
        fill_in(page)
        preview = page.locator(".sla-preview")
        for name, typed, shown, error, text in TYPED[lang]:
            case = f"{lang} {name}: {typed!r}"
            field = page.locator(f"[data-param={name}]")
            before = field.input_value()
            field.fill("")
            field.press_sequentially(typed)
            field.press("Tab")
            assert field.input_value() == shown, case
            box = page.locator(f"#sla-marketing-sales-sla-{name}-error")
            if error in words:
                expected = words[error].replace("{got}", f"'{typed}'")
                assert box.inner_text() == expected, case
            elif error:
                assert box.inner_text() == error, case
            else:
                assert not box.is_visible(), (case, box.inner_text())
            if text is None:
                assert "sla-stale" in (preview.get_attribute("class") or ""), case
                assert handed_out(page) == [] or error not in words, case
                field.fill(before)  # back to a good value, for the next case's preview
                assert "sla-stale" not in (preview.get_attribute("class") or ""), case
            else:
                assert text in preview.inner_text(), case
        # The last good number is downloaded as a plain YAML number, which the CLI reads the same.
        page.locator("[data-param=revenue_target]").fill("")
        page.locator("[data-param=revenue_target]").press_sequentially(
            "1 200 000,50" if lang == "pl" else "1,200,000.50")
        page.locator("[data-param=campaign_notice_days]").fill("12")
        browser_md = download(page, "download-md", tmp_path / "browser.md")
        values_text = download(page, "download-values", tmp_path / "values.yaml")
    finally:
        page.context.close()
    assert "\nrevenue_target: 1200000.5\n" in values_text
    assert f"\nmql_to_sql_rate: {'12.5' if lang == 'pl' else '40'}\n" in values_text
    code = main(["--project", str(project), "sla", "fill", "marketing-sales-sla", "--values",
                 str(tmp_path / "values.yaml"), "--lang", lang, "--format", "md", "--out", str(tmp_path / "cli.md")])
    assert code == 0, capsys.readouterr().err
    assert (tmp_path / "cli.md").read_text(encoding="utf-8") == browser_md
    assert ("1\u00a0200\u00a0000,50\u00a0zł" if lang == "pl" else "PLN\u00a01,200,000.50") in browser_md


#: Won deals a quarter (the revenue target over a 30 000 deal; all SQLs won, all MQLs accepted,
#: so ceil(won / 3) MQLs a month) and the sentence the targets clause then says.
INFLECTED = {
    "pl": [(1, "Kwartalny cel sprzedaży to 1 wygrana transakcja, a miesięczny cel marketingu to 1 lead MQL."),
           (2, "Kwartalny cel sprzedaży to 2 wygrane transakcje, a miesięczny cel marketingu to 1 lead MQL."),
           (5, "Kwartalny cel sprzedaży to 5 wygranych transakcji, a miesięczny cel marketingu to 2 leady MQL."),
           (22, "Kwartalny cel sprzedaży to 22 wygrane transakcje, a miesięczny cel marketingu to 8 leadów MQL.")],
    "en": [(1, "Sales is answerable for 1 won deal a quarter, marketing for 1 MQL a month."),
           (2, "Sales is answerable for 2 won deals a quarter, marketing for 1 MQL a month."),
           (5, "Sales is answerable for 5 won deals a quarter, marketing for 2 MQLs a month."),
           (22, "Sales is answerable for 22 won deals a quarter, marketing for 8 MQLs a month.")],
}
CONTACT_LINE = {"pl": "Kontakt w sprawie umowy:", "en": "Contact for the agreement:"}


def squashed(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_the_form_inflects_units_and_drops_an_empty_contact_line_as_the_cli_does(
        browser: Any, site: str, site_en: str, project: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str], lang: str) -> None:
    """The preview says "1 wygrana transakcja", "22 wygrane transakcje", "1 won deal"...; with no
    contact given it has no contact line; and the downloaded agreement is, each time, the one
    ``playbook sla fill`` writes from the downloaded values file."""
    page = site_page(browser, site if lang == "pl" else site_en)
    documents: list[tuple[str, str, str]] = []
    try:
        fill_in(page)
        page.fill("[data-param=sql_to_won_rate]", "100")
        page.fill("[data-param=mql_to_sql_rate]", "100")
        preview = page.locator(".sla-preview")
        for won, sentence in INFLECTED[lang]:
            page.fill("[data-param=revenue_target]", str(won * 30000))
            text = squashed(preview.inner_text())
            assert sentence in text, (won, text)
            assert CONTACT_LINE[lang] not in text and "—" not in text
            documents.append((sentence, download(page, "download-md", tmp_path / f"{won}.md"),
                              download(page, "download-values", tmp_path / f"{won}.yaml")))
        page.fill("[data-param=contact_emails]", "anna@acme.example")
        assert f"{CONTACT_LINE[lang]} anna@acme.example" in squashed(preview.inner_text())
        documents.append((f"{CONTACT_LINE[lang]} anna@acme.example",
                          download(page, "download-md", tmp_path / "contact.md"),
                          download(page, "download-values", tmp_path / "contact.yaml")))
    finally:
        page.context.close()
    for number, (sentence, browser_md, values_text) in enumerate(documents):
        (tmp_path / "values.yaml").write_text(values_text, encoding="utf-8")
        out = tmp_path / f"cli-{number}.md"
        code = main(["--project", str(project), "sla", "fill", "marketing-sales-sla", "--values",
                     str(tmp_path / "values.yaml"), "--lang", lang, "--format", "md", "--out", str(out)])
        assert code == 0, capsys.readouterr().err
        assert out.read_text(encoding="utf-8") == browser_md, sentence
        assert sentence in squashed(browser_md)
        assert (CONTACT_LINE[lang] in browser_md) == ("@" in sentence)


def test_a_links_address_is_printed_not_shown_in_the_preview(browser: Any, site: str, tmp_path: Path) -> None:
    """The agreement printed from the form said "przez portal leadów" and nothing of where the
    portal is. The address is now printed after the link (as in the PDF of ``playbook sla fill``),
    and on screen, where the link is followed, it is not shown; so in the HTML file downloaded."""


    page = site_page(browser, site, "slas/links-sla/")
    try:
        page.fill("[data-param=name]", "ACME")
        page.wait_for_function("() => document.querySelector('.sla-preview #sla-portal')")
        portal = "https://crm.example.com/leady?zrodlo=sla&v=2"
        screen = page.locator(".sla-preview").inner_text()
        assert "portal leadów" in screen and "crm.example.com" not in screen, screen
        printed = " ".join(pdf_pages(page.pdf(format="A4")))
        flat = "".join(printed.split())
        assert "".join(f"przez portal leadów ({portal}).".split()) in flat, printed
        assert flat.count("https://intranet.example.com/regulamin") == 1, printed
        assert "działsprzedaży(sprzedaz@acme.example)" in flat and "mailto" not in flat, printed
        saved = download(page, "download-html", tmp_path / "links.html")
        assert '>portal leadów</a><span class="sla-href"> (https://crm.example.com/leady?zrodlo=sla&amp;v=2)' in saved
        downloaded = page.context.new_page()
        downloaded.goto((tmp_path / "links.html").as_uri())
        assert "crm.example.com" not in downloaded.inner_text("body")
        assert "crm.example.com" in pdf_pages(downloaded.pdf(format="A4"))[0]
    finally:
        page.context.close()


def test_an_unread_number_blocks_every_download(browser: Any, site: str) -> None:
    page = site_page(browser, site)
    try:
        fill_in(page)
        assert handed_out(page) == EVERYTHING
        field = page.locator("[data-param=revenue_target]")
        field.fill("")
        field.press_sequentially("1.200.000")
        assert handed_out(page) == [], "a values file would leave the number out"
        assert page.locator(".sla-summary").inner_text() == "Popraw zaznaczone pola:"
        assert page.evaluate("document.activeElement.dataset.param") == "revenue_target"
        field.fill("")
        field.press_sequentially("1 200 000")
        assert handed_out(page) == EVERYTHING
    finally:
        page.context.close()


UNFIT_FILE = ('company_name: "Firma\\nDruga linia"\nmarketing_signatory: Anna Nowak\n'
              "sales_signatory: Jan Kowalski\neffective_date: 2027-01-01\nreview_cadence: kwartalnie\n")


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_a_loaded_value_that_does_not_fit_is_left_out_and_blocks_downloads(
        browser: Any, site: str, site_en: str, tmp_path: Path, lang: str) -> None:
    """Not glued into a one-line field, not replaced by the default: the field stays empty and
    invalid, with the reason, and nothing is handed out until the user gives a value."""
    page = site_page(browser, site if lang == "pl" else site_en)
    path = tmp_path / "unfit.yaml"
    path.write_text(UNFIT_FILE, encoding="utf-8")
    try:
        summary = load_file(page, path)
        assert wording.WORDS[lang]["load_unfit"].split("{items}")[0] in summary
        assert page.input_value("[data-param=company_name]") == ""
        assert page.evaluate("document.querySelector('[data-param=review_cadence]').selectedIndex") == -1
        errors = {name: page.locator(f"#sla-marketing-sales-sla-{name}-error").inner_text()
                  for name in ("company_name", "review_cadence")}
        if lang == "pl":
            assert errors == {
                "company_name": "Nie wpisano wartości z pliku: \"Firma\\nDruga linia\" (To pole ma jeden wiersz, a "
                                "tekst zawiera podział wiersza: wpisz go w jednym wierszu). Wpisz tu poprawną wartość.",
                "review_cadence": "Nie wpisano wartości z pliku: \"kwartalnie\" ('kwartalnie' nie jest jedną z "
                                  "możliwości: none, monthly, quarterly). Wpisz tu poprawną wartość."}
        else:
            assert errors == {
                "company_name": "The value from the file was not filled in: \"Firma\\nDruga linia\" (is one line, "
                                "but this text has a line break: write it on one line). Enter a correct value here.",
                "review_cadence": "The value from the file was not filled in: \"kwartalnie\" ('kwartalnie' is not "
                                  "one of the choices: none, monthly, quarterly). Enter a correct value here."}
        invalid = page.eval_on_selector_all(".sla-field.sla-invalid", "fs => fs.map(f => f.id)")
        assert invalid == ["sla-marketing-sales-sla-company_name-field", "sla-marketing-sales-sla-review_cadence-field"]
        assert "Firma" not in page.locator(".sla-preview").inner_text()
        assert handed_out(page) == []
        # One fixed, one still pending: still nothing.
        page.locator("[data-param=company_name]").press_sequentially("Firma")
        assert handed_out(page) == []
        assert page.locator("#sla-marketing-sales-sla-review_cadence-error").is_visible()
        page.select_option("[data-param=review_cadence]", "monthly")
        assert page.eval_on_selector_all(".sla-field.sla-invalid", "fs => fs.length") == 0
        assert handed_out(page) == EVERYTHING
    finally:
        page.context.close()


def test_the_english_form_names_the_field_a_value_is_required_in(browser: Any, site_en: str) -> None:
    page = site_page(browser, site_en)
    try:
        page.click("button[data-action=check]")
        assert page.locator("#sla-marketing-sales-sla-company_name-error").inner_text() == (
            "a value is required here (Company name).")
        assert page.locator("#sla-marketing-sales-sla-effective_date-error").inner_text() == (
            "a value is required here (Effective date).")
        texts = page.eval_on_selector_all(".sla-error:not([hidden])", "es => es.map(e => e.innerText)")
        assert len(texts) == 4 and not any("()" in t or "{" in t for t in texts), texts
    finally:
        page.context.close()


# -- the two engines agree -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def engine(browser: Any, site: str) -> Iterator[Any]:
    """One page for the engine comparisons, which only call window.PlaybookSla."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(site + PAGE)
    yield page
    context.close()


def js(page: Any, body: str, arg: Any) -> Any:
    return page.evaluate(f"(arg) => {{ const S = window.PlaybookSla; {body} }}", arg)


def test_numbers_agree(engine: Any) -> None:
    rng = random.Random(20270101)
    xs = [0.0, 1.005, 0.125, -2.5, 2.5, 1e-7, 123456789012345.6, 999.9999999999999, 60.00000000000001,
          1e15, -1e15, 0.1 + 0.2, 1 / 3, 2 / 3]
    xs += [rng.uniform(-1e6, 1e6) for _ in range(150)]
    xs += [round(rng.uniform(0, 1e4), rng.randint(0, 6)) for _ in range(150)]
    xs += [rng.randint(-10**15, 10**15) / 10 ** rng.randint(0, 9) for _ in range(100)]
    xs += [float(n) for n in range(-3, 130)] + [1001.0, 1012.0, 1022.0, 12022.0, 112.0, 1.5, -1.0]
    cases = [(x, d, m) for x in xs for d, m in ((0, "nearest"), (2, "nearest"), (0, "ceil"),
                                                  (1, "floor"), (6, "nearest"))]
    got = js(engine, """return arg.map(([x, d, m]) => [S.roundTo(x, d, m), S.formatNumber(x, 'pl', d, false),
        S.formatNumber(x, 'en', d, true), S.formatMoney(x, 'PLN', 'pl'), S.formatMoney(x, 'EUR', 'en'),
        S.plain(x), S.pluralCategory(S.formatNumber(x, 'pl', d, true), 'pl'),
        S.pluralCategory(S.formatNumber(x, 'en', d, true), 'en')]);""", cases)
    expected = [[numbers.round_to(x, d, m), numbers.format_number(x, "pl", d, False),  # type: ignore[arg-type]
                 numbers.format_number(x, "en", d, True), numbers.format_money(x, "PLN", "pl"),
                 numbers.format_money(x, "EUR", "en"), numbers.plain(x),
                 numbers.plural_category(numbers.format_number(x, "pl", d, True), "pl"),
                 numbers.plural_category(numbers.format_number(x, "en", d, True), "en")]
                for x, d, m in cases]
    assert got == expected
    assert {row[6] for row in got} == {"one", "few", "many", "other"}


EXPRESSIONS: list[tuple[str, dict[str, Any]]] = [
    ("a / b", {"a": 1200000, "b": 30000}), ("ceil(a / b / (c / 100))", {"a": 630000, "b": 30000, "c": 35}),
    ("a // b + a % b", {"a": -7, "b": 2}), ("2 ** n", {"n": 10}), ("2 ** -n", {"n": 3}),
    ("round(a, 2)", {"a": 1.005}), ("floor(70 / 0.07)", {}), ("max(a, b, 3) - min(a, b)", {"a": 1, "b": 7.5}),
    ("abs(-a)", {"a": 3}), ("a / b", {"a": 1, "b": 0}), ("a * b", {"a": 1e10, "b": 1e10}),
    ("a ** 0.5", {"a": 10}), ("round(a, 12)", {"a": 1}), ("s == 'large' and a > 1", {"s": "large", "a": 2}),
    ("s != 'none' or a > 5", {"s": "none", "a": 2}), ("1 < a <= 40", {"a": 40}), ("not (a > 50)", {"a": 4}),
    ("a % (b - b)", {"a": 1, "b": 3}), ("0 ** -1", {}), ("-a + +b", {"a": 1.5, "b": 2.25}),
]


def test_expressions_agree(engine: Any) -> None:
    cases = [{"tree": expr.parse(source), "source": source, "env": env} for source, env in EXPRESSIONS]
    got = js(engine, """return arg.map(c => { try { return ['ok', S.evaluate(c.tree, c.source, c.env)]; }
        catch (e) { return ['error', e.code, e.expr, e.values]; } });""", cases)
    expected: list[list[Any]] = []
    for source, env in EXPRESSIONS:
        try:
            expected.append(["ok", expr.evaluate(expr.parse(source), source, {k: float(v) if isinstance(v, int) else v for k, v in env.items()})])
        except expr.EvalError as exc:
            expected.append(["error", exc.code, exc.expr, exc.values])
    assert got == expected


def _bad_values() -> list[tuple[str, str, Any]]:
    cases = []
    for path in sorted((CASES / "values").glob("*.yaml")):
        parsed = parse_bytes(path.read_bytes(), path.name)
        if parsed.problems or not isinstance(parsed.data, dict):
            continue
        ident = "small-sla" if path.read_text().startswith("# template: small-sla") else "marketing-sales-sla"
        cases.append((path.stem, ident, parsed.data))
    example = parse_bytes((ROOT / "examples" / "q1-2027.yaml").read_bytes(), "q1").data
    cases.append(("example", "marketing-sales-sla", example))
    cases.append(("small company", "marketing-sales-sla", dict(example, company_size="small")))
    cases.append(("hostile", "marketing-sales-sla", dict(
        example, company_name="<script>x</script> **b** {{ company_name }} | 1. x",
        lead_definition="# h\n- a\n\n1. b\n> q\n=====\n\\ ` ~ & &amp;",
        revenue_target={"amount": 1234567.5, "currency": "PLN"}, contact_emails=[])))
    cases.append(("ampersands and angles", "marketing-sales-sla", dict(
        example, company_name="Marketing & Sales <b> R&D &copy; &#x41;",
        lead_definition="a < b, <!-- c -->, </p>, <?x?>, <https://x.example>, 5<6 & 7>2 &")))
    cases.append(("small template", "small-sla", {"name": "X", "start": "2027-02-28", "notes": "a\nb",
                                                  "days": [1, 2, 5, 22], "tags": ["b"],
                                                  "budget": {"amount": 2500.5, "currency": "PLN"},
                                                  "cadence": "monthly", "count": 200}))
    # Units by number (every plural category, in both languages) and label lines left out.
    for won in (1, 2, 5, 12, 22, 25, 112):
        cases.append((f"{won} won deals", "marketing-sales-sla", dict(
            example, revenue_target=won * 30000, sql_to_won_rate=100, mql_to_sql_rate=100)))
    cases.append(("no contacts", "marketing-sales-sla",
                  {k: v for k, v in example.items() if k != "contact_emails"}))
    for count in (0, 1, 2, 4, 5, 12, 22, 25, 1001):
        cases.append((f"labels {count}", "label-lines-sla", {"name": "ACME", "count": count}))
    cases.append(("labels given", "label-lines-sla", {"name": "ACME", "count": 3, "contact": "a@acme.example",
                                                      "phones": ["1", "2"], "note": "x"}))
    cases.append(("labels some", "label-lines-sla", {"name": "ACME", "phones": [], "note": "x"}))
    return cases


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_validation_and_documents_agree(engine: Any, templates: dict[str, Sla], lang: str) -> None:
    specs = {ident: compile_spec(sla, lang) for ident, sla in templates.items()}
    cases = _bad_values()
    arg = [{"spec": specs[ident], "values": data} for _name, ident, data in cases]
    got = js(engine, """return arg.map(c => { const r = S.fill(c.spec, c.values);
        return r.filled ? ['ok', S.markdown(r.filled), S.htmlBody(r.filled), S.standaloneHtml(r.filled)]
          : ['problems', r.problems.map(p => [p[0], p[1], S.problemText(c.spec, p)])]; });""", arg)
    for (name, ident, data), result in zip(cases, got, strict=True):
        python, problems = fill(specs[ident], data)
        if python is not None:
            assert result == ["ok", python.markdown(), python.html_body(), python.html()], name
        else:
            assert result[0] == "problems", name
            assert [(list(p[0]), p[1]) for p in problems] == [(p[0], p[1]) for p in result[1]], name
            if lang == "en":  # the browser's wording is the CLI's, without the "did you mean" hint
                texts = [_python_text(p, specs[ident]) for p in problems]
                assert texts == [p[2] for p in result[1]], name


def _python_text(problem: Any, spec: dict[str, Any]) -> str:
    path, code, args = problem
    args = dict(args)
    if code == "required":  # the CLI names the field (values._diagnostic); so does the form
        args["label"] = next(p["label"] for p in spec["params"] if p["id"] == path[0])
    kind = str(args.pop("kind", ""))
    if "target" in args:
        target = args.pop("target")
        words = wording.message("en", f"target_{target['kind']}", id=target["id"], label=target["label"])
        return wording.message("en", code, target=words, **args)
    return wording.message("en", code, kind, **args)


COUNTED_TEXTS = {
    "pl": ["Tekst jest za długi (201 znaków); dozwolone jest najwyżej 200.",
           "Tekst jest za długi (202 znaki); dozwolone jest najwyżej 200.",
           "Tekst jest za długi (205 znaków); dozwolone jest najwyżej 200.",
           "Tekst jest za długi (224 znaki); dozwolone jest najwyżej 200."],
    "en": [f"is too long ({n} characters); at most 200 are allowed." for n in (201, 202, 205, 224)],
}


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_a_counted_noun_agrees_with_its_number_in_the_form_as_in_python(
        engine: Any, templates: dict[str, Sla], lang: str) -> None:
    # "(202 znaków)" was the form's Polish for a name two characters too long: 2-4 take "znaki".
    spec = compile_spec(templates["marketing-sales-sla"], lang)
    example = parse_bytes((ROOT / "examples" / "q1-2027.yaml").read_bytes(), "q1").data
    cases = [dict(example, company_name="x" * n) for n in (201, 202, 205, 224)]
    got = js(engine, "return arg.cases.map(v => S.fill(arg.spec, v).problems.map(p => S.problemText(arg.spec, p)));",
             {"spec": spec, "cases": cases})
    assert got == [[text] for text in COUNTED_TEXTS[lang]]
    python = [[wording.message(lang, code, str(args.get("kind", "")), **{k: v for k, v in args.items() if k != "kind"})
               for _path, code, args in fill(spec, case)[1]] for case in cases]
    assert python == got


def test_values_files_written_by_the_browser_read_back(engine: Any) -> None:
    samples = ["plain", "multi\nline", "  lead", "tail  \nx", "tab\tx", "quote \" and \\", "zażółć 😀",
               "# hash", "x: y", "- d", "null", "true", "2027-01-01", "0012", "", "\nx", "x\n",
               1200000, 0.25, -3, 1e-06, [1, "a"], {"amount": 10, "currency": "EUR"}]
    got = js(engine, "return arg.map(v => 'x:' + S.yamlScalar(v) + '\\n');", samples)
    for sample, text in zip(samples, got, strict=True):
        assert text == "x:" + values.yaml_scalar(sample) + "\n"
        assert yaml.safe_load(text) == {"x": sample} or isinstance(sample, str)
        assert parse_bytes(text.encode("utf-8"), "v.yaml").data == {"x": sample}


#: Scalars written every way a values file may hold them; each is read in several places.
SCALARS = [
    "12", "+12", "-3", "-0", "0", "00", "012", "1.5", "+0.5", "-1.0", ".5", "1.", "1e3", "1.5e3", "0x1F",
    "1_000", ".inf", ".nan", "1,200", "12 000", "12:30", '"12"', "'12'", '"1.5"', "true", "True", "TRUE",
    "tRue", "false", "yes", "no", "NO", "on", "off", "y", "null", "Null", "NULL", "~", '"~"', '""', "''",
    "2027-01-01", '"2027-01-01"', "2027-01-01T10:00:00", "anna@acme.example", "ACME sp. z o.o.",
    '!!int "12"', "!!int 012", "!!int +12", "!!float 1e3", "!!float .5", "!!float 12", '!!float "1."',
    "!!str 12", "!!str true", "!!bool true", "!!null ~", '!!null ""', "! 12", '! "12"', "! true", "! x",
    "!!int 1.5", "!!int x", "!!float x", "!!bool yes", "!!null 0", "!!binary aGk=", "!!timestamp 2027-01-01",
    "123456789012345", "1234567890123456", "-123456789012345", "99999999999999.9", "999999999999999.9",
    "0.100000000000000000000000000001", "0.1000000000000000000000000000001", "!!float 1e15", "!!float 1e400",
    "!!int 0000000000000012", "&a 12", r'"tab\there"', r'"bell\a"', r'"rlo\u202e"', r'"nel\N"',
    "|-\n12", ">-\n12\n34", "12\n34", "[12, '12', ~, true]", "{amount: '12', currency: PLN}",
]

#: Files of the hostile corpus the CLI refuses and js-yaml reads: keys that are not text (true,
#: ~, 1, a list), a merge key (<<), nesting deeper than 64, a key longer than libyaml's 1024
#: characters, and a space-like character pasted before or after a field name (``\xa0\xa0pl: x``,
#: ``pl:\xa0x``: a field of another name, or a text, to both readers; the CLI names the
#: character). In the form each becomes an unknown field or a value of the wrong type: refused
#: too, in other words. And a line holding only a tab (libyaml refuses it; js-yaml reads the same
#: data as without it, so the form takes the file as the CLI would once the tab is deleted).
READ_DIFFERENTLY = {"boolean-key", "complex-key", "merge-key", "nbsp-after-a-field-name",
                    "nbsp-indentation", "nesting-block-dashes", "nesting-block-indentation",
                    "null-key", "number-key", "tab-on-an-empty-looking-line", "very-long-key",
                    "zero-width-space-before-a-key",
                    # js-yaml reads on after a quoted text closed inside a flow mapping
                    "unclosed-single-quote-closed-in-a-flow-mapping"}


def test_values_files_are_read_as_the_cli_reads_them(engine: Any) -> None:
    """sla-form.js reads a values file with js-yaml and a schema that is the CLI's reader
    (generator/yamlfile.py): every scalar above, alone, in a list, in an amount and in a flow list,
    and the hostile YAML and values corpus, give the CLI's data, or are refused by both."""
    def nest(before: str, scalar: str, indent: int) -> str:
        return before + scalar.replace("\n", "\n" + " " * indent) + "\n"

    texts: list[str] = []
    for scalar in SCALARS:
        texts += [nest("x: ", scalar, 2), nest("x:\n  - ", scalar, 4), nest("x:\n  amount: ", scalar, 4)]
        if "\n" not in scalar:
            texts.append(f"x: [{scalar}]\n")
    differ = set()
    corpus = CASES.parent / "hostile"
    for path in sorted([*(corpus / "yaml").glob("*.yaml"), *(corpus / "values").glob("*.yaml"),
                        *(CASES / "values").glob("*.yaml")]):
        try:  # a browser decodes a file that is not UTF-8 its own way; the CLI names the encoding
            text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError:
            continue
        if path.stem in READ_DIFFERENTLY:
            differ.add(len(texts))
        texts.append(text)
    engine.add_script_tag(path=str(ROOT / "generator" / "vendor" / "js-yaml.min.js"))
    got = js(engine, """const words = JSON.parse(document.querySelector('.sla-app').dataset.sla).words;
        return arg.map(t => { let data; try { data = S.readValues(window.jsyaml, t, 'v.yaml', words); }
        catch (e) { return ['refused', String(e.message)]; }
        try { return ['read', JSON.stringify(data === undefined ? null : data)]; }
        catch (e) { return ['read', 'too deep']; } });""", texts)
    for number, (text, (outcome, data)) in enumerate(zip(texts, got, strict=True)):
        parsed = parse_text(text, "v.yaml")
        if number in differ:
            assert parsed.problems and outcome == "read", text[:200]
        elif parsed.problems:
            assert outcome == "refused", (text[:200], parsed.problems[0].message, data)
        else:
            assert (outcome, json.loads(data)) == ("read", parsed.data), text[:200]


def test_spec_embedded_in_the_page_is_the_one_python_uses(engine: Any, templates: dict[str, Sla]) -> None:
    embedded = json.loads(engine.get_attribute(".sla-app", "data-sla"))
    assert embedded == compile_spec(templates["marketing-sales-sla"], "pl")


# -- loading a values file into the form ---------------------------------------------------------

def load_file(page: Any, path: Path) -> str:
    """Choose ``path`` in the form's file picker (as the "Load" button opens it); the summary."""
    with page.expect_file_chooser() as chooser:
        page.click("button[data-action=load-values]")
    page.evaluate("""() => { window.__loaded = false;
        document.querySelector('.sla-app').addEventListener('sla-loaded', () => { window.__loaded = true; }, {once: true}); }""")
    chooser.value.set_files(str(path))
    page.wait_for_function("window.__loaded === true", timeout=15_000)
    return str(page.locator(".sla-summary").inner_text())


def load_texts(page: Any, files: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Give the form's file input each ``(name, text)`` in turn, as choosing the file does (one
    round trip for them all). For each: the ``sla-loaded`` event's detail (``clean``, ``unfit``,
    ``unknown``), the summary, the fields marked invalid and the Markdown the form would download."""
    result: list[dict[str, Any]] = page.evaluate("""async (files) => {
        const app = document.querySelector('.sla-app');
        const input = app.querySelector('input.sla-values-file');
        const out = [];
        for (const [name, text] of files) {
          const loaded = new Promise(done => app.addEventListener('sla-loaded', e => done(e.detail), {once: true}));
          const chosen = new DataTransfer();
          chosen.items.add(new File([text], name, {type: 'application/yaml'}));
          input.files = chosen.files;
          input.dispatchEvent(new Event('change', {bubbles: true}));
          const detail = await loaded;
          const filled = app.slaState().result.filled;
          out.push(Object.assign({}, detail, {
            summary: app.querySelector('.sla-summary').innerText,
            invalid: [...app.querySelectorAll('.sla-field.sla-invalid')].map(f => f.id),
            markdown: filled ? window.PlaybookSla.markdown(filled) : null}));
        }
        return out; }""", [list(f) for f in files])
    return result


def test_a_values_file_loads_into_the_form_and_gives_the_clis_document(
        page: Any, project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    values_file = tmp_path / "acme.values.yaml"
    values_file.write_text(
        "# hand-written, like a user would\n"
        "company_name: \"ACME <b>sp.</b> z o.o.\"\n"
        "company_size: small\n"
        "revenue_target: 630000\n"
        "mql_to_sql_rate: 50\n"
        "sql_to_won_rate: 35\n"
        "review_cadence: none\n"
        "marketing_signatory: Anna Nowak\n"
        "sales_signatory: Jan Kowalski\n"
        "effective_date: 2027-01-01\n"
        "contact_emails:\n  - anna@acme.example\n  - jan@acme.example\n"
        "follow_up_hours:\n",  # empty: the default
        encoding="utf-8")
    page.fill("[data-param=campaign_notice_days]", "3")  # not in the file: back to the default
    summary = load_file(page, values_file)
    assert summary == "Wczytano plik acme.values.yaml. Sprawdź wartości w formularzu."
    assert page.input_value("[data-param=company_name]") == "ACME <b>sp.</b> z o.o."
    assert page.input_value("[data-param=campaign_notice_days]") == "10"
    assert page.input_value("[data-param=contact_emails]") == "anna@acme.example\njan@acme.example"
    preview = page.locator(".sla-preview").inner_text()
    assert "Porozumienie o współpracy" in preview
    assert "potrzebne miesięcznie" not in preview, "the short agreement lists no funnel it never mentions"
    browser_md = download(page, "download-md", tmp_path / "browser.md")
    code = main(["--project", str(project), "sla", "fill", "marketing-sales-sla", "--values",
                 str(values_file), "--format", "md", "--out", str(tmp_path / "cli.md")])
    assert code == 0, capsys.readouterr().err
    assert (tmp_path / "cli.md").read_text(encoding="utf-8") == browser_md


def test_a_values_file_with_mistakes_is_explained_not_guessed(page: Any, tmp_path: Path) -> None:
    odd = tmp_path / "odd.yaml"
    odd.write_text("company_name: ACME\ncompany_sise: small\nmql_to_sql_rate: forty\n"
                   "effective_date: 1 stycznia 2027\n", encoding="utf-8")
    summary = load_file(page, odd)
    assert "Pominięto pola, których nie ma w tym szablonie: company_sise." in summary
    assert "Tych wartości nie da się wpisać w formularz" in summary
    assert '"forty"' in summary and '"1 stycznia 2027"' in summary
    assert page.input_value("[data-param=company_name]") == "ACME"
    # A value that does not fit is not put into the field, nor is the default left there.
    assert page.input_value("[data-param=mql_to_sql_rate]") == ""
    assert page.locator("#sla-marketing-sales-sla-mql_to_sql_rate-error").inner_text() == (
        "Nie wpisano wartości z pliku: \"forty\" (Wpisz liczbę). Wpisz tu poprawną wartość.")
    broken = tmp_path / "broken.yaml"
    broken.write_text("company_name: ACME\ncompany_name: Other\n", encoding="utf-8")
    summary = load_file(page, broken)
    assert summary.startswith("Nie udało się odczytać pliku broken.yaml: wiersz 2, kolumna 1: "
                              "pole 'company_name' występuje dwa razy: zostaw jedno.")
    assert page.input_value("[data-param=company_name]") == "ACME", "a file that cannot be read changes nothing"
    # The reader's own reasons are in the page's language too.
    for text, reason in [
        ("company_name: &a ACME\n", "użyto kotwicy (&a), a kotwice i odwołania (&nazwa, *nazwa) nie są obsługiwane: "
         "wpisz wartość w całości."),
        ("revenue_target: 1234567890123456\n", "liczba '1234567890123456' jest za duża: może mieć najwyżej 15 cyfr."),
        ('company_name: "ACME\\u202e"\n', "tekst zawiera znak U+202E zapisany kodem: usuń go."),
        ("company_name: ACME\u202e\n", "plik zawiera znak U+202E: usuń go."),
    ]:
        broken.write_text(text, encoding="utf-8")
        assert load_file(page, broken).startswith(f"Nie udało się odczytać pliku broken.yaml: {reason}"), text
    listed = tmp_path / "list.yaml"
    listed.write_text("- company_name: ACME\n", encoding="utf-8")
    assert load_file(page, listed).startswith(
        "Plik list.yaml nie jest plikiem wartości: powinien zawierać wiersze „nazwa: wartość”.")


def test_a_values_file_saved_on_windows_loads_or_says_how_to_save_it(page: Any, tmp_path: Path) -> None:
    """Notepad's "UTF-8 with BOM" and CRLF load as the CLI reads them; its "ANSI" (Windows-1250)
    and "Unicode" (UTF-16) are refused as the CLI refuses them, never read as "?" or mojibake."""
    text = ("company_name: Żółta Łódź sp. z o.o.\nmarketing_signatory: Anna Łęcka\n"
            "sales_signatory: Jan Żak\neffective_date: 2027-02-01\n")
    windows = tmp_path / "windows.yaml"
    windows.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert load_file(page, windows) == "Wczytano plik windows.yaml. Sprawdź wartości w formularzu."
    assert page.input_value("[data-param=company_name]") == "Żółta Łódź sp. z o.o."
    assert page.input_value("[data-param=marketing_signatory]") == "Anna Łęcka"
    words = wording.WORDS["pl"]
    for name, data, key in [("ansi.yaml", text.replace("\n", "\r\n").encode("cp1250"), "load_encoding"),
                            ("unicode.yaml", text.replace("\n", "\r\n").encode("utf-16"), "load_utf16")]:
        (tmp_path / name).write_bytes(data)
        assert load_file(page, tmp_path / name) == substitute(words["load_failed"], file=name, error=words[key])
        assert page.input_value("[data-param=company_name]") == "Żółta Łódź sp. z o.o.", "nothing changed"


def substitute(template: str, **args: Any) -> str:
    """The form's ``substitute``: ``{name}`` replaced where ``args`` has it."""
    return re.sub(r"\{([a-z]+)\}", lambda m: str(args.get(m.group(1), m.group(0))), template)


#: Files js-yaml refuses, with the place it names and the page's words for its reason.
BROKEN_YAML: list[tuple[str, tuple[int, int] | None, str]] = [
    ("company_name: ACME\ncompany_name: Other\n", (2, 1), "yaml_duplicate"),
    ("company_name: ACME\n---\nsales_signatory: B\n", None, "yaml_documents"),
    ("company_name: ACME\ncontact_emails:\n\t- a@b.pl\n", (3, 1), "yaml_tab"),
    ("%YAML 2.0\n---\ncompany_name: ACME\n", (2, 1), "yaml_directive"),
    ("company_name: *x\n", (1, 17), "yaml_alias"),
    ("company_name: !foo ACME\n", (1, 24), "yaml_tag"),
    ('company_name: "ACME\nsales_signatory: B\n', (3, 1), "yaml_quote"),
    ("company_name: 'ACME\nsales_signatory: B\n", (3, 1), "yaml_quote"),
    ("contact_emails: [a@b.pl, c@d.pl\nsales_signatory: B\n", (2, 1), "yaml_bracket"),
    ("contact_emails: [a@b.pl,, c@d.pl]\n", (1, 25), "yaml_bracket"),
    ('company_name: "AC\\qME"\n', (1, 19), "yaml_escape"),
    ('company_name: "AC\\u00zzME"\n', (1, 22), "yaml_escape"),
    ("company_name: ACME\nsales_signatory\nmarketing_signatory: A\n", (3, 20), "yaml_colon"),
    ("company_name: ACME\n  sales_signatory: B\n", (2, 18), "yaml_indent"),
    ("company_name: ACME: sp\n", (1, 19), "yaml_indent"),
    ("company_name: ACME\n- x\n", (2, 1), "yaml_indent"),
    ("company_name: |x\n  ACME\n", (1, 16), "yaml_other"),
]


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_a_file_that_is_not_yaml_is_explained_in_the_pages_language(
        browser: Any, site: str, site_en: str, project: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str], lang: str) -> None:
    """js-yaml's English reasons become the page's words, at js-yaml's line and column; the CLI
    refuses each of these files too. Every one of the words is shown by some file."""
    words = wording.WORDS[lang]
    page = browser.new_page()
    try:
        page.goto((site if lang == "pl" else site_en) + "slas/marketing-sales-sla/")
        forms = load_texts(page, [(f"broken-{n}.yaml", text) for n, (text, _at, _key) in enumerate(BROKEN_YAML)])
    finally:
        page.close()
    for number, ((text, at, key), form) in enumerate(zip(BROKEN_YAML, forms, strict=True)):
        reason = words[key].replace("{key}", "'company_name'")
        if at is not None:
            reason = substitute(words["yaml_at"], line=at[0], column=at[1], reason=reason)
        expected = substitute(words["load_failed"], file=f"broken-{number}.yaml", error=reason)
        assert form["summary"].startswith(expected), (text, form["summary"])
        path = tmp_path / f"broken-{number}.yaml"
        path.write_text(text, encoding="utf-8")
        assert cli_outcome(project, "marketing-sales-sla", lang, path, capsys)[0] == "file", text
    assert {key for _text, _at, key in BROKEN_YAML} == {k for k in words if k.startswith("yaml_") and k != "yaml_at"}


def test_lists_choices_and_a_currency_load_too(page: Any, site: str, project: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    page.goto(site + "slas/small-sla/")
    values_file = tmp_path / "small.yaml"
    values_file.write_text(
        "name: Zażółć gęślą jaźń\nnotes: |-\n  one\n  two\nstart: 2027-02-28\n"
        "budget:\n  amount: 2500\n  currency: PLN\ntags: [b]\ndays:\n  - 1\n  - 3\ncadence: monthly\n",
        encoding="utf-8")
    page.select_option("select[name=budget__currency]", "EUR")
    assert load_file(page, values_file) == "Wczytano plik small.yaml. Sprawdź wartości w formularzu."
    assert page.is_checked("[data-param=tags][value=b]") and not page.is_checked("[data-param=tags][value=a]")
    assert page.input_value("select[name=budget__currency]") == "PLN"
    assert page.input_value("[data-param=days]") == "1\n3"
    browser_md = download(page, "download-md", tmp_path / "browser.md")
    code = main(["--project", str(project), "sla", "fill", "small-sla", "--values",
                 str(values_file), "--format", "md", "--out", str(tmp_path / "cli.md")])
    assert code == 0, capsys.readouterr().err
    assert (tmp_path / "cli.md").read_text(encoding="utf-8") == browser_md
    assert "| Sztuki | 250\u00a0szt. |" in browser_md  # 2500 PLN of budget at 10 PLN each


# -- the form reads a values file as the CLI does -------------------------------------------------

#: The required values of each template, so that a file differs from a good one in one value.
BASE_VALUES = {
    "marketing-sales-sla": {"company_name": "ACME", "marketing_signatory": "Anna Nowak",
                            "sales_signatory": "Jan Kowalski", "effective_date": "2027-01-01"},
    "small-sla": {"name": "ACME", "start": "2027-02-28"},
}

#: Per template: (parameter, the value as written after ``name:``, what the CLI makes of it):
#: "ok" it fills; "type" it refuses the value as the wrong type ("expected ..."); "value" it refuses
#: it for another reason (range, choice, date, required); "file" it does not read the file.
READING: dict[str, list[tuple[str, str, str]]] = {
    "marketing-sales-sla": [
        # text
        ("company_name", "ACME sp. z o.o.", "ok"), ("company_name", '"ACME"', "ok"),
        ("company_name", "12", "type"), ("company_name", '"12"', "ok"), ("company_name", "1.5", "type"),
        ("company_name", "true", "type"), ("company_name", "yes", "ok"), ("company_name", "NO", "ok"),
        ("company_name", "012", "ok"), ("company_name", "1e3", "ok"), ("company_name", "2027-01-01", "ok"),
        ("company_name", '"null"', "ok"), ("company_name", "~", "value"), ("company_name", '""', "value"),
        ("company_name", "!!str 12", "ok"), ("company_name", "! 12", "ok"), ("company_name", "[ACME]", "type"),
        ("company_name", "&a ACME", "file"), ("company_name", '"ACME\\u202e"', "file"),
        ("lead_definition", "|-\n  - one\n  - two", "ok"), ("lead_definition", "12", "type"),
        # a line break: refused in a one-line text, taken in a box of several lines
        ("company_name", '"ACME\\nsp. z o.o."', "value"), ("company_name", "|-\n  ACME\n  sp. z o.o.", "value"),
        ("company_name", '"ACME\\r"', "value"), ("lead_definition", '"one\\r\\ntwo"', "value"),
        ("lead_definition", '"one\\ntwo"', "ok"),
        # choice
        ("company_size", "small", "ok"), ("company_size", '"small"', "ok"), ("company_size", "1", "type"),
        ("company_size", "false", "type"), ("company_size", "tiny", "value"),
        ("review_cadence", "none", "ok"), ("review_cadence", "'monthly'", "ok"), ("review_cadence", "12", "type"),
        # money in one currency
        ("revenue_target", "630000", "ok"), ("revenue_target", '"630000"', "type"),
        ("revenue_target", "'630000'", "type"), ("revenue_target", "630000.5", "ok"),
        ("revenue_target", '"630000.50"', "type"), ("revenue_target", '!!int "630000"', "ok"),
        ("revenue_target", "!!float 6.3e5", "ok"), ("revenue_target", "6.3e5", "type"),
        ("revenue_target", "630 000", "type"), ("revenue_target", "true", "type"),
        ("revenue_target", "{amount: 630000}", "ok"), ("revenue_target", "{amount: 630000, currency: PLN}", "ok"),
        ("revenue_target", "\n  amount: '630000'\n  currency: PLN", "type"),
        ("revenue_target", "{amount: 630000, currency: EUR}", "value"),
        ("revenue_target", "{amount: 630000, curr: PLN}", "value"), ("revenue_target", "0", "value"),
        ("revenue_target", "1234567890123456", "file"),
        # percent
        ("mql_to_sql_rate", "50", "ok"), ("mql_to_sql_rate", '"50"', "type"), ("mql_to_sql_rate", "50.5", "ok"),
        ("mql_to_sql_rate", "'50.5'", "type"), ("mql_to_sql_rate", "50%", "type"), ("mql_to_sql_rate", ".5", "type"),
        ("mql_to_sql_rate", "150", "value"), ("mql_to_sql_rate", "50.55", "value"),
        # durations
        ("follow_up_hours", "48", "ok"), ("follow_up_hours", '"48"', "type"), ("follow_up_hours", "048", "type"),
        ("follow_up_hours", "48h", "type"), ("follow_up_hours", "! 48", "type"), ("follow_up_hours", "!!int 048", "ok"),
        ("campaign_notice_days", "5", "ok"), ("campaign_notice_days", "'5'", "type"),
        # date
        ("effective_date", "2027-03-01", "ok"), ("effective_date", '"2027-03-01"', "ok"),
        ("effective_date", "'2027-03-01'", "ok"), ("effective_date", "20270301", "type"),
        ("effective_date", '"2027-02-30"', "value"), ("effective_date", "2027-3-1", "value"),
        ("effective_date", "1 marca 2027", "value"),
        # list of e-mail addresses
        ("contact_emails", "[anna@acme.example]", "ok"),
        ("contact_emails", "\n  - \"anna@acme.example\"\n  - 'jan@acme.example'", "ok"),
        ("contact_emails", "[]", "ok"), ("contact_emails", "anna@acme.example", "type"),
        ("contact_emails", "[anna@acme.example, 12]", "type"), ("contact_emails", "[true]", "type"),
        ("contact_emails", "\n  -\n  - anna@acme.example", "type"), ("contact_emails", "[not-an-email]", "value"),
        ("contact_emails", "['anna@acme.example ']", "value"),
        ("contact_emails", "[anna@acme.example, jan@acme.example, anna@acme.example]", "value"),
        ("contact_emails", "[anna@acme.example, Anna@ACME.example]", "value"),
    ],
    "small-sla": [
        ("name", "Zażółć gęślą jaźń", "ok"), ("name", "2027", "type"),
        ("notes", "|-\n  one\n  two", "ok"), ("notes", '"one\\ntwo"', "ok"), ("notes", "12", "type"),
        ("notes", '"12"', "ok"),
        # integer
        ("count", "200", "ok"), ("count", '"200"', "type"), ("count", "200.0", "ok"), ("count", "+200", "ok"),
        ("count", "2.5", "type"), ("count", "0200", "type"), ("count", "!!str 200", "type"),
        ("count", "2000", "value"),
        # decimal
        ("ratio", "1.25", "ok"), ("ratio", '"1.25"', "type"), ("ratio", ".25", "type"),
        ("ratio", "!!float .25", "ok"), ("ratio", "1,25", "type"), ("ratio", "1.255", "value"),
        ("rate", "30", "ok"), ("rate", "'30'", "type"),
        # money in two currencies
        ("budget", "2500", "ok"), ("budget", '"2500"', "type"), ("budget", "{amount: 2500}", "ok"),
        ("budget", "{amount: 2500, currency: PLN}", "ok"), ("budget", "\n  amount: 2500.5\n  currency: 'PLN'", "ok"),
        ("budget", "{amount: '2500', currency: EUR}", "type"), ("budget", "{amount: 2500, currency: 12}", "type"),
        ("budget", "{amount: 2500, currency: USD}", "value"), ("budget", "{currency: EUR}", "value"),
        ("budget", "[2500]", "type"), ("price", "12.5", "ok"), ("price", "'12.5'", "type"),
        ("hours", "3", "ok"), ("hours", '"3"', "type"),
        # date, e-mail, choice
        ("start", '"2027-03-01"', "ok"), ("start", "2027-02-29", "value"), ("start", "2027", "type"),
        ("contact", "anna@acme.example", "ok"), ("contact", '"anna@acme.example"', "ok"),
        ("contact", "12", "type"), ("contact", "TRUE", "type"),
        ("cadence", "none", "ok"), ("cadence", '"none"', "ok"), ("cadence", "~", "ok"), ("cadence", "false", "type"),
        # lists of durations and of choices
        ("days", "[1, 3]", "ok"), ("days", "\n  - 2\n  - 1", "ok"), ("days", '["1", 3]', "type"),
        ("days", "1", "type"), ("days", "[~]", "type"), ("days", "[1.5]", "value"),
        ("tags", "[b]", "ok"), ("tags", '["b"]', "ok"), ("tags", "[b, a]", "ok"), ("tags", "b", "type"),
        ("tags", "[1]", "type"), ("tags", "[c]", "value"), ("tags", "[b, a, b]", "value"),
        ("days", "[1, 2, 1.0]", "value"), ("name", '"ACME\\nX"', "value"), ("name", '"ACME\\tX"', "ok"),
    ],
}


def values_text(ident: str, name: str, written: str) -> str:
    """The template's required values, and ``name`` written as ``written`` (a block starts with a line break)."""
    lines = [f"{key}: {value}" for key, value in BASE_VALUES[ident].items() if key != name]
    space = "" if written.startswith("\n") else " "
    return "\n".join([*lines, f"{name}:{space}{written}"]) + "\n"


@pytest.fixture(scope="module")
def site_en(project: Path) -> Iterator[str]:
    """The same project built in English: the form speaks the page's language."""
    from generator.plugin import build_site

    site_dir = project.parent / "site-en"
    build_site(project / "mkdocs.yml", site_dir, lang="en")
    with serve(site_dir) as address:
        yield address + "/"


def cli_outcome(project: Path, ident: str, lang: str, path: Path,
                capsys: pytest.CaptureFixture[str]) -> tuple[str, Any]:
    """``("ok", markdown)``, ``("file", messages)`` or ``("refused", {parameter: [messages]})``."""
    out = path.with_suffix(".md")
    capsys.readouterr()
    code = main(["--project", str(project), "sla", "fill", ident, "--values", str(path), "--lang", lang,
                 "--format", "md", "--out", str(out)])
    err = capsys.readouterr().err
    if code == 0:
        return "ok", out.read_text(encoding="utf-8")
    fields: dict[str, list[str]] = {}
    for line in err.splitlines():
        if not line.startswith(f"{path}:"):
            continue
        where, message = line.removeprefix(f"{path}:").split(": ", 2)[-2:]
        if where.startswith("YAML"):
            return "file", [message]
        fields.setdefault(re.split(r"[.\[]", where)[0], []).append(message)
    assert fields, err
    return "refused", fields


def type_texts(spec: dict[str, Any], data: Any, name: str) -> list[str]:
    """Python's words for the values of ``name`` refused as the wrong type, in the spec's language."""
    _filled, problems = fill(spec, data)
    texts = []
    for path, code, args in problems:
        if path[0] == name and code == "type":
            args = dict(args)
            kind = str(args.pop("kind", ""))
            prefix = "".join(f"[{p + 1}] " for p in path[1:] if isinstance(p, int))
            texts.append(prefix + wording.message(spec["lang"], code, kind, **args))
    return texts


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_the_form_reads_a_values_file_as_the_cli_does(
        browser: Any, site: str, site_en: str, project: Path, templates: dict[str, Sla], tmp_path: Path,
        capsys: pytest.CaptureFixture[str], lang: str) -> None:
    """Each file differs from a good one in one value, written quoted, plain, tagged...: the form
    accepts exactly what ``playbook sla fill`` accepts, with the same document, and refuses the
    same values: a value of the wrong type is listed as not fitting, in the CLI's words."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    address = site if lang == "pl" else site_en
    load_failed = wording.WORDS[lang]["load_failed"].split("{file}")[0]
    mismatches: list[str] = []
    texts_of = {ident: [values_text(ident, name, written) for name, written, _expected in cases]
                for ident, cases in READING.items()}
    forms_of: dict[str, list[dict[str, Any]]] = {}
    try:
        for ident, texts in texts_of.items():
            page.goto(address + f"slas/{ident}/")
            forms_of[ident] = load_texts(page, [(f"{ident}-{n}.yaml", text) for n, text in enumerate(texts)])
    finally:
        context.close()
    assert errors == []
    for ident, cases in READING.items():
        spec = compile_spec(templates[ident], lang)
        for number, ((name, written, expected), text, form) in enumerate(
                zip(cases, texts_of[ident], forms_of[ident], strict=True)):
            path = tmp_path / f"{ident}-{number}.yaml"
            path.write_text(text, encoding="utf-8")
            case = f"{ident} {name}: {written!r}"
            cli, what = cli_outcome(project, ident, lang, path, capsys)
            # The table says what the CLI does (so a case cannot silently stop testing anything).
            kind = cli if cli != "refused" else (
                "type" if any(m.startswith("expected ") for m in what.get(name, [])) else "value")
            assert kind == expected and (cli != "refused" or name in what), (case, what)
            invalid = {i.removeprefix(f"sla-{ident}-").removesuffix("-field") for i in form["invalid"]}
            unfit = set(form.get("unfit", []))
            if cli == "ok":
                if not form["clean"] or invalid:
                    mismatches.append(f"{case}: the CLI fills it, the form refuses {sorted(unfit | invalid)}: "
                                      f"{form['summary']}")
                elif form["markdown"] != what:
                    mismatches.append(f"{case}: the form's document differs from the CLI's")
            elif cli == "file":
                if not form["summary"].startswith(load_failed):
                    mismatches.append(f"{case}: the CLI does not read the file ({what[0]}), the form does: "
                                      f"{form['summary']}")
            elif unfit | invalid != set(what):
                mismatches.append(f"{case}: the CLI refuses {sorted(what)}, the form {sorted(unfit | invalid)}: "
                                  f"{form['summary']}")
            elif kind == "type":
                data = parse_bytes(text.encode("utf-8"), path.name).data
                words = type_texts(spec, data, name)
                if lang == "en":  # the very sentences of the CLI (which gives a list item's place in
                    # "where", and may go on to say how to write the value: "...: remove the quotes")
                    for word in {re.sub(r"^(\[\d+\] )+", "", w) for w in words}:
                        assert any(m == word or m.startswith(word.removesuffix(".") + ": ")
                                   for m in what[name]), (case, word, what[name])
                if name not in unfit or not words or not all(w.rstrip(".") in form["summary"] for w in words):
                    mismatches.append(f"{case}: refused as the wrong type, but the form says: {form['summary']}"
                                      f" (expected {words})")
    assert not mismatches, f"{len(mismatches)} differences:\n" + "\n".join(mismatches)
