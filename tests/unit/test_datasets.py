"""The loader and its errors: every bad input names the file, the line and the column."""

from __future__ import annotations

import subprocess

import pandas as pd
import pytest
import yaml

from analysis import datasets, load, paths
from analysis.datasets import DataError
from conftest import edit_csv

MILEX = "military/military_expenditure.csv"


def test_every_dataset_validates():
    assert datasets.validate_all() == {name: "ok" for name in datasets.names()}


def test_load_types_columns_from_the_schema():
    df = load("military_expenditure")
    assert str(df["year"].dtype) == "Int64"
    assert str(df["value"].dtype) == "float64"
    assert str(df["iso3"].dtype) == "string"
    assert not df.duplicated(["iso3", "year", "measure"]).any()
    # a gap stays a gap: SIPRI gives no current-dollar value for Russia in 1991
    gap = df[(df.iso3 == "RUS") & (df.year == 1991) & (df.measure == "current_usd_m")]
    assert gap["value"].isna().all() and (gap["status"] == "unavailable").all()
    assert df.attrs["sources"][0]["producer"].startswith("Stockholm International Peace Research Institute")


def test_every_resource_names_its_sources_licence_and_checksum():
    for name in datasets.names():
        res = datasets.resource(name)
        assert res["sources"], name
        for src in res["sources"]:
            assert {"title", "producer", "path", "vintage"} <= set(src), (name, src)
        assert res["licenses"], name
        assert res["hash"].startswith("sha256:") and len(res["hash"]) == len("sha256:") + 64
        assert res["schema"]["primaryKey"], name


def test_missing_column_names_file_line_and_column(data_copy):
    path = data_copy / MILEX
    df = pd.read_csv(path, dtype=str, keep_default_na=False).drop(columns=["status"])
    df.to_csv(path, index=False, lineterminator="\n")
    with pytest.raises(DataError) as err:
        load("military_expenditure")
    msg = str(err.value)
    assert "military_expenditure.csv" in msg and "line 1" in msg and "column 'status'" in msg


def test_wrong_type_names_file_line_and_column(data_copy):
    edit_csv(data_copy / MILEX, line=7, column="value", value="lots")
    with pytest.raises(DataError) as err:
        load("military_expenditure")
    msg = str(err.value)
    assert "military_expenditure.csv" in msg and "line 7" in msg and "column 'value'" in msg and "type" in msg


def test_duplicate_key_names_file_line_and_key(data_copy):
    path = data_copy / MILEX
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join(lines + [lines[5]]))
    with pytest.raises(DataError) as err:
        load("military_expenditure")
    msg = str(err.value)
    assert f"line {len(lines) + 1}" in msg and "iso3, year, measure" in msg and "duplicate key" in msg


def test_value_outside_its_constraint_names_file_line_and_column(data_copy):
    edit_csv(data_copy / "military/arms_transfers.csv", line=3, column="tiv_m", value="-5")
    with pytest.raises(DataError) as err:
        load("arms_transfers")
    msg = str(err.value)
    assert "arms_transfers.csv" in msg and "line 3" in msg and "column 'tiv_m'" in msg and "minimum" in msg


def test_value_outside_its_enum(data_copy):
    edit_csv(data_copy / MILEX, line=2, column="status", value="guessed")
    with pytest.raises(DataError, match=r"line 2.*column 'status'.*enum"):
        load("military_expenditure")


def test_checksum_mismatch_is_an_error_and_rehash_records_a_deliberate_edit(data_copy):
    path = data_copy / MILEX
    before = path.read_bytes()
    edit_csv(path, line=40, column="value", value="12345.0")
    edited = path.read_bytes()
    with pytest.raises(DataError, match="checksum mismatch"):
        load("military_expenditure")
    assert path.read_bytes() == edited != before  # validation never rewrites the file
    changed = datasets.rehash()
    assert list(changed) == ["military_expenditure"]
    assert load("military_expenditure")["value"].iloc[38] == 12345.0
    assert yaml.safe_load((data_copy / "datapackage.yaml").read_text())["resources"][0]["hash"].endswith(
        changed["military_expenditure"][1]
    )


def test_checksum_mismatch_names_the_changed_cells_in_a_git_checkout(tmp_path, monkeypatch):
    repo = tmp_path / "book"
    (repo / "data").mkdir(parents=True)
    for f in ("datapackage.yaml", MILEX, "military/arms_transfers.csv"):
        (repo / "data" / f).parent.mkdir(parents=True, exist_ok=True)
        (repo / "data" / f).write_bytes((paths.HOME.data / f).read_bytes())
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(git + ["init", "-q"], check=True)
    subprocess.run(git + ["add", "."], check=True)
    subprocess.run(git + ["commit", "-qm", "data"], check=True)
    old = edit_csv(repo / "data" / MILEX, line=12, column="value", value="999.5")
    with paths.using(paths.Project(repo)), pytest.raises(DataError) as err:
        load("military_expenditure")
    msg = str(err.value)
    assert "checksum mismatch" in msg and "line 12" in msg and "column 'value'" in msg
    assert f"changed from '{old}' to '999.5'" in msg


def test_missing_file_is_named(data_copy):
    (data_copy / MILEX).unlink()
    with pytest.raises(DataError, match="military_expenditure.csv.*file not found"):
        load("military_expenditure")


def test_unknown_dataset_lists_the_known_ones():
    with pytest.raises(KeyError, match="military_expenditure"):
        load("no_such_table")


@pytest.mark.parametrize(
    "column, value, words",
    [
        ("period", "spring 2024", "pattern"),
        ("address", "tass.com/economy/1", "pattern"),
        ("qualifier", "roughly", "enum"),
        ("value", "", "required"),
    ],
)
def test_a_bad_row_of_a_hand_compiled_table_is_named(data_copy, column, value, words):
    edit_csv(data_copy / "economy/economy_published_figures.csv", line=5, column=column, value=value)
    with pytest.raises(DataError) as err:
        load("economy_published_figures")
    msg = str(err.value)
    assert "economy_published_figures.csv" in msg and "line 5" in msg and f"column '{column}'" in msg
    assert words in msg
