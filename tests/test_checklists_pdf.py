"""``playbook checklist pdf``: the PDF read back holds every item, owner, due date and sign-off line;
long checklists paginate cleanly; a role's pack has a cover and contents; bad input is one line."""

from __future__ import annotations

import datetime as dt
import http.server
import re
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from generator.catalogue import load
from generator.checklists.dates import DaysOff, due_date, format_date
from generator.checklists.document import offset_text
from generator.checklists.fetch import LocalOnlyFetcher, RefusedURL
from generator.checklists.pdf import render_pdf
from generator.cli import main
from generator.labels import label
from generator.models.base import localize
from generator.models.checklist import Checklist, parse_due
from generator.project import load_project
from tests.checklists import checklist_yaml, pdf_fonts, pdf_pages
from tests.projects import make_project
from tests.serving import serve

ROOT = Path(__file__).resolve().parent.parent
START = dt.date(2027, 1, 4)
OFF = load_project(ROOT).settings.off  # the example's: Poland's public holidays
PRINTED = "2026-11-27"  # PLAYBOOK_TODAY, pinned by conftest

SIGN_OFF = {
    "pl": ("Potwierdzenie", "Nowa osoba", "Przełożony", "Imię i nazwisko", "Data", "Podpis"),
    "en": ("Sign-off", "New hire", "Manager", "Name", "Date", "Signature"),
}


def example(ident: str) -> tuple[Checklist, str]:
    catalogue, _ = load(ROOT, ROOT / "playbooks")
    entry = catalogue.get(ident)
    assert entry is not None and isinstance(entry.definition, Checklist)
    return entry.definition, entry.source.digest[:8]


def titles_of(ids: list[str], lang: str) -> list[str]:
    catalogue, _ = load(ROOT, ROOT / "playbooks")
    found = []
    for ident in ids:
        entry = catalogue.get(ident)
        assert entry is not None
        found.append(localize(entry.definition.title, lang).text)
    return found


def run(*args: str) -> int:
    return main(list(args))


def expected_row(item: object, lang: str, days: str, start: dt.date | None, off: DaysOff = OFF) -> str:
    """An item as it reads back from the PDF: box, text, processes, owner, date, offset."""
    text = localize(item.text, lang).text  # type: ignore[attr-defined]
    row = f"☐ {text}"
    processes = item.processes  # type: ignore[attr-defined]
    if processes:
        # "Proces: Lead hand-off", "Procesy: A, B": the label agrees with how many it names
        word = ("Proces" if lang == "pl" else "Process") if len(processes) == 1 else (
            "Procesy" if lang == "pl" else "Processes")
        row += f" {word}: {', '.join(titles_of(processes, lang))}"
    owner = item.owner  # type: ignore[attr-defined]
    row += f" {localize(owner, lang).text if owner else '–'}"
    due = item.due  # type: ignore[attr-defined]
    if due and start:
        row += f" {format_date(due_date(start, parse_due(due), days, off), lang)}"  # type: ignore[arg-type]
    row += f" {offset_text(due, lang) if due else '–'}"
    return " ".join(row.split())


# -- the example checklists, read back item by item -------------------------------------------


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize("ident", ["new-sales-rep", "new-marketer"])
def test_pdf_holds_every_item_owner_due_date_and_sign_off(tmp_path: Path, ident: str, lang: str) -> None:
    out = tmp_path / "out.pdf"
    code = run("--project", str(ROOT), "checklist", "pdf", ident, "--lang", lang, "--name", "Anna Nowak",
               "--manager", "Piotr Zieliński", "--start", START.isoformat(), "--out", str(out))
    assert code == 0
    pages = pdf_pages(out)
    text = " ".join(pages)
    d, version = example(ident)
    items = 0
    for section in d.sections:
        assert localize(section.title, lang).text in text
        for item in section.items:
            items += 1
            row = expected_row(item, lang, d.days, START)
            assert row in text, f"missing or garbled row: {row}"
    assert text.count("☐") == items, "every item has exactly one tick box"
    # who it is for, and the sign-off block with both names on the name line
    heading, hire, manager, name, date, signature = SIGN_OFF[lang]
    assert f"{heading} " in text
    assert f"{hire} {manager} {name} Anna Nowak Piotr Zieliński {date} {signature}" in text
    # every page: the footer (id, version, review date, date printed) and "Page k of n"
    words = ("wersja", "przegląd do", "wydrukowano", "Strona {k} z {n}") if lang == "pl" else (
        "version", "review by", "printed", "Page {k} of {n}")
    footer = f"{ident} · {words[0]} {version} ({words[1]} {d.review_by.isoformat()}) · {words[2]} {PRINTED}"
    for k, page in enumerate(pages, start=1):
        assert footer in page, f"page {k} lacks the footer"
        assert words[3].format(k=k, n=len(pages)) in page
    # Polish letters come from the embedded font, not from a fallback
    assert {name for name, _ in pdf_fonts(out)} == {"PB-Sans", "PB-Sans-Bold"}
    assert all(embedded for _, embedded in pdf_fonts(out))


def test_due_dates_of_the_sales_rep_example(tmp_path: Path) -> None:
    """Spot checks written out by hand: Monday 4 January 2027, working days, Poland's public
    holidays skipped (the example's mkdocs.yml: holidays: PL): Wednesday 6 January is Epiphany."""
    out = tmp_path / "rep.pdf"
    assert run("--project", str(ROOT), "checklist", "pdf", "new-sales-rep", "--start", "2027-01-04",
               "--out", str(out)) == 0
    text = " ".join(pdf_pages(out))
    assert "pn 4.01.2027 dzień 1" in text
    assert "wt 5.01.2027 dzień 2" in text
    assert "czw 7.01.2027 dzień 3" in text  # not Wednesday 6 January, Epiphany
    assert "śr 6.01.2027" not in text.replace("śr 6.01.2027 (Święto Trzech Króli)", "")
    assert "pt 8.01.2027 tydzień 1" in text  # end of the first week, a holiday in it or not
    assert "Dni wolne w tym okresie (nie liczą się do terminów): śr 6.01.2027 (Święto Trzech Króli)." in text
    assert "bez dni ustawowo wolnych od pracy, kalendarz PL" in text
    assert "pt 15.01.2027 tydzień 2" in text
    assert "śr 3.02.2027 miesiąc 1" in text  # the day before 4 February


@pytest.mark.parametrize(("calendar", "lang", "expected", "absent"), [
    ("de-by", "en", ["Thu 7 Jan 2027 day 3", "Days off in this period (not counted): Wed 6 Jan 2027 "
                     "(Epiphany).", "less public holidays, DE-BY calendar"], "Wed 6 Jan 2027 day 3"),
    ("DE", "en", ["Wed 6 Jan 2027 day 3", "less public holidays, DE calendar"], "Epiphany"),
    ("DE-BY", "pl", ["czw 7.01.2027 dzień 3", "bez dni ustawowo wolnych od pracy, kalendarz DE-BY"],
     "śr 6.01.2027 dzień 3"),
])
def test_a_region_s_holidays_are_skipped_and_its_calendar_named(
    tmp_path: Path, calendar: str, lang: str, expected: list[str], absent: str
) -> None:
    """``holidays: DE-BY`` in mkdocs.yml: Bavaria keeps Epiphany (Wednesday 6 January 2027), which
    Germany as a whole does not; the rule names the calendar the dates follow."""
    items = [[("Poznaj zespół.", "HR", "day 1"), ("Skonfiguruj CRM.", "IT", "day 3")]]
    project = make_project(tmp_path / "p", {"playbooks/checklists/a.yaml": checklist_yaml("a", "rep", items)})
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - playbook\n", f"  - playbook:\n      holidays: {calendar}\n"), encoding="utf-8")
    out = tmp_path / "a.pdf"
    assert run("--project", str(project), "checklist", "pdf", "a", "--lang", lang, "--start", "2027-01-04",
               "--out", str(out)) == 0
    text = " ".join(" ".join(pdf_pages(out)).split())
    for part in expected:
        assert part in text
    assert absent not in text


def test_saturday_start_counts_working_days_from_monday(tmp_path: Path) -> None:
    out = tmp_path / "sat.pdf"
    assert run("--project", str(ROOT), "checklist", "pdf", "new-marketer", "--lang", "en", "--start",
               "2027-01-02", "--out", str(out)) == 0
    text = " ".join(pdf_pages(out))
    assert "The start date Sat 2 Jan 2027 is a weekend day: working days count from Mon 4 Jan 2027." in text
    assert "Mon 4 Jan 2027 day 1" in text
    assert "Sat 2 Jan 2027 day" not in text


def test_saturday_start_is_explained_in_polish_with_the_date_named(tmp_path: Path) -> None:
    # It read "Start sob 2.01.2027 wypada w weekend": an English-looking "Start" glued to the date.
    out = tmp_path / "sob.pdf"
    assert run("--project", str(ROOT), "checklist", "pdf", "new-marketer", "--start", "2027-01-02",
               "--out", str(out)) == 0
    text = " ".join(pdf_pages(out))
    assert ("Data rozpoczęcia (sob 2.01.2027) wypada w weekend: dni robocze liczymy od pn 4.01.2027."
            in text)


def test_without_start_the_offsets_are_printed_and_the_lines_left_blank(tmp_path: Path) -> None:
    out = tmp_path / "blank.pdf"
    assert run("--project", str(ROOT), "checklist", "pdf", "new-sales-rep", "--out", str(out)) == 0
    text = " ".join(pdf_pages(out))
    d, _ = example("new-sales-rep")
    for section in d.sections:
        for item in section.items:
            assert expected_row(item, "pl", d.days, None) in text
    assert ".2027" not in text.replace("2027-06-30", ""), "a date was computed without --start"
    assert "Nowa osoba Przełożony Imię i nazwisko Data Podpis" in text  # blank name lines


def test_default_file_name_and_out_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("--project", str(ROOT), "checklist", "pdf", "new-marketer", "--name", "Łucja Żak") == 0
    assert (tmp_path / "new-marketer-lucja-zak-pl.pdf").is_file()
    assert "Wrote new-marketer-lucja-zak-pl.pdf: 1 checklist, " in capsys.readouterr().out
    folder = tmp_path / "prints"
    folder.mkdir()
    assert run("--project", str(ROOT), "checklist", "pdf", "new-marketer", "--lang", "en", "--out",
               str(folder)) == 0
    assert (folder / "new-marketer-en.pdf").is_file()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == [], "temporary file left"
    # A folder that does not exist (a typo) is not created: said, and nothing written.
    assert run("--project", str(ROOT), "checklist", "pdf", "new-marketer", "--out",
               str(tmp_path / "pritns" / "a.pdf")) == 1
    assert capsys.readouterr().err.endswith(
        f"--out: the folder {tmp_path / 'pritns'} does not exist; create it first, or name a file in a "
        "folder that does.\n")
    assert not (tmp_path / "pritns").exists()
    # `--out pritns/` names a folder: the same, not a PDF in a file named 'pritns'.
    assert run("--project", str(ROOT), "checklist", "pdf", "new-marketer", "--out",
               f"{tmp_path / 'pritns'}/") == 1
    assert capsys.readouterr().err.endswith(
        f"--out: the folder {tmp_path / 'pritns'} does not exist; create it first, or name a file in a "
        "folder that does.\n")
    assert not (tmp_path / "pritns").exists()


# -- pagination of a long checklist --------------------------------------------------------------


def long_project(root: Path, sections: int = 6, per_section: int = 12) -> Path:
    items = [
        [(f"Zadanie {s}.{i}: sprawdź punkt numer {i} w sekcji {s}.", "manager", f"week {s}")
         for i in range(1, per_section + 1)]
        for s in range(1, sections + 1)
    ]
    return make_project(root, {"playbooks/checklists/long.yaml": checklist_yaml("long", "tester", items)})


def test_long_checklist_paginates_without_splitting_items_or_orphaning_headings(tmp_path: Path) -> None:
    project = long_project(tmp_path / "p")
    out = tmp_path / "long.pdf"
    assert run("--project", str(project), "checklist", "pdf", "long", "--start", "2027-01-04",
               "--out", str(out)) == 0
    pages = pdf_pages(out)
    # 72 one-line items (a row is two lines high: date and offset): 15 fit under the heading
    # block of page 1, 18-20 on the next pages, depending on how many section headings they
    # hold. Page 4 has no room left for the sign-off block, which is never split: 5 pages.
    assert [page.count("☐") for page in pages] == [15, 20, 18, 19, 0]
    for k, page in enumerate(pages, start=1):
        assert f"Strona {k} z 5" in page
    for s in range(1, 7):
        heading_pages = [k for k, page in enumerate(pages) if f"Sekcja {s} Zrobione Zadanie" in page]
        assert len(heading_pages) == 1, f"section {s} heading"
        first_item = f"Zadanie {s}.1: sprawdź punkt numer 1 w sekcji {s}."
        assert first_item in pages[heading_pages[0]], f"heading of section {s} left alone on its page"
        for i in range(1, 13):
            date = format_date(due_date(START, parse_due(f"week {s}"), "working"), "pl")
            row = f"☐ Zadanie {s}.{i}: sprawdź punkt numer {i} w sekcji {s}. manager {date} tydzień {s}"
            assert sum(row in page for page in pages) == 1, f"item {s}.{i} is split or missing"
    last = pages[-1]
    assert "Potwierdzenie" in last and "Podpis" in last, "the sign-off block is split"


# -- a role's pack -------------------------------------------------------------------------------


def test_role_pack_has_a_cover_contents_and_only_that_roles_checklists(tmp_path: Path) -> None:
    one = [[("Pierwsze zadanie A.", "IT", "day 1")] * 3]
    two = [[(f"Zadanie B{i}.", "HR", "week 1") for i in range(1, 40)]]
    other = [[("Zadanie kogoś innego.", "IT", "day 1")]]
    project = make_project(tmp_path / "p", {
        "playbooks/checklists/a.yaml": checklist_yaml("a-first", "sales-rep", one, title="Alfa"),
        "playbooks/checklists/b.yaml": checklist_yaml("b-second", "sales-rep", two, title="Beta"),
        "playbooks/checklists/c.yaml": checklist_yaml("c-other", "marketer", other, title="Gamma"),
    })
    out = tmp_path / "pack.pdf"
    assert run("--project", str(project), "checklist", "pdf", "--role", "sales-rep", "--name", "Anna Nowak",
               "--out", str(out)) == 0
    pages = pdf_pages(out)
    cover = pages[0]
    assert "Pakiet wdrożeniowy dla roli sales-rep" in cover
    assert "Anna Nowak" in cover
    assert "Spis treści" in cover
    assert "☐" not in cover, "the cover page holds no items"
    # the contents list each checklist with the page it starts on; that page starts with it
    entries = dict(re.findall(r"(Alfa|Beta)\s*\.*\s*(\d+)", cover))
    assert set(entries) == {"Alfa", "Beta"}
    assert int(entries["Alfa"]) == 2
    assert "Alfa" in pages[1] and "Pierwsze zadanie A." in pages[1]
    beta = int(entries["Beta"])
    assert beta > 2 and "Beta" in pages[beta - 1] and "Zadanie B1." in pages[beta - 1]
    text = " ".join(pages)
    assert "Gamma" not in text and "Zadanie kogoś innego." not in text
    assert text.count("Potwierdzenie") == 2, "one sign-off block per checklist"
    assert f"Strona {len(pages)} z {len(pages)}" in pages[-1]


@pytest.mark.parametrize(("lang", "cover"), [("pl", "Pakiet wdrożeniowy dla roli Handlowiec"),
                                             ("en", "Onboarding pack for the role Sales rep")])
def test_a_role_is_named_as_its_checklists_name_it(tmp_path: Path, lang: str, cover: str) -> None:
    out = tmp_path / "pack.pdf"
    assert run("--project", str(ROOT), "checklist", "pdf", "--role", "sales-rep", "--lang", lang,
               "--out", str(out)) == 0
    pages = pdf_pages(out)
    assert cover in pages[0]
    assert ("Rola: Handlowiec" if lang == "pl" else "Role: Sales rep") in pages[1]
    assert "sales-rep" not in " ".join(pages[:2]).replace("new-sales-rep", "")


def test_checklists_that_name_a_role_differently_show_its_id(tmp_path: Path) -> None:
    """Two names for one role: the pack does not pick one of them."""
    one = [[("Zadanie.", "IT", "day 1")]]
    a = checklist_yaml("a-first", "sales-rep", one, title="Alfa").replace(
        "role: sales-rep\n", "role: sales-rep\nrole_title: Handlowiec\n")
    b = checklist_yaml("b-second", "sales-rep", one, title="Beta").replace(
        "role: sales-rep\n", "role: sales-rep\nrole_title: Sprzedawca\n")
    assert "role_title" in a and "role_title" in b
    project = make_project(tmp_path / "p", {"playbooks/checklists/a.yaml": a, "playbooks/checklists/b.yaml": b})
    out = tmp_path / "pack.pdf"
    assert run("--project", str(project), "checklist", "pdf", "--role", "sales-rep", "--out", str(out)) == 0
    assert "Pakiet wdrożeniowy dla roli sales-rep" in pdf_pages(out)[0]


# -- bad input: one line, exit 1, no traceback, no file -------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["new-sales"], "There is no checklist with the id 'new-sales'. Did you mean 'new-sales-rep'?"),
        (["onboarding-checklist-that-is-not-there"],
         "There is no checklist with the id 'onboarding-checklist-that-is-not-there'. "
         "The checklists are: new-marketer, new-sales-rep."),
        (["lead-handoff"], "'lead-handoff' is a process, not a checklist. The checklists are: "
                           "new-marketer, new-sales-rep."),
        (["new-sales-rep", "--start", "2027-13-01"],
         "--start: '2027-13-01' is not a date: there is no month 13; write it as YYYY-MM-DD, like 2027-01-04."),
        (["new-sales-rep", "--start", "2027-02-30"], "--start: '2027-02-30' is not a date: that month has no day 30."),
        (["new-sales-rep", "--start", "9999-12-31"],
         "--start: '9999-12-31': give a start date between the years 1900 and 2999."),
        (["new-sales-rep", "--start", "4.01.2027"],  # day first, as in Poland: said the plain way
         "--start: '4.01.2027' is not a date written as YYYY-MM-DD. Write 2027-01-04 (4 January 2027)."),
        (["new-sales-rep", "--start", "2027-1-4"],
         "--start: '2027-1-4' is not a date written as YYYY-MM-DD. Write 2027-01-04 (4 January 2027)."),
        (["new-sales-rep", "--start", "jutro"],
         "--start: 'jutro' is not a date; write it as YYYY-MM-DD, like 2027-01-04."),
        (["--role", "sales"],
         "No checklist is for the role 'sales'. Did you mean 'sales-rep'? "
         "The roles are: marketer, sales-rep."),
        (["--role", "engineer"], "No checklist is for the role 'engineer'. The roles are: marketer, sales-rep."),
        ([], "Name a checklist (playbook checklist pdf ID) or a role (--role ROLE); "
             "'playbook checklist list' shows them."),
        (["new-sales-rep", "--role", "sales-rep"],
         "Name one checklist (playbook checklist pdf ID) or a role (--role ROLE), not both."),
        # A byte that is not UTF-8 (a terminal in another encoding) was a traceback from WeasyPrint.
        (["new-sales-rep", "--name", "Anna\udcff"],
         "--name: the name contains the byte 0xFF, which is not UTF-8 text (check the terminal's "
         "encoding): write it with ordinary letters."),
        (["new-sales-rep", "--manager", "\u202eanna"],
         "--manager: the name contains an invisible text-direction character (U+202E) that can "
         "make a line look different from what it says: write it with ordinary letters."),
    ],
)
def test_bad_input_is_one_line_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          args: list[str], message: str) -> None:
    out = tmp_path / "never.pdf"
    code = run("--project", str(ROOT), "checklist", "pdf", *args, "--out", str(out))
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err.strip() == message
    assert "Traceback" not in captured.err
    assert not out.exists()


def test_out_inside_the_content_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = long_project(tmp_path / "p", sections=1, per_section=1)
    code = run("--project", str(project), "checklist", "pdf", "long", "--name", "Anna",
               "--out", str(project / "content" / "anna.pdf"))
    assert code == 1
    assert "inside the content folder" in capsys.readouterr().err
    assert not (project / "content" / "anna.pdf").exists()


# -- list ------------------------------------------------------------------------------------------


def test_list_shows_roles_and_item_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--project", str(ROOT), "checklist", "list", "--lang", "en") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "ROLE", "TEAM", "ITEMS", "DAYS", "TITLE"]
    rows = {line.split()[0]: line.split() for line in lines[1:]}
    for ident in ("new-sales-rep", "new-marketer"):
        d, _ = example(ident)
        assert rows[ident][1] == d.role
        assert int(rows[ident][3]) == sum(len(s.items) for s in d.sections)
        assert " ".join(rows[ident][5:]) == localize(d.title, "en").text


# -- nothing is fetched from the network or from outside the project ------------------------------


class _Counting(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Counting.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.end_headers()
        self.wfile.write(b"body { color: red }")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    _Counting.hits = []
    with serve(handler=_Counting) as address:
        yield address


def test_fetcher_allows_only_files_inside_the_allowed_folders(tmp_path: Path) -> None:
    allowed = tmp_path / "allowed"
    allowed.mkdir()
    (allowed / "logo.css").write_text("p { color: blue }", encoding="utf-8")
    (allowed / "escape.css").symlink_to("/etc/hostname")
    (tmp_path / "outside.css").write_text("p {}", encoding="utf-8")
    fetcher = LocalOnlyFetcher([allowed])
    response = fetcher.fetch((allowed / "logo.css").as_uri())
    assert response.read() == b"p { color: blue }"
    response.close()
    for url in ((tmp_path / "outside.css").as_uri(), (allowed / "escape.css").as_uri(),
                (allowed / ".." / "outside.css").as_uri(), "file:///etc/passwd",
                "http://127.0.0.1:9/x.css", "https://example.com/font.ttf", "ftp://example.com/x"):
        with pytest.raises(RefusedURL):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 7


def test_pdf_rendering_never_touches_the_network(server: str) -> None:
    html = f"""<html><head><link rel="stylesheet" href="{server}/style.css">
    <style>@import url("{server}/import.css"); @font-face {{ font-family: X; src: url("{server}/f.ttf") }}
    body {{ background: url("{server}/bg.png") }}</style></head>
    <body><p>Zażółć gęślą jaźń</p><img src="{server}/img.png"><img src="file:///etc/hostname"></body></html>"""
    rendered = render_pdf(html)
    assert _Counting.hits == []
    assert rendered.pages == 1
    assert {f"{server}/{name}" for name in ("style.css", "import.css", "f.ttf", "bg.png", "img.png")} <= set(
        rendered.refused
    )
    assert "file:///etc/hostname" in rendered.refused


def test_project_template_override_cannot_fetch_remote_files(
    tmp_path: Path, server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    project = long_project(tmp_path / "p", sections=1, per_section=2)
    template = (ROOT / "generator" / "templates" / "print" / "document.html.j2").read_text(encoding="utf-8")
    override = template.replace("<body>", f'<body><img src="{server}/logo.png"><p>LOGO-HERE</p>')
    assert override != template
    (project / "templates" / "print").mkdir(parents=True)
    (project / "templates" / "print" / "document.html.j2").write_text(override, encoding="utf-8")
    out = tmp_path / "x.pdf"
    assert run("--project", str(project), "checklist", "pdf", "long", "--out", str(out)) == 0
    assert _Counting.hits == []
    assert "LOGO-HERE" in " ".join(pdf_pages(out)), "the project's template was not used"
    assert f"warning: left out {server}/logo.png" in capsys.readouterr().err


def test_labels_used_by_the_pdf_exist_in_both_languages() -> None:
    for key in ("signoff", "new_hire", "line_manager", "full_name", "signoff_date", "signature",
                "due_day", "due_week", "due_month", "version", "printed", "page_of"):
        assert label("pl", key) and label("en", key)


def test_a_broken_print_template_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = long_project(tmp_path / "p", sections=1, per_section=1)
    (project / "templates" / "print").mkdir(parents=True)
    (project / "templates" / "print" / "_who.html.j2").write_text("{% if %}", encoding="utf-8")
    out = tmp_path / "x.pdf"
    assert run("--project", str(project), "checklist", "pdf", "long", "--out", str(out)) == 1
    err = capsys.readouterr().err.strip()
    assert err.endswith(
        "templates/print/_who.html.j2:1:1: the template has a syntax error: Expected an "
        "expression, got 'end of statement block'.\nFound 1 error in 1 file."
    )
    assert "Traceback" not in err
    assert not out.exists()
