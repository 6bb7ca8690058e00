"""What a careless or hostile contributor, or a crafted link, could do to the build machine or
the site's readers, and is refused (the security review of session 8).

- a link in the content folder to a hidden file of the project (``.git/config``, where CI keeps
  the token it cloned with; ``.env``): MkDocs would publish it;
- a hand-written page of many unclosed links: printing each link's address after it took time
  growing with the square of the page's size (a build stalled for minutes on a 200 kB page);
- the "page not found" pages at a crafted address (``https://intranet//evil.example/pl/x``):
  their script took the part of the address before ``/pl/`` for the site's folder, so
  ``//evil.example/pl/`` became the page's ``<base href>``, and the theme's scripts were loaded
  from the other host (script on the intranet's origin, from a link in an e-mail).
"""

from __future__ import annotations

import contextlib
import io
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from generator.cli import main
from generator.sanitize import with_addresses
from tests.projects import make_project

pytest_plugins = ["tests.search_site"]

# -- links in the content folder -------------------------------------------------------------------


def _check(root: Path) -> tuple[int, list[str]]:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["--project", str(root), "check"])
    return code, err.getvalue().splitlines()


def test_a_content_link_to_a_hidden_file_of_the_project_is_an_error(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text(
        '[remote "origin"]\n\turl = https://ci:TOKEN@git.example/repo.git\n', encoding="utf-8")
    (root / ".env").write_text("API_KEY=secret\n", encoding="utf-8")
    content = root / "content"
    (content / "config.txt").symlink_to("../.git/config")
    (content / "settings.txt").symlink_to(root / ".env")
    (content / "repository").symlink_to("../.git")
    (content / "readme.md").symlink_to("../mkdocs.yml")  # inside the project, not hidden: fine
    code, lines = _check(root)
    assert code == 1
    tail = ("(its name starts with '.', as .git/ and .env do, where tokens and passwords are "
            "kept), and a build would publish it on the site: copy what the site should show "
            "into the content folder instead, or delete the link.")
    assert lines == [
        f"content/config.txt:1:1: this is a link to .git/config, a hidden file of the project {tail}",
        f"content/repository:1:1: this is a link to .git, a hidden folder of the project {tail}",
        f"content/settings.txt:1:1: this is a link to .env, a hidden file of the project {tail}",
        "Found 3 errors in 3 files.",
    ]


# -- printed link addresses on hostile pages ---------------------------------------------------------


def test_printing_link_addresses_takes_linear_time_on_unclosed_links() -> None:
    """A hand-written page's raw HTML reaches :func:`with_addresses` as written: 6,000 links
    that are never closed took 8 s (12,000: 40 s; 5,000, here, about 5 s); now milliseconds."""
    for hostile in ('<a href="https://example.com/">x' * 5_000,
                    '<a href="https://example.com/"' * 5_000,
                    '<a href="' * 5_000):
        started = time.process_time()
        assert with_addresses(hostile, "c") == hostile
        assert time.process_time() - started < 1.0
    # and it still prints the address of every closed link, however many
    closed = '<a href="https://example.com/">portal</a> ' * 3
    assert with_addresses(closed, "c") == (
        '<a href="https://example.com/">portal</a><span class="c"> (https://example.com/)</span> ' * 3
    )


# -- the "page not found" pages at a crafted address ---------------------------------------------------

EVIL = "evil.example"


def _any_path_404_handler(site: Path) -> type[Any]:
    """Answers every address with a 404 page, as a web server configured for the site does: the
    language's when the address has a language folder (``/pl/``), else the root one."""
    from tests.serving import QuietHandler

    class NotFound(QuietHandler):
        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            found = [(path.rfind(f"/{lang}/"), lang) for lang in ("pl", "en")]
            at, lang = max(found)
            page = site / lang / "404.html" if at >= 0 else site / "404.html"
            self.send_page(404, page)

        do_HEAD = do_GET

    return NotFound


@pytest.fixture(scope="module")
def any_path_404_server(search_built: Any) -> Iterator[str]:
    from tests.serving import serve

    with serve(handler=_any_path_404_handler(search_built.site)) as address:
        yield address


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("path", [f"//{EVIL}/pl/teams/nope/", f"//{EVIL}/nope", f"/\\{EVIL}/en/x"])
def test_a_404_page_at_a_crafted_address_loads_and_links_only_its_own_site(
    chromium: Any, any_path_404_server: str, path: str
) -> None:
    """``//evil.example/pl/`` is a path to this server, never another host: not the page's base
    (whose scripts would then come from there), nor a link, nor a request."""
    origin = any_path_404_server
    context = chromium.new_context()
    asked: list[str] = []

    def refuse(route: Any) -> None:
        asked.append(route.request.url)
        route.abort()

    context.route(lambda url: urlsplit(url).hostname == EVIL, refuse)
    try:
        tab = context.new_page()
        response = tab.goto(origin + path, wait_until="load")
        assert response is not None and response.status == 404
        tab.wait_for_timeout(300)  # the root page's HEAD requests for a folder with the site
        assert tab.evaluate("document.baseURI").startswith(origin + "/")
        links = tab.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        assert links and not [x for x in links if urlsplit(x).hostname == EVIL], links
        assert not asked, asked
    finally:
        context.close()


# -- a templates folder that is a link -----------------------------------------------------------------


def test_a_templates_folder_that_is_a_link_is_refused(tmp_path: Path) -> None:
    """``templates -> .`` made the project's own folder the templates folder, where a committed
    ``team.md.j2`` could ``{% include '.git/config' %}`` onto the site."""
    root = make_project(tmp_path / "p")
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("url = https://ci:TOKEN@git.example/\n", encoding="utf-8")
    (root / "team.md.j2").write_text("{% include '.git/config' %}\n", encoding="utf-8")
    (root / "templates").symlink_to(".")
    out, err = tmp_path / "pages", io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["--project", str(root), "render", "--out", str(out)])
    assert code == 1
    assert err.getvalue() == (
        "templates:1:1: the templates folder is a symbolic link; links are not followed: move "
        "the real folder here.\nFound 1 error in 1 file.\n"
    )
    assert not any("TOKEN" in p.read_text(encoding="utf-8") for p in out.rglob("*.md"))
