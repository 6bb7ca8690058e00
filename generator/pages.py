"""Plan the generated pages: a pure function from a catalogue to Markdown pages.

Nothing here writes files or knows about MkDocs: the plugin adds these pages to a build in
memory, and ``playbook render`` writes the same pages to a folder for any other engine.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .catalogue import Catalogue, Entry
from .labels import label
from .models import KINDS, Definition
from .models.base import Translations, localize
from .render import attr, environment, inline_markdown, localized, number, plain

COMPARISON_PATH = "comparison.md"


@dataclass(frozen=True)
class Page:
    """A generated Markdown page at ``path`` (relative to the docs folder)."""

    path: str
    markdown: str
    title: str
    kind: str
    source: str | None = None  # the YAML file it comes from, as shown to users
    ident: str | None = None


def page_path(kind: str, ident: str) -> str:
    return f"{KINDS[kind].SECTION}/{ident}.md"


def index_path(kind: str) -> str:
    return f"{KINDS[kind].SECTION}/index.md"


class Planner:
    """Renders every page of one language from one catalogue."""

    def __init__(self, catalogue: Catalogue, lang: str, templates_dir: Path | None = None,
                 today: dt.date | None = None) -> None:
        self.catalogue = catalogue
        self.lang = lang
        self.env = environment(templates_dir)
        self.today = today or dt.date.today()

    # -- what templates may call ------------------------------------------------------------
    def t(self, text: str | Translations | None) -> str:
        return localized(text, self.lang)

    def title_of(self, entry: Entry) -> str:
        return localize(entry.definition.title, self.lang).text

    def link_from(self, here: str) -> Callable[[str], str]:
        def link(ident: str) -> str:
            entry = self.catalogue.get(ident)
            if entry is None:  # references are checked before planning
                return plain(ident)
            target = posixpath.relpath(page_path(entry.kind, ident), posixpath.dirname(here) or ".")
            return f"[{plain(self.title_of(entry))}]({target})"

        return link

    def rel(self, here: str, target: str) -> str:
        return posixpath.relpath(target, posixpath.dirname(here) or ".")

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
            inline=lambda text: inline_markdown(localized(text, lang)),
            text=lambda text: plain(localize(text, lang).text),
            num=lambda value: number(value, lang),
            team_of=lambda entry: getattr(entry.definition, "team", None),
            link=self.link_from(here),
            rel=lambda target: self.rel(here, target),
            page_path=page_path,
            catalogue=self.catalogue,
            today=self.today,
            **context,
        )

    def front_matter(self, title: str, description: str, tags: list[str], **extra: Any) -> str:
        meta: dict[str, Any] = {"title": attr(title), "description": attr(description)}
        if tags:
            meta["tags"] = [attr(tag) for tag in tags]
        meta.update(extra)
        return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"

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
            referrers=lambda kind=None: self.catalogue.referring(entry.id, kind),
        )
        head = self.front_matter(
            title,
            localize(d.summary, self.lang).text,
            list(d.tags),
            playbook={"kind": entry.kind, "id": entry.id, "team": team, "source": entry.source.display},
        )
        return Page(here, head + body, title, entry.kind, entry.source.display, entry.id)

    def index_page(self, kind: str, entries: list[Entry]) -> Page:
        here = index_path(kind)
        title = label(self.lang, KINDS[kind].SECTION)
        body = self._render("index.md.j2", here, kind=kind, entries=entries, title=title)
        head = self.front_matter(title, title, [], playbook={"kind": "index", "of": kind})
        return Page(here, head + body, title, "index")

    def comparison_page(self) -> Page:
        here = COMPARISON_PATH
        title = label(self.lang, "comparison")
        teams = self.catalogue.of_kind("team")
        body = self._render("comparison.md.j2", here, teams=teams, title=title)
        head = self.front_matter(title, label(self.lang, "comparison_intro"), [],
                                 playbook={"kind": "comparison"})
        return Page(here, head + body, title, "comparison")


def plan(catalogue: Catalogue, lang: str, templates_dir: Path | None = None,
         today: dt.date | None = None) -> list[Page]:
    """Every generated page of one language."""
    return Planner(catalogue, lang, templates_dir, today).plan()
