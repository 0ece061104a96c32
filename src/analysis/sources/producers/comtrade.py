"""UN Comtrade API answers → the monthly table the trade ingest reads.

The API (``comtradeapi.un.org/data/v1/get/C/M/HS``, a subscription key in the header
``Ocp-Apim-Subscription-Key``) answers ``{"count": …, "data": [row, …]}``, one row per
month and flow, with ``period`` (``YYYYMM``), ``flowCode`` (``X`` exports, ``M`` imports),
``reporterCode``, ``partnerCode``, ``cmdCode`` and ``primaryValue`` (US$). China is reporter
156, Russia partner 643, all goods ``TOTAL``.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd

from analysis.datasets import file_of, load
from analysis.sources.download import download, mirrored
from analysis.sources.producers.imf_dots import (
    ingest_china_russia_trade,
    with_new_comtrade,
)
from analysis.sources.spec import Ingest, Upstream, arg

REPORTER, PARTNER = 156, 643
FLOWS = {"X": "cn_exports_to_ru_usd_bn", "M": "cn_imports_from_ru_usd_bn"}


def monthly_from_api(answers: list[Path]) -> pd.DataFrame:
    """Columns ``date`` (first of the month), ``cn_exports_to_ru_usd_bn``, ``cn_imports_from_ru_usd_bn``."""
    rows = []
    for path in answers:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(doc, dict) or not isinstance(doc.get("data"), list):
            raise ValueError(f"{path}: not a UN Comtrade API answer (no 'data' list): {str(doc)[:200]}")
        for r in doc["data"]:
            if (int(r["reporterCode"]), int(r["partnerCode"]), str(r["cmdCode"])) != (REPORTER, PARTNER, "TOTAL"):
                raise ValueError(
                    f"{path}: a row for reporter {r['reporterCode']}, partner {r['partnerCode']}, "
                    f"goods {r['cmdCode']}; expected China (156), Russia (643), TOTAL"
                )
            if r["flowCode"] in FLOWS:
                rows.append(
                    (
                        f"{str(r['period'])[:4]}-{str(r['period'])[4:6]}-01",
                        FLOWS[r["flowCode"]],
                        float(r["primaryValue"]) / 1e9,
                    )
                )
    if not rows:
        raise ValueError(f"{', '.join(map(str, answers))}: no export or import rows")
    long = pd.DataFrame(rows, columns=["date", "flow", "value"])
    if long.duplicated(["date", "flow"]).any():
        raise ValueError("the answers give one month and flow twice")
    wide = long.pivot(index="date", columns="flow", values="value").reset_index()
    return wide[["date", *FLOWS.values()]].sort_values("date", ignore_index=True)


def fetch_monthly(
    address: str, folder: Path, timeout: float, progress: bool, mirror: str | None, key: str, first_year: int = 2017
) -> Path:
    """One API request per year (twelve months each), from ``first_year`` to last year; the
    answers become one monthly table, which is the file checked and derived."""
    answers = []
    for year in range(first_year, date.today().year):
        months = ",".join(f"{year}{m:02d}" for m in range(1, 13))
        url = f"{address}?reporterCode={REPORTER}&partnerCode={PARTNER}&flowCode=X,M&cmdCode=TOTAL&period={months}"
        answers.append(
            download(
                mirrored(url, mirror),
                folder,
                timeout,
                progress,
                headers={"Ocp-Apim-Subscription-Key": key} if key else {},
                fname=f"comtrade_{year}.json",
            )
        )
    monthly = folder / "comtrade_monthly.csv"
    monthly_from_api(answers).to_csv(monthly, index=False, lineterminator="\n")
    return monthly


def _press_figures() -> Path:
    return file_of("customs_press_figures")


INGESTS = (
    Ingest(
        "china_russia_trade",
        "from IMF DOTS and UN Comtrade, with the press figures in data/",
        (
            arg("--dots-workbook", type=Path, required=True, help="IMF DOTS workbook of reporter China (DOTS_40.xlsx)"),
            arg(
                "--comtrade-monthly",
                type=Path,
                required=True,
                help="CSV: date, cn_exports_to_ru_usd_bn, cn_imports_from_ru_usd_bn",
            ),
        ),
        lambda a: ingest_china_russia_trade(a.dots_workbook, a.comtrade_monthly, _press_figures()),
        upstream=Upstream(
            lambda monthly: with_new_comtrade(load("china_russia_trade"), monthly, _press_figures()),
            "UN Comtrade monthly totals, China with Russia (CSV: date, cn_exports_to_ru_usd_bn, "
            "cn_imports_from_ru_usd_bn)",
            source=1,
            fetch=fetch_monthly,
            key="COMTRADE_API_KEY",
            key_help="register at https://comtradeplus.un.org (a free subscription key exists), then set it in "
            "the environment: export COMTRADE_API_KEY=<your key>. The IMF rows are kept as they are "
            "(the IMF workbook has no stable address)",
        ),
    ),
)
