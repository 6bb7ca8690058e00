"""``playbook sla list | values ID | fill ID``: the SLA generator from the command line.

- ``list``: the SLA templates of the project.
- ``values ID [--out FILE]``: a commented values file to fill in (every parameter, its help and
  default).
- ``fill ID --values FILE [--format md|html|pdf|docx] [--lang pl|en] [--out FILE]``: the filled
  agreement. Every problem in the values file is reported at ``file:line:col``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..catalogue import Catalogue, Entry
from ..errors import UserError, printable
from ..fsutil import atomic_write
from ..messages import suggest
from ..models.base import localize
from ..sla import outputs, values
from ..sla.spec import compile_spec
from ..tr import tr, tr_n
from ._common import load_needed, print_warnings, project_of

_SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf",
             ".docx": "docx"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("sla", help=tr("fill in an SLA template: list, values, fill"))
    actions = parser.add_subparsers(dest="sla_action", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help=tr("list the SLA templates"))
    listing.add_argument("--lang", choices=("pl", "en"), default=None, help=tr("language of the titles"))
    listing.set_defaults(run=run_list)

    values_parser = actions.add_parser(
        "values", help=tr("write a commented values file with every parameter, to fill in")
    )
    values_parser.add_argument("id", help=tr("the SLA template's id (see 'playbook sla list')"))
    values_parser.add_argument("--out", metavar="FILE", help=tr("where to write it (default: print it)"))
    values_parser.add_argument("--lang", choices=("pl", "en"), default=None,
                               help=tr("language of the labels, help texts and defaults"))
    values_parser.add_argument("--force", action="store_true", help=tr("overwrite an existing file"))
    values_parser.set_defaults(run=run_values)

    fill = actions.add_parser("fill", help=tr("fill a template with a values file"))
    fill.add_argument("id", help=tr("the SLA template's id (see 'playbook sla list')"))
    fill.add_argument("--values", metavar="FILE", required=True, help=tr("the values file (YAML)"))
    fill.add_argument("--format", choices=outputs.FORMATS, default=None,
                      help=tr("md, html, pdf or docx (default: from --out's extension, else md)"))
    fill.add_argument("--lang", choices=("pl", "en"), default=None,
                      help=tr("language of the agreement (default: the site's)"))
    fill.add_argument("--out", metavar="FILE", help=tr("where to write it (md and html: default print it)"))
    fill.set_defaults(run=run_fill)


def find_sla(catalogue: Catalogue, ident: str) -> Entry:
    """The SLA template ``ident``, or a unique template whose id starts with it."""
    slas = catalogue.of_kind("sla")
    entry = catalogue.get(ident)
    if entry is not None and entry.kind == "sla":
        return entry
    starting = [e for e in slas if e.id.startswith(ident)]
    if entry is None and len(starting) == 1:
        return starting[0]  # said by the command, once it knows this is the one (_using)
    ids = [e.id for e in slas]
    if not ids:
        raise UserError(tr("There are no SLA templates in this project (kind: sla)."))
    hint = suggest(ident, ids)
    listing = tr(" The SLA templates are: {ids}.", ids=", ".join(ids))
    what = (tr("{ident!r} is a {kind}, not an SLA template.", ident=ident, kind=entry.kind) if entry
            else tr("There is no SLA template {ident!r}.", ident=ident))
    raise UserError(f"{what}{hint}{listing}")


def _using(entry: Entry, ident: str) -> None:
    """Name the template found by the start of its id."""
    if entry.id != ident:
        print(tr("Using the SLA template {id!r}.", id=entry.id), file=sys.stderr)


def run_list(args: argparse.Namespace) -> int:
    project = project_of(args, lang=args.lang)
    _catalogue, problems, entries = load_needed(project, "sla", lambda c: c.of_kind("sla"), every=True)
    print_warnings(problems)
    lang = project.settings.lang
    if not entries:
        print(tr("No SLA templates."))
        return 0
    width = max(len(e.id) for e in entries)
    for entry in entries:
        d = entry.definition
        count = len(getattr(d, "parameters", []))
        title = localize(d.title, lang).text
        # English says "parameters" for one too, as it always has (its output is pinned).
        about = tr_n("({n} parameter; {file})", "({n} parameters; {file})", count, file=entry.source.display)
        print(f"{entry.id:<{width}}  {title} {about}")
    return 0


def _to_stdout(data: bytes) -> None:
    """A document on stdout is the file's bytes (UTF-8, as written with --out), whatever the
    terminal's encoding: in an ASCII or Latin-2 locale the text could not be encoded ("—", "„")."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a stream of text only (a test's capture)
        sys.stdout.write(data.decode("utf-8"))
        return
    buffer.write(data)
    buffer.flush()


def run_values(args: argparse.Namespace) -> int:
    project = project_of(args, lang=args.lang)
    _catalogue, problems, (entry,) = load_needed(project, "sla", lambda c: [find_sla(c, args.id)],
                                                    asked=args.id)
    _using(entry, args.id)
    print_warnings(problems)
    spec = compile_spec(entry.definition, project.settings.lang)  # type: ignore[arg-type]
    text = values.values_file(spec)
    if not args.out:
        _to_stdout(text.encode("utf-8"))
        return 0
    out = _file_out(args.out, f"{entry.id}.yaml")
    if out.resolve().is_relative_to(project.playbooks_dir.resolve()):
        # Every YAML file there is read as a definition: the project would stop loading, with
        # "kind: this field is required" about the values file, and 'sla fill' with it.
        raise UserError(tr("--out: {out} is inside the folder of the definitions ({folder}/), where "
                           "every YAML file is read as a definition; write the values file somewhere "
                           "else, like --out {name}.", out=args.out,
                           folder=project.settings.playbooks_dir, name=out.name))
    if out.exists() and not args.force:
        raise UserError(tr("{out} already exists; it was left as it is (add --force to replace it).",
                           out=args.out))
    _write(out, text)
    print(tr("Wrote {out}: fill in the values, then run "
             "'playbook sla fill {id} --values {out} --format pdf --out {id}.pdf'.",
             out=printable(args.out), id=entry.id), file=sys.stderr)
    return 0


def run_fill(args: argparse.Namespace) -> int:
    named = _SUFFIXES.get(Path(args.out).suffix.lower()) if args.out else None
    fmt = args.format or named or "md"
    if args.format and named and named != args.format:  # --format md --out sla.pdf
        raise UserError(tr("--out: {out} names a {named} file, but --format is {format}: name it like "
                           "sla.{format}, or leave --format out.", out=args.out, named=named,
                           format=args.format))
    if fmt in ("pdf", "docx") and not args.out:
        raise UserError(tr("--out: a {format} file cannot be printed; name the file, like --out sla.{format}.",
                           format=fmt))
    if args.out:
        _file_out(args.out, f"sla.{fmt}")
    if args.out and Path(args.out).resolve() == Path(args.values).resolve():
        raise UserError(tr("--out: this is the values file itself; choose another file."))
    project = project_of(args, lang=args.lang)
    _catalogue, problems, (entry,) = load_needed(project, "sla", lambda c: [find_sla(c, args.id)],
                                                    asked=args.id)
    _using(entry, args.id)
    print_warnings(problems)
    spec = compile_spec(entry.definition, project.settings.lang)  # type: ignore[arg-type]
    data, text, warnings = values.read(Path(args.values), args.values)
    print_warnings(list(warnings))
    filled = values.check(spec, data, text, args.values)
    payload = outputs.render(filled, fmt)
    if not args.out:
        _to_stdout(payload)
        return 0
    _write(Path(args.out), payload)
    # English says "clauses" for one too, as it always has (its output is pinned).
    print(tr_n("Wrote {out} ({format}, {lang}): {n} clause of {id!r}.",
               "Wrote {out} ({format}, {lang}): {n} clauses of {id!r}.", len(filled.clauses),
               out=printable(args.out), format=fmt, lang=spec["lang"], id=entry.id), file=sys.stderr)
    return 0


def _file_out(value: str, example: str) -> Path:
    """``--out``, which names a file: ``--out sla/`` (a folder, as written) is refused, not
    written as a file named 'sla'."""
    if value.endswith(("/", os.sep)):
        raise UserError(tr("--out: {out} names a folder; name a file in it, like {out}{example}.",
                           out=value, example=example))
    return Path(value)


def _write(path: Path, data: str | bytes) -> None:
    if path.is_dir():
        raise UserError(tr("--out: {out} is a folder; name a file in it.", out=path))
    if not path.parent.is_dir():  # a typo in a folder's name is not a new folder
        raise UserError(tr("--out: the folder {folder} does not exist; create it first, or name a "
                           "file in a folder that does.", folder=path.parent))
    try:
        atomic_write(path, data)
    except OSError as exc:
        raise UserError(tr("--out: cannot write {out}: {reason}.", out=path, reason=exc.strerror)) from None
