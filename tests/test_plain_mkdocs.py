"""Nothing lost under plain ``mkdocs build``, ``gh-deploy`` and ``serve`` (the plugin's
:mod:`generator.plugin.plain`): MkDocs would empty the site folder first and write the site page by
page, so a failure half way left half a site, and ``-d`` at a folder of the user's emptied it. Real
MkDocs runs (subprocesses) on the small base project of the hostile corpus, built once per module.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import fsutil
from generator.cli import main
from generator.plugin.plain import serve_hint
from tests.hostile import PROJECT
from tests.test_serve import edit, free_port
from tests.test_serve_errors import until

pytestmark = pytest.mark.slow

BROKEN = "playbooks/goals/qualified-leads.yaml:14:6: YAML syntax: a ':' is not allowed here"


def mkdocs(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PLAYBOOK_TODAY": "2026-11-27", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=root, env=env,
                          capture_output=True, text=True, timeout=300)


def hashes(folder: Path) -> dict[str, str]:
    """Every file, link and folder under ``folder``: its content's hash, ``dir`` or the link."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[rel] = "link:" + os.readlink(path)
        elif path.is_dir():
            found[rel] = "dir"
        else:
            found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def leftovers(folder: Path) -> list[str]:
    """Staging folders (or old sites set aside) beside ``folder``."""
    return sorted(p.name for p in folder.parent.iterdir() if p.name.startswith(f".{folder.name}."))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The base project and its site, built once by a plain ``mkdocs build``."""
    root = tmp_path_factory.mktemp("plain") / "project"
    shutil.copytree(PROJECT, root)
    result = mkdocs(root, "build")
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    return root


def test_the_site_is_what_an_unstaged_build_writes(built: Path, tmp_path: Path) -> None:
    """Staged and swapped in, the site is file for file what MkDocs writes straight into its folder
    (run as a library, without ``on_startup``, MkDocs is not staged): the pages, the 404 page, the
    search index, the checklist PDFs; plus the marker that lists them."""
    site = built / "site"
    direct = tmp_path / "direct"
    script = ("from mkdocs.config import load_config; from mkdocs.commands.build import build; "
              f"build(load_config('mkdocs.yml', site_dir={str(direct)!r}))")
    result = subprocess.run([sys.executable, "-c", script], cwd=built, capture_output=True, text=True,
                            env={**os.environ, "PLAYBOOK_TODAY": "2026-11-27"}, timeout=300)
    assert result.returncode == 0, result.stderr
    assert not (direct / fsutil.SITE_MARKER).exists()
    staged, plain = hashes(site), hashes(direct)
    marker = staged.pop(fsutil.SITE_MARKER)
    assert marker and {p for p in staged if p.startswith("pagefind/")}, "the search index is in the site"
    # Pagefind names (and fills) some files by a hash that differs from run to run.
    shape = re.compile(r"_[0-9a-f]{7,10}\.")
    assert sorted(shape.sub("_#.", p) for p in staged) == sorted(shape.sub("_#.", p) for p in plain)
    assert {p: h for p, h in staged.items() if not p.startswith("pagefind/")} == {
        p: h for p, h in plain.items() if not p.startswith("pagefind/")}
    for page in ("index.html", "404.html", "goals/qualified-leads/index.html", "pagefind/pagefind.js",
                 "sitemap.xml"):
        assert page in staged, page
    assert (site / "checklists" / "new-rep.pdf").read_bytes().startswith(b"%PDF")
    listed = (site / fsutil.SITE_MARKER).read_text(encoding="utf-8").splitlines()
    assert listed[0].startswith("# Written by mkdocs build, which replaces this folder whole")
    assert set(listed[2:]) == {p + "/" if h == "dir" else p for p, h in staged.items()}
    assert leftovers(site) == []


def test_a_failed_build_leaves_the_previous_site_and_a_good_one_replaces_it(project: Path) -> None:
    site, yaml = project / "site", project / "playbooks" / "goals" / "qualified-leads.yaml"
    before, content = hashes(site), hashes(project / "content")
    good = yaml.read_text(encoding="utf-8")
    yaml.write_text(good + "  bad: [\n", encoding="utf-8")
    result = mkdocs(project, "build")
    assert result.returncode == 1
    assert BROKEN in result.stderr and "Traceback" not in result.stderr
    assert hashes(site) == before, "the failed build changed the previous site"
    assert hashes(project / "content") == content
    assert leftovers(site) == []
    # Fixed, the next build replaces the site (an earlier build's, so it may), and only then.
    yaml.write_text(good.replace("title: Qualified leads", "title: Leads, corrected"), encoding="utf-8")
    result = mkdocs(project, "build")
    assert result.returncode == 0, result.stderr
    assert f"Building documentation to directory: {site}\n" in result.stderr  # not the staging folder
    page = (site / "goals" / "qualified-leads" / "index.html").read_text(encoding="utf-8")
    assert "Leads, corrected" in page
    assert leftovers(site) == []


def test_a_strict_build_with_warnings_leaves_the_previous_site(project: Path) -> None:
    """MkDocs aborts a ``--strict`` build with warnings after every ``on_post_build``: the plugin
    does not swap the new site in first."""
    site = project / "site"
    before = hashes(site)
    (project / "content" / "broken.md").write_text("# Broken\n\n[a link](missing.md)\n", encoding="utf-8")
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 1
    assert "Aborted with 1 warnings in strict mode!" in result.stdout + result.stderr
    assert hashes(site) == before
    assert leftovers(site) == []


@pytest.mark.parametrize("dirty", [False, True], ids=["clean", "dirty"])
def test_a_folder_of_someone_elses_files_is_refused_and_kept(built: Path, tmp_path: Path, dirty: bool) -> None:
    folder = tmp_path / "Documents"
    (folder / "sub").mkdir(parents=True)
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    (folder / "sub" / "keep.md").write_text("mine too", encoding="utf-8")
    before = hashes(folder)
    result = mkdocs(built, "build", "-d", str(folder), *(["--dirty"] if dirty else []))
    assert result.returncode == 1
    assert (f"ERROR   -  site_dir: {folder} holds files that 'mkdocs build' did not write (notes.txt, "
            "sub/), so it was left as it is; choose an empty or new folder, or delete this one "
            "yourself.\n") in result.stderr
    assert hashes(folder) == before
    assert leftovers(folder) == []


def test_a_folder_of_the_project_is_refused(project: Path) -> None:
    before = hashes(project / "playbooks")
    result = mkdocs(project, "build", "-d", "playbooks")
    assert result.returncode == 1
    assert (f"site_dir: {project / 'playbooks'} would overwrite playbooks/, which holds your own files "
            "(a build never writes there); choose a folder of its own, like 'site'.") in result.stderr
    assert hashes(project / "playbooks") == before


def test_a_dirty_build_adds_to_the_list_of_what_the_site_holds(project: Path) -> None:
    """``--dirty`` writes in place (nothing emptied); the marker then lists the new page, and not
    a file of the user's that sat in the site folder."""
    site = project / "site"
    (site / "mine.txt").write_text("mine", encoding="utf-8")
    (project / "content" / "extra.md").write_text("# Extra\n", encoding="utf-8")
    result = mkdocs(project, "build", "--dirty")
    assert result.returncode == 0, result.stderr
    assert (site / "extra" / "index.html").is_file() and (site / "mine.txt").read_text() == "mine"
    listed = (site / fsutil.SITE_MARKER).read_text(encoding="utf-8").splitlines()
    assert "extra/index.html" in listed and "index.html" in listed and "mine.txt" not in listed
    assert fsutil.foreign_files(site, fsutil.SITE_MARKER, new=project / "content") == ["mine.txt"]


def test_mark_in_place_lists_what_was_listed_and_what_appeared(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text("a", encoding="utf-8")
    fsutil.write_marker(site, fsutil.SITE_MARKER)
    (site / "mine.txt").write_text("mine", encoding="utf-8")
    before = fsutil.listing(site)
    (site / "b").mkdir()
    (site / "b" / "index.html").write_text("b", encoding="utf-8")
    fsutil.mark_in_place(site, fsutil.SITE_MARKER, before, "mkdocs build")
    assert (site / fsutil.SITE_MARKER).read_text(encoding="utf-8").splitlines()[2:] == [
        "a/", "a/index.html", "b/", "b/index.html"]
    empty = tmp_path / "new"
    before = fsutil.listing(empty)
    (empty / "c").mkdir(parents=True)
    fsutil.mark_in_place(empty, fsutil.SITE_MARKER, before)
    assert (empty / fsutil.SITE_MARKER).read_text(encoding="utf-8").splitlines()[2:] == ["c/"]


def test_playbook_build_stages_once_and_replaces_a_site_mkdocs_built(
        project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    made: list[Path] = []
    real = fsutil.new_staging

    def new_staging(target: Path) -> Path:
        path = real(target)
        made.append(path)
        return path

    monkeypatch.setattr(fsutil, "new_staging", new_staging)
    assert main(["--project", str(project), "build"]) == 0, capsys.readouterr().err
    site = project / "site"
    assert [p.parent for p in made] == [project], "one staging folder, beside the site"
    assert made[0].name.startswith(".site.staging-")
    listed = (site / fsutil.SITE_MARKER).read_text(encoding="utf-8").splitlines()
    assert listed[0].startswith("# Written by playbook build,")
    assert not [p for p in listed if ".staging-" in p] and not list(site.rglob(".*.staging-*"))
    assert (site / "goals" / "qualified-leads" / "index.html").is_file()
    assert leftovers(site) == []


def test_gh_deploy_pushes_the_site_it_built(project: Path, tmp_path: Path) -> None:
    """``mkdocs gh-deploy`` builds, then pushes ``site_dir``: the user's folder again by then."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    remote = tmp_path / "remote.git"

    def git(*args: str, cwd: Path = project) -> str:
        return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout

    git("init", "-q", "--bare", str(remote), cwd=tmp_path)
    git("init", "-q")
    git("config", "user.name", "Test")
    git("config", "user.email", "test@example.com")
    git("add", "mkdocs.yml")
    git("commit", "-q", "-m", "project")
    git("remote", "add", "origin", str(remote))
    result = mkdocs(project, "gh-deploy", "--ignore-version")
    assert result.returncode == 0, result.stderr
    pushed = set(git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).splitlines())
    for path in ("index.html", "404.html", "pagefind/pagefind.js", "checklists/new-rep.pdf",
                 "goals/qualified-leads/index.html", ".nojekyll"):
        assert path in pushed, path
    assert leftovers(project / "site") == []


@contextlib.contextmanager
def mkdocs_serve(root: Path, *args: str) -> Iterator[tuple[str, list[str]]]:
    port = free_port()
    env = {**os.environ, "PLAYBOOK_TODAY": "2026-11-27", "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *args],
                            cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output: list[str] = []
    try:
        yield f"http://127.0.0.1:{port}/", output
    finally:
        proc.send_signal(signal.SIGINT)  # Ctrl+C: MkDocs removes its temporary site folder
        try:
            output.append(proc.communicate(timeout=30)[0])
        except subprocess.TimeoutExpired:
            proc.kill()
            output.append(proc.communicate()[0])


def test_mkdocs_serve_survives_a_broken_first_build(project: Path) -> None:
    edit(project / "mkdocs.yml", "  - playbook:\n", "  - playbook:\n      pdf: false\n")
    yaml = project / "playbooks" / "goals" / "qualified-leads.yaml"
    good = yaml.read_text(encoding="utf-8")
    yaml.write_text(good + "  bad: [\n", encoding="utf-8")
    with mkdocs_serve(project) as (address, output):
        _code, body = until(address, lambda code, body: code == 503, 90)
        assert '<code class="pb-where">playbooks/goals/qualified-leads.yaml:14:6</code>' in body
        yaml.write_text(good, encoding="utf-8")
        page = address + "goals/qualified-leads/"
        _code, body = until(page, lambda code, body: code == 200, 90, each=90)
        assert "Qualified leads" in body and "playbook-build-error" not in body
    log = output[0]
    assert "The site was not built" in log and "Serving on" in log and "Traceback" not in log


def test_mkdocs_serve_without_rebuilds_stops_and_names_playbook_serve(project: Path) -> None:
    yaml = project / "playbooks" / "goals" / "qualified-leads.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8") + "  bad: [\n", encoding="utf-8")
    port = free_port()
    result = mkdocs(project, "serve", "--no-livereload", "-a", f"127.0.0.1:{port}")
    assert result.returncode == 1
    assert BROKEN in result.stderr and serve_hint() in result.stderr


def test_a_content_link_out_of_the_project_stops_mkdocs_before_it_walks_it(project: Path, tmp_path: Path) -> None:
    """A plain ``mkdocs build`` follows every link in the content folder (a link to ``/`` walks
    the disk) and copies what it finds: the plugin refuses first, and the site stays."""
    secrets = tmp_path / "secrets"
    secrets.mkdir()
    (secrets / "id_rsa").write_text("PRIVATE KEY\n", encoding="utf-8")
    (project / "content" / "keys").symlink_to(secrets)
    (project / "content" / "root").symlink_to("/")
    (project / "content" / ".disk").symlink_to("/")  # hidden, so not published, but walked
    site = project / "site"
    before = hashes(site)
    result = mkdocs(project, "build")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"content/keys:1:1: this is a link to the folder {secrets}, outside the project" in result.stderr
    assert "content/root:1:1: this is a link to the folder /, outside the project" in result.stderr
    assert "content/.disk:1:1: this is a link to the folder /, outside the project; MkDocs" in result.stderr
    assert hashes(site) == before and leftovers(site) == []
