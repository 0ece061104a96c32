"""The three registries: one JSON Schema, errors that name the file, the entry and the field,
only registered evaluators, each claim's tables exactly those it reads, and YAML written
back with its comments."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml

from analysis import datasets, paths
from analysis.audit import assessments, claims
from analysis.datasets import provenance
from analysis.evidence import registries
from conftest import edit_csv


def _edit(path, change) -> None:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")


def test_the_book_s_registries_follow_the_schema():
    assert registries.validate_all() == {f"data/{k}.yaml": [] for k in registries.KINDS}


@pytest.mark.parametrize(
    "kind, change, expected",
    [
        ("claims", lambda d: d["claims"][3].pop("stated"), "entry C04 (#4), field stated: missing (required)"),
        ("claims", lambda d: d["claims"][0].update(report_notes=[92]), "entry C01 (#1), field report_notes.0:"),
        ("claims", lambda d: d["claims"][1].update(surprise=1), "entry C02 (#2): unknown field"),
        ("assessments", lambda d: d["assessments"][0].pop("why_this_choice"), "entry NA1 (#1), field why_this_choice"),
        ("recommendations", lambda d: d["recommendations"][0]["rests_on"].append("NA99"), "unknown assessment NA99"),
        ("claims", lambda d: d["claims"][0]["datasets"].append("no_such_table"), "no dataset 'no_such_table'"),
    ],
    ids=["missing", "out-of-range", "unknown-field", "conditional", "recommendation-reference", "dataset-reference"],
)
def test_a_broken_entry_is_named_by_file_entry_and_field(data_copy, kind, change, expected):
    _edit(data_copy / f"{kind}.yaml", change)
    found = registries.problems(kind)
    assert len(found) == 1 and found[0].startswith(f"{paths.relative(data_copy / kind)}.yaml, "), found
    assert expected in found[0]
    with pytest.raises(registries.RegistryError, match="1 problem"):
        registries.entries(kind)


def test_a_yaml_syntax_error_names_the_line(data_copy):
    text = (data_copy / "claims.yaml").read_text(encoding="utf-8")
    (data_copy / "claims.yaml").write_text(text.replace("  - id: C02", "  - id: [C02", 1), encoding="utf-8")
    [problem] = registries.problems("claims")
    assert "claims.yaml, line " in problem and "not valid YAML" in problem


def test_make_validate_checks_the_registries_too(tmp_path):
    """``data validate`` (what ``make validate`` runs) fails on a registry error and names it."""
    data = tmp_path / "data"
    shutil.copytree(paths.HOME.data, data)
    _edit(data / "assessments.yaml", lambda d: d["assessments"][2].pop("chapter"))
    code = (
        "import sys; from analysis import paths; from analysis.cli import main;"
        f"ctx = paths.data_at({str(data)!r}); ctx.__enter__(); sys.exit(main(['data', 'validate']))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "assessments.yaml, entry NA3 (#3), field chapter: missing (required)" in result.stderr
    assert "military_expenditure: ok" in result.stdout


def test_only_a_registered_evaluator_can_be_named(data_copy):
    _edit(data_copy / "claims.yaml", lambda d: d["claims"][0].update(evaluate="analysis.paths:project"))
    with pytest.raises(registries.RegistryError, match=r"entry C01, field evaluate: .* not a registered evaluator"):
        claims.evaluate("C01")
    _edit(data_copy / "assessments.yaml", lambda d: d["assessments"][0].update(evaluate="os:system"))
    [problem] = registries.problems("assessments")
    assert "entry NA1 (#1), field evaluate: 'os:system' does not match" in problem


def _tables_read(evaluate) -> set[str]:
    """The tables of data/ an evaluation reads, as the build records them."""
    files = {r["path"]: r["name"] for r in datasets.data_package()["resources"]}
    saved, provenance._seen = provenance._seen, set()
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "reads.log"
        os.environ[provenance.ENV] = str(log)
        try:
            evaluate()
            return {files[key] for key in provenance.recorded(log) if key in files}
        finally:
            del os.environ[provenance.ENV]
            provenance._seen = saved


def _declared_but_not_read() -> dict[str, dict]:
    wrong = {}
    for entry in claims.registry():
        read = _tables_read(lambda e=entry: claims.evaluate(e["id"]))
        if read != set(entry["datasets"]):
            wrong[entry["id"]] = {"declared": sorted(entry["datasets"]), "read": sorted(read)}
    return wrong


def test_each_claim_declares_exactly_the_tables_it_reads():
    assert _declared_but_not_read() == {}


def test_a_table_declared_but_not_read_is_caught(data_copy):
    _edit(data_copy / "claims.yaml", lambda d: d["claims"][25]["datasets"].append("world_countries"))
    wrong = _declared_but_not_read()
    assert list(wrong) == ["C26"] and "world_countries" not in wrong["C26"]["read"]


def test_each_rule_based_assessment_reads_tables():
    for entry in assessments.registry():
        if entry.get("evaluate"):
            assert _tables_read(lambda e=entry: assessments.read(e["id"])), entry["id"]


def test_rehash_writes_back_one_checksum_and_keeps_every_comment(data_copy):
    before = (data_copy / "datapackage.yaml").read_text(encoding="utf-8")
    edit_csv(data_copy / "military" / "military_expenditure.csv", line=40, column="value", value="12345.0")
    changed = datasets.rehash()
    after = (data_copy / "datapackage.yaml").read_text(encoding="utf-8")
    assert list(changed) == ["military_expenditure"]
    removed = [line for line in before.splitlines() if line not in after.splitlines()]
    assert len(before.splitlines()) == len(after.splitlines()) and len(removed) == 1 and "hash: sha256:" in removed[0]
    assert [c for c in before.splitlines() if c.lstrip().startswith("#")] == [
        c for c in after.splitlines() if c.lstrip().startswith("#")
    ]
