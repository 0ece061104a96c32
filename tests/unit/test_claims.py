"""The claims registry: well formed, every entry evaluable, verdicts from the allowed set."""

from __future__ import annotations

import pytest
import yaml

from analysis import datasets, paths
from analysis.audit import claims


def test_registry_entries_are_complete_and_evaluable():
    entries = claims.registry()
    assert entries, "the registry is empty"
    known = set(datasets.names())
    for entry in entries:
        assert set(entry["datasets"]) <= known, entry["id"]
        assert callable(claims.evaluator(entry))
        verdict = claims.evaluate(entry["id"])
        assert verdict.verdict in claims.VERDICTS and verdict.computed and verdict.stated


def test_c24_is_registered():
    assert claims.claim("C24")["evaluate"] == "analysis.chapters.military:evaluate_c24"


def test_evaluate_all_gives_one_row_per_claim():
    table = claims.evaluate_all()
    assert list(table["id"]) == [e["id"] for e in claims.registry()]


def test_a_verdict_outside_the_four_is_refused():
    with pytest.raises(ValueError, match="not one of"):
        claims.Verdict("C99", "probably", "x", "y")


@pytest.mark.parametrize(
    "broken, message",
    [
        ({"id": "C24"}, r"claims.yaml: \d+ problem\(s\)\n  entry C24 \(#1\), field where: missing"),
        (
            {"id": "X1", "where": "p", "claim": "c", "stated": "s", "datasets": [], "evaluate": "m:f"},
            r"entry X1 \(#1\), field id: 'X1' does not match",
        ),
    ],
)
def test_malformed_registry_is_refused(data_copy, broken, message):
    (data_copy / "claims.yaml").write_text(yaml.safe_dump({"claims": [broken]}))
    assert paths.project().claims == data_copy / "claims.yaml"
    with pytest.raises(ValueError, match=message):
        claims.registry()


def test_duplicate_ids_are_refused(data_copy):
    entries = yaml.safe_load((data_copy / "claims.yaml").read_text())["claims"]
    (data_copy / "claims.yaml").write_text(yaml.safe_dump({"claims": entries + entries}))
    with pytest.raises(ValueError, match="duplicate id"):
        claims.registry()
