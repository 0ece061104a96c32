"""``python -m analysis``: the project's one command line.

    python -m analysis build            build the HTML book (re-executes what changed)
    python -m analysis execute NB…      execute notebooks top to bottom, store their outputs
    python -m analysis run CHAPTER -p NAME VALUE …
                                        re-run a chapter with other parameters, into variants/
    python -m analysis data validate    check every table against data/datapackage.yaml
    python -m analysis data rehash      record the sha256 of tables edited on purpose
    python -m analysis data bibliography  write bibliography/book.bib from the descriptor
    python -m analysis ingest NAME …    re-derive a curated table from the producer's raw file
    python -m analysis refresh [NAME…]  download the producers' current releases, re-derive, show what moved
    python -m analysis claims           evaluate the report's claims (C01-C26) and further statements (X01-X30)
    python -m analysis figures          the charts of the last build and their sha256
    python -m analysis bench            time the builds on this machine (in a copy of the project)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from analysis import paths


def _build(args) -> int:
    from analysis.build import build

    return build(fresh=args.fresh, quiet=args.quiet, jobs=args.jobs)


def _execute(args) -> int:
    from analysis.execute import execute_in_place

    for nb in args.notebooks:
        print(f"executing {nb}")
        execute_in_place(Path(nb), timeout=args.timeout)
    return 0


def _run(args) -> int:
    from analysis import variant

    try:
        if args.list:
            for name, default in variant.parameters(args.chapter).items():
                print(f"{name} = {default}")
            return 0
        values = variant.parse_values(args.parameter or [], args.chapter)
        out = variant.run(args.chapter, values, name=args.name, page=not args.no_page, progress=not args.quiet)
    except variant.VariantError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"{'page' if not args.no_page else 'notebook'}: {paths.relative(out)}")
    return 0


def _data(args) -> int:
    from analysis import datasets

    if args.action == "list":
        for name in datasets.names():
            res = datasets.resource(name)
            print(f"{name:28} {res['path']:40} {res.get('title', '')}")
        return 0
    if args.action == "bibliography":
        from analysis import bibliography

        changed = bibliography.write()
        print(f"{paths.relative(bibliography.BOOK_BIB)} {'written' if changed else 'unchanged'}")
        return 0
    if args.action == "rehash":
        changed = datasets.rehash()
        for name, (old, new) in changed.items():
            print(f"{name}: sha256 {old[:12]}… → {new[:12]}…")
        print("no checksum changed" if not changed else f"{len(changed)} checksum(s) recorded in data/datapackage.yaml")
        return 0
    results = datasets.validate_all()
    for name, msg in results.items():
        print(f"{name}: ok" if msg == "ok" else msg, file=sys.stdout if msg == "ok" else sys.stderr)
    return 0 if all(m == "ok" for m in results.values()) else 1


def _ingest(args) -> int:
    from analysis import ingest

    table = args.derive(ingest, args)
    target = ingest.write(args.dataset, table)
    print(f"wrote {len(table)} rows to {paths.relative(target)} and recorded its sha256")
    return 0


def _refresh(args) -> int:
    from analysis import refresh

    if args.list:
        print(refresh.listing())
        return 0
    try:
        print(refresh.refresh(args.datasets, mirror=args.mirror, timeout=args.timeout,
                              accept_new_release=args.accept_new_release, dry_run=args.dry_run,
                              progress=not args.quiet, from_file=args.from_file))
    except refresh.RefreshError as err:
        print(f"error: {err}\ndata/ is unchanged.", file=sys.stderr)
        return 1
    return 0


def _claims(args) -> int:
    from analysis.claims import evaluate_all

    if args.robustness:
        from analysis import robustness

        import pandas as pd

        table = pd.concat([robustness.full_grid("claim"), robustness.full_grid("assessment")], ignore_index=True)
        if args.only:
            table = table[table["id"].str.startswith(args.only)]
        if args.format == "csv":
            table.to_csv(sys.stdout, index=False, lineterminator="\n")
        elif args.format == "json":
            print(json.dumps(table.to_dict(orient="records"), indent=2, ensure_ascii=False))
        else:
            for item_id, rows in table.groupby("id", sort=False):
                print(f"{item_id}  {robustness.summary(item_id, rows)}")
                for row in rows.itertuples():
                    print(f"     {'=' if row.agrees else '≠'} {row.outcome:<14} {row.choice}")
                print()
        return 0
    table = evaluate_all(args.only)
    if args.format == "csv":
        table.to_csv(sys.stdout, index=False, lineterminator="\n")
    elif args.format == "json":
        print(json.dumps(table.to_dict(orient="records"), indent=2, ensure_ascii=False))
    else:
        for row in table.itertuples():
            print(f"{row.id}  {row.verdict:<30} {row.where}\n     stated:   {row.stated}\n     computed: {row.computed}\n")
    return 0


def _figures(args) -> int:
    from analysis.datasets import sha256
    from analysis.figures import output_dir

    files = sorted(p for p in output_dir().glob("*") if p.suffix in (".png", ".svg", ".csv"))
    if not files:
        print(f"no chart in {paths.relative(output_dir())}: build the book first (make book)", file=sys.stderr)
        return 1
    for f in files:
        print(f"{sha256(f)}  {paths.relative(f)}")
    return 0


def _bench(args) -> int:
    from analysis.bench import bench, report

    print(report(bench(tests=args.tests)))
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build the HTML book into _build/html")
    b.add_argument("--fresh", action="store_true", help="empty the execution cache and rebuild every page")
    b.add_argument("--quiet", action="store_true", help="print less (no progress bar)")
    b.add_argument("--jobs", "-j", type=int, help="notebooks executed at a time (default: one per core)")
    b.set_defaults(func=_build)

    e = sub.add_parser("execute", help="execute notebooks in a fresh kernel and store their outputs in place")
    e.add_argument("notebooks", nargs="+", help="notebook files, e.g. chapters/02_military.ipynb")
    e.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell (default 600)")
    e.set_defaults(func=_execute)

    r = sub.add_parser("run", help="re-run one chapter with other parameters into variants/, and build its page",
                       description="Execute a chapter with papermill into variants/<chapter>_<name>/ and build "
                                   "an HTML page for it there; the book is not touched.")
    r.add_argument("chapter", help="e.g. 02_military (see chapters/)")
    r.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"),
                   help="a parameter and its value (read as YAML); repeat for several")
    r.add_argument("--name", default="variant", help="name of the variant's folder (default: variant)")
    r.add_argument("--list", action="store_true", help="print the chapter's parameters and defaults, and stop")
    r.add_argument("--no-page", action="store_true", help="execute only; build no HTML page")
    r.add_argument("--quiet", action="store_true", help="no progress bar")
    r.set_defaults(func=_run)

    d = sub.add_parser("data", help="the curated tables: validate, list, rehash, bibliography")
    d.add_argument("action", choices=["validate", "list", "rehash", "bibliography"])
    d.set_defaults(func=_data)

    i = sub.add_parser("ingest", help="re-derive a curated table from the producer's raw file(s)")
    isub = i.add_subparsers(dest="dataset", required=True)
    m = isub.add_parser("military_expenditure", help="from SIPRI's milex workbook (SIPRI-Milex-data-1949-YYYY.xlsx)")
    m.add_argument("workbook", type=Path)
    m.set_defaults(derive=lambda ingest, a: ingest.ingest_military_expenditure(a.workbook))
    a = isub.add_parser("arms_transfers", help="from two SIPRI trade registers and their preambles")
    a.add_argument("--per-year", type=Path, required=True, help="register by delivery year (CSV)")
    a.add_argument("--per-deal", type=Path, required=True, help="register by deal (CSV)")
    a.add_argument("--per-year-preamble", type=Path, help="its preamble, if saved apart from the CSV")
    a.add_argument("--per-deal-preamble", type=Path, help="its preamble, if saved apart from the CSV")
    a.add_argument("--full-register", type=Path,
                   help="register by deal of every supplier and recipient (for China → Russia and Russia's imports)")
    a.set_defaults(derive=lambda ingest, a: ingest.ingest_arms_transfers(
        a.per_year, a.per_deal, a.per_year_preamble, a.per_deal_preamble, a.full_register))
    t = isub.add_parser("china_russia_trade", help="from IMF DOTS and UN Comtrade, with the press figures in data/")
    t.add_argument("--dots-workbook", type=Path, required=True, help="IMF DOTS workbook of reporter China (DOTS_40.xlsx)")
    t.add_argument("--comtrade-monthly", type=Path, required=True,
                   help="CSV: date, cn_exports_to_ru_usd_bn, cn_imports_from_ru_usd_bn")
    t.set_defaults(derive=lambda ingest, a: ingest.ingest_china_russia_trade(
        a.dots_workbook, a.comtrade_monthly, paths.DATA / "economy" / "customs_press_figures.csv"))
    c6 = isub.add_parser("china_russia_trade_by_section", help="from CEPII BACI HS6 rows (t, i, j, k, v, q)")
    c6.add_argument("hs6_csv", type=Path, help="BACI rows for China and Russia (or a whole BACI year file)")
    c6.set_defaults(derive=lambda ingest, a: ingest.ingest_trade_composition(a.hs6_csv))
    c7 = isub.add_parser("china_russia_mineral_fuels", help="HS chapter 27 from CEPII BACI HS6 rows")
    c7.add_argument("hs6_csv", type=Path, help="BACI rows for China and Russia (or a whole BACI year file)")
    c7.set_defaults(derive=lambda ingest, a: ingest.mineral_fuels_share(a.hs6_csv))
    s = isub.add_parser("trade_partner_shares", help="from the IMF DOTS workbooks of China and of Russia")
    s.add_argument("--china-workbook", type=Path, required=True, help="reporter China (DOTS_40.xlsx)")
    s.add_argument("--russia-workbook", type=Path, required=True, help="reporter Russia (DOTS_162.xlsx)")
    s.set_defaults(derive=lambda ingest, a: ingest.ingest_trade_partner_shares(a.china_workbook, a.russia_workbook))
    f = isub.add_parser("china_ofdi_russia", help="from MOFCOM's OFDI series (CEIC export) and UNCTADstat")
    f.add_argument("--mofcom-ceic", type=Path, required=True, help="CEIC export of MOFCOM's OFDI by destination (CSV)")
    f.add_argument("--unctad", type=Path, required=True, help="UNCTADstat US_FdiFlowsStock bulk CSV (or its rows)")
    f.set_defaults(derive=lambda ingest, a: ingest.ingest_china_ofdi_russia(a.mofcom_ceic, a.unctad))
    v = isub.add_parser("unsc_vetoes", help="from the UN library's veto list (CSV) and the book's evidence log of later vetoes")
    v.add_argument("--library", type=Path, required=True, help="the library's veto list, one column per permanent member")
    v.add_argument("--evidence-log", type=Path, required=True, help="later vetoes, one row per vetoed text, with addresses")
    v.set_defaults(derive=lambda ingest, a: ingest.ingest_unsc_vetoes(a.library, a.evidence_log))
    g = isub.add_parser("unga_agreement", help="from Voeten's General Assembly roll calls (un_votes.csv, un_roll_calls.csv)")
    g.add_argument("--votes", type=Path, required=True)
    g.add_argument("--roll-calls", type=Path, required=True)
    g.set_defaults(derive=lambda ingest, a: ingest.ingest_unga_agreement(a.votes, a.roll_calls))
    wb = isub.add_parser("wdi_military_expenditure",
                         help="from the World Bank's MS.MIL.XPND.CD: bulk CSV (API_MS.MIL.XPND.CD_DS2_*.csv) or API JSON")
    wb.add_argument("file", type=Path)
    wb.set_defaults(derive=lambda ingest, a: ingest.ingest_wdi_military_expenditure(a.file))
    w = isub.add_parser("world_countries", help="from Natural Earth's 1:110m Admin 0 countries (GeoJSON)")
    w.add_argument("geojson", type=Path)
    w.set_defaults(derive=lambda ingest, a: ingest.ingest_world_countries(a.geojson))
    i.set_defaults(func=_ingest)

    fg = sub.add_parser("figures", help="list the charts of the last build with their sha256 (compare two builds)")
    fg.set_defaults(func=_figures)

    bn = sub.add_parser("bench", help="time the cold build, the no-op rebuild, a data change and the floor")
    bn.add_argument("--tests", action="store_true", help="also time the full test suite")
    bn.set_defaults(func=_bench)

    rf = sub.add_parser("refresh", help="download the producers' current releases, re-derive the tables, show what moved",
                        description="Download each producer's file named in data/datapackage.yaml, re-derive the "
                                    "table with the ingest code, validate, replace it in data/ and report the rows "
                                    "and the claim verdicts that moved. On any failure data/ is unchanged.")
    rf.add_argument("datasets", nargs="*", help="datasets to refresh (default: every downloadable one)")
    rf.add_argument("--list", action="store_true",
                    help="how each dataset is refreshed; hand-compiled ones with the date of their last row")
    rf.add_argument("--dry-run", action="store_true", help="report what would change; leave data/ as it is")
    rf.add_argument("--accept-new-release", action="store_true",
                    help="take a file whose sha256 differs from the one the last refresh recorded")
    rf.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for a server (default 60)")
    rf.add_argument("--mirror", help="fetch host/path under this address instead (also ANALYSIS_UPSTREAM_MIRROR)")
    rf.add_argument("--quiet", action="store_true", help="no progress bar")
    rf.add_argument("--from-file", type=Path, metavar="FILE",
                    help="take this file, downloaded by hand, for the one dataset named (see --list for its format)")
    rf.set_defaults(func=_refresh)

    c = sub.add_parser("claims", help="evaluate every registered claim of the report")
    c.add_argument("--format", choices=["table", "csv", "json"], default="table")
    c.add_argument("--robustness", action="store_true",
                   help="every computed verdict and reading under each defensible choice, with 'k of n'")
    c.add_argument("--only", choices=["C", "X", "NA"], default=None,
                   help="only the report's headline claims (C), its further statements (X), or, with --robustness, "
                        "the net assessments (NA)")
    c.set_defaults(func=_claims)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)
