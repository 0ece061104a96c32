"""Re-run one chapter with other parameters and build a page for it, apart from the book.

    python -m analysis run 02_military -p exercise_rule "exercises only" --name exercises-only

The chapter runs with papermill into ``variants/<chapter>_<name>/`` (git-ignored): the
executed notebook, its charts and their data under ``_build/figures``, and an HTML page
under ``_build/html``. The book's own notebooks, charts and cache are not touched.
"""

from __future__ import annotations

import ast
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
    """The chapters a variant can be made of: the notebooks of ``chapters/`` in the table of contents."""
    from analysis.book.execute import toc_documents

    return sorted(
        d.removeprefix("chapters/")
        for d in toc_documents()
        if re.fullmatch(r"chapters/[\w.-]+", d) and (paths.project().root / f"{d}.ipynb").exists()
    )


def parameters(chapter: str) -> dict[str, str]:
    """The chapter's parameters and their defaults, as its ``parameters`` cell writes them."""
    import papermill

    found = papermill.inspect_notebook(str(_source(chapter)))
    return {name: p["default"] for name, p in found.items()}


def _source(chapter: str) -> Path:
    if chapter not in chapters():
        raise VariantError(f"no chapter {chapter!r}; the chapters are: {', '.join(chapters())}")
    return paths.project().chapters / f"{chapter}.ipynb"


def parse_values(pairs: list[tuple[str, str]], chapter: str) -> dict:
    """``-p name value`` pairs, values read as YAML (``2010`` is a number, ``exercises only`` text)."""
    known = parameters(chapter)
    unknown = [name for name, _ in pairs if name not in known]
    if unknown:
        raise VariantError(
            f"{chapter} has no parameter {', '.join(unknown)}; its parameters are: "
            + "; ".join(f"{k} = {v}" for k, v in known.items())
        )
    values = {name: yaml.safe_load(value) for name, value in pairs}
    for name, value in values.items():
        default = _literal(known[name])
        if not _same_kind(value, default):
            raise VariantError(
                f"parameter {name}: {value!r} is not of the kind of its default {known[name]} "
                f"({type(default).__name__})"
            )
    return values


def _literal(text: str):
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return None  # a default that is an expression: any value is passed on


def _same_kind(value, default) -> bool:
    if default is None:
        return True
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float))
    if isinstance(default, (list, tuple)):
        return isinstance(value, (list, tuple))
    return isinstance(value, type(default))


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
    root = into or paths.project().variants
    folder = root / f"{chapter}_{name}"
    if not folder.resolve().is_relative_to(Path(root).resolve()):
        raise VariantError(f"variant {chapter}_{name} would be written outside {paths.relative(root)}")
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
