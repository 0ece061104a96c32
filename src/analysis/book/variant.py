"""Re-run one chapter with other parameters and build a page for it, apart from the book.

    python -m analysis run 02_military -p exercise_rule "exercises only" --name exercises-only

The chapter runs with papermill into ``variants/<chapter>_<name>/`` (git-ignored): the
executed notebook, its charts and their data under ``_build/figures``, and an HTML page
under ``_build/html``. The book's own notebooks, charts and cache are not touched.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from unittest import mock

import yaml

from analysis import paths


class VariantError(ValueError):
    pass


def chapters() -> list[str]:
    return sorted(p.stem for p in paths.project().chapters.glob("*.ipynb"))


def parameters(chapter: str) -> dict[str, str]:
    """The chapter's parameters and their defaults, as its ``parameters`` cell writes them."""
    import papermill

    found = papermill.inspect_notebook(str(_source(chapter)))
    return {name: p["default"] for name, p in found.items()}


def _source(chapter: str) -> Path:
    path = paths.project().chapters / f"{chapter}.ipynb"
    if not path.exists():
        raise VariantError(f"no chapter {chapter!r}; the chapters are: {', '.join(chapters())}")
    return path


def parse_values(pairs: list[tuple[str, str]], chapter: str) -> dict:
    """``-p name value`` pairs, values read as YAML (``2010`` is a number, ``exercises only`` text)."""
    known = parameters(chapter)
    unknown = [name for name, _ in pairs if name not in known]
    if unknown:
        raise VariantError(
            f"{chapter} has no parameter {', '.join(unknown)}; its parameters are: "
            + "; ".join(f"{k} = {v}" for k, v in known.items())
        )
    return {name: yaml.safe_load(value) for name, value in pairs}


def run(
    chapter: str,
    values: dict,
    name: str = "variant",
    page: bool = True,
    progress: bool = True,
    into: Path | None = None,
) -> Path:
    """Execute ``chapter`` with ``values`` into ``variants/`` (or the folder ``into``); return
    the page (or the notebook)."""
    import papermill

    source = _source(chapter)
    if not re.fullmatch(r"[\w.-]+", name):
        raise VariantError(f"variant name {name!r}: use letters, digits, '-', '_' or '.'")
    folder = (into or paths.project().variants) / f"{chapter}_{name}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    notebook = folder / source.name
    env = {"ANALYSIS_FIGURES_DIR": str(folder / "_build" / "figures"), "ANALYSIS_PAGE_ROOT": str(folder)}
    with mock.patch.dict(os.environ, env):  # the kernel inherits them: charts go to the variant's folder
        papermill.execute_notebook(
            str(source),
            str(notebook),
            parameters=values,
            cwd=str(paths.project().chapters),
            progress_bar=progress,
            kernel_name="python3",
        )
    return build_page(notebook) if page else notebook


def build_page(notebook: Path) -> Path:
    """One HTML page for an executed notebook, with the book's theme and settings, not executed again."""
    from analysis.book.build import jupyter_book_command

    folder = notebook.parent
    config = yaml.safe_load((paths.project().root / "_config.yml").read_text(encoding="utf-8"))
    config["execute"]["execute_notebooks"] = "off"
    config["only_build_toc_files"] = False
    config["title"] = f"{config['title']}: variant {folder.name}"
    (folder / "_config.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    cmd = [jupyter_book_command(), "build", str(notebook), "--config", str(folder / "_config.yml"), "--quiet"]
    result = subprocess.run(cmd, cwd=folder, capture_output=True, text=True)
    built = folder / "_build" / "_page" / notebook.stem / "html"
    if result.returncode != 0 or not (built / "index.html").exists():
        raise RuntimeError(
            f"the page of {paths.relative(notebook)} did not build:\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
        )
    target = folder / "_build" / "html"
    shutil.rmtree(target, ignore_errors=True)
    shutil.move(str(built), target)
    return target / f"{notebook.stem}.html"
