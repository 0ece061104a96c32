"""Chapter 1, economic asymmetry: bilateral trade.

Small pure functions from the curated tables to the numbers and tidy frames the chapter
shows; each takes its data as an argument (defaulting to the book's table).
"""

from __future__ import annotations

import pandas as pd

from analysis.datasets import load
from analysis.evidence.verdicts import NOT_OBTAINED, Verdict, evaluator

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
    rows = [
        (s, e, series[s], series[e], growth_pct(series, s, e))
        for s, e in windows
        if s in series.index and e in series.index
    ]
    return pd.DataFrame(rows, columns=["from", "to", "start_usd_bn", "end_usd_bn", "growth_pct"])


@evaluator
def evaluate_c03(
    window=(2021, 2025), stated_pct: float = 70.0, tolerance_pp: float = 10.0, data: pd.DataFrame | None = None
) -> Verdict:
    """C03: trade grew by about 70 % over the five years from 2021."""
    total = trade(data)["total"].dropna()
    g = growth_pct(total, *window)
    gap = g - stated_pct
    verdict = "reproduced" if abs(gap) <= tolerance_pp else ("differs" if g > 0 else "contradicted")
    others = growth_windows(total, [(2020, 2025), (2021, 2024), (2020, 2024)])
    alt = "; ".join(
        f"{r.start}–{r.end}: {r.growth_pct:+.0f} %"
        for r in others.rename(columns={"from": "start", "to": "end"}).itertuples()
    )
    return Verdict(
        "C03",
        verdict,
        f"about +{stated_pct:.0f} %",
        f"{window[0]}–{window[1]}: {g:+.0f} % (US$ {total[window[0]]:.1f} bn to {total[window[1]]:.1f} bn)",
        f"Other windows: {alt}. Tolerance ±{tolerance_pp:.0f} percentage points.",
    )


@evaluator
def evaluate_c06(
    years=(2023, 2025), stated_usd_bn: float = 240.0, tolerance_pct: float = 10.0, data: pd.DataFrame | None = None
) -> Verdict:
    """C06: trade of about US$ 240 bn a year in recent years."""
    total = trade(data)["total"].dropna()
    recent = total.loc[years[0] : years[1]]
    off = (recent / stated_usd_bn - 1).abs() * 100
    verdict = "reproduced" if (off <= tolerance_pct).all() else "differs"
    values = ", ".join(f"{y}: {v:.1f}" for y, v in recent.items())
    return Verdict(
        "C06",
        verdict,
        f"about US$ {stated_usd_bn:.0f} bn",
        f"US$ bn {values}",
        f"Each year within ±{tolerance_pct:.0f} % of the stated value counts as reproduced.",
    )


@evaluator
def evaluate_c07(
    growth_years=(2022, 2024), plateau_year: int = 2025, plateau_band_pct: float = 5.0, data: pd.DataFrame | None = None
) -> Verdict:
    """C07: trade grew fast in 2022–2024, then plateaued in 2025."""
    total = trade(data)["total"].dropna()
    change = total.pct_change() * 100
    grew = change.loc[growth_years[0] : growth_years[1]]
    last = change[plateau_year]
    if not (grew > 0).all():
        verdict = "contradicted"
    elif abs(last) <= plateau_band_pct:
        verdict = "reproduced"
    else:
        verdict = "differs"
    yoy = ", ".join(f"{y}: {v:+.1f} %" for y, v in change.loc[growth_years[0] : plateau_year].items())
    return Verdict(
        "C07",
        verdict,
        f"fast growth {growth_years[0]}–{growth_years[1]}, then a plateau in {plateau_year}",
        f"change on the year before: {yoy}",
        f"A plateau is taken as a change within ±{plateau_band_pct:.0f} %.",
    )


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


@evaluator
def evaluate_c05(stated_pct: float = 75.0, tolerance_pp: float = 5.0, data: pd.DataFrame | None = None) -> Verdict:
    """C05: energy makes up about 75 % of Russia's exports to China (HS chapter 27 as the measure)."""
    share = mineral_fuels("RUS", "CHN", data)
    last = int(share.index.max())
    gap = share[last] - stated_pct
    verdict = "reproduced" if abs(gap) <= tolerance_pp else "differs"
    return Verdict(
        "C05",
        verdict,
        f"{stated_pct:.0f} %",
        f"{share[last]:.1f} % in {last} (HS chapter 27, mineral fuels); "
        f"{share.min():.1f}–{share.max():.1f} % over {int(share.index.min())}–{last}",
        f"The latest year within ±{tolerance_pp:.0f} points counts as reproduced. Measured on CEPII BACI "
        "(reconciled FOB values), the closest public series to the report's unnamed source.",
    )


# --------------------------------------------------------------------------------------
# Asymmetry: each country's weight in the other's trade


def weight(reporter: str, flow: str, data: pd.DataFrame | None = None) -> pd.Series:
    """The partner's share of the reporter's trade (``flow``: exports, imports or total), %, by
    year, as the reporter declares it to the IMF (reporter RUS: China's weight for Russia)."""
    d = load("trade_partner_shares") if data is None else data
    rows = d[(d["reporter"] == reporter) & (d["flow"] == flow)]
    return rows.set_index("year")["share_pct"].astype(float).rename_axis("year")


def russia_weight_for_china_after_2020(
    trade_data: pd.DataFrame | None = None, published_data: pd.DataFrame | None = None
) -> pd.Series:
    """Russia's share of China's trade, %, for the years after the IMF files: China's customs
    total with Russia divided by China's total trade as published (both GACC figures).
    Derived here, not published as such."""
    from analysis.evidence.published import figures

    totals = figures("china_total_trade", published_data).set_index("year")["value"]
    bilateral = trade(trade_data)["total"]
    years = [y for y in totals.index if y in bilateral.index and y > 2020]
    return (100 * bilateral[years] / totals[years]).rename("share_pct").rename_axis("year")


@evaluator
def evaluate_c04(
    first_year: int = 2000,
    first_stated_pct: float = 3.0,
    recent_year: int = 2023,
    recent_stated_pct: float = 100 / 3,
    tolerance_pp: float = 1.0,
    data: pd.DataFrame | None = None,
    published_data: pd.DataFrame | None = None,
) -> Verdict:
    """C04: China's share of Russia's imports, about 3 % in 2000 and over a third in 2023.

    The share is Russia-reported (IMF DOTS) where the files reach; a later year rests on the
    published estimates for that year (part-year figures included, and named)."""
    from analysis.evidence.published import describe, for_year

    share = weight("RUS", "imports", data)
    first = share.get(first_year)
    parts = []
    if first is None:
        return Verdict(
            "C04", NOT_OBTAINED, "about 3 % (2000); over a third (2023)", f"no Russia-reported figure for {first_year}"
        )
    first_ok = abs(first - first_stated_pct) <= tolerance_pp
    parts.append(f"{first:.1f} % in {first_year} (IMF DOTS, Russia-reported)")
    if recent_year in share.index:
        recent_values, recent_text = [share[recent_year]], f"{share[recent_year]:.1f} % in {recent_year} (IMF DOTS)"
    else:
        est = for_year("china_share_of_russia_imports", recent_year, published_data)
        recent_values = list(est["value"])
        recent_text = "; ".join(describe(r) for _, r in est.iterrows())
    if not recent_values:
        verdict = NOT_OBTAINED
        parts.append(f"no figure for {recent_year}")
    else:
        parts.append(recent_text)
        recent_ok = all(v > recent_stated_pct for v in recent_values)
        verdict = "reproduced" if first_ok and recent_ok else "differs"
    return Verdict(
        "C04",
        verdict,
        "about 3 % (2000); over a third (2023)",
        "; ".join(parts),
        f"{first_year} within ±{tolerance_pp:g} point of {first_stated_pct:g} %; every figure for "
        f"{recent_year} above one third. Russia stopped publishing trade by partner in 2022, so "
        f"{recent_year} rests on published estimates, not on a database.",
    )


MANUFACTURES = ["Machinery, electrical equipment", "Vehicles, aircraft, vessels"]


@evaluator
def read_na1(
    times: float = 5.0,
    base_year: int = 2013,
    fuels_pct: float = 50.0,
    manufactures_pct: float = 50.0,
    shares_data=None,
    fuels_data=None,
    sections_data=None,
    published_data=None,
):
    """NA1: trade kept Russia afloat but made it the dependent side: fuels one way, manufactures
    the other, China weighing far more for Russia than Russia for China, and more so over time.

    Like for like: each country's share of the other's *total* trade, as each reports it to the
    IMF. No such pair exists after 2020 (Russia stopped publishing trade by partner), so the
    later estimate of China's share of Russia's imports is shown but not set against a share
    of a different flow."""
    from analysis.evidence.published import describe, latest
    from analysis.evidence.verdicts import Reading

    china_for_russia, russia_for_china = weight("RUS", "total", shares_data), weight("CHN", "total", shares_data)
    both = sorted(set(china_for_russia.index) & set(russia_for_china.index))
    last = int(both[-1])
    ratio = china_for_russia / russia_for_china
    fuels = mineral_fuels("RUS", "CHN", fuels_data)
    made = shares_pct(composition("CHN", "RUS", sections_data))[MANUFACTURES].sum(axis=1)
    estimate = latest("china_share_of_russia_imports", published_data)
    checks = {
        "asymmetric": ratio[last] >= times,
        "growing": ratio[last] > ratio[base_year],
        "fuels": fuels.iloc[-1] >= fuels_pct,
        "manufactures": made.iloc[-1] >= manufactures_pct,
    }
    held = sum(checks.values())
    reading = "supported" if held == 4 else ("qualified" if held >= 2 else "contradicted")
    return Reading(
        "NA1",
        reading,
        f"Each side's share of the other's total trade (IMF DOTS, each as it reports): in {base_year} China "
        f"{china_for_russia[base_year]:.1f} % of Russia's, Russia {russia_for_china[base_year]:.1f} % of China's "
        f"({ratio[base_year]:.1f} times); in {last} {china_for_russia[last]:.1f} % and {russia_for_china[last]:.1f} % "
        f"({ratio[last]:.1f} times). Mineral fuels {fuels.iloc[-1]:.1f} % of Russia's exports to China in "
        f"{int(fuels.index[-1])}; machinery and vehicles {made.iloc[-1]:.1f} % of China's exports to Russia in "
        f"{int(made.index[-1])} (CEPII BACI). After {last} only estimates of single flows exist: China "
        f"{describe(estimate)} of Russia's imports, with no like-for-like share of China's imports to set "
        "against it. Whether Russian energy sells at a discount, no series in the book measures.",
        f"Supported if, in the last year both report ({last}), China's share of Russia's total trade is at least "
        f"{times:g} times Russia's share of China's, that gap is wider than in {base_year}, fuels are at least "
        f"{fuels_pct:g} % of Russia's sales to China and machinery with vehicles at least {manufactures_pct:g} % of "
        "China's sales to Russia; qualified if two or three of the four hold; contradicted otherwise.",
    )
