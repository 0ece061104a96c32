"""The house style of every chart, and its deterministic save.

- One palette for the whole book: China and Russia keep their colours on every chart. The
  colours (Okabe–Ito vermillion and blue, black, grey) stay distinct under the three common
  forms of colour-blindness; ``tests/test_palette.py`` checks it by simulation.
- Explicit figure sizes, one font shipped with matplotlib (DejaVu Sans), so the same
  inputs draw the same pixels on any machine with the same environment.
- Every chart carries a source line (:func:`source_line`); ``analysis.figures.output``
  saves it byte for byte and publishes it on its page.
"""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib.ticker import MaxNLocator

PALETTE = {
    "CHN": "#D55E00",  # vermillion
    "RUS": "#0072B2",  # blue
    "USA": "#000000",  # black: green merged with the grey of "World" for deuteranopes (tests/test_palette.py)
    "WLD": "#7F7F7F",  # grey
}
LABELS = {"CHN": "China", "RUS": "Russia", "USA": "United States", "WLD": "World"}
SIZES = {"full": (8.0, 4.5), "wide": (9.0, 4.0), "half": (5.0, 3.6), "tall": (9.0, 6.0)}
DPI = 150
SOURCE_SIZE = 8


def use_style() -> None:
    """Apply the house style to matplotlib (idempotent)."""
    sns.set_theme(context="notebook", style="whitegrid", font="DejaVu Sans")
    matplotlib.rcParams.update(
        {
            "figure.dpi": DPI,
            "savefig.dpi": DPI,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.titlesize": 13,
            "axes.titleweight": "bold",
            "axes.titlelocation": "left",
            "legend.frameon": False,
            "svg.hashsalt": "china-russia-book",  # fixed ids inside the SVG
            "svg.fonttype": "none",  # text kept as text, so a label can be edited in the SVG
        }
    )


def new(size: str = "full", title: str | None = None, ncols: int = 1):
    """A new figure and axes (an array of ``ncols`` axes side by side) of one of the house sizes."""
    use_style()
    fig, ax = plt.subplots(figsize=SIZES[size], ncols=ncols)
    if title:
        ax.set_title(title)
    return fig, ax


def source_line(ax, text: str) -> None:
    """Name the source of the chart's data: :func:`analysis.figures.output.save` writes it in
    the chart's footer, with the licence and how to cite it, and in the files' metadata."""
    ax.figure.book_sources = [*getattr(ax.figure, "book_sources", []), text]


def line_chart(ax, wide: pd.DataFrame, ylabel: str, markers: bool = True) -> None:
    """One line per column of ``wide`` (index: year), in each country's colour."""
    for code in wide.columns:
        ax.plot(
            wide.index,
            wide[code],
            color=PALETTE.get(code),
            label=LABELS.get(code, code),
            marker="o" if markers else None,
            markersize=3.5,
            linewidth=2,
        )
    ax.set_ylabel(ylabel)
    ax.set_xlabel("")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="upper left")


def bars(
    ax,
    years,
    values,
    color: str,
    label: str,
    approximate=None,
    offset: float = 0.0,
    width: float = 0.8,
    approximate_label: str = "approximate",
) -> None:
    """Bars by year; bars flagged in ``approximate`` are hatched and paler, and labelled so."""
    years, values = list(years), list(values)
    approx = [False] * len(years) if approximate is None else list(approximate)
    exact_x = [y + offset for y, a in zip(years, approx, strict=False) if not a]
    exact_v = [v for v, a in zip(values, approx, strict=False) if not a]
    if exact_x:
        ax.bar(exact_x, exact_v, width=width, color=color, label=label)
    if any(approx):
        ax.bar(
            [y + offset for y, a in zip(years, approx, strict=False) if a],
            [v for v, a in zip(values, approx, strict=False) if a],
            width=width,
            color=color,
            alpha=0.45,
            hatch="///",
            edgecolor="white",
            linewidth=0,
            label=f"{label} ({approximate_label})",
        )


def stacked_bars(ax, years, layers) -> None:
    """Stacked bars by year; ``layers`` is a list of (label, values, colour), bottom first."""
    bottom = None
    for label, values, color in layers:
        values = pd.Series(list(values), index=list(years), dtype=float)
        ax.bar(values.index, values, bottom=bottom, color=color, label=label, width=0.8)
        bottom = values if bottom is None else bottom + values


# Colours for categories (product groups, kinds of event): the Okabe–Ito colours that are not a
# country's, so vermillion and blue always mean China and Russia; "Other" is a light grey.
CATEGORY_COLOURS = ["#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#7A5195"]
OTHER = "#BBBBBB"


def category_colours(names) -> dict[str, str]:
    """A colour for each category (at most five, and "Other"), never a country's colour."""
    names = list(names)
    named = [n for n in names if n != "Other"]
    if len(named) > len(CATEGORY_COLOURS):
        raise ValueError(f"{len(named)} categories: group them into at most {len(CATEGORY_COLOURS)} and Other")
    colours = dict(zip(named, CATEGORY_COLOURS, strict=False))
    return {n: colours.get(n, OTHER) for n in names}


def largest(wide: pd.DataFrame, n: int = 4, other: str = "Other") -> pd.DataFrame:
    """The ``n`` columns of ``wide`` with the largest totals, largest first, and the rest summed
    into ``other`` (an ``other`` column of ``wide`` joins the rest)."""
    ranked = wide.drop(columns=[other], errors="ignore").sum().sort_values(ascending=False).index
    kept = list(ranked[:n])
    rest = wide.drop(columns=kept)
    return wide[kept].assign(**{other: rest.sum(axis=1, min_count=1)}) if len(rest.columns) else wide[kept]


def stacked_by_year(ax, wide: pd.DataFrame, years) -> None:
    """Stack the columns of ``wide`` (index: year) over ``years``; a year without data is labelled so."""
    present = [y for y in years if y in wide.index]
    colours = category_colours(wide.columns)
    stacked_bars(ax, present, [(c, wide.loc[present, c], colours[c]) for c in wide.columns])
    missing = [y for y in years if y not in wide.index]
    for y in missing:
        ax.annotate(
            "no data",
            xy=(y, 0),
            xytext=(0, 4),
            textcoords="offset points",
            rotation=90,
            ha="center",
            va="bottom",
            fontsize=SOURCE_SIZE,
            color="#444444",
        )
    ax.set_xticks(list(years))
    ax.set_xlim(min(years) - 0.6, max(years) + 0.6)


def broken_at_gaps(series: pd.Series, longest) -> pd.Series:
    """``series`` with a gap (NaN) placed between two observations further apart than
    ``longest``, so a line drawn through it does not bridge the missing stretch."""
    steps = series.index.to_series().diff()
    starts = series.index[steps > longest]
    breaks = pd.Series(float("nan"), index=starts - (steps[steps > longest] / 2).to_numpy())
    return pd.concat([series, breaks]).sort_index()


def points(ax, x, y, color: str, label: str, marker: str = "o") -> None:
    """Single figures (quoted estimates, statements) as hollow markers without a line, so they
    do not read as a measured series."""
    ax.plot(
        list(x),
        list(y),
        linestyle="none",
        marker=marker,
        markersize=7,
        markerfacecolor="white",
        markeredgecolor=color,
        markeredgewidth=1.8,
        label=label,
    )


def reference(ax, value: float, label: str, color: str = "#444444") -> None:
    """A dashed horizontal line at a value the report states, labelled at its right end."""
    ax.axhline(value, color=color, linestyle="--", linewidth=1.2)
    ax.annotate(
        label,
        xy=(1, value),
        xycoords=("axes fraction", "data"),
        xytext=(-4, 4),
        textcoords="offset points",
        ha="right",
        va="bottom",
        fontsize=SOURCE_SIZE,
        color=color,
    )


def world_map(
    ax, outlines: pd.DataFrame, fill: dict, default: str = "#E6E6E6", edge: str = "white", lat_range=(-58, 84)
) -> None:
    """Draw country outlines (a table of iso3, part, ring, lon, lat) in plate carrée, each
    country filled with ``fill[iso3]`` or ``default``; the frame holds the filled countries
    with a margin, not the whole world."""
    from matplotlib.collections import PolyCollection

    polygons, colours = [], []
    for (iso3, _part, _ring), pts in outlines.groupby(["iso3", "part", "ring"], sort=True):
        polygons.append(pts[["lon", "lat"]].to_numpy())
        colours.append(fill.get(iso3, default))
    ax.add_collection(PolyCollection(polygons, facecolors=colours, edgecolors=edge, linewidths=0.3))
    filled = outlines[outlines["iso3"].isin(list(fill))]
    beyond = filled.groupby(["iso3", "part"])["lon"].transform("max") < -165  # Russia's east, past 180°
    filled, margin = filled[~beyond], 12
    ax.set_xlim(max(-180, filled["lon"].min() - margin), min(180, filled["lon"].max() + margin))
    ax.set_ylim(max(lat_range[0], filled["lat"].min() - margin), min(lat_range[1], filled["lat"].max() + margin))
    ax.set_aspect("equal")
    ax.set_axis_off()
