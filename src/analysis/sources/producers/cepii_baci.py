"""CEPII BACI (HS 2017) product-level trade → ``data/economy/trade_by_hs_section.csv``.

BACI publishes one row per year, exporter, importer and six-digit HS product, in CEPII's
own column names: ``t`` (year), ``i`` and ``j`` (exporter and importer, ISO 3166-1 numeric),
``k`` (HS 2017 code), ``v`` (value, thousand US$) and ``q`` (quantity, metric tonnes). BACI
writes ``k`` as a number, so the leading zero of chapters 01-09 is lost ("10620" is 010620);
codes are zero-padded to six digits before the chapter is read.

Only China (156) ↔ Russia (643) flows are kept. Values are summed to the 21 sections of the
Harmonized System, in US$ millions, with each section's share of the year's total for that
direction. BACI values are CEPII's reconciliation of both partners' declarations, on an FOB
basis: they are not China's (or Russia's) customs figures.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.sources.spec import Ingest, arg

CHINA, RUSSIA = 156, 643
ISO3 = {CHINA: "CHN", RUSSIA: "RUS"}
REQUIRED = ["t", "i", "j", "k", "v"]
FUELS_CHAPTER = 27  # mineral fuels, mineral oils and products of their distillation

# (section, first HS2 chapter, last HS2 chapter, short English name), in HS order.
SECTIONS = [
    ("I", 1, 5, "Live animals; animal products"),
    ("II", 6, 14, "Vegetable products"),
    ("III", 15, 15, "Animal or vegetable fats and oils"),
    ("IV", 16, 24, "Prepared foodstuffs, beverages, tobacco"),
    ("V", 25, 27, "Mineral products"),
    ("VI", 28, 38, "Chemical products"),
    ("VII", 39, 40, "Plastics and rubber"),
    ("VIII", 41, 43, "Hides, skins, leather, furs"),
    ("IX", 44, 46, "Wood and articles of wood"),
    ("X", 47, 49, "Pulp, paper and paperboard"),
    ("XI", 50, 63, "Textiles"),
    ("XII", 64, 67, "Footwear, headgear"),
    ("XIII", 68, 70, "Stone, ceramic, glass"),
    ("XIV", 71, 71, "Precious stones and metals"),
    ("XV", 72, 83, "Base metals"),
    ("XVI", 84, 85, "Machinery and electrical equipment"),
    ("XVII", 86, 89, "Vehicles, aircraft, vessels"),
    ("XVIII", 90, 92, "Optical, medical and precision instruments"),
    ("XIX", 93, 93, "Arms and ammunition"),
    ("XX", 94, 96, "Miscellaneous manufactured articles"),
    ("XXI", 97, 97, "Works of art, antiques"),
]
SECTION_ORDER = [s for s, *_ in SECTIONS]
SECTION_NAMES = {s: name for s, _, _, name in SECTIONS}
CHAPTER_TO_SECTION = {ch: s for s, first, last, _ in SECTIONS for ch in range(first, last + 1)}
DIRECTIONS = [("CHN", "RUS"), ("RUS", "CHN")]  # already in sort order of the exporter


def _flows(hs6_csv: Path | str) -> pd.DataFrame:
    """China ↔ Russia rows of a BACI file: year, exporter, importer, chapter, value (thousand US$)."""
    path = Path(hs6_csv)
    raw = pd.read_csv(path, dtype={"k": str}, skipinitialspace=True)
    raw.columns = [str(c).strip() for c in raw.columns]
    missing = [c for c in REQUIRED if c not in raw.columns]
    if missing:
        raise ValueError(f"{path}: not a BACI file, missing column(s) {missing} (needs {REQUIRED})")

    d = raw[REQUIRED].copy()
    for col in ("t", "i", "j"):
        d[col] = pd.to_numeric(d[col], errors="raise").astype(int)
    d["v"] = pd.to_numeric(d["v"], errors="raise").astype(float)
    d = d[((d["i"] == CHINA) & (d["j"] == RUSSIA)) | ((d["i"] == RUSSIA) & (d["j"] == CHINA))]

    k = d["k"].astype(str).str.strip()
    bad = sorted(set(k[~k.str.fullmatch(r"\d{5,6}")]))
    if bad:
        raise ValueError(f"{path}: HS codes in column 'k' that are not 5 or 6 digits: {bad[:10]}")
    chapter = k.str.zfill(6).str[:2].astype(int)
    unknown = sorted(set(chapter[~chapter.isin(list(CHAPTER_TO_SECTION))]))
    if unknown:
        raise ValueError(f"{path}: HS chapter(s) outside sections I-XXI: {unknown}")

    return pd.DataFrame(
        {
            "year": d["t"].to_numpy(),
            "exporter": d["i"].map(ISO3).to_numpy(),
            "importer": d["j"].map(ISO3).to_numpy(),
            "chapter": chapter.to_numpy(),
            "value_k": d["v"].to_numpy(),
        }
    )


def _years(flows: pd.DataFrame, path: Path | str) -> list[int]:
    if flows.empty:
        raise ValueError(f"{path}: no China (156) <-> Russia (643) rows")
    return sorted(int(y) for y in flows["year"].unique())


def _share(part: pd.Series, total: pd.Series) -> pd.Series:
    """Percentage, empty where the total is zero (no trade in that year and direction)."""
    return (100 * part / total.where(total != 0)).round(3)


def ingest_trade_composition(hs6_csv: Path | str) -> pd.DataFrame:
    """Tidy table (year, exporter, importer, hs_section, hs_section_name, value_usd_m, share_pct).

    One row per year, direction and HS section; a section with no trade is a zero, not a gap.
    Shares are computed from the unrounded sums, then rounded.
    """
    flows = _flows(hs6_csv)
    flows["hs_section"] = flows["chapter"].map(CHAPTER_TO_SECTION)
    sums = flows.groupby(["year", "exporter", "importer", "hs_section"])["value_k"].sum()

    grid = pd.MultiIndex.from_tuples(
        [(y, e, i, s) for y in _years(flows, hs6_csv) for e, i in DIRECTIONS for s in SECTION_ORDER],
        names=["year", "exporter", "importer", "hs_section"],
    )
    table = sums.reindex(grid, fill_value=0.0).rename("value_k").reset_index()
    value_m = table["value_k"] / 1000.0
    total_m = value_m.groupby([table["year"], table["exporter"]]).transform("sum")

    table["hs_section_name"] = table["hs_section"].map(SECTION_NAMES)
    table["value_usd_m"] = value_m.round(3)
    table["share_pct"] = _share(value_m, total_m)
    table["year"] = table["year"].astype(int)
    table["_order"] = table["hs_section"].map({s: n for n, s in enumerate(SECTION_ORDER)})
    table = table.sort_values(["year", "exporter", "_order"], ignore_index=True)
    return table[["year", "exporter", "importer", "hs_section", "hs_section_name", "value_usd_m", "share_pct"]]


def mineral_fuels_share(hs6_csv: Path | str) -> pd.DataFrame:
    """Per year and direction: HS chapter 27 (mineral fuels) value, total value and its share.

    Columns: year, exporter, importer, hs27_value_usd_m, total_usd_m, hs27_share_pct.
    """
    flows = _flows(hs6_csv)
    flows["hs27_k"] = flows["value_k"].where(flows["chapter"] == FUELS_CHAPTER, 0.0)
    sums = flows.groupby(["year", "exporter", "importer"])[["hs27_k", "value_k"]].sum()
    grid = pd.MultiIndex.from_tuples(
        [(y, e, i) for y in _years(flows, hs6_csv) for e, i in DIRECTIONS],
        names=["year", "exporter", "importer"],
    )
    sums = sums.reindex(grid, fill_value=0.0).reset_index()
    hs27_m, total_m = sums["hs27_k"] / 1000.0, sums["value_k"] / 1000.0
    table = pd.DataFrame(
        {
            "year": sums["year"].astype(int),
            "exporter": sums["exporter"],
            "importer": sums["importer"],
            "hs27_value_usd_m": hs27_m.round(3),
            "total_usd_m": total_m.round(3),
            "hs27_share_pct": _share(hs27_m, total_m),
        }
    )
    return table.sort_values(["year", "exporter"], ignore_index=True)


BY_HAND = (
    "CEPII BACI yearly files (large archives, free registration); then `python -m analysis ingest {dataset} --help`."
)
INGESTS = (
    Ingest(
        "china_russia_trade_by_section",
        "from CEPII BACI HS6 rows (t, i, j, k, v, q)",
        (arg("hs6_csv", type=Path, help="BACI rows for China and Russia (or a whole BACI year file)"),),
        lambda a: ingest_trade_composition(a.hs6_csv),
        by_hand=BY_HAND.format(dataset="china_russia_trade_by_section"),
    ),
    Ingest(
        "china_russia_mineral_fuels",
        "HS chapter 27 from CEPII BACI HS6 rows",
        (arg("hs6_csv", type=Path, help="BACI rows for China and Russia (or a whole BACI year file)"),),
        lambda a: mineral_fuels_share(a.hs6_csv),
        by_hand="the same CEPII BACI files; then `python -m analysis ingest china_russia_mineral_fuels --help`.",
    ),
)
