"""What a rebuild under ``playbook serve`` may take over from the builds before it.

MkDocs renders every page again on each rebuild; on a site of thousands of definitions an edit to
one YAML file changes a handful of pages. The plugin (the only part that knows MkDocs) keeps a
:class:`Rebuilds` for the whole serve session and asks it, per generated page:

- **render**: MkDocs' Markdown-to-HTML of the page is reused when the page's Markdown (after
  every plugin's ``page_markdown``) and what rendering reads besides (the configuration, the
  files a link may point to) are what they were (:class:`Rendered`);
- **content**: the plugin's own work on that HTML (sanitising, glossary tooltips) is reused when
  the HTML and the glossary are what they were (:class:`Processed`);
- **write**: the page's HTML file is not written again when its fingerprint (everything the page
  template shows of the page: content, title, metadata, table of contents' source, address, edit
  link) and the site's (navigation titles and addresses, configuration, theme overrides, tag
  listings) match those of the build that last wrote the file, and the file is still there.

Everything is keyed by content, never by "what the edit touched": a changed title reaches the
index page and every page linking to it because their planned Markdown changes; a changed glossary
term reaches the pages that mention it because their HTML after tooltips changes; a changed
navigation title reaches every page because the site's fingerprint changes.

Nothing here imports MkDocs: the plugin hands in strings and paths.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def digest(*parts: str | bytes) -> str:
    """A short hash of ``parts`` (each length-prefixed, so ``("ab", "c") != ("a", "bc")``)."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


@dataclass(frozen=True)
class Rendered:
    """A page as MkDocs rendered it: its HTML and what rendering found in it."""

    source: str  # digest of the Markdown rendered
    key: str  # digest of what else rendering read
    content: str
    toc: Any
    title: str | None
    anchors: frozenset[str] | None
    #: Links to anchors in other pages, by the linked page's ``src_uri`` (None: not collected).
    links: dict[str, dict[str, str]] | None


@dataclass(frozen=True)
class Processed:
    """A page's HTML after the plugin's own ``page_content`` work."""

    raw: str
    key: Hashable
    final: str
    terms: frozenset[str]


@dataclass
class Rebuilds:
    """One serve session's memory of its builds (one site folder, one language)."""

    scope: tuple[str, ...] = ()
    #: A page's Markdown and front matter, by the digest of its source.
    read: dict[str, tuple[str, str, dict[str, Any]]] = field(default_factory=dict)
    rendered: dict[str, Rendered] = field(default_factory=dict)
    processed: dict[str, Processed] = field(default_factory=dict)
    #: The fingerprint each page had when its file was last written, by ``src_uri``.
    written: dict[str, str] = field(default_factory=dict)
    #: Every file a build of this scope wrote or copied into the site (absolute paths).
    outputs: set[str] = field(default_factory=set)
    #: This build's pages to write, with their fingerprints (committed when the build ends).
    writing: dict[str, str] = field(default_factory=dict)
    #: Pages this build found unchanged: not written again.
    kept: set[str] = field(default_factory=set)
    #: The pages the last successful build wrote.
    wrote: set[str] = field(default_factory=set)
    #: A copied file's source as it was when copied (:func:`stamp`), by the copy's path.
    copied: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def begin(self, scope: tuple[str, ...]) -> None:
        """A build starts; a different site folder or language starts from nothing."""
        if scope != self.scope:
            self.scope = scope
            self.read.clear()
            self.rendered.clear()
            self.processed.clear()
            self.written.clear()
            self.outputs.clear()
            self.copied.clear()
        self.writing = {}
        self.kept = set()

    def decide(self, src_uri: str, fingerprint: str, dest: str, always: bool = False) -> bool:
        """Whether to write the page's file: anything it shows changed, or the file is gone."""
        if not always and self.written.get(src_uri) == fingerprint and os.path.isfile(dest):
            self.kept.add(src_uri)
            return False
        self.writing[src_uri] = fingerprint
        return True

    def copy_wanted(self, source: str, dest: str) -> bool:
        """Whether to copy a file (an image, a download) into the site again: its source changed
        in any way since the last copy, or the copy is gone. Not only when it is newer than the
        copy, as MkDocs' dirty builds decide: a file moved or copied in with its old date kept
        (a file manager, ``mv``, ``cp -p``) is newer than nothing in the site."""
        now = stamp(source)
        if now is not None and self.copied.get(dest) == now and os.path.isfile(dest):
            return False
        if now is not None:
            self.copied[dest] = now
        return True

    def rewrite_all(self) -> None:
        """This build writes every page (nothing can be trusted to be unchanged)."""
        self.written.clear()

    def finished(self, outputs: Iterable[str]) -> list[str]:
        """The build succeeded: remember what it wrote; the files of earlier builds that this one
        no longer has (a deleted definition's page), to be removed."""
        self.written.update(self.writing)
        self.wrote = set(self.writing)
        self.writing = {}
        now = set(outputs)
        stale = sorted(self.outputs - now)
        self.outputs = now
        self.copied = {dest: known for dest, known in self.copied.items() if dest in now}
        return stale

    def failed(self, copying: bool = False) -> None:
        """The build failed part-way: the pages it was writing may or may not be on disk (and
        the files it was ``copying``)."""
        for src_uri in self.writing:
            self.written.pop(src_uri, None)
        self.writing = {}
        if copying:
            self.copied.clear()


def stamp(path: str) -> tuple[int, ...] | None:
    """What changes whenever a file does (its contents, or another file put in its place)."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_mtime_ns, found.st_ctime_ns, found.st_size, found.st_ino)


def remove_stale(paths: Iterable[str], site_dir: Path) -> int:
    """Delete files an earlier build wrote into ``site_dir`` (and folders left empty)."""
    root = site_dir.resolve()
    count = 0
    for name in paths:
        path = Path(name).resolve()
        if path == root or not path.is_relative_to(root):
            continue  # never outside the site
        if path.is_file():
            path.unlink()
            count += 1
        parent = path.parent
        while parent != root and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent
    return count
