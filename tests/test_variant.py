"""A chapter re-run with other parameters (papermill): other numbers, and the book untouched."""

from __future__ import annotations

import json

import papermill
import pytest

from analysis import datasets, paths

pytestmark = pytest.mark.build


def _glued(nb_path, key):
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            if out.get("metadata", {}).get("scrapbook", {}).get("name") == key:
                return out["data"]["application/papermill.record/text/plain"]
    raise KeyError(key)


def test_a_variant_run_changes_the_numbers_and_leaves_the_book_alone(tmp_path, monkeypatch):
    source = paths.CHAPTERS / "02_military.ipynb"
    before = datasets.sha256(source)
    monkeypatch.setenv("ANALYSIS_FIGURES_DIR", str(tmp_path / "figures"))
    out = tmp_path / "02_military_exercises_only.ipynb"
    papermill.execute_notebook(str(source), str(out), parameters={"exercise_rule": "exercises only"},
                               cwd=str(paths.CHAPTERS), progress_bar=False, kernel_name="python3")
    assert _glued(out, "f4_rule") == "'exercises only'"
    assert _glued(out, "f4_total") != _glued(source, "f4_total")  # fewer events under the narrower rule
    assert (tmp_path / "figures" / "f4_joint_exercises.png").exists()
    assert datasets.sha256(source) == before  # the book's notebook is not rewritten
