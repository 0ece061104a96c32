"""Chapter 1 §5, Chinese direct investment in Russia.

MOFCOM's bulletin gives China's flow to and stock in Russia to 2019 (``china_ofdi_russia``);
UNCTAD gives China's outward total to 2024. Later Russia-specific figures exist only as
quoted estimates (``economy_published_figures``). The functions keep the two apart.
"""

from __future__ import annotations

import pandas as pd

from analysis.datasets import load
from analysis.evidence.published import describe, figures, latest
from analysis.evidence.verdicts import NOT_OBTAINED, Reading, Verdict, evaluator


def ofdi(data: pd.DataFrame | None = None) -> pd.DataFrame:
    """China's FDI in Russia by year: flow and stock in US$ bn, share of China's outward stock in %."""
    d = load("china_ofdi_russia") if data is None else data
    out = pd.DataFrame(
        {
            "flow_usd_bn": d["russia_flow_usd_m"] / 1000,
            "stock_usd_bn": d["russia_stock_usd_m"] / 1000,
            "share_of_china_stock_pct": d["russia_share_of_stock_pct"],
            "china_total_stock_usd_bn": d["china_total_stock_usd_m"] / 1000,
        }
    )
    out.index = d["year"].astype(int).rename("year")
    return out


def window_mean(series: pd.Series, start: int, end: int) -> float | None:
    """Mean over the years start..end, or None unless every year of the window has a value."""
    window = series.reindex(range(start, end + 1))
    return None if window.isna().any() else float(window.mean())


@evaluator
def evaluate_c11(
    baseline=(2011, 2018),
    baseline_stated_usd_bn: float = 1.2,
    negative_year: int = 2021,
    recent=(2022, 2023),
    recent_stated_usd_bn: float = 0.4,
    tolerance_usd_bn: float = 0.1,
    data: pd.DataFrame | None = None,
    published_data: pd.DataFrame | None = None,
) -> Verdict:
    """C11: flows negative in 2021, about US$ 0.4 bn a year in 2022–23, against about 1.2 bn a
    year in 2011–2018. Each part is checked on MOFCOM's series where it reaches."""
    flow = ofdi(data)["flow_usd_bn"].dropna()
    parts, untested, missed = [], [], []

    def check_window(window, stated):
        mean = window_mean(flow, *window)
        label = f"{window[0]}–{window[1]} average"
        if mean is None:
            untested.append(f"the {label}")
            return
        parts.append(f"{label} US$ {mean:.2f} bn a year")
        if abs(mean - stated) > tolerance_usd_bn:
            missed.append(label)

    check_window(baseline, baseline_stated_usd_bn)
    if negative_year in flow.index:
        parts.append(f"{negative_year}: US$ {flow[negative_year]:.2f} bn")
        if flow[negative_year] >= 0:
            missed.append(str(negative_year))
    else:
        untested.append(f"the {negative_year} flow")
    check_window(recent, recent_stated_usd_bn)
    quoted = figures("china_ofdi_to_russia_annual_average", published_data)
    verdict = "differs" if missed else (NOT_OBTAINED if untested else "reproduced")
    last = int(flow.index.max())
    detail = (
        f"MOFCOM's series in the book ends in {last} (US$ {flow[last]:.2f} bn that year: flows had turned "
        f"negative before 2021). "
        if flow[last] < 0
        else f"MOFCOM's series in the book ends in {last}. "
    )
    if untested:
        detail += (
            f"Not in the book's data: {', '.join(untested)}; the source that would test it is MOFCOM's "
            "Statistical Bulletin of China's Outward FDI for those years (its Russia line), which was not "
            "found in a form the book could take; "
        )
    detail += "quoted estimates: " + "; ".join(describe(r) for _, r in quoted.iterrows()) + "."
    return Verdict(
        "C11",
        verdict,
        "negative in 2021; about US$ 0.4 bn a year in 2022–23 against 1.2 bn in 2011–2018",
        "; ".join(parts),
        detail,
    )


@evaluator
def evaluate_c12(
    year: int = 2023,
    stated_pct: float = 0.4,
    tolerance_pp: float = 0.05,
    data: pd.DataFrame | None = None,
    published_data: pd.DataFrame | None = None,
) -> Verdict:
    """C12: Russia held 0.4 % of China's outward FDI stock in 2023.

    MOFCOM's series in the book, then MOFCOM's later stocks quoted on public pages (Russia's
    stock over China's total of the same year)."""
    stated = f"{stated_pct:g} % ({year})"
    share = ofdi(data)["share_of_china_stock_pct"].dropna()
    quoted = quoted_shares(published_data)
    share = pd.concat([share, quoted["share"]]).groupby(level=0).last()
    if year in share.index:
        ok = abs(share[year] - stated_pct) <= tolerance_pp
        return Verdict(
            "C12",
            "reproduced" if ok else "differs",
            stated,
            f"{share[year]:.2f} % in {year} (MOFCOM stock over China's total)",
        )
    last, peak = int(share.index.max()), int(share.idxmax())
    found = f"; {last}: {quoted['text'][last]}" if last in quoted.index else ""
    return Verdict(
        "C12",
        NOT_OBTAINED,
        stated,
        f"no Russia stock for {year} found; latest {share[last]:.2f} % in {last}{found}",
        f"The share peaked at {share[peak]:.2f} % in {peak} and fell after it. MOFCOM's {year} bulletin "
        "(the report's source) has the Russia line, but neither a machine-readable copy nor a public page "
        "quoting it was found.",
    )


def quoted_shares(published_data: pd.DataFrame | None = None) -> pd.DataFrame:
    """Russia's share of China's outward stock, derived from the stocks quoted on public pages
    for years after MOFCOM's series in the book (share in %, and the sentence naming both figures)."""
    russia = figures("china_ofdi_stock_in_russia", published_data).set_index("year")
    total = figures("china_ofdi_total_stock", published_data).drop_duplicates("year", keep="last").set_index("year")
    years = russia.index.intersection(total.index)
    share = 100 * russia.loc[years, "value"] / total.loc[years, "value"]
    text = [
        f"US$ {russia.loc[y, 'value']:g} bn of US$ {total.loc[y, 'value']:g} bn "
        f"({russia.loc[y, 'reported_by']}; {total.loc[y, 'reported_by']})"
        for y in years
    ]
    return pd.DataFrame({"share": share, "text": text}, index=years)


SECTORS = {
    "mining": "china_ofdi_russia_stock_share_mining",
    "agriculture": "china_ofdi_russia_stock_share_agriculture",
    "manufacturing": "china_ofdi_russia_stock_share_manufacturing",
}


@evaluator
def evaluate_c14(
    sectors=("mining", "agriculture"),
    stated_pct: float = 200 / 3,
    tolerance_pp: float = 5.0,
    published_data: pd.DataFrame | None = None,
) -> Verdict:
    """C14: extraction and agro-industry hold nearly two thirds of China's FDI stock in Russia.

    The sectors counted are a choice: mining and agriculture by default; manufacturing can be
    added as an upper bound, since food processing sits inside it. The latest year for which a
    sectoral split was found is used, and named."""
    stated = "nearly two thirds"
    rows = [latest(SECTORS[s], published_data) for s in sectors]
    years = {int(r["year"]) for r in rows}
    if len(years) != 1:
        return Verdict("C14", NOT_OBTAINED, stated, "no sectoral split of one year for the sectors counted")
    total = sum(float(r["value"]) for r in rows)
    ok = abs(total - stated_pct) <= tolerance_pp
    parts = " + ".join(f"{s} {float(r['value']):g} %" for s, r in zip(sectors, rows, strict=False))
    return Verdict(
        "C14",
        "reproduced" if ok else "differs",
        stated,
        f"{total:.1f} % at the end of {years.pop()} ({parts})",
        f"Within ±{tolerance_pp:g} points of two thirds. The split is MOFCOM's stock by sector as a "
        "Chinese paper reproduces it from CEIC; no later split was found on a public page, so the figure "
        f"is older than the report. Source: {rows[0]['reported_by']}.",
    )


@evaluator
def read_na3(
    peak_window=(2011, 2018), data: pd.DataFrame | None = None, published_data: pd.DataFrame | None = None
) -> Reading:
    """NA3: China has not stepped in for Western investors; its flows have sunk to new lows.

    "New lows" is read over the whole record: the latest flow (MOFCOM's series, or the quoted
    average of later years) must be below every earlier year's flow, not only below the
    years of the peak."""
    table = ofdi(data)
    flow, share = table["flow_usd_bn"].dropna(), table["share_of_china_stock_pct"].dropna()
    base = window_mean(flow, *peak_window)
    last = int(flow.index.max())
    quoted = figures("china_ofdi_to_russia_annual_average", published_data)
    quoted = quoted[quoted["year"] > last]
    latest_value, latest_text = (
        (float(quoted["value"].iloc[-1]), describe(quoted.iloc[-1]))
        if not quoted.empty
        else (float(flow[last]), f"US$ {flow[last]:.2f} bn in {last} (MOFCOM)")
    )
    record_low = float(flow.min())
    inward = figures("russia_inward_fdi_stock", published_data).set_index("year")["value"]
    lost = inward.iloc[0] - inward.iloc[-1]
    below = latest_value < base
    new_low = latest_value < record_low
    falling = share.iloc[-1] < share.max()
    reading = "supported" if below and new_low and falling else "qualified" if below else "contradicted"
    return Reading(
        "NA3",
        reading,
        f"China's flow to Russia: US$ {base:.2f} bn a year in {peak_window[0]}–{peak_window[1]}; latest "
        f"{latest_text}. The lowest year of MOFCOM's record is {int(flow.idxmin())} (US$ {record_low:.2f} bn), "
        f"so the latest figure is {'below' if new_low else 'not below'} every earlier year. Russia's share of "
        f"China's outward stock: {share.max():.2f} % at its peak ({int(share.idxmax())}), {share.iloc[-1]:.2f} % in "
        f"{int(share.index.max())}. Russia's inward FDI stock fell by US$ {lost:.0f} bn between the start of "
        f"{inward.index[0]} and the start of {inward.index[-1]} (Bank of Russia).",
        f"Supported if the latest flow is below the {peak_window[0]}–{peak_window[1]} average and below every "
        "earlier year of the record (a new low), with Russia's share of China's outward stock below its peak; "
        "qualified if the flow is below the peak years' average but not a new low; contradicted if it is not "
        "below that average.",
    )
