"""Ingest of CEPII BACI product-level trade, on a small file in BACI's layout written here."""

from __future__ import annotations

import pytest

from analysis.sources.producers.cepii_baci import SECTION_ORDER, ingest_trade_composition, mineral_fuels_share

# t,i,j,k,v,q as BACI writes them: value in thousand US$, the leading zero of chapters 01-09 dropped.
BACI = """t,i,j,k,v,q
2022,643,156,30617,1500.0,20.5
2022,643,156,270900,6000.0,9000.0
2022,643,156,271121,1500.0,
2022,643,156,440710,1000.0,300.0
2022,156,643,870323,3000.0,150.0
2022,156,643,851712,1000.0,2.0
2022,156,643,30617,500.0,1.0
2022,156,643,271019,250.0,
2022,643,840,270900,99999.0,1.0
2022,156,4,870323,77777.0,1.0
2023,643,156,270900,4000.0,6000.0
2023,156,643,870323,2512.3456,100.0
"""


@pytest.fixture
def baci(tmp_path):
    path = tmp_path / "BACI_HS17_Y2022_V202501.csv"
    path.write_text(BACI, encoding="utf-8")
    return path


def _row(t, year, exporter, section):
    rows = t[(t.year == year) & (t.exporter == exporter) & (t.hs_section == section)]
    assert len(rows) == 1
    return rows.iloc[0]


def test_sections_sums_and_filtering(baci):
    t = ingest_trade_composition(baci)
    assert list(t.columns) == [
        "year",
        "exporter",
        "importer",
        "hs_section",
        "hs_section_name",
        "value_usd_m",
        "share_pct",
    ]
    # 030617 (written 30617) is a chapter 03 product: section I, not section VI (chapter 30)
    assert _row(t, 2022, "RUS", "I").value_usd_m == 1.5
    assert _row(t, 2022, "RUS", "VI").value_usd_m == 0
    # chapter 27 (both codes) is in section V; thousand US$ become US$ millions
    assert _row(t, 2022, "RUS", "V").value_usd_m == 7.5
    assert _row(t, 2022, "RUS", "IX").value_usd_m == 1.0
    assert _row(t, 2022, "CHN", "XVII").value_usd_m == 3.0
    assert _row(t, 2022, "CHN", "XVI").value_usd_m == 1.0
    assert _row(t, 2023, "CHN", "XVII").value_usd_m == 2.512  # rounded to 3 decimals
    # rows with a third country (USA 840, Afghanistan 4) are not kept
    assert t.groupby(["year", "exporter"]).value_usd_m.sum().to_dict() == {
        (2022, "CHN"): 4.75,
        (2022, "RUS"): 10.0,
        (2023, "CHN"): 2.512,
        (2023, "RUS"): 4.0,
    }
    assert set(zip(t.exporter, t.importer, strict=False)) == {("CHN", "RUS"), ("RUS", "CHN")}
    assert _row(t, 2022, "RUS", "V").share_pct == 75.0
    assert _row(t, 2022, "CHN", "XVII").share_pct == pytest.approx(63.158)
    assert _row(t, 2022, "RUS", "V").hs_section_name == "Mineral products"


def test_every_section_every_year_and_direction_shares_sum_to_100(baci):
    t = ingest_trade_composition(baci)
    assert len(t) == 2 * 2 * 21
    assert not t[["value_usd_m", "share_pct", "hs_section_name"]].isna().any().any()
    for (_year, _exporter), group in t.groupby(["year", "exporter"]):
        assert list(group.hs_section) == SECTION_ORDER  # sorted in HS order, I to XXI
        assert group.share_pct.sum() == pytest.approx(100, abs=0.01)
    zero = _row(t, 2023, "RUS", "XXI")
    assert (zero.value_usd_m, zero.share_pct) == (0.0, 0.0)
    assert list(t.year.unique()) == [2022, 2023] and t.year.dtype.kind == "i"
    assert list(t.drop_duplicates(["year", "exporter"]).exporter) == ["CHN", "RUS", "CHN", "RUS"]


def test_mineral_fuels_share(baci):
    f = mineral_fuels_share(baci)
    assert list(f.columns) == ["year", "exporter", "importer", "hs27_value_usd_m", "total_usd_m", "hs27_share_pct"]
    rus = f[(f.year == 2022) & (f.exporter == "RUS")].iloc[0]
    assert (rus.importer, rus.hs27_value_usd_m, rus.total_usd_m, rus.hs27_share_pct) == ("CHN", 7.5, 10.0, 75.0)
    chn = f[(f.year == 2022) & (f.exporter == "CHN")].iloc[0]
    assert (chn.hs27_value_usd_m, chn.total_usd_m, chn.hs27_share_pct) == (0.25, 4.75, pytest.approx(5.263))
    assert f[(f.year == 2023) & (f.exporter == "CHN")].iloc[0].hs27_share_pct == 0.0
    assert f[(f.year == 2023) & (f.exporter == "RUS")].iloc[0].hs27_share_pct == 100.0


def test_missing_columns_raise_naming_the_file(tmp_path):
    path = tmp_path / "not_baci.csv"
    path.write_text("year,exporter,importer,product,value\n2022,643,156,270900,1.0\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"not_baci\.csv.*\['t', 'i', 'j', 'k', 'v'\]"):
        ingest_trade_composition(path)
    with pytest.raises(ValueError, match=r"not_baci\.csv"):
        mineral_fuels_share(path)
    partial = tmp_path / "no_value.csv"
    partial.write_text("t,i,j,k,q\n2022,643,156,270900,1.0\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"no_value\.csv.*\['v'\]"):
        ingest_trade_composition(partial)
