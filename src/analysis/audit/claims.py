"""The report's quantitative claims (``data/claims.yaml``) evaluated against the book's data.

Each entry names its catalogue id (C01… for the report's headline claims, X01… for its
further checkable statements), where it stands in the report, the value the report states,
the tables it reads and the registered function that evaluates it. Evaluating a claim gives
a :class:`~analysis.evidence.verdicts.Verdict` with both numbers.
"""

from __future__ import annotations

import pandas as pd

from analysis.audit.dispatch import call, evaluator  # noqa: F401  (evaluator: for the chapters' readers)
from analysis.evidence import registries
from analysis.evidence.verdicts import (  # noqa: F401  (the vocabulary, for the chapters' readers)
    COMPUTED,
    NOT_OBTAINED,
    NOT_TESTABLE,
    VERDICTS,
    Verdict,
)

UNCOMPUTED = ("analysis.evidence.verdicts:not_testable", "analysis.evidence.verdicts:not_obtained")


def registry() -> list[dict]:
    """The claims of ``data/claims.yaml``, checked against the registries' schema."""
    return registries.entries("claims")


def claim(claim_id: str) -> dict:
    return registries.entry("claims", claim_id)


def evaluate(claim_id: str, **overrides) -> Verdict:
    """Evaluate one claim with its registered parameters (``overrides`` replace some)."""
    return call(claim(claim_id), "claims", overrides)


def evaluate_all(prefix: str | None = None) -> pd.DataFrame:
    """Every registered claim with its verdict, one row each; ``prefix`` 'C' or 'X' keeps the
    headline claims or the further statements alone."""
    rows = []
    for entry in registry():
        if prefix and not entry["id"].startswith(prefix):
            continue
        v = evaluate(entry["id"])
        rows.append(
            {
                "id": v.id,
                "where": entry["where"],
                "claim": " ".join(entry["claim"].split()),
                "stated": v.stated,
                "computed": v.computed,
                "verdict": v.verdict,
                "detail": v.detail,
                "datasets": ", ".join(entry["datasets"]),
                "chapter": entry.get("chapter", ""),
            }
        )
    return pd.DataFrame(rows)
