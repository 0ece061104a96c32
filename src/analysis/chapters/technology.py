"""Chapter 1 §6, technology: how much of Russia's critical dual-use imports come from China.

The public evidence is a published estimate built from customs records of the goods on the
allies' Common High Priority List; the records themselves are commercial, so the book
compares the report's range with that estimate rather than recomputing it.
"""

from __future__ import annotations

import pandas as pd

from analysis.evidence.published import describe, for_year
from analysis.evidence.verdicts import NOT_OBTAINED, Reading, Verdict, evaluator


@evaluator
def evaluate_c15(year: int = 2023, stated_range=(70.0, 90.0), data: pd.DataFrame | None = None) -> Verdict:
    """C15: China supplied 70–90 % of Russia's imports in critical dual-use categories in 2023."""
    rows = for_year("china_share_of_high_priority_imports", year, data)
    stated = f"{stated_range[0]:g}–{stated_range[1]:g} % ({year})"
    if rows.empty:
        return Verdict("C15", NOT_OBTAINED, stated, f"no published figure for {year}")
    inside = rows["value"].between(*stated_range).all()
    return Verdict(
        "C15",
        "reproduced" if inside else "differs",
        stated,
        "; ".join(describe(r) for _, r in rows.iterrows()),
        "Reproduced if every published estimate for the year lies in the stated range. The estimate is "
        "another analyst's, from customs records that are not public; the book does not recompute it.",
    )


@evaluator
def read_na4(year: int = 2023, majority_pct: float = 50.0, data: pd.DataFrame | None = None) -> Reading:
    """NA4: China supplies most of Russia's critical dual-use imports."""
    rows = for_year("china_share_of_high_priority_imports", year, data)
    if rows.empty:
        return Reading("NA4", "qualitative", f"no published share for {year}", "no figure to apply the rule to")
    above = rows["value"] > majority_pct
    reading = "supported" if above.all() else ("qualified" if above.any() else "contradicted")
    return Reading(
        "NA4",
        reading,
        "China's share of Russia's imports of high-priority dual-use goods: "
        + "; ".join(describe(r) for _, r in rows.iterrows())
        + ". Whether China withholds lethal aid, and how far Russia's technology now depends on it, no public "
        "series measures.",
        f"Supported if every published share for {year} is above {majority_pct:g} % ('most'); qualified if only "
        "some are; contradicted if none is. The other halves of the assessment are qualitative.",
    )
