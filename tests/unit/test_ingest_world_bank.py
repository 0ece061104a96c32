"""World Bank MS.MIL.XPND.CD: the bulk CSV and the API's JSON give the same table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.chapters import military
from analysis.sources.producers.world_bank import from_api_json, from_bulk_csv, ingest_wdi_military_expenditure

API = (
    Path(__file__).parents[1]
    / "fixtures"
    / "upstream"
    / "api.worldbank.org"
    / "v2"
    / "country"
    / "CHN;RUS;USA"
    / "indicator"
    / "MS.MIL.XPND.CD"
)


def _bulk(path: Path, observations: list[dict], updated: str) -> Path:
    """The same observations in the layout of the World Bank's bulk CSV."""
    years = sorted({int(o["date"]) for o in observations})
    lines = [
        '\ufeff"Data Source","World Development Indicators",',
        "",
        f'"Last Updated Date","{updated}",',
        "",
        ",".join(
            f'"{h}"' for h in ["Country Name", "Country Code", "Indicator Name", "Indicator Code", *map(str, years)]
        )
        + ",",
    ]
    for iso3 in ("CHN", "RUS", "USA", "DEU"):
        values = {int(o["date"]): o["value"] for o in observations if o["countryiso3code"] == iso3}
        cells = ["" if values.get(y) is None else repr(values[y]) for y in years]
        lines.append(
            ",".join(f'"{c}"' for c in [iso3, iso3, "Military expenditure (current USD)", "MS.MIL.XPND.CD", *cells])
            + ","
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_api_answer_and_the_bulk_file_give_the_same_table(tmp_path):
    header, observations = json.loads(API.read_text(encoding="utf-8"))
    from_api = from_api_json(API)
    from_csv = from_bulk_csv(_bulk(tmp_path / "API_MS.MIL.XPND.CD_DS2_en_csv_v2_1.csv", observations, "2024-03-28"))
    assert from_api.equals(from_csv)
    assert set(from_api["iso3"]) == {"CHN", "RUS", "USA"} and from_api["year"].min() == 1988
    assert (from_api["last_updated"] == header["lastupdated"]).all()
    china_2022 = next(o["value"] for o in observations if o["countryiso3code"] == "CHN" and o["date"] == "2022")
    row = from_api[(from_api["iso3"] == "CHN") & (from_api["year"] == 2022)].iloc[0]
    assert row["value_usd_m"] == pytest.approx(china_2022 / 1e6, abs=1e-3)
    assert from_api["value_usd_m"].isna().sum() > 0  # a year without a value stays empty
    assert ingest_wdi_military_expenditure(API).equals(from_api)


def test_an_answer_on_several_pages_or_for_another_indicator_is_refused(tmp_path):
    header, observations = json.loads(API.read_text(encoding="utf-8"))
    paged = tmp_path / "paged.json"
    paged.write_text(json.dumps([{**header, "pages": 3}, observations]))
    with pytest.raises(ValueError, match="3 pages"):
        from_api_json(paged)
    other = tmp_path / "other.json"
    observations[0]["indicator"]["id"] = "NY.GDP.MKTP.CD"
    other.write_text(json.dumps([header, observations]))
    with pytest.raises(ValueError, match="NY.GDP.MKTP.CD"):
        from_api_json(other)
    error = tmp_path / "error.json"
    error.write_text(json.dumps([{"message": [{"id": "120", "value": "Invalid value"}]}]))
    with pytest.raises(ValueError, match="not a World Bank API answer"):
        from_api_json(error)


def test_the_world_bank_copy_is_set_against_sipri_over_the_years_both_give():
    wb = military.against_world_bank(first=2005)
    assert wb["first_year"] == 2005 and wb["common_last_year"] <= wb["last_year"]
    assert 0 <= wb["max_gap_pct"] < 50  # the same series, revised between releases
