"""Property tests: whatever the bytes of a YAML file and whatever the values given to an SLA
template, the outcome is a result or a located error, never a traceback, within a time bound.

Bounded so the suite stays fast: about 200 examples per property, each with a deadline.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import string
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.catalogue import Loader, load_one
from generator.cli import main
from generator.errors import Diagnostic, UserError
from tests.hostile import PROJECT

ROOT = Path(__file__).resolve().parent.parent
BOUND = settings(
    max_examples=200,
    deadline=dt.timedelta(seconds=2),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,
)


def assert_located(problems: tuple[Diagnostic, ...] | list[Diagnostic], display: str, text: str) -> None:
    assert problems, "an error must say what is wrong"
    lines = max(1, len(text.splitlines()) + 1)
    for problem in problems:
        assert problem.file == display
        assert 1 <= problem.line <= lines + 1, problem
        assert problem.col >= 1
        assert problem.message.strip() and problem.message.rstrip()[-1] in ".?!", problem
        assert "Traceback" not in problem.message
        assert "\n" not in problem.format()


def load_bytes(raw: bytes) -> None:
    display = "playbooks/cases/fuzz.yaml"
    result = load_one(raw, Path(display), display, hashlib.sha256(raw).hexdigest())
    if result.entry is None:
        assert_located(result.problems, display, raw.decode("utf-8", "replace"))
    else:
        assert result.problems == ()


# -- any bytes as a YAML file ------------------------------------------------------------------

@BOUND
@given(st.binary(max_size=2000))
def test_any_bytes_end_in_a_definition_or_a_located_error(raw: bytes) -> None:
    load_bytes(raw)


_TOKENS = st.sampled_from([
    "kind: team\n", "id: x\n", "title: ", "- ", "  ", "    ", "\t", "\n", ": ", ":", "[", "]", "{", "}",
    ",", "&a ", "*a", "!!str ", "!!python/object ", "!x ", "<<: ", "? ", "'", '"', "\\", "#", "---\n",
    "...\n", "%YAML 1.2\n", "|\n", ">-\n", "~", "null", "NO", "yes", "012", "12:30", "1e3", "0x1F",
    "2030-01-01", "9" * 30, "\x00", "\x85", "\u2028", "\u202e", "\ufeff", "zażółć", "\U0001F600",
    "summary: ", "owner: ", "review_by: ", "tags: ", "mission: ",
])


@BOUND
@given(st.lists(_TOKENS, max_size=60).map("".join))
def test_yaml_shaped_text_ends_in_a_definition_or_a_located_error(text: str) -> None:
    load_bytes(text.encode("utf-8", "surrogatepass"))


_VALID = (PROJECT / "playbooks" / "teams" / "sales.yaml").read_bytes()


@BOUND
@given(st.integers(0, len(_VALID)), st.integers(0, 40), st.binary(min_size=0, max_size=8))
def test_a_damaged_valid_file_ends_in_a_definition_or_a_located_error(at: int, cut: int, insert: bytes) -> None:
    load_bytes(_VALID[:at] + insert + _VALID[at + cut:])


@pytest.fixture(scope="module")
def fuzz_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    root = tmp_path_factory.mktemp("fuzz") / "project"
    shutil.copytree(PROJECT, root)
    return root


@settings(BOUND, max_examples=60)
@given(raw=st.binary(max_size=600))
def test_the_cli_prints_located_errors_for_any_file(fuzz_project: Path, raw: bytes) -> None:
    """The whole command, for a smaller sample: exit 0 or 1, never a traceback."""
    target = fuzz_project / "playbooks" / "cases" / "fuzz.yaml"
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(raw)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--project", str(fuzz_project), "check"])
    assert code in (0, 1)
    if code == 1:
        lines = err.getvalue().splitlines()
        assert lines[-1].startswith("Found ")
        assert all(line.startswith("playbooks/cases/fuzz.yaml:") for line in lines[:-1]), lines


# -- any value in an SLA values file -----------------------------------------------------------

@pytest.fixture(scope="module")
def sla_spec() -> dict[str, Any]:
    """The example project's SLA template: one parameter of most types, derived values."""
    from generator.sla.spec import compile_spec

    catalogue, problems = Loader(ROOT, ROOT / "playbooks").load(dt.date(2026, 11, 27))
    assert [p for p in problems if p.severity == "error"] == []
    entry = catalogue.get("marketing-sales-sla")
    assert entry is not None
    return compile_spec(entry.definition, "pl")  # type: ignore[arg-type]


_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(-(10**30), 10**30),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=40),
    st.sampled_from(["", " ", "NO", "2027-02-30", "2027-06-30", "a@b.c", "not an email", "1e3",
                     "<script>alert(1)</script>", "{{ 7*7 }}", "large", "small", "quarterly",
                     "x" * 5000, "\u202e", "ąę", "-1", "1" * 40]),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(st.text(string.ascii_lowercase + "_", max_size=12), inner, max_size=4)),
    max_leaves=6,
)


@settings(BOUND, max_examples=100)
@given(data=st.data())
def test_any_values_end_in_a_document_or_located_errors(sla_spec: dict[str, Any], data: st.DataObject) -> None:
    from generator.sla import outputs, values
    from generator.yamlfile import parse_bytes

    names = [p["id"] for p in sla_spec["params"]]
    chosen = data.draw(st.dictionaries(st.sampled_from([*names, "unknown_name", "Company"]), _VALUES, max_size=len(names) + 2))
    if data.draw(st.booleans()):  # mostly the right names, each given a hostile value
        chosen = {**{n: data.draw(_VALUES) for n in names}, **chosen}
    text = yaml.safe_dump(chosen, allow_unicode=True, sort_keys=False)
    parsed = parse_bytes(text.encode("utf-8"), "values.yaml")
    if parsed.problems:
        assert_located(parsed.problems, "values.yaml", text)
        return
    try:
        filled = values.check(sla_spec, parsed.data, text, "values.yaml")
    except UserError as exc:
        assert_located(exc.diagnostics, "values.yaml", text)
        return
    for fmt in ("md", "html"):
        document = outputs.render(filled, fmt).decode("utf-8")
        assert "<script>alert(1)</script>" not in document
