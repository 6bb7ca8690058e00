"""Catalogues of the tool's messages in languages other than English (see :mod:`generator.tr`).

Each ``<lang>_<area>.py`` holds ``MESSAGES`` (English text -> translation) and ``PLURALS``
((English one, English many) -> the language's forms: Polish gives three, for 1, 2-4 and 5+).
The areas only keep the files small enough to read; the entries of all of them are merged.
Placeholders (``{name}``) must be the same as in the English text; ``tests/test_tr.py`` checks
that, and that every message in the code has an entry here.
"""
