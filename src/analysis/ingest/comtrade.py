"""UN Comtrade API answers → the monthly table the trade ingest reads.

The API (``comtradeapi.un.org/data/v1/get/C/M/HS``, a subscription key in the header
``Ocp-Apim-Subscription-Key``) answers ``{"count": …, "data": [row, …]}``, one row per
month and flow, with ``period`` (``YYYYMM``), ``flowCode`` (``X`` exports, ``M`` imports),
``reporterCode``, ``partnerCode``, ``cmdCode`` and ``primaryValue`` (US$). China is reporter
156, Russia partner 643, all goods ``TOTAL``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

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
                raise ValueError(f"{path}: a row for reporter {r['reporterCode']}, partner {r['partnerCode']}, "
                                 f"goods {r['cmdCode']}; expected China (156), Russia (643), TOTAL")
            if r["flowCode"] in FLOWS:
                rows.append((f"{str(r['period'])[:4]}-{str(r['period'])[4:6]}-01", FLOWS[r["flowCode"]],
                             float(r["primaryValue"]) / 1e9))
    if not rows:
        raise ValueError(f"{', '.join(map(str, answers))}: no export or import rows")
    long = pd.DataFrame(rows, columns=["date", "flow", "value"])
    if long.duplicated(["date", "flow"]).any():
        raise ValueError("the answers give one month and flow twice")
    wide = long.pivot(index="date", columns="flow", values="value").reset_index()
    return wide[["date", *FLOWS.values()]].sort_values("date", ignore_index=True)
