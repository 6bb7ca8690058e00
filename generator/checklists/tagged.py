"""Tagged PDFs (PDF/UA-1): what a screen reader needs to read a printed checklist or agreement.

WeasyPrint writes, with ``pdf_variant="pdf/ua-1"``, the structure tree of the page in reading
order (headings, paragraphs, lists, tables whose data cells name their header cells, links),
marks page decoration as artifacts, and adds the XMP metadata with the title. It does not mark the
language of a part whose element has a ``lang`` of its own: a text shown untranslated in the other
language (the templates put ``lang`` on it, as the site's pages do) would be read with the voice
of the document's language. :func:`write_pdf` sets ``/Lang`` on the structure element of every
such part (PDF 1.7, 14.9.2; WCAG's "language of parts"), and ``/Scope`` on each header cell
(``<th scope="row">`` heads its row, any other its column), which WeasyPrint leaves to the data
cells' ``/Headers``.

WeasyPrint builds the tree in ``weasyprint.pdf.tags._build_box_tree``, one call per box, and
keeps no link from an element of the tree back to its box; a wrapper of that function notes the
language of each box's element while a tagged PDF is written, and a finisher (WeasyPrint's hook
run after the tree is built) writes them. If a later WeasyPrint renames the function, the PDFs
are still tagged, without the languages of parts (tests/test_pdf_tags.py says so).

Tagging costs CPU (about 5 ms a page, 6-9 % of a checklist PDF, 1-3 % of a first build's CPU;
README, "Performance"). Every PDF made is tagged: the one-off documents (``playbook checklist
pdf``, ``playbook sla fill --format pdf``) and the site build's blank PDFs, which an internal site
publishes for anyone to download.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
from collections.abc import Callable, Iterator
from typing import Any

#: The PDF/UA-1 variant: tags, the XMP metadata with the title, ``DisplayDocTitle``.
VARIANT = "pdf/ua-1"

#: While a tagged PDF is written: each structure element's number -> its box's language.
_langs: contextvars.ContextVar[dict[int, str] | None] = contextvars.ContextVar("_langs", default=None)


def write_pdf(document: Any, **options: Any) -> bytes:
    """``document`` (a rendered WeasyPrint document) as a tagged PDF, with the language of each
    part that has its own."""
    _install()
    found: dict[int, str] = {}
    token = _langs.set(found)
    try:
        pdf = document.write_pdf(pdf_variant=VARIANT, finisher=functools.partial(_mark, found), **options)
    finally:
        _langs.reset(token)
    assert isinstance(pdf, bytes)
    return pdf


@functools.cache
def _install() -> None:
    """Wrap WeasyPrint's tree builder (once per process; it calls itself through the module's
    global, so every level of the tree goes through the wrapper)."""
    try:
        from weasyprint.pdf import tags
    except ImportError:  # pragma: no cover - a WeasyPrint that builds the tree elsewhere
        return
    original = getattr(tags, "_build_box_tree", None)
    if original is None:  # pragma: no cover - or otherwise
        return
    tags._build_box_tree = _noting_langs(original)


def _noting_langs(original: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
    @functools.wraps(original)
    def build(box: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
        found = _langs.get()
        for element in original(box, *args, **kwargs):
            # The innermost call notes an element first: <html> and <body> pass their
            # children's elements up and must not claim them.
            if found is not None:
                # a WeasyPrint whose boxes or elements look otherwise: tagged still, unmarked
                with contextlib.suppress(AttributeError, KeyError, TypeError):
                    _note(found, box, element)
            yield element

    return build


def _note(found: dict[int, str], box: Any, element: Any) -> None:
    if element.number in found:
        return
    found[element.number] = box.style["lang"]
    if element["S"] == "/TH" and "A" in element:
        # Whether a header cell heads its column or its row, said by the cell itself too
        # (WeasyPrint links each data cell to its headers; some readers and checkers look only
        # at the header cell).
        row = box.element is not None and box.element.get("scope") == "row"
        element["A"]["Scope"] = "/Row" if row else "/Column"


def _mark(found: dict[int, str], document: Any, pdf: Any) -> None:
    """Set ``/Lang`` where a part's language differs from the one it is inside of (the document's
    at the top): once per part, not on each piece of its text."""
    # a WeasyPrint whose PDF objects look otherwise: the PDF stays tagged, unmarked
    with contextlib.suppress(AttributeError, KeyError, TypeError, ValueError, IndexError):
        _set_langs(found, document, pdf)


def _set_langs(found: dict[int, str], document: Any, pdf: Any) -> None:
    import pydyf

    objects = pdf.objects

    def resolve(reference: bytes) -> Any:
        return objects[int(reference.split()[0])]

    root_ref = pdf.catalog.get("StructTreeRoot")
    if root_ref is None:
        return
    stack = [(resolve(kid), document.metadata.lang) for kid in resolve(root_ref)["K"]]
    while stack:
        element, inherited = stack.pop()
        lang = found.get(element.number) or inherited
        if lang and lang != inherited:
            element["Lang"] = pydyf.String(lang)
        for kid in element.get("K", ()):
            if isinstance(kid, bytes):  # an element (or a link's annotation); an int is text
                child = resolve(kid)
                if child.get("Type") == "/StructElem":
                    stack.append((child, lang))
