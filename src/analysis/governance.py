"""Chapter 3, visions for global governance: the UN Security Council and General Assembly,
the SCO and BRICS, and the banks and funds beside the UN."""

from __future__ import annotations

import pandas as pd

from analysis.assessments import Reading
from analysis.claims import Verdict
from analysis.datasets import load
from analysis.published import describe, latest

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
    return v.pivot_table(index="decade", columns="member", values="id", aggfunc="count", fill_value=0).reindex(columns=P5, fill_value=0)


def evaluate_c17(since: str = "2022-01-01", stated: int = 13, by: str = "day", data: pd.DataFrame | None = None) -> Verdict:
    """C17: Russia has vetoed 13 times since 2022."""
    n = count("RUS", since, by, data)
    other = count("RUS", since, "text" if by == "day" else "day", data)
    return Verdict("C17", "reproduced" if n == stated else "differs", f"{stated} since 2022",
                   f"{n} counted by voting day, {other} counted by vetoed text" if by == "day"
                   else f"{n} counted by vetoed text, {other} counted by voting day",
                   f"Counting rule of the verdict: one veto per {by}. Two amendments vetoed at one meeting make the "
                   "difference between the two counts.")


def evaluate_c18(since: str = "2000-01-01", stated_rank: int = 3, data: pd.DataFrame | None = None) -> Verdict:
    """C18: China is the third most frequent user of the veto in the 21st century."""
    counts = count(since=since, data=data).sort_values(ascending=False)
    rank = int((counts > counts["CHN"]).sum()) + 1
    text = ", ".join(f"{m} {n}" for m, n in counts.items())
    return Verdict("C18", "reproduced" if rank == stated_rank else "differs", f"rank {stated_rank}",
                   f"rank {rank} (vetoed texts since {since[:4]}: {text})", "One veto per vetoed text.")


def evaluate_c19(since: str = "1946-01-01", data: pd.DataFrame | None = None) -> Verdict:
    """C19: China has never vetoed without Russia."""
    alone_all = lone("CHN", since, data)
    alone_2000 = lone("CHN", "2000-01-01", data)
    years = ", ".join(str(y) for y in alone_all["date"].dt.year)
    verdict = "reproduced" if alone_all.empty else "contradicted"
    return Verdict("C19", verdict, "never",
                   f"{len(alone_all)} vetoes cast by China alone since {since[:4]}" + (f" ({years})" if years else ""),
                   f"Since 2000 China has vetoed alone {len(alone_2000)} times: every Chinese veto of the 21st century "
                   "was cast with Russia. The claim holds for that period, not for the whole record.")


def evaluate_c20(date: str = "2026-04-07", data: pd.DataFrame | None = None) -> Verdict:
    """C20: Russia and China vetoed together on 7 April 2026 (Strait of Hormuz)."""
    v = vetoes(data)
    day = v[v["date"] == pd.Timestamp(date)]
    joint = set(day["member"]) >= {"CHN", "RUS"}
    subject = day["subject"].iloc[0] if not day.empty else "no veto that day"
    return Verdict("C20", "reproduced" if joint else "contradicted", f"joint veto on {date}",
                   f"{date}: vetoed by {', '.join(sorted(set(day['member']))) or 'nobody'} ({subject})",
                   "From the book's evidence log; the draft symbol was not seen on a UN page.")


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
    d["since_date"] = pd.to_datetime(d["since"].str.pad(10, side="right", fillchar="-")
                                     .str.replace(r"^(\d{4})----.*", r"\1-01-01", regex=True)
                                     .str.replace(r"^(\d{4}-\d{2})---$", r"\1-01", regex=True))
    return d


def status_as_of(organisation: str, date: str, data: pd.DataFrame | None = None) -> pd.Series:
    """Each country's latest status in ``organisation`` on ``date`` (iso3 → status)."""
    d = membership(data)
    d = d[(d["organisation"] == organisation) & (d["since_date"] <= pd.Timestamp(date))]
    return d.sort_values("since_date").groupby("iso3")["status"].last()


def growth(organisation: str, years, statuses=("member",), data: pd.DataFrame | None = None) -> pd.Series:
    """Number of countries holding one of ``statuses`` at the end of each year."""
    return pd.Series([int(status_as_of(organisation, f"{y}-12-31", data).isin(statuses).sum()) for y in years],
                     index=list(years), name=organisation)


# --------------------------------------------------------------------------------------
# Development finance


def evaluate_c21(stated_usd_bn: float = 43.0, tolerance_pct: float = 5.0, published_data: pd.DataFrame | None = None) -> Verdict:
    """C21: the New Development Bank has invested about US$ 43 bn."""
    last = latest("ndb_cumulative_approvals", published_data, GOVERNANCE)
    off = 100 * (last["value"] / stated_usd_bn - 1)
    return Verdict("C21", "reproduced" if abs(off) <= tolerance_pct else "differs", f"about US$ {stated_usd_bn:g} bn",
                   f"{describe(last)}: {off:+.0f} % against the report", f"Within ±{tolerance_pct:g} % counts as reproduced. "
                   "No public page seen gives the report's figure.")


def evaluate_c22(stated_usd_bn: float = 1400.0, tolerance_pct: float = 5.0, published_data: pd.DataFrame | None = None) -> Verdict:
    """C22: Belt and Road investment exceeds US$ 1.4 trillion."""
    last = latest("bri_cumulative_engagement", published_data, GOVERNANCE)
    off = 100 * (last["value"] / stated_usd_bn - 1)
    return Verdict("C22", "reproduced" if abs(off) <= tolerance_pct else "differs", f"over US$ {stated_usd_bn / 1000:g} trillion",
                   describe(last), f"Within ±{tolerance_pct:g} % counts as reproduced; the source's wording is 'nearly', "
                   "the report's 'exceeds'. It is a cumulative figure of construction contracts and investment from "
                   "a private tracker, traced to another source than the one the report names.")


# --------------------------------------------------------------------------------------
# Net assessments


def read_na15(since: str = "2000-01-01", times: float = 2.0, data: pd.DataFrame | None = None,
              agreement_data: pd.DataFrame | None = None) -> Reading:
    """NA15: both defend the Security Council that gives them a veto; China works inside the UN,
    Russia around it."""
    counts = count(since=since, data=data)
    china_alone = len(lone("CHN", since, data))
    log = (load("unsc_vetoes") if data is None else data)
    solo = log[(log["vetoing"] == "RUS") & (log["china_vote"].fillna("") != "")]
    against = int((solo["china_vote"] == "against").sum())
    ga = agreement(agreement_data)
    last = int(ga.index.max())
    ok = counts["RUS"] >= times * counts["CHN"] and china_alone == 0 and against == 0
    votes = solo["china_vote"].value_counts()
    return Reading(
        "NA15", "supported" if ok else "qualified",
        f"Vetoed texts since {since[:4]}: Russia {counts['RUS']}, China {counts['CHN']}, China alone {china_alone}. When "
        f"Russia vetoed alone and China's vote is known ({len(solo)} texts), China "
        + ", ".join(f"{v}: {n}" for v, n in votes.items())
        + f". In the General Assembly in {last}, China voted as Russia on {ga.at[last, 'CHN-RUS']:.0f} % of roll calls "
        f"and as the United States on {ga.at[last, 'CHN-USA']:.0f} %.",
        f"Supported if Russia cast at least {times:g} times China's vetoes since {since[:4]}, China never vetoed alone "
        "and never voted against a text Russia vetoed alone; qualified otherwise. What each wants from the UN is "
        "qualitative.")


def read_na16(base_year: int = 2015, last_year: int = 2025, data: pd.DataFrame | None = None) -> Reading:
    """NA16: both back the growth of BRICS and the SCO, for different ends."""
    statuses = ("member", "partner", "observer", "dialogue partner")
    grew = {}
    for org in ("SCO", "BRICS"):
        g = growth(org, [base_year, last_year], statuses, data)
        m = growth(org, [base_year, last_year], ("member",), data)
        grew[org] = (int(g[base_year]), int(g[last_year]), int(m[base_year]), int(m[last_year]))
    both = all(v[1] > v[0] for v in grew.values())
    return Reading(
        "NA16", "supported" if both else "qualified",
        "; ".join(f"{org}: {v[2]} members and {v[0] - v[2]} other associates at the end of {base_year}, {v[3]} and "
                  f"{v[1] - v[3]} at the end of {last_year}" for org, v in grew.items())
        + ". Whether the support for expansion is tactical, and what each capital wants from it, no count shows.",
        f"Supported if both organisations counted more members and associated countries in {last_year} than in "
        f"{base_year} (the expansion both backed); qualified otherwise. The motives are qualitative.")
