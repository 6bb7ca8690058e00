"""Polish: ``playbook --help`` and each command's ``--help`` (cli.py, commands/*.py register(),
and argparse's own words, given by helptext.py and cli._Parser).

A command's or an option's help says what it does in the imperative, as the messages advise
("sprawdź", "zapisz"); a value's help is a noun phrase ("folder projektu"). Command names,
options, metavars (DIR, FILE, ID), choices and YAML values ("day 1", "week 2") stay as typed.
argparse indents by the length of "usage: ": any length works, the lines follow it. An option's
help goes through argparse's %-formatting: a per cent sign is written %% there. The epilog and the
description of ``checklist pdf`` are printed as written: keep their lines under 100 characters.
"""

MESSAGES: dict[str, str] = {
    # argparse's own words (helptext.py, cli._Parser)
    "usage: ": "użycie: ",
    "positional arguments": "argumenty",
    "options": "opcje",
    "show this help message and exit": "pokaż tę pomoc i zakończ",
    # cli.py
    "Sales & marketing playbooks from YAML: site, printable checklists, SLAs.":
        "Playbooki sprzedaży i marketingu z plików YAML: witryna, listy kontrolne do druku, umowy SLA.",
    "the project folder (holding mkdocs.yml)": "folder projektu (ten z plikiem mkdocs.yml)",
    # commands/check.py, build.py, render.py
    "validate every YAML file and report all problems":
        "sprawdź każdy plik YAML i wypisz wszystkie problemy",
    "treat warnings as errors": "traktuj ostrzeżenia jak błędy",
    "list every text missing a translation, and fail if any is":
        "wypisz każdy tekst bez tłumaczenia i zakończ błędem, jeśli jest choć jeden",
    "text (default) or json: every problem as an object, for other tools":
        "text (domyślnie) albo json: każdy problem jako obiekt, dla innych programów",
    "check, then build the site (the old one stays on failure)":
        "sprawdź, a potem zbuduj witrynę (gdy się nie uda, zostaje poprzednia)",
    "where to put the site (default: site_dir of mkdocs.yml)":
        "gdzie zapisać witrynę (domyślnie: site_dir z mkdocs.yml)",
    "write the generated Markdown pages to a folder":
        "zapisz wygenerowane strony Markdown w folderze",
    "the folder to write them to; replaced whole, so it must be missing, empty or an earlier render's":
        "folder, w którym zapisać strony; jest zastępowany w całości, więc musi nie istnieć, być "
        "pusty albo zawierać wynik wcześniejszego playbook render",
    "the pages' language (default: theme.language of mkdocs.yml)":
        "język stron (domyślnie: theme.language z mkdocs.yml)",
    "treat warnings as errors (as strict: true in mkdocs.yml does)":
        "traktuj ostrzeżenia jak błędy (tak jak strict: true w mkdocs.yml)",
    # commands/serve.py
    "preview the site, rebuilding when a file changes":
        "pokaż podgląd witryny i buduj ją na nowo po każdej zmianie pliku",
    "the address to serve on (default: 127.0.0.1, this computer only)":
        "adres, pod którym udostępnić podgląd (domyślnie: 127.0.0.1, tylko ten komputer)",
    "the port to serve on (default: 8000)": "port, na którym udostępnić podgląd (domyślnie: 8000)",
    "open the site in a browser": "otwórz witrynę w przeglądarce",
    "the language to preview (default: theme.language of mkdocs.yml)":
        "język podglądu (domyślnie: theme.language z mkdocs.yml)",
    # commands/schema.py, new.py
    "write a JSON Schema for each kind": "zapisz JSON Schema każdego rodzaju definicji",
    "default: schema/ in the project": "domyślnie: schema/ w projekcie",
    "write a commented skeleton of a new definition":
        "zapisz szkielet nowej definicji z komentarzami",
    "one of: {kinds}": "jeden z rodzajów: {kinds}",
    "the new definition's id, e.g. lead-handoff": "id nowej definicji, np. lead-handoff",
    # commands/checklist.py
    "list the onboarding checklists, or print them as A4 PDFs":
        "wypisz listy kontrolne wdrożenia albo zapisz je jako PDF-y A4 do druku",
    "the checklists with their roles and item counts":
        "listy kontrolne z ich rolami i liczbą pozycji",
    "language of the titles": "język tytułów",
    "an A4 PDF of one checklist, or with --role of every checklist for a role":
        "PDF A4 jednej listy kontrolnej albo, z --role, wszystkich list kontrolnych danej roli",
    "Write an A4 PDF of checklist ID, personalised for a new hire, or with --role ROLE\n"
    "a pack of every checklist for that role, with a cover page and contents.":
        "Zapisz PDF A4 listy kontrolnej ID, przygotowany dla nowej osoby, albo (z --role ROLE) zestaw\n"
        "wszystkich list kontrolnych tej roli ze stroną tytułową i spisem treści.",
    "the checklist's id (see: playbook checklist list)":
        "id listy kontrolnej (zobacz: playbook checklist list)",
    "every checklist for ROLE in one PDF": "wszystkie listy kontrolne roli ROLE w jednym PDF-ie",
    "content language (default: the site's)": "język treści (domyślnie: język witryny)",
    "the new hire's name, printed on the page":
        "imię i nazwisko nowej osoby, drukowane na stronie",
    "the manager's name, printed on the page":
        "imię i nazwisko przełożonego, drukowane na stronie",
    "first working day, YYYY-MM-DD: turns 'day 1', 'week 2' into dates":
        "pierwszy dzień pracy, YYYY-MM-DD: zamienia 'day 1', 'week 2' na daty",
    "where to write the PDF (default: ID-LANG.pdf, or ROLE-pack-LANG.pdf, here; an existing folder: "
    "inside it)":
        "gdzie zapisać PDF (domyślnie: ID-LANG.pdf albo ROLE-pack-LANG.pdf w bieżącym folderze; "
        "istniejący folder: w nim)",
    "How due dates are counted (with --start):\n"
    "  \"day 1\" is the start date itself; \"day N\" is the N-th day from it.\n"
    "  A checklist with \"days: working\" (the default) counts Monday to Friday, less the public\n"
    "  holidays of \"holidays: PL\" (a region's too with \"holidays: DE-BY\") and the \"days_off\" in\n"
    "  mkdocs.yml, if given; a start date that is not a working day makes the next working day \"day 1\".\n"
    "  \"week N\" is the end of the N-th week: the day before day 1's weekday N weeks later, moved back\n"
    "  to a working day (a Monday start gives the Friday), day 7*N in calendar days.\n"
    "  \"month N\" is the end of the N-th month: the day before the same date N months later\n"
    "  (2027-01-04 -> 2027-02-03); in working days a day off moves back to the working day before.\n"
    "Without --start, the offsets are printed as they are (\"week 2\").\n":
        "Jak liczone są terminy (z --start):\n"
        "  \"day 1\" to sama data rozpoczęcia; \"day N\" to N-ty dzień, licząc od niej.\n"
        "  Lista kontrolna z \"days: working\" (domyślnie) liczy dni od poniedziałku do piątku, bez\n"
        "  świąt z \"holidays: PL\" (z \"holidays: DE-BY\" także świąt regionu) i bez \"days_off\"\n"
        "  z mkdocs.yml, jeśli je podano; gdy data rozpoczęcia nie jest dniem roboczym, \"day 1\"\n"
        "  to następny dzień roboczy.\n"
        "  \"week N\" to koniec N-tego tygodnia: dzień przed tym samym dniem tygodnia co \"day 1\",\n"
        "  N tygodni później, cofnięty na dzień roboczy (start w poniedziałek daje piątek);\n"
        "  w dniach kalendarzowych to dzień 7*N.\n"
        "  \"month N\" to koniec N-tego miesiąca: dzień przed tą samą datą N miesięcy później\n"
        "  (2027-01-04 -> 2027-02-03); w dniach roboczych termin, który wypada w dzień wolny,\n"
        "  cofa się na poprzedni dzień roboczy.\n"
        "Bez --start terminy są drukowane bez dat, tak jak je zapisano (\"week 2\", po polsku\n"
        "\"tydzień 2\").\n",
    # commands/sla.py
    "fill in an SLA template: list, values, fill": "wypełnij szablon SLA: list, values, fill",
    "list the SLA templates": "wypisz szablony SLA",
    "write a commented values file with every parameter, to fill in":
        "zapisz plik wartości ze wszystkimi parametrami i komentarzami, do wypełnienia",
    "the SLA template's id (see 'playbook sla list')": "id szablonu SLA (zobacz: 'playbook sla list')",
    "where to write it (default: print it)": "gdzie zapisać plik (domyślnie: wypisz go na ekran)",
    "language of the labels, help texts and defaults":
        "język etykiet, objaśnień i wartości domyślnych",
    "overwrite an existing file": "zastąp istniejący plik",
    "fill a template with a values file": "wypełnij szablon wartościami z pliku wartości",
    "the values file (YAML)": "plik wartości (YAML)",
    "md, html, pdf or docx (default: from --out's extension, else md)":
        "md, html, pdf albo docx (domyślnie: według rozszerzenia pliku z --out, a bez niego md)",
    "language of the agreement (default: the site's)": "język umowy (domyślnie: język witryny)",
    "where to write it (md and html: default print it)":
        "gdzie zapisać umowę (md i html: domyślnie wypisz ją na ekran)",
}
