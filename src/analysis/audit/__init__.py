"""The audit: every statement of the report put to the data.

- ``claims``: the quantitative claims (C01…, X01…) and their verdicts;
- ``assessments``: the net assessments (NA1…) and their readings;
- ``recommendations``: the policy recommendations and the readings they rest on;
- ``robustness``: each verdict and reading under every defensible choice;
- ``tables``: the reviewer's tables, and the verdict boxes glued into the chapters.

It sits above the chapters' computations: the registries name the chapters' evaluators,
and the audit calls them.
"""

from analysis.audit.tables import (
    CHAPTER_NAMES,
    anchor,
    audit_md,
    badge,
    citations,
    claims_table,
    data_sources,
    escape,
    findings_html,
    glue_reading,
    glue_verdict,
    key_findings,
    markdown,
    parameters_text,
    robustness_text,
    rule_function,
    scorecard,
    slug,
    verdict_counts,
)

__all__ = [
    "CHAPTER_NAMES",
    "anchor",
    "badge",
    "audit_md",
    "citations",
    "claims_table",
    "data_sources",
    "escape",
    "findings_html",
    "glue_reading",
    "glue_verdict",
    "key_findings",
    "markdown",
    "parameters_text",
    "robustness_text",
    "rule_function",
    "scorecard",
    "slug",
    "verdict_counts",
]
