"""Chapter 1, the other half of the trade comparisons: the report's further statements X03
(Russia's weight in China's trade), X04 (what China sells Russia) and X18 (Russia's share of China's energy imports)."""

from __future__ import annotations

import pandas as pd

from analysis.chapters.economy import (
    MANUFACTURES,
    composition,
    russia_weight_for_china_after_2020,
    shares_pct,
    weight,
)
from analysis.evidence.published import figures
from analysis.evidence.verdicts import NOT_OBTAINED, Verdict, evaluator


def russia_in_china_trade(trade_data=None, shares_data=None, published_data=None) -> pd.Series:
    """Russia's share of China's total trade, %, by year: China-reported to the IMF to 2020, then
    China's customs total with Russia over China's total trade (derived)."""
    imf = weight("CHN", "total", shares_data)
    later = russia_weight_for_china_after_2020(trade_data, published_data)
    return pd.concat([imf, later[~later.index.isin(imf.index)]]).sort_index()


@evaluator
def evaluate_x03(small_pct: float = 5.0, trade_data=None, shares_data=None, published_data=None) -> Verdict:
    """X03: Russia is a small, marginal share of China's trade.

    Reproduced if Russia's share of China's total trade stays under ``small_pct`` % in every year
    of the record."""
    share = russia_in_china_trade(trade_data, shares_data, published_data)
    top = int(share.idxmax())
    last = int(share.index.max())
    ok = share.max() < small_pct
    return Verdict(
        "X03",
        "reproduced" if ok else "differs",
        '"small"',
        f"{share.min():.1f}–{share.max():.1f} % of China's trade over {int(share.index.min())}–{last} "
        f"(highest {share[top]:.1f} % in {top}; {share[last]:.1f} % in {last})",
        f"Reproduced if under {small_pct:g} % in every year. To 2020 as China reports to the IMF; later years "
        "derived from China's customs totals.",
    )


@evaluator
def evaluate_x04(exporter: str = "CHN", importer: str = "RUS", rise_pp: float = 5.0, data=None) -> Verdict:
    """X04: China's exports to Russia are shifting toward machinery, electronics and vehicles.

    Reproduced if the share of machinery and vehicles in China's exports to Russia rose by at
    least ``rise_pp`` points from the first year of the record to the last."""
    shares = shares_pct(composition(exporter, importer, data))[MANUFACTURES].sum(axis=1)
    first, last = int(shares.index.min()), int(shares.index.max())
    change = shares[last] - shares[first]
    verdict = "reproduced" if change >= rise_pp else ("contradicted" if change <= -rise_pp else "differs")
    return Verdict(
        "X04",
        verdict,
        "a rising share of machinery, electronics and vehicles",
        f"machinery and vehicles: {shares[first]:.1f} % of China's exports to Russia in {first}, "
        f"{shares[last]:.1f} % in {last} ({change:+.1f} points; highest {shares.max():.1f} % in {int(shares.idxmax())})",
        f"Reproduced if the share rose by at least {rise_pp:g} points; contradicted if it fell by as much. CEPII BACI "
        "by HS section; the years the book holds.",
    )


def crude_share(published_data: pd.DataFrame | None = None) -> pd.DataFrame:
    """Russia's share of China's crude imports by year, %: as published where a page states it,
    else derived from the tonnages China's customs published; with the basis of each."""
    stated = figures("russia_share_of_china_crude_imports", published_data)
    stated = stated[~stated["period"].str.contains(r"\.\.")].drop_duplicates("year", keep="last").set_index("year")
    russia = (
        figures("china_crude_imports_from_russia", published_data)
        .drop_duplicates("year", keep="last")
        .set_index("year")["value"]
    )
    total = (
        figures("china_crude_imports_total", published_data)
        .drop_duplicates("year", keep="last")
        .set_index("year")["value"]
    )
    derived = (100 * russia / total).dropna()
    years = sorted(set(stated.index) | set(derived.index))
    rows = [
        {
            "year": y,
            "share_pct": float(stated.at[y, "value"]) if y in stated.index else float(derived[y]),
            "basis": "published" if y in stated.index else "derived from tonnages",
        }
        for y in years
    ]
    return pd.DataFrame(rows).set_index("year")


@evaluator
def evaluate_x18(baseline=(2017, 2019), flat_pp: float = 3.0, published_data: pd.DataFrame | None = None) -> Verdict:
    """X18: Beijing keeps Russia's share of its energy imports roughly flat.

    Crude oil, the bulk of the energy China buys from Russia, is the measure. Reproduced if the
    latest share is within ``flat_pp`` points of the ``baseline`` years' average."""
    share = crude_share(published_data)["share_pct"]
    base = share.loc[baseline[0] : baseline[1]]
    if base.empty:
        return Verdict("X18", NOT_OBTAINED, "a flat share", f"no share for {baseline[0]}–{baseline[1]}")
    last = int(share.index.max())
    change = share[last] - base.mean()
    ok = abs(change) <= flat_pp
    return Verdict(
        "X18",
        "reproduced" if ok else "differs",
        "a roughly flat share",
        f"Russia's share of China's crude imports: {base.mean():.1f} % on average in {baseline[0]}–{baseline[1]}, "
        f"{share[last]:.1f} % in {last} ({change:+.1f} points)",
        f"Reproduced if within ±{flat_pp:g} points of the {baseline[0]}–{baseline[1]} average. Shares as published "
        "where a page states one, otherwise derived from China's customs tonnages; Russia's share of China's "
        "whole energy imports (HS 27) was not found on a public page.",
    )
