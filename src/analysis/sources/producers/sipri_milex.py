"""SIPRI Military Expenditure Database workbook → ``data/military/military_expenditure.csv``.

Reads three sheets of the workbook SIPRI publishes (``SIPRI-Milex-data-1949-YYYY.xlsx``):
current US$, constant US$ and share of GDP. SIPRI marks estimates by font colour (blue:
SIPRI estimate, red: highly uncertain); that colour is kept as the ``status`` of each value.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pandas as pd

from analysis.sources.spec import Ingest, Upstream, arg

COUNTRIES = {"China": "CHN", "Russia": "RUS", "United States of America": "USA"}
FIRST_YEAR = 1988  # SIPRI's series for most countries, Russia's successor data included, start here
BLUE, RED = "FF0000FF", "FFFF0000"


def _sheets(wb) -> dict[str, tuple[str, str, float]]:
    """Map the workbook's sheet names to (measure, unit, scale)."""
    found = {}
    for sheet in wb.sheetnames:
        constant = re.fullmatch(r"Constant \((\d{4})\) US\$", sheet.strip())
        if constant:
            found[sheet] = ("constant_usd_m", f"US$ m, constant {constant.group(1)} prices and exchange rates", 1.0)
        elif sheet.strip() == "Current US$":
            found[sheet] = ("current_usd_m", "US$ m, current prices and exchange rates", 1.0)
        elif sheet.strip() == "Share of GDP":
            found[sheet] = ("share_of_gdp_pct", "% of GDP", 100.0)
    if len(found) != 3:
        raise ValueError(
            f"expected sheets 'Current US$', 'Constant (YYYY) US$' and 'Share of GDP'; found {wb.sheetnames}"
        )
    return found


def _status(cell) -> str:
    colour = cell.font.color.rgb if cell.font is not None and cell.font.color is not None else None
    return {BLUE: "sipri_estimate", RED: "highly_uncertain"}.get(colour, "reported")


def ingest_military_expenditure(workbook: Path | str) -> pd.DataFrame:
    """Tidy table (iso3, country, year, measure, value, unit, status) for China, Russia, USA."""
    wb = openpyxl.load_workbook(workbook, read_only=False, data_only=True)
    rows = []
    for sheet, (measure, unit, scale) in _sheets(wb).items():
        ws = wb[sheet]
        header = next((r for r in ws.iter_rows(max_row=30) if r[0].value == "Country"), None)
        if header is None:
            raise ValueError(f"{workbook}: sheet {sheet!r} has no header row starting with 'Country'")
        years = {c.column: int(c.value) for c in header if isinstance(c.value, (int, float)) and c.value >= FIRST_YEAR}
        for row in ws.iter_rows(min_row=header[0].row + 1):
            country = row[0].value
            if country not in COUNTRIES:
                continue
            for cell in row:
                if cell.column not in years:
                    continue
                value, status = cell.value, _status(cell)
                # SIPRI writes ". ." (unavailable) or "xxx" (did not exist); it also stores a few
                # Russian values of the early 1990s as 0.0, an artefact of the conversion: a gap.
                if not isinstance(value, (int, float)) or value == 0:
                    value, status = None, "unavailable"
                else:
                    value = round(float(value) * scale, 6)
                rows.append((COUNTRIES[country], country, years[cell.column], measure, value, unit, status))
    table = pd.DataFrame(rows, columns=["iso3", "country", "year", "measure", "value", "unit", "status"])
    table["country"] = table["country"].replace({"United States of America": "United States"})
    return table.sort_values(["iso3", "measure", "year"], ignore_index=True)


INGESTS = (
    Ingest(
        "military_expenditure",
        "from SIPRI's milex workbook (SIPRI-Milex-data-1949-YYYY.xlsx)",
        (arg("workbook", type=Path),),
        lambda a: ingest_military_expenditure(a.workbook),
        upstream=Upstream(ingest_military_expenditure, "SIPRI's milex workbook (.xlsx)"),
    ),
)
