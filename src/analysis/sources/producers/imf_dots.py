"""China–Russia merchandise trade by year → ``data/economy/china_russia_trade.csv``.

Every value is China-reported (China's exports to Russia, free on board; China's imports
from Russia, cost, insurance and freight). Three origins, each kept on its own rows:

- ``imf_dots``: IMF Direction of Trade Statistics, the workbook of reporter "China, P.R.:
  Mainland" (sheets "Exports, FOB" and "Imports, CIF", US$ m), to 2020;
- ``un_comtrade``: UN Comtrade, China as reporter, monthly totals summed to years
  (2017–2024), read from a table with columns ``date``, ``cn_exports_to_ru_usd_bn`` and
  ``cn_imports_from_ru_usd_bn``; only complete years are kept;
- ``gacc_press``: the customs totals published in the press (``data/economy/
  customs_press_figures.csv``, compiled by hand, an address on every row).

``preferred`` marks the one value per year and flow the book's charts use: a database value
(the newest database that has the year) over a press figure, a press figure only where no
database covers the year. A split that no source publishes stays missing: nothing is
interpolated.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd

from analysis.sources.spec import Ingest, arg

DOTS_SHEETS = {"Exports, FOB": "exports", "Imports, CIF": "imports"}
DOTS_PARTNER = "Russian Federation"
PRIORITY = {"un_comtrade": 0, "imf_dots": 1, "gacc_press": 2}
ADDRESSES = {
    "imf_dots": "https://data.imf.org/ (Direction of Trade Statistics)",
    "un_comtrade": "https://comtradeplus.un.org/",
}


def _dots_rows(workbook: Path, partner: str) -> pd.DataFrame:
    """One partner's row of both sheets of an IMF DOTS workbook: year, flow, value_usd_m."""
    wb = openpyxl.load_workbook(workbook, read_only=True, data_only=True)
    rows = []
    for sheet, flow in DOTS_SHEETS.items():
        if sheet not in wb.sheetnames:
            raise ValueError(f"{workbook}: no sheet {sheet!r} (an IMF DOTS workbook has {list(DOTS_SHEETS)})")
        lines = list(wb[sheet].iter_rows(values_only=True))
        header = next((r for r in lines if sum(str(c).isdigit() for c in r if c is not None) > 5), None)
        found = next((r for r in lines if partner in r), None)
        if header is None or found is None:
            raise ValueError(f"{workbook}: sheet {sheet!r} has no year header or no row for {partner!r}")
        for year, value in zip(header, found, strict=False):
            if year is not None and str(year).isdigit() and isinstance(value, (int, float)):
                rows.append((int(year), flow, float(value)))
    return pd.DataFrame(rows, columns=["year", "flow", "value_usd_m"])


def _dots(workbook: Path) -> pd.DataFrame:
    d = _dots_rows(workbook, DOTS_PARTNER)
    d["value_usd_bn"] = (d.pop("value_usd_m") / 1000).round(6)
    return d.assign(source="imf_dots")


def _comtrade(monthly: Path) -> pd.DataFrame:
    m = pd.read_csv(monthly)
    need = {"date", "cn_exports_to_ru_usd_bn", "cn_imports_from_ru_usd_bn"}
    if not need <= set(m.columns):
        raise ValueError(f"{monthly}: needs columns {sorted(need)}")
    m["year"] = pd.to_datetime(m["date"]).dt.year
    months = m.groupby("year")["date"].count()
    sums = m.groupby("year")[["cn_exports_to_ru_usd_bn", "cn_imports_from_ru_usd_bn"]].sum()
    sums = sums[months.reindex(sums.index) == 12]  # complete years only
    long = sums.rename(columns={"cn_exports_to_ru_usd_bn": "exports", "cn_imports_from_ru_usd_bn": "imports"})
    long = long.reset_index().melt(id_vars="year", var_name="flow", value_name="value_usd_bn")
    long["value_usd_bn"] = long["value_usd_bn"].round(6)
    return long.assign(source="un_comtrade")


def _with_totals(frame: pd.DataFrame) -> pd.DataFrame:
    """Add a total wherever both exports and imports of a source and year are there."""
    wide = frame.pivot_table(index=["source", "year"], columns="flow", values="value_usd_bn")
    wide = wide.dropna(subset=["exports", "imports"])
    totals = (wide["exports"] + wide["imports"]).round(6).rename("value_usd_bn").reset_index().assign(flow="total")
    return pd.concat([frame, totals], ignore_index=True)


def ingest_china_russia_trade(
    dots_workbook: Path | str, comtrade_monthly: Path | str, press_figures: Path | str, first_year: int = 2000
) -> pd.DataFrame:
    """Tidy table (year, flow, value_usd_bn, source, preferred, address)."""
    return combine(_dots(Path(dots_workbook)), _comtrade(Path(comtrade_monthly)), press_figures, first_year)


def with_new_comtrade(
    current: pd.DataFrame, comtrade_monthly: Path | str, press_figures: Path | str, first_year: int = 2000
) -> pd.DataFrame:
    """The table again with a new UN Comtrade series: the IMF rows are kept from ``current``
    (the IMF workbook has no stable address to fetch it from)."""
    dots = current.loc[
        (current["source"] == "imf_dots") & (current["flow"] != "total"), ["year", "flow", "value_usd_bn"]
    ]
    dots = dots.astype({"year": int, "value_usd_bn": float}).assign(source="imf_dots")
    return combine(dots, _comtrade(Path(comtrade_monthly)), press_figures, first_year)


def combine(
    dots: pd.DataFrame, comtrade: pd.DataFrame, press_figures: Path | str, first_year: int = 2000
) -> pd.DataFrame:
    """The three origins on their own rows, totals added, and the preferred value marked."""
    db = _with_totals(pd.concat([dots, comtrade], ignore_index=True))
    db["address"] = db["source"].map(ADDRESSES)
    db["source_kind"] = "international organisation"  # the IMF and UN Comtrade (see analysis.grading)
    press = pd.read_csv(press_figures)
    press = press.assign(source="gacc_press")[["year", "flow", "value_usd_bn", "source", "address", "source_kind"]]
    table = pd.concat([db, press], ignore_index=True)
    table = table[table["year"] >= first_year]
    table["rank"] = table["source"].map(PRIORITY)
    best = table.groupby(["year", "flow"])["rank"].transform("min")
    table["preferred"] = table["rank"] == best
    table = table.drop(columns="rank")
    return table.sort_values(["year", "flow", "source"], ignore_index=True)


# --------------------------------------------------------------------------------------
# Each country's weight in the other's trade (IMF DOTS, as each reports it)

SHARE_REPORTERS = {  # reporter: (its code, the partner's code, the partner's row in its workbook)
    "china": ("CHN", "RUS", DOTS_PARTNER),
    "russia": ("RUS", "CHN", "China, P.R.: Mainland"),
}


def _shares(workbook: Path, reporter: str, partner: str, row: str) -> pd.DataFrame:
    both = _dots_rows(workbook, row).merge(
        _dots_rows(workbook, "World"), on=["year", "flow"], suffixes=("_partner", "_world")
    )
    totals = both.groupby("year")[["value_usd_m_partner", "value_usd_m_world"]].sum()
    totals = totals[both.groupby("year")["flow"].count() == 2].reset_index().assign(flow="total")
    both = pd.concat([both, totals], ignore_index=True)
    both = both.rename(columns={"value_usd_m_partner": "partner_usd_m", "value_usd_m_world": "world_usd_m"})
    both["share_pct"] = (100 * both["partner_usd_m"] / both["world_usd_m"]).round(3)
    both[["partner_usd_m", "world_usd_m"]] = both[["partner_usd_m", "world_usd_m"]].round(3)
    return both.assign(reporter=reporter, partner=partner)


def ingest_trade_partner_shares(
    china_workbook: Path | str, russia_workbook: Path | str, first_year: int = 1995
) -> pd.DataFrame:
    """Each country's share of the other's trade, from the IMF DOTS workbooks of China
    (DOTS_40) and Russia (DOTS_162): one row per year, reporter and flow, with the partner's
    value, the reporter's trade with the world and the share in per cent."""
    frames = [
        _shares(Path(china_workbook), *SHARE_REPORTERS["china"]),
        _shares(Path(russia_workbook), *SHARE_REPORTERS["russia"]),
    ]
    table = pd.concat(frames, ignore_index=True)
    table = table[table["year"] >= first_year]
    return table.sort_values(["reporter", "flow", "year"], ignore_index=True)


INGESTS = (
    Ingest(
        "trade_partner_shares",
        "from the IMF DOTS workbooks of China and of Russia",
        (
            arg("--china-workbook", type=Path, required=True, help="reporter China (DOTS_40.xlsx)"),
            arg("--russia-workbook", type=Path, required=True, help="reporter Russia (DOTS_162.xlsx)"),
        ),
        lambda a: ingest_trade_partner_shares(a.china_workbook, a.russia_workbook),
        by_hand="IMF DOTS workbooks of China and Russia, from the IMF data portal; then "
        "`python -m analysis ingest trade_partner_shares --help`.",
    ),
)
