"""The report's policy recommendations (``data/recommendations.yaml``), each tied to the net
assessments it rests on and to their readings."""

from __future__ import annotations

import pandas as pd
import yaml

from analysis import assessments, paths, reads



def registry() -> list[dict]:
    reads.record_file(paths.RECOMMENDATIONS)
    with open(paths.RECOMMENDATIONS, encoding="utf-8") as fh:
        entries = yaml.safe_load(fh)["recommendations"]
    known = {a["id"] for a in assessments.registry()}
    for entry in entries:
        unknown = [na for na in entry["rests_on"] if na not in known]
        if unknown:
            raise ValueError(f"{paths.relative(paths.RECOMMENDATIONS)}, {entry['id']}: unknown assessment(s) {unknown}")
    return entries


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
        out.append({"recommendation": entry["id"], "title": entry["title"],
                    **{r: int(counts.get(r, 0)) for r in assessments.READINGS}})
    return pd.DataFrame(out)


def markdown(recommendation_id: str) -> str:
    """The recommendation as the book writes it: its summary, its measures, the assessments it
    rests on with their readings (linked to their chapters), and what would change it."""
    from analysis.audit import CHAPTER_NAMES

    entry = next(e for e in registry() if e["id"] == recommendation_id)
    lines = [f"**{entry['title']}.** {' '.join(entry['summary'].split())}", ""]
    if entry.get("measures"):
        lines += ["The report's measures:", ""] + [f"- {m}" for m in entry["measures"]] + [""]
    lines += ["| assessment | reading | evidence on |", "|---|---|---|"]
    for _, row in basis(recommendation_id).iterrows():
        page = CHAPTER_NAMES.get(row["chapter"], row["chapter"])
        lines.append(f"| {row['assessment']} | {row['reading']} | {{doc}}`{page} </{row['chapter']}>` |")
    lines += ["", f"*What in the data would change it:* {' '.join(entry['would_change'].split())}"]
    return "\n".join(lines)
