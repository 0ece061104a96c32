"""Chapter 3, visions for global governance: the UN Security Council and General Assembly,
the SCO and BRICS, and the banks and funds beside the UN."""

from __future__ import annotations

import pandas as pd

from analysis.datasets import load
from analysis.evidence.published import describe, latest
from analysis.evidence.verdicts import Reading, Verdict, evaluator

P5 = ["RUS", "USA", "GBR", "CHN", "FRA"]
GOVERNANCE = "governance_published_figures"


# --------------------------------------------------------------------------------------
# Security Council vetoes


def vetoes(data: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per vetoed text and vetoing member (``member``), with ``alone`` when it was the only one."""
    d = (load("unsc_vetoes") if data is None else data).copy()
    d["date"] = pd.to_datetime(d["date"])
    d["members"] = d["vetoing"].str.split(";")
    d["alone"] = d["members"].str.len() == 1
    return d.explode("members").rename(columns={"members": "member"}).reset_index(drop=True)


def count(member: str | None = None, since: str = "1946-01-01", by: str = "text", data: pd.DataFrame | None = None):
    """Vetoes since a date, per member (a Series) or for one member; ``by`` 'text' (one per vetoed
    text) or 'day' (one per voting day)."""
    v = vetoes(data)
    v = v[v["date"] >= pd.Timestamp(since)]
    if by == "day":
        v = v.drop_duplicates(["member", "date"])
    elif by != "text":
        raise ValueError("by must be 'text' or 'day'")
    counts = v.groupby("member").size().reindex(P5, fill_value=0)
    return int(counts[member]) if member else counts


def lone(member: str, since: str = "1946-01-01", data: pd.DataFrame | None = None) -> pd.DataFrame:
    """Texts ``member`` vetoed without any other permanent member."""
    v = vetoes(data)
    return v[(v["member"] == member) & v["alone"] & (v["date"] >= pd.Timestamp(since))]


def by_decade(data: pd.DataFrame | None = None) -> pd.DataFrame:
    v = vetoes(data)
    v["decade"] = (v["date"].dt.year // 10) * 10
    return v.pivot_table(index="decade", columns="member", values="id", aggfunc="count", fill_value=0).reindex(
        columns=P5, fill_value=0
    )


@evaluator
def evaluate_c17(
    since: str = "2022-01-01", stated: int = 13, by: str = "day", data: pd.DataFrame | None = None
) -> Verdict:
    """C17: Russia has vetoed 13 times since 2022."""
    n = count("RUS", since, by, data)
    other = count("RUS", since, "text" if by == "day" else "day", data)
    return Verdict(
        "C17",
        "reproduced" if n == stated else "differs",
        f"{stated} since 2022",
        f"{n} counted by voting day, {other} counted by vetoed text"
        if by == "day"
        else f"{n} counted by vetoed text, {other} counted by voting day",
        f"Counting rule of the verdict: one veto per {by}. Two amendments vetoed at one meeting make the "
        "difference between the two counts.",
    )


@evaluator
def evaluate_c18(
    since: str = "2000-01-01", stated_rank: int = 3, by: str = "text", data: pd.DataFrame | None = None
) -> Verdict:
    """C18: China is the third most frequent user of the veto in the 21st century."""
    counts = count(since=since, by=by, data=data).sort_values(ascending=False)
    rank = int((counts > counts["CHN"]).sum()) + 1
    text = ", ".join(f"{m} {n}" for m, n in counts.items())
    return Verdict(
        "C18",
        "reproduced" if rank == stated_rank else "differs",
        f"rank {stated_rank}",
        f"rank {rank} (vetoes since {since[:4]}, one per {by}: {text})",
        f"One veto per {'vetoed text' if by == 'text' else 'voting day'}.",
    )


@evaluator
def evaluate_c19(since: str = "1946-01-01", data: pd.DataFrame | None = None) -> Verdict:
    """C19: China has never vetoed without Russia."""
    alone_all = lone("CHN", since, data)
    alone_2000 = lone("CHN", "2000-01-01", data)
    years = ", ".join(str(y) for y in alone_all["date"].dt.year)
    verdict = "reproduced" if alone_all.empty else "contradicted"
    return Verdict(
        "C19",
        verdict,
        "never",
        f"{len(alone_all)} vetoes cast by China alone since {since[:4]}" + (f" ({years})" if years else ""),
        f"Since 2000 China has vetoed alone {len(alone_2000)} times: every Chinese veto of the 21st century "
        "was cast with Russia. The claim holds for that period, not for the whole record.",
    )


@evaluator
def evaluate_c20(date: str = "2026-04-07", data: pd.DataFrame | None = None) -> Verdict:
    """C20: Russia and China vetoed together on 7 April 2026 (Strait of Hormuz)."""
    v = vetoes(data)
    day = v[v["date"] == pd.Timestamp(date)]
    joint = set(day["member"]) >= {"CHN", "RUS"}
    subject = day["subject"].iloc[0] if not day.empty else "no veto that day"
    return Verdict(
        "C20",
        "reproduced" if joint else "contradicted",
        f"joint veto on {date}",
        f"{date}: vetoed by {', '.join(sorted(set(day['member']))) or 'nobody'} ({subject})",
        "From the book's evidence log; the draft symbol was not seen on a UN page.",
    )


# --------------------------------------------------------------------------------------
# General Assembly


def agreement(data: pd.DataFrame | None = None) -> pd.DataFrame:
    """Share of identical votes by year (rows) and pair (columns), %."""
    d = load("unga_agreement") if data is None else data
    wide = d.pivot(index="year", columns="pair", values="agreement_pct")
    wide.columns.name = None
    return wide


# --------------------------------------------------------------------------------------
# SCO and BRICS


def membership(data: pd.DataFrame | None = None) -> pd.DataFrame:
    d = (load("organisation_membership") if data is None else data).copy()
    d["since_date"] = pd.to_datetime(
        d["since"]
        .str.pad(10, side="right", fillchar="-")
        .str.replace(r"^(\d{4})----.*", r"\1-01-01", regex=True)
        .str.replace(r"^(\d{4}-\d{2})---$", r"\1-01", regex=True)
    )
    return d


def status_as_of(organisation: str, date: str, data: pd.DataFrame | None = None) -> pd.Series:
    """Each country's latest status in ``organisation`` on ``date`` (iso3 → status)."""
    d = membership(data)
    d = d[(d["organisation"] == organisation) & (d["since_date"] <= pd.Timestamp(date))]
    return d.sort_values("since_date").groupby("iso3")["status"].last()


def growth(organisation: str, years, statuses=("member",), data: pd.DataFrame | None = None) -> pd.Series:
    """Number of countries holding one of ``statuses`` at the end of each year."""
    return pd.Series(
        [int(status_as_of(organisation, f"{y}-12-31", data).isin(statuses).sum()) for y in years],
        index=list(years),
        name=organisation,
    )


# --------------------------------------------------------------------------------------
# Development finance


@evaluator
def evaluate_c21(
    stated_usd_bn: float = 43.0, tolerance_pct: float = 5.0, published_data: pd.DataFrame | None = None
) -> Verdict:
    """C21: the New Development Bank has invested about US$ 43 bn."""
    last = latest("ndb_cumulative_approvals", published_data, GOVERNANCE)
    off = 100 * (last["value"] / stated_usd_bn - 1)
    return Verdict(
        "C21",
        "reproduced" if abs(off) <= tolerance_pct else "differs",
        f"about US$ {stated_usd_bn:g} bn",
        f"{describe(last)}: {off:+.0f} % against the report",
        f"Within ±{tolerance_pct:g} % counts as reproduced. No public page seen gives the report's figure.",
    )


@evaluator
def evaluate_c22(
    stated_usd_bn: float = 1400.0,
    tolerance_pct: float = 5.0,
    measure: str = "engagement",
    published_data: pd.DataFrame | None = None,
) -> Verdict:
    """C22: Belt and Road investment exceeds US$ 1.4 trillion.

    The tracker the report cites counts construction contracts and investment together
    ("engagement"); ``measure`` 'investment' reads the investment part alone."""
    if measure not in ("engagement", "investment"):
        raise ValueError(f"measure must be 'engagement' or 'investment', not {measure!r}")
    last = latest(f"bri_cumulative_{measure}", published_data, GOVERNANCE, strongest=True)
    invest = latest("bri_cumulative_investment", published_data, GOVERNANCE, strongest=True)
    off = 100 * (last["value"] / stated_usd_bn - 1)
    return Verdict(
        "C22",
        "reproduced" if abs(off) <= tolerance_pct else "differs",
        f"over US$ {stated_usd_bn / 1000:g} trillion",
        f"{measure}: {describe(last)}, {off:+.0f} % against the report",
        f"Within ±{tolerance_pct:g} % counts as reproduced. The figure the report cites is cumulative Belt and "
        "Road 'engagement' since 2013 (construction contracts and non-financial investment together), and "
        f"its source says 'almost', the report 'exceeds'. Investment alone: {describe(invest)}, "
        f"{100 * invest['value'] / stated_usd_bn:.0f} % of the report's figure.",
    )


@evaluator
def evaluate_c26(published_data: pd.DataFrame | None = None) -> Verdict:
    """C26: Russia is the country Xi Jinping has visited most often.

    Reproduced when Xi's latest statement ranks Russia first and the latest published count of
    his visits to Russia exceeds every published count of his visits to another country."""
    from analysis.evidence.published import figures

    said = figures("xi_russia_most_visited", published_data, GOVERNANCE)
    d = load(GOVERNANCE) if published_data is None else published_data
    others = sorted(i for i in d["indicator"].unique() if i.startswith("xi_visits_to_") and i != "xi_visits_to_russia")
    russia = latest("xi_visits_to_russia", published_data, GOVERNANCE)
    rivals = [latest(i, published_data, GOVERNANCE) for i in others]
    first = not said.empty and (said["value"] == 1).all()
    ahead = all(russia["value"] > r["value"] for r in rivals)
    rival_text = "; ".join(f"{r['indicator'].removeprefix('xi_visits_to_').title()} {describe(r)}" for r in rivals)
    return Verdict(
        "C26",
        "reproduced" if first and ahead else "differs",
        "the most visited country",
        f"Xi named Russia his most visited country in {', '.join(str(y) for y in said['year'])}; visits to "
        f"Russia: {describe(russia)}; the next highest count found: {rival_text or 'none'}",
        "No complete public list of Xi's journeys by country was found (the CSIS ChinaPower data end in "
        "2020), so the count is set against the other countries whose counts are published; a country "
        "with more visits and no published count would be missed.",
    )


# --------------------------------------------------------------------------------------
# Net assessments


@evaluator
def read_na15(
    since: str = "2000-01-01",
    times: float = 2.0,
    abstain_share: float = 0.5,
    data: pd.DataFrame | None = None,
    agreement_data: pd.DataFrame | None = None,
) -> Reading:
    """NA15: both defend the Security Council that gives them a veto; China works inside the UN,
    Russia around it. Three measurable signs, over the window from ``since``: Russia blocks far
    more often than China; China does not block on its own; and when Russia blocks alone, China
    mostly abstains rather than vote for the text (it shields the veto without casting one)."""
    counts = count(since=since, data=data)
    china_alone = len(lone("CHN", since, data))
    log = load("unsc_vetoes") if data is None else data
    solo = log[(log["vetoing"] == "RUS") & (log["date"].astype(str) >= since) & (log["china_vote"].fillna("") != "")]
    votes = solo["china_vote"].value_counts()
    abstained = int(votes.get("abstain", 0))
    checks = [
        counts["RUS"] >= times * counts["CHN"],
        china_alone == 0,
        bool(len(solo)) and abstained >= abstain_share * len(solo),
    ]
    reading = "supported" if all(checks) else ("qualified" if sum(checks) >= 2 else "contradicted")
    ga = agreement(agreement_data)
    last = int(ga.index.max())
    return Reading(
        "NA15",
        reading,
        f"Vetoed texts since {since[:4]}: Russia {counts['RUS']}, China {counts['CHN']}, China alone {china_alone}. When "
        f"Russia vetoed alone since {since[:4]} and China's vote is known ({len(solo)} texts), China "
        + (", ".join(f"{v}: {n}" for v, n in votes.items()) or "has no recorded vote")
        + f". In the General Assembly in {last}, the last year of the roll-call data, China voted as Russia on "
        f"{ga.at[last, 'CHN-RUS']:.0f} % of roll calls and as the United States on {ga.at[last, 'CHN-USA']:.0f} %.",
        f"Supported if, since {since[:4]}, Russia cast at least {times:g} times China's vetoes, China cast none alone, "
        f"and China abstained on at least {abstain_share:.0%} of the texts Russia vetoed alone where its vote is "
        "known; qualified if two hold; contradicted otherwise. What each wants from the UN is qualitative.",
    )
