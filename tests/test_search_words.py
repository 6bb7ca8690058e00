"""When two names are the same for search (exact-match keys) and which words are forms of one."""

from __future__ import annotations

import pytest

from generator.search.words import family, name_key, one_per_family, word_key


@pytest.mark.parametrize(
    ("lang", "forms"),
    [
        ("pl", ["Kwota sprzedażowa", "kwoty sprzedażowej", "KWOTA SPRZEDAZOWA", "kwotą sprzedażową"]),
        ("pl", ["Lead", "leady", "leadów", "leada", "LEADEM"]),
        ("pl", ["Handlowiec", "handlowca", "handlowcy", "handlowcami", "handlowcowi"]),
        ("pl", ["Lejek sprzedażowy", "lejka sprzedażowego", "lejkiem sprzedażowym", "lejki sprzedażowe"]),
        ("pl", ["umowa SLA", "umowy SLA", "umowę SLA"]),
        ("pl", ["Źródło leada", "zrodlo leada", "źródła leadów"]),
        ("pl", ["Zespół Sprzedaż", "zespół sprzedaży", "zespołu sprzedaży"]),
        ("en", ["Sales rep", "sales reps", "SALES REP"]),
        ("en", ["Customer", "customers"]),
        # a vowel that drops, a stem that changes
        ("pl", ["rynek", "rynku", "rynkiem", "rynki"]),
        ("pl", ["dzień", "dnia", "dni", "dniu", "dniem", "dniach", "Dzień"]),
        ("pl", ["tydzień", "tygodnia", "tygodniu", "tygodni"]),
        ("pl", ["koniec", "końca", "końcu"]),
        ("pl", ["klient", "klienci", "klienta"]),
    ],
)
def test_the_forms_of_a_name_have_one_key(lang: str, forms: list[str]) -> None:
    keys = {name_key(form, lang) for form in forms}
    assert len(keys) == 1, {form: name_key(form, lang) for form in forms}


@pytest.mark.parametrize(
    ("lang", "one", "other"),
    [
        ("pl", "Lead", "Źródło leada"),
        ("pl", "Lead", "Lead source"),
        ("pl", "Lead", "lead kwalifikowany"),
        ("pl", "Kampania marketingowa", "kampania"),
        ("pl", "Klient", "Potencjalny klient"),
        ("en", "Sales", "Sales rep"),
    ],
)
def test_a_longer_or_another_name_has_another_key(lang: str, one: str, other: str) -> None:
    assert name_key(one, lang) != name_key(other, lang)


def test_a_key_is_folded_words_without_endings() -> None:
    assert name_key("Kwoty sprzedażowej", "pl") == "kwot sprzedaz"
    assert name_key("Handlowiec", "pl") == "handlowc" and word_key("lejek", "pl") == "lejk"
    assert word_key("lek", "pl") == "lek"  # too short to lose a letter
    assert name_key("Sales reps", "en") == "sal rep" and word_key("SLAs", "en") == "sla"
    assert name_key("  Łódź,  (sp. z o.o.) ", "pl") == "lodz sp z o o"


def test_forms_of_one_word_in_either_language_are_one_family() -> None:
    assert {family(w) for w in ["lead", "leada", "leadów", "Leads", "LEADY"]} == {"lead"}
    assert family("sprzedażowa") == family("sprzedaży") == family("sprzedażowy")
    assert family("kampania") != family("campaign")


def test_one_per_family_keeps_the_shortest_form_where_the_first_stood() -> None:
    assert one_per_family(["Źródło leada · źródło leadów", "Lead source", "lead origin"]) == [
        "źródło", "lead", "source", "origin",
    ]
    assert one_per_family(["kwota sprzedaży", "cel sprzedażowy", "sales quota"]) == [
        "kwota", "sprzedaży", "cel", "sales", "quota",
    ]
    assert one_per_family([]) == []


def test_a_family_that_begins_with_another_is_that_one() -> None:
    """A query cut to "sprzedaż" matches "sprzedażowo" too: Pagefind would count both."""
    assert one_per_family(["lead kwalifikowany sprzedażowo", "lead zaakceptowany przez sprzedaż"]) == [
        "lead", "kwalifikowany", "zaakceptowany", "przez", "sprzedaż",
    ]
    assert one_per_family(["marketingowy marketing"]) == ["marketing"]
    assert one_per_family(["cel celny"]) == ["cel", "celny"]  # too short a stem to take others in


def test_a_family_that_only_begins_with_another_stays() -> None:
    """"handoff" is not "hand" and a Polish ending: a query "handoff" must match the field (the
    process "Przekazanie leada od marketingu do sprzedaży" names the term "Lead hand-off")."""
    assert one_per_family(["Przekazanie leada · Lead hand-off · hand-off · handoff"]) == [
        "przekazanie", "lead", "hand", "off", "handoff",
    ]
    assert "salesperson" in one_per_family(["Sales rep · salesperson"])


def test_a_verb_ending_in_iec_has_no_fleeting_e() -> None:
    """"-ieć" of a verb is not the "-iec" of "handlowiec": "powiedzieć" keeps its letters."""
    assert word_key("powiedzieć", "pl") == "powiedzi" and word_key("koniec", "pl") == "konc"
