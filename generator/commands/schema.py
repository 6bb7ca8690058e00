"""``playbook schema --out DIR``: a JSON Schema per kind, so editors complete and check the YAML."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..errors import printable
from ..fsutil import atomic_write
from ..models import KINDS
from ..tr import tr, tr_n
from ._common import project_of


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("schema", help=tr("write a JSON Schema for each kind"))
    parser.add_argument("--out", metavar="DIR", default=None, help=tr("default: schema/ in the project"))
    parser.set_defaults(run=run)


def schema_of(kind: str) -> dict[str, object]:
    schema = KINDS[kind].model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{kind}.schema.json"
    return schema


def run(args: argparse.Namespace) -> int:
    out = Path(args.out) if args.out else project_of(args).root / "schema"
    for kind in KINDS:
        text = json.dumps(schema_of(kind), indent=2, ensure_ascii=False) + "\n"
        atomic_write(out / f"{kind}.schema.json", text)
    print(tr_n("Wrote {n} schemas to {folder}.", "Wrote {n} schemas to {folder}.", len(KINDS),
               folder=printable(str(out))))
    return 0
