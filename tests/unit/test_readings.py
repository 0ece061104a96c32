"""Every rule that reads the evidence can fail: small changes to the book's own tables reach
each of its readings (supported, qualified, contradicted), so no rule is a constant."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import load
from analysis.audit import assessments
from analysis.chapters import economy, exercises, finance, governance, investment, military, technology

READINGS = {"supported", "qualified", "contradicted"}


def where(frame: pd.DataFrame, **equal) -> pd.Series:
    mask = pd.Series(True, index=frame.index)
    for column, value in equal.items():
        mask &= frame[column] == value
    return mask


def setting(frame: pd.DataFrame, value, column: str, **equal) -> pd.DataFrame:
    """A copy of ``frame`` with ``column`` set to ``value`` on the rows matching ``equal``."""
    out = frame.copy()
    mask = where(out, **equal)
    assert mask.any(), f"no row matches {equal}"
    out.loc[mask, column] = value
    return out


def reaches_each_reading(read, supported: dict, qualified: dict, contradicted: dict) -> None:
    """``read`` with each set of keyword arguments gives the reading it is named after."""
    for expected, kwargs in (("supported", supported), ("qualified", qualified), ("contradicted", contradicted)):
        assert read(**kwargs).reading == expected, (expected, sorted(kwargs))


def test_every_rule_based_assessment_is_tested_here():
    ruled = {e["id"] for e in assessments.registry() if e.get("evaluate")}
    assert ruled == {"NA1", "NA2", "NA3", "NA4", "NA8", "NA12", "NA13", "NA15"}


def test_na1_reaches_each_reading():
    shares, fuels = load("trade_partner_shares"), load("china_russia_mineral_fuels")
    last = int(shares["year"].max())
    lopsided = setting(
        setting(shares, 30.0, "share_pct", reporter="RUS", flow="total", year=last),
        2.0,
        "share_pct",
        reporter="CHN",
        flow="total",
        year=last,
    )
    lopsided = setting(
        setting(lopsided, 10.0, "share_pct", reporter="RUS", flow="total", year=2013),
        2.0,
        "share_pct",
        reporter="CHN",
        flow="total",
        year=2013,
    )
    even = setting(lopsided, 4.0, "share_pct", reporter="RUS", flow="total", year=last)  # 2 times, narrower than 2013
    little_fuel = setting(fuels, 10.0, "hs27_share_pct", exporter="RUS", year=int(fuels["year"].max()))
    reaches_each_reading(
        economy.read_na1,
        supported=dict(shares_data=lopsided),
        qualified=dict(shares_data=even),
        contradicted=dict(shares_data=even, fuels_data=little_fuel),
    )


def test_na2_reaches_each_reading():
    pub = load("economy_published_figures")
    widening = setting(
        setting(pub, 1.0, "value", indicator="federal_budget_deficit", year=2024),
        3.0,
        "value",
        indicator="federal_budget_deficit",
        year=2025,
    )
    full_fund = setting(widening, 6.6, "value", indicator="nwf_liquid_assets")
    narrowing = setting(full_fund, 0.5, "value", indicator="federal_budget_deficit", year=2025)
    reaches_each_reading(
        finance.read_na2,
        supported=dict(data=widening),
        qualified=dict(data=full_fund),
        contradicted=dict(data=narrowing),
    )


def test_na3_reads_new_lows_over_the_whole_record():
    pub = load("economy_published_figures")
    quoted = "china_ofdi_to_russia_annual_average"
    last = int(load("china_ofdi_russia").dropna(subset=["russia_flow_usd_m"])["year"].max())
    later = (pub["year"] > last) & (pub["indicator"] == quoted)

    def quoted_at(value: float) -> pd.DataFrame:
        return pub.assign(value=pub["value"].mask(later, value))

    record_low = quoted_at(-1.0)  # below every year of MOFCOM's record
    above = quoted_at(5.0)  # above the peak years' average
    below_not_low = quoted_at(0.4)  # below the average, above 2019's -0.38
    reaches_each_reading(
        investment.read_na3,
        supported=dict(published_data=record_low),
        qualified=dict(published_data=below_not_low),
        contradicted=dict(published_data=above),
    )


def test_na4_reaches_each_reading():
    pub = load("economy_published_figures")
    indicator = "china_share_of_high_priority_imports"
    rows = pub[(pub["indicator"] == indicator) & (pub["year"] == 2023)]
    second = rows.iloc[0].copy()
    second["reported_by"], second["value"] = "a second estimate", 40.0
    split = pd.concat(
        [setting(pub, 90.0, "value", indicator=indicator, year=2023), second.to_frame().T], ignore_index=True
    )
    reaches_each_reading(
        technology.read_na4,
        supported=dict(data=setting(pub, 90.0, "value", indicator=indicator, year=2023)),
        qualified=dict(data=split),
        contradicted=dict(data=setting(pub, 40.0, "value", indicator=indicator, year=2023)),
    )


def test_na8_needs_both_more_events_and_a_larger_share():
    d = load("joint_exercises")
    recent, before = d["year"].between(2021, 2025), d["year"].between(2016, 2020)
    rising = d.assign(contested_area=recent.map({True: "yes", False: "no"}))
    everywhere = d.assign(contested_area="yes")
    falling = d.assign(contested_area=before.map({True: "yes", False: "no"}))
    counts = exercises.per_year(years=range(2003, 2026), data=d)
    assert counts.loc[2021:2025].sum() > counts.loc[2016:2020].sum(), "the test needs more events lately"
    reaches_each_reading(
        exercises.read_na8,
        supported=dict(data=rising),
        qualified=dict(data=everywhere),  # more events, same share (all)
        contradicted=dict(data=falling),
    )


def test_na8_strict_coding_leaves_out_home_waters():
    d = load("joint_exercises")
    home = d["location"].str.contains("Peter the Great", na=False) & d["contested_area"].eq("yes")
    assert home.any()
    by_coding = {c: exercises.contested(c, data=d)["contested"].sum() for c in exercises.CODINGS}
    assert by_coding["third-party waters only"] < by_coding["as coded in the list"]


def test_na12_reads_the_trend_of_the_spending_gap():
    spend, arms = load("military_expenditure"), load("arms_transfers")
    pub = load("economy_published_figures")
    last = int(spend.dropna(subset=["value"])["year"].max())
    china_last = where(spend, iso3="CHN", measure="current_usd_m", year=last)
    widening = spend.assign(value=spend["value"].mask(china_last, spend["value"] * 5))
    narrowing = spend.assign(value=spend["value"].mask(china_last, spend["value"] / 5))
    busy = arms.copy()
    busy.loc[(busy["supplier"] == "WLD") & (busy["recipient"] == "CHN") & (busy["year"] >= 2015), "tiv_m"] = 9000.0
    low_dual = setting(pub, 30.0, "value", indicator="china_share_of_high_priority_imports")
    reaches_each_reading(
        military.read_na12,
        supported=dict(spending_data=widening),
        qualified=dict(spending_data=narrowing),
        contradicted=dict(spending_data=widening, data=busy, published_data=low_dual),
    )


def test_na13_reads_level_and_trend_of_reliance():
    pub = load("economy_published_figures")
    latest_year = int(pub.loc[pub["indicator"] == "china_share_of_russia_imports", "year"].max())
    high = setting(pub, 45.0, "value", indicator="china_share_of_russia_imports", year=latest_year)
    middling = setting(pub, 30.0, "value", indicator="china_share_of_russia_imports", year=latest_year)
    low = setting(pub, 10.0, "value", indicator="china_share_of_russia_imports", year=latest_year)
    reaches_each_reading(
        exercises.read_na13,
        supported=dict(economy_data=high),
        qualified=dict(economy_data=middling),  # rising since 2020, not over a third
        contradicted=dict(economy_data=low),
    )


def test_na15_reaches_each_reading():
    v = load("unsc_vetoes")
    since_2000 = v["date"].astype(str) >= "2000-01-01"
    joint = v.index[since_2000 & (v["vetoing"] == "CHN;RUS")][0]
    china_alone = v.copy()
    china_alone.loc[joint, "vetoing"] = "CHN"
    solo = (v["vetoing"] == "RUS") & v["china_vote"].fillna("").ne("")
    favour = china_alone.copy()
    favour.loc[solo, "china_vote"] = "in favour"
    abstaining = v.copy()
    abstaining.loc[solo, "china_vote"] = "abstain"
    reaches_each_reading(
        governance.read_na15,
        supported=dict(data=abstaining),
        qualified=dict(data=china_alone.assign(china_vote=abstaining["china_vote"])),
        contradicted=dict(data=favour),
    )


@pytest.mark.parametrize("entry", [e for e in assessments.registry() if e.get("evaluate")], ids=lambda e: e["id"])
def test_each_rule_states_what_would_contradict_it(entry):
    reading = assessments.read(entry["id"])
    assert reading.reading in READINGS
    assert "contradicted" in reading.rule or "contradicted" in entry["would_contradict"]
    assert len(entry["why_this_choice"].split()) >= 8
