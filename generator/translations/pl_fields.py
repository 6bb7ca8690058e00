"""Polish: the skeleton ``playbook new`` writes (commands/new.py), its header and the help of
every field.

``FIELD_HELP`` is keyed by the English ``description`` of a model's field (generator/models/*.py),
which ``playbook schema`` keeps writing in English; ``tr_field()`` looks it up when a Polish
skeleton is written. ``tests/test_tr_new.py`` checks that every field's description has an entry
here and that no entry is stale. Field names, ids, choices (``month``, ``working``), dues
(``day 1``) and YAML (``{pl: ..., en: ...}``) stay as they are written in the file; a choice is
followed by the word the Polish page shows for it.
"""

MESSAGES: dict[str, str] = {
    # the header: each kind with the gender of its Polish noun
    "A new team.": "Nowy zespół.",
    "A new process.": "Nowy proces.",
    "A new goal.": "Nowy cel.",
    "A new strategy.": "Nowa strategia.",
    "A new checklist.": "Nowa lista kontrolna.",
    "A new sla.": "Nowy szablon SLA.",
    "A new playbook.": "Nowy playbook.",
    "A new term.": "Nowe pojęcie słownika.",
    "A new {kind}.": "Nowa definicja rodzaju {kind}.",
    "{a_new_kind} Lines starting with # are comments. Fill in every empty \"\", TODO-...-id and\n"
    "# empty choice or number; remove the optional fields you do not need.":
        "{a_new_kind} Wiersze zaczynające się od # to komentarze. Uzupełnij każde puste \"\",\n"
        "# każde TODO-...-id i każde puste pole na liczbę lub wartość do wyboru; usuń pola\n"
        "# opcjonalne, których nie potrzebujesz.",
    # each field's comment: "# title (wymagane): ..."
    "required": "wymagane",
    "optional": "opcjonalne",
    "required, or {other} instead": "wymagane albo zamiast niego {other}",
    "# one of: {options}": "# jedna z wartości: {options}",
}

FIELD_HELP: dict[str, str] = {
    # --- every definition (models/base.py) ---
    "Unique id across the project; becomes the page address.":
        "Id niepowtarzalne w całym projekcie; staje się adresem strony.",
    "Short title shown as the page heading.": "Krótki tytuł, pokazywany jako nagłówek strony.",
    "One or two sentences shown in tables and search results.":
        "Jedno lub dwa zdania, pokazywane w tabelach i w wynikach wyszukiwania.",
    "Who keeps this definition up to date (a person or team); like every text, the same in both "
    "languages or {pl: ..., en: ...}.":
        "Kto dba o aktualność tej definicji (osoba albo zespół); jak każdy tekst: ten sam w obu "
        "językach albo {pl: ..., en: ...}.",
    "Free keywords used by the site's tags and search: one list for every language, like "
    "[leads, mql], or one per language, like {pl: [sprzedaż, kwota], en: [sales, quota]}.":
        "Dowolne słowa, pokazywane jako tagi strony i używane w filtrach wyszukiwarki: jedna lista "
        "dla obu języków, np. [leady, mql], albo osobna dla każdego, np. {pl: [sprzedaż, kwota], "
        "en: [sales, quota]}.",
    "Date by which the owner re-reads this definition (YYYY-MM-DD).":
        "Data, do której właściciel ma ponownie przejrzeć tę definicję (RRRR-MM-DD).",
    "Words readers search for this by that the text may not use: one list, like [KPI, onboarding], "
    "or one per language, like {pl: [...], en: [...]}; the search finds and ranks the page by them, "
    "on both languages' sites.":
        "Słowa, którymi ludzie szukają tej strony, a których może nie być w jej tekście: jedna "
        "lista, np. [KPI, onboarding], albo osobna dla każdego języka, np. {pl: [...], en: [...]}; "
        "wyszukiwarka znajdzie po nich stronę wśród pierwszych wyników, w obu wersjach językowych.",
    "The text in Polish.": "Tekst po polsku.",
    "The text in English.": "Tekst po angielsku.",
    "The tags of the Polish pages.": "Tagi polskiej strony.",
    "The tags of the English pages.": "Tagi angielskiej strony.",
    "Words Polish readers search for this by.": "Słowa, którymi szukają tej strony czytelnicy polskiej wersji.",
    "Words English readers search for this by.": "Słowa, którymi szukają tej strony czytelnicy angielskiej wersji.",
    # --- team ---
    "Why the team exists, in one or two sentences.": "Po co istnieje zespół, w jednym lub dwóch zdaniach.",
    "How the team works: its process in a paragraph.": "Jak pracuje zespół: jego sposób działania w jednym akapicie.",
    "What the team is answerable for.": "Za co odpowiada zespół.",
    "new-audiences, known-contacts and/or existing-customers.":
        "Jedna lub kilka z wartości: new-audiences (nowi odbiorcy), known-contacts (znane kontakty), "
        "existing-customers (obecni klienci).",
    "Who the prospects are, in a sentence or two.": "Kim są potencjalni klienci, w jednym lub dwóch zdaniach.",
    "broad (the whole market, long term) or focused (named prospects, short term).":
        "broad (szeroki: cały rynek, długi termin) albo focused (wąski: wskazani potencjalni klienci, "
        "krótki termin).",
    "month, quarter, year or long-term.":
        "Jedna lub kilka z wartości: month (miesiąc), quarter (kwartał), year (rok), long-term (długi termin).",
    "The planning horizon in plain words.": "Horyzont planowania opisany zwykłymi słowami.",
    "Whom the team goes after: which groups of contacts, and who they are.":
        "Do kogo zespół kieruje swoje działania: do jakich grup kontaktów i kim one są.",
    "How far ahead the team plans, and how broad its view is.":
        "Na jak długo naprzód planuje zespół i jak szeroko patrzy na rynek.",
    # --- process ---
    "Id of the team that owns the process.": "Id zespołu, do którego należy proces.",
    "What starts the process.": "Co uruchamia proces.",
    "The process's steps, in the order they are done; at least one.":
        "Kroki procesu, w kolejności wykonywania; co najmniej jeden.",
    "Short name of the step, shown in the diagram and as its heading.":
        "Krótka nazwa kroku, pokazywana na diagramie i jako jego nagłówek.",
    "What happens in this step.": "Co się dzieje w tym kroku.",
    "Where work passes from a step of one team to a step of another team.":
        "Miejsca, w których praca przechodzi z kroku jednego zespołu do kroku innego zespołu.",
    "Short id of the step, unique within the process.": "Krótkie id kroku, niepowtarzalne w tym procesie.",
    "Id of the team that does this step.": "Id zespołu, który wykonuje ten krok.",
    "What the step takes in.": "Co krok dostaje na wejściu.",
    "What the step hands out.": "Co krok oddaje na wyjściu.",
    "Typical duration, e.g. '2 days'.": "Zwykły czas trwania, np. '2 dni'.",
    "Id of the step that hands over.": "Id kroku, który przekazuje.",
    "Id of the step that takes over.": "Id kroku, który przejmuje.",
    "What is handed over.": "Co jest przekazywane.",
    "Id of the SLA that governs this hand-off, if any.":
        "Id szablonu SLA, który obowiązuje przy tym przekazaniu, jeśli taki jest.",
    # --- goal ---
    "Id of the team that owns the goal.": "Id zespołu, do którego należy cel.",
    "The goal in one sentence.": "Cel w jednym zdaniu.",
    "What is counted.": "Co liczymy.",
    "The number to reach, greater than 0.": "Liczba do osiągnięcia, większa od 0.",
    "The period the target is for: month, quarter or year.":
        "Okres, którego dotyczy wartość docelowa: month (miesiąc), quarter (kwartał) albo year (rok).",
    "Unit of the target: a word like 'MQL' or '%', or per language a word or its forms by number, "
    "like {pl: {one: transakcja, few: transakcje, many: transakcji}, en: {one: deal, other: deals}}. "
    "For an amount of money give 'currency' instead.":
        "Jednostka wartości docelowej: słowo, np. 'MQL' albo '%', albo osobno dla każdego języka "
        "słowo lub jego formy zależne od liczby, np. {pl: {one: transakcja, few: transakcje, many: "
        "transakcji}, en: {one: deal, other: deals}}. Gdy cel to kwota pieniędzy, podaj zamiast "
        "niej 'currency'.",
    "For a target that is an amount of money, instead of 'unit': the currency's three-letter code, "
    "like PLN, EUR or USD. The pages write the amount as each language does: '1 200 000 zł' in "
    "Polish, 'PLN 1,200,000' in English.":
        "Gdy wartość docelowa to kwota pieniędzy, zamiast 'unit': trzyliterowy kod waluty, np. PLN, "
        "EUR albo USD. Strony zapisują kwotę tak, jak robi to każdy język: '1 200 000 zł' po "
        "polsku, 'PLN 1,200,000' po angielsku.",
    "awareness, leads, quota, revenue, retention or alignment.":
        "awareness (świadomość marki), leads (leady), quota (kwota sprzedaży), revenue (przychód), "
        "retention (utrzymanie klientów) albo alignment (współpraca zespołów).",
    # --- strategy ---
    "Id of the team that runs it.": "Id zespołu, który ją prowadzi.",
    "Where it happens, e.g. blog, phone.": "Gdzie się to dzieje (kanały), np. blog, telefon.",
    "What is done there.": "Co się tam robi.",
    "Whom it is for.": "Do kogo jest skierowana.",
    "Ids of the goals this strategy serves.": "Id celów, którym służy ta strategia.",
    "How success is measured.": "Jak mierzymy sukces.",
    # --- checklist ---
    "The role it is for, e.g. 'sales-rep' (playbook checklist pdf --role).":
        "Rola, dla której jest lista, np. 'sales-rep' (playbook checklist pdf --role).",
    "The role's name as readers say it, e.g. {pl: Handlowiec, en: Sales rep}; without it, the "
    "role's id is shown.":
        "Nazwa roli, jakiej używają czytelnicy, np. {pl: Handlowiec, en: Sales rep}; bez niej "
        "strona pokazuje id roli.",
    "Id of the team.": "Id zespołu.",
    "Count due offsets in working days or calendar days.":
        "Jak liczyć terminy (due): working (w dniach roboczych) albo calendar (w dniach kalendarzowych).",
    "Who helps or signs off, e.g. 'manager'.": "Kto pomaga albo zatwierdza, np. 'kierownik'.",
    "The checklist's groups of tasks, each under its own heading; at least one.":
        "Grupy zadań listy kontrolnej, każda pod własnym nagłówkiem; co najmniej jedna.",
    "Heading of this group of tasks.": "Nagłówek tej grupy zadań.",
    "The tasks under this heading; at least one.": "Zadania pod tym nagłówkiem; co najmniej jedno.",
    "What to do: the task the new hire ticks off.":
        "Co zrobić: zadanie, które nowy pracownik zaznacza jako wykonane.",
    "When: 'day 1', 'week 2', 'month 1'.": "Termin, wpisany po angielsku: 'day 1', 'week 2', 'month 1'.",
    "Ids of processes this item is about.": "Id procesów, których dotyczy to zadanie.",
    # --- SLA template ---
    "Ids of the two teams that sign it.": "Id dwóch zespołów, które podpisują umowę.",
    "The values each agreement is filled in with, on the form or in a values file; at least one.":
        "Wartości, którymi wypełnia się każdą umowę, w formularzu albo w pliku wartości; co najmniej "
        "jedna.",
    "The parameter's type: text, integer, decimal, percent, money, duration, date, email, choice or "
    "list; which other fields the parameter takes depends on it.":
        "Typ parametru: text (tekst), integer (liczba całkowita), decimal (liczba dziesiętna), percent "
        "(procent), money (kwota), duration (czas), date (data), email (adres e-mail), choice (wybór z "
        "listy) albo list (lista); od niego zależy, jakie jeszcze pola ma parametr.",
    "The items' type: text, integer, decimal, percent, money, duration, date, email or choice; which "
    "other rules the items take depends on it.":
        "Typ pozycji listy: text (tekst), integer (liczba całkowita), decimal (liczba dziesiętna), "
        "percent (procent), money (kwota), duration (czas), date (data), email (adres e-mail) albo "
        "choice (wybór z listy); od niego zależy, jakie jeszcze reguły mają pozycje.",
    "Name used in clauses as {{ name }} and in values files.":
        "Nazwa używana w postanowieniach jako {{ name }} i w plikach wartości.",
    "Label shown on the form and in the document.": "Etykieta pokazywana w formularzu i w dokumencie.",
    "Help text shown under the field.": "Podpowiedź pokazywana pod polem formularza.",
    "A value must be given (a parameter with a default never is).":
        "Czy wartość trzeba podać (parametr z wartością domyślną nigdy nie jest wymagany).",
    "Most characters allowed.": "Największa dozwolona liczba znaków.",
    "A box of several lines on the form.": "Pole formularza na kilka wierszy.",
    "The text used when none is given; may differ per language.":
        "Tekst użyty, gdy nie podano żadnego; w każdym języku może być inny.",
    "The whole number used when none is given.": "Liczba całkowita użyta, gdy nie podano żadnej.",
    "The number used when none is given, like 2.5.": "Liczba użyta, gdy nie podano żadnej, np. 2.5.",
    "The percentage used when none is given: 40 means 40%.":
        "Procent użyty, gdy nie podano żadnego: 40 oznacza 40%.",
    "The amount used when none is given: a number in the parameter's currency, or "
    "{amount: ..., currency: ...}.":
        "Kwota użyta, gdy nie podano żadnej: liczba w walucie parametru albo "
        "{amount: ..., currency: ...}.",
    "The amount: a number without spaces or a currency sign, like 30000.":
        "Kwota: liczba bez spacji i bez znaku waluty, np. 30000.",
    "The duration used when none is given: a number in the parameter's unit.":
        "Czas użyty, gdy nie podano żadnego: liczba w jednostce parametru (unit).",
    "The e-mail address used when none is given.": "Adres e-mail użyty, gdy nie podano żadnego.",
    "The items used when none are given: a list of items that fit 'item', none twice.":
        "Pozycje użyte, gdy nie podano żadnych: lista pozycji zgodnych z 'item', bez powtórzeń.",
    "Fewest items allowed.": "Najmniejsza dozwolona liczba pozycji.",
    "Most items allowed.": "Największa dozwolona liczba pozycji.",
    "Smallest value allowed.": "Najmniejsza dozwolona wartość.",
    "Largest value allowed.": "Największa dozwolona wartość.",
    "Decimal places allowed and shown.": "Liczba miejsc po przecinku: dozwolonych i pokazywanych.",
    "Smallest percentage allowed.": "Najmniejszy dozwolony procent.",
    "Largest percentage allowed.": "Największy dozwolony procent.",
    "Decimal places allowed.": "Dozwolona liczba miejsc po przecinku.",
    "ISO 4217 code, like PLN.": "Kod waluty ISO 4217, np. PLN.",
    "Other currencies a value may be given in.": "Inne waluty, w których można podać wartość.",
    "Smallest amount allowed.": "Najmniejsza dozwolona kwota.",
    "Largest amount allowed.": "Największa dozwolona kwota.",
    "hours, working-days or days.":
        "hours (godziny), working-days (dni robocze) albo days (dni kalendarzowe).",
    "Shortest duration allowed.": "Najkrótszy dozwolony czas.",
    "Longest duration allowed.": "Najdłuższy dozwolony czas.",
    "A date written as YYYY-MM-DD.": "Data zapisana jako RRRR-MM-DD.",
    "The value of one of the choices.": "Wartość (value) jednej z możliwości.",
    "The choices offered, each with its value, its label and optionally its text; at least one.":
        "Możliwości do wyboru, każda z wartością (value), etykietą (label) i opcjonalnie tekstem "
        "(text); co najmniej jedna.",
    "The type of each item: a type name like 'email', or its rules.":
        "Typ każdej pozycji: nazwa typu, np. 'email', albo jego reguły.",
    "What a values file writes, and what conditions compare with.":
        "To, co zapisuje się w pliku wartości i z czym porównują warunki.",
    "What the form and the document show.": "To, co pokazują formularz i dokument.",
    "Values computed from the parameters, like the leads needed a month; each may use the "
    "parameters and the derived values above it.":
        "Wartości wyliczane z parametrów, np. liczba leadów potrzebnych w miesiącu; każda może "
        "korzystać z parametrów i z wartości wyliczanych powyżej niej.",
    "Name used in clauses as {{ name }}, in conditions and in the derived values below it.":
        "Nazwa używana w postanowieniach jako {{ name }}, w warunkach i w wartościach wyliczanych "
        "poniżej.",
    "Label shown on the SLA's page and in the agreement's annex.":
        "Etykieta pokazywana na stronie szablonu SLA i w załączniku do umowy.",
    "A note on what the value means, for whoever edits the template; no page or document shows it.":
        "Notatka o tym, co oznacza ta wartość, dla osób edytujących szablon; nie pokazuje jej żadna "
        "strona ani dokument.",
    "Decimal places the value is shown with; 'round' says how it is rounded to them.":
        "Z iloma miejscami po przecinku pokazywać wartość; jak ją do nich zaokrąglić, mówi 'round'.",
    "The words inside a sentence of a clause, like {pl: co miesiąc, en: monthly}; by default the "
    "label with a small first letter (give it when the label starts with a name, like 'Salesforce').":
        "Słowa w środku zdania postanowienia, np. {pl: co miesiąc, en: monthly}; domyślnie etykieta "
        "z małej litery (podaj je, gdy etykieta zaczyna się od nazwy własnej, np. 'Salesforce').",
    "Arithmetic over parameter names, e.g. 'a / b'.": "Działanie na nazwach parametrów, np. 'a / b'.",
    "How the result is rounded to 'decimals' places.":
        "Jak zaokrąglić wynik do tylu miejsc po przecinku, ile podaje 'decimals'.",
    "Unit shown after the value: a word like 'MQL', or per language its forms by number, like "
    "{pl: {one: transakcja, few: transakcje, many: transakcji}, en: {one: deal, other: deals}}.":
        "Jednostka pokazywana po wartości: słowo, np. 'MQL', albo osobno dla każdego języka jego "
        "formy zależne od liczby, np. {pl: {one: transakcja, few: transakcje, many: transakcji}, "
        "en: {one: deal, other: deals}}.",
    "Polish: a word, or {one: ..., few: ..., many: ...} (and 'other' for a value shown with decimals).":
        "Po polsku: słowo albo {one: ..., few: ..., many: ...} (i 'other' dla wartości z częścią "
        "dziesiętną).",
    "English: a word, or {one: ..., other: ...}.": "Po angielsku: słowo albo {one: ..., other: ...}.",
    "Condition over the parameters; the clause appears only if true.":
        "Warunek dotyczący parametrów; postanowienie pojawia się tylko wtedy, gdy warunek jest spełniony.",
    "The agreement's clauses, numbered in this order; at least one.":
        "Postanowienia umowy, numerowane w tej kolejności; co najmniej jedno.",
    "Short id of the clause, unique within the template.":
        "Krótkie id postanowienia, niepowtarzalne w tym szablonie.",
    "The clause's heading in the agreement (without {{ name }}).":
        "Nagłówek postanowienia w umowie (bez {{ name }}).",
    "The clause's text, in Markdown; {{ name }} marks where a parameter's or derived value goes, "
    "{{ name with unit }} a derived value with its unit.":
        "Tekst postanowienia, w którym działa Markdown; {{ name }} oznacza miejsce na wartość "
        "parametru albo wartość wyliczaną, {{ name with unit }} na wartość wyliczaną z jej jednostką.",
    # --- playbook ---
    "When to use this playbook.": "Kiedy stosować ten playbook.",
    "The scenario's steps, in order; at least one.": "Kroki scenariusza, po kolei; co najmniej jeden.",
    "Short name of the step, shown as its heading.": "Krótka nazwa kroku, pokazywana jako jego nagłówek.",
    "any, small or large: which companies it suits.":
        "any (każda), small (mała) albo large (duża): dla jakiej wielkości firmy się nadaje.",
    "Ids of definitions used here.": "Id definicji, z których korzysta ten krok.",
    # --- glossary term ---
    "A longer explanation, with examples.": "Dłuższe wyjaśnienie, z przykładami.",
    "Other names of the term per language; search treats them as the same word.":
        "Inne nazwy pojęcia w każdym języku; wyszukiwarka traktuje je jak to samo słowo.",
    "Other names used in Polish.": "Inne nazwy używane po polsku.",
    "Other names used in English.": "Inne nazwy używane po angielsku.",
    "Ids of related terms.": "Id powiązanych pojęć.",
}
