"""The reviewer's tables: every claim with its verdict, every net assessment with its reading.

Both are computed by running the registered evaluations, never typed. ``markdown`` renders a
table with links to the chapter that shows the evidence, for ``{glue:md}`` on a page.
"""

from __future__ import annotations

import pandas as pd

from analysis import assessments, claims, datasets

CHAPTER_NAMES = {
    "chapters/00_introduction": "Introduction",
    "chapters/01_economy": "Chapter 1",
    "chapters/02_military": "Chapter 2",
    "chapters/03_governance": "Chapter 3",
}


def data_sources(names) -> str:
    """'producer (vintage)' for each source of each dataset, without repeats."""
    seen = []
    for name in names:
        for s in datasets.resource(name).get("sources", []):
            label = f"{s['producer']} ({s['vintage']})"
            if label not in seen:
                seen.append(label)
    return "; ".join(seen) or "none: no public data"


def claims_table() -> pd.DataFrame:
    """Every claim evaluated (``claims.evaluate_all``), with the producers and vintages of its data."""
    table = claims.evaluate_all()
    table["data"] = [data_sources([n for n in names.split(", ") if n]) for names in table["datasets"]]
    return table


def verdict_counts(table: pd.DataFrame) -> pd.Series:
    return table["verdict"].value_counts().reindex(list(claims.VERDICTS), fill_value=0)


def scorecard() -> pd.DataFrame:
    rows = []
    for entry in assessments.registry():
        r = assessments.read(entry["id"])
        indicators = ", ".join(entry.get("indicators") or []) or "none: qualitative"
        rows.append({"id": r.id, "assessment": " ".join(entry["assessment"].split()), "where": entry["where"],
                     "indicators": indicators, "reading": r.reading, "rule": r.rule, "chapter": entry["chapter"]})
    return pd.DataFrame(rows)


def _cell(value) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def markdown(table: pd.DataFrame, columns: list[str]) -> str:
    """A Markdown table of ``columns``; the ``chapter`` column becomes a link to the page."""
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for _, row in table.iterrows():
        cells = []
        for c in columns:
            if c == "chapter":
                cells.append(f"{{doc}}`{CHAPTER_NAMES.get(row[c], row[c])} </{row[c]}>`")
            else:
                cells.append(_cell(row[c]))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
