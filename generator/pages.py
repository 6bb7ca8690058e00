"""Plan the generated pages: a pure function from a catalogue to Markdown pages.

Nothing here writes files or knows about MkDocs: the plugin adds these pages to a build in
memory, and ``playbook render`` writes the same pages to a folder for any other engine.
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .catalogue import Catalogue, Entry
from .labels import label
from .models import KINDS, Definition
from .models.base import Translations, alphabetical, localize
from .render import (
    attr,
    attr_words,
    environment,
    fallback_marker,
    inline_markdown,
    localized,
    mermaid_text,
    number,
    plain,
    unit_space,
    with_unit,
)
from .sla.page import sla_form

COMPARISON_PATH = "comparison.md"
_FAST_DUMPER: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True)
class Page:
    """A generated Markdown page at ``path`` (relative to the docs folder)."""

    path: str
    markdown: str
    title: str
    kind: str
    source: str | None = None  # the YAML file it comes from, as shown to users
    ident: str | None = None
    #: The language of ``title`` when it is not the page's (a title with no translation).
    title_lang: str | None = None


def page_path(kind: str, ident: str) -> str:
    return f"{KINDS[kind].SECTION}/{ident}.md"


def index_path(kind: str) -> str:
    return f"{KINDS[kind].SECTION}/index.md"


def relative(target: str, start_dir: str) -> str:
    """``posixpath.relpath`` for the docs folder's own clean relative paths, without asking the
    operating system for the current folder (thousands of links per build)."""
    to = target.split("/")
    at = start_dir.split("/") if start_dir not in ("", ".") else []
    common = 0
    while common < len(at) and common < len(to) - 1 and at[common] == to[common]:
        common += 1
    return "/".join([".."] * (len(at) - common) + to[common:])


#: Characters outside Unicode's first plane, which libyaml's emitter writes as escapes.
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class Planner:
    """Renders every page of one language from one catalogue."""

    def __init__(self, catalogue: Catalogue, lang: str, templates_dir: Path | None = None,
                 today: dt.date | None = None, pdf_links: bool = False) -> None:
        self.catalogue = catalogue
        self.lang = lang
        self.env = environment(templates_dir)
        self.today = today or dt.date.today()
        #: Link each checklist page to its blank PDF (only a site build that makes them).
        self.pdf_links = pdf_links
        self._link_text: dict[str, str] = {}

    # -- what templates may call ------------------------------------------------------------
    def t(self, text: str | Translations | None) -> str:
        return localized(text, self.lang)

    def title_of(self, entry: Entry) -> str:
        return localize(entry.definition.title, self.lang).text

    def link_from(self, here: str) -> Callable[[str], str]:
        start = posixpath.dirname(here)

        def link(ident: str) -> str:
            entry = self.catalogue.get(ident)
            if entry is None:  # references are checked before planning
                return plain(ident)
            text = self._link_text.get(ident)
            if text is None:  # a title in another language keeps its lang (no badge in a link)
                text = self._link_text[ident] = localized(
                    entry.definition.title, self.lang, mark=False, inline=True, literal=True)
            return f"[{text}]({relative(page_path(entry.kind, ident), start)})"

        return link

    def rel(self, here: str, target: str) -> str:
        return relative(target, posixpath.dirname(here))

    # -- pages ---------------------------------------------------------------------------------
    def plan(self) -> list[Page]:
        pages: list[Page] = []
        for kind in KINDS:
            entries = self.catalogue.of_kind(kind)
            for entry in entries:
                pages.append(self.definition_page(entry))
            pages.append(self.index_page(kind, entries))
        pages.append(self.comparison_page())
        return pages

    def _render(self, template: str, here: str, **context: Any) -> str:
        lang = self.lang
        return self.env.get_template(template).render(
            lang=lang,
            L=lambda key: label(lang, key),
            t=self.t,
            inline=lambda text: inline_markdown(localized(text, lang, inline=True)),
            text=lambda text: plain(localize(text, lang).text),
            # The words of a text as written, for a fenced block Markdown leaves alone (a diagram).
            words=lambda text: localize(text, lang).text,
            # The badge of a text shown in another language (after a title or an owner).
            badge=lambda text: fallback_marker(lang, localize(text, lang).fallback),
            marked=lambda text: localized(text, lang, inline=True, literal=True),  # text() + badge(), with lang
            # text() with its lang when it is another language's, no badge (a heading, a label)
            lang_text=lambda text: localized(text, lang, mark=False, inline=True, literal=True),
            # Inside an HTML attribute of a table row (an aria-label): its words, escaped, no '|'.
            attr_text=lambda text: attr_words(localize(text, lang).text),
            # A diagram's label (Mermaid), with its lang when it is another language's.
            mermaid_text=lambda text: mermaid_text(text, lang),
            num=lambda value: number(value, lang),
            unit_space=lambda unit: unit_space(unit, lang),  # "40%", "400 MQL" (a no-break space)
            # a number and its unit in the form the number needs: "2 transakcje", "14 transakcji"
            with_unit=lambda value, unit: with_unit(value, unit, lang),
            team_of=lambda entry: getattr(entry.definition, "team", None),
            link=self.link_from(here),
            rel=lambda target: self.rel(here, target),
            page_path=page_path,
            catalogue=self.catalogue,
            today=self.today,
            pdf_links=self.pdf_links,
            sla_form=lambda d: sla_form(d, lang),
            **context,
        )

    def front_matter(self, title: str, description: str, tags: list[str], **extra: Any) -> str:
        meta: dict[str, Any] = {"title": attr(title), "description": attr(description)}
        if tags:
            meta["tags"] = [attr(tag) for tag in tags]
        meta.update(extra)
        # libyaml's emitter is ten times faster than PyYAML's and writes the same text, except
        # that it escapes emoji and other characters beyond the first Unicode plane.
        dumper = yaml.SafeDumper if _ASTRAL.search(repr(meta)) else _FAST_DUMPER
        return "---\n" + yaml.dump(meta, Dumper=dumper, allow_unicode=True, sort_keys=False) + "---\n\n"

    def definition_page(self, entry: Entry) -> Page:
        d: Definition = entry.definition
        here = page_path(entry.kind, entry.id)
        title = self.title_of(entry)
        team = getattr(d, "team", None)
        body = self._render(
            f"{entry.kind}.md.j2",
            here,
            d=d,
            entry=entry,
            overdue=d.review_by < self.today,
            referrers=lambda kind=None: self.referring(entry.id, kind),
        )
        head = self.front_matter(
            title,
            localize(d.summary, self.lang).text,
            d.tags_in(self.lang),
            playbook={"kind": entry.kind, "id": entry.id, "team": team, "source": entry.source.display},
        )
        return Page(here, head + body, title, entry.kind, entry.source.display, entry.id,
                    localize(d.title, self.lang).fallback)

    def referring(self, ident: str, kind: str | None = None) -> list[Entry]:
        """What refers to ``ident`` (of one kind, or all), as a reader looks for it: by kind in
        the navigation's order, then by title in this language (by id, "Past customers won back"
        came after "Lead follow-up" but before "Marketing-qualified leads")."""
        order = {k: i for i, k in enumerate(KINDS)}
        return sorted(self.catalogue.referring(ident, kind), key=lambda e: (
            order.get(e.kind, len(order)), alphabetical(localize(e.definition.title, self.lang).text)))

    def alphabetical(self, entries: list[Entry]) -> list[Entry]:
        """Entries in the dictionary order of their titles in this language (not by id)."""
        return sorted(entries, key=lambda e: alphabetical(localize(e.definition.title, self.lang).text))

    @functools.cached_property
    def _template_names(self) -> frozenset[str]:
        """The templates there are (the package's and the project's): listed once, not per page."""
        return frozenset(self.env.list_templates())

    def index_page(self, kind: str, entries: list[Entry]) -> Page:
        here = index_path(kind)
        entries = self.alphabetical(entries)
        title = label(self.lang, KINDS[kind].SECTION)
        # A kind may bring its own list page, named after its section (``glossary.md.j2``).
        own = f"{KINDS[kind].SECTION}.md.j2"
        template = own if own in self._template_names else "index.md.j2"
        body = self._render(template, here, kind=kind, entries=entries, title=title)
        head = self.front_matter(title, title, [], playbook={"kind": "index", "of": kind})
        return Page(here, head + body, title, "index")

    def comparison_page(self) -> Page:
        here = COMPARISON_PATH
        title = label(self.lang, "comparison")
        teams = self.catalogue.of_kind("team")
        # Each team's processes, goals and strategies, grouped here in one pass; filtering every
        # definition for every team in the template took seconds at 5,000 definitions.
        of_team: dict[str, dict[str, list[Entry]]] = {
            team.id: {kind: [] for kind in ("process", "goal", "strategy")} for team in teams
        }
        for kind in ("process", "goal", "strategy"):
            for entry in self.alphabetical(self.catalogue.of_kind(kind)):
                owner = getattr(entry.definition, "team", None)
                if owner in of_team:
                    of_team[owner][kind].append(entry)
        body = self._render("comparison.md.j2", here, teams=teams, title=title, of_team=of_team)
        head = self.front_matter(title, label(self.lang, "comparison_intro"), [],
                                 playbook={"kind": "comparison"})
        return Page(here, head + body, title, "comparison")


def plan(catalogue: Catalogue, lang: str, templates_dir: Path | None = None,
         today: dt.date | None = None, pdf_links: bool = False) -> list[Page]:
    """Every generated page of one language."""
    return Planner(catalogue, lang, templates_dir, today, pdf_links).plan()
