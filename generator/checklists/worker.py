"""A worker process of the site build: makes the blank PDFs it is sent, into the cache.

Started by :class:`generator.checklists.site.SitePdfs` as ``python -m generator.checklists.worker``
and the name of a file holding a pickled :class:`Batch`. A separate interpreter, not a
``multiprocessing`` child, so it works whatever program runs MkDocs (a ``spawn`` child must
re-import the parent's main module, which fails for ``python -`` and some embedders), and the
main process never imports WeasyPrint.
"""

from __future__ import annotations

import pickle
import sys
from dataclasses import dataclass
from pathlib import Path

from ..catalogue import Catalogue
from ..errors import UserError


@dataclass(frozen=True)
class Batch:
    catalogue: Catalogue
    lang: str
    templates_dir: Path
    allowed: tuple[Path, ...]
    jobs: tuple[tuple[str, Path], ...]  # (checklist id, cache file)


def make(batch: Batch) -> None:
    from .document import checklist_html
    from .pdf import write_pdf

    for ident, cache_file in batch.jobs:
        entry = batch.catalogue.get(ident)
        assert entry is not None, ident
        html = checklist_html(
            batch.catalogue, [entry], batch.lang, stamp=None, templates_dir=batch.templates_dir,
        )
        write_pdf(html, cache_file, batch.allowed)


def main(argv: list[str]) -> int:
    path = Path(argv[0])
    batch = pickle.loads(path.read_bytes())  # written by SitePdfs.start, never from outside
    path.unlink(missing_ok=True)
    # Run as ``-m``, this module is ``__main__``; the pickle names the importable module's class.
    from . import worker

    assert isinstance(batch, worker.Batch)
    try:
        worker.make(batch)
    except UserError as exc:  # e.g. a broken print template of the project
        print(exc.render().replace("\n", " "), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
