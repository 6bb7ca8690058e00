"""In-process measurements, each run by ``bench/run.py`` in a fresh Python process.

``python -m bench.probe load PROJECT`` times, on the same files and in the same process:
load + validate (a fresh :class:`~generator.catalogue.Loader`, so nothing is cached), PyYAML's C
loader alone (read + ``yaml.load(text, Loader=yaml.CSafeLoader)``), and page planning (Jinja).

``python -m bench.probe serve PROJECT SITE N`` does what ``playbook serve`` does on an edit: a cold
in-process MkDocs build, then one field of one YAML file changes and the same process builds again
with a fresh config, as MkDocs' serve builder does (same build type, same plugin instance), the
loader cache warm. It proves that only the edited file was read again (``Loader.files_read``) and
that the page shows the change, and counts the pages written again.

Each prints one JSON object on stdout.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from .synth import needle_page

TODAY = dt.date(2026, 1, 1)


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def _cpu(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall and CPU seconds (this process and the children it waited for) of ``fn()``."""
    before = os.times()
    started = time.perf_counter()
    result = fn()
    wall = time.perf_counter() - started
    after = os.times()
    cpu = sum(after[:4]) - sum(before[:4])
    return wall, cpu, result


def probe_load(project: Path, repeat: int) -> dict[str, Any]:
    from generator import render
    from generator.catalogue import Loader
    from generator.pages import plan
    from generator.project import load_project

    settings = load_project(project)
    files = sorted(p for p in settings.playbooks_dir.rglob("*") if p.suffix in (".yaml", ".yml"))

    def c_parse() -> int:
        count = 0
        for path in files:
            yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
            count += 1
        return count

    def load() -> Any:
        return Loader(settings.root, settings.playbooks_dir).load(TODAY)

    def planned() -> Any:
        render.environment.cache_clear()  # a build compiles the templates once: count it
        assert catalogue is not None
        return plan(catalogue, settings.settings.lang, settings.templates_dir, TODAY)

    c_times, load_times, plan_times = [], [], []
    c_cpu, load_cpu = [], []
    catalogue = None
    for _ in range(repeat):  # interleaved, so a busy moment of the machine hits both
        seconds, cpu, _count = _cpu(c_parse)
        c_times.append(seconds)
        c_cpu.append(cpu)
        seconds, cpu, (catalogue, problems) = _cpu(load)
        load_times.append(seconds)
        load_cpu.append(cpu)
    errors = [p.format() for p in problems if p.severity == "error"]
    if errors:
        raise SystemExit("the synthetic project has errors:\n" + "\n".join(errors[:5]))
    pages: list[Any] = []
    for _ in range(repeat):
        seconds, pages = _timed(planned)
        plan_times.append(seconds)
    return {
        "files": len(files),
        "yaml_bytes": sum(p.stat().st_size for p in files),
        "definitions": len(catalogue) if catalogue is not None else 0,
        "pages_planned": len(pages),
        "load_validate_s": min(load_times),
        "c_loader_parse_s": min(c_times),
        "plan_s": min(plan_times),
        "load_validate_median_s": statistics.median(load_times),
        "c_loader_parse_median_s": statistics.median(c_times),
        "load_validate_cpu_s": min(load_cpu),
        "c_loader_parse_cpu_s": min(c_cpu),
    }


def _one_field_edit(project: Path, n: int) -> tuple[Path, str, str]:
    """The YAML file to edit (not the one the search looks for), its text, and the new word."""
    target = needle_page(n).rstrip("/").split("/")[-1]
    candidates = sorted((project / "playbooks" / "goals").glob("*.yaml"))
    path = next(p for p in candidates if p.stem != target)
    return path, path.read_text(encoding="utf-8"), "Zmienionecelu"


def probe_serve(project: Path, site: Path, n: int) -> dict[str, Any]:
    """What ``playbook serve`` does, in this process: MkDocs' serve builder, step by step
    (``mkdocs.commands.serve``: ``on_startup`` once, a fresh config per build with the server's
    ``site_url``, ``build(config, serve_url=..., dirty=...)`` with ``playbook serve``'s build type,
    into a folder that starts empty). ``serve_change_s`` ends when the rebuild returns: the
    changed page is written and MkDocs' live reload shows it. The search index is made in the
    background after each build (``serve_search_s``: from the start of the rebuild until the new
    index is in place); the rebuild starts once the cold build's index is done, as when a reader
    edits a file after the preview has opened.
    """
    import shutil

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator.catalogue import shared_loader
    from generator.plugin import SERVE_BUILD_TYPE, PlaybookPlugin

    os.chdir(project)
    config_file = str(project / "mkdocs.yml")
    serve_url = "http://127.0.0.1:8000/"
    dirty = SERVE_BUILD_TYPE == "dirty"
    shutil.rmtree(site, ignore_errors=True)  # MkDocs serves from a new temporary folder
    site.mkdir(parents=True)

    def config_once() -> Any:
        config = load_config(config_file, site_dir=str(site))
        config.site_url = serve_url
        return config

    first = config_once()
    first.plugins.on_startup(command="serve", dirty=dirty)
    plugin = next(p for p in first.plugins.values() if isinstance(p, PlaybookPlugin))

    def build_once(config: Any = None) -> Any:
        build(config or config_once(), serve_url=serve_url, dirty=dirty)

    def search_done(since: float) -> float | None:
        live = plugin.live_search
        run = live.wait() if live is not None else None
        if run is None or run.error or run.cancelled:
            return None
        return run.finished - since

    try:
        started = time.monotonic()
        cold_s, _ = _timed(lambda: build_once(first))
        cold_search_s = search_done(started)
        loader = shared_loader(project, project / "playbooks")
        read_cold = loader.files_read

        path, original, word = _one_field_edit(project, n)
        marker = "summary:\n  pl: "
        if marker not in original:
            raise SystemExit(f"{path}: no Polish summary to edit")
        path.write_text(original.replace(marker, f"{marker}{word} ", 1), encoding="utf-8")
        try:
            started = time.monotonic()
            change_s, _ = _timed(build_once)
            rebuilds = plugin.rebuilds
            written = len(rebuilds.wrote) if rebuilds is not None else None
            kept = len(rebuilds.kept) if rebuilds is not None else None
            page = site / "goals" / path.stem / "index.html"
            shown = word in page.read_text(encoding="utf-8")
            change_search_s = search_done(started)
        finally:
            path.write_text(original, encoding="utf-8")
    finally:
        first.plugins.on_shutdown()
    return {
        "cold_build_s": cold_s,
        "serve_change_s": change_s,
        "serve_cold_search_s": cold_search_s,
        "serve_search_s": change_search_s,
        "pages_written_on_change": written,
        "pages_kept_on_change": kept,
        "files_read_cold": read_cold,
        "files_read_on_change": loader.files_read - read_cold,
        "change_shown": shown,
        "changed_file": path.relative_to(project).as_posix(),
    }


def probe_config(project: Path) -> dict[str, Any]:
    """Per language, what the plugin sets on MkDocs' configuration (the floor copies it).

    Runs the start of a build as ``playbook build`` does for that language (configuration,
    the plugin's ``on_config`` and ``on_files``), without writing a site or any PDF.
    """
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    from generator import plugin
    from generator.i18n import alternates
    from generator.project import load_project

    os.chdir(project)
    settings = load_project(project).settings
    languages = list(settings.languages)
    out: dict[str, Any] = {"languages": languages, "default": settings.default_language, "sites": {}}
    for lang in languages:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / ".probe-site"))
        if len(languages) > 1:
            plugin._set_language(config, lang, alternates(languages))
        for item in config.plugins.values():
            if isinstance(item, plugin.PlaybookPlugin) and "pdf" in item.config:
                item.config["pdf"] = False
        config.plugins.on_startup(command="build", dirty=False)
        config = config.plugins.on_config(config)
        files = config.plugins.on_files(get_files(config), config=config)
        out["sites"][lang] = {
            "nav": _plain_nav(config.nav),
            "extra_css": [str(s) for s in config.extra_css],
            "extra_javascript": [str(s) for s in config.extra_javascript],
            "extra": _plain_nav(dict(config.extra)),
            "theme_language": config.theme.get("language"),
            "hand_written": sorted(
                f.src_uri for f in files.documentation_pages()
                if f.abs_src_path and Path(f.abs_src_path).is_relative_to(project / "content")
            ),
            "hand_written_sources": {
                f.src_uri: Path(f.abs_src_path).relative_to(project).as_posix()
                for f in files.documentation_pages()
                if f.abs_src_path and Path(f.abs_src_path).is_relative_to(project / "content")
            },
        }
        config.plugins.on_shutdown()
    return out


def _plain_nav(nav: Any) -> Any:
    """``config.nav`` as plain JSON (the plugin sets it to strings and one-key mappings)."""
    if isinstance(nav, list):
        return [_plain_nav(item) for item in nav]
    if isinstance(nav, dict):
        return {str(k): _plain_nav(v) for k, v in nav.items()}
    return str(nav)


def main(argv: list[str]) -> int:
    os.environ.setdefault("PLAYBOOK_TODAY", TODAY.isoformat())
    what, project = argv[0], Path(argv[1]).resolve()
    if what == "load":
        result = probe_load(project, int(argv[2]) if len(argv) > 2 else 5)
    elif what == "config":
        result = probe_config(project)
    elif what == "serve":
        result = probe_serve(project, Path(argv[2]).resolve(), int(argv[3]))
    else:
        raise SystemExit(f"unknown probe {what!r}")
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
