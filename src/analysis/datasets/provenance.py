"""Which files of ``data/`` a page was made from.

When the book executes a notebook it names a log file in ``ANALYSIS_READS``; every loader
of this package then records there what it read: a table's file, its entry in the
descriptor, a registry. The build keeps, for each notebook, the sha256 of everything it
read (:func:`digest`), and re-executes a notebook only when one of those changed. Outside
the build (a test, a terminal, papermill) nothing is recorded.
"""

from __future__ import annotations

import hashlib
import json
import os

from analysis import paths
from analysis.datasets.yamlfiles import parsed

ENV = "ANALYSIS_READS"
_seen: set[str] = set()


def record(key: str) -> None:
    """Note that ``key`` was read: a path relative to ``data/``, or ``datapackage.yaml#<name>``
    for the descriptor entry of one table."""
    log = os.environ.get(ENV)
    if not log or key in _seen:
        return
    _seen.add(key)
    with open(log, "a", encoding="utf-8") as fh:
        fh.write(key + "\n")


def record_file(path) -> None:
    record(paths.project().relative_to_data(path))


def recorded(log) -> list[str]:
    """The keys a log file holds, in the order they were first read."""
    try:
        lines = open(log, encoding="utf-8").read().splitlines()
    except FileNotFoundError:
        return []
    return list(dict.fromkeys(line for line in lines if line))


def digest(key: str) -> str | None:
    """sha256 of what ``key`` names today; None when it no longer exists."""
    if "#" in key:
        file, name = key.split("#", 1)
        try:
            resources = parsed(paths.project().data / file)["resources"]
        except FileNotFoundError:
            return None
        entry = next((r for r in resources if r.get("name") == name), None)
        if entry is None:
            return None
        return hashlib.sha256(json.dumps(entry, sort_keys=True, default=str).encode()).hexdigest()
    path = paths.project().data / key
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
