"""Chapter 2, the other half of the military comparisons: the report's further statements X07
(arms from China to Russia), X10 (where the drills take place), X11 (joint patrols near Japan,
Alaska and the Arctic), X12 (the peak of military diplomacy around 2014) and X14 (the two as
arms exporters)."""

from __future__ import annotations

import pandas as pd

from analysis.chapters import exercises
from analysis.chapters.military import arms_flow
from analysis.evidence.published import describe, figures, period_label
from analysis.evidence.verdicts import Verdict, evaluator

MILITARY = "military_published_figures"


@evaluator
def evaluate_x07(since: int = 2022, small_share: float = 0.05, data: pd.DataFrame | None = None) -> Verdict:
    """X07: China sends Russia no complete weapons; Russia buys little Chinese military equipment.

    Reproduced if SIPRI records no delivery of major arms from China to Russia since ``since``, and
    China's deliveries over the whole record are under ``small_share`` of Russia's to China."""
    to_russia, to_china = arms_flow("CHN", "RUS", data), arms_flow("RUS", "CHN", data)
    recent = to_russia[to_russia["year"] >= since]["tiv_m"].sum()
    years = to_russia.loc[to_russia["tiv_m"] > 0, "year"].astype(int).tolist()
    ratio = to_russia["tiv_m"].sum() / to_china["tiv_m"].sum()
    ok = recent == 0 and ratio < small_share
    return Verdict(
        "X07",
        "reproduced" if ok else "differs",
        "no complete weapons; little Chinese equipment",
        f"China to Russia since {since}: {recent:g} m TIV; over {int(to_russia['year'].min())}–{int(to_russia['year'].max())}, "
        f"{to_russia['tiv_m'].sum():.0f} m TIV ({'years with deliveries: ' + ', '.join(map(str, years)) if years else 'no year with a delivery'}), "
        f"{100 * ratio:.1f} % of Russia's deliveries to China",
        "SIPRI's register counts major conventional weapons only: components, dual-use goods and ammunition, which "
        "the report says China does send, are outside it.",
    )


@evaluator
def evaluate_x10(
    window: int = 10,
    last_year: int = 2025,
    rule: str = exercises.DEFAULT_RULE,
    coding: str = exercises.CODINGS[1],
    data: pd.DataFrame | None = None,
) -> Verdict:
    """X10: the drills grew in number and reach, more and more in contested seas.

    Reproduced if the last ``window`` years hold more events and a larger share of them in
    third parties' contested waters or airspace than the ``window`` years before."""
    before, recent = exercises.two_windows(window, last_year, rule, coding, data)
    share = exercises.contested_share
    more, denser = recent["events"] > before["events"], share(recent) > share(before)
    return Verdict(
        "X10",
        "reproduced" if more and denser else "differs",
        "more drills, more often in contested seas",
        f"{before['events']} events ({share(before):.0f} % in contested areas) in {last_year - 2 * window + 1}–"
        f"{last_year - window}; {recent['events']} ({share(recent):.0f} %) in {last_year - window + 1}–{last_year}",
        f"Counting rule: {rule}; contested areas: {coding}. Size and range of missions are not coded in the list.",
    )


ALASKA = r"Alaska|Aleutian|Bering"
ARCTIC = r"Arctic|Chukchi"


@evaluator
def evaluate_x11(first_year: int = 2019, data: pd.DataFrame | None = None) -> Verdict:
    """X11: joint bomber flights and naval patrols in the North Pacific and at the fringe of the
    Arctic, from 2019.

    Reproduced if the list's first joint patrol is in ``first_year``, and both a bomber flight and
    a naval patrol of the two armed forces reached the waters off Alaska and the Arctic."""
    d = exercises.events(data)
    patrols = d[d["domain"].isin(["joint air patrol", "joint naval patrol"])]
    where = patrols["location"].fillna("")
    navy = patrols["forces"] == "armed forces"
    checks = {}
    for kind in ("joint air patrol", "joint naval patrol"):
        own = navy & (patrols["domain"] == kind)
        checks[kind] = (int((own & where.str.contains(ALASKA)).sum()), int((own & where.str.contains(ARCTIC)).sum()))
    coast_guard_arctic = int(((patrols["forces"] == "coast guard") & where.str.contains(ARCTIC)).sum())
    first = int(patrols["year"].min())
    ok = first == first_year and all(a and b for a, b in checks.values())
    air, naval = checks["joint air patrol"], checks["joint naval patrol"]
    return Verdict(
        "X11",
        "reproduced" if ok else "differs",
        "bomber flights and naval patrols near Alaska and the Arctic from 2019",
        f"first joint patrol {first}; {len(patrols)} patrols in all; bomber flights off Alaska {air[0]}, at the Arctic "
        f"fringe {air[1]}; naval patrols off Alaska {naval[0]}, at the Arctic fringe {naval[1]}; coast-guard patrols "
        f"into the Arctic {coast_guard_arctic}",
        "Reproduced if both kinds of patrol by the armed forces reached the waters off Alaska and the Arctic. The "
        "Arctic fringe was reached by a bomber flight and by the two coast guards, not by a naval patrol.",
    )


@evaluator
def evaluate_x12(
    stated_year: int = 2014,
    span: int = 1,
    rule: str = exercises.DEFAULT_RULE,
    years=range(2003, 2026),
    data: pd.DataFrame | None = None,
) -> Verdict:
    """X12: military diplomacy peaked around 2014 (the report's chapter 2 §2), against C23's peak
    in 2018–2021.

    Only the exercises can be counted. Reproduced if the list's busiest three-year stretch is
    centred within ``span`` years of ``stated_year``; contradicted if later years are busier."""
    counts = exercises.per_year(rule, years=years, data=data)
    rolling = counts.rolling(3, center=True).mean().dropna()
    centre = int(rolling.idxmax())
    around = counts.loc[stated_year - span : stated_year + span].mean()
    verdict = (
        "reproduced" if abs(centre - stated_year) <= span else ("contradicted" if centre > stated_year else "differs")
    )
    return Verdict(
        "X12",
        verdict,
        f"a peak around {stated_year}",
        f"{around:.1f} events a year in {stated_year - span}–{stated_year + span}; busiest three years centred on "
        f"{centre} ({rolling.max():.1f} a year); counting rule: {rule}",
        "The report's 'military diplomacy' is wider than exercises (visits, consultations, training), which no "
        "public series counts; the exercises are the part the list measures.",
    )


@evaluator
def evaluate_x14(data: pd.DataFrame | None = None, gain_pp: float = 1.0) -> Verdict:
    """X14: China is eroding Russia's arms-export markets and may overtake it.

    On SIPRI's five-year shares of world arms exports: reproduced if Russia's share fell and China's
    rose by at least ``gain_pp`` points from the first period to the last; differs if Russia's fell
    without China gaining."""
    russia = figures("russia_share_of_global_arms_exports", data, MILITARY).drop_duplicates("period", keep="last")
    china = figures("china_share_of_global_arms_exports", data, MILITARY).drop_duplicates("period", keep="last")
    both = russia.merge(china, on="period", suffixes=("_rus", "_chn")).sort_values("year_rus")
    first, last = both.iloc[0], both.iloc[-1]
    fell = last["value_rus"] < first["value_rus"]
    gained = last["value_chn"] - first["value_chn"] >= gain_pp
    verdict = "reproduced" if fell and gained else ("differs" if fell else "contradicted")
    return Verdict(
        "X14",
        verdict,
        "China eroding Russia's markets",
        f"Russia {first['value_rus']:g} % of world exports in {period_label(first['period'])}, {last['value_rus']:g} % in "
        f"{period_label(last['period'])}; China {first['value_chn']:g} % and {last['value_chn']:g} %",
        "SIPRI's shares, as quoted by the press. Russia's fall went mostly to others than China: China's own share "
        f"barely moved. Latest: {describe(russia.iloc[-1])}; {describe(china.iloc[-1])}.",
    )
