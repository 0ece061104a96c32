"""Commands of the data: ``data`` (validate, list, rehash, bibliography), ``ingest`` (one
sub-command per dataset a producer module makes) and ``refresh``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis import paths


def _data(args) -> int:
    from analysis import datasets

    if args.action == "list":
        for name in datasets.names():
            res = datasets.resource(name)
            print(f"{name:28} {res['path']:40} {res.get('title', '')}")
        return 0
    if args.action == "bibliography":
        from analysis.book import bibliography

        changed = bibliography.write()
        print(f"{paths.relative(bibliography.book_bib_file())} {'written' if changed else 'unchanged'}")
        return 0
    if args.action == "rehash":
        changed = datasets.rehash()
        for name, (old, new) in changed.items():
            print(f"{name}: sha256 {old[:12]}… → {new[:12]}…")
        print("no checksum changed" if not changed else f"{len(changed)} checksum(s) recorded in data/datapackage.yaml")
        return 0
    return _validate()


def _validate() -> int:
    from analysis import datasets
    from analysis.evidence import registries

    results = datasets.validate_all()
    for name, msg in results.items():
        print(f"{name}: ok" if msg == "ok" else msg, file=sys.stdout if msg == "ok" else sys.stderr)
    found = registries.validate_all()
    for file, problems in found.items():
        print(f"{file}: ok" if not problems else "\n".join(problems), file=sys.stderr if problems else sys.stdout)
    return 0 if all(m == "ok" for m in results.values()) and not any(found.values()) else 1


def _ingest(args) -> int:
    from analysis import datasets

    table = args.derive(args)
    target = datasets.write_table(args.dataset, table)
    print(f"wrote {len(table)} rows to {paths.relative(target)} and recorded its sha256")
    return 0


def _refresh(args) -> int:
    from analysis.sources import refresh

    if args.list:
        print(refresh.listing())
        return 0
    try:
        print(
            refresh.refresh(
                args.datasets,
                mirror=args.mirror,
                timeout=args.timeout,
                accept_new_release=args.accept_new_release,
                dry_run=args.dry_run,
                progress=not args.quiet,
                from_file=args.from_file,
            )
        )
    except refresh.RefreshError as err:
        if args.debug:
            raise
        print(f"error: {err}\ndata/ is unchanged.", file=sys.stderr)
        return 1
    return 0


def add(sub) -> None:
    from analysis.sources.registry import ingests

    d = sub.add_parser("data", help="the curated tables: validate, list, rehash, bibliography")
    d.add_argument("action", choices=["validate", "list", "rehash", "bibliography"])
    d.set_defaults(func=_data)

    i = sub.add_parser("ingest", help="re-derive a curated table from the producer's raw file(s)")
    isub = i.add_subparsers(dest="dataset", required=True)
    for ingest in ingests().values():
        ingest.add_to(isub)
    i.set_defaults(func=_ingest)


def _seconds(text: str) -> float:
    """A time-out: a number of seconds above 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text}: a download needs a time-out of more than 0 s")
    return value


def add_refresh(sub) -> None:
    rf = sub.add_parser(
        "refresh",
        help="download the producers' current releases, re-derive the tables, show what moved",
        description="Download each producer's file named in data/datapackage.yaml, re-derive the "
        "table with the ingest code, validate, replace it in data/ and report the rows "
        "and the claim verdicts that moved. On any failure data/ is unchanged.",
    )
    rf.add_argument("datasets", nargs="*", help="datasets to refresh (default: every downloadable one)")
    rf.add_argument(
        "--list",
        action="store_true",
        help="how each dataset is refreshed; hand-compiled ones with the date of their last row",
    )
    rf.add_argument("--dry-run", action="store_true", help="report what would change; leave data/ as it is")
    rf.add_argument(
        "--accept-new-release",
        action="store_true",
        help="take a file whose sha256 differs from the one the last refresh recorded",
    )
    rf.add_argument(
        "--timeout",
        type=_seconds,
        default=60.0,
        help="seconds allowed for each download, from request to last byte (default 60)",
    )
    rf.add_argument("--mirror", help="fetch host/path under this address instead (also ANALYSIS_UPSTREAM_MIRROR)")
    rf.add_argument("--quiet", action="store_true", help="no progress bar")
    rf.add_argument(
        "--from-file",
        type=Path,
        metavar="FILE",
        help="take this file, downloaded by hand, for the one dataset named (see --list for its format)",
    )
    rf.set_defaults(func=_refresh)
