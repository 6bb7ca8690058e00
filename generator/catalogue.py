"""Load every YAML file under ``playbooks/``, validate it, and check the references between them.

The result is a :class:`Catalogue` (every definition, by id and by kind, with back-references)
and the list of every problem found, so a user sees all their mistakes in one run. Per-file work
(read, parse, validate) is cached by content hash, so ``playbook serve`` re-reads only what
changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from . import messages
from .errors import Diagnostic
from .models import KINDS, Definition
from .models.base import Reference, missing_languages
from .yamlfile import Loc, Parsed, compose, loc_text, locate, parse_bytes

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Source:
    """Where a definition came from: its path on disk and as shown to the user."""

    path: Path
    display: str
    text: str
    digest: str


@dataclass(frozen=True)
class Entry:
    definition: Definition
    source: Source

    @property
    def id(self) -> str:
        return self.definition.id

    @property
    def kind(self) -> str:
        return self.definition.KIND

    def at(self, loc: Loc, message: str, severity: str = "error") -> Diagnostic:
        """A diagnostic located at ``loc`` inside this definition's file."""
        line, col, shown = locate(compose(self.source.text), loc)
        return Diagnostic(self.source.display, line, col, loc_text(shown), message, severity)  # type: ignore[arg-type]


@dataclass
class Catalogue:
    """Every valid definition of a project, and who refers to whom."""

    entries: dict[str, Entry] = field(default_factory=dict)
    #: target id -> [(referring entry, loc of the reference)]
    referrers: dict[str, list[tuple[Entry, Loc]]] = field(default_factory=lambda: defaultdict(list))

    def of_kind(self, kind: str) -> list[Entry]:
        return sorted(
            (e for e in self.entries.values() if e.kind == kind), key=lambda e: e.id
        )

    def get(self, ident: str) -> Entry | None:
        return self.entries.get(ident)

    def referring(self, ident: str, kind: str | None = None) -> list[Entry]:
        """Entries that refer to ``ident`` (optionally only of one kind), each once, by id."""
        seen: dict[str, Entry] = {}
        for entry, _loc in self.referrers.get(ident, []):
            if kind is None or entry.kind == kind:
                seen.setdefault(entry.id, entry)
        return [seen[k] for k in sorted(seen)]

    def __len__(self) -> int:
        return len(self.entries)


@dataclass(frozen=True)
class FileResult:
    """The cached outcome of one file: a definition, or the problems in it."""

    entry: Entry | None
    problems: tuple[Diagnostic, ...]


class Loader:
    """Loads a project's playbooks; keeps a cache of per-file results between loads."""

    def __init__(self, root: Path, playbooks_dir: Path) -> None:
        self.root = root
        self.playbooks_dir = playbooks_dir
        self._cache: dict[tuple[str, str], FileResult] = {}
        self.files_read = 0

    def load(self, today: dt.date | None = None) -> tuple[Catalogue, list[Diagnostic]]:
        problems: list[Diagnostic] = []
        results: list[FileResult] = []
        paths, found = discover(self.playbooks_dir, self.root)
        problems.extend(found)
        for path in paths:
            results.append(self._load_file(path))
        catalogue = Catalogue()
        for result in results:
            problems.extend(result.problems)
        entries = [r.entry for r in results if r.entry is not None]
        problems.extend(_index(catalogue, entries))
        problems.extend(_check_references(catalogue))
        problems.extend(_review_warnings(catalogue, today or dt.date.today()))
        return catalogue, sorted(set(problems))

    def _load_file(self, path: Path) -> FileResult:
        display = display_path(path, self.root)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            return FileResult(None, (Diagnostic(display, 1, 1, "", f"cannot read the file: {exc.strerror}"),))
        digest = hashlib.sha256(raw).hexdigest()
        key = (display, digest)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        self.files_read += 1
        result = load_one(raw, path, display, digest)
        self._cache = {k: v for k, v in self._cache.items() if k[0] != display}
        self._cache[key] = result
        return result


def display_path(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def discover(playbooks_dir: Path, root: Path) -> tuple[list[Path], list[Diagnostic]]:
    """Every YAML file under ``playbooks_dir``, sorted; symbolic links are refused, not followed."""
    problems: list[Diagnostic] = []
    found: list[Path] = []
    if not playbooks_dir.is_dir():
        problems.append(
            Diagnostic(display_path(playbooks_dir, root), 1, 1, "", "the playbooks folder does not exist")
        )
        return found, problems
    for current, dirnames, filenames in os.walk(playbooks_dir, followlinks=False):
        base = Path(current)
        for name in sorted(dirnames):
            if (base / name).is_symlink():
                problems.append(
                    Diagnostic(
                        display_path(base / name, root), 1, 1, "",
                        "this folder is a symbolic link; links are not followed: move the real "
                        "folder here",
                    )
                )
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not (base / d).is_symlink())
        for name in sorted(filenames):
            if name.startswith(".") or not name.lower().endswith(YAML_SUFFIXES):
                continue
            path = base / name
            if path.is_symlink():
                problems.append(
                    Diagnostic(
                        display_path(path, root), 1, 1, "",
                        "this file is a symbolic link; links are not followed: copy the real file here",
                    )
                )
                continue
            if not path.is_file():
                continue
            found.append(path)
    return found, problems


def load_one(raw: bytes, path: Path, display: str, digest: str) -> FileResult:
    """Parse and validate one file's bytes."""
    parsed: Parsed = parse_bytes(raw, display)
    if parsed.problems:
        return FileResult(None, parsed.problems)
    source = Source(path, display, parsed.text, digest)
    data = parsed.data
    kinds = ", ".join(KINDS)
    if data is None:
        return FileResult(
            None,
            (Diagnostic(display, 1, 1, "", f"the file is empty: it needs at least 'kind:' ({kinds}) and 'id:'."),),
        )
    if not isinstance(data, dict):
        return FileResult(
            None,
            (
                Diagnostic(
                    display, 1, 1, "",
                    f"the file must be a group of fields ('kind: ...', 'id: ...'), but it is "
                    f"{messages.describe(data)}.",
                ),
            ),
        )
    kind = data.get("kind")
    if kind is None:
        return FileResult(None, (_problem(source, ("kind",), f"this field is required: one of {kinds}."),))
    if not isinstance(kind, str) or kind not in KINDS:
        hint = messages.suggest(kind, KINDS) if isinstance(kind, str) else ""
        return FileResult(
            None,
            (
                _problem(
                    source,
                    ("kind",),
                    f"{repr(kind) if isinstance(kind, str) else messages.describe(kind)} is not a kind: "
                    f"choose one of {kinds}.{hint}",
                ),
            ),
        )
    model = KINDS[kind]
    try:
        definition = model.model_validate(data)
    except ValidationError as exc:
        root = compose(source.text)
        found = []
        for error in exc.errors(include_url=False):
            line, col, shown = locate(root, tuple(error["loc"]), at_key=error["type"] == "extra_forbidden")
            found.append(Diagnostic(display, line, col, loc_text(shown), messages.plain(dict(error), model)))
        return FileResult(None, tuple(found))
    return FileResult(Entry(definition, source), ())


def _problem(source: Source, loc: Loc, message: str) -> Diagnostic:
    line, col, shown = locate(compose(source.text), loc)
    return Diagnostic(source.display, line, col, loc_text(shown), message)


def _fold(ident: str) -> str:
    return unicodedata.normalize("NFKC", ident).casefold()


def _index(catalogue: Catalogue, entries: Iterable[Entry]) -> Iterator[Diagnostic]:
    first: dict[str, Entry] = {}
    for entry in sorted(entries, key=lambda e: e.source.display):
        key = _fold(entry.id)
        if key in first:
            other = first[key]
            yield entry.at(
                ("id",),
                f"the id {entry.id!r} is already used by {other.source.display} "
                f"(line {other.at(('id',), '').line}): ids must be unique across the project.",
            )
            continue
        first[key] = entry
        catalogue.entries[entry.id] = entry


def _check_references(catalogue: Catalogue) -> Iterator[Diagnostic]:
    for entry in list(catalogue.entries.values()):
        for reference in entry.definition.references():
            problem = _check_reference(catalogue, entry, reference)
            if problem:
                yield problem
            else:
                catalogue.referrers[reference.target].append((entry, reference.loc))


def _check_reference(catalogue: Catalogue, entry: Entry, reference: Reference) -> Diagnostic | None:
    target = catalogue.get(reference.target)
    wanted = " or ".join(reference.kinds)
    if target is None:
        candidates = [e.id for e in catalogue.entries.values() if e.kind in reference.kinds]
        hint = messages.suggest(reference.target, candidates)
        if not hint and candidates and len(candidates) <= 8:
            hint = f" The {wanted} ids are: {', '.join(sorted(candidates))}."
        return entry.at(reference.loc, f"there is no {wanted} with the id {reference.target!r}.{hint}")
    if target.kind not in reference.kinds:
        return entry.at(
            reference.loc,
            f"{reference.target!r} is a {target.kind} ({target.source.display}), but a {wanted} is "
            "expected here.",
        )
    if target.id == entry.id:
        return entry.at(reference.loc, f"{entry.kind} {entry.id!r} refers to itself.")
    return None


def _review_warnings(catalogue: Catalogue, today: dt.date) -> Iterator[Diagnostic]:
    for entry in catalogue.entries.values():
        if entry.definition.review_by < today:
            yield entry.at(
                ("review_by",),
                f"the review date {entry.definition.review_by.isoformat()} has passed: "
                f"{entry.definition.owner} should re-read this {entry.kind} and set a new date.",
                severity="warning",
            )


def translation_problems(catalogue: Catalogue, severity: str = "warning") -> list[Diagnostic]:
    """Every text given in some languages but not all, at its place in the file."""
    found: list[Diagnostic] = []
    for entry in catalogue.entries.values():
        for loc, text in entry.definition.translations():
            missing = missing_languages(text)
            if missing:
                found.append(
                    entry.at(loc, f"missing translation: {', '.join(missing)}.", severity=severity)
                )
    return found


def load(root: Path, playbooks_dir: Path, today: dt.date | None = None) -> tuple[Catalogue, list[Diagnostic]]:
    """Load a project once (no cache kept)."""
    return Loader(root, playbooks_dir).load(today)


