"""What the book concludes about a statement of the report, as two small types.

- A :class:`Verdict` answers a quantitative claim (C01…, X01…): does the public data give the
  figure the report states? It is one of ``reproduced``, ``differs``, ``contradicted``, or,
  when there is no computation, ``not testable with public data`` (no public source can test
  it) or ``not tested: source not obtained`` (a public source could; the book names it).
- A :class:`Reading` answers a net assessment (NA1…): do the indicators the assessment
  rests on ``support`` it, ``qualify`` it, ``contradict`` it, or is it ``qualitative``?

Both carry the numbers or evidence behind them, so a reader can check the conclusion against
the data. The functions that produce them are registered with :func:`evaluator`: a registry
entry (``evaluate: module:function`` in ``data/claims.yaml`` or ``data/assessments.yaml``)
can name those functions and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

NOT_TESTABLE = "not testable with public data"
NOT_OBTAINED = "not tested: source not obtained"
VERDICTS = ("reproduced", "differs", "contradicted", NOT_TESTABLE, NOT_OBTAINED)
COMPUTED = VERDICTS[:3]  # the verdicts a computation gives; the other two say why there is none
READINGS = ("supported", "qualified", "contradicted", "qualitative")


@dataclass(frozen=True)
class Verdict:
    """The verdict on one claim.

    ``id`` is the claim's id (``C04``); ``verdict`` one of :data:`VERDICTS`; ``stated`` the
    report's figure as the report gives it; ``computed`` the figure from the book's data (or
    why there is none); ``detail`` how it was computed and what it rests on."""

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


@dataclass(frozen=True)
class Reading:
    """The reading of one net assessment.

    ``id`` is the assessment's id (``NA1``); ``reading`` one of :data:`READINGS`; ``evidence``
    the indicators' values in a sentence; ``rule`` the rule that turned them into the reading,
    with its thresholds, so that the rule can be checked against the numbers."""

    id: str
    reading: str
    evidence: str
    rule: str

    def __post_init__(self):
        if self.reading not in READINGS:
            raise ValueError(f"{self.id}: reading {self.reading!r} is not one of {READINGS}")

    def as_dict(self) -> dict:
        return asdict(self)


#: How a verdict or a reading looks at a glance: a sphinx-design badge colour for each word
#: (the word is always shown; colour alone never carries it).
TONE = {
    "reproduced": "success",
    "supported": "success",
    "differs": "warning",
    "qualified": "warning",
    "contradicted": "danger",
    NOT_TESTABLE: "secondary",
    NOT_OBTAINED: "secondary",
    "qualitative": "secondary",
}

#: Every function a registry entry may name, as ``module:function``.
EVALUATORS: dict[str, Callable] = {}


def evaluator(func: Callable) -> Callable:
    """Register ``func`` as a function a registry entry may name (``evaluate: module:function``)."""
    EVALUATORS[f"{func.__module__}:{func.__name__}"] = func
    return func


@evaluator
def not_testable(claim_id: str, stated: str, report_source: str, searched: str) -> Verdict:
    """A claim no public data can test: the verdict says so, names the report's source and what was searched."""
    return Verdict(
        claim_id,
        NOT_TESTABLE,
        stated,
        "no figure, as no public series covers it",
        f"The report relies on {report_source}. Searched without result: {searched}.",
    )


@evaluator
def not_obtained(claim_id: str, stated: str, report_source: str, would_test: str) -> Verdict:
    """A claim a public source could test, but the book has not obtained it: the verdict names that source."""
    return Verdict(
        claim_id,
        NOT_OBTAINED,
        stated,
        "no figure: the source that would test it is not in the book",
        f"The report relies on {report_source}. The public source that would test it: {would_test}.",
    )
