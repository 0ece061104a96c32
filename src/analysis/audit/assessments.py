"""The report's net assessments (NA1…), restated, and what the data say about each.

``data/assessments.yaml`` lists each assessment with its chapter, the book's restatement,
the indicators that bear on it, and the registered function that reads the evidence (or
none, where the assessment is qualitative and no dataset bears on it). A
:class:`~analysis.evidence.verdicts.Reading` is one of four: the data support it, qualify it,
contradict it, or it is qualitative. Each function states its rule in the reading it
returns, so the rule can be checked against the numbers.
"""

from __future__ import annotations

from analysis.audit.dispatch import call
from analysis.evidence import registries
from analysis.evidence.verdicts import READINGS, Reading  # noqa: F401  (the vocabulary, for readers)


def registry() -> list[dict]:
    """The assessments of ``data/assessments.yaml``, checked against the registries' schema."""
    return registries.entries("assessments")


def entry(assessment_id: str) -> dict:
    return registries.entry("assessments", assessment_id)


def read(assessment_id: str, **overrides) -> Reading:
    """The reading of one assessment, with its registered parameters (``overrides`` replace some)."""
    found = entry(assessment_id)
    if not found.get("evaluate"):
        return Reading(
            assessment_id,
            "qualitative",
            " ".join(found["why_qualitative"].split()),
            "none applies: the assessment is qualitative",
        )
    return call(found, "assessments", overrides)
