"""``python -m analysis refresh``: take a producer's current release and show what it moves.

For each dataset whose producer publishes a file at a stable address, ``refresh``

1. downloads the file named in the descriptor (the ``file`` of the table's source in
   ``data/datapackage.yaml``; for UN Comtrade, one API request per year, with the key from
   ``COMTRADE_API_KEY``; for SIPRI's arms-transfer register, one POST to the database's
   backend; for the UN library's voting data, the newest file its file list names) with a
   bounded time-out, and checks it against the sha256
   recorded by the last refresh (``file_sha256``): a different file at the same address is
   refused until the reader accepts it as a new release (``--accept-new-release``);
2. re-derives the curated table with the same ingest code as ``python -m analysis ingest``,
   in a staging copy of ``data/``, records the file's sha256 and the date it was retrieved
   in the staging descriptor (and the release date, when the file states one), and validates
   every table there;
3. only then moves the new table and descriptor into ``data/`` (any failure before leaves
   ``data/`` as it was);
4. reports the rows added, removed and changed, and which claim verdicts, computed values
   and net-assessment readings moved.

Tables compiled by hand from public pages cannot be downloaded: ``refresh --list`` names them
with the date of their last row and the sources to check. Tables whose producer has no stable
file address (IMF DOTS, CEPII BACI behind a registration, CEIC by subscription) are named with
what to do instead.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pandas as pd

from analysis import datasets, paths
from analysis.datasets.diff import diff
from analysis.datasets.yamlfiles import edit_yaml
from analysis.sources.download import (
    MIRROR_ENV,
    check_pin,
    download,
    local_copy,
    mirrored,
)
from analysis.sources.registry import by_hand, upstreams
from analysis.sources.spec import RefreshError

__all__ = ["RefreshError", "listing", "refresh", "report", "table_diff"]


# --------------------------------------------------------------------------------------
# Staging: data/ copied, the new tables written and checked there, then moved into data/


def _record_file(
    descriptor: Path, dataset: str, address: str, sha: str, retrieved: str, vintage: str | None = None
) -> None:
    """Record ``file_sha256`` and ``retrieved`` on the source of ``dataset`` whose ``file`` is
    ``address`` (and its ``vintage``, when the file states one), by round trip so that the
    descriptor's comments survive. A ``pending`` mark there goes: rows now come from the file."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    def record(document) -> None:
        res = next(r for r in document["resources"] if r["name"] == dataset)
        source = next(s for s in res["sources"] if s.get("file") == address)
        source.pop("pending", None)
        for k in ("file_sha256", "retrieved"):
            source.pop(k, None)
        at = list(source).index("file") + 1
        source.insert(at, "file_sha256", sha)
        source.insert(at + 1, "retrieved", DoubleQuotedScalarString(retrieved))
        if vintage:
            source["vintage"] = DoubleQuotedScalarString(vintage)

    edit_yaml(descriptor, record)


def _verdicts() -> dict[str, tuple[str, str, str]]:
    """id → (where, verdict or reading, computed value or evidence) for every claim and assessment."""
    from analysis.audit import assessments, claims

    out = {}
    for row in claims.evaluate_all().itertuples():
        out[row.id] = (row.where, row.verdict, row.computed)
    for entry in assessments.registry():
        r = assessments.read(entry["id"])
        out[entry["id"]] = (entry.get("where", ""), r.reading, r.evidence)
    return out


# --------------------------------------------------------------------------------------
# What changed


def table_diff(old: pd.DataFrame, new: pd.DataFrame, key: list[str], largest: int = 5) -> dict:
    """Rows added, removed and changed between two versions of a table, by primary key."""
    d = diff(old, new, key)
    return {
        "rows_before": d.rows_before,
        "rows_after": d.rows_after,
        "added": len(d.added),
        "removed": len(d.removed),
        "changed_rows": d.changed_rows,
        "largest": [(c.size, c.label, c.column, c.before, c.after) for c in d.largest(largest)],
    }


def _show(value) -> str:
    return "(empty)" if value is pd.NA or value is None else str(value)


def report(diffs: dict[str, dict], before: dict, after: dict, remarks: dict[str, str] | None = None) -> str:
    lines = []
    for name, d in diffs.items():
        lines.append(
            f"{name}: {d['rows_before']} → {d['rows_after']} rows; {d['added']} added, "
            f"{d['removed']} removed, {d['changed_rows']} changed"
        )
        for _, label, col, old, new in d["largest"]:
            lines.append(f"    {label}  {col}: {_show(old)} → {_show(new)}")
        if (remarks or {}).get(name):
            lines.append(f"    {remarks[name]}")
    moved = [(i, before[i], after.get(i)) for i in before if after.get(i) != before[i]]
    if not moved:
        lines.append("No claim verdict, computed value or assessment reading moved.")
    for i, (where, verdict, value), now in moved:
        if now is None:
            lines.append(f"{i} {where}: no longer evaluated")
            continue
        how = "verdict unchanged" if now[1] == verdict else f"{verdict} → {now[1]}"
        lines.append(f"{i} {where}: {value} → {now[2]} ({how})" if now[2] != value else f"{i} {where}: {how}")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------
# The command


def refresh(
    names: list[str] | None = None,
    mirror: str | None = None,
    timeout: float = 60.0,
    accept_new_release: bool = False,
    dry_run: bool = False,
    progress: bool = False,
    from_file: Path | str | None = None,
) -> str:
    """Refresh ``names`` (default: every downloadable dataset); return the report.

    ``from_file`` takes a file already downloaded (from a browser, say) instead of fetching
    one, for a single dataset; it goes through the same checks. It is the file the table is
    derived from: what ``refresh --list`` names for the dataset.
    """
    skipped = []
    if not names:  # every downloadable dataset, but those whose key is not set are said and left
        skipped = [n for n, up in upstreams().items() if up.key and not os.environ.get(up.key)]
        names = [n for n in upstreams() if n not in skipped]
    names = list(names)
    if from_file is not None and len(names) != 1:
        raise RefreshError("a file given by hand is for one dataset: name it")
    for name in names:
        if name not in upstreams():
            why = by_hand().get(name) or (
                "compiled by hand: see `refresh --list`"
                if name in datasets.names()
                else f"no such dataset; known: {', '.join(datasets.names())}"
            )
            raise RefreshError(f"{name} cannot be refreshed automatically: {why}")
    mirror = mirror or os.environ.get(MIRROR_ENV)
    with tempfile.TemporaryDirectory(prefix="refresh-") as tmp:
        fetched = {
            name: _fetch(name, Path(tmp) / name, mirror, timeout, accept_new_release, progress, from_file)
            for name in names
        }
        diffs, before, after, remarks = _stage(fetched, dry_run)
    text = report(diffs, before, after, remarks)
    text += "".join(f"\n{n} left as it is: it needs {upstreams()[n].key} (see `refresh {n}`)" for n in skipped)
    return text + ("\n(dry run: data/ is unchanged)" if dry_run else "")


def _fetch(name, folder, mirror, timeout, accept_new_release, progress, from_file) -> tuple:
    """The producer's file for ``name`` in ``folder``, checked against the recorded sha256:
    (file, address fetched, address in the descriptor, sha256)."""
    up = upstreams()[name]
    source = datasets.resource(name)["sources"][up.source]
    folder.mkdir(parents=True)
    if from_file is not None:
        url, file = str(from_file), local_copy(Path(from_file), folder)
    else:
        key = os.environ.get(up.key) if up.key and not mirror else None  # a key is never sent to a mirror
        if up.key and not mirror and not key:
            raise RefreshError(f"{name} needs a key from its producer: {up.key_help}.")
        url = mirrored(source["file"], mirror)
        if up.fetch:  # several requests, made by the producer's module
            file = up.fetch(source["file"], folder, timeout, progress, mirror, key)
        else:
            file = download(url, folder, timeout, progress)
    pin = source.get("file_sha256")
    if pin is None and not accept_new_release:
        raise RefreshError(
            f"{name}: no sha256 of the producer's file is recorded yet, so nothing vouches for what {url} "
            "sent. Look at it, then take it with --accept-new-release (its sha256 is then recorded)."
        )
    return file, url, source["file"], check_pin(file, None if accept_new_release else pin, url, up.pinned)


def _stage(fetched: dict, dry_run: bool) -> tuple:
    """Derive each new table in a staging copy of ``data/`` (under ``_build/``, on the same disk,
    so nothing is left in the project when a refresh is killed), validate it, and only then move
    it and the descriptor into ``data/``. Returns the diffs, the verdicts before and after, and
    the producers' remarks."""
    names = list(fetched)
    today = date.today().isoformat()
    root = paths.project().build / "staging"
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="refresh-", dir=root))
    try:
        shutil.copytree(paths.project().data, staging / "data")
        before_tables = {n: datasets.load(n) for n in names}
        before, remarks = _verdicts(), {}
        with paths.data_at(staging / "data"):
            for name, (file, url, address, sha) in fetched.items():
                up = upstreams()[name]
                try:
                    table = up.derive(file)
                    remarks[name] = up.remark(file) if up.remark else ""
                except Exception as err:  # any reader's error: the file is not what was expected
                    raise RefreshError(
                        f"{name}: the file from {url} could not be read as {up.format}: {type(err).__name__}: {err}"
                    ) from err
                try:
                    datasets.write_table(name, table)  # validated; its checksum, and no other, recorded
                except datasets.DataError as err:
                    raise RefreshError(
                        f"{name}: the table derived from {url} does not pass its schema:\n{err}"
                    ) from err
                _record_file(
                    paths.project().descriptor, name, address, sha, today, up.vintage(file) if up.vintage else None
                )
            try:  # the new tables, and every table that refers to them
                for name in names:
                    datasets.validate(name)
                after_tables = {n: datasets.load(n) for n in names}
                after = _verdicts()
            except datasets.DataError as err:
                raise RefreshError(f"after the refresh, a table fails validation:\n{err}") from err
        key = {n: datasets.resource(n)["schema"]["primaryKey"] for n in names}
        diffs = {n: table_diff(before_tables[n], after_tables[n], key[n]) for n in names}
        if not dry_run:
            for rel in [datasets.resource(n)["path"] for n in names] + [paths.project().descriptor.name]:
                os.replace(staging / "data" / rel, paths.project().data / rel)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return diffs, before, after, remarks


def listing() -> str:
    """Every dataset and how it is refreshed; hand-compiled ones with their last row's date."""
    lines = ["Downloaded by `refresh`:"]
    for name, up in upstreams().items():
        source = datasets.resource(name)["sources"][up.source]
        needs = f"; needs {up.key}" if up.key else ""
        lines.append(f"  {name}: {source['file']} (retrieved {source.get('retrieved', 'never by refresh')}{needs})")
        lines.append(f"      or --from-file: {up.format}")
    lines.append("Producer files to download by hand, then `ingest`:")
    lines += [f"  {name}: {how}" for name, how in by_hand().items()]
    lines.append("Compiled by hand from public pages (edit, then `python -m analysis data rehash`):")
    for name in hand_compiled():
        res = datasets.resource(name)
        sources = "; ".join(s.get("path", s["title"]) for s in res.get("sources", []))
        lines.append(f"  {name}: last row dated {last_date(name)}; sources to check: {sources}")
    return "\n".join(lines)


def hand_compiled() -> list[str]:
    return [
        n
        for n in datasets.names()
        if all(str(s.get("kind", "")).startswith("hand-compiled") for s in datasets.resource(n).get("sources", [{}]))
    ]


def last_date(name: str) -> str:
    """The latest date (or year) in a table: its first date-like column's maximum."""
    table = datasets.load(name)
    for f in datasets.resource(name)["schema"]["fields"]:
        if f.get("type") in ("date", "year") or re.search(r"date|year|period|since|as_of", f["name"]):
            values = table[f["name"]].dropna().astype(str)
            if not values.empty:
                return str(values.max())
    return "undated"
