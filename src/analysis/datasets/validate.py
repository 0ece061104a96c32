"""Validation of a table against its descriptor entry, by the ``frictionless`` library; this
module turns its report into an error a person can act on (file, line, column, value)."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from analysis import git, paths
from analysis.datasets import checks
from analysis.datasets.descriptor import data_package, file_of, names, resource, sha256
from analysis.datasets.diff import diff
from analysis.datasets.errors import DataError, Problem

_HEADER_ERRORS = ("missing-label", "extra-label", "incorrect-label", "blank-label", "duplicate-label")


LIMIT = 1000  # the validator stops after this many errors


def _encoding_problem(path: Path) -> Problem | None:
    """Bytes that are not UTF-8, by line (the validator reports a byte offset)."""
    data = Path(path).read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        return Problem(line, None, f"not UTF-8: byte(s) {data[err.start : err.end]!r} ({err.reason})")
    return None


def schema_problems(name: str, path: Path | None = None) -> list[Problem]:
    """Check a file against the schema of dataset ``name`` (no hash check): Frictionless for
    each file's own schema, then the rules of :mod:`analysis.datasets.checks`.

    ``path`` defaults to the dataset's own file; a writer passes a new file before it replaces it.
    """
    from frictionless import FrictionlessException, Resource

    try:
        file_of(name)  # a path that leaves data/ is refused before anything is read
    except DataError as err:
        return err.problems
    res = dict(resource(name))
    res.pop("hash", None)
    res["schema"] = {k: v for k, v in res["schema"].items() if k != "foreignKeys"}  # checked below, across tables
    basepath = paths.project().data
    if path is not None:
        basepath, res["path"] = Path(path).resolve().parent, Path(path).name
    file = basepath / res["path"]
    if file.is_file() and (bad := _encoding_problem(file)) is not None:
        return [bad]
    try:
        report = Resource(res, basepath=str(basepath)).validate(limit_errors=LIMIT)
    except FrictionlessException as err:
        return [Problem(None, None, f"the descriptor entry of {name} is not valid: {err}")]
    problems = []
    fields = ["type", "rowNumber", "fieldName", "note", "message", "cell"]
    for etype, line, field, note, message, cell in report.flatten(fields):
        if etype in _HEADER_ERRORS:
            line = 1
        if etype == "primary-key":
            field = ", ".join(res["schema"].get("primaryKey", [])) or None
            message = f"duplicate key: {note}"
        elif etype in ("type-error", "constraint-error", "missing-cell", "extra-cell"):
            message = f"{etype}: {note}" if note else message
            if cell not in (None, ""):
                message += f" (value {cell!r})"
        problems.append(Problem(line, field, message))
    if len(problems) >= LIMIT:
        problems.append(Problem(None, None, f"the check stopped after {LIMIT} errors; there may be more"))
    if not problems:
        problems = checks.problems(resource(name), file, data_package()["resources"])
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
