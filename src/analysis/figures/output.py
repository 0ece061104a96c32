"""A chart's way out: saved byte for byte (PNG, SVG and the data plotted as CSV) and
published on its page with its downloads and its values.

``save`` writes the same bytes for the same inputs: no date or software version in the
files, fixed ids inside the SVG (``analysis.figures.style``). ``publish`` also glues the
chart, its download links and a folded table of its values into the page.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from analysis import paths
from analysis.figures.style import DPI
from analysis.markup import md_table


def output_dir() -> Path:
    """Where charts are written: ``_build/figures`` unless ``ANALYSIS_FIGURES_DIR`` says otherwise."""
    return Path(os.environ.get("ANALYSIS_FIGURES_DIR", paths.project().figures))


def save(fig, name: str, data: pd.DataFrame, out_dir: Path | None = None) -> dict[str, Path]:
    """Write ``name``.png, .svg and .csv (the data plotted); same inputs, same bytes."""
    out = Path(out_dir) if out_dir is not None else output_dir()
    out.mkdir(parents=True, exist_ok=True)
    files = {ext: out / f"{name}.{ext}" for ext in ("png", "svg", "csv")}
    fig.savefig(files["png"], dpi=DPI, metadata={"Software": None})
    fig.savefig(files["svg"], metadata={"Date": None, "Creator": None})
    data.to_csv(files["csv"], index=False, lineterminator="\n")
    return files


def download_links(files: dict[str, Path]) -> str:
    """Markdown links to a chart's files, for the page under the chart.

    Paths start with ``/``, which Sphinx reads as relative to the book's root, so the links
    work from any page; Sphinx copies the files into the built book.
    """
    root = Path(os.environ.get("ANALYSIS_PAGE_ROOT", paths.project().root)).resolve()  # a variant's page has its own

    def target(path: Path) -> str:
        path = Path(path).resolve()
        return "/" + path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()

    labels = {"png": "image (PNG)", "svg": "image (SVG)", "csv": "data plotted (CSV)"}
    links = " · ".join(f"{{download}}`{labels[ext]} <{target(files[ext])}>`" for ext in ("png", "svg", "csv"))
    return f"Download: {links}"


def values_table(csv_file: Path) -> str:
    """The rows of a chart's CSV as a Markdown table, folded in a dropdown.

    Cell for cell as written in the CSV, so the table says exactly what the download holds."""
    with open(csv_file, newline="", encoding="utf-8") as fh:
        header, *rows = list(csv.reader(fh))
    table = md_table(header, rows)
    return f":::{{dropdown}} Values plotted ({len(rows)} rows)\n{table}\n:::"


def publish(fig, key: str, data: pd.DataFrame) -> dict[str, Path]:
    """Save the chart and its data, glue it into the page under ``key``, and close it.

    Also glues ``<key>_downloads``: links to the PNG, the SVG and the CSV of the plotted
    data, for ``{glue:md}`<key>_downloads:myst``` in the chart's caption (``:myst`` parses its
    roles; the book's Sphinx extension adds the code link after them), and ``<key>_values``:
    the plotted values in a folded table, for a ``{glue:md}`` block with ``:format: myst``
    under the chart.
    """
    from IPython.display import Markdown
    from myst_nb import glue

    files = save(fig, key, data)
    glue(key, fig, display=False)
    glue(f"{key}_downloads", Markdown(download_links(files)), display=False)
    glue(f"{key}_values", Markdown(values_table(files["csv"])), display=False)
    plt.close(fig)
    return files
