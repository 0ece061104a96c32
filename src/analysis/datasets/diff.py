"""What changed between two versions of a table, row by row under its primary key.

One diff serves two readers: the checksum hint of validation (which cells of a file differ
from its committed version) and the report of ``refresh`` (rows added, removed, changed, and
the largest changes).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Change:
    """One cell that differs: the row's key, its position in the new table, the column, both values."""

    key: tuple
    position: int  # 0-based row of the new table
    column: str
    before: object
    after: object

    @property
    def label(self) -> str:
        return " ".join(map(str, self.key))

    @property
    def size(self) -> float:
        """How far the value moved; infinite when it appeared, vanished or is not a number."""
        try:
            return abs(float(self.after) - float(self.before))
        except (TypeError, ValueError):
            return float("inf")


@dataclass(frozen=True)
class TableDiff:
    rows_before: int
    rows_after: int
    added: list[tuple]
    removed: list[tuple]
    changes: list[Change]  # in the new table's row order

    @property
    def changed_rows(self) -> int:
        return len({c.key for c in self.changes})

    def largest(self, n: int = 5) -> list[Change]:
        return sorted(self.changes, key=lambda c: -c.size)[:n]


def _keys(index) -> list[tuple]:
    return [k if isinstance(k, tuple) else (k,) for k in index]


def diff(old: pd.DataFrame, new: pd.DataFrame, key: list[str]) -> TableDiff:
    """Compare two versions of a table by ``key`` (its primary key), every value as text."""
    o = old.astype("string").set_index(key)
    n = new.astype("string").set_index(key)
    position = {k: i for i, k in enumerate(_keys(n.index))}
    common = o.index.intersection(n.index, sort=False)
    columns = o.columns.intersection(n.columns, sort=False)
    o_c, n_c = o.loc[common, columns], n.loc[common, columns]
    differs = o_c.fillna("\0") != n_c.fillna("\0")
    changes = []
    for idx in common[differs.any(axis=1).to_numpy()]:
        k = idx if isinstance(idx, tuple) else (idx,)
        for col in columns[differs.loc[idx].to_numpy()]:
            changes.append(Change(k, position[k], col, o_c.at[idx, col], n_c.at[idx, col]))
    changes.sort(key=lambda c: c.position)
    return TableDiff(
        len(old),
        len(new),
        _keys(n.index.difference(o.index, sort=False)),
        _keys(o.index.difference(n.index, sort=False)),
        changes,
    )
