"""The commands' own messages in Polish (generator/translations/pl_output.py), as a user meets them:
``playbook build``, ``check``, ``new``, ``checklist pdf``, a mistyped command line, a broken
project template, the serve panel. The pieces other areas compose into them (``Did you mean``,
a definition's own error) are taken from the code, not written out here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.catalogue import load
from generator.checklists import bombs
from generator.checklists.site import SitePdfs
from generator.messages import suggest
from generator.models import KINDS
from generator.plugin.serve import BuildFailure, overlay_html
from generator.tr import plural_form
from tests.projects import TEAM, make_project
from tests.test_build_settings import _project
from tests.test_nothing_lost import manifest
from tests.test_readme import cli

pytestmark = pytest.mark.usefixtures("polish")  # every test here reads Polish


def _form(n: int, one: str, few: str, many: str) -> str:
    return (one, few, many)[plural_form("pl", n)]


# -- playbook build ----------------------------------------------------------------------------


def test_build_says_it_built_then_that_a_strict_build_with_a_warning_kept_the_previous_site(
        tmp_path: Path) -> None:
    root = _project(tmp_path)
    code, out, _err = cli("--project", str(root), "build")
    assert code == 0
    site = (root / "site").resolve()
    assert re.fullmatch(rf"Zbudowano witrynę z 3 definicji w {re.escape(str(site))} w ciągu \d+,\d s\.\n",
                        out), out
    before = manifest(root / "site")
    (root / "content" / "links.md").write_text("# Linki\n\n[cel](goals/nope.md)\n", encoding="utf-8")
    code, _out, err = cli("--project", str(root), "build", "--strict")
    assert code == 1
    assert err == ("WARNING -  Doc file 'links.md' contains a link 'goals/nope.md', but the target is not "
                   "found among documentation files.\n"  # MkDocs' own words, the warning "above"
                   "Nie zbudowano witryny: powyżej jest 1 ostrzeżenie, a ostrzeżenia zatrzymują "
                   "budowanie w trybie strict (strict: true w mkdocs.yml albo --strict). Poprzednia "
                   "witryna jest bez zmian.\n")
    assert manifest(root / "site") == before


def test_build_of_a_project_with_a_warning_under_strict_says_why_it_counts(tmp_path: Path) -> None:
    """A definition past its review date is a warning; --strict makes it an error, and says so."""
    root = _project(tmp_path)
    team = root / "playbooks" / "teams" / "sales.yaml"
    team.write_text(team.read_text(encoding="utf-8").replace("review_by: 2027-06-30", "review_by: 2020-01-31"),
                    encoding="utf-8")
    code, _out, err = cli("--project", str(root), "build", "--strict")
    assert code == 1 and not (root / "site").exists()
    lines = err.splitlines()
    assert lines[0].startswith("playbooks/teams/sales.yaml:")
    assert lines[-2:] == [
        "To jest ostrzeżenie, które tutaj liczy się jako błąd: --strict albo strict: true w mkdocs.yml.",
        "Znaleziono 1 błąd w 1 pliku.",
    ]
    # one error besides: "1 of them is a warning"
    (root / "playbooks" / "goals" / "leads.yaml").write_text("kind: goal\nid: leads\n", encoding="utf-8")
    code, _out, err = cli("--project", str(root), "build", "--strict")
    lines = err.splitlines()
    assert code == 1
    assert lines[-2] == ("1 z nich jest ostrzeżeniem, które tutaj liczy się jako błąd: --strict albo "
                         "strict: true w mkdocs.yml.")
    assert re.fullmatch(r"Znaleziono \d+ błęd(y|ów) w 2 plikach\.", lines[-1]), lines[-1]


# -- playbook check, new -------------------------------------------------------------------------


@pytest.mark.parametrize(("teams", "expected"), [
    (0, "OK: 3 definicje w 3 plikach."),
    (2, "OK: 5 definicji w 5 plikach."),
])
def test_check_ok_counts_definitions_and_files_in_polish(tmp_path: Path, teams: int, expected: str) -> None:
    root = make_project(tmp_path / "p", {f"playbooks/teams/t{i}.yaml": TEAM.format(id=f"t{i}")
                                         for i in range(teams)})
    code, out, err = cli("--project", str(root), "check")
    assert code == 0, err
    assert out == expected + "\n"


def test_new_writes_then_refuses_to_overwrite_then_names_the_kinds(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    code, out, _err = cli("--project", str(root), "new", "goal", "fresh-one")
    assert code == 0
    assert out == ("Zapisano playbooks/goals/fresh-one.yaml: uzupełnij każde puste \"\" i każde TODO, "
                   "a potem uruchom 'playbook check'.\n")
    code, _out, err = cli("--project", str(root), "new", "goal", "fresh-one")
    assert code == 1
    assert err == "playbooks/goals/fresh-one.yaml już istnieje; zostawiono go bez zmian.\n"
    code, _out, err = cli("--project", str(root), "new", "gaol", "x")
    assert code == 1
    assert err == (f"'gaol' nie jest rodzajem: wybierz jeden z rodzajów {', '.join(KINDS)}."
                   f"{suggest('gaol', KINDS)}\n")
    code, _out, err = cli("--project", str(root), "new", "process", "sales")
    assert code == 1
    assert err == ("id 'sales' jest już używane przez playbooks/teams/sales.yaml (kind: team): każde "
                   "id może wystąpić w projekcie tylko raz; wybierz inne.\n")


# -- playbook checklist --------------------------------------------------------------------------


@pytest.mark.parametrize(("args", "message"), [
    (["onboarding-checklist-that-is-not-there"],
     "Nie ma listy kontrolnej o id 'onboarding-checklist-that-is-not-there'. Listy kontrolne to: "
     "new-marketer, new-sales-rep."),
    (["lead-handoff"], "'lead-handoff' to definicja rodzaju process, a nie lista kontrolna. Listy "
                       "kontrolne to: new-marketer, new-sales-rep."),
    (["--role", "cook"], "Żadna lista kontrolna nie jest przeznaczona dla roli 'cook'. Role to: "
                         "marketer, sales-rep."),
    ([], "Podaj listę kontrolną (playbook checklist pdf ID) albo rolę (--role ROLE); "
         "'playbook checklist list' je pokazuje."),
    (["new-sales-rep", "--start", "2027-13-01"],
     "--start: '2027-13-01' nie jest datą: nie ma miesiąca 13; zapisz ją jako RRRR-MM-DD, np. 2027-01-04."),
    (["new-sales-rep", "--start", "2027-02-30"], "--start: '2027-02-30' nie jest datą: ten miesiąc nie ma dnia 30."),
    (["new-sales-rep", "--start", "jutro"],
     "--start: 'jutro' nie jest datą; zapisz ją jako RRRR-MM-DD, np. 2027-01-04."),
    (["new-sales-rep", "--name", "x" * 202], "--name: tekst jest za długi (202 znaki); najwyżej 200."),
    (["new-sales-rep", "--name", "Ann\u202eA"],
     None),  # the character's name is another area's; the sentence around it is checked below
])
def test_checklist_pdf_refuses_in_polish(example_copy: Path, args: list[str], message: str | None) -> None:
    code, out, err = cli("--project", str(example_copy), "checklist", "pdf", *args)
    assert code == 1 and out == ""
    if message is None:
        assert err.startswith("--name: imię i nazwisko zawiera ") and err.endswith(": napisz je zwykłymi literami.\n")
    else:
        assert err == message + "\n"


def test_checklist_pdf_names_the_files_with_errors_and_says_what_it_wrote(example_copy: Path, tmp_path: Path) -> None:
    (example_copy / "playbooks" / "goals" / "quarterly-revenue.yaml").write_text("kind: goal\n", encoding="utf-8")
    out_file = tmp_path / "out.pdf"
    code, out, err = cli("--project", str(example_copy), "checklist", "pdf", "new-sales-rep", "--out", str(out_file))
    assert code == 0, err
    assert err == ("Uwaga: 1 inny plik ma błędy (playbooks/goals/quarterly-revenue.yaml); uruchom "
                   "playbook check, żeby je zobaczyć.\n")
    found = re.fullmatch(r"Zapisano (.+): 1 lista kontrolna, (\d+) (\w+), (\d+) (\w+)\.\n", out)
    assert found, out
    items, pages = int(found[2]), int(found[4])
    assert found[3] == _form(items, "pozycja", "pozycje", "pozycji")
    assert found[5] == _form(pages, "strona", "strony", "stron")
    assert out_file.is_file()


def test_checklist_list_has_polish_headings(example_copy: Path) -> None:
    code, out, _err = cli("--project", str(example_copy), "checklist", "list")
    assert code == 0
    assert out.splitlines()[0].split() == ["ID", "ROLA", "ZESPÓŁ", "POZYCJE", "DNI", "TYTUŁ"]


# -- the command line, templates, PDFs' files, the serve panel -----------------------------------


def test_a_mistyped_command_line_in_polish() -> None:
    code, _out, err = cli("checklist", "pdf", "--lang")
    assert code == 2
    assert err == "playbook checklist pdf: --lang: brakuje wartości po tej opcji, jednej z: pl, en.\n"
    code, _out, err = cli("checklist")
    assert code == 2
    assert err == ("playbook checklist: podaj akcję: list, pdf; 'playbook checklist --help' podpowie, "
                   "co napisać.\n")
    code, _out, err = cli("serve", "--port", "abc")
    assert code == 2
    assert err == "playbook serve: --port: tu ma być liczba całkowita, np. --port 8001, a jest 'abc'.\n"


def test_a_broken_project_template_in_polish(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"templates/goal.md.j2": "# Cel\n{% include 'nope.j2' %}\n"})
    code, _out, err = cli("--project", str(root), "build")
    assert code == 1
    assert err.splitlines() == [
        "templates/goal.md.j2:2:1: szablon dołącza 'nope.j2', a taki szablon nie istnieje.",
        "Znaleziono 1 błąd w 1 pliku.",
    ]


def test_a_file_too_large_for_a_pdf_in_polish() -> None:
    assert bombs.size_problem(30_000_000) == ("plik ma 30,0 MB; PDF może używać plików o rozmiarze "
                                              "najwyżej 20 MB: zmniejsz go.")


def test_the_serve_panel_marks_its_diagnostics_as_polish() -> None:
    failure = BuildFailure("playbooks/teams/sales.yaml:3:1: title: Znaleziono 1 błąd w 1 pliku.")
    panel = overlay_html(failure, "pl")
    assert '<div lang="pl"><ol><li><code class="pb-where">playbooks/teams/sales.yaml:3:1</code>' in panel


def test_the_site_s_pdf_workers_speak_the_build_s_language(example_copy: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker is another interpreter: it is told the language (the environment says English)."""
    monkeypatch.setenv("PLAYBOOK_CACHE_DIR", str(tmp_path / "cache"))
    (example_copy / "templates" / "print").mkdir(parents=True)
    (example_copy / "templates" / "print" / "document.html.j2").write_text("{{ nope }}\n", encoding="utf-8")
    catalogue, _ = load(example_copy, example_copy / "playbooks")
    pdfs = SitePdfs(example_copy, example_copy / "templates", example_copy / "content", workers=1)
    assert pdfs.start(catalogue, "pl") == ["checklists/new-marketer.pdf", "checklists/new-sales-rep.pdf"]
    problems = pdfs.finish(tmp_path / "site")
    assert problems == [
        f"checklists/{ident}.pdf: nie udało się utworzyć pliku PDF: templates/print/document.html.j2:1:1: "
        "szablon używa czegoś, czego tu nie ma ('nope' is undefined). Znaleziono 1 błąd w 1 pliku."
        for ident in ("new-marketer", "new-sales-rep")
    ]
