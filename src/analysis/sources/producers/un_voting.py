"""UN General Assembly roll calls → ``unga_agreement``.

Yearly voting agreement between China, Russia and the United States in the General
Assembly, from Erik Voeten's roll-call data (``un_votes.csv`` and ``un_roll_calls.csv``, as
published in the R package ``unvotes``), continued after 2019 with the UN library's General
Assembly voting data.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pandas as pd

from analysis.datasets import load
from analysis.sources.download import download, mirrored
from analysis.sources.spec import Ingest, RefreshError, Upstream, arg

PAIRS = {"CHN-RUS": ("CN", "RU"), "CHN-USA": ("CN", "US"), "RUS-USA": ("RU", "US")}


def _agreement(wide: pd.DataFrame, first_year: int, min_roll_calls: int, source: str) -> pd.DataFrame:
    """Yearly share of identical votes from one row per roll call (columns CN, RU, US: the vote
    or missing; ``year``)."""
    rows = []
    for pair, (a, b) in PAIRS.items():
        both = wide.dropna(subset=[a, b])
        both = both[both["year"] >= first_year]
        same = (both[a] == both[b]).groupby(both["year"]).agg(["sum", "count"])
        for year, r in same[same["count"] >= min_roll_calls].iterrows():
            rows.append((int(year), pair, int(r["count"]), round(100 * r["sum"] / r["count"], 3), source))
    return pd.DataFrame(rows, columns=["year", "pair", "roll_calls", "agreement_pct", "source"]).sort_values(
        ["pair", "year"], ignore_index=True
    )


def ingest_unga_agreement(
    votes_csv: Path | str, roll_calls_csv: Path | str, first_year: int = 1971, min_roll_calls: int = 10
) -> pd.DataFrame:
    """Share of General Assembly roll calls on which two countries cast the same vote (yes, no
    or abstain), by year, for each pair of China, Russia (the USSR before 1992) and the United
    States. China is counted from 1971, when the People's Republic took the seat; a year with
    fewer than ``min_roll_calls`` shared roll calls (the data stop in January 2020) is left out."""
    votes = pd.read_csv(votes_csv, usecols=["rcid", "country_code", "vote"], dtype={"country_code": str})
    calls = pd.read_csv(roll_calls_csv, usecols=["rcid", "date"])
    if votes.empty or calls.empty:
        raise ValueError(f"{votes_csv} or {roll_calls_csv}: no roll calls")
    calls["year"] = pd.to_datetime(calls["date"]).dt.year
    wide = votes[votes["country_code"].isin(["CN", "RU", "US"])].pivot_table(
        index="rcid", columns="country_code", values="vote", aggfunc="first"
    )
    wide = wide.join(calls.set_index("rcid")["year"], how="inner")
    return _agreement(wide, first_year, min_roll_calls, "voeten")


UN_LIBRARY_VOTES = {"Y": "yes", "N": "no", "A": "abstain"}  # X (not voting) is no vote cast
RUSSIA_NAMES = {"RUSSIAN FEDERATION", "USSR", "UNION OF SOVIET SOCIALIST REPUBLICS"}  # not the Byelorussian SSR


def agreement_from_un_library(voting_csv: Path | str, first_year: int = 1971, min_roll_calls: int = 10) -> pd.DataFrame:
    """The same shares from the UN library's General Assembly Voting Data (``*_ga_voting.csv``:
    one row per Member State and resolution adopted by recorded vote; ``ms_code`` ISO3,
    ``ms_vote`` Y, N, A or X). The library's file holds adopted resolutions only (no failed
    drafts, no separate votes on paragraphs), so its shares are not Voeten's for the same year.
    Russia is matched by its code or by its names (the USSR's among them), since how the file
    codes the USSR was not seen; the Ukrainian and Byelorussian SSRs, members in their own
    right, are not Russia."""
    path = Path(voting_csv)
    need = ["undl_id", "date", "ms_code", "ms_name", "ms_vote"]
    head = pd.read_csv(path, nrows=0).columns
    missing = [c for c in need if c not in head]
    if missing:
        raise ValueError(f"{path}: not the library's General Assembly voting data (missing columns {missing})")
    v = pd.read_csv(path, usecols=need, dtype=str, keep_default_na=False)
    russia = (v["ms_code"] == "RUS") | v["ms_name"].str.strip().str.upper().isin(RUSSIA_NAMES)
    v["who"] = ""
    v.loc[v["ms_code"] == "CHN", "who"] = "CN"
    v.loc[russia, "who"] = "RU"
    v.loc[v["ms_code"] == "USA", "who"] = "US"
    v["vote"] = v["ms_vote"].str.strip().str.upper().map(UN_LIBRARY_VOTES)
    v = v[(v["who"] != "") & v["vote"].notna()]
    dates = pd.to_datetime(v["date"], errors="coerce")
    if dates.isna().any():
        bad = v.index[dates.isna()][0]
        raise ValueError(f"{path}: line {bad + 2}: column 'date': {v.at[bad, 'date']!r} is not a date")
    v = v.assign(year=dates.dt.year)
    wide = v.pivot_table(index="undl_id", columns="who", values="vote", aggfunc="first")
    wide = wide.reindex(columns=["CN", "RU", "US"]).join(v.groupby("undl_id")["year"].first())
    return _agreement(wide, first_year, min_roll_calls, "un_library")


def with_un_library_votes(table: pd.DataFrame, voting_csv: Path | str) -> pd.DataFrame:
    """``table`` (Voeten's years) continued with the library's shares for the years after them."""
    voeten = table[table["source"] == "voeten"]
    new = agreement_from_un_library(voting_csv)
    new = new[new["year"] > int(voeten["year"].max())]
    return pd.concat([voeten, new]).sort_values(["pair", "year"], ignore_index=True)


def overlap(table: pd.DataFrame, voting_csv: Path | str) -> str:
    """How far the library's shares fall from Voeten's in the years both cover: the size of
    the series break the continuation makes."""
    lib = agreement_from_un_library(voting_csv).set_index(["year", "pair"])["agreement_pct"]
    voe = table[table["source"] == "voeten"].set_index(["year", "pair"])["agreement_pct"]
    both = voe.index.intersection(lib.index)
    if both.empty:
        return "no year is covered both by Voeten's data and by the library's file"
    gap = (lib[both] - voe[both]).astype(float)
    year, pair = gap.abs().idxmax()
    years = sorted({y for y, _ in both})
    return (
        f"in the {len(years)} year(s) both cover ({years[0]}-{years[-1]}), the library's shares differ from "
        f"Voeten's by {gap.abs().mean():.1f} points on average, at most {gap[(year, pair)]:+.1f} ({pair}, {year})"
    )


LIBRARY_FILE = re.compile(r"(\d{4})_(\d{1,2})_(\d{1,2})_ga_voting")


def fetch_newest(
    address: str, folder: Path, timeout: float, progress: bool, mirror: str | None, key: str | None
) -> Path:
    """The newest General Assembly voting file of the UN library's record: its file list (the
    Digital Library's API, ``[{"name", "url", "format"}, …]``) names the files by date,
    ``2025_9_19_ga_voting.csv``; the newest is downloaded under its own name."""
    listing = download(mirrored(address, mirror), folder, timeout, fname="files.json")
    try:
        files = [
            f
            for f in json.loads(listing.read_text(encoding="utf-8"))
            if LIBRARY_FILE.fullmatch(f["name"]) and f["format"].lower() == ".csv"
        ]
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise RefreshError(f"{address}: not the library's file list ({type(err).__name__}: {err})") from err
    if not files:
        raise RefreshError(f"{address}: the record lists no *_ga_voting.csv file")
    newest = max(files, key=lambda f: tuple(int(x) for x in LIBRARY_FILE.fullmatch(f["name"]).groups()))
    return download(mirrored(newest["url"], mirror), folder, timeout, progress, fname=f"{newest['name']}.csv")


def library_vintage(path: Path) -> str:
    return date(*(int(x) for x in LIBRARY_FILE.match(Path(path).stem).groups())).isoformat()


INGESTS = (
    Ingest(
        "unga_agreement",
        "from Voeten's General Assembly roll calls (un_votes.csv, un_roll_calls.csv)",
        (arg("--votes", type=Path, required=True), arg("--roll-calls", type=Path, required=True)),
        lambda a: ingest_unga_agreement(a.votes, a.roll_calls),
        upstream=Upstream(
            lambda votes: with_un_library_votes(load("unga_agreement"), votes),
            "the UN library's General Assembly voting data (CSV)",
            vintage=library_vintage,
            source=1,
            fetch=fetch_newest,
            remark=lambda votes: overlap(load("unga_agreement"), votes),
        ),
    ),
)
