"""A chapter re-run with other parameters (papermill): other numbers, and the book untouched."""

from __future__ import annotations

import json
import re

import pytest

from analysis import datasets, paths
from analysis.book import variant

pytestmark = pytest.mark.build


def _glued(nb_path, key):
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            if out.get("metadata", {}).get("scrapbook", {}).get("name") == key:
                return out["data"]["application/papermill.record/text/plain"]
    raise KeyError(key)


def test_a_variant_run_changes_the_numbers_and_leaves_the_book_alone(built_book, tmp_path, monkeypatch):
    source = paths.HOME.chapters / "02_military.ipynb"
    before = datasets.sha256(source)
    charts_before = sorted((p.name, datasets.sha256(p)) for p in paths.HOME.figures.glob("*"))
    page = variant.run(
        "02_military", {"exercise_rule": "exercises only"}, name="exercises-only", progress=False, into=tmp_path
    )
    out = tmp_path / "02_military_exercises-only" / "02_military.ipynb"
    assert _glued(out, "f4_rule") == "'exercises only'"
    assert _glued(out, "f4_total") != _glued(source, "f4_total")  # fewer events under the narrower rule
    # the variant's page: its own numbers, and its own chart files behind the download links
    text = page.read_text(encoding="utf-8")
    assert page.name == "02_military.html" and "exercises only" in text
    csv = out.parent / "_build" / "figures" / "f4_joint_exercises.csv"
    href = re.search(r'href="([^"]+/f4_joint_exercises\.csv)"', text).group(1)
    assert (page.parent / href).read_bytes() == csv.read_bytes()
    # the book is not touched: its notebook, its charts
    assert datasets.sha256(source) == before
    assert sorted((p.name, datasets.sha256(p)) for p in paths.HOME.figures.glob("*")) == charts_before


def test_a_variant_refuses_an_unknown_parameter_and_names_the_known_ones():
    with pytest.raises(variant.VariantError, match="no parameter spending.*exercise_rule"):
        variant.parse_values([("spending", "constant_usd_m")], "02_military")
    assert variant.parse_values([("first_year", "2010")], "02_military") == {"first_year": 2010}
    with pytest.raises(variant.VariantError, match="no chapter '99_nothing'"):
        variant.parameters("99_nothing")
