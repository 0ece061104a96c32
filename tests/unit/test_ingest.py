"""Ingest from the producers' raw formats, on small files written by the tests themselves."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest
from openpyxl.styles import Font

from analysis import datasets
from analysis.datasets import DataError
from analysis.sources.producers.imf_dots import ingest_trade_partner_shares
from analysis.sources.producers.mofcom import ingest_china_ofdi_russia
from analysis.sources.producers.sipri_arms import ingest_arms_transfers
from analysis.sources.producers.sipri_milex import ingest_military_expenditure
from registers import PER_DEAL, PER_YEAR

BLUE, RED = Font(color="FF0000FF"), Font(color="FFFF0000")


def _sipri_workbook(path):
    """A workbook laid out as SIPRI's: title lines, a header row starting 'Country', years as floats."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    sheets = {"Constant (2023) US$": 1.0, "Current US$": 1.0, "Share of GDP": 0.0001}
    for name, scale in sheets.items():
        ws = wb.create_sheet(name)
        ws.append([f"{name} © SIPRI"])
        for _ in range(4):
            ws.append([""])
        ws.append(["Country", "Notes", 1987.0, 1990.0, 1991.0, 2023.0])
        ws.append([None])
        ws.append(["Asia"])
        ws.append(["China", "55", 1.0, "...", 100.0 * scale, 300.0 * scale])
        ws.append(["Russia", "83", 1.0, 0.0, "xxx", 110.0 * scale])
        ws.append(["France", None, 1.0, 2.0, 3.0, 4.0])
        ws.append(["United States of America", "44", 1.0, 500.0 * scale, 510.0 * scale, 900.0 * scale])
        for row in ws.iter_rows(min_row=9, max_row=9):
            row[5].font = BLUE
        ws.cell(row=10, column=6).font = RED
    wb.save(path)


def test_milex_ingest_reads_values_status_and_gaps(tmp_path):
    path = tmp_path / "milex.xlsx"
    _sipri_workbook(path)
    t = ingest_military_expenditure(path)
    assert set(t["iso3"]) == {"CHN", "RUS", "USA"}  # France is not kept
    assert sorted(t["year"].unique()) == [1990, 1991, 2023]  # years before 1988 are not kept
    assert set(t["measure"]) == {"current_usd_m", "constant_usd_m", "share_of_gdp_pct"}
    row = t[(t.iso3 == "CHN") & (t.year == 2023) & (t.measure == "current_usd_m")].iloc[0]
    assert (row.value, row.status) == (300.0, "sipri_estimate")
    assert t[(t.iso3 == "RUS") & (t.year == 2023)]["status"].eq("highly_uncertain").all()
    share = t[(t.iso3 == "USA") & (t.year == 1991) & (t.measure == "share_of_gdp_pct")].iloc[0]
    assert share.value == pytest.approx(5.1)  # fraction in the workbook, percent in the table
    # '...', 'xxx' and the 0.0 artefact all become gaps
    gaps = t[t.value.isna()]
    assert set(zip(gaps.iso3, gaps.year, strict=False)) == {("CHN", 1990), ("RUS", 1990), ("RUS", 1991)}
    assert gaps["status"].eq("unavailable").all()
    assert "constant 2023 prices" in t[t.measure == "constant_usd_m"]["unit"].iloc[0]


def test_milex_ingest_refuses_a_workbook_of_another_layout(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "Something else"
    wb.save(tmp_path / "other.xlsx")
    with pytest.raises(ValueError, match="Current US\\$"):
        ingest_military_expenditure(tmp_path / "other.xlsx")


def test_arms_ingest_keeps_exact_years_and_spreads_the_others(tmp_path):
    (tmp_path / "per_year.csv").write_text(PER_YEAR, encoding="utf-8")
    (tmp_path / "per_deal.csv").write_bytes(PER_DEAL.encode("latin-1"))  # SIPRI's own encoding
    t = ingest_arms_transfers(tmp_path / "per_year.csv", tmp_path / "per_deal.csv", first_year=1991)
    flow = t[(t.supplier == "RUS") & (t.recipient == "CHN")].set_index("year")
    assert flow.loc[2000, "tiv_m"] == 100 and flow.loc[2001, "tiv_m"] == 50
    assert flow.loc[2000, "basis"] == "exact" and flow.loc[2000, "register"] == "2025-01-03"
    assert flow.loc[1991, "tiv_m"] == 30  # Soviet Union counts as Russia before 1992
    assert flow.loc[1998, "tiv_m"] == 20 and flow.loc[1999, "tiv_m"] == 20  # 40 spread over two years
    assert flow.loc[1995, "tiv_m"] == 0  # no delivery identified: zero, not a gap
    assert flow.loc[1998, "basis"] == "approximate" and flow.loc[1998, "register"] == "2026-05-18"
    assert flow.loc[2001, "tiv_m"] == 50  # an exact year is never added to by the approximation
    assert (flow.loc[2002, "tiv_m"], flow.loc[2002, "basis"]) == (50, "approximate")
    assert flow.index.max() == 2024
    imports = t[(t.supplier == "WLD") & (t.recipient == "CHN")].set_index("year")
    assert imports.loc[2001, "tiv_m"] == 60  # Russia 50 + France 10
    exports = t[(t.supplier == "RUS") & (t.recipient == "WLD")].set_index("year")
    assert exports.loc[2001, "tiv_m"] == 120 and exports.loc[2024, "tiv_m"] == 9
    # registers exported for China's imports and Russia's exports cannot show flows into Russia
    assert t[t.recipient == "RUS"].empty


FULL = """Data generated: 13 Mar 2025 10:02:49 AM
Recipient,Supplier,Year of order,Weapon designation,Year(s) of delivery,SIPRI TIV of delivered weapons
Russia,China,2015,ship engine,2018; 2019,10
Russia,China,2022,Tiger,2023,1.2
Russia,Belarus,2019,radar,2019,4
India,Russia,2019,T-90,2020,50
"""


def test_arms_ingest_takes_flows_into_russia_from_a_complete_register(tmp_path):
    (tmp_path / "per_year.csv").write_text(PER_YEAR, encoding="utf-8")
    (tmp_path / "per_deal.csv").write_bytes(PER_DEAL.encode("latin-1"))
    (tmp_path / "full.csv").write_text(FULL, encoding="utf-8")
    t = ingest_arms_transfers(
        tmp_path / "per_year.csv", tmp_path / "per_deal.csv", full_register=tmp_path / "full.csv", first_year=1991
    )
    to_russia = t[(t.supplier == "CHN") & (t.recipient == "RUS")].set_index("year")
    assert to_russia.loc[2018, "tiv_m"] == 5 and to_russia.loc[2023, "tiv_m"] == 1.2
    assert to_russia.loc[2000, "tiv_m"] == 0 and set(to_russia["basis"]) == {"approximate"}
    assert set(to_russia["register"]) == {"2025-03-13"}
    assert t[(t.supplier == "WLD") & (t.recipient == "RUS")].set_index("year").loc[2019, "tiv_m"] == 9  # 5 + 4
    with pytest.raises(ValueError, match="not a complete register"):
        ingest_arms_transfers(
            tmp_path / "per_year.csv", tmp_path / "per_deal.csv", full_register=tmp_path / "per_deal.csv"
        )


def test_write_validates_before_replacing_and_loses_nothing(data_copy):
    target = data_copy / "military/arms_transfers.csv"
    before = target.read_bytes()
    files_before = sorted(p.name for p in target.parent.iterdir())
    bad = datasets.load("arms_transfers").astype({"tiv_m": float})
    bad.loc[4, "tiv_m"] = -1.0
    with pytest.raises(DataError, match=r"line 6.*column 'tiv_m'"):
        datasets.write_table("arms_transfers", bad)
    assert target.read_bytes() == before
    assert sorted(p.name for p in target.parent.iterdir()) == files_before  # no temporary file left behind


def test_write_then_load_round_trips_and_records_the_checksum(data_copy):
    table = datasets.load("arms_transfers")
    table.loc[0, "tiv_m"] = 4321.0
    datasets.write_table("arms_transfers", table)
    again = datasets.load("arms_transfers")  # would raise on a checksum mismatch
    assert again.loc[0, "tiv_m"] == 4321.0
    pd.testing.assert_frame_equal(again.drop(columns="tiv_m"), table.drop(columns="tiv_m"), check_dtype=False)


def _dots_workbook(path, partner, world, partner_values, world_values):
    """A workbook laid out as the IMF's DOTS files: title rows, a year header, one row per partner."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet in ("Exports, FOB", "Imports, CIF"):
        ws = wb.create_sheet(sheet)
        ws.append([None, f"{sheet} to Partner Countries"])
        ws.append([None, None, "1999", "2000", "2001", "2002", "2003", "2004"])
        ws.append([None, "Australia", 1, 1, 1, 1, 1, 1])
        ws.append([None, world, *world_values[sheet]])
        ws.append([None, partner, *partner_values[sheet]])
    wb.save(path)


def test_partner_shares_from_both_reporters(tmp_path):
    years = 6
    _dots_workbook(
        tmp_path / "cn.xlsx",
        "Russian Federation",
        "World",
        {"Exports, FOB": [10.0] * years, "Imports, CIF": [30.0] * years},
        {"Exports, FOB": [1000.0] * years, "Imports, CIF": [1000.0] * years},
    )
    _dots_workbook(
        tmp_path / "ru.xlsx",
        "China, P.R.: Mainland",
        "World",
        {"Exports, FOB": [5.0] * years, "Imports, CIF": [None, 25.0, 25.0, 25.0, 25.0, 25.0]},
        {"Exports, FOB": [100.0] * years, "Imports, CIF": [100.0] * years},
    )
    t = ingest_trade_partner_shares(tmp_path / "cn.xlsx", tmp_path / "ru.xlsx", first_year=1999)
    row = t.set_index(["reporter", "flow", "year"])
    assert row.loc[("CHN", "total", 2000), "share_pct"] == pytest.approx(2.0)  # (10 + 30) / 2000
    assert row.loc[("RUS", "imports", 2000), "share_pct"] == pytest.approx(25.0)
    assert ("RUS", "total", 1999) not in row.index  # a total needs both flows of the year
    assert set(t["partner"][t.reporter == "RUS"]) == {"CHN"}


def test_partner_shares_refuse_a_workbook_without_the_partner(tmp_path):
    _dots_workbook(
        tmp_path / "cn.xlsx",
        "Somewhere else",
        "World",
        {"Exports, FOB": [1] * 6, "Imports, CIF": [1] * 6},
        {"Exports, FOB": [1] * 6, "Imports, CIF": [1] * 6},
    )
    with pytest.raises(ValueError, match="Russian Federation"):
        ingest_trade_partner_shares(tmp_path / "cn.xlsx", tmp_path / "cn.xlsx")


def _ceic_csv(path, russia_column="对外直接投资:欧洲:俄罗斯"):
    rows = [
        ["X1", russia_column, "对外直接投资:截至累计:欧洲:俄罗斯", "对外直接投资:非洲"],
        ["单位", "百万美元", "百万美元", "百万美元"],
        ["12/2017", "100", "1000", "5"],
        ["11/2018", "", "", ""],
        ["12/2018", "-50", "900", "5"],
    ]
    pd.DataFrame(rows[1:], columns=rows[0]).to_csv(path, index=False)


def _unctad_csv(path):
    cols = [
        "Year",
        "Economy",
        "Economy Label",
        "Flow",
        "Flow Label",
        "Direction",
        "Direction Label",
        "US$ at current prices in millions",
    ]
    rows = [
        [y, "0156", "China", f, "", d, "", v]
        for y in (2017, 2018, 2019)
        for f, d, v in (("08", "2", 50.0), ("09", "2", 10000.0 * (y - 2015)), ("09", "1", 1.0))
    ]
    rows.append([2018, "0643", "Russia", "09", "", "2", "", 7.0])
    pd.DataFrame(rows, columns=cols).to_csv(path, index=False)


def test_ofdi_ingest_merges_mofcom_and_unctad_and_keeps_gaps(tmp_path):
    _ceic_csv(tmp_path / "ceic.csv")
    _unctad_csv(tmp_path / "unctad.csv")
    t = ingest_china_ofdi_russia(tmp_path / "ceic.csv", tmp_path / "unctad.csv", first_year=2017).set_index("year")
    assert t.loc[2018, "russia_flow_usd_m"] == -50.0  # only the December rows are years
    assert t.loc[2018, "china_total_stock_usd_m"] == 30000.0  # outward (2), stock (09), China only
    assert t.loc[2017, "russia_share_of_stock_pct"] == pytest.approx(5.0)
    assert pd.isna(t.loc[2019, "russia_stock_usd_m"]) and pd.isna(t.loc[2019, "russia_share_of_stock_pct"])


def test_ofdi_ingest_refuses_an_export_without_the_russia_series(tmp_path):
    _ceic_csv(tmp_path / "ceic.csv", russia_column="something else")
    _unctad_csv(tmp_path / "unctad.csv")
    with pytest.raises(ValueError, match="ceic.csv.*俄罗斯"):
        ingest_china_ofdi_russia(tmp_path / "ceic.csv", tmp_path / "unctad.csv")
