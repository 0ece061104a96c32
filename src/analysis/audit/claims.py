"""The report's quantitative claims (``data/claims.yaml``) evaluated against the book's data.

Each entry names its catalogue id (C01… for the report's headline claims, X01… for its
further checkable statements), where it stands in the report, the value the report states,
the tables it reads and the registered function that evaluates it. Evaluating a claim gives
a :class:`~analysis.evidence.verdicts.Verdict` with both numbers.
"""

from __future__ import annotations

import pandas as pd

from analysis import (
    chapters,  # noqa: F401  (importing the chapters registers their evaluators)
    paths,
)
from analysis.evidence import parameters, registries
from analysis.evidence.verdicts import (  # noqa: F401  (the vocabulary, for the chapters' readers)
    COMPUTED,
    EVALUATORS,
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


def evaluator(entry: dict, kind: str = "claims"):
    """The registered function named by the entry's ``evaluate: module:function``; anything
    else is refused, naming the entry and the field."""
    name = entry["evaluate"]
    if name not in EVALUATORS:
        where = paths.relative(registries.file_of(kind))
        raise registries.RegistryError(
            f"{where}, entry {entry['id']}, field evaluate: {name!r} is not a "
            "registered evaluator (see analysis.evidence.verdicts.evaluator)"
        )
    return EVALUATORS[name]


def call(entry: dict, kind: str, overrides: dict):
    """Run the entry's evaluator with its registered parameters (``overrides`` replace some),
    once they are checked against what the evaluator takes."""
    func = evaluator(entry, kind)
    params = {**entry.get("parameters", {}), **overrides}
    bad = parameters.problems(func, params)
    if bad:
        where = f"{paths.relative(registries.file_of(kind))}, entry {entry['id']}"
        raise registries.RegistryError("\n".join(f"{where}, field parameters.{name}: {msg}" for name, msg in bad))
    return func(**params)


def evaluate(claim_id: str, **overrides) -> Verdict:
    """Evaluate one claim with its registered parameters (``overrides`` replace some)."""
    entry = claim(claim_id)
    verdict = call(entry, "claims", overrides)
    if verdict.id != claim_id:
        raise ValueError(f"{entry['evaluate']} returned a verdict for {verdict.id}, not {claim_id}")
    return verdict


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
