"""`refresh` against a producer's file served from 127.0.0.1: no network needed.

The fixture is a trimmed copy of SIPRI's milex workbook (April 2025 release): the three sheets
the ingest reads, China, Russia, the United States and one other country, fonts (SIPRI's
estimate colours) kept; see tests/fixtures/upstream/README.md.
"""

from __future__ import annotations

import base64
import functools
import http.server
import json
import re
import shutil
import socket
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import openpyxl
import pytest

from analysis import datasets
from analysis.audit import assessments
from analysis.sources import refresh
from analysis.sources.registry import by_hand, upstreams

FIXTURES = Path(__file__).parents[1] / "fixtures" / "upstream"
WORKBOOK = "www.sipri.org/sites/default/files/SIPRI-Milex-data-1949-2024_2.xlsx"
COMTRADE = "comtradeapi.un.org/data/v1/get/C/M/HS"
KEY = "a-test-key"
VETO_PAGE = "www.un.org/depts/dhl/resguide/scact_veto_table_en.htm"
UN_LIBRARY_FILES = "digitallibrary.un.org/api/v1/file"
SIPRI_REGISTER = "atbackend.sipri.org/api/p/trades/trade-register-csv/answer.json"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves the fixtures by path; answers like the UN Comtrade API under its host: the year
    asked for (``period``), or no rows for a year it does not hold. A mirror must never be sent
    a producer's key: a request that carries one is refused (400)."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        parts = urlsplit(self.path)
        if not parts.path.startswith("/comtradeapi.un.org/"):
            return super().do_GET()
        if self.headers.get("Ocp-Apim-Subscription-Key") is not None:
            self.send_error(400, "a subscription key was sent to a mirror")
            return
        year = parse_qs(parts.query)["period"][0][:4]
        answer = Path(self.translate_path(parts.path)) / f"{year}.json"
        body = answer.read_bytes() if answer.exists() else b'{"elapsedTime":"0 secs","count":0,"data":[],"error":""}'
        self._answer(body)

    def do_POST(self):
        """SIPRI's register backend: a JSON query with a delivery-year filter, or 400."""
        query = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        fields = {f["field"]: f for f in query.get("filters", [])}
        if "Delivery year" not in fields or not str(fields["Delivery year"]["value1"]).isdigit():
            self.send_error(400, "no delivery years asked for")
            return
        self._answer((Path(self.translate_path(self.path)) / "answer.json").read_bytes())

    def _answer(self, body: bytes):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def upstream(tmp_path):
    """The producers' files, served from a scratch copy that a test may alter."""
    served = tmp_path / "served"
    shutil.copytree(FIXTURES, served)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(served)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield served, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def _unchanged_by_refresh(name: str, rows: int, **how):
    """Refresh ``name`` from a release holding the table's own values: nothing may move."""
    before = datasets.load(name)
    text = refresh.refresh([name], timeout=10, **{"accept_new_release": True, **how})
    assert f"{name}: {rows} → {rows} rows; 0 added, 0 removed, 0 changed" in text
    assert datasets.load(name).equals(before)
    return text, before


def _set_value(workbook: Path, country: str, year: int, value: float) -> None:
    """Change one cell of the 'Current US$' sheet, as a new release would."""
    wb = openpyxl.load_workbook(workbook)
    ws = wb["Current US$"]
    header = next(r for r in ws.iter_rows(max_row=30) if r[0].value == "Country")
    column = next(c.column for c in header if c.value == year)
    row = next(r for r in ws.iter_rows(min_row=header[0].row + 1) if r[0].value == country)
    row[column - 1].value = value
    wb.save(workbook)


def test_a_refresh_from_the_same_release_changes_no_value_and_records_the_file(data_copy, upstream):
    served, url = upstream
    digest = _digest(data_copy)
    with pytest.raises(refresh.RefreshError, match="no sha256 of the producer's file is recorded yet"):
        refresh.refresh(["military_expenditure"], mirror=url, timeout=10)  # a first refresh trusts nothing
    assert _digest(data_copy) == digest
    text, _ = _unchanged_by_refresh("military_expenditure", 333, mirror=url)
    assert "No claim verdict, computed value or assessment reading moved." in text
    source = datasets.resource("military_expenditure")["sources"][0]
    assert source["file_sha256"] == datasets.sha256(served / WORKBOOK)  # the next refresh checks against it
    assert datasets.validate_all() == {name: "ok" for name in datasets.names()}
    _unchanged_by_refresh("military_expenditure", 333, mirror=url, accept_new_release=False)


def test_the_world_bank_answer_gives_the_same_table_as_the_bulk_file(data_copy, upstream):
    """The API's JSON (the fixture holds the values of the March 2024 bulk file) re-derives the table."""
    _, url = upstream
    text, _ = _unchanged_by_refresh("wdi_military_expenditure", 108, mirror=url)
    assert (
        datasets.resource("wdi_military_expenditure")["sources"][0]["vintage"] == "2024-03-28"
    )  # the API's lastupdated
    # the next vintage: the header's date moves, and with it every row's `last_updated` and the descriptor
    served, _ = upstream
    answer = next(served.glob("api.worldbank.org/**/MS.MIL.XPND.CD"))
    header, observations = json.loads(answer.read_text(encoding="utf-8"))
    answer.write_text(json.dumps([{**header, "lastupdated": "2025-07-01"}, observations]), encoding="utf-8")
    text = refresh.refresh(["wdi_military_expenditure"], mirror=url, timeout=10, accept_new_release=True)
    assert "0 added, 0 removed, 108 changed" in text and "last_updated: 2024-03-28 → 2025-07-01" in text
    assert datasets.resource("wdi_military_expenditure")["sources"][0]["vintage"] == "2025-07-01"


def test_the_command_line_says_what_cannot_be_refreshed_and_leaves_data_alone(data_copy, capsys):
    from analysis import cli

    digest = _digest(data_copy)
    assert cli.main(["refresh", "trade_partner_shares"]) == 1
    err = capsys.readouterr().err
    assert "trade_partner_shares cannot be refreshed automatically" in err and "data/ is unchanged" in err
    assert _digest(data_copy) == digest


def test_a_release_that_drops_countries_other_tables_name_is_refused(data_copy, upstream):
    """The Natural Earth fixture keeps four countries: the membership table's other countries would
    no longer be on the map, so the refresh is refused, naming a row that breaks, and data/ is kept."""
    _, url = upstream
    digest = _digest(data_copy)
    with pytest.raises(
        refresh.RefreshError,
        match=r"organisation_membership.csv, line \d+ .*column 'iso3': 'KGZ' is not a "
        r"world_countries iso3 \(foreign key\)",
    ):
        refresh.refresh(["world_countries"], mirror=url, timeout=10, accept_new_release=True)
    assert _digest(data_copy) == digest


def test_comtrade_needs_a_key_and_says_how_to_set_it(data_copy, upstream, monkeypatch):
    _, url = upstream
    monkeypatch.delenv("COMTRADE_API_KEY", raising=False)
    digest = _digest(data_copy)
    with pytest.raises(refresh.RefreshError, match="needs a key.*comtradeplus.un.org.*export COMTRADE_API_KEY="):
        refresh.refresh(["china_russia_trade"], timeout=10)  # asked of the producer itself: no request is made
    assert _digest(data_copy) == digest
    monkeypatch.setenv("COMTRADE_API_KEY", KEY)  # a mirror gets no key (it would answer 400)
    text = refresh.refresh(["china_russia_trade"], mirror=url, timeout=10, accept_new_release=True, dry_run=True)
    assert "china_russia_trade:" in text and _digest(data_copy) == digest


def _serve_the_book_s_map(served: Path) -> None:
    """Serve, as Natural Earth's file, the outlines the book holds (the fixture keeps four countries)."""
    table = datasets.load("world_countries")
    features = []
    for (iso3, name), rows in table.groupby(["iso3", "name"], sort=True):
        parts = [
            [ring[["lon", "lat"]].to_numpy().tolist() for _, ring in part.groupby("ring", sort=True)]
            for _, part in rows.groupby("part", sort=True)
        ]
        geometry = {"type": "MultiPolygon", "coordinates": parts}
        features.append({"type": "Feature", "properties": {"ADM0_A3": iso3, "NAME": name}, "geometry": geometry})
    target = next(served.glob("raw.githubusercontent.com/**/ne_110m_admin_0_countries.json"))
    target.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")


def test_refreshing_everything_leaves_a_dataset_whose_key_is_not_set_and_says_so(data_copy, upstream, monkeypatch):
    monkeypatch.delenv("COMTRADE_API_KEY", raising=False)
    _serve_the_book_s_map(upstream[0])
    digest = _digest(data_copy)
    text = refresh.refresh(mirror=upstream[1], timeout=10, accept_new_release=True, dry_run=True)
    for name in set(upstreams()) - {"china_russia_trade"}:
        assert re.search(rf"^{name}: \d+ → \d+ rows", text, re.M), name
    assert "china_russia_trade left as it is: it needs COMTRADE_API_KEY" in text
    assert _digest(data_copy) == digest


def test_comtrade_months_give_the_same_yearly_table_and_a_new_month_moves_c06(data_copy, upstream, monkeypatch):
    served, url = upstream
    monkeypatch.setenv("COMTRADE_API_KEY", KEY)
    text, _ = _unchanged_by_refresh(
        "china_russia_trade", 107, mirror=url
    )  # the IMF rows kept, the press figures read again
    # a revised December 2024: China's imports from Russia 10 bn higher
    answer = served / COMTRADE / "2024.json"
    doc = json.loads(answer.read_text(encoding="utf-8"))
    row = next(r for r in doc["data"] if r["period"] == "202412" and r["flowCode"] == "M")
    row["primaryValue"] += 10e9
    answer.write_text(json.dumps(doc), encoding="utf-8")
    text = refresh.refresh(["china_russia_trade"], mirror=url, timeout=10, accept_new_release=True)
    assert "0 added, 0 removed, 2 changed" in text  # 2024 imports and 2024 total
    assert re.search(r"2024 (imports|total) un_comtrade  value_usd_bn: [\d.]+ → [\d.]+", text)
    assert re.search(r"C06 .*→.*", text), text  # the claim on 2024's trade computes a new value


def test_a_new_value_upstream_is_reported_and_moves_the_reading_it_decides(data_copy, upstream):
    served, url = upstream
    spending = datasets.load("military_expenditure").set_index(["iso3", "year", "measure"])["value"]
    last = int(spending.dropna().index.get_level_values("year").max())
    russia = float(spending[("RUS", last, "current_usd_m")])
    assert assessments.read("NA12").reading == "qualified"
    # a release in which China's spending of the last year is ten times Russia's: the gap widened, as NA12 asserts
    _set_value(served / WORKBOOK, "China", last, 10 * russia)
    text = refresh.refresh(["military_expenditure"], mirror=url, timeout=10, accept_new_release=True)
    assert "0 added, 0 removed, 1 changed" in text
    assert re.search(rf"CHN {last} current_usd_m  value: [\d.]+ → [\d.]+", text)
    assert "NA12" in text and "qualified → supported" in text
    assert assessments.read("NA12").reading == "supported"  # data/ now holds the new release
    new = datasets.load("military_expenditure").set_index(["iso3", "year", "measure"])["value"]
    assert new[("CHN", last, "current_usd_m")] == pytest.approx(10 * russia)


def test_a_truncated_download_is_refused_and_data_is_untouched(data_copy, upstream):
    served, url = upstream
    whole = (served / WORKBOOK).read_bytes()
    (served / WORKBOOK).write_bytes(whole[: len(whole) // 2])
    digest = _digest(data_copy)
    with pytest.raises(refresh.RefreshError, match=r"military_expenditure: the file from .*could not be read as SIPRI"):
        refresh.refresh(["military_expenditure"], mirror=url, timeout=10, accept_new_release=True)
    assert _digest(data_copy) == digest
    assert not list(data_copy.parent.glob(".refresh-*")), "the staging copy is removed"


def test_a_file_that_differs_from_the_recorded_one_is_refused_until_accepted(data_copy, upstream):
    served, url = upstream
    refresh.refresh(["military_expenditure"], mirror=url, timeout=10, accept_new_release=True)  # records its sha256
    _set_value(served / WORKBOOK, "Russia", 2023, 1.0)
    digest = _digest(data_copy)
    with pytest.raises(refresh.RefreshError, match="not the one the last refresh took.*--accept-new-release"):
        refresh.refresh(["military_expenditure"], mirror=url, timeout=10)
    assert _digest(data_copy) == digest
    text = refresh.refresh(["military_expenditure"], mirror=url, timeout=10, accept_new_release=True)
    assert "RUS 2023 current_usd_m  value:" in text and "→ 1.0" in text


@pytest.mark.parametrize("dataset", ["military_expenditure", "arms_transfers"])  # a GET, and SIPRI's POST
def test_a_server_that_does_not_answer_times_out_with_a_clear_error(data_copy, dataset):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()  # accepts connections, never answers
    try:
        digest = _digest(data_copy)
        start = time.monotonic()
        with pytest.raises(refresh.RefreshError, match=r"no answer within 1 s"):
            refresh.refresh([dataset], mirror=f"http://127.0.0.1:{silent.getsockname()[1]}", timeout=1)
        assert time.monotonic() - start < 30
        assert _digest(data_copy) == digest
    finally:
        silent.close()


class _Trickle(http.server.BaseHTTPRequestHandler):
    """Answers at once, then sends its body one byte every 0.2 s: each read is quick, the whole is not."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Length", "200")
        self.end_headers()
        for _ in range(200):
            try:
                self.wfile.write(b"x")
                self.wfile.flush()
            except OSError:
                return
            time.sleep(0.2)


def test_the_time_out_bounds_the_whole_download_not_each_read(data_copy):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Trickle)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        digest, start = _digest(data_copy), time.monotonic()
        with pytest.raises(refresh.RefreshError, match=r"no complete answer within 1 s"):
            refresh.refresh(["military_expenditure"], mirror=f"http://127.0.0.1:{httpd.server_address[1]}", timeout=1)
        assert time.monotonic() - start < 10 and _digest(data_copy) == digest
    finally:
        httpd.shutdown()


def test_only_https_leaves_this_machine(tmp_path):
    from analysis.sources.download import download

    for url in ("http://www.sipri.org/file.xlsx", "ftp://example.org/file", "file:///etc/hostname"):
        with pytest.raises(refresh.RefreshError, match="refused: only https"):
            download(url, tmp_path, timeout=5)
    assert list(tmp_path.iterdir()) == []


def test_datasets_that_cannot_be_downloaded_say_why_and_hand_compiled_ones_their_last_date(data_copy):
    with pytest.raises(
        refresh.RefreshError, match="joint_exercises cannot be refreshed automatically: compiled by hand"
    ):
        refresh.refresh(["joint_exercises"])
    with pytest.raises(refresh.RefreshError, match="trade_partner_shares cannot be refreshed.*IMF"):
        refresh.refresh(["trade_partner_shares"])
    text = refresh.listing()
    contacts = datasets.load("xi_putin_contacts")
    assert f"xi_putin_contacts: last row dated {contacts['date_start'].max()}" in text
    for name in refresh.hand_compiled():
        assert f"  {name}: last row dated" in text
    assert set(refresh.hand_compiled()) >= {"joint_exercises", "xi_putin_contacts", "organisation_membership"}
    assert set(upstreams()) == {
        "military_expenditure",
        "wdi_military_expenditure",
        "world_countries",
        "china_russia_trade",
        "arms_transfers",
        "unsc_vetoes",
        "unga_agreement",
    }
    every = set(upstreams()) | set(by_hand()) | set(refresh.hand_compiled())
    assert every == set(datasets.names()), "every dataset is either downloaded, downloaded by hand or compiled"


def _edit_register(answer: Path, edit) -> None:
    """Change the CSV inside SIPRI's base64 JSON answer, as a new export would."""
    text = base64.b64decode(json.loads(answer.read_text(encoding="utf-8"))["bytes"]).decode("utf-8")
    answer.write_text(
        json.dumps({"bytes": base64.b64encode(edit(text).encode("utf-8")).decode("ascii")}), encoding="utf-8"
    )


def test_sipri_register_replaces_the_years_it_covers_and_a_revision_moves_c24(data_copy, upstream):
    """The fixture holds deliveries 2021-2023 to China and from Russia (SIPRI's export of 3 January
    2025): the same exact sums as the table, so nothing moves until a value is revised."""
    served, url = upstream
    text, before = _unchanged_by_refresh("arms_transfers", 178, mirror=url)
    assert datasets.resource("arms_transfers")["sources"][0]["vintage"] == "2025-01-03"  # the register's own date
    # every export carries a new 'Data generated' time: that alone is not a new release
    _edit_register(served / SIPRI_REGISTER, lambda t: t.replace("3 Jan 2025 9:16:02 PM", "4 Jan 2025 8:00:00 AM"))
    text = refresh.refresh(["arms_transfers"], mirror=url, timeout=10, accept_new_release=True)
    assert "register: 2025-01-03 → 2025-01-04" in text

    # a revised Russian delivery to China in 2023: 1,000 m TIV more
    def revise(t):
        lines = t.splitlines(keepends=True)
        i = next(i for i, row in enumerate(lines) if row.split(",")[1:3] == ["Russia", "China"] and ",2023," in row)
        cells = lines[i].rstrip("\n").split(",")
        cells[15] = str(float(cells[15]) + 1000)
        lines[i] = ",".join(cells) + "\n"
        return "".join(lines)

    _edit_register(served / SIPRI_REGISTER, revise)
    with pytest.raises(refresh.RefreshError, match="not the one the last refresh took"):
        refresh.refresh(["arms_transfers"], mirror=url, timeout=10)
    text = refresh.refresh(["arms_transfers"], mirror=url, timeout=10, accept_new_release=True)
    assert "0 added, 0 removed, 3 changed" in text  # Russia → China, all → China and Russia → all, 2023
    assert re.search(r"2023 RUS CHN  tiv_m: [\d.]+ → [\d.]+", text)
    assert re.search(r"C24 .*→", text), text
    rus_chn = datasets.load("arms_transfers").set_index(["year", "supplier", "recipient"])["tiv_m"]
    assert rus_chn[(2023, "RUS", "CHN")] == pytest.approx(
        before.set_index(["year", "supplier", "recipient"])["tiv_m"][(2023, "RUS", "CHN")] + 1000
    )


def _add_veto_row(page: Path, cells: str) -> None:
    """A new veto on the library's page, which lists the newest first."""
    text = page.read_text(encoding="utf-8")
    first = text.index('    <tr valign="top">')
    page.write_text(text[:first] + f'    <tr valign="top">{cells}</tr>\n' + text[first:], encoding="utf-8")


def test_the_library_page_replaces_the_log_rows_it_now_covers_keeping_china_s_vote(data_copy, upstream):
    served, url = upstream
    text, _ = _unchanged_by_refresh("unsc_vetoes", 233, mirror=url)
    # the library lists the veto of 30 September 2022, which the table had from the evidence log
    _add_veto_row(
        served / VETO_PAGE,
        '<td>30 September 2022</td><td><a href="https://undocs.org/S/2022/720">'
        'S/2022/720</a></td><td><a href="https://undocs.org/S/PV.9143">S/PV.9143</a></td>'
        "<td>Letter dated 28 February 2014 from the Permanent Representative of Ukraine</td>"
        "<td>Russian Federation</td>",
    )
    text = refresh.refresh(["unsc_vetoes"], mirror=url, timeout=10, accept_new_release=True)
    assert "233 → 233 rows; 0 added, 0 removed, 1 changed" in text
    row = datasets.load("unsc_vetoes").set_index("date").loc["2022-09-30"]
    assert (row["source"], row["symbol_checked"], row["vetoing"]) == ("un_library", "yes", "RUS")
    assert (row["vote"], row["china_vote"]) == ("10-1-4", "abstain")  # what the log recorded is kept


def test_a_page_row_naming_no_permanent_member_is_refused_naming_the_row(data_copy, upstream):
    served, url = upstream
    _add_veto_row(
        served / VETO_PAGE, "<td>1 October 2022</td><td>S/2022/999</td><td></td><td>Test</td><td>Germany</td>"
    )
    digest = _digest(data_copy)
    with pytest.raises(
        refresh.RefreshError,
        match=r"scact_veto_table_en.htm, table row 1: column 'members': "
        r"unknown permanent member\(s\) \['Germany'\]",
    ):
        refresh.refresh(["unsc_vetoes"], mirror=url, timeout=10, accept_new_release=True)
    assert _digest(data_copy) == digest


def test_the_un_library_s_votes_continue_the_series_after_voeten_s_last_year(data_copy, upstream):
    """The fixture holds Voeten's roll calls of November 2019 - January 2020 in the library's
    layout: with the table's Voeten years ending in 2018, the library's 2019 comes in with the
    same shares Voeten's data give (January 2020 has too few roll calls to count)."""
    from analysis import datasets

    full = datasets.load("unga_agreement")
    assert "Hammarskjold" not in datasets.citation("unga_agreement")  # no row from the library yet: not cited
    datasets.write_table("unga_agreement", full[full["year"] < 2019])
    text = refresh.refresh(["unga_agreement"], mirror=upstream[1], timeout=10, accept_new_release=True)
    assert f"unga_agreement: {len(full) - 3} → {len(full)} rows; 3 added, 0 removed, 0 changed" in text
    assert "no year is covered both by Voeten's data and by the library's file" in text
    after = datasets.load("unga_agreement")
    new = after[after["year"] == 2019].set_index("pair")
    assert set(new["source"]) == {"un_library"}
    old = full[full["year"] == 2019].set_index("pair")
    assert new["roll_calls"].equals(old["roll_calls"]) and new["agreement_pct"].equals(old["agreement_pct"])
    source = datasets.resource("unga_agreement")["sources"][1]
    assert source["vintage"] == "2020-01-14"  # the newest file of the record, by the date in its name
    assert "pending" not in source and "UN Dag Hammarskjold Library" in datasets.citation("unga_agreement")


def test_the_size_of_the_series_break_is_measured_where_both_sources_cover_a_year(data_copy):
    from analysis.sources.producers.un_voting import overlap

    votes = FIXTURES / "digitallibrary.un.org/record/4060887/files/2020_01_14_ga_voting.csv"
    table = datasets.load("unga_agreement")
    assert overlap(table, votes).startswith(
        "in the 1 year(s) both cover (2019-2019), the library's shares differ from Voeten's by 0.0 points on average"
    )
    shifted = table.assign(
        agreement_pct=table["agreement_pct"].where(
            ~((table["year"] == 2019) & (table["pair"] == "CHN-USA")), table["agreement_pct"] + 7
        )
    )
    assert overlap(shifted, votes).endswith("at most -7.0 (CHN-USA, 2019)")


def test_a_record_without_a_voting_file_is_a_clear_error(data_copy, upstream):
    served, url = upstream
    (served / UN_LIBRARY_FILES).write_text('[{"name": "readme", "url": "https://example.org/r.txt", "format": ".txt"}]')
    digest = _digest(data_copy)
    with pytest.raises(refresh.RefreshError, match=r"record lists no \*_ga_voting.csv file"):
        refresh.refresh(["unga_agreement"], mirror=url, timeout=10, accept_new_release=True)
    assert _digest(data_copy) == digest


def test_a_file_downloaded_by_hand_goes_through_the_same_checks(data_copy, tmp_path, capsys):
    """SIPRI's web form gives the register's CSV export: the same rows as the backend's answer."""
    from analysis import cli

    answer = json.loads((FIXTURES / SIPRI_REGISTER).read_text(encoding="utf-8"))
    export = tmp_path / "trade-register.csv"
    export.write_bytes(base64.b64decode(answer["bytes"]))
    text, _ = _unchanged_by_refresh("arms_transfers", 178, from_file=export)
    assert datasets.resource("arms_transfers")["sources"][0]["retrieved"] == time.strftime("%Y-%m-%d")
    digest = _digest(data_copy)
    assert cli.main(["refresh", "arms_transfers", "unsc_vetoes", "--from-file", str(export)]) == 1
    assert "a file given by hand is for one dataset" in capsys.readouterr().err
    assert (
        cli.main(["refresh", "unsc_vetoes", "--accept-new-release", "--from-file", str(tmp_path / "missing.htm")]) == 1
    )
    assert "missing.htm: no such file" in capsys.readouterr().err
    assert cli.main(["refresh", "unsc_vetoes", "--accept-new-release", "--from-file", str(export)]) == 1  # not the page
    assert "unsc_vetoes: the file from" in capsys.readouterr().err
    assert "or --from-file: the UN library's veto table page (HTML)" in refresh.listing()
    assert _digest(data_copy) == digest


def test_table_diff_counts_added_removed_and_changed_rows():
    import pandas as pd

    old = pd.DataFrame({"k": [1, 2, 3], "v": [1.0, 2.0, 3.0]})
    new = pd.DataFrame({"k": [2, 3, 4], "v": [2.0, 30.0, 4.0]})
    d = refresh.table_diff(old, new, ["k"])
    assert (d["added"], d["removed"], d["changed_rows"]) == (1, 1, 1)
    assert d["largest"][0][1:] == ("3", "v", "3.0", "30.0")


def _digest(data: Path) -> dict[str, str]:
    return {p.relative_to(data).as_posix(): datasets.sha256(p) for p in sorted(data.rglob("*")) if p.is_file()}
