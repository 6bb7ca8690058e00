"""The print HTML of one checklist, or of a role's pack of checklists, ready for WeasyPrint.

A pure function of the catalogue and a few choices (language, who it is for, the start date, when
it is made): the same input gives the same HTML, so the site build can cache the PDF by the hash
of this HTML. Nothing here imports WeasyPrint, which is slow to import: the site build plans its
PDFs in the main process and renders them in worker processes.

Templates live in ``generator/templates/print/``; a project may override any of them with a file
of the same name in its own ``templates/print/``. They run in Jinja's sandbox with autoescaping:
the YAML's text is escaped, and its inline Markdown is rendered and then cleaned by nh3.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2
import markdown
import nh3
from markupsafe import Markup

from ..catalogue import Catalogue, Entry
from ..errors import UserError
from ..labels import label
from ..messages import suggest
from ..models.base import Translations, localize
from ..models.checklist import Checklist, parse_due
from ..render import project_sandbox
from ..sanitize import is_address, with_addresses
from ..tr import tr
from .dates import NO_DAYS_OFF, DaysOff, days_off_between, due_date, first_day, format_date
from .words import word

#: Characters of the YAML text's SHA-256 used as the checklist's version. The site page uses the
#: same prefix for its localStorage key, so ticks made on one version are not shown on another.
VERSION_LENGTH = 8

_INLINE_TAGS = {
    "a", "abbr", "b", "br", "code", "del", "em", "i", "kbd", "li", "mark", "ol", "p", "s",
    "small", "strong", "sub", "sup", "u", "ul",
}
_SINGLE_P = re.compile(r"^<p>(.*)</p>$", re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


@dataclass(frozen=True)
class Personal:
    """Who a printed copy is for; every field is optional (blank lines are printed instead)."""

    name: str | None = None
    manager: str | None = None
    start: dt.date | None = None


@dataclass(frozen=True)
class Stamp:
    """The day a copy is printed, shown in its footer. The site's blank PDFs have none: they
    are printed some other day, and a date would make every build remake them."""

    date: dt.date


@dataclass(frozen=True)
class PrintItem:
    number: str
    html: Markup
    owner: str
    offset: str  # "tydzień 2"; empty when the item has no due offset
    date: str  # the computed date with --start, else empty
    processes: tuple[str, ...]
    # The language of a text shown in another language (no translation), else None: the
    # templates put it on the text's element (lang_attr), as the site does.
    lang: str | None = None
    owner_lang: str | None = None
    process_langs: tuple[str | None, ...] = ()


@dataclass(frozen=True)
class PrintSection:
    number: int
    title: str
    items: tuple[PrintItem, ...]
    title_lang: str | None = None


@dataclass(frozen=True)
class PrintChecklist:
    id: str
    anchor: str
    title: str
    summary: Markup
    role: str
    team: str | None
    days: str
    rule: str
    version: str
    review_by: str
    footer: str
    sections: tuple[PrintSection, ...]
    weekend_note: str | None  # the start date is not a working day: from when they count
    days_off_note: str | None = None  # the holidays and company days off the dates skip
    title_lang: str | None = None
    summary_lang: str | None = None
    role_lang: str | None = None
    team_lang: str | None = None

    @property
    def item_count(self) -> int:
        return sum(len(s.items) for s in self.sections)


@dataclass(frozen=True)
class PrintDocument:
    lang: str
    title: str
    checklists: tuple[PrintChecklist, ...]
    pack_role: str | None  # a role's pack (its name, or its id): a cover page and contents come first
    name: str | None
    manager: str | None
    start: str | None
    stamp: str  # "wydrukowano 2027-01-02", or empty
    title_lang: str | None = None  # of a checklist's title shown as the document's (not a pack's)
    pack_role_lang: str | None = None  # of the role's name when it is shown in the other language
    # The PDF's metadata: who answers for the text (the checklists' owners), what it is about (a
    # single checklist's summary), the day a copy was printed (YYYY-MM-DD; none for a blank one).
    authors: tuple[str, ...] = ()
    description: str = ""
    created: str | None = None

    @property
    def title_html(self) -> Markup:
        """The title as the page shows it: a pack's role name in its ``lang`` when that is the
        other language's (the PDF's Title, plain text, cannot say so)."""
        if self.pack_role is None or not self.pack_role_lang:
            return in_lang(self.title, self.title_lang)
        return Markup("{} {} {}").format(word(self.lang, "pack"), word(self.lang, "for_role"),
                                          in_lang(self.pack_role, self.pack_role_lang))

    @property
    def running_name(self) -> str | None:
        """The name in the running header (top right, one line beside the title): cut with an
        ellipsis past :data:`RUNNING_NAME` characters. A name of 120 characters (``--name`` takes
        200) ran off the page's left edge and over the title; the page's own "new hire" field
        shows it whole."""
        if self.name is None or len(self.name) <= RUNNING_NAME:
            return self.name
        return self.name[:RUNNING_NAME - 1].rstrip(" -,.") + "…"


#: Most characters of the new hire's name in the running header: about half of the line.
RUNNING_NAME = 50


def version_of(entry: Entry) -> str:
    """The checklist's version: the start of its YAML text's SHA-256 (``Source.version``)."""
    return entry.source.version[:VERSION_LENGTH]


def checklists(catalogue: Catalogue) -> list[Entry]:
    return catalogue.of_kind("checklist")


def find_checklist(catalogue: Catalogue, ident: str) -> Entry:
    """The checklist ``ident``, or a one-line error naming the closest ids."""
    entry = catalogue.get(ident)
    if entry is not None and entry.kind == "checklist":
        return entry
    ids = [e.id for e in checklists(catalogue)]
    if entry is not None:
        return _fail(tr("{id} is a {kind}, not a checklist.", id=repr(ident), kind=entry.kind), ids)
    hint = suggest(ident, ids)
    if hint:
        raise UserError(tr("There is no checklist with the id {id}.", id=repr(ident)) + hint)
    return _fail(tr("There is no checklist with the id {id}.", id=repr(ident)), ids)


def _fail(message: str, ids: Sequence[str]) -> Entry:
    listed = (tr(" The checklists are: {ids}.", ids=", ".join(ids)) if ids
              else tr(" The project has no checklists."))
    raise UserError(message + listed)


def roles(catalogue: Catalogue) -> list[str]:
    return sorted({_checklist(e).role for e in checklists(catalogue)})


def checklists_for_role(catalogue: Catalogue, role: str) -> list[Entry]:
    """Every checklist for ``role`` (by id), or a one-line error listing the roles."""
    found = [e for e in checklists(catalogue) if _checklist(e).role == role]
    if found:
        return found
    known = roles(catalogue)
    hint = suggest(role, known)
    listed = (tr(" The roles are: {roles}.", roles=", ".join(known)) if known
              else tr(" The project has no checklists."))
    raise UserError(tr("No checklist is for the role {role}.", role=repr(role)) + hint + listed)


def item_count(entry: Entry) -> int:
    return sum(len(section.items) for section in _checklist(entry).sections)


def _checklist(entry: Entry) -> Checklist:
    definition = entry.definition
    assert isinstance(definition, Checklist)
    return definition


# -- building the view ------------------------------------------------------------------------


def inline_html(text: str) -> Markup:
    """The author's Markdown as clean HTML; only absolute links survive (paper has no site)."""
    rendered = markdown.markdown(text, output_format="html").strip()
    single = _SINGLE_P.match(rendered)
    if single and "<p>" not in single.group(1):
        rendered = single.group(1)
    cleaned = nh3.clean(
        rendered,
        tags=_INLINE_TAGS,
        attributes={"a": {"href"}, "abbr": {"title"}},
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
        attribute_filter=_absolute_links_only,
    )
    return Markup(with_addresses(cleaned, "pb-href"))  # safe: cleaned by nh3 just above


def _absolute_links_only(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href" and not is_address(value):
        return None
    return value


def offset_text(due: str, lang: str) -> str:
    """``week 2`` in the content language: ``tydzień 2``."""
    offset = parse_due(due)
    return f"{word(lang, 'due_' + offset.unit)} {offset.count}"


class Builder:
    """Turns checklist entries into the view the print templates render."""

    def __init__(self, catalogue: Catalogue, lang: str, personal: Personal, stamp: Stamp | None,
                 off: DaysOff = NO_DAYS_OFF) -> None:
        self.catalogue = catalogue
        self.lang = lang
        self.personal = personal
        self.stamp = stamp
        self.off = off

    def text(self, value: str | Translations | None) -> str:
        return localize(value, self.lang).text

    def lang_of(self, value: str | Translations | None) -> str | None:
        """The language ``value`` is shown in when it has no translation into the document's."""
        return localize(value, self.lang).fallback

    def title_of(self, ident: str) -> str:
        entry = self.catalogue.get(ident)
        return self.text(entry.definition.title) if entry is not None else ident

    def title_lang_of(self, ident: str) -> str | None:
        entry = self.catalogue.get(ident)
        return self.lang_of(entry.definition.title) if entry is not None else None

    def stamp_text(self) -> str:
        if self.stamp is None:
            return ""
        return f"{word(self.lang, 'printed')} {self.stamp.date.isoformat()}"

    def checklist(self, entry: Entry) -> PrintChecklist:
        d = _checklist(entry)
        lang, start, off = self.lang, self.personal.start, self.off
        sections = []
        last = None
        for s_index, section in enumerate(d.sections, start=1):
            items = []
            for i_index, item in enumerate(section.items, start=1):
                offset = parse_due(item.due) if item.due else None
                when = due_date(start, offset, d.days, off) if (offset and start) else None
                if when is not None and (last is None or when > last):
                    last = when
                items.append(
                    PrintItem(
                        number=f"{s_index}.{i_index}",
                        html=inline_html(self.text(item.text)),
                        owner=self.text(item.owner) if item.owner else "",
                        offset=offset_text(item.due, lang) if item.due else "",
                        date=format_date(when, lang) if when else "",
                        processes=tuple(self.title_of(p) for p in item.processes),
                        lang=self.lang_of(item.text),
                        owner_lang=self.lang_of(item.owner) if item.owner else None,
                        process_langs=tuple(self.title_lang_of(p) for p in item.processes),
                    )
                )
            sections.append(PrintSection(s_index, self.text(section.title), tuple(items),
                                         self.lang_of(section.title)))
        version = version_of(entry)
        weekend_note = days_off_note = None
        if start is not None and (first := first_day(start, d.days, off)) != start:
            name = off.name(start, lang) if start.weekday() < 5 else None
            weekend_note = word(lang, "weekend_start" if name is None else "day_off_start").format(
                start=format_date(start, lang), first=format_date(first, lang),
                name=name or word(lang, "company_day_off"),
            )
        if start is not None and last is not None and d.days == "working":
            skipped = days_off_between(first_day(start, d.days, off), last, off)
            if skipped:
                days_off_note = word(lang, "days_off_in_period").format(days=", ".join(
                    f"{format_date(day, lang)} ({off.name(day, lang) or word(lang, 'company_day_off')})"
                    for day in skipped))
        review_by = d.review_by.isoformat()
        footer = f"{entry.id} · {word(lang, 'version')} {version} ({word(lang, 'review_by')} {review_by})"
        if self.stamp is not None:
            footer += f" · {self.stamp_text()}"
        return PrintChecklist(
            id=entry.id,
            anchor=f"checklist-{entry.id}",
            title=self.text(d.title),
            summary=inline_html(self.text(d.summary)),
            role=self.text(d.role_title) if d.role_title else d.role,
            team=self.title_of(d.team) if d.team else None,
            days=label(lang, d.days),
            rule=self.rule(d.days),
            version=version,
            review_by=review_by,
            footer=footer,
            sections=tuple(sections),
            weekend_note=weekend_note,
            days_off_note=days_off_note,
            title_lang=self.lang_of(d.title),
            summary_lang=self.lang_of(d.summary),
            role_lang=self.lang_of(d.role_title) if d.role_title else None,
            team_lang=self.title_lang_of(d.team) if d.team else None,
        )

    def rule(self, days: str) -> str:
        """How the due dates count, naming the days off a working-day count skips."""
        if days != "working":
            return word(self.lang, f"rule_{days}")
        which = ("both" if self.off.dates else "country") if self.off.country else (
            "company" if self.off.dates else "none")
        return word(self.lang, "rule_working").format(
            which=word(self.lang, f"which_{which}").format(country=self.off.country))

    def document(self, entries: Sequence[Entry], pack_role: str | None = None) -> PrintDocument:
        lang, start = self.lang, self.personal.start
        views = tuple(self.checklist(e) for e in entries)
        pack_role_lang = None
        if pack_role is not None:
            # The role's name when its checklists agree on one (never one picked at random).
            named = {self.text(_checklist(e).role_title) for e in entries if _checklist(e).role_title}
            if len(named) == 1 and all(_checklist(e).role_title for e in entries):
                pack_role = named.pop()
                langs = {self.lang_of(_checklist(e).role_title) for e in entries}
                pack_role_lang = langs.pop() if len(langs) == 1 else None
            title = f"{word(lang, 'pack')} {word(lang, 'for_role')} {pack_role}"
            title_lang = None
            description = ""
        else:
            title, title_lang = views[0].title, views[0].title_lang
            description = " ".join(views[0].summary.striptags().split())
        owners = (self.text(_checklist(e).owner) for e in entries)
        return PrintDocument(
            lang=lang,
            title=title,
            checklists=views,
            pack_role=pack_role,
            name=self.personal.name,
            manager=self.personal.manager,
            start=format_date(start, lang) if start else None,
            stamp=self.stamp_text(),
            title_lang=title_lang,
            pack_role_lang=pack_role_lang,
            authors=tuple(dict.fromkeys(o for o in owners if o)),
            description=description,
            created=self.stamp.date.isoformat() if self.stamp is not None else None,
        )


# -- rendering ---------------------------------------------------------------------------------


def css_string(text: str) -> Markup:
    """Text as a quoted CSS string for ``content:`` inside ``<style>`` (no ``</style>`` escape)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
    escaped = _CONTROL.sub(" ", escaped)
    return Markup(f'"{escaped}"')  # safe: quoted and escaped for CSS just above


def lang_attr(lang: str | None) -> Markup:
    """`` lang="pl"`` for the element of a text shown in another language, else nothing."""
    if not lang:
        return Markup("")
    return Markup(' lang="{}"').format(lang)


_BLOCK = re.compile(r"<(?:p|ul|ol)[\s>]")


def in_lang(text: str, lang: str | None) -> Markup:
    """``text`` (escaped, unless it is HTML already) in a ``<span lang>`` when ``lang`` is set
    (a ``<div lang>`` around paragraphs or lists)."""
    if not lang:
        return Markup("{}").format(text)
    tag = "div" if isinstance(text, Markup) and _BLOCK.search(text) else "span"
    return Markup('<{0} lang="{1}">{2}</{0}>').format(Markup(tag), lang, text)


def page_counter(lang: str) -> Markup:
    """``"Strona " counter(page) " z " counter(pages)`` for the bottom margin box."""
    before, rest = word(lang, "page_of").split("{page}")
    middle, after = rest.split("{pages}")
    parts = [css_string(before) if before else "", "counter(page)",
             css_string(middle) if middle else "", "counter(pages)", css_string(after) if after else ""]
    return Markup(" ".join(p for p in parts if p))  # safe: built from css_string


@lru_cache(maxsize=8)
def environment(templates_dir: Path | None) -> jinja2.Environment:
    # The same sandbox as the site's pages: time and size limits, no symlinks, and an error in a
    # project's own template reported at its file and line.
    env = project_sandbox(templates_dir, autoescape=True, auto_reload=False)
    env.filters["css_string"] = css_string
    env.filters["lang_attr"] = lang_attr
    env.filters["in_lang"] = in_lang
    return env


def render_html(document: PrintDocument, templates_dir: Path | None = None) -> str:
    lang = document.lang
    words: Callable[[str], str] = lambda key: word(lang, key)  # noqa: E731
    labels: Callable[[str], str] = lambda key: label(lang, key)  # noqa: E731
    return _render("print/document.html.j2", templates_dir,
                   doc=document, W=words, L=labels, page_counter=page_counter(lang))


def print_stylesheet(templates_dir: Path | None = None) -> str:
    """The base style of every printed page, ``print/checklist.css`` (the project's own if it has
    one), given to WeasyPrint beside the HTML so that it is parsed once, not once per PDF."""
    return _render("print/checklist.css", templates_dir)


def _render(name: str, templates_dir: Path | None, **context: object) -> str:
    try:
        return environment(templates_dir).get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as exc:  # a project's own print template
        raise UserError(f"{exc.filename or exc.name}:{exc.lineno}: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise UserError(tr("A print template failed: {error}. Check the files in the project's "
                           "templates/print/.", error=exc)) from None


def checklist_html(
    catalogue: Catalogue,
    entries: Sequence[Entry],
    lang: str,
    *,
    personal: Personal | None = None,
    stamp: Stamp | None,
    pack_role: str | None = None,
    templates_dir: Path | None = None,
    off: DaysOff = NO_DAYS_OFF,
) -> str:
    """The print HTML of one checklist, or with ``pack_role`` of a pack with a cover page;
    ``off``: the days off a working-day count skips (``holidays`` and ``days_off`` in
    ``mkdocs.yml``)."""
    builder = Builder(catalogue, lang, personal or Personal(), stamp, off)
    return render_html(builder.document(entries, pack_role), templates_dir)


def html_digest(html: str) -> str:
    return hashlib.sha256(html.encode("utf-8")).hexdigest()
