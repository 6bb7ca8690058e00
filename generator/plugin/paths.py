"""Where the ``playbook`` plugin's own files are: on disk (beside the package) and in the site."""

from __future__ import annotations

from pathlib import Path

_GENERATOR = Path(__file__).parent.parent

ASSETS_DIR = _GENERATOR / "assets"
#: Overrides of Material's templates: the search box and the language switcher.
THEME_DIR = _GENERATOR / "theme"
#: The plugin's own static files, served under ``assets/playbook/``.
ASSET_PREFIX = "assets/playbook/"
#: Third-party scripts served locally, under ``assets/playbook/vendor/``: Mermaid (Material would
#: fetch it from a CDN; an internal site may be offline) and js-yaml (the SLA form's file loader).
VENDOR_DIR = _GENERATOR / "vendor"
VENDOR_PREFIX = ASSET_PREFIX + "vendor/"
MERMAID_URI = VENDOR_PREFIX + "mermaid.min.js"
