"""What a notebook puts on its page besides charts: numbers and words, glued by name.

A chapter's code computes; its prose says how to show the number, with MyST-NB's formatted
glue: ``{glue:text}`f5_ratio_last:.1f``` writes the value glued as ``f5_ratio_last`` with one
decimal. So a code cell ends with one call,

>>> glue_values(f5_ratio_last=ratio[last_year], f5_last_year=last_year)  # doctest: +SKIP

and the formatting lives where the reader sees it.
"""

from __future__ import annotations

import html
from urllib.parse import urlsplit


def plain(value):
    """A NumPy or pandas scalar as the Python number it holds (its text then reads ``3.2``, not
    ``np.float64(3.2)``, which the formatted glue could not parse); anything else unchanged."""
    item = getattr(value, "item", None)
    return item() if callable(item) and getattr(value, "ndim", None) == 0 else value


def glue_values(**values) -> None:
    """Glue each keyword's value under its name, for ``{glue:text}`` in the page's prose."""
    from myst_nb import glue

    for key, value in values.items():
        glue(key, plain(value), display=False)


class Table:
    """A table for readers, shown as HTML: no index column, headers in words, numbers rounded,
    gaps shown as a dash, addresses as links, dates as dates. Every cell is HTML-escaped.

    An ``explorable`` table (a long source list) can be sorted, filtered and paged on the page:
    ``_static/explorable.js`` hands it to DataTables, bundled with the book; without JavaScript,
    and in the PDF, it stays a whole table."""

    def __init__(
        self,
        frame,
        decimals: int | dict | None = None,
        names: dict | None = None,
        explorable: bool = False,
        caption: str | None = None,
    ):
        self.frame = frame.reset_index(drop=True)
        self.decimals = decimals
        self.names = names or {}
        self.explorable = explorable
        self.caption = caption

    def _header(self, column) -> str:
        text = self.names.get(column, str(column).replace("_", " "))
        return text[:1].upper() + text[1:]

    def _cell(self, column, value) -> str:
        import pandas as pd

        value = plain(value)
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return "—"
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, pd.Timestamp):
            value = value.strftime("%Y-%m-%d") if value == value.normalize() else value.isoformat()
        if isinstance(value, float):
            places = self.decimals.get(column) if isinstance(self.decimals, dict) else self.decimals
            return f"{value:,.{places}f}" if places is not None else f"{value:.6g}"
        text = str(value)
        if text.startswith(("https://", "http://")) and " " not in text:  # the site's name links to the page
            address = html.escape(text, quote=True)
            site = html.escape(urlsplit(text).hostname or text).removeprefix("www.")
            return f'<a href="{address}" title="{address}">{site}</a>'
        if len(text) <= 12 and " " not in text:  # a date, a code, a count: kept on one line
            return f'<span class="nowrap">{html.escape(text)}</span>'
        return html.escape(text)

    def __repr__(self) -> str:  # the notebook's plain-text output: stable from run to run
        return f"Table of {len(self.frame)} rows: {', '.join(self._header(c) for c in self.frame.columns)}"

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(self._header(c))}</th>" for c in self.frame.columns)
        rows = "".join(
            "<tr>"
            + "".join(f"<td>{self._cell(c, v)}</td>" for c, v in zip(self.frame.columns, row, strict=True))
            + "</tr>"
            for row in self.frame.itertuples(index=False, name=None)
        )
        classes = "book-table explorable" if self.explorable else "book-table"
        caption = f"<caption>{html.escape(self.caption)}</caption>" if self.caption else ""
        return f'<table class="{classes}">{caption}<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def table(frame, **options) -> Table:
    """``frame`` as a table for readers: :class:`Table`, whose arguments (``decimals``, ``names``,
    ``explorable``, ``caption``) ``options`` passes on."""
    return Table(frame, **options)
