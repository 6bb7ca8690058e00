"""Currencies: the codes a goal's ``currency`` takes, and the units that are one.

A goal whose target is an amount of money gives its currency (``currency: PLN``), and the pages
write the amount the way each language does: ``1 200 000 zł`` in Polish, ``PLN 1,200,000`` in
English (:func:`generator.sla.numbers.format_money`, as the filled SLA writes amounts). A goal
written before the field existed, with ``unit: PLN`` or ``unit: {pl: zł, en: PLN}``, is read the
same way: a unit that is a currency's code or its one sign is that currency (:func:`unit_currency`).
"""

from __future__ import annotations

import difflib
from typing import Annotated, Any

from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

from ..messages import describe
from ..tr import tr
from .base import Translations

#: ISO 4217 codes of the currencies in use (CLDR's territory data, November 2026), and a few
#: retired lately that older files may still name (BGN, HRK, ANG, SLL, ZWL, CUC, VED, SVC).
_CODES = """
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN
BZD CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL
GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF
KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR
MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG
SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD
UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG ZWL
"""
CURRENCIES = frozenset(_CODES.split())

#: The codes an editor offers first (``playbook schema``), then the others in order.
COMMON = ("PLN", "EUR", "USD", "GBP", "CHF", "CZK", "SEK", "NOK", "DKK", "UAH")

#: Signs that stand for one currency only; ``$`` (dollars of many countries) is not one of them.
SIGNS = {"zł": "PLN", "zl": "PLN", "€": "EUR", "£": "GBP"}

#: Names people write for a currency: a hint, never taken as the code itself.
_NAMES = {
    "złoty": "PLN", "zloty": "PLN", "złotych": "PLN", "złote": "PLN", "pln.": "PLN",
    "euro": "EUR", "eur.": "EUR", "dollar": "USD", "dollars": "USD", "dolar": "USD",
    "dolary": "USD", "dolarów": "USD", "pound": "GBP", "pounds": "GBP", "funt": "GBP",
    "funty": "GBP", "funtów": "GBP", "frank": "CHF", "franc": "CHF", "franki": "CHF",
}


def unit_currency(unit: str | Translations | None) -> str | None:
    """The currency a goal's unit names, or None: ``PLN`` for ``unit: PLN`` and for
    ``unit: {pl: zł, en: PLN}``. Only a code as written (capitals) or a currency's own sign
    counts, in every language the unit is given in; a word (``MQL``, ``klientów``) never does."""
    if unit is None:
        return None
    if isinstance(unit, str):
        return _as_currency(unit)
    found = {_as_currency(word) if isinstance(word, str) else None
             for word in (getattr(unit, lang) for lang in type(unit).model_fields)
             if word is not None}
    return found.pop() if len(found) == 1 else None


def _as_currency(word: str) -> str | None:
    word = word.strip()
    if word in CURRENCIES:
        return word
    return SIGNS.get(word.casefold())


def _currency_code(value: Any) -> str:
    """A currency as written by a person: ``PLN``, ``pln``, `` PLN ``, ``zł``, ``€`` are all PLN
    or EUR; anything else is a plain-words error, with the code that was probably meant."""
    if not isinstance(value, str) or not value.strip():
        if value is None or isinstance(value, str):
            said = tr("this field is empty: write the currency's three-letter code, like PLN, EUR or USD")
        else:
            said = tr("expected a currency code, but this is {what}: write the currency's three-letter code, "
                      "like PLN, EUR or USD", what=describe(value))
        raise PydanticCustomError("currency_type", "{message}", {"message": said})
    word = value.strip()
    if word.upper() in CURRENCIES:
        return word.upper()
    if word.casefold() in SIGNS:
        return SIGNS[word.casefold()]
    if word == "$":
        raise PydanticCustomError("currency_code", "{message}", {"message": tr(
            "'$' is the sign of several currencies: write the code of yours, like USD, CAD or AUD")})
    meant = _NAMES.get(word.casefold())
    if meant is None:
        close = difflib.get_close_matches(word.upper(), sorted(CURRENCIES), n=1, cutoff=0.6)
        meant = close[0] if close else None
    if meant:
        said = tr("{word!r} is not a currency code (did you mean {meant!r}?): write the currency's three-letter "
                  "ISO 4217 code, like PLN, EUR or USD", word=word, meant=meant)
    else:
        said = tr("{word!r} is not a currency code: write the currency's three-letter ISO 4217 code, "
                  "like PLN, EUR or USD", word=word)
    raise PydanticCustomError("currency_code", "{message}", {"message": said})


CurrencyCode = Annotated[str, BeforeValidator(_currency_code)]
"""A goal's currency: an ISO 4217 code (:data:`CURRENCIES`), forgiving of case and spaces, and
of the signs zł, € and £; anything else is an error saying which code was probably meant."""
