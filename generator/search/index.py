"""The search index: a copy of each built page, prepared for Pagefind, then Pagefind itself.

The reader's page is never changed for search. Pagefind reads a *copy* of each page in which:

- the article is marked ``data-pagefind-body`` (menus, header and footer are not indexed);
- the kind, team(s) and tags become Pagefind filters and metadata;
- glossary names become searchable metadata, not text ("MQL" finds a page that only says "lead
  kwalifikowany marketingowo", and no excerpt shows a list of synonyms); see :func:`index_copy`;
- a definition's ``keywords`` (the words readers search it by that its text may not use) are
  ranked metadata, in every language;
- the key of the page's title, of a term's names and of the keywords is a hidden word of its
  metadata, so that a query that *is* a title, a name or a keyword lists that page first (see
  :mod:`.words` and :data:`EXACT`);
- on a Polish site, a word whose stem begins a longer word's stem is also a hidden word of its
  page's metadata, so that the search box can tell the pages having that word from those having
  only the longer one ("marka" from "marketing"; see :func:`add_stem_words`);
- every ``ł`` becomes ``ľ`` (and ``Ł`` ``Ľ``). Pagefind folds diacritics that Unicode decomposes
  (ż -> z, ó -> o), but ``ł`` has no decomposition, so ``kwartal`` would not find "kwartał".
  ``ľ`` decomposes to ``l`` plus a mark, so both spellings meet in the index; the search page
  turns ``ľ`` back into ``ł`` in titles and excerpts (a Polish text never has ``ľ``).

Beside the bundle, the run writes the site's words for "did you mean" (see :mod:`.suggest`).
"""

from __future__ import annotations

import hashlib
import html as htmllib
import itertools
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..tr import tr
from .facets import Facets
from .html import ANY_TAG, PAGEFIND_META, indexed_body, map_text, without_unread
from .polish import fold
from .suggest import VOCABULARY, Vocabulary, drop_elements, element_marker
from .words import name_key, one_per_family, stem_key
from .words import words as words_of

#: Parts of a page that are not its content: permalink signs, the meta line (owner, review date,
#: source file), diagram source, "translation missing" badges and notices, buttons.
EXCLUDE = (
    ".headerlink", ".pb-meta", ".mermaid", ".pb-fallback", ".pb-fallback-page",
    ".md-content__button", ".md-source-file", "[data-pagefind-ignore]",
)
_ARTICLE = re.compile(r'<article\b[^>]*\bclass="[^"]*\bmd-content__inner\b[^"]*"[^>]*>')
_ARTICLE_TAG = re.compile(r"<(/?)article\b[^>]*>")
_L_STROKE = str.maketrans({"ł": "ľ", "Ł": "Ľ"})


#: The metadata field of the exact-match words (:func:`exact_word`): the search box looks them up
#: with Pagefind's quoted search, which finds a whole word and reads only the index chunk holding
#: it. (A Pagefind filter would be exact too, but a search by filter alone reads every chunk of the
#: index: 1.4 MB at 5,000 pages.)
EXACT = "exact"
#: The metadata field of the stem words (:func:`stem_word`, :func:`add_stem_words`), looked up
#: the same way.
STEMS = "stems"
#: The attribute of an empty element of an index copy, on a site in another language than
#: Polish, that lists the page's Polish words (its Polish glossary names and keywords, its text
#: in Polish): their stems get stem words as on the Polish site (see :func:`polish_stems`), for
#: a Polish reader who types "markę" or "umowie" there. Pagefind reads no attribute.
POLISH = "data-pb-polish"
_POLISH_WORDS = re.compile(rf'<span {POLISH}="([^"]*)"></span>')
_POLISH_ELEMENT = re.compile(r'<([a-zA-Z][\w-]*)\b[^>]*\slang="pl"[^>]*>')
#: What a match in each metadata field adds to a hit's score (Pagefind's ranking ``metaWeights``,
#: passed by the search box, see :mod:`.ui`): a term's own page first for any of its names, then
#: the pages whose title names the term, then those that only mention it. The kind and team shown
#: with each hit count little (``sprzedaż`` should not lift every page of the Sales team alike).
#: The names rank through ``rank_*``, one form of each word (see :mod:`.words`); the fields with the
#: names as written (which the search box reads to quote the page where it names a term) count 0.
META_WEIGHTS: dict[str, float] = {
    "title": 5.0, "rank_names": 6.0, "rank_keywords": 4.0, "rank_about": 3.0, "rank_synonyms": 0.2,
    "kind": 0.2, "team": 0.2, "names": 0.0, "keywords": 0.0, "about": 0.0, "synonyms": 0.0,
    EXACT: 0.0, STEMS: 0.0,
}
#: How the metadata joins the names of one term, and the terms (``about``, ``synonyms``: one
#: string per term); the search box splits them again to find where a page names a term.
NAMES = " · "
TERMS = " ¦ "
#: Weight of the words of a section's index page (Pagefind's ``data-pagefind-weight``; 1 is text).
LISTING_WEIGHT = 0.3
#: Weight of the words in code (``<code>``: file names, ids, YAML keys and examples, commands):
#: they are the files and ids of the definitions, not what a page is about. "Jak edytować
#: treści" names the file ``lead-handoff.yaml``, and came before the process it names for
#: ``lead handoff``; it is still found by what only it has (``playbook check``).
CODE_WEIGHT = 0.1
_CODE = re.compile(r"<code(?=[\s>])")


#: The folder (in the index run's temporary folder) of the copies Pagefind reads, with their stem words.
STEMMED = "stemmed"


class SearchIndexError(Exception):
    """Pagefind could not build the index."""


def fold_l(text: str) -> str:
    return text.translate(_L_STROKE)


def _attr(text: str) -> str:
    return htmllib.escape(" ".join(text.split()), quote=True)


def _closing(html: str, start: int) -> int:
    """Where the ``<article>`` opened before ``start`` closes (nested articles counted)."""
    depth = 1
    for match in _ARTICLE_TAG.finditer(html, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.start()
    return len(html)


def index_copy(html: str, title: str, facets: Facets, synonyms: Sequence[str] = (),
               lang: str = "pl", *, names: Sequence[str] = (), about: Sequence[str] = (),
               listing: bool = False, aliases: Sequence[str] = (), title_lang: str = "",
               text_lang: str = "", keywords: Sequence[str] = (), polish: Sequence[str] = ()) -> str | None:
    """The page as Pagefind should read it (its article only), or None when it has no article.

    Glossary names are searchable metadata, never page text, so an excerpt is always the page's
    own words in its own language (a page found only by another name shows its beginning: title
    and summary). Four fields, ranked apart (:data:`META_WEIGHTS`): ``names``, a term page's own
    names in every language; ``keywords``, the words its author says readers search it by (the
    definition's ``keywords``, in every language, see :class:`..models.base.Keywords`); ``about``,
    the names of the terms its title names; ``synonyms``, those of the other terms it mentions
    (these two: one string per term, its names joined by " · ").
    Each comes twice: as written, for the search box, and as ``rank_*``, one form of each word,
    which is what ranks. A ``listing`` (a section's index) counts its words at
    :data:`LISTING_WEIGHT`: it repeats the summaries of the pages it lists, which should come first.
    The keys of the title, of its ``aliases`` (other ways to say the title: "Zespół sprzedaży")
    of the names and of the keywords are the :data:`EXACT` words (see :func:`exact_words`). ``title_lang`` and
    ``text_lang``: the language of the title, and of the whole text, when it is not ``lang``
    (search.js marks the result's title and excerpt with it, for a screen reader's voice).
    On a site in another language than Polish, the page's Polish words (the Polish glossary
    names and keywords given as ``polish``, and its text in Polish) are noted for its stem words
    (see :data:`POLISH`).
    """
    match = _ARTICLE.search(html)
    if match is None:
        return None
    end = _closing(html, match.end())
    opening = match.group(0)[:-1].rstrip("/")
    opening += f' data-pagefind-body data-pagefind-weight="{LISTING_WEIGHT}">' if listing else (
        " data-pagefind-body>")
    data = [f'<span data-pagefind-meta="title:{_attr(fold_l(title))}"></span>'] if title else []
    data += [f'<span data-pagefind-meta="{field}:{_attr(value)}"></span>'
             for field, value in (("title_lang", title_lang), ("text_lang", text_lang)) if value]
    data.append(f'<span data-pagefind-meta="kind:{_attr(facets.kind)}"></span>')
    data.append(f'<span data-pagefind-filter="kind:{_attr(facets.kind)}"></span>')
    if facets.teams:
        data.append(f'<span data-pagefind-meta="team:{_attr(" · ".join(facets.teams))}"></span>')
    data += [f'<span data-pagefind-filter="team:{_attr(t)}"></span>' for t in facets.teams]
    data += [f'<span data-pagefind-filter="tag:{_attr(t)}"></span>' for t in facets.tags]
    exact = exact_words(title, names, lang, (*aliases, *keywords))
    if lang != "pl":  # a term's Polish names by their Polish keys too: "klientów" is "Klient"
        exact += [w for w in exact_words("", [n for n in names if n in polish], "pl") if w not in exact]
    if exact:
        data.append(f'<span data-pagefind-meta="{EXACT}:{_attr(" ".join(exact))}"></span>')
    for field, words, joiner in (("names", names, NAMES), ("keywords", keywords, NAMES),
                                 ("about", about, TERMS), ("synonyms", synonyms, TERMS)):
        if words:
            value = _attr(fold_l(joiner.join(words)))
            data.append(f'<span data-pagefind-meta="{field}:{value}"></span>')
            ranked = _attr(fold_l(" ".join(one_per_family(words))))
            data.append(f'<span data-pagefind-meta="rank_{field}:{ranked}"></span>')
    inner = html[match.end():end]
    if lang != "pl":
        texts = [*polish, title if title_lang == "pl" else "",
                 *([ANY_TAG.sub(" ", inner)] if text_lang == "pl" else polish_texts(inner))]
        found = sorted({w for text in texts for w in words_of(htmllib.unescape(text)) if w.isalpha()})
        if found:
            data.append(f'<span {POLISH}="{_attr(" ".join(found))}"></span>')
    body = _CODE.sub(f'<code data-pagefind-weight="{CODE_WEIGHT}"', map_text(inner, fold_l))
    return (
        f'<!doctype html>\n<html lang="{lang}">\n<head><meta charset="utf-8"></head>\n<body>\n'
        f"{opening}{''.join(data)}{body}</article>\n</body>\n</html>\n"
    )


def exact_word(key: str, kind: str) -> str:
    """The word that stands for ``key`` (see :func:`.words.name_key`) in the index: a term's name
    (``kind`` ``n``) or a title (``t``). One word of letters and digits, which no text has:
    ``exact_word("kontakt sprzedaz", "n") == "qxkontakt0sprzedaz0n"`` (as search.js makes it)."""
    return "qx" + key.replace(" ", "0") + "0" + kind


#: A hyphen between two letters: "hand-off" is also written "handoff" (and "hand off").
_JOINED = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def spellings(text: str) -> list[str]:
    """``text``, and with the hyphens between letters left out when it has any: a reader types
    "lead handoff" for the name "Lead hand-off" (the key of "hand-off" is that of "hand off")."""
    joined = _JOINED.sub("", text)
    return [text, joined] if joined != text else [text]


def exact_words(title: str, names: Sequence[str], lang: str, aliases: Sequence[str] = ()) -> list[str]:
    """The :data:`EXACT` words of a page: of each of its names, then of its title and aliases
    (each also without its hyphens, see :func:`spellings`)."""
    found = [exact_word(k, "n") for n in names for k in (name_key(s, lang) for s in spellings(n)) if k]
    found += [exact_word(k, "t") for t in (title, *aliases)
              for k in (name_key(s, lang) for s in spellings(t)) if k]
    return list(dict.fromkeys(found))


def stem_word(key: str) -> str:
    """The word that stands in the index for "a word of this stem" (see :func:`.words.stem_key`):
    ``stem_word("mark") == "qxmark0f"`` (as search.js makes it); no text has it."""
    return exact_word(key, "f")


#: Stems shorter than this get no stem word: the search box never searches such a word alone
#: beside longer ones (see ``MIN_WORD`` in :mod:`.ui`), and most pages have "w", "z", "na".
#: Nor do numbers ("2027" begins "20270").
MIN_STEM_WORD = 3


#: Follows a stem key (see :func:`page_stems`) that a word of the page does not begin with.
IRREGULAR = "!"


def stems_of(found: Iterable[str]) -> set[str]:
    """The stem keys of some words (:func:`.words.stem_key`), and each key that one of them does
    not begin with ("rynek": ``rynk``) once more, followed by :data:`IRREGULAR` (``rynk!``)."""
    keys: set[str] = set()
    for word in set(found):
        key = stem_key(word)
        keys.add(key)
        if not fold(word).startswith(key):
            keys.add(key + IRREGULAR)
    return keys


#: What marks an element of :data:`EXCLUDE` in its opening tag.
_EXCLUDED = element_marker(EXCLUDE)


def page_stems(copy: str) -> set[str]:
    """The stem keys of the words Pagefind reads in an index copy: its text and its searchable
    metadata (not the hidden words); see :func:`stems_of`. Not the parts it does not read
    (:data:`EXCLUDE`): every page's meta line names its file, "playbooks/goals/goal-00084.yaml",
    and the stem word of "goal" (which begins "goals") on every page listed them all for "goal"."""
    body = indexed_body(copy)
    meta = " ".join(v for field, v in PAGEFIND_META.findall(body) if field not in {EXACT, STEMS})
    text = htmllib.unescape(ANY_TAG.sub(" ", drop_elements(without_unread(body), _EXCLUDED)) + " " + meta)
    return stems_of(words_of(text))


def polish_texts(html: str) -> list[str]:
    """The text of the elements of ``html`` marked as Polish (``lang="pl"``: a text with no
    translation yet), tags left out."""
    found: list[str] = []
    pos = 0
    while (match := _POLISH_ELEMENT.search(html, pos)) is not None:
        tags = re.compile(rf"<(/?){re.escape(match.group(1))}\b[^>]*>")
        depth, end = 1, len(html)
        for tag in tags.finditer(html, match.end()):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = tag.start()
                break
        found.append(ANY_TAG.sub(" ", html[match.end():end]))
        pos = max(end, match.end())
    return found


def polish_stems(copy: str) -> set[str]:
    """:func:`page_stems` of the Polish words an index copy lists (see :data:`POLISH`)."""
    found = _POLISH_WORDS.search(copy)
    return stems_of(htmllib.unescape(found.group(1)).split()) if found else set()


def add_stem_words(copies: Sequence[str]) -> list[str]:
    """The copies, each with the :data:`STEMS` words of its stems that begin another stem.

    Why: Pagefind matches the beginnings of words, and the search box cuts a Polish query to its
    stem (``marka`` -> ``mark``), so "marka" also finds every page saying "marketing" and "targi"
    every page saying "target"; the titles that say so rank high. A page having a word *of that
    stem* ("marki", "markę") has the stem word ``qxmark0f``, which the search box looks up
    (quoted: whole words only) to list those pages first. Only the stems that begin another one,
    anywhere on the site, need it: for the others every word Pagefind finds is of that stem.
    And the stems some word having them does not begin with: ``rynk`` ("rynek", "rynku"), ``dni``
    ("dzień", "dnia"), ``klient`` ("klienci"): a query of such a word finds, through the stem
    word, the pages having the forms its own stem does not begin.

    What an index run does to its copies (:func:`write_index`, :func:`run_pagefind`), on a
    Polish site; the same steps (:func:`_stems_of`), so the tests of this are tests of that.
    """
    stems, ambiguous = _stems_of(copies, Vocabulary(EXCLUDE), {}, "pl")
    return [with_stem_words(copy, own & ambiguous) for copy, own in zip(copies, stems, strict=True)]


def ambiguous_stems(stems: Iterable[set[str]]) -> set[str]:
    """The stems, of all the pages' ``stems`` (see :func:`page_stems`), that begin another one,
    or that a word having them does not begin with (see :func:`add_stem_words`)."""
    found = set().union(*stems)
    irregular = {k[:-len(IRREGULAR)] for k in found if k.endswith(IRREGULAR)}
    every = sorted(found - {k + IRREGULAR for k in irregular})
    # a stem that begins others comes right before them in sorted order
    return {a for a in irregular | {a for a, b in itertools.pairwise(every) if b.startswith(a)}
            if len(a) >= MIN_STEM_WORD and a.isalpha()}


def with_stem_words(copy: str, found: set[str]) -> str:
    """An index copy with the stem words of ``found`` (its own ambiguous stems) in its metadata."""
    end = copy.rfind("</article>")
    if not found or end < 0:
        return copy
    span = f'<span data-pagefind-meta="{STEMS}:{" ".join(stem_word(k) for k in sorted(found))}"></span>'
    return copy[:end] + span + copy[end:]


@dataclass(frozen=True)
class IndexStats:
    pages: int
    files: int
    bytes: int


def page_file(url: str) -> str:
    """The file a page address is served from: ``goals/x/`` -> ``goals/x/index.html``."""
    parts = [p for p in url.split("/") if p]
    if any(p in {".", ".."} for p in parts):
        raise SearchIndexError(tr("cannot index a page at {url!r}", url=url))
    if not parts or url.endswith("/"):
        parts.append("index.html")
    return "/".join(parts)


def write_index(pages: Sequence[tuple[str, str]], out_dir: Path, lang: str) -> IndexStats:
    """Run Pagefind over ``(url, html)`` pages; its bundle goes to ``out_dir`` (``pagefind/``).

    Why the command line and not Pagefind's Python API: the API reads each answer after a 0.1 s
    pause, so indexing 5,000 pages one call each would take minutes; the command line indexes the
    copies, written to a temporary folder, in parallel in a few seconds.
    """
    with tempfile.TemporaryDirectory(prefix="playbook-pagefind-") as tmp:
        root = Path(tmp)
        # the stem words from the copies in memory: each copy written once, with them
        vocabulary = Vocabulary(EXCLUDE)
        stems, ambiguous = _stems_of((html for _url, html in pages), vocabulary, {}, lang)
        for (url, html), own in zip(pages, stems, strict=True):
            target = root / STEMMED / page_file(url)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(with_stem_words(html, own & ambiguous), encoding="utf-8")
        run_pagefind(root, out_dir, lang, prepared=vocabulary)
    return bundle_stats(out_dir, len(pages))


#: What one index copy gives the stem words and the vocabulary, by a hash of the copy: its stem
#: keys, its title words, its other words. ``playbook serve`` re-indexes every page after each
#: edit, which changes a handful of them: reading the others again took most of the time the
#: search lagged behind the page (7 s at 1,000 pages).
CopyWords = dict[str, tuple[frozenset[str], frozenset[str], frozenset[str]]]


def run_pagefind(root: Path, out_dir: Path, lang: str,
                 started: Callable[[subprocess.Popen[str]], None] | None = None,
                 memo: CopyWords | None = None, prepared: Vocabulary | None = None) -> None:
    """Run Pagefind over the copies in ``root/pages``; the bundle goes to ``out_dir``.

    ``started`` receives the running process (so that a caller in another thread may stop it).
    ``memo``, kept by the caller between runs, spares reading a copy seen before: it is left
    holding the copies of this run only. ``prepared``: the copies are already in
    ``root/stemmed`` with their stem words, and this is their vocabulary.
    """
    site = STEMMED
    vocabulary = prepared
    if vocabulary is None:
        (root / "pages").mkdir(exist_ok=True)
        vocabulary = Vocabulary(EXCLUDE)
        _with_stem_words(root / "pages", root / site, vocabulary, memo, lang)
    settings = {
        "site": site,
        "output_path": str(out_dir.resolve()),
        "exclude_selectors": list(EXCLUDE),
        "force_language": lang,
    }
    (root / "pagefind.json").write_text(json.dumps(settings), encoding="utf-8")
    try:
        process = subprocess.Popen(
            [*_pagefind_command(), "--silent"], cwd=root, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True,
        )
    except OSError as exc:
        raise SearchIndexError(tr("Pagefind could not be run: {reason}", reason=exc)) from exc
    if started is not None:
        started(process)
    try:
        out, err = process.communicate(timeout=3600)
    except subprocess.TimeoutExpired as exc:
        process.kill()
        process.communicate()
        raise SearchIndexError(tr("Pagefind could not be run: {reason}", reason=exc)) from exc
    if process.returncode != 0:
        detail = (err or out).strip().splitlines()[-5:]
        raise SearchIndexError(tr("Pagefind could not build the search index: {detail}",
                                  detail=" ".join(detail) or tr("no details")))
    vocabulary.write(out_dir / VOCABULARY)


def _copy_words(copy: str, vocabulary: Vocabulary, memo: CopyWords, seen: CopyWords,
                stems: Callable[[str], set[str]] = page_stems,
                ) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """What ``copy`` gives (see :data:`CopyWords`): from ``memo`` when it was seen before."""
    key = hashlib.blake2b(copy.encode("utf-8"), digest_size=16).hexdigest()
    found = memo.get(key) or seen.get(key)
    if found is None:
        found = (frozenset(stems(copy)), *vocabulary.page_words(copy))
    seen[key] = found
    return found


def _stems_of(copies: Iterable[str], vocabulary: Vocabulary, memo: CopyWords,
              lang: str) -> tuple[list[set[str]], set[str]]:
    """The stems of each of the ``copies`` (see :func:`page_stems`, :func:`polish_stems`), and
    those that get stem words (:func:`ambiguous_stems`); fills the ``vocabulary``. ``memo``
    (see :func:`run_pagefind`) spares the work for copies seen before."""
    seen: CopyWords = {}
    stems: list[set[str]] = []
    for copy in copies:
        keys, titles, others = _copy_words(copy, vocabulary, memo, seen,
                                           page_stems if lang == "pl" else polish_stems)
        stems.append(set(keys))
        vocabulary.add_words(titles, others)
    memo.clear()
    memo.update(seen)
    if lang == "pl":
        return stems, ambiguous_stems(stems)
    if not any(stems):
        return stems, set()
    site = {stem_key(w) for w in {*vocabulary.titles, *vocabulary.others} if w.isalpha()}
    return stems, ambiguous_stems([*stems, site])


def _with_stem_words(pages: Path, out: Path, vocabulary: Vocabulary | None = None,
                     memo: CopyWords | None = None, lang: str = "pl") -> None:
    """The copies in ``pages``, with their stem words (:func:`add_stem_words`), into ``out``; read
    twice rather than held, as 5,000 pages' copies would be. The first reading also fills the
    ``vocabulary``; ``memo`` (see :func:`run_pagefind`) spares the work for copies seen before.
    On a site in another language than Polish, the stems are those of the pages' Polish words
    (:func:`polish_stems`), and one begins another when it begins that of any word of the site
    (``mark``, of "marki", begins "marketing")."""
    shutil.rmtree(out, ignore_errors=True)
    files = sorted(p for p in pages.rglob("*.html") if p.is_file())
    words = vocabulary if vocabulary is not None else Vocabulary(EXCLUDE)
    stems, ambiguous = _stems_of((path.read_text(encoding="utf-8") for path in files), words,
                                 {} if memo is None else memo, lang)
    for path, own in zip(files, stems, strict=True):
        target = out / path.relative_to(pages)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(with_stem_words(path.read_text(encoding="utf-8"), own & ambiguous), encoding="utf-8")


def _pagefind_command() -> list[str]:
    try:
        from pagefind.service import get_executable

        found = get_executable()
    except ImportError:  # pragma: no cover - pagefind is a dependency
        found = None
    return [str(found)] if found else [sys.executable, "-m", "pagefind"]


def bundle_stats(out_dir: Path, pages: int) -> IndexStats:
    files = [p for p in out_dir.rglob("*") if p.is_file()]
    return IndexStats(pages, len(files), sum(p.stat().st_size for p in files))
