"""The report's net assessments (NA1…), restated, and what the data say about each.

``data/assessments.yaml`` lists each assessment with its chapter, the book's restatement,
the indicators that bear on it, and the function that reads the evidence (or none, where
the assessment is qualitative and no dataset bears on it). A reading is one of four: the
data support it, qualify it, contradict it, or it is qualitative. Each function states its
rule in the reading it returns, so the rule can be checked against the numbers.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import asdict, dataclass


from analysis import datasets, paths, reads

READINGS = ("supported", "qualified", "contradicted", "qualitative")
REQUIRED = ("id", "chapter", "assessment", "indicators")


@dataclass(frozen=True)
class Reading:
    id: str
    reading: str
    evidence: str
    rule: str

    def __post_init__(self):
        if self.reading not in READINGS:
            raise ValueError(f"{self.id}: reading {self.reading!r} is not one of {READINGS}")

    def as_dict(self) -> dict:
        return asdict(self)


def registry() -> list[dict]:
    """The assessments of ``data/assessments.yaml``, checked for required keys and unique ids."""
    reads.record_file(paths.ASSESSMENTS)
    entries = datasets.read_yaml(paths.ASSESSMENTS)["assessments"]
    seen = set()
    for i, entry in enumerate(entries, start=1):
        where = f"{paths.relative(paths.ASSESSMENTS)}, entry #{i} ({entry.get('id', '?')})"
        missing = [k for k in REQUIRED if k not in entry]
        if missing:
            raise ValueError(f"{where}: missing key(s) {missing}")
        if not re.fullmatch(r"NA\d{1,2}", str(entry["id"])) or entry["id"] in seen:
            raise ValueError(f"{where}: id must look like NA1 and be unique")
        seen.add(entry["id"])
        if entry.get("evaluate"):
            missing = [k for k in ("would_contradict", "why_this_choice") if not entry.get(k)]
            if missing:
                raise ValueError(f"{where}: a rule-based assessment needs {missing}: what evidence would "
                                 "contradict it, and why its thresholds were chosen")
        elif not entry.get("why_qualitative"):
            raise ValueError(f"{where}: an assessment without a rule needs why_qualitative")
    return entries


def entry(assessment_id: str) -> dict:
    found = next((e for e in registry() if e["id"] == assessment_id), None)
    if found is None:
        raise KeyError(f"no assessment {assessment_id!r} in {paths.relative(paths.ASSESSMENTS)}")
    return found


def read(assessment_id: str, **overrides) -> Reading:
    """The reading of one assessment, with its registered parameters (``overrides`` replace some)."""
    found = entry(assessment_id)
    if not found.get("evaluate"):
        return Reading(assessment_id, "qualitative", " ".join(found["why_qualitative"].split()),
                       "none applies: the assessment is qualitative")
    module, _, func = found["evaluate"].partition(":")
    reading = getattr(importlib.import_module(module), func)(**{**found.get("parameters", {}), **overrides})
    if reading.id != assessment_id:
        raise ValueError(f"{found['evaluate']} returned a reading for {reading.id}, not {assessment_id}")
    return reading
