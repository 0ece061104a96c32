"""``data/datapackage.yaml``, the one description of every table (Frictionless Data Package):
its file, schema, sources, licence and sha256."""

from __future__ import annotations

import hashlib
from pathlib import Path

from analysis import paths
from analysis.datasets import provenance
from analysis.datasets.errors import DataError, Problem
from analysis.datasets.yamlfiles import parsed


def data_package() -> dict:
    """The parsed descriptor of the project in use (parsed again whenever the file changes)."""
    return parsed(paths.project().descriptor)


def names() -> list[str]:
    """The names of every dataset in the descriptor."""
    provenance.record_file(paths.project().descriptor)
    return [r["name"] for r in data_package()["resources"]]


def resource(name: str) -> dict:
    """The descriptor entry of one dataset."""
    for res in data_package()["resources"]:
        if res["name"] == name:
            provenance.record(f"{paths.project().descriptor.name}#{name}")
            return res
    raise KeyError(
        f"no dataset named {name!r} in {paths.relative(paths.project().descriptor)}; known: {', '.join(names())}"
    )


def file_of(name: str) -> Path:
    """The table's file, which must lie inside ``data/`` (a path with ``../`` is refused)."""
    data = paths.project().data
    path = data / resource(name)["path"]
    if Path(resource(name)["path"]).is_absolute() or not path.resolve().is_relative_to(data.resolve()):
        where = paths.relative(paths.project().descriptor)
        raise DataError(
            where, [Problem(None, None, f"the path {resource(name)['path']!r} of dataset {name} leaves data/")]
        )
    return path


def citation(name: str) -> str:
    """A one-line source for charts: the titles of the dataset's sources, joined (a ``pending``
    source, one that ``refresh`` can take but no row comes from yet, is left out)."""
    sources = [s for s in resource(name).get("sources", []) if not s.get("pending")]
    return "Source: " + "; ".join(s["title"] for s in sources) + "."


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
