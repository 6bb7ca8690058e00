""""Did you mean": the site's own words, and the one nearest a mistyped query word.

Pagefind has no fuzzy matching: ``kampnia``, ``sprzdaż`` or ``qouta`` find nothing. So the index
run also writes the site's *vocabulary* (:data:`VOCABULARY`, one word a line, beside Pagefind's
bundle), and when a query finds nothing, or its best hit lacks one of its words, the search box
(``assets/search.js``) fetches that file once and offers the query with each unknown word replaced
by the nearest word of the site: "Czy chodziło o: kampania?".

What is in it: every word Pagefind reads on the site (the title, the glossary names and the other
searchable metadata, and the text), as written (lower case, with its Polish letters; an acronym in
capitals), most useful first: the words of titles, which are in the site's language (a page's
glossary names are in every language: "kampania" comes before "campaign" on the Polish site), then
the others, each group by the number of pages having the word. The text's words are worth their
bytes: they are what the search finds, so a query word that none of them begins with is one the
search does not know (the file has every word, or the :data:`MAX_WORDS` most used of a very large
site), and the inflected forms a title lacks ("kampanii") can be suggested.

How a word is matched (:func:`suggestion`; search.js does the same, a test checks they agree): a
query word is *known* when a word of the site begins with it as the search cuts it (Polish:
its stem), or it begins with a word of the site at most two letters shorter (``quotas`` and
"quota": Pagefind's English stemmer finds those). An unknown word is replaced by the word of the
site nearest to it by Damerau-Levenshtein distance (the optimal-string-alignment form: an
insertion, a deletion, a substitution or a swap of two neighbouring letters costs 1; ``qouta`` is
one swap from "quota"), both folded as the search folds them (``sprzdaz`` is one letter from
"sprzedaż"), within :func:`max_distance` of its length; equally near words go by the file's order.
"""

from __future__ import annotations

import functools
import html as htmllib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from .html import ANY_TAG, PAGEFIND_META, indexed_body, without_unread
from .polish import fold, stem
from .words import words as words_of

#: The file beside Pagefind's bundle (``pagefind/vocabulary.txt``), fetched by the search box.
VOCABULARY = "vocabulary.txt"
#: At most this many words (a very large site keeps its most used ones; ~10 bytes a word).
MAX_WORDS = 20_000
#: Words shorter than this are neither kept nor corrected (``sp``, ``z``; the search box leaves
#: them out of a longer query). Longer than :data:`MAX_LENGTH`: not words (an address, a hash).
MIN_LENGTH = 3
MAX_LENGTH = 30
#: How far a word may be from its suggestion: ``(length, distance)``, from that many letters on.
#: Three to five letters: one mistake; six or more: two (the rule of thumb of spelling checkers;
#: "leeds" -> "leads", "custmer" -> "customer", but "xqzvwk" is far from everything).
DISTANCES: tuple[tuple[int, int], ...] = ((3, 1), (6, 2))
#: A query word that begins with a word of the site at most this many letters shorter is known
#: (an ending the search's stemming finds: ``quotas``, ``qualified``).
ENDING = 2

_LETTERS = re.compile(r"[^\W\d_]+")
#: Searchable metadata fields that are not a page's words: the hidden words, and the ranking
#: copies of the names (the same words again).
_NOT_WORDS = ("exact", "stems", "rank_")


def _unfold_l(text: str) -> str:
    """``ł`` as written (the index copies write it ``ľ``, see :mod:`.index`)."""
    return text.replace("ľ", "ł").replace("Ľ", "Ł")


def max_distance(length: int) -> int:
    """How many mistakes a word of ``length`` letters may have and still get a suggestion."""
    allowed = 0
    for at_least, distance in DISTANCES:
        if length >= at_least:
            allowed = distance
    return allowed


def distance(a: str, b: str, limit: int) -> int:
    """The Damerau-Levenshtein distance of ``a`` and ``b`` (optimal string alignment), or
    ``limit + 1`` as soon as it is sure to be more than ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        before, previous, row = previous, row, [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            best = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, before[j - 2] + 1)
            row[j] = best
        if min(row) > limit:
            return limit + 1
    return min(row[len(b)], limit + 1)


def _written(word: str) -> str:
    """How the vocabulary writes a word of a page: lower case, an acronym in capitals."""
    return word if len(word) > 1 and word.isupper() else word.lower()


def _usable(word: str) -> bool:
    return MIN_LENGTH <= len(word) <= MAX_LENGTH and word.isalpha()


def element_marker(excluded: Sequence[str]) -> re.Pattern[str] | None:
    """What marks an element Pagefind does not read (``EXCLUDE`` of :mod:`.index`: a class ``.x``
    or an attribute ``[x]``) in its opening tag."""
    names = "|".join(re.escape(s[1:]) for s in excluded if s.startswith("."))
    # no \b nor look-behind in front: a pattern that begins with a plain string is searched fast
    parts = [rf'class="[^"]*(?<![\w-])(?:{names})(?![\w-])'] if names else []
    parts += [rf"{re.escape(s[1:-1])}(?=[\s=/>])" for s in excluded if s.startswith("[") and s.endswith("]")]
    return re.compile("|".join(parts)) if parts else None


_NAME = re.compile(r"<([a-zA-Z][\w-]*)")


def drop_elements(body: str, marked: re.Pattern[str] | None) -> str:
    """``body`` without the elements whose opening tag ``marked`` (see :func:`element_marker`) finds,
    each with what it holds."""
    if marked is None:
        return body
    out: list[str] = []
    pos = 0
    while (match := marked.search(body, pos)) is not None:
        start = body.rfind("<", pos, match.start())
        name = _NAME.match(body, start) if start >= 0 else None
        if name is None or ">" in body[start:match.start()]:
            out.append(body[pos:match.end()])
            pos = match.end()
            continue
        out.append(body[pos:start])
        pos = _element_end(body, name.group(1), match.end())
    out.append(body[pos:])
    return "".join(out)


def _element_end(html: str, name: str, start: int) -> int:
    """Where the ``name`` element opened before ``start`` ends (nested ones of its name counted)."""
    depth = 1
    for match in _tags(name).finditer(html, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end()
    return len(html)


@functools.lru_cache(maxsize=64)
def _tags(name: str) -> re.Pattern[str]:
    return re.compile(rf"<(/?){re.escape(name)}\b[^>]*>")


class Vocabulary:
    """The words of a site's index copies (see the module's doc); :meth:`add` each copy, then
    :meth:`words`."""

    def __init__(self, excluded: Sequence[str] = ()) -> None:
        self._excluded = element_marker(excluded)
        #: In how many pages' titles (``titles``) or other words (``others``: the text, glossary
        #: names, kind, team) each word is, as written there (``Kampania``, ``kampanii``, ``MQL``).
        self.titles: Counter[str] = Counter()
        self.others: Counter[str] = Counter()

    def add(self, copy: str) -> None:
        """One page's index copy (see :func:`.index.index_copy`)."""
        self.add_words(*self.page_words(copy))

    def add_words(self, titles: frozenset[str], others: frozenset[str]) -> None:
        """One page's words, as :meth:`page_words` found them (kept by ``playbook serve`` for the
        pages an edit did not change)."""
        self.titles.update(titles)
        self.others.update(others)

    def page_words(self, copy: str) -> tuple[frozenset[str], frozenset[str]]:
        """The words of one index copy's title, and its other words, as written."""
        body = indexed_body(copy)
        end = body.rfind("</article>")
        body = body[:end] if end >= 0 else body
        fields = [(field, htmllib.unescape(value)) for field, value in PAGEFIND_META.findall(body)
                  if not field.startswith(_NOT_WORDS)]
        title = " ".join(value for field, value in fields if field == "title")
        text = " ".join([htmllib.unescape(ANY_TAG.sub(" ", drop_elements(without_unread(body), self._excluded))),
                         *(value for field, value in fields if field != "title")])
        return (frozenset(_LETTERS.findall(_unfold_l(title))),
                frozenset(_LETTERS.findall(_unfold_l(text))))

    def words(self, limit: int = MAX_WORDS) -> list[str]:
        """The vocabulary, most useful first: the words of titles (in the site's language, where
        the glossary names are in every language), then the others, each by the number of pages
        having them (then alphabetically), each as most often written (lower case, an acronym in
        capitals)."""
        titles: Counter[str] = Counter()
        others: Counter[str] = Counter()
        forms: defaultdict[str, Counter[str]] = defaultdict(Counter)
        for seen, counts in ((self.titles, titles), (self.others, others)):
            for raw, pages in seen.items():
                if _usable(raw):
                    written = _written(raw)
                    key = fold(written.lower())
                    counts[key] += pages
                    forms[key][written] += pages
        order = sorted(titles, key=lambda k: (-titles[k], k))
        order += sorted(set(others) - set(titles), key=lambda k: (-others[k], k))
        return [forms[key].most_common(1)[0][0] for key in order[:limit]]

    def write(self, path: Path, limit: int = MAX_WORDS) -> int:
        """Write the vocabulary file (:data:`VOCABULARY`); its size in bytes."""
        data = "".join(f"{word}\n" for word in self.words(limit)).encode("utf-8")
        path.write_bytes(data)
        return len(data)


def read_vocabulary(text: str) -> list[str]:
    """The words of a vocabulary file (as search.js reads it)."""
    return [line for line in text.split("\n") if line]


def _cut(word: str, lang: str) -> str:
    """A query word as the search looks it up, folded (Polish: its stem; see search.js)."""
    return fold(stem(word) if lang == "pl" else word.lower())


def known(word: str, folded: Sequence[str], lang: str) -> bool:
    """Whether the search knows the query ``word`` (see the module's doc); ``folded``: the
    vocabulary, each word folded and in lower case."""
    cut = _cut(word, lang)
    plain = fold(word.lower())
    shortest = max(MIN_LENGTH, len(plain) - ENDING)
    return any(w.startswith(cut) or (len(w) >= shortest and plain.startswith(w)) for w in folded)


def nearest(word: str, vocabulary: Sequence[str], folded: Sequence[str]) -> str | None:
    """The word of ``vocabulary`` nearest to ``word`` within :func:`max_distance`, as written;
    the first of equals. ``folded``: the vocabulary folded (see :func:`known`)."""
    plain = fold(word.lower())
    limit = max_distance(len(plain))
    best: str | None = None
    for written, candidate in zip(vocabulary, folded, strict=True):
        found = distance(plain, candidate, limit)
        if found <= limit and candidate != plain:
            best, limit = written, found - 1
            if found <= 1:  # nothing nearer but the word itself
                break
    return best


def suggestion(query: str, vocabulary: Sequence[str], lang: str, min_word: int = MIN_LENGTH) -> str | None:
    """The query with each unknown word replaced by its nearest word of the site, or None when no
    word was replaced. Words shorter than ``min_word`` (``MIN_WORD`` of :mod:`.ui`) are left
    as they are when the query has a longer one, as the search leaves them out."""
    found = words_of(query)
    folded = [fold(w.lower()) for w in vocabulary]
    searched = [w for w in found if len(w) >= min_word] or found
    changed = False
    out: list[str] = []
    for word in found:
        better = None
        if word in searched and _usable(word) and not known(word, folded, lang):
            better = nearest(word, vocabulary, folded)
        changed = changed or better is not None
        out.append(better or word)
    return " ".join(out) if changed else None


def vocabulary_of(copies: Iterable[str], excluded: Sequence[str] = ()) -> list[str]:
    """The vocabulary of some index copies (for tests and the curious)."""
    vocabulary = Vocabulary(excluded)
    for copy in copies:
        vocabulary.add(copy)
    return vocabulary.words()
