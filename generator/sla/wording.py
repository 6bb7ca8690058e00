"""Every word the SLA generator adds around the template's own text, in Polish and English.

The same tables are embedded in the SLA page (:mod:`.spec`), so the browser's messages and the
filled document's words come from here too. The form speaks the page's language; the CLI speaks the
terminal's, like every other message of ``playbook`` (:func:`terminal`, through :mod:`generator.tr`).
"""

from __future__ import annotations

import re
from typing import Any

from ..tr import language, tr
from . import numbers

#: Words of the filled document, the form and the values file.
WORDS: dict[str, dict[str, str]] = {
    "pl": {
        "annex": "Załącznik: uzgodnione wartości",
        "name": "Pozycja",
        "value": "Wartość",
        "missing": "—",
        "required": "wymagane",
        "optional": "opcjonalne",
        "default": "domyślnie",
        "choices": "do wyboru",
        "one_per_line": "jedna pozycja w wierszu",
        "values_intro": "Wartości do szablonu umowy",
        "values_howto": "Uzupełnij wartości, a potem uruchom:",
        "values_comments": "Wiersze zaczynające się od # to komentarze. Pusta wartość oznacza wartość domyślną, jeśli jest.",
        "values_from_form": "Zapisane z formularza na stronie szablonu.",
        "values_default_text": "Puste pole to tekst domyślny w języku umowy; po polsku brzmi tak (skopiuj go, aby zmienić):",
        "list_example": "na przykład",
        "form_title": "Wypełnij umowę",
        "preview_title": "Podgląd umowy",
        "preview_empty": "Uzupełnij wymagane pola, aby zobaczyć gotową umowę.",
        "preview_stale": "Podgląd jest nieaktualny: pokazuje ostatnią poprawną wersję. Popraw zaznaczone pola, aby go odświeżyć.",
        "download_values": "Pobierz plik wartości (YAML)",
        "load_values": "Wczytaj plik wartości (YAML)",
        "loaded": "Wczytano plik {file}. Sprawdź wartości w formularzu.",
        "load_failed": "Nie udało się odczytać pliku {file}: {error}",
        "load_not_values": "Plik {file} nie jest plikiem wartości: powinien zawierać wiersze „nazwa: wartość”.",
        "load_unknown": "Pominięto pola, których nie ma w tym szablonie: {names}.",
        "load_unfit": "Tych wartości nie da się wpisać w formularz, popraw je: {items}.",
        "load_anchor": "użyto kotwicy (&{name}), a kotwice i odwołania (&nazwa, *nazwa) nie są obsługiwane: wpisz wartość w całości.",
        "load_big_number": "liczba {number} jest za duża: może mieć najwyżej {digits} cyfr.",
        "load_long_number": "liczba {number} ma za dużo cyfr: wpisz najwyżej {digits}.",
        "load_char": "plik zawiera znak {char}: usuń go.",
        "load_encoding": "plik nie jest zapisany w kodowaniu UTF-8 (może jest w Windows-1250): zapisz go jako UTF-8.",
        "load_utf16": "plik jest zapisany w kodowaniu UTF-16 (w Notatniku: „Unicode”): zapisz go jako UTF-8.",
        "load_escaped_char": "tekst zawiera znak {char} zapisany kodem: usuń go.",
        # The values file is not YAML the reader takes (js-yaml's reasons, in the page's words).
        "yaml_at": "wiersz {line}, kolumna {column}: {reason}",
        "yaml_duplicate": "pole {key} występuje dwa razy: zostaw jedno.",
        "yaml_documents": "plik zawiera kilka dokumentów rozdzielonych wierszem '---': zostaw jeden.",
        "yaml_tab": "użyto tabulatora: wcięcia w YAML robi się spacjami.",
        "yaml_directive": "usuń wiersz zaczynający się od '%'.",
        "yaml_alias": "użyto odwołania (*nazwa), a kotwice i odwołania (&nazwa, *nazwa) nie są obsługiwane: wpisz wartość w całości.",
        "yaml_tag": "znacznik ('!...') jest nieznany lub źle zapisany: usuń go.",
        "yaml_quote": "cudzysłów nie jest zamknięty.",
        "yaml_bracket": "lista '[' lub grupa '{' nie jest zamknięta albo brakuje przecinka.",
        "yaml_escape": "nieznany kod po ukośniku (\\) w tekście w cudzysłowie: wpisz \\\\ zamiast jednego ukośnika albo użyj apostrofów.",
        "yaml_colon": "brakuje dwukropka (':') po nazwie pola albo cudzysłów nie jest zamknięty.",
        "yaml_indent": "wiersz nie jest wyrównany z wierszami powyżej (sprawdź spacje na początku) albo tekst z ': ' trzeba ująć w cudzysłów.",
        "yaml_other": "to nie jest poprawny YAML: sprawdź cudzysłowy, nawiasy i wcięcia.",
        "download_md": "Pobierz umowę (Markdown)",
        "download_html": "Pobierz umowę (HTML)",
        "print": "Drukuj",
        "check": "Sprawdź",
        "errors_title": "Popraw zaznaczone pola:",
        "noscript": "Formularz potrzebuje JavaScriptu. Bez niego użyj polecenia playbook sla values i playbook sla fill.",
        "template_title": "Szablon",
        "ok": "Wszystkie wartości są poprawne.",
        "select": "— wybierz —",
        # A number typed in the form that cannot be read (sla-form.js readNumber): how to write it.
        "number_format": "Nie można odczytać liczby {got}: wpisz ją tak: 1 200 000,50 albo 1200000,50 (same cyfry, bez jednostek i słów).",
        "number_ambiguous": "Nie wiadomo, jak odczytać {got}: tysiące oddziel spacją albo pisz cyfry razem (1 200 000 lub 1200000), a część dziesiętną oddziel przecinkiem (1,5).",
        "number_digits": "Liczba {got} ma za dużo cyfr: formularz przyjmuje najwyżej 15 cyfr.",
        # A value of a loaded file the field cannot hold: the field stays empty, with this error.
        "load_unfit_field": "Nie wpisano wartości z pliku: {value}{why}. Wpisz tu poprawną wartość.",
    },
    "en": {
        "annex": "Annex: agreed values",
        "name": "Item",
        "value": "Value",
        "missing": "—",
        "required": "required",
        "optional": "optional",
        "default": "default",
        "choices": "one of",
        "one_per_line": "one item per line",
        "values_intro": "Values for the agreement template",
        "values_howto": "Fill in the values, then run:",
        "values_comments": "Lines starting with # are comments. An empty value means the default, if there is one.",
        "values_from_form": "Saved from the form on the template's page.",
        "values_default_text": "Left empty, it is the default text in the agreement's language; in English it reads (copy it to change it):",
        "list_example": "for example",
        "form_title": "Fill in the agreement",
        "preview_title": "Preview of the agreement",
        "preview_empty": "Fill in the required fields to see the finished agreement.",
        "preview_stale": "Out of date: the preview shows the last valid version. Correct the marked fields to update it.",
        "download_values": "Download the values file (YAML)",
        "load_values": "Load a values file (YAML)",
        "loaded": "Loaded {file}. Check the values in the form.",
        "load_failed": "The file {file} could not be read: {error}",
        "load_not_values": "The file {file} is not a values file: it should hold “name: value” lines.",
        "load_unknown": "Left out fields this template does not have: {names}.",
        "load_unfit": "These values do not fit the form; correct them: {items}.",
        "load_anchor": "an anchor (&{name}) is used; anchors and aliases (&name, *name) are not supported: write the value out in full.",
        "load_big_number": "the number {number} is too large: at most {digits} digits are allowed.",
        "load_long_number": "the number {number} has too many digits: write at most {digits}.",
        "load_char": "the file contains the character {char}: remove it.",
        "load_encoding": "the file is not saved as UTF-8 (it may be saved as Windows-1250): save it as UTF-8.",
        "load_utf16": "the file is saved as UTF-16 (Notepad's \"Unicode\"): save it as UTF-8.",
        "load_escaped_char": "a text contains the character {char}, written as an escape: remove it.",
        "yaml_at": "line {line}, column {column}: {reason}",
        "yaml_duplicate": "the key {key} appears twice: keep only one.",
        "yaml_documents": "the file holds more than one document (split by a '---' line): keep one.",
        "yaml_tab": "a tab is used here: YAML needs spaces for indentation.",
        "yaml_directive": "remove the line starting with '%'.",
        "yaml_alias": "an alias (*name) is used; anchors and aliases (&name, *name) are not supported: write the value out in full.",
        "yaml_tag": "a tag ('!...') is unknown or written wrongly: remove it.",
        "yaml_quote": "a quoted text is not closed.",
        "yaml_bracket": "a '[' list or '{' group is not closed, or a comma is missing.",
        "yaml_escape": "an unknown escape (backslash) sequence in a double-quoted text: write \\\\ for a backslash, or use single quotes.",
        "yaml_colon": "a ':' is missing after a key, or a quote is not closed.",
        "yaml_indent": "the indentation does not line up with the lines above, or a text with ': ' in it needs quotes.",
        "yaml_other": "the file is not valid YAML here: check the quotes, brackets and indentation.",
        "download_md": "Download the agreement (Markdown)",
        "download_html": "Download the agreement (HTML)",
        "print": "Print",
        "check": "Check",
        "errors_title": "Please correct the marked fields:",
        "noscript": "The form needs JavaScript. Without it, use the commands playbook sla values and playbook sla fill.",
        "template_title": "The template",
        "ok": "All values are valid.",
        "select": "— choose —",
        "number_format": "{got} cannot be read as a number: write it like 1,200,000.50 or 1200000.50 (digits only, no units or words).",
        "number_ambiguous": "{got} cannot be read unambiguously: write thousands with commas or without separators (1,200,000 or 1200000), and decimals with a point (1.5).",
        "number_digits": "{got} has too many digits: the form takes at most 15.",
        "load_unfit_field": "The value from the file was not filled in: {value}{why}. Enter a correct value here.",
    },
}

#: Units of durations, by plural category (see :func:`numbers.plural_category`).
UNITS: dict[str, dict[str, dict[str, str]]] = {
    "pl": {
        "hours": {"one": "godzina", "few": "godziny", "many": "godzin", "other": "godziny"},
        "working-days": {"one": "dzień roboczy", "few": "dni robocze", "many": "dni roboczych",
                         "other": "dnia roboczego"},
        "days": {"one": "dzień", "few": "dni", "many": "dni", "other": "dnia"},
    },
    "en": {
        "hours": {"one": "hour", "other": "hours"},
        "working-days": {"one": "working day", "other": "working days"},
        "days": {"one": "day", "other": "days"},
    },
}

#: The unit word shown beside a duration field of the form.
UNIT_LABELS: dict[str, dict[str, str]] = {
    "pl": {"hours": "godz.", "working-days": "dni robocze", "days": "dni"},
    "en": {"hours": "hours", "working-days": "working days", "days": "days"},
}

MONTHS: dict[str, list[str]] = {
    "pl": ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
           "września", "października", "listopada", "grudnia"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}

#: Messages about values and computations; ``{name}`` fields are filled by :func:`message`.
MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "required": "a value is required here ({label}).",
        "additional": "unknown parameter '{name}'.{hint}",
        "additional:money-object": "unknown field '{name}': an amount has only 'amount:' and 'currency:'.{hint}",
        "type:text": "expected text, but this is {got}.",
        "type:email": "expected an e-mail address like anna@example.com, but this is {got}.",
        "type:date": "expected a date written as YYYY-MM-DD, like 2027-01-01, but this is {got}. Put it in quotes if it is not read as text.",
        "type:choice": "expected one of {allowed}, but this is {got}.",
        "type:list": "expected a list (one '- item' per line), but this is {got}.",
        "type:integer": "expected a whole number, but this is {got}.",
        "type:money": "expected an amount like 1200000, or 'amount:' and 'currency:' on their own lines, but this is {got}.",
        "type:currency": "expected a currency code like PLN, but this is {got}.",
        "type:number": "expected a number, but this is {got}.",
        "enum": "{got} is not one of the choices: {allowed}.{hint}",
        "enum:currency": "{got} is not a currency allowed here: use {allowed}.{hint}",
        "minimum": "must be at least {limit}, but this is {got}.",
        "maximum": "must be at most {limit}, but this is {got}.",
        "decimals": "has too many decimal places (at most {limit}), but this is {got}.",
        "minLength": "must be {limit} {limit:characters} long.",
        "maxLength": "is too long ({length} {length:characters}); at most {limit} are allowed.",
        "control": "contains a control character (an invisible character such as a tab from another program): remove it.",
        "line_break": "is one line, but this text has a line break: write it on one line.",
        "control:email": "{got} is not an e-mail address like anna@example.com.",
        "control:date": "{got} is not a date written as YYYY-MM-DD, like 2027-01-01.",
        "pattern:text": "must not be empty or only spaces.",
        "pattern:email": "{got} is not an e-mail address like anna@example.com.",
        "pattern:date": "{got} is not a date written as YYYY-MM-DD, like 2027-01-01.",
        "date": "{got} is not a real date (check the month and the day).",
        "minItems": "needs at least {limit} {limit:items}.",
        "maxItems": "has too many items; at most {limit} are allowed.",
        "uniqueItems": "{got} is given twice: give each item once.",
        "division_by_zero": "cannot compute {target}: {expr} is 0, and a division by zero is impossible (with {values}).",
        "out_of_range": "cannot compute {target}: {expr} is out of range, larger than 1e15 or not a number (with {values}).",
        "bad_power": "cannot compute {target}: the power {expr} must be a whole number from -64 to 64 (with {values}).",
        "bad_round": "cannot compute {target}: round() keeps 0 to 9 decimal places, but {expr} asks otherwise (with {values}).",
        "mixed_currency": "cannot compute {target}: it mixes amounts in different currencies ({values}).",
        "target_derived": "the derived value '{id}' ({label})",
        "target_when": "the condition of the clause '{id}'",
        "no_values": "no values",
    },
    "pl": {
        "required": "To pole jest wymagane.",
        "additional": "Nieznany parametr '{name}'.",
        "additional:money-object": "Nieznane pole '{name}': kwota ma tylko 'amount:' i 'currency:'.",
        "type:text": "Wpisz tekst.",
        "type:email": "Wpisz adres e-mail, np. anna@example.com.",
        "type:date": "Wpisz datę w postaci RRRR-MM-DD, np. 2027-01-01.",
        "type:choice": "Wybierz jedną z możliwości.",
        "type:list": "Wpisz listę: jedna pozycja w wierszu.",
        "type:integer": "Wpisz liczbę całkowitą.",
        "type:money": "Wpisz kwotę, np. 1200000.",
        "type:currency": "Wybierz walutę.",
        "type:number": "Wpisz liczbę.",
        "enum": "{got} nie jest jedną z możliwości: {allowed}.",
        "enum:currency": "Waluta {got} jest tu niedozwolona: użyj {allowed}.",
        "minimum": "Wartość musi wynosić co najmniej {limit}.",
        "maximum": "Wartość może wynosić najwyżej {limit}.",
        "decimals": "Za dużo miejsc po przecinku: dozwolona liczba miejsc to najwyżej {limit}.",
        "minLength": "Wpisz dokładnie {limit} {limit:characters}.",
        "maxLength": "Tekst jest za długi ({length} {length:characters}); dozwolone jest najwyżej {limit}.",
        "control": "Tekst zawiera niedozwolony znak sterujący (niewidoczny znak, np. skopiowany z innego programu): usuń go.",
        "line_break": "To pole ma jeden wiersz, a tekst zawiera podział wiersza: wpisz go w jednym wierszu.",
        "control:email": "{got} nie jest adresem e-mail, np. anna@example.com.",
        "control:date": "{got} nie jest datą w postaci RRRR-MM-DD.",
        "pattern:text": "Pole nie może być puste ani zawierać samych spacji.",
        "pattern:email": "{got} nie jest adresem e-mail, np. anna@example.com.",
        "pattern:date": "{got} nie jest datą w postaci RRRR-MM-DD.",
        "date": "{got} nie jest prawdziwą datą (sprawdź miesiąc i dzień).",
        "minItems": "Potrzeba co najmniej {limit} pozycji.",
        "maxItems": "Za dużo pozycji; dozwolone jest najwyżej {limit}.",
        "uniqueItems": "{got} występuje dwa razy: każdą pozycję wpisz raz.",
        "division_by_zero": "Nie można obliczyć: {target}: {expr} wynosi 0, a przez zero nie można dzielić (wartości: {values}).",
        "out_of_range": "Nie można obliczyć: {target}: {expr} wychodzi poza zakres (ponad 1e15) (wartości: {values}).",
        "bad_power": "Nie można obliczyć: {target}: wykładnik {expr} musi być liczbą całkowitą od -64 do 64 (wartości: {values}).",
        "bad_round": "Nie można obliczyć: {target}: round() zaokrągla do 0–9 miejsc po przecinku, a {expr} żąda innej liczby (wartości: {values}).",
        "mixed_currency": "Nie można obliczyć: {target}: łączy kwoty w różnych walutach ({values}).",
        "target_derived": "wartość wyliczana '{id}' ({label})",
        "target_when": "warunek postanowienia '{id}'",
        "no_values": "brak wartości",
    },
}


#: Nouns a message counts, by plural category (:func:`numbers.plural_form`): in a message,
#: ``{length:characters}`` is the form of "characters" that goes with the number in ``{length}``
#: ("202 znaki", "205 znaków", "1 character"). Mirrored by ``message`` in sla-form.js.
COUNTED: dict[str, dict[str, dict[str, str]]] = {
    "pl": {
        "characters": {"one": "znak", "few": "znaki", "many": "znaków", "other": "znaku"},
        "items": {"one": "pozycja", "few": "pozycje", "many": "pozycji", "other": "pozycji"},
    },
    "en": {
        "characters": {"one": "character", "other": "characters"},
        "items": {"one": "item", "other": "items"},
    },
}

_FIELD = re.compile(r"\{([a-z]+)\}")
_COUNTED_FIELD = re.compile(r"\{([a-z]+):([a-z]+)\}")


def describe(value: Any) -> str:
    """What a value is, for a message: ``text ('abc')``, ``a number (12)``, ``a list`` (in the
    terminal's language: a noun phrase that reads after "but this is" / "a to jest").

    Mirrored by ``describe`` in sla-form.js.
    """
    if value is None:
        return tr("empty")
    if isinstance(value, bool):
        return tr("true/false ({value})", value="true" if value else "false")
    if isinstance(value, int | float):
        return tr("a number ({number})", number=numbers.plain(float(value)))
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return tr("text ('{shown}')", shown=shown)
    if isinstance(value, list):
        return tr("a list")
    if isinstance(value, dict):
        return tr("a group of fields")
    return type(value).__name__


def _terminal_messages() -> dict[str, str]:
    """:data:`MESSAGES` ``["en"]`` as the terminal says them, in the messages' language
    (:func:`generator.tr.tr`; the ``{name}`` fields are filled by :func:`terminal`). In English
    it is the table itself (tests/test_tr_sla.py holds them equal): the form's Polish table is
    the form's short wording, this one says as much as the English."""
    return {
        "required": tr("a value is required here ({label})."),
        "additional": tr("unknown parameter '{name}'.{hint}"),
        "additional:money-object": tr("unknown field '{name}': an amount has only 'amount:' and 'currency:'.{hint}"),
        "type:text": tr("expected text, but this is {got}."),
        "type:email": tr("expected an e-mail address like anna@example.com, but this is {got}."),
        "type:date": tr("expected a date written as YYYY-MM-DD, like 2027-01-01, but this is {got}. "
                        "Put it in quotes if it is not read as text."),
        "type:choice": tr("expected one of {allowed}, but this is {got}."),
        "type:list": tr("expected a list (one '- item' per line), but this is {got}."),
        "type:integer": tr("expected a whole number, but this is {got}."),
        "type:money": tr("expected an amount like 1200000, or 'amount:' and 'currency:' on their own "
                         "lines, but this is {got}."),
        "type:currency": tr("expected a currency code like PLN, but this is {got}."),
        "type:number": tr("expected a number, but this is {got}."),
        "enum": tr("{got} is not one of the choices: {allowed}.{hint}"),
        "enum:currency": tr("{got} is not a currency allowed here: use {allowed}.{hint}"),
        "minimum": tr("must be at least {limit}, but this is {got}."),
        "maximum": tr("must be at most {limit}, but this is {got}."),
        "decimals": tr("has too many decimal places (at most {limit}), but this is {got}."),
        "minLength": tr("must be {limit} {limit:characters} long."),
        "maxLength": tr("is too long ({length} {length:characters}); at most {limit} are allowed."),
        "control": tr("contains a control character (an invisible character such as a tab from "
                      "another program): remove it."),
        "line_break": tr("is one line, but this text has a line break: write it on one line."),
        "control:email": tr("{got} is not an e-mail address like anna@example.com."),
        "control:date": tr("{got} is not a date written as YYYY-MM-DD, like 2027-01-01."),
        "pattern:text": tr("must not be empty or only spaces."),
        "pattern:email": tr("{got} is not an e-mail address like anna@example.com."),
        "pattern:date": tr("{got} is not a date written as YYYY-MM-DD, like 2027-01-01."),
        "date": tr("{got} is not a real date (check the month and the day)."),
        "minItems": tr("needs at least {limit} {limit:items}."),
        "maxItems": tr("has too many items; at most {limit} are allowed."),
        "uniqueItems": tr("{got} is given twice: give each item once."),
        "division_by_zero": tr("cannot compute {target}: {expr} is 0, and a division by zero is "
                               "impossible (with {values})."),
        "out_of_range": tr("cannot compute {target}: {expr} is out of range, larger than 1e15 or not "
                           "a number (with {values})."),
        "bad_power": tr("cannot compute {target}: the power {expr} must be a whole number from -64 "
                        "to 64 (with {values})."),
        "bad_round": tr("cannot compute {target}: round() keeps 0 to 9 decimal places, but {expr} "
                        "asks otherwise (with {values})."),
        "mixed_currency": tr("cannot compute {target}: it mixes amounts in different currencies "
                             "({values})."),
        "target_derived": tr("the derived value '{id}' ({label})"),
        "target_when": tr("the condition of the clause '{id}'"),
        "no_values": tr("no values"),
    }


def terminal(code: str, kind: str = "", **args: Any) -> str:
    """The sentence for a problem ``code`` of a value of ``kind`` as the CLI and ``playbook
    check`` say it: in the messages' language (:mod:`generator.tr`), with every detail."""
    return _message(_terminal_messages(), language(), code, kind, args)


def message(lang: str, code: str, kind: str = "", **args: Any) -> str:
    """The sentence for a problem ``code`` (``type``, ``minimum``...) of a value of ``kind``, as
    the form on a page in ``lang`` says it (the browser's twin is ``message`` in sla-form.js)."""
    return _message(MESSAGES[lang], lang, code, kind, args)


def _message(table: dict[str, str], lang: str, code: str, kind: str, args: dict[str, Any]) -> str:
    template = table.get(f"{code}:{kind}") or table.get(code) or code
    if code == "type" and f"type:{kind}" not in table:
        template = table["type:number"] if kind in ("number", "decimal", "percent", "duration",
                                                    "amount") else template
    fields = {
        "got": describe(args.get("got")) if code in ("type",) else _quoted(args.get("got")),
        "limit": _plain(args.get("limit")),
        "length": str(args.get("length", "")),
        "allowed": ", ".join(str(a) for a in args.get("allowed", [])),
        "name": str(args.get("name", "")),
        "label": str(args.get("label", "")),
        "hint": str(args.get("hint", "")),
        "target": str(args.get("target", "")),
        "expr": str(args.get("expr", "")),
        "values": str(args.get("values", "")) or table["no_values"],
        "id": str(args.get("id", "")),
    }
    counted = COUNTED[lang]
    template = _COUNTED_FIELD.sub(
        lambda m: numbers.plural_form(counted[m.group(2)], fields[m.group(1)], lang)
        if m.group(2) in counted and fields.get(m.group(1)) else m.group(0), template)
    return _FIELD.sub(lambda m: fields.get(m.group(1), m.group(0)), template)


def _plain(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        return numbers.plain(float(value))
    return str(value)


def _quoted(value: Any) -> str:
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"'{shown}'"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return numbers.plain(float(value))
    return describe(value)
