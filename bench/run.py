"""The benchmark: ``python bench/run.py --sizes 100,1000,5000 [--json FILE]``.

For each size N it synthesises a project of N definitions (:mod:`bench.synth`) in a temporary
folder and measures, in the same run so that the ratios compare like with like:

- load + validate, against parsing the same files with PyYAML's C loader alone;
- page planning (Jinja);
- a full ``playbook build`` against the floor: a plain ``mkdocs build`` of the same generated
  Markdown (written by ``playbook render --out``) plus the hand-written pages, with the project's
  own ``mkdocs.yml`` minus the playbook plugin and the same navigation (both run as subprocesses
  the same way, interleaved, best of R);
- peak memory of the build process, site bytes per page, navigation links per page;
- the bytes a reader downloads from opening the home page until the first search result shows
  (a real headless Chromium when there is one, otherwise an estimate from the files the search
  needs);
- a one-field change under ``playbook serve`` against a cold build (see :mod:`bench.probe`).

It prints a table and the targets of issue 7, and ``--json FILE`` writes one object per N.
Nothing here is run by the test suite except a small smoke run (``tests/test_bench.py``).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make ``bench`` and ``generator`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml

from bench.synth import NEEDLE, REPO, make_project, needle_page

TODAY = "2026-01-01"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
#: Keys every result object has (the issue's list, then what the table adds).
KEYS = (
    "n", "load_validate_s", "c_loader_parse_s", "plan_s", "build_s", "floor_build_s",
    "peak_rss_mb", "site_bytes_per_page", "first_search_bytes", "serve_change_s", "cold_build_s",
)


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def bench_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PLAYBOOK_TODAY"] = TODAY
    env["NO_MKDOCS_2_WARNING"] = "1"  # Material's notice: printed by plain mkdocs only
    env.pop("PLAYBOOK_VERBOSE", None)
    root = str(REPO)
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def run_timed(cmd: list[str], cwd: Path, logfile: Path) -> dict[str, float]:
    """Run ``cmd``; its wall time, CPU time and peak memory (of it and the children it waited on)."""
    with logfile.open("ab") as out:
        out.write(f"\n$ {' '.join(cmd)}\n".encode())
        out.flush()
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=bench_env(), stdout=out, stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = logfile.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{tail}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024}


def run_json(cmd: list[str], cwd: Path, logfile: Path) -> dict[str, Any]:
    done = subprocess.run(cmd, cwd=cwd, env=bench_env(), capture_output=True, text=True)
    with logfile.open("a", encoding="utf-8") as out:
        out.write(f"\n$ {' '.join(cmd)}\n{done.stderr}")
    if done.returncode != 0:
        raise SystemExit(f"command failed: {' '.join(cmd)}\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


# -- the floor ------------------------------------------------------------------------------------

def _project_config(project: Path) -> dict[str, Any]:
    from generator.project import _ConfigLoader

    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.load(text, Loader=_ConfigLoader)
    assert isinstance(config, dict)
    return config


def _is_playbook(item: Any) -> bool:
    return item == "playbook" or (isinstance(item, dict) and "playbook" in item)


def make_floor(project: Path, floor: Path, conf: dict[str, Any], plugin_assets: Path,
               logfile: Path) -> list[tuple[str, Path]]:
    """The same site as plain MkDocs sees it, one configuration per language built.

    Each language gets the Markdown ``playbook render --out --lang`` writes, the hand-written
    pages the plugin picked for it, and the plugin's static files. Its ``mkdocs.yml`` inherits
    the project's (theme, features, Markdown extensions, other plugins such as search), drops
    the playbook plugin and spells out what the plugin set: navigation, extra CSS, JavaScript
    and ``extra`` (the language switcher), and the theme language.
    """
    from generator.plugin import ASSET_PREFIX

    if floor.exists():
        shutil.rmtree(floor)
    config = _project_config(project)
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        plugins = [{k: v} for k, v in plugins.items()]
    plugins = [p for p in plugins if not _is_playbook(p)]
    out: list[tuple[str, Path]] = []
    for lang in _build_order(conf):
        site_conf = conf["sites"][lang]
        here = floor / lang
        docs = here / "docs"
        run_timed(
            [sys.executable, "-m", "generator.cli", "--project", str(project), "render",
             "--out", str(docs), "--lang", lang],
            project, logfile,
        )
        for uri, source in site_conf["hand_written_sources"].items():
            (docs / uri).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(project / source, docs / uri)
        if plugin_assets.is_dir():
            shutil.copytree(plugin_assets, docs / ASSET_PREFIX, dirs_exist_ok=True)
        floor_config = {
            "INHERIT": str(project / "mkdocs.yml"),
            "docs_dir": str(docs),
            "theme": {"language": site_conf["theme_language"]},
            "plugins": plugins,
            "nav": site_conf["nav"],
            "extra_css": site_conf["extra_css"],
            "extra_javascript": site_conf["extra_javascript"],
            "extra": site_conf["extra"],
        }
        path = here / "mkdocs.yml"
        path.write_text(yaml.safe_dump(floor_config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        out.append((lang, path))
    return out


def _build_order(conf: dict[str, Any]) -> list[str]:
    default = conf["default"]
    return [default, *(lang for lang in conf["languages"] if lang != default)]


def _lang_dir(site: Path, conf: dict[str, Any], lang: str) -> Path:
    """Where ``playbook build`` puts a language: the site itself, or ``site/<lang>/``."""
    return site / lang if len(conf["languages"]) > 1 else site


# -- what the site weighs -------------------------------------------------------------------------

def site_metrics(site: Path, home: Path, n: int) -> dict[str, Any]:
    """Sizes of a built site; ``home`` is the default language's folder in it."""
    html = [p for p in site.rglob("*.html")]
    html_bytes = sum(p.stat().st_size for p in html)
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    sample = home / needle_page(n) / "index.html"
    text = sample.read_text(encoding="utf-8") if sample.exists() else ""
    return {
        "pages": len(html),
        "site_bytes": total,
        "site_html_bytes": html_bytes,
        "site_bytes_per_page": round(html_bytes / max(1, len(html))),
        "site_total_bytes_per_page": round(total / max(1, len(html))),
        "nav_links_per_page": text.count('class="md-nav__link'),
        "search_kind": search_kind(home),
    }


def search_kind(site: Path) -> str:
    if (site / "pagefind").is_dir():
        return "pagefind"
    if (site / "search" / "search_index.json").exists():
        return "lunr"
    return "none"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serving(root: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


_SEARCH_INPUTS = (
    "input.md-search__input", ".pagefind-ui__search-input", "input[type=search]",
    "[role=search] input", "input[name=query]",
)


def first_search_bytes_browser(site: Path, home: Path, n: int) -> dict[str, Any]:
    """Open the home page in Chromium, search for a word one page holds, sum what was fetched."""
    from playwright.sync_api import sync_playwright

    target = needle_page(n).rstrip("/")
    fetched: dict[str, int] = {}
    with serving(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()

            def route(r: Any) -> None:
                if r.request.url.startswith(base):
                    r.continue_()
                else:
                    r.abort()

            def on_response(response: Any) -> None:
                url = response.url
                if url.startswith(base):
                    path = url[len(base):].split("?")[0].split("#")[0]
                    local = site / path
                    if local.is_dir():
                        local = local / "index.html"
                    if local.is_file():
                        fetched[path] = local.stat().st_size

            page.route("**/*", route)
            page.on("response", on_response)
            started = time.perf_counter()
            start = base + (home.relative_to(site).as_posix() + "/" if home != site else "")
            page.goto(start, wait_until="load")
            box = None
            for selector in _SEARCH_INPUTS:
                candidate = page.locator(selector).first
                if candidate.count():
                    box = candidate
                    break
            if box is None:
                raise RuntimeError("no search box found on the home page")
            box.click()
            box.press_sequentially(NEEDLE, delay=30)
            page.locator(f'a[href*="{target}"]').first.wait_for(state="attached", timeout=120_000)
            seconds = time.perf_counter() - started
        finally:
            browser.close()
    return {
        "first_search_bytes": sum(fetched.values()),
        "first_search_requests": len(fetched),
        "first_search_s": round(seconds, 2),
        "first_search_method": "browser",
        "first_search_largest": sorted(fetched.items(), key=lambda kv: -kv[1])[:3],
    }


def first_search_bytes_estimate(site: Path) -> dict[str, Any]:
    """Without a browser: the home page, the theme's bundle and what the search loads first
    (``site`` is the folder of one language)."""
    wanted: list[Path] = [site / "index.html"]
    assets = site / "assets"
    wanted += list(assets.glob("javascripts/bundle.*.min.js"))
    wanted += list(assets.glob("stylesheets/*.min.css"))
    kind = search_kind(site)
    if kind == "lunr":
        wanted += list(assets.glob("javascripts/workers/search.*.min.js"))
        wanted.append(site / "search" / "search_index.json")
    elif kind == "pagefind":
        pf = site / "pagefind"
        wanted += [p for p in pf.glob("*") if p.is_file() and not p.name.endswith(".map")]
        for sub in ("index", "fragment"):
            chunks = sorted(pf.glob(f"{sub}/*"), key=lambda p: p.stat().st_size)
            if chunks:
                wanted.append(chunks[-1])
    return {
        "first_search_bytes": sum(p.stat().st_size for p in wanted if p.is_file()),
        "first_search_method": "estimate",
    }


def first_search(site: Path, home: Path, n: int, mode: str) -> dict[str, Any]:
    if mode == "browser" or (mode == "auto" and Path(CHROMIUM).exists()):
        try:
            return first_search_bytes_browser(site, home, n)
        except Exception as exc:  # a missing Playwright, a changed search UI: say so, estimate
            if mode == "browser":
                raise
            log(f"browser search probe failed ({type(exc).__name__}: {exc}); estimating")
    return first_search_bytes_estimate(home)


# -- one size -------------------------------------------------------------------------------------

def measure(n: int, work: Path, repeat: int, search_mode: str, warm: bool, pdf: bool) -> dict[str, Any]:
    here = work / f"n{n}"
    if here.exists():
        shutil.rmtree(here)
    logfile = here / "log.txt"
    log(f"N={n}: writing the synthetic project")
    project = make_project(here / "project", n, pdf=pdf)
    logfile.touch()
    py = sys.executable

    log(f"N={n}: load + validate vs the C loader, and planning")
    result: dict[str, Any] = {"n": n, "pdf": pdf}
    loads = max(repeat, 5 if n <= 1000 else 3)  # cheap next to a build, and noisy alone
    result.update(run_json([py, "-m", "bench.probe", "load", str(project), str(loads)], REPO, logfile))

    log(f"N={n}: what the plugin sets on MkDocs' configuration, per language")
    conf = run_json([py, "-m", "bench.probe", "config", str(project)], REPO, logfile)

    serves = []
    for i in range(repeat if n <= 1000 else 1):  # each in a fresh process: one cold build each
        log(f"N={n}: cold build and a one-field change, in-process (as playbook serve) {i + 1}")
        shutil.rmtree(project / ".cache", ignore_errors=True)
        serves.append(run_json(
            [py, "-m", "bench.probe", "serve", str(project), str(here / "serve-site"), str(n)],
            REPO, logfile,
        ))
    serve = {
        **serves[0],
        "cold_build_s": min(s["cold_build_s"] for s in serves),
        "serve_change_s": min(s["serve_change_s"] for s in serves),
        "files_read_on_change": max(s["files_read_on_change"] for s in serves),
        "change_shown": all(s["change_shown"] for s in serves),
    }

    log(f"N={n}: the floor (playbook render --out, then plain mkdocs per language)")
    floor_configs = make_floor(project, here / "floor", conf,
                               here / "serve-site" / "assets" / "playbook", logfile)
    shutil.rmtree(here / "serve-site", ignore_errors=True)

    site, floor_site = here / "site", here / "floor-site"
    builds: list[dict[str, float]] = []
    floors: list[dict[str, float]] = []
    for i in range(repeat):
        for out in (site, floor_site):
            shutil.rmtree(out, ignore_errors=True)
        # A build from a fresh clone: no cached checklist PDFs (project/.cache).
        shutil.rmtree(project / ".cache", ignore_errors=True)
        log(f"N={n}: playbook build {i + 1}/{repeat} (cold caches)")
        builds.append(run_timed(
            [py, "-m", "generator.cli", "--project", str(project), "build", "--site-dir", str(site)],
            project, logfile,
        ))
        log(f"N={n}: floor: plain mkdocs build per language {i + 1}/{repeat}")
        runs = [
            run_timed([py, "-m", "mkdocs", "build", "-f", str(path), "-d",
                       str(_lang_dir(floor_site, conf, lang))], project, logfile)
            for lang, path in floor_configs
        ]
        floors.append({
            "wall": sum(r["wall"] for r in runs),
            "cpu": sum(r["cpu"] for r in runs),
            "rss_mb": max(r["rss_mb"] for r in runs),
        })
    if warm:
        shutil.rmtree(site, ignore_errors=True)
        log(f"N={n}: playbook build again, its caches warm")
        result["build_warm_s"] = run_timed(
            [py, "-m", "generator.cli", "--project", str(project), "build", "--site-dir", str(site)],
            project, logfile,
        )["wall"]
    result.update({
        "languages": conf["languages"],
        "build_s": min(b["wall"] for b in builds),
        "floor_build_s": min(f["wall"] for f in floors),
        "build_cpu_s": min(b["cpu"] for b in builds),
        "floor_cpu_s": min(f["cpu"] for f in floors),
        "build_runs_s": [round(b["wall"], 2) for b in builds],
        "floor_runs_s": [round(f["wall"], 2) for f in floors],
        "peak_rss_mb": max(b["rss_mb"] for b in builds),
        "floor_peak_rss_mb": max(f["rss_mb"] for f in floors),
    })
    home = _lang_dir(site, conf, conf["default"])
    result.update(site_metrics(site, home, n))
    floor_metrics = site_metrics(floor_site, _lang_dir(floor_site, conf, conf["default"]), n)
    result["floor_pages"] = floor_metrics["pages"]
    result["floor_bytes_per_page"] = floor_metrics["site_bytes_per_page"]
    result["nav_entries"] = _count_nav(conf["sites"][conf["default"]]["nav"])
    log(f"N={n}: bytes downloaded before the first search result")
    result.update(first_search(site, home, n, search_mode))
    result.update(serve)
    result.update(ratios(result))
    return result


def _count_nav(nav: Any) -> int:
    if isinstance(nav, list):
        return sum(_count_nav(item) for item in nav)
    if isinstance(nav, dict):
        return sum(_count_nav(v) for v in nav.values())
    return 1


def ratios(r: dict[str, Any]) -> dict[str, float]:
    return {
        "load_over_c_parse": r["load_validate_s"] / r["c_loader_parse_s"],
        **({"load_over_c_parse_cpu": r["load_validate_cpu_s"] / r["c_loader_parse_cpu_s"]}
           if r.get("c_loader_parse_cpu_s") else {}),
        "build_over_floor": r["build_s"] / r["floor_build_s"],
        **({"build_warm_over_floor": r["build_warm_s"] / r["floor_build_s"]} if "build_warm_s" in r else {}),
        "build_cpu_over_floor_cpu": r["build_cpu_s"] / r["floor_cpu_s"],
        "serve_change_over_cold": r["serve_change_s"] / r["cold_build_s"],
    }


# -- report ---------------------------------------------------------------------------------------

COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("N", "n", "{:d}"),
    ("load+val s", "load_validate_s", "{:.2f}"),
    ("C parse s", "c_loader_parse_s", "{:.2f}"),
    ("ratio", "load_over_c_parse", "{:.2f}"),
    ("plan s", "plan_s", "{:.2f}"),
    ("build s", "build_s", "{:.1f}"),
    ("floor s", "floor_build_s", "{:.1f}"),
    ("ratio", "build_over_floor", "{:.3f}"),
    ("RSS MB", "peak_rss_mb", "{:.0f}"),
    ("B/page", "site_bytes_per_page", "{:,d}"),
    ("1st search KB", "first_search_kb", "{:,.0f}"),
    ("change s", "serve_change_s", "{:.1f}"),
    ("cold s", "cold_build_s", "{:.1f}"),
    ("ratio", "serve_change_over_cold", "{:.2f}"),
)


def table(results: list[dict[str, Any]]) -> str:
    rows = [[title for title, _k, _f in COLUMNS]]
    for r in results:
        values = {**r, "first_search_kb": r["first_search_bytes"] / 1024}
        rows.append([fmt.format(values[key]) for _t, key, fmt in COLUMNS])
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    lines = ["| " + " | ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True)) + " |"
             for row in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 1) + ":" for w in widths) + "|")
    return "\n".join(lines)


def targets(results: list[dict[str, Any]]) -> list[tuple[bool, str]]:
    """Issue 7's targets, each with the figures that decide it."""
    out: list[tuple[bool, str]] = []
    by_n = {r["n"]: r for r in results}
    for r in results:
        if r["n"] >= 1000:
            out.append((r["build_over_floor"] <= 1.10,
                        f"N={r['n']}: full build / floor = {r['build_over_floor']:.3f} (<= 1.10)"))
    for r in results:
        out.append((r["load_over_c_parse"] <= 1.5,
                     f"N={r['n']}: load+validate / C-loader parse = {r['load_over_c_parse']:.2f} (<= 1.5)"))
    small = by_n[min(by_n)]
    for r in results:
        if r["n"] != small["n"]:
            growth = r["site_bytes_per_page"] / small["site_bytes_per_page"]
            out.append((growth <= 1.25, f"N={r['n']}: site bytes per page = {growth:.2f} x N={small['n']} (<= 1.25)"))
    for r in results:
        if r["n"] >= 5000 or r is results[-1]:
            out.append((r["peak_rss_mb"] < 1024, f"N={r['n']}: peak memory {r['peak_rss_mb']:.0f} MB (< 1024)"))
            out.append((r["first_search_bytes"] < 1_000_000,
                        f"N={r['n']}: first search result after {r['first_search_bytes']:,} bytes "
                        f"({r['first_search_method']}; < 1,000,000)"))
        out.append((r["files_read_on_change"] == 1 and r["change_shown"]
                    and r["serve_change_over_cold"] < 0.9,
                    f"N={r['n']}: one-field change re-read {r['files_read_on_change']} file(s), "
                    f"shown={r['change_shown']}, {r['serve_change_s']:.1f} s vs cold {r['cold_build_s']:.1f} s "
                    f"(ratio {r['serve_change_over_cold']:.2f})"))
    return out


def machine() -> dict[str, Any]:
    from importlib.metadata import version

    def v(name: str) -> str:
        try:
            return version(name)
        except Exception:
            return "-"

    return {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "mkdocs": v("mkdocs"),
        "mkdocs-material": v("mkdocs-material"),
        "pyyaml": v("pyyaml"),
        "pydantic": v("pydantic"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", default="100,1000,5000", help="comma-separated N (default: %(default)s)")
    parser.add_argument("--json", metavar="FILE", help="write one JSON object per N to FILE")
    parser.add_argument("--repeat", type=int, default=0,
                        help="builds per side, best taken (default: 3 up to N=1000, else 2)")
    parser.add_argument("--search", choices=("auto", "browser", "estimate"), default="auto",
                        help="how to measure the bytes before the first search result")
    parser.add_argument("--work", metavar="DIR", help="keep the projects and sites here")
    parser.add_argument("--pdf", choices=("on", "off"), default="on",
                        help="the checklist PDFs of a site build (default: %(default)s, as mkdocs.yml)")
    parser.add_argument("--warm-up-to", type=int, default=1000, metavar="N",
                        help="also time a build with warm caches up to this N (default: %(default)s)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    work = Path(args.work).resolve() if args.work else Path(tempfile.mkdtemp(prefix="playbook-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    log(f"working in {work}; {machine()}")
    results: list[dict[str, Any]] = []
    try:
        for n in sizes:
            repeat = args.repeat or (3 if n <= 1000 else 2)
            results.append(measure(n, work, repeat, args.search, warm=n <= args.warm_up_to,
                                   pdf=args.pdf == "on"))
            if args.json:  # written after every size, so a long run leaves what it has
                _write_json(Path(args.json), results)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    print(table(results))
    print()
    for ok, text in targets(results):
        print(f"{'PASS' if ok else 'MISS'}  {text}")
    return 0


def _write_json(path: Path, results: list[dict[str, Any]]) -> None:
    meta = machine()
    rows = [{**r, "machine": meta} for r in results]
    path.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
