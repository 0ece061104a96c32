"""The audit's command: ``claims`` (every verdict, or every verdict under each choice)."""

from __future__ import annotations

import json
import sys


def _claims(args) -> int:
    from analysis.audit.claims import evaluate_all

    if args.robustness:
        import pandas as pd

        from analysis.audit import robustness

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
            print(
                f"{row.id}  {row.verdict:<30} {row.where}\n     stated:   {row.stated}\n     computed: {row.computed}\n"
            )
    return 0


def add(sub) -> None:
    c = sub.add_parser("claims", help="evaluate every registered claim of the report")
    c.add_argument("--format", choices=["table", "csv", "json"], default="table")
    c.add_argument(
        "--robustness",
        action="store_true",
        help="every computed verdict and reading under each defensible choice, with 'k of n'",
    )
    c.add_argument(
        "--only",
        choices=["C", "X", "NA"],
        default=None,
        help="only the report's headline claims (C), its further statements (X), or, with --robustness, "
        "the net assessments (NA)",
    )
    c.set_defaults(func=_claims)
