"""``python -m analysis``: the project's one command line.

    python -m analysis build            build the HTML book (re-executes what changed)
    python -m analysis execute NB…      execute notebooks top to bottom, store their outputs
    python -m analysis run CHAPTER -p NAME VALUE …
                                        re-run a chapter with other parameters, into variants/
    python -m analysis data validate    check every table and the three registries
    python -m analysis data rehash      record the sha256 of tables edited on purpose
    python -m analysis data bibliography  write bibliography/book.bib from the descriptor
    python -m analysis ingest NAME …    re-derive a curated table from the producer's raw file
    python -m analysis refresh [NAME…]  download the producers' current releases, re-derive, show what moved
    python -m analysis claims           evaluate the report's claims (C01-C26) and further statements (X01-X30)
    python -m analysis figures          the charts of the last build and their sha256
    python -m analysis pdf              print the whole book to _build/pdf/book.pdf (system Chromium)
    python -m analysis bench            time the builds on this machine (in a copy of the project)

One module per group of commands: ``book`` (build, execute, run, figures, bench), ``data``
(data, ingest, refresh) and ``audit`` (claims).
"""

from __future__ import annotations

import argparse
import sys

from analysis.cli import audit, book, data
from analysis.cli.errors import USER_ERRORS, message


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.split("\n\n")[0])
    p.add_argument("--debug", action="store_true", help="show the full traceback of an error")
    sub = p.add_subparsers(dest="command", required=True)
    book.add_build_commands(sub)
    data.add(sub)
    book.add_inspection_commands(sub)
    data.add_refresh(sub)
    audit.add(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run one command; an error in what the user gave (a table, a registry, an argument, a
    download) is one message naming where it is, and exit status 2 (a traceback with --debug)."""
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except USER_ERRORS as err:
        if args.debug:
            raise
        print(f"error: {message(err)}", file=sys.stderr)
        return 2
