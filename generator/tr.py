"""What the tool says to the person at the terminal, in their language (Polish or English).

Every sentence a user reads on the terminal (an error, a warning, a note, a summary) is written
in English in the code, through :func:`tr` or :func:`tr_n`, and looked up in the Polish catalogue
(``generator/translations/pl_*.py``) when the messages are Polish::

    tr("expected a number, but this is {what}.", what=describe(value))
    tr_n("{n} other file has errors", "{n} other files have errors", len(files))

The English text is the key, so the code stays readable and a missing translation falls back to
English instead of failing. Keys are literals (``tests/test_tr.py`` reads them out of the code
and checks that each has a Polish entry with the same placeholders, and that no entry is stale).

The language is chosen like any command-line tool's: ``PLAYBOOK_LANG`` (``pl`` or ``en``) if set,
else the first of ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set (``pl_PL.UTF-8``
gives Polish), else English. The site's own texts (labels.py) follow the page's language, not this.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from collections.abc import Mapping
from functools import cache
from typing import NamedTuple

#: The languages messages can be in; the first is the one the code is written in.
LANGUAGES = ("en", "pl")

_language: str | None = None


def language_from(environ: Mapping[str, str]) -> str:
    """The messages' language for these environment variables."""
    explicit = environ.get("PLAYBOOK_LANG", "").strip()
    if explicit:
        code = explicit[:2].lower()
        return code if code in LANGUAGES else "en"
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "").strip()
        if value:
            code = value.split(":")[0][:2].lower()
            return code if code in LANGUAGES else "en"
    return "en"


def language() -> str:
    """The language messages are written in now."""
    global _language
    if _language is None:
        _language = language_from(os.environ)
    return _language


def set_language(lang: str | None) -> None:
    """Write messages in ``lang`` from now on (``None``: as the environment says, read again)."""
    global _language
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"messages are in {' or '.join(LANGUAGES)}, not {lang!r}")
    _language = lang


class _Catalogue(NamedTuple):
    """One language's entries, every ``translations/<lang>_*.py`` merged."""

    messages: dict[str, str]
    plurals: dict[tuple[str, str], tuple[str, ...]]
    #: the help of the definitions' fields, keyed by a model field's English ``description``
    #: (which stays English in ``playbook schema``)
    fields: dict[str, str]
    #: words by grammatical case: ``{"genitive": {"zespół": "zespołu"}}``
    inflections: dict[str, dict[str, str]]


@cache
def _merged(lang: str) -> _Catalogue:
    from . import translations

    found = _Catalogue({}, {}, {}, {})
    names = sorted(i.name for i in pkgutil.iter_modules(translations.__path__) if i.name.startswith(f"{lang}_"))
    for name in names:
        module = importlib.import_module(f"{translations.__name__}.{name}")
        found.messages.update(getattr(module, "MESSAGES", {}))
        found.plurals.update(getattr(module, "PLURALS", {}))
        found.fields.update(getattr(module, "FIELD_HELP", {}))
        for case, forms in getattr(module, "INFLECTIONS", {}).items():
            found.inflections.setdefault(case, {}).update(forms)
    return found


def catalogue(lang: str) -> tuple[dict[str, str], dict[tuple[str, str], tuple[str, ...]]]:
    """The messages and plural messages of ``lang``."""
    merged = _merged(lang)
    return merged.messages, merged.plurals


def field_help(lang: str) -> dict[str, str]:
    """``lang``'s help of the definitions' fields, keyed by their English ``description``."""
    return _merged(lang).fields


def inflect(word: str, case: str) -> str:
    """``word``, already in the messages' language (a kind's name from :func:`tr`), in a
    grammatical case: Polish declines nouns ("nie ma zespołu", "żadnej strategii"), English has
    nothing to do. ``case`` names a table of the catalogue (``genitive``, ``genitive plural``,
    ``not any``); a word the table lacks is left as it is."""
    lang = language()
    if lang == "en":
        return word
    return _merged(lang).inflections.get(case, {}).get(word, word)


class _PolishNumber:
    """A number as Polish writes it in a sentence: ``2,5`` and ``1 048 576`` (a no-break space
    between thousands, where the template asks for them with ``{n:,}``), not ``2.5``, ``1,048,576``."""

    __slots__ = ("value",)

    def __init__(self, value: float) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec).replace(",", "\u00a0").replace(".", ",")

    def __str__(self) -> str:
        return format(self, "")

    def __repr__(self) -> str:
        return repr(self.value)


def _localised(lang: str, values: dict[str, object]) -> dict[str, object]:
    if lang != "pl":
        return values
    return {k: _PolishNumber(v) if isinstance(v, int | float) and not isinstance(v, bool) else v
            for k, v in values.items()}


def tr(english: str, /, **values: object) -> str:
    """``english`` in the messages' language, with ``{name}`` filled from ``values`` (numbers
    written the language's way: ``2,5`` in Polish). Without values the template comes back as it
    is, for another formatter to fill (pydantic's ``{got}``, sla/wording.py's): so a brace in a
    message without values is written once (``'{{' is not closed``), in one with values twice."""
    lang = language()
    if lang == "en":
        return english.format(**values) if values else english
    template = catalogue(lang)[0].get(english, english)
    return template.format(**_localised(lang, values)) if values else template


def tr_field(english: str, /) -> str:
    """A field's help (its model's English ``description``) in the messages' language, as
    ``playbook new`` writes it above the field; English when the catalogue lacks it."""
    lang = language()
    if lang == "en":
        return english
    return field_help(lang).get(english, english)


def plural_form(lang: str, n: int) -> int:
    """Which of a language's plural forms a count takes: English one/many; Polish one (1),
    few (2-4, 22-24, ... but not 12-14) and many (0, 5-21, 25-31, ...)."""
    if lang == "pl":
        if n == 1:
            return 0
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return 1
        return 2
    return 0 if n == 1 else 1


def tr_n(one: str, many: str, n: int, /, **values: object) -> str:
    """The form of ``one``/``many`` that goes with the count ``n`` (given as ``{n}``), in the
    messages' language: Polish has three forms (1 błąd, 2 błędy, 5 błędów)."""
    lang = language()
    forms: tuple[str, ...] = (one, many)
    if lang != "en":
        forms = catalogue(lang)[1].get((one, many), forms)
        if len(forms) == 2:
            forms = (forms[0], forms[1], forms[1])
    index = plural_form(lang if len(forms) == 3 else "en", n)
    return forms[index].format(**_localised(lang, {"n": n, **values}))
