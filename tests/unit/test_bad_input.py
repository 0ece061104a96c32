"""Bad and hostile input, each case once: one clear message naming where and what, nothing lost,
and a command that touches only what it names."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import datasets, load, paths
from analysis.audit import assessments
from analysis.book import build as book_build
from analysis.book import variant
from analysis.cli import main
from analysis.datasets import DataError
from analysis.evidence.registries import RegistryError
from conftest import edit_csv

MILEX = "military/military_expenditure.csv"
MEMBERS = "governance/organisation_membership.csv"
EXERCISES = "military/joint_exercises.csv"


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# --------------------------------------------------------------------------------------
# A command touches only what it names


def test_writing_one_table_records_its_checksum_and_no_other(data_copy):
    edit_csv(data_copy / MILEX, line=5, column="value", value="1.5")  # an unreviewed edit elsewhere
    datasets.write_table("arms_transfers", load("arms_transfers"))
    with pytest.raises(DataError, match="military_expenditure.csv.*checksum mismatch"):
        load("military_expenditure")  # still refused: ingest did not vouch for it


def test_the_ingest_command_records_only_its_table(data_copy, tmp_path):
    import json

    edit_csv(data_copy / MILEX, line=5, column="value", value="1.5")
    answer = (
        paths.HOME.root / "tests/fixtures/upstream/api.worldbank.org/v2/country/CHN;RUS;USA/indicator/MS.MIL.XPND.CD"
    )
    json.loads(answer.read_text(encoding="utf-8"))
    assert main(["ingest", "wdi_military_expenditure", str(answer)]) == 0
    assert datasets.validate_all()["military_expenditure"] != "ok"


def test_rehash_refuses_a_table_that_fails_its_schema_and_records_nothing(data_copy, capsys):
    edit_csv(data_copy / MILEX, line=7, column="year", value="nineteen")
    before = (data_copy / "datapackage.yaml").read_bytes()
    assert main(["data", "rehash"]) == 2
    err = capsys.readouterr().err
    assert "military_expenditure.csv, line 7" in err and "column 'year'" in err and "'nineteen'" in err
    assert (data_copy / "datapackage.yaml").read_bytes() == before


# --------------------------------------------------------------------------------------
# The schema and the rules beside it


@pytest.mark.parametrize(
    "path, column, value, message",
    [
        (MEMBERS, "iso3", "XYZ", "'XYZ' is not a world_countries iso3 (foreign key)"),
        (EXERCISES, "start_date", "2023-13-45", "'2023-13-45' is not a real date"),
        (EXERCISES, "start_date", "2019-02-30", "'2019-02-30' is not a real date"),
        (EXERCISES, "year", "2011", "is not the year of start_date"),
        ("economy/economy_published_figures.csv", "value", "-3", 'constraint "minimum"'),
        ("military/military_published_figures.csv", "value", "150", "is not a share within 0-100"),
        (EXERCISES, "note", "x" * 1001, 'constraint "maxLength"'),
    ],
    ids=["foreign-key", "month-13", "february-30", "year-vs-date", "negative", "share-over-100", "too-long"],
)
def test_an_impossible_value_is_named_with_its_row(data_copy, path, column, value, message):
    line = 3
    if path.endswith("military_published_figures.csv"):
        rows = (data_copy / path).read_text(encoding="utf-8").splitlines()
        line = next(i for i, r in enumerate(rows, 1) if ",%" in r or ',"%' in r)
    edit_csv(data_copy / path, line=line, column=column, value=value)
    name = next(r["name"] for r in datasets.data_package()["resources"] if r["path"] == path)
    problems = [str(p) for p in datasets.schema_problems(name)]
    assert any(f"line {line}" in p and f"column '{column}'" in p and message in p for p in problems), problems


def test_a_header_without_rows_is_refused(data_copy):
    path = data_copy / MEMBERS
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="header but no data row"):
        load("organisation_membership")


def test_bytes_that_are_not_utf8_are_named_by_line(data_copy):
    path = data_copy / MILEX
    lines = path.read_bytes().split(b"\n")
    lines[9] = lines[9].replace(b"China", b"Ch\xe9na")
    path.write_bytes(b"\n".join(lines))
    with pytest.raises(DataError, match=r"line 10 .*not UTF-8: byte\(s\) b'\\xe9'"):
        load("military_expenditure")


def test_a_long_list_of_errors_says_it_was_cut(data_copy):
    path = data_copy / datasets.resource("world_countries")["path"]
    rows = path.read_text(encoding="utf-8").splitlines()
    bad = [r.rsplit(",", 1)[0] + ",north" for r in rows[1:1500]]  # 1,499 latitudes that are not numbers
    path.write_text("\n".join([rows[0], *bad]) + "\n", encoding="utf-8")
    problems = [str(p) for p in datasets.schema_problems("world_countries")]
    assert "there may be more" in problems[-1]
    with pytest.raises(DataError, match=r"… and \d+ more"):
        load("world_countries")


def test_a_descriptor_path_leaving_data_is_refused(data_copy):
    text = (data_copy / "datapackage.yaml").read_text(encoding="utf-8")
    (data_copy / "datapackage.yaml").write_text(text.replace(f"path: {MILEX}", "path: ../../etc/hostname"), "utf-8")
    with pytest.raises(DataError, match="path '../../etc/hostname' of dataset military_expenditure leaves data/"):
        load("military_expenditure")


# --------------------------------------------------------------------------------------
# Registries and parameters


def test_a_wrongly_typed_parameter_is_named(data_copy):
    path = data_copy / "assessments.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    na1 = next(e for e in doc["assessments"] if e["id"] == "NA1")
    name = next(iter(na1["parameters"]))
    na1["parameters"][name] = "a word"
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RegistryError, match=rf"entry NA1, field parameters.{name}: 'a word' is not"):
        assessments.read("NA1")


def test_a_variant_parameter_of_the_wrong_kind_is_named():
    with pytest.raises(variant.VariantError, match="parameter last_year: 'abc' is not of the kind of its default"):
        variant.parse_values([("last_year", "abc")], "02_military")


def test_a_variant_stays_in_variants(tmp_path):
    with pytest.raises(variant.VariantError, match="no chapter '../chapters/00_introduction'"):
        variant.run("../chapters/00_introduction", {}, name="x", into=tmp_path)
    with pytest.raises(variant.VariantError, match="variant name"):
        variant.run("00_introduction", {}, name="../x", into=tmp_path)


# --------------------------------------------------------------------------------------
# The command line: one message, no traceback unless --debug


@pytest.mark.parametrize(
    "argv, words",
    [
        (["run", "../chapters/00_introduction", "--name", "x"], "no chapter"),
        (["run", "02_military", "-p", "first_year", "soon", "--no-page"], "parameter first_year"),
        (["ingest", "military_expenditure", "/no/such/workbook.xlsx"], "/no/such/workbook.xlsx"),
    ],
    ids=["run-outside", "run-type", "missing-file"],
)
def test_a_user_error_is_one_message_without_traceback(argv, words, capsys, data_copy):
    before = _digest(data_copy)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and words in err and "Traceback" not in err
    assert _digest(data_copy) == before


@pytest.mark.parametrize("value", ["0", "-5", "soon"])
def test_a_timeout_must_be_a_positive_number_of_seconds(value, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["refresh", "military_expenditure", "--timeout", value])
    assert exit_.value.code == 2 and "argument --timeout:" in capsys.readouterr().err


def test_debug_shows_the_traceback():
    with pytest.raises(variant.VariantError):
        main(["--debug", "run", "../chapters/00_introduction"])


def test_a_copied_checkout_is_not_built_through_the_original(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "_config.yml").write_text("title: a copy\n", encoding="utf-8")
    with pytest.raises(book_build.BuildError, match=f"you are in {tmp_path}"):
        book_build.check_checkout(tmp_path / "src")
    book_build.check_checkout(paths.HOME.root / "chapters")  # the checkout itself


def test_validate_exits_non_zero_naming_the_corrupted_table(data_copy, capsys):
    edit_csv(data_copy / MEMBERS, line=4, column="since", value="someday")
    assert main(["data", "validate"]) == 1
    captured = capsys.readouterr()
    assert "organisation_membership.csv, line 4 (data row 3), column 'since'" in captured.err
    assert "military_expenditure: ok" in captured.out


# --------------------------------------------------------------------------------------
# Generated corruptions of every kind: always file, line and column, and nothing rewritten

SMALL = ["military_expenditure", "organisation_membership", "unsc_vetoes", "china_russia_trade_by_section"]


@st.composite
def corruption(draw):
    name = draw(st.sampled_from(SMALL))
    res = datasets.resource(name)
    fields = res["schema"]["fields"]
    kind = draw(
        st.sampled_from(["type", "missing-column", "extra-column", "duplicate", "bound", "encoding", "truncate"])
    )
    return (
        name,
        kind,
        draw(st.integers(min_value=0, max_value=len(fields) - 1)),
        draw(st.integers(min_value=2, max_value=20)),
    )


def _corrupt(path: Path, res: dict, kind: str, field: int, line: int) -> tuple[int | None, str | None]:
    """Corrupt the file; return the line and column the message must name (None: not by line)."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    fields = res["schema"]["fields"]
    numeric = [i for i, f in enumerate(fields) if f.get("type") in ("number", "integer", "year")]
    if kind in ("type", "bound") and numeric:
        col = numeric[field % len(numeric)]
        rows[line - 1][col] = "n/a!" if kind == "type" else "-99999999"
        expected = (line, fields[col]["name"])
    elif kind == "missing-column":
        col = field
        rows = [r[:col] + r[col + 1 :] for r in rows]
        expected = (1, None)
    elif kind == "extra-column":
        rows = [r + (["surplus"] if i else ["surplus_column"]) for i, r in enumerate(rows)]
        expected = (1, None)
    elif kind == "duplicate":
        rows.insert(line, rows[line - 1])
        expected = (line + 1, None)
    elif kind == "encoding":
        text = "\n".join(",".join(f'"{c}"' if "," in c else c for c in r) for r in rows).encode() + b"\n"
        lines = text.split(b"\n")
        lines[line - 1] = lines[line - 1] + b"\xff"
        path.write_bytes(b"\n".join(lines))
        return line, None
    else:  # truncated in the middle of a row
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows[:line])
        path.write_text(out.getvalue()[: -len(out.getvalue().splitlines()[-1]) // 2 - 1], encoding="utf-8")
        return None, None
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return expected


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=corruption())
def test_any_corruption_is_named_by_file_line_and_column_and_nothing_is_rewritten(data_copy, case):
    name, kind, field, line = case
    res = datasets.resource(name)
    path = data_copy / res["path"]
    original = path.read_bytes()
    try:
        expected_line, expected_column = _corrupt(path, res, kind, field, line)
        corrupted = path.read_bytes()
        others = {k: v for k, v in _digest(data_copy).items() if k != res["path"]}
        with pytest.raises(DataError) as err:
            load(name)
        text = str(err.value)
        assert res["path"] in text
        if expected_line is not None:
            assert f"line {expected_line}" in text, (kind, text)
        if expected_column is not None:
            assert f"column '{expected_column}'" in text, (kind, text)
        assert path.read_bytes() == corrupted  # nothing rewritten, nothing lost
        assert {k: v for k, v in _digest(data_copy).items() if k != res["path"]} == others
    finally:
        path.write_bytes(original)
