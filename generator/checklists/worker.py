"""A worker process of the site build: makes the blank PDFs it is sent, into the cache.

Started by :class:`generator.checklists.site.SitePdfs` as ``python -m generator.checklists.worker``
with the name of a file holding a pickled :class:`Batch` and the build's process id: when that
process is gone (a build killed with SIGKILL cannot stop its workers), the worker stops before
its next PDF instead of rendering on for nobody. A separate interpreter, not a
``multiprocessing`` child, so it works whatever program runs MkDocs (a ``spawn`` child must
re-import the parent's main module, which fails for ``python -`` and some embedders), and the
main process never imports WeasyPrint.
"""

from __future__ import annotations

import gc
import os
import pickle
import sys
from dataclasses import dataclass
from pathlib import Path

from ..catalogue import Catalogue
from ..errors import UserError
from ..fsutil import die_with_parent
from .dates import NO_DAYS_OFF, DaysOff

#: Whether the site's blank PDFs are tagged for screen readers (:mod:`.tagged`): a document an
#: internal site publishes is read by anyone who downloads it. It costs 6-9 % of each PDF's CPU
#: (1-3 % of a first build's; README, "Performance"). Changing this remakes every cached PDF
#: (this file is in their key).
TAGGED = True


@dataclass(frozen=True)
class Batch:
    catalogue: Catalogue
    lang: str
    templates_dir: Path
    allowed: tuple[Path, ...]
    jobs: tuple[tuple[str, Path], ...]  # (checklist id, cache file)
    off: DaysOff = NO_DAYS_OFF


def make(batch: Batch, parent: int | None = None) -> int:
    """Render the batch's PDFs into the cache; how many were made (fewer if the build died)."""
    from .document import checklist_html, print_stylesheet
    from .pdf import write_pdf

    stylesheet = print_stylesheet(batch.templates_dir)
    made = 0
    for ident, cache_file in batch.jobs:
        if parent is not None and os.getppid() != parent:
            break  # orphaned: re-parented to init or a subreaper
        entry = batch.catalogue.get(ident)
        assert entry is not None, ident
        html = checklist_html(
            batch.catalogue, [entry], batch.lang, stamp=None, templates_dir=batch.templates_dir,
            off=batch.off,
        )
        write_pdf(html, cache_file, batch.allowed, stylesheet, tagged=TAGGED)
        made += 1
    return made


def main(argv: list[str]) -> int:
    path = Path(argv[0])
    parent = int(argv[1]) if len(argv) > 1 else None
    if parent is not None:
        die_with_parent(parent)  # Linux; elsewhere make() checks between PDFs
    batch = pickle.loads(path.read_bytes())  # written by SitePdfs.start, never from outside
    path.unlink(missing_ok=True)
    # The catalogue and the modules live as long as this process: the cycle collector need not
    # walk them again after every PDF (it took a seventh of a worker's time, half of it on them).
    gc.freeze()
    # Run as ``-m``, this module is ``__main__``; the pickle names the importable module's class.
    from . import worker

    assert isinstance(batch, worker.Batch)
    try:
        worker.make(batch, parent)
    except UserError as exc:  # e.g. a broken print template of the project
        print(exc.render().replace("\n", " "), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
