"""Files as Windows leaves them: saved by Notepad with CRLF line ends and a byte-order mark, text
pasted from e-mail with non-breaking spaces, Office's lock files beside the YAML. What is harmless
just works and comes out on the pages exactly as from a file saved on Linux.

The refusals (UTF-16, Windows-1250, a non-breaking space as indentation, typographic quotes, a
dash for '- ', '.yaml.txt', ...) are cases of the hostile corpus (``tests/cases/hostile/``)."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import shutil
from pathlib import Path

from generator.catalogue import load
from generator.checklists.document import version_of
from generator.cli import main
from generator.pages import plan
from generator.yamlfile import parse_text
from tests.projects import make_project

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 27)


def windows(raw: bytes) -> bytes:
    """What Notepad's "UTF-8 with BOM" and Windows line ends make of a file."""
    return b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n")


def run(root: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--project", str(root), *args])
    return code, out.getvalue(), err.getvalue()


def test_pages_from_files_saved_on_windows_are_the_pages_from_files_saved_on_linux(tmp_path: Path) -> None:
    """Every page in both languages, the checklists' versions included: no stray carriage return,
    no byte-order mark in a title, the same version printed on Windows as on the site."""
    linux, win = tmp_path / "linux", tmp_path / "windows"
    shutil.copytree(ROOT / "playbooks", linux / "playbooks")
    shutil.copytree(ROOT / "playbooks", win / "playbooks")
    for path in win.rglob("*.yaml"):
        path.write_bytes(windows(path.read_bytes()))
    ours, problems = load(win, win / "playbooks", TODAY)
    assert problems == []
    theirs, _ = load(linux, linux / "playbooks", TODAY)
    for lang in ("pl", "en"):
        assert [(p.path, p.markdown) for p in plan(ours, lang, None, TODAY)] == [
            (p.path, p.markdown) for p in plan(theirs, lang, None, TODAY)
        ]
    entry, same = ours.get("new-sales-rep"), theirs.get("new-sales-rep")
    assert entry is not None and same is not None
    assert version_of(entry) == version_of(same)
    # a file saved with \n and no BOM keeps the version it had: ticks made on the site stay
    raw = (ROOT / "playbooks/checklists/new-sales-rep.yaml").read_bytes()
    assert version_of(same) == hashlib.sha256(raw).hexdigest()[:8]


def test_an_office_lock_file_beside_a_definition_is_not_read(tmp_path: Path) -> None:
    """Word or Excel, with sales.yaml open, keeps '~$sales.yaml' beside it (the user's name, in
    bytes that are not UTF-8): not a definition, and gone when the program closes."""
    lock = bytes([12]) + b"Anna Kowalska".ljust(53, b" ") + "Anna Kowalska".encode("utf-16-le") + b"\0" * 40
    root = make_project(tmp_path / "p", {"playbooks/teams/~$sales.yaml": lock})
    assert run(root, "check") == (0, "OK: 3 definitions in 3 files.\n", "")


NBSP = "\u00a0"


def test_non_breaking_spaces_inside_texts_are_kept(tmp_path: Path) -> None:
    """Polish typography puts a non-breaking space after one-letter words; pasted text brings
    them anywhere. Inside a text (plain, quoted or a '|' block, even at a line's start) they are
    the text's own, and only where they change what a line means is the file refused."""
    text = (
        f"a: w{NBSP}czasie: uwaga:{NBSP}tak\n"
        f"b: 'pierwszy\n  {NBSP}drugi:{NBSP}trzeci'\n"
        f"c: |\n  Uwaga:{NBSP}to\n  {NBSP}wcięte\n  -{NBSP}myślnik\n"
        f"d:\n  - z{NBSP}listy\n"
    )
    # ': ' inside a plain value would be an error; ':' and a non-breaking space is text
    text = text.replace("czasie: uwaga", "czasie uwaga")
    parsed = parse_text(text, "x.yaml")
    assert parsed.problems == ()
    assert parsed.data == {
        "a": f"w{NBSP}czasie uwaga:{NBSP}tak",
        "b": f"pierwszy {NBSP}drugi:{NBSP}trzeci",
        "c": f"Uwaga:{NBSP}to\n{NBSP}wcięte\n-{NBSP}myślnik\n",
        "d": [f"z{NBSP}listy"],
    }


def test_an_sla_filled_from_a_values_file_saved_on_windows_reads_as_from_linux(tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(ROOT / "tests/cases/hostile/project", root)
    code, values, err = run(root, "sla", "values", "small-sla")
    assert (code, err) == (0, "")
    filled = values
    for line in values.splitlines():
        if line.endswith(":") and not line.startswith("#"):
            filled = filled.replace(line + "\n", f"{line} Żółta Łódź\n", 1)
    (root / "linux.yaml").write_text(filled, encoding="utf-8")
    (root / "windows.yaml").write_bytes(windows(filled.encode("utf-8")))
    outputs = []
    for name in ("linux", "windows"):
        code, out, err = run(root, "sla", "fill", "small-sla", "--values", str(root / f"{name}.yaml"))
        assert (code, err) == (0, "")
        outputs.append(out)
    assert "Żółta Łódź" in outputs[0]
    assert outputs[1] == outputs[0]


def test_windows_and_office_litter_in_the_content_folder_is_not_published(tmp_path: Path) -> None:
    """File Explorer leaves Thumbs.db and desktop.ini; Word, with index.md open, '~$index.md'
    (who has it open, in bytes that are not text). None is a page or a file of the site."""
    lock = bytes([12]) + b"Anna Kowalska".ljust(53, b" ") + "Anna Kowalska".encode("utf-16-le") + b"\0" * 40
    root = make_project(tmp_path / "p", {
        "content/Thumbs.db": b"\xd0\xcf\x11\xe0" + bytes(60),
        "content/img/Thumbs.db": b"\xd0\xcf\x11\xe0" + bytes(60),
        "content/desktop.ini": "[.ShellClassInfo]\r\nIconResource=x\r\n".encode("utf-16"),
        "content/~$index.md": lock,
        "content/img/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
    })
    site = tmp_path / "site"
    code, _out, err = run(root, "build", "--site-dir", str(site))
    assert (code, err) == (0, "")
    published = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert {"pl/img/logo.svg", "en/img/logo.svg", "pl/index.html"} <= published
    assert [p for p in published if p.rpartition("/")[2].lower() in ("thumbs.db", "desktop.ini")
            or "~$" in p] == []


def test_the_non_breaking_space_that_breaks_the_file_is_named_not_one_inside_a_text() -> None:
    """A '|' text may start a line with one (its own); the field below it, indented with two
    pasted from an e-mail, is where the file breaks, and where the message points."""
    text = (
        f"a: |\n  {NBSP}wcięte\nb:\n  c: 1\n{NBSP}{NBSP}d: 2\n"  # line 5: the broken one
        "e: [1, 2]\n"
    )
    (problem,) = parse_text(text, "x.yaml").problems
    assert (problem.line, problem.col, problem.where) == (5, 1, "YAML")
    assert problem.message.startswith("A non-breaking space (U+00A0) is used here to indent the line")
    # three lines pasted so, which YAML reads as fields of their own (no syntax error): the first
    text = f"a: 1\nb:\n{NBSP}{NBSP}c: 1\n{NBSP}{NBSP}d: 2\n{NBSP}{NBSP}e: 3\n"
    (problem,) = parse_text(text, "x.yaml").problems
    assert (problem.line, problem.col) == (3, 1)
