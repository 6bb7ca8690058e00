"""Helpers for the checklist tests: read a PDF back, write checklist YAML for fixture projects."""

from __future__ import annotations

import io
import json
import re
import subprocess
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
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


@dataclass
class Tag:
    """An element of a tagged PDF's structure tree, as a screen reader gets it: its type (``H1``,
    ``TD``), its own ``/Lang``, its attributes (``/A``: a cell's ``Headers``, ``Scope``), its
    ``ID``, and the text of its marked content and of its descendants, spaces collapsed."""

    tag: str
    lang: str | None
    attributes: dict[str, Any]
    id: str | None
    #: Its content in reading order: the text of a marked-content id, or an element.
    parts: list[str | Tag] = field(default_factory=list)

    @property
    def kids(self) -> list[Tag]:
        return [part for part in self.parts if isinstance(part, Tag)]

    @property
    def text(self) -> str:
        words = [part if isinstance(part, str) else part.text for part in self.parts]
        return _SPACE.sub(" ", " ".join(words)).strip()

    def walk(self) -> Iterator[Tag]:
        yield self
        for kid in self.kids:
            yield from kid.walk()

    def all(self, tag: str) -> list[Tag]:
        return [t for t in self.walk() if t.tag == tag]


def pdf_structure(pdf: bytes | Path) -> Tag | None:
    """The structure tree of a tagged PDF (its ``/Document`` element), or None if it has none.
    The text of each marked-content id is read with pypdf, by the ``BDC``/``EMC`` operators
    around it."""
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    reader = pypdf.PdfReader(io.BytesIO(data))
    root: Any = reader.trailer["/Root"]
    if "/StructTreeRoot" not in root:
        return None
    texts: dict[tuple[int, int], list[str]] = {}
    for page in reader.pages:
        assert page.indirect_reference is not None
        number = page.indirect_reference.idnum
        for mcid, found in _marked_texts(page).items():
            texts[(number, mcid)] = found

    def build(node: Any, page: int | None) -> Tag:
        node = node.get_object()
        pg = node.get("/Pg")
        page = pg.idnum if pg is not None else page
        lang = node.get("/Lang")
        found = Tag(str(node["/S"]).lstrip("/"), str(lang) if lang is not None else None,
                    dict(node.get("/A", {})), str(node["/ID"]) if "/ID" in node else None)
        kids = node.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            if isinstance(kid, int):
                assert page is not None
                found.parts.append("".join(texts.get((page, kid), [])))
                continue
            value = kid.get_object()
            if "/S" in value:  # an element; an /OBJR (a link's annotation) has no text
                found.parts.append(build(kid, page))
        return found

    top = root["/StructTreeRoot"].get_object()["/K"]
    return build(top[0] if isinstance(top, list) else top, None)


def _marked_texts(page: pypdf.PageObject) -> dict[int, list[str]]:
    """The text inside each marked-content id of ``page``."""
    texts: dict[int, list[str]] = {}
    open_ids: list[int | None] = []

    def before(op: bytes, args: Any, *_: Any) -> None:
        if op == b"BDC":
            props = args[1] if len(args) > 1 else None
            open_ids.append(props.get("/MCID") if isinstance(props, dict) else None)
        elif op == b"BMC":
            open_ids.append(None)
        elif op == b"EMC" and open_ids:
            open_ids.pop()

    def text(found: str, *_: Any) -> None:
        if open_ids and open_ids[-1] is not None:
            texts.setdefault(open_ids[-1], []).append(found)

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    return texts


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
