"""Writing a table into ``data/``: validated first, then moved into place in one step."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.datasets.checksums import rehash
from analysis.datasets.descriptor import resource
from analysis.datasets.validate import DataError, schema_problems


def write_table(name: str, table: pd.DataFrame) -> Path:
    """Write ``table`` as dataset ``name``: columns in schema order, validated, atomically.

    The new file is written next to the old one, validated against the descriptor's schema,
    and only then renamed over it, so a failure leaves ``data/`` as it was. The descriptor's
    sha256 of this table, and of no other, is recorded afterwards.
    """
    res = resource(name)
    columns = [f["name"] for f in res["schema"]["fields"]]
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"the table for {name} has no column(s) {missing}")
    target = paths.project().data / res["path"]
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".csv", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp)
    try:
        table[columns].to_csv(tmp, index=False, lineterminator="\n")
        problems = schema_problems(name, tmp)
        if problems:
            raise DataError(tmp, problems)
        os.chmod(tmp, 0o644)  # mkstemp creates the file readable by its owner only
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    rehash([name])
    return target
