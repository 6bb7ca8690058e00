"""Polish: the project and its definitions (project.py: mkdocs.yml; catalogue.py: the files, ids
and references; i18n.py: the hand-written pages; the models' own checks; the search index)."""

MESSAGES: dict[str, str] = {
    # words a message is made of
    " or ": " lub ",
    " and ": " i ",
    "definition": "definicja",
    "team": "zespół",
    "process": "proces",
    "goal": "cel",
    "strategy": "strategia",
    "checklist": "lista kontrolna",
    "sla": "SLA",
    "playbook": "playbook",
    "term": "pojęcie",
    # "a team", "an SLA": Polish has no articles
    "a {word}": "{word}",
    "an {word}": "{word}",
    # project.py: mkdocs.yml
    "{value} cannot be read as a real date: correct it, or put it in quotes if it is meant as text.":
        "wartości {value} nie da się odczytać jako istniejącej daty: popraw ją albo ujmij ją w "
        "cudzysłów, jeśli ma to być tekst.",
    "{value} cannot be read as a whole number: correct it, or put it in quotes if it is meant as text.":
        "wartości {value} nie da się odczytać jako liczby całkowitej: popraw ją albo ujmij ją w "
        "cudzysłów, jeśli ma to być tekst.",
    "{value} cannot be read as a number: correct it, or put it in quotes if it is meant as text.":
        "wartości {value} nie da się odczytać jako liczby: popraw ją albo ujmij ją w cudzysłów, jeśli "
        "ma to być tekst.",
    "{value} cannot be read as true or false: correct it, or put it in quotes if it is meant as text.":
        "wartości {value} nie da się odczytać jako true ani false: popraw ją albo ujmij ją w "
        "cudzysłów, jeśli ma to być tekst.",
    "{value} cannot be read as what its tag says: correct it, or put it in quotes if it is meant as "
    "text.":
        "wartości {value} nie da się odczytać tak, jak każe jej znacznik (tag): popraw ją albo ujmij "
        "ją w cudzysłów, jeśli ma to być tekst.",
    "{file}: cannot read the file: {reason}.": "{file}: nie można odczytać pliku: {reason}.",
    "{folder}: no such folder. Name the project folder (the one holding mkdocs.yml) with "
    "--project DIR.":
        "{folder}: nie ma takiego folderu. Wskaż folder projektu (ten, w którym jest mkdocs.yml) "
        "opcją --project DIR.",
    "{folder}: no mkdocs.yml here; the project seems to be {project}, which holds one. Run the "
    "command there, or name it with --project {project}.":
        "{folder}: tu nie ma pliku mkdocs.yml; projektem jest chyba {project}, w którym ten plik "
        "jest. Uruchom polecenie tam albo wskaż projekt opcją --project {project}.",
    "{folder}: no mkdocs.yml here. Run the command in the project folder, or name it with "
    "--project DIR.":
        "{folder}: tu nie ma pliku mkdocs.yml. Uruchom polecenie w folderze projektu albo wskaż go "
        "opcją --project DIR.",
    "expected a list of plugins, one '- name' per line, like [search, playbook], not {value}.":
        "tu ma być lista wtyczek, po jednej '- nazwa' w wierszu, np. [search, playbook], a jest "
        "{value}.",
    "expected the plugin's options as 'name: value' lines under it (like 'languages: [pl, en]'), "
    "or nothing, not {value}.":
        "tu mają być opcje wtyczki jako wiersze 'nazwa: wartość' pod nią (np. 'languages: [pl, en]') "
        "albo nic, a jest {value}.",
    "expected the site's name per language, like {example}.":
        "tu ma być nazwa witryny w każdym języku, np. {example}.",
    "expected the site's description per language, like {example}.":
        "tu ma być opis witryny w każdym języku, np. {example}.",
    "{value} is not one of the site's languages ({languages}): remove it, or add it to languages.":
        "{value} nie jest jednym z języków witryny ({languages}): usuń go albo dopisz go do "
        "opcji languages.",
    "expected the site's name in {lang}, a text, not {value}.":
        "tu ma być nazwa witryny w języku {lang} (tekst), a jest {value}.",
    "expected the site's description in {lang}, a text, not {value}.":
        "tu ma być opis witryny w języku {lang} (tekst), a jest {value}.",
    "{name!r} is not an option of the playbook plugin; the options are {options}.{hint}":
        "{name!r} nie jest opcją wtyczki playbook; jej opcje to {options}.{hint}",
    "expected a text, not {value}.": "tu ma być tekst, a jest {value}.",
    "expected true or false, not {value}.": "tu ma być true albo false, a jest {value}.",
    "expected a list of languages, like [{example}].": "tu ma być lista języków, np. [{example}].",
    "{lang!r} is not supported; use {choices}.{hint}":
        "język {lang!r} nie jest obsługiwany; użyj {choices}.{hint}",
    "{lang!r} is not one of the site's languages: write {choices}.{hint}":
        "{lang!r} nie jest jednym z języków witryny: wpisz {choices}.{hint}",
    "expected a country's two-letter code, like PL, not {value}.":
        "tu ma być dwuliterowy kod kraju, np. PL, a jest {value}.",
    "{value}: write a country and its region with a hyphen, like {country}-{region}.":
        "{value}: kraj i jego region oddziel łącznikiem, np. {country}-{region}.",
    "{value} is not a country whose public holidays are known; write its two-letter code (ISO "
    "3166), like PL, DE or GB, or remove the line to count every Monday to Friday.":
        "{value} nie jest krajem, którego święta są znane; wpisz jego dwuliterowy kod (ISO 3166), "
        "np. PL, DE lub GB, albo usuń ten wiersz, aby liczyć każdy dzień od poniedziałku do piątku.",
    "{value}: no region of {country} has public holidays of its own in the calendar; write "
    "{country}.":
        "{value}: żaden region kraju {country} nie ma w kalendarzu własnych świąt; wpisz {country}.",
    "{value}: write the region's code after the hyphen; {hint}":
        "{value}: po łączniku wpisz kod regionu; {hint}",
    "{value}: write the region's code, {country}-{code} (for {region}).":
        "{value}: wpisz kod regionu: {country}-{code} ({region}).",
    "{value}: {country} has no region {region!r} whose holidays are known; {hint}":
        "{value}: kraj {country} nie ma regionu {region!r}, którego święta są znane; {hint}",
    "or write {country} alone for national holidays only.":
        "albo wpisz samo {country}, aby liczyć tylko święta ogólnokrajowe.",
    " Did you mean {country}-{code}?": " Czy chodziło o {country}-{code}?",
    "its region codes are {codes}, {alone}{mean}": "znane kody regionów to {codes}, {alone}{mean}",
    "expected a list of dates, like [2027-05-04, 2027-12-31].":
        "tu ma być lista dat, np. [2027-05-04, 2027-12-31].",
    "{value} is not a date; write each day off as YYYY-MM-DD, like 2027-05-04.":
        "{value} nie jest datą; każdy dzień wolny wpisz jako RRRR-MM-DD, np. 2027-05-04 (4 maja 2027).",
    "a folder's name cannot contain {char}: remove it.":
        "nazwa folderu nie może zawierać tego znaku: {char}; usuń go.",
    "a folder's name can be at most {limit} bytes long, but one part of this path is {longest}: "
    "shorten it.":
        "nazwa folderu może mieć najwyżej {limit} bajtów, a jedna część tej ścieżki ma {longest}: "
        "skróć ją.",
    "{value!r} is the project folder itself: a template could then include any file of it "
    "(.git/config too); name a folder in it, like {example}.":
        "{value!r} to sam folder projektu: szablon mógłby wtedy dołączyć każdy jego plik (także "
        ".git/config); wskaż folder wewnątrz niego, np. {example}.",
    "{value!r} goes through the symbolic link {link} to {real}, outside the project: a build would "
    "read files from elsewhere on the machine, and could publish them. Keep the folder in the "
    "project (a copy, or a git submodule), like {example}.":
        "{value!r} prowadzi przez dowiązanie symboliczne {link} do {real}, poza projekt: budowanie "
        "czytałoby pliki z innych miejsc na komputerze i mogłoby je opublikować. Trzymaj folder w "
        "projekcie (kopię albo submoduł git), np. {example}.",
    "{value!r} is outside the project: a build would read files from elsewhere on the machine, and "
    "could publish them. Keep the folder in the project (a copy, or a git submodule), like "
    "{example}.":
        "{value!r} jest poza projektem: budowanie czytałoby pliki z innych miejsc na komputerze i "
        "mogłoby je opublikować. Trzymaj folder w projekcie (kopię albo submoduł git), np. {example}.",
    "{value!r} leads to {real}, outside the project: a build would read files from elsewhere on "
    "the machine, and could publish them. Keep the folder in the project (a copy, or a git "
    "submodule), like {example}.":
        "{value!r} prowadzi do {real}, poza projekt: budowanie czytałoby pliki z innych miejsc na "
        "komputerze i mogłoby je opublikować. Trzymaj folder w projekcie (kopię albo submoduł git), "
        "np. {example}.",
    "the settings are nested more than {limit} levels deep here: check the brackets and the "
    "indentation.":
        "ustawienia są tu zagnieżdżone na więcej niż {limit} poziomów: sprawdź nawiasy i wcięcia.",
    # Polish writes no thousands comma (100,000 would read as a fraction): the plain number
    "the anchors and aliases (&name, *name) here repeat into more than {limit:,} values: write the "
    "settings out without them.":
        "kotwice i aliasy (&nazwa, *nazwa) rozwijają się tu w ponad {limit:,} wartości: wypisz "
        "ustawienia bez nich.",
    "{file}: expected a group of settings.": "{file}: plik musi być grupą ustawień (wiersze 'nazwa: wartość').",
    "{folder!r} is the project folder itself, which holds mkdocs.yml: name the folder of the YAML "
    "definitions in it, like playbooks.":
        "{folder!r} to sam folder projektu, w którym jest mkdocs.yml: wskaż folder z definicjami "
        "YAML wewnątrz niego, np. playbooks.",
    "the folder {folder!r} (where the YAML definitions are) does not exist in {root}.{hint}":
        "folder {folder!r} (w którym mają być definicje YAML) nie istnieje w {root}.{hint}",
    "--lang: {lang!r} is not one of {choices}.": "--lang: {lang!r} nie jest żadną z wartości: {choices}.",
    # catalogue.py: finding and reading the files
    "Checking {n:,} YAML files": "Sprawdzanie plików YAML: {n:,}",
    "cannot read the file: {reason}.": "nie można odczytać pliku: {reason}.",
    "this is not an ordinary file: it is not read.": "to nie jest zwykły plik: nie zostanie odczytany.",
    "{name!r} is a name Windows keeps for a device, so the file cannot be checked out there: "
    "rename it":
        "{name!r} to nazwa zarezerwowana w Windows dla urządzenia, więc tam tego pliku nie da się "
        "pobrać z repozytorium: zmień nazwę",
    "the name is not valid UTF-8 text: rename it using ordinary letters":
        "nazwa nie jest poprawnym tekstem UTF-8: zmień ją, używając zwykłych liter",
    "the name contains {char}: rename it using ordinary letters":
        "nazwa zawiera {char}: zmień ją, używając zwykłych liter",
    "the name contains {chars}, which Windows does not allow in file names: rename it":
        "nazwa zawiera {chars}, a Windows nie dopuszcza tego w nazwach plików: zmień ją",
    "the name ends with a space or a dot, which Windows drops: rename it":
        "nazwa kończy się spacją lub kropką, które Windows pomija: zmień ją",
    "this folder name cannot be used: {problem}.": "tej nazwy folderu nie można użyć: {problem}.",
    "this file name cannot be used: {problem}.": "tej nazwy pliku nie można użyć: {problem}.",
    "the playbooks folder does not exist.": "folder z definicjami (playbooks) nie istnieje.",
    "cannot read this folder: {reason}.": "nie można odczytać tego folderu: {reason}.",
    "this file name ends in '.txt', so the file is not read: rename it to '{meant}' (Windows hides "
    "the ending unless 'File name extensions' is ticked in File Explorer's View menu).":
        "nazwa tego pliku kończy się na '.txt', więc plik nie jest czytany: zmień nazwę na "
        "'{meant}' (Windows ukrywa tę końcówkę, jeśli w menu Widok Eksploratora plików nie jest "
        "zaznaczone pole 'Rozszerzenia nazw plików').",
    "this folder is a symbolic link; links are not followed: move the real folder here.":
        "ten folder jest dowiązaniem symbolicznym, a dowiązania są pomijane: przenieś tu prawdziwy "
        "folder.",
    "this file is a symbolic link; links are not followed: copy the real file here.":
        "ten plik jest dowiązaniem symbolicznym, a dowiązania są pomijane: skopiuj tu prawdziwy plik.",
    "only in upper/lower case": "tylko wielkością liter",
    "only in how its accented letters are stored (Unicode normalisation)":
        "tylko sposobem zapisu liter ze znakami diakrytycznymi (normalizacja Unicode)",
    "this folder name differs from '{other}' {how}; on Windows and macOS the two are one file: "
    "rename or remove one.":
        "nazwa tego folderu różni się od '{other}' {how}; w Windows i macOS to jeden i ten sam "
        "folder: zmień nazwę jednego z nich albo go usuń.",
    "this file name differs from '{other}' {how}; on Windows and macOS the two are one file: "
    "rename or remove one.":
        "nazwa tego pliku różni się od '{other}' {how}; w Windows i macOS to jeden i ten sam plik: "
        "zmień nazwę jednego z nich albo go usuń.",
    "<kind folder>": "<folder rodzaju>",
    "this file looks like a definition ({what}), but definitions are read only from {where}/, and "
    "the site publishes it as a plain file, not as a page: move it to {where}/{folder}/.":
        "ten plik wygląda na definicję ({what}), ale definicje są czytane tylko z folderu {where}/, "
        "a witryna opublikuje go jako zwykły plik, nie jako stronę: przenieś go do "
        "{where}/{folder}/.",
    "this file looks like a definition ({what}), but definitions are read only from {where}/, and "
    "nothing reads it: move it to {where}/{folder}/.":
        "ten plik wygląda na definicję ({what}), ale definicje są czytane tylko z folderu {where}/, "
        "a tego pliku nic nie czyta: przenieś go do {where}/{folder}/.",
    # catalogue.py: one file
    "the file is empty: it needs at least 'kind:' ({kinds}) and 'id:'.":
        "plik jest pusty: musi mieć co najmniej 'kind:' ({kinds}) i 'id:'.",
    "the file holds no definition, only comments: it needs at least 'kind:' ({kinds}) and 'id:'.":
        "plik nie zawiera definicji, tylko komentarze: musi mieć co najmniej 'kind:' ({kinds}) i "
        "'id:'.",
    "the file holds only an empty value: it needs at least 'kind:' ({kinds}) and 'id:'.":
        "plik zawiera tylko pustą wartość: musi mieć co najmniej 'kind:' ({kinds}) i 'id:'.",
    "the file must be a group of fields ('kind: ...', 'id: ...'), but it is {what}.":
        "plik musi być grupą pól ('kind: ...', 'id: ...'), a to jest {what}.",
    "unknown field {name!r}: did you mean 'kind'? Field names are written in lower case.":
        "nieznane pole {name!r}: czy chodziło o 'kind'? Nazwy pól pisze się małymi literami.",
    "this field is required: one of {kinds}.": "to pole jest wymagane: wpisz jeden z rodzajów {kinds}.",
    "{value} is not a kind: choose one of {kinds}.{hint}":
        "{value} nie jest rodzajem: wybierz jeden z rodzajów {kinds}.{hint}",
    "{more:,} more problems in this file are not shown: fix the ones above first.":
        "dalsze problemy w tym pliku (jeszcze {more:,}) nie są pokazane: najpierw popraw te powyżej.",
    # catalogue.py: ids and references
    "{file} (line {line})": "{file} (wiersz {line})",
    "the id {id!r} is also used by {others}: ids must be unique across the project.":
        "id {id!r} występuje też w {others}: każde id może wystąpić w projekcie tylko raz.",
    "{target!r} is listed more than once: list it once.":
        "{target!r} jest na liście więcej niż raz: zostaw jeden wpis.",
    "there is no {wanted} with the id {target!r}. The file {file} has the id {id!r} now: write "
    "{id!r} here, or change its id back.":
        "nie ma {wanted} o id {target!r}. Plik {file} ma teraz id {id!r}: "
        "wpisz tu {id!r} albo przywróć w tym pliku poprzednie id.",
    " The {wanted} ids are: {ids}.": " Id {wanted} to: {ids}.",
    "there is no {wanted} with the id {target!r}.{hint}":
        "nie ma {wanted} o id {target!r}.{hint}",
    "an id is written in lowercase letters: write {id!r}.": "id pisze się małymi literami: wpisz {id!r}.",
    "{target!r} is the title of the step {id!r}: refer to the step by its id (write {id!r}).":
        "{target!r} to tytuł kroku {id!r}: odwołaj się do kroku przez id (wpisz {id!r}).",
    "{target!r} is the title of the {kind} {id!r}: refer to it by its id (write {id!r}).":
        "{target!r} to tytuł {kind} {id!r}: odwołaj się przez id (wpisz {id!r}).",
    "{target!r} is not the id of any {wanted}: refer to {a_wanted} by its id (its 'id:' line), "
    "which has only lowercase letters a-z, digits and hyphens.{listed}":
        "{target!r} nie jest id {wanted}: tu ma być {a_wanted}, a definicję wskazuje się przez jej id "
        "(wiersz 'id:'), które ma tylko małe litery a-z, cyfry i łączniki.{listed}",
    "this {kind} refers to itself ({target!r}): remove this reference.":
        "ta definicja ({kind}) odwołuje się do samej siebie ({target!r}): usuń to odwołanie.",
    "{target!r} is {a_kind} ({file}), but {a_wanted} is expected here.":
        "{target!r} to {a_kind} ({file}), a tu ma być {a_wanted}.",
    "these {kind}s use each other in a circle ({shown}): a {kind} cannot include itself, even "
    "through others; remove one of these references.":
        "te definicje ({kind}) używają się nawzajem w kółko ({shown}): żadna nie może zawierać "
        "samej siebie, nawet przez inne; usuń jedno z tych odwołań.",
    "the review date {date} has passed: {owner} should re-read this {kind} and set a new date.":
        "termin przeglądu {date} minął: niech {owner} ponownie przeczyta tę definicję ({kind}) i "
        "wpisze nową datę.",
    # catalogue.py: pages
    "the list of every {kind}": "listy wszystkich {kind}",
    "the comparison of the teams": "zestawienia zespołów",
    "this hand-written page has the same address ({address}) as the page generated from {origin}: "
    "rename or move the hand-written page.":
        "ta ręcznie napisana strona ma ten sam adres ({address}) co strona wygenerowana z "
        "{origin}: zmień nazwę ręcznie napisanej strony albo ją przenieś.",
    "this hand-written page's address differs only in upper/lower case from the page generated at "
    "{address}: on Windows and macOS the two are one folder, and a copy of the site keeps only one "
    "of them; rename or move the hand-written page.":
        "adres tej ręcznie napisanej strony różni się tylko wielkością liter od strony wygenerowanej "
        "pod adresem {address}: w Windows i macOS to jeden folder, a kopia witryny zachowa tylko "
        "jedną z nich; zmień nazwę ręcznie napisanej strony albo ją przenieś.",
    "missing translation: {languages} (write it after {keys}).":
        "brak tłumaczenia: {languages} (wpisz je po {keys}).",
    # i18n.py: hand-written pages
    "this file name cannot be used: the name is not valid UTF-8 text, which a page's address "
    "cannot hold: rename it using ordinary letters.":
        "tej nazwy pliku nie można użyć: nazwa nie jest poprawnym tekstem UTF-8, a takiej nie może "
        "mieć adres strony: zmień ją, używając zwykłych liter.",
    "if it is in {choices}, rename it to {names}": "jeśli jej język to {choices}, zmień jej nazwę na {names}",
    "delete it, or merge it into {named}": "usuń ją albo przenieś jej treść do {named}",
    "this page and {named} are both {language} pages (a page named without a language is in the "
    "default language, {default}), so this one is left out of the site: {advice}.":
        "ta strona i {named} są w tym samym języku: {language} (strona nazwana bez kodu języka jest "
        "w języku domyślnym, {default}), więc ta zostaje pominięta w witrynie: {advice}.",
    "language codes are written in lower case: rename it to {name}":
        "kody języków pisze się małymi literami: zmień nazwę na {name}",
    "{lang!r} is not one of the site's languages ({languages}): rename it, or add {code!r} to the "
    "plugin's languages":
        "{lang!r} nie jest jednym z języków witryny ({languages}): zmień nazwę albo dopisz {code!r} "
        "do opcji languages wtyczki",
    "this page is named like a translation, but it is published as a page of its own ('{page}') in "
    "{language}: {advice}.":
        "ta strona jest nazwana jak tłumaczenie, ale jest publikowana jako osobna strona ('{page}') "
        "w języku domyślnym ({language}): {advice}.",
    "this is a link to the folder {target}, outside the project; MkDocs leaves a hidden folder out "
    "of the site but still reads through it, every folder within too: delete the link.":
        "to jest dowiązanie do folderu {target}, poza projektem; MkDocs pomija ukryty folder w "
        "witrynie, ale i tak go przegląda, razem z każdym folderem w środku: usuń dowiązanie.",
    "this is a link to {target!r}, which does not exist (or is a loop of links), so nothing can be "
    "published here: delete the link, or put the file itself here.":
        "to jest dowiązanie do {target!r}, które nie istnieje (albo jest pętlą dowiązań), więc nic "
        "nie może tu zostać opublikowane: usuń dowiązanie albo umieść tu sam plik.",
    "this is a link to the folder {target}, outside the project, and a build would publish "
    "everything in it on the site: copy what the site should show into the project instead, or "
    "delete the link.":
        "to jest dowiązanie do folderu {target}, poza projektem, a budowanie opublikowałoby w "
        "witrynie wszystko, co w nim jest: skopiuj do projektu to, co witryna ma pokazać, albo usuń "
        "dowiązanie.",
    "this is a link to the file {target}, outside the project, and a build would publish it on the "
    "site: copy what the site should show into the project instead, or delete the link.":
        "to jest dowiązanie do pliku {target}, poza projektem, a budowanie opublikowałoby go w "
        "witrynie: skopiuj do projektu to, co witryna ma pokazać, albo usuń dowiązanie.",
    "this is a link to {target}, a hidden folder of the project (its name starts with '.', as "
    ".git/ and .env do, where tokens and passwords are kept), and a build would publish it on the "
    "site: copy what the site should show into the content folder instead, or delete the link.":
        "to jest dowiązanie do {target}, ukrytego folderu projektu (jego nazwa zaczyna się od '.', "
        "jak .git/ i .env, gdzie trzyma się tokeny i hasła), a budowanie opublikowałoby go w "
        "witrynie: skopiuj to, co witryna ma pokazać, do folderu treści albo usuń dowiązanie.",
    "this is a link to {target}, a hidden file of the project (its name starts with '.', as .git/ "
    "and .env do, where tokens and passwords are kept), and a build would publish it on the site: "
    "copy what the site should show into the content folder instead, or delete the link.":
        "to jest dowiązanie do {target}, ukrytego pliku projektu (jego nazwa zaczyna się od '.', "
        "jak .git/ i .env, gdzie trzyma się tokeny i hasła), a budowanie opublikowałoby go w "
        "witrynie: skopiuj to, co witryna ma pokazać, do folderu treści albo usuń dowiązanie.",
    "missing translation: {languages} (add {wanted}).": "brak tłumaczenia: {languages} (dodaj {wanted}).",
    # models: the checks of a process, a checklist, a goal
    "two steps have the id {id!r}; step ids must be unique.":
        "dwa kroki mają id {id!r}; id kroków muszą być różne.",
    "this process has no step {name!r}.{hint} Its steps are: {steps}.":
        "ten proces nie ma kroku {name!r}.{hint} Jego kroki to: {steps}.",
    "this hand-off goes from the step {step!r} to itself: a hand-off passes work from a step of "
    "one team to a step of another team.":
        "to przekazanie prowadzi od kroku {step!r} do niego samego: przekazanie przenosi pracę z "
        "kroku jednego zespołu do kroku innego zespołu.",
    "the steps {first!r} and {second!r} are both done by the team {team!r}: a hand-off passes work "
    "between steps of different teams; remove this hand-off or correct a step's owner.":
        "kroki {first!r} i {second!r} wykonuje ten sam zespół {team!r}: przekazanie przenosi pracę "
        "między krokami różnych zespołów; usuń to przekazanie albo popraw owner jednego z kroków.",
    "{text!r} is not a due offset: due offsets are written in English: "
    "write {meant!r}":
        "{text!r}: termin zapisuje się po angielsku – wpisz {meant!r}",
    "{text!r} is a date, but a due is counted from the new hire's first day: "
    "write 'day N', 'week N' or 'month N', like 'week 2'; the dates are "
    "filled in on a print for a start date (playbook checklist pdf "
    "--start)":
        "{text!r} to data, a termin liczy się od pierwszego dnia pracy nowej osoby: wpisz "
        "'day N', 'week N' albo 'month N', np. 'week 2'; daty pojawią się na wydruku z datą "
        "startu (playbook checklist pdf --start)",
    "{text!r} is not a due offset: write 'day N', 'week N' or 'month N', like 'day 1'":
        "{text!r} nie jest terminem: wpisz 'day N', 'week N' albo 'month N', np. 'day 1'",
    "{text!r} is too far: at most '{unit} {most}'": "{text!r} to za daleko: najwyżej '{unit} {most}'",
    "{text!r}: counting starts at 1 ('day 1' is the first day)":
        "{text!r}: liczenie zaczyna się od 1 ('day 1' to pierwszy dzień)",
    "{got} is a number, not a due offset: write 'day {got}', 'week {got}' or 'month {got}'":
        "{got} to liczba, a nie termin: wpisz 'day {got}', 'week {got}' albo 'month {got}'",
    "this field is required: the target's unit, like 'MQL' or '%', or for an amount of money its "
    "currency instead, like 'currency: PLN'.":
        "to pole jest wymagane: jednostka celu, np. 'MQL' albo '%', a dla kwoty pieniędzy zamiast "
        "niej waluta, np. 'currency: PLN'.",
    "give a unit or a currency, not both: with 'currency: {currency}' the pages write the amount "
    "with its currency (like '{pl}' and '{en}'); remove 'unit:'.":
        "podaj jednostkę albo walutę, nie obie: przy 'currency: {currency}' strony piszą kwotę z "
        "jej walutą (np. '{pl}' i '{en}'); usuń 'unit:'.",
    # search/index.py
    "cannot index a page at {url!r}": "nie można zaindeksować strony pod adresem {url!r}",
    "Pagefind could not be run: {reason}": "Nie udało się uruchomić programu Pagefind: {reason}",
    "Pagefind could not build the search index: {detail}":
        "Pagefind nie zbudował indeksu wyszukiwania: {detail}",
    "no details": "brak szczegółów",
}

PLURALS: dict[tuple[str, str], tuple[str, ...]] = {
    ("the closest of its {n} region code: {shown}; {alone}",
     "the closest of its {n} region codes: {shown}; {alone}"): (
        "najbliższy spośród {n} znanego kodu regionu: {shown}; {alone}",
        "najbliższe spośród {n} znanych kodów regionów: {shown}; {alone}",
        "najbliższe spośród {n} znanych kodów regionów: {shown}; {alone}",
    ),
    ("see its {n} region code at https://pypi.org/project/holidays/ (like {example}), {alone}",
     "see its {n} region codes at https://pypi.org/project/holidays/ (like {example}), {alone}"): (
        "jego {n} kod regionu znajdziesz na https://pypi.org/project/holidays/ (np. {example}), "
        "{alone}",
        "wszystkie {n} kody regionów znajdziesz na https://pypi.org/project/holidays/ (np. {example}), "
        "{alone}",
        "wszystkie {n} kodów regionów znajdziesz na https://pypi.org/project/holidays/ (np. {example}), "
        "{alone}",
    ),
}

#: Kinds' names declined (generator.tr.inflect): "nie ma zespołu o id ...", "Id zespołów to: ...",
#: "nie jest id żadnej strategii". The words are the nominatives of MESSAGES above.
INFLECTIONS: dict[str, dict[str, str]] = {
    "genitive": {
        "definicja": "definicji",
        "zespół": "zespołu", "proces": "procesu", "cel": "celu", "strategia": "strategii",
        "lista kontrolna": "listy kontrolnej", "SLA": "SLA", "playbook": "playbooka", "pojęcie": "pojęcia",
    },
    "genitive plural": {
        "definicja": "definicji",
        "zespół": "zespołów", "proces": "procesów", "cel": "celów", "strategia": "strategii",
        "lista kontrolna": "list kontrolnych", "SLA": "SLA", "playbook": "playbooków", "pojęcie": "pojęć",
    },
    "not any": {
        "definicja": "żadnej definicji",
        "zespół": "żadnego zespołu", "proces": "żadnego procesu", "cel": "żadnego celu",
        "strategia": "żadnej strategii", "lista kontrolna": "żadnej listy kontrolnej", "SLA": "żadnej umowy SLA",
        "playbook": "żadnego playbooka", "pojęcie": "żadnego pojęcia",
    },
}
