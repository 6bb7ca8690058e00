"""Checklists on the built site: each page links a blank PDF made during the build (cached, off
the main thread, switchable with ``pdf: false``); in a real headless Chromium the printed page
shows no site chrome, every item has a tick box, and ticks survive a reload until cleared."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.catalogue import load
from generator.checklists.site import CACHE_DIR, SitePdfs
from generator.models.base import localize
from generator.models.checklist import Checklist
from tests.checklists import checklist_yaml, pdf_pages, pdf_structure
from tests.projects import make_project
from tests.serving import serve

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-27"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
pytestmark = pytest.mark.slow


def example_checklists() -> list[Checklist]:
    catalogue, _ = load(ROOT, ROOT / "playbooks")
    found = [e.definition for e in catalogue.of_kind("checklist")]
    assert len(found) >= 2
    return found  # type: ignore[return-value]


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PLAYBOOK_TODAY": TODAY}
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, timeout=600)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example project, built once with ``playbook build --site-dir``."""
    out = tmp_path_factory.mktemp("checklist-site") / "site"
    result = run([sys.executable, "-m", "generator.cli", "build", "--site-dir", str(out)], ROOT)
    assert result.returncode == 0, result.stderr
    return out


# -- the blank PDFs of the site ----------------------------------------------------------------


def language_roots(site: Path) -> dict[str, Path]:
    """Each language's site: ``site/pl/``, ``site/en/`` (or ``site/`` for a one-language build)."""
    found = {lang: site / lang for lang in ("pl", "en") if (site / lang / "index.html").is_file()}
    return found or {"pl": site}


WORDS = {"pl": ("Pobierz PDF (A4)", "wersja", "wydrukowano", "Strona 1 z "),
         "en": ("Download PDF (A4)", "version", "printed", "Page 1 of ")}


def test_every_checklist_page_links_its_blank_pdf(site: Path) -> None:
    roots = language_roots(site)
    assert "pl" in roots
    for lang, root in roots.items():
        download, version, printed, first_page = WORDS[lang]
        for d in example_checklists():
            page = (root / "checklists" / d.id / "index.html").read_text(encoding="utf-8")
            assert f'href="../{d.id}.pdf"' in page
            assert download in page
            pdf = root / "checklists" / f"{d.id}.pdf"
            assert pdf.read_bytes().startswith(b"%PDF-")
            assert pdf.stat().st_mode & 0o444 == 0o444, "a web server could not read the PDF"
            text = " ".join(pdf_pages(pdf))
            for section in d.sections:
                for item in section.items:
                    assert " ".join(localize(item.text, lang).text.split()) in text
            assert f"{d.id} · {version} " in text
            assert printed not in text, "a blank PDF cannot know the day it is printed"
            assert first_page in text
            # laid out by print/checklist.css (the running footer), which the workers pass apart
            pages = pdf_pages(pdf)
            assert len(pages) > 1 and all(f"{d.id} · {version} " in page for page in pages)
            # tagged for a screen reader, as a one-off copy is (tests/test_pdf_tags.py)
            tree = pdf_structure(pdf)
            assert tree is not None and tree.tag == "Document", "the site's blank PDF is untagged"


def _fixture_project(root: Path, pdf: bool) -> Path:
    items = [[("Odbierz laptop.", "IT", "day 1"), ("Poznaj zespół.", "manager", "week 1")]]
    project = make_project(root, {"playbooks/checklists/first.yaml": checklist_yaml("first", "rep", items)})
    if not pdf:
        config = project / "mkdocs.yml"
        config.write_text(
            config.read_text(encoding="utf-8").replace("  - playbook\n", "  - playbook:\n      pdf: false\n"),
            encoding="utf-8",
        )
    return project


@pytest.mark.parametrize("pdf", [True, False])
def test_strict_build_with_and_without_pdfs(tmp_path: Path, pdf: bool) -> None:
    project = _fixture_project(tmp_path / "p", pdf)
    out = tmp_path / "site"
    result = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], project)
    assert result.returncode == 0, result.stderr  # strict: the PDF link resolves, no warning
    page = (out / "checklists" / "first" / "index.html").read_text(encoding="utf-8")
    assert 'data-action="clear-checklist"' in page
    assert ('href="../first.pdf"' in page) is pdf
    assert (out / "checklists" / "first.pdf").is_file() is pdf
    assert (project / CACHE_DIR).is_dir() is pdf
    assert not (project / "content" / "checklists").exists(), "the build wrote into content/"


def test_pdfs_are_cached_by_content(tmp_path: Path) -> None:
    project = _fixture_project(tmp_path / "p", pdf=True)
    catalogue, _ = load(project, project / "playbooks")

    def build(site: Path) -> SitePdfs:
        pdfs = SitePdfs(project, project / "templates", project / "content", workers=1)
        assert pdfs.start(catalogue, "pl") == ["checklists/first.pdf"]
        (site / "checklists").mkdir(parents=True)
        (site / "checklists" / "first.pdf").write_bytes(b"")  # MkDocs' placeholder
        assert pdfs.finish(site) == []
        return pdfs

    first = build(tmp_path / "s1")
    assert first.made == 1
    second = build(tmp_path / "s2")
    assert second.made == 0, "an unchanged checklist was rendered again"
    pdf1 = (tmp_path / "s1" / "checklists" / "first.pdf").read_bytes()
    assert pdf1.startswith(b"%PDF-")
    assert (tmp_path / "s2" / "checklists" / "first.pdf").read_bytes() == pdf1
    # a changed checklist is rendered again
    yaml_file = project / "playbooks" / "checklists" / "first.yaml"
    yaml_file.write_text(yaml_file.read_text(encoding="utf-8").replace("Poznaj zespół.", "Poznaj cały zespół."),
                         encoding="utf-8")
    catalogue, _ = load(project, project / "playbooks")
    third = build(tmp_path / "s3")
    assert third.made == 1
    assert "Poznaj cały zespół." in " ".join(pdf_pages(tmp_path / "s3" / "checklists" / "first.pdf"))
    assert len(list((project / CACHE_DIR).glob("first.pl.*.pdf"))) == 2


def test_a_worker_whose_build_died_stops_before_its_next_pdf(tmp_path: Path) -> None:
    """A build killed with SIGKILL cannot stop its workers: they notice they were orphaned."""
    from generator.checklists.worker import Batch, make

    catalogue, _ = load(ROOT, ROOT / "playbooks")
    idents = [e.id for e in catalogue.of_kind("checklist")]
    jobs = tuple((ident, tmp_path / f"{ident}.pdf") for ident in idents)
    batch = Batch(catalogue, "pl", ROOT / "templates", (ROOT / "content",), jobs)
    assert make(batch, parent=os.getppid() + 1_000_000) == 0  # not our parent: the build is gone
    assert list(tmp_path.iterdir()) == []
    assert make(Batch(catalogue, "pl", ROOT / "templates", (ROOT / "content",), jobs[:1]),
                parent=os.getppid()) == 1
    assert (tmp_path / f"{idents[0]}.pdf").read_bytes().startswith(b"%PDF-")


def test_pdfs_leave_no_temporary_fonts_behind(tmp_path: Path) -> None:
    """WeasyPrint keeps a document's fonts in a temporary folder that it deletes with the font
    configuration. A process keeps its configuration for all its PDFs; unless it lets it go
    before the interpreter's shutdown, the deletion fails there ("Exception ignored in
    FontConfiguration.__del__") and 1.5 MB stays in /tmp, for a program that makes PDFs
    in-process (the test suite, an embedding tool) as for a worker."""
    import pickle

    from generator.checklists.worker import Batch

    catalogue, _ = load(ROOT, ROOT / "playbooks")
    ident = next(e.id for e in catalogue.of_kind("checklist"))
    batch = Batch(catalogue, "en", ROOT / "templates", (ROOT / "content",), ((ident, tmp_path / "out.pdf"),))
    (tmp_path / "batch.pickle").write_bytes(pickle.dumps(batch))
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    # A program that holds the pdf module, as the test suite does: its cache outlives __main__.
    program = f"import sys; from generator.checklists import pdf, worker; sys.exit(worker.main([{str(tmp_path / 'batch.pickle')!r}]))"
    result = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "TMPDIR": str(temporary)}, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF-")
    assert list(temporary.iterdir()) == []
    assert "Exception ignored" not in result.stderr


def _record_pdf_workers(job: tuple[Path, Path, bool, str, list[dict[str, str]]]) -> None:
    """Stands in for a language's build (in the forked process too): how many PDF workers."""
    from generator.checklists.site import default_workers

    with open(job[1] / f"{job[3]}.workers", "w", encoding="utf-8") as handle:
        handle.write(str(default_workers()))


def test_languages_built_side_by_side_share_the_cores_between_their_pdf_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two languages at once on four cores: two PDF workers each, not four (eight processes)."""
    from generator.checklists.site import default_workers
    from generator.commands import build as build_command

    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # pytest's threads: fork anyway
    monkeypatch.setattr(build_command, "_build_language", _record_pdf_workers)
    assert default_workers() == 4
    build_command._build_languages([(ROOT / "mkdocs.yml", tmp_path, False, lang, []) for lang in ("pl", "en")])
    assert {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()} == {
        "pl.workers": "2", "en.workers": "2"}
    assert default_workers() == 4, "a later build alone has every core again"


# -- in a real browser -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    """The Polish site, served on 127.0.0.1."""
    with serve(language_roots(site)["pl"]) as address:
        yield address


@pytest.fixture(scope="module")
def browser(chromium: Any) -> Any:
    return chromium


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()  # a fresh localStorage per test
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()


CHROME = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search",
          ".md-footer", ".pb-actions", "[data-md-component='search']"]


@pytest.mark.browser
def test_printed_checklist_page_shows_no_site_chrome_and_a_box_per_item(served: str, page: Any) -> None:
    page.goto(f"{served}/checklists/new-sales-rep/")
    page.wait_for_selector("[data-pb-ready]", state="attached")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".pb-actions"):
        assert page.locator(selector).first.is_visible(), f"{selector} missing on screen"
    page.emulate_media(media="print")
    for selector in CHROME:
        for element in page.locator(selector).all():
            assert not element.is_visible(), f"{selector} is printed"
    d = next(d for d in example_checklists() if d.id == "new-sales-rep")
    rows = page.locator(".pb-checklist table:not(.pb-signoff table) tbody tr")
    items = [item for section in d.sections for item in section.items]
    assert rows.count() == len(items)
    for i in range(rows.count()):
        box = rows.nth(i).locator("input.pb-tick")
        assert box.count() == 1 and box.is_visible(), f"row {i + 1} has no tick box"
    signoff = page.locator(".pb-signoff")
    assert signoff.is_visible()
    for word in ("Nowa osoba", "Przełożony", "Imię i nazwisko", "Data", "Podpis"):
        assert word in signoff.inner_text()


@pytest.mark.browser
def test_printing_the_page_gives_numbered_a4_pages_without_navigation(served: str, page: Any,
                                                                       tmp_path: Path) -> None:
    page.goto(f"{served}/checklists/new-marketer/")
    page.wait_for_selector("[data-pb-ready]", state="attached")
    page.locator("input.pb-tick").first.check()
    out = tmp_path / "printed.pdf"
    page.pdf(path=str(out), prefer_css_page_size=True, print_background=True)
    pages = pdf_pages(out)
    width, height = _page_size(out)
    assert (round(width), round(height)) == (595, 842), "not A4"
    text = " ".join(pages)
    assert "Sprzedaż i marketing — playbook" not in text, "the site header or navigation is printed"
    assert "Szukaj" not in text and "Pobierz PDF" not in text
    d = next(d for d in example_checklists() if d.id == "new-marketer")
    for section in d.sections:
        for item in section.items:
            assert " ".join(localize(item.text, "pl").text.split()) in text
    for k, page_text in enumerate(pages, start=1):
        assert f"Strona {k} z {len(pages)}" in page_text
        assert "new-marketer · wersja " in page_text and "· wydrukowano 20" in page_text


def _page_size(pdf: Path) -> tuple[float, float]:
    import pypdf

    box = pypdf.PdfReader(str(pdf)).pages[0].mediabox
    return float(box.width), float(box.height)


@pytest.mark.browser
def test_ticks_survive_a_reload_until_cleared(served: str, page: Any) -> None:
    url = f"{served}/checklists/new-sales-rep/"
    page.goto(url)
    page.wait_for_selector("[data-pb-ready]", state="attached")
    boxes = page.locator("input.pb-tick")
    boxes.nth(0).check()
    boxes.nth(4).check()
    page.reload()
    page.wait_for_selector("[data-pb-ready]", state="attached")
    boxes = page.locator("input.pb-tick")
    assert [boxes.nth(i).is_checked() for i in range(6)] == [True, False, False, False, True, False]
    key = page.evaluate("Object.keys(localStorage).find(k => k.startsWith('playbook:checklist:new-sales-rep@'))")
    ref = page.locator("[data-checklist]").get_attribute("data-checklist")
    assert key == f"playbook:checklist:{ref}"
    # another checklist keeps its own ticks
    page.goto(f"{served}/checklists/new-marketer/")
    page.wait_for_selector("[data-pb-ready]", state="attached")
    assert page.locator("input.pb-tick:checked").count() == 0
    # every box says which item it ticks, to a screen reader too
    assert boxes.nth(0).get_attribute("aria-label") == "Zrobione: " + str(
        page.locator("table tbody tr").nth(0).locator("td").nth(1).inner_text()).strip()
    # clear: asked first (one stray click does not wipe a new hire's progress)
    page.goto(url)
    page.wait_for_selector("[data-pb-ready]", state="attached")
    asked: list[str] = []

    def answer(accept: bool) -> Any:
        def on_dialog(dialog: Any) -> None:
            asked.append(dialog.message)
            dialog.accept() if accept else dialog.dismiss()
        return on_dialog

    page.once("dialog", answer(False))
    page.locator("[data-action='clear-checklist']").click()
    assert asked == ["Wyczyścić zaznaczenia (2) na tej liście? Tego nie da się cofnąć."]
    assert page.locator("input.pb-tick:checked").count() == 2
    page.once("dialog", answer(True))
    page.locator("[data-action='clear-checklist']").click()
    assert page.locator("input.pb-tick:checked").count() == 0
    page.reload()
    page.wait_for_selector("[data-pb-ready]", state="attached")
    assert page.locator("input.pb-tick:checked").count() == 0
    assert page.evaluate("localStorage.getItem('playbook:checklist:' + "
                         "document.querySelector('[data-checklist]').dataset.checklist)") is None


@pytest.mark.browser
def test_ticks_of_an_older_version_are_dropped(served: str, page: Any) -> None:
    url = f"{served}/checklists/new-sales-rep/"
    page.goto(url)
    page.evaluate("localStorage.setItem('playbook:checklist:new-sales-rep@00000000', '[\"1-1\",\"1-2\"]')")
    page.reload()
    page.wait_for_selector("[data-pb-ready]", state="attached")
    assert page.locator("input.pb-tick:checked").count() == 0, "ticks from another version shown"
    assert page.evaluate("localStorage.getItem('playbook:checklist:new-sales-rep@00000000')") is None


def test_a_broken_print_template_is_reported_and_leaves_no_empty_pdf(tmp_path: Path) -> None:
    project = _fixture_project(tmp_path / "p", pdf=True)
    (project / "templates" / "print").mkdir(parents=True)
    (project / "templates" / "print" / "document.html.j2").write_text("<p>{{ no_such_thing }}</p>",
                                                                     encoding="utf-8")
    catalogue, _ = load(project, project / "playbooks")
    pdfs = SitePdfs(project, project / "templates", project / "content")
    assert pdfs.start(catalogue, "pl") == ["checklists/first.pdf"]
    placeholder = tmp_path / "site" / "checklists" / "first.pdf"
    placeholder.parent.mkdir(parents=True)
    placeholder.write_bytes(b"")
    problems = pdfs.finish(tmp_path / "site")
    assert problems == [
        "checklists/first.pdf: the PDF could not be made: templates/print/document.html.j2:1:1: "
        "the template uses something that does not exist here ('no_such_thing' is undefined). "
        "Found 1 error in 1 file."
    ]
    assert not placeholder.exists()
    assert list((project / CACHE_DIR).iterdir()) == [], "a batch file or a broken PDF was left"
