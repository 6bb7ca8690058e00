"""Mistakes in the playbook plugin's settings in ``mkdocs.yml``: each reported at its line and
column with plain words, by ``playbook check`` (the CLI reads mkdocs.yml itself) as by the plugin."""

from __future__ import annotations

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
     "the options are default_language, enabled, lang, languages, pdf, playbooks_dir, "
     "site_descriptions, site_names, templates_dir. Did you mean 'pdf'?"),
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
])
def test_a_wrong_setting_is_reported_where_it_is_written(tmp_path: Path, options: str, theme: str,
                                                        expected: str) -> None:
    assert _error(_project(tmp_path, options, theme)) == expected


def test_right_settings_load(tmp_path: Path) -> None:
    root = _project(tmp_path, "languages: [en, pl]\ndefault_language: en\npdf: false", "en")
    settings = load_project(root).settings
    assert (settings.lang, settings.languages, settings.default_language, settings.pdf) == (
        "en", ("en", "pl"), "en", False)


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
