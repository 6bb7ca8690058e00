"""The fast path (``generator/fastyaml.py``) against our reader: for every input it either declines
or gives exactly the data our reader gives, so ``parse_text`` answers the same with it and without.

Checked on the hostile corpus, the example playbooks, the benchmark's synthetic definitions, and
generated YAML (dumps of random data in every style, block scalars, flow collections, token soup,
damaged valid files). Each screen rule also has a case of its own.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.synth import definitions, dump
from generator import fastyaml, yamlfile
from generator.yamlfile import MAX_DEPTH, MAX_DIGITS, MAX_NODES, Parsed, parse_text
from tests.hostile import CORPUS

ROOT = Path(__file__).resolve().parent.parent
BOUND = settings(
    max_examples=300,
    deadline=dt.timedelta(seconds=2),
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)

pytestmark = pytest.mark.skipif(fastyaml.yaml_rs is None, reason="yaml-rs is not installed")


def fast_read(text: str) -> dict[str, Any] | None:
    return fastyaml.read(text, max_depth=MAX_DEPTH, max_nodes=MAX_NODES, max_digits=MAX_DIGITS)


@contextlib.contextmanager
def fast_path_off() -> Iterator[None]:
    saved = fastyaml.read
    fastyaml.read = lambda *args, **kwargs: None
    try:
        yield
    finally:
        fastyaml.read = saved


def ours(text: str) -> Parsed:
    with fast_path_off():
        return parse_text(text, "playbooks/x.yaml")


def agrees(text: str) -> bool:
    """Assert the fast path declines ``text`` or reads it as we do; True when it took it."""
    reference = ours(text)
    answer = parse_text(text, "playbooks/x.yaml")
    assert answer.problems == reference.problems, text
    assert fastyaml.same(answer.data, reference.data), text
    if yamlfile.FORBIDDEN_CHARS.search(text):
        return False  # parse_text refuses it before the fast path is asked
    taken = fast_read(text)
    if taken is not None:
        assert reference.problems == (), text
        assert fastyaml.same(taken, reference.data), text
    return taken is not None


# -- whole files ------------------------------------------------------------------------------


def _corpus_texts() -> list[tuple[str, str]]:
    """Every YAML text of the hostile corpus (generated ones too) and of the example playbooks."""
    found: list[tuple[str, str]] = []
    for base in (CORPUS, ROOT / "playbooks"):
        for path in sorted(base.rglob("*")):
            if path.suffix in (".yaml", ".yml") and path.is_file():
                text = yamlfile.decode(path.read_bytes(), path.name)
                if isinstance(text, str):
                    found.append((path.relative_to(ROOT).as_posix(), text))
    for spec_file in sorted(CORPUS.rglob("case.json")):
        spec = json.loads(spec_file.read_text(encoding="utf-8"))
        for rel, recipe in spec.get("generate", {}).items():
            body = recipe.get("head", "") + recipe.get("text", "") * int(recipe.get("times", 1))
            found.append((f"{spec_file.parent.name}/{rel}", body + recipe.get("tail", "")))
    return found


CORPUS_TEXTS = _corpus_texts()


def test_the_hostile_corpus_and_the_examples_read_the_same_with_the_fast_path() -> None:
    taken = {name for name, text in CORPUS_TEXTS if agrees(text)}
    examples = [name for name, _text in CORPUS_TEXTS if name.startswith("playbooks/")]
    assert len(examples) >= 40
    # the common path is the fast one: dates, bracket lists, folded texts are all taken
    assert len(taken & set(examples)) >= 0.8 * len(examples), sorted(set(examples) - taken)
    for refused in ("billion-laughs", "merge-key", "duplicate-key-top-level", "nesting-block-dashes",
                    "huge-integer", "tab-indentation", "custom-include-tag", "too-many-values"):
        assert not any(refused in name for name in taken), refused


def test_every_synthetic_definition_takes_the_fast_path() -> None:
    """The benchmark's files (both languages, every kind) are the common case."""
    for rel, data in definitions(80).items():
        text = dump(data)
        assert agrees(text), rel


def test_damaged_example_files_read_the_same() -> None:
    """Thousands of small edits (inserted indicators, deleted characters, re-indented or swapped
    lines) of the example playbooks: each is declined or read exactly as our reader reads it."""
    rng = random.Random(7)
    bases = [text for name, text in CORPUS_TEXTS if name.startswith("playbooks/")]
    pieces = ["\t", "\\", "&a ", "*a", "!x ", "<<: ", "? ", "?", "- ", "  ", "\n", ": ", ":", "[", "]",
              "{", "}", ",", "'", '"', "#", "|", ">", "|-", ">+", "|2", "012", "1e3", "0x1", ".5", "1.",
              "-0", "+1", "1_0", "true", "TRUE", "~", "null", "2024-01-02", "12:30", "\u00a0", "ż",
              "---", "...", "%", "@", "`", "\r\n", "\r", "\ufeff", "9" * 16, "1.5", "- - ", " #"]
    taken = 0
    for _ in range(2500):
        text = rng.choice(bases)
        for _edit in range(rng.randint(1, 3)):
            at = rng.randrange(len(text) + 1)
            roll = rng.random()
            if roll < 0.45:
                text = text[:at] + rng.choice(pieces) + text[at:]
            elif roll < 0.75:
                text = text[:at] + text[at + rng.randint(1, 5):]
            else:
                lines = text.split("\n")
                i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
                lines[i], lines[j] = lines[j], " " * rng.randint(0, 5) + lines[i].lstrip()
                text = "\n".join(lines)
        taken += agrees(text)
    assert taken > 300  # the comparison is not empty


# -- generated YAML ---------------------------------------------------------------------------

_WORDS = st.sampled_from([
    "kind", "id", "title", "pl", "en", "a", "b-c", "x_y", "ząb", "k 1", "1", "012", "1e3", "true",
    "True", "null", "~", "", " ", "yes", "NO", "2027-06-30", "12:30", "0x1F", ".5", "1.", "-0",
    "+12", "1_000", ".inf", "a: b", "- x", "#x", "x #y", "'q'", '"q"', "|", ">", "---", "...",
    "a\n\nb", " lead", "trail ", "\n", "x\n", "tab\there", "back\\slash", "\u00a0nbsp\u00a0", "*a",
    "&a", "!t", "<<", "?x", "{{ x }}", "[link](u)", "9" * 16, "1.25", "-3", "0.0000000000000001",
])
_SCALARS = st.one_of(
    _WORDS, st.text(max_size=12), st.integers(-(10**17), 10**17),
    st.floats(allow_nan=False, allow_infinity=False, width=32), st.booleans(), st.none(),
)
_DATA = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.one_of(_WORDS, st.text(max_size=6)), inner, max_size=4)
    ),
    max_leaves=20,
)


@BOUND
@given(
    data=st.dictionaries(_WORDS, _DATA, min_size=1, max_size=5),
    style=st.sampled_from([None, None, "'", '"', "|", ">"]),
    flow=st.sampled_from([False, None, True]),
    width=st.sampled_from([12, 80, 1000]),
    indent=st.sampled_from([2, 4]),
)
def test_dumped_yaml_in_every_style_reads_the_same(
    data: dict[Any, Any], style: str | None, flow: bool | None, width: int, indent: int
) -> None:
    text = yaml.dump(data, Dumper=yaml.SafeDumper, allow_unicode=True, default_style=style,
                     default_flow_style=flow, width=width, indent=indent, sort_keys=False)
    agrees(text)


#: Lines of a block scalar: mostly text (the forms the fast path takes), some odd ones.
_LINES = st.sampled_from(["text", "more words", "x  ", "a b", "   # not a comment", "- item", "a: b",
                          "> quote", "1e3", "ż", "", "", " ", "  "])


@st.composite
def _block_scalar_documents(draw: st.DrawFn) -> str:
    """A block scalar under a key at the top, under a nested key or in a list, then more keys."""
    where = draw(st.sampled_from(["top", "nested", "list"]))
    indent = 0 if where == "top" else draw(st.sampled_from([1, 2, 4]))
    pad = " " * indent
    head = {"top": draw(st.sampled_from(["", "a: 1\n"])) + "k: ", "nested": f"outer:\n{pad}k: ",
            "list": f"list:\n{pad}- k: "}[where]
    inner = indent + (2 if where == "list" else 0)  # the column of the key
    header = draw(st.sampled_from(["|", ">", "|-", ">-"] * 3 + ["|+", ">+", "|2", ">1-", "| # c", ">-  "]))
    lines = draw(st.lists(_LINES, max_size=6))
    if draw(st.integers(0, 9)):  # mostly a first line of text, as people write them
        lines.insert(0, draw(st.sampled_from(["text", "a b", "ż", "- item", "a: b"])))
    deeper = draw(st.sampled_from([1, 2, 4]))
    body = "".join(
        (" " * (inner + deeper + draw(st.sampled_from([0, 0, 0, 1, 3]))) + line if line.strip() else line)
        + "\n" for line in lines
    )
    after = draw(st.sampled_from(["", "z: 2\n", " " * inner + "w: 3\n", "\n", "  \n", "# c\n"]))
    ending = draw(st.sampled_from(["\n", "\n", ""]))
    return (head + header + "\n" + body + after).rstrip("\n") + ending


@BOUND
@given(_block_scalar_documents())
def test_block_scalars_read_the_same(text: str) -> None:
    agrees(text)


_ATOMS = st.sampled_from(["a", "b c", "x:y", "?x", "? x", ":x", "-x", "- x", "#x", "a #x", "a#x", "'q'",
                          '"q"', "'a, b'", "", " ", "12", "1.5", "012", "true", "~", "null", "http://x.y/z",
                          "a: b", "a:", ":", "?", "-", "ż", "{{ x }}", "12:30", "2027-01-01", "-1"])
_FLOW: st.SearchStrategy[str] = st.recursive(
    _ATOMS,
    lambda inner: st.one_of(
        st.builds(lambda items, sep, end: "[" + sep.join(items) + end + "]",
                  st.lists(inner, max_size=4), st.sampled_from([", ", ",", " , ", ",\n  "]),
                  st.sampled_from(["", ",", " "])),
        st.builds(lambda pairs, end: "{" + ", ".join(pairs) + end + "}",
                  st.lists(st.builds(lambda k, sep, v: k + sep + v, _ATOMS,
                                     st.sampled_from([": ", ":", " : ", ""]), inner), max_size=3),
                  st.sampled_from(["", ",", " "])),
    ),
    max_leaves=8,
)


@BOUND
@given(st.lists(st.tuples(st.sampled_from(["k: ", "other: ", "- "]), _FLOW), min_size=1, max_size=4))
def test_flow_collections_read_the_same(lines: list[tuple[str, str]]) -> None:
    agrees("".join(f"{lead}{value}\n" for lead, value in lines))


_TOKENS = st.sampled_from([
    "kind: team\n", "id: x\n", "title: ", "- ", "  ", "    ", "\n", ": ", ":", "[", "]", "{", "}", ",",
    "? ", "?", "'", '"', "#", " #", "|\n", ">-\n", "|+\n", "~", "null", "true", "NO", "012", "12",
    "-0.5", "1e3", "12:30", "2030-01-01", "ąę", "\u00a0", "&a ", "*a", "!!str ", "<<: ", "---\n",
    "...\n", "\t", "\\n", "\r\n", "summary: ", "tags: ", "steps:\n", "  pl: ", "  en: ",
])


@BOUND
@given(st.lists(_TOKENS, max_size=40).map("".join))
def test_yaml_shaped_text_reads_the_same(text: str) -> None:
    agrees(text)


# -- each screen rule -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "a: 012\n", "a: 1e3\n", "a: 0x1F\n", "a: 1_000\n", "a: .5\n", "a: 1.\n", "a: .inf\n",
        "a: [1, 1e3]\n", "a: 123456789012345\n", "a: 0.123456789012345\n", "a: _1\n",
        "a: &x 1\nb: 2\n", "a: *x\n", "a: !!str 1\n", "a: ! 1\n", "a: !t x\n", "<<: {b: 1}\n",
        "---\na: 1\n", "a: 1\n...\n", "%YAML 1.2\n---\na: 1\n", "a: 1\n---\nb: 2\n",
        "a:\tb\n", "a: \"\\x41\"\n", "a: x\rb: y\n", "a: \ufeffx\n",
        "a: {?x: 1}\n", "k: >\n", "k: |\n  a", "k: |\n  a\n\n", "k: |+\n  a\n", "k: |2\n   a\n",
        "k: | # c\n  a\n", "k: |\n  a\n  \nz: 1\n", "k: |\nz: 1\n",
        "a: 1\na: 2\n", "1: a\n", "true: a\n", "~: a\n", "[a]: b\n", "- a\n", "just text\n", "",
        "# only a comment\n", "a: " + "[" * 300 + "]" * 300 + "\n",
        "a:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(70)),
        "a: " + "x" * 300_000 + "\n",
    ],
)
def test_the_screen_declines(text: str) -> None:
    assert fast_read(text) is None
    agrees(text)


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("a: 12\nb: -0.5\nc: true\nd: ~\ne:\nf: 'x'\n", {"a": 12, "b": -0.5, "c": True, "d": None, "e": None, "f": "x"}),
        ("review_by: 2027-06-30\nat: 12:30\nno: NO\nwords: 1 200 000 PLN\n",
         {"review_by": "2027-06-30", "at": "12:30", "no": "NO", "words": "1 200 000 PLN"}),
        ("tags: [sales, quota]\nempty: []\nnone: {}\n", {"tags": ["sales", "quota"], "empty": [], "none": {}}),
        ("t:\n  pl: >-\n    Zespół\n    sprzedaży.\n  en: |-\n    Line one\n\n    line two\n",
         {"t": {"pl": "Zespół sprzedaży.", "en": "Line one\n\nline two"}}),
        ("steps:\n- id: a\n  note: R&D, 5 * 3, why? yes!\n", {"steps": [{"id": "a", "note": "R&D, 5 * 3, why? yes!"}]}),
        ("a: x\r\nb: |\r\n  y\r\n", {"a": "x", "b": "y\n"}),
    ],
)
def test_the_fast_path_takes_the_common_forms(text: str, data: dict[str, Any]) -> None:
    assert fastyaml.same(fast_read(text), data)
    assert agrees(text)


def test_deep_nesting_is_declined_before_yaml_rs_sees_it() -> None:
    """yaml-rs recurses: about 11,000 levels of ``- `` crashed the interpreter."""
    for text in ("a:\n" + "- " * 50_000 + "x\n", "a: " + "[" * 5000 + "]" * 5000 + "\n"):
        assert fast_read(text) is None
        assert parse_text(text, "x.yaml").problems


def test_the_sample_is_what_our_reader_reads_and_passes_the_screen() -> None:
    """The self-check compares yaml-rs with a fixed answer: that answer must be our reader's, and
    the sample must not be declined by the screen (else it would check nothing)."""
    assert fastyaml.same(ours(fastyaml._SAMPLE).data, fastyaml._SAMPLE_DATA)
    assert fastyaml.same(fast_read(fastyaml._SAMPLE), fastyaml._SAMPLE_DATA)


class _OtherReader:
    """A yaml-rs that reads ``NO`` as false, as a YAML 1.1 reader would."""

    DuplicateKeyPolicy = fastyaml.yaml_rs.DuplicateKeyPolicy if fastyaml.yaml_rs else None

    def loads(self, text: str, **options: Any) -> Any:
        assert fastyaml.yaml_rs is not None
        return yaml.safe_load(text) if "NO" in text else fastyaml.yaml_rs.loads(text, **options)


def test_a_yaml_rs_that_reads_plain_values_differently_is_never_used(monkeypatch: pytest.MonkeyPatch) -> None:
    fastyaml._agrees.cache_clear()
    monkeypatch.setattr(fastyaml, "yaml_rs", _OtherReader())
    try:
        assert fast_read("a: 1\n") is None
        assert parse_text("a: 1\n", "x.yaml").data == {"a": 1}
    finally:
        monkeypatch.undo()
        fastyaml._agrees.cache_clear()
    assert fast_read("a: 1\n") == {"a": 1}


def test_without_yaml_rs_everything_reads_the_same() -> None:
    """An accelerator: a missing or broken yaml-rs falls back to our reader without a word."""
    script = (
        "import sys; sys.modules['yaml_rs'] = None\n"
        "from generator import fastyaml, yamlfile\n"
        "assert fastyaml.yaml_rs is None\n"
        "print(yamlfile.parse_text('a: 1\\nb: [x]\\n', 'x.yaml').data)\n"
        "print(yamlfile.parse_text('a: 1\\na: 2\\n', 'x.yaml').problems[0].format())\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == [
        "{'a': 1, 'b': ['x']}",
        "x.yaml:2:1: YAML: the key 'a' appears twice, on line 1 and line 2: keep only one.",
    ]
    assert out.stderr == ""


def test_valid_files_are_never_read_for_positions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Positions cost a second, slower parse; only a file with problems needs them. A valid
    project is loaded without composing a single node tree (a regression once doubled the load
    time of bench/run.py: every file's id was located, problems or not)."""
    from generator import catalogue as catalogue_module

    project = tmp_path / "p"
    for rel, data in definitions(60).items():
        (project / "playbooks" / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / "playbooks" / rel).write_text(dump(data), encoding="utf-8")

    def no_positions(text: str) -> Any:
        raise AssertionError("a valid file was composed for positions")

    monkeypatch.setattr(catalogue_module, "compose", no_positions)
    loaded, problems = catalogue_module.load(project, project / "playbooks")
    assert [p for p in problems if p.severity == "error"] == []
    assert len(loaded) == 60
