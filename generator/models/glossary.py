"""A glossary term: a sales or marketing word defined once, in both languages.

Terms are definitions like any other (one YAML file each, under ``playbooks/glossary/``), so they
get a page, a place in the glossary, ``playbook check`` and ``playbook new term``. The site uses
them twice more: as hover tooltips where a term appears on a page, and as search synonyms
(a search for "MQL" also finds pages that say "lead kwalifikowany marketingowo").
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from .base import LANGUAGES, Definition, Line, Model, Slug, Text, alphabetical, localize, ref


class Synonyms(Model):
    """Other names of the term, per language, e.g. ``pl: [lead kwalifikowany marketingowo]``."""

    pl: list[Line] = Field(default_factory=list, description="Other names used in Polish.")
    en: list[Line] = Field(default_factory=list, description="Other names used in English.")

    def of(self, lang: str) -> list[str]:
        return list(getattr(self, lang, []))


class Term(Definition):
    """A word from the glossary: ``title`` is the term, ``summary`` its short definition."""

    KIND: ClassVar[str] = "term"
    SECTION: ClassVar[str] = "glossary"

    kind: Literal["term"]
    definition: Text | None = Field(
        default=None, description="A longer explanation, with examples."
    )
    synonyms: Synonyms = Field(
        default_factory=Synonyms,
        description="Other names of the term per language; search treats them as the same word.",
    )
    see_also: list[Annotated[Slug, ref("term")]] = Field(
        default_factory=list, description="Ids of related terms."
    )

    def names(self, lang: str) -> list[str]:
        """The term and its synonyms in ``lang``, each once, the term first."""
        found: list[str] = []
        for name in [localize(self.title, lang).text, *self.synonyms.of(lang)]:
            if name and name not in found:
                found.append(name)
        return found

    def all_names(self) -> list[str]:
        """Every name in every language (search synonyms cross languages: "pipeline" in Polish)."""
        found: list[str] = []
        for lang in LANGUAGES:
            for name in self.names(lang):
                if name not in found:
                    found.append(name)
        return found

    @property
    def sort_keys(self) -> dict[str, tuple[str, str]]:
        """Alphabetical keys per language (templates sort the glossary with them)."""
        return {lang: alphabetical(localize(self.title, lang).text) for lang in LANGUAGES}
