"""``playbook serve`` when a build fails: a page request never hangs (MkDocs 1.6's server waits for
a build that succeeds), the browser shows the errors (over the last good page, or alone when there
is none) and reloads when they are fixed; and the build log does not list generated pages as "not
included in the nav" (a hand-written page missing from the user's own ``nav:`` still is).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.plugin.serve import (
    STATUS_PATH,
    BuildFailure,
    ErrorPages,
    ServeStatus,
    error_page_html,
    install_error_pages,
    overlay_html,
)
from tests.test_serve import edit, free_port, serving

ROOT = Path(__file__).resolve().parent.parent
BROKEN_TEXT = "playbooks/processes/lead-handoff.yaml:3:6: YAML syntax: a ':' is not allowed here."
#: The error panel's own words, in the language of the site it is over (generator/labels.py).
PANEL = {
    "pl": ["Nie udało się zbudować witryny", "Popraw te błędy i zapisz plik",
           "Pod spodem jest ostatnia wersja witryny", ">Pokaż ją</button>"],
    "en": ["The site was not built", "Fix these errors and save the file",
           "Below is the last version of the site that built", ">Show it</button>"],
}
NOT_IN_NAV = 'are not included in the "nav" configuration'


def get(url: str, timeout: float = 10) -> tuple[int, str, float]:
    """(status, body, seconds); a request that does not answer in ``timeout`` fails the test."""
    start = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            code, body = response.status, response.read()
    except urllib.error.HTTPError as exc:
        code, body = exc.code, exc.read()
    except TimeoutError:
        pytest.fail(f"{url} did not answer in {timeout} s")
    return code, body.decode("utf-8"), time.monotonic() - start


def until(url: str, check: Any, seconds: float, each: float = 10) -> tuple[int, str]:
    """Ask ``url`` until ``check(status, body)``; every answer must come within ``each`` seconds
    (MkDocs' server holds a request while a build runs: the time of a whole build)."""
    deadline = time.monotonic() + seconds
    code, body = 0, ""
    while time.monotonic() < deadline:
        try:
            code, body, _ = get(url, each)
        except urllib.error.URLError:  # not listening yet
            time.sleep(0.3)
            continue
        if check(code, body):
            return code, body
        time.sleep(0.3)
    pytest.fail(f"{url}: still {code} after {seconds} s:\n{body[-2000:]}")


def break_yaml(path: Path) -> str:
    """Indent the third line of ``path`` wrongly; return the original text."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    lines[2] = "   " + lines[2]
    path.write_text("".join(lines), encoding="utf-8")
    return text


# --- the pieces, without a server ----------------------------------------------------------------


def test_a_failed_build_is_recorded_not_raised_and_a_good_one_clears_it() -> None:
    status = ServeStatus()

    def failing() -> None:
        raise RuntimeError("boom")

    assert status.run(failing) is False
    failure = status.failure
    assert failure is not None and failure.internal and failure.text == "RuntimeError: boom"
    assert status.generation == 1
    assert status.run(lambda: None) is True
    assert status.failure is None and status.generation == 2


def test_the_error_mkdocs_hands_to_the_plugin_is_the_one_shown() -> None:
    from mkdocs.exceptions import Abort, PluginError

    status = ServeStatus()

    def build() -> None:  # as MkDocs' build(): on_build_error sees the PluginError, Abort follows
        status.note(PluginError("\na.yaml:1:2: title: this field is required."))
        raise Abort("Aborted with a BuildError!")

    status.run(build)
    assert status.failure == BuildFailure("a.yaml:1:2: title: this field is required.")


def test_the_errors_are_escaped_and_located() -> None:
    failure = BuildFailure("x<y>.yaml:3:7: title: <script>alert(1)</script> & more.\n"
                           "Found 1 error in 1 file.")
    for page in (overlay_html(failure), error_page_html(failure, 4, "/</script>.playbook/build")):
        assert "<script>alert(1)" not in page and "</script>.playbook" not in page
        assert '<code class="pb-where">x&lt;y&gt;.yaml:3:7</code>' in page
        assert "title: &lt;script&gt;alert(1)&lt;/script&gt; &amp; more." in page
        assert "<p>Found 1 error in 1 file.</p>" in page
    assert "var seen=4," in error_page_html(failure, 4, "/.playbook/build")


@pytest.mark.parametrize(("lang", "other"), [("pl", "en"), ("en", "pl")])
def test_the_panel_speaks_the_site_language_and_the_errors_stay_as_the_cli_prints_them(
    lang: str, other: str,
) -> None:
    failure = BuildFailure("a.yaml:1:2: title: this field is required.\nFound 1 error in 1 file.")
    overlay = overlay_html(failure, lang)
    for words in PANEL[lang]:
        assert words in overlay
    for words in PANEL[other]:
        assert words not in overlay
    assert '<div id="playbook-build-error" lang="' + lang + '"' in overlay
    assert '<code class="pb-where">a.yaml:1:2</code> title: this field is required.' in overlay
    assert "<p>Found 1 error in 1 file.</p>" in overlay
    page = error_page_html(failure, 1, "/.playbook/build", lang)
    assert page.startswith(f'<!doctype html><html lang="{lang}">')
    assert f"<title>{PANEL[lang][0]}</title>" in page and PANEL[lang][1] in page
    assert ">" + PANEL[lang][3] not in page  # nothing to show below a page of errors alone
    internal = overlay_html(BuildFailure("RuntimeError: boom", internal=True), lang)
    assert {"pl": "Budowanie przerwał błąd wewnętrzny", "en": "An internal error stopped the build"}[lang] in internal
    assert "<code>playbook serve</code>" in internal and PANEL[lang][1] not in internal


def test_the_panel_over_a_page_takes_the_served_language_else_the_page_s_own() -> None:
    status = ServeStatus()

    def polish_site(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        body = b'<!doctype html><html lang="pl" class="no-js"><body><h1>Cele</h1></body></html>'
        start_response("200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(body)))])
        return [body]

    def failing() -> None:
        raise ValueError("a.yaml:1:1: kind: unknown.")

    status.run(failing)
    app = ErrorPages(polish_site, status)
    body = wsgi(app, "/")[2].decode("utf-8")
    assert PANEL["pl"][0] in body and PANEL["en"][0] not in body  # no language told: the page's
    assert wsgi(ErrorPages(site_app, status), "/")[2].count(PANEL["en"][0].encode()) == 1  # none: English
    status.lang = "en"  # playbook serve --lang en
    body = wsgi(app, "/")[2].decode("utf-8")
    assert PANEL["en"][0] in body and PANEL["pl"][0] not in body
    status.lang = "pl"
    code, _headers, page = wsgi(ErrorPages(site_app, status), "/no-such-page/")
    assert code.startswith("503") and b'<html lang="pl">' in page
    assert PANEL["pl"][0].encode() in page


def wsgi(app: Any, path: str) -> tuple[str, dict[str, str], bytes]:
    answer: list[Any] = []
    body = b"".join(app({"PATH_INFO": path}, lambda s, h, e=None: answer.extend([s, h])))
    return answer[0], dict(answer[1]), body


def site_app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
    """A stand-in for MkDocs' server: one page, one stylesheet, 404 otherwise."""
    path = environ["PATH_INFO"]
    if path == "/":
        body, kind, code = b"<html><body><h1>Last good</h1></body></html>", "text/html", "200 OK"
    elif path == "/style.css":
        body, kind, code = b"h1{}", "text/css", "200 OK"
    else:
        body, kind, code = b"404 Not Found", "text/html", "404 Not Found"
    start_response(code, [("Content-Type", kind), ("Content-Length", str(len(body)))])
    return [body]


def test_error_pages_only_while_the_last_build_failed() -> None:
    status = ServeStatus()
    app = ErrorPages(site_app, status)
    assert wsgi(app, "/")[2] == b"<html><body><h1>Last good</h1></body></html>"
    assert wsgi(app, "/" + STATUS_PATH)[2] == b"0"

    def failing() -> None:
        raise ValueError("a.yaml:1:1: kind: unknown.")

    status.run(failing)
    code, headers, body = wsgi(app, "/")
    assert code.startswith("200") and b"<h1>Last good</h1>" in body
    assert body.index(b'id="playbook-build-error"') < body.index(b"</body>")
    assert int(headers["Content-Length"]) == len(body)
    code, headers, body = wsgi(app, "/new-page/")  # not in the last good site
    assert code.startswith("503") and b"a.yaml:1:1: kind: unknown." in body
    assert int(headers["Content-Length"]) == len(body)
    assert wsgi(app, "/style.css")[2] == b"h1{}"  # not a page: untouched
    assert wsgi(app, "/missing.png")[0].startswith("404")
    assert wsgi(app, "/" + STATUS_PATH)[2] == b"1"
    status.run(lambda: None)
    assert wsgi(app, "/")[2] == b"<html><body><h1>Last good</h1></body></html>"
    assert wsgi(app, "/new-page/")[0].startswith("404")


def test_a_request_held_while_the_fixing_build_ran_gets_the_fixed_page() -> None:
    status = ServeStatus()

    def failing() -> None:
        raise ValueError("a.yaml:1:1: kind: unknown.")

    status.run(failing)

    def held(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        status.run(lambda: None)  # MkDocs' server answers once the running build is over
        return site_app(environ, start_response)

    assert wsgi(ErrorPages(held, status), "/")[2] == b"<html><body><h1>Last good</h1></body></html>"


def test_a_mkdocs_yml_saved_half_edited_is_reported_as_check_reports_it(tmp_path: Path) -> None:
    from generator.plugin.serve import load_serve_config

    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Playbook\nnav: [\n", encoding="utf-8")
    (tmp_path / "playbooks").mkdir()
    (tmp_path / "docs").mkdir()
    status = ServeStatus()
    assert not status.run(lambda: load_serve_config(str(config), site_dir=str(tmp_path / "site")))
    failure = status.failure
    assert failure is not None and not failure.internal
    # The words of 'playbook check' (generator.project.load_project), not MkDocs' three paragraphs.
    assert failure.text.startswith("mkdocs.yml:3:1: YAML syntax: the file is not valid YAML here"), failure.text
    assert str(tmp_path) not in failure.text  # not MkDocs' words, with the absolute path
    assert '<code class="pb-where">mkdocs.yml:3:1</code> YAML syntax:' in overlay_html(failure)
    config.write_text("site_name: Playbook\n", encoding="utf-8")  # fixed: MkDocs reads it
    assert load_serve_config(str(config), site_dir=str(tmp_path / "site")).site_name == "Playbook"


# --- MkDocs' own server ---------------------------------------------------------------------------


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """MkDocs' LiveReloadServer serving ``site/``; its builder fails while ``watched/state`` says
    ``broken`` and otherwise writes the state into the page."""
    from mkdocs.exceptions import PluginError
    from mkdocs.livereload import LiveReloadServer

    site, watched = tmp_path / "site", tmp_path / "watched"
    site.mkdir()
    watched.mkdir()
    (watched / "state").write_text("one", encoding="utf-8")
    (site / "index.html").write_text("<html><body>one</body></html>", encoding="utf-8")

    def builder() -> None:
        state = (watched / "state").read_text(encoding="utf-8")
        if state == "broken":
            raise PluginError("playbooks/a.yaml:2:3: title: <b>broken</b>.")
        (site / "index.html").write_text(f"<html><body>{state}</body></html>", encoding="utf-8")

    port = free_port()
    server = LiveReloadServer(builder=builder, host="127.0.0.1", port=port, root=str(site),
                              polling_interval=0.1)
    server.watch(str(watched))
    install_error_pages(server, ServeStatus())
    install_error_pages(server, ServeStatus())  # a second call changes nothing
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/", watched / "state"
    finally:
        server.shutdown(wait=True)
        thread.join(10)


def test_mkdocs_server_answers_during_a_failed_rebuild_and_recovers(live_server: tuple[str, Path]) -> None:
    url, state = live_server
    until(url, lambda code, body: code == 200 and "one" in body, 10)
    state.write_text("broken", encoding="utf-8")
    code, body = until(url, lambda code, body: "playbook-build-error" in body, 15)
    assert code == 200 and "<body>one" in body  # the last good page, the errors over it
    assert '<code class="pb-where">playbooks/a.yaml:2:3</code> title: &lt;b&gt;broken&lt;/b&gt;.' in body
    assert "livereload(" in body  # MkDocs' script, which reloads the page after the next build
    _code, _body, seconds = get(url)
    assert seconds < 3
    state.write_text("two", encoding="utf-8")
    code, body = until(url, lambda code, body: "two" in body, 15)
    assert code == 200 and "playbook-build-error" not in body


# --- playbook serve on the example ----------------------------------------------------------------


@pytest.mark.slow
def test_a_yaml_error_during_serve_shows_the_errors_and_the_fix_the_page(example_copy: Path) -> None:
    edit(example_copy / "mkdocs.yml", "  - playbook:\n", "  - playbook:\n      pdf: false\n")
    yaml = example_copy / "playbooks" / "processes" / "lead-handoff.yaml"
    with serving(example_copy) as (address, output):
        page = address + "goals/qualified-leads/"
        until(page, lambda code, body: "Leady zakwalifikowane przez marketing" in body, 90, each=90)
        good = break_yaml(yaml)
        code, body = until(page, lambda code, body: "playbook-build-error" in body, 60)
        assert code == 200 and "Leady zakwalifikowane przez marketing" in body  # the last good page
        assert '<code class="pb-where">playbooks/processes/lead-handoff.yaml:3:6</code>' in body
        assert "YAML syntax: a &#x27;:&#x27; is not allowed here" in body
        panel = body[body.index('<div id="playbook-build-error"'):]
        assert all(words in panel for words in PANEL["pl"]), panel[:1500]  # the Polish site's words
        assert not any(words in panel for words in PANEL["en"])
        code, again, seconds = get(page, timeout=5)
        assert code == 200 and "playbook-build-error" in again and seconds < 5
        code, body, seconds = get(address + "no-such-page/", timeout=5)
        assert code == 503 and "playbooks/processes/lead-handoff.yaml:3:6" in body and seconds < 5
        assert '<html lang="pl">' in body and f"<title>{PANEL['pl'][0]}</title>" in body
        yaml.write_text(good, encoding="utf-8")
        code, body = until(page, lambda code, body: "playbook-build-error" not in body, 90, each=90)
        assert code == 200 and "Leady zakwalifikowane przez marketing" in body
    log = output[0]
    assert "The site was not built" in log and "appear stuck" not in log
    assert NOT_IN_NAV not in log  # the generated pages are not "missing from the nav"


@pytest.mark.slow
def test_serve_starts_with_a_broken_project_and_shows_the_site_once_fixed(example_copy: Path) -> None:
    edit(example_copy / "mkdocs.yml", "  - playbook:\n", "  - playbook:\n      pdf: false\n")
    yaml = example_copy / "playbooks" / "processes" / "lead-handoff.yaml"
    good = break_yaml(yaml)
    with serving(example_copy) as (address, output):
        _code, body = until(address, lambda code, body: code == 503, 90)
        assert '<code class="pb-where">playbooks/processes/lead-handoff.yaml:3:6</code>' in body
        assert "location.reload()" in body  # it reloads itself after the next build
        assert '<html lang="pl">' in body and PANEL["pl"][0] in body and PANEL["pl"][1] in body
        yaml.write_text(good, encoding="utf-8")
        page = address + "goals/qualified-leads/"
        _code, body = until(page, lambda code, body: code == 200, 90, each=90)
        assert "Leady zakwalifikowane przez marketing" in body and "playbook-build-error" not in body
    assert "Serving on" in output[0]


@pytest.mark.slow
def test_serve_lang_en_shows_the_panel_in_english(example_copy: Path) -> None:
    edit(example_copy / "mkdocs.yml", "  - playbook:\n", "  - playbook:\n      pdf: false\n")
    yaml = example_copy / "playbooks" / "processes" / "lead-handoff.yaml"
    with serving(example_copy, "--lang", "en") as (address, _output):
        page = address + "goals/qualified-leads/"
        until(page, lambda code, body: "Marketing-qualified leads" in body, 90, each=90)
        break_yaml(yaml)
        code, body = until(page, lambda code, body: "playbook-build-error" in body, 60)
        assert code == 200 and "Marketing-qualified leads" in body
        panel = body[body.index('<div id="playbook-build-error"'):]
        assert all(words in panel for words in PANEL["en"]), panel[:1500]
        assert not any(words in panel for words in PANEL["pl"])
        assert '<code class="pb-where">playbooks/processes/lead-handoff.yaml:3:6</code>' in panel
        code, body, _seconds = get(address + "no-such-page/", timeout=5)
        assert code == 503 and '<html lang="en">' in body and f"<title>{PANEL['en'][0]}</title>" in body


# --- "not included in the nav" --------------------------------------------------------------------


@pytest.fixture
def own_nav(example_copy: Path) -> Path:
    """The example with a ``nav:`` of its own that leaves out ``about.md``, and MkDocs' report of
    pages missing from it raised to a warning (so ``playbook build`` shows it too)."""
    edit(example_copy / "mkdocs.yml", "  - playbook:\n", "  - playbook:\n      pdf: false\n")
    with (example_copy / "mkdocs.yml").open("a", encoding="utf-8") as f:
        f.write("\nnav:\n  - index.md\n  - how-to-edit.md\n"
                "validation:\n  nav:\n    omitted_files: warn\n")
    return example_copy


def omitted(log: str) -> list[str]:
    """The pages MkDocs reports as missing from the nav."""
    start = log.find(NOT_IN_NAV)
    if start == -1:
        return []
    pages = []
    for line in log[start:].splitlines()[1:]:
        if not line.strip().startswith("- "):
            break
        pages.append(line.strip()[2:])
    return pages


@pytest.mark.slow
def test_mkdocs_build_reports_only_hand_written_pages_missing_from_the_nav(own_nav: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "site")], cwd=own_nav,
        capture_output=True, text=True, timeout=300, env={**os.environ},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert omitted(done.stderr) == ["about.md"]


@pytest.mark.slow
def test_playbook_build_reports_only_hand_written_pages_missing_from_the_nav(own_nav: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "generator.cli", "build", "--site-dir", str(tmp_path / "site")],
        cwd=own_nav, capture_output=True, text=True, timeout=300, env={**os.environ},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    reports = done.stderr.count(NOT_IN_NAV)
    assert reports == 2, done.stderr[-3000:]  # one per language: pl and en
    assert omitted(done.stderr) == ["about.md"]  # (the English site's file is about.en.md's)
    assert "goals/" not in done.stderr
