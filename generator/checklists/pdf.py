"""Print HTML to PDF with WeasyPrint (a library made for paged media: ``@page``, margin boxes).

WeasyPrint is imported only when a PDF is made: it takes a while to import, and the site build
plans its PDFs in the main process but makes them in worker processes.
"""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..fsutil import atomic_write

PACKAGE_DIR = Path(__file__).parent
FONTS_DIR = PACKAGE_DIR / "fonts"
#: Relative URLs in the print HTML (``fonts/DejaVuSans.ttf``) resolve against this folder.
BASE_URL = PACKAGE_DIR.as_uri() + "/"


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int
    refused: tuple[str, ...]  # URLs the document named but was not allowed to read


@contextlib.contextmanager
def _quiet_weasyprint() -> Iterator[None]:
    """WeasyPrint logs every CSS property it ignores; users need only what we report."""
    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


@functools.lru_cache(maxsize=4)
def _font_config(allowed: tuple[Path, ...]) -> Any:
    """One font configuration per process and set of readable folders: WeasyPrint keys each
    ``@font-face`` by its rule, so the fonts are loaded once, not once per PDF (a fifth of a small
    PDF's time); a document allowed fewer folders never reuses a font another one could read."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def render_pdf(html: str, allowed: Iterable[Path] = ()) -> Rendered:
    """The PDF of ``html``; it may read only the package's fonts and files under ``allowed``."""
    from weasyprint import HTML

    from .fetch import LocalOnlyFetcher

    folders = (FONTS_DIR, *allowed)
    fetcher = LocalOnlyFetcher(folders)
    with _quiet_weasyprint():
        document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render(
            font_config=_font_config(tuple(folders)))
        pdf = document.write_pdf()
    assert isinstance(pdf, bytes)
    return Rendered(pdf, len(document.pages), tuple(fetcher.refused))


def write_pdf(html: str, out: Path, allowed: Iterable[Path] = ()) -> Rendered:
    """Render and write ``out`` atomically (a reader never sees half a PDF)."""
    rendered = render_pdf(html, allowed)
    atomic_write(out, rendered.pdf)
    return rendered
