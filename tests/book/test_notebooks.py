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


def _shows_something(output) -> bool:
    """Whether an output appears on the page (glued values are stored but not shown)."""
    if output.get("output_type") == "stream":
        return bool(output.get("text", "").strip())
    return any(not mime.startswith("application/papermill.record") for mime in output.get("data", {}))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_a_cell_that_shows_nothing_is_left_off_the_page(path):
    """It stays in the notebook; a chart's cell stays on the page, folded, for "the cell that drew it"."""
    nb = nbformat.read(path, as_version=4)
    for cell in (c for c in nb.cells if c.cell_type == "code"):
        silent = not any(_shows_something(o) for o in cell.outputs) and "publish(" not in cell.source
        assert ("remove-cell" in cell.metadata.get("tags", [])) == silent, cell.source[:80]


def test_the_book_cites_itself():
    import tomllib

    import yaml

    cff = yaml.safe_load((paths.HOME.root / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0" and cff["title"] and cff["authors"] and cff["message"]
    version = tomllib.loads((paths.HOME.root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert cff["version"] == version


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
