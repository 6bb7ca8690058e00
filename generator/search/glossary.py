"""Glossary terms in page text: hover tooltips, and the synonyms the search index learns.

Each term is found by its names in the page's language (the term and its synonyms). A Polish
name matches its inflected forms (``lead`` also matches "leadów", ``kwota sprzedażowa`` also
"kwoty sprzedażowej") by stem, an English one its plural, an acronym (``MQL``) only in capitals,
optionally with a Polish ending after a hyphen ("MQL-e").
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..catalogue import Catalogue
from ..models.base import localize
from ..models.glossary import Term
from ..pages import page_path
from .html import ALWAYS_SKIP, map_text
from .polish import MIN_STEM, fold, stem

#: Where a term is not marked: it is already a link, code, a heading or a form control.
SKIP = ALWAYS_SKIP | {
    "a", "abbr", "code", "pre", "kbd", "samp", "h1", "h2", "h3", "h4", "h5", "h6", "button",
    "select", "option", "label", "dt",
}
_MARKDOWN = re.compile(r"\[([^\]]*)\]\([^)]*\)|[*_`]+")


@dataclass(frozen=True)
class GlossaryTerm:
    """One term as a page in one language sees it."""

    id: str
    title: str
    names: tuple[str, ...]
    #: Names in every language: what a search for any of them should also find.
    synonyms: tuple[str, ...]
    tooltip: str
    path: str


def _acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and word.isalnum()


def name_pattern(name: str, lang: str) -> str:
    """A regular expression for ``name`` and its inflected forms in ``lang``."""
    parts: list[str] = []
    for word in name.split():
        if _acronym(word):
            parts.append(re.escape(word) + r"(?:s|-\w{1,4})?")  # MQLs, MQL-e
        elif lang == "pl":
            core = stem(word)
            if len(fold(core)) < MIN_STEM:
                core = word.lower()
            parts.append(f"(?i:{re.escape(core)})" + r"\w{0,5}")
        else:
            parts.append(f"(?i:{re.escape(word)})" + r"(?:s|es)?")
    return r"\s+".join(parts)


@dataclass(frozen=True)
class _Name:
    """One name of a term, matched from the start of a word."""

    pattern: re.Pattern[str]
    term: str
    length: int


def _key(word: str, lang: str) -> str:
    """What a word of the page must start with (folded, lower case) to be worth a closer look."""
    if not _acronym(word) and lang == "pl":
        core = stem(word)
        word = core if len(fold(core)) >= MIN_STEM else word
    return fold(word[:_KEY].lower())


_KEY = 3
_WORD = re.compile(r"\w+")


class Glossary:
    """Every term of one language, ready to be found in page text.

    Looking a page's words up by their first letters, then trying only the few names that start
    that way, keeps this linear in the page's length (one combined regular expression of every
    name was a hundred times slower on a site of thousands of pages).
    """

    def __init__(self, terms: Iterable[GlossaryTerm], lang: str) -> None:
        self.lang = lang
        self.terms = {t.id: t for t in terms}
        self._titles = {
            t.id: htmllib.escape(t.tooltip, quote=True) for t in self.terms.values()
        }
        self._names: dict[str, list[_Name]] = {}
        for term in self.terms.values():
            for name in term.names:
                if not name.split():
                    continue
                pattern = re.compile(name_pattern(name, lang) + r"(?!\w)")
                key = _key(name.split()[0], lang)
                self._names.setdefault(key, []).append(_Name(pattern, term.id, len(name)))
        for names in self._names.values():
            names.sort(key=lambda n: -n.length)
        self._key_lengths = sorted({len(k) for k in self._names}, reverse=True)

    @classmethod
    def of(cls, catalogue: Catalogue, lang: str) -> Glossary:
        terms: list[GlossaryTerm] = []
        for entry in catalogue.of_kind("term"):
            d = entry.definition
            assert isinstance(d, Term)
            title = localize(d.title, lang).text
            summary = _MARKDOWN.sub(lambda m: m.group(1) or "", localize(d.summary, lang).text)
            tooltip = " ".join(f"{title}: {summary}".split())
            terms.append(GlossaryTerm(
                entry.id, title, tuple(d.names(lang)), tuple(d.all_names()), tooltip,
                page_path(entry.kind, entry.id),
            ))
        return cls(terms, lang)

    def matches(self, text: str) -> Iterator[tuple[int, int, str]]:
        """``(start, end, term id)`` of every term in ``text``, longest name first, no overlaps."""
        if not self._names:
            return
        after = 0
        for word in _WORD.finditer(text):
            if word.start() < after:
                continue
            head = fold(word.group(0)[:_KEY].lower())
            for size in self._key_lengths:
                found = None
                for name in self._names.get(head[:size], ()):
                    found = name.pattern.match(text, word.start())
                    if found:
                        yield found.start(), found.end(), name.term
                        after = found.end()
                        break
                if found:
                    break

    def annotate(self, page_html: str) -> tuple[str, set[str]]:
        """The page with each term wrapped in ``<abbr title>`` (not inside links, code, headings
        or form controls), and the ids of every term the page mentions (those places too)."""
        found: set[str] = set()

        def wrap(text: str) -> str:
            out: list[str] = []
            last = 0
            for start, end, term in self.matches(text):
                found.add(term)
                out.append(text[last:start])
                out.append(
                    f'<abbr class="pb-term" data-pb-term="{term}" title="{self._titles[term]}">'
                    f"{text[start:end]}</abbr>"
                )
                last = end
            if not out:
                return text
            out.append(text[last:])
            return "".join(out)

        def note(text: str) -> None:
            found.update(term for _, _, term in self.matches(htmllib.unescape(text)))

        return map_text(page_html, wrap, SKIP, skipped=note), found

    def mentioned(self, page_html: str) -> set[str]:
        """Ids of the terms a page mentions anywhere in its text (headings and links too)."""
        found: set[str] = set()

        def note(text: str) -> str:
            found.update(term for _, _, term in self.matches(htmllib.unescape(text)))
            return text

        map_text(page_html, note)
        return found

    def name_groups(self, ids: Iterable[str]) -> tuple[str, ...]:
        """Every name of each given term, one string per term (names joined by " · ")."""
        return tuple(" · ".join(self.terms[ident].synonyms) for ident in sorted(ids))

    def synonyms(self, ids: Iterable[str]) -> list[str]:
        """Every name of the given terms, for the search index."""
        out: list[str] = []
        for ident in sorted(ids):
            for name in self.terms[ident].synonyms:
                if name not in out:
                    out.append(name)
        return out
