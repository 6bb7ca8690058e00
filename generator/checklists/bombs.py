"""Images a PDF may not use because making the PDF would take too long or too much memory.

A project's print template may show its own images (a logo in ``templates/print/``). A small
file can stand for a huge picture: a 650 kB PNG of 13,000 × 13,000 pixels took 30 seconds and
1.5 GB to print (and failed with a traceback where memory is capped, as in CI), and an SVG of
7 kB whose ``<use>`` elements repeat each other ten times over, 29 levels deep, never finished.
:func:`problem` looks at a file's header or structure before WeasyPrint decodes or draws it.
"""

from __future__ import annotations

import io
import re
import warnings
from xml.etree import ElementTree

from ..tr import tr

#: An A4 page at 300 dpi is about 2,480 × 3,508 pixels (8.7 million); this is three of them.
MAX_PIXELS = 25_000_000
#: Elements an SVG may draw, counting each ``<use>`` (or ``url(#...)``) as what it repeats (22,000
#: took WeasyPrint 9 seconds on a busy machine; a logo has a few hundred).
MAX_SVG_ELEMENTS = 20_000
MAX_SVG_DEPTH = 200
#: Largest file a PDF may read (the fonts it embeds are under 1 MB).
MAX_BYTES = 20_000_000

_REFERENCE = re.compile(r"url\(\s*['\"]?#([^)'\"\s]+)")
_HREFS = ("href", "{http://www.w3.org/1999/xlink}href")


class _TooMuch(Exception):
    """The SVG draws more than its limits; the message says what."""


def problem(body: bytes) -> str | None:
    """Why ``body`` (an image, a font, a stylesheet) may not go into a PDF, or None."""
    too_big = size_problem(len(body))
    if too_big:
        return too_big
    if body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return _svg_problem(body)
    return _raster_problem(body)


def size_problem(size: int) -> str | None:
    """Why a file of ``size`` bytes is too large for a PDF to read, or None."""
    if size <= MAX_BYTES:
        return None
    return tr("the file is {size:.1f} MB; a PDF may use files of at most {limit} MB: make it "
              "smaller.", size=size / 1e6, limit=MAX_BYTES // 1_000_000)


def _raster_problem(body: bytes) -> str | None:
    from PIL import Image  # WeasyPrint's own dependency, imported by it already

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # DecompressionBombWarning: decided here instead
        try:
            with Image.open(io.BytesIO(body)) as image:  # reads the header, not the pixels
                width, height = image.size
        except Image.DecompressionBombError as exc:
            found = re.search(r"\((\d+) pixels\)", str(exc))
            if found is None:
                return tr("the image has too many pixels, far more than a printed page can show: "
                          "scale it down to at most {limit:,} (an A4 page at 300 dpi is about "
                          "2,480 × 3,508).", limit=MAX_PIXELS)
            return tr("the image has {pixels:,} pixels, far more than a printed page can show: "
                      "scale it down to at most {limit:,} (an A4 page at 300 dpi is about "
                      "2,480 × 3,508).", pixels=int(found.group(1)), limit=MAX_PIXELS)
        except Exception:  # not a picture Pillow reads (a font, a stylesheet): not ours to judge
            return None
    if width * height > MAX_PIXELS:
        return tr("the image is {width:,} × {height:,} pixels, more than a printed page can show "
                  "(at most {limit:,} pixels; an A4 page at 300 dpi is about 2,480 × 3,508): "
                  "scale it down.", width=width, height=height, limit=MAX_PIXELS)
    return None


def _svg_problem(body: bytes) -> str | None:
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError as exc:
        if "amplification" in str(exc):  # expat's guard against entities expanding without end
            return tr("the SVG's entities (<!ENTITY ...>) expand into far more text than the file "
                      "holds (a \"billion laughs\"): remove them.")
        return None  # not XML WeasyPrint reads either; it leaves the image out
    except RecursionError:
        return tr("the SVG is nested more than {limit} levels deep: flatten it.", limit=MAX_SVG_DEPTH)
    ids = {el.get("id"): el for el in root.iter() if el.get("id")}
    sizes: dict[int, int] = {}
    busy: set[int] = set()

    def size(el: ElementTree.Element, depth: int) -> int:
        key = id(el)
        if key in sizes:
            return sizes[key]
        if depth > MAX_SVG_DEPTH:
            raise _TooMuch(tr("the SVG is nested more than {limit} levels deep (counting what its "
                              "<use> elements repeat): flatten it.", limit=MAX_SVG_DEPTH))
        if key in busy:
            raise _TooMuch(tr("the SVG element {id} uses itself, without end: remove that <use> or "
                              "url(#...).", id=repr(el.get("id"))))
        busy.add(key)
        total = 1
        for child in el:
            total += size(child, depth + 1)
        for name, value in el.attrib.items():
            targets = _REFERENCE.findall(value)
            if name in _HREFS and value.startswith("#"):
                targets.append(value[1:])
            for target in targets:
                if target in ids:
                    total += size(ids[target], depth + 1)
        if el.text and el.tag.endswith("style"):
            for target in _REFERENCE.findall(el.text):
                if target in ids:
                    total += size(ids[target], depth + 1)
        if total > MAX_SVG_ELEMENTS:
            raise _TooMuch(tr("the SVG draws more than {limit:,} shapes once its <use> elements (and "
                              "url(#...) references) are repeated: simplify it.", limit=MAX_SVG_ELEMENTS))
        busy.discard(key)
        sizes[key] = total
        return total

    try:
        size(root, 0)
    except _TooMuch as exc:
        return str(exc)
    return None
