"""Polish: the SLA generator's messages (``playbook sla``, the values file, and the template's
own checks in ``playbook check``: expressions, conditions, placeholders, units).

A placeholder ``{{ name }}`` is "miejsce na wartość"; a clause "postanowienie" and a derived value
"wartość wyliczana", as the site calls them (labels.py). The value problems (wording.py) are
filled in by :func:`generator.sla.wording.terminal`: ``{got}`` is a value in quotes, or a noun
phrase in the nominative ("tekst ('24')", "liczba (5)", "lista") read after "a jest";
``{target}`` is in the genitive, after "nie można obliczyć".
"""

MESSAGES: dict[str, str] = {
    # -- playbook sla list / values / fill (commands/sla.py) ------------------------------------
    "There are no SLA templates in this project (kind: sla).":
        "W tym projekcie nie ma żadnego szablonu SLA (kind: sla).",
    "There is no SLA template {ident!r}.": "Nie ma szablonu SLA {ident!r}.",
    "{ident!r} is a {kind}, not an SLA template.":
        "{ident!r} nie jest szablonem SLA (to definicja rodzaju {kind}).",
    " The SLA templates are: {ids}.": " Szablony SLA w tym projekcie: {ids}.",
    "Using the SLA template {id!r}.": "Wybrano szablon SLA {id!r}.",
    "No SLA templates.": "Brak szablonów SLA.",
    "--out: {out} is inside the folder of the definitions ({folder}/), where every YAML file is read "
    "as a definition; write the values file somewhere else, like --out {name}.":
        "--out: {out} leży w folderze definicji ({folder}/), gdzie każdy plik YAML jest czytany jako "
        "definicja; zapisz plik wartości gdzie indziej, np. --out {name}.",
    "{out} already exists; it was left as it is (add --force to replace it).":
        "Plik {out} już istnieje i został bez zmian (dodaj --force, aby go zastąpić).",
    "Wrote {out}: fill in the values, then run "
    "'playbook sla fill {id} --values {out} --format pdf --out {id}.pdf'.":
        "Zapisano {out}: uzupełnij wartości, a potem uruchom "
        "'playbook sla fill {id} --values {out} --format pdf --out {id}.pdf'.",
    "--out: {out} names a {named} file, but --format is {format}: name it like sla.{format}, or "
    "leave --format out.":
        "--out: {out} to plik {named}, a --format to {format}: nazwij go np. sla.{format} albo "
        "pomiń --format.",
    "--out: a {format} file cannot be printed; name the file, like --out sla.{format}.":
        "--out: pliku {format} nie da się wypisać na ekran; podaj nazwę pliku, np. --out sla.{format}.",
    "--out: this is the values file itself; choose another file.":
        "--out: to jest sam plik wartości; wybierz inny plik.",
    "--out: {out} names a folder; name a file in it, like {out}{example}.":
        "--out: {out} to folder; podaj nazwę pliku w nim, np. {out}{example}.",
    "--out: {out} is a folder; name a file in it.": "--out: {out} to folder; podaj nazwę pliku w nim.",
    "--out: cannot write {out}: {reason}.": "--out: nie można zapisać {out}: {reason}.",

    # -- reading the values file (sla/values.py) -------------------------------------------------
    "{file}: this is not an ordinary file; give the path of a values file.":
        "{file}: to nie jest zwykły plik; podaj ścieżkę do pliku wartości.",
    "{file}: the values file does not exist.": "{file}: plik wartości nie istnieje.",
    "{file}: this is a folder; give the path of a values file.":
        "{file}: to jest folder; podaj ścieżkę do pliku wartości.",
    "{file}: cannot read the values file: {reason}.": "{file}: nie można odczytać pliku wartości: {reason}.",
    "a values file is lines of 'name: value', one per parameter, but this file is {what}. "
    "Run 'playbook sla values {id}' for a file to fill in.":
        "plik wartości składa się z wierszy 'nazwa: wartość', po jednym na parametr, a ten plik to "
        "{what}. Uruchom 'playbook sla values {id}', aby dostać plik do wypełnienia.",
    " The parameters are: {names}.": " Parametry to: {names}.",
    " Did you mean {value!r} ({label})? Write the value, not its label.":
        " Czy chodziło o {value!r} ({label})? Wpisz wartość, a nie jej etykietę.",

    # -- what a value is (sla/wording.py describe: nominative, after "a jest") ----------------
    "true/false ({value})": "wartość true/false ({value})",
    "a number ({number})": "liczba ({number})",
    "text ('{shown}')": "tekst ('{shown}')",

    # -- a value's problems (sla/wording.py terminal) --------------------------------------------
    "a value is required here ({label}).": "brakuje wymaganej wartości ({label}).",
    "unknown parameter '{name}'.{hint}": "nieznany parametr '{name}'.{hint}",
    "unknown field '{name}': an amount has only 'amount:' and 'currency:'.{hint}":
        "nieznane pole '{name}': kwota ma tylko pola 'amount:' i 'currency:'.{hint}",
    "expected text, but this is {got}.": "tu ma być tekst, a jest {got}.",
    "expected an e-mail address like anna@example.com, but this is {got}.":
        "tu ma być adres e-mail, np. anna@example.com, a jest {got}.",
    "expected a date written as YYYY-MM-DD, like 2027-01-01, but this is {got}. "
    "Put it in quotes if it is not read as text.":
        "tu ma być data w postaci RRRR-MM-DD, np. 2027-01-01, a jest {got}. "
        "Ujmij ją w cudzysłów, jeśli nie jest odczytywana jako tekst.",
    "expected one of {allowed}, but this is {got}.": "tu ma być jedna z wartości: {allowed}, a jest {got}.",
    "expected a list (one '- item' per line), but this is {got}.":
        "tu ma być lista (jedna pozycja '- ...' w każdym wierszu), a jest {got}.",
    "expected a whole number, but this is {got}.": "tu ma być liczba całkowita, a jest {got}.",
    "expected an amount like 1200000, or 'amount:' and 'currency:' on their own lines, but this is {got}.":
        "tu ma być kwota, np. 1200000, albo pola 'amount:' i 'currency:' w osobnych wierszach, "
        "a jest {got}.",
    "expected a currency code like PLN, but this is {got}.": "tu ma być kod waluty, np. PLN, a jest {got}.",
    "expected a number, but this is {got}.": "tu ma być liczba, a jest {got}.",
    "{got} is not one of the choices: {allowed}.{hint}": "{got} nie jest żadną z możliwości: {allowed}.{hint}",
    "{got} is not a currency allowed here: use {allowed}.{hint}":
        "waluta {got} jest tu niedozwolona: użyj {allowed}.{hint}",
    "must be at least {limit}, but this is {got}.": "wartość musi wynosić co najmniej {limit}, a wynosi {got}.",
    "must be at most {limit}, but this is {got}.": "wartość może wynosić najwyżej {limit}, a wynosi {got}.",
    "has too many decimal places (at most {limit}), but this is {got}.":
        "liczba {got} ma za dużo miejsc po przecinku (dozwolone najwyżej {limit}).",
    "must be {limit} {limit:characters} long.": "wartość musi mieć {limit} {limit:characters}.",
    "is too long ({length} {length:characters}); at most {limit} are allowed.":
        "tekst jest za długi ({length} {length:characters}); może mieć najwyżej {limit} {limit:characters}.",
    "contains a control character (an invisible character such as a tab from another program): remove it.":
        "tekst zawiera znak sterujący (niewidoczny znak, np. tabulator skopiowany z innego programu): "
        "usuń go.",
    "is one line, but this text has a line break: write it on one line.":
        "to pole ma jeden wiersz, a ten tekst zawiera podział wiersza: wpisz go w jednym wierszu.",
    "{got} is not an e-mail address like anna@example.com.": "{got} nie jest adresem e-mail (np. anna@example.com).",
    "{got} is not a date written as YYYY-MM-DD, like 2027-01-01.":
        "{got} nie jest datą w postaci RRRR-MM-DD, np. 2027-01-01.",
    "must not be empty or only spaces.": "pole nie może być puste ani składać się z samych spacji.",
    "{got} is not a real date (check the month and the day).":
        "{got} nie jest istniejącą datą (sprawdź miesiąc i dzień).",
    # "co najmniej 1 pozycję": the counted noun would need the accusative, so none here.
    "needs at least {limit} {limit:items}.": "lista ma za mało pozycji: musi mieć co najmniej {limit}.",
    "{got} is given twice: give each item once.": "{got} występuje dwa razy: wpisz każdą pozycję tylko raz.",
    "cannot compute {target}: {expr} is 0, and a division by zero is impossible (with {values}).":
        "nie można obliczyć {target}: {expr} wynosi 0, a przez zero nie można dzielić (wartości: {values}).",
    "cannot compute {target}: {expr} is out of range, larger than 1e15 or not a number (with {values}).":
        "nie można obliczyć {target}: {expr} wychodzi poza zakres: jest większe niż 1e15 albo nie jest "
        "liczbą (wartości: {values}).",
    "cannot compute {target}: the power {expr} must be a whole number from -64 to 64 (with {values}).":
        "nie można obliczyć {target}: wykładnik potęgi {expr} musi być liczbą całkowitą od -64 do 64 "
        "(wartości: {values}).",
    "cannot compute {target}: round() keeps 0 to 9 decimal places, but {expr} asks otherwise (with {values}).":
        "nie można obliczyć {target}: round() zaokrągla do 0–9 miejsc po przecinku, a {expr} żąda innej "
        "liczby miejsc (wartości: {values}).",
    "cannot compute {target}: it mixes amounts in different currencies ({values}).":
        "nie można obliczyć {target}: wyrażenie łączy kwoty w różnych walutach ({values}).",
    # {target} of the five above: in the genitive.
    "the derived value '{id}' ({label})": "wartości wyliczanej '{id}' ({label})",
    "the condition of the clause '{id}'": "warunku postanowienia '{id}'",
    "no values": "brak",

    # -- the template's checks (models/sla.py) ---------------------------------------------------
    "{name!r} is not a valid parameter name: use lowercase letters, digits and underscores, starting "
    "with a letter, like 'leads_per_month'":
        "{name!r} nie jest poprawną nazwą parametru: użyj małych liter, cyfr i podkreśleń (_), "
        "zaczynając od litery, np. 'leads_per_month'",
    "{name!r} cannot be a parameter name: it is a reserved word":
        "{name!r} nie może być nazwą parametru: to słowo zastrzeżone",
    "must be between -1e15 and 1e15": "musi być liczbą od -1e15 do 1e15",
    "expected a word, or its forms by number like {example}":
        "tu ma być słowo albo jego formy zależne od liczby, np. {example}",
    "the forms of a unit belong to a language: write them under 'pl:' and 'en:', like "
    "unit: {{pl: {pl}, en: {en}}}":
        "formy jednostki należą do języka: wpisz je pod 'pl:' i 'en:', np. unit: {{pl: {pl}, en: {en}}}",
    "(at character {n})": "(znak nr {n})",
    "{name!r} is asked for, but no clause or derived value uses it, so no agreement would show it: "
    "write {{{{ {name} }}}} in a clause's body, or remove the parameter":
        "o parametr {name!r} pyta formularz, ale nie używa go żadne postanowienie ani wartość "
        "wyliczana, więc nie pokaże go żadna umowa: wpisz {{{{ {name} }}}} w treści postanowienia "
        "albo usuń parametr",
    "the name {name!r} is already used by {first}: every parameter and derived value needs its own name":
        "nazwa {name!r} jest już zajęta przez {first}: każdy parametr i każda wartość wyliczana "
        "potrzebuje własnej nazwy",
    "the clause id {id!r} is used twice": "id postanowienia {id!r} występuje dwa razy",
    "a parameter with a default is never missing: remove 'required: true' or the default":
        "parametr z wartością domyślną nigdy nie jest pusty: usuń 'required: true' albo wartość domyślną",
    "max ({high}) is smaller than min ({low})": "max ({high}) jest mniejsze niż min ({low})",
    "the choice {value!r} is listed more than once": "wartość {value!r} jest na liście możliwości więcej niż raz",
    "max_items ({max}) is smaller than min_items ({min})": "max_items ({max}) jest mniejsze niż min_items ({min})",
    "the default does not fit: {problem}": "wartość domyślna nie pasuje: {problem}",
    "{name!r} {at} is this derived value itself: it cannot use itself":
        "{name!r} {at} to ta sama wartość wyliczana: nie może używać samej siebie",
    "{name!r} {at} is derived[{index}], which comes later: a derived value can use only the "
    "parameters and the derived values above it":
        "{name!r} {at} to derived[{index}], czyli wartość zapisana niżej: wartość wyliczana może "
        "używać tylko parametrów i wartości wyliczanych zapisanych nad nią",
    "unknown name {name!r} {at}: no parameter or derived value has it{hint}":
        "nieznana nazwa {name!r} {at}: nie ma jej żaden parametr ani wartość wyliczana{hint}",
    "{name!r} {at} may be left empty (it is optional and has no default): make it required or give "
    "it a default":
        "parametr {name!r} {at} może zostać bez wartości (jest opcjonalny i nie ma wartości "
        "domyślnej): oznacz go jako wymagany (required: true) albo nadaj mu wartość domyślną",
    "this gives a text, but a number is needed here": "to wyrażenie daje tekst, a tu potrzebna jest liczba",
    "this gives a condition (true or false), but a number is needed here":
        "to wyrażenie daje warunek (true albo false), a tu potrzebna jest liczba",
    "this gives a text, but a condition (true or false) is needed here":
        "to wyrażenie daje tekst, a tu potrzebny jest warunek (true albo false)",
    "this gives a number, but a condition (true or false) is needed here":
        "to wyrażenie daje liczbę, a tu potrzebny jest warunek (true albo false)",
    "{value!r} {at} is not a choice of {name!r}: the choices are {choices}{hint}":
        "{value!r} {at} nie jest żadną z możliwości parametru {name!r}: możliwości to {choices}{hint}",
    "placeholders work in clause bodies only, not in titles":
        "miejsca na wartość ({{ nazwa }}) działają tylko w treści postanowień, nie w tytułach",
    "line {line}, column {col} of the text: ": "wiersz {line}, kolumna {col} tekstu: ",
    "{at}{{{{ {name} }}}} names no parameter or derived value{hint}":
        "{at}{{{{ {name} }}}} nie wskazuje żadnego parametru ani wartości wyliczanej{hint}",
    "{at}{{{{ {name} with unit }}}}: the derived value {name!r} has no unit: give it one "
    "('unit: ...') or write {{{{ {name} }}}}":
        "{at}{{{{ {name} with unit }}}}: wartość wyliczana {name!r} nie ma jednostki: nadaj jej "
        "jednostkę ('unit: ...') albo wpisz {{{{ {name} }}}}",
    "{at}{{{{ {name} with unit }}}}: {name!r} is a parameter, and only a derived value has a unit of "
    "its own (an amount, a duration and a percentage show theirs anyway): write {{{{ {name} }}}}":
        "{at}{{{{ {name} with unit }}}}: {name!r} to parametr, a własną jednostkę ma tylko wartość "
        "wyliczana (kwota, czas i procent i tak pokazują swoją): wpisz {{{{ {name} }}}}",
    # a unit's forms by number (also a goal's unit)
    "Polish has no {name!r} form: its forms are {uses}": "język polski nie ma formy {name!r}: jego formy to {uses}",
    "English has no {name!r} form: its forms are {uses}":
        "język angielski nie ma formy {name!r}: jego formy to {uses}",
    "{name!r} is not a form of a word by number: Polish forms are {uses}{hint}":
        "{name!r} nie jest formą słowa zależną od liczby: w języku polskim formy to {uses}{hint}",
    "{name!r} is not a form of a word by number: English forms are {uses}{hint}":
        "{name!r} nie jest formą słowa zależną od liczby: w języku angielskim formy to {uses}{hint}",
    "{first} and {last}": "{first} i {last}",

    # -- expressions and conditions (sla/expr.py) ------------------------------------------------
    "write the expression on one line": "zapisz wyrażenie w jednym wierszu",
    # {reason}: Python's own words for the syntax error, in English
    "this is not a valid expression ({reason})": "to nie jest poprawne wyrażenie ({reason})",
    "this is not a valid expression": "to nie jest poprawne wyrażenie",
    "the expression is too complex (more than {limit} parts)":
        "wyrażenie jest zbyt złożone (ma ponad {limit} części)",
    "the expression is nested too deeply (more than {limit} levels)":
        "wyrażenie jest zbyt głęboko zagnieżdżone (ponad {limit} poziomów)",
    "{value} is not allowed: use numbers and text in quotes":
        "{value} jest niedozwolone: używaj liczb i tekstu w cudzysłowie",
    "this number is too large (at most 1e15)": "ta liczba jest za duża (najwyżej 1e15)",
    "this text is too long (at most 200 characters)": "ten tekst jest za długi (najwyżej 200 znaków)",
    "only numbers and text in quotes are allowed as values":
        "jako wartości wolno używać tylko liczb i tekstu w cudzysłowie",
    "{name!r} is a function: call it, like {name}(x)": "{name!r} to funkcja: wywołaj ją, np. {name}(x)",
    "this operator is not allowed: use + - * / // % **": "ten operator jest niedozwolony: użyj + - * / // % **",
    "the operator '~' is not allowed": "operator '~' jest niedozwolony",
    "only == != < <= > >= are allowed as comparisons": "do porównań wolno używać tylko == != < <= > >=",
    "attribute access (a.b) is not allowed in an expression":
        "w wyrażeniu nie można odwoływać się do atrybutów (a.b)",
    "subscripts (a[b]) are not allowed in an expression": "w wyrażeniu nie można używać indeksów (a[b])",
    "lambda is not allowed in an expression": "w wyrażeniu nie można używać lambda",
    "'x if c else y' is not allowed in an expression": "w wyrażeniu nie można używać 'x if c else y'",
    "lists are not allowed in an expression": "w wyrażeniu nie można używać list",
    "tuples are not allowed in an expression": "w wyrażeniu nie można używać krotek",
    "mappings are not allowed in an expression": "w wyrażeniu nie można używać słowników",
    "sets are not allowed in an expression": "w wyrażeniu nie można używać zbiorów",
    "comprehensions are not allowed in an expression":
        "w wyrażeniu nie można używać wyrażeń składanych (comprehensions)",
    "f-strings are not allowed in an expression": "w wyrażeniu nie można używać f-stringów",
    "':=' is not allowed in an expression": "w wyrażeniu nie można używać ':='",
    "'*' is not allowed in an expression": "w wyrażeniu nie można używać '*' przed wartością",
    "await is not allowed in an expression": "w wyrażeniu nie można używać await",
    "yield is not allowed in an expression": "w wyrażeniu nie można używać yield",
    "{name} is not allowed in an expression": "w wyrażeniu nie można używać {name}",
    "{name!r} is not a function you can call here: use {functions}":
        "{name!r} nie jest funkcją, której można tu użyć: użyj jednej z: {functions}",
    "write the arguments without names, like round(x, 2)": "wpisz argumenty bez nazw, np. round(x, 2)",
    "{fn}() takes {low} to {high} arguments": "{fn}() przyjmuje od {low} do {high} argumentów",
    "{name!r} is a list: a list cannot be used in an expression":
        "{name!r} to lista: listy nie można użyć w wyrażeniu",
    "unknown name {name!r}": "nieznana nazwa {name!r}",
    "'{op}' works on numbers only": "'{op}' działa tylko na liczbach",
    "'-' and '+' work on numbers only": "'-' i '+' działają tylko na liczbach",
    "'not' needs a condition, like not (a > 1)": "'not' wymaga warunku, np. not (a > 1)",
    "'{op}' joins conditions, like a > 1 {op} b == 'x'": "'{op}' łączy warunki, np. a > 1 {op} b == 'x'",
    "compare numbers or texts, not conditions": "porównuj liczby albo teksty, nie warunki",
    "this compares a number with a text": "tu porównywana jest liczba z tekstem",
    "this compares a text with a number": "tu porównywany jest tekst z liczbą",
    "texts can only be compared with == and !=": "teksty można porównywać tylko za pomocą == i !=",
    "{fn}() works on numbers only": "{fn}() działa tylko na liczbach",
    "unknown expression": "nieznane wyrażenie",

    # -- placeholders in clause bodies (sla/placeholders.py, sla/body.py) ------------------------
    "'{{' is not closed with '}}'": "'{{' nie jest zamknięte przez '}}'",
    "'{{' is not closed with '}}' on the same line": "'{{' nie jest zamknięte przez '}}' w tym samym wierszu",
    "{{{{{inner}}}}} is not a placeholder: to show the value with its unit, write "
    "{{{{ {name} with unit }}}}":
        "{{{{{inner}}}}} nie jest miejscem na wartość: aby pokazać wartość z jednostką, wpisz "
        "{{{{ {name} with unit }}}}",
    "{{{{{inner}}}}} is not a placeholder: write a parameter name between the braces, like "
    "{{{{ company_name }}}}":
        "{{{{{inner}}}}} nie jest miejscem na wartość: wpisz między nawiasami nazwę parametru, np. "
        "{{{{ company_name }}}}",
    "more than {limit} placeholders in one clause": "ponad {limit} miejsc na wartość w jednym postanowieniu",
    "the text contains a private-use character: remove it":
        "tekst zawiera znak z prywatnego obszaru Unicode (private use): usuń go",
    "the placeholder {shown} on line {line} of the text is lost: it is inside HTML that is not "
    "allowed in a document (only Markdown is)":
        "miejsce na wartość {shown} w wierszu {line} tekstu przepadnie: jest wewnątrz HTML-a, "
        "którego nie wolno używać w dokumencie (wolno tylko Markdown)",
    "the placeholder {shown} on line {line} of the text is inside a link address or HTML attribute; "
    "a value can only go into the text":
        "miejsce na wartość {shown} w wierszu {line} tekstu jest w adresie odnośnika albo w atrybucie "
        "HTML; wartość można wstawić tylko do tekstu",
    "the placeholder {shown} on line {line} of the text is inside `code`; a value cannot be shown "
    "literally there: take it out of the backticks":
        "miejsce na wartość {shown} w wierszu {line} tekstu jest w `kodzie`; tam wartości nie da się "
        "pokazać dosłownie: wyjmij je spomiędzy odwrotnych apostrofów (`)",
    "the placeholder {shown} appears twice": "miejsce na wartość {shown} występuje dwa razy",
}

PLURALS: dict[tuple[str, str], tuple[str, ...]] = {
    ("({n} parameter; {file})", "({n} parameters; {file})"):
        ("({n} parametr; {file})", "({n} parametry; {file})", "({n} parametrów; {file})"),
    ("Wrote {out} ({format}, {lang}): {n} clause of {id!r}.",
     "Wrote {out} ({format}, {lang}): {n} clauses of {id!r}."):
        ("Zapisano {out} ({format}, {lang}): {n} postanowienie szablonu {id!r}.",
         "Zapisano {out} ({format}, {lang}): {n} postanowienia szablonu {id!r}.",
         "Zapisano {out} ({format}, {lang}): {n} postanowień szablonu {id!r}."),
    ("the expression is too long ({n} characters; at most {limit})",
     "the expression is too long ({n} characters; at most {limit})"):
        ("wyrażenie jest za długie ({n} znak; najwyżej {limit})",
         "wyrażenie jest za długie ({n} znaki; najwyżej {limit})",
         "wyrażenie jest za długie ({n} znaków; najwyżej {limit})"),
    ("{fn}() takes {n} argument", "{fn}() takes {n} arguments"):
        ("{fn}() przyjmuje {n} argument", "{fn}() przyjmuje {n} argumenty", "{fn}() przyjmuje {n} argumentów"),
    (", but {n} is given", ", but {n} are given"): (", a podano {n}", ", a podano {n}", ", a podano {n}"),
    ("the Polish unit has no {which} form, which numbers such as {numbers} need: give every form, "
     "like {example}, or one word for every number",
     "the Polish unit has no {which} forms, which numbers such as {numbers} need: give every form, "
     "like {example}, or one word for every number"):
        ("jednostka w języku polskim nie ma formy {which}, której potrzebują liczby takie jak "
         "{numbers}: podaj wszystkie formy, np. {example}, albo jedno słowo dla każdej liczby",
         "jednostka w języku polskim nie ma form {which}, których potrzebują liczby takie jak "
         "{numbers}: podaj wszystkie formy, np. {example}, albo jedno słowo dla każdej liczby",
         "jednostka w języku polskim nie ma form {which}, których potrzebują liczby takie jak "
         "{numbers}: podaj wszystkie formy, np. {example}, albo jedno słowo dla każdej liczby"),
    ("the English unit has no {which} form, which numbers such as {numbers} need: give every form, "
     "like {example}, or one word for every number",
     "the English unit has no {which} forms, which numbers such as {numbers} need: give every form, "
     "like {example}, or one word for every number"):
        ("jednostka w języku angielskim nie ma formy {which}, której potrzebują liczby takie jak "
         "{numbers}: podaj wszystkie formy, np. {example}, albo jedno słowo dla każdej liczby",
         "jednostka w języku angielskim nie ma form {which}, których potrzebują liczby takie jak "
         "{numbers}: podaj wszystkie formy, np. {example}, albo jedno słowo dla każdej liczby",
         "jednostka w języku angielskim nie ma form {which}, których potrzebują liczby takie jak "
         "{numbers}: podaj wszystkie formy, np. {example}, albo jedno słowo dla każdej liczby"),
    ("the Polish unit has no 'other' form, which this value needs: it is shown with {n} decimal place "
     "(like {like}), and such a number always takes the 'other' form: add 'other: ...'",
     "the Polish unit has no 'other' form, which this value needs: it is shown with {n} decimal places "
     "(like {like}), and such a number always takes the 'other' form: add 'other: ...'"):
        ("jednostka w języku polskim nie ma formy 'other', której potrzebuje ta wartość: jest "
         "pokazywana z {n} miejscem po przecinku (np. {like}), a taka liczba zawsze ma formę 'other': "
         "dopisz 'other: ...'",
         "jednostka w języku polskim nie ma formy 'other', której potrzebuje ta wartość: jest "
         "pokazywana z {n} miejscami po przecinku (np. {like}), a taka liczba zawsze ma formę 'other': "
         "dopisz 'other: ...'",
         "jednostka w języku polskim nie ma formy 'other', której potrzebuje ta wartość: jest "
         "pokazywana z {n} miejscami po przecinku (np. {like}), a taka liczba zawsze ma formę 'other': "
         "dopisz 'other: ...'"),
    ("the English unit has no 'other' form, which this value needs: it is shown with {n} decimal place "
     "(like {like}), and such a number always takes the 'other' form: add 'other: ...'",
     "the English unit has no 'other' form, which this value needs: it is shown with {n} decimal places "
     "(like {like}), and such a number always takes the 'other' form: add 'other: ...'"):
        ("jednostka w języku angielskim nie ma formy 'other', której potrzebuje ta wartość: jest "
         "pokazywana z {n} miejscem po przecinku (np. {like}), a taka liczba zawsze ma formę 'other': "
         "dopisz 'other: ...'",
         "jednostka w języku angielskim nie ma formy 'other', której potrzebuje ta wartość: jest "
         "pokazywana z {n} miejscami po przecinku (np. {like}), a taka liczba zawsze ma formę 'other': "
         "dopisz 'other: ...'",
         "jednostka w języku angielskim nie ma formy 'other', której potrzebuje ta wartość: jest "
         "pokazywana z {n} miejscami po przecinku (np. {like}), a taka liczba zawsze ma formę 'other': "
         "dopisz 'other: ...'"),
}
