"""Project templates run in a sandbox with limits: escapes, file access, CPU and memory bombs all
end in a :class:`UserError` naming the template file and line, within seconds.

The corpus (``tests/cases/hostile/templates/``) runs the same payloads through the real CLI; here
they run against the environment directly, so each check is fast and names its protection.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import jinja2
import pytest

from generator import render
from generator.errors import UserError
from generator.render import ProjectLoader, Sandbox, environment


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    return folder


def render_user(folder: Path, source: str, **context: Any) -> str:
    (folder / "page.md.j2").write_text(source, encoding="utf-8")
    env = Sandbox((folder,), loader=ProjectLoader(folder), undefined=jinja2.StrictUndefined)
    return env.get_template("page.md.j2").render(**context)


def refused(folder: Path, source: str, **context: Any) -> str:
    with pytest.raises(UserError) as caught:
        render_user(folder, source, **context)
    text = caught.value.render()
    assert text.startswith("templates/page.md.j2:"), text
    return text


class Data:
    """A stand-in for the objects templates receive: attributes and one harmless method."""

    def __init__(self, path: Path) -> None:
        self.title = "Sales"
        self.path = path

    def shout(self) -> str:
        return self.title.upper()


# -- escapes -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ d.__class__.__init__.__globals__ }}",
        "{{ d.shout.__globals__ }}",
        "{{ cycler.__init__.__globals__.os }}",
        "{{ joiner.__init__.__globals__ }}",
        "{{ namespace.__init__.__globals__ }}",
        "{{ self._TemplateReference__context }}",
        "{{ ().__class__.__base__.__subclasses__() }}",
        "{{ request.application.__globals__ }}",
        # CVE-2024-56326: str.format reached indirectly, stored and called later
        "{% set f = '{0.__class__.__init__.__globals__}'.format %}{{ f(d) }}",
        # CVE-2025-27516: the attr filter handing out str.format
        "{{ '{0.__class__.__init__.__globals__}'|attr('format')(d) }}",
        "{{ ('{0.__class__}' ~ '')|attr('format')(d) }}",
        "{{ '{0.shout.__globals__}'.format_map({'0': d}) }}",
    ],
)
def test_sandbox_escapes_are_refused(templates: Path, tmp_path: Path, source: str) -> None:
    text = refused(templates, "line one\n" + source, d=Data(tmp_path / "x"))
    assert text.startswith("templates/page.md.j2:2:1: the template ")


def test_the_cve_2025_27516_payload_meets_jinja_own_attr_filter(templates: Path, tmp_path: Path) -> None:
    """Sandbox keeps Jinja's ``attr`` filter (the site's environment replaces it with its own)."""
    text = refused(templates, "{{ '{0.__class__}'|attr('format')(d) }}", d=Data(tmp_path / "x"))
    assert "may not do" in text or "does not exist" in text


@pytest.mark.parametrize(
    "source",
    [
        "{{ d.path.write_text('owned') }}",
        "{{ d.path.unlink() }}",
        "{{ d.path.read_text() }}",
        "{{ d.path.parent.parent }}",
        "{{ d.path.open('w') }}",
    ],
)
def test_paths_give_no_access_to_the_file_system(templates: Path, tmp_path: Path, source: str) -> None:
    victim = tmp_path / "x"
    victim.write_text("safe", encoding="utf-8")
    refused(templates, source, d=Data(victim))
    assert victim.read_text(encoding="utf-8") == "safe"


def test_mutating_the_data_is_refused(templates: Path) -> None:
    data = {"a": 1}
    refused(templates, "{{ d.clear() }}", d=data)
    refused(templates, "{{ l.append(1) }}", l=[])
    assert data == {"a": 1}


# -- CPU and memory ------------------------------------------------------------------------------

@pytest.fixture
def short_budget(monkeypatch: pytest.MonkeyPatch) -> float:
    monkeypatch.setattr(render, "TEMPLATE_SECONDS", 0.3)
    return 0.3


@pytest.mark.parametrize(
    "source",
    [
        "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
        "{% set r = range(100000) %}{% for a in r %}{% for b in r %}{% endfor %}{% endfor %}",
        "{% set r = range(100000)|list %}{% for a in r %}{% for b in r %}{{ a }}{% endfor %}{% endfor %}",
        "{% macro f(n) %}{{ f(n) }}{{ f(n) }}{% endmacro %}{{ f(0) }}",
    ],
)
def test_endless_work_is_stopped_within_the_budget(templates: Path, short_budget: float, source: str) -> None:
    started = time.monotonic()
    text = refused(templates, source)
    assert time.monotonic() - started < short_budget + 3
    assert "seconds" in text or "calls itself without end" in text


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("{% for i in range(10**9) %}{% endfor %}", "range of more than 100,000"),
        ("{{ 'a' * 10**10 }}", "repeats a value"),
        ("{{ 'a' * 10000000000 }}", "repeats a value"),
        ("{{ [0] * 10**9 }}", "repeats a value"),
        ("{{ 10 ** 10 ** 10 }}", "power that is too large"),
        ("{{ 2 ** 100000 }}", "power that is too large"),
        ("{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}", "builds a value"),
        ("{% set ns = namespace(n=2) %}{% for i in range(20) %}{% set ns.n = ns.n * ns.n %}{% endfor %}", "number that is too large"),
        ("{{ 'a'|center(10**9) }}", "passes the number"),
        ("{{ 'a'.ljust(1000000000) }}", "passes the number"),
        ("{{ '{:>9999999999}'.format(1) }}", "wider than the limit"),
        ("{{ '%1000000000d' % 1 }}", "wider than the limit"),
        ("{{ '%1000000000d'|format(1) }}", "wider than the limit"),
        ("{{ ('a' * 100000)|replace('a', 'b' * 100000) }}", "about 10,000,000,000 characters"),
        ("{{ ('x' * 100000).join(range(100000)|list) }}", "builds a value"),
        ("{{ (range(2000)|list)|join('b' * 1000000) }}", "builds a value"),
        ("{{ ('a\n' * 100000)|indent(10000) }}", "builds a value"),
        ("{{ ([range(1000)|list] * 1000)|sum(start=[]) }}", "sum only adds numbers"),
        ("{% for i in range(3000) %}{{ 'x' * 10000 }}{% endfor %}", "page longer than"),
        ("{{ lipsum(10**6) }}", "does not exist here"),
    ],
)
def test_memory_bombs_are_refused_before_they_explode(templates: Path, source: str, words: str) -> None:
    started = time.monotonic()
    text = refused(templates, source)
    assert words in text, text
    assert time.monotonic() - started < 3


def test_a_huge_allocation_fails_instead_of_exhausting_memory() -> None:
    """The last line of defence: while a template runs, the address space is capped (Linux)."""
    if threading.current_thread() is not threading.main_thread() or not Path("/proc/self/statm").exists():
        pytest.skip("the cap needs Linux and the main thread")
    with render._budget(), pytest.raises(MemoryError):
        bytearray(render.MEMORY_BUDGET * 2)
    bytearray(render.MEMORY_BUDGET // 4)  # and it is lifted afterwards


# -- loading -----------------------------------------------------------------------------------

def test_a_symlinked_template_is_not_followed(templates: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("password", encoding="utf-8")
    (templates / "team.md.j2").symlink_to(secret)
    env = environment(templates)
    with pytest.raises(UserError, match="symbolic link"):
        env.get_template("team.md.j2")


@pytest.mark.parametrize("name", ["../secret.txt", "/etc/passwd", "..\\secret.txt", "a/../../secret.txt"])
def test_includes_cannot_leave_the_templates_folder(templates: Path, tmp_path: Path, name: str) -> None:
    (tmp_path / "secret.txt").write_text("password", encoding="utf-8")
    text = refused(templates, f"{{% include {name!r} %}}")
    assert "which does not exist" in text
    assert "password" not in text


def test_syntax_errors_name_the_file_and_line(templates: Path) -> None:
    text = refused(templates, "one\ntwo\n{% for x in %}\n")
    assert text.startswith("templates/page.md.j2:3:1: the template has a syntax error")


def test_a_bug_in_a_built_in_template_is_not_blamed_on_the_user() -> None:
    """An error in this package's own templates stays a bug (a traceback), not a UserError."""
    env = environment(None)
    with pytest.raises(jinja2.UndefinedError):
        env.get_template("team.md.j2").render()


# -- what must keep working --------------------------------------------------------------------

def test_ordinary_templates_still_work(templates: Path, tmp_path: Path) -> None:
    source = (
        "{% for x in items if x > 1 %}{{ loop.index }}:{{ x ~ '!' }} {% endfor %}"
        "{{ items|map('string')|join(',') }} {{ 'a' * 3 }} {{ 2 ** 10 }} {{ '%05d' % 42 }} "
        "{{ d.shout() }} {{ d.title|upper }} {{ '{:>6}'.format('x') }} {{ items|sum }}"
        "{% for n in tree recursive %}[{{ n.name }}{{ loop(n.kids) }}]{% endfor %}"
    )
    tree = [{"name": "a", "kids": [{"name": "b", "kids": []}]}]
    out = render_user(templates, source, items=[1, 2, 3], d=Data(tmp_path / "x"), tree=tree)
    assert out == "1:2! 2:3! 1,2,3 aaa 1024 00042 SALES SALES      x 6[a[b]]"


def test_the_sandbox_also_serves_html_templates_with_autoescape(templates: Path) -> None:
    """The print templates (checklists) escape HTML; ``~`` and loops keep Jinja's meaning there."""
    from markupsafe import Markup

    (templates / "page.html.j2").write_text(
        "{{ a ~ b }}|{{ safe ~ a }}|{% for x in items %}{{ x }}{% endfor %}", encoding="utf-8"
    )
    env = Sandbox((templates,), loader=ProjectLoader(templates), autoescape=True)
    out = env.get_template("page.html.j2").render(a="<i>", b="&", safe=Markup("<b>"), items=["<"])
    assert out == "&lt;i&gt;&amp;|<b>&lt;i&gt;|&lt;"


def test_the_budget_counts_cpu_time_not_a_loaded_machines_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the wall-clock deadline a render goes on while it has used less CPU than the budget
    (a busy machine), and stops once it has used it, or at ten times the budget by the clock."""
    clock = {"wall": 100.0, "cpu": 5.0}
    monkeypatch.setattr(time, "monotonic", lambda: clock["wall"])
    monkeypatch.setattr(time, "thread_time", lambda: clock["cpu"])
    with render._budget():
        clock["wall"] += render.TEMPLATE_SECONDS + 1  # the clock ran on, the CPU did little
        clock["cpu"] += 0.5
        render._tick()  # not stopped
        clock["wall"] += render.TEMPLATE_SECONDS
        clock["cpu"] += render.TEMPLATE_SECONDS  # now it has used its budget
        with pytest.raises(render.TemplateLimit, match="seconds"):
            render._tick()
    with render._budget():
        clock["wall"] += 10 * render.TEMPLATE_SECONDS + 1  # hardly any CPU, but far too long
        with pytest.raises(render.TemplateLimit):
            render._tick()
