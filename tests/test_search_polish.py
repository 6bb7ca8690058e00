"""The light Polish stemmer and diacritic folding that search and glossary matching rely on."""

from __future__ import annotations

import pytest

from generator.search.polish import MIN_STEM, SUFFIXES, fold, stem


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("sprzedaż", "sprzedaz"),
        ("Źródło", "Zrodlo"),
        ("kwartał", "kwartal"),
        ("Łódź", "Lodz"),
        ("świadomość", "swiadomosc"),
        ("ąćęłńóśźż", "acelnoszz"),
        ("plain ascii", "plain ascii"),
    ],
)
def test_fold_removes_every_polish_diacritic_character_for_character(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(
    ("forms", "common"),
    [
        (["umowa", "umowy", "umowie", "umową", "umowę"], "umow"),
        (["kwartał", "kwartale", "kwartału"], "kwarta"),
        (["lead", "leady", "leadów", "leadem"], "lead"),
        (["klient", "klientów", "klientami", "klienta"], "klient"),
        (["kampania", "kampanii", "kampanię", "kampaniami"], "kampan"),
        (["cel", "cele", "celów", "celem"], "cel"),
        (["sprzedaż", "sprzedaży", "sprzedażą"], "sprzedaż"),
    ],
)
def test_inflected_forms_stem_to_a_prefix_of_every_form(forms: list[str], common: str) -> None:
    """Search matches prefixes: each form's stem must be a prefix of the other forms (folded)."""
    for form in forms:
        stemmed = fold(stem(form))
        assert stemmed.startswith(fold(common)), (form, stem(form))
        for other in forms:
            assert fold(other).startswith(stemmed), (form, stem(form), other)


def test_a_consonant_change_is_undone_one_way() -> None:
    """"klienci" finds "klient"; a page saying only "klienci" is not found by "klient" (a limit)."""
    assert stem("klienci") == "klient"
    assert not fold("klienci").startswith(stem("klient"))


def test_diacritics_typed_or_not_give_the_same_folded_stem() -> None:
    for with_marks, without in [("źródło", "zrodlo"), ("kwartale", "kwartale"), ("sprzedaży", "sprzedazy"),
                                ("świadomości", "swiadomosci")]:
        assert fold(stem(with_marks)) == fold(stem(without))


def test_the_stem_keeps_the_letters_the_reader_typed() -> None:
    assert stem("Sprzedaży") == "sprzedaż"
    assert stem("ŹRÓDŁA") == "źródł"


@pytest.mark.parametrize("word", ["sla", "crm", "mql", "cel", "lead", "plan"])
def test_short_words_and_words_without_an_ending_stay_whole(word: str) -> None:
    assert stem(word) == word


def test_no_stem_is_shorter_than_the_minimum() -> None:
    for word in ["umów", "kamp", "ania", "owych", "aaaa"]:
        assert len(stem(word)) >= min(len(word), MIN_STEM)


def test_suffixes_are_tried_longest_first_and_are_folded() -> None:
    lengths = [len(s) for s in SUFFIXES]
    assert lengths == sorted(lengths, reverse=True)
    assert all(fold(s) == s for s in SUFFIXES)
