"""The project's and its definitions' messages in Polish: mkdocs.yml settings, finding files, ids
and references, hand-written pages and the models' own checks, through ``playbook check`` as a
user meets them (the English ones are pinned by test_check_errors.py and the others)."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from generator.checklists.dates import subdivisions
from generator.cli import main
from generator.errors import UserError
from generator.i18n import unused_pages
from generator.messages import suggest
from generator.project import find_config
from tests.projects import GOAL, MKDOCS_YML, TEAM, make_project

pytestmark = pytest.mark.usefixtures("polish")  # every test here reads Polish


def check(root: Path) -> tuple[int, list[str]]:
    """``playbook check`` of ``root``: its exit status and the lines it wrote on stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--project", str(root), "check"])
    return code, err.getvalue().splitlines()


def with_plugin_options(options: str) -> str:
    return MKDOCS_YML.replace("  - playbook\n", "  - playbook:\n" + options)


CHECKLIST = """\
kind: checklist
id: new-rep
title: {pl: Wdrożenie, en: Onboarding}
summary: {pl: Opis., en: Summary.}
owner: Anna
review_by: 2027-06-30
role: sales-rep
sections:
  - title: {pl: Pierwsze dni, en: First days}
    items:
      - text: {pl: Odbierz laptop., en: Collect your laptop.}
        due: DUE
"""

PROCESS = """\
kind: process
id: follow-up
title: {pl: Obsługa leada, en: Lead follow-up}
summary: {pl: Opis., en: Summary.}
owner: Anna
review_by: 2027-06-30
team: sales
trigger: {pl: Nowy lead., en: A new lead.}
steps:
  - id: qualify
    title: {pl: Kwalifikacja, en: Qualify}
    owner: sales
  - id: call
    title: {pl: Telefon, en: Call}
    owner: sales
handoffs:
  - from: qualify
    to: call
    what: {pl: Lead., en: The lead.}
"""


def test_a_dangling_reference_with_a_near_id(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"playbooks/goals/leads.yaml": GOAL.format(id="leads", team="marketng")})
    code, lines = check(root)
    assert code == 1
    # " Did you mean 'marketing'?" is messages.py's own piece, in its own words
    assert lines == [
        "playbooks/goals/leads.yaml:7:7: team: nie ma zespołu o id 'marketng'."
        + suggest("marketng", ["marketing", "sales"]),
        "Znaleziono 1 błąd w 1 pliku.",
    ]


def test_a_dangling_reference_lists_the_ids_there_are(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"playbooks/goals/leads.yaml": GOAL.format(id="leads", team="zzz")})
    assert check(root) == (1, [
        "playbooks/goals/leads.yaml:7:7: team: nie ma zespołu o id 'zzz'. Id zespołów to: marketing, sales.",
        "Znaleziono 1 błąd w 1 pliku.",
    ])


def test_a_team_written_by_its_title(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"playbooks/goals/leads.yaml": GOAL.format(id="leads", team="Zespół marketing")})
    assert check(root) == (1, [
        "playbooks/goals/leads.yaml:7:7: team: 'Zespół marketing' to tytuł zespołu 'marketing': "
        "odwołaj się przez id (wpisz 'marketing').",
        "Znaleziono 1 błąd w 1 pliku.",
    ])


def test_a_reference_to_a_definition_of_another_kind(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"playbooks/goals/leads.yaml": GOAL.format(id="leads", team="leads")})
    assert check(root) == (1, [
        "playbooks/goals/leads.yaml:7:7: team: 'leads' to cel (playbooks/goals/leads.yaml), a tu ma "
        "być zespół.",
        "Znaleziono 1 błąd w 1 pliku.",
    ])


def test_a_duplicate_id_in_two_files(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"playbooks/teams/sales-2.yaml": TEAM.format(id="sales")})
    assert check(root) == (1, [
        "playbooks/teams/sales-2.yaml:2:5: id: id 'sales' występuje też w playbooks/teams/sales.yaml "
        "(wiersz 2): każde id może wystąpić w projekcie tylko raz.",
        "playbooks/teams/sales.yaml:2:5: id: id 'sales' występuje też w playbooks/teams/sales-2.yaml "
        "(wiersz 2): każde id może wystąpić w projekcie tylko raz.",
        "Znaleziono 2 błędy w 2 plikach.",
    ])


def test_an_empty_file_and_two_names_that_differ_in_case(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"playbooks/teams/empty.yaml": "",
                                         "playbooks/teams/Sales.yaml": TEAM.format(id="sales-3")})
    code, lines = check(root)
    assert code == 1
    assert lines == [
        "playbooks/teams/empty.yaml:1:1: plik jest pusty: musi mieć co najmniej 'kind:' (team, process, "
        "goal, strategy, checklist, sla, playbook, term) i 'id:'.",
        "playbooks/teams/sales.yaml:1:1: nazwa tego pliku różni się od 'Sales.yaml' tylko wielkością "
        "liter; w Windows i macOS to jeden i ten sam plik: zmień nazwę jednego z nich albo go usuń.",
        "Znaleziono 2 błędy w 2 plikach.",
    ]


def test_a_definition_saved_in_the_content_folder(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"content/teams/support.yaml": TEAM.format(id="support")})
    code, lines = check(root)
    assert code == 0
    assert lines == [
        "content/teams/support.yaml:1:1: ostrzeżenie: ten plik wygląda na definicję ('kind: team'), ale "
        "definicje są czytane tylko z folderu playbooks/, a witryna opublikuje go jako zwykły plik, nie "
        "jako stronę: przenieś go do playbooks/teams/.",
    ]


def test_an_unknown_holiday_region(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    (root / "mkdocs.yml").write_text(with_plugin_options("      holidays: DE-XX\n"), encoding="utf-8")
    codes = ", ".join(subdivisions("DE")[0])  # the holidays package's list, 16 regions or so
    assert check(root) == (1, [
        "mkdocs.yml:9:17: plugins.playbook.holidays: 'DE-XX': kraj DE nie ma regionu 'XX', którego "
        f"święta są znane; znane kody regionów to {codes}, albo wpisz samo DE, aby liczyć tylko święta "
        "ogólnokrajowe.",
        "Znaleziono 1 błąd w 1 pliku.",
    ])


def test_an_unknown_holiday_country_and_a_day_off_that_is_no_date(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    (root / "mkdocs.yml").write_text(with_plugin_options("      holidays: Germany\n"), encoding="utf-8")
    assert check(root)[1][0] == (
        "mkdocs.yml:9:17: plugins.playbook.holidays: 'Germany' nie jest krajem, którego święta są "
        "znane; wpisz jego dwuliterowy kod (ISO 3166), np. PL, DE lub GB, albo usuń ten wiersz, aby "
        "liczyć każdy dzień od poniedziałku do piątku.")
    (root / "mkdocs.yml").write_text(with_plugin_options("      days_off: [2027-05-04, 4 maja]\n"),
                                     encoding="utf-8")
    assert check(root)[1][0] == (
        "mkdocs.yml:9:17: plugins.playbook.days_off: '4 maja' nie jest datą; każdy dzień wolny wpisz "
        "jako RRRR-MM-DD, np. 2027-05-04 (4 maja 2027).")


def test_a_language_the_site_does_not_have(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    (root / "mkdocs.yml").write_text(with_plugin_options("      default_language: de\n"), encoding="utf-8")
    code, lines = check(root)
    assert code == 1
    assert lines[0] == ("mkdocs.yml:9:25: plugins.playbook.default_language: 'de' nie jest jednym z "
                        "języków witryny: wpisz pl lub en.")


def test_no_mkdocs_yml_in_a_folder_of_the_project(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    with pytest.raises(UserError) as caught:
        find_config(root / "playbooks")
    assert caught.value.render() == (
        f"{root / 'playbooks'}: tu nie ma pliku mkdocs.yml; projektem jest chyba {root}, w którym ten "
        f"plik jest. Uruchom polecenie tam albo wskaż projekt opcją --project {root}.")


def test_a_due_offset_and_a_hand_off_within_one_team(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {
        "playbooks/checklists/new-rep.yaml": CHECKLIST.replace("DUE", "day 0"),
        "playbooks/processes/follow-up.yaml": PROCESS,
    })
    assert check(root) == (1, [
        "playbooks/checklists/new-rep.yaml:12:14: sections[0].items[0].due: 'day 0': liczenie zaczyna "
        "się od 1 ('day 1' to pierwszy dzień).",
        "playbooks/processes/follow-up.yaml:18:9: handoffs[0].to: kroki 'qualify' i 'call' wykonuje ten "
        "sam zespół 'sales': przekazanie przenosi pracę między krokami różnych zespołów; usuń to "
        "przekazanie albo popraw owner jednego z kroków.",
        "Znaleziono 2 błędy w 2 plikach.",
    ])
    (root / "playbooks/checklists/new-rep.yaml").write_text(CHECKLIST.replace("DUE", "3"), encoding="utf-8")
    assert check(root)[1][0] == (
        "playbooks/checklists/new-rep.yaml:12:14: sections[0].items[0].due: 3 to liczba, a nie termin: "
        "wpisz 'day 3', 'week 3' albo 'month 3'.")


def test_a_page_beside_its_default_language_variant() -> None:
    found = unused_pages(["about.md", "about.pl.md", "notes.de.md"], ["pl", "en"], "pl", "content")
    assert [(d.file, d.message) for d in found] == [
        ("content/notes.de.md", "ta strona jest nazwana jak tłumaczenie, ale jest publikowana jako "
         "osobna strona ('notes.de') w języku domyślnym (polski): 'de' nie jest jednym z języków "
         "witryny (pl, en): zmień nazwę albo dopisz 'de' do opcji languages wtyczki."),
        ("content/about.md", "ta strona i about.pl.md są w tym samym języku: polski (strona nazwana "
         "bez kodu języka jest w języku domyślnym, pl), więc ta zostaje pominięta w witrynie: jeśli jej "
         "język to angielski, zmień jej nazwę na about.en.md."),
    ]


def test_kinds_are_declined_in_polish(polish: None) -> None:
    """"nie ma zespołu", "Id strategii to", "żadnej listy kontrolnej": each kind's name in the
    case the sentence needs, not the nominative in brackets."""
    from generator.tr import inflect, tr

    kinds = ["team", "process", "goal", "strategy", "checklist", "sla", "playbook", "term"]
    words = ["SLA" if k == "sla" else tr(k) for k in kinds]
    for case in ("genitive", "genitive plural", "not any"):
        assert all(inflect(w, case) != w or (w == "SLA" and case != "not any") for w in words), case
    assert [inflect(w, "not any") for w in words[3:5]] == ["żadnej strategii", "żadnej listy kontrolnej"]


def test_a_hand_written_page_where_a_kind_s_list_goes(tmp_path: Path) -> None:
    """The generated page is named in the genitive plural ("z listy wszystkich zespołów"), not
    with the kind's nominative in brackets."""
    root = make_project(tmp_path / "p", {"content/teams/index.md": "# Zespoły\n",
                                         "content/goals/index.md": "# Cele\n"})
    code, lines = check(root)
    assert code == 1
    assert lines == [
        "content/goals/index.md:1:1: ta ręcznie napisana strona ma ten sam adres (goals/index.md) co "
        "strona wygenerowana z listy wszystkich celów: zmień nazwę ręcznie napisanej strony albo ją "
        "przenieś.",
        "content/teams/index.md:1:1: ta ręcznie napisana strona ma ten sam adres (teams/index.md) co "
        "strona wygenerowana z listy wszystkich zespołów: zmień nazwę ręcznie napisanej strony albo ją "
        "przenieś.",
        "Znaleziono 2 błędy w 2 plikach.",
    ]
