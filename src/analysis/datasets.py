"""The book's data: one descriptor, one validator, one loader.

``data/datapackage.yaml`` follows the Frictionless Data Package conventions. Each resource
names its file, schema (fields, types, units, constraints, primary key), sources, licence and
sha256. Validation is done by the ``frictionless`` library, driven by that descriptor; this
module only turns its report into an error a person can act on, and reads the validated
file into a typed DataFrame.

>>> from analysis import load
>>> spending = load("military_expenditure")
"""

from __future__ import annotations

import copy
import hashlib
import io
import re
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from analysis import paths, reads

# pandas dtypes for the Table Schema field types the book uses.
_DTYPES = {
    "string": "string",
    "integer": "Int64",
    "year": "Int64",
    "number": "float64",
    "boolean": "boolean",
}


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


# --------------------------------------------------------------------------------------
# The descriptor


@lru_cache(maxsize=None)
def _yaml_cached(path: Path, mtime_ns: int, size: int) -> dict:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _parsed(path: Path) -> dict:
    stat = Path(path).stat()
    return _yaml_cached(Path(path), stat.st_mtime_ns, stat.st_size)


def read_yaml(path: Path) -> dict:
    """A YAML file of ``data/`` parsed once (again whenever it changes); the caller's own copy."""
    return copy.deepcopy(_parsed(path))


def descriptor() -> dict:
    """The parsed ``data/datapackage.yaml`` (re-read whenever the file changes)."""
    return _parsed(paths.DESCRIPTOR)


def names() -> list[str]:
    """The names of every dataset in the descriptor."""
    reads.record_file(paths.DESCRIPTOR)
    return [r["name"] for r in descriptor()["resources"]]


def resource(name: str) -> dict:
    """The descriptor entry of one dataset."""
    for res in descriptor()["resources"]:
        if res["name"] == name:
            reads.record(f"{paths.DESCRIPTOR.name}#{name}")
            return res
    raise KeyError(f"no dataset named {name!r} in {paths.relative(paths.DESCRIPTOR)}; known: {', '.join(names())}")


def file_of(name: str) -> Path:
    return paths.DATA / resource(name)["path"]


def citation(name: str) -> str:
    """A one-line source for charts: the titles of the dataset's sources, joined (a ``pending``
    source, one that ``refresh`` can take but no row comes from yet, is left out)."""
    sources = [s for s in resource(name).get("sources", []) if not s.get("pending")]
    return "Source: " + "; ".join(s["title"] for s in sources) + "."


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# --------------------------------------------------------------------------------------
# Validation


def schema_problems(name: str, path: Path | None = None) -> list[Problem]:
    """Check a file against the schema of dataset ``name`` with frictionless (no hash check).

    ``path`` defaults to the dataset's own file; ingest passes a new file before it replaces it.
    """
    from frictionless import Resource

    res = dict(resource(name))
    res.pop("hash", None)
    basepath = paths.DATA
    if path is not None:
        basepath, res["path"] = Path(path).resolve().parent, Path(path).name
    report = Resource(res, basepath=str(basepath)).validate()
    problems = []
    for err in report.flatten(["type", "rowNumber", "fieldName", "note", "message"]):
        etype, line, field, note, message = err
        if etype in ("missing-label", "extra-label", "incorrect-label", "blank-label", "duplicate-label"):
            line = 1
        if etype == "primary-key":
            field = ", ".join(res["schema"].get("primaryKey", [])) or None
            message = f"duplicate key: {note}"
        elif etype in ("type-error", "constraint-error", "missing-cell", "extra-cell"):
            message = f"{etype}: {note}" if note else message
        problems.append(Problem(line, field, message))
    return problems


def _git_head_version(path: Path) -> str | None:
    """The committed text of ``path``, when the project is a git checkout that tracks it."""
    try:
        rel = path.resolve().relative_to(paths.ROOT).as_posix()
        out = subprocess.run(
            ["git", "-C", str(paths.ROOT), "show", f"HEAD:{rel}"],
            capture_output=True, text=True, timeout=10,
        )
    except (OSError, ValueError, subprocess.TimeoutExpired):
        return None
    return out.stdout if out.returncode == 0 else None


def _changed_cells(path: Path, limit: int = 10) -> list[Problem]:
    """Cells that differ from the committed version of the file, to show what a hash mismatch means."""
    old_text = _git_head_version(path)
    if old_text is None:
        return []
    try:
        old = pd.read_csv(io.StringIO(old_text), dtype=str, keep_default_na=False)
        new = pd.read_csv(path, dtype=str, keep_default_na=False)
    except Exception:  # a file too broken to parse is reported by the schema check instead
        return []
    changed = []
    if len(old) != len(new):
        changed.append(Problem(None, None, f"{len(new)} data rows where the committed file has {len(old)}"))
    for col in new.columns.intersection(old.columns):
        n = min(len(old), len(new))
        diff = old[col].iloc[:n].to_numpy() != new[col].iloc[:n].to_numpy()
        for i in diff.nonzero()[0][:limit]:
            changed.append(Problem(int(i) + 2, col, f"changed from {old[col].iat[i]!r} to {new[col].iat[i]!r}"))
    return changed[:limit]


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
        detail = _changed_cells(path)
        hint = (
            f"checksum mismatch: the file's sha256 is {actual[:12]}…, the descriptor records "
            f"{expected[:12] or 'none'}…. If you changed the file on purpose, record it with "
            "`python -m analysis data rehash`; otherwise restore it (git checkout -- data/)."
        )
        raise DataError(path, [Problem(None, None, hint)] + detail)


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


# --------------------------------------------------------------------------------------
# Loading


def load(name: str) -> pd.DataFrame:
    """Validate dataset ``name`` and return it as a DataFrame typed from its schema.

    ``df.attrs`` carries the dataset's title, sources and licence, so that a figure or a
    table can cite them. A table is validated and read once per version of its file and of
    the descriptor; each call gets its own copy.
    """
    path = file_of(name)
    reads.record_file(path)
    if not path.exists():
        validate(name)  # the error names the file
    stamp = (path.stat().st_mtime_ns, path.stat().st_size, paths.DESCRIPTOR.stat().st_mtime_ns)
    return _load_cached(name, path, stamp).copy(deep=True)


@lru_cache(maxsize=64)
def _load_cached(name: str, path: Path, stamp: tuple) -> pd.DataFrame:
    validate(name)
    res = resource(name)
    fields = res["schema"]["fields"]
    dtypes = {f["name"]: _DTYPES.get(f.get("type", "string"), "string") for f in fields}
    missing = res["schema"].get("missingValues", [""])
    df = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=missing)
    df.attrs = {
        "name": name,
        "title": res.get("title", name),
        "sources": res.get("sources", []),
        "licenses": res.get("licenses", []),
        "path": res["path"],
    }
    return df


def rehash() -> dict[str, tuple[str, str]]:
    """Record each data file's current sha256 in the descriptor; return what changed.

    This is the one command that writes to ``data/``; the build never calls it.
    Lines are edited in place so that the descriptor's comments and layout survive.
    """
    text = paths.DESCRIPTOR.read_text(encoding="utf-8")
    changed = {}
    out, current = [], None
    for line in text.splitlines(keepends=True):
        m = re.match(r"\s*-?\s*name:\s*(\S+)\s*$", line)
        if m and m.group(1) in names():
            current = m.group(1)
        h = re.match(r"(\s*hash:\s*)sha256:([0-9a-f]*)(\s*)$", line)
        if h and current is not None and file_of(current).exists():
            new = sha256(file_of(current))
            if new != h.group(2):
                changed[current] = (h.group(2), new)
            line = f"{h.group(1)}sha256:{new}{h.group(3)}"
            current = None
        out.append(line)
    if changed:
        paths.DESCRIPTOR.write_text("".join(out), encoding="utf-8")
    return changed
