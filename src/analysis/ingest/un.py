"""United Nations records → ``data/governance/``.

- ``unsc_vetoes``: the Dag Hammarskjöld Library's veto list (as scraped to a CSV with one
  column per permanent member, to September 2022) merged with the book's evidence log of
  later vetoes (one row per vetoed text, vetoing members named, an address per row).
- ``unga_agreement``: yearly voting agreement between China, Russia and the United States in
  the General Assembly, from Erik Voeten's roll-call data (``un_votes.csv`` and
  ``un_roll_calls.csv``, as published in the R package ``unvotes``).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

P5 = {"China": "CHN", "France": "FRA", "Russia": "RUS", "USSR": "RUS", "USA": "USA", "UK": "GBR",
      "United States": "USA", "United Kingdom": "GBR"}
LIBRARY = "https://research.un.org/en/docs/sc/quick/veto"


def _library(path: Path) -> pd.DataFrame:
    d = pd.read_csv(path, dtype=str, keep_default_na=False)
    cols = ["member_veto1", "member_veto2", "member_veto3"]
    need = {"date", "draft", "agenda_item", *cols}
    if not need <= set(d.columns):
        raise ValueError(f"{path}: not the library veto list (needs columns {sorted(need)})")
    # the member_veto columns name every vetoing member; the per-member 0/1 columns miss some rows
    unknown = sorted({m for c in cols for m in d[c] if m and m not in P5})
    if unknown:
        raise ValueError(f"{path}: unknown permanent member(s) {unknown}")
    vetoing = d[cols].apply(lambda r: ";".join(sorted({P5[m] for m in r if m})), axis=1)
    return pd.DataFrame({
        "date": pd.to_datetime(d["date"], format="%m/%d/%Y").dt.strftime("%Y-%m-%d"),
        "draft": d["draft"].str.strip(), "subject": d["agenda_item"].str.replace(r"\s+", " ", regex=True).str.strip(),
        "vetoing": vetoing, "vote": "", "china_vote": "", "symbol_checked": "yes", "source": "un_library",
        "address": LIBRARY,
    })


def _log(path: Path) -> pd.DataFrame:
    d = pd.read_csv(path, dtype=str, keep_default_na=False)
    need = {"date", "draft_symbol", "symbol_source", "subject", "vetoing_members", "vote_yes_no_abstain", "china_vote", "evidence_urls"}
    if not need <= set(d.columns):
        raise ValueError(f"{path}: not the evidence log of vetoes (needs columns {sorted(need)})")
    found = d["draft_symbol"].str.match(r"S/\d{4}/\d+")
    china = d["china_vote"].str.extract(r"^(abstain|in favour|against)")[0].fillna("")
    china = china.where(d["vetoing_members"].str.strip() == "Russia", "")  # only when Russia vetoed alone
    return pd.DataFrame({
        "date": d["date"], "draft": d["draft_symbol"].where(found, ""), "subject": d["subject"].str.strip(),
        "vetoing": d["vetoing_members"].map(lambda s: ";".join(sorted(P5[m.strip()] for m in s.split(";")))),
        "vote": d["vote_yes_no_abstain"].where(d["vote_yes_no_abstain"].str.match(r"\d+-\d+-\d+$"), ""),
        "china_vote": china,
        "symbol_checked": (d["symbol_source"].str.contains("UN page", case=False)
                           & ~d["symbol_source"].str.contains("not seen", case=False)).map({True: "yes", False: "no"}).where(found, "no"),
        "source": "evidence_log", "address": d["evidence_urls"].str.split(" ; ").str[0].str.strip(),
    })


def ingest_unsc_vetoes(library_csv: Path | str, evidence_csv: Path | str) -> pd.DataFrame:
    """One row per vetoed text: date, draft, subject, vetoing members (P5 codes joined by ';'),
    vote, China's vote when Russia vetoed alone (evidence log only), whether the draft symbol
    was seen on a UN page, source and address. Rows of the log dated before the library's last
    row are dropped (the library covers them)."""
    lib = _library(Path(library_csv))
    log = _log(Path(evidence_csv))
    log = log[log["date"] > lib["date"].max()]
    table = pd.concat([lib, log], ignore_index=True).sort_values(["date", "draft"], ignore_index=True)
    table.insert(0, "id", range(1, len(table) + 1))
    return table


PAIRS = {"CHN-RUS": ("CN", "RU"), "CHN-USA": ("CN", "US"), "RUS-USA": ("RU", "US")}


def ingest_unga_agreement(votes_csv: Path | str, roll_calls_csv: Path | str, first_year: int = 1971,
                          min_roll_calls: int = 10) -> pd.DataFrame:
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
        index="rcid", columns="country_code", values="vote", aggfunc="first")
    wide = wide.join(calls.set_index("rcid")["year"], how="inner")
    rows = []
    for pair, (a, b) in PAIRS.items():
        both = wide.dropna(subset=[a, b])
        both = both[both["year"] >= first_year]
        same = (both[a] == both[b]).groupby(both["year"]).agg(["sum", "count"])
        for year, r in same[same["count"] >= min_roll_calls].iterrows():
            rows.append((int(year), pair, int(r["count"]), round(100 * r["sum"] / r["count"], 3)))
    return pd.DataFrame(rows, columns=["year", "pair", "roll_calls", "agreement_pct"]).sort_values(["pair", "year"], ignore_index=True)
