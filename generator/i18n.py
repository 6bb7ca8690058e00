"""The site in several languages: which hand-written page each language shows, what a reader
sees when a translation is missing, and the small pages that tie the language sites together.

A build makes one complete site per language side by side (``site/pl/``, ``site/en/``) with the
same page addresses, so switching language keeps the reader on the same page. Hand-written pages
follow one convention: ``content/page.md`` is the default language, ``content/page.en.md`` (or any
``page.<lang>.md``) another language. A page missing in a language shows the text of another one,
with a notice; ``page.md`` beside ``page.<default>.md`` is an error (:func:`unused_pages`).
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .catalogue import is_litter, name_problem, unusable_name
from .errors import Diagnostic
from .labels import label
from .tr import language as message_language
from .tr import tr
from .yamlfile import decode

#: Each language's name for itself (the language switcher shows these).
NATIVE_NAMES = {"pl": "Polski", "en": "English"}
#: Language names as each language writes them: NAMES[reader's language][language].
NAMES = {
    "pl": {"pl": "polski", "en": "angielski"},
    "en": {"pl": "Polish", "en": "English"},
}


def _named(lang: str) -> str:
    """A language's name as the messages' language writes it (``Polish``; in Polish ``polski``)."""
    return NAMES.get(message_language(), NAMES["en"]).get(lang, lang)


_VARIANT = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2})\.md$")


def slugify(value: str, separator: str) -> str:
    """Heading anchors as Python-Markdown makes them, but keeping Polish ł as l ("Zespoły" gets
    ``#zespoly``, not ``#zespoy``: Unicode does not decompose ł into l and a stroke)."""
    from markdown.extensions.toc import slugify as ascii_slug

    return ascii_slug(value.replace("ł", "l").replace("Ł", "L"), separator)


@dataclass(frozen=True)
class Choice:
    """The file a language shows at a page address; ``fallback`` is set when it is another
    language's text (the name of that language)."""

    source: str
    fallback: str | None = None


def page_variants(src_uris: Iterable[str], languages: Sequence[str], default: str) -> dict[str, dict[str, str]]:
    """Hand-written pages by address, then by language: ``{"about.md": {"pl": ..., "en": ...}}``."""
    return _variants(src_uris, languages, default)[0]


def _variants(src_uris: Iterable[str], languages: Sequence[str],
              default: str) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """:func:`page_variants`, and the pages it leaves out: ``page.md`` beside ``page.<default>.md``
    (both in the default language; the named one wins), by address."""
    found: dict[str, dict[str, str]] = {}
    plain: dict[str, str] = {}
    for uri in sorted(src_uris):
        if not uri.endswith(".md"):
            continue
        match = _VARIANT.match(uri)
        if match and match["lang"] in languages:
            found.setdefault(f"{match['stem']}.md", {})[match["lang"]] = uri
        else:
            plain[uri] = uri
    unused: dict[str, str] = {}
    for target, uri in plain.items():
        by_lang = found.setdefault(target, {})
        if default in by_lang:  # page.pl.md wins over page.md
            unused[target] = uri
        else:
            by_lang[default] = uri
    return found, unused


def unused_pages(src_uris: Iterable[str], languages: Sequence[str], default: str,
                 folder: str) -> list[Diagnostic]:
    """Hand-written pages no site shows: ``page.md`` is in the default language, so beside
    ``page.<default>.md`` one of the two is never used. This happens when ``default_language``
    changes (to ``en``: ``about.md``, written in Polish, is now English, like ``about.en.md``, and
    the Polish site says the page has no Polish version). An error, as a hand-written page at a
    generated page's address is: text the author wrote would be missing from the site, silently.
    A page whose file name is not UTF-8 is an error too: it can have no address.
    ``folder`` is the content folder as shown in messages (``content``)."""
    src_uris = list(src_uris)
    found, unused = _variants(src_uris, languages, default)
    problems = [
        # A name that is not UTF-8 (a file from an old Windows or Mac archive) cannot be a web
        # address: MkDocs met it with a traceback halfway through the build.
        Diagnostic(posixpath.join(folder, uri) if folder not in ("", ".") else uri, 1, 1, "",
                   tr("this file name cannot be used: the name is not valid UTF-8 text, which a "
                      "page's address cannot hold: rename it using ordinary letters."))
        for uri in sorted(src_uris) if any("\udc80" <= ch <= "\udcff" for ch in uri)
    ]
    problems += _unportable_names(src_uris, folder)
    problems += _odd_language_names(src_uris, languages, default, folder)
    for target, uri in sorted(unused.items()):
        named = found[target][default]
        missing = [lang for lang in languages if lang not in found[target]]
        if missing:
            advice = tr("if it is in {choices}, rename it to {names}",
                        choices=tr(" or ").join(_named(lang) for lang in missing),
                        names=tr(" or ").join(posixpath.basename(_variant_name(target, lang, ""))
                                              for lang in missing))
        else:
            advice = tr("delete it, or merge it into {named}", named=posixpath.basename(named))
        problems.append(Diagnostic(
            uri if folder in ("", ".") else posixpath.join(folder, uri), 1, 1, "",
            tr("this page and {named} are both {language} pages (a page named without a language is "
               "in the default language, {default}), so this one is left out of the site: {advice}.",
               named=posixpath.basename(named), language=_named(default), default=default,
               advice=advice),
        ))
    return problems


def _unportable_names(src_uris: Iterable[str], folder: str) -> list[Diagnostic]:
    """Pages whose file or folder names Windows cannot hold (``a:b.md``, ``notes?.md``,
    ``con.md``, ``v1./x.md``) or no web address can (a line break), refused as in the playbooks
    folder: the site built, but a clone on Windows could not check the project out, and the
    page's address ('a:b/' reads as a link scheme, 'notes?/' as a query) led nowhere."""
    problems = []
    for uri in sorted(src_uris):
        if any("\udc80" <= ch <= "\udcff" for ch in uri):
            continue  # not UTF-8: said above
        parts = uri.split("/")
        for index, part in enumerate(parts):
            problem = name_problem(part)
            if problem:
                shown = "/".join(parts[:index + 1])
                problems.append(Diagnostic(
                    posixpath.join(folder, shown) if folder not in ("", ".") else shown, 1, 1, "",
                    unusable_name(index != len(parts) - 1, problem)))
                break
    return list(dict.fromkeys(problems))


#: A page name that looks like it names a language (``about.de.md``, ``about.EN.md``).
_LANGUAGE_LIKE = re.compile(r"^(?P<stem>.+)\.(?P<lang>[A-Za-z]{2})\.md$")


def _odd_language_names(src_uris: Iterable[str], languages: Sequence[str], default: str,
                        folder: str) -> list[Diagnostic]:
    """Warnings for pages named like a translation in a language the site does not have, or
    with the code in capitals: ``about.de.md`` and ``about.EN.md`` are published as pages of
    their own (``about.de/``) in the default language, not as the translation meant."""
    problems = []
    for uri in sorted(src_uris):
        match = _LANGUAGE_LIKE.match(uri)
        if match is None or match["lang"] in languages:
            continue
        lang, stem = match["lang"], match["stem"]
        if lang.lower() in languages:
            advice = tr("language codes are written in lower case: rename it to {name}",
                        name=posixpath.basename(_variant_name(stem + '.md', lang.lower(), '')))
        else:
            advice = tr("{lang!r} is not one of the site's languages ({languages}): rename it, or add "
                        "{code!r} to the plugin's languages", lang=lang, languages=", ".join(languages),
                        code=lang.lower())
        problems.append(Diagnostic(
            uri if folder in ("", ".") else posixpath.join(folder, uri), 1, 1, "",
            tr("this page is named like a translation, but it is published as a page of its own "
               "('{page}') in {language}: {advice}.", page=f"{posixpath.basename(stem)}.{lang}",
               language=_named(default), advice=advice),
            severity="warning",
        ))
    return problems


def content_pages(docs_dir: Path) -> list[str]:
    """The Markdown pages of the content folder, as MkDocs finds them (dotfiles left out), but
    for Office's lock files (``~$name.md``), which the plugin leaves out."""
    if not docs_dir.is_dir():
        return []
    uris = []
    for current, dirs, files in os.walk(docs_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.endswith(".md") and not name.startswith(".") and not is_litter(name):
                uris.append((Path(current) / name).relative_to(docs_dir).as_posix())
    return uris


def unused_content_pages(docs_dir: Path, root: Path, languages: Sequence[str],
                         default: str) -> list[Diagnostic]:
    """:func:`unused_pages` of the content folder, and its pages that are not UTF-8 text (MkDocs
    met one with a traceback halfway through the build), found before a build starts."""
    uris = content_pages(docs_dir)
    folder = _display(docs_dir, root)
    problems = unused_pages(uris, languages, default, folder)
    for uri in uris:
        try:
            raw = (docs_dir / uri).read_bytes()
        except OSError:  # gone since listed, or unreadable: MkDocs says so in its own words
            continue
        text = decode(raw, posixpath.join(folder, uri) if folder not in ("", ".") else uri)
        if isinstance(text, Diagnostic):
            problems.append(text)
    return problems


def links_outside(docs_dir: Path, root: Path) -> list[Diagnostic]:
    """Symbolic links in the content folder that lead out of the project, or nowhere.

    MkDocs follows them all (a link to a folder too, walked whole) and publishes what they lead
    to: ``content/notes.md -> ~/.ssh/id_rsa`` committed by a careless or hostile hand would be
    on the site. A link within the project (to its README, say) is fine. Walked without
    following links out, so a link to ``/`` costs nothing here (MkDocs would walk the disk)."""
    if not docs_dir.is_dir():
        return []
    project = root.resolve()
    inside = (project, docs_dir.resolve())
    folder = _display(docs_dir, root)
    problems: list[Diagnostic] = []
    seen: set[Path] = set()

    def outside(target: Path) -> bool:
        return not any(target.is_relative_to(place) for place in inside)

    def walk(real: Path, shown: str) -> None:
        if real in seen:
            return
        seen.add(real)
        try:
            names = sorted(os.listdir(real))
        except OSError:  # unreadable: MkDocs says so in its own words
            return
        for name in names:
            path = real / name
            where = posixpath.join(shown, name) if shown not in ("", ".") else name
            if name.startswith("."):  # MkDocs leaves dotfiles out of the site...
                # ...but walks a hidden folder too, following links: '.x -> /' walked the disk
                if path.is_symlink() and path.is_dir() and outside(target := path.resolve()):
                    problems.append(Diagnostic(where, 1, 1, "", tr(
                        "this is a link to the folder {target}, outside the project; MkDocs leaves a "
                        "hidden folder out of the site but still reads through it, every folder "
                        "within too: delete the link.", target=target.as_posix())))
                continue
            if path.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError):  # dangling, or a loop of links
                    problems.append(Diagnostic(where, 1, 1, "", tr(
                        "this is a link to {target!r}, which does not exist (or is a loop of links), "
                        "so nothing can be published here: delete the link, or put the file itself "
                        "here.", target=os.readlink(path))))
                    continue
                if outside(target):
                    problems.append(Diagnostic(where, 1, 1, "", tr(
                        "this is a link to the folder {target}, outside the project, and a build "
                        "would publish everything in it on the site: copy what the site should show "
                        "into the project instead, or delete the link.", target=target.as_posix())
                        if target.is_dir() else tr(
                        "this is a link to the file {target}, outside the project, and a build would "
                        "publish it on the site: copy what the site should show into the project "
                        "instead, or delete the link.", target=target.as_posix())))
                    continue
                if not any(_visible_within(target, place) for place in inside):
                    shown_target = next(target.relative_to(p) for p in inside if target.is_relative_to(p))
                    problems.append(Diagnostic(where, 1, 1, "", tr(
                        "this is a link to {target}, a hidden folder of the project (its name starts "
                        "with '.', as .git/ and .env do, where tokens and passwords are kept), and a "
                        "build would publish it on the site: copy what the site should show into the "
                        "content folder instead, or delete the link.", target=shown_target.as_posix())
                        if target.is_dir() else tr(
                        "this is a link to {target}, a hidden file of the project (its name starts "
                        "with '.', as .git/ and .env do, where tokens and passwords are kept), and a "
                        "build would publish it on the site: copy what the site should show into the "
                        "content folder instead, or delete the link.", target=shown_target.as_posix())))
                    continue
                if target.is_dir():
                    walk(target, where)
            elif path.is_dir():
                walk(path, where)

    walk(docs_dir.resolve(), folder)
    return problems


def _visible_within(target: Path, place: Path) -> bool:
    """Whether ``target`` lies inside ``place`` through no hidden file or folder (``.git/``,
    ``.env``): MkDocs leaves those out of the content folder by their names, but a link of
    another name leading to one would publish it (``content/config.txt -> ../.git/config``,
    where CI keeps the token it cloned with)."""
    return target.is_relative_to(place) and not any(
        part.startswith(".") for part in target.relative_to(place).parts
    )


def choose_pages(src_uris: Iterable[str], lang: str, languages: Sequence[str], default: str) -> dict[str, Choice]:
    """For each hand-written page address, the file ``lang`` shows (its own, or a fallback)."""
    chosen: dict[str, Choice] = {}
    order = [lang, default, *languages]
    for target, by_lang in page_variants(src_uris, languages, default).items():
        for candidate in order:
            if candidate in by_lang:
                fallback = None if candidate == lang else candidate
                chosen[target] = Choice(by_lang[candidate], fallback)
                break
    return chosen


def missing_page_translations(docs_dir: Path, root: Path, languages: Sequence[str], default: str,
                              severity: str = "warning") -> list[Diagnostic]:
    """Hand-written pages that some language lacks, located at the file that exists."""
    found: list[Diagnostic] = []
    for target, by_lang in sorted(page_variants(content_pages(docs_dir), languages, default).items()):
        missing = [lang for lang in languages if lang not in by_lang]
        if not missing:
            continue
        have = by_lang.get(default) or next(iter(by_lang.values()))
        shown = _display(docs_dir / have, root)
        wanted = ", ".join(_variant_name(target, lang, default) for lang in missing)
        found.append(Diagnostic(
            shown, 1, 1, "", tr("missing translation: {languages} (add {wanted}).",
                                languages=", ".join(missing), wanted=wanted),
            severity,  # type: ignore[arg-type]
        ))
    return found


def _variant_name(target: str, lang: str, default: str) -> str:
    return target if lang == default else f"{target[:-3]}.{lang}.md"


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


# -- what a reader sees ---------------------------------------------------------------------------

#: Keys of a page's ``meta`` (set by the plugin) that the theme overrides read: the language of
#: the page's title, when it is not the site's (the navigation, tabs, breadcrumbs and header put
#: it on the title, the search index on the result's title), and of its whole text (a
#: hand-written page shown in another language: its table of contents, its search excerpts).
#: The ``<title>`` in the head cannot mark part of its text: it stays as it is, in a document
#: whose language is the site's (the notice, the menus and the chrome are in it).
TITLE_LANG = "playbook_title_lang"
CONTENT_LANG = "playbook_content_lang"

#: A heading with its id and what it holds; in it, a text marked with its language (``lang_text``
#: in a template: ``<span lang="pl">Pierwsze dni</span>``, only text inside).
_HEADING = re.compile(r'<h[1-6] id="([^"]+)"[^>]*>(.*?)</h[1-6]>', re.S)
_LANG_SPAN = re.compile(r'<span lang="([A-Za-z-]+)">([^<]+)</span>')


def mark_toc_languages(toc: Iterable[Any], page_html: str) -> None:
    """A heading's text in another language keeps its ``lang`` in the table of contents.

    Python-Markdown's toc extension gives each entry its heading's text without tags, so the
    entry of ``## <span lang="pl">Pierwsze dni</span>`` on the English site was English to a
    screen reader. Each entry (an item of MkDocs' table of contents: ``id``, ``title`` as HTML,
    ``children``) gets the heading's marked texts back; an entry already marked is left alone
    (a rebuild under serve reuses the same table of contents)."""
    if "<span lang=" not in page_html:
        return
    found: dict[str, list[tuple[str, str]]] = {}
    for ident, inner in _HEADING.findall(page_html):
        if "<span lang=" in inner:
            found[ident] = _LANG_SPAN.findall(inner)
    if not found:
        return

    def mark(items: Iterable[Any]) -> None:
        for item in items:
            spans = found.get(getattr(item, "id", ""))
            title = getattr(item, "title", "")
            if spans and isinstance(title, str) and "<span lang=" not in title:
                for lang, text in spans:
                    title = title.replace(text, f'<span lang="{lang}">{text}</span>', 1)
                item.title = title
            mark(getattr(item, "children", ()) or ())

    mark(toc)


def fallback_title(lang: str, fallback: str) -> str:
    """The tooltip of a text shown in another language: what is missing and what is shown."""
    names = NAMES.get(lang, NAMES["en"])
    if lang == "pl":
        return f"Brak tłumaczenia na {names.get(lang, lang)}: tekst w języku {_pl_genitive(fallback)}."
    return f"No {names.get(lang, lang)} translation yet: the text is in {names.get(fallback, fallback)}."


def _pl_genitive(lang: str) -> str:
    return {"en": "angielskim", "pl": "polskim"}.get(lang, lang)


def fallback_notice(lang: str, fallback: str) -> str:
    """A notice above a hand-written page shown in another language."""
    if lang == "pl":
        head = "Ta strona nie ma jeszcze wersji polskiej"
        text = f"Poniżej jest wersja w języku {_pl_genitive(fallback)}."
    else:
        head = f"This page has no {NAMES['en'].get(lang, lang)} version yet"
        text = f"It is shown in {NAMES['en'].get(fallback, fallback)} below."
    return (
        f'<div class="admonition note pb-fallback-page" lang="{lang}">'
        f'<p class="admonition-title">{html.escape(head)}</p><p>{html.escape(text)}</p></div>\n'
    )


def mark_fallback_page(page_html: str, lang: str, fallback: str) -> str:
    """The page's content, marked as being in ``fallback``, under a notice in ``lang``."""
    return fallback_notice(lang, fallback) + f'<div lang="{fallback}">\n{page_html}\n</div>'


def alternates(languages: Sequence[str]) -> list[dict[str, str]]:
    """Material's ``extra.alternate``: one entry per language site (sibling folders).

    The links lead to each language's home; the theme override ``partials/alternate.html`` adds
    the current page's address, so switching language keeps the reader on the same page.
    """
    return [{"name": NATIVE_NAMES.get(lang, lang), "lang": lang, "link": f"../{lang}/"} for lang in languages]


#: Without ``site_url`` the root 404 page cannot know where the site lives: it assumes the
#: server's root, and this script corrects that from the address it is shown at (the part before
#: the last ``/pl/`` or ``/en/`` folder), and puts that language first. At an address with no
#: language folder in it (``/playbook/nope``) it asks the server, for each folder above the
#: address, whether ``<folder>/<language>/404.html`` is there (HEAD requests, all at once; at most
#: eight), and takes the deepest folder that has it.
_NOT_FOUND_SCRIPT = """<script>
(function () {
  var sections = document.querySelectorAll("section[data-lang]");
  // one leading slash: "//evil.example/pl/" would be a link (and a request) to another host
  var path = location.pathname.replace(/^\\/+/, "/"), best = -1, lang = null;
  function lead(root) {
    sections.forEach(function (s) {
      s.querySelector("a").setAttribute("href", root + s.dataset.lang + "/");
    });
  }
  sections.forEach(function (s) {
    var at = path.lastIndexOf("/" + s.dataset.lang + "/");
    if (at > best) { best = at; lang = s; }
  });
  var guess = document.body.dataset.guessRoot;
  if (!lang) {
    if (!guess || !window.fetch || !/^https?:$/.test(location.protocol) || !sections.length) return;
    var parts = path.split("/").slice(1, -1), tries = [], first = sections[0].dataset.lang;
    for (var i = parts.length; i >= 1 && tries.length < 8; i--) {
      tries.push("/" + parts.slice(0, i).join("/") + "/");
    }
    Promise.all(tries.map(function (root) {
      return fetch(root + first + "/404.html", {method: "HEAD", cache: "no-store"})
        .then(function (r) { return r.ok ? root : null; }, function () { return null; });
    })).then(function (found) {
      var root = found.filter(Boolean)[0];
      if (root) lead(root);
    });
    return;
  }
  if (guess) lead(path.slice(0, best + 1));
  lang.parentNode.insertBefore(lang, lang.parentNode.firstChild);
  document.documentElement.lang = lang.dataset.lang;
})();
</script>"""


def not_found_page(default: str, languages: Sequence[str], site_names: dict[str, str],
                   site_name: str, site_url: str | None) -> str:
    """``404.html`` at the root of a multi-language site (a web server shows it at any unknown
    address): the same short message in every language, each with a link to that language's
    home page. The links are absolute (the page is shown at any depth): under ``site_url``'s
    path, or the server's root without it (then corrected by a script, see above)."""
    from urllib.parse import urlsplit

    root = urlsplit(site_url).path if site_url else "/"
    root = root if root.endswith("/") else root + "/"
    order = [default, *(x for x in languages if x != default)]
    sections = []
    for lang in order:
        head, text, go = (label(lang, key) for key in ("not_found", "not_found_text", "not_found_home"))
        name = html.escape(site_names.get(lang, site_name))
        sections.append(
            f'<section lang="{lang}" data-lang="{lang}">\n<h1>{html.escape(head)}</h1>\n'
            f"<p>{html.escape(text)}</p>\n"
            f'<p><a href="{html.escape(root + lang + "/")}" hreflang="{lang}">{html.escape(go)}</a>: '
            f"{name}</p>\n</section>"
        )
    title = " · ".join(html.escape(label(x, "not_found")) for x in order)
    guess = "" if site_url else ' data-guess-root="1"'
    return (
        f'<!doctype html>\n<html lang="{default}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n"
        '<meta name="robots" content="noindex">\n'
        "<style>body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
        "color:#1f1f1f;line-height:1.5;max-width:38rem;margin:3rem auto;padding:0 1.25rem}"
        "h1{font-size:1.5rem;margin:0 0 .5rem}section+section{border-top:1px solid #ddd;"
        "margin-top:2rem;padding-top:1rem}a{color:#3f51b5}</style>\n"
        f"</head>\n<body{guess}>\n<main>\n" + "\n".join(sections) + "\n</main>\n"
        f"{_NOT_FOUND_SCRIPT}\n</body>\n</html>\n"
    )


def redirect_page(default: str, languages: Sequence[str], site_name: str, *,
                  directory_urls: bool = True) -> str:
    """``index.html`` at the root of a multi-language site: straight on to the default language.

    ``site_name`` is the default language's (the page is in that language). With
    ``directory_urls`` false (``use_directory_urls: false``, the setting for a site opened from
    disk, without a web server) the links name the ``index.html`` file: a browser shows a folder's
    address as a list of its files."""
    home = "" if directory_urls else "index.html"
    links = " · ".join(
        f'<a href="{lang}/{home}" hreflang="{lang}" lang="{lang}">{html.escape(NATIVE_NAMES.get(lang, lang))}</a>'
        for lang in languages
    )
    title = html.escape(site_name)
    return (
        f'<!doctype html>\n<html lang="{default}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n"
        f'<meta http-equiv="refresh" content="0; url={default}/{home}">\n'
        f'<link rel="canonical" href="{default}/{home}">\n'
        '<meta name="robots" content="noindex">\n'
        f"</head>\n<body>\n<p>{title}: {links}</p>\n</body>\n</html>\n"
    )
