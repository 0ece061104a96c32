"""Chapter 2 §3: the book's list of joint exercises against the counts others publish.

CSIS, NDU and the press publish counts of Chinese-Russian exercises for one year or a span
of years. Each is set beside the list's count under every counting rule
(:data:`analysis.chapters.exercises.RULES`): which rules agree with it, and, where none does,
which two bracket it and why they differ.
"""

from __future__ import annotations

import pandas as pd

from analysis.chapters.exercises import MILITARY, RULES, counted
from analysis.evidence.published import describe, figures, period_label


def _span(period: str) -> tuple[int, int]:
    first, _, last = period.partition("..")
    return int(first[:4]), int((last or first)[:4])


# Why a published count and the list differ, where no counting rule makes them agree.
# Keyed by (reported_by, period) of the published figure.
EXPLAINED = {
    ("China Daily", "2003..2013"): (
        "The list holds two 2009 drills that Chinese ordinals of 2013 leave out: an anti-piracy drill in the Gulf "
        "of Aden and an SCO drill in Tajikistan. Without them, Peace Mission 2013 is the ninth event, as China Daily says."
    ),
    ("Xinhua, via People's Daily Online", "2003..2013"): (
        "Xinhua calls Joint Sea-2013, held weeks before Peace Mission 2013, the ninth: the two Chinese ordinals "
        "cannot both hold, and the list sides with China Daily's once the two 2009 drills are set aside."
    ),
    ("US National Defense University data, via Bloomberg (WION)", "2003..2013"): (
        "One more event before 2014 in the list than in the university's dataset; its event list is not public, "
        "so the odd event cannot be named."
    ),
    ("CSIS ChinaPower Project (reposted)", "2007..2012"): (
        "The list holds more events than CSIS for these years under every rule, among them the SCO's "
        "Norak-Antiterror-2009 and the 2009 anti-piracy drill in the Gulf of Aden, which Chinese ordinal counts also "
        "leave out; CSIS's event list was not found, so which of the list's events it sets aside cannot be named."
    ),
    ("CSIS ChinaPower Project (reposted)", "2005..2021"): (
        "CSIS's per-year series and event list were not found, so which events it counts cannot be named; its "
        "count lies between two of the list's rules, so CSIS counts the large multinational drills and some, not "
        "all, of the police, border-guard and civil drills."
    ),
    ("US National Defense University data, via Bloomberg (WION)", "2022"): (
        "The list adds an anti-piracy drill in the Arabian Sea in January 2022 (Peaceful Sea-2022), which the "
        "university's count leaves out; without it the two agree."
    ),
}


def against_published(data: pd.DataFrame | None = None, published_data: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each published count of joint exercises beside the list's count over the same years,
    under each counting rule; the rules under which they agree, or why they cannot."""
    pub = pd.concat(
        [figures(i, published_data, MILITARY) for i in ("joint_exercises_cumulative", "joint_exercises_in_year")]
    )
    rows = []
    for _, p in pub.iterrows():
        first, last = _span(p["period"])
        row = {
            "period": period_label(p["period"]),
            "published": describe(p, unit="exercises"),
            "published_count": p["value"],
            "qualifier": p["qualifier"],
        }
        for rule in RULES:
            c = counted(rule, data)
            row[rule] = int(c["year"].between(first, last).sum())
        row["agrees under"] = ", ".join(r for r in RULES if agrees(p["value"], p["qualifier"], row[r]))
        row["nearest rules"] = "" if row["agrees under"] else nearest(p["value"], row)
        row["why they differ"] = "" if row["agrees under"] else EXPLAINED.get((p["reported_by"], p["period"]), "")
        rows.append(row)
    return pd.DataFrame(rows)


def nearest(published_count: float, counts: dict) -> str:
    """The rules whose counts sit nearest below and above a published count, e.g.
    'between 45 (with large multinational drills) and 72 (every joint activity)'."""
    below = [(counts[r], r) for r in RULES if counts[r] < published_count]
    above = [(counts[r], r) for r in RULES if counts[r] > published_count]
    low, high = (max(below) if below else None), (min(above) if above else None)
    if low and high:
        return f"between {low[0]} ({low[1]}) and {high[0]} ({high[1]})"
    n, rule = low or high
    return f"{'above' if low else 'below'} every rule; nearest {n} ({rule})"


def by_period(
    periods=((2005, 2008), (2009, 2012), (2013, 2016), (2017, 2021), (2022, 2025), (2005, 2021)),
    data: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The list's count in each period under each counting rule: its coverage over time, to set
    beside the published counts."""
    rows = []
    for first, last in periods:
        row = {"period": f"{first}–{last}"}
        for rule in RULES:
            row[rule] = int(counted(rule, data)["year"].between(first, last).sum())
        rows.append(row)
    return pd.DataFrame(rows)


def agrees(published_count: float, qualifier: str, listed: int) -> bool:
    """Whether a list count agrees with a published one, reading its hedge ('more than' = at least)."""
    return listed >= published_count if qualifier == "more than" else listed == published_count


# The report's milestones (C23), each as the rule that finds its first year in the list.
