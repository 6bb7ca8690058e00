"""Values files: every problem at file:line:col, and the commented file `playbook sla values` writes.

The bad values files are a folder of cases, ``tests/cases/sla/values/<case>.yaml``, each with the
exact output expected from ``playbook sla fill`` in ``<case>.expected`` (rewritten by
``pytest --update-golden``; review the diff). A case starting with ``# template: small-sla`` is
checked against the small test template instead of the example project's SLA.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator.cli import main
from generator.sla import values
from generator.sla.fill import fill
from generator.sla.spec import compile_spec
from generator.yamlfile import parse_text
from tests.projects import make_project

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).parent / "cases" / "sla"
BAD = sorted((CASES / "values").glob("*.yaml"))


@pytest.fixture(scope="module")
def small_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("small")
    return make_project(root / "p", {"playbooks/slas/small.yaml": (CASES / "small.yaml").read_text()})


@pytest.fixture
def in_cases(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(CASES / "values")
    yield CASES / "values"


def fill_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("case", BAD, ids=[p.stem for p in BAD])
def test_bad_values_file(case: Path, in_cases: Path, small_project: Path,
                         capsys: pytest.CaptureFixture[str],
                         golden: Callable[[Path, str], None]) -> None:
    small = case.read_text(encoding="utf-8").startswith("# template: small-sla")
    project, ident = (small_project, "small-sla") if small else (ROOT, "marketing-sales-sla")
    code, out, err = fill_cli(capsys, "--project", str(project), "sla", "fill", ident,
                              "--values", case.name)
    assert code == 1
    assert out == ""
    assert "Traceback" not in err
    golden(case.with_suffix(".expected"), err)


def test_the_complete_example_fills(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "q1.md"
    code, _out, err = fill_cli(capsys, "--project", str(ROOT), "sla", "fill", "marketing-sales-sla",
                               "--values", str(ROOT / "examples" / "q1-2027.yaml"), "--out",
                               str(out_file))
    assert code == 0, err
    text = out_file.read_text(encoding="utf-8")
    assert "minimum to **134\u00a0leady MQL**" in text  # 1 200 000 / 30 000 / 25% / 40% / 3, rounded up
    assert "Cykl przeglądów:\n**co miesiąc**." in text  # a choice inside a sentence: not its label
    assert "| Przegląd umowy | Co miesiąc |" in text  # the annex's cell: the label


def test_a_value_cut_short_at_a_hash_is_said(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """`company_name: ACME #1` fills the agreement with 'ACME' (YAML reads '#1' as a comment):
    the agreement is made, and the CLI says what it read."""
    values_file = tmp_path / "q1.yaml"
    example = (ROOT / "examples" / "q1-2027.yaml").read_text(encoding="utf-8")
    values_file.write_text(example.replace("company_name: ACME sp. z o.o.", "company_name: ACME #1 sp. z o.o."),
                           encoding="utf-8")
    code, _out, err = fill_cli(capsys, "--project", str(ROOT), "sla", "fill", "marketing-sales-sla",
                               "--values", str(values_file), "--out", str(tmp_path / "q1.md"))
    assert code == 0, err
    assert f"{values_file}:7:20: company_name: warning: the value ends before '#1 sp. z o.o.'" in err
    assert "**ACME**" in (tmp_path / "q1.md").read_text(encoding="utf-8")


def test_a_values_file_is_not_written_among_the_definitions(
    capsys: pytest.CaptureFixture[str], small_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by fuzzing: 'sla values ID --out playbooks/slas/q1.yaml' wrote it, and from then on
    the project did not load ("kind: this field is required" about the values file), 'sla fill'
    with that very file included."""
    monkeypatch.chdir(small_project)
    code, out, err = fill_cli(capsys, "sla", "values", "small-sla", "--out", "playbooks/slas/q1.yaml")
    assert (code, out) == (1, "")
    assert err == ("--out: playbooks/slas/q1.yaml is inside the folder of the definitions "
                   "(playbooks/), where every YAML file is read as a definition; write the values "
                   "file somewhere else, like --out q1.yaml.\n")
    assert not (small_project / "playbooks" / "slas" / "q1.yaml").exists()
    assert fill_cli(capsys, "check")[0] == 0


def test_values_file_round_trip(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    """`sla values` writes every parameter; filled in, it is accepted as it is."""
    monkeypatch.chdir(tmp_path)
    code, _out, err = fill_cli(capsys, "--project", str(ROOT), "sla", "values", "marketing-sales",
                               "--out", "v.yaml", "--lang", "en")
    assert code == 0, err
    text = (tmp_path / "v.yaml").read_text(encoding="utf-8")
    assert "# Revenue target per quarter (amount in PLN, at least 1; optional)\n" in text
    assert "# How much the company must sell in a quarter" in text
    assert "\nrevenue_target: 1200000\n" in text
    assert "\ncompany_name:\n" in text
    # A default written per language is shown, not given: the file (written in English here)
    # fills a Polish agreement with the Polish text.
    assert ("# Left empty, it is the default text in the agreement's language; in English it reads (copy it\n"
            "# to change it):\n#   - the company is in our target group") in text
    assert "\nlead_definition:\n" in text
    # Left as written, the three required values are reported, each at its own line.
    code, _out, err = fill_cli(capsys, "--project", str(ROOT), "sla", "fill", "marketing-sales-sla",
                               "--values", "v.yaml")
    assert code == 1
    lines = err.splitlines()
    assert [line.split(": ")[1] for line in lines[:-1]] == [
        "company_name", "marketing_signatory", "sales_signatory", "effective_date"]
    assert lines[-1] == "Found 4 errors in 1 file."
    filled = (text.replace("\ncompany_name:\n", '\ncompany_name: "ACME"\n')
              .replace("\nmarketing_signatory:\n", "\nmarketing_signatory: Anna\n")
              .replace("\nsales_signatory:\n", "\nsales_signatory: Jan\n")
              .replace("\neffective_date:\n", "\neffective_date: 2027-01-01\n"))
    (tmp_path / "v.yaml").write_text(filled, encoding="utf-8")
    code, out, err = fill_cli(capsys, "--project", str(ROOT), "sla", "fill", "marketing-sales-sla",
                              "--values", "v.yaml", "--lang", "en")
    assert code == 0, err
    assert out.startswith("# Service level agreement between marketing and sales\n")
    assert "- the company is in our target group" in out.replace("\\-", "-")
    code, out, err = fill_cli(capsys, "--project", str(ROOT), "sla", "fill", "marketing-sales-sla",
                              "--values", "v.yaml", "--lang", "pl")
    assert code == 0, err
    assert "- firma z naszej grupy docelowej" in out.replace("\\-", "-")
    # An existing file is not overwritten.
    code, _out, err = fill_cli(capsys, "--project", str(ROOT), "sla", "values",
                               "marketing-sales-sla", "--out", "v.yaml")
    assert code == 1 and "already exists" in err
    assert (tmp_path / "v.yaml").read_text(encoding="utf-8") == filled


@pytest.mark.parametrize(
    "value",
    ["plain", "ACME \"quoted\" \\ back", "line one\nline two", "  leading", "trailing  \nx",
     "tab\there", "x\n", "\nx", "unicode: zażółć 😀", "# not a comment",
     "key: value", "- dash", "[1, 2]", "{a: b}", "*alias", "&anchor", "!tag", "null", "true",
     "2027-01-01", "0012", "1e3", "'single'", "%percent", "@at", "`tick`", "|", ">", ""],
)
def test_yaml_scalar_reads_back(value: str) -> None:
    text = "x:" + values.yaml_scalar(value) + "\n"
    parsed = parse_text(text, "t.yaml")
    assert parsed.problems == ()
    assert parsed.data == {"x": value}


@pytest.mark.parametrize("written", ['! 12', '! "12"', "! true", "! ~", "!  x"])
def test_the_non_specific_tag_makes_text(written: str) -> None:
    """YAML's ``!`` means "no particular type": text, whether the value is quoted or not
    (libyaml reports ``! "12"`` as a plain scalar; it was read as the number 12)."""
    parsed = parse_text(f"x: {written}\n", "t.yaml")
    assert parsed.problems == ()
    assert parsed.data == {"x": written.split(maxsplit=1)[1].strip('"')}


@pytest.mark.parametrize("value", [0, -3, 1200000, 0.25, 1e-06, 123456789012345.6,
                                   [1, 2.5], {"amount": 10, "currency": "EUR"},
                                   ["a@b.pl", "line\nbreak"]])
def test_yaml_scalar_reads_back_other_values(value: object) -> None:
    text = "x:" + values.yaml_scalar(value) + "\n"
    assert parse_text(text, "t.yaml").data == {"x": value}


def test_values_file_of_given_values_reads_back() -> None:
    from generator.catalogue import load

    catalogue, _problems = load(ROOT, ROOT / "playbooks")
    spec = compile_spec(catalogue.get("marketing-sales-sla").definition, "pl")  # type: ignore[union-attr,arg-type]
    given = {"company_name": "ACME", "lead_definition": "- fits\n# not: a key", "marketing_signatory": "A", "sales_signatory": "B",
             "effective_date": "2027-01-01", "contact_emails": ["a@b.pl"],
             "revenue_target": 1000.5, "review_cadence": "none"}
    text = values.values_file(spec, given)
    data = parse_text(text, "v.yaml").data
    assert {k: v for k, v in data.items() if v is not None} == given
    assert fill(spec, data)[1] == []


def test_every_case_has_its_expected_output() -> None:
    """Adding a case means adding two files; no expected output is left without its case."""
    expected = sorted((CASES / "values").glob("*.expected"))
    assert [p.stem for p in expected] == [p.stem for p in BAD]
    assert len(BAD) >= 12


def test_cli_list_and_mistakes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _err = fill_cli(capsys, "--project", str(ROOT), "sla", "list")
    assert code == 0
    assert out.startswith("marketing-sales-sla  Umowa o poziomie usług między marketingiem a sprzedażą "
                          "(14 parameters; playbooks/slas/marketing-sales-sla.yaml)")
    example = str(ROOT / "examples" / "q1-2027.yaml")
    for argv, message in [
        (["nope", "--values", example],
         "There is no SLA template 'nope'. The SLA templates are: marketing-sales-sla.\n"),
        (["marketing", "--values", example],
         "'marketing' is a team, not an SLA template. Did you mean 'marketing-sales-sla'? "
         "The SLA templates are: marketing-sales-sla.\n"),
        (["marketing-sales-sla", "--values", str(tmp_path / "none.yaml")],
         f"{tmp_path / 'none.yaml'}: the values file does not exist.\n"),
        (["marketing-sales-sla", "--values", example, "--format", "pdf"],
         "--out: a pdf file cannot be printed; name the file, like --out sla.pdf.\n"),
        (["marketing-sales-sla", "--values", example, "--out", str(tmp_path)],
         f"--out: {tmp_path} is a folder; name a file in it.\n"),
        (["marketing-sales-sla", "--values", example, "--out", example],
         "--out: this is the values file itself; choose another file.\n"),
        # A folder that does not exist, written as one, is not written as a file of that name.
        (["marketing-sales-sla", "--values", example, "--out", f"{tmp_path / 'out'}/"],
         f"--out: {tmp_path / 'out'}/ names a folder; name a file in it, like {tmp_path / 'out'}/sla.md.\n"),
        (["marketing-sales-sla", "--values", example, "--format", "md", "--out", str(tmp_path / "x.pdf")],
         f"--out: {tmp_path / 'x.pdf'} names a pdf file, but --format is md: name it like sla.md, or "
         "leave --format out.\n"),
        (["marketing-sales-sla", "--values", example, "--out", str(tmp_path / "nowhere" / "x.pdf")],
         f"--out: the folder {tmp_path / 'nowhere'} does not exist; create it first, or name a file "
         "in a folder that does.\n"),
    ]:
        code, out, err = fill_cli(capsys, "--project", str(ROOT), "sla", "fill", *argv)
        assert (code, out, err) == (1, "", message)
    assert not (tmp_path / "nowhere").exists() and not (tmp_path / "x.pdf").exists()
    assert not (tmp_path / "out").exists()
    code, out, err = fill_cli(capsys, "--project", str(ROOT), "sla", "fill", "marketing-sales",
                              "--values", example, "--out", str(tmp_path / "a.docx"))
    assert code == 0
    assert err == ("Using the SLA template 'marketing-sales-sla'.\n"
                   f"Wrote {tmp_path / 'a.docx'} (docx, pl): 7 clauses of 'marketing-sales-sla'.\n")
    assert (tmp_path / "a.docx").read_bytes().startswith(b"PK")
