"""``load(name)``: a table validated against its descriptor entry and typed from its schema."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.datasets import provenance
from analysis.datasets.descriptor import file_of, resource
from analysis.datasets.validate import validate

# pandas dtypes for the Table Schema field types the book uses.
DTYPES = {
    "string": "string",
    "integer": "Int64",
    "year": "Int64",
    "number": "float64",
    "boolean": "boolean",
}


def load(name: str) -> pd.DataFrame:
    """Validate dataset ``name`` and return it as a DataFrame typed from its schema.

    ``df.attrs`` carries the dataset's title, sources and licence, so that a figure or a
    table can cite them. A table is validated and read once per version of its file and of
    the descriptor; each call gets its own copy.
    """
    path = file_of(name)
    provenance.record_file(path)
    if not path.exists():
        validate(name)  # the error names the file
    stamp = (path.stat().st_mtime_ns, path.stat().st_size, paths.project().descriptor.stat().st_mtime_ns)
    return _load_cached(name, path, stamp).copy(deep=True)


@lru_cache(maxsize=64)
def _load_cached(name: str, path: Path, stamp: tuple) -> pd.DataFrame:
    validate(name)
    res = resource(name)
    fields = res["schema"]["fields"]
    dtypes = {f["name"]: DTYPES.get(f.get("type", "string"), "string") for f in fields}
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
