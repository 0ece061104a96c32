"""A chart's way out: saved byte for byte (PNG, SVG and the data plotted as CSV) and
published on its page with its downloads and its values.

``save`` writes the same bytes for the same inputs: no date or software version in the
files, fixed ids inside the SVG (``analysis.figures.style``). ``publish`` also glues the
chart, its download links and a folded table of its values into the page.
"""

from __future__ import annotations

import csv
import json
import os
from functools import lru_cache
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import yaml
from PIL import Image

from analysis import paths
from analysis.figures import layout
from analysis.markup import escape, md_table


def output_dir() -> Path:
    """Where charts are written: ``_build/figures`` unless ``ANALYSIS_FIGURES_DIR`` says otherwise."""
    return Path(os.environ.get("ANALYSIS_FIGURES_DIR", paths.project().figures))


LICENCE = "CC BY 4.0 (the chart); the data keep the terms of their producers"


@lru_cache(maxsize=1)
def _book() -> tuple[str, str]:
    """The book's title and version, as ``CITATION.cff`` gives them."""
    cff = yaml.safe_load((paths.project().root / "CITATION.cff").read_text(encoding="utf-8"))
    return cff["title"], str(cff["version"])


def citation(name: str) -> str:
    """How to cite one chart."""
    title, version = _book()
    return f"{title}, version {version}, chart {name}."


def _title(fig) -> str:
    if fig.get_suptitle():
        return fig.get_suptitle()
    titles = (ax.get_title(loc) for ax in fig.axes for loc in ("left", "center", "right"))
    return next((t for t in titles if t), "")


def readable(column) -> str:
    """A column's name as a header for readers: ``tiv_m_rus_to_chn`` reads "Tiv m rus to chn"."""
    text = str(column).replace("_", " ")
    return text[:1].upper() + text[1:]


def rounded(data: pd.DataFrame, digits: int = 4) -> pd.DataFrame:
    """Floats to ``digits`` significant figures (whole numbers kept whole), so the CSV reads
    ``42.79``, not ``42.789953651000005``; the published figures behind them have fewer."""

    def one(value):
        if pd.isna(value) or value == 0:
            return value
        return round(value, max(0, digits - 1 - int(np.floor(np.log10(abs(value))))))

    floats = data.select_dtypes("float").columns
    return data.assign(**{c: data[c].map(one) for c in floats}) if len(floats) else data


def _csv_metadata(name: str, data: pd.DataFrame, title: str, source: str) -> dict:
    """A CSV on the Web description of the plotted data: what, from where, on what terms, how to cite."""
    kinds = {"i": "integer", "u": "integer", "f": "number", "b": "boolean"}
    return {
        "@context": "http://www.w3.org/ns/csvw",
        "url": f"{name}.csv",
        "dc:title": title or name,
        "dc:source": source,
        "dc:license": LICENCE,
        "dc:bibliographicCitation": citation(name),
        "tableSchema": {
            "columns": [
                {"name": str(c), "titles": readable(c), "datatype": kinds.get(data[c].dtype.kind, "string")}
                for c in data.columns
            ]
        },
    }


def renditions(name: str) -> dict[str, str]:
    """A chart's image files by role: ``full``, the page's chart at twice the screen density
    (the download and the full-size image); ``page``, the same at 1x; ``phone`` and
    ``phone2x``, the phone's chart at 1x and 2x. The page serves them (``analysis.book.sphinxext``)."""
    return {
        "full": f"{name}.png",
        "page": f"{name}-page.png",
        "phone": f"{name}-phone.png",
        "phone2x": f"{name}-phone@2x.png",
    }


DENSITIES = {"page": ("page", "full"), "phone": ("phone", "phone2x")}  # each width's roles at 1x and 2x


def save(fig, name: str, data: pd.DataFrame, out_dir: Path | None = None) -> dict[str, Path]:
    """Write the chart for the page and for a phone (``analysis.figures.layout``), and the data
    plotted; same inputs, same bytes.

    - ``name.png`` (the page's chart at twice the screen density: the download and the
      full-size image) and ``name.svg``, its text kept as text;
    - ``name-page.png``, ``name-phone.png`` and ``name-phone@2x.png``, served by the page
      (``srcset``), with their sizes and smallest text in ``name.renditions.json``;
    - ``name.csv`` and its CSV on the Web description, ``name.csv-metadata.json``.

    Every image carries the chart's title, its source, the licence and how to cite it, in its
    footer and in its metadata.
    """
    out = Path(out_dir) if out_dir is not None else output_dir()
    out.mkdir(parents=True, exist_ok=True)
    files = {ext: out / f"{name}.{ext}" for ext in ("png", "svg", "csv")}
    files["json"] = out / f"{name}.csv-metadata.json"
    title, sources = _title(fig), getattr(fig, "book_sources", [])
    source = " ".join(sources)
    about = {"Title": title, "Source": source, "Description": citation(name)}
    png = {"Software": None, "Copyright": LICENCE, **about}
    footer = layout.footer_text(sources, LICENCE, citation(name))
    images, sizes = renditions(name), {}
    for width in (layout.PAGE, layout.PHONE):
        layout.fit(fig, width, footer)
        for density, role in enumerate(DENSITIES[width.name], start=1):
            fig.savefig(out / images[role], dpi=density * layout.SCREEN_DPI, metadata=png)
        if width is layout.PAGE:
            fig.savefig(files["svg"], metadata={"Date": None, "Creator": None, "Rights": LICENCE, **about})
        pixels = Image.open(out / images[DENSITIES[width.name][0]]).size
        sizes[width.name] = {
            "width": pixels[0],
            "height": pixels[1],
            "smallest_text_px": round(layout.smallest_text(fig) * layout.SCREEN_DPI / 72, 2),
        }
    (out / f"{name}.renditions.json").write_text(json.dumps(sizes, indent=1) + "\n", encoding="utf-8")
    data = rounded(data)
    data.to_csv(files["csv"], index=False, lineterminator="\n")
    metadata = json.dumps(_csv_metadata(name, data, title, source), indent=1, ensure_ascii=False)
    files["json"].write_text(metadata + "\n", encoding="utf-8")
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

    labels = {"png": "image (PNG)", "svg": "image (SVG)", "csv": "data plotted (CSV)", "json": "its description (JSON)"}
    links = " · ".join(f"{{download}}`{labels[ext]} <{target(files[ext])}>`" for ext in labels if ext in files)
    cite = f" Cite this chart: {escape(citation(Path(files['png']).stem))}" if "png" in files else ""
    return f"Download: {links}.{cite}"


def values_table(csv_file: Path) -> str:
    """The rows of a chart's CSV as a Markdown table, folded in a dropdown.

    Cell for cell as written in the CSV, so the table says exactly what the download holds; the
    headers are the columns' names made readable."""
    with open(csv_file, newline="", encoding="utf-8") as fh:
        header, *rows = list(csv.reader(fh))
    table = md_table([readable(c) for c in header], rows)
    return f":::{{dropdown}} Values plotted ({len(rows)} rows)\n{table}\n:::"


def publish(fig, key: str, data: pd.DataFrame) -> dict[str, Path]:
    """Save the chart and its data, glue it into the page under ``key``, and close it.

    Also glues ``<key>_downloads``: links to the PNG, the SVG and the CSV of the plotted
    data, for ``{glue:md}`<key>_downloads:myst``` in the chart's caption (``:myst`` parses its
    roles; the book's Sphinx extension adds the code link after them), and ``<key>_values``:
    the plotted values in a folded table, for a ``{glue:md}`` block with ``:format: myst``
    under the chart.
    """
    from IPython.display import Image as Picture
    from IPython.display import Markdown
    from myst_nb import glue

    files = save(fig, key, data)
    glue(key, Picture(filename=files["png"].with_name(f"{key}-page.png")), display=False)
    glue(f"{key}_downloads", Markdown(download_links(files)), display=False)
    glue(f"{key}_values", Markdown(values_table(files["csv"])), display=False)
    plt.close(fig)
    return files
