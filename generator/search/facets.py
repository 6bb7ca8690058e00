"""What the search shows beside each hit and lets a reader filter by: kind, team and tags."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..catalogue import Catalogue, Entry
from ..labels import label
from ..models import KINDS
from ..models.base import localize

#: The kind shown for hand-written pages, section lists and the comparison.
PAGE_KIND = {"pl": "Strona", "en": "Page"}


@dataclass(frozen=True)
class Facets:
    """Labels in the site's language, e.g. ``Facets("Proces", ("Sprzedaż",), ("leads",))``."""

    kind: str
    teams: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


def team_ids(entry: Entry) -> list[str]:
    """The teams a definition belongs to: its team, an SLA's two parties, a team itself."""
    d = entry.definition
    if entry.kind == "team":
        return [entry.id]
    team = getattr(d, "team", None)
    if isinstance(team, str):
        return [team]
    parties = getattr(d, "parties", None)
    if isinstance(parties, list | tuple):
        return [str(p) for p in parties]
    return []


def facets_of(entry: Entry, catalogue: Catalogue, lang: str) -> Facets:
    teams: list[str] = []
    for ident in team_ids(entry):
        team = catalogue.get(ident)
        if team is not None:
            teams.append(localize(team.definition.title, lang).text)
    return Facets(label(lang, entry.kind), tuple(teams), tuple(entry.definition.tags_in(lang)))


def facets_for_page(meta: Mapping[str, Any], catalogue: Catalogue, lang: str) -> Facets:
    """Facets from a page's front matter: generated pages carry ``playbook: {kind, id}``."""
    info = meta.get("playbook")
    if isinstance(info, Mapping) and info.get("kind") in KINDS:
        entry = catalogue.get(str(info.get("id")))
        if entry is not None:
            return facets_of(entry, catalogue, lang)
    tags = meta.get("tags")
    written = tuple(str(t) for t in tags) if isinstance(tags, list) and info is None else ()
    return Facets(PAGE_KIND.get(lang, PAGE_KIND["en"]), (), written)
