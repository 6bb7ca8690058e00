"""Every case of the hostile-input corpus, read in Polish: the whole output is a golden file a
Polish reader can review in one go (``tests/golden/messages/hostile.pl.txt``), and no message
is left in English.

The English outputs are pinned case by case by tests/test_hostile_corpus.py; this runs the same
cases with the messages in Polish, without the bounds on time and memory.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator.tr import set_language
from tests.hostile import Case, all_cases, run_cli, set_up

GOLDEN = Path(__file__).resolve().parent / "golden" / "messages" / "hostile.pl.txt"

#: Words that only an English sentence has (Polish messages quote YAML keys, ids and values,
#: which are taken out before this looks).
_ENGLISH = re.compile(
    r"\b(the|is|are|was|this|that|with|write|expected|must|cannot|can't|should|found|error|errors"
    r"|file|files|field|here|which|there|not|does|only|one of|from|into|than|but|and|or|of)\b"
)
#: What a message may hold that is not its own words: quoted text, code, paths, URLs.
_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|`[^`\n]*`|‘[^’\n]*’|“[^”\n]*”|„[^”\n]*”|\S*[/\\]\S*|https?://\S+")
#: Jinja's and Python's own words about a broken project template, which a message quotes.
_THEIRS = re.compile(r"\([^()]* is (?:unsafe|undefined)\)|\b[A-Z]\w*Error: .*$")
#: ``file:line:col: where:`` before the message.
_LOCATION = re.compile(r"^.*?:\d+:\d+:(?: [^ :]*:)? ")


@pytest.fixture(scope="module")
def polish_outputs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    set_language("pl")
    try:
        outputs = {}
        for case in all_cases():
            base = tmp_path_factory.mktemp("case")
            root = set_up(case, base / "project")
            outputs[case.name] = run_cli(root, case.command, base / "out", trace=False).err
        yield outputs
    finally:
        set_language(None)


def _english_in(line: str) -> list[str]:
    message = _QUOTED.sub(" ", _THEIRS.sub(" ", _LOCATION.sub("", line, count=1)))
    return _ENGLISH.findall(message)


def test_the_corpus_in_polish_matches_its_golden_file(
    polish_outputs: dict[str, str], golden: Callable[[Path, str], None]
) -> None:
    text = "".join(f"=== {name}\n{err}" for name, err in polish_outputs.items())
    golden(GOLDEN, text)


def test_no_message_of_the_corpus_is_left_in_english(polish_outputs: dict[str, str]) -> None:
    leaks = [f"{name}: {line}" for name, err in polish_outputs.items()
             for line in err.splitlines() if _english_in(line)]
    assert leaks == [], "\n".join(leaks)


def test_the_check_for_english_finds_english() -> None:
    """The test above can fail: an English message is found, its Polish one is not."""
    assert _english_in("a.yaml:3:5: title: expected text, but this is a number (12).")
    assert not _english_in("a.yaml:3:5: title: oczekiwano tekstu, a to jest liczba (12).")
    assert not _english_in("a.yaml:3:5: steps: nieznane pole 'the owner'. Czy chodziło o 'owner'?")


def test_every_case_is_read(polish_outputs: dict[str, str]) -> None:
    cases: list[Case] = all_cases()
    assert len(polish_outputs) == len(cases) >= 80
    assert all(err.strip() for err in polish_outputs.values())
