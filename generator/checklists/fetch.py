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

from weasyprint.urls import URLFetcher, URLFetcherResponse


class RefusedURL(ValueError):
    """A document asked for something outside the allowed folders."""


class LocalOnlyFetcher(URLFetcher):  # type: ignore[misc]  # weasyprint has no type hints
    def __init__(self, allowed: Iterable[Path]) -> None:
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
        self.allowed = tuple(Path(p).resolve() for p in allowed)
        self.refused: list[str] = []

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
            return super().fetch(url, headers)
        path = self.allows(url)
        if path is None:
            self.refused.append(url)
            raise RefusedURL(f"not fetched (only the project's own files may be used): {url}")
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), body=path.read_bytes(), headers={"Content-Type": kind})
