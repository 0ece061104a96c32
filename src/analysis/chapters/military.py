"""Chapter 2, the military relationship: spending and arms transfers.

Small pure functions from the curated tables to the numbers and tidy frames the chapter
shows. Each takes its data as an argument (defaulting to the book's table), so a test or a
reader can pass altered data and see the result move.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.datasets import load
from analysis.evidence.verdicts import NOT_OBTAINED, Verdict, evaluator

MEASURES = {
    "current_usd_m": "US$ billion, current prices",
    "constant_usd_m": "US$ billion, constant prices",
    "share_of_gdp_pct": "% of GDP",
}


# --------------------------------------------------------------------------------------
# Military expenditure


def spending(
    measure: str = "current_usd_m",
    countries=("CHN", "RUS"),
    first: int = 2005,
    last: int = 2023,
    data: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Wide table, one column per country, one row per year; US$ values in billions."""
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {list(MEASURES)}, not {measure!r}")
    d = load("military_expenditure") if data is None else data
    d = d[(d["measure"] == measure) & d["iso3"].isin(countries) & d["year"].between(first, last)]
    wide = d.pivot(index="year", columns="iso3", values="value")[list(countries)]
    if measure.endswith("_usd_m"):
        wide = wide / 1000.0
    wide.columns.name = None
    wide.index = wide.index.astype(int)
    return wide.astype(float)


def spending_unit(measure: str, data: pd.DataFrame | None = None) -> str:
    """The unit of a measure as the data state it (it names the constant-price base year)."""
    d = load("military_expenditure") if data is None else data
    unit = d.loc[d["measure"] == measure, "unit"].iloc[0]
    return unit.replace("US$ m", "US$ billion") if measure.endswith("_usd_m") else unit


def estimate_share(
    measure: str = "current_usd_m",
    countries=("CHN", "RUS"),
    first: int = 2005,
    last: int = 2023,
    data: pd.DataFrame | None = None,
) -> float:
    """Share of the values of one measure that SIPRI marks as its own estimates (0–1)."""
    d = load("military_expenditure") if data is None else data
    d = d[(d["measure"] == measure) & d["iso3"].isin(countries) & d["year"].between(first, last) & d["value"].notna()]
    return float((d["status"] == "sipri_estimate").mean())


def against_world_bank(first: int = 2005, data: pd.DataFrame | None = None, sipri: pd.DataFrame | None = None) -> dict:
    """The World Bank's copy of SIPRI's current-dollar series (the source the report names)
    set against SIPRI's own release: the years both give from ``first``, and the largest gap."""
    wb = load("wdi_military_expenditure") if data is None else data
    wb = wb.dropna(subset=["value_usd_m"])
    sp = load("military_expenditure") if sipri is None else sipri
    sp = sp[(sp["measure"] == "current_usd_m") & sp["value"].notna()]
    both = wb.merge(sp, on=["iso3", "year"])
    both = both[both["year"] >= first]
    gap = (both["value_usd_m"] / both["value"] - 1) * 100
    worst = both.loc[gap.abs().idxmax()]
    return {
        "last_updated": str(wb["last_updated"].iloc[0]),
        "last_year": int(wb["year"].max()),
        "first_year": int(both["year"].min()),
        "common_last_year": int(both["year"].max()),
        "max_gap_pct": float(gap.abs().max()),
        "max_gap_where": f"{worst['country_x']}, {int(worst['year'])}",
    }


def ratio(wide: pd.DataFrame, numerator: str = "CHN", denominator: str = "RUS") -> pd.Series:
    """How many times ``numerator`` spends what ``denominator`` spends, by year."""
    return (wide[numerator] / wide[denominator]).rename(f"{numerator}/{denominator}")


# --------------------------------------------------------------------------------------
# Arms transfers


def arms_flow(supplier: str = "RUS", recipient: str = "CHN", data: pd.DataFrame | None = None) -> pd.DataFrame:
    """Yearly deliveries from ``supplier`` to ``recipient``: year, tiv_m, basis."""
    d = load("arms_transfers") if data is None else data
    flow = d[(d["supplier"] == supplier) & (d["recipient"] == recipient)]
    return flow[["year", "tiv_m", "basis"]].sort_values("year").reset_index(drop=True)


def share_of(part: pd.DataFrame, whole: pd.DataFrame) -> pd.DataFrame:
    """``part`` as a percentage of ``whole``, by year (years where ``whole`` is zero are left out)."""
    m = part.merge(whole, on="year", suffixes=("_part", "_whole"))
    m = m[m["tiv_m_whole"] > 0]
    return pd.DataFrame(
        {"year": m["year"], "share_pct": 100 * m["tiv_m_part"] / m["tiv_m_whole"], "basis": m["basis_part"]}
    ).reset_index(drop=True)


def peak(flow: pd.DataFrame) -> tuple[int, float]:
    """Year and value of the largest delivery of a flow (the earliest, if tied)."""
    i = flow["tiv_m"].idxmax()
    return int(flow.at[i, "year"]), float(flow.at[i, "tiv_m"])


def trend_per_year(flow: pd.DataFrame, first: int) -> float:
    """Least-squares slope of deliveries from ``first`` on, in TIV m per year."""
    f = flow[flow["year"] >= first]
    return float(np.polyfit(f["year"].astype(float), f["tiv_m"].astype(float), 1)[0])


def largest_rebound(flow: pd.DataFrame, after: int) -> tuple[int, float]:
    """The year after ``after`` with the largest rise over the year before, and that rise."""
    f = flow.set_index("year")["tiv_m"]
    rises = f.diff()[f.index > after]
    year = int(rises.idxmax())
    return year, float(rises.max())


@evaluator
def evaluate_c24(
    peak_window=(2003, 2007), recent_years: int = 5, decline_ratio: float = 0.5, data: pd.DataFrame | None = None
) -> Verdict:
    """C24: arms sales rushed in, peaked in the mid-2000s, then declined.

    Reproduced when deliveries Russia → China peak inside ``peak_window``, the trend after
    the peak is downward, and the average of the last ``recent_years`` exact years is below
    ``decline_ratio`` of the peak. Differs when the peak is in the window but the later level
    has not fallen that far; contradicted when the peak falls outside the window or the
    trend after it is not downward.
    """
    flow = arms_flow("RUS", "CHN", data)
    exact = flow[flow["basis"] == "exact"]
    peak_year, peak_value = peak(flow)
    last = int(exact["year"].max())
    recent = exact[exact["year"] > last - recent_years]
    recent_mean = float(recent["tiv_m"].mean())
    slope = trend_per_year(exact, peak_year)
    in_window = peak_window[0] <= peak_year <= peak_window[1]
    if not in_window or slope >= 0:
        verdict = "contradicted"
    elif recent_mean >= decline_ratio * peak_value:
        verdict = "differs"
    else:
        verdict = "reproduced"
    computed = (
        f"peak {peak_value:,.0f} m TIV in {peak_year}; {last - recent_years + 1}–{last} average "
        f"{recent_mean:,.0f} m TIV ({100 * recent_mean / peak_value:.0f} % of the peak); "
        f"trend after the peak {slope:+,.0f} m TIV a year"
    )
    rb_year, rb_rise = largest_rebound(exact, peak_year)
    detail = (
        f"The decline is not monotonic: the largest rebound after the peak is in {rb_year} "
        f"(+{rb_rise:,.0f} m TIV over {rb_year - 1}). Source: SIPRI Arms Transfers Database; "
        f"exact yearly values {int(exact['year'].min())}–{last}."
    )
    return Verdict(
        "C24", verdict, "an initial rush of arms sales, then a steady decline from the mid-2000s", computed, detail
    )


def arms_shares(data: pd.DataFrame | None = None) -> pd.DataFrame:
    """Shares that measure who depends on whom for arms, %, by year (NaN where the whole is zero):
    Russia's share of China's arms imports, China's share of Russia's arms exports, and
    China's share of Russia's arms imports."""

    def pct(part, whole):
        return share_of(arms_flow(*part, data), arms_flow(*whole, data)).set_index("year")["share_pct"]

    return pd.DataFrame(
        {
            "russia_share_of_china_imports": pct(("RUS", "CHN"), ("WLD", "CHN")),
            "china_share_of_russia_exports": pct(("RUS", "CHN"), ("RUS", "WLD")),
            "china_share_of_russia_imports": pct(("CHN", "RUS"), ("WLD", "RUS")),
        }
    ).rename_axis("year")


def total(flow: pd.DataFrame, first: int, last: int) -> float:
    """Deliveries of a flow summed over first..last, TIV m."""
    return float(flow.loc[flow["year"].between(first, last), "tiv_m"].sum())


@evaluator
def read_na12(
    trend_years: int = 5,
    early=(2000, 2005),
    recent_years: int = 5,
    dual_use_pct: float = 50.0,
    measure: str = "current_usd_m",
    data: pd.DataFrame | None = None,
    spending_data: pd.DataFrame | None = None,
    published_data: pd.DataFrame | None = None,
):
    """NA12: in military technology Russia now needs China more than China needs Russia, and the
    imbalance is growing. Two levels and one trend: China's arms imports have shrunk (it needs
    Russia's arms less), China supplies most of Russia's critical dual-use imports (Russia needs
    China), and the gap in military resources, China's spending over Russia's, has widened over
    the last ``trend_years`` years."""
    from analysis.evidence.published import describe, latest
    from analysis.evidence.verdicts import Reading

    imports = arms_flow("WLD", "CHN", data)
    exact = imports[imports["basis"] == "exact"]
    last = int(exact["year"].max())
    recent = float(exact.loc[exact["year"] > last - recent_years, "tiv_m"].mean())
    before = float(exact.loc[exact["year"].between(*early), "tiv_m"].mean())
    spend = spending(measure, first=1988, last=2100, data=spending_data).dropna()
    times = ratio(spend)
    end = int(times.index.max())
    start = end - trend_years
    dual = latest("china_share_of_high_priority_imports", published_data)
    levels = [recent < before / 2, dual["value"] > dual_use_pct]
    growing = times[end] > times[start]
    reading = "supported" if all(levels) and growing else "contradicted" if not any(levels) else "qualified"
    return Reading(
        "NA12",
        reading,
        f"China's arms imports from all suppliers averaged {recent:,.0f} million TIV a year in "
        f"{last - recent_years + 1}–{last}, against {before:,.0f} million in {early[0]}–{early[1]}. China's share of "
        f"Russia's imports of high-priority dual-use goods: {describe(dual)}. China spent {times[start]:.1f} times "
        f"what Russia spent on its armed forces in {start} and {times[end]:.1f} times in {end} (SIPRI, "
        f"{measure.replace('_usd_m', ' US$')}): the gap {'widened' if growing else 'narrowed'} as Russia's war "
        "budget grew.",
        f"Supported if China's recent arms imports are under half their {early[0]}–{early[1]} level, China supplies "
        f"over {dual_use_pct:g} % of Russia's critical dual-use imports, and China's spending has grown relative "
        f"to Russia's over the last {trend_years} years (the imbalance growing); contradicted if neither level "
        "holds; qualified otherwise.",
    )


# --------------------------------------------------------------------------------------
# North Korean ammunition (C01)

NK_SHARE = "north_korea_share_of_russian_artillery_ammunition"


@evaluator
def evaluate_c01(year: int = 2025, stated_range=(45.0, 55.0), data: pd.DataFrame | None = None) -> Verdict:
    """C01: about half of the artillery ammunition Russia fired in the second half of 2025 came
    from North Korea.

    No series measures it; intelligence services publish estimates, which the press relays.
    Reproduced if every estimate found for the year lies in the range read as "about half"
    (an "up to" figure counts by its ceiling)."""
    from analysis.evidence.published import describe, for_year, latest

    stated = "about half (second half of 2025)"
    rows = for_year(NK_SHARE, year, data, dataset="military_published_figures")
    if rows.empty:
        return Verdict("C01", NOT_OBTAINED, stated, f"no published estimate for {year}")
    inside = rows["value"].between(*stated_range).all()
    fall = latest("north_korea_shell_deliveries_fall_on_year_before", data, dataset="military_published_figures")
    return Verdict(
        "C01",
        "reproduced" if inside else "differs",
        stated,
        "; ".join(describe(r) for _, r in rows.iterrows()),
        f"Reproduced if every estimate for {year} lies within {stated_range[0]:g}–{stated_range[1]:g} %. None of "
        "the estimates found refers to the second half of the year, and each is an intelligence service's figure "
        f"relayed by the press, not a measurement. Deliveries: {describe(fall)}.",
    )
