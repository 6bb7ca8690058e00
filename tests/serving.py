"""A folder or a request handler served on 127.0.0.1 for the duration of a test (a free port)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request to the test's output."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_page(self, code: int, page: Path) -> None:
        """Answer with the HTML file ``page`` and the status ``code`` (a 404 page, say)."""
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def serve(directory: Path | None = None,
          handler: type[http.server.BaseHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    """Serve ``directory`` (or whatever ``handler`` answers); yields ``http://127.0.0.1:PORT``
    without a trailing slash."""
    factory: Any = handler
    if directory is not None:
        factory = functools.partial(factory, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), factory)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
