"""The reviewer's tables: every claim with its verdict, every net assessment with its reading.

Both are computed by running the registered evaluations, never typed. ``markdown`` renders a
table with links to the chapter that shows the evidence, for ``{glue:md}`` on a page.
:func:`glue_verdict` and :func:`glue_reading` glue one verdict or reading into a chapter,
with the line under its box: robustness across choices, the weakest kind of source, the
report's endnotes and the book's sources as citations, and a link to the rule's code.
"""

from __future__ import annotations

import html
import re

import pandas as pd

from analysis import datasets
from analysis.audit import assessments, claims, robustness
from analysis.evidence import grading
from analysis.evidence.verdicts import TONE, Reading, Verdict
from analysis.markup import escape, md_table


def rule_function(entry: dict) -> str:
    """'analysis.chapters.economy.evaluate_c04' for ``evaluate: analysis.chapters.economy:evaluate_c04``."""
    return entry["evaluate"].replace(":", ".")


def citations(entry: dict) -> tuple[str, str]:
    """The report's endnotes and the book's sources of an entry, as MyST citation roles."""
    notes = [f"report-n{int(n):02d}" for n in entry.get("report_notes") or []]
    data = [f"data-{name}" for name in entry.get("datasets") or []]
    cite = lambda keys: f"{{cite:p}}`{','.join(keys)}`" if keys else ""  # noqa: E731
    return cite(notes), cite(data)


def parameters_text(entry: dict) -> str:
    return "; ".join(f"{k} = {v}" for k, v in (entry.get("parameters") or {}).items())


def audit_md(item_id: str) -> str:
    """The line under a verdict or reading box, in MyST (only registry and computed text, escaped)."""
    kind, entry = robustness.entry(item_id)
    parts = []
    summary = robustness.summary(item_id)
    if summary is not None:
        parts.append(f"**Robustness:** {escape(summary)} ({{doc}}`grid </chapters/appendices/claims_audit>`).")
    if kind == "claim" and entry.get("datasets"):
        kinds = grading.kinds_behind(entry)
        if kinds:
            parts.append(f"**Weakest source:** {escape(grading.weakest(kinds))}.")
    notes, data = citations(entry)
    if kind == "claim":
        parts.append(f"**Report's endnotes:** {notes}." if notes else "**Report's endnotes:** none for this statement.")
    if data:
        parts.append(f"**Book's sources:** {data}.")
    if not robustness.computed(kind, entry):
        parts.append(
            "**Rule:** none to vary; "
            + ("the assessment is qualitative." if kind == "assessment" else "the verdict says why there is no figure.")
        )
    elif entry.get("evaluate"):
        params = parameters_text(entry)
        parts.append(f"**Rule:** {{py:func}}`{rule_function(entry)}`" + (f" with {escape(params)}." if params else "."))
    return " ".join(parts)


def badge(word: str) -> str:
    """A verdict or reading as a coloured badge that says its word (sphinx-design's ``bdg`` role).
    The word is one of the fixed vocabulary (a role shows its content literally, so it is not escaped)."""
    if word not in TONE:
        raise ValueError(f"{word!r} is not a verdict or a reading")
    return f"{{bdg-{TONE[word]}}}`{word}`"


FINDING_ORDER = ("contradicted", "differs", "reproduced")


def key_findings(limit: int = 8) -> pd.DataFrame:
    """The headline claims a reader should see first: those the data contradict, then those they
    differ from, then those they reproduce, in the report's order, at most ``limit``."""
    table = claims.evaluate_all("C")
    table = table[table["verdict"].isin(FINDING_ORDER)].copy()
    table["rank"] = table["verdict"].map(FINDING_ORDER.index)
    return table.sort_values(["rank", "id"], kind="stable").head(limit).reset_index(drop=True)


def findings_html(table: pd.DataFrame, page_root: str = "") -> str:
    """The findings as an HTML list for the home page: a badge with the verdict's word, the claim
    linked to its box, the report's figure and the data's. Every text is HTML-escaped."""
    items = []
    for row in table.itertuples():
        href = html.escape(f"{page_root}{row.chapter}.html#{anchor(row.id)}", quote=True)
        items.append(
            f'<li><span class="sd-badge sd-bg-{TONE[row.verdict]}">{html.escape(row.verdict)}</span> '
            f'<a href="{href}">{html.escape(row.id)}: {html.escape(row.claim.rstrip("."))}</a>. '
            f"The report: {html.escape(str(row.stated))}. The data: {html.escape(str(row.computed))}.</li>"
        )
    return '<ul class="key-findings">\n' + "\n".join(items) + "\n</ul>"


def glue_verdict(claim_id: str) -> Verdict:
    """Evaluate a claim and glue ``<id>_verdict``, ``<id>_computed``, ``<id>_detail`` (text) and
    ``<id>_audit`` (MyST), id in lower case (e.g. ``c24_verdict``), for its box in the chapter."""
    from IPython.display import Markdown
    from myst_nb import glue

    verdict = claims.evaluate(claim_id)
    for field in ("verdict", "computed", "detail"):
        glue(f"{claim_id.lower()}_{field}", getattr(verdict, field), display=False)
    glue(f"{claim_id.lower()}_badge", Markdown(badge(verdict.verdict)), display=False)
    glue(f"{claim_id.lower()}_audit", Markdown(audit_md(claim_id)), display=False)
    return verdict


def glue_reading(assessment_id: str) -> Reading:
    """Read an assessment and glue ``<id>_assessment`` (the restatement), ``<id>_reading``,
    ``<id>_evidence``, ``<id>_rule``, ``<id>_would_contradict`` (text) and ``<id>_audit`` (MyST)."""
    from IPython.display import Markdown
    from myst_nb import glue

    reading = assessments.read(assessment_id)
    for field in ("reading", "evidence", "rule"):
        glue(f"{assessment_id.lower()}_{field}", getattr(reading, field), display=False)
    glue(f"{assessment_id.lower()}_badge", Markdown(badge(reading.reading)), display=False)
    entry = assessments.entry(assessment_id)
    glue(f"{assessment_id.lower()}_assessment", " ".join(entry["assessment"].split()), display=False)
    contra = entry.get("would_contradict") or "nothing: the assessment is qualitative"
    glue(f"{assessment_id.lower()}_would_contradict", " ".join(str(contra).split()), display=False)
    glue(f"{assessment_id.lower()}_audit", Markdown(audit_md(assessment_id)), display=False)
    return reading


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


def robustness_text(item_id: str) -> str:
    summary = robustness.summary(item_id)
    return "no rule to vary" if summary is None else f"{summary.holds} of {summary.of}"


def claims_table(prefix: str | None = "C") -> pd.DataFrame:
    """Every claim evaluated (``claims.evaluate_all``; ``prefix`` 'C' for the headline claims, 'X'
    for the further statements), with the producers and vintages of its data, the weakest kind of
    source it rests on, and its robustness ('k of n')."""
    table = claims.evaluate_all(prefix)
    table["data"] = [data_sources([n for n in names.split(", ") if n]) for names in table["datasets"]]
    entries = {e["id"]: e for e in claims.registry()}
    table["weakest source"] = [
        grading.weakest(k) if (k := grading.kinds_behind(entries[i])) else "none" for i in table["id"]
    ]
    table["robustness"] = [robustness_text(i) for i in table["id"]]
    return table


def verdict_counts(table: pd.DataFrame) -> pd.Series:
    return table["verdict"].value_counts().reindex(list(claims.VERDICTS), fill_value=0)


def scorecard() -> pd.DataFrame:
    rows = []
    for entry in assessments.registry():
        r = assessments.read(entry["id"])
        indicators = ", ".join(entry.get("indicators") or []) or "none: qualitative"
        rows.append(
            {
                "id": r.id,
                "assessment": " ".join(entry["assessment"].split()),
                "where": entry["where"],
                "indicators": indicators,
                "reading": r.reading,
                "rule": r.rule,
                "would contradict": " ".join(str(entry.get("would_contradict") or "qualitative").split()),
                "robustness": robustness_text(r.id),
                "chapter": entry["chapter"],
            }
        )
    return pd.DataFrame(rows)


def anchor(item_id: str) -> str:
    """The label of a claim's or an assessment's box: ``claim-c04``, ``na1``."""
    return item_id.lower() if item_id.startswith("NA") else f"claim-{item_id.lower()}"


def markdown(table: pd.DataFrame, columns: list[str] | dict[str, str]) -> str:
    """A Markdown table of ``columns`` (a list, or a dict of column to header), each cell escaped
    (:func:`analysis.markup.escape`); the ``id`` and the ``chapter`` link to the claim's or
    assessment's box on its page, a ``verdict`` or ``reading`` is a badge."""
    headers = columns if isinstance(columns, dict) else {c: c for c in columns}

    def cell(row, c):
        boxed = "id" in row and re.fullmatch(r"[CX]\d\d|NA\d+", str(row["id"]))
        if c == "id":  # built as markup: a link to the box, or the escaped text
            return f"{{ref}}`{row['id']} <{anchor(row['id'])}>`" if boxed and "chapter" in row else escape(row[c])
        if c == "chapter":
            page = CHAPTER_NAMES.get(row[c], row[c])
            if boxed:
                return f"{{ref}}`{page}, {row['id']} <{anchor(row['id'])}>`"
            return f"{{doc}}`{page} </{row[c]}>`"
        if c in ("verdict", "reading"):
            return badge(row[c])
        return row[c]

    rows = ([cell(row, c) for c in headers] for _, row in table.iterrows())
    raw = [headers[c] for c in ("id", "chapter", "verdict", "reading") if c in headers]
    return md_table(list(headers.values()), rows, raw=raw)


def slug(text: str) -> str:
    """'not tested: source not obtained' → 'not_tested_source_not_obtained', for glue keys."""
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
