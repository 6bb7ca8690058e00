"""A project on disk: the folder holding ``mkdocs.yml``, and the settings of the ``playbook`` plugin.

This module reads ``mkdocs.yml`` without importing MkDocs, so the core (``playbook check``,
``render``, the checklist and SLA commands) works with any engine that reads the same file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Diagnostic, UserError
from .messages import suggest
from .models import LANGUAGES

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring engine-specific tags such as ``!!python/name:`` and ``!ENV``."""


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


def find_config(start: Path) -> Path:
    for name in CONFIG_NAMES:
        candidate = start / name
        if candidate.is_file():
            return candidate
    raise UserError(
        f"{start}: no mkdocs.yml here. Run the command in the project folder, or name it with "
        "--project DIR."
    )


def plugin_options(config: dict[str, Any]) -> dict[str, Any] | None:
    """The ``playbook`` entry of ``plugins:`` (``{}`` when listed without options)."""
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        plugins = [{k: v} for k, v in plugins.items()]
    for item in plugins:
        if item == "playbook":
            return {}
        if isinstance(item, dict) and "playbook" in item:
            return dict(item["playbook"] or {})
    return None


def _per_language(options: dict[str, Any], key: str, languages: tuple[str, ...], what: str,
                  example: str) -> dict[str, str]:
    """An option that gives a text per language (``site_names``, ``site_descriptions``)."""
    given = options.get(key) or {}
    if not isinstance(given, dict) or not all(
        isinstance(k, str) and k in languages and isinstance(v, str) for k, v in given.items()
    ):
        raise UserError(
            f"mkdocs.yml: plugins.playbook.{key}: expected the site's {what} per language, like "
            f"{example}."
        )
    return given


def settings_from(options: dict[str, Any], theme_language: str | None) -> Settings:
    known = {"playbooks_dir", "templates_dir", "lang", "languages", "default_language", "enabled",
             "pdf", "site_names", "site_descriptions"}
    unknown = sorted(set(options) - known)
    if unknown:
        raise UserError(
            f"mkdocs.yml: plugins.playbook: unknown option {unknown[0]!r}; the options are "
            f"{', '.join(sorted(known))}."
        )
    languages = tuple(options.get("languages") or LANGUAGES)
    for lang in languages:
        if lang not in LANGUAGES:
            raise UserError(
                f"mkdocs.yml: plugins.playbook.languages: {lang!r} is not supported; "
                f"use {' and '.join(LANGUAGES)}."
            )
    default = str(options.get("default_language") or languages[0])
    lang = str(options.get("lang") or theme_language or default)
    if lang not in languages:
        raise UserError(
            f"mkdocs.yml: plugins.playbook.lang: {lang!r} is not one of the languages "
            f"{', '.join(languages)}."
        )
    names = _per_language(options, "site_names", languages, "name", "{pl: Podręcznik, en: Playbook}")
    descriptions = _per_language(options, "site_descriptions", languages, "description",
                                 "{pl: Jak pracujemy, en: How we work}")
    return Settings(
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


def config_position(config_file: Path, path: tuple[str, ...]) -> tuple[int, int]:
    """Line and column of a setting in ``mkdocs.yml`` (``plugins`` is searched for the entry
    named by the next part); ``(1, 1)`` when it is not written there."""
    try:
        node: Any = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except yaml.YAMLError:
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


def load_project(start: Path | None = None, lang: str | None = None) -> Project:
    """Read the project at ``start`` (default: the current folder)."""
    root = (start or Path.cwd()).resolve()
    config_file = find_config(root)
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise UserError([Diagnostic(config_file.name, line, col, "YAML syntax", str(getattr(exc, "problem", exc)))]) from None
    if not isinstance(config, dict):
        raise UserError(f"{config_file.name}: expected a group of settings.")
    options = plugin_options(config)
    theme = config.get("theme") or {}
    theme_language = theme.get("language") if isinstance(theme, dict) else None
    languages = tuple((options or {}).get("languages") or LANGUAGES)
    if not (options or {}).get("lang") and theme_language and str(theme_language) not in languages:
        line, col = config_position(config_file, ("theme", "language"))
        raise UserError([Diagnostic(
            config_file.name, line, col, "theme.language",
            f"{theme_language!r} is not one of the site's languages: write "
            f"{' or '.join(map(str, languages))}.{suggest(str(theme_language), map(str, languages))}")])
    settings = settings_from(options or {}, theme_language)
    playbooks_dir = root / settings.playbooks_dir
    if not playbooks_dir.is_dir():
        line, col = config_position(config_file, ("plugins", "playbook", "playbooks_dir"))
        near = [d.name for d in root.iterdir() if d.is_dir() and not d.name.startswith(".")]
        raise UserError([Diagnostic(
            config_file.name, line, col, "plugins.playbook.playbooks_dir",
            f"the folder {settings.playbooks_dir!r} (where the YAML definitions are) does not "
            f"exist in {root}.{suggest(settings.playbooks_dir, near)}")])
    if lang is not None:
        if lang not in settings.languages:
            raise UserError(f"--lang: {lang!r} is not one of {', '.join(settings.languages)}.")
        settings = Settings(**{**settings.__dict__, "lang": lang})
    return Project(
        root=root,
        config_file=config_file,
        docs_dir=root / str(config.get("docs_dir", "docs")),
        site_dir=root / str(config.get("site_dir", "site")),
        settings=settings,
        site_name=str(config.get("site_name", "Playbook")),
        raw_config=config,
    )
