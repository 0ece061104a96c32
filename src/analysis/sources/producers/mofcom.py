"""China's direct investment in Russia → ``data/economy/china_ofdi_russia.csv``.

Two raw files:

- MOFCOM's Statistical Bulletin of China's Outward FDI, flow to and stock in Russia, as
  exported from the CEIC database (a CSV with CEIC's metadata rows on top, one column per
  series, annual values on the ``12/YYYY`` rows, US$ m);
- UNCTADstat's bulk file "Foreign direct investment: inward and outward flows and stock"
  (``US_FdiFlowsStock.csv``, or an extract of its rows), for China's total outward flow and
  stock, the denominator of Russia's share.

Years that one source covers and the other does not keep their gap.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.sources.spec import Ingest, arg

CEIC_SERIES = {  # column title in the CEIC export: the table's column
    "对外直接投资:欧洲:俄罗斯": "russia_flow_usd_m",
    "对外直接投资:截至累计:欧洲:俄罗斯": "russia_stock_usd_m",
}
UNCTAD_CHINA = 156
UNCTAD_MEASURES = {8: "china_total_flow_usd_m", 9: "china_total_stock_usd_m"}  # Flow code, outward


def _mofcom(ceic_csv: Path) -> pd.DataFrame:
    raw = pd.read_csv(ceic_csv, dtype=str, encoding="utf-8")
    missing = [c for c in CEIC_SERIES if c not in raw.columns]
    if missing:
        raise ValueError(f"{ceic_csv}: no column(s) {missing}; expected a CEIC export of MOFCOM's OFDI series")
    first = raw.columns[0]
    annual = raw[raw[first].str.fullmatch(r"12/\d{4}", na=False)]
    table = annual[list(CEIC_SERIES)].rename(columns=CEIC_SERIES).apply(pd.to_numeric, errors="raise")
    table.insert(0, "year", annual[first].str[3:].astype(int).to_numpy())
    return table.dropna(how="all", subset=list(CEIC_SERIES.values())).round(2)


def _unctad(bulk_csv: Path) -> pd.DataFrame:
    raw = pd.read_csv(bulk_csv, dtype={"Economy": str, "Flow": str, "Direction": str})
    value = "US$ at current prices in millions"
    need = {"Year", "Economy", "Flow", "Direction", value}
    if not need <= set(raw.columns):
        raise ValueError(f"{bulk_csv}: needs UNCTADstat columns {sorted(need)}")
    rows = raw[(raw["Economy"].astype(int) == UNCTAD_CHINA) & (raw["Direction"].astype(int) == 2)]
    rows = rows.assign(measure=rows["Flow"].astype(int).map(UNCTAD_MEASURES)).dropna(subset=["measure"])
    wide = rows.pivot(index="Year", columns="measure", values=value).round(1)
    wide.columns.name = None
    return wide.rename_axis("year").reset_index()


def ingest_china_ofdi_russia(ceic_csv: Path | str, unctad_csv: Path | str, first_year: int = 2003) -> pd.DataFrame:
    """One row per year: China's FDI flow to and stock in Russia (MOFCOM), China's total
    outward flow and stock (UNCTAD), and Russia's share of China's outward stock, %."""
    table = _mofcom(Path(ceic_csv)).merge(_unctad(Path(unctad_csv)), on="year", how="outer")
    table = table[table["year"] >= first_year].sort_values("year", ignore_index=True)
    table["russia_share_of_stock_pct"] = (100 * table["russia_stock_usd_m"] / table["china_total_stock_usd_m"]).round(3)
    return table


INGESTS = (
    Ingest(
        "china_ofdi_russia",
        "from MOFCOM's OFDI series (CEIC export) and UNCTADstat",
        (
            arg("--mofcom-ceic", type=Path, required=True, help="CEIC export of MOFCOM's OFDI by destination (CSV)"),
            arg("--unctad", type=Path, required=True, help="UNCTADstat US_FdiFlowsStock bulk CSV (or its rows)"),
        ),
        lambda a: ingest_china_ofdi_russia(a.mofcom_ceic, a.unctad),
        by_hand="MOFCOM's series comes through CEIC (subscription) and UNCTADstat's bulk file; then "
        "`python -m analysis ingest china_ofdi_russia --help`.",
    ),
)
