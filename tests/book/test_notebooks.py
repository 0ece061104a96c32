"""The committed notebooks: executed top to bottom in one kernel, with a parameters cell.

nbval (run over chapters/ by the same pytest command) re-executes each notebook and compares
its outputs, glued numbers included, with the ones stored here.
"""

from __future__ import annotations

import nbformat
import pytest

from analysis import paths

NOTEBOOKS = sorted(paths.HOME.chapters.rglob("*.ipynb"))
CHAPTER_NOTEBOOKS = [nb for nb in NOTEBOOKS if nb.parent == paths.HOME.chapters]


def test_there_are_notebooks():
    assert CHAPTER_NOTEBOOKS, "no chapter notebook found"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_outputs_come_from_one_clean_run(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code" and c.source.strip()]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    for cell in code:
        assert not [o for o in cell.outputs if o.output_type == "error"], cell.source[:80]
        assert not [o for o in cell.outputs if o.get("name") == "stderr"], cell.source[:80]


@pytest.mark.parametrize("path", CHAPTER_NOTEBOOKS, ids=lambda p: p.name)
def test_chapters_have_a_parameters_cell_first(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", []), "papermill needs the first code cell tagged 'parameters'"
