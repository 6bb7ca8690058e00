"""When two words, or two names, are the same for search.

Two questions, two answers:

- :func:`name_key`: is what the reader typed *exactly* a page's title or a glossary name, give or
  take inflection, case and diacritics? ``name_key("kwoty sprzedażowej", "pl")`` and
  ``name_key("Kwota sprzedażowa", "pl")`` are both ``"kwot sprzedaz"``. The index copy of a page
  carries the keys of its title and (a term's page) of its names as an exact-match Pagefind
  filter; the search box computes the same key for the query (``assets/search.js``, which gets
  :data:`MOBILE_E` from :mod:`.ui`), and lists those pages first. Pagefind alone cannot tell "the
  page called Lead" from the many that say "leada" or "leadów": it matches word beginnings.
- :func:`family`: which words of a metadata field are forms of one word (``lead``, ``leada``,
  ``leadów``, ``leads``)? Pagefind scores a metadata field by the sum over the *different* words
  that match, times the square of the share of the query they cover, a share that each further
  form pushes past 1: a field listing three forms of ``lead`` scored 27 times one saying it once.
  The fields that rank therefore keep one form of each word (:func:`one_per_family`), and the stem
  of a word with a fleeting e ("lejk" beside "lejek"), which no query matches with the word itself.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from .polish import MIN_STEM, SUFFIXES, fold, stem

#: Polish nouns whose last vowel drops when they inflect ("fleeting e"): ``handlowiec`` ->
#: ``handlowca``, ``lejek`` -> ``lejka``, the genitive plural ``źródeł`` of ``źródło``. In a key the nominative is written like the other forms'
#: stem (``handlowc``, ``lejk``), so "handlowca" is the name "Handlowiec". Pairs of folded endings.
MOBILE_E: tuple[tuple[str, str], ...] = (("iec", "c"), ("ek", "k"), ("eł", "l"))
#: Polish words whose other forms have another stem altogether, folded: ``dzień`` -> ``dnia``,
#: ``dni``; ``tydzień`` -> ``tygodnia``. The whole word, and the key of its other forms.
IRREGULAR: tuple[tuple[str, str], ...] = (("dzien", "dni"), ("tydzien", "tygodn"))

_WORDS = re.compile(r"[^\W_]+")
#: The English plural a key leaves out (``sales reps`` = ``sales rep``); shorter words are kept.
_PLURAL = re.compile(r"(?:es|s)$")


def words(text: str) -> list[str]:
    """The words of ``text``, lower case (letters and digits; like ``words`` in search.js)."""
    return _WORDS.findall(unicodedata.normalize("NFC", text).lower())


def singular(word: str) -> str:
    """``word`` without an English plural ending (words of four letters or more)."""
    return _PLURAL.sub("", word) if len(word) > 3 else word


def word_key(word: str, lang: str) -> str:
    """One word of a key: folded, lower case, without its ending (Polish) or plural (English)."""
    word = unicodedata.normalize("NFC", word).lower()
    if lang != "pl":
        return fold(singular(word))
    folded = fold(word)
    for whole, key in IRREGULAR:
        if folded == whole:
            return key
    for old, new in MOBILE_E:  # as written: "powiedzieć" does not end in "iec"
        if word.endswith(old) and len(folded) - len(old) >= MIN_STEM:
            return folded[: len(folded) - len(old)] + new
    return fold(stem(word))


def name_key(text: str, lang: str) -> str:
    """What a title, a glossary name or a query is, for an exact match (see the module's doc)."""
    return " ".join(word_key(w, lang) for w in words(text))


def fleeting_stem(word: str) -> str | None:
    """The stem the other forms of a noun with a fleeting e begin with, folded (``lejek`` ->
    ``lejk``: "lejka", "lejku"; ``handlowiec`` -> ``handlowc``); None for other words. A query
    cut to ``lejk`` does not find the word "lejek": a ranking field names both (see
    :func:`one_per_family`)."""
    lower = unicodedata.normalize("NFC", word).lower()
    folded = fold(lower)
    for old, new in MOBILE_E:
        if lower.endswith(old) and len(folded) - len(old) >= MIN_STEM:
            return folded[: len(folded) - len(old)] + new
    return None


@functools.lru_cache(maxsize=65536)
def stem_key(word: str) -> str:
    """The stem all the forms of a Polish word share, folded: ``marki``, ``markę`` -> ``mark``;
    ``rynek``, ``rynku`` -> ``rynk``; ``dzień``, ``dnia`` -> ``dni``; ``klienci`` -> ``klient``
    (its :func:`word_key`, ``wordKey`` in search.js). Used for the stem words of :mod:`.index`."""
    return word_key(word, "pl")


def family(word: str) -> str:
    """The word that ``word`` is a form of, in either language (``leadów``, ``Leads`` -> ``lead``)."""
    return fold(stem(singular(unicodedata.normalize("NFC", word).lower())))


@functools.lru_cache(maxsize=4096)
def _families(text: str) -> tuple[tuple[str, str], ...]:
    """``(family, word)`` of each word of ``text``; the same glossary names come on every page."""
    return tuple((family(word), word) for word in words(text))


#: A family this long or longer takes in the families that are it and a Polish ending
#: (``sprzedaż`` takes ``sprzedażowo``): a query cut to ``sprzedaż`` matches both. Shorter ones
#: would take in unrelated words (``cel``, ``celny``); nor does a word take in another that only
#: begins with it (``hand``, ``handoff``): a query ``handoff`` would not match the field at all.
MERGE = 4


def one_per_family(texts: Iterable[str]) -> list[str]:
    """Every word of ``texts``, one form of each word: the shortest (Pagefind matches word
    beginnings, and the stem a query is cut to begins every form), the first of equals; a family
    that is another and a Polish ending (see :data:`MERGE`) is that one; then the stems of the words with a
    fleeting e (:func:`fleeting_stem`)."""
    chosen: dict[str, str] = {}
    for text in texts:
        for key, word in _families(text):
            known = chosen.get(key)
            if known is None or len(word) < len(known):
                chosen[key] = word
    within = ""
    for key in sorted(chosen):  # a family comes right before those that begin with it
        if len(within) >= MERGE and key.startswith(within) and key[len(within):] in SUFFIXES:
            del chosen[key]
        else:
            within = key
    found = list(chosen.values())
    # "lejek" and the stem of "lejka": a query matches one or the other, never both
    fleeting = (fleeting_stem(word) for word in found)
    return found + [s for s in dict.fromkeys(fleeting) if s and s not in found]
