"""From a registry entry to its evaluator's answer, for the claims and the assessments alike.

An entry's ``evaluate: module:function`` must name a function the chapters registered
(:func:`analysis.evidence.verdicts.evaluator`), and its ``parameters`` must be of the kinds
that function takes; anything else is refused naming the file, the entry and the field.
"""

from __future__ import annotations

from analysis import (
    chapters,  # noqa: F401  (importing the chapters registers their evaluators)
    paths,
)
from analysis.evidence import parameters, registries
from analysis.evidence.verdicts import EVALUATORS


def _where(entry: dict, kind: str) -> str:
    return f"{paths.relative(registries.file_of(kind))}, entry {entry['id']}"


def evaluator(entry: dict, kind: str = "claims"):
    """The registered function named by the entry's ``evaluate: module:function``."""
    name = entry["evaluate"]
    if name not in EVALUATORS:
        raise registries.RegistryError(
            f"{_where(entry, kind)}, field evaluate: {name!r} is not a registered evaluator "
            "(see analysis.evidence.verdicts.evaluator)"
        )
    return EVALUATORS[name]


def call(entry: dict, kind: str, overrides: dict):
    """Run the entry's evaluator with its registered parameters (``overrides`` replace some),
    once they are checked against what the evaluator takes; the answer must be for the entry."""
    func = evaluator(entry, kind)
    params = {**entry.get("parameters", {}), **overrides}
    bad = parameters.problems(func, params)
    if bad:
        raise registries.RegistryError(
            "\n".join(f"{_where(entry, kind)}, field parameters.{name}: {msg}" for name, msg in bad)
        )
    answer = func(**params)
    if answer.id != entry["id"]:
        raise ValueError(f"{entry['evaluate']} answered for {answer.id}, not {entry['id']}")
    return answer
