"""Polish: the commands' own messages and their output (cli.py, commands/, plugin/, render.py's
template errors, checklists/: PDFs and start dates).

Numbers in Polish messages are written without the English thousands' comma (``{limit}``, not
``{limit:,}``): a comma is the Polish decimal mark.
"""

MESSAGES: dict[str, str] = {
    "{option}: expected a whole number, like {option} 8001, but this is {value}.":
        "{option}: tu ma być liczba całkowita, np. {option} 8001, a jest {value}.",
    # cli.py: a mistyped command line
    "'{command} --help' says what to write": "'{command} --help' podpowie, co napisać",
    "{option}: {value} is not one of {choices}.": "{option}: {value} nie jest żadną z wartości: {choices}.",
    "{value} is not a command; the commands are {choices}.": "{value} nie jest poleceniem; polecenia to: {choices}.",
    "{value} is not an action; the actions are {choices}.": "{value} nie jest akcją; akcje to: {choices}.",
    "{option}: a value is missing after it, one of {choices}.":
        "{option}: brakuje wartości po tej opcji, jednej z: {choices}.",
    "{option}: a value is missing after it (write {option} {value}).":
        "{option}: brakuje wartości po tej opcji (napisz {option} {value}).",
    "name a command: {choices}; {help}.": "podaj polecenie: {choices}; {help}.",
    "name an action: {choices}; {help}.": "podaj akcję: {choices}; {help}.",
    "and": "i",
    "{value} is one value more than the command takes; {help} (a value with spaces goes in quotes).":
        "{value} to o jedną wartość za dużo dla tego polecenia; {help} (wartość ze spacjami ujmij "
        "w cudzysłów).",
    "{option} is not an option of this command; the options are {options}.":
        "{option} nie jest opcją tego polecenia; opcje to: {options}.",
    "Stopped (SIGTERM).": "Zatrzymano (SIGTERM).",
    "Interrupted.": "Przerwano.",
    # commands/_common.py
    "PLAYBOOK_TODAY: {value} is not a date like 2027-01-31.":
        "PLAYBOOK_TODAY: {value} nie jest datą w postaci RRRR-MM-DD, np. 2027-01-31.",
    "It is a warning, which counts as an error here: --strict, or strict: true in mkdocs.yml.":
        "To jest ostrzeżenie, które tutaj liczy się jako błąd: --strict albo strict: true w mkdocs.yml.",
    "All of them are warnings, which count as errors here: --strict, or strict: true in mkdocs.yml.":
        "Wszystkie to ostrzeżenia, które tutaj liczą się jako błędy: --strict albo strict: true "
        "w mkdocs.yml.",
    "the project": "projekt",
    "OK: {definitions} {in_files}{warnings}.": "OK: {definitions} {in_files}{warnings}.",
    "no page uses this template: a project's template replaces the package's one of the same name "
    "({names}) or is included by one that does.":
        "żadna strona nie używa tego szablonu: szablon projektu zastępuje szablon pakietu o tej "
        "samej nazwie ({names}) albo jest dołączany przez szablon, który to robi.",
    # commands/build.py, render.py, new.py
    "{option}: {folder} is a mount point (a volume mounted there, say), and the site is put in "
    "place by renaming, which a mount point refuses; nothing was built. Mount the volume one level "
    "up (-v pub:/srv with site_dir: /srv/site), or build elsewhere and copy the site in.":
        "{option}: {folder} jest punktem montowania (na przykład zamontowano tam wolumin), a witryna "
        "trafia na miejsce przez zmianę nazwy, na co punkt montowania nie pozwala; niczego nie "
        "zbudowano. Zamontuj wolumin poziom wyżej (-v pub:/srv z site_dir: /srv/site) albo zbuduj "
        "witrynę gdzie indziej i skopiuj ją tam.",
    "The site was not built": "Nie zbudowano witryny",
    "The previous site in {folder} is unchanged.": "Poprzednia witryna w {folder} jest bez zmian.",
    "Nothing was written to {folder}.": "Niczego nie zapisano w {folder}.",
    "The pages were not written": "Nie zapisano stron",
    "{problem} {folder} is as it was.": "{problem} {folder} jest bez zmian.",
    "{kind} is not a kind: choose one of {kinds}.": "{kind} nie jest rodzajem: wybierz jeden z rodzajów {kinds}.",
    "the id {id} is already used by {file} (a {kind}): ids must be unique across the project; "
    "choose another.":
        "id {id} jest już używane przez {file} (kind: {kind}): każde id może wystąpić w projekcie "
        "tylko raz; wybierz inne.",
    "{file} already exists; it was left as it is.": "{file} już istnieje; zostawiono go bez zmian.",
    "Wrote {file}: fill in every empty \"\" and TODO, then run 'playbook check'.":
        "Zapisano {file}: uzupełnij każde puste \"\" i każde TODO, a potem uruchom 'playbook check'.",
    # commands/checklist.py
    "The project has no checklists (kind: checklist) in {folder}/.":
        "Projekt nie ma list kontrolnych (kind: checklist) w {folder}/.",
    "ID": "ID",
    "ROLE": "ROLA",
    "TEAM": "ZESPÓŁ",
    "ITEMS": "POZYCJE",
    "DAYS": "DNI",
    "TITLE": "TYTUŁ",
    "Name one checklist (playbook checklist pdf ID) or a role (--role ROLE), not both.":
        "Podaj jedną listę kontrolną (playbook checklist pdf ID) albo rolę (--role ROLE), nie obie naraz.",
    "Name a checklist (playbook checklist pdf ID) or a role (--role ROLE); 'playbook checklist list' "
    "shows them.":
        "Podaj listę kontrolną (playbook checklist pdf ID) albo rolę (--role ROLE); "
        "'playbook checklist list' je pokazuje.",
    "warning: left out {url}: a PDF may use only the project's own files.":
        "ostrzeżenie: pominięto {url}: PDF może używać tylko plików samego projektu.",
    "Wrote {file}: {checklists}, {items}, {pages}.": "Zapisano {file}: {checklists}, {items}, {pages}.",
    "{option}: control characters are not allowed in a name.":
        "{option}: znaki sterujące są niedozwolone w imieniu i nazwisku.",
    "the byte 0x{byte:02X}, which is not UTF-8 text (check the terminal's encoding)":
        "bajt 0x{byte:02X}, który nie jest tekstem UTF-8 (sprawdź kodowanie znaków terminala)",
    "{option}: the name contains {what}: write it with ordinary letters.":
        "{option}: imię i nazwisko zawiera {what}: napisz je zwykłymi literami.",
    "--out: the folder {folder} does not exist; create it first, or name a file in a folder that does.":
        "--out: folder {folder} nie istnieje; najpierw go utwórz albo podaj plik w folderze, który istnieje.",
    "--out: {out} is inside the content folder ({folder}/), which the site publishes; write personal "
    "checklists somewhere else.":
        "--out: {out} jest w folderze treści ({folder}/), który witryna publikuje; zapisz imienne "
        "listy kontrolne gdzie indziej.",
    # checklists/dates.py: --start
    "{value} is not a date written as YYYY-MM-DD.": "{value} nie jest datą w postaci RRRR-MM-DD.",
    "{value} is not a date; write it as YYYY-MM-DD, like 2027-01-04.":
        "{value} nie jest datą; zapisz ją jako RRRR-MM-DD, np. 2027-01-04.",
    "{value} is not a date: there is no month {month}; write it as YYYY-MM-DD, like 2027-01-04.":
        "{value} nie jest datą: nie ma miesiąca {month}; zapisz ją jako RRRR-MM-DD, np. 2027-01-04.",
    "{value} is not a date: that month has no day {day}.": "{value} nie jest datą: ten miesiąc nie ma dnia {day}.",
    "{value}: give a start date between the years 1900 and 2999.":
        "{value}: podaj datę rozpoczęcia między rokiem 1900 a 2999.",
    # checklists/document.py
    "{id} is a {kind}, not a checklist.": "{id} to definicja rodzaju {kind}, a nie lista kontrolna.",
    "There is no checklist with the id {id}.": "Nie ma listy kontrolnej o id {id}.",
    " The checklists are: {ids}.": " Listy kontrolne to: {ids}.",
    " The project has no checklists.": " Projekt nie ma list kontrolnych.",
    " The roles are: {roles}.": " Role to: {roles}.",
    "No checklist is for the role {role}.": "Żadna lista kontrolna nie jest przeznaczona dla roli {role}.",
    "A print template failed: {error}. Check the files in the project's templates/print/.":
        "Szablon wydruku zgłosił błąd: {error}. Sprawdź pliki w folderze templates/print/ projektu.",
    # checklists/bombs.py, fetch.py, pdf.py: files a PDF may not use
    "the file is {size:.1f} MB; a PDF may use files of at most {limit} MB: make it smaller.":
        "plik ma {size:.1f} MB; PDF może używać plików o rozmiarze najwyżej {limit} MB: zmniejsz go.",
    "the image has {pixels:,} pixels, far more than a printed page can show: scale it down to at "
    "most {limit:,} (an A4 page at 300 dpi is about 2,480 × 3,508).":
        "liczba pikseli obrazu ({pixels:,}) znacznie przekracza to, co może pokazać wydrukowana "
        "strona: zmniejsz obraz do najwyżej {limit:,} pikseli (strona A4 w 300 dpi ma około 2480 × 3508).",
    "the image has too many pixels, far more than a printed page can show: scale it down to at most "
    "{limit:,} (an A4 page at 300 dpi is about 2,480 × 3,508).":
        "obraz ma zbyt wiele pikseli, znacznie więcej, niż może pokazać wydrukowana strona: zmniejsz "
        "go do najwyżej {limit:,} pikseli (strona A4 w 300 dpi ma około 2480 × 3508).",
    "the image is {width:,} × {height:,} pixels, more than a printed page can show (at most "
    "{limit:,} pixels; an A4 page at 300 dpi is about 2,480 × 3,508): scale it down.":
        "obraz ma {width:,} × {height:,} pikseli, więcej, niż może pokazać wydrukowana strona (najwyżej "
        "{limit:,} pikseli; strona A4 w 300 dpi ma około 2480 × 3508): zmniejsz go.",
    "the SVG's entities (<!ENTITY ...>) expand into far more text than the file holds (a \"billion "
    "laughs\"): remove them.":
        "encje SVG (<!ENTITY ...>) rozwijają się w znacznie więcej tekstu, niż zawiera plik (atak "
        "\"billion laughs\"): usuń je.",
    "the SVG is nested more than {limit} levels deep: flatten it.":
        "SVG ma ponad {limit} poziomów zagnieżdżenia: spłaszcz go.",
    "the SVG is nested more than {limit} levels deep (counting what its <use> elements repeat): "
    "flatten it.":
        "SVG ma ponad {limit} poziomów zagnieżdżenia (licząc to, co powtarzają jego elementy <use>): "
        "spłaszcz go.",
    "the SVG element {id} uses itself, without end: remove that <use> or url(#...).":
        "element SVG {id} używa samego siebie, bez końca: usuń ten <use> albo url(#...).",
    "the SVG draws more than {limit:,} shapes once its <use> elements (and url(#...) references) are "
    "repeated: simplify it.":
        "SVG rysuje ponad {limit:,} kształtów po powtórzeniu jego elementów <use> (i odwołań "
        "url(#...)): uprość go.",
    "not fetched (only the project's own files may be used): {url}":
        "nie pobrano (można używać tylko plików samego projektu): {url}",
    "a data: URL in a print template": "adres data: w szablonie wydruku",
    "{reason} No PDF was made.": "{reason} Nie utworzono pliku PDF.",
    # checklists/site.py: the site's blank PDFs
    "no folder to make it in": "nie ma folderu, w którym można go utworzyć",
    "no output": "brak komunikatu",
    "it went missing": "plik zniknął",
    "it is not a whole PDF": "to nie jest cały plik PDF",
    "{file}: the PDF could not be made: {reason}": "{file}: nie udało się utworzyć pliku PDF: {reason}",
    # plugin/
    "{lang}: planning pages": "{lang}: planowanie stron",
    "{lang}: pages (Markdown)": "{lang}: strony (Markdown)",
    "{lang}: pages (HTML)": "{lang}: strony (HTML)",
    "{lang}: search index and PDFs": "{lang}: indeks wyszukiwania i pliki PDF",
    "the blank PDF of {file}": "niewypełniony PDF z {file}",
    "this hand-written page has the same address ({address}) as the page generated from {file}: "
    "rename or move the hand-written page.":
        "ta ręcznie napisana strona ma ten sam adres ({address}) co strona wygenerowana z {file}: "
        "zmień nazwę ręcznie napisanej strony albo ją przenieś.",
    "this hand-written page has the same address ({address}) as the page generated from the "
    "generated {kind} page: rename or move the hand-written page.":
        "ta ręcznie napisana strona ma ten sam adres ({address}) co wygenerowana strona rodzaju "
        "{kind}: zmień nazwę ręcznie napisanej strony albo ją przenieś.",
    "this file has the same address ({address}) as {what}, made by the build: rename or move the file.":
        "ten plik ma ten sam adres ({address}) co {what}, tworzony przez budowanie: zmień nazwę "
        "pliku albo go przenieś.",
    "The site was not built: {reason}. The previous site is unchanged.":
        "Nie zbudowano witryny: {reason}. Poprzednia witryna jest bez zmian.",
    "could not update {file}: {reason}; the next build may refuse the folder until you delete it "
    "yourself.":
        "nie udało się zaktualizować {file}: {reason}; następne budowanie może odmówić użycia tego "
        "folderu, dopóki sam go nie usuniesz.",
    "mkdocs serve stops when its first build fails; 'playbook serve' keeps serving and shows the "
    "errors in the browser until they are fixed.":
        "mkdocs serve kończy pracę, gdy nie uda się jego pierwsze budowanie; 'playbook serve' działa "
        "dalej i pokazuje błędy w przeglądarce, dopóki nie zostaną poprawione.",
    "Every page is written again on each rebuild (plugins: {plugins}).":
        "Każda strona jest zapisywana od nowa przy każdym przebudowaniu (wtyczki: {plugins}).",
    "The search index was not updated: {reason}": "Nie zaktualizowano indeksu wyszukiwania: {reason}",
    "The site was not built: fix the errors above and save; the preview rebuilds by itself. "
    "Meanwhile the browser shows these errors (over the last version of the site that built, if any).":
        "Nie zbudowano witryny: popraw powyższe błędy i zapisz plik; podgląd sam zbuduje się od "
        "nowa. Do tego czasu przeglądarka pokazuje te błędy (na ostatniej wersji witryny, którą "
        "udało się zbudować, jeśli taka jest).",
    "An internal error stopped the build (a bug, not a mistake in your files):":
        "Błąd wewnętrzny zatrzymał budowanie (błąd w programie, nie pomyłka w twoich plikach):",
    "Building documentation...": "Budowanie dokumentacji...",
    "Shutting down...": "Zamykanie...",
    # render.py: a project's templates
    "the template ran for more than {seconds:g} seconds and was stopped: look for loops inside loops":
        "szablon działał dłużej niż {seconds:g} s i został zatrzymany: poszukaj pętli w pętlach",
    "the template computes a number that is too large": "szablon oblicza za dużą liczbę",
    "the template builds a value of {size:,} characters or items; at most {limit:,} are allowed":
        "szablon tworzy wartość z {size:,} znaków lub pozycji; dozwolone jest najwyżej {limit:,}",
    "the template builds a value of about {size:,} characters; at most {limit:,} are allowed":
        "szablon tworzy wartość z około {size:,} znaków; dozwolone jest najwyżej {limit:,}",
    "the template passes the number {value:,} to a function or filter; at most {limit:,} is allowed there":
        "szablon przekazuje funkcji lub filtrowi liczbę {value:,}; dozwolone jest tam najwyżej {limit:,}",
    "the template passes the number {value:g} to a function or filter; at most {limit:,} is allowed there":
        "szablon przekazuje funkcji lub filtrowi liczbę {value:g}; dozwolone jest tam najwyżej {limit:,}",
    "the template formats a value wider than the limit": "szablon formatuje wartość szerszą niż limit",
    "the template adds up lists or texts with sum: sum only adds numbers":
        "szablon dodaje listy lub teksty filtrem sum: sum dodaje tylko liczby",
    "the template repeats a value {times:,} times, which would make it longer than {limit:,} "
    "characters or items":
        "szablon powtarza wartość {times:,} razy, przez co byłaby dłuższa niż {limit:,} znaków lub pozycji",
    "the template raises a number to a power that is too large": "szablon podnosi liczbę do zbyt dużej potęgi",
    "the template joins values longer than {limit:,} characters or items":
        "szablon łączy wartości dłuższe niż {limit:,} znaków lub pozycji",
    "the template writes a page longer than {limit:,} characters":
        "szablon zapisuje stronę dłuższą niż {limit:,} znaków",
    "the template tries something templates may not do ({what}): a template may only show the data "
    "it is given":
        "szablon próbuje zrobić coś, czego szablonom nie wolno ({what}): szablon może tylko "
        "pokazywać dane, które dostaje",
    "the template uses something that does not exist here ({what})": "szablon używa czegoś, czego tu nie ma ({what})",
    "the template includes {name}, which does not exist": "szablon dołącza {name}, a taki szablon nie istnieje",
    "the template has a syntax error: {what}": "szablon ma błąd składni: {what}",
    "the template tried to use too much memory and was stopped":
        "szablon próbował zająć za dużo pamięci i został zatrzymany",
    "the template calls itself without end (an include or macro that never stops)":
        "szablon wywołuje sam siebie bez końca (include albo makro, które nigdy się nie kończy)",
    "the template asks for a range of more than 100,000 numbers": "szablon prosi o zakres (range) ponad 100000 liczb",
    "the template failed: {error}: {what}": "szablon zgłosił błąd: {error}: {what}",
    "the templates folder is a symbolic link; links are not followed: move the real folder here.":
        "folder szablonów jest dowiązaniem symbolicznym, a dowiązania są pomijane: przenieś tu "
        "prawdziwy folder.",
    "this template is a symbolic link; links are not followed: copy the real file here.":
        "ten szablon jest dowiązaniem symbolicznym, a dowiązania są pomijane: skopiuj tu "
        "prawdziwy plik.",
    "cannot read the template: {reason}.": "nie można odczytać szablonu: {reason}.",
    "the template is over the limit of {limit:,} bytes.": "szablon przekracza limit {limit:,} bajtów.",
    "the template is not saved as UTF-8: save it as UTF-8.": "szablon nie jest zapisany w UTF-8: zapisz go w UTF-8.",
}

_STRICT = "--strict albo strict: true w mkdocs.yml."
_NOT_BUILT = ("(strict: true w mkdocs.yml albo --strict). Poprzednia witryna jest bez zmian.")
_NO_CACHE = "{where}: nie można zapisywać w pamięci podręcznej PDF ({reason})"
_WRITABLE = "Pozwól na zapis w tym folderze albo ustaw {variable} na folder, w którym można zapisywać."
_TRANSLATIONS = ("witryna pokazuje w zamian tekst w drugim języku i oznacza go. Listę pokazuje "
                 "'playbook check --translations'.")

PLURALS: dict[tuple[str, str], tuple[str, ...]] = {
    ("{names} is missing; {help}.", "{names} are missing; {help}."):
        ("brakuje {names}; {help}.", "brakuje {names}; {help}.", "brakuje {names}; {help}."),
    ("{n} of them is a warning, which counts as an error here: --strict, or strict: true in mkdocs.yml.",
     "{n} of them are warnings, which count as errors here: --strict, or strict: true in mkdocs.yml."): (
        f"{{n}} z nich jest ostrzeżeniem, które tutaj liczy się jako błąd: {_STRICT}",
        f"{{n}} z nich są ostrzeżeniami, które tutaj liczą się jako błędy: {_STRICT}",
        f"{{n}} z nich jest ostrzeżeniami, które tutaj liczą się jako błędy: {_STRICT}",
    ),
    ("Note: {n} other file has errors ({shown}); run playbook check to see them.",
     "Note: {n} other files have errors ({shown}); run playbook check to see them."): (
        "Uwaga: {n} inny plik ma błędy ({shown}); uruchom playbook check, żeby je zobaczyć.",
        "Uwaga: {n} inne pliki mają błędy ({shown}); uruchom playbook check, żeby je zobaczyć.",
        "Uwaga: {n} innych plików ma błędy ({shown}); uruchom playbook check, żeby je zobaczyć.",
    ),
    (" and {n} more", " and {n} more"): (" i {n} inny", " i {n} inne", " i {n} innych"),
    # "OK: 12 definitions in 8 files, 2 warnings." (English says "definitions", "files" for any count)
    ("{n} definitions", "{n} definitions"): ("{n} definicja", "{n} definicje", "{n} definicji"),
    ("in {n} files", "in {n} files"): ("w {n} pliku", "w {n} plikach", "w {n} plikach"),
    (", {n} warning", ", {n} warnings"): (", {n} ostrzeżenie", ", {n} ostrzeżenia", ", {n} ostrzeżeń"),
    ("Built {n} definitions into {folder} in {seconds:.1f} s.",
     "Built {n} definitions into {folder} in {seconds:.1f} s."): (
        "Zbudowano witrynę z {n} definicji w {folder} w ciągu {seconds:.1f} s.",
        "Zbudowano witrynę z {n} definicji w {folder} w ciągu {seconds:.1f} s.",
        "Zbudowano witrynę z {n} definicji w {folder} w ciągu {seconds:.1f} s.",
    ),
    ("warning: {n} text {in_files} has no translation; the site shows the other language, marked. "
     "'playbook check --translations' lists them.",
     "warning: {n} texts {in_files} have no translation; the site shows the other language, marked. "
     "'playbook check --translations' lists them."): (
        f"ostrzeżenie: {{n}} tekst {{in_files}} nie ma tłumaczenia; {_TRANSLATIONS}",
        f"ostrzeżenie: {{n}} teksty {{in_files}} nie mają tłumaczenia; {_TRANSLATIONS}",
        f"ostrzeżenie: {{n}} tekstów {{in_files}} nie ma tłumaczenia; {_TRANSLATIONS}",
    ),
    ("in {n} file", "in {n} files"): ("w {n} pliku", "w {n} plikach", "w {n} plikach"),
    ("{option}: too long ({n} character); at most {limit}.",
     "{option}: too long ({n} characters); at most {limit}."): (
        "{option}: tekst jest za długi ({n} znak); najwyżej {limit}.",
        "{option}: tekst jest za długi ({n} znaki); najwyżej {limit}.",
        "{option}: tekst jest za długi ({n} znaków); najwyżej {limit}.",
    ),
    ("{n} checklist", "{n} checklists"): ("{n} lista kontrolna", "{n} listy kontrolne", "{n} list kontrolnych"),
    ("{n} item", "{n} items"): ("{n} pozycja", "{n} pozycje", "{n} pozycji"),
    ("{n} page", "{n} pages"): ("{n} strona", "{n} strony", "{n} stron"),
    ("Wrote {n} pages to {folder}.", "Wrote {n} pages to {folder}."):
        ("Zapisano {n} stronę w {folder}.", "Zapisano {n} strony w {folder}.", "Zapisano {n} stron w {folder}."),
    ("Wrote {n} schemas to {folder}.", "Wrote {n} schemas to {folder}."):
        ("Zapisano {n} schemat w {folder}.", "Zapisano {n} schematy w {folder}.",
         "Zapisano {n} schematów w {folder}."),
    ("The site was not built: {n} warning above, and warnings stop a strict build (strict: true in "
     "mkdocs.yml, or --strict). The previous site is unchanged.",
     "The site was not built: {n} warnings above, and warnings stop a strict build (strict: true in "
     "mkdocs.yml, or --strict). The previous site is unchanged."): (
        f"Nie zbudowano witryny: powyżej jest {{n}} ostrzeżenie, a ostrzeżenia zatrzymują budowanie "
        f"w trybie strict {_NOT_BUILT}",
        f"Nie zbudowano witryny: powyżej są {{n}} ostrzeżenia, a ostrzeżenia zatrzymują budowanie "
        f"w trybie strict {_NOT_BUILT}",
        f"Nie zbudowano witryny: powyżej jest {{n}} ostrzeżeń, a ostrzeżenia zatrzymują budowanie "
        f"w trybie strict {_NOT_BUILT}",
    ),
    ("Search index updated: {n} pages in {seconds:.1f} s.", "Search index updated: {n} pages in {seconds:.1f} s."): (
        "Zaktualizowano indeks wyszukiwania: {n} strona w {seconds:.1f} s.",
        "Zaktualizowano indeks wyszukiwania: {n} strony w {seconds:.1f} s.",
        "Zaktualizowano indeks wyszukiwania: {n} stron w {seconds:.1f} s.",
    ),
    ("{where}: the PDF cache cannot be written ({reason}), so the missing PDF ({lang}) was made in a "
     "temporary folder and the next build makes it again. Make the folder writable, or set {variable} "
     "to one that is.",
     "{where}: the PDF cache cannot be written ({reason}), so the {n} missing PDFs ({lang}) were made "
     "in a temporary folder and the next build makes them again. Make the folder writable, or set "
     "{variable} to one that is."): (
        f"{_NO_CACHE}, więc brakujący PDF ({{lang}}) utworzono w folderze tymczasowym, a następne "
        f"budowanie utworzy go ponownie. {_WRITABLE}",
        f"{_NO_CACHE}, więc {{n}} brakujące pliki PDF ({{lang}}) utworzono w folderze tymczasowym, a "
        f"następne budowanie utworzy je ponownie. {_WRITABLE}",
        f"{_NO_CACHE}, więc {{n}} brakujących plików PDF ({{lang}}) utworzono w folderze "
        f"tymczasowym, a następne budowanie utworzy je ponownie. {_WRITABLE}",
    ),
    ("{where}: the PDF cache cannot be written ({reason}), nor a temporary folder ({error}), so the "
     "missing PDF ({lang}) is left out of the site.",
     "{where}: the PDF cache cannot be written ({reason}), nor a temporary folder ({error}), so the "
     "{n} missing PDFs ({lang}) are left out of the site."): (
        f"{_NO_CACHE} ani w folderze tymczasowym ({{error}}), więc brakujący PDF ({{lang}}) nie "
        "trafi do witryny.",
        f"{_NO_CACHE} ani w folderze tymczasowym ({{error}}), więc {{n}} brakujące pliki PDF "
        "({lang}) nie trafią do witryny.",
        f"{_NO_CACHE} ani w folderze tymczasowym ({{error}}), więc {{n}} brakujących plików PDF "
        "({lang}) nie trafi do witryny.",
    ),
}
