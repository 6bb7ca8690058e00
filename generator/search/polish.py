"""A light Polish stemmer and diacritic folding, for search and for finding glossary terms.

Why our own, and why so small: the search engine (Pagefind) already folds most diacritics and has
a Polish stemmer, but measured on Pagefind 1.5.2 it misses ``ł`` (it has no decomposition, so
``kwartal`` did not find "kwartał" and ``zrodlo`` did not find "źródło") and many endings (``leadow``
did not find "lead", ``kampanii`` did not find "kampania"). Search matches word *prefixes*, so
the query only needs to lose its ending: ``umowy`` -> ``umow`` finds "umowa", "umowie", "umów".

The stemmer strips the longest known ending that leaves at least :data:`MIN_STEM` letters. The
same list runs in the browser (``assets/search.js`` receives :data:`SUFFIXES` from the page), so a
query is cut the same way everywhere. Known limits, by design of a suffix stripper: alternating
stems are not joined by the stemmer (``rynku`` is cut to ``rynk``, which does not begin "rynek";
the search finds such forms through the keys of :mod:`.words` and the stem words of :mod:`.index`;
``źródeł`` is not cut to "źródł": :data:`WRITTEN_ALTERNATIONS`), and short words (three letters or fewer) are left as they are. The commonest change, a consonant
softened before the ending ``-e`` (``kwota`` -> ``kwocie``), has a second stem
(:func:`alternative`), which the search box tries when the first finds nothing.
"""

from __future__ import annotations

import unicodedata

#: Endings, folded (no diacritics: ``ów`` is ``ow``), tried longest first.
SUFFIXES: tuple[str, ...] = tuple(sorted({
    # gerunds and verbs: planowanie, planowania, planować, realizuje (-anie/-enie keep their
    # "n": "kampanię" must not lose "anie")
    "owaniami", "owaniach", "owaniem", "owania", "owanie", "owaniu",
    "owac", "ywac", "iwac", "ujemy", "ujecie", "ujesz", "uje", "uja",
    "ac", "ic", "yc", "ec",
    # adjectives: marketingowy, marketingowych, kwalifikowanego, sprzedażowej
    "owego", "owemu", "owych", "owymi", "owym", "owej", "owa", "owe", "owy",
    "iego", "iemu", "ego", "emu", "ych", "ich", "ymi", "imi", "ym", "im", "ej",
    # nouns: kampaniami, leadów, umowie, klientom, celem, sprzedaży
    "iami", "iach", "iom", "ami", "ach", "om", "owi", "ow", "em", "iem",
    "ie", "ii", "ia", "iu", "io",
    "a", "e", "i", "o", "u", "y",
}, key=lambda s: (-len(s), s)))

#: Stems shorter than this are not cut further (``cele`` -> ``cel``, but ``sla`` stays).
MIN_STEM = 3

#: Consonant changes undone before stripping: ``klienci`` -> ``klient``.
REWRITES: tuple[tuple[str, str], ...] = (("nci", "nt"),)

#: A consonant that softens before the ending ``-e`` of the locative and dative (``kwota`` ->
#: ``o kwocie``, ``oferta`` -> ``ofercie``, ``metoda`` -> ``metodzie``, ``struktura`` ->
#: ``strukturze``, ``marka`` -> ``marce``, ``droga`` -> ``drodze``): the folded ending of such a
#: form, and what the stem of the other forms ends with instead. Not the stemmer's own rule (see
#: :data:`REWRITES`): many words end so by themselves ("życie", "prace", "morze"), whose stem must
#: stay; so the search box searches the other stem only when the first finds nothing. A stem of
#: three letters counts (``woda``, ``o wodzie``; ``data``, ``w dacie``), and ``st`` softens to
#: ``ść`` (``lista``, ``na liście``), ``ście`` being tried before ``cie``.
ALTERNATIONS: tuple[tuple[str, str], ...] = (
    ("dzie", "d"), ("scie", "st"), ("cie", "t"), ("rze", "r"), ("dze", "g"), ("ce", "k"),
)

#: Endings *as written* (not folded) of a form whose stem has a vowel the other forms lack, and
#: what their stem ends with instead: the genitive plural ``źródeł`` of ``źródło`` ("źródła"),
#: ``węzeł`` and "węzła". As written, because ``-el`` is no such ending ("model", "hotel"); but a
#: word typed without any Polish letter may be one written with them (``zrodel`` is "źródeł"),
#: so in such a word the ending counts folded too (``zrodel`` -> ``zrodl``, and ``model`` ->
#: ``modl``). Searched like :data:`ALTERNATIONS`, when the word's own stem finds nothing: "model"
#: on a site that has it is searched as typed.
WRITTEN_ALTERNATIONS: tuple[tuple[str, str], ...] = (("eł", "ł"),)

_EXTRA_FOLDS = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "s"}


def fold_char(ch: str) -> str:
    """One character without its diacritic (``ż`` -> ``z``, ``ł`` -> ``l``); always one character."""
    if ch in _EXTRA_FOLDS:
        return _EXTRA_FOLDS[ch]
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    return base[:1] or ch


class _FoldTable(dict[int, str]):
    """``str.translate`` table of :func:`fold_char`, filled in as characters are first seen:
    the glossary folds every word of every page, and this keeps that loop in C."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold_char(chr(code))
        return folded


_FOLDED = _FoldTable()


def fold(text: str) -> str:
    """Text without diacritics, character for character (same length as the NFC input)."""
    return unicodedata.normalize("NFC", text).translate(_FOLDED)


def stem(word: str) -> str:
    """The word without its Polish ending; keeps the word's own letters (and diacritics)."""
    word = unicodedata.normalize("NFC", word).lower()
    folded = fold(word)
    for old, new in REWRITES:
        if folded.endswith(old) and len(folded) - len(old) >= MIN_STEM:
            return word[: len(word) - len(old)] + new
    for suffix in SUFFIXES:
        if folded.endswith(suffix) and len(folded) - len(suffix) >= MIN_STEM:
            return word[: len(word) - len(suffix)]
    return word


def alternative(word: str) -> str | None:
    """The other stem of a word whose consonant softened before ``-e`` (:data:`ALTERNATIONS`):
    ``kwocie`` -> ``kwot``, ``marce`` -> ``mark``; or whose vowel the other forms lack
    (:data:`WRITTEN_ALTERNATIONS`): ``źródeł``, ``zrodel`` -> ``źródł``, ``zrodl``; None for other words. Keeps the word's letters
    (lower case), like :func:`stem`; as ``alternative`` in ``assets/search.js``."""
    word = unicodedata.normalize("NFC", word).lower()
    folded = fold(word)
    for ending, instead in WRITTEN_ALTERNATIONS:
        # typed without Polish letters ("zrodel"), the ending may be typed so too: "eł" as "el"
        if word == folded:
            ending, instead = fold(ending), fold(instead)
        if word.endswith(ending) and len(folded) - len(ending) + len(instead) >= MIN_STEM:
            return word[: len(word) - len(ending)] + instead
    for ending, instead in ALTERNATIONS:
        if folded.endswith(ending) and len(folded) - len(ending) + len(instead) >= MIN_STEM:
            return word[: len(word) - len(ending)] + instead
    return None
