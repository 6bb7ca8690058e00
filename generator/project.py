"""A project on disk: the folder holding ``mkdocs.yml``, and the settings of the ``playbook`` plugin.

This module reads ``mkdocs.yml`` without importing MkDocs, so the core (``playbook check``,
``render``, the checklist and SLA commands) works with any engine that reads the same file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .checklists.dates import DaysOff, known_country, split_calendar, subdivisions
from .errors import Diagnostic, UserError, printable
from .messages import suggest
from .models import LANGUAGES
from .tr import tr, tr_n
from .yamlfile import FORBIDDEN_CHARS, char_name, decode, syntax_problem

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring engine-specific tags such as ``!!python/name:`` and ``!ENV``."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        """A value that is not what its form or tag says (``2027-02-30``, ``!!int text``) is a
        located mistake: PyYAML's constructors raise a bare ValueError or KeyError for it."""
        try:
            return super().construct_object(node, deep)
        except (ValueError, KeyError, TypeError, OverflowError):
            raise _ValueProblem(
                None, None, _unreadable(str(node.tag).rsplit(":", 1)[-1], _shown(node.value)),
                node.start_mark) from None


def _unreadable(tag: str, value: str) -> str:
    """That ``value`` cannot be read as what its tag (``int``, ``timestamp``...) says."""
    if tag == "timestamp":
        return tr("{value} cannot be read as a real date: correct it, or put it in quotes if it is "
                  "meant as text.", value=value)
    if tag == "int":
        return tr("{value} cannot be read as a whole number: correct it, or put it in quotes if it "
                  "is meant as text.", value=value)
    if tag == "float":
        return tr("{value} cannot be read as a number: correct it, or put it in quotes if it is "
                  "meant as text.", value=value)
    if tag == "bool":
        return tr("{value} cannot be read as true or false: correct it, or put it in quotes if it "
                  "is meant as text.", value=value)
    return tr("{value} cannot be read as what its tag says: correct it, or put it in quotes if it "
              "is meant as text.", value=value)


def _or(items: list[str] | tuple[str, ...]) -> str:
    """``pl or en``, in the messages' language."""
    return tr(" or ").join(items)


class _ValueProblem(yaml.constructor.ConstructorError):
    """A value of mkdocs.yml that is not what its form or tag says; its message is plain words."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_ConfigLoader.add_multi_constructor("", _ignore_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


@dataclass(frozen=True)
class Settings:
    """Options of the ``playbook`` plugin in ``mkdocs.yml`` (all optional)."""

    playbooks_dir: str = "playbooks"
    templates_dir: str = "templates"
    #: Content language of this build; defaults to ``theme.language``.
    lang: str = "pl"
    languages: tuple[str, ...] = LANGUAGES
    #: The site's name per language, e.g. ``{en: Sales & marketing playbook}``; a language not
    #: listed keeps ``site_name``.
    site_names: tuple[tuple[str, str], ...] = ()
    #: The site's description per language (the pages' ``<meta name="description">`` where a page
    #: has none of its own, e.g. the 404 page); a language not listed keeps ``site_description``.
    site_descriptions: tuple[tuple[str, str], ...] = ()
    default_language: str = "pl"
    enabled: bool = True
    #: Make a blank PDF of every checklist during a site build (cached; see generator.checklists).
    pdf: bool = True
    #: The country whose public holidays a checklist's working days skip (ISO 3166 code, ``PL``),
    #: or one of its regions, whose own holidays are skipped too (ISO 3166-2 style, ``DE-BY``).
    holidays: str | None = None
    #: The company's own days off, which working days skip too.
    days_off: tuple[dt.date, ...] = ()

    @property
    def off(self) -> DaysOff:
        return DaysOff(self.holidays, frozenset(self.days_off))


@dataclass(frozen=True)
class Project:
    root: Path
    config_file: Path
    docs_dir: Path
    site_dir: Path
    settings: Settings
    site_name: str = "Playbook"
    raw_config: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def playbooks_dir(self) -> Path:
        return self.root / self.settings.playbooks_dir

    @property
    def templates_dir(self) -> Path:
        return self.root / self.settings.templates_dir


def _config_text(config_file: Path) -> str:
    """The text of ``mkdocs.yml``: UTF-8 (a BOM is allowed), else a plain-words error saying how
    to save it (Notepad's "Unicode" is UTF-16; "ANSI" is a Windows code page)."""
    try:
        raw = config_file.read_bytes()
    except OSError as exc:
        raise UserError(tr("{file}: cannot read the file: {reason}.", file=config_file.name,
                           reason=exc.strerror or exc)) from None
    text = decode(raw, config_file.name)
    if isinstance(text, Diagnostic):
        raise UserError([text])
    return text


def find_config(start: Path) -> Path:
    for name in CONFIG_NAMES:
        candidate = start / name
        if candidate.is_file():
            return candidate
    shown = printable(str(start))  # a line break in --project DIR: still one line
    if not start.is_dir():
        raise UserError(tr(
            "{folder}: no such folder. Name the project folder (the one holding mkdocs.yml) with "
            "--project DIR.", folder=shown))
    above = next((folder for folder in start.parents
                  if any((folder / name).is_file() for name in CONFIG_NAMES)), None)
    if above is not None:  # run in a folder of the project (playbooks/, content/...)
        project = printable(str(above))
        raise UserError(tr(
            "{folder}: no mkdocs.yml here; the project seems to be {project}, which holds one. Run "
            "the command there, or name it with --project {project}.", folder=shown, project=project))
    raise UserError(tr(
        "{folder}: no mkdocs.yml here. Run the command in the project folder, or name it with "
        "--project DIR.", folder=shown))


def plugin_options(config: dict[str, Any], config_file: Path | None = None) -> dict[str, Any] | None:
    """The ``playbook`` entry of ``plugins:`` (``{}`` when listed without options); ``plugins:``
    or the plugin's options written as something else than MkDocs reads is a :class:`UserError`."""
    complain = _Complaint(config_file)
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        plugins = [{k: v} for k, v in plugins.items()]
    if not isinstance(plugins, list):
        raise complain(("plugins",), tr("expected a list of plugins, one '- name' per line, like "
                                        "[search, playbook], not {value}.", value=_shown(plugins)))
    for item in plugins:
        if item == "playbook":
            return {}
        if isinstance(item, dict) and "playbook" in item:
            options = item["playbook"]
            if options is not None and not isinstance(options, dict):
                raise complain(("plugins", "playbook"),
                               tr("expected the plugin's options as 'name: value' lines under it "
                                  "(like 'languages: [pl, en]'), or nothing, not {value}.",
                                  value=_shown(options)))
            return dict(options or {})
    return None


def _shown(value: Any) -> str:
    """A value of mkdocs.yml as a message quotes it, cut short (``yes`` is true in MkDocs' YAML,
    ``2027-01-01`` a date)."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = repr(value)
    return text if len(text) <= 60 else text[:56] + "...'"


class _Complaint:
    """Raises a mistake in the plugin's settings: at its line and column in ``mkdocs.yml`` when
    the file is known (``playbook`` commands, and the plugin under MkDocs), else as one line."""

    def __init__(self, config_file: Path | None) -> None:
        self.config_file = config_file

    def __call__(self, path: tuple[str, ...], message: str) -> UserError:
        where = ".".join(path)
        if self.config_file is None:
            return UserError(f"mkdocs.yml: {where}: {message}")
        line, col = config_position(self.config_file, path)
        return UserError([Diagnostic(self.config_file.name, line, col, where, message)])


def _per_language(options: dict[str, Any], key: str, languages: tuple[str, ...], what: str,
                  example: str, complain: _Complaint) -> dict[str, str]:
    """An option that gives a text per language (``site_names``, ``site_descriptions``)."""
    given = options.get(key) or {}
    if not isinstance(given, dict):
        raise complain(("plugins", "playbook", key),
                       tr("expected the site's name per language, like {example}.", example=example)
                       if what == "name" else
                       tr("expected the site's description per language, like {example}.", example=example))
    for lang, text in given.items():
        if str(lang) not in languages:
            raise complain(("plugins", "playbook", key, str(lang)),
                           tr("{value} is not one of the site's languages ({languages}): remove it, or "
                              "add it to languages.", value=_shown(lang), languages=", ".join(languages)))
        if not isinstance(text, str):
            raise complain(("plugins", "playbook", key, str(lang)),
                           tr("expected the site's name in {lang}, a text, not {value}.", lang=lang,
                              value=_shown(text)) if what == "name" else
                           tr("expected the site's description in {lang}, a text, not {value}.", lang=lang,
                              value=_shown(text)))
    return given


def settings_from(options: dict[str, Any], theme_language: str | None,
                  config_file: Path | None = None) -> Settings:
    """The plugin's settings from its options in ``mkdocs.yml``; a mistake is reported at its
    place in ``config_file`` when that is given."""
    complain = _Complaint(config_file)
    known = {"playbooks_dir", "templates_dir", "lang", "languages", "default_language", "enabled",
             "pdf", "site_names", "site_descriptions", "holidays", "days_off"}
    unknown = sorted(set(options) - known, key=str)
    if unknown:
        name = str(unknown[0])
        raise complain(("plugins", "playbook", name),
                       tr("{name!r} is not an option of the playbook plugin; the options are "
                          "{options}.{hint}", name=name, options=", ".join(sorted(known)),
                          hint=suggest(name, known)))
    for key in ("playbooks_dir", "templates_dir", "lang", "default_language"):
        if options.get(key) is not None and not isinstance(options[key], str):
            raise complain(("plugins", "playbook", key),
                           tr("expected a text, not {value}.", value=_shown(options[key])))
    for key in ("playbooks_dir", "templates_dir"):
        wrong = folder_problem(options.get(key))
        if wrong is None and config_file is not None and options.get(key) is not None:
            wrong = outside_problem(config_file.resolve().parent, options[key], key)
        if wrong:
            raise complain(("plugins", "playbook", key), wrong)
    for key in ("enabled", "pdf"):
        if options.get(key) is not None and not isinstance(options[key], bool):
            raise complain(("plugins", "playbook", key),
                           tr("expected true or false, not {value}.", value=_shown(options[key])))
    given = options.get("languages") or LANGUAGES
    if not isinstance(given, list | tuple) or not given:
        raise complain(("plugins", "playbook", "languages"),
                       tr("expected a list of languages, like [{example}].", example=", ".join(LANGUAGES)))
    languages = tuple(str(lang) for lang in given)
    for lang in languages:
        if lang not in LANGUAGES:
            raise complain(("plugins", "playbook", "languages"),
                           tr("{lang!r} is not supported; use {choices}.{hint}", lang=lang,
                              choices=tr(" and ").join(LANGUAGES), hint=suggest(lang, LANGUAGES)))
    default = str(options.get("default_language") or languages[0])
    if default not in languages:
        raise complain(("plugins", "playbook", "default_language"),
                       tr("{lang!r} is not one of the site's languages: write {choices}.{hint}",
                          lang=default, choices=_or(languages), hint=suggest(default, languages)))
    path: tuple[str, ...]
    if options.get("lang"):
        lang, path = str(options["lang"]), ("plugins", "playbook", "lang")
    elif theme_language:
        lang, path = str(theme_language), ("theme", "language")
    else:
        lang, path = default, ("plugins", "playbook", "default_language")
    if lang not in languages:
        raise complain(path, tr("{lang!r} is not one of the site's languages: write {choices}.{hint}",
                                lang=lang, choices=_or(languages), hint=suggest(lang, languages)))
    names = _per_language(options, "site_names", languages, "name", "{pl: Podręcznik, en: Playbook}",
                          complain)
    descriptions = _per_language(options, "site_descriptions", languages, "description",
                                 "{pl: Jak pracujemy, en: How we work}", complain)
    return Settings(
        holidays=_holidays(options.get("holidays"), complain),
        days_off=_days_off(options.get("days_off"), complain),
        site_names=tuple(sorted(names.items())),
        site_descriptions=tuple(sorted(descriptions.items())),
        playbooks_dir=str(options.get("playbooks_dir", "playbooks")),
        templates_dir=str(options.get("templates_dir", "templates")),
        lang=lang,
        languages=languages,
        default_language=default,
        enabled=bool(options.get("enabled", True)),
        pdf=bool(options.get("pdf", True)),
    )


#: Up to this many region codes, a wrong one is answered with all of them; beyond, the closest.
_REGIONS_LISTED = 20
_OTHER_SEPARATOR = re.compile(r"([A-Za-z]{2,3})\s*(?:[_/.,:]|\s)\s*(\S.*)")


def _holidays(value: object, complain: _Complaint) -> str | None:
    """``holidays: PL`` or ``holidays: DE-BY``: a country the ``holidays`` package knows, as its
    upper-case code, and one of its regions (subdivisions) as the package writes it."""
    if value is None or value is False or value == "":
        return None
    where = ("plugins", "playbook", "holidays")
    if not isinstance(value, str):
        raise complain(where, tr("expected a country's two-letter code, like PL, not {value}.",
                                 value=_shown(value)))
    country, region = split_calendar(value.strip())
    country = country.strip().upper()
    if not known_country(country):
        other = _OTHER_SEPARATOR.fullmatch(value.strip())
        if other and known_country(other.group(1).upper()):
            raise complain(where, tr("{value}: write a country and its region with a hyphen, like "
                                     "{country}-{region}.", value=_shown(value),
                                     country=other.group(1).upper(), region=other.group(2).strip().upper()))
        raise complain(where, tr("{value} is not a country whose public holidays are known; write its "
                                 "two-letter code (ISO 3166), like PL, DE or GB, or remove the line to "
                                 "count every Monday to Friday.", value=_shown(value)))
    if region is None and "-" not in value:
        return country
    return f"{country}-{_region(value, country, (region or '').strip(), complain)}"


def _region(value: str, country: str, region: str, complain: _Complaint) -> str:
    """The code of ``region`` of ``country`` as the ``holidays`` package writes it (any case)."""
    where = ("plugins", "playbook", "holidays")
    codes, names = subdivisions(country)
    if not codes:
        raise complain(where, tr("{value}: no region of {country} has public holidays of its own "
                                 "in the calendar; write {country}.", value=_shown(value), country=country))
    if not region:
        raise complain(where, tr("{value}: write the region's code after the hyphen; {hint}",
                                 value=_shown(value), hint=_regions_hint(country, '')))
    found = {code.upper(): code for code in codes}.get(region.upper())
    if found is not None:
        return found
    named = {name.casefold(): code for name, code in names.items()}.get(region.casefold())
    if named is not None:
        raise complain(where, tr("{value}: write the region's code, {country}-{code} (for {region}).",
                                 value=_shown(value), country=country, code=named, region=region))
    raise complain(where, tr("{value}: {country} has no region {region!r} whose holidays are known; "
                             "{hint}", value=_shown(value), country=country, region=region,
                             hint=_regions_hint(country, region)))


def _regions_hint(country: str, region: str) -> str:
    """Which region codes ``country`` has: all of them when there are few, else the closest to
    ``region``; and that the country alone gives its national holidays."""
    codes = subdivisions(country)[0]
    upper = {code.upper(): code for code in codes}
    alone = tr("or write {country} alone for national holidays only.", country=country)
    if len(codes) <= _REGIONS_LISTED:
        close = difflib.get_close_matches(region.upper(), list(upper), n=1, cutoff=0.5) if region else []
        mean = tr(" Did you mean {country}-{code}?", country=country, code=upper[close[0]]) if close else ""
        return tr("its region codes are {codes}, {alone}{mean}", codes=", ".join(codes), alone=alone,
                  mean=mean)
    close = difflib.get_close_matches(region.upper(), list(upper), n=3, cutoff=0.5)
    if close:
        shown = _or([f"{country}-{upper[c]}" for c in close])
        return tr_n("the closest of its {n} region code: {shown}; {alone}",
                    "the closest of its {n} region codes: {shown}; {alone}", len(codes), shown=shown,
                    alone=alone)
    return tr_n("see its {n} region code at https://pypi.org/project/holidays/ (like {example}), {alone}",
                "see its {n} region codes at https://pypi.org/project/holidays/ (like {example}), {alone}",
                len(codes), example=f"{country}-{codes[0]}", alone=alone)


def _as_date(item: object) -> dt.date | None:
    if isinstance(item, dt.datetime):
        return item.date()
    if isinstance(item, dt.date):
        return item
    if isinstance(item, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", item.strip()):
        with contextlib.suppress(ValueError):
            return dt.date.fromisoformat(item.strip())
    return None


def _days_off(value: object, complain: _Complaint) -> tuple[dt.date, ...]:
    """``days_off: [2027-05-04, ...]``: the company's own days off, as dates."""
    if value is None or value == []:
        return ()
    where = ("plugins", "playbook", "days_off")
    if not isinstance(value, list):
        raise complain(where, tr("expected a list of dates, like [2027-05-04, 2027-12-31]."))
    found = []
    for item in value:
        day = _as_date(item)
        if day is None:
            raise complain(where, tr("{value} is not a date; write each day off as YYYY-MM-DD, like "
                                     "2027-05-04.", value=_shown(item)))
        found.append(day)
    return tuple(sorted(set(found)))


#: The longest name of one file or folder most file systems take, in bytes (ext4, APFS, NTFS).
_NAME_MAX = 255


def folder_problem(value: object) -> str | None:
    """What makes a folder setting unusable as a path (a zero byte, a name too long for any file
    system): said here, before a file operation fails on it with a traceback."""
    if not isinstance(value, str):
        return None
    odd = FORBIDDEN_CHARS.search(value)  # a zero byte, a control, half of a character (\ud800)
    if odd:
        return tr("a folder's name cannot contain {char}: remove it.", char=char_name(odd.group()))
    longest = max((len(part.encode("utf-8")) for part in value.split("/")), default=0)
    if longest > _NAME_MAX:
        return tr("a folder's name can be at most {limit} bytes long, but one part of this path is "
                  "{longest}: shorten it.", limit=_NAME_MAX, longest=longest)
    return None


def outside_problem(root: Path, value: str, key: str) -> str | None:
    """What makes a folder setting point out of the project ``root``: a path above or beside it
    (``../shared``, ``/srv/x``), or one through a symbolic link that leads out (``tpl/templates``
    with ``tpl -> /srv``); for ``templates_dir`` also the project folder itself. A build reads
    every file there (a template may include any file of its folder, ``.git/config`` with a CI
    token of the project folder too) and publishes what it reads, so only the project's own
    folders are used, as for ``content/`` (see :func:`generator.i18n.links_outside`)."""
    root = root.resolve()
    real = (root / value).resolve()
    example = "templates" if key == "templates_dir" else "playbooks"
    if real == root and key == "templates_dir":
        return tr("{value!r} is the project folder itself: a template could then include any file "
                  "of it (.git/config too); name a folder in it, like {example}.", value=value,
                  example=example)
    if real.is_relative_to(root):
        return None
    plain = Path(os.path.normpath(root / value))
    through = next((p for p in (plain, *plain.parents) if p.is_relative_to(root) and p != root
                    and p.is_symlink()), None)
    if through is not None:
        return tr("{value!r} goes through the symbolic link {link} to {real}, outside the project: a "
                  "build would read files from elsewhere on the machine, and could publish them. Keep "
                  "the folder in the project (a copy, or a git submodule), like {example}.", value=value,
                  link=through.relative_to(root).as_posix(), real=real.as_posix(), example=example)
    if Path(value).is_absolute():
        return tr("{value!r} is outside the project: a build would read files from elsewhere on the "
                  "machine, and could publish them. Keep the folder in the project (a copy, or a git "
                  "submodule), like {example}.", value=value, example=example)
    return tr("{value!r} leads to {real}, outside the project: a build would read files from "
              "elsewhere on the machine, and could publish them. Keep the folder in the project (a "
              "copy, or a git submodule), like {example}.", value=value, real=real.as_posix(),
              example=example)


def config_position(config_file: Path, path: tuple[str, ...]) -> tuple[int, int]:
    """Line and column of a setting in ``mkdocs.yml`` (``plugins`` is searched for the entry
    named by the next part); ``(1, 1)`` when it is not written there."""
    try:
        node: Any = yaml.compose(_config_text(config_file), Loader=_ConfigLoader)
    except (yaml.YAMLError, UserError):
        return 1, 1
    point = node.start_mark if node is not None else None
    for part in path:
        if isinstance(node, yaml.SequenceNode):  # plugins: [search, {playbook: {...}}]
            node = next((item for item in node.value if isinstance(item, yaml.MappingNode)
                         and any(k.value == part for k, _v in item.value)), None)
        if not isinstance(node, yaml.MappingNode):
            break
        found = next(((k, v) for k, v in node.value if getattr(k, "value", None) == part), None)
        if found is None:
            break
        node, point = found[1], found[1].start_mark
    return (point.line + 1, point.column + 1) if point is not None else (1, 1)


#: Settings nested deeper than this, or anchors and aliases repeating into more values than this,
#: are refused before PyYAML builds them: it recursed past Python's limit on the one, and any
#: message quoting the value (or MkDocs reading it) never finished on the other.
_MAX_DEPTH = 100
_MAX_VALUES = 100_000


def _beyond_reason(text: str) -> tuple[str, Any] | None:
    """What makes mkdocs.yml unreasonable to build, and where: one pass over its events, which
    PyYAML makes without recursion, adding up what each alias stands for."""
    sizes: dict[str, int] = {}
    open_: list[tuple[str | None, list[int]]] = []  # (anchor, [values so far]) per open group
    for event in yaml.parse(text, Loader=_ConfigLoader):
        if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            open_.append((event.anchor, [1]))
            if len(open_) > _MAX_DEPTH:
                return (tr("the settings are nested more than {limit} levels deep here: check the "
                           "brackets and the indentation.", limit=_MAX_DEPTH), event.start_mark)
            continue
        if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            anchor, count = open_.pop()
            size = count[0]
            if anchor:
                sizes[anchor] = size
        elif isinstance(event, yaml.ScalarEvent):
            size = 1
        elif isinstance(event, yaml.AliasEvent):
            size = sizes.get(event.anchor or "", 1)
        else:
            continue
        if open_:
            open_[-1][1][0] += size
            if open_[-1][1][0] > _MAX_VALUES:
                return (tr("the anchors and aliases (&name, *name) here repeat into more than "
                           "{limit:,} values: write the settings out without them.", limit=_MAX_VALUES),
                        event.start_mark)
    return None


def load_project(start: Path | None = None, lang: str | None = None) -> Project:
    """Read the project at ``start`` (default: the current folder)."""
    root = (start or Path.cwd()).resolve()
    config_file = find_config(root)
    text = _config_text(config_file)
    try:
        beyond = _beyond_reason(text)
        if beyond is not None:
            message, mark = beyond
            raise UserError([Diagnostic(config_file.name, mark.line + 1, mark.column + 1, "YAML", message)])
        config = yaml.load(text, Loader=_ConfigLoader) or {}
    except _ValueProblem as exc:
        line, col = (exc.problem_mark.line + 1, exc.problem_mark.column + 1) if exc.problem_mark else (1, 1)
        raise UserError([Diagnostic(config_file.name, line, col, "YAML", str(exc.problem))]) from None
    except yaml.MarkedYAMLError as exc:
        mark, message = syntax_problem(text, exc)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise UserError([Diagnostic(config_file.name, line, col, tr("YAML syntax"), message + ".")]) from None
    except yaml.reader.ReaderError as exc:  # a control character
        breaks = list(re.finditer(r"\r\n|\r|\n", text[: exc.position]))  # old Macs' \r too
        line, col = len(breaks) + 1, exc.position - (breaks[-1].end() if breaks else 0) + 1
        raise UserError([Diagnostic(config_file.name, line, col, "YAML",
                                    tr("the file contains {char}: remove it.",
                                       char=char_name(chr(exc.character))))]) from None
    if not isinstance(config, dict):
        raise UserError(tr("{file}: expected a group of settings.", file=config_file.name))
    options = plugin_options(config, config_file)
    folders: dict[str, str] = {}
    for key, default in (("docs_dir", "docs"), ("site_dir", "site"), ("site_name", "Playbook")):
        value = config.get(key)
        if value is None:  # left out or empty: MkDocs' default
            value = default
        wrong = (tr("expected a text, not {value}.", value=_shown(value)) if not isinstance(value, str)
                 else folder_problem(value) if key != "site_name" else None)
        if wrong:
            line, col = config_position(config_file, (key,))
            raise UserError([Diagnostic(config_file.name, line, col, key, wrong)])
        folders[key] = value
    if not isinstance(config.get("use_directory_urls", True), bool | None):
        line, col = config_position(config_file, ("use_directory_urls",))
        raise UserError([Diagnostic(config_file.name, line, col, "use_directory_urls",
                                    tr("expected true or false, not {value}.",
                                       value=_shown(config['use_directory_urls'])))])
    theme = config.get("theme") or {}
    theme_language = theme.get("language") if isinstance(theme, dict) else None
    settings = settings_from(options or {}, theme_language, config_file)
    playbooks_dir = root / settings.playbooks_dir
    if playbooks_dir.resolve() == root:  # every .yml here would be a definition, mkdocs.yml too
        line, col = config_position(config_file, ("plugins", "playbook", "playbooks_dir"))
        raise UserError([Diagnostic(
            config_file.name, line, col, "plugins.playbook.playbooks_dir",
            tr("{folder!r} is the project folder itself, which holds mkdocs.yml: name the folder of "
               "the YAML definitions in it, like playbooks.", folder=settings.playbooks_dir))])
    if not playbooks_dir.is_dir():
        line, col = config_position(config_file, ("plugins", "playbook", "playbooks_dir"))
        near = [d.name for d in root.iterdir() if d.is_dir() and not d.name.startswith(".")]
        raise UserError([Diagnostic(
            config_file.name, line, col, "plugins.playbook.playbooks_dir",
            tr("the folder {folder!r} (where the YAML definitions are) does not exist in {root}.{hint}",
               folder=settings.playbooks_dir, root=root, hint=suggest(settings.playbooks_dir, near)))])
    if lang is not None:
        if lang not in settings.languages:
            raise UserError(tr("--lang: {lang!r} is not one of {choices}.", lang=lang,
                               choices=", ".join(settings.languages)))
        settings = Settings(**{**settings.__dict__, "lang": lang})
    return Project(
        root=root,
        config_file=config_file,
        docs_dir=root / folders["docs_dir"],
        site_dir=root / folders["site_dir"],
        settings=settings,
        site_name=folders["site_name"],
        raw_config=config,
    )
