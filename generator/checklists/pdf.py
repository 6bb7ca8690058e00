"""Print HTML to PDF with WeasyPrint (a library made for paged media: ``@page``, margin boxes).

WeasyPrint is imported only when a PDF is made: it takes a while to import, and the site build
plans its PDFs in the main process but makes them in worker processes.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import gc
import logging
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..fsutil import atomic_write
from .tagged import write_pdf as write_tagged

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


def import_weasyprint() -> None:
    """Import WeasyPrint (once; later imports are free) without the warning it gives at import
    on a machine with no system fonts ("No fonts configured in FontConfig. Expect ugly
    output."): every PDF made here embeds its own fonts (DejaVu Sans), so the output is not
    ugly, and the warning would only alarm the reader of a build's log."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"(No fonts configured in|FontConfig cannot load)",
                                category=UserWarning)
        import weasyprint.text.fonts  # noqa: F401


@atexit.register
def _drop_fonts() -> None:
    """Let the cached font configurations go while the interpreter is whole: each keeps its
    fonts in a temporary folder that it removes when deleted, which fails (and leaves 1.5 MB in
    the temporary folder) when that happens during the interpreter's own shutdown."""
    _stylesheet.cache_clear()
    _font_config.cache_clear()
    gc.collect()


@functools.lru_cache(maxsize=4)
def _font_config(allowed: tuple[Path, ...]) -> Any:
    """One font configuration per process and set of readable folders: WeasyPrint keys each
    ``@font-face`` by its rule, so the fonts are loaded once, not once per PDF (a fifth of a small
    PDF's time); a document allowed fewer folders never reuses a font another one could read."""
    import_weasyprint()
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


@functools.lru_cache(maxsize=4)
def _stylesheet(css: str, folders: tuple[Path, ...]) -> tuple[Any, tuple[str, ...]]:
    """``css`` parsed once per process (parsing it again took about a sixth of a one-page PDF's
    time), with the URLs it was refused. Its ``@font-face`` fonts go into the font configuration
    every document of ``folders`` is rendered with."""
    import_weasyprint()
    from weasyprint import CSS

    from .fetch import LocalOnlyFetcher

    fetcher = LocalOnlyFetcher(folders)
    with _quiet_weasyprint(), _too_large(fetcher):
        sheet = CSS(string=css, base_url=BASE_URL, url_fetcher=fetcher, font_config=_font_config(folders))
    return sheet, tuple(fetcher.refused)


@contextlib.contextmanager
def _too_large(fetcher: Any) -> Iterator[None]:
    """A file the document uses that is too large to print (see :mod:`.bombs`) is a mistake of
    the project's, said in plain words, and no PDF is made; WeasyPrint would leave it out
    unsaid, or (a file it reads inside an SVG) swallow the error that stopped it."""
    from ..errors import Diagnostic, UserError
    from ..tr import tr
    from .fetch import TooLarge

    with contextlib.suppress(TooLarge):  # said below, with every other file refused so
        yield
    if fetcher.too_large:
        raise UserError([Diagnostic(shown, 1, 1, "", tr("{reason} No PDF was made.", reason=why))
                         for shown, why in dict.fromkeys(fetcher.too_large)])


def render_pdf(html: str, allowed: Iterable[Path] = (), stylesheet: str = "", *,
               tagged: bool = False) -> Rendered:
    """The PDF of ``html``; it may read only the package's fonts and files under ``allowed``.

    ``stylesheet`` is the base style of the page, applied beneath the document's own styles (as
    a user stylesheet: any rule of the document wins over it); the checklists pass the rendered
    ``print/checklist.css``, parsed once per process however many PDFs use it. ``tagged``: a
    tagged PDF (PDF/UA-1) that a screen reader can read (:mod:`.tagged`).
    """
    import_weasyprint()
    from weasyprint import HTML

    from .fetch import LocalOnlyFetcher

    folders = (FONTS_DIR, *allowed)
    fetcher = LocalOnlyFetcher(folders)
    sheets: list[Any] = []
    refused: tuple[str, ...] = ()
    if stylesheet:
        sheet, refused = _stylesheet(stylesheet, folders)
        sheets.append(sheet)
    with _quiet_weasyprint(), _too_large(fetcher):
        document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render(
            font_config=_font_config(folders), stylesheets=sheets)
        pdf = write_tagged(document) if tagged else document.write_pdf()
    assert isinstance(pdf, bytes)
    return Rendered(pdf, len(document.pages), (*refused, *fetcher.refused))


def write_pdf(html: str, out: Path, allowed: Iterable[Path] = (), stylesheet: str = "", *,
              tagged: bool = False) -> Rendered:
    """Render and write ``out`` atomically (a reader never sees half a PDF)."""
    rendered = render_pdf(html, allowed, stylesheet, tagged=tagged)
    atomic_write(out, rendered.pdf)
    return rendered
