"""No script reaches the site from the data.

One site is built (once per session) from YAML whose every kind of text field carries known XSS
payloads: raw HTML, ``javascript:`` links in HTML and Markdown, event handlers (also through
``attr_list``'s ``{ onclick=... }``), entity-encoded schemes, mutation-XSS shapes, titles that
try to close ``<title>`` or an attribute. Then every ``.html``, ``.js``, ``.json`` and ``.xml``
file of the output is read with a real HTML parser and checked for live script, and every
checklist PDF for actions. Each payload carries a marker (``pbx01``...) so the test also proves
that the payloads did reach the output, as text.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from tests.hostile import PROJECT

PAYLOADS = [
    "<script>alert('pbx01')</script>",
    "<img src=x onerror=alert('pbx02')>",
    "<svg onload=alert('pbx03')>",
    "<svg><script>alert('pbx04')</script></svg>",
    "<iframe src=\"javascript:alert('pbx05')\"></iframe>",
    "<a href=\"javascript:alert('pbx06')\">pbx06</a>",
    "[pbx07](javascript:alert('pbx07'))",
    "[pbx08](JaVaScRiPt:alert('pbx08'))",
    "[pbx09](<javascript:alert('pbx09')>)",
    "<a href=\"jav&#x09;ascript:alert('pbx10')\">pbx10</a>",
    "<a href=\"&#106;avascript:alert('pbx11')\">pbx11</a>",
    "![pbx12](javascript:alert('pbx12'))",
    "<body onload=alert('pbx13')>",
    "<details open ontoggle=alert('pbx14')>pbx14</details>",
    "<input autofocus onfocus=alert('pbx15')>",
    "<div style=\"background:url(javascript:alert('pbx16'))\">pbx16</div>",
    "<object data=\"javascript:alert('pbx17')\"></object>",
    "<embed src=\"javascript:alert('pbx18')\">",
    "<form action=\"javascript:alert('pbx19')\"><button>pbx19</button></form>",
    "<button formaction=\"javascript:alert('pbx20')\">pbx20</button>",
    "<math><mi xlink:href=\"javascript:alert('pbx21')\">pbx21</mi></math>",
    "<base href=\"javascript:alert('pbx22')//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('pbx23')\">",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">pbx24</a>",
    "pbx25 paragraph\n{: onclick=\"alert('pbx25')\" }",
    "[pbx26](https://example.com){ onmouseover=\"alert('pbx26')\" }",
    "## pbx27 heading { onclick=\"alert('pbx27')\" data-toc-label=\"<img src=x onerror=alert('pbx27')>\" }",
    "<noscript><p title=\"</noscript><img src=x onerror=alert('pbx28')>\"></noscript>",
    "<style>@import 'javascript:alert(\"pbx29\")';</style>",
    "<template><img src=x onerror=alert('pbx30')></template>",
    "\"><script>alert('pbx31')</script>",
    "'><img src=x onerror=alert('pbx32')>",
    "</title><script>alert('pbx33')</script>",
    "<scr<script>ipt>alert('pbx34')</script>",
    "<<img src=x onerror=alert('pbx35')>",
    "<a href=\"vbscript:msgbox('pbx36')\">pbx36</a>",
    "<svg><a xlink:href=\"javascript:alert('pbx37')\"><text>pbx37</text></a></svg>",
    "<div markdown=\"1\" onclick=\"alert('pbx38')\">pbx38</div>",
    "[pbx39][evil]\n\n[evil]: javascript:alert('pbx39')",
    "<a href=\"javascript&colon;alert('pbx40')\">pbx40</a>",
    "<!--<img src=\"--><img src=x onerror=alert('pbx41')>",
    "<a id=\"__config\" href=\"#\">pbx42</a>",
    "`pbx43` <img src=x onerror=alert('pbx43')>",
]
MARKERS = [re.search(r"pbx\d\d", p).group() for p in PAYLOADS]  # type: ignore[union-attr]


class _Cycle:
    """Hands out the payloads in turn, so each lands in many kinds of field."""

    def __init__(self, offset: int = 0) -> None:
        self.i = offset

    def __call__(self) -> str:
        payload = PAYLOADS[self.i % len(PAYLOADS)]
        self.i += 1
        return json.dumps(payload)  # a JSON string is a valid YAML double-quoted scalar

    def line(self) -> str:
        """For one-line fields: the payload squeezed onto one line."""
        payload = PAYLOADS[self.i % len(PAYLOADS)].replace("\n", " ")
        self.i += 1
        return json.dumps(payload)

    def both(self) -> str:
        return "{pl: " + self() + ", en: " + self() + "}"


def _files(p: _Cycle) -> dict[str, str]:
    """One definition of every kind, every text field a payload (titles too)."""
    common = "owner: {o}\nreview_by: 2030-01-01\ntags: [{t1}, {t2}]\n"

    def head(kind: str, ident: str) -> str:
        return (f"kind: {kind}\nid: {ident}\ntitle: {p.both()}\nsummary: {p.both()}\n"
                + common.format(o=p.line(), t1=p.line(), t2=p.line()))

    files: dict[str, str] = {}
    for ident in ("xss-team", "xss-team-2"):
        files[f"playbooks/teams/{ident}.yaml"] = head("team", ident) + (
            f"mission: {p.both()}\napproach: {p()}\nresponsibilities: [{p()}, {p.both()}]\n"
            f"prospects:\n  segments: [new-audiences]\n  description: {p()}\n"
            f"horizon:\n  scope: broad\n  periods: [year]\n  description: {p.both()}\n"
        )
    files["playbooks/processes/xss-process.yaml"] = head("process", "xss-process") + (
        f"team: xss-team\ntrigger: {p()}\nsteps:\n"
        f"  - id: one\n    title: {p.both()}\n    owner: xss-team\n    description: {p()}\n"
        f"    inputs: [{p()}]\n    outputs: [{p.both()}]\n    duration: {p.line()}\n"
        f"  - id: two\n    title: {p()}\n    owner: xss-team-2\n"
        f"handoffs:\n  - from: one\n    to: two\n    what: {p()}\n    sla: xss-sla\n"
    )
    files["playbooks/goals/xss-goal.yaml"] = head("goal", "xss-goal") + (
        f"team: xss-team\nstatement: {p()}\nmetric: {p.both()}\ntarget: 400\nunit: {p.line()}\n"
        "period: quarter\ngoal_type: leads\n"
    )
    files["playbooks/strategies/xss-strategy.yaml"] = head("strategy", "xss-strategy") + (
        f"team: xss-team\nchannels: [{p()}, {p()}]\ntactics: [{p.both()}]\naudience: {p()}\n"
        f"goals: [xss-goal]\nmeasured_by: [{p()}]\n"
    )
    files["playbooks/checklists/xss-checklist.yaml"] = head("checklist", "xss-checklist") + (
        f"role: sales-rep\nteam: xss-team\nsections:\n  - title: {p.both()}\n    items:\n"
        f"      - text: {p()}\n        owner: {p.line()}\n        due: day 1\n"
        f"      - text: {p.both()}\n        processes: [xss-process]\n"
        f"  - title: {p()}\n    items:\n      - text: {p()}\n"
    )
    files["playbooks/slas/xss-sla.yaml"] = head("sla", "xss-sla") + (
        "parties: [xss-team, xss-team-2]\nparameters:\n"
        f"  - id: company\n    type: text\n    label: {p.both()}\n    help: {p()}\n"
        f"    default: {p.line()}\n"
        f"  - id: size\n    type: choice\n    label: {p()}\n    choices:\n"
        f"      - value: small\n        label: {p()}\n      - value: large\n        label: {p.both()}\n"
        "    default: small\n"
        f"  - id: hours\n    type: duration\n    unit: hours\n    label: {p()}\n    default: 24\n"
        f"derived:\n  - id: twice\n    label: {p()}\n    expression: hours * 2\n    unit: {p()}\n"
        f"clauses:\n  - id: one\n    title: {p.both()}\n    body: {p()}\n"
        f"  - id: two\n    title: {p()}\n    body: {p.both()}\n    when: size == 'small'\n"
        # The values in a body (and so in the annex, which lists the values the clauses use).
        '  - id: three\n    title: Values\n    body: "{{ company }} · {{ hours }} · {{ twice }}"\n'
    )
    files["playbooks/playbooks/xss-playbook.yaml"] = head("playbook", "xss-playbook") + (
        f"scenario: {p.both()}\nsteps:\n  - title: {p()}\n    description: {p()}\n"
        "    uses: [xss-process, xss-sla]\n"
        f"  - title: {p.both()}\n    uses: [xss-checklist]\n"
    )
    files["playbooks/glossary/xss-term.yaml"] = head("term", "xss-term") + (
        f"definition: {p.both()}\nsynonyms:\n  pl: [{p.line()}]\n  en: [{p.line()}]\n"
    )
    return files


MKDOCS = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8").replace(
    "      languages: [pl]\n", "      languages: [pl, en]\n"
)


@pytest.fixture(scope="session")
def xss_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("xss") / "project"
    shutil.copytree(PROJECT, root)
    (root / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    cycle = _Cycle()
    for rel, text in _files(cycle).items():
        (root / rel).write_text(text, encoding="utf-8")
    assert cycle.i >= 2 * len(PAYLOADS), "every payload is used at least twice"
    site = root.parent / "site"
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["--project", str(root), "build", "--site-dir", str(site)])
    assert code == 0, err.getvalue()
    return site


# -- the scanner -----------------------------------------------------------------------------

_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster",
                   "background", "cite", "longdesc", "srcset", "ping", "manifest", "codebase"}
_FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet", "portal"}
_SAFE_DATA = re.compile(r"^data:image/(png|gif|jpeg|webp);", re.IGNORECASE)


def _script_url(value: str) -> bool:
    compact = re.sub(r"[\x00-\x20]+", "", value).lower()
    if compact.startswith(("javascript:", "vbscript:", "livescript:")):
        return True
    return compact.startswith("data:") and not _SAFE_DATA.match(compact)


class LiveScript(HTMLParser):
    """Collects everything in a document that could run script."""

    def __init__(self, where: str) -> None:
        super().__init__(convert_charrefs=True)
        self.where = where
        self.problems: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False
        self._script = ""
        self.theme_ids: set[str] = set()

    def _problem(self, what: str) -> None:
        self.problems.append(f"{self.where}: {what}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        ident = dict(attrs).get("id") or ""
        if ident.startswith("__"):
            if ident in self.theme_ids:
                self._problem(f"a second element with the theme's id {ident!r}")
            self.theme_ids.add(ident)
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self._problem(f"<{tag} {name}={value!r}>")
            if name in _URL_ATTRIBUTES and _script_url(value):
                self._problem(f"<{tag} {name}={value!r}>")
            if name == "srcdoc":
                self._problem(f"<{tag} srcdoc>")
            if name == "style" and re.search(r"expression\(|javascript:|behavior:", value, re.I):
                self._problem(f"<{tag} style={value!r}>")
        if tag in _FORBIDDEN_TAGS and not self._theme_base(tag, attrs):
            self._problem(f"<{tag}>")
        if tag == "meta" and any(n == "http-equiv" and (v or "").lower() == "refresh" for n, v in attrs):
            target = (dict(attrs).get("content") or "").partition("=")[2]
            if _script_url(target) or "pbx" in target or "//" in target:
                self._problem(f"<meta http-equiv=refresh content={target!r}>")
        if tag == "script":
            self._in_script = True
            self._script = ""
            src = dict(attrs).get("src") or ""
            if src and (_script_url(src) or "pbx" in src):
                self._problem(f"<script src={src!r}>")

    def _theme_base(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """The one ``<base>`` the site has on purpose, exactly as the theme writes it: a language's
        404 page, its folder as the default that the page's script corrects under a sub-path
        (generator/theme/404.html, generator/plugin/not_found.py)."""
        lang = self.where.partition("/")[0]
        return (tag == "base" and self.where == f"{lang}/404.html"
                and attrs == [("href", f"/{lang}/"), ("data-pb-folder", lang)])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self._script += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_script:
            self._in_script = False
            self.scripts.append(self._script)
            if re.search(r"pbx\d\d", self._script) and not self._is_data_block():
                self._problem(f"<script> holding data text: {self._script[:80]!r}")

    def _is_data_block(self) -> bool:
        """``<script type="application/json">`` blocks hold data, not code; text there is inert
        as long as it cannot close the element."""
        return False


def scan_html(text: str, where: str) -> list[str]:
    parser = LiveScript(where)
    parser.feed(text)
    parser.close()
    return parser.problems


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def scan_site(site: Path) -> list[str]:
    problems: list[str] = []
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        where = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            problems += scan_html(path.read_text(encoding="utf-8"), where)
        elif path.suffix == ".json":
            for text in _strings(json.loads(path.read_text(encoding="utf-8"))):
                if "<" in text:  # the search UI shows these as HTML
                    problems += scan_html(text, where)
        elif path.suffix in (".js", ".xml", ".css"):
            if re.search(r"pbx\d\d", path.read_text(encoding="utf-8", errors="replace")):
                problems.append(f"{where}: data text inside a {path.suffix} file")
        elif path.suffix == ".pdf":
            raw = path.read_bytes()
            for needle in (b"/JavaScript", b"/JS", b"/Launch", b"/OpenAction", b"javascript:"):
                if needle.lower() in raw.lower():
                    problems.append(f"{where}: PDF holds {needle!r}")
    return problems


# -- the tests ---------------------------------------------------------------------------------

def test_the_scanner_finds_live_script() -> None:
    """The checks below would fail if the protection were removed: the scanner sees each form."""
    for evil in (
        "<img src=x onerror=alert(1)>",
        "<a href=' jav&#x09;ascript:alert(1)'>x</a>",
        "<script>alert('pbx01')</script>",
        "<iframe srcdoc='x'></iframe>",
        "<svg><a xlink:href='javascript:alert(1)'>x</a></svg>",
        "<div style='background:url(javascript:alert(1))'>",
        "<meta http-equiv='refresh' content='0;url=javascript:x'>",
        "<form><button formaction='javascript:x'>x</button></form>",
        "<a href='data:text/html;base64,PHNjcmlwdD4='>x</a>",
        "<a id='__config'>x</a><script id='__config' type='application/json'>{}</script>",
    ):
        assert scan_html(evil, "t"), evil
    assert scan_html("<p>&lt;script&gt;alert('pbx01')&lt;/script&gt;</p>", "t") == []
    theme_base = '<base href="/pl/" data-pb-folder="pl">'
    assert scan_html(theme_base, "pl/404.html") == []
    assert scan_html(theme_base, "pl/teams/index.html") and scan_html(theme_base, "en/404.html")
    assert scan_html('<base href="/x/" data-pb-folder="pl">', "pl/404.html")


def test_without_the_sanitiser_the_payloads_would_be_live() -> None:
    """The payloads are real: rendered by the site's own Markdown, unsanitised, they make script."""
    import markdown

    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "tables"])
    live = [p for p in PAYLOADS if scan_html(md.reset().convert(p), "raw")]
    assert len(live) >= 30, len(live)


def test_no_live_script_anywhere_in_the_site(xss_site: Path) -> None:
    problems = scan_site(xss_site)
    assert problems == [], "\n".join(problems[:40])


def test_every_payload_reached_the_site_as_text(xss_site: Path) -> None:
    """Else the test above could pass because the payloads never got there."""
    text = "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in xss_site.rglob("*") if p.suffix in (".html", ".json")
    )
    missing = [m for m in MARKERS if m not in text]
    assert missing == []
    assert (xss_site / "pl" / "checklists").is_dir()
    assert list(xss_site.rglob("*.pdf")), "the checklist PDFs are part of the scanned output"


def test_titles_are_text_in_title_nav_and_meta(xss_site: Path) -> None:
    """The theme prints titles and descriptions raw; the planner escapes them."""
    page = (xss_site / "pl" / "teams" / "xss-team" / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert title is not None
    assert "<" not in title.group(1)
    assert "&lt;" in title.group(1) or "&#34;" in title.group(1) or "&quot;" in title.group(1)
    description = re.search(r'<meta name="description" content="([^"]*)"', page)
    assert description is not None and "<" not in description.group(1)


def test_template_syntax_in_data_is_shown_literally(tmp_path: Path) -> None:
    """User data is never rendered as a template: ``{{ 7*7 }}`` stays ``{{ 7*7 }}``."""
    root = tmp_path / "project"
    shutil.copytree(PROJECT, root)
    team = (root / "playbooks/teams/sales.yaml").read_text(encoding="utf-8")
    team = team.replace("title: Team sales", 'title: "Team {{ 7*7 }} {% if 1 %}x{% endif %}"')
    team = team.replace("mission: A mission.", 'mission: "Mission {{ 7*7 }}"')
    (root / "playbooks/teams/sales.yaml").write_text(team, encoding="utf-8")
    out = tmp_path / "pages"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["--project", str(root), "render", "--out", str(out)]) == 0
    page = (out / "teams" / "sales.md").read_text(encoding="utf-8")
    assert "49" not in page
    assert "{{ 7\\*7 }}" in page or "{{ 7*7 }}" in page
    assert "Mission {{ 7*7 }}" in page


# -- the SLA documents ---------------------------------------------------------------------------

SLA_VALUES = (
    'company: "<script>alert(\'pbxv1\')</script> [x](javascript:alert(\'pbxv2\')) '
    '<img src=x onerror=alert(\'pbxv3\')> {{ 7*7 }}"\nsize: small\nhours: 24\n'
)


def _fill(project: Path, values: Path, fmt: str, out: Path) -> str:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["--project", str(project), "sla", "fill", "xss-sla", "--values", str(values),
                     "--format", fmt, "--out", str(out)])
    assert code == 0, err.getvalue()
    return err.getvalue()


@pytest.fixture(scope="session")
def sla_documents(xss_site: Path) -> dict[str, Path]:
    project = xss_site.parent / "project"
    values = xss_site.parent / "values.yaml"
    values.write_text(SLA_VALUES, encoding="utf-8")
    documents = {}
    for fmt in ("md", "html", "pdf", "docx"):
        documents[fmt] = xss_site.parent / f"sla.{fmt}"
        _fill(project, values, fmt, documents[fmt])
    return documents


def test_sla_html_document_has_no_live_script(sla_documents: dict[str, Path]) -> None:
    html = sla_documents["html"].read_text(encoding="utf-8")
    assert scan_html(html, "sla.html") == []
    assert "pbxv1" in html and "pbxv3" in html  # the values are there, as text
    assert "{{ 7*7 }}" in html and "49" not in html.replace("pbx49", "")


def test_sla_pdf_and_docx_carry_no_script_actions(sla_documents: dict[str, Path]) -> None:
    import zipfile

    raw = sla_documents["pdf"].read_bytes().lower()
    for needle in (b"/javascript", b"/js", b"/launch", b"/openaction", b"javascript:"):
        assert needle not in raw
    with zipfile.ZipFile(sla_documents["docx"]) as docx:
        for name in docx.namelist():
            if name.endswith(".rels"):
                assert b"javascript:" not in docx.read(name).lower(), name


def test_sla_markdown_document_renders_without_live_script(sla_documents: dict[str, Path]) -> None:
    import markdown

    text = sla_documents["md"].read_text(encoding="utf-8")
    rendered = markdown.markdown(text, extensions=["attr_list", "md_in_html", "tables"])
    assert scan_html(rendered, "sla.md") == []
