"""Polish: reading YAML (yamlfile.py), the validation errors in plain words (messages.py), the
shared field types (models/base.py, models/money.py) and the output folders (fsutil.py).

Pieces composed into other messages keep one grammar wherever they go:

- ``describe()`` (``liczba (12)``, ``tekst ('abc')``, ``pusta wartość``): a noun phrase in the
  nominative, said after "a jest" / "a to jest" / "tymczasem to";
- ``char_name()`` (``znak twardej spacji (U+00A0)``, ``tabulator (U+0009)``): a masculine noun
  phrase whose nominative and accusative are the same ("plik zawiera {char}: usuń go"); not
  after a negation, which would need the genitive;
- ``suggest()`` (`` Czy chodziło o 'x'?``), ``date_advice()`` (`` Napisz 2027-02-01 (1 lutego
  2027).``): whole sentences appended after a full stop; ``number_advice()`` (``: napisz
  1200000 (bez spacji)``) goes on from "a jest {what}" before the final full stop.
"""

MESSAGES: dict[str, str] = {
    "the field {field} is empty: write one of {tags}.": "pole {field} jest puste: wpisz jedną z wartości {tags}.",
    "the text is in typographic quotes ({first} {last}), which YAML does not read as quotes: the page "
    "shows them. Remove them (a text needs no quotes); if they are meant to be shown, put the whole "
    "text in straight quotes: '{value}'.":
        "tekst jest w cudzysłowie typograficznym ({first} {last}), którego YAML nie czyta jako "
        "cudzysłowu: strona go pokaże. Usuń go (tekst nie potrzebuje cudzysłowu); jeśli ma być "
        "widoczny, ujmij cały tekst w zwykły apostrof: '{value}'.",
    # --- messages.py: what a value is (describe), a near spelling (suggest), advice ---
    "true/false ({shown})": "wartość true/false ({shown})",
    "a number ({shown})": "liczba ({shown})",
    "text ({shown})": "tekst ({shown})",
    "empty": "pusta wartość",
    "a list": "lista",
    "a group of fields": "grupa pól",
    " Did you mean {close!r}?": " Czy chodziło o {close!r}?",
    ": remove the quotes (a number in quotes is text)": ": usuń cudzysłów (liczba w cudzysłowie jest tekstem)",
    ": write {number} ({said})": ": napisz {number} ({said})",
    "{these} and {last}": "{these} i {last}",
    "{these} or {last}": "{these} lub {last}",
    "with a dot instead of a comma before the decimals": "z kropką zamiast przecinka przed częścią dziesiętną",
    "without spaces": "bez spacji",
    "without dots between the thousands": "bez kropek między tysiącami",
    "without commas between the thousands": "bez przecinków między tysiącami",
    "without {unit}": "bez {unit}",
    " Write {date} ({day_in_words}).": " Napisz {date} ({day_in_words}).",
    "{day} January {year}": "{day} stycznia {year}",
    "{day} February {year}": "{day} lutego {year}",
    "{day} March {year}": "{day} marca {year}",
    "{day} April {year}": "{day} kwietnia {year}",
    "{day} May {year}": "{day} maja {year}",
    "{day} June {year}": "{day} czerwca {year}",
    "{day} July {year}": "{day} lipca {year}",
    "{day} August {year}": "{day} sierpnia {year}",
    "{day} September {year}": "{day} września {year}",
    "{day} October {year}": "{day} października {year}",
    "{day} November {year}": "{day} listopada {year}",
    "{day} December {year}": "{day} grudnia {year}",
    # --- messages.py: pydantic's errors in plain words ---
    "expected a number, but this is text in typographic quotes ({opening} {closing}): "
    "remove the quotes (write {number}; a number needs none).":
        "tu ma być liczba, a jest tekst w cudzysłowie typograficznym ({opening} {closing}): "
        "usuń cudzysłów (napisz {number}; liczba nie potrzebuje cudzysłowu).",
    " The quotes {opening} {closing} are typographic ones, which YAML does not read as quotes: "
    "remove them, or type straight quotes (\" or ').":
        " Znaki {opening} {closing} to cudzysłów typograficzny, którego YAML nie czyta jako "
        "cudzysłowu: usuń go albo wpisz zwykły cudzysłów (\" lub ').",
    " The items start with '{mark}' (U+{code:04X}), not with the '-' of a list: "
    "type '- ' (a hyphen and a space) at the start of each.":
        " Pozycje zaczynają się od '{mark}' (U+{code:04X}), a nie od '-' listy: na początku "
        "każdej wpisz '- ' (łącznik i spację).",
    "this line starts with '{mark}' (U+{code:04X}), not with the '-' of a list item: type "
    "'- ' (a hyphen and a space) instead":
        "ten wiersz zaczyna się od '{mark}' (U+{code:04X}), a nie od '-' pozycji listy: wpisz "
        "w zamian '- ' (łącznik i spację)",
    "this line is indented less than the text it goes on from (the text after "
    "'{sign}' on line {line}), so YAML does not read it as part of that text: start "
    "it with {n} spaces, as the lines above it":
        "ten wiersz ma mniejsze wcięcie niż tekst nad nim (zaczęty po '{sign}' w wierszu "
        "{line}), więc YAML nie czyta go jako dalszej części tego tekstu: zacznij go od {n} "
        "spacji, jak wiersze nad nim",
    # where a syntax error is said to be, before the message ('file:line:col: YAML syntax: ...')
    "YAML syntax": "składnia YAML",
    "this field is required.": "to pole jest wymagane.",
    "'{name}:' gives a text in one language, but here it is a field of its own: "
    "indent it under the field it belongs to, like the line of the other language "
    "above it (with the same spaces at the start).":
        "'{name}:' podaje tekst w jednym języku, ale tutaj jest osobnym polem: umieść ten wiersz "
        "pod polem, do którego należy, z takim samym wcięciem jak wiersz drugiego języka nad nim "
        "(z tymi samymi spacjami na początku).",
    "the text {name!r} has no language before it: write {keys} before it.":
        "przed tekstem {name!r} nie ma języka: wpisz przed nim {keys}.",
    "unknown field {name!r}.{hint}": "nieznane pole {name!r}.{hint}",
    "unknown field {name!r}. The fields allowed here are: {allowed}.":
        "nieznane pole {name!r}. Dozwolone tu pola to: {allowed}.",
    "this field is empty: write the text after the ':'.": "to pole jest puste: wpisz tekst po ':'.",
    "expected text, but this is {what}. Put it in quotes if you mean it as text.":
        "tu ma być tekst, a jest {what}. Jeśli to ma być tekst, ujmij wartość w cudzysłów.",
    "expected text, but this is {what}.": "tu ma być tekst, a jest {what}.",
    "expected a number, but this is {what}: a number does not start with 0 (write {number}).":
        "tu ma być liczba, a jest {what}: liczba nie zaczyna się od 0 (napisz {number}).",
    "expected a number, but this is {what}{advice}.": "tu ma być liczba, a jest {what}{advice}.",
    "expected a number, but this is {what}. Write digits only, like 12 or 0.25.":
        "tu ma być liczba, a jest {what}. Wpisz same cyfry, np. 12 lub 0.25.",
    "expected a number, but this is {what}.": "tu ma być liczba, a jest {what}.",
    "expected a whole number, but this is {what}.": "tu ma być liczba całkowita, a jest {what}.",
    "expected true or false, but this is {what}.": "tu ma być true albo false, a jest {what}.",
    "this field is empty: choose one of {options}.": "to pole jest puste: wpisz jedną z wartości {options}.",
    "{shown} is not allowed here: choose one of {options}.{hint}":
        "{shown} nie jest tu dozwoloną wartością: wpisz jedną z wartości {options}.{hint}",
    "{value!r} is not a real date: check the month and the day.":
        "{value!r} nie jest istniejącą datą: sprawdź miesiąc i dzień.",
    "expected a date written as YYYY-MM-DD, like 2027-06-30, but this is {what}.{advice}":
        "tu ma być data w postaci RRRR-MM-DD, np. 2027-06-30, a jest {what}.{advice}",
    "expected a list (one '- item' per line), but this is {what}.":
        "tu ma być lista (jedna pozycja '- ...' w każdym wierszu), a jest {what}.",
    "expected a group of fields (lines of 'name: value'), but this is {what}.":
        "tu ma być grupa pól (wiersze 'nazwa: wartość'), a jest {what}.",
    "is too long ({length:,} characters); at most {limit:,} are allowed.":
        "jest za długie (liczba znaków: {length:,}); dozwolone jest najwyżej {limit:,}.",
    "has too many items; at most {limit} are allowed.": "ma za dużo pozycji; dozwolone jest najwyżej {limit}.",
    "is too long; at most {limit:,} characters are allowed.":
        "jest za długie; dozwolona liczba znaków to najwyżej {limit:,}.",
    "must not be empty.": "nie może być puste.",
    "must be at least {limit}, but this is {what}.": "musi wynosić co najmniej {limit}, a jest {what}.",
    "must be more than {limit}, but this is {what}.": "musi wynosić więcej niż {limit}, a jest {what}.",
    "must be at most {limit}, but this is {what}.": "musi wynosić najwyżej {limit}, a jest {what}.",
    "must be less than {limit}, but this is {what}.": "musi wynosić mniej niż {limit}, a jest {what}.",
    "{what} does not have the expected form ({pattern}).": "{what} nie ma oczekiwanej postaci ({pattern}).",
    "{tag!r} is not one of the allowed types: {tags}.{hint}":
        "{tag!r} nie jest jednym z dozwolonych rodzajów: {tags}.{hint}",
    "the field {field} is required here.": "pole {field} jest tu wymagane.",
    "expected a list of keywords like [leads, mql], or a list per language like {example}.":
        "tu ma być lista słów kluczowych, np. [leads, mql], albo osobna lista dla każdego języka, "
        "np. {example}.",
    "expected a list of words like [KPI, onboarding], or a list per language like {example}.":
        "tu ma być lista słów, np. [KPI, onboarding], albo osobna lista dla każdego języka, np. {example}.",
    # --- yamlfile.py: characters, by name (masculine: "plik zawiera {char}: usuń go") ---
    "a zero byte": "bajt zerowy",
    "a tab": "tabulator",
    "a line break": "znak końca wiersza",
    "a carriage return": "znak powrotu karetki",
    "a backspace": "znak cofania (backspace)",
    "a vertical tab": "tabulator pionowy",
    "a page break (form feed)": "znak nowej strony (form feed)",
    "an escape character": "znak escape",
    "a delete character": "znak delete",
    "a 'next line' character": "znak 'next line' (następny wiersz)",
    "an invisible line separator": "niewidoczny separator wierszy",
    "an invisible paragraph separator": "niewidoczny separator akapitów",
    "a non-character": "niedozwolony kod znaku (non-character)",
    "a non-breaking space": "znak twardej spacji",
    "a narrow non-breaking space": "znak wąskiej twardej spacji",
    "an invisible zero-width space": "niewidoczny znak spacji o zerowej szerokości",
    "an invisible zero-width non-joiner": "niewidoczny znak rozdzielający o zerowej szerokości",
    "an invisible zero-width joiner": "niewidoczny znak łączący o zerowej szerokości",
    "an invisible soft hyphen": "niewidoczny miękki łącznik",
    "an invisible word joiner": "niewidoczny znak łączący słowa (word joiner)",
    "a wide (ideographic) space": "znak szerokiej spacji (ideograficznej)",
    "an invisible byte-order mark": "niewidoczny znacznik kolejności bajtów (BOM)",
    "an invisible text-direction character ({code}) that can make a line look different "
    "from what it says":
        "niewidoczny znak kierunku tekstu ({code}), przez który wiersz może na ekranie wyglądać "
        "inaczej, niż jest w rzeczywistości",
    "half of a character (the surrogate {code})": "niepełny znak (surogat {code})",
    "a typographic space ({code})": "znak spacji typograficznej ({code})",
    "the control character {code}": "znak sterujący {code}",
    # --- yamlfile.py: space-like characters that change what a line means ---
    "{char} is used here to indent the line: it looks like a space, but YAML does not count it. "
    "Replace it with ordinary spaces":
        "{char} służy tu za wcięcie wiersza: wygląda jak spacja, ale YAML go nie liczy. "
        "Zastąp go zwykłymi spacjami",
    "{char} follows the ':' here, so YAML does not read '{key}' as a field name but the whole "
    "line as one text: replace it with an ordinary space":
        "{char} stoi tu zaraz po ':', więc YAML nie czyta '{key}' jako nazwy pola, tylko cały "
        "wiersz jako jeden tekst: zastąp go zwykłą spacją",
    "{char} follows the '-' here, so YAML does not read a list item but a text starting with "
    "'-': replace it with an ordinary space":
        "{char} stoi tu zaraz po '-', więc YAML czyta nie pozycję listy, tylko tekst zaczynający "
        "się od '-': zastąp go zwykłą spacją",
    "{char} is at the start of the line's text: it cannot be seen, but YAML reads "
    "it as part of what follows. Remove it":
        "{char} stoi na początku tekstu w wierszu: nie widać go, ale YAML czyta go jako część "
        "tego, co po nim następuje. Usuń go",
    # --- yamlfile.py: reading the file ---
    "the text contains {char}, written as an escape: remove it":
        "tekst zawiera {char}, zapisany kodem z ukośnikiem wstecznym (\\): usuń go",
    "the file contains {char}: remove it.": "plik zawiera {char}: usuń go.",
    "the file holds more than one document (a second '---' starts here): put "
    "one definition in each file":
        "plik zawiera więcej niż jeden dokument (tu drugi zaczyna się od '---'): umieść każdą "
        "definicję w osobnym pliku",
    "the file could not be read as YAML": "nie udało się odczytać pliku jako YAML",
    "an alias (*{name}) is used here; anchors and aliases (&name, "
    "*name) are not supported: write the value out in full":
        "użyto tu aliasu (*{name}); kotwice i aliasy (&nazwa, *nazwa) nie są obsługiwane: "
        "wpisz wartość w całości",
    "an anchor (&{name}) is defined here; anchors and aliases (&name, "
    "*name) are not supported: write the value out in full":
        "tu zdefiniowano kotwicę (&{name}); kotwice i aliasy (&nazwa, *nazwa) nie są "
        "obsługiwane: wpisz wartość w całości",
    "the file holds more than {limit:,} values: split it into several definitions":
        "plik zawiera więcej niż {limit:,} wartości: podziel go na kilka definicji",
    "the data is nested more than {limit} levels deep here: check the indentation and the brackets":
        "dane są tu zagnieżdżone za głęboko (dozwolona liczba poziomów: {limit}): sprawdź wcięcia "
        "i nawiasy",
    "the tag {tag} does not fit a list: remove the tag": "znacznik {tag} nie pasuje do listy: usuń go",
    "the tag {tag} does not fit a group of fields: remove the tag":
        "znacznik {tag} nie pasuje do grupy pól: usuń go",
    "the tag {tag} does not fit a single value: remove the tag":
        "znacznik {tag} nie pasuje do pojedynczej wartości: usuń go",
    "the tag {tag} is not supported: remove it and write a plain value":
        "znacznik {tag} nie jest obsługiwany: usuń go i wpisz zwykłą wartość",
    "{value} is marked empty (!!null) but is not: remove the tag":
        "{value} jest oznaczone jako puste (!!null), ale puste nie jest: usuń znacznik",
    "{value} is marked true/false (!!bool) but is neither: write true or false":
        "{value} jest oznaczone jako true/false (!!bool), ale nie jest ani jednym, ani drugim: "
        "wpisz true lub false",
    "{value} is marked as a whole number (!!int) but is not one: write digits only, or remove the tag":
        "{value} jest oznaczone jako liczba całkowita (!!int), ale nią nie jest: wpisz same cyfry "
        "albo usuń znacznik",
    "the number {value} is too large: at most {limit} digits are allowed":
        "liczba {value} jest za duża: dozwolona liczba cyfr to najwyżej {limit}",
    "{value} is marked as a number (!!float) but is not one: write a number like 0.25, or remove the tag":
        "{value} jest oznaczone jako liczba (!!float), ale nią nie jest: wpisz liczbę, np. 0.25, "
        "albo usuń znacznik",
    "the number {value} has too many digits: write at most {limit}":
        "liczba {value} ma za dużo cyfr: wpisz najwyżej {limit}",
    "merge keys (<<) are not supported: write the fields out in full":
        "klucze scalające (<<) nie są obsługiwane: wypisz pola w całości",
    "a key must be a plain word, not a list or a group of fields":
        "klucz musi być zwykłym słowem, a nie listą ani grupą pól",
    "this key is empty (~ or null)": "ten klucz jest pusty (~ lub null)",
    "this key is {value} (true/false)": "ten klucz to {value} (true/false)",
    "this key is the number {number}": "ten klucz to liczba {number}",
    "{what}: a key must be a field name like 'title'; put it in quotes if it is meant as text":
        "{what}: klucz musi być nazwą pola, np. 'title'; jeśli ma to być tekst, ujmij go w cudzysłów",
    "the key {key} appears twice, on line {line}: keep only one":
        "klucz {key} występuje dwa razy w wierszu {line}: zostaw tylko jeden",
    "the key {key} appears twice, on line {first} and line {line}: keep only one":
        "klucz {key} występuje dwa razy, w wierszu {first} i w wierszu {line}: zostaw tylko jeden",
    # --- yamlfile.py: libyaml's syntax errors in plain words ---
    "a tab is used here: YAML needs spaces": "tu jest tabulator: YAML wymaga spacji",
    "a tab is used here: YAML needs spaces for indentation": "tu jest tabulator: YAML wymaga spacji we wcięciach",
    "a ':' is not allowed here: put text with ': ' in quotes, or check the indentation":
        "znak ':' nie może tu stać: tekst z ': ' ujmij w cudzysłów albo sprawdź wcięcia",
    "a ':' is missing after a key, or a quote is not closed":
        "po kluczu brakuje ':' albo cudzysłów nie jest zamknięty",
    "the indentation does not line up with the lines above": "wcięcie nie zgadza się z wierszami powyżej",
    "the file ends too early: a quote or bracket is not closed":
        "plik kończy się za wcześnie: cudzysłów lub nawias nie jest zamknięty",
    "an unknown escape (backslash) sequence in a double-quoted text: write \\\\ for a backslash, "
    "or use single quotes":
        "nieznany kod z ukośnikiem wstecznym (\\) w tekście w podwójnym cudzysłowie: aby wpisać "
        "sam ukośnik, napisz \\\\, albo użyj pojedynczego cudzysłowu",
    "a backslash in double quotes starts an escape like \\n or \\u00e9, and this one is not "
    "complete: write \\\\ for a backslash, or use single quotes":
        "ukośnik wsteczny w podwójnym cudzysłowie zaczyna kod taki jak \\n lub \\u00e9, a ten kod "
        "jest niepełny: aby wpisać sam ukośnik, napisz \\\\, albo użyj pojedynczego cudzysłowu",
    "this escape (backslash) sequence is not a valid character: remove it":
        "ten kod z ukośnikiem wstecznym (\\) nie oznacza poprawnego znaku: usuń go",
    "an escape (backslash) sequence in a double-quoted text is cut short: write \\\\ for a "
    "backslash, or use single quotes":
        "kod z ukośnikiem wstecznym (\\) w tekście w podwójnym cudzysłowie jest urwany: aby "
        "wpisać sam ukośnik, napisz \\\\, albo użyj pojedynczego cudzysłowu",
    "the file contains a control character that is not allowed": "plik zawiera niedozwolony znak sterujący",
    "a '---' or '...' line is inside a quoted text: close the quote before it":
        "wiersz '---' lub '...' jest wewnątrz tekstu w cudzysłowie: zamknij cudzysłów przed nim",
    "a quoted text is not closed": "tekst w cudzysłowie nie jest zamknięty",
    "a line does not line up with the keys around it, or a '-' is misplaced":
        "wiersz nie jest wyrównany z kluczami wokół niego albo '-' stoi w złym miejscu",
    "a value is missing or starts with a character YAML does not allow":
        "brakuje wartości albo zaczyna się ona od znaku, na który YAML nie pozwala",
    "a list item ('- ') is expected here: check the indentation":
        "tu powinna być pozycja listy ('- '): sprawdź wcięcie",
    "this character cannot start a value: put the value in quotes":
        "wartość nie może zaczynać się od tego znaku: ujmij ją w cudzysłów",
    "a '[' list is not closed with ']'": "lista '[' nie jest zamknięta znakiem ']'",
    "a '{opens}' group is not closed with '{closes}'": "grupa '{opens}' nie jest zamknięta znakiem '{closes}'",
    "there is something after the value on this line: put the whole value in quotes":
        "w tym wierszu po wartości stoi coś jeszcze: ujmij całą wartość w cudzysłów",
    "a tag ('!...') is written wrongly: remove it": "znacznik ('!...') jest źle zapisany: usuń go",
    "the file has two '%YAML' lines: remove them": "plik ma dwa wiersze '%YAML': usuń je",
    "only YAML version 1.x is supported: remove the '%YAML' line":
        "obsługiwany jest tylko YAML w wersji 1.x: usuń wiersz '%YAML'",
    "the file has two '%TAG' lines for the same tag: remove them":
        "plik ma dwa wiersze '%TAG' dla tego samego znacznika: usuń je",
    "a '%' line must be followed by '---': remove the '%' line":
        "po wierszu '%' musi stać '---': usuń wiersz '%'",
    "a ':' is not allowed here: put the text in quotes": "znak ':' nie może tu stać: ujmij tekst w cudzysłów",
    "a list item ('- ') is not allowed here: put it on its own line under a key":
        "pozycja listy ('- ') nie może tu stać: umieść ją w osobnym wierszu pod kluczem",
    "the file ends too early or a line does not line up":
        "plik kończy się za wcześnie albo któryś wiersz nie jest wyrównany",
    "an unknown escape (backslash) sequence in a double-quoted text":
        "nieznany kod z ukośnikiem wstecznym (\\) w tekście w podwójnym cudzysłowie",
    "an alias (*name) is used: aliases are not supported": "użyto aliasu (*nazwa): aliasy nie są obsługiwane",
    "the same anchor is defined twice: anchors are not supported":
        "ta sama kotwica jest zdefiniowana dwa razy: kotwice nie są obsługiwane",
    "a key must be a plain word, not a list or mapping": "klucz musi być zwykłym słowem, a nie listą ani grupą pól",
    "the file is not valid YAML here: check the quotes, brackets and indentation":
        "w tym miejscu plik nie jest poprawnym YAML-em: sprawdź cudzysłowy, nawiasy i wcięcia",
    # --- yamlfile.py: syntax errors said where the mistake is ---
    "a value cannot start with '{sign}' and a space: for a list, start each item "
    "with '- ' (a hyphen and a space); for a text that starts with '{sign}', put it in quotes":
        "wartość nie może zaczynać się od '{sign}' i spacji: w liście zaczynaj każdą pozycję od "
        "'- ' (łącznika i spacji); tekst zaczynający się od '{sign}' ujmij w cudzysłów",
    "this quoted text is never closed: the file ends before its closing {quote}. "
    "Put the {quote} where the text ends":
        "ten tekst w cudzysłowie nigdzie się nie zamyka: plik kończy się przed zamykającym "
        "{quote}. Wstaw {quote} tam, gdzie kończy się tekst",
    "this '{opens}' list is not closed with '{closes}': YAML was still reading it at "
    "the end of the file":
        "ta lista '{opens}' nie jest zamknięta znakiem '{closes}': YAML wciąż ją czytał na końcu pliku",
    "this '{opens}' list is not closed with '{closes}': YAML was still reading it at "
    "line {line}, column {column}":
        "ta lista '{opens}' nie jest zamknięta znakiem '{closes}': YAML wciąż ją czytał w wierszu "
        "{line}, kolumnie {column}",
    "this '{opens}' group is not closed with '{closes}': YAML was still reading it at "
    "the end of the file":
        "ta grupa '{opens}' nie jest zamknięta znakiem '{closes}': YAML wciąż ją czytał na końcu pliku",
    "this '{opens}' group is not closed with '{closes}': YAML was still reading it at "
    "line {line}, column {column}":
        "ta grupa '{opens}' nie jest zamknięta znakiem '{closes}': YAML wciąż ją czytał w wierszu "
        "{line}, kolumnie {column}",
    "this line has no key: {hint}": "w tym wierszu nie ma klucza: {hint}",
    "this line looks empty but starts with a tab, which YAML does not allow at the "
    "start of a line: delete the tab":
        "ten wiersz wygląda na pusty, ale zaczyna się od tabulatora, na który YAML nie pozwala na "
        "początku wiersza: usuń tabulator",
    "this line holds only a comment but starts with a tab, which YAML does not allow "
    "at the start of a line: delete the tab":
        "w tym wierszu jest tylko komentarz, ale wiersz zaczyna się od tabulatora, na który YAML "
        "nie pozwala na początku wiersza: usuń tabulator",
    ". The quote {quote} here is a typographic one, which YAML does "
    "not read as a quote: type straight quotes (\") instead":
        ". Znak {quote} to cudzysłów typograficzny, którego YAML nie czyta jako cudzysłowu: "
        "wpisz zamiast niego zwykły cudzysłów (\")",
    "if it is the English text, write 'en: ' before it": "jeśli to tekst po angielsku, wpisz przed nim 'en: '",
    "if it is the Polish text, write 'pl: ' before it": "jeśli to tekst po polsku, wpisz przed nim 'pl: '",
    "write the key and ':' before the text, like 'title: text'; if it goes on from the "
    "text above, indent it further than that text's key":
        "wpisz przed tekstem klucz i ':', np. 'title: tekst'; jeśli to ciąg dalszy tekstu "
        "z wiersza wyżej, zrób głębsze wcięcie niż przy kluczu tamtego tekstu",
    "this quoted text is not closed on its line, so YAML reads the lines after it "
    "as part of the text, up to the {quote} on line {line}: close the quote on this line":
        "ten tekst w cudzysłowie nie jest zamknięty w swoim wierszu, więc YAML czyta kolejne "
        "wiersze jako część tekstu, aż do {quote} w wierszu {line}: zamknij cudzysłów w tym wierszu",
    "the text goes on after its closing quote ('): inside '...' write a quote twice "
    "('Don''t'), or put the whole text in double quotes (\"Don't\")":
        "tekst ciągnie się dalej za zamykającym cudzysłowem ('): wewnątrz '...' wpisz ten znak "
        "dwa razy ('Cel ''A'' 2027') albo ujmij cały tekst w podwójny cudzysłów (\"Cel 'A' 2027\")",
    'the text goes on after its closing quote ("): inside "..." write a quote as \\" '
    "(\"Cel \\\"A\\\" 2027\"), or put the whole text in single quotes ('Cel \"A\" 2027')":
        'tekst ciągnie się dalej za zamykającym cudzysłowem ("): wewnątrz "..." wpisz ten znak '
        "jako \\\" (\"Cel \\\"A\\\" 2027\") albo ujmij cały tekst w pojedynczy cudzysłów "
        "('Cel \"A\" 2027')",
    # --- yamlfile.py: bytes, size, warnings ---
    "the file is {size:,} bytes, over the limit of {limit:,} bytes: split it into smaller files.":
        "plik ma rozmiar {size:,} B, a dozwolone jest najwyżej {limit:,} B: podziel go na mniejsze pliki.",
    "the file is saved as {encoding}: save it as UTF-8 (in most editors: 'Save as' > encoding 'UTF-8').":
        "plik jest zapisany w kodowaniu {encoding}: zapisz go w UTF-8 (w większości edytorów: "
        "'Zapisz jako' > kodowanie 'UTF-8').",
    "the file is not saved as UTF-8: the byte 0x{byte:02X} here is not valid UTF-8 (the file may be "
    "saved as Windows-1250 or ISO-8859-2): save it as UTF-8.":
        "plik nie jest zapisany w UTF-8: bajt 0x{byte:02X} w tym miejscu nie jest poprawnym UTF-8 "
        "(plik może być zapisany w Windows-1250 lub ISO-8859-2): zapisz go w UTF-8.",
    "the value ends before '#{rest}': YAML reads ' #' and what follows as a comment, so the value "
    "is '{value}'. If '#{rest}' belongs to it, put the whole text in quotes (\"...\").":
        "wartość kończy się przed '#{rest}': YAML czyta ' #' i to, co po nim, jako komentarz, więc "
        "wartość to '{value}'. Jeśli '#{rest}' do niej należy, ujmij cały tekst w cudzysłów (\"...\").",
    "{value} is read as {read}, with a dot before the decimals. If you mean {whole}, write it "
    "without the dot; if you mean {read}, write {decimal}.":
        "YAML czyta {value} jako {read} (kropka oddziela część dziesiętną). Jeśli chodzi o {whole}, "
        "napisz to bez kropki; jeśli o {read}, napisz {decimal}.",
    # --- models/base.py: ids and texts ---
    "{value!r} is the placeholder 'playbook new' wrote: replace it with an SLA template's id":
        "{value!r} to miejsce do uzupełnienia wstawione przez 'playbook new': wpisz tu id szablonu SLA",
    "{value!r} is the placeholder 'playbook new' wrote: replace it with a glossary term's id":
        "{value!r} to miejsce do uzupełnienia wstawione przez 'playbook new': wpisz tu id pojęcia słownika",
    "{value!r} is the placeholder 'playbook new' wrote: replace it with a team's id":
        "{value!r} to miejsce do uzupełnienia wstawione przez 'playbook new': wpisz tu id zespołu",
    "{value!r} is the placeholder 'playbook new' wrote: replace it with a process's id":
        "{value!r} to miejsce do uzupełnienia wstawione przez 'playbook new': wpisz tu id procesu",
    "{value!r} is the placeholder 'playbook new' wrote: replace it with a goal's id":
        "{value!r} to miejsce do uzupełnienia wstawione przez 'playbook new': wpisz tu id celu",
    "{value!r} is the placeholder 'playbook new' wrote: replace it with a strategy's id":
        "{value!r} to miejsce do uzupełnienia wstawione przez 'playbook new': wpisz tu id strategii",
    "{value!r} is the placeholder 'playbook new' wrote: replace it with a checklist's id":
        "{value!r} to miejsce do uzupełnienia wstawione przez 'playbook new': wpisz tu id listy kontrolnej",
    "{value!r} is the placeholder 'playbook new' wrote: replace it with a playbook's id":
        "{value!r} to miejsce do uzupełnienia wstawione przez 'playbook new': wpisz tu id playbooka",
    "{value!r} is the placeholder 'playbook new' wrote: replace it with a {kind}'s id":
        "{value!r} to miejsce do uzupełnienia wstawione przez 'playbook new': wpisz tu id definicji "
        "rodzaju {kind}",
    "{value!r} is not a valid id: use 1 to 64 lowercase letters a-z, digits and "
    "single hyphens, starting and ending with a letter or digit; write it as {meant!r}":
        "{value!r} nie jest poprawnym id: użyj od 1 do 64 małych liter a-z, cyfr i pojedynczych "
        "łączników, tak by na początku i na końcu stała litera lub cyfra; napisz {meant!r}",
    "{value!r} is not a valid id: use 1 to 64 lowercase letters a-z, digits and single "
    "hyphens, starting and ending with a letter or digit, like 'lead-handoff'":
        "{value!r} nie jest poprawnym id: użyj od 1 do 64 małych liter a-z, cyfr i pojedynczych "
        "łączników, tak by na początku i na końcu stała litera lub cyfra, np. 'lead-handoff'",
    "{value!r} cannot be used as an id: it is a reserved file name on Windows":
        "{value!r} nie może być id: to zastrzeżona nazwa pliku w systemie Windows",
    "{value!r} is in typographic quotes ({opening} {closing}), which YAML does not read as "
    "quotes: remove them (write {bare!r}; an id needs no quotes)":
        "{value!r} jest w cudzysłowie typograficznym ({opening} {closing}), którego YAML nie czyta "
        "jako cudzysłowu: usuń go (napisz {bare!r}; id nie potrzebuje cudzysłowu)",
    "the id {bare!r} has {char} in it (after {before!r}), which cannot be seen: delete "
    "the id and type it again":
        "id {bare!r} zawiera {char} (za {before!r}), którego nie widać: usuń to id i wpisz je "
        "jeszcze raz",
    "the id {bare!r} has {char} in it (at its start), which cannot be seen: delete the id "
    "and type it again":
        "id {bare!r} zawiera {char} (na początku), którego nie widać: usuń to id i wpisz je jeszcze raz",
    "must not be empty or only spaces": "nie może być puste ani składać się z samych spacji",
    "must not be empty, but it holds only invisible characters (like a "
    "zero-width space): write the text":
        "nie może być puste, a zawiera tylko niewidoczne znaki (np. spację o zerowej szerokości): "
        "wpisz tekst",
    "give the text in at least one language, for example 'pl: ...'":
        "podaj tekst w co najmniej jednym języku, np. 'pl: ...'",
    "the template shows as a text a unit with forms by number ({{{forms}}}), and which "
    "form is right depends on the number before it: show the number and its unit "
    "together, with with_unit(number, unit), like {{{{ with_unit(d.target, d.unit) }}}}, "
    "which writes '14 transakcji', '2 transakcje', '1 deal'":
        "szablon pokazuje jako tekst jednostkę, która ma formy zależne od liczby ({{{forms}}}), "
        "a to, która forma jest właściwa, zależy od liczby przed nią: pokaż liczbę razem z jej "
        "jednostką, za pomocą with_unit(number, unit), np. {{{{ with_unit(d.target, d.unit) }}}}, "
        "co daje '14 transakcji', '2 transakcje', '1 deal'",
    "the template shows as a text a value that is a list, not a text: show "
    "its items one by one, with {loop}":
        "szablon pokazuje jako tekst wartość, która jest listą, a nie tekstem: pokaż jej pozycje "
        "po kolei, za pomocą {loop}",
    "the template shows as a text a value that is {what}, not a text: show "
    "its items one by one, with {{% for item in ... %}}":
        "szablon pokazuje jako tekst wartość typu {what}, która nie jest tekstem: pokaż jej "
        "pozycje po kolei, za pomocą {{% for item in ... %}}",
    # --- models/money.py: currencies ---
    "this field is empty: write the currency's three-letter code, like PLN, EUR or USD":
        "to pole jest puste: wpisz trzyliterowy kod waluty, np. PLN, EUR lub USD",
    "expected a currency code, but this is {what}: write the currency's three-letter code, "
    "like PLN, EUR or USD":
        "tu ma być kod waluty, a jest {what}: wpisz trzyliterowy kod waluty, np. PLN, EUR lub USD",
    "'$' is the sign of several currencies: write the code of yours, like USD, CAD or AUD":
        "'$' to znak kilku walut: wpisz kod swojej, np. USD, CAD lub AUD",
    "{word!r} is not a currency code (did you mean {meant!r}?): write the currency's three-letter "
    "ISO 4217 code, like PLN, EUR or USD":
        "{word!r} nie jest kodem waluty (czy chodziło o {meant!r}?): wpisz trzyliterowy kod waluty "
        "według ISO 4217, np. PLN, EUR lub USD",
    "{word!r} is not a currency code: write the currency's three-letter ISO 4217 code, "
    "like PLN, EUR or USD":
        "{word!r} nie jest kodem waluty: wpisz trzyliterowy kod waluty według ISO 4217, np. PLN, "
        "EUR lub USD",
    # --- fsutil.py: output folders, a machine that refuses to write ---
    "{option}: {target} would replace the whole project; choose a folder of its own, like {example!r}.":
        "{option}: zapis do {target} zastąpiłby cały projekt; wybierz osobny folder, np. {example!r}.",
    "{option}: {target} would overwrite {folder}/, which holds your own files "
    "(a build never writes there); choose a folder of its own, like {example!r}.":
        "{option}: zapis do {target} nadpisałby {folder}/, gdzie są twoje własne pliki (budowanie "
        "nigdy tam nie zapisuje); wybierz osobny folder, np. {example!r}.",
    "{option}: {target} is the folder you are working in, which the output would replace "
    "whole; choose a folder of its own, like '{example}'.":
        "{option}: {target} to folder, w którym pracujesz, a wynik zastąpiłby go w całości; "
        "wybierz osobny folder, np. '{example}'.",
    "{option}: {target} is a file, not a folder; it was left as it is.":
        "{option}: {target} to plik, a nie folder; pozostawiono go bez zmian.",
    "{option}: cannot look into {target}: {reason}; it was left as it is.":
        "{option}: nie można zajrzeć do {target}: {reason}; pozostawiono go bez zmian.",
    "{option}: {target} holds files that '{writer}' did not write ({listed}), so it was left as "
    "it is; choose an empty or new folder, or delete this one yourself.":
        "{option}: w {target} są pliki, których nie zapisało polecenie '{writer}' ({listed}), więc "
        "pozostawiono go bez zmian; wybierz pusty lub nowy folder albo sam usuń ten.",
    "{path}: this is not an ordinary file (a device, a pipe or a socket), so "
    "it cannot be written as one; name a file.":
        "{path}: to nie jest zwykły plik (tylko urządzenie, potok lub gniazdo), więc nie można go "
        "zapisać jak pliku; podaj plik.",
    "{target} is a file, not a folder; the site was not written there.":
        "{target} to plik, a nie folder; witryny tam nie zapisano.",
    "A mount point cannot be replaced by renaming: mount the volume one level up, "
    "or build elsewhere and copy the site in.":
        "Punktu montowania nie da się zastąpić przez zmianę nazwy: zamontuj wolumin o poziom wyżej "
        "albo zbuduj witrynę gdzie indziej i skopiuj ją tutaj.",
    "cannot put the new site in place of {target}: {reason}. The previous site is unchanged.":
        "nie można wstawić nowej witryny w miejsce {target}: {reason}. Poprzednia witryna została "
        "bez zmian.",
    "cannot create a folder beside {target}: {reason}. Nothing was changed.":
        "nie można utworzyć folderu obok {target}: {reason}. Nic nie zostało zmienione.",
    "Free some space on that disk, or write to another one.": "Zwolnij miejsce na tym dysku albo zapisz na innym.",
    "Free some space within your disk quota, or write elsewhere.":
        "Zwolnij miejsce w ramach swojego limitu dyskowego albo zapisz gdzie indziej.",
    "Write to a writable folder instead.": "Zapisz zamiast tego w folderze, w którym można zapisywać.",
    "Run the command as a user allowed to write there, or write elsewhere.":
        "Uruchom polecenie jako użytkownik, który może tam zapisywać, albo zapisz gdzie indziej.",
    "Check the disk or network share, then run the command again.":
        "Sprawdź dysk lub udział sieciowy, a potem uruchom polecenie jeszcze raz.",
    "Choose a shorter name: one file or folder name takes at most 255 bytes.":
        "Wybierz krótszą nazwę: nazwa jednego pliku lub folderu może mieć najwyżej 255 bajtów.",
}

PLURALS: dict[tuple[str, str], tuple[str, ...]] = {
    ("needs at least {n} item.", "needs at least {n} items."):
        ("musi mieć co najmniej {n} pozycję.", "musi mieć co najmniej {n} pozycje.",
         "musi mieć co najmniej {n} pozycji."),
    ("{listed} and {n} more", "{listed} and {n} more"):
        ("{listed} i jeszcze {n} inny", "{listed} i jeszcze {n} inne", "{listed} i jeszcze {n} innych"),
}
