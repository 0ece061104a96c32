"""UN Comtrade API answers become the monthly table the trade ingest reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.sources.producers.comtrade import monthly_from_api

ANSWERS = sorted((Path(__file__).parents[1] / "fixtures" / "upstream" / "comtradeapi.un.org").rglob("*.json"))


def test_twelve_months_a_year_both_flows_in_billions():
    monthly = monthly_from_api(ANSWERS)
    assert len(monthly) == 12 * len(ANSWERS)
    assert list(monthly.columns) == ["date", "cn_exports_to_ru_usd_bn", "cn_imports_from_ru_usd_bn"]
    first = json.loads(ANSWERS[0].read_text())["data"][0]
    column = "cn_exports_to_ru_usd_bn" if first["flowCode"] == "X" else "cn_imports_from_ru_usd_bn"
    date = f"{first['period'][:4]}-{first['period'][4:]}-01"
    assert monthly.set_index("date").at[date, column] == pytest.approx(first["primaryValue"] / 1e9)


def test_an_answer_for_another_partner_or_an_error_page_is_refused(tmp_path):
    doc = json.loads(ANSWERS[0].read_text())
    doc["data"][0]["partnerCode"] = 842
    other = tmp_path / "usa.json"
    other.write_text(json.dumps(doc))
    with pytest.raises(ValueError, match="partner 842"):
        monthly_from_api([other])
    error = tmp_path / "error.json"
    error.write_text(json.dumps({"statusCode": 401, "message": "Access denied"}))
    with pytest.raises(ValueError, match="not a UN Comtrade API answer"):
        monthly_from_api([error])
    twice = tmp_path / "twice.json"
    twice.write_text(ANSWERS[0].read_text())
    with pytest.raises(ValueError, match="twice"):
        monthly_from_api([ANSWERS[0], twice])
