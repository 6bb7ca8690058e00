"""Glossary terms in page text: hover tooltips, and the synonyms the search index learns.

Each term is found by its names in the page's language (the term and its synonyms). A Polish
name matches its inflected forms (``lead`` also matches "leadów", ``kwota sprzedażowa`` also
"kwoty sprzedażowej", ``lejek sprzedażowy`` also "lejka sprzedażowego") by stem, an English one
its plural, an acronym (``MQL``) only in capitals, optionally with a Polish ending after a hyphen
("MQL-e").

A match stays within one sentence and one element. The words of a name are separated by spaces
only (with at most one line break, which a reader sees as a space): a comma, a full stop, a dash
or a tag between them ends the match, and text is matched one run between tags at a time. An
adjective in ``-owy`` keeps its ``ow`` (``marketingowa`` matches "marketingowej", never the noun
"marketing"), so "Po kampanii marketing i sprzedaż..." is not the term "kampania marketingowa".
Nothing is matched inside a character reference (``&quot;``).
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
from .words import MOBILE_E

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
    #: The tooltip's language when it is not the page's (a summary with no translation).
    tooltip_lang: str | None = None


def _acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and word.isalnum()


#: Between the words of a name: spaces (``&nbsp;`` too) with at most one line break in them.
_SPACE = r"(?:[^\S\n]|&nbsp;|&#160;)"
BETWEEN = rf"(?:{_SPACE}+\n?{_SPACE}*|\n{_SPACE}*)"
#: Endings in ``ow`` that are a noun's (``leadów``, ``klientowi``); other ``ow...`` endings are
#: an adjective's or a gerund's (``marketingowa``, ``planowanie``), whose ``ow`` a match keeps.
_NOUN_OW = frozenset({"ow", "owi"})


def _polish_word(word: str) -> str:
    """A Polish word and its inflected forms (see the module's doc)."""
    folded = fold(word.lower())
    for old, new in MOBILE_E:  # handlowiec: handlowca, handlowcy...; lejek: lejka, lejkiem...
        if folded.endswith(old) and len(folded) - len(old) >= MIN_STEM:
            base = word[: len(word) - len(old)] + new
            return f"(?i:{re.escape(word)}|{re.escape(base)}\\w{{1,4}})"
    core = stem(word)
    ending = folded[len(core):]
    if ending.startswith("ow") and ending not in _NOUN_OW:
        return f"(?i:{re.escape(word[: len(core) + 2])})" + r"\w{0,6}"
    return f"(?i:{re.escape(core)})" + r"\w{0,4}"


def name_pattern(name: str, lang: str) -> str:
    """A regular expression for ``name`` and its inflected forms in ``lang``."""
    parts: list[str] = []
    for word in name.split():
        if _acronym(word):
            parts.append(re.escape(word) + r"(?:s|-\w{1,4})?")  # MQLs, MQL-e
        elif lang == "pl":
            parts.append(_polish_word(word))
        else:
            parts.append(f"(?i:{re.escape(word)})" + r"(?:s|es)?")
    return BETWEEN.join(parts)


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


def _variants() -> dict[str, str]:
    """Each folded lower-case letter and the Latin letters that fold to it (``z``: ``zźżŹŻ...``)."""
    found: dict[str, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = fold(char).lower()
        if char.isalpha() and base != char.lower() and len(base) == 1:
            found[base] = found.get(base, base) + char
    return found


_VARIANTS = _variants()


def _letter(char: str) -> str:
    """A regular expression for a folded letter and its accented forms (any case, see the flag)."""
    variants = _VARIANTS.get(char)
    return f"[{re.escape(variants)}]" if variants else re.escape(char)


def _any_of(keys: Iterable[str]) -> str:
    """A regular expression for any of ``keys`` (folded, lower case) as the text may write them,
    accented or not, as a tree of their letters (``re`` tries each alternative in turn; shared
    first letters are tried once)."""
    tree: dict[str, list[str]] = {}
    whole = False
    for key in keys:
        if key:
            tree.setdefault(key[0], []).append(key[1:])
        else:
            whole = True
    branches = [_letter(first) + _any_of(rest) for first, rest in sorted(tree.items())]
    if not branches:
        return ""
    if len(branches) == 1 and not whole:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if whole else "")


class Glossary:
    """Every term of one language, ready to be found in page text.

    Looking a page's words up by their first letters, then trying only the few names that start
    that way, keeps this linear in the page's length (one combined regular expression of every
    name was a hundred times slower on a site of thousands of pages). The words worth a look are
    found by one regular expression (the first letters of every name, accented or not, as a tree),
    so Python sees only those, not every word of the page.
    """

    def __init__(self, terms: Iterable[GlossaryTerm], lang: str) -> None:
        self.lang = lang
        self.terms = {t.id: t for t in terms}
        # A tooltip in another language says which: Material shows the title in a tooltip of its
        # own, outside the mark (so no lang of the mark reaches it), to which assets/glossary.js
        # gives this language.
        self._tooltips = {
            t.id: f'title="{htmllib.escape(t.tooltip, quote=True)}"'
            + (f' data-pb-tooltip-lang="{t.tooltip_lang}"' if t.tooltip_lang else "")
            for t in self.terms.values()
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
        # a word's start (not inside a character reference: &quot;) with a name's first letters
        self._starts = re.compile(r"(?<![\w&])(?<!&#)(?=" + _any_of(self._names) + ")", re.IGNORECASE)
        #: The first letters of the words looked at, folded (a page repeats the same few).
        self._heads: dict[str, str] = {}

    @classmethod
    def of(cls, catalogue: Catalogue, lang: str) -> Glossary:
        terms: list[GlossaryTerm] = []
        for entry in catalogue.of_kind("term"):
            d = entry.definition
            assert isinstance(d, Term)
            title = localize(d.title, lang).text
            found = localize(d.summary, lang)
            summary = _MARKDOWN.sub(lambda m: m.group(1) or "", found.text)
            tooltip = " ".join(f"{title}: {summary}".split())
            terms.append(GlossaryTerm(
                entry.id, title, tuple(d.names(lang)), tuple(d.all_names()), tooltip,
                page_path(entry.kind, entry.id), found.fallback,
            ))
        return cls(terms, lang)

    def matches(self, text: str) -> Iterator[tuple[int, int, str]]:
        """``(start, end, term id)`` of every term in ``text``, longest name first, no overlaps."""
        return iter(self._find(text))

    def _find(self, text: str) -> list[tuple[int, int, str]]:
        if not self._names:
            return []
        found: list[tuple[int, int, str]] = []
        after = 0
        heads = self._heads
        for start in self._starts.finditer(text):
            at = start.start()
            if at < after:
                continue
            written = text[at:at + _KEY]
            head = heads.get(written)
            if head is None:
                head = heads[written] = fold(written.lower())
            for size in self._key_lengths:
                match = None
                for name in self._names.get(head[:size], ()):
                    match = name.pattern.match(text, at)
                    if match:
                        found.append((at, match.end(), name.term))
                        after = match.end()
                        break
                if match:
                    break
        return found

    def annotate(self, page_html: str) -> tuple[str, set[str]]:
        """The page with each term wrapped in ``<abbr title>`` (not inside links, code, headings
        or form controls), and the ids of every term the page mentions (those places too)."""
        found: set[str] = set()

        def wrap(text: str) -> str:
            hits = self._find(text)
            if not hits:
                return text
            out: list[str] = []
            last = 0
            for start, end, term in hits:
                found.add(term)
                out.append(text[last:start])
                out.append(
                    f'<abbr class="pb-term" data-pb-term="{term}" {self._tooltips[term]}>'
                    f"{text[start:end]}</abbr>"
                )
                last = end
            out.append(text[last:])
            return "".join(out)

        def note(text: str) -> None:
            found.update(term for _, _, term in self._find(htmllib.unescape(text)))

        return map_text(page_html, wrap, SKIP, skipped=note), found

    def mentioned(self, page_html: str) -> set[str]:
        """Ids of the terms a page mentions anywhere in its text (headings and links too)."""
        found: set[str] = set()

        def note(text: str) -> str:
            found.update(term for _, _, term in self._find(htmllib.unescape(text)))
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
