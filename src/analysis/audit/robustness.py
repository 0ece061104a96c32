"""Does a verdict or a reading depend on the analyst's choices?

Each entry of ``data/claims.yaml`` and ``data/assessments.yaml`` that is computed names the
book's choice of window, counting rule, source or tolerance (its ``parameters``), says in one
sentence why that choice was made (``why_this_choice``, written before the result was known),
and lists the other defensible choices the book knows (``choices``: a label and the parameters
it changes). Every parameter whose name starts with ``tolerance`` is also tried one step
tighter (half) and one step looser (double).

:func:`grid` evaluates the entry under every choice; :func:`summary` says in how many of them
the outcome is the book's: "robust: 6 of 6", or "depends on the choice: 2 of 6, holds only
when ...".
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.audit import assessments, claims

BOOK_CHOICE = "the book's choice"


@dataclass(frozen=True)
class Choice:
    label: str
    overrides: dict


@dataclass(frozen=True)
class Robustness:
    holds: int  # choices whose outcome is the book's
    of: int  # choices tried, the book's included
    agreeing: tuple  # labels of the choices that agree, the book's first

    @property
    def robust(self) -> bool:
        return self.holds == self.of

    def __str__(self) -> str:
        if self.of == 1:
            return "no other defensible choice: 1 of 1"
        if self.robust:
            return f"robust: {self.holds} of {self.of} choices"
        others = [a for a in self.agreeing if a != BOOK_CHOICE]
        return (
            f"depends on the choice: {self.holds} of {self.of} give the book's outcome "
            f"({'; '.join([BOOK_CHOICE, *others])})"
        )


def _registry(kind: str) -> list[dict]:
    if kind == "claim":
        return claims.registry()
    if kind == "assessment":
        return assessments.registry()
    raise ValueError(f"kind must be 'claim' or 'assessment', not {kind!r}")


def entry(item_id: str) -> tuple[str, dict]:
    """The registry entry of a claim (C..) or an assessment (NA..), with its kind."""
    kind = "assessment" if item_id.startswith("NA") else "claim"
    for e in _registry(kind):
        if e["id"] == item_id:
            return kind, e
    raise KeyError(f"no {kind} {item_id!r} in the registry")


def choices(e: dict) -> list[Choice]:
    """The book's choice first, then the registered alternatives, then tolerances halved and doubled."""
    out = [Choice(BOOK_CHOICE, {})]
    for i, c in enumerate(e.get("choices") or [], start=1):
        if not isinstance(c, dict) or "label" not in c or not isinstance(c.get("parameters"), dict):
            raise ValueError(f"{e['id']}: choice #{i} needs a label and a mapping of parameters")
        unknown = set(c["parameters"]) - set(e.get("parameters") or {})
        if unknown:
            raise ValueError(
                f"{e['id']}: choice {c['label']!r} sets parameter(s) {sorted(unknown)} that the entry does not register"
            )
        out.append(Choice(str(c["label"]), dict(c["parameters"])))
    for name, value in (e.get("parameters") or {}).items():
        if name.startswith("tolerance") and isinstance(value, (int, float)) and value > 0:
            out.append(Choice(f"{name} {value / 2:g} (tighter)", {name: value / 2}))
            out.append(Choice(f"{name} {value * 2:g} (looser)", {name: value * 2}))
    return out


def outcome(kind: str, item_id: str, overrides: dict) -> str:
    if kind == "claim":
        return claims.evaluate(item_id, **overrides).verdict
    return assessments.read(item_id, **overrides).reading


def computed(kind: str, e: dict) -> bool:
    """Whether the entry has a rule to vary (not a 'not testable' claim, not a qualitative reading)."""
    if kind == "assessment":
        return bool(e.get("evaluate"))
    return e["evaluate"] not in claims.UNCOMPUTED


def grid(item_id: str) -> pd.DataFrame:
    """The outcome under every choice: columns id, choice, changes, outcome, agrees."""
    kind, e = entry(item_id)
    if not computed(kind, e):
        return pd.DataFrame(columns=["id", "choice", "changes", "outcome", "agrees"])
    rows = []
    for c in choices(e):
        try:
            result = outcome(kind, item_id, c.overrides)
        except Exception as err:  # a choice that cannot be evaluated is a registry error: say which
            raise ValueError(
                f"{item_id}: the choice {c.label!r} ({c.overrides}) could not be evaluated: {err}"
            ) from err
        rows.append(
            {
                "id": item_id,
                "choice": c.label,
                "changes": ", ".join(f"{k}={v}" for k, v in c.overrides.items()) or "none",
                "outcome": result,
            }
        )
    table = pd.DataFrame(rows)
    table["agrees"] = table["outcome"] == table["outcome"].iloc[0]
    return table


def summary(item_id: str, table: pd.DataFrame | None = None) -> Robustness | None:
    """How many choices give the book's outcome; None where there is no rule to vary."""
    table = grid(item_id) if table is None else table
    if table.empty or table["outcome"].iloc[0] not in (*claims.COMPUTED, *assessments.READINGS[:3]):
        return None  # no rule to vary, or no figure under the book's choice
    return Robustness(int(table["agrees"].sum()), len(table), tuple(table.loc[table["agrees"], "choice"]))


def full_grid(kind: str) -> pd.DataFrame:
    """The grid of every computed claim (kind 'claim') or rule-based assessment ('assessment')."""
    frames = [grid(e["id"]) for e in _registry(kind) if computed(kind, e)]
    return pd.concat(frames, ignore_index=True)
