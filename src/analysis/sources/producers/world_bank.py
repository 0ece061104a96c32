"""World Bank WDI indicator MS.MIL.XPND.CD → ``data/military/wdi_military_expenditure.csv``.

The report's spending chart names the World Bank as its source; the World Bank republishes
SIPRI's current-dollar series as indicator MS.MIL.XPND.CD. Two forms of the same data are
read: the bulk CSV of the indicator page (``API_MS.MIL.XPND.CD_DS2_en_csv_v2_*.csv``) and the
JSON of the World Bank's API (v2), which ``refresh`` downloads. Both give one row per country
and year, in US$ millions; a year the World Bank leaves empty stays empty.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd

from analysis.sources.spec import Ingest, Upstream, arg

INDICATOR = "MS.MIL.XPND.CD"
COUNTRIES = {"CHN": "China", "RUS": "Russia", "USA": "United States"}
FIRST_YEAR = 1988
COLUMNS = ["iso3", "country", "year", "indicator", "value_usd_m", "last_updated"]


def _table(rows, last_updated: str) -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=["iso3", "year", "value"])
    table = table[table["iso3"].isin(COUNTRIES) & (table["year"] >= FIRST_YEAR)].copy()
    table["country"] = table["iso3"].map(COUNTRIES)
    table["indicator"] = INDICATOR
    table["value_usd_m"] = (pd.to_numeric(table["value"]) / 1e6).round(3)
    table["last_updated"] = last_updated
    return table[COLUMNS].sort_values(["iso3", "year"], ignore_index=True)


def from_bulk_csv(path: Path | str) -> pd.DataFrame:
    """The indicator's bulk CSV: four lines of preamble ("Last Updated Date" among them), then one row per country."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh))
    updated = next((r[1] for r in lines[:4] if r and r[0] == "Last Updated Date"), None)
    header_at = next((i for i, r in enumerate(lines) if r[:2] == ["Country Name", "Country Code"]), None)
    if updated is None or header_at is None:
        raise ValueError(f"{path}: not a World Bank bulk CSV (no 'Last Updated Date' or no header row)")
    header = lines[header_at]
    rows = []
    for r in lines[header_at + 1 :]:
        if len(r) < 4 or r[3] != INDICATOR:
            continue
        for col, cell in zip(header[4:], r[4:], strict=False):
            if col.isdigit():
                rows.append((r[1], int(col), float(cell) if cell else None))
    return _table(rows, updated)


def from_api_json(path: Path | str) -> pd.DataFrame:
    """The API's answer: ``[header, [observation, …]]``, all on one page."""
    doc = json.loads(Path(path).read_text(encoding="utf-8"))
    if not (isinstance(doc, list) and len(doc) == 2 and isinstance(doc[0], dict) and isinstance(doc[1], list)):
        raise ValueError(f"{path}: not a World Bank API answer ([header, observations]): {str(doc)[:200]}")
    header, observations = doc
    if int(header.get("pages", 1)) > 1:
        raise ValueError(f"{path}: the answer has {header['pages']} pages; ask for one (per_page)")
    wrong = {o["indicator"]["id"] for o in observations} - {INDICATOR}
    if wrong:
        raise ValueError(f"{path}: indicator(s) {sorted(wrong)}, expected {INDICATOR}")
    rows = [(o["countryiso3code"], int(o["date"]), o["value"]) for o in observations]
    return _table(rows, header["lastupdated"])


def ingest_wdi_military_expenditure(path: Path | str) -> pd.DataFrame:
    return from_api_json(path) if str(path).endswith((".json", INDICATOR)) else from_bulk_csv(path)


def _vintage(path: Path) -> str:
    return json.loads(Path(path).read_text(encoding="utf-8"))[0]["lastupdated"]


INGESTS = (
    Ingest(
        "wdi_military_expenditure",
        "from the World Bank's MS.MIL.XPND.CD: bulk CSV (API_MS.MIL.XPND.CD_DS2_*.csv) or API JSON",
        (arg("file", type=Path),),
        lambda a: ingest_wdi_military_expenditure(a.file),
        upstream=Upstream(from_api_json, "the World Bank API's JSON (v2)", vintage=_vintage),
    ),
)
