"""Figures quoted from public pages, and how the book cites them.

Two hand-compiled tables share one layout: ``economy_published_figures`` (chapter 1) and
``military_published_figures`` (chapter 2).

These are other people's numbers (ministers, central banks, research institutes), kept with
their hedging (``qualifier``) and address. Chapters use them where no public database
reaches, and say so.
"""

from __future__ import annotations

import calendar
import re

import pandas as pd

from analysis.datasets import load

QUALIFIER_WORDS = {"about": "about ", "more than": "over ", "less than": "under ", "up to": "up to "}


def period_label(period: str) -> str:
    """'2023-01..10' → 'Jan–Oct 2023', '2022-02-01' → '1 Feb 2022', '2011..2018' → '2011–2018'."""
    month = lambda m: calendar.month_abbr[int(m)]  # noqa: E731
    if m := re.fullmatch(r"(\d{4})-(\d{2})\.\.(\d{2})", period):
        return f"{month(m[2])}–{month(m[3])} {m[1]}"
    if m := re.fullmatch(r"(\d{4})\.\.(\d{4})", period):
        return f"{m[1]}–{m[2]}"
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", period):
        return f"{int(m[3])} {month(m[2])} {m[1]}"
    if m := re.fullmatch(r"(\d{4})-(\d{2})", period):
        return f"{month(m[2])} {m[1]}"
    if m := re.fullmatch(r"(\d{4})-mid", period):
        return f"mid-{m[1]}"
    if m := re.fullmatch(r"(\d{4})-(H[12]|Q[1-4])", period):
        return f"{m[2]} {m[1]}"
    return period


def figures(
    indicator: str, data: pd.DataFrame | None = None, dataset: str = "economy_published_figures"
) -> pd.DataFrame:
    """The rows of one indicator, oldest first (by year, then period)."""
    d = load(dataset) if data is None else data
    rows = d[d["indicator"] == indicator].copy()
    rows["qualifier"] = rows["qualifier"].fillna("")
    rows["note"] = rows["note"].fillna("")
    return rows.sort_values(["year", "period"], ignore_index=True)


def for_year(
    indicator: str, year: int, data: pd.DataFrame | None = None, dataset: str = "economy_published_figures"
) -> pd.DataFrame:
    """The figures of an indicator that refer to ``year`` (whole-year and part-year ones)."""
    rows = figures(indicator, data, dataset)
    return rows[rows["year"] == year].reset_index(drop=True)


def latest(
    indicator: str,
    data: pd.DataFrame | None = None,
    dataset: str = "economy_published_figures",
    strongest: bool = False,
) -> pd.Series:
    """The most recent figure of an indicator; within its year, a whole-year figure over a part-year one.
    Among several such figures, the last listed, or with ``strongest`` the one from the strongest kind
    of source (``analysis.evidence.grading``)."""
    rows = figures(indicator, data, dataset)
    rows = rows[rows["year"] == rows["year"].max()]
    whole = rows[rows["period"] == rows["year"].astype(str)]
    rows = whole if not whole.empty else rows
    if strongest:
        from analysis.evidence.grading import rank

        return rows.iloc[rows["source_kind"].map(rank).argsort(kind="stable")].iloc[0]
    return rows.iloc[-1]


def describe(row, unit: str | None = None) -> str:
    """One figure as the book writes it: 'about 39 % (2025, Gaidar Institute, via TASS)'."""
    unit = row["unit"] if unit is None else unit
    number = f"{row['value']:g}"
    amount = f"US$ {number} {unit[4:]}" if unit.startswith("US$ ") else f"{number} {unit}"
    return f"{QUALIFIER_WORDS.get(row['qualifier'], '')}{amount} ({period_label(row['period'])}, {row['reported_by']})"


def table(indicators, data: pd.DataFrame | None = None, dataset: str = "economy_published_figures") -> pd.DataFrame:
    """A readable table of several indicators: what, when, value, who said it, where."""
    frames = [figures(i, data, dataset) for i in indicators]
    rows = pd.concat(frames, ignore_index=True)
    rows["value"] = [
        f"{QUALIFIER_WORDS.get(q, '')}{v:g}" for q, v in zip(rows["qualifier"], rows["value"], strict=False)
    ]
    rows["period"] = rows["period"].map(period_label)
    return rows[["indicator", "period", "value", "unit", "reported_by", "address"]]
