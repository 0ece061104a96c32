"""Commands of the book: ``build``, ``execute``, ``run`` (a variant), ``figures``, ``bench``."""

from __future__ import annotations

import sys
from pathlib import Path

from analysis import paths


def _build(args) -> int:
    from analysis.book.build import build

    return build(fresh=args.fresh, quiet=args.quiet, jobs=args.jobs)


def _execute(args) -> int:
    from analysis.book.execute import execute_in_place

    for nb in args.notebooks:
        print(f"executing {nb}")
        execute_in_place(Path(nb), timeout=args.timeout)
    return 0


def _run(args) -> int:
    from analysis.book import variant

    if args.list:
        for name, default in variant.parameters(args.chapter).items():
            print(f"{name} = {default}")
        return 0
    values = variant.parse_values(args.parameter or [], args.chapter)
    out = variant.run(args.chapter, values, name=args.name, page=not args.no_page, progress=not args.quiet)
    print(f"{'page' if not args.no_page else 'notebook'}: {paths.relative(out)}")
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


def _pdf(args) -> int:
    from analysis.book.pdf import pdf

    print(f"The book as one PDF: {paths.relative(pdf())}")
    return 0


def _bench(args) -> int:
    from analysis.book.bench import bench, report

    print(report(bench(tests=args.tests)))
    return 0


def add_build_commands(sub) -> None:
    b = sub.add_parser("build", help="build the HTML book into _build/html")
    b.add_argument("--fresh", action="store_true", help="empty the execution cache and rebuild every page")
    b.add_argument("--quiet", action="store_true", help="print less (no progress bar)")
    b.add_argument("--jobs", "-j", type=int, help="notebooks executed at a time (default: one per core)")
    b.set_defaults(func=_build)

    e = sub.add_parser("execute", help="execute notebooks in a fresh kernel and store their outputs in place")
    e.add_argument("notebooks", nargs="+", help="notebook files, e.g. chapters/02_military.ipynb")
    e.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell (default 600)")
    e.set_defaults(func=_execute)

    r = sub.add_parser(
        "run",
        help="re-run one chapter with other parameters into variants/, and build its page",
        description="Execute a chapter with papermill into variants/<chapter>_<name>/ and build "
        "an HTML page for it there; the book is not touched.",
    )
    r.add_argument("chapter", help="e.g. 02_military (see chapters/)")
    r.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        metavar=("NAME", "VALUE"),
        help="a parameter and its value (read as YAML); repeat for several",
    )
    r.add_argument("--name", default="variant", help="name of the variant's folder (default: variant)")
    r.add_argument("--list", action="store_true", help="print the chapter's parameters and defaults, and stop")
    r.add_argument("--no-page", action="store_true", help="execute only; build no HTML page")
    r.add_argument("--quiet", action="store_true", help="no progress bar")
    r.set_defaults(func=_run)


def add_inspection_commands(sub) -> None:
    fg = sub.add_parser("figures", help="list the charts of the last build with their sha256 (compare two builds)")
    fg.set_defaults(func=_figures)

    pd = sub.add_parser("pdf", help="print the whole book to _build/pdf/book.pdf with the system's Chromium (offline)")
    pd.set_defaults(func=_pdf)

    bn = sub.add_parser("bench", help="time the cold build, the no-op rebuild, a data change and the floor")
    bn.add_argument("--tests", action="store_true", help="also time the full test suite")
    bn.set_defaults(func=_bench)
