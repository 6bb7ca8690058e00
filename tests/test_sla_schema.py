"""The rules are a real JSON Schema: our small validator accepts and rejects what the reference
implementation (the ``jsonschema`` package) does, apart from our one keyword, ``x-decimals``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.catalogue import load
from generator.models.sla import Sla
from generator.sla import schema
from generator.sla.spec import compile_spec
from generator.yamlfile import parse_bytes

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).parent / "cases" / "sla" / "values"


@pytest.fixture(scope="module")
def rules() -> dict[str, Any]:
    catalogue, _problems = load(ROOT, ROOT / "playbooks")
    entry = catalogue.get("marketing-sales-sla")
    assert entry is not None and isinstance(entry.definition, Sla)
    found: dict[str, Any] = compile_spec(entry.definition, "en")["schema"]
    return found


_VALIDATORS: dict[int, Any] = {}


def reference(rules: dict[str, Any]) -> Any:
    """The reference validator of ``rules`` (made once per schema object)."""
    found = _VALIDATORS.get(id(rules))
    if found is None:
        jsonschema.Draft202012Validator.check_schema(rules)
        found = jsonschema.Draft202012Validator(rules, format_checker=jsonschema.FormatChecker(["date"]))
        _VALIDATORS[id(rules)] = found
    return found


def ours_accepts(rules: dict[str, Any], value: Any) -> bool:
    return [p for p in schema.validate(rules, value) if p[1] != "decimals"] == []


def test_the_schema_is_valid_draft_2020_12(rules: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator.check_schema(rules)
    assert rules["additionalProperties"] is False
    assert set(rules["required"]) == {"company_name", "marketing_signatory", "sales_signatory",
                                      "effective_date"}


def test_values_files_agree_with_the_reference(rules: dict[str, Any]) -> None:
    checked = 0
    for path in [*sorted(CASES.glob("*.yaml")), ROOT / "examples" / "q1-2027.yaml"]:
        if path.read_text(encoding="utf-8").startswith("# template: small-sla"):
            continue
        parsed = parse_bytes(path.read_bytes(), path.name)
        if parsed.problems:
            continue
        data = {k: v for k, v in parsed.data.items() if v is not None} if isinstance(parsed.data, dict) else parsed.data
        assert ours_accepts(rules, data) == reference(rules).is_valid(data), path.name
        checked += 1
    assert checked >= 10


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**16, 10**16),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e16, max_value=1e16),
    st.text(max_size=30), st.sampled_from(["2027-01-01", "2027-02-30", "a@b.pl", "x y@b.pl",
                                           "large", "small", "quarterly", " ", "PLN", "EUR"]),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(["amount", "currency", "x"]), inner,
                                                 max_size=3)), max_leaves=6)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_single_values_agree_with_the_reference(rules: dict[str, Any], data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(rules["properties"])))
    value = data.draw(values)
    sub = rules["properties"][name]
    ours = ours_accepts(sub, value)
    assert ours == reference(sub).is_valid(value), (name, value)
