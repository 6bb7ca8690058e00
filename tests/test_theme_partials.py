"""The theme overrides that are copies of Material's partials with a small change (the ``lang`` of
a title in another language, see generator/i18n.py TITLE_LANG) stay copies of the partials the
installed Material has: when an upgrade of Material changes one, this fails, and the change is
to be merged into our copy (then the hash below updated), or Material's new feature or fix would
be silently missing from every site."""

from __future__ import annotations

import hashlib
import importlib.metadata
from pathlib import Path

import material
import pytest

from generator.plugin.paths import THEME_DIR

#: sha256 of Material 9.8.2's originals of the partials we copied and changed.
COPIED = {
    "header.html": "8cf3fb15bcf969ff596649616fd99366b3c31c08d57a86d05308efc16d8fa75f",
    "nav-item.html": "89895208f22d68ce405a4bcb6649b9150eba5bbb04663a6cb3f93f02daf1d2f7",
    "path-item.html": "3252b317fa46c4e207e139dc8864c679a049aef2b7cfa65b23f4360c6b6f817e",
    "tabs-item.html": "52fe1f551aa2dbfc9e15a19718a4cadd1f1e728d567ca21fea493ebfccaf3fe2",
    "toc.html": "fde48f583563364b0e0e6865a5ab1e7060ec1826161f69f5cbee653e621b0f84",
}


@pytest.mark.parametrize("name", sorted(COPIED))
def test_a_copied_partial_is_still_materials_own(name: str) -> None:
    original = Path(material.__file__).parent / "templates" / "partials" / name
    version = importlib.metadata.version("mkdocs-material")
    assert hashlib.sha256(original.read_bytes()).hexdigest() == COPIED[name], (
        f"Material {version} changed partials/{name}: merge its change into "
        f"generator/theme/partials/{name} (our copy of 9.8.2's, with the title's lang), then "
        "update the hash in this test")
    assert (Path(THEME_DIR) / "partials" / name).is_file()
