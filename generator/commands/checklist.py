"""``playbook checklist``: list the onboarding checklists, or print one (or a role's pack) as a PDF."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import unicodedata
from pathlib import Path

from ..checklists.dates import parse_start
from ..checklists.document import (
    Personal,
    Stamp,
    checklist_html,
    checklists,
    checklists_for_role,
    find_checklist,
    item_count,
    print_stylesheet,
)
from ..checklists.pdf import write_pdf
from ..errors import UserError, printable
from ..helptext import RawDescriptionHelpFormatter
from ..models.base import localize
from ..models.checklist import Checklist
from ..tr import tr, tr_n
from ..yamlfile import FORBIDDEN_CHARS, char_name
from ._common import load_needed, print_warnings, project_of, today

_MAX_NAME = 200


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "checklist", help=tr("list the onboarding checklists, or print them as A4 PDFs")
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help=tr("the checklists with their roles and item counts"))
    listing.add_argument("--lang", choices=("pl", "en"), default=None, help=tr("language of the titles"))
    listing.set_defaults(run=run_list)

    pdf = actions.add_parser(
        "pdf",
        help=tr("an A4 PDF of one checklist, or with --role of every checklist for a role"),
        description=tr(
            "Write an A4 PDF of checklist ID, personalised for a new hire, or with --role ROLE\n"
            "a pack of every checklist for that role, with a cover page and contents."
        ),
        epilog=_dates_help(),
        formatter_class=RawDescriptionHelpFormatter,
    )
    pdf.add_argument("id", nargs="?", metavar="ID", help=tr("the checklist's id (see: playbook checklist list)"))
    pdf.add_argument("--role", metavar="ROLE", help=tr("every checklist for ROLE in one PDF"))
    pdf.add_argument("--lang", choices=("pl", "en"), default=None,
                     help=tr("content language (default: the site's)"))
    pdf.add_argument("--name", metavar="NAME", help=tr("the new hire's name, printed on the page"))
    pdf.add_argument("--manager", metavar="NAME", help=tr("the manager's name, printed on the page"))
    pdf.add_argument("--start", metavar="DATE",
                     help=tr("first working day, YYYY-MM-DD: turns 'day 1', 'week 2' into dates"))
    pdf.add_argument("--out", metavar="FILE",
                     help=tr("where to write the PDF (default: ID-LANG.pdf, or ROLE-pack-LANG.pdf, "
                             "here; an existing folder: inside it)"))
    pdf.set_defaults(run=run_pdf)


def _dates_help() -> str:
    """The end of ``checklist pdf --help``: how --start turns offsets into dates (a function, not
    a constant, so that it is in the language of the run, read after the module is imported)."""
    return tr(
        "How due dates are counted (with --start):\n"
        "  \"day 1\" is the start date itself; \"day N\" is the N-th day from it.\n"
        "  A checklist with \"days: working\" (the default) counts Monday to Friday, less the public\n"
        "  holidays of \"holidays: PL\" (a region's too with \"holidays: DE-BY\") and the \"days_off\" in\n"
        "  mkdocs.yml, if given; a start date that is not a working day makes the next working day \"day 1\".\n"
        "  \"week N\" is the end of the N-th week: the day before day 1's weekday N weeks later, moved back\n"
        "  to a working day (a Monday start gives the Friday), day 7*N in calendar days.\n"
        "  \"month N\" is the end of the N-th month: the day before the same date N months later\n"
        "  (2027-01-04 -> 2027-02-03); in working days a day off moves back to the working day before.\n"
        "Without --start, the offsets are printed as they are (\"week 2\").\n"
    )


def run_list(args: argparse.Namespace) -> int:
    project = project_of(args, lang=args.lang)
    _catalogue, problems, entries = load_needed(project, "checklist", checklists, every=True)
    print_warnings(problems)
    lang = project.settings.lang
    rows = []
    for entry in entries:
        d = entry.definition
        assert isinstance(d, Checklist)
        rows.append(
            (d.id, d.role, d.team or "–", str(item_count(entry)), d.days, localize(d.title, lang).text)
        )
    if not rows:
        print(tr("The project has no checklists (kind: checklist) in {folder}/.",
                 folder=project.settings.playbooks_dir))
        return 0
    header = (tr("ID"), tr("ROLE"), tr("TEAM"), tr("ITEMS"), tr("DAYS"), tr("TITLE"))
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header) - 1)]
    for row in (header, *rows):
        cells = [
            row[i].rjust(widths[i]) if i == 3 else row[i].ljust(widths[i]) for i in range(len(widths))
        ]
        print("  ".join([*cells, row[-1]]))
    return 0


def run_pdf(args: argparse.Namespace) -> int:
    if bool(args.id) == bool(args.role):
        raise UserError(
            tr("Name one checklist (playbook checklist pdf ID) or a role (--role ROLE), not both.")
            if args.id
            else tr("Name a checklist (playbook checklist pdf ID) or a role (--role ROLE); "
                    "'playbook checklist list' shows them.")
        )
    personal = Personal(
        name=_person(args.name, "--name"),
        manager=_person(args.manager, "--manager"),
        start=_start(args.start),
    )
    project = project_of(args, lang=args.lang)
    if args.role:
        catalogue, problems, entries = load_needed(
            project, "checklist", lambda c: checklists_for_role(c, args.role), every=True)
        stem = f"{args.role}-pack"
    else:
        catalogue, problems, entries = load_needed(
            project, "checklist", lambda c: [find_checklist(c, args.id)])
        stem = entries[0].id
    print_warnings(problems)
    lang = project.settings.lang
    if personal.name:
        stem += f"-{_slug(personal.name)}"
    out = _out_path(args.out, f"{stem}-{lang}.pdf", project.docs_dir)
    html = checklist_html(
        catalogue,
        entries,
        lang,
        personal=personal,
        stamp=Stamp(today()),
        pack_role=args.role,
        templates_dir=project.templates_dir,
        off=project.settings.off,
    )
    rendered = write_pdf(html, out, allowed=(project.templates_dir, project.docs_dir),
                         stylesheet=print_stylesheet(project.templates_dir), tagged=True)
    for url in rendered.refused:
        print(tr("warning: left out {url}: a PDF may use only the project's own files.", url=printable(url)),
              file=sys.stderr)
    items = sum(item_count(e) for e in entries)
    print(tr("Wrote {file}: {checklists}, {items}, {pages}.", file=_shown(out),
             checklists=tr_n("{n} checklist", "{n} checklists", len(entries)),
             items=tr_n("{n} item", "{n} items", items),
             pages=tr_n("{n} page", "{n} pages", rendered.pages)))
    return 0


def _person(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    cleaned = " ".join(value.split())
    if not cleaned:
        return None
    if len(cleaned) > _MAX_NAME:
        raise UserError(tr_n("{option}: too long ({n} character); at most {limit}.",
                             "{option}: too long ({n} characters); at most {limit}.",
                             len(cleaned), option=option, limit=_MAX_NAME))
    if any(unicodedata.category(ch) == "Cc" for ch in cleaned):
        raise UserError(tr("{option}: control characters are not allowed in a name.", option=option))
    # A byte of the command line that is not UTF-8 arrives as half of a character, which no PDF
    # can hold; a text-direction control would print the name reversed, or another name.
    odd = FORBIDDEN_CHARS.search(cleaned)
    if odd:
        ch = odd.group()
        what = (tr("the byte 0x{byte:02X}, which is not UTF-8 text (check the terminal's encoding)",
                   byte=ord(ch) - 0xDC00) if "\udc80" <= ch <= "\udcff" else char_name(ch))
        raise UserError(tr("{option}: the name contains {what}: write it with ordinary letters.",
                           option=option, what=what))
    return cleaned


def _start(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_start(value)
    except ValueError as exc:
        raise UserError(f"--start: {exc}") from None


def _slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.replace("ł", "l").replace("Ł", "L"))
    ascii_only = folded.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")[:60] or "new-hire"


def _out_path(value: str | None, default_name: str, docs_dir: Path) -> Path:
    out = Path(value).expanduser() if value else Path(default_name)
    if out.is_dir():
        out = out / default_name
    elif value and value.endswith(("/", os.sep)):  # `--out prints/`: never a file named 'prints'
        raise UserError(tr("--out: the folder {folder} does not exist; create it first, or name a file "
                           "in a folder that does.", folder=out))
    resolved = out.resolve()
    if resolved.is_relative_to(docs_dir.resolve()):
        raise UserError(tr(
            "--out: {out} is inside the content folder ({folder}/), which the site publishes; "
            "write personal checklists somewhere else.", out=out, folder=docs_dir.name,
        ))
    if not resolved.parent.is_dir():  # a typo in a folder's name is not a new folder
        raise UserError(tr("--out: the folder {folder} does not exist; create it first, or name a file "
                           "in a folder that does.", folder=out.parent))
    return resolved


def _shown(path: Path) -> str:
    try:
        return printable(str(path.relative_to(Path.cwd())))
    except ValueError:
        return printable(str(path))
