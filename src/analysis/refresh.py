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

import base64
import hashlib
import json
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

import pandas as pd

from analysis import datasets, ingest, paths
from analysis.ingest import ingest_military_expenditure, ingest_world_countries
from analysis.ingest.comtrade import PARTNER, REPORTER, monthly_from_api
from analysis.ingest.sipri_arms import register_content, register_generated, with_new_register
from analysis.ingest.trade import with_new_comtrade
from analysis.ingest.un import overlap, with_library_page, with_un_library_votes
from analysis.ingest.world_bank import from_api_json

MIRROR_ENV = "ANALYSIS_UPSTREAM_MIRROR"


class RefreshError(RuntimeError):
    """A refresh that cannot go on; ``data/`` is left as it was."""


@dataclass(frozen=True)
class Upstream:
    """How one curated table is re-derived from its producer's file."""

    derive: Callable[[Path], pd.DataFrame]
    format: str  # what the file is, for error messages
    vintage: Callable[[Path], str] | None = None  # the release date the file states, when it states one
    source: int = 0  # which of the dataset's sources (in the descriptor) the file comes from
    fetch: Callable[..., Path] | None = None  # several requests instead of one file (see _comtrade_fetch)
    key: str | None = None  # environment variable holding an API key, when the producer wants one
    key_help: str = ""
    pinned: Callable[[Path], bytes] | None = None  # the part of the file the sha256 covers, when not all of it
    remark: Callable[[Path], str] | None = None  # a line on the new file for the report (e.g. a series break)


def _wdi_vintage(path: Path) -> str:
    return json.loads(path.read_text(encoding="utf-8"))[0]["lastupdated"]


def _trade(path: Path) -> pd.DataFrame:
    return with_new_comtrade(datasets.load("china_russia_trade"), path,
                             paths.DATA / datasets.resource("customs_press_figures")["path"])


def _comtrade_fetch(address: str, folder: Path, timeout: float, progress: bool, mirror: str | None,
                    key: str, first_year: int = 2017) -> Path:
    """One API request per year (twelve months each), from ``first_year`` to last year; the
    answers become one monthly table, which is the file checked and derived."""
    answers = []
    for year in range(first_year, date.today().year):
        months = ",".join(f"{year}{m:02d}" for m in range(1, 13))
        url = (f"{address}?reporterCode={REPORTER}&partnerCode={PARTNER}&flowCode=X,M&cmdCode=TOTAL"
               f"&period={months}")
        answers.append(download(mirrored(url, mirror), folder, timeout, progress,
                                headers={"Ocp-Apim-Subscription-Key": key}, fname=f"comtrade_{year}.json"))
    monthly = folder / "comtrade_monthly.csv"
    monthly_from_api(answers).to_csv(monthly, index=False, lineterminator="\n")
    return monthly


SIPRI_FIRST_YEAR = 1990


def _sipri_register_fetch(address: str, folder: Path, timeout: float, progress: bool, mirror: str | None,
                          key: str | None) -> Path:
    """SIPRI's trade register by delivery year, every supplier and recipient, 1990 to last year.

    The database's web form (armstransfers.sipri.org) sends this request to its backend; the
    answer is JSON whose ``bytes`` hold the register's CSV export, base64-encoded, preamble
    included. The request's layout is not documented by SIPRI: it is the one the R package
    Rat.db sends and records in its tests, and a change at SIPRI shows up here as a clear error.
    """
    last = date.today().year - 1
    body = {"filters": [
        {"field": "Delivery year", "condition": "contains", "value1": SIPRI_FIRST_YEAR, "value2": last, "listData": []},
        {"field": "Order year", "condition": "contains", "value1": 0, "value2": last, "listData": []},
        {"field": "opendeals", "condition": "", "value1": "", "value2": "", "listData": []},
        {"field": "exportOption", "condition": "", "value1": "", "value2": "", "listData": []},
    ], "logic": "AND"}
    answer = post(mirrored(address, mirror), folder / "trade_register.json", body, timeout)
    register = folder / "trade_register.csv"
    try:
        register.write_bytes(base64.b64decode(json.loads(answer.read_text(encoding="utf-8"))["bytes"], validate=True))
    except (ValueError, KeyError, TypeError) as err:
        raise RefreshError(f"{address}: the answer is not SIPRI's JSON with a base64 'bytes' field "
                           f"({type(err).__name__}: {err})") from err
    return register


UN_LIBRARY_FILE = re.compile(r"(\d{4})_(\d{1,2})_(\d{1,2})_ga_voting")


def _un_library_fetch(address: str, folder: Path, timeout: float, progress: bool, mirror: str | None,
                      key: str | None) -> Path:
    """The newest General Assembly voting file of the UN library's record: its file list (the
    Digital Library's API, ``[{"name", "url", "format"}, …]``) names the files by date,
    ``2025_9_19_ga_voting.csv``; the newest is downloaded under its own name."""
    listing = download(mirrored(address, mirror), folder, timeout, fname="files.json")
    try:
        files = [f for f in json.loads(listing.read_text(encoding="utf-8"))
                 if UN_LIBRARY_FILE.fullmatch(f["name"]) and f["format"].lower() == ".csv"]
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise RefreshError(f"{address}: not the library's file list ({type(err).__name__}: {err})") from err
    if not files:
        raise RefreshError(f"{address}: the record lists no *_ga_voting.csv file")
    newest = max(files, key=lambda f: tuple(int(x) for x in UN_LIBRARY_FILE.fullmatch(f["name"]).groups()))
    return download(mirrored(newest["url"], mirror), folder, timeout, progress, fname=f"{newest['name']}.csv")


def _un_library_vintage(path: Path) -> str:
    return date(*(int(x) for x in UN_LIBRARY_FILE.match(path.stem).groups())).isoformat()


UPSTREAMS = {
    "military_expenditure": Upstream(ingest_military_expenditure, "SIPRI's milex workbook (.xlsx)"),
    "wdi_military_expenditure": Upstream(from_api_json, "the World Bank API's JSON (v2)", vintage=_wdi_vintage),
    "world_countries": Upstream(ingest_world_countries, "Natural Earth Admin 0 countries (GeoJSON)"),
    "arms_transfers": Upstream(
        lambda register: with_new_register(datasets.load("arms_transfers"), register),
        "SIPRI's trade register by delivery year (its CSV export, preamble included)", vintage=register_generated,
        fetch=_sipri_register_fetch, pinned=register_content),
    "unsc_vetoes": Upstream(
        lambda page: with_library_page(datasets.load("unsc_vetoes"), page),
        "the UN library's veto table page (HTML)", vintage=lambda page: date.today().isoformat()),
    "unga_agreement": Upstream(
        lambda votes: with_un_library_votes(datasets.load("unga_agreement"), votes),
        "the UN library's General Assembly voting data (CSV)", vintage=_un_library_vintage, source=1,
        fetch=_un_library_fetch, remark=lambda votes: overlap(datasets.load("unga_agreement"), votes)),
    "china_russia_trade": Upstream(
        _trade, "UN Comtrade monthly totals, China with Russia (CSV: date, cn_exports_to_ru_usd_bn, "
                "cn_imports_from_ru_usd_bn)", source=1, fetch=_comtrade_fetch,
        key="COMTRADE_API_KEY",
        key_help="register at https://comtradeplus.un.org (a free subscription key exists), then set it in the "
                 "environment: export COMTRADE_API_KEY=<your key>. The IMF rows are kept as they are (the IMF "
                 "workbook has no stable address)"),
}

# Producers without a stable file address: what the reader does instead.
BY_HAND_DOWNLOAD = {
    "trade_partner_shares": "IMF DOTS workbooks of China and Russia, from the IMF data portal; then "
                            "`python -m analysis ingest trade_partner_shares --help`.",
    "china_russia_trade_by_section": "CEPII BACI yearly files (large archives, free registration); then "
                                     "`python -m analysis ingest china_russia_trade_by_section --help`.",
    "china_russia_mineral_fuels": "the same CEPII BACI files; then "
                                  "`python -m analysis ingest china_russia_mineral_fuels --help`.",
    "china_ofdi_russia": "MOFCOM's series comes through CEIC (subscription) and UNCTADstat's bulk file; then "
                         "`python -m analysis ingest china_ofdi_russia --help`.",
}


# --------------------------------------------------------------------------------------
# Downloading


def mirrored(url: str, mirror: str | None) -> str:
    """The address to fetch: ``url`` itself, or the same host and path under ``mirror``."""
    if not mirror:
        return url
    parts = urlsplit(url)
    return f"{mirror.rstrip('/')}/{parts.netloc}{parts.path}" + (f"?{parts.query}" if parts.query else "")


@contextmanager
def _http_errors(url: str, timeout: float):
    """A failed request as a RefreshError that names the address (and the time-out, when that was it)."""
    import requests

    try:
        yield
    except requests.exceptions.Timeout as err:
        raise RefreshError(f"{url}: no answer within {timeout:g} s ({type(err).__name__})") from err
    except requests.exceptions.RequestException as err:
        raise RefreshError(f"{url}: download failed: {err}") from err


def download(url: str, folder: Path, timeout: float, progress: bool = False, headers: dict | None = None,
             fname: str | None = None) -> Path:
    """Fetch ``url`` into ``folder`` with pooch (a bounded time-out; the file appears only when whole)."""
    import pooch
    import requests

    pooch.get_logger().setLevel("WARNING")  # its advice on known_hash is for library authors
    name = fname or Path(urlsplit(url).path).name or "download"
    fetch = pooch.HTTPDownloader(timeout=timeout, progressbar=progress, headers=headers or {})
    with _http_errors(url, timeout):
        return Path(pooch.retrieve(url, known_hash=None, fname=name, path=folder, downloader=fetch))


def post(url: str, target: Path, body: dict, timeout: float) -> Path:
    """POST ``body`` as JSON to ``url``; the answer is written to ``target`` only when whole."""
    import requests

    with _http_errors(url, timeout):
        answer = requests.post(url, json=body, timeout=timeout)
        answer.raise_for_status()
    partial = target.with_suffix(".part")
    partial.write_bytes(answer.content)
    partial.replace(target)
    return target


def _local_copy(file: Path, folder: Path) -> Path:
    """A file given by hand, copied under its own name (a name may carry the release date)."""
    if not file.is_file():
        raise RefreshError(f"{file}: no such file")
    return Path(shutil.copy2(file, folder / file.name))


def check_pin(file: Path, pinned: str | None, url: str, part: Callable[[Path], bytes] | None = None) -> str:
    """The file's sha256 (of ``part`` of it, when given), checked against the one the last refresh recorded."""
    sha = hashlib.sha256(part(file)).hexdigest() if part else datasets.sha256(file)
    if pinned and sha != pinned:
        raise RefreshError(
            f"{url}: the file is not the one the last refresh took (sha256 {pinned[:12]}…, now {sha[:12]}…). "
            "Either the producer published a new release at the same address, or the download is corrupt. "
            "Look at it, then take it with --accept-new-release.")
    return sha


# --------------------------------------------------------------------------------------
# Staging: data/ copied, the new tables written and checked there, then moved into data/


def _record_file(descriptor: Path, dataset: str, address: str, sha: str, retrieved: str,
                 vintage: str | None = None) -> None:
    """Write ``file_sha256`` and ``retrieved`` under the ``file: <address>`` line of ``dataset``
    (and its ``vintage``, when the file states one), editing lines in place so that the
    descriptor's comments survive. A ``pending`` mark there goes: rows now come from the file."""
    lines = descriptor.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, l in enumerate(lines) if re.fullmatch(rf"\s*- name: {re.escape(dataset)}\s*", l))
    file_line = next(i for i in range(start + 1, len(lines)) if lines[i].strip() == f"file: {address}")
    indent = re.match(r"\s*", lines[file_line]).group(0)
    end = file_line + 1
    while end < len(lines) and re.match(rf"{indent}(file_sha256|retrieved|pending): ", lines[end]):
        end += 1
    lines[file_line + 1:end] = [f"{indent}file_sha256: {sha}\n", f'{indent}retrieved: "{retrieved}"\n']
    if vintage:
        at = next(i for i in range(file_line, len(lines)) if lines[i].startswith(f"{indent}vintage: "))
        lines[at] = f'{indent}vintage: "{vintage}"\n'
    descriptor.write_text("".join(lines), encoding="utf-8")


def _verdicts() -> dict[str, tuple[str, str, str]]:
    """id → (where, verdict or reading, computed value or evidence) for every claim and assessment."""
    from analysis import assessments, claims

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
    o = old.astype("string").set_index(key)
    n = new.astype("string").set_index(key)
    added, removed = n.index.difference(o.index), o.index.difference(n.index)
    common = o.index.intersection(n.index)
    o, n = o.loc[common], n.loc[common, o.columns]
    differs = (o.fillna("\0") != n.fillna("\0"))
    changed = []
    for idx in common[differs.any(axis=1).to_numpy()]:
        for col in o.columns[differs.loc[idx].to_numpy()]:
            before, after = o.at[idx, col], n.at[idx, col]
            try:
                size = abs(float(after) - float(before))
            except (TypeError, ValueError):
                size = float("inf")  # a value that appeared, vanished or is not a number
            label = " ".join(map(str, idx if isinstance(idx, tuple) else (idx,)))
            changed.append((size, label, col, before, after))
    changed.sort(key=lambda c: -c[0])
    return {"rows_before": len(old), "rows_after": len(new), "added": len(added), "removed": len(removed),
            "changed_rows": int(differs.any(axis=1).sum()), "largest": changed[:largest]}


def _show(value) -> str:
    return "(empty)" if value is pd.NA or value is None else str(value)


def report(diffs: dict[str, dict], before: dict, after: dict, remarks: dict[str, str] | None = None) -> str:
    lines = []
    for name, d in diffs.items():
        lines.append(f"{name}: {d['rows_before']} → {d['rows_after']} rows; {d['added']} added, "
                     f"{d['removed']} removed, {d['changed_rows']} changed")
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


def refresh(names: list[str] | None = None, mirror: str | None = None, timeout: float = 60.0,
            accept_new_release: bool = False, dry_run: bool = False, progress: bool = False,
            from_file: Path | str | None = None) -> str:
    """Refresh ``names`` (default: every downloadable dataset); return the report.

    ``from_file`` takes a file already downloaded (from a browser, say) instead of fetching
    one, for a single dataset; it goes through the same checks. It is the file the table is
    derived from: what ``refresh --list`` names for the dataset.
    """
    skipped = []
    if not names:  # every downloadable dataset, but those whose key is not set are said and left
        skipped = [n for n, up in UPSTREAMS.items() if up.key and not os.environ.get(up.key)]
        names = [n for n in UPSTREAMS if n not in skipped]
    names = list(names)
    if from_file is not None and len(names) != 1:
        raise RefreshError("a file given by hand is for one dataset: name it")
    for name in names:
        if name not in UPSTREAMS:
            why = BY_HAND_DOWNLOAD.get(name) or ("compiled by hand: see `refresh --list`" if name in datasets.names()
                                                 else f"no such dataset; known: {', '.join(datasets.names())}")
            raise RefreshError(f"{name} cannot be refreshed automatically: {why}")
    mirror = mirror or os.environ.get(MIRROR_ENV)
    today = date.today().isoformat()
    with tempfile.TemporaryDirectory(prefix="refresh-") as tmp:
        tmp = Path(tmp)
        fetched = {}
        for name in names:
            up = UPSTREAMS[name]
            source = datasets.resource(name)["sources"][up.source]
            folder = tmp / "downloads" / name
            folder.mkdir(parents=True)
            if from_file is not None:
                url, file = str(from_file), _local_copy(Path(from_file), folder)
            else:
                key = os.environ.get(up.key) if up.key else None
                if up.key and not key:
                    raise RefreshError(f"{name} needs a key from its producer: {up.key_help}.")
                url = mirrored(source["file"], mirror)
                file = (up.fetch(source["file"], folder, timeout, progress, mirror, key) if up.fetch
                        else download(url, folder, timeout, progress))
            pin = None if accept_new_release else source.get("file_sha256")
            fetched[name] = (file, url, source["file"], check_pin(file, pin, url, up.pinned))
        # the new tables, written and checked in a staging copy of data/ on the same file system
        staging = Path(tempfile.mkdtemp(prefix=".refresh-", dir=paths.DATA.parent))
        try:
            shutil.copytree(paths.DATA, staging / "data")
            before_tables = {n: datasets.load(n) for n in names}
            before = _verdicts()
            remarks = {}
            with paths.data_at(staging / "data"):
                for name, (file, url, address, sha) in fetched.items():
                    try:
                        table = UPSTREAMS[name].derive(file)
                        remarks[name] = UPSTREAMS[name].remark(file) if UPSTREAMS[name].remark else ""
                    except Exception as err:  # any reader's error: the file is not what was expected
                        raise RefreshError(f"{name}: the file from {url} could not be read as "
                                           f"{UPSTREAMS[name].format}: {type(err).__name__}: {err}") from err
                    try:
                        ingest.write(name, table)
                    except datasets.DataError as err:
                        raise RefreshError(f"{name}: the table derived from {url} does not pass its schema:\n{err}") from err
                    stated = UPSTREAMS[name].vintage(file) if UPSTREAMS[name].vintage else None
                    _record_file(paths.DESCRIPTOR, name, address, sha, today, stated)
                bad = {n: m for n, m in datasets.validate_all().items() if m != "ok"}
                if bad:
                    raise RefreshError("after the refresh, tables fail validation:\n" + "\n".join(bad.values()))
                after_tables = {n: datasets.load(n) for n in names}
                after = _verdicts()
            diffs = {n: table_diff(before_tables[n], after_tables[n], datasets.resource(n)["schema"]["primaryKey"])
                     for n in names}
            if not dry_run:
                moves = [datasets.resource(n)["path"] for n in names] + [paths.DESCRIPTOR.name]
                for rel in moves:
                    os.replace(staging / "data" / rel, paths.DATA / rel)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    text = report(diffs, before, after, remarks)
    text += "".join(f"\n{n} left as it is: it needs {UPSTREAMS[n].key} (see `refresh {n}`)" for n in skipped)
    return text + ("\n(dry run: data/ is unchanged)" if dry_run else "")


def listing() -> str:
    """Every dataset and how it is refreshed; hand-compiled ones with their last row's date."""
    lines = ["Downloaded by `refresh`:"]
    for name, up in UPSTREAMS.items():
        source = datasets.resource(name)["sources"][up.source]
        needs = f"; needs {up.key}" if up.key else ""
        lines.append(f"  {name}: {source['file']} (retrieved {source.get('retrieved', 'never by refresh')}{needs})")
        lines.append(f"      or --from-file: {up.format}")
    lines.append("Producer files to download by hand, then `ingest`:")
    lines += [f"  {name}: {how}" for name, how in BY_HAND_DOWNLOAD.items()]
    lines.append("Compiled by hand from public pages (edit, then `python -m analysis data rehash`):")
    for name in hand_compiled():
        res = datasets.resource(name)
        sources = "; ".join(s.get("path", s["title"]) for s in res.get("sources", []))
        lines.append(f"  {name}: last row dated {last_date(name)}; sources to check: {sources}")
    return "\n".join(lines)


def hand_compiled() -> list[str]:
    return [n for n in datasets.names()
            if all(str(s.get("kind", "")).startswith("hand-compiled") for s in datasets.resource(n).get("sources", [{}]))]


def last_date(name: str) -> str:
    """The latest date (or year) in a table: its first date-like column's maximum."""
    table = datasets.load(name)
    for f in datasets.resource(name)["schema"]["fields"]:
        if f.get("type") in ("date", "year") or re.search(r"date|year|period|since|as_of", f["name"]):
            values = table[f["name"]].dropna().astype(str)
            if not values.empty:
                return str(values.max())
    return "undated"
