"""Polish: the summary and the words every message shares (errors.py, tr.py)."""

MESSAGES: dict[str, str] = {
    "warning: ": "ostrzeżenie: ",
}

PLURALS: dict[tuple[str, str], tuple[str, ...]] = {
    ("Found {n} error", "Found {n} errors"): ("Znaleziono {n} błąd", "Znaleziono {n} błędy", "Znaleziono {n} błędów"),
    ("in {n} file.", "in {n} files."): ("w {n} pliku.", "w {n} plikach.", "w {n} plikach."),
}
