"""Mistakes in the playbook plugin's settings in ``mkdocs.yml``: each reported at its line and
column with plain words, by ``playbook check`` (the CLI reads mkdocs.yml itself) as by the plugin."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.errors import UserError
from generator.project import load_project, settings_from

from .projects import make_project

PLUGIN = "  - playbook\n"


def _project(tmp_path: Path, options: str, theme_language: str = "pl") -> Path:
    root = make_project(tmp_path / "p")
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("  language: pl\n", f"  language: {theme_language}\n")
    text = text.replace(PLUGIN, "  - playbook:\n" + "".join(f"      {line}\n" for line in options.splitlines()))
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    return root


def _error(root: Path) -> str:
    with pytest.raises(UserError) as caught:
        load_project(root)
    return caught.value.render().splitlines()[0]


@pytest.mark.parametrize(("options", "theme", "expected"), [
    ("playbooks_dir: playbooks\npdff: false", "pl",
     "mkdocs.yml:10:13: plugins.playbook.pdff: 'pdff' is not an option of the playbook plugin; "
     "the options are days_off, default_language, enabled, holidays, lang, languages, pdf, "
     "playbooks_dir, site_descriptions, site_names, templates_dir. Did you mean 'pdf'?"),
    ("holidays: Polska", "pl",
     "mkdocs.yml:9:17: plugins.playbook.holidays: 'Polska' is not a country whose public holidays "
     "are known; write its two-letter code (ISO 3166), like PL, DE or GB, or remove the line to "
     "count every Monday to Friday."),
    ("holidays: 48", "pl",
     "mkdocs.yml:9:17: plugins.playbook.holidays: expected a country's two-letter code, like PL, not 48."),
    ("holidays: DE-Bayern", "pl",
     "mkdocs.yml:9:17: plugins.playbook.holidays: 'DE-Bayern': write the region's code, DE-BY (for "
     "Bayern)."),
    ("holidays: de by", "pl",
     "mkdocs.yml:9:17: plugins.playbook.holidays: 'de by': write a country and its region with a "
     "hyphen, like DE-BY."),
    ("holidays: GR-XX", "pl",
     "mkdocs.yml:9:17: plugins.playbook.holidays: 'GR-XX': no region of GR has public holidays of "
     "its own in the calendar; write GR."),
    ("holidays: Deutschland-BY", "pl",
     "mkdocs.yml:9:17: plugins.playbook.holidays: 'Deutschland-BY' is not a country whose public "
     "holidays are known; write its two-letter code (ISO 3166), like PL, DE or GB, or remove the "
     "line to count every Monday to Friday."),
    ("days_off: 2027-05-04", "pl",
     "mkdocs.yml:9:17: plugins.playbook.days_off: expected a list of dates, like [2027-05-04, 2027-12-31]."),
    ("days_off: [2027-05-04, jutro]", "pl",
     "mkdocs.yml:9:17: plugins.playbook.days_off: 'jutro' is not a date; write each day off as "
     "YYYY-MM-DD, like 2027-05-04."),
    ("days_off: ['2027-02-30']", "pl",
     "mkdocs.yml:9:17: plugins.playbook.days_off: '2027-02-30' is not a date; write each day off as "
     "YYYY-MM-DD, like 2027-05-04."),
    ("pdf: 'no'", "pl", "mkdocs.yml:9:12: plugins.playbook.pdf: expected true or false, not 'no'."),
    ("enabled: 1", "pl", "mkdocs.yml:9:16: plugins.playbook.enabled: expected true or false, not 1."),
    ("playbooks_dir: [a]", "pl",
     "mkdocs.yml:9:22: plugins.playbook.playbooks_dir: expected a text, not ['a']."),
    ("languages: [pl, de]", "pl",
     "mkdocs.yml:9:18: plugins.playbook.languages: 'de' is not supported; use pl and en."),
    ("languages: pl", "pl",
     "mkdocs.yml:9:18: plugins.playbook.languages: expected a list of languages, like [pl, en]."),
    ("default_language: fr", "pl",
     "mkdocs.yml:9:25: plugins.playbook.default_language: 'fr' is not one of the site's "
     "languages: write pl or en."),
    ("lang: eng", "pl",
     "mkdocs.yml:9:13: plugins.playbook.lang: 'eng' is not one of the site's languages: "
     "write pl or en. Did you mean 'en'?"),
    ("pdf: true", "eng",
     "mkdocs.yml:5:13: theme.language: 'eng' is not one of the site's languages: write pl or en. "
     "Did you mean 'en'?"),
    ("languages: [en]", "pl",
     "mkdocs.yml:5:13: theme.language: 'pl' is not one of the site's languages: write en."),
    ("site_names: Playbook", "pl",
     "mkdocs.yml:9:19: plugins.playbook.site_names: expected the site's name per language, like "
     "{pl: Podręcznik, en: Playbook}."),
    ("languages: [en]\nsite_names:\n  pl: Podręcznik\n  en: Playbook", "en",
     "mkdocs.yml:11:13: plugins.playbook.site_names.pl: 'pl' is not one of the site's languages "
     "(en): remove it, or add it to languages."),
    ("site_descriptions:\n  en: [How, we, work]", "pl",
     "mkdocs.yml:10:13: plugins.playbook.site_descriptions.en: expected the site's description "
     "in en, a text, not ['How', 'we', 'work']."),
    # Found by fuzzing: each of these was a traceback (a path no file system takes) or a
    # confusing error about mkdocs.yml itself read as a definition.
    ('playbooks_dir: "play\\0books"', "pl",
     "mkdocs.yml:9:22: plugins.playbook.playbooks_dir: a folder's name cannot contain a zero byte "
     "(U+0000): remove it."),
    ("templates_dir: " + "t" * 300, "pl",
     "mkdocs.yml:9:22: plugins.playbook.templates_dir: a folder's name can be at most 255 bytes "
     "long, but one part of this path is 300: shorten it."),
    ("templates_dir: 2027-01-01", "pl",
     "mkdocs.yml:9:22: plugins.playbook.templates_dir: expected a text, not 2027-01-01."),
    ("playbooks_dir: .", "pl",
     "mkdocs.yml:9:22: plugins.playbook.playbooks_dir: '.' is the project folder itself, which "
     "holds mkdocs.yml: name the folder of the YAML definitions in it, like playbooks."),
])
def test_a_wrong_setting_is_reported_where_it_is_written(tmp_path: Path, options: str, theme: str,
                                                        expected: str) -> None:
    assert _error(_project(tmp_path, options, theme)) == expected


def test_right_settings_load(tmp_path: Path) -> None:
    root = _project(tmp_path, "languages: [en, pl]\ndefault_language: en\npdf: false", "en")
    settings = load_project(root).settings
    assert (settings.lang, settings.languages, settings.default_language, settings.pdf) == (
        "en", ("en", "pl"), "en", False)


def test_days_off_settings_load(tmp_path: Path) -> None:
    """A country code in any case; days off as YAML dates or quoted text, in any order, once."""
    root = _project(tmp_path, "holidays: pl\ndays_off: ['2027-12-31', 2027-05-04, 2027-05-04]")
    off = load_project(root).settings.off
    assert (off.country, sorted(off.dates)) == ("PL", [dt.date(2027, 5, 4), dt.date(2027, 12, 31)])
    assert not load_project(_project(tmp_path / "none", "pdf: true")).settings.off


def test_an_unknown_region_is_answered_with_the_country_s_region_codes(tmp_path: Path) -> None:
    """Germany has 16 states (and a city) in the calendar: all are listed, the closest first
    offered; the United States have over 50: only the closest are offered. (The lists come from
    the ``holidays`` package and may grow with it.)"""
    message = _error(_project(tmp_path / "de", "holidays: DE-XY"))
    assert message.startswith("mkdocs.yml:9:17: plugins.playbook.holidays: 'DE-XY': DE has no "
                              "region 'XY' whose holidays are known; its region codes are BB, BE, "
                              "BW, BY, HB, HE, HH, MV, NI, NW, RP, SH, SL, SN, ST, TH")
    assert message.endswith(", or write DE alone for national holidays only. Did you mean DE-BY?")
    message = _error(_project(tmp_path / "us", "holidays: us-cal"))
    assert message.startswith("mkdocs.yml:9:17: plugins.playbook.holidays: 'us-cal': US has no "
                              "region 'cal' whose holidays are known; the closest of its ")
    assert message.endswith(" region codes: US-CA or US-AL; or write US alone for national "
                            "holidays only.")
    assert "US-AK" not in message and "US-WY" not in message


@pytest.mark.parametrize(("written", "calendar"), [
    ("de-by", "DE-BY"), ("ES-md", "ES-MD"), ("de-augsburg", "DE-Augsburg"), ("DE", "DE"),
])
def test_a_region_is_written_after_its_country_in_any_case(tmp_path: Path, written: str,
                                                          calendar: str) -> None:
    """``holidays: de-by``: Bavaria's calendar, its code as the ``holidays`` package writes it; a
    country with regions but none given keeps its national holidays."""
    assert load_project(_project(tmp_path, f"holidays: {written}")).settings.off.country == calendar


def test_without_the_file_the_mistake_is_one_line() -> None:
    """The plugin passes mkdocs.yml's path; a caller without it still gets a plain line."""
    with pytest.raises(UserError) as caught:
        settings_from({"pdf": "no"}, "pl")
    assert caught.value.render().splitlines()[0] == (
        "mkdocs.yml: plugins.playbook.pdf: expected true or false, not 'no'.")


def test_plain_mkdocs_reports_the_theme_language_before_material_fails(tmp_path: Path) -> None:
    """Material's search plugin, listed before ``playbook``, meets an unknown theme.language with
    a traceback; the plugin's settings are read first, so MkDocs prints the located mistake."""
    root = _project(tmp_path, "pdf: false", "eng")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, text=True,
                          capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert ("mkdocs.yml:5:13: theme.language: 'eng' is not one of the site's languages: write pl "
            "or en. Did you mean 'en'?") in done.stderr
    assert not (root / "site").exists()


#: Ten lines, each list nine times the one before: a billion values once expanded.
_LAUGHS = "x0: &a0 [l, l, l, l, l, l, l, l, l]\n" + "".join(
    f"x{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10))


@pytest.mark.parametrize(("change", "expected"), [
    (("  - playbook\n", "  - playbook: [pl, en]\n"),
     "mkdocs.yml:8:15: plugins.playbook: expected the plugin's options as 'name: value' lines "
     "under it (like 'languages: [pl, en]'), or nothing, not ['pl', 'en']."),
    (("  - playbook\n", "  - playbook: yes\n"),
     "mkdocs.yml:8:15: plugins.playbook: expected the plugin's options as 'name: value' lines "
     "under it (like 'languages: [pl, en]'), or nothing, not true."),
    (("plugins:\n  - search\n  - playbook\n", "plugins: playbook\n"),
     "mkdocs.yml:6:10: plugins: expected a list of plugins, one '- name' per line, like "
     "[search, playbook], not 'playbook'."),
    (("plugins:\n  - search\n  - playbook\n", "plugins: 5\n"),
     "mkdocs.yml:6:10: plugins: expected a list of plugins, one '- name' per line, like "
     "[search, playbook], not 5."),
    (("docs_dir: content", "docs_dir: [content]"),
     "mkdocs.yml:2:11: docs_dir: expected a text, not ['content']."),
    (("docs_dir: content", 'docs_dir: "\\ud800"'),
     "mkdocs.yml:2:11: docs_dir: a folder's name cannot contain half of a character (the "
     "surrogate U+D800): remove it."),
    (("docs_dir: content", "docs_dir: " + "d" * 300),
     "mkdocs.yml:2:11: docs_dir: a folder's name can be at most 255 bytes long, but one part of "
     "this path is 300: shorten it."),
    (("docs_dir: content", 'docs_dir: content\nsite_dir: "site\\0"'),
     "mkdocs.yml:3:11: site_dir: a folder's name cannot contain a zero byte (U+0000): remove it."),
    (("site_name: Test", "site_name: [Test]"),
     "mkdocs.yml:1:12: site_name: expected a text, not ['Test']."),
    (("docs_dir: content", "docs_dir: content\nuse_directory_urls: 'no'"),
     "mkdocs.yml:3:21: use_directory_urls: expected true or false, not 'no'."),
    (("site_name: Test", "site_name: Test\nextra: " + "[" * 150 + "]" * 150),
     "mkdocs.yml:2:107: YAML: the settings are nested more than 100 levels deep here: check the "
     "brackets and the indentation."),
    (("site_name: Test", "site_name: Test\nextra:\n  launched: 2027-02-30"),
     "mkdocs.yml:3:13: YAML: '2027-02-30' cannot be read as a real date: correct it, or put "
     "it in quotes if it is meant as text."),
    (("site_name: Test", "site_name: !!int Test"),
     "mkdocs.yml:1:12: YAML: 'Test' cannot be read as a whole number: correct it, or put it "
     "in quotes if it is meant as text."),
    (("site_name: Test", _LAUGHS + "site_name: Test"),
     "mkdocs.yml:6:15: YAML: the anchors and aliases (&name, *name) here repeat into more than "
     "100,000 values: write the settings out without them."),
], ids=["options a list", "options a text", "plugins a text", "plugins a number", "docs_dir a list",
        "docs_dir half a character", "docs_dir too long", "site_dir with a zero byte", "site_name a list",
        "use_directory_urls a text", "nested too deeply", "not a date",
        "not a number", "billion laughs"])
def test_a_wrong_setting_of_mkdocs_yml_is_located_not_a_traceback(
    tmp_path: Path, change: tuple[str, str], expected: str
) -> None:
    """Found by fuzzing mkdocs.yml: each was a traceback (TypeError, ValueError, OSError,
    RecursionError, a ValueError or KeyError from PyYAML's constructors), a check that never ended
    (a billion values quoted in a message), or a value silently turned into a text
    (``docs_dir: [content]`` became the folder "['content']")."""
    root = make_project(tmp_path / "p")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert change[0] in text
    config.write_bytes(text.replace(*change).encode("utf-8", "surrogateescape"))
    assert _error(root) == expected
    assert (_error(root) + "\n").count("\n") == 1


def test_left_out_or_empty_settings_of_mkdocs_yml_take_mkdocs_defaults(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("site_name: Test", "site_name:\nsite_dir: ~"), encoding="utf-8")
    project = load_project(root)
    assert (project.site_name, project.site_dir, project.docs_dir) == (
        "Playbook", root.resolve() / "site", root.resolve() / "content")


def test_a_zero_byte_is_located_in_a_file_with_old_mac_line_endings(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("docs_dir: content", "docs_dir: con\x00tent")
    config.write_bytes(text.replace("\n", "\r").encode("utf-8"))
    assert _error(root) == "mkdocs.yml:2:14: YAML: the file contains a zero byte (U+0000): remove it."


@pytest.mark.parametrize(("setting", "expected"), [
    ("templates_dir: tpl/templates",
     "mkdocs.yml:9:22: plugins.playbook.templates_dir: 'tpl/templates' goes through the symbolic "
     "link tpl to {outside}/templates, outside the project: a build would read files from "
     "elsewhere on the machine, and could publish them. Keep the folder in the project (a copy, "
     "or a git submodule), like templates."),
    ("templates_dir: ../outside/templates",
     "mkdocs.yml:9:22: plugins.playbook.templates_dir: '../outside/templates' leads to "
     "{outside}/templates, outside the project: a build would read files from elsewhere on the "
     "machine, and could publish them. Keep the folder in the project (a copy, or a git "
     "submodule), like templates."),
    ("templates_dir: {outside}/templates",
     "mkdocs.yml:9:22: plugins.playbook.templates_dir: '{outside}/templates' is outside the "
     "project: a build would read files from elsewhere on the machine, and could publish them. "
     "Keep the folder in the project (a copy, or a git submodule), like templates."),
    ("templates_dir: '.'",
     "mkdocs.yml:9:22: plugins.playbook.templates_dir: '.' is the project folder itself: a "
     "template could then include any file of it (.git/config too); name a folder in it, like "
     "templates."),
    ("playbooks_dir: ../outside",
     "mkdocs.yml:9:22: plugins.playbook.playbooks_dir: '../outside' leads to {outside}, outside "
     "the project: a build would read files from elsewhere on the machine, and could publish "
     "them. Keep the folder in the project (a copy, or a git submodule), like playbooks."),
    ("playbooks_dir: ext/playbooks",
     "mkdocs.yml:9:22: plugins.playbook.playbooks_dir: 'ext/playbooks' goes through the symbolic "
     "link ext to {outside}/playbooks, outside the project: a build would read files from "
     "elsewhere on the machine, and could publish them. Keep the folder in the project (a copy, "
     "or a git submodule), like playbooks."),
], ids=["parent-link", "dot-dot", "absolute", "project-itself", "playbooks-dot-dot", "playbooks-link"])
def test_a_folder_setting_leading_out_of_the_project_is_refused(tmp_path: Path, setting: str,
                                                                expected: str) -> None:
    """A templates folder that is itself a link was refused, but not one whose parent is, nor
    '..', an absolute path or '.': a template may include any file of its folder, and the
    project's own .git/config (which may hold a CI token) or a file of another checkout on the
    CI machine would be on the site."""
    outside = (tmp_path / "outside").resolve()
    for folder in ("templates", "playbooks/teams"):
        (outside / folder).mkdir(parents=True)
    (outside / "templates" / "team.md.j2").write_text("{% include 'secret' %}", encoding="utf-8")
    root = _project(tmp_path, setting.format(outside=outside))
    (root / "tpl").symlink_to(outside)
    (root / "ext").symlink_to(outside)
    assert _error(root) == expected.format(outside=outside.as_posix())
    with pytest.raises(UserError):  # the plugin, under a plain `mkdocs build`, says the same
        key, value = setting.format(outside=outside).split(":", 1)
        settings_from({key: value.strip().strip("'")}, "pl", root / "mkdocs.yml")


def test_folders_inside_the_project_are_fine_links_within_it_too(tmp_path: Path) -> None:
    root = _project(tmp_path, "templates_dir: shared/templates\nplaybooks_dir: ./playbooks")
    (root / "real" / "templates").mkdir(parents=True)
    (root / "shared").symlink_to(root / "real")
    project = load_project(root)
    assert project.templates_dir.resolve() == (root / "real" / "templates").resolve()


def test_a_project_folder_named_with_a_line_break_is_said_on_one_line(tmp_path: Path) -> None:
    """``--project "$(...)"`` with a stray line break split the message over two lines (and
    ``Found N errors`` counting went on the second)."""
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    inner = tmp_path / "p" / "sub\ndir"
    inner.mkdir()
    for start, expected in ((tmp_path / "a\nb", "a\\nb: no such folder."),
                            (inner, "sub\\ndir: no mkdocs.yml here; the project seems to be ")):
        with pytest.raises(UserError) as caught:
            load_project(start)
        [line] = caught.value.render().splitlines()
        assert expected in line
