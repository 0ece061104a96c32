"""What is wrong with a data file, said so that a person can act on it: the file, the line,
the column and the value."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from analysis import paths

SHOWN = 20  # problems listed in one message; the count says how many there are


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file: where (line, column) and what."""

    line: int | None  # line of the file, the header being line 1
    column: str | None
    message: str

    def __str__(self) -> str:
        where = []
        if self.line is not None:
            where.append(f"line {self.line}" + (f" (data row {self.line - 1})" if self.line > 1 else " (header)"))
        if self.column is not None:
            where.append(f"column '{self.column}'")
        return (", ".join(where) + ": " if where else "") + self.message


class DataError(Exception):
    """A data file does not match its descriptor. Names the file, the line and the column."""

    def __init__(self, path: Path | str, problems: list[Problem]):
        self.path = paths.relative(Path(path))
        self.problems = problems
        shown = "\n".join(f"  {self.path}, {p}" for p in problems[:SHOWN])
        more = f"\n  … and {len(problems) - SHOWN} more" if len(problems) > SHOWN else ""
        super().__init__(f"{self.path}: {len(problems)} problem(s)\n{shown}{more}")
