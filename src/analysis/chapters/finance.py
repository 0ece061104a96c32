"""Chapter 1 §4, finance under sanctions: settlement currencies, the budget, the rainy-day fund.

No public database gives these series; every value comes from an official statement kept in
``economy_published_figures`` with its address. The functions compare the report's figures
with those statements and read net assessment NA2 from them.
"""

from __future__ import annotations

import pandas as pd

from analysis.evidence.published import describe, figures, for_year, period_label
from analysis.evidence.verdicts import NOT_OBTAINED, Reading, Verdict, evaluator


@evaluator
def evaluate_c08(
    year: int = 2024, stated_pct: float = 90.0, tolerance_pp: float = 2.0, data: pd.DataFrame | None = None
) -> Verdict:
    """C08: over 90 % of Russia–China settlements in roubles and yuan by 2024."""
    rows = for_year("rub_cny_share_of_settlements", year, data)
    if rows.empty:
        return Verdict("C08", NOT_OBTAINED, f"over {stated_pct:g} %", f"no figure for {year}")
    ok = (rows["value"] >= stated_pct - tolerance_pp).all()
    return Verdict(
        "C08",
        "reproduced" if ok else "differs",
        f"over {stated_pct:g} % by {year}",
        "; ".join(describe(r) for _, r in rows.iterrows()),
        f"Every statement for {year} at or above {stated_pct - tolerance_pp:g} % counts as reproduced. "
        "These are official statements: no public data on settlement currencies by partner exist.",
    )


@evaluator
def evaluate_c09(
    year: int = 2025, stated_pct: float = 2.6, tolerance_pp: float = 0.1, data: pd.DataFrame | None = None
) -> Verdict:
    """C09: a federal budget deficit of 2.6 % of GDP in 2025."""
    rows = for_year("federal_budget_deficit", year, data)
    if rows.empty:
        return Verdict("C09", NOT_OBTAINED, f"{stated_pct:g} % of GDP", f"no figure for {year}")
    value = float(rows["value"].iloc[-1])
    ok = abs(value - stated_pct) <= tolerance_pp
    return Verdict(
        "C09",
        "reproduced" if ok else "differs",
        f"{stated_pct:g} % of GDP ({year})",
        describe(rows.iloc[-1]),
        f"Within ±{tolerance_pp:g} point counts as reproduced.",
    )


def nwf_liquid(data: pd.DataFrame | None = None) -> pd.DataFrame:
    """Liquid assets of the National Wealth Fund, % of GDP, by the date of the ministry's statement."""
    rows = figures("nwf_liquid_assets", data)
    rows["date"] = pd.to_datetime(rows["period"])
    return rows.sort_values("date", ignore_index=True)


@evaluator
def evaluate_c10(
    stated_pct: float = 4.0, tolerance_pp: float = 0.5, base_year: int = 2022, data: pd.DataFrame | None = None
) -> Verdict:
    """C10: liquid assets of the National Wealth Fund at about 4 % of GDP, under half of 2022's."""
    rows = nwf_liquid(data)
    latest = rows.iloc[-1]
    base = rows[rows["year"] == base_year].iloc[0]
    ratio = latest["value"] / base["value"]
    level_ok = abs(latest["value"] - stated_pct) <= tolerance_pp
    if ratio >= 0.5:
        verdict = "contradicted"
    else:
        verdict = "reproduced" if level_ok else "differs"
    near = rows[(rows["value"] - stated_pct).abs() <= 1.0]
    when = ", ".join(f"{r['value']:g} % on {period_label(r['period'])}" for _, r in near.iterrows())
    return Verdict(
        "C10",
        verdict,
        f"about {stated_pct:g} % of GDP, less than half the {base_year} level",
        f"{latest['value']:g} % on {period_label(latest['period'])}, {100 * ratio:.0f} % of the "
        f"{base['value']:g} % of {period_label(base['period'])} (Finance Ministry)",
        f"The level counts as reproduced within ±{tolerance_pp:g} point of the latest statement. The "
        f"ministry's own ratio was within a point of {stated_pct:g} % only at: {when or 'no date in the table'}.",
    )


@evaluator
def read_na2(
    deficit_years=(2024, 2025),
    base_year: int = 2022,
    settlement_year: int = 2024,
    shrink_to: float = 0.5,
    data: pd.DataFrame | None = None,
) -> Reading:
    """NA2: alternative payments worked, but public finances are under strain."""
    deficit = figures("federal_budget_deficit", data).set_index("year")["value"]
    nwf = nwf_liquid(data)
    base = nwf[nwf["year"] == base_year].iloc[0]
    latest = nwf.iloc[-1]
    settle = for_year("rub_cny_share_of_settlements", settlement_year, data)
    widening = deficit[deficit_years[1]] > deficit[deficit_years[0]]
    shrinking = latest["value"] < base["value"] * shrink_to
    reading = "supported" if widening and shrinking else ("qualified" if widening or shrinking else "contradicted")
    return Reading(
        "NA2",
        reading,
        f"Settlements in roubles and yuan: {settle['value'].min():g}–{settle['value'].max():g} % in "
        f"{settlement_year} (official statements). Federal deficit {deficit[deficit_years[0]]:g} % of GDP in "
        f"{deficit_years[0]}, {deficit[deficit_years[1]]:g} % in {deficit_years[1]}. National Wealth Fund liquid "
        f"assets {base['value']:g} % of GDP on {period_label(base['period'])}, {latest['value']:g} % on "
        f"{period_label(latest['period'])}.",
        "Supported if the deficit widened over the two years and the fund's liquid assets fell below "
        f"{shrink_to:.0%} of their {base_year} level; qualified if only one holds; contradicted if neither. The limits of Chinese bank lending are not "
        "measured by any public series and are not part of the rule.",
    )
