"""The UN Dag Hammarskjöld Library's list of Security Council vetoes → ``unsc_vetoes``.

The library's veto list (as scraped to a CSV with one column per permanent member, to
September 2022) merged with the book's evidence log of later vetoes (one row per vetoed
text, vetoing members named, an address per row); ``with_library_page`` reads the library's
own table page (HTML) when it is refreshed.
"""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd

from analysis.datasets import load
from analysis.sources.spec import Ingest, Upstream, arg

P5 = {
    "China": "CHN",
    "France": "FRA",
    "Russia": "RUS",
    "USSR": "RUS",
    "USA": "USA",
    "UK": "GBR",
    "United States": "USA",
    "United Kingdom": "GBR",
    "Russian Federation": "RUS",
}
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
    return _library_rows(
        pd.DataFrame(
            {
                "date": pd.to_datetime(d["date"], format="%m/%d/%Y").dt.strftime("%Y-%m-%d"),
                "draft": d["draft"].str.strip(),
                "subject": d["agenda_item"].str.replace(r"\s+", " ", regex=True).str.strip(),
                "vetoing": vetoing,
            }
        )
    )


# The kind of source of an evidence-log row, by the host of its address (see analysis.grading);
# a host not named here is taken as "other press", the weaker reading.
KIND_BY_HOST = {
    "press.un.org": "international organisation",
    "research.un.org": "international organisation",
    "eng.chinamil.com.cn": "official statement",
    "tass.com": "news agency or newspaper of record",
    "www.thenationalnews.com": "news agency or newspaper of record",
    "blogspot.com": "opinion or blog",
}


def source_kind(address: str) -> str:
    host = urlsplit(address).hostname or ""
    for known, kind in KIND_BY_HOST.items():
        if host == known or host.endswith("." + known):
            return kind
    return "other press"


def _library_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows of the library's list (date, draft, subject, vetoing) with the columns the library
    does not give: no vote, no China's vote, the symbol as seen there, the list's address."""
    return rows.assign(
        vote="",
        china_vote="",
        symbol_checked="yes",
        source="un_library",
        address=LIBRARY,
        source_kind="international organisation",
    )


def _log(path: Path) -> pd.DataFrame:
    d = pd.read_csv(path, dtype=str, keep_default_na=False)
    need = {
        "date",
        "draft_symbol",
        "symbol_source",
        "subject",
        "vetoing_members",
        "vote_yes_no_abstain",
        "china_vote",
        "evidence_urls",
    }
    if not need <= set(d.columns):
        raise ValueError(f"{path}: not the evidence log of vetoes (needs columns {sorted(need)})")
    found = d["draft_symbol"].str.match(r"S/\d{4}/\d+")
    china = d["china_vote"].str.extract(r"^(abstain|in favour|against)")[0].fillna("")
    china = china.where(d["vetoing_members"].str.strip() == "Russia", "")  # only when Russia vetoed alone
    return pd.DataFrame(
        {
            "date": d["date"],
            "draft": d["draft_symbol"].where(found, ""),
            "subject": d["subject"].str.strip(),
            "vetoing": d["vetoing_members"].map(lambda s: ";".join(sorted(P5[m.strip()] for m in s.split(";")))),
            "vote": d["vote_yes_no_abstain"].where(d["vote_yes_no_abstain"].str.match(r"\d+-\d+-\d+$"), ""),
            "china_vote": china,
            "symbol_checked": (
                d["symbol_source"].str.contains("UN page", case=False)
                & ~d["symbol_source"].str.contains("not seen", case=False)
            )
            .map({True: "yes", False: "no"})
            .where(found, "no"),
            "source": "evidence_log",
            "address": d["evidence_urls"].str.split(" ; ").str[0].str.strip(),
        }
    ).assign(source_kind=lambda t: t["address"].map(source_kind))


class _Rows(HTMLParser):
    """The rows of an HTML page's tables as lists of cell texts; a <br> becomes a line break."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._header = False

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self._row, self._header = [], False
        elif tag in ("td", "th") and self._row is not None:
            self._cell, self._header = [], self._header or tag == "th"
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append("".join(self._cell))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if not self._header:
                self.rows.append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _page_date(text: str, where: str) -> str:
    """'16 February 1946' (or a meeting over two days, '29-30 May 1986': its first day) as YYYY-MM-DD."""
    m = re.fullmatch(r"(\d{1,2})(?:\s*-\s*\d{1,2})?\s+([A-Za-z]+)\.?,?\s+(\d{4})", _one_line(text))
    if not m:
        raise ValueError(f"{where}: date {text!r} is not 'D Month YYYY'")
    day, month, year = m.groups()
    for fmt in ("%d %B %Y", "%d %b %Y"):
        try:
            return pd.to_datetime(f"{day} {month} {year}", format=fmt).strftime("%Y-%m-%d")
        except ValueError:
            continue
    raise ValueError(f"{where}: date {text!r} has an unknown month")


def library_page(path: Path | str) -> pd.DataFrame:
    """The library's veto table page (scact_veto_table_en.htm): one row per five-cell table row
    (date, draft, meeting record, agenda item, members casting the negative vote, one per line)."""
    path = Path(path)
    parser = _Rows()
    parser.feed(path.read_bytes().decode("utf-8", errors="replace"))
    rows = [r for r in parser.rows if len(r) == 5 and re.search(r"\d{4}", r[0])]
    if not rows:
        raise ValueError(f"{path}: no veto rows (five cells: date, draft, record, agenda item, members)")
    out = []
    for n, (when, draft, _record, agenda, members) in enumerate(rows, start=1):
        where = f"{path}, table row {n}"
        names = [_one_line(m) for m in members.splitlines() if _one_line(m)]
        unknown = [m for m in names if m not in P5]
        if unknown or not names:
            raise ValueError(f"{where}: column 'members': unknown permanent member(s) {unknown or names}")
        out.append(
            {
                "date": _page_date(when, f"{where}: column 'date'"),
                "draft": _one_line(draft),
                "subject": _one_line(agenda),
                "vetoing": ";".join(sorted({P5[m] for m in names})),
            }
        )
    page = _library_rows(pd.DataFrame(out))
    if page["date"].iloc[0] > page["date"].iloc[-1]:  # the library lists the newest first
        page = page.iloc[::-1].reset_index(drop=True)
    return page


def with_library_page(table: pd.DataFrame, page: Path | str) -> pd.DataFrame:
    """``table`` with its library rows replaced by the library's current table page.

    A row of the evidence log gives way to the library's row when the page lists a veto on
    the same date by the same members (the vote and China's vote the log recorded are kept
    when there is one such row); every other log row is kept.
    """
    lib = library_page(page)
    old = table.astype("string").fillna("").drop(columns="id")
    log = old[old["source"] == "evidence_log"]
    covered = []
    for i, row in log.iterrows():
        same = lib.index[(lib["date"] == row["date"]) & (lib["vetoing"] == row["vetoing"])]
        if len(same) == 1:
            lib.loc[same, ["vote", "china_vote"]] = [row["vote"], row["china_vote"]]
        if len(same):
            covered.append(i)
    out = pd.concat([lib, log.drop(index=covered)], ignore_index=True)
    out = out.sort_values(["date", "draft"], ignore_index=True, kind="stable")
    out.insert(0, "id", range(1, len(out) + 1))
    return out


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


INGESTS = (
    Ingest(
        "unsc_vetoes",
        "from the UN library's veto list (CSV) and the book's evidence log of later vetoes",
        (
            arg("--library", type=Path, required=True, help="the library's veto list, one column per permanent member"),
            arg(
                "--evidence-log", type=Path, required=True, help="later vetoes, one row per vetoed text, with addresses"
            ),
        ),
        lambda a: ingest_unsc_vetoes(a.library, a.evidence_log),
        upstream=Upstream(
            lambda page: with_library_page(load("unsc_vetoes"), page),
            "the UN library's veto table page (HTML)",
            vintage=lambda page: date.today().isoformat(),
        ),
    ),
)
