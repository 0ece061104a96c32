"""The report's policy recommendations (``data/recommendations.yaml``), each tied to the net
assessments it rests on and to their readings."""

from __future__ import annotations

import pandas as pd

from analysis.audit import assessments
from analysis.audit.tables import CHAPTER_NAMES, anchor, badge
from analysis.evidence import registries
from analysis.markup import escape, md_table


def registry() -> list[dict]:
    """The recommendations, checked against the registries' schema (their assessments must exist)."""
    return registries.entries("recommendations")


def basis(recommendation_id: str) -> pd.DataFrame:
    """The assessments a recommendation rests on, with their readings."""
    entry = next(e for e in registry() if e["id"] == recommendation_id)
    rows = []
    for na in entry["rests_on"]:
        r = assessments.read(na)
        a = next(x for x in assessments.registry() if x["id"] == na)
        rows.append({"assessment": na, "chapter": a["chapter"], "reading": r.reading})
    return pd.DataFrame(rows)


def summary() -> pd.DataFrame:
    """For each recommendation, how many of its assessments the data support, qualify, contradict,
    or cannot test."""
    out = []
    for entry in registry():
        counts = basis(entry["id"])["reading"].value_counts()
        out.append(
            {
                "recommendation": entry["id"],
                "title": entry["title"],
                **{r: int(counts.get(r, 0)) for r in assessments.READINGS},
            }
        )
    return pd.DataFrame(out)


def markdown(recommendation_id: str) -> str:
    """The recommendation as the book writes it: its summary, its measures, the assessments it
    rests on with their readings (linked to their chapters), and what would change it."""
    entry = next(e for e in registry() if e["id"] == recommendation_id)
    lines = [f"**{escape(entry['title'])}.** {escape(entry['summary'])}", ""]
    if entry.get("measures"):
        lines += ["The report's measures:", ""] + [f"- {escape(m)}" for m in entry["measures"]] + [""]
    rows = [
        (
            row["assessment"],
            badge(row["reading"]),
            f"{{ref}}`{CHAPTER_NAMES.get(row['chapter'], row['chapter'])}, {row['assessment']} <{anchor(row['assessment'])}>`",
        )
        for _, row in basis(recommendation_id).iterrows()
    ]
    lines.append(md_table(("assessment", "reading", "evidence on"), rows, raw=("reading", "evidence on")))
    lines += ["", f"*What in the data would change it:* {escape(entry['would_change'])}"]
    return "\n".join(lines)
