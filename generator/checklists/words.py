"""Words only the printed checklists use, in each content language.

Words the site's checklist page shares with the PDF (sign-off, name, date, "week", the page
counter, ...) live in :mod:`generator.labels`; :func:`word` looks here first, then there.
``page_of`` is a template: ``{page}`` and ``{pages}`` become the page counters.
"""

from __future__ import annotations

from ..labels import label

WORDS: dict[str, dict[str, str]] = {
    "pl": {
        "review_by": "przegląd do",
        "start": "Data rozpoczęcia",
        "rule_working": (
            "Terminy liczone w dniach roboczych ({which}): „dzień 1” to pierwszy dzień, "
            "„tydzień 2” to koniec drugiego tygodnia, „miesiąc 1” to koniec pierwszego miesiąca."
        ),
        "which_none": "pn–pt; święta nie są pomijane",
        "which_country": "pn–pt bez dni ustawowo wolnych od pracy, kalendarz {country}",
        "which_company": "pn–pt bez dni wolnych firmy; święta nie są pomijane",
        "which_both": "pn–pt bez dni wolnych firmy i dni ustawowo wolnych od pracy, kalendarz {country}",
        "days_off_in_period": "Dni wolne w tym okresie (nie liczą się do terminów): {days}.",
        "company_day_off": "dzień wolny firmy",
        "day_off_start": "Data rozpoczęcia ({start}) to dzień wolny ({name}): dni robocze liczymy od {first}.",
        "rule_calendar": (
            "Terminy liczone w dniach kalendarzowych: „dzień 1” to pierwszy dzień, „tydzień 2” to "
            "koniec drugiego tygodnia, „miesiąc 1” to koniec pierwszego miesiąca."
        ),
        "weekend_start": "Data rozpoczęcia ({start}) wypada w weekend: dni robocze liczymy od {first}.",
        "pack": "Pakiet wdrożeniowy",
        "contents": "Spis treści",
        "for_role": "dla roli",
        "process": "Proces",
        "processes": "Procesy",
    },
    "en": {
        "review_by": "review by",
        "start": "Start date",
        "rule_working": (
            "Due dates count working days ({which}): "
            "“day 1” is the first day, “week 2” the end of the second week, “month 1” the end of "
            "the first month."
        ),
        "which_none": "Monday to Friday; public holidays are not skipped",
        "which_country": "Monday to Friday, less public holidays, {country} calendar",
        "which_company": "Monday to Friday, less the company’s days off; public holidays are not skipped",
        "which_both": "Monday to Friday, less the company’s days off and public holidays, {country} calendar",
        "days_off_in_period": "Days off in this period (not counted): {days}.",
        "company_day_off": "company day off",
        "day_off_start": "The start date {start} is a day off ({name}): working days count from {first}.",
        "rule_calendar": (
            "Due dates count calendar days: “day 1” is the first day, “week 2” the end of the second "
            "week, “month 1” the end of the first month."
        ),
        "weekend_start": "The start date {start} is a weekend day: working days count from {first}.",
        "pack": "Onboarding pack",
        "contents": "Contents",
        "for_role": "for the role",
        "process": "Process",
        "processes": "Processes",
    },
}


def word(lang: str, key: str) -> str:
    """The word for ``key`` in ``lang``; an unknown key is a bug, so it fails loudly."""
    found = WORDS[lang].get(key)
    return found if found is not None else label(lang, key)
