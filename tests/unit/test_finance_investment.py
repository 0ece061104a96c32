"""Chapter 1 §§4-6: finance, investment and dual-use indicators, and verdicts that move with the data."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import load
from analysis.audit import claims
from analysis.chapters import finance, investment, technology
from analysis.evidence import published


def _with(indicator, period, value):
    d = load("economy_published_figures").copy()
    mask = (d.indicator == indicator) & (d.period == period)
    assert mask.sum() == 1, (indicator, period)
    d.loc[mask, "value"] = value
    return d


def test_period_labels_and_descriptions():
    assert published.period_label("2023-01..10") == "Jan–Oct 2023"
    assert published.period_label("2022-02-01") == "1 Feb 2022"
    assert published.period_label("2011..2018") == "2011–2018"
    row = pd.Series(
        {"value": 0.4, "qualifier": "about", "unit": "US$ bn a year", "period": "2022..2023", "reported_by": "BOFIT"}
    )
    assert published.describe(row) == "about US$ 0.4 bn a year (2022–2023, BOFIT)"


def test_latest_prefers_a_whole_year_to_a_part_of_it():
    row = published.latest("china_share_of_russia_imports")
    assert row["period"] == str(row["year"])


def test_c08_and_c09_follow_the_statements():
    assert claims.evaluate("C08").verdict == "reproduced"
    assert finance.evaluate_c08(data=_with("rub_cny_share_of_settlements", "2024-05", 70.0)).verdict == "differs"
    assert claims.evaluate("C09").verdict == "reproduced"
    assert finance.evaluate_c09(data=_with("federal_budget_deficit", "2025", 3.4)).verdict == "differs"


def test_c10_compares_the_latest_ratio_and_the_2022_level():
    v = claims.evaluate("C10")
    nwf = finance.nwf_liquid()
    assert v.verdict == "differs"
    assert f"{nwf['value'].iloc[-1]:g} %" in v.computed
    latest = nwf["period"].iloc[-1]
    both = _with("nwf_liquid_assets", latest, 4.0)
    both.loc[(both.indicator == "nwf_liquid_assets") & (both.period == nwf["period"].iloc[0]), "value"] = 9.0
    assert finance.evaluate_c10(data=both).verdict == "reproduced"  # about 4 %, under half of 9 %
    assert finance.evaluate_c10(data=_with("nwf_liquid_assets", latest, 5.0)).verdict == "contradicted"


def test_na2_is_qualified_when_the_deficit_narrows():
    assert finance.read_na2().reading == "supported"
    assert finance.read_na2(data=_with("federal_budget_deficit", "2025", 1.0)).reading == "qualified"


def test_fdi_table_checked_by_hand():
    t = investment.ofdi()
    assert t.at[2019, "flow_usd_bn"] == pytest.approx(-0.37923)  # MOFCOM: -379.226 US$ m
    assert t.at[2015, "share_of_china_stock_pct"] == pytest.approx(100 * 14019.63 / 1097864.6, abs=1e-3)
    assert investment.window_mean(t["flow_usd_bn"], 2011, 2018) == pytest.approx(1.21047875)
    assert investment.window_mean(t["flow_usd_bn"], 2018, 2021) is None  # a gap is not averaged over


def _fdi_with(**years):
    d = load("china_ofdi_russia").copy()
    for year, (flow, share) in years.items():
        d.loc[d.year == int(year[1:]), ["russia_flow_usd_m", "russia_share_of_stock_pct"]] = [flow, share]
    return d


def test_c11_and_c12_become_testable_when_the_data_reach_the_years():
    assert claims.evaluate("C11").verdict == claims.NOT_OBTAINED
    assert claims.evaluate("C12").verdict == claims.NOT_OBTAINED
    full = _fdi_with(y2021=(-100.0, 0.5), y2022=(400.0, 0.45), y2023=(420.0, 0.42))
    assert investment.evaluate_c11(data=full).verdict == "reproduced"
    assert investment.evaluate_c12(data=full).verdict == "reproduced"
    positive = _fdi_with(y2021=(300.0, 0.5), y2022=(400.0, 0.45), y2023=(420.0, 0.42))
    assert investment.evaluate_c11(data=positive).verdict == "differs"
    assert investment.evaluate_c12(data=_fdi_with(y2023=(0.0, 0.9))).verdict == "differs"


def test_c12_uses_quoted_stocks_for_years_after_the_series():
    quoted = investment.quoted_shares()
    assert quoted.at[2020, "share"] == pytest.approx(100 * 12.07 / 2580)  # MOFCOM's 2020 stocks, as quoted
    assert "0.47 % in 2020" in claims.evaluate("C12").computed
    d = load("economy_published_figures").copy()
    extra = d[(d.indicator == "china_ofdi_stock_in_russia")].assign(period="2023", year=2023, value=11.0)
    with_2023 = pd.concat([d, extra], ignore_index=True)
    v = investment.evaluate_c12(published_data=with_2023)  # 11.0 of 2960 = 0.37 %
    assert v.verdict == "reproduced" and "0.37 % in 2023" in v.computed
    assert investment.evaluate_c12(published_data=with_2023, tolerance_pp=0.01).verdict == "differs"


def test_c13_names_the_reports_source_and_what_would_test_it():
    v = claims.evaluate("C13")
    assert v.verdict == claims.NOT_OBTAINED and "endnote" in v.detail and "would test it" in v.detail


def test_c14_counts_the_sectors_the_report_names():
    v = claims.evaluate("C14")
    assert v.verdict == "reproduced" and v.computed.startswith("67.0 % at the end of 2017")
    assert investment.evaluate_c14(sectors=("mining",)).verdict == "differs"  # 47.5 %
    assert investment.evaluate_c14(sectors=("mining", "agriculture", "manufacturing")).verdict == "differs"
    low = _with("china_ofdi_russia_stock_share_agriculture", "2017", 5.0)
    assert investment.evaluate_c14(published_data=low).verdict == "differs"


def test_na3_reading_follows_the_flows():
    assert investment.read_na3().reading == "qualified"  # below 2011-2018, but 2019 was lower still
    high = _with("china_ofdi_to_russia_annual_average", "2022..2023", 2.0)
    assert investment.read_na3(published_data=high).reading == "contradicted"


def test_c15_and_na4_follow_the_published_share():
    assert claims.evaluate("C15").verdict == "reproduced"
    low = _with("china_share_of_high_priority_imports", "2023", 40.0)
    assert technology.evaluate_c15(data=low).verdict == "differs"
    assert technology.read_na4(data=low).reading == "contradicted"
    assert technology.read_na4().reading == "supported"
