"""Introduction: contacts between Xi Jinping and Vladimir Putin since March 2013.

The list (``xi_putin_contacts``) has one row per contact; the official Chinese tallies count
meetings in person and by video, not phone calls. Counting choices (rows or trips,
announced visits or only those reported as held, confidence) are arguments, so the chapter
can show how a headline number depends on them.
"""

from __future__ import annotations

import pandas as pd

from analysis.datasets import load
from analysis.evidence.published import figures
from analysis.evidence.verdicts import Verdict, evaluator

GOVERNANCE = "governance_published_figures"
CATEGORIES = ["in person, in China or Russia", "in person, elsewhere", "video", "phone"]


def contacts(data: pd.DataFrame | None = None) -> pd.DataFrame:
    d = (load("xi_putin_contacts") if data is None else data).copy()
    d["date_start"] = pd.to_datetime(d["date_start"])
    d = d.sort_values("date_start", ignore_index=True)
    category = d["mode"].map({"video": "video", "phone": "phone"})
    category = category.fillna(d["in_china_or_russia"].map({"yes": CATEGORIES[0], "no": CATEGORIES[1]}))
    return d.assign(category=category)


def meetings(
    confidence=("high", "medium"),
    include_announced: bool = False,
    until: str | None = None,
    data: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Contacts that count as meetings under the official rule (in person or video), confirmed
    (and announced, if asked), of the given confidence, up to ``until`` (ISO date)."""
    d = contacts(data)
    keep = (d["counts_as_meeting"] == "yes") & d["confidence"].isin(confidence)
    keep &= d["status"].eq("confirmed") | (include_announced & d["status"].eq("announced_only"))
    if until is not None:
        keep &= d["date_start"] <= pd.Timestamp(until)
    return d[keep].reset_index(drop=True)


def per_year(data: pd.DataFrame | None = None) -> pd.DataFrame:
    """Confirmed contacts of medium or high confidence by year and category."""
    d = contacts(data)
    d = d[(d["status"] == "confirmed") & d["confidence"].isin(["high", "medium"])]
    wide = d.pivot_table(index="year", columns="category", values="place", aggfunc="count", fill_value=0)
    return wide.reindex(columns=CATEGORIES, fill_value=0).astype(int)


def running_tally(data: pd.DataFrame | None = None) -> pd.Series:
    """Cumulative number of meetings (official rule) at each meeting's date."""
    m = meetings(data=data)
    return pd.Series(range(1, len(m) + 1), index=m["date_start"], name="meetings")


def against_tallies(data: pd.DataFrame | None = None, published_data: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each official running tally beside the list's count of meetings up to the same date."""
    tallies = figures("xi_putin_meetings_tally", published_data, GOVERNANCE)
    tally = running_tally(data)
    rows = []
    for _, t in tallies.iterrows():
        period = t["period"]
        end = pd.Timestamp(period)  # the tallies are dated to the meeting they count, or the day before a trip
        rows.append(
            {
                "as of": period,
                "official": int(t["value"]),
                "list": int((tally.index <= end).sum()),
                "said by": t["reported_by"],
                "address": t["address"],
            }
        )
    return pd.DataFrame(rows)


@evaluator
def evaluate_c02(until: str = "2026-05-31", stated_range=(45, 50), data: pd.DataFrame | None = None) -> Verdict:
    """C02: Xi and Putin have met nearly 50 times since 2013, in person or by video."""
    m = meetings(until=until, data=data)
    trips = m["trip"].nunique()
    n = len(m)
    ok = stated_range[0] <= n <= stated_range[1]
    return Verdict(
        "C02",
        "reproduced" if ok else "differs",
        "nearly 50",
        f"{n} meetings in person or by video from March 2013 to {until} ({trips} counting a journey once)",
        f"Counted as the official Chinese tallies count (no phone calls), confirmed meetings only; "
        f"'nearly 50' is taken as {stated_range[0]} to {stated_range[1]}.",
    )


def in_person_since(
    after: str = "2022-02-24", include_announced: bool = True, by_trip: bool = True, data: pd.DataFrame | None = None
) -> int:
    d = contacts(data)
    keep = (d["mode"] == "in_person") & (d["in_china_or_russia"] == "yes") & (d["date_start"] > pd.Timestamp(after))
    keep &= d["status"].eq("confirmed") | (include_announced & d["status"].eq("announced_only"))
    rows = d[keep]
    return int(rows["trip"].nunique() if by_trip else len(rows))


def counting_choices(after: str = "2022-02-24", data: pd.DataFrame | None = None) -> pd.DataFrame:
    """In-person meetings in China or Russia after ``after`` under each counting choice."""
    rows = []
    for by_trip in (True, False):
        for announced in (True, False):
            rows.append(
                {
                    "unit": "journeys" if by_trip else "rows (days of talks)",
                    "announced visit": "included" if announced else "left out",
                    "count": in_person_since(after, announced, by_trip, data),
                }
            )
    return pd.DataFrame(rows)


@evaluator
def evaluate_c16(
    stated: int = 7,
    after: str = "2022-02-24",
    by_trip: bool = True,
    include_announced: bool = True,
    data: pd.DataFrame | None = None,
) -> Verdict:
    """C16: seven in-person meetings in China or Russia since the 2022 invasion."""
    table = counting_choices(after, data)
    book = in_person_since(after, include_announced, by_trip, data)
    matches = table[table["count"] == stated]
    choices = "; ".join(
        f"{r['unit']}, announced visit {r['announced visit']}: {r['count']}" for _, r in table.iterrows()
    )
    return Verdict(
        "C16",
        "reproduced" if book == stated else "differs",
        f"{stated}",
        f"{book} {'journeys' if by_trip else 'days of talks'} (the May 2026 visit, announced, "
        f"{'included' if include_announced else 'left out'})",
        f"Under each counting choice: {choices}. The stated number holds under {len(matches)} of the "
        f"{len(table)} choices.",
    )
