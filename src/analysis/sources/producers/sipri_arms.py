"""SIPRI Arms Transfers Database trade registers → ``data/military/arms_transfers.csv``.

SIPRI's trade register comes in two export formats, and the book uses both:

- the *per delivery year* register (one row per deal and delivery year, with the TIV
  delivered that year): exact yearly values; the vintage at hand covers deliveries 2000–2023;
- the *per deal* register (one row per deal, the list of delivery years and the total TIV
  delivered): it covers every year, but gives no split by year. Spreading each deal's TIV
  evenly over its delivery years is an approximation, used only for the years the first
  register does not cover, and marked ``approximate``.

Four flows come from these two registers, in SIPRI trend-indicator values (TIV, millions):
Russia → China, all suppliers → China (China's total imports) and Russia → all recipients
(Russia's total exports). Before 1992 the supplier is the Soviet Union. Registers exported
for China's imports and Russia's exports cannot show what Russia *imports*; China → Russia
and all suppliers → Russia come from a third, complete register (every supplier and
recipient), when one is given, spread over delivery years and so approximate. Without it
those flows are left out rather than shown as zero.
"""

from __future__ import annotations

import base64
import io
import json
import re
from datetime import date
from pathlib import Path

import pandas as pd

from analysis.datasets import load
from analysis.sources.download import mirrored, post
from analysis.sources.spec import Ingest, RefreshError, Upstream, arg

RUSSIA = {"Russia", "Soviet Union"}
FLOWS = [  # (supplier code, recipient code, rule on a register frame)
    ("RUS", "CHN", lambda d: d["supplier"].isin(RUSSIA) & (d["recipient"] == "China")),
    ("WLD", "CHN", lambda d: d["recipient"] == "China"),
    ("RUS", "WLD", lambda d: d["supplier"].isin(RUSSIA)),
]
FULL_REGISTER_FLOWS = [  # flows only a complete register can give
    ("CHN", "RUS", lambda d: (d["supplier"] == "China") & d["recipient"].isin(RUSSIA)),
    ("WLD", "RUS", lambda d: d["recipient"].isin(RUSSIA)),
]


def _text(path: Path) -> str:
    """A SIPRI export as text: UTF-8, or ISO-8859-1 as SIPRI's own downloads are."""
    raw = Path(path).read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _table(path: Path, first_column: str) -> pd.DataFrame:
    """The register's table, skipping the preamble SIPRI writes above the header, if any."""
    lines = _text(path).splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.startswith(first_column)), None)
    if start is None:
        raise ValueError(f"{path}: no header line starting with {first_column!r}")
    return pd.read_csv(io.StringIO("".join(lines[start:])))


def register_generated(preamble_or_csv: Path) -> str:
    """The 'Data generated: …' date SIPRI writes in a register's preamble, as YYYY-MM-DD."""
    text = _text(preamble_or_csv)
    m = re.search(r"Data generated:\s*(\d{1,2}) (\w{3}) (\d{4})", text)
    if not m:
        raise ValueError(f"{preamble_or_csv}: no 'Data generated: D Mon YYYY' line")
    return pd.to_datetime(" ".join(m.groups()), format="%d %b %Y").strftime("%Y-%m-%d")


def register_content(path: Path) -> bytes:
    """A SIPRI export without its 'Data generated: …' line, which changes with every export:
    what stays the same as long as SIPRI's data do."""
    return re.sub(rb"Data generated:[^\n]*\n", b"", Path(path).read_bytes())


def _per_year(register: Path) -> pd.DataFrame:
    d = _table(register, "SIPRI AT Database ID")
    need = {"Supplier", "Recipient", "Delivery year", "TIV delivery values"}
    if not need <= set(d.columns):
        raise ValueError(f"{register}: not a per-delivery-year register (needs columns {sorted(need)})")
    return pd.DataFrame(
        {
            "supplier": d["Supplier"].str.strip(),
            "recipient": d["Recipient"].str.strip(),
            "year": d["Delivery year"].astype(int),
            "tiv": d["TIV delivery values"].astype(float),
        }
    )


def _per_deal_spread(register: Path) -> pd.DataFrame:
    """Per-deal register, each deal's delivered TIV spread evenly over its delivery years."""
    d = _table(register, "Recipient")
    need = {"Supplier", "Recipient", "Year(s) of delivery", "SIPRI TIV of delivered weapons"}
    if not need <= set(d.columns):
        raise ValueError(f"{register}: not a per-deal register (needs columns {sorted(need)})")
    d = d.dropna(subset=["Year(s) of delivery", "SIPRI TIV of delivered weapons"])
    years = d["Year(s) of delivery"].astype(str).str.findall(r"\d{4}")
    spread = pd.DataFrame(
        {
            "supplier": d["Supplier"].str.strip(),
            "recipient": d["Recipient"].str.strip(),
            "year": years,
            "tiv": d["SIPRI TIV of delivered weapons"].astype(float) / years.str.len(),
        }
    ).explode("year")
    spread["year"] = spread["year"].astype(int)
    return spread


def _yearly(frame: pd.DataFrame, years, flows=FLOWS) -> pd.DataFrame:
    out = []
    for supplier, recipient, rule in flows:
        sums = frame[rule(frame)].groupby("year")["tiv"].sum()
        for year in years:  # a year with no delivery identified is a zero, not a gap
            out.append((year, supplier, recipient, round(float(sums.get(year, 0.0)), 3)))
    return pd.DataFrame(out, columns=["year", "supplier", "recipient", "tiv_m"])


def ingest_arms_transfers(
    per_year: Path | str,
    per_deal: Path | str,
    per_year_preamble: Path | str | None = None,
    per_deal_preamble: Path | str | None = None,
    full_register: Path | str | None = None,
    first_year: int = 1990,
) -> pd.DataFrame:
    """Tidy table (year, supplier, recipient, tiv_m, basis, register) from SIPRI registers.

    A preamble is the text SIPRI writes above a register's header (with its 'Data generated'
    date); pass it when it was saved apart from the table, otherwise it is read from the file.
    ``full_register`` is a per-deal register of all suppliers and recipients, for the flows
    into Russia.
    """
    exact = _per_year(Path(per_year))
    deals = _per_deal_spread(Path(per_deal))
    exact_years = range(int(exact["year"].min()), int(exact["year"].max()) + 1)
    last_year = int(deals["year"].max())
    approx_years = [y for y in range(first_year, last_year + 1) if y not in exact_years]

    a = _yearly(exact, exact_years).assign(basis="exact", register=register_generated(per_year_preamble or per_year))
    b = _yearly(deals, approx_years).assign(
        basis="approximate", register=register_generated(per_deal_preamble or per_deal)
    )
    parts = [a, b]
    if full_register is not None:
        full = _per_deal_spread(Path(full_register))
        if not (full["supplier"] != "Russia").any() or not full["recipient"].isin(RUSSIA).any():
            raise ValueError(
                f"{full_register}: not a complete register (it needs every supplier, Russia among the recipients)"
            )
        years = range(first_year, int(full["year"].max()) + 1)
        parts.append(
            _yearly(full, years, FULL_REGISTER_FLOWS).assign(
                basis="approximate", register=register_generated(full_register)
            )
        )
    return pd.concat(parts).sort_values(["supplier", "recipient", "year"], ignore_index=True)


def _year_range(register: Path) -> tuple[int, int]:
    """The delivery years a register was exported for, from its preamble ('year range '2000' to '2001'')."""
    m = re.search(r"year range '(\d{4})' to '(\d{4})'", _text(register))
    if not m:
        raise ValueError(f"{register}: no \"year range 'YYYY' to 'YYYY'\" line in the preamble")
    return int(m.group(1)), int(m.group(2))


def with_new_register(table: pd.DataFrame, register: Path | str) -> pd.DataFrame:
    """``table`` with the years a new per-delivery-year register covers replaced by its exact sums.

    This is the register SIPRI's database exports for a range of delivery years (every supplier
    and recipient, or a filtered one). The years it covers are those of its preamble, up to
    the last delivery year in it. China → Russia and Russia's imports are taken from it only
    when Russia is among its recipients (a register filtered to China's imports and Russia's
    exports cannot give them); the rows it cannot give are kept as they were.
    """
    register = Path(register)
    exact = _per_year(register)
    first, last = _year_range(register)
    years = range(first, min(last, int(exact["year"].max())) + 1)
    flows = FLOWS + (FULL_REGISTER_FLOWS if exact["recipient"].isin(RUSSIA).any() else [])
    new = _yearly(exact, years, flows).assign(basis="exact", register=register_generated(register))
    key = ["year", "supplier", "recipient"]
    old = table.astype({"register": str})
    old = old[~old.set_index(key).index.isin(new.set_index(key).index)]
    return pd.concat([old, new]).sort_values(["supplier", "recipient", "year"], ignore_index=True)


FIRST_YEAR = 1990


def fetch_register(
    address: str, folder: Path, timeout: float, progress: bool, mirror: str | None, key: str | None
) -> Path:
    """SIPRI's trade register by delivery year, every supplier and recipient, 1990 to last year.

    The database's web form (armstransfers.sipri.org) sends this request to its backend; the
    answer is JSON whose ``bytes`` hold the register's CSV export, base64-encoded, preamble
    included. The request's layout is not documented by SIPRI: it is the one the R package
    Rat.db sends and records in its tests, and a change at SIPRI shows up here as a clear error.
    """
    last = date.today().year - 1
    body = {
        "filters": [
            {"field": "Delivery year", "condition": "contains", "value1": FIRST_YEAR, "value2": last, "listData": []},
            {"field": "Order year", "condition": "contains", "value1": 0, "value2": last, "listData": []},
            {"field": "opendeals", "condition": "", "value1": "", "value2": "", "listData": []},
            {"field": "exportOption", "condition": "", "value1": "", "value2": "", "listData": []},
        ],
        "logic": "AND",
    }
    answer = post(mirrored(address, mirror), folder / "trade_register.json", body, timeout)
    register = folder / "trade_register.csv"
    try:
        register.write_bytes(base64.b64decode(json.loads(answer.read_text(encoding="utf-8"))["bytes"], validate=True))
    except (ValueError, KeyError, TypeError) as err:
        raise RefreshError(
            f"{address}: the answer is not SIPRI's JSON with a base64 'bytes' field ({type(err).__name__}: {err})"
        ) from err
    return register


INGESTS = (
    Ingest(
        "arms_transfers",
        "from two SIPRI trade registers and their preambles",
        (
            arg("--per-year", type=Path, required=True, help="register by delivery year (CSV)"),
            arg("--per-deal", type=Path, required=True, help="register by deal (CSV)"),
            arg("--per-year-preamble", type=Path, help="its preamble, if saved apart from the CSV"),
            arg("--per-deal-preamble", type=Path, help="its preamble, if saved apart from the CSV"),
            arg(
                "--full-register",
                type=Path,
                help="register by deal of every supplier and recipient (for China → Russia and Russia's imports)",
            ),
        ),
        lambda a: ingest_arms_transfers(
            a.per_year, a.per_deal, a.per_year_preamble, a.per_deal_preamble, a.full_register
        ),
        upstream=Upstream(
            lambda register: with_new_register(load("arms_transfers"), register),
            "SIPRI's trade register by delivery year (its CSV export, preamble included)",
            vintage=register_generated,
            fetch=fetch_register,
            pinned=register_content,
        ),
    ),
)
