"""The registry of the report's quantitative claims, and their verdicts.

``data/claims.yaml`` lists each claim with its catalogue id (C01…), where it stands in the
report, the value the report states, and the function that evaluates it against the book's
data. Evaluating a claim gives a :class:`Verdict` with both numbers.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import asdict, dataclass
from typing import Any

import pandas as pd

from analysis import datasets, paths, reads

VERDICTS = ("reproduced", "differs", "contradicted", "not testable with public data")
REQUIRED = ("id", "where", "claim", "stated", "datasets", "evaluate")


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
        if not re.fullmatch(r"C\d{2}", str(entry["id"])):
            raise ValueError(f"{where}: id must look like C01")
        if entry["id"] in seen:
            raise ValueError(f"{where}: duplicate id")
        seen.add(entry["id"])
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


def glue_verdict(claim_id: str) -> Verdict:
    """Evaluate a claim and glue its verdict, computed value and detail into the page.

    The keys are ``<id>_verdict``, ``<id>_computed`` and ``<id>_detail``, id in lower case
    (e.g. ``c24_verdict``), for ``{glue:text}`` in the chapter's text.
    """
    from myst_nb import glue

    verdict = evaluate(claim_id)
    for field in ("verdict", "computed", "detail"):
        glue(f"{claim_id.lower()}_{field}", getattr(verdict, field), display=False)
    return verdict


def not_testable(claim_id: str, stated: str, report_source: str, searched: str) -> Verdict:
    """A claim no public data can test: the verdict says so, names the report's source and what was searched."""
    return Verdict(claim_id, "not testable with public data", stated, "no figure, as no public series covers it",
                   f"The report relies on {report_source}. Searched without result: {searched}.")


def evaluate_all() -> pd.DataFrame:
    """Every registered claim with its verdict, one row each."""
    rows = []
    for entry in registry():
        v = evaluate(entry["id"])
        rows.append({"id": v.id, "where": entry["where"], "claim": " ".join(entry["claim"].split()), "stated": v.stated,
                     "computed": v.computed, "verdict": v.verdict, "detail": v.detail,
                     "datasets": ", ".join(entry["datasets"]), "chapter": entry.get("chapter", "")})
    return pd.DataFrame(rows)
