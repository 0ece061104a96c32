"""Charts: the house style (``style``) and a chart's way onto its page (``output``).

>>> from analysis import figures
>>> fig, ax = figures.new("full")
"""

from analysis.figures.layout import subtitle
from analysis.figures.output import (
    download_links,
    output_dir,
    publish,
    save,
    values_table,
)
from analysis.figures.style import (
    DPI,
    LABELS,
    PALETTE,
    SIZES,
    SOURCE_SIZE,
    bars,
    broken_at_gaps,
    category_colours,
    largest,
    line_chart,
    new,
    points,
    reference,
    source_line,
    stacked_bars,
    stacked_by_year,
    use_style,
    world_map,
)

__all__ = [
    "DPI",
    "LABELS",
    "PALETTE",
    "SIZES",
    "SOURCE_SIZE",
    "bars",
    "broken_at_gaps",
    "category_colours",
    "largest",
    "download_links",
    "line_chart",
    "new",
    "output_dir",
    "points",
    "publish",
    "reference",
    "save",
    "source_line",
    "stacked_bars",
    "stacked_by_year",
    "subtitle",
    "use_style",
    "values_table",
    "world_map",
]
