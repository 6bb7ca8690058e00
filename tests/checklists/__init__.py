"""Helpers for the checklist tests: read a PDF back, write checklist YAML for fixture projects."""

from __future__ import annotations

import io
import json
import re
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pypdf

_SPACE = re.compile(r"\s+")
#: Letters a font draws as one glyph (DejaVu Sans in Chromium prints "deﬁnicję"), read back as
#: the letters a reader sees: whether a browser uses a ligature depends on the fonts installed.
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})


def page_text(page: Any) -> str:
    """A PDF page's text in reading order (pypdf), whitespace collapsed to single spaces (where
    a line breaks depends on the fonts installed too), ligatures spelt out."""
    return _SPACE.sub(" ", (page.extract_text() or "").translate(_LIGATURES)).strip()


def pdf_pages(source: Path | bytes) -> list[str]:
    """Each page's text (:func:`page_text`) of the PDF file or bytes ``source``."""
    reader = pypdf.PdfReader(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    return [page_text(page) for page in reader.pages]


def pdf_fonts(path: Path) -> list[tuple[str, bool]]:
    """(font name without subset prefix, embedded?) for every font, as ``pdffonts`` lists them."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    fonts = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        name = parts[0].split("+", 1)[-1]
        emb = parts[-5] == "yes"
        fonts.append((name, emb))
    return fonts


def checklist_yaml(
    ident: str,
    role: str,
    sections: Sequence[Sequence[tuple[str, str | None, str | None]]],
    *,
    days: str = "working",
    title: str | None = None,
) -> str:
    """A checklist definition; ``sections`` holds (text, owner, due) per item."""
    lines = [
        "kind: checklist",
        f"id: {ident}",
        f"title: {{pl: {title or 'Lista ' + ident}, en: {title or 'Checklist ' + ident}}}",
        "summary: {pl: Krótki opis., en: A short summary.}",
        "owner: Anna",
        "review_by: 2027-06-30",
        f"role: {role}",
        f"days: {days}",
        "sections:",
    ]
    for s_index, items in enumerate(sections, start=1):
        lines.append(f"  - title: {{pl: Sekcja {s_index}, en: Section {s_index}}}")
        lines.append("    items:")
        for text, owner, due in items:
            lines.append(f"      - text: {json.dumps(text, ensure_ascii=False)}")
            if owner:
                lines.append(f"        owner: {owner}")
            if due:
                lines.append(f"        due: {due}")
    return "\n".join(lines) + "\n"
