"""Chapter 1, economic asymmetry: bilateral trade.

Small pure functions from the curated tables to the numbers and tidy frames the chapter
shows; each takes its data as an argument (defaulting to the book's table).
"""

from __future__ import annotations

import pandas as pd

from analysis.claims import Verdict
from analysis.datasets import load

FLOWS = ["exports", "imports", "total"]


def trade(data: pd.DataFrame | None = None) -> pd.DataFrame:
    """China-reported trade with Russia, US$ bn: one row per year, columns exports, imports,
    total and source (of the total); only the preferred value of each year and flow."""
    d = load("china_russia_trade") if data is None else data
    d = d[d["preferred"]]
    wide = d.pivot(index="year", columns="flow", values="value_usd_bn").reindex(columns=FLOWS)
    wide["source"] = d[d["flow"] == "total"].set_index("year")["source"]
    wide.index = wide.index.astype(int)
    wide.columns.name = None
    return wide


def growth_pct(series: pd.Series, start: int, end: int) -> float:
    """Percentage change of ``series`` from year ``start`` to year ``end``."""
    return float(100 * (series[end] / series[start] - 1))


def growth_windows(series: pd.Series, windows) -> pd.DataFrame:
    """Growth over each (start, end) window that the data cover."""
    rows = [(s, e, series[s], series[e], growth_pct(series, s, e)) for s, e in windows
            if s in series.index and e in series.index]
    return pd.DataFrame(rows, columns=["from", "to", "start_usd_bn", "end_usd_bn", "growth_pct"])


def evaluate_c03(window=(2021, 2025), stated_pct: float = 70.0, tolerance_pp: float = 10.0,
                 data: pd.DataFrame | None = None) -> Verdict:
    """C03: trade grew by about 70 % over the five years from 2021."""
    total = trade(data)["total"].dropna()
    g = growth_pct(total, *window)
    gap = g - stated_pct
    verdict = "reproduced" if abs(gap) <= tolerance_pp else ("differs" if g > 0 else "contradicted")
    others = growth_windows(total, [(2020, 2025), (2021, 2024), (2020, 2024)])
    alt = "; ".join(f"{r['from']}–{r['to']}: {r['growth_pct']:+.0f} %" for _, r in others.iterrows())
    return Verdict("C03", verdict, f"about +{stated_pct:.0f} %",
                   f"{window[0]}–{window[1]}: {g:+.0f} % (US$ {total[window[0]]:.1f} bn to {total[window[1]]:.1f} bn)",
                   f"Other windows: {alt}. Tolerance ±{tolerance_pp:.0f} percentage points.")


def evaluate_c06(years=(2023, 2025), stated_usd_bn: float = 240.0, tolerance_pct: float = 10.0,
                 data: pd.DataFrame | None = None) -> Verdict:
    """C06: trade of about US$ 240 bn a year in recent years."""
    total = trade(data)["total"].dropna()
    recent = total.loc[years[0]:years[1]]
    off = (recent / stated_usd_bn - 1).abs() * 100
    verdict = "reproduced" if (off <= tolerance_pct).all() else "differs"
    values = ", ".join(f"{y}: {v:.1f}" for y, v in recent.items())
    return Verdict("C06", verdict, f"about US$ {stated_usd_bn:.0f} bn", f"US$ bn {values}",
                   f"Each year within ±{tolerance_pct:.0f} % of the stated value counts as reproduced.")


def evaluate_c07(growth_years=(2022, 2024), plateau_year: int = 2025, plateau_band_pct: float = 5.0,
                 data: pd.DataFrame | None = None) -> Verdict:
    """C07: trade grew fast in 2022–2024, then plateaued in 2025."""
    total = trade(data)["total"].dropna()
    change = total.pct_change() * 100
    grew = change.loc[growth_years[0]:growth_years[1]]
    last = change[plateau_year]
    if not (grew > 0).all():
        verdict = "contradicted"
    elif abs(last) <= plateau_band_pct:
        verdict = "reproduced"
    else:
        verdict = "differs"
    yoy = ", ".join(f"{y}: {v:+.1f} %" for y, v in change.loc[growth_years[0]:plateau_year].items())
    return Verdict("C07", verdict, f"fast growth {growth_years[0]}–{growth_years[1]}, then a plateau in {plateau_year}",
                   f"change on the year before: {yoy}",
                   f"A plateau is taken as a change within ±{plateau_band_pct:.0f} %.")


# --------------------------------------------------------------------------------------
# Composition of trade (CEPII BACI, by HS section)

# The book's product groups, each a set of HS sections, in the order they are stacked.
CATEGORIES = {
    "Mineral products (fuels, ores)": ["V"],
    "Wood, pulp and paper": ["IX", "X"],
    "Base metals": ["XV"],
    "Chemicals, plastics, rubber": ["VI", "VII"],
    "Food and farm products": ["I", "II", "III", "IV"],
    "Precious stones and metals": ["XIV"],
    "Machinery, electrical equipment": ["XVI"],
    "Vehicles, aircraft, vessels": ["XVII"],
    "Textiles, clothing, footwear": ["XI", "XII"],
}
OTHER = "Other"


def category_of(section: str) -> str:
    return next((name for name, sections in CATEGORIES.items() if section in sections), OTHER)


def composition(exporter: str = "RUS", importer: str = "CHN", data: pd.DataFrame | None = None) -> pd.DataFrame:
    """Trade of one direction by product group, US$ bn: one row per year, one column per group."""
    d = load("china_russia_trade_by_section") if data is None else data
    d = d[(d["exporter"] == exporter) & (d["importer"] == importer)].copy()
    d["category"] = d["hs_section"].map(category_of)
    wide = d.pivot_table(index="year", columns="category", values="value_usd_m", aggfunc="sum") / 1000
    wide = wide.reindex(columns=[*CATEGORIES, OTHER], fill_value=0.0)
    wide.index = wide.index.astype(int)
    wide.columns.name = None
    return wide


def shares_pct(wide: pd.DataFrame) -> pd.DataFrame:
    """Each column as a percentage of the row total."""
    return wide.div(wide.sum(axis=1), axis=0) * 100


def mineral_fuels(exporter: str = "RUS", importer: str = "CHN", data: pd.DataFrame | None = None) -> pd.Series:
    """Share of HS chapter 27 (mineral fuels) in one direction's trade, %, by year."""
    d = load("china_russia_mineral_fuels") if data is None else data
    d = d[(d["exporter"] == exporter) & (d["importer"] == importer)]
    return d.set_index("year")["hs27_share_pct"].astype(float).rename_axis("year")


def evaluate_c05(stated_pct: float = 75.0, tolerance_pp: float = 5.0, data: pd.DataFrame | None = None) -> Verdict:
    """C05: energy makes up about 75 % of Russia's exports to China (HS chapter 27 as the measure)."""
    share = mineral_fuels("RUS", "CHN", data)
    last = int(share.index.max())
    gap = share[last] - stated_pct
    verdict = "reproduced" if abs(gap) <= tolerance_pp else "differs"
    return Verdict(
        "C05", verdict, f"{stated_pct:.0f} %",
        f"{share[last]:.1f} % in {last} (HS chapter 27, mineral fuels); "
        f"{share.min():.1f}–{share.max():.1f} % over {int(share.index.min())}–{last}",
        f"The latest year within ±{tolerance_pp:.0f} points counts as reproduced. Measured on CEPII BACI "
        "(reconciled FOB values), the closest public series to the report's unnamed source.")
