"""``playbook new KIND ID``: a commented skeleton of a definition, every field with its help text."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import types
import typing
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..catalogue import Loader
from ..errors import UserError, printable
from ..messages import suggest
from ..models import KINDS
from ..models.base import Translations, _check_slug, _ref_kinds_of_field
from ..tr import tr, tr_field
from ._common import project_of, today

_SKIP = {"kind", "id"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("new", help=tr("write a commented skeleton of a new definition"))
    parser.add_argument("kind", help=tr("one of: {kinds}", kinds=", ".join(KINDS)))
    parser.add_argument("id", help=tr("the new definition's id, e.g. lead-handoff"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.kind not in KINDS:
        raise UserError(tr("{kind} is not a kind: choose one of {kinds}.", kind=repr(args.kind),
                           kinds=", ".join(KINDS)) + suggest(args.kind, KINDS))
    try:
        _check_slug(args.id)
    except ValueError as exc:
        raise UserError(f"{exc}.") from None
    project = project_of(args)
    cls = KINDS[args.kind]
    path = project.playbooks_dir / cls.SECTION / f"{args.id}.yaml"
    # Another kind's file of the same id would pass here and fail 'playbook check' at once.
    taken = Loader(project.root, project.playbooks_dir).load(today())[0].get(args.id)
    if taken is not None and taken.source.path != path:
        raise UserError(tr("the id {id} is already used by {file} (a {kind}): ids must be unique "
                           "across the project; choose another.", id=repr(args.id),
                           file=taken.source.display, kind=taken.kind))
    text = skeleton(args.kind, args.id, today())
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        raise UserError(tr("{file} already exists; it was left as it is.",
                           file=path.relative_to(project.root))) from None
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    print(tr("Wrote {file}: fill in every empty \"\" and TODO, then run 'playbook check'.",
             file=printable(str(path.relative_to(project.root)))))
    return 0


def skeleton(kind: str, ident: str, on: dt.date) -> str:
    cls = KINDS[kind]
    lines = [
        f"# yaml-language-server: $schema=../../schema/{kind}.schema.json",
        "# " + tr("{a_new_kind} Lines starting with # are comments. Fill in every empty \"\", TODO-...-id and\n"
                  "# empty choice or number; remove the optional fields you do not need.",
                  a_new_kind=_a_new(kind)),
        f"kind: {kind}",
        f"id: {ident}",
    ]
    review = on + dt.timedelta(days=182)
    lines += _fields(cls, 0, review)
    return "\n".join(lines) + "\n"


def _a_new(kind: str) -> str:
    """The skeleton's first words: each kind's own, as Polish gives its noun a gender."""
    named = {"team": tr("A new team."), "process": tr("A new process."), "goal": tr("A new goal."),
             "strategy": tr("A new strategy."), "checklist": tr("A new checklist."),
             "sla": tr("A new sla."), "playbook": tr("A new playbook."), "term": tr("A new term.")}
    return named.get(kind) or tr("A new {kind}.", kind=kind)


def _fields(model: type[BaseModel], indent: int, review: dt.date) -> list[str]:
    pad = " " * indent
    out: list[str] = []
    # A field required unless another is given (a goal's unit, or its currency): the first is
    # written to be filled in, the other as a comment to take instead.
    instead: dict[str, str] = getattr(model, "INSTEAD", {})
    for name, info in model.model_fields.items():
        if name in _SKIP and indent == 0:
            continue
        key = info.alias or name
        need = tr("required") if info.is_required() else tr("optional")
        if name in instead:
            need = tr("required, or {other} instead", other=repr(instead[name]))
        help_text = tr_field(info.description) if info.description else ""
        out.append(f"{pad}# {key} ({need}){': ' + help_text if help_text else ''}")
        if name in instead.values():
            extra = info.json_schema_extra
            examples = extra.get("examples") if isinstance(extra, dict) else None
            example = examples[0] if isinstance(examples, list) and examples else '""'
            out.append(f"{pad}# {key}: {example}")
            continue
        out += _value(key, info.annotation, info, indent, review)
    return out


def _unwrap(annotation: Any) -> Any:
    while get_origin(annotation) is typing.Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) in (Union, types.UnionType):
        members = [a for a in get_args(annotation) if a is not type(None)]
        models = [m for m in members if isinstance(_unwrap(m), type) and issubclass(_unwrap(m), BaseModel) and _unwrap(m) is not Translations]
        if len(members) > 1 and any(_unwrap(m) is Translations for m in members):
            return Translations
        if models and len(models) == len(members) and len(models) > 1:
            return models[0]
        return _unwrap(members[0])
    return annotation


def _value(key: str, annotation: Any, info: FieldInfo | None, indent: int, review: dt.date) -> list[str]:
    pad = " " * indent
    refs = _ref_kinds_of_field(annotation, list(info.metadata) if info else [])
    base = _unwrap(annotation)
    origin = get_origin(base)
    if origin is list:
        item = get_args(base)[0]
        inner = _unwrap(item)
        if refs:
            return [f"{pad}{key}:", f"{pad}  - TODO-{refs[0]}-id"]
        if isinstance(inner, type) and issubclass(inner, BaseModel) and inner is not Translations:
            sub = _fields(inner, indent + 4, review)
            first = sub[0]
            return [f"{pad}{key}:", f"{pad}  - {first.strip()}", *sub[1:]]
        return [f"{pad}{key}:"] + [f"{pad}  - {line}".rstrip() for line in _scalar(inner, refs, review)]
    if refs:
        return [f"{pad}{key}: TODO-{refs[0]}-id"]
    if base is Translations:
        return [f"{pad}{key}:", f'{pad}  pl: ""', f'{pad}  en: ""']
    if isinstance(base, type) and issubclass(base, BaseModel):
        return [f"{pad}{key}:", *_fields(base, indent + 2, review)]
    required = info is None or info.is_required()
    default = None if info is None or required else info.get_default()
    return [f"{pad}{key}: {_scalar(base, refs, review, required, default)[0]}".rstrip()]


def _scalar(base: Any, refs: tuple[str, ...] | None, review: dt.date, required: bool = True,
            default: object = None) -> list[str]:
    """The placeholder value of a field. A required choice or number is left empty, so that
    ``playbook check`` asks for it: a pre-filled one (the first choice, 0) would pass unread. A
    choice of one (the type of the SLA parameter the skeleton shows) is written; an optional
    number is its default (``max_length: 500``), or empty when it has none (0 may be refused)."""
    if base is Translations:
        return ['{pl: "", en: ""}']
    if get_origin(base) is Literal:
        options = [str(a) for a in get_args(base)]
        if len(options) == 1:
            return [options[0]]
        return [f"{'' if required else options[0] + '  '}" + tr("# one of: {options}", options=", ".join(options))]
    if base is dt.date:
        return [review.isoformat()]
    if base in (int, float):
        return ["" if required or default is None else str(default)]
    if base is bool:
        return ["false"]
    return ['""']
