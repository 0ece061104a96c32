"""The registry of the report's quantitative claims, and their verdicts.

``data/claims.yaml`` lists each claim with its catalogue id (C01… for the report's headline
claims, X01… for its further checkable statements), where it stands in the report, the value the report states, and the function that evaluates it against the book's
data. Evaluating a claim gives a :class:`Verdict` with both numbers.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import asdict, dataclass
from typing import Any

import pandas as pd

from analysis import datasets, paths, reads

NOT_TESTABLE = "not testable with public data"
NOT_OBTAINED = "not tested: source not obtained"
VERDICTS = ("reproduced", "differs", "contradicted", NOT_TESTABLE, NOT_OBTAINED)
COMPUTED = VERDICTS[:3]   # the verdicts a computation gives; the other two say why there is none
REQUIRED = ("id", "where", "claim", "stated", "datasets", "evaluate")
UNCOMPUTED = ("analysis.claims:not_testable", "analysis.claims:not_obtained")


@dataclass(frozen=True)
class Verdict:
    id: str
    verdict: str
    stated: str
    computed: str
    detail: str = ""

    def __post_init__(self):
        if self.verdict not in VERDICTS:
            raise ValueError(f"{self.id}: verdict {self.verdict!r} is not one of {VERDICTS}")

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def registry() -> list[dict]:
    """The claims of ``data/claims.yaml``, checked for required keys and unique ids."""
    reads.record_file(paths.CLAIMS)
    entries = datasets.read_yaml(paths.CLAIMS)["claims"]
    seen = set()
    for i, entry in enumerate(entries, start=1):
        missing = [k for k in REQUIRED if k not in entry]
        where = f"{paths.relative(paths.CLAIMS)}, claim #{i} ({entry.get('id', '?')})"
        if missing:
            raise ValueError(f"{where}: missing key(s) {missing}")
        if not re.fullmatch(r"[CX]\d{2}", str(entry["id"])):
            raise ValueError(f"{where}: id must look like C01 (a headline claim) or X01 (a further statement)")
        if entry["id"] in seen:
            raise ValueError(f"{where}: duplicate id")
        seen.add(entry["id"])
        if entry["evaluate"] not in UNCOMPUTED and not entry.get("why_this_choice"):
            raise ValueError(f"{where}: a computed claim needs why_this_choice (why its parameters were chosen)")
    return entries


def claim(claim_id: str) -> dict:
    for entry in registry():
        if entry["id"] == claim_id:
            return entry
    raise KeyError(f"no claim {claim_id!r} in {paths.relative(paths.CLAIMS)}")


def evaluator(entry: dict):
    """The function named by ``evaluate: module:function``."""
    module, _, func = entry["evaluate"].partition(":")
    return getattr(importlib.import_module(module), func)


def evaluate(claim_id: str, **overrides) -> Verdict:
    """Evaluate one claim with its registered parameters (``overrides`` replace some)."""
    entry = claim(claim_id)
    params = {**entry.get("parameters", {}), **overrides}
    verdict = evaluator(entry)(**params)
    if verdict.id != claim_id:
        raise ValueError(f"{entry['evaluate']} returned a verdict for {verdict.id}, not {claim_id}")
    return verdict


def not_testable(claim_id: str, stated: str, report_source: str, searched: str) -> Verdict:
    """A claim no public data can test: the verdict says so, names the report's source and what was searched."""
    return Verdict(claim_id, NOT_TESTABLE, stated, "no figure, as no public series covers it",
                   f"The report relies on {report_source}. Searched without result: {searched}.")


def not_obtained(claim_id: str, stated: str, report_source: str, would_test: str) -> Verdict:
    """A claim a public source could test, but the book has not obtained it: the verdict names that source."""
    return Verdict(claim_id, NOT_OBTAINED, stated, "no figure: the source that would test it is not in the book",
                   f"The report relies on {report_source}. The public source that would test it: {would_test}.")


def evaluate_all(prefix: str | None = None) -> pd.DataFrame:
    """Every registered claim with its verdict, one row each; ``prefix`` 'C' or 'X' keeps the
    headline claims or the further statements alone."""
    rows = []
    for entry in registry():
        if prefix and not entry["id"].startswith(prefix):
            continue
        v = evaluate(entry["id"])
        rows.append({"id": v.id, "where": entry["where"], "claim": " ".join(entry["claim"].split()), "stated": v.stated,
                     "computed": v.computed, "verdict": v.verdict, "detail": v.detail,
                     "datasets": ", ".join(entry["datasets"]), "chapter": entry.get("chapter", "")})
    return pd.DataFrame(rows)
