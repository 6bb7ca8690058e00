"""The only way a PDF may read anything: files inside a few allowed folders. No network.

WeasyPrint fetches every URL a document names (stylesheets, fonts, images) through a
``url_fetcher``. Ours answers ``data:`` URLs and ``file:`` URLs whose real path (symbolic links
resolved) lies inside an allowed folder: the package's own fonts and the project's templates and
content. Anything else, ``http:`` and ``https:`` included, is refused and remembered, so the
caller can say what was left out.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from ..tr import tr
from . import bombs


class RefusedURL(ValueError):
    """A document asked for something outside the allowed folders."""


class TooLarge(FatalURLFetchingError):  # type: ignore[misc]
    """A file too large to print: stops the whole PDF (WeasyPrint would only leave it out)."""


class LocalOnlyFetcher(URLFetcher):  # type: ignore[misc]  # weasyprint has no type hints
    def __init__(self, allowed: Iterable[Path]) -> None:
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
        self.allowed = tuple(Path(p).resolve() for p in allowed)
        self.refused: list[str] = []
        #: Files (or data: URLs) too large to print: (the file as the user knows it, why); see
        #: :mod:`.bombs`.
        self.too_large: list[tuple[str, str]] = []

    def allows(self, url: str) -> Path | None:
        """The local file ``url`` names, when it may be read; else None."""
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            return None
        path = Path(url2pathname(parts.path)).resolve()
        if any(path.is_relative_to(root) for root in self.allowed) and path.is_file():
            return path
        return None

    def fetch(self, url: str, headers: Any = None) -> Any:
        if url.lower().startswith("data:"):
            response = super().fetch(url, headers)
            body = response.read()
            self._refuse(bombs.problem(body), None)
            return URLFetcherResponse(url, body=body, headers=response.headers)
        path = self.allows(url)
        if path is None:
            self.refused.append(url)
            raise RefusedURL(tr("not fetched (only the project's own files may be used): {url}", url=url))
        self._refuse(bombs.size_problem(path.stat().st_size), path)  # before reading it whole
        body = path.read_bytes()
        self._refuse(bombs.problem(body), path)
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), body=body, headers={"Content-Type": kind})

    def _refuse(self, why: str | None, path: Path | None) -> None:
        """Refuse a file that would take too long or too much memory to print (a PNG of
        13,000 × 13,000 pixels, an SVG repeating itself without end) before WeasyPrint decodes
        it; ``path`` None is a data: URL."""
        if why is not None:
            shown = self._shown(path) if path else tr("a data: URL in a print template")
            self.too_large.append((shown, why))
            raise TooLarge(why)

    def _shown(self, path: Path) -> str:
        """``path`` as the user knows it: from the project folder (``templates/print/logo.png``)."""
        root = next((r for r in self.allowed if path.is_relative_to(r)), None)
        return path.relative_to(root.parent).as_posix() if root is not None else path.as_posix()
