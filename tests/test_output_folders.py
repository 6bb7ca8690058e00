"""An output folder is replaced only when it is missing, empty, or this tool's own earlier output
with nothing else in it: ``playbook render --out`` here, and the site's recognition rules
(``fsutil.foreign_files``). ``playbook build --site-dir`` with a real build: test_nothing_lost.py.
"""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import pytest

from generator import fsutil
from generator.cli import main
from generator.errors import UserError
from generator.i18n import redirect_page
from tests.projects import GOAL, make_project
from tests.test_nothing_lost import manifest


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def refused(folder: Path, listed: str, writer: str = "playbook render", option: str = "--out") -> str:
    return (
        f"{option}: {folder} holds files that '{writer}' did not write ({listed}), so it was left "
        "as it is; choose an empty or new folder, or delete this one yourself.\n"
    )


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_project(tmp_path / "p", {"playbooks/goals/second.yaml": GOAL.format(id="second", team="sales")})


def _render(root: Path, out: Path | str) -> tuple[int, str, str]:
    return cli("--project", str(root), "render", "--out", str(out), "--lang", "en")


# -- render: refused ---------------------------------------------------------------------------

def test_a_folder_of_someone_elses_files_is_refused_and_kept(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "r7"
    (out / "notes").mkdir(parents=True)
    (out / "mine.txt").write_text("keep\n", encoding="utf-8")
    (out / "notes" / "important.docx").write_text("keep\n", encoding="utf-8")
    before = manifest(out)
    code, stdout, err = _render(root, out)
    assert (code, stdout) == (1, "")
    assert err == refused(out, "mine.txt, notes/")
    assert manifest(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".r7.")] == [], "no staging left"


def test_three_files_are_named_and_the_rest_counted(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "many"
    out.mkdir()
    for name in ("a.txt", "b.txt", "c.txt", "d.txt", "e.txt"):
        (out / name).write_text("x", encoding="utf-8")
    code, _, err = _render(root, out)
    assert code == 1
    assert err == refused(out, "a.txt, b.txt, c.txt and 2 more")


def test_a_folder_inside_the_project_is_refused(root: Path) -> None:
    """``render --out examples`` deleted a user's SLA values file; ``--out generator`` the code."""
    (root / "examples").mkdir()
    (root / "examples" / "q1-2027.yaml").write_text("price: 10\n", encoding="utf-8")
    before = manifest(root)
    code, _, err = _render(root, root / "examples")
    assert code == 1
    assert err == refused(root / "examples", "q1-2027.yaml")
    assert manifest(root) == before


@pytest.mark.parametrize("with_files", [True, False])
def test_the_current_folder_is_refused(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       with_files: bool) -> None:
    """``--out .`` replaced the folder the user was in: even an empty one would vanish under them."""
    here = tmp_path / "here"
    (here / "sub").mkdir(parents=True)
    if with_files:
        (here / "mine.txt").write_text("keep\n", encoding="utf-8")
    before = manifest(here)
    monkeypatch.chdir(here / "sub")
    for out in (".", ".."):
        code, _, err = _render(root, out)
        assert code == 1
        target = (here / "sub" / out).resolve()
        assert err == (
            f"--out: {target} is the folder you are working in, which the output would replace "
            "whole; choose a folder of its own, like 'pages'.\n"
        )
    assert manifest(here) == before


def test_a_site_folder_is_not_a_render_folder(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    (out / "assets").mkdir(parents=True)
    (out / "index.html").write_text("<html></html>", encoding="utf-8")
    (out / fsutil.SITE_MARKER).write_text("index.html\nassets/\n", encoding="utf-8")
    code, _, err = _render(root, out)
    assert code == 1
    assert err == refused(out, ".playbook-site, assets/, index.html")


# -- render: replaced --------------------------------------------------------------------------

def test_a_missing_or_empty_folder_is_written(root: Path, tmp_path: Path) -> None:
    for out in (tmp_path / "new" / "pages", tmp_path / "empty"):
        if out.name == "empty":
            out.mkdir()
        code, stdout, err = _render(root, out)
        assert code == 0, err
        assert stdout.startswith("Wrote ") and (out / "goals" / "second.md").is_file()


def test_its_own_earlier_output_is_replaced_and_a_file_added_to_it_refused(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "pages"
    assert _render(root, out)[0] == 0
    marker = (out / fsutil.PAGES_MARKER).read_text(encoding="utf-8").splitlines()
    assert marker[0].startswith("# Written by playbook render")
    assert {"goals/", "goals/leads.md", "goals/second.md", "comparison.md"} <= set(marker)
    (root / "playbooks" / "goals" / "second.yaml").unlink()  # its page goes with the next render
    code, _, err = _render(root, out)
    assert code == 0, err
    assert not (out / "goals" / "second.md").exists() and (out / "goals" / "leads.md").is_file()
    (out / "goals" / "my-notes.md").write_text("# Mine\n", encoding="utf-8")
    (out / ".DS_Store").write_bytes(b"\0")  # a file manager's, nobody's work: not a reason to refuse
    before = manifest(out)
    code, _, err = _render(root, out)
    assert code == 1
    assert err == refused(out, "goals/my-notes.md")
    assert manifest(out) == before


def test_a_render_from_before_the_marker_is_recognised(root: Path, tmp_path: Path) -> None:
    """A folder holding only pages this render writes too (at the same paths) is an earlier
    render's, marked or not."""
    out = tmp_path / "pages"
    assert _render(root, out)[0] == 0
    (out / fsutil.PAGES_MARKER).unlink()
    code, _, err = _render(root, out)
    assert code == 0, err
    assert (out / fsutil.PAGES_MARKER).is_file()
    (out / fsutil.PAGES_MARKER).unlink()
    (out / "todo.txt").write_text("mine\n", encoding="utf-8")
    code, _, err = _render(root, out)
    assert code == 1 and err == refused(out, "todo.txt")
    assert (out / "todo.txt").read_text(encoding="utf-8") == "mine\n"


# -- the site: what is recognised as an earlier build ------------------------------------------

def _language_site(folder: Path) -> None:
    (folder / "assets" / "playbook").mkdir(parents=True)
    (folder / "index.html").write_text("<html></html>", encoding="utf-8")
    (folder / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    (folder / "goals" / "old").mkdir(parents=True)
    (folder / "goals" / "old" / "index.html").write_text("<html></html>", encoding="utf-8")


def _old_multilingual_site(site: Path) -> None:
    """What ``playbook build`` wrote before it marked its sites: the redirect page and a site per
    language."""
    site.mkdir()
    (site / "index.html").write_text(redirect_page("pl", ["pl", "en"], "Playbook"), encoding="utf-8")
    _language_site(site / "pl")
    _language_site(site / "en")


def _new_site(tmp_path: Path, languages: tuple[str, ...] = ("pl",)) -> Path:
    new = tmp_path / "staging"
    new.mkdir()
    (new / "index.html").write_text("redirect", encoding="utf-8")
    (new / "404.html").write_text("not found", encoding="utf-8")
    for lang in languages:
        (new / lang / "assets").mkdir(parents=True)
        (new / lang / "index.html").write_text("<html></html>", encoding="utf-8")
    return new


def test_an_old_multilingual_site_is_recognised(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _old_multilingual_site(site)
    new = _new_site(tmp_path)  # English dropped since: its old folder is still the tool's
    assert fsutil.foreign_files(site, fsutil.SITE_MARKER) == []
    assert fsutil.foreign_files(site, fsutil.SITE_MARKER, new) == []
    (site / "mine.txt").write_text("keep", encoding="utf-8")
    (site / "notes").mkdir()
    (site / "pl" / "CNAME").write_text("kept only for a marked site", encoding="utf-8")
    assert fsutil.foreign_files(site, fsutil.SITE_MARKER, new) == ["mine.txt", "notes/"]
    with pytest.raises(UserError) as caught:
        fsutil.replace_output(new, site, "--site-dir", fsutil.SITE_MARKER)
    assert str(caught.value) == refused(site, "mine.txt, notes/", "playbook build", "--site-dir").strip()
    assert (site / "mine.txt").is_file() and new.is_dir()


def test_an_old_single_language_site_is_recognised(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _language_site(site)
    new = tmp_path / "staging"
    _language_site(new)
    assert fsutil.foreign_files(site, fsutil.SITE_MARKER, new) == []
    (site / "a.txt").write_text("keep", encoding="utf-8")
    assert fsutil.foreign_files(site, fsutil.SITE_MARKER, new) == ["a.txt"]


def test_a_folder_that_only_looks_like_a_site_is_not_one(tmp_path: Path) -> None:
    """An index.html of the user's own (no playbook assets, no redirect page of ours)."""
    site = tmp_path / "site"
    (site / "pl").mkdir(parents=True)
    (site / "index.html").write_text('<meta http-equiv="refresh" content="0; url=pl/">', encoding="utf-8")
    (site / "pl" / "index.html").write_text("<html></html>", encoding="utf-8")
    assert fsutil.foreign_files(site, fsutil.SITE_MARKER) == ["index.html", "pl/"]


def test_a_marked_site_is_replaced_and_its_list_kept_up_to_date(tmp_path: Path) -> None:
    """What the marker lists and what the new site holds is the tool's (``mkdocs build`` into
    the same folder may have added pages since); anything else is not."""
    site = tmp_path / "site"
    _language_site(site)
    fsutil.write_marker(site, fsutil.SITE_MARKER)
    listed = (site / fsutil.SITE_MARKER).read_text(encoding="utf-8").splitlines()
    assert listed[2:] == ["assets/", "assets/playbook/", "goals/", "goals/old/", "goals/old/index.html",
                          "index.html", "sitemap.xml"]
    (site / "teams").mkdir()  # a page mkdocs build added, which the new site has too
    (site / "teams" / "index.html").write_text("<html></html>", encoding="utf-8")
    new = tmp_path / "staging"
    (new / "teams").mkdir(parents=True)
    (new / "teams" / "index.html").write_text("new", encoding="utf-8")
    assert fsutil.foreign_files(site, fsutil.SITE_MARKER) == [], "before the build: an earlier output"
    assert fsutil.foreign_files(site, fsutil.SITE_MARKER, new) == []
    (site / "goals" / "old" / "notes.txt").write_text("keep", encoding="utf-8")
    assert fsutil.foreign_files(site, fsutil.SITE_MARKER, new) == ["goals/old/notes.txt"]
    (site / "goals" / "old" / "notes.txt").unlink()
    fsutil.replace_output(new, site, "--site-dir", fsutil.SITE_MARKER)
    assert (site / "teams" / "index.html").read_text(encoding="utf-8") == "new"
    assert not (site / "goals").exists()
    assert (site / fsutil.SITE_MARKER).read_text(encoding="utf-8").splitlines()[2:] == ["teams/", "teams/index.html"]


def test_a_file_or_an_unreadable_folder_is_refused(root: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "pages"
    out.write_text("mine\n", encoding="utf-8")
    code, _, err = _render(root, out)
    assert (code, err) == (1, f"--out: {out} is a file, not a folder; it was left as it is.\n")
    assert out.read_text(encoding="utf-8") == "mine\n"
    locked = tmp_path / "locked"
    (locked / "inner").mkdir(parents=True)
    real = os.scandir

    def scandir(path: object = ".") -> object:  # a folder of another user's (tests may run as root)
        if isinstance(path, (str, os.PathLike)) and Path(path) == locked / "inner":
            raise PermissionError(13, "Permission denied")
        return real(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", scandir)
    code, _, err = _render(root, locked)
    assert (code, err) == (1, f"--out: cannot look into {locked}: Permission denied; it was left as it is.\n")
    assert (locked / "inner").is_dir()
