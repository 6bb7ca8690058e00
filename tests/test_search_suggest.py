""""Did you mean": the site's vocabulary and the matcher (generator/search/suggest.py).

The browser's matcher (assets/search.js) is checked against this one in
tests/test_search_suggest_browser.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.search.facets import Facets
from generator.search.index import EXCLUDE, index_copy, write_index
from generator.search.suggest import (
    MAX_WORDS,
    VOCABULARY,
    Vocabulary,
    distance,
    known,
    max_distance,
    nearest,
    read_vocabulary,
    suggestion,
    vocabulary_of,
)
from generator.search.ui import ui_config


def page(title: str, text: str, lang: str = "pl", names: tuple[str, ...] = (),
         synonyms: tuple[str, ...] = ()) -> str:
    html = (f'<html><body><article class="md-content__inner md-typeset"><h1>{title}</h1>{text}'
            "</article></body></html>")
    copy = index_copy(html, title, Facets("Cel"), synonyms, lang, names=names)
    assert copy is not None
    return copy


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("quota", "quota", 0),
        ("qouta", "quota", 1),  # two neighbouring letters swapped: one mistake
        ("kampnia", "kampania", 1),
        ("sprzdaz", "sprzedaz", 1),
        ("custmer", "customer", 1),
        ("leeds", "leads", 1),
        ("klijent", "klient", 1),
        ("ca", "abc", 3),  # optimal string alignment: a swapped pair is not edited again
        ("kitten", "sitting", 3),
    ],
)
def test_distance_counts_a_swap_of_neighbours_as_one_mistake(a: str, b: str, expected: int) -> None:
    assert distance(a, b, 10) == expected
    assert distance(b, a, 10) == expected


def _full(a: str, b: str) -> int:
    """The optimal-string-alignment distance, the whole table (as the textbook writes it)."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


@settings(max_examples=300, deadline=None)
@given(st.text("abcd", max_size=8), st.text("abcd", max_size=8), st.integers(0, 4))
def test_distance_is_the_textbook_one_cut_at_its_limit(a: str, b: str, limit: int) -> None:
    assert distance(a, b, limit) == min(_full(a, b), limit + 1)


def test_distance_stops_past_its_limit() -> None:
    assert distance("marketing", "kampania", 2) == 3
    assert distance("a", "abcdef", 2) == 3
    assert distance("qouta", "quota", 1) == 1


def test_the_mistakes_allowed_grow_with_the_word() -> None:
    assert [max_distance(n) for n in range(1, 10)] == [0, 0, 1, 1, 1, 2, 2, 2, 2]


def test_the_vocabulary_holds_the_titles_words_first_then_every_other_word_as_written() -> None:
    copies = [
        page("Kampania marketingowa", "<p>Kampania trwa kwartał. Zespół planuje kampanię.</p>",
             names=("Kampania marketingowa", "Marketing campaign")),
        page("Przychód kwartalny", "<p>Cel na kwartał: 2027 r., MQL i SQL, kampanię.</p>",
             synonyms=("Kampania marketingowa · Marketing campaign",)),
        page("Źródło leada", "<p>Skąd przyszedł lead (MQL).</p>", synonyms=("Lead · leads",)),
    ]
    words = vocabulary_of(copies, EXCLUDE)
    titled = ["kampania", "marketingowa", "przychód", "kwartalny", "źródło", "leada"]
    assert set(words[:len(titled)]) == set(titled)  # in the site's language
    # then the others, those of more pages first: the text, the kind, the glossary names
    three, two, one = words.index("cel"), {words.index("kampanię"), words.index("campaign")}, words.index("trwa")
    assert three < min(two) and max(two) < one
    assert {"campaign", "lead", "leads"} < set(words)
    assert "kwartał" in words and "kwartaľ" not in words  # "ł" as written (the copy has "ľ")
    assert "MQL" in words and "mql" not in words  # an acronym in capitals
    # no numbers, no one- and two-letter words, no hidden index words
    assert not [w for w in words if len(w) < 3 or not w.isalpha() or w.startswith("qx")]


def test_the_vocabulary_leaves_out_what_the_search_does_not_read() -> None:
    text = ('<h2 id="a">Kroki<a class="headerlink" href="#a">¶</a></h2>'
            '<div class="pb-meta"><p><strong>Właściciel:</strong> Kierownik <code>playbooks/goals/x.yaml</code></p></div>'
            '<div class="mermaid">flowchart graph</div><p data-pagefind-ignore>ukryte</p><p>widoczne</p>')
    words = vocabulary_of([page("Cel", text)], EXCLUDE)
    assert "kroki" in words and "widoczne" in words
    assert not {"właściciel", "kierownik", "playbooks", "yaml", "flowchart", "ukryte"} & set(words)


def test_a_word_is_written_as_most_pages_write_it() -> None:
    copies = [page(f"Strona {n}", "<p>sprzedaż</p>") for n in range(3)] + [page("Inna", "<p>sprzedaz</p>")]
    words = vocabulary_of(copies)
    assert "sprzedaż" in words and "sprzedaz" not in words


def test_a_very_large_vocabulary_keeps_its_most_used_words() -> None:
    vocabulary = Vocabulary()
    vocabulary.add(page("Tytuł", "<p>" + " ".join(f"slowo{chr(97 + n % 26)}{chr(97 + n // 26)}" for n in range(600)) + "</p>"))
    vocabulary.add(page("Tytuł", "<p>slowoaa slowoab</p>"))
    words = vocabulary.words(limit=4)
    assert words == ["tytuł", "cel", "slowoaa", "slowoab"]  # the title, then by pages: 2 each
    assert MAX_WORDS >= 10_000


# The words a small site might have, most useful first (as the file lists them).
PL = ["kampania", "marketingowa", "sprzedaż", "lead", "klient", "kwota", "sprzedażowa", "marketing",
      "kwartał", "kampanii", "kampanie", "leady", "klienci", "umowa", "cel", "lejek", "marka"]
EN = ["campaign", "marketing", "customer", "agreement", "quota", "lead", "leads", "sales", "qualified",
      "pipeline", "quarterly", "revenue"]


@pytest.mark.parametrize(
    ("lang", "query", "expected"),
    [
        ("pl", "kampnia", "kampania"),
        ("pl", "sprzdaż", "sprzedaż"),
        ("pl", "sprzdaz", "sprzedaż"),  # folded like the search: shown with its Polish letters
        ("pl", "markting", "marketing"),
        ("pl", "leed", "lead"),
        ("pl", "klijent", "klient"),
        ("pl", "KAMPNIA", "kampania"),
        ("pl", "kampnia marketingowa", "kampania marketingowa"),  # only the unknown word changes
        ("pl", "markting kampnia", "marketing kampania"),  # each unknown word
        ("en", "campain", "campaign"),
        ("en", "custmer", "customer"),
        ("en", "agrement", "agreement"),
        ("en", "qouta", "quota"),
        ("en", "leeds", "leads"),
        ("en", "quarterly qouta", "quarterly quota"),
    ],
)
def test_an_unknown_word_is_replaced_by_the_nearest_word_of_the_site(lang: str, query: str, expected: str) -> None:
    assert suggestion(query, PL if lang == "pl" else EN, lang) == expected


@pytest.mark.parametrize(
    ("lang", "query"),
    [
        ("pl", "kampania"), ("pl", "kampanię"), ("pl", "kampaniami"),  # forms the search finds
        ("pl", "kampan"), ("pl", "sprzedazy"), ("pl", "KWARTAL"),  # a beginning; no diacritics
        ("pl", "xqzvwk"),  # far from every word
        ("pl", "kw"), ("pl", "ab"),  # too short to correct
        ("pl", "abc2027"),
        ("en", "quotas"), ("en", "qualified"), ("en", "leads"),
        ("en", "xqzvwk"), ("en", "zebra"),
    ],
)
def test_a_known_or_far_word_gets_no_suggestion(lang: str, query: str) -> None:
    assert suggestion(query, PL if lang == "pl" else EN, lang) is None


def test_short_words_beside_a_longer_one_are_left_as_they_are() -> None:
    # the search leaves "sp", "z", "o" out of such a query; "ce" is not corrected to "cel"
    assert suggestion("kampnia ce z o.o.", PL, "pl") == "kampania ce z o o"


def test_a_word_is_known_by_its_stem_or_a_shorter_word_it_begins_with() -> None:
    folded = ["kampania", "quota", "qualified"]
    assert known("kampanii", folded, "pl")  # cut to "kampan"
    assert not known("kampnia", folded, "pl")
    assert known("quotas", folded, "en")  # "quota" and an ending the search's stemmer takes
    assert not known("quotations", folded, "en")


def test_equally_near_words_go_by_the_vocabulary_s_order() -> None:
    words = ["leady", "lead", "leads"]
    assert nearest("leed", words, words) == "lead"
    assert nearest("leedy", words, words) == "leady"
    assert nearest("leeds", ["leads", "leady"], ["leads", "leady"]) == "leads"


def test_the_browser_is_told_where_the_vocabulary_is_and_the_rules() -> None:
    rules = ui_config("pl")["suggest"]
    assert rules["file"] == f"pagefind/{VOCABULARY}"
    assert rules["distances"] == [[3, 1], [6, 2]]
    assert ui_config("pl")["labels"]["suggest"] == "Czy chodziło o:"
    assert ui_config("en")["labels"]["suggest"] == "Did you mean:"


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_the_index_run_writes_the_vocabulary_beside_the_bundle(tmp_path: Path, lang: str) -> None:
    pages = [("a/", page("Kampania marketingowa", "<p>Kampania trwa kwartał.</p>", lang)),
             ("b/", page("Kwota sprzedażowa", "<p>Kwota na kwartał.</p>", lang))]
    write_index(pages, tmp_path / "pagefind", lang)
    words = read_vocabulary((tmp_path / "pagefind" / VOCABULARY).read_text(encoding="utf-8"))
    assert words[:4] == ["kampania", "kwota", "marketingowa", "sprzedażowa"]
    assert words[4:6] == ["cel", "kwartał"] and words[6:] == ["trwa"]
    assert suggestion("kwrtał", words, lang) == "kwartał"
