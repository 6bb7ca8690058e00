"""The addresses on a language site's "page not found" page (``site/pl/404.html``).

A web server shows that page at whatever address the reader mistyped (``/pl/teams/nope/x/``),
so its links, stylesheets and scripts cannot be relative to where it is shown. MkDocs makes them
absolute from ``site_url``'s path, or from the server's root without it; a language's site is
one folder further down, so:

- with ``site_url``: absolute, under its path (``/playbook/pl/...``); right without JavaScript.
- without it: the site's address is unknown when the site is built. Every address is then
  relative to a ``<base href>`` that our ``404.html`` puts first in ``<head>``, with the server's
  root as the default (``/pl/``) and an inline script that corrects it, before anything is
  loaded, to the part of the address up to the last ``/pl/`` folder (``/playbook/pl/``, when the
  site is served from ``https://intranet.example/playbook/``), as the root ``404.html`` does
  (:func:`generator.i18n.not_found_page`). Material resolves a few addresses of its own against
  the page's location rather than the document's base (the storage scope, ``__config.base``);
  the template's other two small scripts make those absolute from the base too.

The relative form is used only when the 404 template is ours: a project's own ``404.html``
(in its ``theme.custom_dir``) keeps MkDocs' absolute addresses, which it knows how to use.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from .paths import THEME_DIR


def not_found_context(context: Any, config: Any, lang: str, language_folder: bool) -> None:
    """The 404 page's addresses (see the module's text), and the language switcher leading to
    each language's home page (``extra.alternate``, only while the page renders: the plugin puts
    the original back in ``on_post_template``)."""
    from mkdocs.utils import normalize_url

    base = str(context.get("base_url") or "/")
    if not config.site_url and language_folder:
        guess = _template_is_ours(config)
        base = "./" if guess else f"/{lang}/"
        context["base_url"] = base
        context["extra_css"] = [normalize_url(str(p), None, base) for p in config.extra_css]
        context["extra_javascript"] = [normalize_url(str(s), None, base) for s in config.extra_javascript]
        if guess:
            context["playbook_base"] = f"/{lang}/"  # the default, where the script finds no folder
            context["playbook_folder"] = lang
    homes = []
    for alt in config.extra.get("alternate") or []:
        link = str(alt.get("link", ""))
        if "://" not in link and not link.startswith("/"):
            link = posixpath.normpath(posixpath.join(base, link)) + "/"
        homes.append({**alt, "link": link})
    if homes:
        config.extra["alternate"] = homes


def _template_is_ours(config: Any) -> bool:
    """Whether MkDocs will render our ``404.html`` (the first theme folder that has one)."""
    for folder in config.theme.dirs:
        if (Path(folder) / "404.html").is_file():
            return Path(folder).resolve() == THEME_DIR.resolve()
    return False
