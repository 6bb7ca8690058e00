"""The Jinja environment that turns definitions into Markdown, and the filters it offers.

Templates run in Jinja's ``ImmutableSandboxedEnvironment`` with ``StrictUndefined``: a project may
override any template with one of the same name in its own ``templates/`` folder, and such a file
is treated as untrusted. User data is only ever passed *to* templates, never rendered *as* one.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import html
import itertools
import os
import re
import threading
import time
import traceback
import types
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.loaders import split_template_path
from jinja2.runtime import markup_join
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .errors import Diagnostic, UserError

try:
    import resource
except ImportError:  # pragma: no cover - not on Windows
    resource = None  # type: ignore[assignment]

from .i18n import fallback_title
from .models.base import LANGUAGES, NotAText, Translations, localize
from .models.money import unit_currency
from .sla.numbers import format_money, plural_form
from .tr import tr

_MD_SPECIALS = re.compile(r"([\\`*_\[\]{}|#!~])")
_NEWLINES = re.compile(r"\s*[\r\n]+\s*")


def plain(text: str) -> str:
    """Text shown literally in Markdown: no markup, no HTML, one line."""
    text = _NEWLINES.sub(" ", text)
    return _MD_SPECIALS.sub(r"\\\1", html.escape(text, quote=False))


def inline_markdown(text: str) -> str:
    """Author's Markdown squeezed onto one line, safe inside a table cell."""
    return _NEWLINES.sub(" ", text).replace("|", "\\|")


def attr(text: str) -> str:
    """Text safe inside an HTML attribute or front matter that the theme prints raw."""
    return html.escape(_NEWLINES.sub(" ", text), quote=True)


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"\*\*|__|`|</?[A-Za-z][^<>]*>")
_MD_ACTIVE = re.compile(r"[\\`*_\[\]|~]")


def attr_words(text: str) -> str:
    """The words of an author's Markdown for an HTML attribute written into a Markdown page (an
    item's aria-label): links as their text, no ``**``, backticks or tags (a screen reader would
    read them out), and every character Markdown acts on as a character reference. Written as is,
    a code span or a link in the text was turned into HTML inside the attribute, which ended it:
    the rest of the tag showed on the page, and on paper, as text."""
    words = html.unescape(_MD_MARKS.sub("", _MD_LINK.sub(r"\1", _NEWLINES.sub(" ", text))))
    return _MD_ACTIVE.sub(lambda found: f"&#{ord(found.group())};", attr(words))


def mermaid_label(text: str) -> str:
    """Text safe inside a Mermaid ``["..."]`` label, shown as written: the diagram's source is a
    fenced block, which Markdown leaves alone, so nothing is Markdown-escaped (``\\[`` would show
    its backslash), and Mermaid's own entities keep HTML and a backtick (which would make the
    label Markdown) literal."""
    text = _NEWLINES.sub(" ", text)
    for char, entity in (("#", "#35;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;"), ("&", "#amp;"),
                         ("`", "#96;")):
        text = text.replace(char, entity)
    return text


def mermaid_text(text: str | Translations | None, lang: str) -> str:
    """A text in ``lang`` for a Mermaid ``["..."]`` label (``text(x) | mermaid``); where it has no
    translation, in a ``<span lang>`` of the language shown, which Mermaid keeps in the label's
    HTML, so that a screen reader reads the diagram's box in that language's voice."""
    found = localize(text, lang)
    label = mermaid_label(found.text)
    return f"<span lang='{found.fallback}'>{label}</span>" if found.fallback else label


def number(value: float, lang: str) -> str:
    """``1 200 000`` / ``0,25`` in Polish, ``1,200,000`` / ``0.25`` in English."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.6f}".rstrip("0").rstrip(".")
    if lang == "pl":
        whole = text.split(".")[0].replace(",", "")
        # Polish groups thousands only from five digits up (1000, but 10 000).
        if len(whole.lstrip("-")) <= 4:
            text = text.replace(",", "")
        return text.replace(",", "\u00a0").replace(".", ",")
    return text


def unit_space(unit: str | Translations, lang: str) -> str:
    """What stands between a number and its unit: nothing before a per cent sign ("40%", as the
    filled SLA and the goals' own sentences write it, in Polish and English alike), else a
    no-break space ("400\u00a0MQL"), so that no line breaks between a number and its unit."""
    chosen, _fallback = _unit_in(unit, lang)
    return "" if isinstance(chosen, str) and chosen.strip() == "%" else "\u00a0"


def _unit_in(unit: str | Translations, lang: str) -> tuple[str | dict[str, str], str | None]:
    """The unit's word (or its forms by number) in ``lang``; with no word for ``lang``, the first
    other language's, and that language (else None)."""
    chosen: str | dict[str, str] | None = unit if isinstance(unit, str) else getattr(unit, lang, None)
    if chosen is not None:
        return chosen, None
    fallback = next(other for other in LANGUAGES if getattr(unit, other, None) is not None)
    found: str | dict[str, str] = getattr(unit, fallback)
    return found, fallback


def with_unit(value: float, unit: str | Translations, lang: str) -> str:
    """A number and its unit as running text shows it: the unit in the form the number needs by
    the project's one plural rule (:func:`generator.sla.numbers.plural_form`: "1 transakcja",
    "2 transakcje", "14 transakcji", "1 deal", "2 deals"), after :func:`unit_space`. A unit with
    no word for ``lang`` shows the other language's, marked as a text's would be (:func:`localized`).

    A unit that is a currency (a goal's ``currency: PLN``, or ``unit: {pl: zł, en: PLN}``) makes
    the number an amount, written as the language writes money, as the filled SLA does:
    "1 200 000 zł" in Polish, "PLN 1,200,000" in English (:func:`format_money`)."""
    currency = unit_currency(unit)
    if currency is not None:
        return format_money(value, currency, lang)
    shown = number(value, lang)
    chosen, fallback = _unit_in(unit, lang)
    word = plural_form(chosen, shown, fallback or lang) if isinstance(chosen, dict) else str(chosen)
    space = "" if word.strip() == "%" else "\u00a0"
    if fallback is None:
        return f"{shown}{space}{inline_markdown(word)}"
    return (f'{shown}{space}<span lang="{fallback}">{inline_markdown(word.strip())}</span>'
            f"{fallback_marker(lang, fallback)}")


def fallback_marker(lang: str, fallback: str | None) -> str:
    if fallback is None:
        return ""
    # A visible badge ("EN") whose tooltip says what is missing (generator/i18n.py); its own
    # ``lang`` because it may stand inside the other language's text (see :func:`localized`).
    # assets/glossary.js makes it a tab stop, so the tooltip shows on keyboard focus too.
    title = html.escape(fallback_title(lang, fallback), quote=True)
    return f' <span class="pb-fallback" lang="{lang}" title="{title}">{fallback.upper()}</span>'


#: A line that starts a Markdown block other than a paragraph: a heading, quote, list, table,
#: fence, indented code or HTML block. A text with one (or with a blank line) is not one paragraph.
_BLOCK_LINE = re.compile(r"^(?:\s*$|\t| {4}| {0,3}(?:[#>|<]|[-*+](?:\s|$)|\d+[.)](?:\s|$)|```|~~~))", re.M)


def localized(text: str | Translations | None, lang: str, mark: bool = True, inline: bool = False,
              literal: bool = False) -> str:
    """A text in ``lang`` or, where it has no translation, in another language marked as such.

    The other language's text carries its ``lang`` (so a screen reader reads it with the right
    voice) and a badge. One paragraph, and any ``inline`` use (a table cell, a list item), is
    wrapped in a ``<span>``, whose content Markdown still formats; several blocks (paragraphs,
    lists) in a ``<div markdown="1">``, which needs the ``md_in_html`` extension (mkdocs.yml).
    A ``literal`` text (a title, an owner) is shown as :func:`plain` text, on one line.
    """
    found = localize(text, lang)
    body = plain(found.text) if literal else found.text
    if found.fallback is None:
        return body
    marker = fallback_marker(lang, found.fallback) if mark else ""
    body = body.strip()
    if inline or not _BLOCK_LINE.search(body):
        return f'<span lang="{found.fallback}">{body}</span>{marker}'
    # From a line of its own, even after other text ("**Segments.** {{ t(...) }}").
    return f'\n\n<div lang="{found.fallback}" markdown="1">\n\n{body}{marker}\n\n</div>\n'


# -- the sandbox ------------------------------------------------------------------------------
#
# Jinja's ImmutableSandboxedEnvironment stops a template from reaching Python internals
# (``__class__``, ``__globals__``, ``str.format`` tricks: CVE-2024-56326, CVE-2025-27516 are fixed
# in Jinja 3.1.6, which pyproject.toml requires) and from mutating lists and dicts. It does not
# stop a template from running forever or filling the memory, and it lets a template call any
# public method of the objects it is given. ``Sandbox`` adds:
#
# - a time budget per page (:data:`TEMPLATE_SECONDS` of CPU time, so a loaded machine does not
#   stop a normal page), checked at every call, filter, loop step and ``~``; the ``{% for %}`` loops and ``~`` are rewritten at parse time to pass through it;
# - size limits: ``*``, ``+``, ``**``, ``%`` and every call and filter are checked so that no text,
#   list or number grows past :data:`MAX_VALUE`, and the page past :data:`MAX_OUTPUT`; as a last
#   resort the address space is capped (Linux) while a template runs, so a single huge
#   allocation fails with a MemoryError instead of waking the out-of-memory killer;
# - no file system: attributes of paths are refused (``entry.source.path.write_text(...)``), as are
#   pydantic's ``model_*`` methods other than ``model_fields``, and ``lipsum``;
# - errors a user can act on: any problem in a project's own template becomes a
#   :class:`~generator.errors.UserError` at ``templates/<file>:<line>``.

#: Seconds one page's template may run; a real page takes milliseconds.
TEMPLATE_SECONDS = 3.0
#: Longest text, list or mapping a template may build in one step.
MAX_VALUE = 1_000_000
#: Longest page (characters) a template may write.
MAX_OUTPUT = 20_000_000
#: Largest whole number a template may compute (in bits: about 77 decimal digits).
MAX_INT_BITS = 256
#: Largest number a template may pass to a function or filter (a width, a count, a length).
MAX_ARGUMENT = 10_000
#: Extra address space a running template may take (Linux), beyond what the process already has.
MEMORY_BUDGET = 1 << 30

_LOOP_TICK = 256
_BIG_FORMAT = re.compile(r"(?:\{[^{}]*?[0-9]{5,}[^{}]*\}|%[-#0 +]*[0-9]{5,}|%[-#0 +]*[0-9]*\.[0-9]{5,})")


class TemplateLimit(Exception):
    """A template went past a time, size or safety limit; the message says which."""


class _Budget(threading.local):
    deadline: float | None = None  # wall clock (time.monotonic), cheap to read at every tick
    cpu_start: float = 0.0  # this thread's CPU time (time.thread_time) when the render began
    wall_limit: float = 0.0  # the wall clock past which the render stops whatever its CPU time


_BUDGET = _Budget()


def _tick() -> None:
    deadline = _BUDGET.deadline
    if deadline is not None and time.monotonic() > deadline:
        _over_wall_deadline()


def _over_wall_deadline() -> None:
    """The wall-clock deadline passed: stop if the template really used its budget of CPU time.

    On a loaded machine a page may take longer by the clock without doing more work; the budget
    counts the CPU time of this thread (read only here: it costs ten times the clock), up to a
    wall-clock limit of ten times the budget.
    """
    now = time.monotonic()
    used = time.thread_time() - _BUDGET.cpu_start
    if used < TEMPLATE_SECONDS and now < _BUDGET.wall_limit:
        _BUDGET.deadline = min(now + max(TEMPLATE_SECONDS - used, 0.05), _BUDGET.wall_limit)
        return
    raise TemplateLimit(tr("the template ran for more than {seconds:g} seconds and was stopped: "
                           "look for loops inside loops", seconds=TEMPLATE_SECONDS))


_SIZED = (str, bytes, list, tuple, dict, set, frozenset)


def _check_size(value: Any) -> Any:
    kind = type(value)
    if kind is int:
        if value.bit_length() > MAX_INT_BITS:
            raise TemplateLimit(tr("the template computes a number that is too large"))
        return value
    if (kind in _SIZED or isinstance(value, _SIZED)) and len(value) > MAX_VALUE:
        raise TemplateLimit(tr("the template builds a value of {size:,} characters or items; at "
                               "most {limit:,} are allowed", size=len(value), limit=MAX_VALUE))
    return value


def _check_arguments(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    for value in (*args, *(v for k, v in kwargs.items() if not k.startswith("_"))):
        if isinstance(value, bool):
            continue
        if isinstance(value, int) and abs(value) > MAX_ARGUMENT:
            raise TemplateLimit(tr("the template passes the number {value:,} to a function or "
                                   "filter; at most {limit:,} is allowed there", value=value,
                                   limit=MAX_ARGUMENT))
        if isinstance(value, float) and abs(value) > MAX_ARGUMENT:
            raise TemplateLimit(tr("the template passes the number {value:g} to a function or "
                                   "filter; at most {limit:,} is allowed there", value=value,
                                   limit=MAX_ARGUMENT))
        if isinstance(value, str) and "%" in value and _BIG_FORMAT.search(value):
            raise TemplateLimit(tr("the template formats a value wider than the limit"))


#: Filters whose number arguments are widths or counts that multiply the work or the output.
_COUNTING_FILTERS = frozenset({"batch", "center", "indent", "slice", "truncate", "wordwrap"})


def _check_growth(name: str, value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse, before running it, a ``replace``/``join``/``indent``/``expandtabs`` whose result
    would pass :data:`MAX_VALUE` (each input may be within the limit, their product not)."""
    estimate = 0
    if name == "replace" and isinstance(value, str) and len(args) >= 2:
        old, new = str(args[0]), str(args[1])
        hits = len(value) + 1 if not old else value.count(old)
        estimate = len(value) + hits * max(len(new) - len(old), 0)
    elif name == "join" and isinstance(value, str) and args and isinstance(args[0], list | tuple):
        estimate = len(value) * len(args[0])  # "sep".join(items)
    elif name == "join" and isinstance(value, list | tuple):
        separator = args[0] if args else kwargs.get("d", "")
        estimate = len(str(separator)) * len(value)  # items|join(sep)
    elif name == "indent" and isinstance(value, str) and args and isinstance(args[0], int):
        estimate = len(value) + (value.count("\n") + 1) * args[0]
    elif name == "sum" and any(isinstance(a, str | list | tuple) for a in (*args, *kwargs.values())):
        raise TemplateLimit(tr("the template adds up lists or texts with sum: sum only adds numbers"))
    elif name == "expandtabs" and isinstance(value, str) and args and isinstance(args[0], int):
        estimate = len(value) + value.count("\t") * args[0]
    if estimate > MAX_VALUE:
        raise TemplateLimit(tr("the template builds a value of about {size:,} characters; at most "
                               "{limit:,} are allowed", size=estimate, limit=MAX_VALUE))


def _guard_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that checks the time budget, its arguments and the size of its result.

    ``functools.wraps`` copies the ``jinja_pass_arg`` marker, so a filter that takes the context
    or environment still gets it (and is then called with it first).
    """
    skip = 2 if hasattr(func, "jinja_pass_arg") else 1
    counting = name in _COUNTING_FILTERS

    @functools.wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _tick()
        if len(args) >= skip:
            value, rest = args[skip - 1], args[skip:]
            if counting:
                _check_arguments(rest, kwargs)
            if name == "format" and isinstance(value, str) and _BIG_FORMAT.search(value):
                raise TemplateLimit(tr("the template formats a value wider than the limit"))
            _check_growth(name, value, rest, kwargs)
        return _check_size(func(*args, **kwargs))

    return guarded


class _Generator(CodeGenerator):
    """Compiles every ``{% for %}`` to iterate through ``Sandbox.pb_iterate`` and every ``a ~ b``
    to ``Sandbox.pb_concat(a, b)``: both become calls, so both pass the sandbox's checks (a loop
    over a plain variable, or ``~`` doubling a text, would otherwise run unchecked)."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        if not getattr(node, "_pb_guarded", False):
            node.iter = nodes.Call(
                nodes.EnvironmentAttribute("pb_iterate"), [node.iter], [], None, None,
                lineno=node.lineno,
            )
            node._pb_guarded = True  # type: ignore[attr-defined]
        super().visit_For(node, frame)

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.call(context, environment.pb_concat, ")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write(")")


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with time, size and file-system limits (see above).

    It also remembers its verdict on each (type, attribute name): the sandbox checks every
    attribute a template reads (tens of thousands per thousand pages), and every check here
    depends only on the object's type and the attribute's name, so each is computed once.
    ``user_dirs`` are the folders of the project's own templates: an error in one of those is the
    user's, reported at its file and line; anywhere else it is a bug of this package.
    """

    intercepted_binops = frozenset({"*", "**", "+", "-", "%", "//", "/"})
    code_generator_class = _Generator

    def __init__(self, user_dirs: tuple[Path, ...] = (), **options: Any) -> None:
        super().__init__(**options)
        self._verdicts: dict[tuple[type, str], bool] = {}
        self.user_dirs = tuple(d.resolve() for d in user_dirs)
        self.template_class = BudgetedTemplate
        self.globals.pop("lipsum", None)
        self.filters = _GuardedFilters(self.filters)

    # -- what a template may reach ------------------------------------------------------------
    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        key = (type(obj), attr)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdicts[key] = self._judge(obj, attr, value)
        return verdict

    def _judge(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, PurePath | types.ModuleType | type):
            return False  # no file system, no modules, no classes (and their constructors)
        if attr.startswith("model_") and attr != "model_fields":
            return False  # pydantic's machinery: copies, constructors, schema rebuilding
        return bool(super().is_safe_attribute(obj, attr, value))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _tick()
        if type(__obj) is types.BuiltinMethodType and isinstance(__obj.__self__, str | bytes):
            _check_arguments(args, kwargs)  # "x".center(10**9), "x".expandtabs(10**9)
            _check_growth(__obj.__name__, __obj.__self__, args, kwargs)
        return _check_size(super().call(__context, __obj, *args, **kwargs))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _tick()
        sized = (str, bytes, list, tuple)
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, sized) and isinstance(times, int) and len(seq) * max(times, 0) > MAX_VALUE:
                    raise TemplateLimit(tr(
                        "the template repeats a value {times:,} times, which would make it longer "
                        "than {limit:,} characters or items", times=times, limit=MAX_VALUE))
            if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
                raise TemplateLimit(tr("the template computes a number that is too large"))
        elif operator == "**":
            if isinstance(right, int | float) and isinstance(left, int | float) and (
                abs(right) > 64 or (isinstance(left, int) and left.bit_length() * abs(right) > MAX_INT_BITS)
            ):
                raise TemplateLimit(tr("the template raises a number to a power that is too large"))
        elif operator == "+":
            if isinstance(left, sized) and isinstance(right, sized) and len(left) + len(right) > MAX_VALUE:
                raise TemplateLimit(tr("the template joins values longer than {limit:,} characters "
                                       "or items", limit=MAX_VALUE))
        elif operator == "%" and isinstance(left, str) and _BIG_FORMAT.search(left):
            raise TemplateLimit(tr("the template formats a value wider than the limit"))
        try:
            return _check_size(super().call_binop(context, operator, left, right))
        except OverflowError:
            raise TemplateLimit(tr("the template computes a number that is too large")) from None

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        if type(value) is not types.BuiltinMethodType:  # the common case, answered quickly
            return None
        wrapped = super().wrap_str_format(value)
        if wrapped is not None and _BIG_FORMAT.search(str(value.__self__)):
            raise TemplateLimit(tr("the template formats a value wider than the limit"))
        return wrapped

    # -- what the rewritten loops and ``~`` call ----------------------------------------------------
    def pb_iterate(self, iterable: Any) -> Iterator[Any]:
        """Iterate, checking the time budget every few steps."""
        for i, item in enumerate(iterable):
            if not i % _LOOP_TICK:
                _tick()
            yield item

    def pb_concat(self, *parts: Any) -> str:
        """``a ~ b``, refusing a result past :data:`MAX_VALUE` (the doubling trick). With
        autoescape, like Jinja's own ``~``: a safe (``Markup``) part makes the result safe and the
        other parts escaped."""
        if self.autoescape and any(hasattr(p, "__html__") for p in parts):
            joined: str = markup_join(parts)
            return _check_size(joined)  # type: ignore[no-any-return]
        return _check_size("".join(str(p) for p in parts))  # type: ignore[no-any-return]

    # -- loading ---------------------------------------------------------------------------------
    def get_template(self, *args: Any, **kwargs: Any) -> jinja2.Template:
        try:
            return super().get_template(*args, **kwargs)
        except jinja2.TemplateSyntaxError as exc:
            if exc.filename and self.is_user_file(exc.filename):
                raise UserError(
                    [Diagnostic(self.display(exc.filename), exc.lineno or 1, 1, "", _plain_reason(exc) + ".")]
                ) from None
            raise

    def is_user_file(self, filename: str) -> bool:
        path = Path(filename).resolve()
        return any(path.is_relative_to(d) for d in self.user_dirs)

    def display(self, filename: str) -> str:
        path = Path(filename).resolve()
        for folder in self.user_dirs:
            if path.is_relative_to(folder):
                return path.relative_to(folder.parent).as_posix()
        return path.name


class _GuardedFilters(dict[str, Any]):
    """The filters of a :class:`Sandbox`: each one wrapped by :func:`_guard_filter`, also the ones
    added later (``env.filters.update(...)``)."""

    def __init__(self, filters: dict[str, Any]) -> None:
        super().__init__()
        self.update(filters)

    def __setitem__(self, name: str, func: Any) -> None:
        if callable(func) and not getattr(func, "_pb_guarded", False):
            func = _guard_filter(name, func)
            func._pb_guarded = True
        super().__setitem__(name, func)

    def update(self, *args: Any, **kwargs: Any) -> None:
        for name, func in dict(*args, **kwargs).items():
            self[name] = func


@contextlib.contextmanager
def _budget() -> Iterator[None]:
    """The time budget and address-space cap of one outermost render (includes share them)."""
    if _BUDGET.deadline is not None:
        yield
        return
    started = time.monotonic()
    _BUDGET.deadline = started + TEMPLATE_SECONDS
    _BUDGET.wall_limit = started + 10 * TEMPLATE_SECONDS
    _BUDGET.cpu_start = time.thread_time()
    restore = _cap_memory()
    try:
        yield
    finally:
        _BUDGET.deadline = None
        if restore is not None:
            restore()


def _cap_memory() -> Callable[[], None] | None:
    """Cap the address space at what the process uses now plus :data:`MEMORY_BUDGET` (Linux,
    main thread only); returns how to lift the cap, or None where that is not possible."""
    if resource is None or threading.current_thread() is not threading.main_thread():
        return None
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[0])
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        wanted = pages * os.sysconf("SC_PAGE_SIZE") + MEMORY_BUDGET
        if soft != resource.RLIM_INFINITY and soft <= wanted:
            return None
        if hard != resource.RLIM_INFINITY and wanted > hard:
            return None
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    except (OSError, ValueError, AttributeError):
        return None

    def lift() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))

    return lift


class BudgetedTemplate(jinja2.Template):
    """A template whose ``render`` runs within the budget and reports a project template's
    problems as a :class:`~generator.errors.UserError` at its file and line."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        environment = self.environment
        assert isinstance(environment, Sandbox)
        try:
            with _budget():
                context = self.new_context(dict(*args, **kwargs))
                try:
                    parts = self.root_render_func(context)
                    out: list[str] = []
                    size = 0
                    while chunk := list(itertools.islice(parts, 512)):  # joined in C, checked per chunk
                        size += sum(map(len, chunk))
                        if size > MAX_OUTPUT:
                            raise TemplateLimit(tr("the template writes a page longer than "
                                                   "{limit:,} characters", limit=MAX_OUTPUT))
                        out += chunk
                    return "".join(out)
                except Exception:
                    environment.handle_exception()
        except UserError:
            raise
        except Exception as exc:  # the rewritten traceback points into the template
            raise _as_user_error(exc, self) from None


_LIMITS: tuple[type[BaseException], ...] = (
    TemplateLimit, SecurityError, MemoryError, RecursionError, OverflowError,
)


def _as_user_error(exc: BaseException, template: jinja2.Template) -> BaseException:
    """The exception as a located UserError when a project template is to blame; else as is."""
    environment = template.environment
    assert isinstance(environment, Sandbox)
    where: tuple[str, int] | None = None
    user_frame = False
    for frame in traceback.extract_tb(exc.__traceback__):
        is_user = environment.is_user_file(frame.filename)
        if is_user or (frame.filename.endswith(".j2") and not user_frame):
            where = (frame.filename, frame.lineno or 1)
            user_frame = user_frame or is_user
    if not user_frame and not isinstance(exc, _LIMITS):
        return exc  # a bug in this package's own templates or helpers: keep the traceback
    if where is None:
        where = (template.filename or template.name or "template", 1)
    filename, line = where
    return UserError([Diagnostic(environment.display(filename), line, 1, "", _plain_reason(exc) + ".")])


def _plain_reason(exc: BaseException) -> str:
    if isinstance(exc, TemplateLimit | NotAText):
        return str(exc)
    if isinstance(exc, SecurityError):
        return tr("the template tries something templates may not do ({what}): a template may "
                  "only show the data it is given", what=str(exc).rstrip("."))
    if isinstance(exc, UndefinedError):
        return tr("the template uses something that does not exist here ({what})", what=exc.message)
    if isinstance(exc, jinja2.TemplateNotFound):
        return tr("the template includes {name}, which does not exist", name=repr(exc.name))
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return tr("the template has a syntax error: {what}", what=str(exc.message).rstrip("."))
    if isinstance(exc, MemoryError):
        return tr("the template tried to use too much memory and was stopped")
    if isinstance(exc, RecursionError):
        return tr("the template calls itself without end (an include or macro that never stops)")
    if isinstance(exc, OverflowError):
        if "range" in str(exc).lower():
            return tr("the template asks for a range of more than 100,000 numbers")
        return tr("the template computes a number that is too large")
    return tr("the template failed: {error}: {what}", error=type(exc).__name__, what=exc)


#: Largest template file a project may bring.
MAX_TEMPLATE_BYTES = 1_000_000


class ProjectLoader(jinja2.BaseLoader):
    """A project's own templates: plain files under one folder, UTF-8, not too large, never
    through a symbolic link (a link could show any file of the machine on the site)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses ".." with TemplateNotFound
        path = self.folder.joinpath(*pieces)
        display = "/".join([self.folder.name, *pieces])
        if self.folder.is_symlink():  # templates -> . would let {% include '.git/config' %} in
            raise UserError([Diagnostic(self.folder.name, 1, 1, "", tr(
                "the templates folder is a symbolic link; links are not followed: move the real "
                "folder here."))])
        current = self.folder
        for piece in pieces:
            current = current / piece
            if current.is_symlink():
                raise UserError([Diagnostic(display, 1, 1, "", tr(
                    "this template is a symbolic link; links are not followed: copy the real file here."))])
        if not path.is_file():
            raise jinja2.TemplateNotFound(template)
        try:
            with path.open("rb") as handle:
                raw = handle.read(MAX_TEMPLATE_BYTES + 1)
            mtime = path.stat().st_mtime
        except OSError as exc:
            raise UserError([Diagnostic(display, 1, 1, "", tr("cannot read the template: {reason}.",
                                                              reason=exc.strerror or exc))]) from None
        if len(raw) > MAX_TEMPLATE_BYTES:
            raise UserError([Diagnostic(display, 1, 1, "", tr("the template is over the limit of {limit:,} bytes.",
                                                              limit=MAX_TEMPLATE_BYTES))])
        body = raw.removeprefix(b"\xef\xbb\xbf")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = body[: exc.start].count(b"\n") + 1
            # in characters, as every other column (the line before the byte is UTF-8 text)
            start = body.rfind(b"\n", 0, exc.start) + 1
            col = len(body[start: exc.start].decode("utf-8", "replace")) + 1
            raise UserError([Diagnostic(display, line, col, "", tr(
                "the template is not saved as UTF-8: save it as UTF-8."))]) from None

        def uptodate() -> bool:
            try:
                return path.stat().st_mtime == mtime
            except OSError:
                return False

        return text, str(path), uptodate

    def list_templates(self) -> list[str]:
        found: list[str] = []
        for current, dirnames, filenames in os.walk(self.folder, followlinks=False):
            base = Path(current)
            dirnames[:] = [d for d in dirnames if not (base / d).is_symlink()]
            for name in filenames:
                if not (base / name).is_symlink():
                    found.append((base / name).relative_to(self.folder).as_posix())
        return sorted(found)


class _SharedCompiled(jinja2.BytecodeCache):
    """Compiled templates shared by every environment of this process with the same options, so a
    second templates folder (another project, a test) does not compile the built-in templates
    again. Code objects are immutable; each environment runs them with itself as ``environment``.
    """

    def __init__(self) -> None:
        self._store: dict[tuple[str, str], Any] = {}

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None, source: str) -> Any:
        bucket = super().get_bucket(environment, name, filename, source)
        bucket.key = f"{_fingerprint(environment)}:{bucket.key}"
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Any) -> None:
        bucket.code = self._store.get((bucket.key, bucket.checksum))

    def dump_bytecode(self, bucket: Any) -> None:
        if len(self._store) > 512:
            self._store.clear()
        self._store[(bucket.key, bucket.checksum)] = bucket.code


def _fingerprint(env: jinja2.Environment) -> str:
    options = (
        type(env).__name__, env.code_generator_class.__name__, env.block_start_string,
        env.variable_start_string, env.comment_start_string, env.line_statement_prefix,
        env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline, env.newline_sequence,
        repr(env.autoescape), tuple(sorted(env.extensions)), tuple(sorted(env.filters)),
        tuple(sorted(env.tests)),
    )
    return hashlib.sha1(repr(options).encode("utf-8")).hexdigest()[:16]


_COMPILED = _SharedCompiled()


class OverridableLoader(jinja2.BaseLoader):
    """The project's template of a name if it has one, else the package's. A package template
    stays in use only while the project has no file of that name: under ``auto_reload`` an
    override added while ``playbook serve`` runs (its ``templates/`` folder too) is used from the
    next rebuild on, as an edited or deleted one is."""

    def __init__(self, project: ProjectLoader, package: jinja2.BaseLoader) -> None:
        self.project = project
        self.package = package

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
        try:
            return self.project.get_source(environment, template)
        except jinja2.TemplateNotFound:
            pass
        source, filename, uptodate = self.package.get_source(environment, template)
        override = self.project.folder.joinpath(*split_template_path(template))

        def still_used() -> bool:
            return not os.path.lexists(override) and (uptodate is None or uptodate())

        return source, filename, still_used

    def list_templates(self) -> list[str]:
        return sorted(set(self.project.list_templates()) | set(self.package.list_templates()))


#: The package's own templates, which a project's templates/ folder may override by name.
PACKAGE_TEMPLATES = Path(__file__).parent / "templates"


def project_sandbox(templates_dir: Path | None, **options: Any) -> Sandbox:
    """A :class:`Sandbox` that looks in the project's ``templates/`` first (its files are the
    user's: errors there are reported at their file and line), then in the package's. The folder
    need not exist yet (``playbook serve`` keeps the environment while it is made)."""
    loader: jinja2.BaseLoader = jinja2.PackageLoader("generator", "templates")
    user_dirs: tuple[Path, ...] = ()
    if templates_dir is not None:
        loader, user_dirs = OverridableLoader(ProjectLoader(templates_dir), loader), (templates_dir,)
    return Sandbox(
        user_dirs,
        loader=loader,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        **options,
    )


@lru_cache(maxsize=8)
def environment(templates_dir: Path | None) -> jinja2.Environment:
    """One environment per templates folder, kept between builds so templates compile once;
    ``auto_reload`` re-reads a template whose file changed (``playbook serve``), at the cost of
    one ``stat`` per use."""
    env = project_sandbox(
        templates_dir,
        autoescape=False,
        keep_trailing_newline=True,
        auto_reload=True,
        bytecode_cache=_COMPILED,
    )
    env.filters.update(
        plain=plain, inline=inline_markdown, attr=attr, mermaid=mermaid_label
    )
    return env
