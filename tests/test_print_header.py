"""The running header of a printed checklist (title top left, the new hire's name top right) with
the longest name ``--name`` takes: read back with ``pdftotext -bbox``."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

from generator.checklists.document import RUNNING_NAME
from generator.cli import main
from tests.checklists import checklist_yaml, pdf_pages
from tests.projects import make_project

MM = 72 / 25.4
LEFT, RIGHT, TOP = 16 * MM, (210 - 16) * MM, 20 * MM  # print/checklist.css: @page margins
_WORD = re.compile(r'<word xMin="(-?[\d.]+)" yMin="(-?[\d.]+)" xMax="(-?[\d.]+)" yMax="(-?[\d.]+)">(.*?)</word>')


def _headers(pdf: Path) -> list[list[tuple[str, float, float]]]:
    """Each page's header words: (text, left, right), in points."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    return [[(html.unescape(m[4]), float(m[0]), float(m[2])) for m in _WORD.findall(page)
             if float(m[3]) < TOP] for page in out.split("<page ")[1:]]


def test_a_very_long_name_stays_on_the_page_and_off_the_title(tmp_path: Path) -> None:
    """A name of 150 characters (up to 200 are taken) ran off the page's left edge and over the
    title on every page; the header now cuts it, and the page's "new hire" field shows it whole."""
    name = " ".join(["Aleksandra Konstantynopolitańczykiewiczówna-Wierzbicka"] * 3)[:150]
    title = "Wdrożenie nowego przedstawiciela handlowego"
    items = [[(f"Zadanie {i}: sprawdź punkt numer {i}.", "manager", "week 1") for i in range(1, 41)]]
    project = make_project(tmp_path / "p", {
        "playbooks/checklists/long.yaml": checklist_yaml("long", "tester", items, title=title)})
    out = tmp_path / "long.pdf"
    assert main(["--project", str(project), "checklist", "pdf", "long", "--name", name,
                 "--out", str(out)]) == 0
    pages = _headers(out)
    assert len(pages) >= 2
    for number, words in enumerate(pages[:2], 1):
        assert all(left >= LEFT - 0.5 and right <= RIGHT + 0.5 for _, left, right in words), (number, words)
        named = [w for w in words if w[0].startswith(("Aleksandra", "Konstantynopolita"))]
        shown = " ".join(w[0] for w in named)
        assert shown.endswith("…") and name.startswith(shown[:-1]), shown
        assert len(shown) <= RUNNING_NAME
        if number == 2:
            titled = [w for w in words if w not in named]
            assert " ".join(w[0] for w in titled) == title, "the title keeps its room"
            assert max(w[2] for w in titled) < min(w[1] for w in named), "the title stops before the name"
    assert "".join(name.split()) in "".join(pdf_pages(out)[0].split()), "the page shows it whole"


def test_a_name_of_ordinary_length_is_shown_whole(tmp_path: Path) -> None:
    name = "Anna Maria Konstantynopolitańska-Zielińska"
    assert len(name) <= RUNNING_NAME
    project = make_project(tmp_path / "p", {
        "playbooks/checklists/one.yaml": checklist_yaml("one", "tester", [[("Jedno.", "IT", "day 1")]])})
    out = tmp_path / "one.pdf"
    assert main(["--project", str(project), "checklist", "pdf", "one", "--name", name, "--out", str(out)]) == 0
    assert " ".join(w[0] for w in _headers(out)[0]) == name
