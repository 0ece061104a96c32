"""The sha256 of each table, recorded in the descriptor (``hash: sha256:…``).

A table whose file no longer matches its recorded checksum fails validation until the
change is recorded on purpose, by ``python -m analysis data rehash`` or by the command that
wrote the table."""

from __future__ import annotations

from analysis import paths
from analysis.datasets.descriptor import file_of, names, sha256
from analysis.datasets.errors import DataError
from analysis.datasets.validate import schema_problems
from analysis.datasets.yamlfiles import edit_yaml


def rehash(only: list[str] | None = None) -> dict[str, tuple[str, str]]:
    """Record the current sha256 of each table (of ``only`` those, when named) in the
    descriptor; return ``{name: (old, new)}`` for those that changed.

    A table that fails its schema is refused (:class:`DataError`, naming the problem) and no
    checksum is recorded: a checksum vouches for a valid table. The descriptor is written back
    by round trip, so its comments and layout survive; the build never calls this."""
    wanted = set(names() if only is None else only)
    for name in sorted(wanted):
        if file_of(name).exists() and (problems := schema_problems(name)):
            raise DataError(file_of(name), problems)
    changed = {}

    def record(document) -> None:
        for res in document["resources"]:
            if res["name"] not in wanted or not file_of(res["name"]).exists():
                continue
            old = str(res.get("hash", "")).removeprefix("sha256:")
            new = sha256(file_of(res["name"]))
            if new != old:
                changed[res["name"]] = (old, new)
                res["hash"] = f"sha256:{new}"

    edit_yaml(paths.project().descriptor, record)
    return changed
