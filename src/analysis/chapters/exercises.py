"""Chapter 2 §3, joint exercises: the book's event list, its counts, and the published counts.

The list (``joint_exercises``) records joint activities of Chinese and Russian forces with
an address per row. What counts as "a joint exercise" differs between publishers, so the
counting rule is a parameter: the book's default counts exercises and joint patrols of the
two armed forces, each exercise once (a later phase is ``part_of`` its first).
"""

from __future__ import annotations

import pandas as pd

from analysis.datasets import load
from analysis.evidence.published import describe, figures
from analysis.evidence.verdicts import NOT_OBTAINED, Reading, Verdict, evaluator

# A counting rule: the kinds of event, the forces and the formats it counts.
BILATERAL_AND_SCO = {"bilateral", "multilateral"}
RULES = {
    "exercises and patrols": ({"exercise", "patrol"}, {"armed forces"}, BILATERAL_AND_SCO),
    "exercises only": ({"exercise"}, {"armed forces"}, BILATERAL_AND_SCO),
    "with large multinational drills": (
        {"exercise", "patrol"},
        {"armed forces"},
        BILATERAL_AND_SCO | {"large multinational"},
    ),
    "every joint activity": (
        {"exercise", "patrol", "competition"},
        {"armed forces", "paramilitary", "coast guard", "police", "civil emergency"},
        BILATERAL_AND_SCO | {"large multinational"},
    ),
}
DEFAULT_RULE = "exercises and patrols"
MILITARY = "military_published_figures"


def events(data: pd.DataFrame | None = None) -> pd.DataFrame:
    """The event list, oldest first."""
    d = load("joint_exercises") if data is None else data
    return d.sort_values(["year", "start_date", "name"], na_position="last", ignore_index=True)


def counted(rule: str = DEFAULT_RULE, data: pd.DataFrame | None = None) -> pd.DataFrame:
    """The events a counting rule counts: its kinds and forces, each exercise once."""
    if rule not in RULES:
        raise ValueError(f"counting rule must be one of {list(RULES)}, not {rule!r}")
    kinds, forces, formats = RULES[rule]
    d = events(data)
    keep = d["kind"].isin(kinds) & d["forces"].isin(forces) & d["format"].isin(formats) & d["part_of"].isna()
    return d[keep].reset_index(drop=True)


def per_year(rule: str = DEFAULT_RULE, years=None, data: pd.DataFrame | None = None) -> pd.Series:
    """Number of counted events by year; a year without one is a zero."""
    c = counted(rule, data)
    years = range(int(c["year"].min()), int(c["year"].max()) + 1) if years is None else years
    return c.groupby("year").size().reindex(list(years), fill_value=0).rename("events").rename_axis("year")


def mix(by: str, rule: str = DEFAULT_RULE, years=None, data: pd.DataFrame | None = None) -> pd.DataFrame:
    """Counted events by year and ``by`` (domain, format, kind or contested_area), one column each."""
    c = counted(rule, data)
    years = range(int(c["year"].min()), int(c["year"].max()) + 1) if years is None else years
    wide = c.pivot_table(index="year", columns=by, values="name", aggfunc="count", fill_value=0)
    wide = wide.reindex(list(years), fill_value=0)
    wide.columns.name = None
    return wide.astype(int)


MILESTONES = {
    "first joint exercise": lambda d: d[(d["kind"] == "exercise") & (d["format"] == "bilateral")],
    "naval exercises": lambda d: d[(d["kind"] == "exercise") & (d["domain"] == "naval")],
    "large land exercises": lambda d: d[
        (d["kind"] == "exercise")
        & (d["format"] == "bilateral")
        & d["domain"].isin(["land", "combined arms"])
        & (d["year"] > 2005)
    ],
    "missile defence": lambda d: d[d["domain"] == "missile defence"],
    "air defence": lambda d: d[
        (d["domain"] == "missile defence") & (d["year"] > d.loc[d["domain"] == "missile defence", "year"].min())
    ],
    "a Russian strategic exercise with the PLA": lambda d: d[d["domain"] == "strategic command-staff"],
}


def milestones(data: pd.DataFrame | None = None) -> pd.DataFrame:
    """First year and first event of each milestone, in the armed forces' exercises of the list."""
    d = counted("exercises only", data)
    rows = []
    for label, rule in MILESTONES.items():
        hits = rule(d)
        first = hits.iloc[0] if not hits.empty else None
        rows.append(
            {
                "milestone": label,
                "first_year": None if first is None else int(first["year"]),
                "first_event": "" if first is None else first["name"],
            }
        )
    return pd.DataFrame(rows)


@evaluator
def evaluate_c23(
    stated: dict,
    peak_years=(2018, 2021),
    last_year: int = 2025,
    rule: str = DEFAULT_RULE,
    data: pd.DataFrame | None = None,
) -> Verdict:
    """C23: the report's milestones of the exercises, and their peak in 2018–2021."""
    found = milestones(data).set_index("milestone")
    parts, matched = [], 0
    for label, year in stated.items():
        first = found.at[label, "first_year"]
        ok = first == year
        matched += ok
        got = "not in the list" if pd.isna(first) else f"{int(first)} ({found.at[label, 'first_event']})"
        parts.append(f"{label}: report {year}, list {got}")
    counts = per_year(rule, years=range(2003, last_year + 1), data=data)
    inside = counts.loc[peak_years[0] : peak_years[1]].mean()
    later = counts.loc[peak_years[1] + 1 :].mean()
    peak_ok = inside >= later
    total = len(stated) + 1
    hits = matched + peak_ok
    verdict = "reproduced" if hits == total else ("differs" if hits >= total / 2 else "contradicted")
    parts.append(
        f"events a year ({rule}): {inside:.1f} in {peak_years[0]}–{peak_years[1]}, "
        f"{later:.1f} in {peak_years[1] + 1}–{int(counts.index.max())}"
    )
    return Verdict(
        "C23",
        verdict,
        "; ".join(f"{k} {v}" for k, v in stated.items()) + f"; peak {peak_years[0]}–{peak_years[1]}",
        "; ".join(parts),
        f"{hits} of {total} checks hold. Each milestone is the first year of its kind of exercise in the "
        "book's list (armed forces only); the list is not exhaustive, so an earlier event may be missing.",
    )


def nato_comparison(
    rule: str = DEFAULT_RULE, data: pd.DataFrame | None = None, published_data: pd.DataFrame | None = None
) -> pd.DataFrame:
    """NATO's exercises in each year a public count exists, beside the list's count that year."""
    nato = figures("nato_exercises", published_data, MILITARY)
    counts = per_year(rule, data=data)
    out = pd.DataFrame(
        {
            "year": nato["year"].astype(int),
            "nato": nato["value"],
            "nato_basis": nato["unit"],
            "china_russia": [int(counts.get(y, 0)) for y in nato["year"]],
        }
    )
    out["times"] = out["nato"] / out["china_russia"].where(out["china_russia"] > 0)
    return out


@evaluator
def evaluate_c25(
    times: float = 5.0,
    rule: str = DEFAULT_RULE,
    data: pd.DataFrame | None = None,
    published_data: pd.DataFrame | None = None,
) -> Verdict:
    """C25: the two countries drill together far less often than NATO's forces exercise."""
    table = nato_comparison(rule, data, published_data)
    if table.empty:
        return Verdict("C25", NOT_OBTAINED, "far fewer than NATO's", "no public NATO count")
    ok = (table["times"] >= times).all()
    text = "; ".join(
        f"{r.year}: NATO {r.nato:g} ({r.nato_basis}), China and Russia {r.china_russia}" for r in table.itertuples()
    )
    return Verdict(
        "C25",
        "reproduced" if ok else "differs",
        "bilateral drills far fewer than NATO's exercises",
        text,
        f"Reproduced if NATO's count is at least {times:g} times the list's in every year both exist "
        f"(counting rule: {rule}). NATO's allies hold further national and multinational exercises on top.",
    )


# Seas and airspace where a third state's claims or air-defence zones are met, for the strict
# reading of "contested": an event coded contested in the list counts only if its location
# names one of these (Russian home waters such as Peter the Great Bay or the Sea of Okhotsk,
# and the Baltic or the Mediterranean, do not).
THIRD_PARTY_WATERS = r"East China Sea|South China Sea|Philippine Sea|[Ww]estern Pacific|straits of Japan|Alaska|Aleutian|Bering|Chukchi|Arctic"
CODINGS = ("as coded in the list", "third-party waters only")


def contested(
    coding: str = CODINGS[0], rule: str = DEFAULT_RULE, years=None, data: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Counted events by year: all, and those in contested waters or airspace under ``coding``."""
    if coding not in CODINGS:
        raise ValueError(f"coding must be one of {list(CODINGS)}, not {coding!r}")
    c = counted(rule, data)
    hit = c["contested_area"].eq("yes")
    if coding == CODINGS[1]:
        hit &= c["location"].fillna("").str.contains(THIRD_PARTY_WATERS)
    years = range(int(c["year"].min()), int(c["year"].max()) + 1) if years is None else years
    out = pd.DataFrame({"events": c.groupby("year").size(), "contested": c[hit].groupby("year").size()})
    return out.reindex(list(years), fill_value=0).fillna(0).astype(int).rename_axis("year")


def two_windows(
    window: int, last_year: int, rule: str = DEFAULT_RULE, coding: str = CODINGS[0], data: pd.DataFrame | None = None
) -> tuple[pd.Series, pd.Series]:
    """Counted events and those in contested areas (``events``, ``contested``) over the ``window``
    years before the last ``window`` years up to ``last_year``, and over those last years."""
    table = contested(coding, rule, years=range(last_year - 2 * window + 1, last_year + 1), data=data)
    return table.loc[: last_year - window].sum(), table.loc[last_year - window + 1 :].sum()


def contested_share(counts: pd.Series) -> float:
    """The share of events in contested areas, %, of a window's counts (0 when it holds none)."""
    return 100 * counts["contested"] / counts["events"] if counts["events"] else 0.0


@evaluator
def read_na8(
    window: int = 5,
    last_year: int = 2025,
    rule: str = DEFAULT_RULE,
    coding: str = CODINGS[0],
    data: pd.DataFrame | None = None,
) -> Reading:
    """NA8: joint drills are a show of unity, staged more and more in contested waters and airspace.

    "More and more" is read two ways, both of which must hold: more such events in the last
    ``window`` years than in the ``window`` before, and a larger share of all counted events.
    A list that grows with time (better coverage, patrols from 2019) can raise the count
    without raising the share."""
    table = contested(coding, rule, years=range(2003, last_year + 1), data=data)
    before, recent = two_windows(window, last_year, rule, coding, data)
    share = contested_share
    more, denser = recent["contested"] > before["contested"], share(recent) > share(before)
    reading = "supported" if more and denser else ("qualified" if more or denser else "contradicted")
    first = table[table["contested"] > 0]
    first_text = f"the first in the list dates from {int(first.index.min())}" if not first.empty else "none in the list"
    return Reading(
        "NA8",
        reading,
        f"Events in contested waters and airspace ({rule}; {coding}): {before['contested']} of {before['events']} "
        f"({share(before):.0f} %) in {last_year - 2 * window + 1}–{last_year - window}, {recent['contested']} of "
        f"{recent['events']} ({share(recent):.0f} %) in {last_year - window + 1}–{last_year}; {first_text}. "
        "Whether the drills are chiefly a show of unity aimed at the United States is a judgement no count can settle.",
        f"Supported if the last {window} years hold both more events in contested areas and a larger share of all "
        f"events than the {window} years before; qualified if only one rises; contradicted if neither does.",
    )


@evaluator
def read_na13(
    import_share_pct: float = 100 / 3,
    baseline_year: int = 2020,
    dual_use_pct: float = 50.0,
    shares_data: pd.DataFrame | None = None,
    economy_data: pd.DataFrame | None = None,
) -> Reading:
    """NA13: the chapter's four points. Three (neither fights the other's wars, no connective
    tissue, drilling side by side) leave no public count; the fourth, Russia becoming
    over-reliant on Chinese imports, is a level and a trend, and is what the rule reads."""
    from analysis.chapters.economy import weight
    from analysis.evidence.published import latest

    measured = weight("RUS", "imports", shares_data)
    imports = latest("china_share_of_russia_imports", economy_data)
    dual = latest("china_share_of_high_priority_imports", economy_data)
    base = float(measured[baseline_year])
    high = imports["value"] > import_share_pct and dual["value"] > dual_use_pct
    rising = imports["value"] > base
    reading = "supported" if high and rising else ("qualified" if high or rising else "contradicted")
    return Reading(
        "NA13",
        reading,
        "(1) Not fighting each other's wars, (2) no connective tissue and (3) drilling side by side rather than "
        "together: qualitative; joint command, planning and intent leave no public record to count (NATO's far "
        "larger exercise counts are set beside the list on this page as context, not as a test). (4) Reliance on "
        f"Chinese imports: China supplied {base:.1f} % of Russia's imports in {baseline_year} (Russia-reported, IMF "
        f"DOTS) and {describe(imports)} at the latest estimate, and {describe(dual)} of Russia's high-priority "
        "dual-use imports (chapter 1). The later figure is an estimate from another source, not the same series.",
        f"Point 4 only: supported if China's latest share of Russia's imports is over {import_share_pct:.0f} % and "
        f"above its {baseline_year} level, and China supplies over {dual_use_pct:g} % of Russia's critical dual-use "
        "imports; qualified if the level is high but not rising, or rising but not high; contradicted if neither.",
    )
