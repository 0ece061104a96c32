"""Chapter 2's computations, and the C24 verdict moving when the data move."""

from __future__ import annotations

import pytest

from analysis import load
from analysis.audit import claims
from analysis.chapters import military


def test_spending_is_in_billions_and_ratio_is_china_over_russia():
    raw = load("military_expenditure")
    wide = military.spending("current_usd_m", first=2005, last=2023)
    assert list(wide.index) == list(range(2005, 2024)) and list(wide.columns) == ["CHN", "RUS"]
    chn_2023 = raw[(raw.iso3 == "CHN") & (raw.year == 2023) & (raw.measure == "current_usd_m")]["value"].item()
    assert wide.at[2023, "CHN"] == pytest.approx(chn_2023 / 1000)
    assert military.ratio(wide)[2023] == pytest.approx(wide.at[2023, "CHN"] / wide.at[2023, "RUS"])


def test_spending_rejects_an_unknown_measure():
    with pytest.raises(ValueError, match="measure must be one of"):
        military.spending("dollars")


def test_constant_price_unit_names_its_base_year():
    assert "constant 2023 prices" in military.spending_unit("constant_usd_m")


def test_arms_flow_peak_and_share():
    flow = military.arms_flow("RUS", "CHN")
    year, value = military.peak(flow)
    assert value == flow["tiv_m"].max() and flow.loc[flow.year == year, "tiv_m"].item() == value
    share = military.share_of(flow, military.arms_flow("WLD", "CHN"))
    assert share["share_pct"].between(0, 100).all()


def _with_flow(values: dict[int, float]):
    """The book's arms table with some Russia→China values replaced."""
    d = load("arms_transfers").copy()
    for year, v in values.items():
        d.loc[(d.supplier == "RUS") & (d.recipient == "CHN") & (d.year == year), "tiv_m"] = v
    return d


def test_c24_is_reproduced_on_the_books_data():
    v = claims.evaluate("C24")
    assert v.verdict == "reproduced"
    year, value = military.peak(military.arms_flow("RUS", "CHN"))
    assert f"{value:,.0f} m TIV in {year}" in v.computed


def test_c24_is_contradicted_when_the_peak_moves_out_of_the_mid_2000s():
    v = military.evaluate_c24(data=_with_flow({2016: 9000.0}))
    assert v.verdict == "contradicted" and "in 2016" in v.computed


def test_c24_differs_when_recent_deliveries_stay_high():
    v = military.evaluate_c24(data=_with_flow({y: 1600.0 for y in range(2019, 2024)}))
    assert v.verdict == "differs"


def test_c24_thresholds_are_parameters():
    assert claims.evaluate("C24", decline_ratio=0.1).verdict == "differs"
    assert claims.evaluate("C24", peak_window=[2010, 2015]).verdict == "contradicted"


def test_arms_shares_checked_by_hand():
    shares = military.arms_shares()
    to_china = military.arms_flow("RUS", "CHN").set_index("year")["tiv_m"]
    china_imports = military.arms_flow("WLD", "CHN").set_index("year")["tiv_m"]
    assert shares.at[2023, "russia_share_of_china_imports"] == pytest.approx(100 * to_china[2023] / china_imports[2023])
    # China to Russia in 2023 (SIPRI register of 13 March 2025): 8 Tiger APCs, 1.2 m TIV, delivered 2023,
    # plus ship engines, 28.8 m TIV spread over 2018, 2019, 2021, 2022 and 2023
    assert military.arms_flow("CHN", "RUS").set_index("year").at[2023, "tiv_m"] == pytest.approx(1.2 + 28.8 / 5)


def test_na12_follows_the_flows():
    from analysis import load

    assert military.read_na12().reading == "qualified"  # the spending gap narrowed as Russia's war budget grew
    d = load("arms_transfers").copy()
    d.loc[(d.supplier == "WLD") & (d.recipient == "CHN") & (d.year >= 2019), "tiv_m"] = 5000.0
    pub = load("economy_published_figures").copy()
    pub.loc[pub.indicator == "china_share_of_high_priority_imports", "value"] = 30.0
    assert military.read_na12(data=d, published_data=pub).reading == "contradicted"
