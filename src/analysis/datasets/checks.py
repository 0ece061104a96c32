"""Rules the Frictionless validator does not apply to one file alone, stated in the descriptor.

- ``foreignKeys`` (Table Schema): each value must exist in the referenced table's column; the
  reference may list ``x-also``, codes known to be valid but absent from that table (countries
  too small for the map, say);
- ``x-year-of: <date field>`` on a ``year`` field: the year is the year of that date;
- ``x-percent: {value: <field>, unit: <field>}`` on a schema: where the unit starts with ``%``,
  the value lies within 0-100;
- a field of type ``string`` whose name ends in ``date`` or is ``since``, holding a full
  ``YYYY-MM-DD``: a real calendar day (``2023-02-30`` is refused), and month-precision values
  a real month;
- a table has at least one data row (a header alone cannot be computed from).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

from analysis import paths
from analysis.datasets.errors import Problem

_PARTIAL = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")


def _rows(path: Path) -> list[dict] | None:
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error):
        return None  # the schema check reports an unreadable file


def _referenced(reference: dict, resources: list[dict]) -> set[str] | None:
    target = next((r for r in resources if r["name"] == reference["resource"]), None)
    if target is None:
        return None
    rows = _rows(paths.project().data / target["path"]) or []
    field = reference["fields"]
    return {row.get(field, "") for row in rows} | set(reference.get("x-also", []))


def problems(res: dict, path: Path, resources: list[dict]) -> list[Problem]:
    """The problems of one table's file under the rules above (file ``path``, entry ``res``)."""
    rows = _rows(path)
    if rows is None:
        return []
    found = []
    if not rows:
        found.append(Problem(None, None, "the file has a header but no data row"))
    fields = res["schema"]["fields"]
    for fk in res["schema"].get("foreignKeys", []):
        known = _referenced(fk["reference"], resources)
        name = fk["fields"]
        if known is None:
            found.append(Problem(None, name, f"foreign key: no table {fk['reference']['resource']!r}"))
            continue
        for line, row in enumerate(rows, start=2):
            if row.get(name, "") and row[name] not in known:
                found.append(
                    Problem(
                        line,
                        name,
                        f"{row[name]!r} is not a {fk['reference']['resource']} "
                        f"{fk['reference']['fields']} (foreign key)",
                    )
                )
    if rule := res["schema"].get("x-percent"):
        for line, row in enumerate(rows, start=2):
            value, unit = row.get(rule["value"], ""), row.get(rule["unit"], "")
            if unit.startswith("%") and value and not 0 <= _number(value) <= 100:
                found.append(Problem(line, rule["value"], f"{value!r} {unit} is not a share within 0-100"))
    for f in fields:
        name = f["name"]
        if f.get("type", "string") == "string" and (name.endswith("date") or name == "since"):
            for line, row in enumerate(rows, start=2):
                m = _PARTIAL.fullmatch(row.get(name, ""))
                if m and not _real(*m.groups()):
                    found.append(Problem(line, name, f"{row[name]!r} is not a real date"))
        if f.get("x-year-of"):
            source = f["x-year-of"]
            for line, row in enumerate(rows, start=2):
                if row.get(name) and row.get(source) and row[source][:4] != row[name]:
                    found.append(Problem(line, name, f"year {row[name]!r} is not the year of {source} {row[source]!r}"))
    return found


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return float("nan")  # not within any range; the schema check names the type error


def _real(year: str, month: str, day: str | None) -> bool:
    try:
        dt.date(int(year), int(month), int(day or 1))
    except ValueError:
        return False
    return True
