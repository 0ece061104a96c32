"""Chapter 3 and the introduction, further statements on the leaders and the institutions: X13
(when BRICS expanded), X22 (a visit every year) and X24 (how much the development banks lend)."""

from __future__ import annotations

import pandas as pd

from analysis.chapters.governance import GOVERNANCE, membership
from analysis.chapters.meetings import meetings
from analysis.evidence.published import describe, latest
from analysis.evidence.verdicts import Verdict, evaluator

FOUNDERS_UNTIL = "2012-01-01"  # BRIC's four and South Africa, who joined in 2010-11


def brics_dates(data: pd.DataFrame | None = None) -> dict:
    """When the post-2011 expansion was decided (first invitation), took effect (first new
    member) and what came into force after the Kazan summit of October 2024."""
    d = membership(data)
    d = d[(d["organisation"] == "BRICS") & (d["since_date"] >= pd.Timestamp(FOUNDERS_UNTIL))]
    invited = d[d["status"] == "invited"]["since_date"].min()
    joined = d[d["status"] == "member"]["since_date"].min()
    after_kazan = d[d["since_date"] >= pd.Timestamp("2024-10-22")]
    return {
        "invited": invited,
        "joined": joined,
        "after_kazan": after_kazan["status"].value_counts().to_dict(),
        "members_joined_at_start": int(((d["status"] == "member") & (d["since_date"] == joined)).sum()),
    }


@evaluator
def evaluate_x13(intro_year: int = 2023, chapter_year: int = 2024, data: pd.DataFrame | None = None) -> Verdict:
    """X13: the introduction dates the BRICS expansion to 2023; chapter 3 to 2024, "formalised at
    the Kazan summit".

    Each dating is checked against the membership record: the year of the first invitations and
    the year the new members took their seats. The Kazan summit (October 2024) holds if new
    members joined on its decision. Reproduced only if both datings hold."""
    dates = brics_dates(data)
    intro_ok = dates["invited"].year == intro_year
    kazan_members = dates["after_kazan"].get("member", 0)
    kazan_ok = dates["joined"].year == chapter_year and kazan_members >= dates["members_joined_at_start"]
    verdict = "reproduced" if intro_ok and kazan_ok else ("differs" if intro_ok or kazan_ok else "contradicted")
    after = ", ".join(f"{n} {s}" for s, n in dates["after_kazan"].items())
    return Verdict(
        "X13",
        verdict,
        f"expansion in {intro_year} (introduction); in {chapter_year}, at Kazan (chapter 3)",
        f"invitations {dates['invited']:%b %Y}; {dates['members_joined_at_start']} new members from "
        f"{dates['joined']:%d %b %Y}; after the Kazan summit: {after}",
        "The expansion was decided at Johannesburg in August 2023 and took effect on 1 January 2024; the Kazan "
        "summit created the partner category, whose first partners took effect in 2025. No official source "
        "renames the group 'BRICS+', a label for its outreach format.",
    )


@evaluator
def evaluate_x22(
    first: int = 2013, last: int = 2025, anywhere: bool = False, data: pd.DataFrame | None = None
) -> Verdict:
    """X22: Putin and Xi visit each other every year.

    Reproduced if every year from ``first`` to ``last`` has an in-person meeting in China or
    Russia (with ``anywhere``, an in-person meeting in any country)."""
    d = meetings(data=data)
    d = d[d["mode"] == "in_person"]
    if not anywhere:
        d = d[d["in_china_or_russia"] == "yes"]
    years = set(d["year"].astype(int))
    missing = [y for y in range(first, last + 1) if y not in years]
    where = "anywhere" if anywhere else "in China or Russia"
    return Verdict(
        "X22",
        "reproduced" if not missing else "differs",
        "a visit every year",
        f"years {first}–{last} with an in-person meeting {where}: {last - first + 1 - len(missing)} of "
        f"{last - first + 1}" + (f"; none in {', '.join(map(str, missing))}" if missing else ""),
        "Confirmed meetings of the book's list; video calls do not count as visits.",
    )


@evaluator
def evaluate_x24(
    low_usd_bn: float = 10.0, high_usd_bn: float = 100.0, published_data: pd.DataFrame | None = None
) -> Verdict:
    """X24: the BRICS and Eurasian development banks lend only tens of billions.

    Reproduced if the New Development Bank's cumulative approvals lie between ``low_usd_bn`` and
    ``high_usd_bn`` US$ bn. The Eurasian Development Bank's portfolio is not in the book."""
    ndb = latest("ndb_cumulative_approvals", published_data, GOVERNANCE, strongest=True)
    ok = low_usd_bn <= ndb["value"] < high_usd_bn
    return Verdict(
        "X24",
        "reproduced" if ok else "differs",
        "tens of billions",
        f"New Development Bank: {describe(ndb)} approved since 2015",
        f"Reproduced if between US$ {low_usd_bn:g} and {high_usd_bn:g} bn. The Eurasian Development Bank's "
        "portfolio, which the report names too, was not obtained (its annual reports would test it).",
    )
