"""``playbook build`` honours what an admin set up: mkdocs.yml's ``strict: true`` (as a plain
``mkdocs build`` does), and a site folder that is a link to the web server's folder."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from generator.cli import main
from tests.projects import make_project
from tests.test_nothing_lost import manifest

ONE_LANGUAGE = "  - playbook:\n      languages: [pl]\n      pdf: false\n"


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def _project(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "p")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - playbook\n", ONE_LANGUAGE),
                      encoding="utf-8")
    (root / "content" / "index.en.md").unlink()  # a Polish-only site: it would be a page 'index.en'
    return root


def test_strict_in_mkdocs_yml_fails_a_build_with_warnings_and_keeps_the_site(tmp_path: Path) -> None:
    root = _project(tmp_path)
    assert cli("--project", str(root), "build")[0] == 0
    before = manifest(root / "site")
    (root / "content" / "links.md").write_text("# Links\n\n[a goal](goals/nope.md)\n", encoding="utf-8")
    assert cli("--project", str(root), "build")[0] == 0, "not strict: the broken link is a warning"
    assert manifest(root / "site") != before
    before = manifest(root / "site")
    config = root / "mkdocs.yml"
    config.write_text("strict: true\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    code, _out, err = cli("--project", str(root), "build")
    assert code == 1
    assert err == ("WARNING -  Doc file 'links.md' contains a link 'goals/nope.md', but the target is not "
                   "found among documentation files.\n"  # the warning "above"
                   "The site was not built: 1 warning above, and warnings stop a strict build "
                   "(strict: true in mkdocs.yml, or --strict). The previous site is unchanged.\n")
    assert manifest(root / "site") == before


def test_a_site_folder_that_is_a_link_stays_a_link(tmp_path: Path) -> None:
    root = _project(tmp_path)
    www = tmp_path / "www" / "playbook"
    www.mkdir(parents=True)
    (root / "site").symlink_to(www, target_is_directory=True)
    code, out, _err = cli("--project", str(root), "build")
    assert code == 0
    assert (root / "site").is_symlink() and (root / "site").resolve() == www.resolve()
    assert (www / "index.html").is_file(), "the linked folder holds the site"
    assert str(www.resolve()) in out
    assert cli("--project", str(root), "build")[0] == 0, "and is replaced again next time"
    assert (root / "site").is_symlink() and (www / "index.html").is_file()
