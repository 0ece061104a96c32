"""Chapter 1's trade computations, the trade ingest, and verdicts that move with the data."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

from analysis import load
from analysis.audit import claims
from analysis.chapters import economy
from analysis.sources.producers.imf_dots import ingest_china_russia_trade


def test_one_preferred_value_per_year_and_flow():
    d = load("china_russia_trade")
    preferred = d[d["preferred"]]
    assert not preferred.duplicated(["year", "flow"]).any()
    assert set(preferred[preferred.flow == "total"]["year"]) == set(d["year"])


def test_trade_table_totals_add_up_where_split():
    t = economy.trade()
    both = t.dropna(subset=["exports", "imports"])
    assert (both["exports"] + both["imports"] - both["total"]).abs().max() < 0.01


def test_a_missing_split_stays_missing():
    t = economy.trade()
    assert t[["exports", "imports"]].isna().any(axis=1).sum() >= 1  # the latest year has a total only
    assert t["total"].notna().all()


def test_growth_pct():
    s = pd.Series([100.0, 150.0], index=[2020, 2021])
    assert economy.growth_pct(s, 2020, 2021) == pytest.approx(50.0)
    assert economy.growth_windows(s, [(2020, 2021), (2019, 2021)])["from"].tolist() == [2020]


def _scaled(year: int, factor: float):
    d = load("china_russia_trade").copy()
    d.loc[d.year == year, "value_usd_bn"] *= factor
    return d


def test_c03_verdict_follows_the_data():
    assert claims.evaluate("C03").verdict in claims.VERDICTS
    t = economy.trade()["total"]
    needed = 1.70 * t[2021] / t[2025]  # make 2025 exactly 70 % above 2021
    assert economy.evaluate_c03(data=_scaled(2025, needed)).verdict == "reproduced"


def test_c06_differs_when_recent_trade_is_far_from_240():
    assert economy.evaluate_c06(data=_scaled(2024, 0.5)).verdict == "differs"


def test_c07_reproduced_when_the_last_year_is_flat():
    t = economy.trade()["total"]
    flat = economy.evaluate_c07(data=_scaled(2025, t[2024] / t[2025]))
    assert flat.verdict == "reproduced"
    assert economy.evaluate_c07(data=_scaled(2023, 0.5)).verdict == "contradicted"


def test_trade_ingest_prefers_databases_and_keeps_press_rows(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet, values in {"Exports, FOB": [1000.0, 2000.0], "Imports, CIF": [3000.0, 4000.0]}.items():
        ws = wb.create_sheet(sheet)
        ws.append([None, "title"])
        ws.append([None, None, "2015", "2016", "2017", "2018", "2019", "2020"])
        ws.append([None, "World", 1, 2, 3, 4, 5, 6])
        ws.append([None, "Russian Federation", None, None, None, None, *values])
    wb.save(tmp_path / "dots.xlsx")
    months = pd.date_range("2020-01-01", "2021-03-01", freq="MS")
    pd.DataFrame(
        {"date": months.strftime("%Y-%m-%d"), "cn_exports_to_ru_usd_bn": 1.0, "cn_imports_from_ru_usd_bn": 2.0}
    ).to_csv(tmp_path / "comtrade.csv", index=False)
    pd.DataFrame(
        {
            "year": [2020, 2022],
            "flow": ["total", "total"],
            "value_usd_bn": [9.0, 50.0],
            "reported_by": "GACC",
            "address": "https://example.org",
            "source_kind": "official statistics",
            "note": "",
        }
    ).to_csv(tmp_path / "press.csv", index=False)
    t = ingest_china_russia_trade(tmp_path / "dots.xlsx", tmp_path / "comtrade.csv", tmp_path / "press.csv")
    pick = t[t.preferred].set_index(["year", "flow"])
    assert (
        pick.loc[(2019, "total"), "value_usd_bn"] == pytest.approx(4.0)
        and pick.loc[(2019, "total"), "source"] == "imf_dots"
    )
    assert pick.loc[(2020, "total"), "source"] == "un_comtrade" and pick.loc[(2020, "total"), "value_usd_bn"] == 36.0
    assert 2021 not in t[t.source == "un_comtrade"]["year"].tolist()  # three months are not a year
    assert pick.loc[(2022, "total"), "source"] == "gacc_press"
    assert (2022, "exports") not in pick.index  # no split invented
    assert len(t[(t.year == 2020) & (t.flow == "total")]) == 3  # every origin kept, one preferred


def test_composition_sums_to_the_sections_and_every_section_has_a_group():
    raw = load("china_russia_trade_by_section")
    wide = economy.composition("RUS", "CHN")
    direct = raw[(raw.exporter == "RUS") & (raw.importer == "CHN")].groupby("year")["value_usd_m"].sum() / 1000
    assert (wide.sum(axis=1) - direct).abs().max() < 1e-9
    assert {economy.category_of(s) for s in raw["hs_section"]} <= set(wide.columns)
    assert economy.category_of("V") == "Mineral products (fuels, ores)" and economy.category_of("XIX") == economy.OTHER
    assert (economy.shares_pct(wide).sum(axis=1) - 100).abs().max() < 1e-9


def test_c05_verdict_follows_the_fuel_share():
    assert claims.evaluate("C05").verdict == "reproduced"
    d = load("china_russia_mineral_fuels").copy()
    d.loc[(d.exporter == "RUS") & (d.year == d.year.max()), "hs27_share_pct"] = 55.0
    v = economy.evaluate_c05(data=d)
    assert v.verdict == "differs" and "55.0 %" in v.computed


# -- each country's weight in the other's trade -------------------------------------------


def test_weights_match_the_imf_workbook_values_checked_by_hand():
    # Russia-reported, 2000: imports from China, P.R.: Mainland 948.031 of 33,827.591 (US$ m)
    assert economy.weight("RUS", "imports")[2000] == pytest.approx(100 * 948.031 / 33827.591, abs=1e-3)
    # China-reported, 2020: exports 50,608.371 + imports 57,092.100 to Russia, of 4,658,282.131 with the world
    assert economy.weight("CHN", "total")[2020] == pytest.approx(100 * 107700.471 / 4658282.131, abs=1e-3)


def test_russia_weight_after_2020_divides_customs_totals():
    pub = load("economy_published_figures")
    share = economy.russia_weight_for_china_after_2020(published_data=pub)
    total_2025 = pub[(pub.indicator == "china_total_trade") & (pub.year == 2025)]["value"].iloc[0]
    assert share[2025] == pytest.approx(100 * economy.trade()["total"][2025] / total_2025)
    assert share.index.min() > 2020


def _published(indicator, year, value):
    d = load("economy_published_figures").copy()
    d.loc[(d.indicator == indicator) & (d.year == year), "value"] = value
    return d


def test_c04_verdict_follows_the_2023_estimates():
    assert claims.evaluate("C04").verdict == "reproduced"
    low = economy.evaluate_c04(published_data=_published("china_share_of_russia_imports", 2023, 30.0))
    assert low.verdict == "differs" and "30 %" in low.computed
    none = load("economy_published_figures")
    none = none[~((none.indicator == "china_share_of_russia_imports") & (none.year == 2023))]
    assert economy.evaluate_c04(published_data=none).verdict == claims.NOT_OBTAINED


def test_na1_reading_follows_the_fuel_share():
    assert economy.read_na1().reading == "supported"
    fuels = load("china_russia_mineral_fuels").copy()
    fuels.loc[(fuels.exporter == "RUS") & (fuels.year == fuels.year.max()), "hs27_share_pct"] = 20.0
    assert economy.read_na1(fuels_data=fuels).reading == "qualified"
    assert "20.0 % of Russia's exports" in economy.read_na1(fuels_data=fuels).evidence
