"""The registry of net assessments and its readings."""

from __future__ import annotations

import pytest
import yaml

from analysis.audit import assessments


def test_every_registered_assessment_reads_to_an_allowed_value():
    for entry in assessments.registry():
        r = assessments.read(entry["id"])
        assert r.reading in assessments.READINGS and r.id == entry["id"]
        assert r.evidence and r.rule


def test_parameters_change_the_reading():
    assert assessments.read("NA1").reading == "supported"
    assert assessments.read("NA1", times=50).reading == "qualified"  # China would need to weigh 50 times more


def _rewrite(data_copy, mutate):
    path = data_copy / "assessments.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    mutate(doc["assessments"])
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")


def test_an_entry_without_a_function_is_qualitative(data_copy):
    def drop(entries):
        entries[0].pop("evaluate")
        entries[0]["why_qualitative"] = "a judgement of intentions"

    _rewrite(data_copy, drop)
    r = assessments.read("NA1")
    assert r.reading == "qualitative" and r.evidence == "a judgement of intentions"


def test_the_registry_refuses_duplicates_and_missing_keys(data_copy):
    _rewrite(data_copy, lambda e: e.append(dict(e[0])))
    with pytest.raises(ValueError, match=r"assessments.yaml: 1 problem\(s\)\n  entry NA1 \(#18\), field id: duplicate"):
        assessments.registry()
    _rewrite(data_copy, lambda e: (e.pop(), e[0].pop("chapter")))
    with pytest.raises(ValueError, match=r"entry NA1 \(#1\), field chapter: missing"):
        assessments.registry()


def test_a_reading_outside_the_four_is_refused():
    with pytest.raises(ValueError, match="not one of"):
        assessments.Reading("NA1", "plausible", "", "")
