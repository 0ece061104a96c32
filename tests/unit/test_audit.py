"""The reviewer's appendix: every claim and assessment once, verdicts computed, recommendations tied to evidence."""

from __future__ import annotations

import re

import pytest
import yaml

from analysis import audit
from analysis.audit import assessments, claims, recommendations


def test_the_registries_have_no_gaps():
    ids = [int(e["id"][1:]) for e in claims.registry() if e["id"].startswith("C")]
    assert ids == list(range(1, len(ids) + 1)), "claims must run C01, C02, … without a gap"
    further = [int(e["id"][1:]) for e in claims.registry() if e["id"].startswith("X")]
    assert further == sorted(set(further)), "further statements keep the catalogue's order, each once"
    na = [int(e["id"][2:]) for e in assessments.registry()]
    assert na == list(range(1, len(na) + 1)), "assessments must run NA1, NA2, … without a gap"


def test_markdown_links_each_row_to_its_box_and_shows_a_badge():
    md = audit.markdown(audit.claims_table(), ["id", "verdict", "chapter"])
    lines = md.splitlines()[2:]
    assert len(lines) == len([e for e in claims.registry() if e["id"].startswith("C")])
    for line in lines:
        cid = re.match(r"\| \{ref\}`(C\d\d) <claim-c\d\d>`", line).group(1)  # the id links to its box
        assert re.search(rf"\{{ref\}}`[^<]+, {cid} <claim-{cid.lower()}>`", line), line  # and so does the page
        assert re.search(r"\{bdg-(success|warning|danger|secondary)\}`", line), line
    assert "\\|" in audit.markdown(audit.claims_table().assign(id="a|b"), ["id"])  # a pipe cannot break the table


def test_recommendations_rest_on_known_assessments(data_copy):
    assert {e["id"] for e in recommendations.registry()} == {f"R{i}" for i in range(1, 6)}
    path = data_copy / "recommendations.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["recommendations"][0]["rests_on"].append("NA99")
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    with pytest.raises(ValueError, match="NA99"):
        recommendations.registry()
