"""Validation of a table against its descriptor entry, by the ``frictionless`` library; this
module turns its report into an error a person can act on (file, line, column, value)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import git, paths
from analysis.datasets.descriptor import file_of, names, resource, sha256
from analysis.datasets.diff import diff


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
        shown = "\n".join(f"  {self.path}, {p}" for p in problems[:20])
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{self.path}: {len(problems)} problem(s)\n{shown}{more}")


_HEADER_ERRORS = ("missing-label", "extra-label", "incorrect-label", "blank-label", "duplicate-label")


def schema_problems(name: str, path: Path | None = None) -> list[Problem]:
    """Check a file against the schema of dataset ``name`` with frictionless (no hash check).

    ``path`` defaults to the dataset's own file; a writer passes a new file before it replaces it.
    """
    from frictionless import Resource

    res = dict(resource(name))
    res.pop("hash", None)
    basepath = paths.project().data
    if path is not None:
        basepath, res["path"] = Path(path).resolve().parent, Path(path).name
    report = Resource(res, basepath=str(basepath)).validate()
    problems = []
    for etype, line, field, note, message in report.flatten(["type", "rowNumber", "fieldName", "note", "message"]):
        if etype in _HEADER_ERRORS:
            line = 1
        if etype == "primary-key":
            field = ", ".join(res["schema"].get("primaryKey", [])) or None
            message = f"duplicate key: {note}"
        elif etype in ("type-error", "constraint-error", "missing-cell", "extra-cell"):
            message = f"{etype}: {note}" if note else message
        problems.append(Problem(line, field, message))
    return problems


def changed_cells(name: str, path: Path, limit: int = 10) -> list[Problem]:
    """Cells that differ from the committed version of the file (rows matched by primary key),
    to show what a checksum mismatch means."""
    old_text = git.head_version(path)
    if old_text is None:
        return []
    try:
        old = pd.read_csv(io.StringIO(old_text), dtype=str, keep_default_na=False)
        new = pd.read_csv(path, dtype=str, keep_default_na=False)
        d = diff(old, new, resource(name)["schema"]["primaryKey"])
    except Exception:  # a file too broken to parse is reported by the schema check instead
        return []
    problems = []
    if d.rows_after != d.rows_before:
        problems.append(Problem(None, None, f"{d.rows_after} data rows where the committed file has {d.rows_before}"))
    problems += [Problem(None, None, f"row {' '.join(k)} is new") for k in d.added[:limit]]
    problems += [Problem(None, None, f"row {' '.join(k)} was removed") for k in d.removed[:limit]]
    problems += [Problem(c.position + 2, c.column, f"changed from {c.before!r} to {c.after!r}") for c in d.changes]
    return problems[:limit]


def validate(name: str) -> None:
    """Raise :class:`DataError` unless the file of ``name`` matches its schema and its sha256."""
    path = file_of(name)
    if not path.exists():
        raise DataError(path, [Problem(None, None, "file not found (named in data/datapackage.yaml)")])
    problems = schema_problems(name)
    if problems:
        raise DataError(path, problems)
    expected = str(resource(name).get("hash", "")).removeprefix("sha256:")
    actual = sha256(path)
    if expected != actual:
        hint = (
            f"checksum mismatch: the file's sha256 is {actual[:12]}…, the descriptor records "
            f"{expected[:12] or 'none'}…. If you changed the file on purpose, record it with "
            "`python -m analysis data rehash`; otherwise restore it (git checkout -- data/)."
        )
        raise DataError(path, [Problem(None, None, hint)] + changed_cells(name, path))


def validate_all() -> dict[str, str]:
    """Validate every dataset; return ``{name: "ok" or the error text}``."""
    results = {}
    for name in names():
        try:
            validate(name)
            results[name] = "ok"
        except DataError as exc:
            results[name] = str(exc)
    return results
