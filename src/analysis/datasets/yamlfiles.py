"""The YAML files of ``data/`` (the descriptor and the three registries): read once per
version, written back by round trip so that their comments, order and layout survive."""

from __future__ import annotations

import copy
import io
from functools import cache
from pathlib import Path

import yaml


@cache
def _parsed_cached(path: Path, mtime_ns: int, size: int):
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def parsed(path: Path):
    """The parsed file, shared (do not modify it); parsed again whenever the file changes."""
    stat = Path(path).stat()
    return _parsed_cached(Path(path), stat.st_mtime_ns, stat.st_size)


def read_yaml(path: Path):
    """The parsed file, the caller's own copy."""
    return copy.deepcopy(parsed(path))


def _round_trip():
    from ruamel.yaml import YAML

    y = YAML()  # round trip: comments, key order, quotes and folded text are kept
    y.preserve_quotes = True
    y.width = 4096
    y.indent(mapping=2, sequence=4, offset=2)  # the layout of the files in data/
    return y


def edit_yaml(path: Path, change) -> None:
    """Load ``path`` for round trip, let ``change(document)`` modify it in place, write it back
    (only when something changed; the rest of the file is left byte for byte)."""
    y = _round_trip()
    text = Path(path).read_text(encoding="utf-8")
    document = y.load(text)
    change(document)
    out = io.StringIO()
    y.dump(document, out)
    if out.getvalue() != text:
        Path(path).write_text(out.getvalue(), encoding="utf-8")
